"""`make bench`: hrdocs against its peers on synthetic packages, each command a subprocess of this one.

    python scripts/bench.py [--sizes shipped,10000,100000,1000000] [--repeat 3] [--frictionless-repeat N]
                            [--data-dir DIR] [--only validate,build,query,search]

1. Generates (or reuses, cached under bench-data/) a package per size with scripts/synthetic_package.py; the
   size `shipped` is the repository's own package (validated only: the build and search steps use the
   synthetic sizes).
2. Validation: `hrdocs validate` against `frictionless validate datapackage.json` on the same package: wall
   time, peak resident memory of the process (os.wait4's rusage for that child), rows per second (every table
   of the package), and the ratio frictionless / hrdocs. Medians over --repeat runs (frictionless: 3 below
   500,000 paragraphs, else 1, unless --frictionless-repeat says otherwise). The two alternate, each frictionless run
   between two hrdocs runs, and the ratio is paired: each frictionless run over the hrdocs runs beside it (the
   machine's speed drifts by a third within an hour; a ratio of medians taken minutes apart would carry it).
3. Build: `hrdocs build --force` against DuckDB's own `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT
   parquet, COMPRESSION zstd)` of the same CSVs, in a fresh Python process, alternating and paired as above;
   the search index's share of the build (reported by `hrdocs build`) is shown apart and left out of the ratio.
4. Query: a cold `hrdocs query "SELECT count(*) FROM paragraphs"` (a new process each time, median of 5) on the
   shipped package and on the largest synthetic one.
5. Search: scripts/bench_search.py on the largest synthetic package, when it exists.
6. Curate (`--only curate`; needs no synthetic package): `hrdocs curate add` of a text of 50,000 characters
   (the shipped HRC report's header and numbered paragraphs, repeated and renumbered) into a fresh copy of
   the shipped package, and `hrdocs curate spans` over the shipped package (a copy; it checks every text
   value and fills none), each a new process, median of --repeat; beside them `hrdocs --help` (the start-up
   every command pays) and the work alone in this process (draft_text and the rows; fill_spans), median of 5.
   Targets (issue 10): drafting under 1 s, spans under 2 s.

A step whose command is missing is printed as `skipped: <why>`. Exit 1 when a command failed. Timings belong
here, never in unit tests.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HRDOCS = BIN / "hrdocs"
FRICTIONLESS = BIN / "frictionless"
#: the tables the build's peer (COPY of the CSVs into DuckDB) writes
COPY_TABLES = ("documents", "paragraphs", "recommendations", "grades", "participants")
#: inputs of a generated package: when one changes, the cached package is generated again
GENERATOR_INPUTS = (
    "scripts/synthetic_package.py",
    "scripts/synthetic_english_clauses.txt",
    "schemas",
    "validation",
    "data/sources",
    "datapackage.json",
)

COPY_SCRIPT = """
import sys, duckdb
out = sys.argv[1]
con = duckdb.connect()
for name in sys.argv[2:]:
    con.execute(f"COPY (SELECT * FROM read_csv('data/{name}.csv')) TO '{out}/{name}.parquet' "
                "(FORMAT parquet, COMPRESSION zstd)")
"""


@dataclass
class Run:
    command: list[str]
    seconds: float
    peak_bytes: int
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


FAILURES: list[str] = []


def run(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run one command; wall time and the peak resident memory of that process (and its waited-for children)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Run(
            command,
            seconds,
            usage.ru_maxrss * 1024,  # kilobytes on Linux
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    if not result.ok:
        tail = (result.stderr.strip() or result.stdout.strip()).splitlines()[-3:]
        FAILURES.append(f"{' '.join(command)} (in {cwd or Path.cwd()}): exit {result.returncode}: {' | '.join(tail)}")
    return result


def median_runs(command: list[str], times: int, cwd: Path | None = None) -> tuple[float, int, list[Run]]:
    """Median wall time and median peak memory of ``times`` runs (stops at the first failure)."""
    runs = []
    for _ in range(times):
        r = run(command, cwd)
        runs.append(r)
        if not r.ok:
            break
    return statistics.median(r.seconds for r in runs), int(statistics.median(r.peak_bytes for r in runs)), runs


def fmt_bytes(n: int) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"


def fmt_seconds(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.1f} s"


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    sys.stdout.flush()


# packages -------------------------------------------------------------------------------------------------
def inputs_fingerprint(seed: int) -> str:
    digest = hashlib.sha256(f"seed={seed}".encode())
    for name in GENERATOR_INPUTS:
        path = REPO / name
        for p in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if p.is_file():
                digest.update(str(p.relative_to(REPO)).encode())
                digest.update(p.read_bytes())
    return digest.hexdigest()


#: the --sizes token for the repository's own package, numbered 0 among the sizes
SHIPPED = "shipped"


def resource_paths(root: Path) -> dict[str, Path]:
    """Every table of a package, by name: what `hrdocs validate` and frictionless read."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: root / r["path"] for r in descriptor["resources"]}


