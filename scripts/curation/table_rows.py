"""What every curation script shares: writing a table's rows in the schema's column order, and the readable
section path of a text unit. Imported by the scripts in the folders beside this file."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from hrdocs.metadata import load_package  # noqa: E402


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows to ``path`` (named after its table: paragraphs.csv) with the columns in the table's schema
    order; a row with extra or missing columns stops the script."""
    table = next(t for t in load_package(ROOT).tables if t.name == path.stem)
    columns = [f.name for f in table.fields]
    if rows and sorted(columns) != sorted(rows[0]):
        sys.exit(f"{path}: the rows' columns differ from the schema's: {sorted(set(columns) ^ set(rows[0]))}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def paragraph_row(
    document_id: str,
    seq: int,
    local: str,
    kind: str,
    number: int | None,
    label: str,
    level: int | None,
    parent: str,
    footnote_of: str,
    text: str,
    spans: str,
    notes: str,
) -> dict[str, str]:
    """One paragraphs row; local ids (parent, footnote_of) become '<document_id>.<local>'; section is filled
    later, with section_of, once every unit is known."""

    def pid(loc: str) -> str:
        return f"{document_id}.{loc}" if loc else ""

    return {
        "paragraph_id": pid(local),
        "document_id": document_id,
        "seq": str(seq),
        "kind": kind,
        "number": "" if number is None else str(number),
        "label": label,
        "level": "" if level is None else str(level),
        "parent_id": pid(parent),
        "section": "",
        "footnote_of": pid(footnote_of),
        "text": text,
        "spans": spans,
        "notes": notes,
    }


def section_of(local: str, units: dict[str, dict[str, str]]) -> str:
    """The texts of the headings a unit sits under, outermost first, joined by ' > ' (paragraphs.section).

    ``units`` maps each unit's local id to at least its "text", "kind" and "parent" (a local id or "")."""
    path: list[str] = []
    parent = units[local]["parent"]
    while parent:
        if units[parent]["kind"] == "heading":
            path.append(units[parent]["text"])
        parent = units[parent]["parent"]
    return " > ".join(reversed(path))
