"""`hrdocs release`: build dist/hrdocs-<version>.zip and dist/SHA256SUMS from a clean, valid package.

Refuses (one line, exit 1) unless VERSION and datapackage.json agree, CHANGELOG.md has a dated entry for the
version, the git working tree is clean (or allow_dirty), and `hrdocs validate` passes. Then builds (hrdocs.db.build
into a temporary directory), writes the archive reproducibly (see hrdocs.release.archive) and SHA256SUMS
atomically. Progress goes to stderr.

The archive holds only what is the same bytes for the same commit without help: the package's own files, the
generated documents, the Parquet files and the build's manifest (without modification times). The DuckDB file is
left out: its tables' contents are fixed, but its bytes vary from build to build (a parallel insert writes row
groups as threads finish them); every command builds it on first use, from the unpacked CSVs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hrdocs.errors import EXIT_INVALID, HrdocsError
from hrdocs.fileio import sha256_file, write_text_atomic
from hrdocs.metadata import Package
from hrdocs.release import card, changelog, citation, dictionary
from hrdocs.release.archive import write_zip
from hrdocs.release.version import archive_name, check_versions

SUMS_NAME = "SHA256SUMS"


@dataclass
class ReleaseResult:
    version: str
    archive: Path
    sums: Path
    sha256: str
    entries: list[str]


def _say(message: str) -> None:
    print(f"hrdocs: release: {message}", file=sys.stderr, flush=True)


def check_clean(root: Path) -> None:
    """The git working tree at ``root`` has no uncommitted or untracked changes."""
    try:
        proc = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=normal", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise HrdocsError(f"cannot run git: {exc} (pass --allow-dirty to release without git)", EXIT_INVALID) from exc
    if proc.returncode != 0:
        raise HrdocsError(f"{root} is not a git working tree (pass --allow-dirty to release anyway)", EXIT_INVALID)
    changed = [line[3:] for line in proc.stdout.splitlines() if line.strip()]
    if changed:
        more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
        raise HrdocsError(
            f"the working tree has uncommitted changes ({changed[0]}{more}): commit them or pass --allow-dirty",
            EXIT_INVALID,
        )


def check_valid(root: Path) -> None:
    from hrdocs.validate import validate_package

    report = validate_package(root)
    if not report.valid:
        raise HrdocsError(f"the package is not valid: {report.summary()} (run `hrdocs validate`)", EXIT_INVALID)


def source_epoch(date_released: str) -> int:
    """SOURCE_DATE_EPOCH when set, else midnight UTC of the release date: every archive timestamp."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        try:
            return int(env)
        except ValueError as exc:
            raise HrdocsError(f"SOURCE_DATE_EPOCH={env!r} is not an integer") from exc
    day = dt.date.fromisoformat(date_released)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def release_descriptor(package: Package) -> bytes:
    """datapackage.json with `bytes` and `hash` (sha256:<hex>) for every resource."""
    descriptor = json.loads(json.dumps(package.descriptor))
    for resource in descriptor.get("resources", []):
        path = package.path(resource["path"])
        resource["bytes"] = path.stat().st_size
        resource["hash"] = f"sha256:{sha256_file(path)}"
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def release_manifest(build_dir: Path, descriptor: bytes) -> bytes:
    """The build's manifest as it describes the unpacked release: the release's datapackage.json (with bytes
    and hash), and no modification times (they would differ between two builds; a file whose time differs is
    compared by SHA-256)."""
    import hashlib

    from hrdocs.db.manifest import MANIFEST_NAME

    manifest = json.loads((build_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["files"]["datapackage.json"] = {"size": len(descriptor), "sha256": hashlib.sha256(descriptor).hexdigest()}
    for state in manifest["files"].values():
        state["mtime_ns"] = 0
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


#: datapackage.json property listing the licence texts that ship with the files they cover
LICENSE_FILES_PROPERTY = "hrdocs:licenseFiles"


def package_files(package: Package) -> list[str]:
    """The package's own files, relative to its root: schemas, tables, source texts, validation rules."""
    import csv

    files: list[str] = []
    for t in package.tables:
        for rel in (t.schema_path, t.path):
            if rel and rel not in files:
                files.append(rel)
    try:
        documents = package.table("documents")
        with package.path(documents.path).open(encoding="utf-8", newline="") as fh:
            files += sorted({row["source_file"] for row in csv.DictReader(fh) if row.get("source_file")})
    except KeyError:
        pass
    # licence texts the package must travel with, declared in datapackage.json
    files += [rel for rel in package.descriptor.get(LICENSE_FILES_PROPERTY, []) if package.path(rel).is_file()]
    validation = package.root / "validation"
    if validation.is_dir():
        files += sorted(
            f"validation/{p.name}" for p in validation.iterdir() if p.is_file() and not p.name.startswith(".")
        )
    return files


def build_release(
    root: Path,
    out_dir: Path,
    *,
    allow_dirty: bool = False,
    previous: Path | None = None,
    progress: bool = True,
    build_db: Callable[..., object] | None = None,
) -> ReleaseResult:
    """Check, build and write the release archive and SHA256SUMS; returns what was written."""
    from hrdocs.package import load

    say = _say if progress else (lambda _m: None)
    root = root.resolve()
    version = check_versions(root)
    entry = changelog.require_entry(root, version)
    assert entry.date is not None
    if not allow_dirty:
        say("checking the git working tree")
        check_clean(root)
    say("validating the package")
    check_valid(root)
    package = load(root)
    info = citation.dataset_info(root)
    prefix = f"hrdocs-{version}/"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".hrdocs-release-", dir=out_dir) as tmp:
        say("building the DuckDB database and Parquet files")
        if build_db is None:
            from hrdocs.db.build import build as build_db
        build_db(root, Path(tmp) / "build", force=True, progress=progress)
        build_dir = Path(tmp) / "build"
        entries: dict[str, Path | bytes] = {}
        for rel in package_files(package):
            entries[rel] = package.path(rel)
        descriptor = release_descriptor(package)
        entries["datapackage.json"] = descriptor
        # the Parquet files and the manifest of the release's own files, where the toolkit looks for them; not
        # the DuckDB file, whose bytes vary from build to build: the toolkit builds it on first use
        for t in package.tables:
            entries[f"build/parquet/{t.name}.parquet"] = build_dir / "parquet" / f"{t.name}.parquet"
        entries["build/manifest.json"] = release_manifest(build_dir, descriptor)
        say("writing the website (site/)")
        from hrdocs.site import build_site

        site = build_site(root, Path(tmp) / "site", database=build_dir / "hrdocs.duckdb").out
        entries.update({f"site/{p.relative_to(site).as_posix()}": p for p in sorted(site.rglob("*")) if p.is_file()})
        counts = dictionary.row_counts(package)
        entries["data-dictionary.md"] = dictionary.render(package, counts).encode("utf-8")
        entries["CITATION.cff"] = citation.cff(info).encode("utf-8")
        entries["CHANGELOG.md"] = root.joinpath("CHANGELOG.md").read_bytes()
        entries["LICENSE-data.md"] = card.license_text(package).encode("utf-8")
        names = sorted([*(n for n in entries if not n.startswith("site/")), "site/index.html", "README.md"])
        entries["README.md"] = card.dataset_card(package, info, counts, names).encode("utf-8")
        for name, source in entries.items():
            if isinstance(source, Path) and not source.is_file():
                raise HrdocsError(f"release: {name} was not found at {source}", EXIT_INVALID)
        archive = out_dir / archive_name(version)
        say(f"writing {archive} ({len(entries)} files)")
        write_zip(
            archive,
            [(prefix + name, source) for name, source in entries.items()],
            source_epoch(entry.date),
        )
    digest = sha256_file(archive)
    sums = out_dir / SUMS_NAME
    write_text_atomic(sums, f"{digest}  {archive.name}\n")
    say(f"sha256 {digest}")
    if previous is not None:
        from hrdocs.release import diff

        say(f"comparing with {previous}")
        diffs = diff.diff_paths(previous, root)
        print(diff.summary(diffs))
        for row in diff.rows(diffs):
            print("  " + "\t".join(v for v in row if v))
    return ReleaseResult(version, archive, sums, digest, sorted(prefix + n for n in entries))
