#!/usr/bin/env bash
# Make sure what the tests talk to is there: Debian's chromium and Korean fonts for the browser
# tests, and the PostgreSQL server on 127.0.0.1:5432 (started if it was stopped).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# read the font list whole: `fc-list | grep -q` under pipefail fails when grep stops reading early
fonts=$(fc-list 2>/dev/null || true)
grep -qi "noto.*cjk" <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    echo "transdesk: installing Debian's ${missing[*]} for the browser tests" >&2
    if command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
            || echo "transdesk: could not install ${missing[*]}; browser tests will be skipped" >&2
    fi
fi
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
fi
