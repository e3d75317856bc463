"""`transdesk submit FILE` against a real desk: it sends an editor's API token (--token or
TRANSDESK_API_TOKEN), and without one it says what to do instead of being refused."""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "kremlin-by-cli.md"
    path.write_bytes(SEED_ARTICLE.read_bytes())
    return path


@pytest.mark.parametrize("how", ["option", "environment"])
def test_submit_sends_the_token_and_waits_for_the_translation(
    live_desk_with_token, run_cli, monkeypatch, article, how
):
    args = ["submit", article, "--url", live_desk_with_token.url, "--wait"]
    if how == "option":
        args += ["--token", live_desk_with_token.token]
    else:
        monkeypatch.setenv("TRANSDESK_API_TOKEN", live_desk_with_token.token)
    result = run_cli(*args)
    assert result.code == 0, result.stderr
    slug, state, url = result.stdout.strip().split("\t")
    assert (slug, state) == ("kremlin-by-cli", "done")
    assert url == f"{live_desk_with_token.url}/articles/kremlin-by-cli"


@pytest.mark.parametrize(
    ("token", "said"),
    [(None, "TRANSDESK_API_TOKEN"), ("tdk_not-a-real-token", "not_authenticated")],
    ids=["no-token", "wrong-token"],
)
def test_submit_without_a_good_token_says_why(live_desk_with_token, run_cli, article, token, said):
    args = ["submit", article, "--url", live_desk_with_token.url]
    result = run_cli(*args, *(["--token", token] if token else []))
    assert result.code != 0 and said in result.stderr
