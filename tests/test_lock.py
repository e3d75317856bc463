"""uv.lock, the lock every install comes from, agrees with pyproject.toml.

The lock records the requirements it was resolved for (`[package.metadata]` of the project); they
must be exactly pyproject.toml's, base and every extra, and every locked package a requirement
names must satisfy it. When scripts/bootstrap.sh installed uv, `uv lock --check` must agree too.
Fix a failure with `scripts/lock` and commit uv.lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lock() -> dict:
    return tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))


def _project_entry(lock: dict) -> dict:
    name = canonicalize_name(_pyproject()["project"]["name"])
    (entry,) = [p for p in lock["package"] if canonicalize_name(p["name"]) == name]
    return entry


def _declared_by_extra() -> list[tuple[str, Requirement]]:
    """(extra or "", requirement) for every requirement pyproject.toml declares."""
    project = _pyproject()["project"]
    declared = [("", Requirement(r)) for r in project["dependencies"]]
    for extra, members in project.get("optional-dependencies", {}).items():
        declared += [(extra, Requirement(r)) for r in members]
    return declared


def _declared() -> set[str]:
    out = set()
    for extra, requirement in _declared_by_extra():
        markers = [str(requirement.marker)] if requirement.marker else []
        if extra:
            markers.append(f'extra == "{extra}"')
        bare = str(requirement).split(";")[0]
        out.add(_normalised(bare + ("; " + " and ".join(markers) if markers else "")))
    return out


def _locked_requirements() -> set[str]:
    metadata = _project_entry(_lock())["metadata"]["requires-dist"]
    out = set()
    for item in metadata:
        text = item["name"]
        if item.get("extras"):
            text += "[" + ",".join(sorted(item["extras"])) + "]"
        text += item.get("specifier", "")
        if item.get("marker"):
            text += "; " + item["marker"]
        out.add(_normalised(text))
    return out


def _normalised(text: str) -> str:
    requirement = Requirement(text)
    extras = "[" + ",".join(sorted(requirement.extras)) + "]" if requirement.extras else ""
    specifier = ",".join(sorted(str(s) for s in requirement.specifier))
    marker = str(requirement.marker).replace("'", '"') if requirement.marker else ""
    marker = marker.replace("(", "").replace(")", "")
    return f"{canonicalize_name(requirement.name)}{extras}{specifier};{_sorted_marker(marker)}"


def _sorted_marker(marker: str) -> str:
    return " and ".join(sorted(part.strip() for part in marker.split(" and ") if part.strip()))


def test_the_lock_was_resolved_for_exactly_these_requirements():
    declared, locked = _declared(), _locked_requirements()
    assert declared - locked == set(), "in pyproject.toml, not in uv.lock: run scripts/lock"
    assert locked - declared == set(), "in uv.lock, not in pyproject.toml: run scripts/lock"


def test_every_locked_version_satisfies_pyproject():
    versions: dict[str, list[str]] = {}
    for package in _lock()["package"]:
        versions.setdefault(canonicalize_name(package["name"]), []).append(package["version"])
    for extra, requirement in _declared_by_extra():
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue  # not for this platform
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{name} is not in uv.lock: run scripts/lock"
        assert any(requirement.specifier.contains(v, prereleases=True) for v in versions[name]), (
            f"uv.lock has {name} {versions[name]}, pyproject.toml asks for {requirement.specifier}"
        )


def test_the_lock_pins_the_llama_server_that_serves_the_bundled_model():
    (llama,) = [p for p in _lock()["package"] if p["name"] == "llama-cpp-python"]
    assert llama["version"] == "0.3.16"


def test_uv_agrees_that_the_lock_is_current():
    uv = os.environ.get("TRANSDESK_UV") or shutil.which("uv")
    if not uv:
        pytest.skip("uv is not installed here (scripts/bootstrap.sh installs it)")
    done = subprocess.run(
        [uv, "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
