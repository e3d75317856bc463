#!/usr/bin/env bash
# Sourced by scripts/bootstrap.sh and scripts/lock: install the pinned uv once, with pip, into the
# venv root, and export its path as TRANSDESK_UV.
set -euo pipefail
uv_version=0.13.8
venv_root=${TRANSDESK_VENV_ROOT:-$HOME/.cache/transdesk/venvs}
python=${PYTHON:-python3}
mkdir -p "$venv_root"
uv_home="$venv_root/uv-$uv_version"
uv="$uv_home/bin/uv"
if [ ! -x "$uv" ]; then
    echo "transdesk: installing uv $uv_version (the installer that reads uv.lock)" >&2
    rm -rf "$uv_home"
    if ! { "$python" -m venv "$uv_home" \
            && "$uv_home/bin/pip" install --quiet --disable-pip-version-check "uv==$uv_version"; } \
            >"$uv_home.log" 2>&1; then
        tail -n 20 "$uv_home.log" >&2
        echo "transdesk: could not install uv $uv_version with $python -m pip; the log is $uv_home.log" >&2
        rm -rf "$uv_home"
        exit 1
    fi
fi
export TRANSDESK_UV="$uv"
