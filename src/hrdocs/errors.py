"""The one exception type a user may see, as a one-line message with an exit code."""

from __future__ import annotations

#: exit codes shared by every command
EXIT_OK = 0
EXIT_INVALID = 1  # the input was read and is wrong (validation failed, a query failed)
EXIT_UNUSABLE = 2  # the input could not be used at all (unreadable file, bad JSON, bad arguments)


class HrdocsError(Exception):
    """An error to report to the user in one line, then exit with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
