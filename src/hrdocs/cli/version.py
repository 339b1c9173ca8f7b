"""`hrdocs --version`: the toolkit version and the data version."""

from __future__ import annotations

from typing import Annotated

import typer


def _print_version(value: bool) -> None:
    if not value:
        return
    from hrdocs import __version__
    from hrdocs.errors import HrdocsError
    from hrdocs.package import find_package_root, load

    try:
        data_version = load(find_package_root(None)).version
    except HrdocsError:
        data_version = "unknown (no package found)"
    typer.echo(f"hrdocs {__version__} (data {data_version})")
    raise typer.Exit()


def register(app: typer.Typer) -> None:
    @app.callback()
    def main(
        version: Annotated[
            bool,
            typer.Option("--version", callback=_print_version, is_eager=True, help="Print versions and exit."),
        ] = False,
    ) -> None:
        """Query, validate and cite the hrdocs dataset of UN human-rights documents about migrants."""
