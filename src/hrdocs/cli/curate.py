"""`hrdocs curate add|spans|gaps`: the curator's loop over hrdocs.curate (draft a new source's rows, repair
spans after an edit, list what no row covers). Diagnostics go to stderr; `gaps` lists on stdout."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import EXIT_INVALID

curate_app = typer.Typer(
    help="Curate: add a source and draft its rows, repair spans, list uncovered source text.",
    no_args_is_help=True,
)


def _say(line: str) -> None:
    print(f"hrdocs: {line}", file=sys.stderr)


@curate_app.command("add")
def add_command(
    source: Annotated[Path, typer.Argument(help="The source file: UN text (.txt) or paragraphs JSON (.json).")],
    document_id: Annotated[str, typer.Option("--id", help="The new document's id (a-hrc-50-52).")],
    package: PackageOption = None,
    fmt: Annotated[str, typer.Option("--format", help="auto (by extension), text or paragraphs-json.")] = "auto",
    metadata: Annotated[
        Path | None, typer.Option("--metadata", help="JSON metadata for the source (e.g. GC-info.json).")
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Redo a document already in the package.")] = False,
) -> None:
    """Copy SOURCE into data/sources/, add its documents row and draft its paragraphs rows for review."""
    from hrdocs.cli.package_option import resolve_package_root
    from hrdocs.curate.add import add

    root = resolve_package_root(package)
    result = add(root, source, document_id, fmt=fmt, metadata=metadata, replace=replace)
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(result.kinds.items()))
    counts = ", ".join(f"{n} {t} rows" for t, n in result.rows.items())
    verb = "replaced" if result.replaced else "added"
    _say(f"{verb} {result.document_id} ({result.source_file}): {counts} ({kinds})")
    drafted = {k: v for k, v in result.documents_row.items() if v and k not in ("notes", "source_sha256")}
    _say("documents row: " + ", ".join(f"{k}={v}" for k, v in drafted.items()))
    if result.review:
        _say(f"for a person to review ({len(result.review)}):")
        for line in result.review:
            print(f"  {line}", file=sys.stderr)
    _say(f"next: hrdocs validate . --document {result.document_id}; hrdocs curate gaps --document {result.document_id}")


@curate_app.command("spans")
def spans_command(
    package: PackageOption = None,
    table: Annotated[str | None, typer.Option("--table", help="Only this table.")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only rows of this document.")] = None,
) -> None:
    """Fill or repair the spans of edited text values by finding them in their source; never changes a text."""
    from hrdocs.cli.package_option import resolve_package_root
    from hrdocs.curate.spans import fill_spans

    result = fill_spans(resolve_package_root(package), table=table, document=document)
    for file, row, field, old, new in result.filled:
        _say(f"{file}:{row}: {field}: {old or '(empty)'} -> {new}")
    for line in result.refused:
        print(f"hrdocs: error: {line}", file=sys.stderr)
    _say(f"{result.checked} text values checked, {len(result.filled)} spans filled, {len(result.refused)} refused")
    if result.refused:
        raise typer.Exit(EXIT_INVALID)


@curate_app.command("gaps")
def gaps_command(
    package: PackageOption = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document's source.")] = None,
) -> None:
    """List every source range no row covers (and no exclusion lists), with its line and context."""
    from hrdocs.cli.package_option import resolve_package_root
    from hrdocs.curate.gaps import find_gaps

    gaps = find_gaps(resolve_package_root(package), document=document)
    for gap in gaps:
        context = f"{gap.before}[{gap.text}]{gap.after}".replace("\n", "⏎")
        print(f"{gap.source_file}:{gap.line}\t{gap.document_id}\t{gap.start}-{gap.end}\t{context}")
    _say(f"{len(gaps)} uncovered ranges")
    if gaps:
        raise typer.Exit(EXIT_INVALID)


def register(app: typer.Typer) -> None:
    app.add_typer(curate_app, name="curate")
