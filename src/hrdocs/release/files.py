"""How every release module reads a package CSV."""

from __future__ import annotations

#: a package CSV as DuckDB reads it here: every column as text, the package's CSV dialect, one parameter (path)
READ_CSV = "read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
