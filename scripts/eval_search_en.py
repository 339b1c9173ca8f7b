"""Recall and precision of English search, `hrdocs search` against plain case-insensitive substring matching.

    python scripts/eval_search_en.py --sources ../shared/sources/general-comments   # the JSON files themselves
    python scripts/eval_search_en.py --database build/hrdocs.duckdb                 # once data/ holds them

The queries and their relevance judgements are in scripts/eval_search_en_judgements.json (query -> paragraphs
judged relevant, per source file, by paragraph number). With ``--sources``, the paragraphs of the general
comments' JSON files are loaded into a throw-away in-memory database (one paragraph per row, numbered as in the
file) and indexed with hrdocs.search.index; nothing is written. With ``--database``, a document is matched to
a judged file by its ``source_sha256`` (the judgements give each file's SHA-256; the package keeps the JSON
unaltered under another name), and its paragraphs by ``paragraphs.number``.

For each query, hrdocs retrieves the texts of its phrase tier (`hrdocs search --exact`: every hit of a
one-word query, the words in order for a phrase), and substring matching retrieves the paragraphs whose
lower-cased text contains the lower-cased query. Recall = relevant retrieved / relevant; precision = relevant
retrieved / retrieved (1 when nothing is retrieved). Printed per query, then averaged over the queries (macro)
and over all judgements pooled (micro), overall and per kind of query.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import duckdb

from hrdocs.search.index import create_search_index
from hrdocs.search.query import search

JUDGEMENTS = Path(__file__).resolve().with_name("eval_search_en_judgements.json")


def paragraph_number(raw: object) -> str:
    """A JSON paragraph's number as judged: its ID without white space and trailing full stop ("27.\u00a0": 27)."""
    return str(raw).strip().rstrip(".").strip()


def from_sources(folder: Path) -> tuple[duckdb.DuckDBPyConnection, dict[str, tuple[str, str]]]:
    """An in-memory database of the JSON files' paragraphs, indexed; paragraph_id -> (file, number)."""
    files = sorted(folder.glob("Annotated_*.json"))
    if not files:
        raise SystemExit(f"eval_search_en: no Annotated_*.json files in {folder}")
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (document_id VARCHAR PRIMARY KEY)")
    con.execute("CREATE TABLE paragraphs (paragraph_id VARCHAR, document_id VARCHAR, kind VARCHAR, text VARCHAR)")
    con.execute(
        "CREATE TABLE recommendations (recommendation_id VARCHAR, document_id VARCHAR, paragraph_id VARCHAR, "
        "text VARCHAR)"
    )
    where: dict[str, tuple[str, str]] = {}
    for path in files:
        rows = []
        for item in json.loads(path.read_text(encoding="utf-8")):
            number = paragraph_number(item["ID"])
            pid = f"{path.stem}.p{number}"
            where[pid] = (path.name, number)
            rows.append((pid, path.stem, "paragraph", item["Text"]))
        con.execute("INSERT INTO documents VALUES (?)", [path.stem])
        con.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?)", rows)
    create_search_index(con)
    return con, where


def from_database(
    database: Path, files: dict[str, str]
) -> tuple[duckdb.DuckDBPyConnection, dict[str, tuple[str, str]]]:
    """A built hrdocs database; paragraph_id -> (judged file name, number) for the numbered paragraphs of the
    documents whose source has the SHA-256 of a judged file (``files``: name -> SHA-256)."""
    by_hash = {sha: name for name, sha in files.items()}
    con = duckdb.connect(str(database), read_only=True)
    rows = con.execute(
        """SELECT p.paragraph_id, d.source_sha256, p.number::VARCHAR
           FROM paragraphs p JOIN documents d USING (document_id)
           WHERE d.source_sha256 IS NOT NULL AND p.number IS NOT NULL"""
    ).fetchall()
    return con, {pid: (by_hash[sha], number) for pid, sha, number in rows if sha in by_hash}


def evaluate(con: duckdb.DuckDBPyConnection, where: dict[str, tuple[str, str]], queries: list[dict]) -> list[dict]:
    """Per query: relevant, and retrieved and relevant-retrieved for both methods."""
    files = {f for f, _ in where.values()}
    judged = [q for q in queries if set(q["relevant"]) <= files]
    texts = dict(
        con.execute(
            "SELECT paragraph_id, text FROM paragraphs WHERE paragraph_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(where)],
        ).fetchall()
    )
    results = []
    for q in judged:
        relevant = {(f, str(n)) for f, numbers in q["relevant"].items() for n in numbers}
        hits = search(con, q["query"], exact=True, limit=10_000, table="paragraphs")
        ours = {where[h.id] for h in hits if h.id in where}
        needle = q["query"].lower()
        substring = {where[pid] for pid, text in texts.items() if needle in text.lower()}
        results.append(
            {"query": q["query"], "kind": q["kind"], "relevant": relevant, "hrdocs": ours, "substring": substring}
        )
    return results


def scores(relevant: set, retrieved: set) -> tuple[float, float]:
    found = len(relevant & retrieved)
    recall = found / len(relevant) if relevant else 1.0
    precision = found / len(retrieved) if retrieved else 1.0
    return recall, precision


def report(results: list[dict]) -> None:
    print("| query | kind | relevant | hrdocs: found / retrieved | recall | precision "
          "| substring: found / retrieved | recall | precision |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        cells = [f"`{r['query']}`", r["kind"], str(len(r["relevant"]))]
        for method in ("hrdocs", "substring"):
            recall, precision = scores(r["relevant"], r[method])
            cells += [f"{len(r['relevant'] & r[method])} / {len(r[method])}", f"{recall:.2f}", f"{precision:.2f}"]
        print("| " + " | ".join(cells) + " |")
    print()
    print("| queries | n | hrdocs recall (macro / micro) | hrdocs precision (macro / micro) "
          "| substring recall (macro / micro) | substring precision (macro / micro) |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    kinds = ["all", *dict.fromkeys(r["kind"] for r in results)]
    for kind in kinds:
        group = [r for r in results if kind in ("all", r["kind"])]
        cells = [kind, str(len(group))]
        for method in ("hrdocs", "substring"):
            per = [scores(r["relevant"], r[method]) for r in group]
            relevant = sum(len(r["relevant"]) for r in group)
            retrieved = sum(len(r[method]) for r in group)
            found = sum(len(r["relevant"] & r[method]) for r in group)
            micro_recall = found / relevant if relevant else 1.0
            micro_precision = found / retrieved if retrieved else 1.0
            cells.append(f"{statistics.mean(p[0] for p in per):.3f} / {micro_recall:.3f}")
            cells.append(f"{statistics.mean(p[1] for p in per):.3f} / {micro_precision:.3f}")
        print("| " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--sources", type=Path, help="folder of the general comments' Annotated_*.json files")
    where.add_argument("--database", type=Path, help="a database built by `hrdocs build` holding them")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    args = parser.parse_args(argv)
    judgements = json.loads(args.judgements.read_text(encoding="utf-8"))
    queries = judgements["queries"]
    if args.sources:
        con, paragraphs = from_sources(args.sources)
    else:
        con, paragraphs = from_database(args.database, judgements["files"])
    results = evaluate(con, paragraphs, queries)
    con.close()
    if not results:
        print("eval_search_en: none of the judged files is in the database", file=sys.stderr)
        return 2
    print(f"{len(results)} English queries judged by hand; hrdocs = `hrdocs search --exact`, substring = "
          "case-insensitive substring of the paragraph text\n")  # fmt: skip
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
