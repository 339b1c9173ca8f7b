"""`hrdocs release`: refusals, archive contents, reproducibility, and the unpacked release validates."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from release_fixture import CHANGELOG, hrdocs, releasable, run_git

from hrdocs.release.archive import safe_extract, write_zip
from hrdocs.release.builder import build_release

#: one worker runs this module under pytest-xdist, so its two releases (released_twice) are made once
pytestmark = pytest.mark.xdist_group("release")


@pytest.fixture(scope="session")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return releasable(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="session")
def released_twice(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, CompletedProcess[str]]:
    """The same commit released twice: by the library, then by the command line with ``--previous`` the first
    archive (whose outcome is returned too)."""
    first = build_release(repo, tmp_path_factory.mktemp("dist1"), progress=False)
    dist = tmp_path_factory.mktemp("dist2")
    out = hrdocs("release", "--out", str(dist), "--previous", str(first.archive), "--package", str(repo))
    assert out.returncode == 0, out.stderr
    return first.archive, dist / first.archive.name, out


@pytest.fixture(scope="session")
def built(released_twice: tuple[Path, Path, CompletedProcess[str]]) -> tuple[Path, Path]:
    return released_twice[0], released_twice[1]


def test_refuses_dirty_tree(tmp_path: Path) -> None:
    root = releasable(tmp_path / "pkg")
    (root / "data" / "sources" / "extra.txt").write_text("x")
    out = hrdocs("release", "--out", str(tmp_path / "dist"), "--package", str(root))
    assert out.returncode == 1
    assert out.stderr.splitlines()[-1] == (
        "hrdocs: error: the working tree has uncommitted changes (data/sources/extra.txt): "
        "commit them or pass --allow-dirty"
    )
    assert not (tmp_path / "dist" / "hrdocs-0.1.0.zip").exists()


def test_refuses_version_without_changelog_entry(tmp_path: Path) -> None:
    root = releasable(tmp_path / "pkg", changelog="# Changelog\n\n## [Unreleased]\n")
    out = hrdocs("release", "--out", str(tmp_path / "dist"), "--package", str(root))
    assert out.returncode == 1
    assert out.stderr == (
        "hrdocs: error: CHANGELOG.md has no entry for version 0.1.0: add '## [0.1.0] - YYYY-MM-DD' "
        "with the release's changes\n"
    )


@pytest.mark.slow
def test_refuses_invalid_package(tmp_path: Path) -> None:
    root = releasable(tmp_path / "pkg")
    with (root / "data" / "grades.csv").open("a", encoding="utf-8") as fh:
        fh.write("broken,row\n")
    run_git(root, "commit", "-q", "-am", "break it")
    out = hrdocs("release", "--out", str(tmp_path / "dist"), "--package", str(root))
    assert out.returncode == 1
    last = out.stderr.splitlines()[-1]
    assert last.startswith("hrdocs: error: the package is not valid: invalid: ") and "(run `hrdocs validate`)" in last
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


@pytest.mark.slow
def test_allow_dirty_releases_a_dirty_tree(tmp_path: Path) -> None:
    root = releasable(tmp_path / "pkg", git=False)
    result = build_release(root, tmp_path / "dist", allow_dirty=True, progress=False)
    assert result.archive.name == "hrdocs-0.1.0.zip"


@pytest.mark.slow
def test_archive_contents(built: tuple[Path, Path]) -> None:
    archive, _ = built
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        descriptor = json.loads(zf.read("hrdocs-0.1.0/datapackage.json"))
        infos = zf.infolist()
    assert names == sorted(names)
    for expected in (
        "CITATION.cff",
        "CHANGELOG.md",
        "LICENSE-data.md",
        "README.md",
        "data-dictionary.md",
        "build/parquet/paragraphs.parquet",
        "build/manifest.json",
        "data/paragraphs.csv",
        "data/sources/fu.txt",
        "schemas/paragraphs.schema.json",
        "validation/coverage_exclusions.csv",
    ):
        assert f"hrdocs-0.1.0/{expected}" in names
    assert "hrdocs-0.1.0/build/hrdocs.duckdb" not in names  # its bytes vary: built on first use
    for resource in descriptor["resources"]:
        assert resource["hash"].startswith("sha256:") and len(resource["hash"]) == 7 + 64
        assert isinstance(resource["bytes"], int)
    assert {i.date_time for i in infos} == {(2026, 11, 24, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    sums = (archive.parent / "SHA256SUMS").read_text()
    import hashlib

    assert sums == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  hrdocs-0.1.0.zip\n"


@pytest.mark.slow
def test_parquet_carries_the_data_version(built: tuple[Path, Path], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    safe_extract(built[0], tmp_path / "x")
    meta = pq.read_metadata(tmp_path / "x" / "hrdocs-0.1.0" / "build" / "parquet" / "grades.parquet").metadata
    assert meta[b"hrdocs:version"] == b"0.1.0"


@pytest.mark.slow
def test_two_builds_of_a_commit_are_byte_identical(built: tuple[Path, Path]) -> None:
    """The whole archive is the same bytes when built twice (it holds no DuckDB file, whose bytes vary)."""
    with zipfile.ZipFile(built[0]) as a, zipfile.ZipFile(built[1]) as b:
        assert [(i.filename, i.date_time, i.external_attr) for i in a.infolist()] == [
            (i.filename, i.date_time, i.external_attr) for i in b.infolist()
        ]
        for info in a.infolist():
            assert a.read(info) == b.read(info.filename), info.filename
    assert built[0].read_bytes() == built[1].read_bytes()


def test_zip_writer_is_byte_reproducible(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("bee")
    entries = [("z/b.txt", tmp_path / "b.txt"), ("a.txt", b"ay")]
    write_zip(tmp_path / "one.zip", entries, 1_764_000_000)
    write_zip(tmp_path / "two.zip", list(reversed(entries)), 1_764_000_000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one.zip").namelist() == ["a.txt", "z/b.txt"]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_zip(tmp_path / "out.zip", [("a", b"a"), ("b", tmp_path / "missing")], 0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_unpacked_release_validates(built: tuple[Path, Path], tmp_path: Path) -> None:
    safe_extract(built[0], tmp_path / "x")
    root = tmp_path / "x" / "hrdocs-0.1.0"
    out = hrdocs("validate", str(root))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines()[-1].startswith("valid: ")
    from frictionless import validate

    report = validate(str(root / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    cite = hrdocs("cite", "--package", str(root))
    assert cite.returncode == 0 and "(2026)" in cite.stdout and "Version 0.1.0" in cite.stdout


@pytest.mark.slow
def test_unpacked_release_builds_its_database_on_first_use(built: tuple[Path, Path], tmp_path: Path) -> None:
    """The release ships no DuckDB file: the first query builds it from the unpacked CSVs, and the Parquet files
    that build writes are the shipped bytes."""
    safe_extract(built[0], tmp_path / "x")
    root = tmp_path / "x" / "hrdocs-0.1.0"
    database = root / "build" / "hrdocs.duckdb"
    shipped = {p.name: p.read_bytes() for p in (root / "build" / "parquet").iterdir()}
    assert not database.exists()
    out = hrdocs("query", "SELECT count(*) AS n FROM grades", "--package", str(root), "--format", "csv")
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "n", out.stderr
    assert database.is_file()
    assert {p.name: p.read_bytes() for p in (root / "build" / "parquet").iterdir()} == shipped


@pytest.mark.slow
def test_previous_release_diff_is_printed(released_twice: tuple[Path, Path, CompletedProcess[str]]) -> None:
    out = released_twice[2]
    assert "paragraphs: 11 -> 11 rows; 0 added, 0 removed, 0 changed" in out.stdout
    assert "hrdocs: release: validating the package" in out.stderr


def test_changelog_fixture() -> None:
    assert CHANGELOG.count("## [") == 2


def test_release_ships_the_declared_licence_files() -> None:
    from hrdocs.package import load
    from hrdocs.release.builder import LICENSE_FILES_PROPERTY, package_files

    package = load(Path(__file__).resolve().parents[2])
    declared = package.descriptor[LICENSE_FILES_PROPERTY]
    assert declared and all(package.path(rel).is_file() for rel in declared)
    assert set(declared) <= set(package_files(package))
