"""The output file as the checkpoint: complete lines are done, a torn last line is cut off."""

from __future__ import annotations

import json

from transdesk.batch.output import open_output


def test_complete_lines_are_done_and_a_torn_last_line_is_cut(tmp_path):
    path = tmp_path / "out.jsonl"
    whole = "".join(json.dumps({"line": n, "slug": s}) + "\n" for n, s in ((1, "a"), (3, "c")))
    path.write_text(whole + '{"line": 4, "slug": "d", "blo', encoding="utf-8")

    with open_output(path) as output:
        assert output.done == {"1", "3"}
        output.append({"line": 4, "slug": "d"})

    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["line"] for line in lines] == [1, 3, 4]


def test_folder_articles_are_known_by_file_name(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps({"line": 2, "file": "b.md", "slug": "b"}) + "\n", encoding="utf-8")
    with open_output(path) as output:
        assert output.done == {"b.md"}


def test_a_new_output_starts_empty(tmp_path):
    with open_output(tmp_path / "sub" / "out.jsonl") as output:
        assert output.done == set()
