"""Each resource's file: it exists and matches its declared `bytes` and `hash`; then each CSV file is read ONCE,
by DuckDB, into a VARCHAR table shared by every later check.

CSV-level problems are reported with the file and line: a byte-order mark, CR line endings, a header that does
not name the schema's fields in order, and what DuckDB's strict parser rejects (rows with too few or too many
cells, unterminated quotes, bytes that are not UTF-8), taken from its rejects table rather than a crash.
Cells are read as text so that a bad cell becomes a problem of the column checks, not a failed load.
"""

from __future__ import annotations

import csv
import hashlib
import io
import mmap
from pathlib import Path

from hrdocs.metadata.duckdb_schema import quote, sql_string
from hrdocs.metadata.model import Table
from hrdocs.validate.context import RAW_SCHEMA, Context, LoadedTable
from hrdocs.validate.report import Rule

STAGE = "files"
FILE_MISSING = Rule(
    "file-missing", STAGE, "each resource's data file exists", "data file of resource {name!r} not found"
)
FILE_BYTES = Rule(
    "file-bytes",
    STAGE,
    "a resource's declared `bytes` equals the file's size",
    "file has {actual} bytes, datapackage.json declares {declared}",
)
FILE_HASH = Rule(
    "file-hash",
    STAGE,
    "a resource's declared `hash` equals the file's hash",
    "{algo} of the file is {actual}, datapackage.json declares {declared}",
)
CSV_BOM = Rule(
    "csv-bom", STAGE, "a CSV file starts without a UTF-8 byte-order mark", "file starts with a UTF-8 byte-order mark"
)
CSV_ENCODING = Rule("csv-encoding", STAGE, "a CSV file is valid UTF-8")
CSV_CRLF = Rule(
    "csv-crlf",
    STAGE,
    "a CSV file ends lines with LF only (no CR)",
    "line ends with {ending}; the package's CSV files use LF only",
)
CSV_HEADER = Rule("csv-header", STAGE, "a CSV header names exactly the schema's fields, in order")
CSV_RAGGED = Rule("csv-ragged", STAGE, "every CSV row has as many cells as the header")
CSV_QUOTE = Rule("csv-quote", STAGE, "every quoted CSV cell is closed")
CSV_PARSE = Rule(
    "csv-parse", STAGE, "the CSV file can be parsed (other CSV errors)", "cannot parse the file: {message}"
)
RULES = (
    FILE_MISSING,
    FILE_BYTES,
    FILE_HASH,
    CSV_BOM,
    CSV_ENCODING,
    CSV_CRLF,
    CSV_HEADER,
    CSV_RAGGED,
    CSV_QUOTE,
    CSV_PARSE,
)
#: the messages of csv-header
HEADER_LACKS = "header lacks the schema's field"
HEADER_EXTRA = "header has a column the schema does not define"
HEADER_ORDER = "columns are out of the schema's order: {names}"
HEADER_REPEATS = "header repeats a column name"
HEADER_EMPTY = "file is empty: no header row"
BOM = b"\xef\xbb\xbf"
#: DuckDB's memory limit; beyond it, its tables spill to a temporary directory (deleted after validation)
DUCKDB_MEMORY_LIMIT = "800MB"
#: below this many bytes of CSV in all, the typed tables the SQL rules read are computed once (tables); above it
#: they stay views over the text tables, so that a large package is not held twice in memory. Each rule otherwise
#: casts every column it reads again: on the shipped package the rules took 0.27 s instead of 0.36 s.
TYPED_TABLES_MAX_BYTES = 50_000_000

#: DuckDB rejects error_type -> rule
REJECT_RULES = {
    "MISSING COLUMNS": CSV_RAGGED,
    "TOO MANY COLUMNS": CSV_RAGGED,
    "UNQUOTED VALUE": CSV_QUOTE,
    "INVALID ENCODING": CSV_ENCODING,
    "INVALID UNICODE": CSV_ENCODING,
}


def _file_hash(path: Path, declared: str) -> tuple[str, str]:
    algo, sep, _ = declared.partition(":")
    algo = algo if sep else "md5"
    digest = hashlib.new(algo)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return algo, digest.hexdigest()


def check_files(ctx: Context) -> list[str]:
    """Each resource's file exists and matches `bytes` and `hash`; returns the names of tables with a file."""
    assert ctx.package is not None
    present = []
    for table in ctx.package.tables:
        if not isinstance(table.path, str) or not table.path or not (ctx.root / table.path).is_file():
            ctx.problem(FILE_MISSING, FILE_MISSING.message(name=table.name), table)
            continue
        present.append(table.name)
        path = ctx.root / table.path
        if table.bytes is not None:
            size = path.stat().st_size
            if size != table.bytes:
                ctx.problem(FILE_BYTES, FILE_BYTES.message(actual=size, declared=table.bytes), table, value=size)
        if table.hash:
            try:
                algo, actual = _file_hash(path, table.hash)
            except ValueError:
                ctx.problem(FILE_HASH, f"unknown hash algorithm in {table.hash!r}", table)
                continue
            expected = table.hash.partition(":")[2] if ":" in table.hash else table.hash
            if actual != expected.lower():
                message = FILE_HASH.message(algo=algo, actual=actual, declared=expected)
                ctx.problem(FILE_HASH, message, table, value=actual)
    return present


