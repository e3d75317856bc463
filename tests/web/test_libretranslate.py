"""The LibreTranslate API at the desk's root, spoken to as its clients speak it.

The real `libretranslatepy` client and the exact requests Weblate sends (a form with one `q`, JSON
with a list of `q`, the `api_key` field) go to a real uvicorn server on loopback; texts go through
the desk's own pipeline (memory, termbase, engine, date style, checks) over the seed phrasebook.
A suggestion comes out in the editors' review queue.
"""

from __future__ import annotations

import httpx
import pytest
from fixtures.desk import wire
from libretranslatepy import LibreTranslateAPI

ADDED = "그는 두 정상이 이후 대화를 이어갈 것으로 본다고 덧붙였다."
ADDED_EN = "He added that they assume the two leaders will continue their dialogue afterward."
KREMLIN = (
    "크렘린궁은 2일(현지시간) 블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장이 3일 열리는 "
    "중국 전승절 80주년 행사에 참석하면서 대화를 이어갈 것으로 예상된다고 밝혔다."
)
UNKNOWN = "이 문장은 어디에도 없다."


def _error(answer: httpx.Response, status: int) -> str:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and body["error"], body
    return body["error"]


# --- the libretranslatepy client against a live desk -------------------------------------------


def test_the_libretranslate_client_translates_through_the_desks_pipeline(live_desk_with_token):
    client = LibreTranslateAPI(live_desk_with_token.url, live_desk_with_token.token)

    codes = {language["code"]: language["targets"] for language in client.languages()}
    assert codes == {"ko": ["en"], "en": []}
    assert client.detect(ADDED)[0]["language"] == "ko"
    assert client.detect("Hello, newsroom")[0]["language"] == "en"

    assert client.translate(ADDED, "ko", "en") == ADDED_EN
    english = client.translate(KREMLIN, "auto", "en")
    # the termbase and the date style ran, as for an article
    assert english.startswith("The Kremlin stated on ")
    assert "Kremlin Palace" not in english and "Commissioner" not in english
    assert "on the 2nd" not in english


def test_the_client_without_a_key_or_with_a_wrong_one_is_refused(live_desk_with_token):
    from urllib.error import HTTPError

    for key in (None, "not-a-token"):
        with pytest.raises(HTTPError) as refused:
            LibreTranslateAPI(live_desk_with_token.url, key).translate(ADDED, "ko", "en")
        assert refused.value.code == 403


def test_the_requests_weblate_sends(live_desk_with_token):
    key = live_desk_with_token.token
    with httpx.Client(base_url=live_desk_with_token.url + "/", timeout=60) as weblate:
        codes = [x["code"] for x in weblate.get("languages").json()]
        assert {"ko", "en"} <= set(codes)

        # the batch backend: JSON, a list of texts
        pair = {"source": "ko", "target": "en", "api_key": key}
        batch = weblate.post("translate", json={**pair, "q": [ADDED, KREMLIN]})
        assert batch.status_code == 200, batch.text
        texts = batch.json()["translatedText"]
        assert isinstance(texts, list) and texts[0] == ADDED_EN and "Kremlin" in texts[1]

        # a list of one is answered with a list of one
        one = weblate.post("translate", json={**pair, "q": [ADDED]})
        assert one.json()["translatedText"] == [ADDED_EN]

        # the older backend: a form with one text
        form = weblate.post(
            "translate", data={"api_key": key, "q": ADDED, "source": "ko", "target": "en"}
        )
        assert form.status_code == 200, form.text
        assert form.json()["translatedText"] == ADDED_EN


# --- the details of the API, on the test client ------------------------------------------------


@pytest.fixture
def lt(desk_client):  # type: ignore[no-untyped-def]
    """The desk's test client and an editor's API token to send as `api_key`."""
    token = wire(desk_client)["Authorization"].removeprefix("Bearer ")
    return desk_client, token


