"""`hrdocs validate --document D`: which rows of each table are document D's.

A row is D's when its document_id is D, or when the table points at paragraphs by paragraph_id and the row's
paragraph is D's (a recommendation made in one document may be printed, and so checked, in another).
"""

from __future__ import annotations

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.metadata.duckdb_schema import quote
from hrdocs.validate.context import RAW_SCHEMA, Context, Scope
from hrdocs.validate.spans_fields import PARAGRAPHS

DOCUMENTS = "documents"


def check_document(ctx: Context, document_id: str) -> None:
    """Restrict ctx's row-level checks to ``document_id`` (its rows are found by ``restrict`` once every table
    is read); an id that is not in documents is an error (exit 2)."""
    if ctx.usable(DOCUMENTS):
        known = ctx.sql(f"SELECT count(*) FROM {RAW_SCHEMA}.{DOCUMENTS} WHERE document_id = ?", [document_id])[0][0]
        if not known:
            path = ctx.loaded[DOCUMENTS].table.path
            raise HrdocsError(f"--document {document_id}: no such document_id in {path}", EXIT_UNUSABLE)
    else:
        ctx.report.skipped.append(f"--document {document_id}: documents unreadable, the id is not checked")
    ctx.scope = Scope(document_id)


def restrict(ctx: Context) -> None:
    """Find the rows of ctx.scope's document in every table read."""
    assert ctx.scope is not None
    document_id = ctx.scope.document_id
    for name, loaded in ctx.loaded.items():
        names = loaded.table.field_names
        conditions = []
        if "document_id" in names:
            conditions.append("t.document_id = $1")
        via_paragraph = name != PARAGRAPHS and ctx.usable(PARAGRAPHS) and "paragraph_id" in names
        join = ""
        if via_paragraph:
            join = f" LEFT JOIN {RAW_SCHEMA}.{PARAGRAPHS} p ON p.paragraph_id = t.paragraph_id"
            conditions.append("p.document_id = $1")
        if not conditions:
            continue
        rows = ctx.sql(
            f"SELECT DISTINCT t.rowid + 2 FROM {RAW_SCHEMA}.{quote(name)} t{join} WHERE {' OR '.join(conditions)}",
            [document_id],
        )
        ctx.scope.rows[name] = frozenset(r for (r,) in rows)
