"""Stage 3c: row counts equal each resource's declared "hrdocs:expectedRows" ({"total": n, "byDocument":
{document_id: n}}), so that an accidental deletion (or duplication) fails validation."""

from __future__ import annotations

from hrdocs.metadata.duckdb_schema import quote
from hrdocs.validate.context import RAW_SCHEMA, Context

STAGE = "tables"
RULE = "expected-rows"


def check_expected_rows(ctx: Context) -> None:
    for name, loaded in ctx.loaded.items():
        table = loaded.table
        expected = table.expected_rows
        if not expected:
            continue
        if not isinstance(expected, dict):
            ctx.problem(STAGE, RULE, "hrdocs:expectedRows must be an object", table, file="datapackage.json")
            continue
        total = expected.get("total")
        if total is not None and total != loaded.rows:
            ctx.problem(
                STAGE, RULE, f"table has {loaded.rows} rows, datapackage.json expects {total}", table, value=loaded.rows
            )
        by_doc = expected.get("byDocument") or {}
        if not by_doc:
            continue
        if "document_id" not in loaded.columns:
            ctx.problem(STAGE, RULE, "byDocument is declared but the table has no document_id", table)
            continue
        actual = dict(ctx.sql(f"SELECT document_id, count(*) FROM {RAW_SCHEMA}.{quote(name)} GROUP BY document_id"))
        for document_id, n in sorted(by_doc.items()):
            got = actual.get(document_id, 0)
            if got != n:
                ctx.problem(
                    STAGE,
                    RULE,
                    f"document {document_id} has {got} rows, datapackage.json expects {n}",
                    table,
                    column="document_id",
                    value=document_id,
                )
