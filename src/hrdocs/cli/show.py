"""`hrdocs show ID`: one id of any table (or a document's UN symbol), with the rows linked to it.

The sections come from hrdocs.browse.show. `--format table` (the default on a terminal) prints each record as
field/value lines and each list as one table (as records when too wide); `records` prints lists one record at
a time; `markdown` a heading and a table per section; `json` (the default when piped) and `jsonl` one object.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from hrdocs.cli.output import OutputFormat, OutputOption
from hrdocs.cli.package_option import PackageOption

if TYPE_CHECKING:
    from hrdocs.browse.show import Shown


class ShowFormat(StrEnum):
    table = "table"
    records = "records"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


def render(shown: Shown, kind: ShowFormat, out: TextIO) -> None:
    """Sections for people. table: a record as field/value lines (empty fields left out), a list as one table,
    or one record at a time when its columns do not fit; records: lists one record at a time; markdown: a
    heading and a table per section."""
    from hrdocs.cli.output import _console, _rich_table, fits, print_records, write_text

    if kind is ShowFormat.markdown:
        out.write(f"# {shown.table} {shown.id}\n")
    for title, section in shown.sections.items():
        if isinstance(section, dict):
            if kind is ShowFormat.markdown:
                out.write(f"\n## {title}\n\n")
                write_text(["field", "value"], list(section.items()), OutputFormat.markdown, None, out, fit=False)
            elif section:
                filled = {k: v for k, v in section.items() if v is not None}
                print_records(list(filled), [tuple(filled.values())], title, out)
            continue
        heading = f"{title} ({len(section)})"
        if kind is ShowFormat.markdown:
            out.write(f"\n## {heading}\n\n")
        if not section:
            out.write("none\n" if kind is ShowFormat.markdown else f"{heading}: none\n")
            continue
        columns = list(section[0])
        values = [tuple(r.values()) for r in section]
        if kind is ShowFormat.markdown:
            write_text(columns, values, OutputFormat.markdown, None, out, fit=False)
        elif kind is ShowFormat.table and fits(columns, values, _console(out).width):
            _rich_table(columns, values, heading, out)
        else:
            for i, record in enumerate(section, 1):
                filled = {k: v for k, v in record.items() if v is not None}
                print_records(list(filled), [tuple(filled.values())], f"{title} {i}/{len(section)}", out)


def register(app: typer.Typer) -> None:
    @app.command()
    def show(
        item_id: Annotated[
            str,
            typer.Argument(
                metavar="ID",
                help="A document (id or UN symbol: A/HRC/50/52), paragraph, recommendation, grade or participant id.",
            ),
        ],
        package: PackageOption = None,
        output_format: Annotated[
            ShowFormat | None,
            typer.Option(
                "--format",
                metavar="FORMAT",
                help="table, records, markdown, json or jsonl. Default: table on a terminal, json when piped.",
                show_default=False,
                case_sensitive=False,
            ),
        ] = None,
        output: OutputOption = None,
    ) -> None:
        """Show a document's outline, a paragraph in context, a recommendation, a grade or a participant."""
        import io

        from hrdocs.browse import show as find_and_show
        from hrdocs.cli.output import is_terminal, json_value
        from hrdocs.db.connect import connect
        from hrdocs.fileio import write_text_atomic

        kind = ShowFormat(output_format) if output_format else (
            ShowFormat.table if is_terminal(sys.stdout) and output is None else ShowFormat.json)  # fmt: skip
        con = connect(package)
        try:
            shown = find_and_show(con, item_id)
        finally:
            con.close()
        out: TextIO = io.StringIO() if output is not None else sys.stdout
        if kind in (ShowFormat.json, ShowFormat.jsonl):
            indent = 2 if kind is ShowFormat.json else None
            out.write(json.dumps(json_value(shown.as_dict()), ensure_ascii=False, indent=indent) + "\n")
        else:
            render(shown, kind, out)
        if output is not None:
            assert isinstance(out, io.StringIO)
            write_text_atomic(output, out.getvalue())
