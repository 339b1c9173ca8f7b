"""`hrdocs site`: write the static website of a package into a directory, atomically.

Pages are written into a temporary directory beside the target and moved into place only when complete. The
output depends only on the package: no time of building is written anywhere (the only date is the release
date from CHANGELOG.md), and every list is in a stated order, so the same package gives the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from hrdocs.errors import HrdocsError

if TYPE_CHECKING:
    from hrdocs.metadata import Package
    from hrdocs.site.pages import Pages

ASSETS = ("style.css", "site.js", "search.js")
INDEX_NAME = "search-index.js"


@dataclass
class SiteResult:
    out: Path
    files: int
    bytes: int
    index_bytes: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)


def build_site(root: Path, out: Path, *, database: Path | None = None, progress: bool = False) -> SiteResult:
    """Write the site of the package at ``root`` into ``out`` (replaced when it exists).

    ``database``: a built database of this package to read (the release's); default: the package's own build,
    made or refreshed first when it is stale (as every `hrdocs` command does)."""
    from hrdocs.db.connect import ensure_built, open_locked
    from hrdocs.package import load
    from hrdocs.release import citation
    from hrdocs.site.data import load_site_data
    from hrdocs.site.pages import Pages
    from hrdocs.site.search_index import index_object, index_script

    started = time.perf_counter()
    timings: dict[str, float] = {}
    root = root.resolve()
    package = load(root)
    info = citation.dataset_info(root)
    database = database or ensure_built(root)
    con = open_locked(database)
    try:
        t = time.perf_counter()
        data = load_site_data(con, package, info.date_released)
        timings["read"] = time.perf_counter() - t
    finally:
        con.close()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    pool = None
    try:
        t = time.perf_counter()
        pages = Pages(data, info, root)
        # the document pages (most of the work) in worker processes while this one writes the search index
        doc_ids = [d["document_id"] for d in sorted(data.documents, key=lambda d: -len(data.paragraphs.get(
            d["document_id"], [])))]  # fmt: skip
        workers = _workers(sum(len(u) for u in data.paragraphs.values()))
        global _STATE
        _STATE = (pages, tmp)
        if workers > 1:
            pool = multiprocessing.get_context("fork").Pool(workers)
            pending = pool.map_async(_write_documents, [[i] for i in doc_ids], chunksize=1)
        con = open_locked(database)
        try:
            t_index = time.perf_counter()
            index = index_script(index_object(con, data))
            timings["search index"] = time.perf_counter() - t_index
        finally:
            con.close()
        written = _write(tmp, INDEX_NAME, index)
        files = 1
        queries = sorted((root / "examples" / "queries").glob("*.sql"))
        for rel, html in _all_pages(pages, package, queries):
            written += _write(tmp, rel, html.encode("utf-8"))
            files += 1
        for name in ASSETS:
            data_bytes = resources.files("hrdocs.site").joinpath("assets", name).read_bytes()
            written += _write(tmp, f"assets/{name}", data_bytes)
            files += 1
        done = pending.get() if pool is not None else [_write_documents(doc_ids)]
        files += sum(n for n, _ in done)
        written += sum(b for _, b in done)
        timings["pages"] = time.perf_counter() - t
        _replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _STATE = None
        if pool is not None:
            pool.terminate()
            pool.join()
    seconds = time.perf_counter() - started
    if progress:
        print(f"hrdocs: site: {files} files, {written / 1e6:.1f} MB, in {seconds:.1f} s", file=sys.stderr)
    return SiteResult(out, files, written, len(index), seconds, timings)


#: (pages, output directory) of the build in progress, for the worker processes (forked: they share it)
_STATE: tuple[Pages, Path] | None = None
#: units of text per worker process beyond the first; below it one process writes everything
UNITS_PER_WORKER = 20_000


def _workers(units: int) -> int:
    return max(1, min(os.cpu_count() or 1, units // UNITS_PER_WORKER))


def _write_documents(document_ids: list[str]) -> tuple[int, int]:
    """Write these documents' pages; (files, bytes)."""
    assert _STATE is not None
    pages, tmp = _STATE
    files = written = 0
    for doc_id in document_ids:
        rel, html = pages.document(pages.data.document_by_id[doc_id])
        written += _write(tmp, rel, html.encode("utf-8"))
        files += 1
    return files, written


def _all_pages(pages: Pages, package: Package, queries: list[Path]) -> Iterator[tuple[str, str]]:
    """Every page but the documents'."""
    from hrdocs.release import dictionary

    yield pages.home(has_queries=bool(queries))
    yield from pages.entities()
    yield pages.scoreboard()
    yield pages.search()
    markdown = dictionary.render(package, dictionary.row_counts(package))
    yield pages.markdown_page("data-dictionary.html", "Data dictionary", markdown)
    if queries:
        yield pages.queries(queries)


def _write(base: Path, rel: str, data: bytes) -> int:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, 0o644)
    return len(data)


def _replace(tmp: Path, out: Path) -> None:
    """Move the finished site into place; a previous site is removed only once the new one is there."""
    if out.exists() and not out.is_dir():
        raise HrdocsError(f"{out} exists and is not a directory")
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.chmod(tmp, 0o755)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
