"""The `hrdocs` Typer application and its entry point.

Each command lives in its own module in this folder and exposes ``register(app)``; add the module's name to
COMMAND_MODULES. Modules are imported lazily enough that `hrdocs --help` stays fast: heavy libraries
(pandera, frictionless, pyarrow) are imported inside the command functions, never at module level.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.interrupts import INTERRUPTED
from hrdocs.interrupts import install as install_interrupt_handler

COMMAND_MODULES: list[str] = [
    *["version", "validate", "build", "query", "tables", "describe", "show", "grades"],
    *["cite", "diff", "release", "download"],
    *["search", "curate"],
    *["site"],
]


def _untyped_flags(params: list[Any]) -> list[Any]:
    """A flag (--force, --all, --help) takes no value: show no `<bool>` beside it in --help."""
    for p in params:
        if getattr(p, "is_flag", False) and p.metavar is None:
            p.metavar = ""
    return params


class _Group(TyperGroup):
    """The command group, with --help listing flags without a type."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _untyped_flags(super().get_params(ctx))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _untyped_flags(command.get_params(ctx))
        return command


app = typer.Typer(
    cls=_Group,
    name="hrdocs",
    help="Query, validate and cite the hrdocs dataset of UN human-rights documents about migrants.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"hrdocs.cli.{name}")
        module.register(app)


def error(message: str) -> None:
    """Print a one-line diagnostic to stderr."""
    print(f"hrdocs: error: {message}", file=sys.stderr)


def run() -> None:
    """Console entry point: run the app; every failure ends in one line on stderr and a non-zero exit.

    Typer's standalone mode already turns usage errors into a message and exit 2; this adds our own errors
    (HrdocsError), Ctrl-C, and a last guard so that no traceback reaches a user.
    """
    install_interrupt_handler()
    try:
        _register_commands()
        app()
    except SystemExit as exc:
        if exc.code == 130:  # Typer ends a Ctrl-C it caught with a silent exit 130
            error("interrupted")
        raise
    except HrdocsError as exc:
        error(exc.message)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except Exception as exc:
        if INTERRUPTED.is_set():  # DuckDB turns a Ctrl-C inside a statement into its own error
            error("interrupted")
            sys.exit(130)
        if os.environ.get("HRDOCS_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set HRDOCS_DEBUG=1 for the traceback)")
        sys.exit(EXIT_UNUSABLE if isinstance(exc, OSError) else 70)


if __name__ == "__main__":
    run()
