"""stall: the window's event loop while it imports 50,000 messages in the background
(``--messages N`` changes it).

On a fresh demo workspace, the real window imports a JSON Lines file of synthetic care
messages through its own File > Import, which runs the import in a process of its own
at a lower CPU priority; every 5 s the window notices the new rows and reloads its view,
counts and conversation, as it does for any sync. A 5 ms heartbeat timer on the GUI
thread records every tick; ``max_stall_ms`` is the longest gap beyond its interval,
``p99_stall_ms`` the 99th percentile, ``import_s`` how long the import took.
Target: 50 ms.

    python -m benchmarks stall --json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_MESSAGES = 50_000


def run(args: argparse.Namespace) -> dict[str, Any]:
    from socialdesk.cli import main as cli_main

    messages = args.messages or DEFAULT_MESSAGES
    with tempfile.TemporaryDirectory(prefix="socialdesk-stall-") as folder:
        with contextlib.redirect_stdout(io.StringIO()):
            built = cli_main(["--data-dir", folder, "demo"])
        if built != 0:
            raise RuntimeError("could not build the demo workspace")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks._window_probe",
                "stall",
                str(Path(folder) / "socialdesk.db"),
                str(messages),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the probe failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
