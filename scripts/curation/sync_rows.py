"""Merge a curator's rows into a shared CSV safely, so several curators can work on one table at once.

    python scripts/curation/sync_rows.py data/paragraphs.csv my_rows.csv --prefix a-hrc-50-52.

Every row of the target whose key starts with --prefix is replaced by the rows of the input file (all of
whose keys must start with the prefix); without --prefix, rows are upserted by key. The key is the table's
primary key from schemas/ (or --key for a file outside the package). Column order follows the target's header.
The target is locked (flock) while it is read and rewritten, and written to a temporary file then renamed.
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from hrdocs.metadata import load_package  # noqa: E402


def _key_column(target: Path, explicit: str | None) -> str:
    if explicit:
        return explicit
    package = load_package(ROOT)
    for table in package.tables:
        if (ROOT / table.path).resolve() == target.resolve():
            if len(table.primary_key) != 1:
                sys.exit(f"{target}: composite primary key; pass --key")
            return table.primary_key[0]
    sys.exit(f"{target}: not a resource of the package; pass --key")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", type=Path)
    ap.add_argument("rows", type=Path)
    ap.add_argument("--prefix", help="replace every target row whose key starts with this")
    ap.add_argument("--key", help="key column (default: the table's primary key)")
    args = ap.parse_args()
    key = _key_column(args.target, args.key)
    with args.rows.open(encoding="utf-8", newline="") as fh:
        new_rows = list(csv.DictReader(fh))
    if args.prefix is not None:
        bad = [r[key] for r in new_rows if not r[key].startswith(args.prefix)]
        if bad:
            sys.exit(f"{args.rows}: keys outside prefix {args.prefix!r}: {bad[:5]}")
    lock_path = args.target.parent / f".{args.target.name}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with args.target.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            old_rows = list(reader)
        missing = [c for c in header if new_rows and c not in new_rows[0]]
        extra = [c for c in (new_rows[0] if new_rows else {}) if c not in header]
        if missing or extra:
            sys.exit(f"{args.rows}: columns differ from {args.target}: missing {missing}, extra {extra}")
        new_keys = {r[key] for r in new_rows}
        if len(new_keys) != len(new_rows):
            sys.exit(f"{args.rows}: duplicate keys")

        def replaced(row: dict[str, str]) -> bool:
            if args.prefix is not None:
                return row[key].startswith(args.prefix)
            return row[key] in new_keys

        merged: list[dict[str, str]] = []
        inserted = False
        for row in old_rows:
            if replaced(row):
                if not inserted:
                    merged.extend(new_rows)
                    inserted = True
                continue
            merged.append(row)
        if not inserted:
            merged.extend(new_rows)
        fd, tmp = tempfile.mkstemp(dir=args.target.parent, prefix=f".{args.target.name}.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows({c: r.get(c, "") for c in header} for r in merged)
        os.replace(tmp, args.target)
    print(f"{args.target}: {len(old_rows)} -> {len(merged)} rows ({len(new_rows)} from {args.rows})")


if __name__ == "__main__":
    main()
