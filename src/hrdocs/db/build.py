"""Build ``build/hrdocs.duckdb`` and ``build/parquet/<table>.parquet`` from the package's CSVs.

- One typed table per resource, created from the schemas (hrdocs.metadata.duckdb_schema): NOT NULL, primary,
  unique and foreign keys declared, COMMENTs from the schemas' titles and descriptions; then the search index.
- The CSVs are read by DuckDB's ``read_csv`` with the schema's column types (never pandas); a value that does
  not fit its type ends the build with one line naming the file, line and column (from DuckDB's message).
- Parquet: ZSTD, rows in primary-key order, row groups of 100,000 rows, key-value metadata ``hrdocs:version``
  (the data version), ``hrdocs:table`` and ``hrdocs:schema`` (the Table Schema as JSON). Same input, same bytes.
- Incremental: ``build/manifest.json`` fingerprints the inputs and the toolkit (see hrdocs.db.manifest); an
  unchanged package returns at once without touching the build.
- Atomic: everything is written into a temporary directory inside ``build/`` and moved into place only when
  complete, so a failed build leaves the previous one intact.

The build does not validate (``hrdocs validate`` does); it only refuses data that does not load.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrdocs.db.manifest import (
    MANIFEST_NAME,
    read_manifest,
    stale_reason,
    write_json_atomic,
)
from hrdocs.errors import EXIT_INVALID, HrdocsError
from hrdocs.metadata import Package, Table
from hrdocs.package import load

if TYPE_CHECKING:
    import duckdb

DATABASE_NAME = "hrdocs.duckdb"
PARQUET_DIR = "parquet"
PARQUET_ROW_GROUP_SIZE = 100_000


@dataclass
class BuildResult:
    build_dir: Path
    database: Path
    parquet_dir: Path
    #: True when this call built; False when the previous build was up to date and left as it was
    rebuilt: bool
    #: why it was (re)built, or "up to date"
    reason: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: seconds per step when rebuilt: load (CSVs into memory, sorted, and the levels of self-referencing rows),
    #: search_index (building it, and writing its tables into the database file), database (the package's tables
    #: into the file), parquet (written by a second thread while database runs, so not part of the sum)
    timings: dict[str, float] = field(default_factory=dict)


def default_build_dir(package_root: Path) -> Path:
    return package_root / "build"


def build(
    package_root: Path,
    build_dir: Path | None = None,
    *,
    force: bool = False,
    progress: bool = True,
) -> BuildResult:
    """Build the database and Parquet files unless the previous build matches the package (or ``force``)."""
    started = time.perf_counter()
    package_root = Path(package_root)
    package = load(package_root)
    build_dir = Path(build_dir) if build_dir is not None else default_build_dir(package_root)
    database = build_dir / DATABASE_NAME
    parquet_dir = build_dir / PARQUET_DIR
    recorded = read_manifest(build_dir)
    reason = "forced" if force else stale_reason(package, recorded)
    if reason is None and database.is_file() and parquet_dir.is_dir():
        assert recorded is not None
        return BuildResult(
            build_dir, database, parquet_dir, False, "up to date", dict(recorded.get("rows", {})),
            time.perf_counter() - started,
        )  # fmt: skip
    reason = reason or "the previous build is incomplete"
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".tmp-build-", dir=build_dir))
    except OSError as exc:
        raise HrdocsError(f"cannot write the build directory {build_dir}: {exc.strerror or exc}") from exc
    try:
        with _progress(progress) as step:
            rows, timings, manifest = _build_into(package, work, step)
        manifest["rows"] = rows
        _swap_into_place(work, build_dir)
        write_json_atomic(build_dir / MANIFEST_NAME, manifest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BuildResult(build_dir, database, parquet_dir, True, reason, rows, time.perf_counter() - started, timings)


def _build_into(package: Package, work: Path, step: Any) -> tuple[dict[str, int], dict[str, float], dict[str, Any]]:
    """Write the database file and the Parquet files into ``work``; return the rows per table, the seconds per
    step and the build's manifest (the fingerprints of the inputs, see hrdocs.db.manifest).

    Every step runs on every core (DuckDB's default threads):

    1. Each CSV is read into an in-memory staging table of the schema's types, sorted by primary key; the order
       in which self-referencing rows can be inserted is worked out (_stage_levels); the search index is built
       beside them.
    2. Two tasks side by side: this thread writes the database file from the staging tables, in a fixed order
       and in one transaction, compressed with zstd; a second thread writes the Parquet files (already in key
       order), then fingerprints the inputs.

    The Parquet files are the same bytes for the same input (observed with every core, at up to 1,000,000
    paragraphs, and tested; DuckDB does not document it). The database file is not: a parallel insert writes row
    groups as threads finish them, and DuckDB leaves some bytes (a block's unused tail) as it found them in
    memory. Its tables' contents are the same; its bytes are not promised (see hrdocs.release.builder).
    """
    import threading

    import duckdb

    from hrdocs.db.manifest import current_manifest
    from hrdocs.metadata.duckdb_schema import comment_sql, create_table_sql, creation_order, quote

    timings: dict[str, float] = {}
    db_path = work / DATABASE_NAME
    (work / PARQUET_DIR).mkdir()
    spill = work / "spill"
    con = duckdb.connect(config={"temp_directory": str(spill), "autoinstall_known_extensions": False})
    side: threading.Thread | None = None
    side_con = con.cursor()
    for c in (con, side_con):
        # DuckDB's progress bar would print on stdout, which belongs to the caller (the build reports on stderr)
        c.execute("SET enable_progress_bar = false")
    side_result: dict[str, Any] = {}
    try:
        t0 = time.perf_counter()
        for table in package.tables:
            step(f"reading {table.path}")
            _check_csv_header(package, table)
            _stage_table(con, package, table)
        rows = {t.name: con.execute(f"SELECT count(*) FROM {quote(t.name)}").fetchone()[0] for t in package.tables}
        levels = {t.name: _stage_levels(con, t) for t in package.tables if _self_reference_columns(t)}
        timings["load"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        step("building the search index")
        from hrdocs.search.index import create_search_index

        create_search_index(con)
        timings["search_index"] = time.perf_counter() - t0
        index_tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory' AND NOT temporary "
                "ORDER BY table_name"
            ).fetchall()
            if r[0] not in {t.name for t in package.tables}
        ]

        # zstd for every column that takes it: at 100,000 paragraphs, writing the paragraphs table took 0.43 s
        # against 0.96 s with DuckDB's default choice (which tries every method on every segment), and the file
        # was less than half the size
        con.execute("SET force_compression = 'zstd'")

        def side_task() -> None:
            try:
                started = time.perf_counter()
                for table in package.tables:
                    _write_parquet(side_con, package, table, work / PARQUET_DIR / f"{table.name}.parquet")
                side_result["parquet"] = time.perf_counter() - started
                side_result["manifest"] = current_manifest(package)
            except BaseException as exc:  # re-raised by the main thread
                side_result["error"] = exc

        side = threading.Thread(target=side_task, name="hrdocs-parquet", daemon=True)
        side.start()

        t0 = time.perf_counter()
        step(f"writing {DATABASE_NAME} and parquet/")
        con.execute(f"ATTACH '{_sql_path(db_path)}' AS hrdocs")
        con.execute("USE hrdocs")
        con.execute("BEGIN")
        for table in creation_order(package):
            con.execute(create_table_sql(table))
            for stmt in comment_sql(table):
                con.execute(stmt)
            _load_table(con, table, levels.get(table.name))
        con.execute("COMMIT")
        timings["database"] = time.perf_counter() - t0
        side.join()
        side = None
        if "error" in side_result:
            raise side_result["error"]
        timings["parquet"] = side_result["parquet"]

        t0 = time.perf_counter()
        step(f"writing the search index into {DATABASE_NAME}")
        for name in index_tables:
            con.execute(f"CREATE TABLE {quote(name)} AS SELECT * FROM memory.main.{quote(name)}")
        timings["search_index"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        con.execute("CHECKPOINT hrdocs")
        con.execute("USE memory")
        con.execute("DETACH hrdocs")
        timings["database"] += time.perf_counter() - t0
    except duckdb.Error as exc:
        raise HrdocsError(f"build failed: {exc}".splitlines()[0], EXIT_INVALID) from exc
    finally:
        if side is not None:  # the database failed first: stop the Parquet writer
            side_con.interrupt()
            side.join()
        side_con.close()
        con.close()
    return rows, timings, side_result["manifest"]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _csv_columns_sql(table: Table) -> str:
    from hrdocs.metadata.duckdb_schema import duckdb_type, sql_string

    return "{" + ", ".join(f"{sql_string(f.name)}: {sql_string(duckdb_type(f))}" for f in table.fields) + "}"


def _read_csv_sql(package: Package, table: Table) -> str:
    """read_csv of the table's CSV with the schema's column names and types, no sniffing."""
    from hrdocs.metadata.duckdb_schema import sql_string

    nulls = "[" + ", ".join(sql_string(m) for m in table.missing_values or ("",)) + "]"
    return (
        f"read_csv({sql_string(str(package.path(table.path)))}, header = true, auto_detect = false, "
        f"columns = {_csv_columns_sql(table)}, delim = ',', quote = '\"', escape = '\"', nullstr = {nulls}, "
        "strict_mode = true)"
    )


def _check_csv_header(package: Package, table: Table) -> None:
    """read_csv maps columns by position: refuse a header that is not the schema's fields, in order."""
    path = package.path(table.path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except FileNotFoundError as exc:
        raise HrdocsError(f"{table.path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise HrdocsError(f"{table.path}: cannot read the header: {exc}") from exc
    if header != table.field_names:
        raise HrdocsError(
            f"{table.path}: line 1: the header is not the schema's fields in order "
            f"(expected {','.join(table.field_names)}; found {','.join(header)})",
            EXIT_INVALID,
        )


def _self_reference_columns(table: Table) -> list[str]:
    """Columns of single-column foreign keys pointing at the table's own single-column primary key."""
    if len(table.primary_key) != 1:
        return []
    return [
        fk.fields[0]
        for fk in table.foreign_keys
        if fk.resource == table.name and len(fk.fields) == 1 and fk.reference_fields == table.primary_key
    ]


def _key_order(table: Table) -> str:
    """ORDER BY list of a table: its primary key (all its columns when it has none)."""
    from hrdocs.metadata.duckdb_schema import quote

    return ", ".join(quote(c) for c in table.primary_key) or ", ".join(quote(f.name) for f in table.fields)


def _stage_table(con: duckdb.DuckDBPyConnection, package: Package, table: Table) -> None:
    """Read the CSV into an in-memory table of the same name, typed by the schema, rows in primary-key order
    (sorted here, on every core, so that neither the Parquet writer nor the database writer sorts again)."""
    import duckdb

    from hrdocs.db.messages import load_error
    from hrdocs.metadata.duckdb_schema import quote

    try:
        con.execute(
            f"CREATE TABLE memory.main.{quote(table.name)} AS SELECT * FROM {_read_csv_sql(package, table)} "
            f"ORDER BY {_key_order(table)}"
        )
    except duckdb.Error as exc:
        raise HrdocsError(load_error(str(exc), table.path, table.name), EXIT_INVALID) from exc


#: levels deeper than this are not looked for; a table whose references run deeper is loaded the slow way
MAX_LEVELS = 100


def _stage_levels(con: duckdb.DuckDBPyConnection, table: Table) -> int | None:
    """For a table that points at itself (parent_id), the level of each row, in ``temp.main."<table>_levels"``
    (key, level): 1 for rows with no reference within the table, else one more than the deepest row it points at
    (a recursive query, on every core; a temporary table, so never copied into the database). Returns the number
    of levels, or None when some row has no valid level (a reference to a missing row, a cycle, or more than
    MAX_LEVELS levels): then _load_table finds the levels one at a time and reports the row that does not load."""
    from hrdocs.metadata.duckdb_schema import quote

    refs = [quote(c) for c in _self_reference_columns(table)]
    pk = quote(table.primary_key[0])
    staged = f"memory.main.{quote(table.name)}"
    levels = f"temp.main.{quote(table.name + '_levels')}"
    edges = " UNION ALL ".join(f"SELECT {pk} AS child, {r} AS parent FROM {staged} WHERE {r} IS NOT NULL" for r in refs)
    # USING KEY keeps one row per key, replaced as longer paths reach it: each row's deepest level, in as many
    # rounds as there are levels, however many paths lead to a row
    con.execute(
        f"""CREATE TEMP TABLE {quote(table.name + "_levels")} AS
        WITH RECURSIVE edges AS ({edges}),
        walk(key, level) USING KEY (key) AS (
            SELECT {pk}, 1 FROM {staged} WHERE {" AND ".join(f"{r} IS NULL" for r in refs)}
            UNION
            SELECT edges.child, walk.level + 1 FROM edges JOIN walk ON edges.parent = walk.key
            WHERE walk.level < {MAX_LEVELS}
        )
        SELECT key, level FROM walk"""
    )
    joins = " ".join(f"LEFT JOIN {levels} AS r{i} ON r{i}.key = s.{r}" for i, r in enumerate(refs))
    bad = " OR ".join(
        f"(s.{r} IS NOT NULL AND (r{i}.level IS NULL OR r{i}.level >= l.level))" for i, r in enumerate(refs)
    )
    invalid, deepest = con.execute(
        f"SELECT count(*) FILTER (WHERE l.level IS NULL OR {bad}), max(l.level) "
        f"FROM {staged} AS s LEFT JOIN {levels} AS l ON l.key = s.{pk} {joins}"
    ).fetchone()
    return None if invalid else int(deepest or 0)


def _load_table(con: duckdb.DuckDBPyConnection, table: Table, levels: int | None = None) -> None:
    """Insert a staged table's rows into the database's table, where DuckDB checks keys and NOT NULL.

    DuckDB checks a foreign key against rows already in the table, so a table that points at itself
    (parent_id) is loaded level by level (see _stage_levels), each level in primary-key order. When the levels
    were not all found, they are found here one at a time: first the rows whose parent is not among the rows
    still to load, and so on, until a row does not load (its message) or none is ready (a cycle)."""
    import duckdb

    from hrdocs.db.messages import load_error
    from hrdocs.metadata.duckdb_schema import quote

    name = quote(table.name)
    staged = f"memory.main.{name}"
    cols = ", ".join(quote(f.name) for f in table.fields)
    self_refs = _self_reference_columns(table)
    try:
        if not self_refs:
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {staged}")
            return
        if levels is not None:
            pk = quote(table.primary_key[0])
            by_level = f"temp.main.{quote(table.name + '_levels')}"
            for level in range(1, levels + 1):
                con.execute(
                    f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {staged} "
                    f"WHERE {pk} IN (SELECT key FROM {by_level} WHERE level = {level})"
                )
            return
        pk = quote(table.primary_key[0])
        refs = ", ".join(quote(c) for c in self_refs)
        # levels are worked out on the keys alone; each level's full rows are then copied once
        con.execute(f"CREATE OR REPLACE TEMP TABLE pending AS SELECT {pk}, {refs} FROM {staged}")
        waiting = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM pending AS p WHERE p.{pk} = pending.{quote(c)})" for c in self_refs
        )
        while con.execute("SELECT count(*) FROM pending").fetchone()[0]:
            con.execute(f"CREATE OR REPLACE TEMP TABLE ready AS SELECT {pk} FROM pending WHERE {waiting}")
            if not con.execute("SELECT count(*) FROM ready").fetchone()[0]:
                row = con.execute(f"SELECT {pk} FROM pending ORDER BY {pk} LIMIT 1").fetchone()
                raise HrdocsError(
                    f"{table.path}: {table.primary_key[0]} {row[0]}: its {'/'.join(self_refs)} reference "
                    "forms a cycle within the table",
                    EXIT_INVALID,
                )
            con.execute(
                f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {staged} "
                f"WHERE {pk} IN (SELECT {pk} FROM ready) ORDER BY {pk}"
            )
            con.execute(f"DELETE FROM pending WHERE {pk} IN (SELECT {pk} FROM ready)")
        con.execute("DROP TABLE ready")
        con.execute("DROP TABLE pending")
    except duckdb.Error as exc:
        raise HrdocsError(
            load_error(str(exc), table.path, table.name) + " (`hrdocs validate` lists every problem)", EXIT_INVALID
        ) from exc


def _write_parquet(con: duckdb.DuckDBPyConnection, package: Package, table: Table, path: Path) -> None:
    from hrdocs.metadata.duckdb_schema import quote, sql_string

    schema_json = _schema_json(package, table)
    metadata = {"hrdocs:version": package.version, "hrdocs:table": table.name, "hrdocs:schema": schema_json}
    kv = "{" + ", ".join(f"{sql_string(k)}: {sql_string(v)}" for k, v in metadata.items()) + "}"
    cols = ", ".join(quote(f.name) for f in table.fields)
    # the staging table is in primary-key order already (_stage_table), and a scan keeps that order
    con.execute(
        f"COPY (SELECT {cols} FROM memory.main.{quote(table.name)}) TO {sql_string(str(path))} "
        f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {PARQUET_ROW_GROUP_SIZE}, KV_METADATA {kv})"
    )


def _schema_json(package: Package, table: Table) -> str:
    if table.schema_path:
        schema = json.loads(package.path(table.schema_path).read_text(encoding="utf-8"))
    else:
        schema = next(r["schema"] for r in package.descriptor["resources"] if r.get("name") == table.name)
    return json.dumps(schema, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _swap_into_place(work: Path, build_dir: Path) -> None:
    """Move the finished build into place. The manifest goes first, so an interruption here leaves a build that
    the next run sees as stale and rebuilds; nothing before this point touches the previous build."""
    (build_dir / MANIFEST_NAME).unlink(missing_ok=True)
    for leftover in (build_dir / f"{DATABASE_NAME}.wal",):
        leftover.unlink(missing_ok=True)
    os.replace(work / DATABASE_NAME, build_dir / DATABASE_NAME)
    target = build_dir / PARQUET_DIR
    old = work / "parquet.old"
    if target.exists():
        os.replace(target, old)
    os.replace(work / PARQUET_DIR, target)


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    """A step reporter: a rich spinner on stderr when it is a terminal, otherwise silent."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda _description: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("building", total=None)
        yield lambda description: bar.update(task, description=f"hrdocs build: {description}")
