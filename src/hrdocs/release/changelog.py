"""CHANGELOG.md (Keep a Changelog format): one `## [X.Y.Z] - YYYY-MM-DD` entry per released version."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from hrdocs.errors import EXIT_INVALID, HrdocsError

HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?P<rest>.*)$", re.MULTILINE)
DATE = re.compile(r"^\s*-\s*(?P<date>\d{4}-\d{2}-\d{2})\s*$")


@dataclass(frozen=True)
class Entry:
    version: str
    date: str | None  # yyyy-mm-dd, None when the heading has no date
    body: str


def entries(text: str) -> dict[str, Entry]:
    """Every `## [version]` entry of a changelog, by version."""
    found: dict[str, Entry] = {}
    matches = list(HEADING.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        date_match = DATE.match(m.group("rest"))
        date = date_match.group("date") if date_match else None
        found[m.group("version")] = Entry(m.group("version"), date, text[m.end() : end].strip())
    return found


def read_entries(root: Path) -> dict[str, Entry]:
    """Entries of ``root/CHANGELOG.md``; none when the file is absent."""
    path = root / "CHANGELOG.md"
    if not path.is_file():
        return {}
    return entries(path.read_text(encoding="utf-8"))


def release_date(root: Path, version: str) -> str | None:
    """The date of ``version``'s changelog entry, or None when it has no dated entry (not released)."""
    entry = read_entries(root).get(version)
    return entry.date if entry else None


def require_entry(root: Path, version: str) -> Entry:
    """The dated entry of ``version``; a one-line error when CHANGELOG.md has none."""
    entry = read_entries(root).get(version)
    if entry is None or entry.date is None:
        what = "no" if entry is None else "an undated"
        raise HrdocsError(
            f"CHANGELOG.md has {what} entry for version {version}: add '## [{version}] - YYYY-MM-DD' "
            "with the release's changes",
            EXIT_INVALID,
        )
    try:
        dt.date.fromisoformat(entry.date)
    except ValueError as exc:
        raise HrdocsError(f"CHANGELOG.md: [{version}] has an invalid date {entry.date!r}", EXIT_INVALID) from exc
    return entry
