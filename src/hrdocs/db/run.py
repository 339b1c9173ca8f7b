"""Run one SQL text on a locked connection with a row cap, a time limit and Ctrl-C, and explain failures in one line.

The query runs in a worker thread while the main thread waits, so that both the timer and Ctrl-C (a SIGINT handler
installed for the query's duration, in the main thread) can call ``connection.interrupt()``, which DuckDB honours
between vectors.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hrdocs.errors import EXIT_INVALID, HrdocsError
from hrdocs.interrupts import INTERRUPTED

if TYPE_CHECKING:
    import duckdb


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    #: True when the result had more rows than the cap
    truncated: bool = False
    seconds: float = 0.0
    #: statements that returned no rows (DDL would, but the connection refuses it): nothing to print
    empty: bool = field(default=False)


def package_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The package's tables in the open database (the search index's internal search_* tables left out)."""
    names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()]
    return sorted(n for n in names if not n.startswith("search_"))


def explain_error(con: duckdb.DuckDBPyConnection, exc: Exception) -> str:
    """DuckDB's message, kept whole (it carries LINE and a caret for syntax errors), with the tables listed when
    a table is unknown."""
    import duckdb

    message = str(exc).strip()
    lines = [line.rstrip() for line in message.splitlines() if line.strip()]
    text = "\n".join(lines)
    if isinstance(exc, duckdb.CatalogException) and ("Table with name" in message or "Table " in message):
        try:
            tables = package_tables(con)
        except duckdb.Error:
            tables = []
        if tables:
            text = lines[0] + f" (tables: {', '.join(tables)})" + ("\n" + "\n".join(lines[1:]) if lines[1:] else "")
    return text


def run_query(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = 1000,
    timeout: float | None = None,
) -> QueryResult:
    """Execute ``sql`` (one or more statements; the last one's rows are returned) with named parameters."""
    import duckdb

    box: dict[str, Any] = {}

    def work() -> None:
        try:
            con.execute(sql, params or None)
            if con.description is None:
                box["result"] = QueryResult([], [], empty=True)
                return
            columns = [d[0] for d in con.description]
            rows = con.fetchall() if limit is None else con.fetchmany(limit + 1)
            truncated = limit is not None and len(rows) > limit
            box["result"] = QueryResult(columns, rows[:limit] if truncated else rows, truncated)
        except BaseException as exc:  # handed to the main thread
            box["error"] = exc

    started = time.perf_counter()
    deadline = None if timeout is None else started + timeout
    timed_out = False
    interrupted = False
    worker = threading.Thread(target=work, name="hrdocs-query", daemon=True)

    def on_sigint(_signum: int, _frame: object) -> None:
        # Ctrl-C: ask DuckDB to stop; the worker then ends with an InterruptException. (Letting Python raise
        # KeyboardInterrupt in the waiting thread instead can abort the process while DuckDB still runs.)
        nonlocal interrupted
        interrupted = True
        INTERRUPTED.set()
        con.interrupt()

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if in_main else None
    if INTERRUPTED.is_set():  # a Ctrl-C before this point that some C code swallowed
        interrupted = True
    try:
        if not interrupted:
            worker.start()
        while worker.is_alive():
            wait = 0.05 if deadline is None else max(0.0, min(0.05, deadline - time.perf_counter()))
            worker.join(wait)
            if deadline is not None and worker.is_alive() and time.perf_counter() >= deadline:
                timed_out = True
            if (timed_out or interrupted) and worker.is_alive():
                # again every 50 ms: an interrupt that lands before DuckDB has started the query is lost
                con.interrupt()
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise HrdocsError("query interrupted (Ctrl-C)", 130)
    error = box.get("error")
    if error is not None:
        if timed_out or isinstance(error, duckdb.InterruptException):
            if timed_out:
                raise HrdocsError(f"query stopped after {timeout:g} s (--timeout)", EXIT_INVALID) from None
            raise HrdocsError("query interrupted", 130) from None
        if isinstance(error, duckdb.Error):
            raise HrdocsError(explain_error(con, error), EXIT_INVALID) from None
        raise error
    result: QueryResult = box["result"]
    result.seconds = time.perf_counter() - started
    return result