def shipped_rows() -> dict[str, int]:
    """Rows per table of the repository's own package (its values may hold line breaks: read as CSV)."""
    import csv

    rows = {}
    for name, path in resource_paths(REPO).items():
        with path.open(encoding="utf-8", newline="") as fh:
            rows[name] = sum(1 for _ in csv.reader(fh)) - 1
    return rows


def size_label(size: int) -> str:
    return SHIPPED if size == 0 else f"{size:,}"


def package(data_dir: Path, paragraphs: int, seed: int, fingerprint: str) -> tuple[Path, dict[str, int]]:
    """The cached package of ``paragraphs`` paragraphs, generated again when its inputs changed; 0 is the
    repository's own package."""
    if paragraphs == 0:
        return REPO, shipped_rows()
    out = data_dir / f"p{paragraphs}-s{seed}"
    stamp = data_dir / f"p{paragraphs}-s{seed}.json"
    if stamp.is_file() and out.is_dir():
        saved = json.loads(stamp.read_text(encoding="utf-8"))
        if saved.get("fingerprint") == fingerprint:
            if set(saved.get("rows", {})) != set(resource_paths(out)):  # counted by an older bench
                saved["rows"] = _line_counts(out)
                stamp.write_text(json.dumps(saved, indent=1), encoding="utf-8")
            return out, saved["rows"]
    print(f"generating {out} ...", file=sys.stderr, flush=True)
    r = run([sys.executable, str(REPO / "scripts" / "synthetic_package.py"), "--paragraphs", str(paragraphs),
             "--out", str(out), "--seed", str(seed)])  # fmt: skip
    if not r.ok:
        raise SystemExit(f"bench: generating {out} failed: {r.stderr.strip()}")
    print(f"  {r.stderr.strip()}", file=sys.stderr)
    rows = _line_counts(out)
    stamp.write_text(json.dumps({"fingerprint": fingerprint, "rows": rows}, indent=1), encoding="utf-8")
    return out, rows


def _line_counts(root: Path) -> dict[str, int]:
    """Rows per table of a generated package (the generator writes no line break inside a value)."""
    rows = {}
    for name, path in resource_paths(root).items():
        with path.open("rb") as fh:
            rows[name] = sum(1 for _ in fh) - 1
    return rows


# steps ------------------------------------------------------------------------------------------------------
def interleaved(
    ours: list[str], peer: list[str], times: int, peer_times: int, cwd: Path | None = None, peer_cwd: Path | None = None
) -> tuple[list[Run], list[Run], list[tuple[Run, list[Run]]]]:
    """Run ``peer`` ``peer_times`` times, each between two runs of ``ours``, then ``ours`` again until it ran
    ``times`` times (at least ``peer_times + 1``), so that both meet the same machine: its speed drifts by a
    third within an hour here.

    Returns both lists of runs and, for each peer run, our runs just before and just after it (for paired
    ratios). Stops at the first failure."""
    sequence = ["ours", "peer"] * peer_times + ["ours"]
    sequence += ["ours"] * (times - sequence.count("ours"))
    ours_runs: list[Run] = []
    peer_runs: list[Run] = []
    timeline: list[tuple[str, Run]] = []
    for who in sequence:
        r = run(ours, cwd) if who == "ours" else run(peer, peer_cwd)
        (ours_runs if who == "ours" else peer_runs).append(r)
        timeline.append((who, r))
        if not r.ok:
            break
    pairs = [
        (r, [n for w, n in timeline[max(0, i - 1) : i + 2] if w == "ours"])
        for i, (who, r) in enumerate(timeline)
        if who == "peer"
    ]
    return ours_runs, peer_runs, [(r, near) for r, near in pairs if near]


