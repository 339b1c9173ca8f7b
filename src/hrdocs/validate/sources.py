"""The source files: every documents.source_file exists, is UTF-8 without a byte-order mark, and its SHA-256
equals documents.source_sha256.

Each source file is read once here; its decoded text (``Sources``) is handed to provenance and coverage.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from hrdocs.text.source_view import SourceFormatError, source_text
from hrdocs.validate.context import RAW_SCHEMA, Context
from hrdocs.validate.report import Rule

STAGE = "files"
SOURCE_MISSING = Rule(
    "source-missing", STAGE, "each documents.source_file exists", "source file not found in the package"
)
SOURCE_SHA256 = Rule(
    "source-sha256",
    STAGE,
    "documents.source_sha256 equals the SHA-256 of source_file",
    "SHA-256 of {source_file} is {actual}",
)
SOURCE_ENCODING = Rule("source-encoding", STAGE, "each source file is UTF-8 without a BOM")
SOURCE_FORMAT = Rule(
    "source-format",
    STAGE,
    "a .json source file is a paragraphs-JSON array of objects with a string Text",
    "{source_file} is not a paragraphs-JSON source: {error}",
)
RULES = (SOURCE_MISSING, SOURCE_SHA256, SOURCE_ENCODING, SOURCE_FORMAT)
SOURCE_TABLE = "documents"

SourceRow = tuple[int, str | None, str, str | None]


@dataclass
class Sources:
    """document_id -> source text (decoded), for the documents whose source file could be read."""

    texts: dict[str, str] = field(default_factory=dict)


def source_rows(ctx: Context) -> list[SourceRow]:
    """(row, document_id, source_file, source_sha256) of every document with a source file (of the document
    validated, with --document)."""
    if not ctx.usable(SOURCE_TABLE):
        return []
    table = ctx.loaded[SOURCE_TABLE].table
    if not {"document_id", "source_file", "source_sha256"} <= set(table.field_names):
        return []
    only = "AND document_id = ? " if ctx.scope is not None else ""
    return ctx.sql(
        f"SELECT rowid + 2, document_id, source_file, source_sha256 FROM {RAW_SCHEMA}.{SOURCE_TABLE} "
        f"WHERE source_file IS NOT NULL {only}ORDER BY rowid",
        [ctx.scope.document_id] if ctx.scope is not None else None,
    )


def read_sources(ctx: Context, rows: list[SourceRow]) -> Sources:
    """Read, hash and decode each source file (no DuckDB here: it runs beside the CSV scan)."""
    sources = Sources()
    if not rows:
        return sources
    table = ctx.loaded[SOURCE_TABLE].table
    root = ctx.root.resolve()
    for row, document_id, source_file, expected in rows:
        where = {"row": row, "column": "source_file", "value": source_file}
        path = (ctx.root / source_file).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            ctx.problem(SOURCE_MISSING, SOURCE_MISSING.message(), table, **where)
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            ctx.problem(SOURCE_MISSING, f"cannot read source file: {exc.strerror}", table, **where)
            continue
        actual = hashlib.sha256(data).hexdigest()
        if expected is not None and actual != expected:
            message = SOURCE_SHA256.message(source_file=source_file, actual=actual)
            ctx.problem(SOURCE_SHA256, message, table, row=row, column="source_sha256", value=expected)
        if data.startswith(b"\xef\xbb\xbf"):
            ctx.problem(SOURCE_ENCODING, f"{source_file} starts with a byte-order mark", table, **where)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"{source_file} is not UTF-8 ({exc.reason} at byte {exc.start})"
            ctx.problem(SOURCE_ENCODING, message, table, **where)
            continue
        try:
            text = source_text(source_file, text)
        except SourceFormatError as exc:
            ctx.problem(SOURCE_FORMAT, SOURCE_FORMAT.message(source_file=source_file, error=exc), table, **where)
            continue
        if document_id is not None:
            sources.texts[document_id] = text
    return sources
