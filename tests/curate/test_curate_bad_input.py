"""Bad input to `hrdocs curate add`, run as a user runs it (the console script): one line on stderr naming the
file and the problem, a non-zero exit, no traceback, and no file of the package changed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from curate_helpers import REPO, TEXTS, copy_package, fingerprint, hrdocs_process

GOOD = TEXTS / "gc37_en.txt"


def _not_utf8(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "latin1.txt"
    path.write_bytes("Distr.: General\n\n1. Caf\u00e9 des r\u00e9fugi\u00e9s.\n".encode("latin-1"))
    return [str(path), "--id", "new-doc"], "latin1.txt", "not UTF-8"


def _empty(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "empty.txt"
    path.write_bytes(b"")
    return [str(path), "--id", "new-doc"], "empty.txt", "empty"


def _blank(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "blank.txt"
    path.write_bytes(b"\n  \n\t\n")
    return [str(path), "--id", "new-doc"], "blank.txt", "empty"


def _file_in_package(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "renamed.txt"  # the same bytes under another name and another id
    shutil.copy(REPO / "data/sources/000_b1aeb741e10eeb44.txt", path)
    return [str(path), "--id", "new-doc"], "renamed.txt", "already in the package"


def _id_in_package(tmp: Path) -> tuple[list[str], str, str]:
    return [str(GOOD), "--id", "a-hrc-50-52"], "a-hrc-50-52", "already in the package"


def _metadata_not_json(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "meta.json"
    path.write_text('{"Name": "General comment No. 37",\n "Signature": }\n', encoding="utf-8")
    return [str(GOOD), "--id", "new-doc", "--metadata", str(path)], "meta.json", "invalid JSON"


def _metadata_missing(tmp: Path) -> tuple[list[str], str, str]:
    return [str(GOOD), "--id", "new-doc", "--metadata", str(tmp / "nowhere.json")], "nowhere.json", "no such file"


def _no_such_source(tmp: Path) -> tuple[list[str], str, str]:
    return [str(tmp / "missing.txt"), "--id", "new-doc"], "missing.txt", "no such file"


def _json_malformed(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "gc.json"
    path.write_text('[{"ID": 1, "Labels": [], "Text": "The Committee"},\n', encoding="utf-8")
    return [str(path), "--id", "new-doc"], "gc.json", "invalid JSON"


def _json_not_paragraphs(tmp: Path) -> tuple[list[str], str, str]:
    path = tmp / "gc.json"
    path.write_text('[{"ID": 1, "Labels": [], "Body": "no Text key"}]\n', encoding="utf-8")
    return [str(path), "--id", "new-doc"], "gc.json", "no string 'Text'"


def _bad_id(tmp: Path) -> tuple[list[str], str, str]:
    return [str(GOOD), "--id", "CCPR/C/GC/37"], "--id", "document id"


CASES: dict[str, Callable[[Path], tuple[list[str], str, str]]] = {
    "not UTF-8": _not_utf8,
    "empty file": _empty,
    "blank file": _blank,
    "file already in the package": _file_in_package,
    "id already in the package": _id_in_package,
    "metadata that does not parse": _metadata_not_json,
    "metadata that does not exist": _metadata_missing,
    "source that does not exist": _no_such_source,
    "malformed JSON source": _json_malformed,
    "JSON source without texts": _json_not_paragraphs,
    "id that is not an id": _bad_id,
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_and_changes_nothing(tmp_path: Path, case: str) -> None:
    root = copy_package(tmp_path / "package")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    args, names, problem = CASES[case](inputs)
    before = fingerprint(root)
    result = hrdocs_process("curate", "add", *args, "--package", str(root))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hrdocs: error: ")
    assert names in lines[0] and problem in lines[0], lines[0]
    assert "Traceback" not in result.stderr + result.stdout and "internal error" not in lines[0]
    assert fingerprint(root) == before
