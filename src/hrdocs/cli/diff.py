"""`hrdocs diff OLD NEW [--format ...]`: rows added, removed and changed per table between two versions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hrdocs.cli.output import FormatOption, OutputOption


def register(app: typer.Typer) -> None:
    @app.command()
    def diff(
        old: Annotated[Path, typer.Argument(help="The older version: a package directory or release zip.")],
        new: Annotated[Path, typer.Argument(help="The newer version: a package directory or release zip.")],
        output_format: FormatOption = None,
        output: OutputOption = None,
    ) -> None:
        """Per table, rows added, removed and changed (by primary key), each changed field with its old and new
        value."""
        from hrdocs.cli.output import emit
        from hrdocs.release import diff as release_diff

        diffs = release_diff.diff_paths(old, new)
        emit(release_diff.COLUMNS, release_diff.rows(diffs), output_format, title=f"{old} -> {new}", output=output)
        print(release_diff.summary(diffs), file=sys.stderr)