def fmt_ratios(ratios: list[float], digits: int = 1) -> str:
    """Median paired ratio, with the range when there are several."""
    if not ratios:
        return "FAILED"
    middle = f"{statistics.median(ratios):.{digits}f}x"
    if len(ratios) == 1:
        return middle
    return f"{middle} ({min(ratios):.{digits}f}-{max(ratios):.{digits}f})"


def bench_validate(packages: list[tuple[int, Path, dict[str, int]]], repeat: int, f_repeat: int | None) -> None:
    rows_out = []
    for size, path, counts in packages:
        total = sum(counts.values())
        times = f_repeat if f_repeat is not None else (3 if size < 500_000 else 1)
        h_runs, f_runs, pairs = interleaved(
            [str(HRDOCS), "validate", str(path)],
            [str(FRICTIONLESS), "validate", "datapackage.json"],
            repeat,
            times,
            peer_cwd=path,
        )
        ok = all(r.ok for r in h_runs + f_runs)
        ratios = [f.seconds / statistics.mean(h.seconds for h in near) for f, near in pairs]
        h_s = statistics.median(r.seconds for r in h_runs)
        h_mem = int(statistics.median(r.peak_bytes for r in h_runs))
        f_s = statistics.median(r.seconds for r in f_runs) if f_runs else float("nan")
        f_mem = int(statistics.median(r.peak_bytes for r in f_runs)) if f_runs else 0
        rows_out.append(
            [
                size_label(size),
                f"{total:,}",
                f"{fmt_seconds(f_s)}, {fmt_bytes(f_mem)} (n={len(f_runs)})",
                f"{total / f_s:,.0f}",
                f"{fmt_seconds(h_s)}, {fmt_bytes(h_mem)} (n={len(h_runs)})",
                f"{total / h_s:,.0f}",
                fmt_ratios(ratios) if ok else "FAILED",
            ]
        )
    print_table(
        "validate: whole-process wall time and peak memory, median of n runs, the two interleaved; the ratio is "
        "paired (each frictionless run over the hrdocs runs beside it)",
        [
            "paragraphs",
            "rows (all tables)",
            "frictionless validate",
            "rows/s",
            "hrdocs validate",
            "rows/s",
            "frictionless/hrdocs",
        ],
        rows_out,
    )


_STEP = re.compile(r"([a-z_]+) ([0-9.]+) s")


def _steps(build: Run) -> dict[str, float]:
    """The seconds per step of a build, from the timing line `hrdocs build` prints on stderr."""
    line = next((ln for ln in build.stderr.splitlines() if re.match(r"hrdocs: [0-9.]+ s \(", ln)), "")
    return {k: float(v) for k, v in _STEP.findall(line.split("(", 1)[-1])}


def _search_seconds(build: Run) -> float:
    """The search index's share of a build."""
    return _steps(build).get("search_index", 0.0)


def bench_build(packages: list[tuple[int, Path, dict[str, int]]], repeat: int) -> None:
    if not (REPO / "src" / "hrdocs" / "db" / "build.py").is_file():
        print("\nbuild: skipped: src/hrdocs/db/build.py does not exist")
        return
    rows_out = []
    step_lines = []
    for size, path, _counts in packages:
        if size == 0:
            continue  # the build of the repository's own package is not written over by the bench
        with tempfile.TemporaryDirectory(dir=path) as tmp:
            b_runs, c_runs, pairs = interleaved(
                [str(HRDOCS), "build", "--package", str(path), "--force"],
                [sys.executable, "-c", COPY_SCRIPT, tmp, *COPY_TABLES],
                repeat,
                repeat,
                peer_cwd=path,
            )
        if not all(r.ok for r in b_runs + c_runs) or not pairs:
            rows_out.append([f"{size:,}", "FAILED", "", "", "", ""])
            continue
        builds = [(r.seconds, _search_seconds(r), r.peak_bytes) for r in b_runs]
        steps = [_steps(r) for r in b_runs]
        step_lines.append(
            f"  {size:,}: "
            + ", ".join(
                f"{name} {fmt_seconds(statistics.median(st.get(name, 0.0) for st in steps))}"
                for name in sorted({n for st in steps for n in st})
            )
        )
        ratios = [statistics.mean(b.seconds - _search_seconds(b) for b in near) / c.seconds for c, near in pairs]
        c_s = statistics.median(r.seconds for r in c_runs)
        c_mem = int(statistics.median(r.peak_bytes for r in c_runs))
        wall = statistics.median(b[0] for b in builds)
        search = statistics.median(b[1] for b in builds)
        without = statistics.median(b[0] - b[1] for b in builds)
        mem = int(statistics.median(b[2] for b in builds))
        rows_out.append(
            [
                f"{size:,}",
                f"{fmt_seconds(wall)}, {fmt_bytes(mem)}",
                fmt_seconds(search),
                fmt_seconds(without),
                f"{fmt_seconds(c_s)}, {fmt_bytes(c_mem)}",
                fmt_ratios(ratios, digits=2),
            ]
        )
    print_table(
        f"build: `hrdocs build --force` against DuckDB's CSV-to-Parquet COPY of the same CSVs, interleaved, median "
        f"of {repeat}; the ratio is paired (the builds beside each COPY, without their search index, over it)",
        [
            "paragraphs",
            "hrdocs build",
            "of which search index",
            "build without index",
            "DuckDB COPY",
            "build/COPY (target <= 2)",
        ],
        rows_out,
    )
    if step_lines:
        print("build steps, median of the builds (parquet runs beside database, so it is not part of the sum):")
        print("\n".join(step_lines))


