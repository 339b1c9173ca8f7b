"""The output switch: every format parses back to the same rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hrdocs.cli.output import OutputFormat, emit, resolve_format

COLUMNS = ["id", "text", "n", "day", "missing"]
ROWS = [("a", "正规化 | x\ty\nz", 1, dt.date(2024, 1, 17), None), ("b", 'quote " ,', 2, dt.date(2024, 2, 1), None)]


def _emit(fmt: str) -> str:
    buf = io.StringIO()
    emit(COLUMNS, ROWS, fmt, stream=buf)
    return buf.getvalue()


def test_json_is_an_array_of_objects() -> None:
    data = json.loads(_emit("json"))
    assert data[0] == {"id": "a", "text": "正规化 | x\ty\nz", "n": 1, "day": "2024-01-17", "missing": None}
    assert len(data) == 2


def test_jsonl_is_one_object_per_line() -> None:
    lines = _emit("jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_csv_round_trips() -> None:
    rows = list(csv.reader(io.StringIO(_emit("csv"))))
    assert rows[0] == COLUMNS
    assert rows[1] == ["a", "正规化 | x\ty\nz", "1", "2024-01-17", ""]
    assert rows[2][1] == 'quote " ,'


def test_tsv_escapes_tabs_and_newlines() -> None:
    lines = _emit("tsv").split("\n")
    assert lines[0].split("\t") == COLUMNS
    assert lines[1].split("\t") == ["a", "正规化 | x\\ty\\nz", "1", "2024-01-17", ""]
    assert len([line for line in lines if line]) == 3


def test_markdown_escapes_pipes() -> None:
    lines = _emit("markdown").splitlines()
    assert lines[0] == "| id | text | n | day | missing |"
    assert lines[1] == "|---|---|---|---|---|"
    assert lines[2].startswith("| a | 正规化 \\| x")
    assert len(lines) == 4


def test_table_prints_every_value() -> None:
    text = _emit("table")
    assert "正规化" in text and "2024-01-17" in text


def test_default_is_json_when_piped() -> None:
    assert resolve_format(None, io.StringIO()) is OutputFormat.json
    assert resolve_format("CSV") is OutputFormat.csv
