"""Write data/sdg_targets.csv (the SDG goals and targets vocabulary) from open-sdg/sdg-translations YAML.

Run once, by hand, when the vocabulary is (re)imported; the CSV is the record and validation checks it like any
table. The YAML directory (default ../shared/vocabularies/sdg, relative to the repository) holds
``en/global_{goals,targets}.yml`` and ``zh-Hans/global_{goals,targets}.yml``, keyed ``5-title`` (goal 5) and
``5-2-title`` (target 5.2), as received from open-sdg/sdg-translations (MIT licence: its LICENSE is copied to
data/sdg_targets.LICENSE beside the CSV).

    python scripts/make_sdg_targets.py [--from DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import sys
from pathlib import Path

import yaml

from hrdocs.fileio import write_text_atomic

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository (a git worktree under wt/ finds it one level further up)
CANDIDATES = [REPO.parent / "shared" / "vocabularies" / "sdg", REPO.parent.parent / "shared" / "vocabularies" / "sdg"]
DEFAULT_FROM = next((c for c in CANDIDATES if c.is_dir()), CANDIDATES[0])
KEY = re.compile(r"^(?P<goal>[0-9]{1,2})(?:-(?P<target>[0-9a-z]{1,2}))?-title$")
COLUMNS = ["code", "kind", "goal", "title_en", "title_zh"]


def _titles(path: Path) -> dict[tuple[int, str], str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    titles = {}
    for key, value in data.items():
        m = KEY.match(str(key))
        if m:
            titles[(int(m["goal"]), m["target"] or "")] = " ".join(str(value).split())
    return titles


def rows(source: Path) -> list[dict[str, str]]:
    en, zh = {}, {}
    for name in ("global_goals.yml", "global_targets.yml"):
        en |= _titles(source / "en" / name)
        zh |= _titles(source / "zh-Hans" / name)
    missing = sorted(set(en) ^ set(zh))
    if missing:
        raise ValueError(f"goals/targets not in both languages: {missing[:5]}")

    def order(key: tuple[int, str]) -> tuple[int, int, int, str]:
        goal, target = key
        return (goal, 0 if not target else 1, int(target) if target.isdigit() else 99, target)

    return [
        {
            "code": f"{goal}.{target}" if target else str(goal),
            "kind": "target" if target else "goal",
            "goal": str(goal),
            "title_en": en[(goal, target)],
            "title_zh": zh[(goal, target)],
        }
        for goal, target in sorted(en, key=order)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, default=DEFAULT_FROM, help="the sdg vocabulary directory")
    args = parser.parse_args(argv)
    try:
        table = rows(args.source)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"make_sdg_targets: error: {exc}", file=sys.stderr)
        return 2
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    write_text_atomic(REPO / "data" / "sdg_targets.csv", out.getvalue())
    shutil.copyfile(args.source / "LICENSE", REPO / "data" / "sdg_targets.LICENSE")
    print(f"wrote data/sdg_targets.csv: {len(table)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
