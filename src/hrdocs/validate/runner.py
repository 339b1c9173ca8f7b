"""Run the four validation stages in order and gather every problem in one Report.

    1. files       stage1_descriptor (datapackage.json, schemas, files, bytes/hash),
                   stage1_csv (CSV-level checks; each CSV read once into DuckDB), stage1_sources (SHA-256)
    2. columns     stage2_columns (pandera schemas generated from schemas/*.json)
    3. tables      stage3_keys, stage3_rules (validation/*.sql), stage3_expected_rows; stage3_coverage
    4. provenance  stage4_provenance (text equals its spans in the source)

Stage 3's keys and rules (DuckDB) run in a second thread beside provenance and coverage (Python).

A stage never stops the next one: a table that cannot be read is left out of later stages and said so in
``Report.skipped``. Only unusable input (no datapackage.json, a descriptor that is not UTF-8 JSON) raises
HrdocsError (exit 2).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.validate.context import Context
from hrdocs.validate.report import STAGES, Problem, Report


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(ctx: Context, name: str, fn: Callable[[Context], object]) -> None:
    started = time.perf_counter()
    fn(ctx)
    ctx.report.timings[name] = ctx.report.timings.get(name, 0.0) + time.perf_counter() - started
    ctx.report.peak_mb[name] = round(_peak_mb())


def _warm_imports() -> None:
    """Import what stage 2 needs while DuckDB scans the CSV files (the import costs about a second)."""
    import pandera.polars  # noqa: F401
    import polars  # noqa: F401


def _files(ctx: Context) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from hrdocs.validate.stage1_csv import load_tables
    from hrdocs.validate.stage1_descriptor import check_files, frictionless_checks, load_descriptor
    from hrdocs.validate.stage1_sources import SOURCE_TABLE, read_sources, source_rows

    load_descriptor(ctx)
    # DuckDB's CSV scan releases the GIL: frictionless, the source files and imports run beside it
    with ThreadPoolExecutor(max_workers=3) as pool:
        warm = pool.submit(_warm_imports)
        invalid = pool.submit(frictionless_checks, ctx)
        present = check_files(ctx)
        load_tables(ctx, [n for n in present if n == SOURCE_TABLE])
        sources = pool.submit(read_sources, ctx, source_rows(ctx))
        load_tables(ctx, [n for n in present if n != SOURCE_TABLE])
        for name in invalid.result():
            ctx.loaded.pop(name, None)
            ctx.report.rows.pop(name, None)
        sources.result()
        warm.result()


def _columns(ctx: Context) -> None:
    from hrdocs.validate.stage2_columns import check_columns

    check_columns(ctx)


def _tables(ctx: Context) -> None:
    from hrdocs.validate.stage3_expected_rows import check_expected_rows
    from hrdocs.validate.stage3_keys import check_keys
    from hrdocs.validate.stage3_rules import check_rules

    check_keys(ctx)
    check_rules(ctx)
    check_expected_rows(ctx)


def _coverage(ctx: Context) -> None:
    from hrdocs.validate.stage3_coverage import check_coverage

    check_coverage(ctx)


def _provenance(ctx: Context) -> None:
    from hrdocs.validate.stage4_provenance import check_provenance

    check_provenance(ctx)


def _engine_track(ctx: Context) -> None:
    _timed(ctx, "columns", _columns)
    _timed(ctx, "tables", _tables)


STAGE_FUNCTIONS: dict[str, Callable[[Context], None]] = {
    "files": _files,
    "columns": _columns,
    "tables": _tables,
    "provenance": _provenance,
    "coverage": _coverage,
}


def _problem_order(ctx: Context) -> Callable[[Problem], tuple[object, ...]]:
    """Problems in a stable order whatever the threads did: stage, table (package order), rule, place."""
    stages = {name: i for i, name in enumerate(STAGES)}
    tables = {t.name: i for i, t in enumerate(ctx.package.tables)} if ctx.package else {}

    def key(p: Problem) -> tuple[object, ...]:
        return (
            stages.get(p.stage, 9),
            -1 if p.table is None else tables.get(p.table, len(tables)),
            p.rule,
            p.file or "",
            p.row or 0,
            p.line or 0,
            p.column or "",
        )

    return key


def validate_package(path: str | Path) -> Report:
    """Validate the package at ``path`` (its directory or its datapackage.json)."""
    root = Path(path)
    if root.name == "datapackage.json":
        root = root.parent
    ctx = Context(root=root, report=Report(package=str(root)))
    started = time.perf_counter()
    try:
        _timed(ctx, "files", _files)
        # columns (polars) and stage 3's keys and rules (DuckDB SQL) release the GIL; provenance and coverage
        # are mostly Python: run the two tracks side by side
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as pool:
            engines = pool.submit(_engine_track, ctx)
            _timed(ctx, "provenance", _provenance)
            _timed(ctx, "coverage", _coverage)
            engines.result()
    except OSError as exc:  # a file that exists but cannot be read: unusable input, not a defect
        where = exc.filename or root
        raise HrdocsError(f"{where}: cannot read: {exc.strerror or exc}", EXIT_UNUSABLE) from exc
    finally:
        if ctx.con is not None:
            ctx.con.close()
        if "spill_dir" in ctx.extra:
            import shutil

            shutil.rmtree(ctx.extra["spill_dir"], ignore_errors=True)
    ctx.report.timings["wall"] = time.perf_counter() - started
    ctx.report.problems.sort(key=_problem_order(ctx))
    for (table, rule), n in sorted(ctx.omitted.items()):
        ctx.report.skipped.append(f"{table}: {n} more {rule} problem(s) not listed")
    ctx.report.omitted = sum(ctx.omitted.values())
    return ctx.report
