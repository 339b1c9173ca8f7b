"""hrdocs: open, validated, citable data from UN human-rights documents about migrants."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hrdocs")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"


def __getattr__(name: str) -> object:
    """``hrdocs.connect``, imported on first use so that ``import hrdocs`` does not import DuckDB."""
    if name == "connect":
        from hrdocs.db.connect import connect

        return connect
    raise AttributeError(f"module 'hrdocs' has no attribute {name!r}")
