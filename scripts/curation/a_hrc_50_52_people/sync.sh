#!/bin/sh
# Rebuild the A/HRC/50/52 participants and recommendations rows, merge them into data/ with the locked sync
# script, then check them against the source.
set -e
cd "$(dirname "$0")/../../.."
PY=.venv/bin/python
OUT=build/curation/a-hrc-50-52
$PY scripts/curation/a_hrc_50_52_people/build.py "$OUT"
$PY scripts/curation/sync_rows.py data/participants.csv "$OUT/participants.csv" --prefix a-hrc-50-52.
$PY scripts/curation/sync_rows.py data/recommendations.csv "$OUT/recommendations.csv" --prefix a-hrc-50-52.
$PY scripts/curation/a_hrc_50_52_people/check.py data