def _first_line(data: mmap.mmap | bytes) -> bytes:
    end = data.find(b"\n")
    return data[: end if end >= 0 else len(data)]


def _byte_checks(ctx: Context, table: Table, path: Path) -> tuple[list[str] | None, bool]:
    """BOM, CR and header checks on the raw bytes; returns (header names or None, CRLF line endings)."""
    if path.stat().st_size == 0:
        ctx.problem(CSV_HEADER, HEADER_EMPTY, table, line=1)
        return None, False
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:3] == BOM:
            ctx.problem(CSV_BOM, CSV_BOM.message(), table, line=1)
        cr = data.find(b"\r")
        crlf = False
        if cr >= 0:
            line = data[:cr].count(b"\n") + 1
            crlf = data[cr : cr + 2] == b"\r\n"
            ending = "CRLF (\\r\\n)" if crlf else "a bare CR (\\r)"
            ctx.problem(CSV_CRLF, CSV_CRLF.message(ending=ending), table, line=line)
        header_bytes = _first_line(data)
    header_bytes = header_bytes.removeprefix(BOM).rstrip(b"\r")
    try:
        header_text = header_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        ctx.problem(CSV_ENCODING, f"header is not UTF-8 ({exc.reason} at byte {exc.start})", table, line=1)
        return None, crlf
    names = next(csv.reader(io.StringIO(header_text)), [])
    expected = table.field_names
    if names != expected:
        missing = [n for n in expected if n not in names]
        extra = [n for n in names if n not in expected]
        for n in missing:
            ctx.problem(CSV_HEADER, HEADER_LACKS, table, line=1, column=n)
        for n in extra:
            ctx.problem(CSV_HEADER, HEADER_EXTRA, table, line=1, column=n, value=n)
        if not missing and not extra:
            listed = ",".join(names)
            ctx.problem(CSV_HEADER, HEADER_ORDER.format(names=listed), table, line=1, value=listed)
        if len(set(names)) != len(names):
            ctx.problem(CSV_HEADER, HEADER_REPEATS, table, line=1)
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
        spill = ctx.spill_dir = tempfile.mkdtemp(prefix="hrdocs-validate-")
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
            (rows,) = ctx.con.execute(
                f"CREATE TABLE {target} AS SELECT * FROM read_csv({sql_string(str(path))}, columns={columns}, "
                f"auto_detect=false, header=true, delim=',', quote='\"', escape='\"', "
                f"{'' if crlf else new_line}nullstr={nulls}, "
                f"strict_mode=true, store_rejects=true, rejects_table='{rejects}', rejects_scan='{rejects}_scan', "
                ")"
            ).fetchone()
        except duckdb.Error as exc:
            ctx.problem(CSV_PARSE, CSV_PARSE.message(message=str(exc).splitlines()[0]), table)
            continue
        rejected = ctx.sql(
            f"SELECT line, column_name, error_type, csv_line, error_message FROM {rejects} ORDER BY line"
        )
        for line, column, error_type, csv_line, message in rejected:
            rule = REJECT_RULES.get(error_type, CSV_PARSE)
            ctx.problem(rule, f"{message}", table, line=int(line), column=column, value=csv_line)
        present = [n for n in header if n in table.field_names]
        missing = [n for n in table.field_names if n not in header]
        if missing:
            # later checks need every field; the header problem is reported above
            ctx.report.skipped.append(f"{name}: checks of rows skipped (missing columns: {', '.join(missing)})")
            continue
        ctx.loaded[name] = LoadedTable(table=table, columns=present, rows=rows, exact_rows=not rejected)
        ctx.report.rows[name] = rows
        if rejected:
            ctx.report.skipped.append(
                f"{name}: rows after line {rejected[0][0]} are numbered without the rejected rows "
                "(row numbers approximate)"
            )
    _create_typed_views(ctx, [n for n in names if n in ctx.loaded])


def _create_typed_views(ctx: Context, names: list[str]) -> None:
    """main.<table>: the typed rows of raw.<table> (the schema's types, NULL where a cell is not a valid value of
    its type) with __row, for the SQL rules of validation/: a table for a small package, else a view."""
    from hrdocs.validate.columns import typed_sql

    assert ctx.con is not None
    size = sum((ctx.root / ctx.loaded[name].table.path).stat().st_size for name in ctx.loaded)
    ctx.small = size < TYPED_TABLES_MAX_BYTES
    kind = "TABLE" if ctx.small else "VIEW"
    for name in names:
        cols = ["rowid + 2 AS __row"] + [
            f"{typed_sql(f, quote(f.name))} AS {quote(f.name)}" for f in ctx.loaded[name].table.fields
        ]
        ctx.con.execute(f"CREATE {kind} {quote(name)} AS SELECT {', '.join(cols)} FROM {RAW_SCHEMA}.{quote(name)}")
