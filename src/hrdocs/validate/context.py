"""State shared by the checks of one validation: the package, the one DuckDB connection holding every CSV read
once, which tables are usable, the problems found so far, and the document the checks are restricted to."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrdocs.validate.report import Problem, Report, Rule

if TYPE_CHECKING:
    import duckdb

    from hrdocs.metadata.model import Package, Table

#: DuckDB schema holding each CSV as read (every column VARCHAR, empty cells NULL); main holds typed views
RAW_SCHEMA = "raw"
#: problems kept per (table, rule); the rest are counted, so a wholly wrong column cannot exhaust memory
MAX_PROBLEMS_PER_RULE = 1000
_LOCK = threading.Lock()
_THREAD = threading.local()


@dataclass
class LoadedTable:
    table: Table
    #: columns present in the CSV header that are fields of the schema
    columns: list[str]
    rows: int = 0
    #: False when rejected CSV rows make rowid-based row numbers approximate
    exact_rows: bool = True


@dataclass
class Scope:
    """``hrdocs validate --document D``: row-level checks look at the rows of one document only."""

    document_id: str
    #: table -> row numbers (header = 1) of the rows of the document; a table absent here is not restricted
    rows: dict[str, frozenset[int]] = field(default_factory=dict)

    def keeps(self, table: str | None, row: int | None) -> bool:
        if table is None or row is None or table not in self.rows:
            return True
        return row in self.rows[table]


@dataclass
class Context:
    root: Path
    report: Report
    package: Package | None = None
    con: duckdb.DuckDBPyConnection | None = None
    loaded: dict[str, LoadedTable] = field(default_factory=dict)
    scope: Scope | None = None
    #: DuckDB's spill directory, deleted after validation
    spill_dir: str | None = None
    #: True when the package is small enough for its typed tables to be computed once (csv_files.TYPED_TABLES_
    #: MAX_BYTES); the SQL rules then also run in a thread of their own, beside the column and key checks
    small: bool = False
    #: (table, rule) -> problems not kept
    omitted: dict[tuple[str, str], int] = field(default_factory=dict)
    _counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def problem(self, rule: Rule, message: str, table: Table | None = None, **where: Any) -> None:
        """Record a problem; ``table`` fills the table name and file. Safe to call from several threads."""
        with _LOCK:
            self._problem(rule, message, table, **where)

    def _problem(self, rule: Rule, message: str, table: Table | None, **where: Any) -> None:
        table_name = where.pop("table_name", None)
        name = table.name if table is not None else table_name
        if self.scope is not None and not self.scope.keeps(name, where.get("row")):
            return
        key = (name or "package", rule.id)
        count = self._counts.get(key, 0) + 1
        self._counts[key] = count
        if count > MAX_PROBLEMS_PER_RULE:
            self.omitted[key] = self.omitted.get(key, 0) + 1
            return
        if table is not None and "file" not in where:
            where["file"] = table.path
        value = where.pop("value", None)
        self.report.add(
            Problem(
                stage=rule.stage,
                rule=rule.id,
                message=message,
                table=name,
                value=None if value is None else str(value),
                **where,
            )
        )

    def usable(self, *names: str) -> bool:
        """True when every named table was read and may be checked by later checks."""
        return all(n in self.loaded for n in names)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's connection to the shared database (a DuckDB connection is not shared between threads)."""
        assert self.con is not None
        if threading.current_thread() is threading.main_thread():
            return self.con
        cur = getattr(_THREAD, "cursor", None)
        if cur is None or getattr(_THREAD, "owner", None) is not self.con:
            cur = _THREAD.cursor = self.con.cursor()
            _THREAD.owner = self.con
        return cur

    def sql(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.cursor().execute(query, params or []).fetchall()
