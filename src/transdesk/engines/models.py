"""The model cache: CTranslate2 + SentencePiece models on disk, fetched from the Hugging Face hub.

A model is named either by a local directory (used as it is) or by a hub name such as
`quickmt/quickmt-ko-en`, which lives in `settings.model_cache_dir` as `quickmt--quickmt-ko-en/`.
A cache entry is only ever created whole: files are downloaded into a hidden temporary directory
beside it, checked, and renamed into place. When a model is missing and the hub cannot be reached
the desk says so within seconds and names the way out (`transdesk models pull`, other engines).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from transdesk.errors import ConfigurationError, EngineUnavailable
from transdesk.settings import Settings

log = logging.getLogger(__name__)

MANIFEST = "transdesk-model.json"  # written by `pull`: hub name, revision, when
DEFAULT_ENDPOINT = "https://huggingface.co"
HUB_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
# Only the CTranslate2 files at the top of the repository; sub-folders such as `eole_model/` hold
# training checkpoints the desk never reads.
DOWNLOAD_PATTERNS = ["*.json", "*.bin", "*.model", "*.txt", "*.md", "LICENSE*"]
SKIP_PATTERNS = ["*/*"]
VOCABULARY_SUFFIXES = (".json", ".txt")


@dataclass(frozen=True, slots=True)
class ModelFiles:
    """The files of one CTranslate2 seq2seq model directory."""

    directory: Path
    source_vocabulary: Path
    target_vocabulary: Path
    source_spm: Path
    target_spm: Path


@dataclass(frozen=True, slots=True)
class CachedModel:
    name: str
    path: Path
    size_bytes: int
    revision: str | None


def cache_entry_name(name: str) -> str:
    """`quickmt/quickmt-ko-en` -> `quickmt--quickmt-ko-en`."""
    return name.replace("/", "--")


def _first_existing(directory: Path, stems: tuple[str, ...]) -> Path | None:
    for stem in stems:
        for suffix in VOCABULARY_SUFFIXES:
            if (candidate := directory / f"{stem}{suffix}").is_file():
                return candidate
    return None


def _sentencepiece_models(directory: Path) -> tuple[Path, Path] | None:
    source, target = directory / "src.spm.model", directory / "tgt.spm.model"
    if source.is_file() and target.is_file():
        return source, target
    shared = sorted(p for p in directory.glob("*.model") if p not in (source, target))
    if len(shared) == 1:
        return shared[0], shared[0]
    return None


def model_problems(directory: Path) -> list[str]:
    """What keeps `directory` from being a usable model (empty when it is one)."""
    if not directory.is_dir():
        return [f"{directory} is not a directory"]
    problems = [
        f"no {name}" for name in ("model.bin", "config.json") if not (directory / name).is_file()
    ]
    shared = _first_existing(directory, ("shared_vocabulary",))
    if not shared and not (
        _first_existing(directory, ("source_vocabulary",))
        and _first_existing(directory, ("target_vocabulary",))
    ):
        problems.append(
            "no source_vocabulary.json + target_vocabulary.json or shared_vocabulary.json"
        )
    if _sentencepiece_models(directory) is None:
        problems.append("no src.spm.model + tgt.spm.model or one shared SentencePiece .model")
    return problems


def model_files(directory: Path) -> ModelFiles:
    """The files of a model directory, or `ConfigurationError` naming everything missing."""
    if problems := model_problems(directory):
        raise ConfigurationError(
            f"{directory} is not a CTranslate2 translation model: {'; '.join(problems)}",
            hint="pass --model a directory holding model.bin, config.json, the vocabularies and "
            "the SentencePiece models, or a hub name such as quickmt/quickmt-ko-en",
        )
    shared = _first_existing(directory, ("shared_vocabulary",))
    source_vocabulary = shared or _first_existing(directory, ("source_vocabulary",))
    target_vocabulary = shared or _first_existing(directory, ("target_vocabulary",))
    spm_models = _sentencepiece_models(directory)
    assert source_vocabulary and target_vocabulary and spm_models  # model_problems checked
    return ModelFiles(directory, source_vocabulary, target_vocabulary, *spm_models)


def read_manifest(directory: Path) -> dict[str, str]:
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_hub_name(name_or_path: str) -> bool:
    return bool(HUB_NAME.match(name_or_path)) and not Path(name_or_path).expanduser().exists()


def cached_path(name: str, settings: Settings) -> Path | None:
    """The cache entry of hub model `name`, if there is one (checked: a broken entry raises)."""
    entry = settings.model_cache_dir / cache_entry_name(name)
    if not entry.exists():
        return None
    if problems := model_problems(entry):
        raise EngineUnavailable(
            f"the cached model {name!r} in {entry} is damaged: {'; '.join(problems)}",
            hint=f"download it again with `transdesk models pull {name} --force`",
        )
    return entry


def resolve_model(name_or_path: str, settings: Settings, download: bool = True) -> Path:
    """The directory of a model: a local directory as it is, a hub name from the cache (pulled on
    first use when `download`)."""
    if not is_hub_name(name_or_path):
        directory = Path(name_or_path).expanduser()
        if not directory.exists():
            raise ConfigurationError(
                f"no model directory at {directory}",
                hint="pass --model an existing directory or a hub name (quickmt/quickmt-ko-en)",
            )
        model_files(directory)
        return directory
    if (entry := cached_path(name_or_path, settings)) is not None:
        return entry
    if not download:
        raise EngineUnavailable(
            f"the translation model {name_or_path!r} is not in the model cache "
            f"({settings.model_cache_dir})",
            hint=f"download it with `transdesk models pull {name_or_path}`",
        )
    return pull(name_or_path, settings)


def list_cached(settings: Settings) -> list[CachedModel]:
    """Every complete model in the cache, by name."""
    root = settings.model_cache_dir
    if not root.is_dir():
        return []
    models = []
    for entry in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if model_problems(entry):
            continue
        manifest = read_manifest(entry)
        size = sum(f.stat().st_size for f in entry.rglob("*") if f.is_file())
        name = manifest.get("name") or entry.name.replace("--", "/", 1)
        models.append(CachedModel(name, entry, size, manifest.get("revision")))
    return models


# --- the hub ----------------------------------------------------------------------------------


def hub_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def offline_error(name: str, settings: Settings, reason: str) -> EngineUnavailable:
    return EngineUnavailable(
        f"the translation model {name!r} is not in the model cache ({settings.model_cache_dir}) "
        f"and the model hub cannot be reached: {reason}",
        hint=f"download it once while online with `transdesk models pull {name}` (or pass "
        "--model PATH to a model directory), or use another engine: "
        "`--engine openai --base-url http://HOST:PORT/v1` or `--engine memory`",
    )


def _hub_headers() -> dict[str, str]:
    from huggingface_hub import get_token

    token = get_token()
    return {"Authorization": f"Bearer {token}"} if token else {}


def probe_hub(name: str, settings: Settings) -> str:
    """The current revision of `name` on the hub, or a fast `EngineUnavailable`."""
    if hub_offline():
        raise offline_error(name, settings, "HF_HUB_OFFLINE is set")
    url = f"{hub_endpoint()}/api/models/{name}"
    timeout = httpx.Timeout(settings.hub_timeout_s, connect=min(settings.hub_timeout_s, 5.0))
    try:
        response = httpx.get(url, timeout=timeout, headers=_hub_headers(), follow_redirects=True)
    except httpx.HTTPError as error:
        raise offline_error(name, settings, f"{type(error).__name__} for {url}") from None
    if response.status_code in (401, 403, 404):
        raise EngineUnavailable(
            f"the model hub has no model {name!r} this desk may download "
            f"(HTTP {response.status_code} from {url})",
            hint="check the name, or log in with `hf auth login` for a private model",
        )
    if response.is_error:
        raise offline_error(name, settings, f"HTTP {response.status_code} from {url}")
    try:
        return str(response.json()["sha"])
    except (ValueError, KeyError, TypeError):
        raise offline_error(name, settings, f"unexpected answer from {url}") from None


def _download(name: str, revision: str, into: Path) -> None:
    from huggingface_hub import snapshot_download  # heavy import, only when downloading

    try:
        snapshot_download(
            name,
            revision=revision,
            local_dir=into,
            allow_patterns=DOWNLOAD_PATTERNS,
            ignore_patterns=SKIP_PATTERNS,
            endpoint=hub_endpoint(),
        )
    except Exception as error:  # network, disk, hub errors all end the pull the same way
        raise EngineUnavailable(
            f"downloading {name!r} failed: {error}",
            hint=f"try again with `transdesk models pull {name}`",
        ) from error
    shutil.rmtree(into / ".cache", ignore_errors=True)  # huggingface_hub's own bookkeeping


def _install(staging: Path, entry: Path) -> None:
    """Rename a complete download into place; an old entry (on --force) goes only after."""
    old = None
    if entry.exists():
        old = entry.with_name(f".old-{entry.name}-{os.getpid()}")
        entry.rename(old)
    staging.rename(entry)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def pull(name: str, settings: Settings, force: bool = False) -> Path:
    """Download hub model `name` into the cache (a no-op when it is there, unless `force`)."""
    if not HUB_NAME.match(name):
        raise ConfigurationError(f"{name!r} is not a hub model name (owner/name)")
    if not force and (entry := cached_path(name, settings)) is not None:
        return entry
    revision = probe_hub(name, settings)
    root = settings.model_cache_dir
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".partial-{cache_entry_name(name)}-", dir=root))
    try:
        log.info("downloading %s@%s into %s", name, revision, root)
        _download(name, revision, staging)
        if problems := model_problems(staging):
            raise EngineUnavailable(
                f"{name!r} on the hub is not a CTranslate2 model: {'; '.join(problems)}",
                hint="use a model converted with ct2-transformers-converter or pass --model PATH",
            )
        manifest = {"name": name, "revision": revision, "pulled_at": datetime.now(UTC).isoformat()}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        _install(staging, root / cache_entry_name(name))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return root / cache_entry_name(name)
