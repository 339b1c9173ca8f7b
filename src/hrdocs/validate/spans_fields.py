"""Which fields are reproduced from a source file (Field.spans_field, the schema's "hrdocs:spans"), and which
document's source file each row's spans point into, as one SQL query per field shared by coverage and
provenance.

A row's document is the document of its ``paragraph_id`` when the table has a foreign key from paragraph_id
to paragraphs (a recommendation's own document_id is the document that made it, whose text may not be here),
otherwise its ``document_id``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdocs.metadata.duckdb_schema import quote
from hrdocs.metadata.model import Table
from hrdocs.validate.context import RAW_SCHEMA, Context

PARAGRAPHS = "paragraphs"


@dataclass(frozen=True)
class SpansField:
    table: Table
    text_field: str
    spans_field: str


def spans_fields(ctx: Context) -> list[SpansField]:
    found = []
    for loaded in ctx.loaded.values():
        for f in loaded.table.fields:
            if f.spans_field and f.spans_field in loaded.table.field_names:
                found.append(SpansField(loaded.table, f.name, f.spans_field))
    return found


def rows_sql(ctx: Context, sf: SpansField) -> str | None:
    """SELECT row, document_id, spans, text for every row of the field; None when the document is unknowable."""
    t = sf.table
    via_paragraph = any(
        fk.fields == ("paragraph_id",) and fk.resource == PARAGRAPHS and fk.reference_fields == ("paragraph_id",)
        for fk in t.foreign_keys
    )
    text = f", r.{quote(sf.text_field)} AS text"
    spans = f"r.{quote(sf.spans_field)}"
    if via_paragraph and t.name != PARAGRAPHS:
        if not ctx.usable(PARAGRAPHS):
            return None
        return (
            f"SELECT r.rowid + 2 AS row, p.document_id AS document_id, {spans} AS spans{text} "
            f"FROM {RAW_SCHEMA}.{quote(t.name)} r LEFT JOIN {RAW_SCHEMA}.{quote(PARAGRAPHS)} p "
            f"ON p.paragraph_id = r.paragraph_id"
        )
    if "document_id" not in t.field_names:
        return None
    return (
        f"SELECT r.rowid + 2 AS row, r.document_id AS document_id, {spans} AS spans{text} "
        f"FROM {RAW_SCHEMA}.{quote(t.name)} r"
    )
