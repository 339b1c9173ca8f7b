"""`make release` ships the site: the archive holds site/, whose links resolve once unpacked."""

from __future__ import annotations

from pathlib import Path

from release_fixture import releasable
from site_links import broken_links

from hrdocs.release.archive import safe_extract
from hrdocs.release.builder import build_release


def test_release_archive_holds_the_site(tmp_path: Path) -> None:
    root = releasable(tmp_path / "pkg", git=False)
    result = build_release(root, tmp_path / "dist", allow_dirty=True, progress=False)
    names = set(result.entries)
    for rel in ("index.html", "search-index.js", "scoreboard.html", "search.html", "assets/search.js"):
        assert f"hrdocs-0.1.0/site/{rel}" in names
    safe_extract(result.archive, tmp_path / "x")
    site = tmp_path / "x" / "hrdocs-0.1.0" / "site"
    assert broken_links(site) == []
    assert "released 2026-11-24" in (site / "index.html").read_text(encoding="utf-8")
    card = (tmp_path / "x" / "hrdocs-0.1.0" / "README.md").read_text(encoding="utf-8")
    assert "`site/index.html`" in card and "site/search-index.js" not in card
