"""The static website of a package (`hrdocs site`): pages per document, entity and the follow-up scoreboard,
in-browser search over `hrdocs search`'s own index, and "Cite this" everywhere. No server, no network."""

from __future__ import annotations

from hrdocs.site.build import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]
