"""Where the package is: --package PATH, else $HRDOCS_PACKAGE, else the repository or current directory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

PackageOption = Annotated[
    Path | None,
    typer.Option(
        "--package",
        envvar="HRDOCS_PACKAGE",
        help="Package directory (holding datapackage.json), e.g. an unpacked release. "
        "Default: $HRDOCS_PACKAGE, else the current directory or the nearest parent holding datapackage.json.",
        show_default=False,
    ),
]


def resolve_package_root(path: Path | None) -> Path:
    """The package directory to use."""
    if path is not None:
        return path.parent if path.name == "datapackage.json" else path
    env = os.environ.get("HRDOCS_PACKAGE")
    if env:
        return Path(env)
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / "datapackage.json").is_file():
            return candidate
    return here
