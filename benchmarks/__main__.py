"""Runner: each benchmark is a module whose ``run(args)`` returns a dict of figures.

Benchmark modules are imported when chosen, not here: the scoring worker
processes re-import this main module when they start, and should pay nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any

BENCHMARKS = ("ingest", "triage", "inbox", "stall", "startup", "report")
NEEDS_DATA = {"triage"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of {sorted(BENCHMARKS)}")
    parser.add_argument("--json", action="store_true", help="print one JSON object by name")
    parser.add_argument(
        "--messages",
        type=int,
        default=None,
        help="override the message count (ingest, inbox, stall, report)",
    )
    parser.add_argument(
        "--data", metavar="PATH.csv", help="labelled CSV (triage): text, airline_sentiment"
    )
    args = parser.parse_args(argv)
    if args.messages is not None and args.messages < 1:
        parser.error("--messages must be at least 1")
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    results: dict[str, dict[str, Any]] = {}
    chosen = args.names or [n for n in BENCHMARKS if n not in NEEDS_DATA or args.data]
    for name in chosen:
        if not args.json:
            print(f"running {name} ...", file=sys.stderr)
        module = importlib.import_module(f"benchmarks.{name}")
        results[name] = module.run(args)
        if not args.json:
            print(name, json.dumps(results[name], indent=2))
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
