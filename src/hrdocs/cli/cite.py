"""`hrdocs cite [ID] [--format text|bibtex|ris|csl-json|cff|datacite-json]`: cite the dataset, or one row."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import EXIT_UNUSABLE, HrdocsError


class CiteFormat(StrEnum):
    text = "text"
    bibtex = "bibtex"
    ris = "ris"
    csl_json = "csl-json"
    cff = "cff"
    datacite_json = "datacite-json"


def register(app: typer.Typer) -> None:
    @app.command()
    def cite(
        row_id: Annotated[
            str | None,
            typer.Argument(
                metavar="[ID]",
                help="A paragraph, recommendation or grade id, or a document (id or UN symbol: A/HRC/50/52).",
                show_default=False,
            ),
        ] = None,
        output_format: Annotated[CiteFormat, typer.Option("--format", help="Citation format.")] = CiteFormat.text,
        package: PackageOption = None,
    ) -> None:
        """The citation of this version of the dataset, or of one document, paragraph, recommendation or grade in it."""
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.release import citation, cite_row

        root = resolve_package_root(package)
        fmt = output_format.value
        if row_id is None:
            sys.stdout.write(citation.RENDERERS[fmt](citation.dataset_info(root)))
            return
        if fmt not in cite_row.RENDERERS:
            raise HrdocsError(
                f"--format {fmt} describes the whole dataset; cite a row with text, bibtex, ris or csl-json",
                EXIT_UNUSABLE,
            )
        sys.stdout.write(cite_row.RENDERERS[fmt](cite_row.cite_row(root, row_id)))
