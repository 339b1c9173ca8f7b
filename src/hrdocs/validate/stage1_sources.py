"""Stage 1c: every documents.source_file exists, is UTF-8, and its SHA-256 equals documents.source_sha256.

Each source file is read once here; its decoded text is kept in ctx.sources for coverage and provenance.
"""

from __future__ import annotations

import hashlib

from hrdocs.text.source_view import SourceFormatError, source_text
from hrdocs.validate.context import RAW_SCHEMA, Context

STAGE = "files"
SOURCE_TABLE = "documents"


def source_rows(ctx: Context) -> list[tuple[int, str | None, str, str | None]]:
    """(row, document_id, source_file, source_sha256) of every document with a source file."""
    if not ctx.usable(SOURCE_TABLE):
        return []
    table = ctx.loaded[SOURCE_TABLE].table
    if not {"document_id", "source_file", "source_sha256"} <= set(table.field_names):
        return []
    return ctx.sql(
        f"SELECT rowid + 2, document_id, source_file, source_sha256 FROM {RAW_SCHEMA}.{SOURCE_TABLE} "
        "WHERE source_file IS NOT NULL ORDER BY rowid"
    )


def check_sources(ctx: Context) -> None:
    read_sources(ctx, source_rows(ctx))


def read_sources(ctx: Context, rows: list[tuple[int, str | None, str, str | None]]) -> None:
    """Read, hash and decode each source file (no DuckDB here: it runs beside the CSV scan)."""
    if not rows:
        return
    table = ctx.loaded[SOURCE_TABLE].table
    root = ctx.root.resolve()
    for row, document_id, source_file, expected in rows:
        path = (ctx.root / source_file).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            ctx.problem(
                STAGE,
                "source-missing",
                "source file not found in the package",
                table,
                row=row,
                column="source_file",
                value=source_file,
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            ctx.problem(
                STAGE,
                "source-missing",
                f"cannot read source file: {exc.strerror}",
                table,
                row=row,
                column="source_file",
                value=source_file,
            )
            continue
        actual = hashlib.sha256(data).hexdigest()
        if expected is not None and actual != expected:
            ctx.problem(
                STAGE,
                "source-sha256",
                f"SHA-256 of {source_file} is {actual}",
                table,
                row=row,
                column="source_sha256",
                value=expected,
            )
        if data.startswith(b"\xef\xbb\xbf"):
            ctx.problem(
                STAGE,
                "source-encoding",
                f"{source_file} starts with a byte-order mark",
                table,
                row=row,
                column="source_file",
                value=source_file,
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            ctx.problem(
                STAGE,
                "source-encoding",
                f"{source_file} is not UTF-8 ({exc.reason} at byte {exc.start})",
                table,
                row=row,
                column="source_file",
                value=source_file,
            )
            continue
        try:
            text = source_text(source_file, text)
        except SourceFormatError as exc:
            ctx.problem(
                STAGE,
                "source-format",
                f"{source_file} is not a paragraphs-JSON source: {exc}",
                table,
                row=row,
                column="source_file",
                value=source_file,
            )
            continue
        if document_id is not None:
            ctx.sources[document_id] = text
