"""Every page of a built site, its internal links and its ids, read with the standard library's HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for name in ("href", "src"):
            if a.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(a[name] or "")


def pages(site: Path) -> dict[Path, _Collector]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        c = _Collector()
        c.feed(path.read_text(encoding="utf-8"))
        out[path] = c
    return out


def broken_links(site: Path) -> list[str]:
    """'page: link (why)' for every internal link whose file or anchor does not exist."""
    parsed = pages(site)
    broken = []
    for path, c in parsed.items():
        for link in c.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {link} (no such file)")
                continue
            if parts.fragment:
                ids = parsed[target].ids if target in parsed else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)}: {link} (no such anchor)")
    return broken