def bench_query(targets: list[tuple[str, Path]], times: int = 5) -> None:
    if not (REPO / "src" / "hrdocs" / "cli" / "query.py").is_file():
        print("\nquery: skipped: src/hrdocs/cli/query.py does not exist")
        return
    rows_out = []
    for label, path in targets:
        warm = run([str(HRDOCS), "build", "--package", str(path)])  # build on demand, not timed
        if not warm.ok:
            rows_out.append([label, "FAILED (build)", ""])
            continue
        command = [str(HRDOCS), "query", "--package", str(path), "--format", "csv", "SELECT count(*) FROM paragraphs"]
        q_s, q_mem, q_runs = median_runs(command, times)
        ok = all(r.ok for r in q_runs)
        rows_out.append(
            [label, f"{fmt_seconds(q_s)}, {fmt_bytes(q_mem)}" if ok else "FAILED", " ".join(q_runs[-1].stdout.split())]
        )
    print_table(
        f'query: cold `hrdocs query "SELECT count(*) FROM paragraphs"` (new process), median of {times}',
        ["package", "wall, peak memory (target < 0.5 s)", "output"],
        rows_out,
    )


def bench_search(path: Path) -> None:
    script = REPO / "scripts" / "bench_search.py"
    if not script.is_file():
        print("\nsearch: skipped: scripts/bench_search.py does not exist")
        return
    r = run([sys.executable, str(script), "--package", str(path)])
    print(f"\nsearch (scripts/bench_search.py --package {path}):")
    print(r.stdout.rstrip() if r.ok else f"FAILED: {r.stderr.strip()}")


CURATE_SOURCE = "data/sources/000_b1aeb741e10eeb44.txt"


def curate_text(characters: int = 50_000) -> str:
    """A UN-layout text of at least ``characters`` characters: the header of CURATE_SOURCE (everything before
    its first numbered paragraph) and its numbered paragraphs repeated, numbered 1, 2, 3, ... again."""
    source = (REPO / CURATE_SOURCE).read_text(encoding="utf-8")
    blocks = source.split("\n\n")
    numbered = [b.strip() for b in blocks if re.match(r"[0-9]+\.", b.strip())]
    first = next(i for i, b in enumerate(blocks) if re.match(r"[0-9]+\.", b.strip()))
    parts = ["\n\n".join(blocks[:first]).rstrip()]
    size, n = len(parts[0]), 0
    while size < characters:
        body = re.sub(r"^[0-9]+\.", "", numbered[n % len(numbered)])
        n += 1
        parts.append(f"{n}.{body}")
        size += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


def _curate_copy(parent: Path) -> Path:
    from hrdocs.package import copy_package

    return copy_package(REPO, tempfile.mkdtemp(dir=parent))


