"""`hrdocs search` on a built fixture package: formats, filters, ids, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from db_cli_helpers import hrdocs


@pytest.fixture(scope="module")
def pkg(built_package: Path) -> Path:
    """The session's built fixture package (tests/conftest.py): these tests only read it."""
    return built_package


def s(pkg: Path, *args: str) -> tuple[int, str, str]:
    return hrdocs("search", *args, "--package", str(pkg))


def _texts(pkg: Path, table: str, key: str) -> dict[str, str]:
    with (pkg / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return {r[key]: r["text"] for r in csv.DictReader(f)}


def test_json_when_piped_with_ids_and_highlights(pkg: Path) -> None:
    code, out, err = s(pkg, "移民")
    assert code == 0 and err == ""
    hits = json.loads(out)
    expected = {("paragraphs", k) for k, t in _texts(pkg, "paragraphs", "paragraph_id").items() if "移民" in t}
    expected |= {
        ("recommendations", k) for k, t in _texts(pkg, "recommendations", "recommendation_id").items() if "移民" in t
    }
    assert {(h["table"], h["id"]) for h in hits} == expected
    assert set(hits[0]) == {"match", "score", "table", "id", "document_id", "paragraph_id", "kind", "snippet"}
    assert all(h["match"] == "phrase" and "«移民»" in h["snippet"] for h in hits)


def test_table_on_request_shows_ids_and_snippets(pkg: Path) -> None:
    code, out, _ = s(pkg, "移民战略", "--format", "table", "--table", "paragraphs")
    assert code == 0
    (pid,) = [k for k, t in _texts(pkg, "paragraphs", "paragraph_id").items() if "移民战略" in t]
    assert pid in out and "移民战略" in out and "phrase" in out


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_other_formats(pkg: Path, fmt: str) -> None:
    code, out, _ = s(pkg, "移民", "--format", fmt, "--limit", "1")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and "«移民»" in rows[0]["snippet"]


def test_filters(pkg: Path) -> None:
    _, out, _ = s(pkg, "移民", "--table", "recommendations")
    assert {h["table"] for h in json.loads(out)} == {"recommendations"}
    _, out, _ = s(pkg, "移民", "--kind", "recommendation")
    assert {h["kind"] for h in json.loads(out)} == {"recommendation"}
    _, out, _ = s(pkg, "移民", "--kind", "footnote")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((" ",), "hrdocs: error: search text is empty: give some Chinese characters, letters or digits to look for\n"),
        (("。",), "hrdocs: error: search text '。' has no Chinese characters, letters or digits to look for\n"),
        (
            ("移民", "--document", "nope"),
            "hrdocs: error: unknown document 'nope': see `hrdocs query \"SELECT document_id FROM documents\"`\n",
        ),
    ],
)
def test_errors_are_one_line(pkg: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = s(pkg, *args)
    assert (code, out, err) == (2, "", message)


def test_unknown_kind_lists_the_kinds(pkg: Path) -> None:
    code, out, err = s(pkg, "移民", "--kind", "chapter")
    assert code == 2 and out == ""
    assert err.startswith("hrdocs: error: unknown --kind 'chapter': one of metadata, title, heading, ")
    assert err.endswith(", recommendation\n") and err.count("\n") == 1


def test_unknown_table_is_a_usage_error(pkg: Path) -> None:
    code, out, _ = s(pkg, "移民", "--table", "grades")
    assert code == 2 and out == ""


def test_the_built_index_covers_every_text_once(pkg: Path) -> None:
    from hrdocs.db.connect import connect

    con = connect(pkg)
    try:
        for table, key in (("paragraphs", "paragraph_id"), ("recommendations", "recommendation_id")):
            ((n, same),) = con.execute(
                f"SELECT count(*), count(t.{key}) FROM search_docs d "
                f'LEFT JOIN {table} t ON t.{key} = d.id WHERE d."table" = ?',
                [table],
            ).fetchall()
            ((rows,),) = con.execute(f"SELECT count(*) FROM {table}").fetchall()
            assert n == same == rows > 0
    finally:
        con.close()
