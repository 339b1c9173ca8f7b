"""`hrdocs validate`: prove a package correct and report every problem at once.

Start at runner.py (every check, in the order it runs). One module per concern, named for what it checks:
descriptor, csv_files, sources, columns, keys, rules (validation/*.sql), expected_rows, provenance, coverage;
scope restricts them to one document (--document). Each declares its rule ids as Rule constants beside their
message templates; catalogue.py gathers them, validation/README.md lists them with the SQL rules.
"""

from hrdocs.validate.report import Problem, Report
from hrdocs.validate.runner import validate_package

__all__ = ["Problem", "Report", "validate_package"]
