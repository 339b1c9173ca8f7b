"""The site in headless Chromium, from file:// as a reader who unpacked the release would open it: every page
loads without a console error, search finds Chinese and English, axe-core finds no serious violation, and the
page works at a phone's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from site_fixture import ENGLISH_ID

# the built sites (session fixtures) are made once, in the worker that runs every site test
pytestmark = pytest.mark.xdist_group("site")

AXE = Path(__file__).resolve().parent / "fixtures" / "axe-core" / "axe.min.js"


def url(site: Path, rel: str) -> str:
    """The file:// URL of a page of the site, with its ?query or #anchor."""
    import re

    path, rest = re.match(r"([^?#]*)(.*)", rel).groups()  # type: ignore[union-attr]
    return (site / path).as_uri() + rest


def test_every_page_loads_without_console_error(page: Any, test_site: Path) -> None:
    for path in sorted(test_site.rglob("*.html")):
        page.goto(path.as_uri())
        assert page.title().endswith("· hrdocs 0.1.0") or "hrdocs" in page.title()
    assert page.errors == []


def test_console_errors_are_seen(page: Any, tmp_path: Path) -> None:
    """The check above can fail: a page with a script error is caught."""
    (tmp_path / "bad.html").write_text("<!doctype html><title>x</title><script>nosuchfunction()</script>")
    page.goto((tmp_path / "bad.html").as_uri())
    assert any("nosuchfunction" in e for e in page.errors)


def _results(page: Any, site: Path, query: str) -> list[str]:
    page.goto(url(site, f"search.html?q={query}"))
    page.wait_for_selector("#search-status")
    return page.eval_on_selector_all("#results li.hit > a", "els => els.map(e => e.textContent)")


def _expected(site: Path, query: str, tier: str | None = None) -> set[str]:
    """The ids `hrdocs search` finds for ``query`` in the site's package (only ``tier`` when given)."""
    from hrdocs.db.connect import connect
    from hrdocs.search.query import search

    con = connect(site.parents[1])
    try:
        return {h.id for h in search(con, query, limit=10_000) if tier is None or h.match == tier}
    finally:
        con.close()


def test_search_chinese_matches_hrdocs_search(page: Any, test_site: Path) -> None:
    found = _results(page, test_site, "拘留")
    expected = _expected(test_site, "拘留")
    assert len(expected) > 30 and set(found) == expected
    assert "cmw-c-aze-co-3.r36b" in found
    assert page.errors == []


def test_search_english_matches_hrdocs_search(page: Any, test_site: Path) -> None:
    _results(page, test_site, "detention")
    every = page.evaluate("hrdocsSearch('detention')")
    assert set(every) == _expected(test_site, "detention")
    assert ENGLISH_ID in every and any(i.startswith("cmw-c-gc-5.") for i in every)
    # an inflected form finds its lemma's texts, as in hrdocs search (detained: detain)
    assert set(page.evaluate("hrdocsSearch('detained')")) == _expected(test_site, "detained")
    # case does not matter; texts holding both words come first, as hrdocs search's phrase and all-terms tiers
    both = page.evaluate("hrdocsSearch('DETENTION Children')")
    holding_both = _expected(test_site, "detention children", "phrase") | _expected(
        test_site, "detention children", "all terms"
    )
    assert ENGLISH_ID in holding_both
    assert set(both[: len(holding_both)]) == holding_both
    # the form on the page searches too, and a hit links to its paragraph's anchor
    page.fill("#q", "levoy")
    page.click("#search-form button")
    page.wait_for_function("document.querySelectorAll('#results li').length > 0")
    page.locator("#results li.hit > a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("documents/a-hrc-50-52.html#a-hrc-50-52.p15")
    assert page.evaluate("document.querySelector(':target').id") == "a-hrc-50-52.p15"
    assert page.errors == []


def test_search_refuses_punctuation(page: Any, test_site: Path) -> None:
    assert _results(page, test_site, "；") == []
    assert "no Chinese characters, letters or digits" in page.inner_text("#search-status")


def _serious(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


AXE_PAGES = (
    *["index.html", "documents/cmw-aze-follow-up-co3.html", "documents/a-hrc-50-52.html", "scoreboard.html"],
    *["search.html?q=拘留", "entities/org-maat-for-peace.html", "entities/index.html", "data-dictionary.html"],
    *["queries.html", "documents/cmw-c-aze-co-3.html", "documents/cmw-c-gc-5.html", "search.html?q=detention"],
)


def test_axe_finds_no_serious_violation(page: Any, test_site: Path) -> None:
    for rel in AXE_PAGES:
        page.goto(url(test_site, rel))
        assert _serious(page) == [], rel


def test_axe_catches_a_violation(page: Any, tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><title>x</title><main><img src="x.png">'
        '<p style="color:#ccc;background:#fff">low contrast</p></main></html>'
    )
    page.goto((tmp_path / "bad.html").as_uri())
    found = _serious(page)
    assert any(f.startswith("image-alt") for f in found) and any(f.startswith("color-contrast") for f in found)


def test_readable_on_a_phone(browser: Any, test_site: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for rel in ("index.html", "documents/a-hrc-50-52.html", "scoreboard.html"):
        page.goto(url(test_site, rel))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, rel
    context.close()


def test_keyboard_reaches_the_content(page: Any, test_site: Path) -> None:
    page.goto(url(test_site, "index.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the content"
    page.keyboard.press("Enter")
    # the fragment navigation completes after the key press returns: wait for it (up to 5 s) rather than race it
    page.wait_for_function("location.hash === '#main'", timeout=5000)
    assert page.url.endswith("#main")


def test_cite_this_copies(browser: Any, test_site: Path) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url(test_site, "documents/a-hrc-50-52.html#a-hrc-50-52.p15"))
    details = page.locator('[id="a-hrc-50-52.p15"] > .unit-meta details.cite')
    details.locator("summary").click()
    details.locator("button").first.click()
    page.wait_for_function("document.querySelector('[id=\"a-hrc-50-52.p15\"] .copy-status').textContent !== ''")
    status = details.locator(".copy-status").inner_text()
    assert status in ("Copied.", "Select the text and copy it.")
    if status == "Copied.":
        copied = page.evaluate("navigator.clipboard.readText()")
        assert (
            copied.startswith("A/HRC/50/52 (") and "in hrdocs version 0.1.0 (paragraphs row a-hrc-50-52.p15)" in copied
        )
    context.close()
