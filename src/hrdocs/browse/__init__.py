"""Browsing the built package from Python and the command line: one row of any table with what links to it
(``show``), the follow-up scoreboard (``grades``), and the lookups both use (an id or UN symbol, a document, a
country). Every function takes an open connection, e.g. ``hrdocs.connect()``:

    import hrdocs
    from hrdocs.browse import grades, show

    con = hrdocs.connect()
    item = show(con, "A/HRC/50/52")          # Shown(table="documents", id="a-hrc-50-52", sections={...})
    rows = grades(con, country="AZE")        # list[GradeRow]

An id, symbol, document or country that names nothing in the data raises HrdocsError (exit code 2, the code of
any bad argument), with the same one-line message the command line prints.
"""

from hrdocs.browse.grades import GradeCount, GradeRow, grade_counts, grade_meanings, grades
from hrdocs.browse.lookup import find, resolve_country, resolve_document
from hrdocs.browse.show import Shown, show

__all__ = [
    "GradeCount",
    "GradeRow",
    "Shown",
    "find",
    "grade_counts",
    "grade_meanings",
    "grades",
    "resolve_country",
    "resolve_document",
    "show",
]
