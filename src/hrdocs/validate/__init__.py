"""`hrdocs validate`: prove a package correct in four stages and report every problem at once.

Start at runner.py (the stages in order); each stage is a module named stage<N>_<what>.py; rules.py lists the
rule ids checked in Python, validation/*.sql the dataset's own cross-table rules.
"""

from hrdocs.validate.report import Problem, Report
from hrdocs.validate.runner import validate_package

__all__ = ["Problem", "Report", "validate_package"]
