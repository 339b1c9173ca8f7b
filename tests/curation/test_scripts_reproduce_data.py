"""The curated CSVs and the curation scripts that hold every row's hand-written facts say the same thing.

A curator who edits a row in data/ by hand without changing the script (or the reverse) would see the next
sync silently undo the edit; this test fails first, naming the rows that differ. Each script writes its rows
to a temporary folder; every row it writes must equal the row with the same key in data/, and data/ must have
no other row under the script's key prefix.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from hrdocs.metadata import load_package

REPO = Path(__file__).resolve().parents[2]
CURATION = REPO / "scripts" / "curation"

#: script -> {table: key prefix of the rows it owns in data/ (None: exactly the keys it writes)}
SCRIPTS: dict[str, dict[str, str | None]] = {
    "cmw_aze/build_rows.py": {
        "documents": None,
        "paragraphs": "cmw-aze-follow-up-co3.",
        "recommendations": "cmw-c-aze-co-3.r",
        "grades": "cmw-aze-follow-up-co3.",
        "participants": "cmw-aze-follow-up-co3.",
    },
    "a_hrc_50_52_text/build_rows.py": {"documents": None, "paragraphs": "a-hrc-50-52."},
    "a_hrc_50_52_people/build.py": {"participants": "a-hrc-50-52.", "recommendations": "a-hrc-50-52."},
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_script_rows_equal_data_rows(script: str, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(CURATION / script), str(tmp_path)], check=True, capture_output=True)
    keys = {t.name: t.primary_key[0] for t in load_package(REPO).tables}
    differences: list[str] = []
    for table, prefix in SCRIPTS[script].items():
        key = keys[table]
        built = {r[key]: r for r in _rows(tmp_path / f"{table}.csv")}
        data = {r[key]: r for r in _rows(REPO / "data" / f"{table}.csv")}
        for k, row in built.items():
            if k not in data:
                differences.append(f"{table} {k}: written by the script, missing from data/")
            elif row != data[k]:
                fields = [f for f in row if row[f] != data[k].get(f)]
                differences.append(f"{table} {k}: fields differ: {', '.join(fields)}")
        if prefix is not None:
            extra = sorted(k for k in data if k.startswith(prefix) and k not in built)
            differences += [f"{table} {k}: in data/ but not written by the script" for k in extra]
    assert not differences, f"{script} and data/ disagree (run its sync.sh after editing):\n" + "\n".join(differences)
