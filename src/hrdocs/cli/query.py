"""`hrdocs query SQL | -f FILE.sql | -`: run SQL on the read-only database, rows to stdout in any format.

`-p NAME VALUE` binds `$NAME` (values are text: cast them in SQL, `$n::INTEGER`). Rows are capped at --limit
(default 1000) with a notice on stderr when more were returned; --all prints every row. --timeout stops the
query after that many seconds, as Ctrl-C does. An SQL error prints DuckDB's message with its LINE and position.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from hrdocs.cli.output import FormatOption, OutputOption
from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import HrdocsError

DEFAULT_LIMIT = 1000

#: punctuation a Chinese keyboard types where SQL wants ASCII, beyond the full-width forms NFKC maps
WIDE_PUNCTUATION = {
    "。": ".",
    "、": ",",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "【": "[",
    "】": "]",
    "《": "<",
    "》": ">",
}


def fullwidth_hint(sql: str) -> str | None:
    """A hint naming the first full-width punctuation mark outside quotes (，（）；＝...), where it is and what
    to type instead, or None."""
    import unicodedata

    quote: str | None = None
    line, column = 1, 0
    for ch in sql:
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
            continue
        if quote is not None:
            quote = None if ch == quote else quote
            continue
        if ch in "'\"":
            quote = ch
            continue
        ascii_form = WIDE_PUNCTUATION.get(ch) or unicodedata.normalize("NFKC", ch)
        if ascii_form != ch and len(ascii_form) == 1 and ascii_form.isascii() and not ascii_form.isalnum():
            return (
                f"hint: the SQL holds the full-width {ch!r} (line {line}, column {column}): SQL needs the ASCII "
                f"{ascii_form!r}; full-width punctuation belongs inside quotes only"
            )
    return None


def read_sql(sql: str | None, file: Path | None) -> str:
    """The SQL text from the argument, the file, or stdin (`-`)."""
    if sql is not None and file is not None:
        raise HrdocsError("give SQL either as an argument or with -f FILE, not both")
    if file is not None:
        if str(file) == "-":
            return sys.stdin.read()
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise HrdocsError(f"{file}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise HrdocsError(f"{file}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if sql is None:
        raise HrdocsError("no SQL: give it as an argument, with -f FILE.sql, or `-` to read stdin")
    if sql == "-":
        return sys.stdin.read()
    return sql


class _PairOptionCommand(TyperCommand):
    """Typer cannot declare a repeatable option taking two values (`-p NAME VALUE -p NAME VALUE`); its click
    parameter can: set nargs=2 and multiple on `--param` once the command is built."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            if p.name == "param":
                p.nargs = 2
                p.multiple = True


def _keep_pair(value: Any) -> Any:
    """Typer's parser hook: keep click's (NAME, VALUE) tuple as it is (the default would turn it into text)."""
    return value


def register(app: typer.Typer) -> None:
    @app.command(cls=_PairOptionCommand)
    def query(
        sql: Annotated[
            str | None, typer.Argument(help="The SQL to run, or `-` to read it from stdin.", show_default=False)
        ] = None,
        file: Annotated[
            Path | None, typer.Option("--file", "-f", help="Read the SQL from this file (`-`: stdin).")
        ] = None,
        param: Annotated[
            list[str] | None,
            typer.Option(
                "--param",
                "-p",
                help="Bind $NAME to VALUE (repeatable); VALUE is text, cast it in SQL ($n::INTEGER).",
                metavar="NAME VALUE",
                parser=_keep_pair,
                show_default=False,
            ),
        ] = None,
        output_format: FormatOption = None,
        output: OutputOption = None,
        limit: Annotated[int, typer.Option("--limit", min=0, help="Print at most N rows.")] = DEFAULT_LIMIT,
        offset: Annotated[
            int, typer.Option("--offset", min=0, help="Skip the first N rows (with --limit: pages).")
        ] = 0,
        all_rows: Annotated[bool, typer.Option("--all", help="Print every row (no --limit).")] = False,
        timeout: Annotated[
            float | None, typer.Option("--timeout", min=0, help="Stop the query after SECONDS.", show_default=False)
        ] = None,
        package: PackageOption = None,
    ) -> None:
        """Run SQL on the read-only database (tables: documents, paragraphs, recommendations, grades, participants)."""
        from hrdocs.cli.output import emit, notice
        from hrdocs.db.connect import connect
        from hrdocs.db.run import run_query

        text = read_sql(sql, file)
        if not text.strip():
            raise HrdocsError("the SQL is empty")
        params = _params(param or [])
        con = connect(package)
        try:
            result = run_query(con, text, params, limit=None if all_rows else offset + limit, timeout=timeout)
        except HrdocsError as exc:
            hint = fullwidth_hint(text)
            if hint:
                raise HrdocsError(f"{exc.message}\n{hint}", exc.exit_code) from None
            raise
        finally:
            con.close()
        if result.empty:
            return
        emit(result.columns, result.rows[offset:], output_format, output=output)
        if result.truncated:
            shown = f"rows {offset + 1:,}-{offset + limit:,}" if offset else f"the first {limit:,} rows"
            notice(f"showing {shown}; more were returned (--offset {offset + limit} for the next page, --all for all)")


def _params(pairs: list[Any]) -> dict[str, str]:
    """-p NAME VALUE pairs as DuckDB named parameters ($NAME)."""
    params: dict[str, str] = {}
    for name, value in pairs:
        params[str(name).lstrip("$")] = str(value)
    return params
