#!/usr/bin/env bash
# Sourced by scripts/transdesk and scripts/test: make (or reuse) the virtual
# environment, installed from the committed lock (uv.lock) and nothing else.
#
#   source scripts/bootstrap.sh ""      # the base install
#   source scripts/bootstrap.sh test    # with the test extra (pytest, llama.cpp server, ...)
#
# uv itself comes from scripts/uv.sh (pinned, installed once into the venv root). An environment is
# synced again only when uv.lock, pyproject.toml or the checkout it points at changed, so an
# unchanged one costs nothing; `uv sync --locked` refuses a lock that disagrees with pyproject.toml.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
extras=${1:-}
venv_root=${TRANSDESK_VENV_ROOT:-$HOME/.cache/transdesk/venvs}
python=${PYTHON:-python3}
# llama.cpp is compiled for a baseline x86-64-v3 CPU (AVX2), not for the building machine's own,
# so a cached wheel never crashes on another machine with an illegal instruction.
export CMAKE_ARGS=${CMAKE_ARGS:--DGGML_NATIVE=OFF}
export UV_PYTHON_DOWNLOADS=never

source "$repo_root/scripts/uv.sh"

venv="$venv_root/${extras:-base}"
stamp=$( (cat "$repo_root/uv.lock" "$repo_root/pyproject.toml"; echo "$repo_root" "$extras" \
    "$CMAKE_ARGS") | sha256sum | cut -c1-16)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.transdesk-stamp" 2>/dev/null)" != "$stamp" ]; then
    note=""
    [ "$extras" = test ] && note=" (the first run compiles llama-cpp-python: several minutes)"
    echo "transdesk: installing the locked dependencies into $venv$note" >&2
    log="$venv_root/${extras:-base}.log"
    if ! (cd "$repo_root" && UV_PROJECT_ENVIRONMENT="$venv" "$uv" sync --locked \
            --python "$python" ${extras:+--extra "$extras"}) >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "transdesk: installing the dependencies failed; the full log is $log" >&2
        echo "  hint: if it says the lock is out of date, run scripts/lock and commit uv.lock" >&2
        exit 1
    fi
    echo "$stamp" >"$venv/.transdesk-stamp"
fi
export PATH="$venv/bin:$PATH"
export VIRTUAL_ENV="$venv"
