"""TMX and TBX imports: entity declarations are refused with the line and nothing is imported,
and files over TRANSDESK_MAX_IMPORT_BYTES are refused before they are parsed."""

from __future__ import annotations

import pytest

from transdesk.errors import InvalidInput
from transdesk.glossary.exchange import read_termbase_file
from transdesk.memory.tmx import read_tmx

UNIT = ('<tu><tuv xml:lang="ko"><seg>좋다.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Good{}.</seg></tuv></tu>\n')  # fmt: skip


def _tmx(doctype: str = "", units: int = 1) -> str:
    body = "".join(UNIT.format("") for _ in range(units))
    return (f'<?xml version="1.0"?>\n{doctype}<tmx version="1.4"><header/><body>\n{body}'
            "</body></tmx>\n")  # fmt: skip


@pytest.mark.parametrize(
    ("doctype", "what"),
    [
        ('<!DOCTYPE tmx [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n',
         "an external entity"),
        ('<!DOCTYPE tmx [<!ENTITY % remote PUBLIC "x" "http://example.com/x.dtd"> %remote;]>\n',
         "an external entity"),
        ('<!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n', "an entity"),
    ],
)
def test_a_tmx_declaring_an_entity_is_refused_with_its_line(tmp_path, doctype, what):
    path = tmp_path / "hostile.tmx"
    path.write_text(_tmx(doctype).replace("Good.", "Good &secret;."), encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        read_tmx(path, approved_by="test")
    message = refused.value.message
    assert f"declares {what}" in message and "nothing was imported" in message
    assert ", line " in message


def test_a_plain_tmx_doctype_is_still_read(tmp_path):
    path = tmp_path / "tool.tmx"
    path.write_text(_tmx('<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'), encoding="utf-8")
    assert [p.target for p in read_tmx(path, approved_by="test")] == ["Good."]


def test_a_tmx_over_the_size_cap_is_refused(tmp_path):
    path = tmp_path / "big.tmx"
    path.write_text(_tmx(units=200), encoding="utf-8")
    with pytest.raises(InvalidInput, match="over the 5,000-byte limit for TMX imports"):
        read_tmx(path, approved_by="test", max_bytes=5_000)
    assert len(read_tmx(path, approved_by="test", max_bytes=1_000_000)) == 200


TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<martif type="TBX" xml:lang="ko"><text>'
       "<body>\n</body></text></martif>\n")  # fmt: skip


def test_a_tbx_with_an_external_entity_or_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "hostile.tbx"
    hostile = '<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/hosts">]>\n'
    path.write_text(TBX.format(doctype=hostile))
    with pytest.raises(InvalidInput, match="declares an external entity"):
        read_termbase_file(path)
    path.write_text(TBX.format(doctype="") + " " * 3_000)
    with pytest.raises(InvalidInput, match="limit for TBX imports"):
        read_termbase_file(path, max_bytes=2_000)


def test_the_memory_import_command_uses_the_size_setting(run_cli, tmp_path, monkeypatch):
    path = tmp_path / "big.tmx"
    path.write_text(_tmx(units=200), encoding="utf-8")
    monkeypatch.setenv("TRANSDESK_MAX_IMPORT_BYTES", "5000")
    result = run_cli("memory", "import", str(path))
    assert result.code == 2 and "TRANSDESK_MAX_IMPORT_BYTES" in result.stderr
