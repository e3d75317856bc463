"""A file that does not fit the article, or is not safe XLIFF, is refused whole, with a message
naming the problem (exit 2), never a traceback; nothing is recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from translate.storage import xliff

from transdesk.errors import StorageError
from transdesk.store.correction_tables import CorrectionRow
from transdesk.store.desk_tables import DeskArticle
from transdesk.xliff import document, importing


def state_of(database):  # type: ignore[no-untyped-def]
    with database.session() as session:
        row = session.scalar(select(DeskArticle))
        english = [s.english for s in row.segments]
        count = session.scalar(select(func.count()).select_from(CorrectionRow))
        return row.revision, english, count


@pytest.fixture
def exported(cli, published, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "kim.xlf"
    assert cli("xliff", "export", published, "-o", out).code == 0
    return out


def edit(path, change) -> None:  # type: ignore[no-untyped-def]
    store = xliff.xlifffile.parsestring(path.read_bytes())
    change(store.units)
    path.write_bytes(bytes(store))


def refused(cli, path, *words):  # type: ignore[no-untyped-def]
    done = cli("xliff", "import", path, "--editor", "lee")
    assert done.code == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr
    return done


def test_a_unit_whose_korean_changed_is_refused_with_its_id(cli, database, exported):
    before = state_of(database)

    def change(units):  # type: ignore[no-untyped-def]
        units[0].settarget("A good edit that must not be kept alone.")
        units[3].source = units[3].source + " 추가"

    edit(exported, change)
    refused(cli, exported, "'b3.s0'", "Korean no longer matches", "nothing was imported")
    assert state_of(database) == before


def test_a_unit_the_article_does_not_have_is_refused_with_its_id(cli, database, exported):
    before = state_of(database)

    def change(units):  # type: ignore[no-untyped-def]
        units[0].settarget("A good edit that must not be kept alone.")
        units[1].setid("b99.s0")

    edit(exported, change)
    refused(cli, exported, "'b99.s0'", "no such sentence")
    assert state_of(database) == before


def test_an_emptied_or_overlong_sentence_is_refused(cli, database, exported):
    before = state_of(database)

    def change(units):  # type: ignore[no-untyped-def]
        units[0].xmlelement.find(units[0].namespaced("target")).text = ""
        units[1].settarget("word " * 2000)

    edit(exported, change)
    refused(cli, exported, "'b0.s0'", "no corrected wording", "'b1.s0'", "over 5,000")
    assert state_of(database) == before


def test_a_failure_while_recording_keeps_nothing(cli, database, exported, monkeypatch):
    before = state_of(database)
    edit(exported, lambda units: [u.settarget(u.target + " (edited)") for u in units[:3]])
    calls = []
    real = importing.correct

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            raise StorageError("the disk is full")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "correct", failing)
    done = cli("xliff", "import", exported, "--editor", "lee")
    assert done.code == 4 and "the disk is full" in done.stderr
    assert state_of(database) == before


def test_no_editor_is_refused(cli, exported):
    done = cli("xliff", "import", exported, "--editor", "  ")
    assert done.code == 2 and "--editor" in done.stderr


HOSTILE = {
    "not xml": (b"this is not XML at all", "not well-formed XML"),
    "truncated": (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"><file', "not well-formed"),
    "empty": (b"   \n", "is empty"),
    "xxe": (
        b'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x">'
        b"<body><trans-unit id=\"b0.s0\"><source>&xxe;</source></trans-unit></body></file></xliff>",
        "DOCTYPE or entities",
    ),
    "billion laughs": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<lolz>&lol3;</lolz>",
        "DOCTYPE or entities",
    ),
    "wrong root": (b'<tmx version="1.4"><body/></tmx>', "not XLIFF 1.2 or 2.0"),
    "xliff 1.1": (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"/>',
        "not XLIFF 1.2 or 2.0",
    ),
    "two files": (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        b'<file original="a"/><file original="b"/></xliff>',
        "2 <file> elements",
    ),
    "no article": (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>',
        "does not name its article",
    ),
    "split segments": (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko">'
        b'<file id="f" original="putin-kim-beijing"><unit id="b0.s0">'
        b"<segment><source>a</source></segment><segment><source>b</source></segment>"
        b"</unit></file></xliff>",
        "2 segments",
    ),
    "not utf-8": (b"\xff\xfe\x00<\x00x", "not well-formed"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_malformed_or_hostile_xliff_is_refused(cli, database, published, tmp_path, name):
    data, words = HOSTILE[name]
    path = tmp_path / "hostile.xlf"
    path.write_bytes(data)
    before = state_of(database)
    refused(cli, path, words)
    assert state_of(database) == before


def test_a_huge_file_is_refused_before_it_is_read(cli, published, tmp_path, monkeypatch):
    monkeypatch.setattr(document, "MAX_XLIFF_BYTES", 1_000)
    path = tmp_path / "huge.xlf"
    path.write_bytes(b"<xliff>" + b" " * 2_000 + b"</xliff>")
    refused(cli, path, "over the 1,000 an XLIFF file may have")


def test_a_file_for_an_article_not_on_the_desk_is_refused(cli, exported):
    exported.write_bytes(exported.read_bytes().replace(b'original="putin', b'original="other'))
    refused(cli, exported, "no article called 'other-kim-beijing'")
