"""Regenerate the files derived from VERSION, datapackage.json, CHANGELOG.md, schemas/ and data/:

    CITATION.cff            citation metadata (Citation File Format 1.2.0)
    .zenodo.json            Zenodo deposit metadata (upload_type dataset, the UN documents as related identifiers)
    docs/data-dictionary.md tables, fields, types, constraints, controlled values, row counts

Usage: python scripts/make_release_files.py [--check] [ROOT]
--check writes nothing and exits 1, naming the stale files, when a committed file differs from what it would
generate (the test suite runs the same check).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hrdocs.fileio import write_text_atomic
from hrdocs.metadata import load_package
from hrdocs.release import citation, dictionary
from hrdocs.release.version import check_versions

REPO = Path(__file__).resolve().parents[1]


def generated(root: Path) -> dict[str, str]:
    """Path relative to ``root`` -> the text it should hold."""
    check_versions(root)
    info = citation.dataset_info(root)
    return {
        "CITATION.cff": citation.cff(info),
        ".zenodo.json": citation.zenodo_json(info),
        "docs/data-dictionary.md": dictionary.render(load_package(root)),
    }


def stale(root: Path) -> list[str]:
    """The derived files whose committed text differs from what would be generated."""
    out = []
    for rel, text in generated(root).items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(rel)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report stale files (exit 1 when any)")
    parser.add_argument("root", nargs="?", type=Path, default=REPO)
    args = parser.parse_args(argv)
    if args.check:
        names = stale(args.root)
        for rel in names:
            print(f"stale: {rel} (run: python scripts/make_release_files.py)", file=sys.stderr)
        return 1 if names else 0
    for rel, text in generated(args.root).items():
        write_text_atomic(args.root / rel, text)
        print(f"wrote {rel}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
