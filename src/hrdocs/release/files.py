"""How every release module reads a package CSV (the dialect is defined in hrdocs.csv_dialect)."""

from __future__ import annotations

from hrdocs.csv_dialect import READ_CSV_TEXT

#: a package CSV as DuckDB reads it here: every column as text, the package's CSV dialect, one parameter (path)
READ_CSV = READ_CSV_TEXT
