"""The one output switch for every command that prints rows (query, tables, describe, grades, search, diff).

    from hrdocs.cli.output import FormatOption, OutputOption, emit

    def command(output_format: FormatOption = None, output: OutputOption = None) -> None:
        emit(["id", "text"], [("a", "..."), ("b", "...")], output_format, title="Hits", output=output)

Formats (``--format``: one switch where sqlite-utils has a flag per format); data on stdout, diagnostics on stderr,
JSON by default when piped, as with sqlite-utils.

- ``table``: a table for people (the default on a terminal). Short columns (ids, numbers) are not broken;
  when the columns cannot fit the terminal's width, the default view becomes ``records`` (a notice on stderr
  says so), while an explicit ``--format table`` keeps a table, every column folded to fit.
- ``records``: one record at a time, a column name and its value a line (psql's ``\\x``), for wide rows.
- ``json`` (an array of objects, the default when stdout is piped), ``jsonl`` (one object per line).
- ``csv``, ``tsv``, ``markdown``; ``csv-excel``: CSV with a UTF-8 byte-order mark and CRLF line endings, which
  Excel opens as UTF-8 (a plain UTF-8 CSV shows Chinese garbled in Excel).
- ``xlsx``: an Excel workbook (openpyxl), one sheet, a header row; it is binary, so it goes to ``--output
  FILE`` or to a redirected stdout, and is refused on a terminal.

``--output FILE`` writes the data to FILE (atomically) instead of stdout, in any format. Values that JSON
cannot hold (dates, decimals, bytes) become strings; ``None`` is JSON ``null`` and an empty cell in
csv/tsv/markdown/xlsx, ``NULL`` (dim) in table and records.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import sys
import uuid
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError


class OutputFormat(StrEnum):
    table = "table"
    records = "records"
    csv = "csv"
    csv_excel = "csv-excel"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    xlsx = "xlsx"


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="table, records, json, jsonl, csv, csv-excel (for Excel), tsv, markdown or xlsx. Default: table on a "
        "terminal (records when too wide), json when piped.",
        show_default=False,
        case_sensitive=False,
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the data to FILE instead of stdout (needed for --format xlsx on a terminal).",
        metavar="FILE",
        show_default=False,
    ),
]

#: a column at most this wide is never broken across lines in a table
SHORT_COLUMN = 32
#: the narrowest a long column may become before the default table view turns into records
MIN_TEXT_WIDTH = 16


def resolve_format(fmt: OutputFormat | str | None, stream: TextIO | None = None) -> OutputFormat:
    """The format to use: the one asked for, else a table on a terminal and JSON when piped."""
    if fmt is not None:
        return OutputFormat(str(fmt).lower())
    return OutputFormat.table if is_terminal(stream or sys.stdout) else OutputFormat.json


def is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


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
    output: Path | None = None,
) -> None:
    """Print rows in the chosen format to stdout (or ``stream``), or write them to the file ``output``."""
    from hrdocs.fileio import write_bytes_atomic

    out = stream or sys.stdout
    kind = resolve_format(fmt, out if output is None else io.StringIO())
    columns = list(columns)
    if kind is OutputFormat.xlsx:
        data = xlsx_bytes(columns, rows, title)
        if output is not None:
            write_bytes_atomic(output, data)
        elif is_terminal(out):
            raise HrdocsError(
                "--format xlsx is a binary file: give --output FILE.xlsx or redirect stdout", EXIT_UNUSABLE
            )
        else:
            out.flush()
            out.buffer.write(data)  # type: ignore[attr-defined]
            out.buffer.flush()  # type: ignore[attr-defined]
        return
    if output is not None:
        buffer = io.StringIO()
        write_text(columns, rows, kind, title, buffer, fit=False)
        encoded = buffer.getvalue().encode("utf-8")
        write_bytes_atomic(output, encoded)
        return
    write_text(columns, rows, kind, title, out, fit=fmt is None)


def write_text(
    columns: list[str], rows: Iterable[Sequence[Any]], kind: OutputFormat, title: str | None, out: TextIO, *, fit: bool
) -> None:
    """Every text format; ``fit``: a table too wide for the terminal becomes records."""
    if kind is OutputFormat.json:
        records = [dict(zip(columns, map(json_value, row), strict=True)) for row in rows]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif kind is OutputFormat.jsonl:
        for row in rows:
            record = dict(zip(columns, map(json_value, row), strict=True))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif kind in (OutputFormat.csv, OutputFormat.csv_excel):
        excel = kind is OutputFormat.csv_excel
        if excel:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
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
    elif kind is OutputFormat.records:
        print_records(columns, list(rows), title, out)
    else:
        rows = list(rows)
        if fits(columns, rows, _console(out).width):
            _rich_table(columns, rows, title, out)
        elif fit:
            notice("the columns do not fit the terminal: shown as records (--format table to force a table)")
            print_records(columns, rows, title, out)
        else:
            _rich_table(columns, rows, title, out, whole_short_columns=False)


def _console(out: TextIO) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False)


def _print(out: TextIO, *renderables: Any) -> None:
    """Print with rich; to a file or pipe without the spaces rich pads lines with."""
    console = _console(out)
    if is_terminal(out):
        console.print(*renderables)
        return
    with console.capture() as captured:
        console.print(*renderables)
    out.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def _widths(columns: list[str], rows: list[Sequence[Any]]) -> list[int]:
    """Each column's widest cell (header included), in terminal cells (a Chinese character is two)."""
    from rich.cells import cell_len

    widths = [cell_len(c) for c in columns]
    for row in rows:
        for i, v in enumerate(row):
            widths[i] = max(
                widths[i], max((cell_len(line) for line in (text_value(v) or "NULL").splitlines()), default=0)
            )
    return widths


