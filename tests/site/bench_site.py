"""Measure `hrdocs site` on a package: wall time, CPU time (this process and its workers), sizes.

    python tests/site/bench_site.py PACKAGE [--out DIR] [--repeat N] [--translate-bibtex]

The package's database is built first (not timed). --translate-bibtex measures a proposal outside the site's
code: hrdocs.release.citation.bibtex_escape as one str.translate (the same output, checked here) instead of a
loop over characters; it is not part of the toolkit.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import statistics
import tempfile
import time
from pathlib import Path


def cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("package", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--translate-bibtex", action="store_true")
    args = ap.parse_args()
    if args.translate_bibtex:
        from hrdocs.release import citation

        table = str.maketrans({**{c: "\\" + c for c in "&%$#_{}"}, "\\": "\\textbackslash{}",
                               "~": "\\textasciitilde{}", "^": "\\textasciicircum{}"})  # fmt: skip
        sample = "a_b&c{d}~e^f\\g%h$i#j 中文"
        assert citation.bibtex_escape(sample) == sample.translate(table)
        citation.bibtex_escape = lambda v: v.translate(table)
    from hrdocs.db.connect import ensure_built
    from hrdocs.site import build_site

    ensure_built(args.package)
    out = args.out or Path(tempfile.mkdtemp()) / "site"
    walls, cpus = [], []
    for _ in range(args.repeat):
        c0, t0 = cpu(), time.perf_counter()
        result = build_site(args.package, out)
        walls.append(time.perf_counter() - t0)
        cpus.append(cpu() - c0)
        print(f"run: {walls[-1]:.1f} s wall, {cpus[-1]:.1f} CPU-s, steps {result.timings}")
    index = (out / "search-index.js").read_bytes()
    print(f"{args.package}: median {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.1f} CPU-s; "
          f"{result.files} files, {result.bytes / 1e6:.1f} MB; search-index.js {len(index) / 1e6:.1f} MB, "
          f"gzip -6 {len(gzip.compress(index, 6)) / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
