#!/bin/sh
# Rebuild the CMW/Azerbaijan rows, merge them into data/ with the locked sync script, then check them.
set -e
cd "$(dirname "$0")/../../.."
PY=.venv/bin/python
OUT=build/curation/cmw_aze
$PY scripts/curation/cmw_aze/build_rows.py "$OUT"
$PY scripts/curation/sync_rows.py data/documents.csv "$OUT/documents.csv"
$PY scripts/curation/sync_rows.py data/paragraphs.csv "$OUT/paragraphs.csv" --prefix cmw-aze-follow-up-co3.
$PY scripts/curation/sync_rows.py data/recommendations.csv "$OUT/recommendations.csv" --prefix cmw-c-aze-co-3.r
$PY scripts/curation/sync_rows.py data/grades.csv "$OUT/grades.csv" --prefix cmw-aze-follow-up-co3.
$PY scripts/curation/sync_rows.py data/participants.csv "$OUT/participants.csv" --prefix cmw-aze-follow-up-co3.
$PY scripts/curation/cmw_aze/check_rows.py data