def bench_curate(repeat: int) -> None:
    from hrdocs.curate.rows import paragraph_rows
    from hrdocs.curate.text_layout import draft_text

    text = curate_text()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "bench-source.txt"
        source.write_text(text, encoding="utf-8")
        rows_out = []
        start_s, _, start_runs = median_runs([str(HRDOCS), "--help"], repeat)
        rows_out.append(["`hrdocs --help` (start-up)", fmt_seconds(start_s) if start_runs[-1].ok else "FAILED", ""])
        add_runs = []
        for _ in range(repeat):
            root = _curate_copy(work)  # a fresh copy each run, not timed
            r = run([str(HRDOCS), "curate", "add", str(source), "--id", "bench-source", "--package", str(root)])
            add_runs.append(r)
            if not r.ok:
                break
        drafted = next((ln for ln in add_runs[-1].stderr.splitlines() if "paragraphs rows" in ln), "")
        rows_out.append(
            [
                f"`hrdocs curate add` ({len(text):,} characters)",
                f"{fmt_seconds(statistics.median(r.seconds for r in add_runs))}"
                if all(r.ok for r in add_runs)
                else "FAILED",
                re.sub(r"^hrdocs: added [^:]*: ", "", drafted),
            ]
        )
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            draft = draft_text(text)
            units = paragraph_rows(draft.units, "bench-source", text)
            timings.append(time.perf_counter() - started)
        rows_out.append(
            ["draft_text + rows, in process", fmt_seconds(statistics.median(timings)), f"{len(units)} rows"]
        )
        root = _curate_copy(work)
        from hrdocs.curate.spans import fill_spans

        timings = []
        for _ in range(5):
            started = time.perf_counter()
            checked = fill_spans(root).checked
            timings.append(time.perf_counter() - started)
        rows_out.append(["fill_spans, in process", fmt_seconds(statistics.median(timings)), f"{checked} values"])
        spans_s, _, spans_runs = median_runs([str(HRDOCS), "curate", "spans", "--package", str(root)], repeat)
        summary = spans_runs[-1].stderr.strip().splitlines()[-1:] if spans_runs[-1].ok else ["FAILED"]
        rows_out.append(
            [
                "`hrdocs curate spans` (shipped package)",
                fmt_seconds(spans_s) if all(r.ok for r in spans_runs) else "FAILED",
                summary[0].removeprefix("hrdocs: "),
            ]
        )
    print_table(
        f"curate: new process each, median of {repeat} (targets: add under 1 s, spans under 2 s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        ["command", "wall", "output"],
        rows_out,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="shipped,10000,100000,1000000",
        help="paragraph counts, comma-separated; `shipped` is the repository's own package",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per hrdocs command (median)")
    parser.add_argument("--frictionless-repeat", type=int, default=None, help="runs of frictionless (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=REPO / "bench-data")
    parser.add_argument(
        "--only",
        default="validate,build,query,search,curate",
        help="steps to run, comma-separated (default: all)",
    )
    args = parser.parse_args(argv)
    try:
        sizes = [0 if s.strip() == SHIPPED else int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: expected `shipped` or comma-separated integers, got {args.sizes!r}")
    steps = set(args.only.split(","))
    for tool in (HRDOCS, FRICTIONLESS):
        if not tool.exists():
            print(f"bench: error: {tool} not found: run `make install`", file=sys.stderr)
            return 2
    args.data_dir.mkdir(parents=True, exist_ok=True)
    print(f"bench: {os.cpu_count()} cores, {_memory()} memory, Python {sys.version.split()[0]}, {_versions()}")
    fingerprint = inputs_fingerprint(args.seed)
    packages = []
    for size in sizes if steps & {"validate", "build", "query", "search"} else []:  # curate needs none
        path, rows = package(args.data_dir, size, args.seed, fingerprint)
        packages.append((size, path, rows))
    if "validate" in steps:
        bench_validate(packages, args.repeat, args.frictionless_repeat)
    if "build" in steps:
        bench_build(packages, args.repeat)
    if "query" in steps:
        largest = packages[-1]
        bench_query([("shipped (repository)", REPO), (f"synthetic {largest[0]:,}", largest[1])])
    if "search" in steps:
        bench_search(packages[-1][1])
    if "curate" in steps:
        bench_curate(args.repeat)
    if FAILURES:
        print("\nbench: failed commands:", file=sys.stderr)
        for failure in FAILURES:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


def _memory() -> str:
    try:
        kb = next(
            int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")
        )
        return f"{kb / 1024**2:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        return "unknown"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("hrdocs", "duckdb", "frictionless", "pandera", "polars"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{name} {version(name)}")
    return ", ".join(found)


if __name__ == "__main__":
    sys.exit(main())
