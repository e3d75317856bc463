#!/usr/bin/env bash
# Sourced by scripts/transdesk and scripts/test: make (or reuse) the virtual environment.
# The environment is keyed by a hash of pyproject.toml, so a change of dependencies builds a new
# one from nothing; an unchanged one is reused (llama-cpp-python takes minutes to compile).
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
extras=${1:-}
key=$( (cat "$repo_root/pyproject.toml"; echo "$extras") | sha256sum | cut -c1-16)
venv_root=${TRANSDESK_VENV_ROOT:-$HOME/.cache/transdesk/venvs}
venv="$venv_root/$key"
python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
    echo "transdesk: building the virtual environment in $venv (first run takes several minutes)" >&2
    rm -rf "$venv"
    mkdir -p "$venv_root"
    "$python" -m venv "$venv"
    log="$venv_root/$key.log"
    if ! { "$venv/bin/pip" install --upgrade pip \
            && "$venv/bin/pip" install -e "$repo_root${extras:+[$extras]}"; } >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "transdesk: installing the dependencies failed; the full log is $log" >&2
        exit 1
    fi
    touch "$venv/.complete"
else
    # the venv may have been made from another checkout: point the editable install here
    "$venv/bin/pip" install --quiet --no-deps -e "$repo_root" >/dev/null 2>&1
fi
export PATH="$venv/bin:$PATH"
export VIRTUAL_ENV="$venv"
