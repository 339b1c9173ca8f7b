"""`hrdocs validate [PATH] [--document D] [--format text|json] [--timings]`: prove a package correct, report every
problem.

Exit 0 when valid, 1 when invalid, 2 when the input is unusable (no datapackage.json, a descriptor that is not
UTF-8 JSON, an unreadable file, a --document that is not in documents). The report goes to stdout; --timings
prints each check's time on stderr.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hrdocs.errors import EXIT_INVALID, EXIT_OK, HrdocsError

if TYPE_CHECKING:
    from hrdocs.validate.report import Report


class Format(StrEnum):
    text = "text"
    json = "json"


#: up to this many documents, coverage is printed per document; beyond, as a summary with the least covered
COVERAGE_LISTED = 10


def _coverage_line(coverage: dict[str, dict[str, Any]]) -> str:
    """Coverage per document, or for a large package a summary naming the least-covered documents (every figure
    is in --format json)."""

    def part(doc: str) -> str:
        c = coverage[doc]
        return f"{doc} {c['percent']}% ({c['covered']}/{c['total']})"

    if len(coverage) <= COVERAGE_LISTED:
        return "coverage: " + "; ".join(part(doc) for doc in coverage)
    full = sum(1 for c in coverage.values() if c["covered"] == c["total"])
    line = f"coverage: {len(coverage)} documents, {full} fully covered"
    lowest = sorted((d for d, c in coverage.items() if c["covered"] < c["total"]), key=lambda d: coverage[d]["percent"])
    if lowest:
        line += "; least covered: " + "; ".join(part(doc) for doc in lowest[:COVERAGE_LISTED])
    return line


def render_text(report: Report) -> None:
    """The report for people: problems grouped by table and rule, coverage, then one summary line."""
    from rich.console import Console

    from hrdocs.validate.report import excerpt

    console = Console(soft_wrap=True, highlight=False)

    def out(line: str, style: str | None = None) -> None:
        console.print(line, style=style, markup=False)

    for table, rules in report.grouped().items():
        count = sum(len(ps) for ps in rules.values())
        out(f"{table}: {count} problem(s)", "bold")
        for rule, problems in rules.items():
            out(f"  {rule} ({len(problems)})", "bold yellow")
            for p in problems:
                out(f"    {p.one_line()}")
    if report.coverage:
        out(_coverage_line(report.coverage))
    for note in report.skipped:
        out(f"note: {excerpt(note, 200)}", "dim")
    out(report.summary(), "bold green" if report.valid else "bold red")


def register(app: typer.Typer) -> None:
    @app.command()
    def validate(
        path: Annotated[
            Path | None,
            typer.Argument(
                help="Package directory or its datapackage.json. Default: $HRDOCS_PACKAGE, else the "
                "current directory or the nearest parent holding datapackage.json.",
                show_default=False,
            ),
        ] = None,
        document: Annotated[
            str | None,
            typer.Option(
                "--document",
                help="Check only this document's rows (and coverage of its source), for quick feedback; the rows "
                "they point at are looked up in the whole tables, and every file-level check still runs.",
                show_default=False,
            ),
        ] = None,
        output_format: Annotated[Format, typer.Option("--format", help="Report format.")] = Format.text,
        timings: Annotated[bool, typer.Option("--timings", help="Print each check's wall time on stderr.")] = False,
    ) -> None:
        """Validate a package (files, columns, tables, provenance) and report every problem."""
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.validate import validate_package

        root = resolve_package_root(path)
        try:
            report = validate_package(root, document=document)
        except HrdocsError as exc:
            if output_format is Format.json:
                print(
                    json.dumps(
                        {"package": str(root), "valid": False, "error": exc.message, "exit_code": exc.exit_code},
                        ensure_ascii=False,
                    )
                )
            print(f"hrdocs: error: {exc.message}", file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
        if output_format is Format.json:
            print(report.dumps())
        else:
            render_text(report)
        if timings:
            for stage, seconds in report.timings.items():
                if stage != "wall":
                    peak = report.peak_mb.get(stage)
                    print(f"timing: {stage:<13} {seconds:7.2f} s   peak memory {peak} MB", file=sys.stderr)
            wall = report.timings.get("wall", 0.0)
            print(
                f"timing: {'total':<13} {wall:7.2f} s   (columns, keys and expected_rows; rules; provenance "
                "and coverage: side by side)",
                file=sys.stderr,
            )
        raise typer.Exit(EXIT_OK if report.valid else EXIT_INVALID)
