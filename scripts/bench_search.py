"""Search benchmark: index build time and `hrdocs.search` latency over 50 Chinese and 50 English queries.

    python scripts/bench_search.py --package bench-data/p1000000-s1     # builds the package first if needed
    python scripts/bench_search.py --database path/to/hrdocs.duckdb

Index build: the searchable columns of paragraphs and recommendations are copied into a scratch database and
`create_search_index` is timed there (the package's tables themselves are not part of this figure).
Latency: each query once (after one warm-up query) through `hrdocs.search.query.search` (limit 20) on the
read-only, locked-down connection the CLI uses, in this process; median and 95th percentile, for each language
and for all. The queries are deterministic: 40 pieces of 2 to 8 Chinese characters cut from texts spread over
the database, and 10 fixed words of the domain; 35 pieces of 1 to 4 English words cut from texts spread over the
database, and 15 fixed English queries (inflections, phrases, names, symbols).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from hrdocs.db.connect import ensure_built, open_locked
from hrdocs.search.index import create_search_index
from hrdocs.search.query import search
from hrdocs.search.terms import han_runs, words

FIXED_QUERIES = ["移民", "拘留儿童", "正规化", "防火墙", "无国籍", "人权", "缔约国", "委员会建议", "寻求庇护者", "贩运"]
LENGTHS = (2, 3, 4, 4, 5, 6, 8)
FIXED_ENGLISH = [
    "women",
    "detained",
    "children",
    "migrant workers",
    "alternatives to detention",
    "non-refoulement",
    "habeas corpus",
    "deprived of their liberty",
    "asylum seekers",
    "the best interests of the child",
    "CMW/C/GC/5",
    "LeVoy",
    "COVID-19",
    "statelessness",
    "domestic workers",
]
ENGLISH_LENGTHS = (1, 2, 2, 3, 4)


def queries(con: duckdb.DuckDBPyConnection, n: int = 40) -> list[str]:
    """``n`` pieces of Chinese text cut from paragraphs spread evenly over the table, plus the fixed words."""
    (total,) = con.execute("SELECT count(*) FROM paragraphs").fetchall()[0]
    step = max(1, total // (n * 2))
    rows = con.execute(
        "SELECT text FROM (SELECT text, row_number() OVER (ORDER BY paragraph_id) AS i FROM paragraphs) "
        "WHERE i % ? = 0 ORDER BY i",
        [step],
    ).fetchall()
    out: list[str] = []
    for i, (text,) in enumerate(rows):
        runs = [r for r in han_runs(text) if len(r) >= 2]
        if not runs:
            continue
        run = max(runs, key=len)
        length = min(LENGTHS[i % len(LENGTHS)], len(run))
        start = (i * 7) % (len(run) - length + 1)
        out.append(run[start : start + length])
        if len(out) == n:
            break
    return out + FIXED_QUERIES


def english_queries(con: duckdb.DuckDBPyConnection, n: int = 35) -> list[str]:
    """``n`` pieces of 1 to 4 English words cut from paragraphs spread evenly over the table, plus the fixed
    English queries."""
    rows = con.execute(
        "SELECT p.text FROM paragraphs p JOIN documents d USING (document_id) WHERE d.language = 'en' "
        "ORDER BY p.paragraph_id"
    ).fetchall()
    step = max(1, len(rows) // (n * 2))
    out: list[str] = []
    for i, (text,) in enumerate(rows[step - 1 :: step]):
        found = [w for w in words(text) if len(w) > 3 and w.isalpha()]
        if not found:
            continue
        length = min(ENGLISH_LENGTHS[i % len(ENGLISH_LENGTHS)], len(found))
        start = (i * 7) % (len(found) - length + 1)
        out.append(" ".join(found[start : start + length]))
        if len(out) == n:
            break
    return out + FIXED_ENGLISH


def index_build_seconds(database: Path) -> tuple[float, dict[str, int]]:
    """Seconds to build the search index from the database's paragraphs and recommendations, and row counts."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = duckdb.connect(str(Path(tmp) / "scratch.duckdb"))
        scratch.execute("ATTACH ? AS src (READ_ONLY)", [str(database)])
        scratch.execute("CREATE TABLE paragraphs AS SELECT paragraph_id, document_id, kind, text FROM src.paragraphs")
        scratch.execute(
            "CREATE TABLE recommendations AS "
            "SELECT recommendation_id, document_id, paragraph_id, text FROM src.recommendations"
        )
        scratch.execute("DETACH src")
        scratch.execute("CHECKPOINT")
        start = time.perf_counter()
        create_search_index(scratch)
        scratch.execute("CHECKPOINT")
        seconds = time.perf_counter() - start
        counts = {
            t: scratch.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("search_docs", "search_postings", "search_words")
        }
        scratch.close()
    return seconds, counts


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--package", type=Path, help="package directory (built first when needed)")
    where.add_argument("--database", type=Path, help="a database built by `hrdocs build`")
    parser.add_argument("--skip-index", action="store_true", help="measure search only")
    args = parser.parse_args(argv)
    database = args.database or ensure_built(args.package, progress=False)
    if not args.skip_index:
        seconds, counts = index_build_seconds(database)
        print(
            f"search index build: {seconds:.2f} s "
            f"({counts['search_docs']:,} texts, {counts['search_postings']:,} Chinese postings, "
            f"{counts['search_words']:,} word postings)"
        )
    con = open_locked(database)
    sets = {"Chinese": queries(con), "English": english_queries(con)}
    search(con, "移民")  # warm-up: first reads of the tables (and the lemma dictionary)
    search(con, "migrants")
    every: list[tuple[float, str]] = []
    for language, qs in sets.items():
        if not qs:
            print(f"search latency: no {language} queries (no such text in the database)")
            continue
        latencies: list[float] = []
        hits: list[int] = []
        for q in qs:
            start = time.perf_counter()
            found = search(con, q)
            latencies.append(time.perf_counter() - start)
            hits.append(sum(h.match == "phrase" for h in found))
        ms = [t * 1000 for t in latencies]
        every += zip(ms, qs, strict=True)
        print(
            f"search latency over {len(qs)} {language} queries (limit 20): median {statistics.median(ms):.1f} ms, "
            f"p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms; "
            f"queries with a phrase hit: {sum(1 for h in hits if h)}/{len(qs)}"
        )
    con.close()
    ms = [t for t, _ in every]
    print(f"all {len(ms)} queries: median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms")
    print("slowest: " + ", ".join(f"{q} {t:.0f} ms" for t, q in sorted(every, reverse=True)[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
