"""The command line in this process, for the tests: `hrdocs ARGS` through Typer's test runner, with the Click
command Typer builds from the app made once per session (the runner builds it again for every call, about 25 ms
with every command's options: 3 s of the defect catalogue's 128 runs), and HrdocsError turned into its one line
as the console entry point does."""

from __future__ import annotations

from functools import cache
from typing import Any
from unittest import mock

import typer.testing
from typer.testing import CliRunner

from hrdocs.cli import main
from hrdocs.errors import HrdocsError

_runner = CliRunner()


@cache
def command() -> Any:
    """The app's Click command, with every command registered."""
    import typer.main

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in main.app.registered_commands}
    if "validate" not in names:
        main._register_commands()
    return typer.main.get_command(main.app)


def invoke(*args: str, stdin: str | None = None) -> Any:
    """The runner's result of `hrdocs ARGS` (its exception, if any, kept)."""
    with mock.patch.object(typer.testing, "_get_command", lambda _app: command()):
        return _runner.invoke(main.app, list(args), input=stdin)


def hrdocs(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `hrdocs ARGS`, HrdocsError turned into its one line as run() does."""
    result = invoke(*args, stdin=stdin)
    if isinstance(result.exception, HrdocsError):
        return result.exception.exit_code, result.stdout, f"hrdocs: error: {result.exception.message}\n"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr
