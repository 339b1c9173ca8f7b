"""`hrdocs search TEXT`: ranked full-text search over paragraphs and recommendations, Chinese included.

Phrase matches first, then texts with all the query's terms, then with at least half; BM25 within each tier
(see hrdocs.search.query). A rich table with highlighted snippets on a terminal, JSON when piped; every hit
carries its table, id, document and paragraph, for `hrdocs show ID` or SQL.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from hrdocs.cli.output import FormatOption, OutputFormat, OutputOption, emit, resolve_format
from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import HrdocsError

if TYPE_CHECKING:
    from pathlib import Path

    from hrdocs.search.query import Hit

COLUMNS: tuple[str, ...] = ("match", "score", "table", "id", "document_id", "paragraph_id", "kind", "snippet")


class SearchTable(StrEnum):
    paragraphs = "paragraphs"
    recommendations = "recommendations"


def known_kinds(package: Path | None) -> tuple[str, ...]:
    """The paragraph kinds the schema allows, and 'recommendation'."""
    from hrdocs.cli.package_option import resolve_package_root
    from hrdocs.metadata import load_package
    from hrdocs.metadata.model import MetadataError

    try:
        kinds = load_package(resolve_package_root(package)).table("paragraphs").field("kind").allowed_values
    except (MetadataError, KeyError, AttributeError):
        return ()
    return (*(kinds or ()), "recommendation")


def print_table(hits: list[Hit], query: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"search: {query}", highlight=False)
    for column in ("match", "score", "id", "kind", "snippet"):
        table.add_column(column, overflow="fold", no_wrap=column in {"match", "score"})
    for hit in hits:
        snippet = Text()
        for piece, marked in hit.pieces:
            snippet.append(piece, style="bold reverse" if marked else None)
        table.add_row(hit.match, f"{hit.score:.2f}", hit.id, hit.kind, snippet)
    Console(highlight=False).print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        text: Annotated[str, typer.Argument(help="What to look for: Chinese words, names, symbols (CMW/C/AZE/CO/3).")],
        document: Annotated[
            str | None,
            typer.Option("--document", help="Only texts of this document (id or UN symbol).", show_default=False),
        ] = None,
        kind: Annotated[
            str | None,
            typer.Option(
                "--kind", help="Only this kind: a paragraph kind (paragraph, heading, ...) or recommendation."
            ),
        ] = None,
        table: Annotated[
            SearchTable | None, typer.Option("--table", help="Only paragraphs or only recommendations.")
        ] = None,
        limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Most hits to show.")] = 20,
        exact: Annotated[bool, typer.Option("--exact", help="Only texts containing the query as written.")] = False,
        output_format: FormatOption = None,
        output: OutputOption = None,
        package: PackageOption = None,
    ) -> None:
        """Ranked full-text search over paragraphs and recommendations (phrase matches first)."""
        from hrdocs.search.query import parse_query

        if kind is not None:
            kinds = known_kinds(package)
            if kinds and kind not in kinds:
                raise HrdocsError(f"unknown --kind {kind!r}: one of {', '.join(kinds)}")
        import duckdb

        # refuse a bad query before building or opening anything
        with duckdb.connect() as scratch:
            parse_query(scratch, text)
        from hrdocs.db.connect import connect
        from hrdocs.search.query import search as run_search

        con = connect(package)
        try:
            if document is not None:
                from hrdocs.browse import resolve_document

                document = resolve_document(con, document)
            hits = run_search(
                con,
                text,
                document=document,
                kind=kind,
                table=table.value if table is not None else None,
                limit=limit,
                exact=exact,
            )
        finally:
            con.close()
        if output is None and resolve_format(output_format) is OutputFormat.table:
            print_table(hits, text)
            if not hits:
                print("hrdocs: no hits", file=sys.stderr)
            return
        rows = [[hit.as_dict()[c] for c in COLUMNS] for hit in hits]
        emit(COLUMNS, rows, output_format, title=f"search: {text}", output=output)
