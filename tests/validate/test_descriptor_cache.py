"""frictionless's verdict on the descriptors is kept in a cache keyed by frictionless's version and the
descriptors themselves: the same descriptors are not checked twice, a changed descriptor is checked again, and the
verdict read from the cache is the one frictionless gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from defects import DEFECTS
from validate_fixture import build_package

from hrdocs.validate import descriptor, validate_package


def _rules(root: Path) -> list[tuple[str, str | None]]:
    return [(p.rule, p.table) for p in validate_package(root).problems]


def test_verdict_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRDOCS_CACHE_DIR", str(tmp_path / "cache"))
    defect = next(d for d in DEFECTS if d.id == "descriptor-invalid")
    root = tmp_path / "pkg"
    build_package(root, defect.edit)
    first = _rules(root)
    assert ("descriptor-invalid", None) in first
    cached = list((tmp_path / "cache" / "frictionless-descriptor").glob("*.json"))
    assert len(cached) == 1

    def refuse(self: object) -> dict:
        raise AssertionError("frictionless asked again for the same descriptors")

    monkeypatch.setattr(descriptor.ProfileCheck, "_compute", refuse)
    assert _rules(root) == first
    build_package(root)  # the descriptor changed: its verdict is not in the cache
    with pytest.raises(AssertionError, match="asked again"):
        validate_package(root)


def test_no_cache_when_the_folder_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRDOCS_CACHE_DIR", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = tmp_path / "pkg"
    build_package(root)
    assert validate_package(root).valid
    assert not (tmp_path / "home").exists()


def test_child_interpreter_gives_the_same_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where frictionless is not imported yet, the check runs in a child interpreter."""
    import sys

    monkeypatch.setenv("HRDOCS_CACHE_DIR", "")
    defect = next(d for d in DEFECTS if d.id == "schema-invalid-type")
    root = tmp_path / "pkg"
    build_package(root, defect.edit)
    defect.after(root)  # type: ignore[misc]
    here = _rules(root)
    monkeypatch.delitem(sys.modules, "frictionless", raising=False)
    started: list[object] = []
    real = descriptor.subprocess.Popen

    def popen(*args: object, **kwargs: object) -> object:
        started.append(args)
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(descriptor.subprocess, "Popen", popen)
    assert _rules(root) == here
    assert started and ("schema-invalid", "paragraphs") in here


def test_a_copy_elsewhere_reuses_the_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verdict does not depend on where the package lies: a copy in another folder is not checked again."""
    monkeypatch.setenv("HRDOCS_CACHE_DIR", str(tmp_path / "cache"))
    defect = next(d for d in DEFECTS if d.id == "descriptor-invalid")
    build_package(tmp_path / "here", defect.edit)
    first = _rules(tmp_path / "here")
    build_package(tmp_path / "there" / "pkg", defect.edit)

    def refuse(self: object) -> dict:
        raise AssertionError("frictionless asked again for the same descriptors")

    monkeypatch.setattr(descriptor.ProfileCheck, "_compute", refuse)
    assert _rules(tmp_path / "there" / "pkg") == first
    assert len(list((tmp_path / "cache" / "frictionless-descriptor").glob("*.json"))) == 1
