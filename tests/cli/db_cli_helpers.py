"""Shared by the tests of build/query/tables/describe/show/grades: a built fixture package and a CLI runner that
reports errors as `hrdocs: error: ...` lines, as the console entry point does."""

from __future__ import annotations

from pathlib import Path

from cli_runner import hrdocs as hrdocs  # the tests import it from here
from validate_fixture import build_package

REPO = Path(__file__).resolve().parents[2]


def fixture_package(root: Path) -> Path:
    build_package(root)
    return root
