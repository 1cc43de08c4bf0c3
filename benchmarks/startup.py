"""startup: from launching a process to the window's first page on the demo workspace
(the interpreter and Qt starting included). Target: under 2 s.

    python -m benchmarks startup --json
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
import time
from typing import Any


def run(args: argparse.Namespace) -> dict[str, Any]:
    from socialdesk.cli import main as cli_main

    with tempfile.TemporaryDirectory(prefix="socialdesk-startup-") as folder:
        with contextlib.redirect_stdout(io.StringIO()):
            built = cli_main(["--data-dir", folder, "demo"])
        if built != 0:
            raise RuntimeError("could not build the demo workspace")
        runs = []
        for _ in range(3):
            launched = time.time()
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks._window_probe", "startup", folder,
                 repr(launched)],
                capture_output=True,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise RuntimeError(f"the probe failed: {done.stderr.strip()[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1])["startup_s"])
    return {"startup_s": sorted(runs)[1], "runs": runs}
