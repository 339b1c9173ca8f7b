"""In-memory DuckDB databases for the search tests: tables created from the real schemas, then indexed.

`fixture_db()` holds a few hand-written texts, each there to prove one behaviour (phrase, all terms, some
terms, Latin symbols, kinds, documents); `shipped_db()` holds the repository's own CSVs as they are now.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb

from hrdocs.metadata import load_package
from hrdocs.metadata.duckdb_schema import create_table_sql
from hrdocs.search.index import create_search_index

REPO = Path(__file__).resolve().parents[2]
TABLES = ("documents", "paragraphs", "recommendations")

PARAGRAPHS: list[dict[str, Any]] = [
    {"paragraph_id": pid, "kind": kind, "text": text}
    for pid, kind, text in [
        ("doc-a.title", "title", "关于拘留儿童问题的报告"),
        ("doc-a.p1", "paragraph", "1. 委员会关切拘留儿童的做法，以及拘留儿童的条件。"),
        ("doc-a.p2", "paragraph", "2. 儿童拘留中心不符合标准。"),
        ("doc-a.p3", "paragraph", "3. 拘留期间，孤身儿童受到照料；收留儿童的家庭。"),
        ("doc-a.p4", "paragraph", "4. 委员会欢迎正规化方案。"),
        ("doc-a.p5", "list_item", "(a) 在服务和执法之间建立“防火墙”;"),
        ("doc-a.p6", "paragraph", "6. 无国籍人士和无国籍状态。"),
        ("doc-a.p7", "paragraph", "7. 见 CMW/C/AZE/CO/3 第 45 段。"),
        ("doc-a.p8", "footnote", "¹ CMW/C/AZE/CO/2, 第 45 段。"),
        ("doc-b.p1", "paragraph", "1. Michele LeVoy 女士指出, COVID-19 疫情期间移民受到影响。"),
        ("doc-b.p2", "paragraph", "2. 人权理事会第 47/12 号决议和第 147/12 号文件。"),
        ("doc-b.p3", "heading", "正规化与拘留儿童"),
        ("doc-b.p4", "paragraph", "4. 引号 'quoted' 和 \"double\"; DROP TABLE paragraphs; --"),
    ]
]
RECOMMENDATIONS: list[dict[str, Any]] = [
    {"recommendation_id": rid, "paragraph_id": pid, "text": text, "made_by": by}
    for rid, pid, text, by in [
        ("doc-a.r1", "doc-a.p4", "扩大正规化方案", "委员会"),
        ("doc-a.r2", "doc-a.p1", "立即停止拘留儿童", "委员会"),
        ("doc-b.r1", "doc-b.p1", "确保 LeVoy 的建议得到执行", "与会者"),
    ]
]


def _db(rows: dict[str, list[dict[str, Any]]]) -> duckdb.DuckDBPyConnection:
    package = load_package(REPO)
    con = duckdb.connect()
    for name in TABLES:
        table = package.table(name)
        con.execute(create_table_sql(table, constraints=False))
        columns = [f.name for f in table.fields]
        types = {f.name: f.type for f in table.fields}
        placeholders = ", ".join("?" for _ in columns)
        values = [[_typed(row.get(c), types[c]) for c in columns] for row in rows.get(name, [])]
        if values:
            con.executemany(f"INSERT INTO {name} VALUES ({placeholders})", values)
    create_search_index(con)
    return con


def _typed(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    return int(value) if kind == "integer" else value


def fixture_db() -> duckdb.DuckDBPyConnection:
    """The hand-written texts, indexed."""
    documents = [{"document_id": d} for d in ("doc-a", "doc-b", "doc-c")]
    paragraphs = [dict(p, document_id=p["paragraph_id"].split(".")[0]) for p in PARAGRAPHS]
    recommendations = [dict(r, document_id=r["recommendation_id"].split(".")[0]) for r in RECOMMENDATIONS]
    return _db({"documents": documents, "paragraphs": paragraphs, "recommendations": recommendations})


def shipped_rows() -> dict[str, list[dict[str, str]]]:
    rows = {}
    for name in TABLES:
        with (REPO / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows[name] = list(csv.DictReader(f))
    return rows


def shipped_db(rows: dict[str, list[dict[str, str]]]) -> duckdb.DuckDBPyConnection:
    """The repository's CSVs as they are now, indexed."""
    return _db(rows)


def texts(rows: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], str]:
    """(table, id) -> text of every searchable row."""
    out = {("paragraphs", r["paragraph_id"]): r["text"] for r in rows.get("paragraphs", [])}
    out |= {("recommendations", r["recommendation_id"]): r["text"] for r in rows.get("recommendations", [])}
    return out


#: English texts (with two Chinese ones: one index for both languages), each there to prove one behaviour
ENGLISH_PARAGRAPHS: list[dict[str, Any]] = [
    {"paragraph_id": pid, "kind": "paragraph", "text": text}
    for pid, text in [
        ("doc-e.p1", "1. Women migrant workers face multiple forms of discrimination."),
        ("doc-e.p2", "2. A woman who is detained must be told of her rights."),
        ("doc-e.p3", "3. States should never detain children because of their migration status."),
        ("doc-e.p4", "4. The State party detains migrants in closed facilities."),
        ("doc-e.p5", "5. The Committee recommends Alternatives to Detention for every child."),
        ("doc-e.p6", "6. Detention must be avoided; alternatives to it should be sought."),
        ("doc-e.p7", "7. The principle of non-refoulement applies at the border (CMW/C/GC/5, para. 12)."),
        ("doc-e.p8", "8. Habeas corpus must be available; Michele LeVoy spoke of COVID-19."),
        ("doc-e.p9", "9. 委员会关切拘留儿童的做法 and the detention of children."),
        ("doc-e.p10", "10. 拘留儿童的条件。"),
        ("doc-e.p11", "11. Refoulement is prohibited; non-citizens enjoy the same rights (CMW/C/GC/4)."),
    ]
]
ENGLISH_RECOMMENDATIONS: list[dict[str, Any]] = [
    {"recommendation_id": "doc-e.r1", "paragraph_id": "doc-e.p4", "text": "Release detained women and children."}
]


def english_db() -> duckdb.DuckDBPyConnection:
    """The English (and two Chinese) texts, indexed."""
    paragraphs = [dict(p, document_id="doc-e") for p in ENGLISH_PARAGRAPHS]
    recommendations = [dict(r, document_id="doc-e") for r in ENGLISH_RECOMMENDATIONS]
    return _db({"documents": [{"document_id": "doc-e"}], "paragraphs": paragraphs, "recommendations": recommendations})
