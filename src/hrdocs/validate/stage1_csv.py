"""Stage 1b: each CSV file read ONCE, by DuckDB, into a VARCHAR table shared by every later stage.

CSV-level problems are reported with the file and line: a byte-order mark, CR line endings, a header that does
not name the schema's fields in order, and what DuckDB's strict parser rejects (rows with too few or too many
cells, unterminated quotes, bytes that are not UTF-8), taken from its rejects table rather than a crash.
Cells are read as text so that a bad cell becomes a problem in stage 2, not a failed load.
"""

from __future__ import annotations

import csv
import io
import mmap
from pathlib import Path

from hrdocs.metadata.duckdb_schema import quote, sql_string
from hrdocs.metadata.model import Table
from hrdocs.validate.context import RAW_SCHEMA, Context, LoadedTable

STAGE = "files"
BOM = b"\xef\xbb\xbf"
#: DuckDB's memory limit; beyond it, its tables spill to a temporary directory (deleted after validation)
DUCKDB_MEMORY_LIMIT = "800MB"

#: DuckDB rejects error_type -> rule id
REJECT_RULES = {
    "MISSING COLUMNS": "csv-ragged",
    "TOO MANY COLUMNS": "csv-ragged",
    "UNQUOTED VALUE": "csv-quote",
    "INVALID ENCODING": "csv-encoding",
    "INVALID UNICODE": "csv-encoding",
}


def _first_line(data: mmap.mmap | bytes) -> bytes:
    end = data.find(b"\n")
    return data[: end if end >= 0 else len(data)]


def _byte_checks(ctx: Context, table: Table, path: Path) -> tuple[list[str] | None, bool]:
    """BOM, CR and header checks on the raw bytes; returns (header names or None, CRLF line endings)."""
    if path.stat().st_size == 0:
        ctx.problem(STAGE, "csv-header", "file is empty: no header row", table, line=1)
        return None, False
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:3] == BOM:
            ctx.problem(STAGE, "csv-bom", "file starts with a UTF-8 byte-order mark", table, line=1)
        cr = data.find(b"\r")
        crlf = False
        if cr >= 0:
            line = data[:cr].count(b"\n") + 1
            crlf = data[cr : cr + 2] == b"\r\n"
            ending = "CRLF (\\r\\n)" if crlf else "a bare CR (\\r)"
            ctx.problem(
                STAGE, "csv-crlf", f"line ends with {ending}; the package's CSV files use LF only", table, line=line
            )
        header_bytes = _first_line(data)
    header_bytes = header_bytes.removeprefix(BOM).rstrip(b"\r")
    try:
        header_text = header_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        ctx.problem(STAGE, "csv-encoding", f"header is not UTF-8 ({exc.reason} at byte {exc.start})", table, line=1)
        return None, crlf
    names = next(csv.reader(io.StringIO(header_text)), [])
    expected = table.field_names
    if names != expected:
        missing = [n for n in expected if n not in names]
        extra = [n for n in names if n not in expected]
        for n in missing:
            ctx.problem(STAGE, "csv-header", "header lacks the schema's field", table, line=1, column=n)
        for n in extra:
            ctx.problem(
                STAGE, "csv-header", "header has a column the schema does not define", table, line=1, column=n, value=n
            )
        if not missing and not extra:
            ctx.problem(
                STAGE,
                "csv-header",
                f"columns are out of the schema's order: {','.join(names)}",
                table,
                line=1,
                value=",".join(names),
            )
        if len(set(names)) != len(names):
            ctx.problem(STAGE, "csv-header", "header repeats a column name", table, line=1)
            return None, crlf
    return names, crlf


