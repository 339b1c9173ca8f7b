"""Run the four validation stages in order and gather every problem in one Report.

    1. files       stage1_descriptor (datapackage.json, schemas, files, bytes/hash),
                   stage1_csv (CSV-level checks; each CSV read once into DuckDB), stage1_sources (SHA-256)
    2. columns     stage2_columns (pandera schemas generated from schemas/*.json)
    3. tables      stage3_keys, stage3_rules (validation/*.sql), stage3_expected_rows, stage3_coverage
    4. provenance  stage4_provenance (text equals its spans in the source)

A stage never stops the next one: a table that cannot be read is left out of later stages and said so in
``Report.skipped``. Only unusable input (no datapackage.json, a descriptor that is not UTF-8 JSON) raises
HrdocsError (exit 2).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from hrdocs.validate.context import Context
from hrdocs.validate.report import Report


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(ctx: Context, name: str, fn: Callable[[Context], object]) -> None:
    started = time.perf_counter()
    fn(ctx)
    ctx.report.timings[name] = ctx.report.timings.get(name, 0.0) + time.perf_counter() - started
    ctx.report.peak_mb[name] = round(_peak_mb())


def _files(ctx: Context) -> None:
    from hrdocs.validate.stage1_csv import load_tables
    from hrdocs.validate.stage1_descriptor import check_descriptor, check_files
    from hrdocs.validate.stage1_sources import check_sources

    check_descriptor(ctx)
    load_tables(ctx, check_files(ctx))
    check_sources(ctx)


def _columns(ctx: Context) -> None:
    from hrdocs.validate.stage2_columns import check_columns

    check_columns(ctx)


def _tables(ctx: Context) -> None:
    from hrdocs.validate.stage3_coverage import check_coverage
    from hrdocs.validate.stage3_expected_rows import check_expected_rows
    from hrdocs.validate.stage3_keys import check_keys
    from hrdocs.validate.stage3_rules import check_rules

    check_keys(ctx)
    check_rules(ctx)
    check_expected_rows(ctx)
    check_coverage(ctx)


def _provenance(ctx: Context) -> None:
    from hrdocs.validate.stage4_provenance import check_provenance

    check_provenance(ctx)


STAGE_FUNCTIONS: dict[str, Callable[[Context], None]] = {
    "files": _files,
    "columns": _columns,
    "tables": _tables,
    "provenance": _provenance,
}


def validate_package(path: str | Path) -> Report:
    """Validate the package at ``path`` (its directory or its datapackage.json)."""
    root = Path(path)
    if root.name == "datapackage.json":
        root = root.parent
    ctx = Context(root=root, report=Report(package=str(root)))
    try:
        for name, fn in STAGE_FUNCTIONS.items():
            _timed(ctx, name, fn)
    finally:
        if ctx.con is not None:
            ctx.con.close()
    for (table, rule), n in sorted(ctx.omitted.items()):
        ctx.report.skipped.append(f"{table}: {n} more {rule} problem(s) not listed")
    ctx.report.omitted = sum(ctx.omitted.values())
    return ctx.report
