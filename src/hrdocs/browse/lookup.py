"""Finding what an argument names: a row by its id (or a document by its UN symbol), a document, a country.

One behaviour everywhere: an argument that names nothing in the data is refused with one line saying what was
not found and how to list what exists, and exit code 2 (EXIT_UNUSABLE), as for any bad argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError

if TYPE_CHECKING:
    import duckdb

#: table -> primary key column, in lookup order
KINDS: dict[str, str] = {
    "documents": "document_id",
    "paragraphs": "paragraph_id",
    "recommendations": "recommendation_id",
    "grades": "grade_id",
    "participants": "participant_id",
}

Record = dict[str, Any]


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Record]:
    """The rows of a query as dicts, column name to value."""
    cur = con.execute(sql, params or [])
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Record | None:
    rows = records(con, sql, params)
    return rows[0] if rows else None


def normal_symbol(text: str) -> str:
    """A UN symbol as compared: upper case, no spaces (`a/hrc/50/52 ` matches `A/HRC/50/52`)."""
    return "".join(text.split()).upper()


def find(con: duckdb.DuckDBPyConnection, item_id: str) -> tuple[str, Record] | None:
    """(table, row) of the row whose primary key is ``item_id``, else of the document whose UN symbol it is."""
    for table, key in KINDS.items():
        row = one(con, f"SELECT * FROM {table} WHERE {key} = ?", [item_id])
        if row is not None:
            return table, row
    row = one(
        con,
        "SELECT * FROM documents WHERE upper(replace(symbol, ' ', '')) = ? ORDER BY document_id LIMIT 1",
        [normal_symbol(item_id)],
    )
    return ("documents", row) if row is not None else None


def unknown(what: str, value: str, hint: str) -> HrdocsError:
    """The one error for an argument naming nothing in the data."""
    return HrdocsError(f"unknown {what} {value!r}: {hint}", EXIT_UNUSABLE)


DOCUMENT_HINT = 'see `hrdocs query "SELECT document_id FROM documents"`'


def resolve_document(con: duckdb.DuckDBPyConnection, document: str) -> str:
    """The document_id of ``document`` (a document_id or a UN symbol); refused when there is none."""
    row = one(con, "SELECT document_id FROM documents WHERE document_id = ?", [document]) or one(
        con,
        "SELECT document_id FROM documents WHERE upper(replace(symbol, ' ', '')) = ? ORDER BY document_id LIMIT 1",
        [normal_symbol(document)],
    )
    if row is None:
        raise unknown("document", document, DOCUMENT_HINT)
    return str(row["document_id"])


def resolve_country(con: duckdb.DuckDBPyConnection, country: str) -> str:
    """The ISO 3166-1 alpha-3 code ``country`` (any case) as the data holds it; refused when no document or
    recommendation has it."""
    codes = [
        r[0]
        for r in con.execute(
            """SELECT country_iso3 FROM documents WHERE country_iso3 IS NOT NULL
               UNION SELECT country_iso3 FROM recommendations WHERE country_iso3 IS NOT NULL ORDER BY 1"""
        ).fetchall()
    ]
    for code in codes:
        if code.upper() == country.strip().upper():
            return str(code)
    held = ", ".join(codes) if len(codes) <= 30 else f"{len(codes)} codes"
    raise unknown("country", country, f"give an ISO 3166-1 alpha-3 code the data holds ({held})")
