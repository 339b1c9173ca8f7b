"""`hrdocs release [--allow-dirty] [--previous PATH] [--out dist]`: the versioned, verifiable release archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hrdocs.cli.package_option import PackageOption


def register(app: typer.Typer) -> None:
    @app.command()
    def release(
        allow_dirty: Annotated[
            bool, typer.Option("--allow-dirty", help="Release even when the git working tree has changes.")
        ] = False,
        previous: Annotated[
            Path | None,
            typer.Option("--previous", help="A previous release (zip or directory): print what changed since."),
        ] = None,
        out: Annotated[Path, typer.Option("--out", help="Where to write the archive and SHA256SUMS.")] = Path("dist"),
        package: PackageOption = None,
    ) -> None:
        """Build dist/hrdocs-<version>.zip and dist/SHA256SUMS (refuses an invalid, dirty or unlogged version)."""
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.release.builder import build_release

        result = build_release(resolve_package_root(package), out, allow_dirty=allow_dirty, previous=previous)
        print(f"{result.sha256}  {result.archive}")
