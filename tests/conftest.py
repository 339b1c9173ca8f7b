"""Fixtures shared by every test module: packages built once per session, for the tests that only read them.

A test that changes a package (a CSV cell, a header, the build directory) builds its own in ``tmp_path``.
Expensive fixtures that one module defines for itself (two releases, a generated package) are session-scoped
too: under pytest-xdist a worker may run a module's tests between other modules' tests, and a module-scoped
fixture would then be made again each time the worker comes back to the module.
Helper modules are imported by name: ``pyproject.toml`` puts ``tests/validate`` (the validator's fixture
package) and ``tests/cli`` (the in-process CLI runner) on pytest's ``pythonpath``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_fixture import build_package

from hrdocs.db.build import build


@pytest.fixture(scope="session")
def built_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The validator's fixture package (tests/validate/validate_fixture.py) with its database, Parquet files and
    search index built: shared by the query, browse and search tests, which only read it."""
    root = tmp_path_factory.mktemp("built") / "pkg"
    build_package(root)
    build(root, progress=False)
    return root
