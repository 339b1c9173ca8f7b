"""The --package option every command takes; finding and loading the package is hrdocs.package's."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hrdocs.package import PACKAGE_ENV
from hrdocs.package import find_package_root as resolve_package_root

__all__ = ["PackageOption", "resolve_package_root"]

PackageOption = Annotated[
    Path | None,
    typer.Option(
        "--package",
        envvar=PACKAGE_ENV,
        help="Package directory (holding datapackage.json), e.g. an unpacked release. "
        "Default: $HRDOCS_PACKAGE, else the current directory or the nearest parent holding datapackage.json.",
        show_default=False,
    ),
]
