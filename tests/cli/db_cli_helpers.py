"""Shared by the tests of build/query/tables/describe/show/grades: a built fixture package and a CLI runner that
reports errors as `hrdocs: error: ...` lines, as the console entry point does."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner
from validate_fixture import build_package

from hrdocs.cli import main
from hrdocs.errors import HrdocsError

REPO = Path(__file__).resolve().parents[2]
_runner = CliRunner()


def _ensure_registered() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in main.app.registered_commands}
    if "query" not in names:
        main._register_commands()


def hrdocs(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `hrdocs ARGS`, HrdocsError turned into its one line as run() does."""
    _ensure_registered()
    result = _runner.invoke(main.app, list(args), input=stdin)
    if isinstance(result.exception, HrdocsError):
        return result.exception.exit_code, result.stdout, f"hrdocs: error: {result.exception.message}\n"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def fixture_package(root: Path) -> Path:
    build_package(root)
    return root
