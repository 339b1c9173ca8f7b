"""`hrdocs download VERSION|URL [--to DIR] [--base-url URL] [--timeout SECONDS]`: fetch, verify (SHA-256) and
unpack a release."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hrdocs.release.download import TIMEOUT


def register(app: typer.Typer) -> None:
    @app.command()
    def download(
        spec: Annotated[str, typer.Argument(metavar="VERSION|URL", help="A version (0.1.0) or an archive URL.")],
        to: Annotated[Path, typer.Option("--to", help="Directory to unpack into.")] = Path("."),
        base_url: Annotated[
            str | None,
            typer.Option(
                "--base-url",
                help="Where releases are published. Default: $HRDOCS_RELEASE_BASE_URL, else the GitHub releases "
                "of the project.",
                show_default=False,
            ),
        ] = None,
        timeout: Annotated[
            float,
            typer.Option(
                "--timeout", min=0.1, help="Give up when the server sends nothing for SECONDS (connecting or reading)."
            ),
        ] = TIMEOUT,
    ) -> None:
        """Download a release archive and SHA256SUMS, verify the checksum and the entries, unpack atomically."""
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        from hrdocs.release.download import download as fetch_release

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            transient=True,
            console=_stderr_console(),
        ) as bar:
            task = bar.add_task("downloading", total=None)

            def progress(done: int, total: int | None) -> None:
                bar.update(task, completed=done, total=total)

            result = fetch_release(spec, to, base_url, progress, timeout=timeout)
        print(f"{result.sha256}  {result.package}")


def _stderr_console() -> object:
    from rich.console import Console

    return Console(stderr=True)
