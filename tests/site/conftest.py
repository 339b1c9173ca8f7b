"""Fixtures of the site tests: built sites (once per session) and one headless Chromium for the session.

The browser is Debian's `chromium` (/usr/bin/chromium, or $HRDOCS_CHROMIUM), driven by Playwright; Playwright's
own browser download is not used. Without it the browser tests are skipped, saying why, unless
HRDOCS_REQUIRE_BROWSER=1 (set by .ci/run), when they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_fixture import copy_shipped, site_package

CHROMIUM = Path(os.environ.get("HRDOCS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped package (a copy of the repository's package)."""
    from hrdocs.site import build_site

    root = copy_shipped(tmp_path_factory.mktemp("shipped") / "pkg")
    return build_site(root, root / "build" / "site").out


@pytest.fixture(scope="session")
def test_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped package with an English paragraph and a citations table."""
    from hrdocs.site import build_site

    root = site_package(tmp_path_factory.mktemp("site") / "pkg")
    return build_site(root, root / "build" / "site").out


def _unavailable(reason: str) -> None:
    if os.environ.get("HRDOCS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"HRDOCS_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(f"browser tests skipped: {reason} (apt-get install chromium fonts-noto-cjk to run them)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    pg.errors = []  # console errors and uncaught exceptions, for the test to check
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()
