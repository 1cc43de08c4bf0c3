"""Commands the desktop app runs in a process of its own: ``python -m socialdesk.background
import FILE --json``.

Long writes (an import, later a connector's sync) never share an interpreter with the
window: Python runs one thread at a time, so even a background thread's scoring would
pause the window's event loop. In its own process, at a lower CPU priority, the work
takes what the window leaves idle, and the window only sees new rows in the store.
The workspace (``SOCIALDESK_DATA_DIR``, ``SOCIALDESK_DB_URL``) comes from the environment,
so a database password never shows in the process list.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

# Below the window and everything else the agent runs; the scoring workers go lower still.
BACKGROUND_NICENESS = 5
# Smaller transactions than a command-line import's, so the window stays smooth.
GENTLE_BATCH_SIZE = 1000


def _wind_down(_signal: int, _frame: FrameType | None) -> None:
    # Asked to stop (the window is closing): unwind, so the open batch rolls back and the
    # scoring workers are shut down rather than left behind.
    raise SystemExit(128 + signal.SIGTERM)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _wind_down)
    if hasattr(os, "nice"):
        # Where lowering is not allowed, the import runs at the usual priority.
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    from socialdesk import commands
    from socialdesk.cli import main as cli_main

    commands.BATCH_SIZE = GENTLE_BATCH_SIZE
    return cli_main(argv)


# Guarded: scoring worker processes re-import the main module when they start.
if __name__ == "__main__":
    sys.exit(main())
