"""The package's CSV dialect, defined once: how its CSVs are written and how DuckDB is told to read them.

UTF-8 without a byte-order mark, comma-separated, fields quoted with ``"`` when needed and a quote doubled
inside one, LF line endings, a header row of the schema's field names.
"""

from __future__ import annotations

DELIMITER = ","
QUOTE = '"'
LINE_TERMINATOR = "\n"

#: the dialect as read_csv options (a fragment of SQL)
READ_CSV_OPTIONS = f"header = true, delim = '{DELIMITER}', quote = '{QUOTE}', escape = '{QUOTE}'"

#: a package CSV as DuckDB reads it to compare values as written: every column as text; one parameter, the path
READ_CSV_TEXT = f"read_csv(?, {READ_CSV_OPTIONS}, all_varchar = true)"
