"""The one output switch for every command that prints rows (query, tables, describe, grades, search, ...).

    from hrdocs.cli.output import FormatOption, emit

    def command(output_format: FormatOption = None) -> None:
        emit(["id", "text"], [("a", "..."), ("b", "...")], output_format, title="Hits")

Formats: ``table`` (a rich table, the default on a terminal), ``json`` (an array of objects, the default when
stdout is piped), ``jsonl`` (one object per line), ``csv``, ``tsv`` and ``markdown``. Rows go to stdout; nothing
else is printed there. Values that JSON cannot hold (dates, decimals, bytes) become strings; ``None`` is JSON
``null`` and an empty cell in csv/tsv/markdown/table.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
import uuid
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any, TextIO

import typer


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        help="Output format: table|csv|tsv|json|jsonl|markdown. Default: table on a terminal, json when piped.",
        show_default=False,
        case_sensitive=False,
    ),
]


def resolve_format(fmt: OutputFormat | str | None, stream: TextIO | None = None) -> OutputFormat:
    """The format to use: the one asked for, else a table on a terminal and JSON when piped."""
    if fmt is not None:
        return OutputFormat(str(fmt).lower())
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return OutputFormat.table if isatty is not None and isatty() else OutputFormat.json


def json_value(value: Any) -> Any:
    """A value JSON can hold: containers recursively, dates as ISO text, decimals and the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, uuid.UUID | dt.timedelta):
        return str(value)
    return str(value)


def text_value(value: Any) -> str:
    """A cell as text for csv/tsv/markdown/table: empty for None, JSON for lists and dicts."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        return json.dumps(json_value(value), ensure_ascii=False)
    if isinstance(value, str):
        return value
    return str(json_value(value))


def _markdown_cell(value: Any) -> str:
    return text_value(value).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def _tsv_cell(value: Any) -> str:
    # TSV has no quoting: escape the characters that would break a row, as PostgreSQL's text format does
    return text_value(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def emit(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    fmt: OutputFormat | str | None,
    *,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """Print rows in the chosen format to stdout (or ``stream``)."""
    out = stream or sys.stdout
    kind = resolve_format(fmt, out)
    columns = list(columns)
    if kind is OutputFormat.json:
        records = [dict(zip(columns, map(json_value, row), strict=True)) for row in rows]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif kind is OutputFormat.jsonl:
        for row in rows:
            record = dict(zip(columns, map(json_value, row), strict=True))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif kind is OutputFormat.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([text_value(v) for v in row] for row in rows)
    elif kind is OutputFormat.tsv:
        out.write("\t".join(_tsv_cell(c) for c in columns) + "\n")
        for row in rows:
            out.write("\t".join(_tsv_cell(v) for v in row) + "\n")
    elif kind is OutputFormat.markdown:
        out.write("| " + " | ".join(_markdown_cell(c) for c in columns) + " |\n")
        out.write("|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_markdown_cell(v) for v in row) + " |\n")
    else:
        _rich_table(columns, rows, title, out)


def _rich_table(columns: list[str], rows: Iterable[Sequence[Any]], title: str | None, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, highlight=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(Text(text_value(v)) if v is not None else Text("NULL", style="dim") for v in row))
    Console(file=out, highlight=False, soft_wrap=False).print(table)


def notice(message: str) -> None:
    """A one-line diagnostic on stderr (never stdout, which carries the data)."""
    print(f"hrdocs: {message}", file=sys.stderr)
