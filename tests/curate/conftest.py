"""Session-scoped package copies shared read-only by the tests of `hrdocs curate` (a test that writes makes its
own copy with curate_helpers.copy_package(tmp_path))."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from curate_helpers import REPO, TEXTS, copy_package, hrdocs, rows, write_rows

#: the unseen test texts (tests/curate/texts/) and the id each is added as
UNSEEN = {
    "gc37_en.txt": "ccpr-c-gc-37",
    "co_en.txt": "cmw-c-zzz-co-1",
    "hrc_report_zh.txt": "a-hrc-99-12",
    "follow_up_zh.txt": "cmw-zzz-follow-up-co2",
    "follow_up_en.txt": "cmw-zzz-follow-up-co2-en",
}


@dataclass
class Added:
    """A package copy with the unseen texts added, and `hrdocs validate --format json` of it."""

    root: Path
    add_exit: dict[str, int]
    add_stderr: dict[str, str]
    validate_exit: int
    report: dict


@pytest.fixture(scope="session")
def shipped_sources() -> dict[str, str]:
    """document id -> source_file of every shipped document with a text."""
    return {r["document_id"]: r["source_file"] for r in rows(REPO, "documents") if r["source_file"]}


@pytest.fixture(scope="session")
def redrafted(tmp_path_factory: pytest.TempPathFactory, shipped_sources: dict[str, str]) -> Path:
    """A copy of the package without the shipped documents' documents and paragraphs rows and sources, into
    which each shipped source was added afresh under its own id."""
    root = copy_package(tmp_path_factory.mktemp("redrafted") / "package")
    write_rows(root, "documents", [r for r in rows(root, "documents") if r["document_id"] not in shipped_sources])
    write_rows(root, "paragraphs", [r for r in rows(root, "paragraphs") if r["document_id"] not in shipped_sources])
    for source_file in shipped_sources.values():
        (root / source_file).unlink()
    for document_id, source_file in shipped_sources.items():
        code, _, err = hrdocs("curate", "add", str(REPO / source_file), "--id", document_id, "--package", str(root))
        assert code == 0, err
    return root


@pytest.fixture(scope="session")
def added(tmp_path_factory: pytest.TempPathFactory) -> Added:
    """The shipped package with the unseen texts added."""
    root = copy_package(tmp_path_factory.mktemp("unseen") / "package")
    exits, stderrs = {}, {}
    for name, document_id in UNSEEN.items():
        code, _, err = hrdocs("curate", "add", str(TEXTS / name), "--id", document_id, "--package", str(root))
        exits[document_id], stderrs[document_id] = code, err
    code, out, _ = hrdocs("validate", str(root), "--format", "json")
    return Added(root, exits, stderrs, code, json.loads(out))
