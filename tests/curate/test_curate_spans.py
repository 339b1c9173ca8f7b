"""`hrdocs curate spans` after a curator's edit: a notes edit changes nothing; a text narrowed to a part of its
paragraph gets its spans; a text not in the source, or in it twice, is refused naming file, row and field; no
text is ever changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from curate_helpers import copy_package, fingerprint, hrdocs, rows, write_rows

from hrdocs.text.spans import parse_spans, text_from_spans

SOURCE = "data/sources/003_72a3edeaed361ee8.txt"


def _texts(root: Path) -> dict[str, list[str]]:
    """Every text cell of every table with spans, by table, in row order."""
    found = {}
    for table, column in (("paragraphs", "text"), ("recommendations", "text"), ("participants", "text")):
        header = rows(root, table)[0]
        if column in header:
            found[table] = [r[column] for r in rows(root, table)]
    return found


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return copy_package(tmp_path / "package")


def _edit(root: Path, index: int, **values: str) -> None:
    """Set cells of recommendations row ``index`` (0-based: CSV line index + 2), as a curator would."""
    table = rows(root, "recommendations")
    table[index].update(values)
    write_rows(root, "recommendations", table)


def _paragraph_of(root: Path, index: int) -> dict[str, str]:
    paragraph_id = rows(root, "recommendations")[index]["paragraph_id"]
    return next(p for p in rows(root, "paragraphs") if p["paragraph_id"] == paragraph_id)


def test_the_shipped_package_needs_nothing(package: Path) -> None:
    before = fingerprint(package)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 0, err
    assert re.search(r"[0-9]+ text values checked, 0 spans filled, 0 refused", err)
    assert fingerprint(package) == before


def test_a_notes_edit_changes_nothing(package: Path) -> None:
    _edit(package, 3, notes="A curator's note, edited by hand: 委员会 (typo fixed).")
    before = fingerprint(package)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 0, err
    assert "0 spans filled, 0 refused" in err
    assert fingerprint(package) == before


def test_a_text_narrowed_to_part_of_its_paragraph_gets_its_spans(package: Path) -> None:
    paragraph = _paragraph_of(package, 1)  # line 3 of recommendations.csv
    part = paragraph["text"][10:40]
    assert paragraph["text"].count(part) == 1
    _edit(package, 1, text=part, spans="")
    texts = _texts(package)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 0, err
    assert "data/recommendations.csv:3: spans: (empty) -> " in err
    row = rows(package, "recommendations")[1]
    source = (package / SOURCE).read_text(encoding="utf-8")
    spans = parse_spans(row["spans"])
    assert text_from_spans(source, spans) == part == row["text"]
    window = parse_spans(paragraph["spans"])
    assert all(any(a <= s and e <= b for a, b in window) for s, e in spans)
    assert _texts(package) == texts
    code, _, _ = hrdocs("validate", str(package))
    assert code == 0


def test_stale_spans_are_repaired(package: Path) -> None:
    """A text whose old spans no longer reproduce it (the curator shortened it) is located again."""
    row = rows(package, "recommendations")[1]
    shorter = row["text"][: len(row["text"]) // 2]
    _edit(package, 1, text=shorter)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 0, err
    assert f"data/recommendations.csv:3: spans: {row['spans']} -> " in err
    repaired = rows(package, "recommendations")[1]
    assert repaired["text"] == shorter
    source = (package / SOURCE).read_text(encoding="utf-8")
    assert text_from_spans(source, parse_spans(repaired["spans"])) == shorter


def test_a_text_not_in_the_source_is_refused(package: Path) -> None:
    _edit(package, 1, text="这句话不在来源中。", spans="")
    before = fingerprint(package)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 1
    refused = [ln for ln in err.splitlines() if ln.startswith("hrdocs: error:")]
    assert refused == [
        "hrdocs: error: data/recommendations.csv:3: text: text not found in its paragraph (rule: spans-locate)"
    ]
    assert fingerprint(package) == before


def test_a_text_found_twice_is_refused(package: Path) -> None:
    paragraph = _paragraph_of(package, 1)
    twice = next(w for w in ("缔约国", "委员会", "移民", ",") if paragraph["text"].count(w) >= 2)
    _edit(package, 1, text=twice, spans="")
    before = fingerprint(package)
    code, _, err = hrdocs("curate", "spans", "--package", str(package))
    assert code == 1
    refused = [ln for ln in err.splitlines() if ln.startswith("hrdocs: error:")]
    assert len(refused) == 1
    assert refused[0].startswith("hrdocs: error: data/recommendations.csv:3: text: text found in ")
    assert "places in its paragraph" in refused[0] and "set spans by hand" in refused[0]
    assert fingerprint(package) == before


def test_a_paragraph_text_is_located_in_the_whole_source(package: Path) -> None:
    """A paragraphs row has no paragraph to search within: its text is looked for in the document's source."""
    table = rows(package, "paragraphs")
    index = next(i for i, r in enumerate(table) if r["paragraph_id"] == "a-hrc-50-52.p1")
    old = table[index]["spans"]
    table[index]["spans"] = ""
    write_rows(package, "paragraphs", table)
    code, _, err = hrdocs("curate", "spans", "--package", str(package), "--table", "paragraphs")
    assert code == 0, err
    assert rows(package, "paragraphs")[index]["spans"] == old


def test_only_the_table_and_document_asked_for(package: Path) -> None:
    _edit(package, 1, text="这句话不在来源中。", spans="")
    code, _, err = hrdocs("curate", "spans", "--package", str(package), "--table", "paragraphs")
    assert code == 0, err
    code, _, err = hrdocs("curate", "spans", "--package", str(package), "--document", "a-hrc-50-52")
    assert code == 0, err
    code, _, err = hrdocs("curate", "spans", "--package", str(package), "--document", "nope")
    assert code == 2 and "--document nope" in err
    code, _, err = hrdocs("curate", "spans", "--package", str(package), "--table", "documents")
    assert code == 2 and "--table documents" in err
