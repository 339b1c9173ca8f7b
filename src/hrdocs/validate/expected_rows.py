"""Row counts equal each resource's declared "hrdocs:expectedRows" ({"total": n, "byDocument": {document_id: n}}),
so that an accidental deletion (or duplication) fails validation. With --document, only the document's count."""

from __future__ import annotations

from hrdocs.metadata.duckdb_schema import quote
from hrdocs.validate.context import RAW_SCHEMA, Context
from hrdocs.validate.report import Rule

STAGE = "tables"
EXPECTED_ROWS = Rule(
    "expected-rows",
    STAGE,
    "row counts equal hrdocs:expectedRows (total and per document)",
    "document {document_id} has {actual} rows, datapackage.json expects {expected}",
)
RULES = (EXPECTED_ROWS,)
#: the other messages of expected-rows
TOTAL = "table has {actual} rows, datapackage.json expects {expected}"
NOT_AN_OBJECT = "hrdocs:expectedRows must be an object"
NO_DOCUMENT_ID = "byDocument is declared but the table has no document_id"


def check_expected_rows(ctx: Context) -> None:
    for name, loaded in ctx.loaded.items():
        table = loaded.table
        expected = table.expected_rows
        if not expected:
            continue
        if not isinstance(expected, dict):
            ctx.problem(EXPECTED_ROWS, NOT_AN_OBJECT, table, file="datapackage.json")
            continue
        total = expected.get("total")
        if total is not None and total != loaded.rows and ctx.scope is None:
            ctx.problem(EXPECTED_ROWS, TOTAL.format(actual=loaded.rows, expected=total), table, value=loaded.rows)
        by_doc = expected.get("byDocument") or {}
        if ctx.scope is not None:
            by_doc = {d: n for d, n in by_doc.items() if d == ctx.scope.document_id}
        if not by_doc:
            continue
        if "document_id" not in loaded.columns:
            ctx.problem(EXPECTED_ROWS, NO_DOCUMENT_ID, table)
            continue
        actual = dict(ctx.sql(f"SELECT document_id, count(*) FROM {RAW_SCHEMA}.{quote(name)} GROUP BY document_id"))
        for document_id, n in sorted(by_doc.items()):
            got = actual.get(document_id, 0)
            if got != n:
                ctx.problem(
                    EXPECTED_ROWS,
                    EXPECTED_ROWS.message(document_id=document_id, actual=got, expected=n),
                    table,
                    column="document_id",
                    value=document_id,
                )