def load_tables(ctx: Context, names: list[str]) -> None:
    """Check and load each named table's CSV into DuckDB as ``raw.<table>`` (VARCHAR columns)."""
    import duckdb

    assert ctx.package is not None
    if ctx.con is None:
        import tempfile

        # an in-memory database that spills beyond DUCKDB_MEMORY_LIMIT to a temporary directory, so that the
        # tables of a 1M-paragraph package do not all sit in RAM next to the source texts
        spill = tempfile.mkdtemp(prefix="hrdocs-validate-")
        ctx.extra["spill_dir"] = spill
        ctx.con = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY_LIMIT, "temp_directory": spill})
        ctx.con.execute(f"CREATE SCHEMA {RAW_SCHEMA}")
    for name in names:
        table = ctx.package.table(name)
        path = ctx.root / table.path
        header, crlf = _byte_checks(ctx, table, path)
        if header is None:
            continue
        columns = "{" + ", ".join(f"{sql_string(n)}: 'VARCHAR'" for n in header) + "}"
        nulls = "[" + ", ".join(sql_string(m) for m in table.missing_values or ("",)) + "]"
        rejects = f"rejects_{len(ctx.loaded)}"
        # DuckDB 2.0 returns no rows for a CRLF file when new_line is given: let it detect CRLF itself
        new_line = f"new_line={sql_string(chr(92) + 'n')}, "
        target = f"{RAW_SCHEMA}.{quote(name)}"
        try:
            ctx.con.execute(
                f"CREATE TABLE {target} AS SELECT * FROM read_csv({sql_string(str(path))}, columns={columns}, "
                f"auto_detect=false, header=true, delim=',', quote='\"', escape='\"', "
                f"{'' if crlf else new_line}nullstr={nulls}, "
                f"strict_mode=true, store_rejects=true, rejects_table='{rejects}', rejects_scan='{rejects}_scan', "
                ")"
            )
        except duckdb.Error as exc:
            message = str(exc).splitlines()[0]
            ctx.problem(STAGE, "csv-parse", f"cannot parse the file: {message}", table)
            continue
        rejected = ctx.sql(
            f"SELECT line, column_name, error_type, csv_line, error_message FROM {rejects} ORDER BY line"
        )
        for line, column, error_type, csv_line, message in rejected:
            rule = REJECT_RULES.get(error_type, "csv-parse")
            ctx.problem(STAGE, rule, f"{message}", table, line=int(line), column=column, value=csv_line)
        rows = ctx.sql(f"SELECT count(*) FROM {target}")[0][0]
        present = [n for n in header if n in table.field_names]
        missing = [n for n in table.field_names if n not in header]
        if missing:
            # later stages need every field; the header problem is reported above
            ctx.report.skipped.append(f"{name}: checks after stage 1 skipped (missing columns: {', '.join(missing)})")
            continue
        ctx.loaded[name] = LoadedTable(table=table, columns=present, rows=rows, exact_rows=not rejected)
        ctx.report.rows[name] = rows
        if rejected:
            ctx.report.skipped.append(
                f"{name}: rows after line {rejected[0][0]} are numbered without the rejected rows "
                "(row numbers approximate)"
            )
    _create_typed_views(ctx)


def _create_typed_views(ctx: Context) -> None:
    """main.<table>: typed view over raw.<table> (TRY_CAST per the schema's types) with __row, for SQL rules."""
    from hrdocs.metadata.duckdb_schema import duckdb_type
    from hrdocs.metadata.pandera_schemas import TYPE_PATTERNS

    assert ctx.con is not None
    for name, loaded in ctx.loaded.items():
        cols = ["rowid + 2 AS __row"]
        for f in loaded.table.fields:
            t = duckdb_type(f)
            expr = quote(f.name)
            if t != "VARCHAR":
                # only cells stage 2 accepts get a value: DuckDB alone would cast 'yes' to true and '1.0' to 1
                pattern = TYPE_PATTERNS.get(f.type)
                typed = f"TRY_CAST({expr} AS {t})"
                expr = f"CASE WHEN regexp_matches({expr}, {sql_string(pattern)}) THEN {typed} END" if pattern else typed
            cols.append(f"{expr} AS {quote(f.name)}")
        ctx.con.execute(
            f"CREATE OR REPLACE VIEW {quote(name)} AS SELECT {', '.join(cols)} FROM {RAW_SCHEMA}.{quote(name)}"
        )
