"""`hrdocs site [--out DIR]`: the static website of the package (default: build/site/)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hrdocs.cli.package_option import PackageOption


def register(app: typer.Typer) -> None:
    @app.command()
    def site(
        out: Annotated[
            Path | None, typer.Option("--out", help="Directory to write the site into (replaced). Default: build/site.")
        ] = None,
        package: PackageOption = None,
    ) -> None:
        """Write a static website of the package: documents, entities, the follow-up scoreboard, search."""
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.site import build_site

        root = resolve_package_root(package)
        result = build_site(root, out or root / "build" / "site", progress=True)
        print(result.out / "index.html")
