"""Ctrl-C that is never lost.

Python turns SIGINT into KeyboardInterrupt in whatever code the main thread is running; C code (DuckDB's client
among it) may swallow that exception, and an interrupt that arrives before DuckDB has started a query is ignored
by it. So the command line records every Ctrl-C in ``INTERRUPTED`` as well: long operations check it before they
start, and a running query is interrupted again until it stops (hrdocs.db.run).
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

#: set by every Ctrl-C received while the command line runs
INTERRUPTED = threading.Event()


def _record_and_raise(_signum: int, _frame: FrameType | None) -> None:
    INTERRUPTED.set()
    raise KeyboardInterrupt


def install() -> None:
    """Record every Ctrl-C (then raise KeyboardInterrupt as Python does). Main thread only."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _record_and_raise)
