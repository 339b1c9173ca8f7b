"""Run every check of a package, in the order declared here, and gather every problem in one Report.

    descriptor     datapackage.json and schemas read into the checked model; frictionless's descriptor
                   validation started beside the rest (descriptor.ProfileCheck)
    csv_files      each resource file exists and matches bytes/hash; each CSV read once into DuckDB
    sources        each source file read once: exists, UTF-8, SHA-256         -> Sources
    (--document)   the rows of one document (scope.restrict)
    descriptor     frictionless's verdict: a table with an invalid schema is left out from here on
    then side by side:
      columns, keys, expected_rows                              (DuckDB and polars release the GIL)
      rules (validation/*.sql)                      (DuckDB; after the line above on a large package)
      provenance (Sources -> SpanArrays), then coverage (Sources, SpanArrays)    (mostly Python)

A check never stops the next one: a table that cannot be read is left out of the later checks and said so in
``Report.skipped``. Only unusable input (no datapackage.json, a descriptor or schema that is not UTF-8 JSON, an
unknown --document) raises HrdocsError (exit 2). Each problem is reported under its rule's stage (files,
columns, tables, provenance: what it is about), and timings are kept per check.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.validate.context import Context
from hrdocs.validate.report import STAGES, Problem, Report

T = TypeVar("T")


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(ctx: Context, name: str, fn: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = fn()
    ctx.report.timings[name] = ctx.report.timings.get(name, 0.0) + time.perf_counter() - started
    ctx.report.peak_mb[name] = round(_peak_mb())
    return result


def _cell_track(ctx: Context) -> None:
    from hrdocs.validate.columns import check_columns
    from hrdocs.validate.expected_rows import check_expected_rows
    from hrdocs.validate.keys import check_keys

    _timed(ctx, "columns", lambda: check_columns(ctx))
    _timed(ctx, "keys", lambda: check_keys(ctx))
    _timed(ctx, "expected_rows", lambda: check_expected_rows(ctx))


def _rule_track(ctx: Context) -> None:
    from hrdocs.validate.rules import check_rules

    _timed(ctx, "rules", lambda: check_rules(ctx))


def _run(ctx: Context, document: str | None) -> None:
    from hrdocs.validate.columns import warm_up
    from hrdocs.validate.coverage import check_coverage
    from hrdocs.validate.csv_files import check_files, load_tables
    from hrdocs.validate.descriptor import ProfileCheck, read_package
    from hrdocs.validate.provenance import check_provenance
    from hrdocs.validate.scope import check_document, restrict
    from hrdocs.validate.sources import SOURCE_TABLE, read_sources, source_rows

    _timed(ctx, "descriptor", lambda: read_package(ctx))
    profile = ProfileCheck.start(ctx)
    present = _timed(ctx, "csv_files", lambda: check_files(ctx))
    _timed(ctx, "csv_files", lambda: load_tables(ctx, [n for n in present if n == SOURCE_TABLE]))
    if document is not None:
        check_document(ctx, document)
    # DuckDB's CSV scan releases the GIL: the source files are hashed and decoded beside it, and pandera imported
    # when a large table will need it
    with ThreadPoolExecutor(max_workers=2) as pool:
        reading = pool.submit(_timed, ctx, "sources", lambda: read_sources(ctx, source_rows(ctx)))
        warming = pool.submit(warm_up, ctx, present)
        _timed(ctx, "csv_files", lambda: load_tables(ctx, [n for n in present if n != SOURCE_TABLE]))
        sources = reading.result()
        warming.result()
    if document is not None:
        restrict(ctx)
    for name in _timed(ctx, "descriptor", lambda: profile.finish(ctx)):
        ctx.loaded.pop(name, None)
        ctx.report.rows.pop(name, None)
    # columns and keys, and the SQL rules (DuckDB SQL, polars: they release the GIL) run beside provenance with
    # coverage (mostly Python). On a small package the rules have a thread of their own; on a large one they follow
    # columns and keys, since their DuckDB queries already use every core (at 1M paragraphs a thread of their own
    # saved 1 s of 22 s and raised the peak from 2.2 to 2.4 GB; docs/speed.md). What the checks say was skipped is
    # then put in one order, whatever the threads did.
    before = len(ctx.report.skipped)
    with ThreadPoolExecutor(max_workers=2) as pool:
        if ctx.small:
            tracks = [pool.submit(_cell_track, ctx), pool.submit(_rule_track, ctx)]
        else:
            tracks = [pool.submit(lambda: (_cell_track(ctx), _rule_track(ctx)))]
        arrays = _timed(ctx, "provenance", lambda: check_provenance(ctx, sources))
        _timed(ctx, "coverage", lambda: check_coverage(ctx, sources, arrays))
        for track in tracks:
            track.result()
    ctx.report.skipped[before:] = sorted(ctx.report.skipped[before:])


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


def validate_package(path: str | Path, document: str | None = None) -> Report:
    """Validate the package at ``path`` (its directory or its datapackage.json); with ``document``, only the
    rows of that document (and the whole of every file-level check)."""
    root = Path(path)
    if root.name == "datapackage.json":
        root = root.parent
    ctx = Context(root=root, report=Report(package=str(root)))
    started = time.perf_counter()
    try:
        _run(ctx, document)
    except OSError as exc:  # a file that exists but cannot be read: unusable input, not a defect
        where = exc.filename or root
        raise HrdocsError(f"{where}: cannot read: {exc.strerror or exc}", EXIT_UNUSABLE) from exc
    finally:
        if ctx.con is not None:
            ctx.con.close()
        if ctx.spill_dir is not None:
            import shutil

            shutil.rmtree(ctx.spill_dir, ignore_errors=True)
    ctx.report.timings["wall"] = time.perf_counter() - started
    ctx.report.problems.sort(key=_problem_order(ctx))
    for (table, rule), n in sorted(ctx.omitted.items()):
        ctx.report.skipped.append(f"{table}: {n} more {rule} problem(s) not listed")
    ctx.report.omitted = sum(ctx.omitted.values())
    return ctx.report
