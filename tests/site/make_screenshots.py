"""Write the screenshots of docs/ (home, a document, the scoreboard) from a site, in headless Chromium.

python tests/site/make_screenshots.py [SITE]      # default: build/site (run `hrdocs site` first)
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[2]
SHOTS = {
    "site-home.png": "index.html",
    "site-document.png": "documents/cmw-aze-follow-up-co3.html#cmw-aze-follow-up-co3.r36",
    "site-scoreboard.png": "scoreboard.html",
}


def main() -> None:
    from playwright.sync_api import sync_playwright

    site = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "site"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        for name, rel in SHOTS.items():
            path, _, anchor = rel.partition("#")
            page.goto((site / path).as_uri() + (f"#{anchor}" if anchor else ""))
            page.wait_for_load_state("load")
            page.screenshot(path=str(REPO / "docs" / name))
            print(REPO / "docs" / name)
        browser.close()


if __name__ == "__main__":
    main()
