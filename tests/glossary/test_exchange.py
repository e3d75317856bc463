"""CSV and TBX in and out: round trips, and bad files reported by line with nothing imported."""

from __future__ import annotations

import pytest

from transdesk.errors import InvalidInput
from transdesk.glossary.exchange import read_termbase_file, write_termbase_file
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.starter import starter_entries

from .conftest import KIM, KREMLIN

ENTRIES = [
    KIM,
    KREMLIN,
    TermEntry(
        "노동당",
        "the Workers' Party of Korea (WPK)",
        later="the WPK",
        variants=("조선노동당",),
        forbidden=("Labor Party of North Korea",),
        kind=TermKind.ORGANISATION,
        note='Commas, "quotes" and | bars survive',
        reference="Yonhap; AP",
    ),
    TermEntry("김여사", "first lady Kim", status=TermStatus.PROPOSED),
]


def _fields(entry: TermEntry) -> tuple:
    return (
        entry.source,
        entry.target,
        entry.later,
        entry.variants,
        entry.forbidden,
        entry.kind,
        entry.note,
        entry.reference,
        entry.status,
    )


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_round_trip(tmp_path, suffix):
    path = tmp_path / f"termbase.{suffix}"
    assert write_termbase_file(ENTRIES, path) == len(ENTRIES)
    read = read_termbase_file(path)
    assert [_fields(e) for _, e in read] == [_fields(e) for e in ENTRIES[:2]] + [
        _fields(e) for e in ENTRIES[2:]
    ]


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_starter_round_trip(tmp_path, suffix):
    entries = [e for _, e in starter_entries()]
    path = tmp_path / f"starter.{suffix}"
    write_termbase_file(entries, path)
    assert [_fields(e) for _, e in read_termbase_file(path)] == [_fields(e) for e in entries]


def test_tbx_marks_forbidden_renderings_deprecated(tmp_path):
    path = tmp_path / "t.tbx"
    write_termbase_file([KREMLIN], path)
    xml = path.read_text(encoding="utf-8")
    assert "<term>Kremlin Palace</term>" in xml and "deprecatedTerm-admn-sts" in xml
    assert 'xml:lang="ko"' in xml


BAD_CSV = """source,target,kind
크렘린궁,the Kremlin,organisation
통일부,,organisation
"국회","the National Assembly",institution
노동당,the Workers' Party of Korea,organisation,extra
합참,the Joint Chiefs of Staff,organisation
"""


def test_malformed_csv_reports_every_line_and_imports_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_termbase_file(path)
    message = raised.value.message
    assert "line 3: the approved English rendering is empty" in message
    assert "line 4: unknown kind 'institution'" in message
    assert "line 5: 4 cells for 3 columns" in message
    assert "line 2" not in message and "line 6" not in message


def test_csv_line_numbers_count_multiline_cells(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text('source,target,note\n크렘린궁,the Kremlin,"two\nlines"\n통일부,,x\n', "utf-8")
    with pytest.raises(InvalidInput, match="line 4: the approved English"):
        read_termbase_file(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("target\nthe Kremlin\n", "line 1: the header"),
        ("source,target,colour\n크렘린궁,the Kremlin,red\n", "unknown: colour"),
    ],
)
def test_bad_csv_header(tmp_path, content, expected):
    path = tmp_path / "h.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=expected):
        read_termbase_file(path)


def test_csv_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("source,target\n크렘린궁,the Kremlin\n".encode("euc-kr"))
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_termbase_file(path)


TBX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="ko"><text><body>\n'


def test_tbx_entry_problems_are_reported_by_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text(
        TBX_HEAD
        + '<termEntry><langSet xml:lang="ko"><tig><term>크렘린궁</term></tig></langSet>\n'
        + '<langSet xml:lang="en"><tig><term>the Kremlin</term></tig></langSet></termEntry>\n'
        + '<termEntry><langSet xml:lang="ko"><tig><term>통일부</term></tig></langSet></termEntry>\n'
        + "</body></text></martif>\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match=r"line 5: no approved English \(en\) term"):
        read_termbase_file(path)


def test_tbx_that_is_not_xml(tmp_path):
    path = tmp_path / "broken.tbx"
    path.write_text(TBX_HEAD + "<termEntry>\n<langSet>\n</body></text></martif>\n", "utf-8")
    with pytest.raises(InvalidInput, match=r"line \d+: not well-formed TBX"):
        read_termbase_file(path)


def test_unknown_format(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(InvalidInput, match="format"):
        read_termbase_file(path)
