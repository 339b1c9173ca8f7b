#!/bin/sh
# Rebuild the A/HRC/50/52 documents and paragraphs rows, merge them into data/ with the locked sync script.
set -e
cd "$(dirname "$0")/../../.."
PY=.venv/bin/python
OUT=build/curation/a-hrc-50-52-text
$PY scripts/curation/a_hrc_50_52_text/build_rows.py "$OUT"
$PY scripts/curation/sync_rows.py data/documents.csv "$OUT/documents.csv"
$PY scripts/curation/sync_rows.py data/paragraphs.csv "$OUT/paragraphs.csv" --prefix a-hrc-50-52.
