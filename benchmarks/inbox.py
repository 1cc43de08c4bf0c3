"""inbox: the real window on a store of 1,000,000 messages (``--messages N`` changes it).

    python -m benchmarks inbox --json

The store is built once from our demo generator (realistic care threads, several
seeds, many brand replies) and kept in the temporary folder for later runs. The
measuring happens in a fresh process, so its memory is the window's alone:

- ``first_page_s``: from opening the store (migrations checked) to the first
  page shown in the window's table;
- ``refresh_median_s``, ``refresh_p95_s``: switching view, sort or network
  (every navigation view with each sort, then the networks), each until its
  first page is in the table;
- ``search_p95_s``: typing words a character at a time into the search box (from
  the second character; the typing delay excluded), each until its page is in;
- ``rss_mb``: the process's peak resident memory.
Targets: 1.0 s; 0.2 s and 0.4 s; 0.15 s; 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_MESSAGES = 1_000_000
# Words agents search for, typed a letter at a time.
SEARCH_WORDS = ("refund", "delivery", "router", "outage", "charged", "cancel", "password")


def store_path(messages: int) -> Path:
    return Path(tempfile.gettempdir()) / f"socialdesk-bench-inbox-{messages}.db"


def build_store(messages: int) -> Path:
    """Demo threads from successive seeds until the store holds ``messages``."""
    path = store_path(messages)
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    for stale in (path, done, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
        stale.unlink(missing_ok=True)
    from socialdesk.demo import generate_demo
    from socialdesk.ingest import Ingestor
    from socialdesk.store import Store
    from socialdesk.triage import TriageScorer

    store = Store.open(f"sqlite:///{path}")
    scorer = TriageScorer(workers=TriageScorer.workers_for(messages))
    try:
        total, seed = 0, 1
        while total < messages:
            items = generate_demo(seed=seed, conversations=25_000)[: messages - total]
            total += Ingestor(store, scorer).ingest_stream(items).inserted
            seed += 1
    finally:
        scorer.close()
        store.close()
    done.write_text(str(messages))
    return path


def run(args: argparse.Namespace) -> dict[str, Any]:
    messages = args.messages or DEFAULT_MESSAGES
    path = build_store(messages)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks._window_probe", "inbox", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the probe failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["messages"] = messages
    return {key: result[key] for key in _KEYS}


_KEYS = ("messages", "first_page_s", "refresh_median_s", "refresh_p95_s", "search_p95_s", "rss_mb")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
