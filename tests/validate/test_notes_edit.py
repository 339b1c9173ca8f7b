"""A hand edit of a notes cell is a valid change: notes is free text that no rule reads (the CSVs in data/ are the
record; a curator edits them and runs make validate). Checked on a copy of the shipped package, in every table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hrdocs.package import copy_package
from hrdocs.validate import validate_package

REPO = Path(__file__).resolve().parents[2]
TABLES = ("documents", "paragraphs", "recommendations", "grades", "participants")


def _copy_package(root: Path) -> Path:
    return copy_package(REPO, root)


def _edit_notes(path: Path, row_index: int, new: str) -> tuple[str, list[str]]:
    """Set the notes cell of data row ``row_index``; return (old value, the file's lines after the edit)."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    column = rows[0].index("notes")
    old = rows[row_index + 1][column]
    rows[row_index + 1][column] = new
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return old, out.getvalue().splitlines()


@pytest.mark.parametrize("table", TABLES)
def test_notes_edit_passes_validate(tmp_path: Path, table: str) -> None:
    root = _copy_package(tmp_path / "pkg")
    path = root / "data" / f"{table}.csv"
    before = path.read_text(encoding="utf-8").splitlines()
    # the last row: a typo fixed, with a comma, quotes and a full-width character, as a curator might type it
    old, after = _edit_notes(path, len(before) - 2, 'Typo fixed: "kept", as published；')
    assert old != 'Typo fixed: "kept", as published；'
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert len(before) == len(after) and len(changed) <= 1  # only the edited line differs (one-line rows)
    report = validate_package(root)
    assert report.valid, [p.one_line() for p in report.problems]


def test_notes_emptied_and_filled_in_several_tables_at_once(tmp_path: Path) -> None:
    root = _copy_package(tmp_path / "pkg")
    for i, table in enumerate(TABLES):
        path = root / "data" / f"{table}.csv"
        _edit_notes(path, 0, "" if i % 2 else "A new note, written by hand.")
    report = validate_package(root)
    assert report.valid, [p.one_line() for p in report.problems]


def test_a_text_edit_is_still_caught(tmp_path: Path) -> None:
    """The copy is checked for real: the same edit in a text cell (not notes) fails."""
    root = _copy_package(tmp_path / "pkg")
    path = root / "data" / "paragraphs.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    rows[-1]["text"] += "。"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    rules = {p.rule for p in validate_package(root).problems}
    assert "spans-text-mismatch" in rules