def fits(columns: list[str], rows: list[Sequence[Any]], width: int) -> bool:
    """Whether a table of these rows can be read at ``width``: short columns whole, long ones at least
    MIN_TEXT_WIDTH wide (a rich table's borders and padding take 3 cells per column, and 1)."""
    need = 1 + sum(3 + (w if w <= SHORT_COLUMN else MIN_TEXT_WIDTH) for w in _widths(columns, rows))
    return need <= width


def _cell(value: Any) -> Any:
    from rich.text import Text

    return Text(text_value(value)) if value is not None else Text("NULL", style="dim")


def _rich_table(
    columns: list[str], rows: list[Sequence[Any]], title: str | None, out: TextIO, *, whole_short_columns: bool = True
) -> None:
    """A rich table; short columns are kept whole unless they would not fit beside the others (then every
    column folds, rather than the table being cut at the terminal's edge)."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, highlight=False)
    for c, w in zip(columns, _widths(columns, rows), strict=True):
        short = whole_short_columns and w <= SHORT_COLUMN
        table.add_column(c, overflow="fold", no_wrap=short, min_width=w if short else None)
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    _print(out, table)


def print_records(columns: list[str], rows: list[Sequence[Any]], title: str | None, out: TextIO) -> None:
    """One record at a time: a rule naming the record, then each column and its value, long values wrapped."""
    from rich.table import Table
    from rich.text import Text

    width = _console(out).width
    for i, row in enumerate(rows, 1):
        number = f"{i}/{len(rows)}" if len(rows) > 1 else ""
        label = " ".join(x for x in (title, number) if x) or "1"
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for c, v in zip(columns, row, strict=True):
            grid.add_row(c, _cell(v))
        _print(out, Text(f"-[ {label} ]" + "-" * max(0, min(width, 60) - len(label) - 4)), grid)
    if not rows:
        out.write((f"{title}: no rows" if title else "no rows") + "\n")


def xlsx_bytes(columns: list[str], rows: Iterable[Sequence[Any]], title: str | None) -> bytes:
    """An Excel workbook of one sheet: the header in bold and frozen, values as numbers, booleans and text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = _sheet_title(title)
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append([_xlsx_value(v) for v in row])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a text starting with "=" is text here, never a formula
                cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str | None) -> str:
    text = "".join(ch for ch in (title or "hrdocs") if ch not in "[]:*?/\\")[:31].strip()
    return text or "hrdocs"


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
        return value.isoformat()  # Excel has no time zones
    if value is None or isinstance(value, bool | int | float | dt.date | dt.datetime | dt.time):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    text = text_value(value)
    # openpyxl refuses the control characters XML 1.0 cannot hold
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def notice(message: str) -> None:
    """A one-line diagnostic on stderr (never stdout, which carries the data)."""
    print(f"hrdocs: {message}", file=sys.stderr)
