"""The child process that writes a build (``python -m hrdocs.db.build_worker PACKAGE WORK [--quiet]``).

hrdocs.db.build runs the build here rather than in its own process for one reason: DuckDB writes some bytes
as it found them in memory (the unused tail of a block; the slots of NULL cells in bit-packed integer columns,
which hold whatever an earlier, multi-threaded step left there), so two builds of one package would differ in
those bytes. ``ALLOCATOR_ENV`` makes both allocators fill memory with a fixed pattern: DuckDB's (jemalloc, for
its buffers) when it is allocated, and the C library's (``MALLOC_PERTURB_``, for everything else) when it is
allocated and freed. Filling what is freed as well (jemalloc's ``junk:true``) gave the same bytes and took 2 s
longer at 1,000,000 paragraphs (one build each). Both settings are read once, when the process starts, so they
must be in the environment before DuckDB is loaded: hence a new process.

Prints one JSON line on stdout: ``{"rows": ..., "timings": ..., "manifest": ...}`` or
``{"error": message, "exit_code": n}``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

#: jemalloc's "junk" option for allocations (filled with 0xa5), and glibc's equivalent
ALLOCATOR_ENV = {"DUCKDB_JE_MALLOC_CONF": "junk:alloc", "MALLOC_PERTURB_": "165"}


def main(argv: list[str]) -> int:
    from hrdocs.db.build import _build_into, _progress, load
    from hrdocs.errors import EXIT_INVALID, HrdocsError
    from hrdocs.interrupts import install

    install()
    package_root, work = Path(argv[0]), Path(argv[1])
    held: list[Any] = []
    try:
        package = load(package_root)
        with _progress("--quiet" not in argv) as step:
            rows, timings, manifest = _build_into(package, work, step, keep_open=held)
    except HrdocsError as exc:
        print(json.dumps({"error": exc.message, "exit_code": exc.exit_code}))
        return exc.exit_code
    except KeyboardInterrupt:
        print(json.dumps({"error": "build interrupted", "exit_code": 130}))
        return 130
    except Exception as exc:  # reported as one line by the parent
        print(json.dumps({"error": f"build failed: {type(exc).__name__}: {exc}".splitlines()[0], "exit_code": 70}))
        return EXIT_INVALID if isinstance(exc, RuntimeError) else 70
    print(json.dumps({"rows": rows, "timings": timings, "manifest": manifest}), flush=True)
    # the files are written and closed; the in-memory database (gigabytes at 1,000,000 paragraphs) is left to the
    # operating system, which takes it back at once, rather than freed piece by piece (0.6 s at 1M)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