def test_auto_detection_is_reported_and_other_pairs_are_refused(lt):
    client, key = lt
    body = {"q": ADDED, "source": "auto", "target": "en", "api_key": key}
    answer = client.post("/translate", json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["detectedLanguage"] == {"language": "ko", "confidence": 100.0}

    english = {"q": "Good morning", "source": "auto", "target": "en", "api_key": key}
    assert "not supported" in _error(client.post("/translate", json=english), 400)
    reverse = {"q": "Good morning", "source": "en", "target": "ko", "api_key": key}
    assert "not supported" in _error(client.post("/translate", json=reverse), 400)
    french = {"q": ADDED, "source": "ko", "target": "fr", "api_key": key}
    assert "fr is not supported" in _error(client.post("/translate", json=french), 400)


def test_html_keeps_its_tags_and_translates_the_text_between_them(lt):
    client, key = lt
    fragment = f'<p class="lead"><b>{ADDED}</b></p>\n<p>{KREMLIN}</p>'
    answer = client.post(
        "/translate",
        json={"q": fragment, "source": "ko", "target": "en", "format": "html", "api_key": key},
    )
    assert answer.status_code == 200, answer.text
    html = answer.json()["translatedText"]
    assert html.startswith(f'<p class="lead"><b>{ADDED_EN}</b></p>\n<p>The Kremlin ')
    assert html.endswith("</p>") and "크렘린" not in html


def test_lines_stay_lines(lt):
    client, key = lt
    body = {"q": f"{ADDED}\n\n{ADDED}", "source": "ko", "target": "en", "api_key": key}
    answer = client.post("/translate", data=body)
    assert answer.json()["translatedText"] == f"{ADDED_EN}\n\n{ADDED_EN}"


def test_bad_requests_get_libretranslates_errors(lt):
    client, key = lt
    no_q = {"source": "ko", "target": "en", "api_key": key}
    assert "missing q" in _error(client.post("/translate", json=no_q), 400)
    no_target = {"q": ADDED, "source": "ko", "api_key": key}
    assert "missing target" in _error(client.post("/translate", data=no_target), 400)
    bad_format = {"q": ADDED, "source": "ko", "target": "en", "format": "pdf", "api_key": key}
    assert "format" in _error(client.post("/translate", json=bad_format), 400)
    as_json = {"content-type": "application/json"}
    assert _error(client.post("/translate", content=b"[1, 2]", headers=as_json), 400)
    assert _error(client.post("/translate", content=b"{", headers=as_json), 400)
    too_many = {"q": [ADDED] * 26, "source": "ko", "target": "en", "api_key": key}
    assert "text limit" in _error(client.post("/translate", json=too_many), 400)
    too_long = {"q": "가" * 5001, "source": "ko", "target": "en", "api_key": key}
    assert "character limit" in _error(client.post("/translate", json=too_long), 400)


def test_keys_are_editors_api_tokens(lt):
    client, _ = lt
    body = {"q": ADDED, "source": "ko", "target": "en"}
    assert _error(client.post("/translate", json=body), 403)
    wrong = client.post("/translate", json={**body, "api_key": "td_nonsense"})
    assert _error(wrong, 403) == "Invalid API key"
    assert _error(client.post("/detect", data={"q": ADDED}), 403)
    assert client.get("/frontend/settings").json()["keyRequired"] is True


def test_keyless_mode_translates_without_a_key(make_desk_client):
    client = make_desk_client(libretranslate_keyless=True)
    answer = client.post("/translate", data={"q": ADDED, "source": "ko", "target": "en"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"translatedText": ADDED_EN}
    assert client.get("/frontend/settings").json()["keyRequired"] is False


def test_a_sentence_without_english_is_a_translation_failure_not_korean(lt):
    client, key = lt
    body = {"q": [ADDED, UNKNOWN], "source": "ko", "target": "en", "api_key": key}
    answer = client.post("/translate", json=body)
    message = _error(answer, 500)
    assert message.startswith("Cannot translate text") and UNKNOWN in message


def test_quotas_per_key_answer_429(make_desk_client):
    client = make_desk_client(libretranslate_rate_limit="2/minute")
    key = wire(client)["Authorization"].removeprefix("Bearer ")
    body = {"q": ADDED, "source": "ko", "target": "en", "api_key": key}
    assert client.post("/translate", json=body).status_code == 200
    assert client.post("/translate", json=body).status_code == 200
    slowed = client.post("/translate", json=body)
    assert "Slowdown" in _error(slowed, 429) and int(slowed.headers["Retry-After"]) >= 1


def test_the_character_quota_counts_characters(make_desk_client):
    client = make_desk_client(libretranslate_char_quota=f"{len(ADDED) * 2}/day")
    key = wire(client)["Authorization"].removeprefix("Bearer ")
    body = {"q": [ADDED, ADDED], "source": "ko", "target": "en", "api_key": key}
    assert client.post("/translate", json=body).status_code == 200
    assert _error(client.post("/translate", json=body), 429)


def test_frontend_settings_offer_suggestions(desk_client):
    settings = desk_client.get("/frontend/settings").json()
    assert settings["suggestions"] is True and settings["charLimit"] == 5000
    assert settings["language"]["source"]["code"] == "ko"


# --- suggestions close the loop ----------------------------------------------------------------


def test_a_suggestion_lands_in_the_editors_review_queue(desk_client, published_slug):
    key = wire(desk_client)["Authorization"].removeprefix("Bearer ")
    better = "He added that he expects the two leaders to keep talking afterward."
    answer = desk_client.post(
        "/suggest", data={"q": ADDED, "s": better, "source": "ko", "target": "en", "api_key": key}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"success": True}

    queue = desk_client.get("/api/reports", headers=wire(desk_client)).json()
    (group,) = [g for g in queue["groups"] if g["source"] == ADDED]
    assert group["article"] == published_slug
    (report,) = group["reports"]
    assert report["suggestion"] == better and report["english_seen"] == ADDED_EN
    assert report["state"] == "open"


def test_a_suggestion_for_a_sentence_the_desk_never_published_is_refused(
    desk_client, published_slug
):
    key = wire(desk_client)["Authorization"].removeprefix("Bearer ")
    body = {"q": UNKNOWN, "s": "Anything.", "source": "ko", "target": "en", "api_key": key}
    assert "no published sentence" in _error(desk_client.post("/suggest", json=body), 400)
    assert _error(desk_client.post("/suggest", json={**body, "api_key": None, "q": ADDED}), 403)
    assert desk_client.get("/api/reports", headers=wire(desk_client)).json()["total"] == 0


def test_html_text_nodes_only_scripts_and_comments_untouched():
    from transdesk.interop.markup import translate_fragment

    fragment = "한 <b>둘</b><!-- 셋 --> 넷<script>var 다섯</script><br>여섯 &amp; 일곱"
    marked = translate_fragment(fragment, lambda texts: [f"[{t}]" for t in texts])
    expected = "[한 ]<b>[둘]</b><!-- 셋 -->[ 넷]<script>var 다섯</script><br>[여섯 &amp; 일곱]"
    assert marked == expected
