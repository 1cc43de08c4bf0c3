"""triage: complaint detection against a labelled CSV, beside plain VADER.

    python -m benchmarks triage --data PATH.csv [--json]

The CSV needs the columns ``text`` and ``airline_sentiment`` (negative means
complaint), like the development set in ../shared/data. The file is only read:
nothing from it is kept, and the learning curve trains throwaway workspaces.

Reports precision, recall and F1 for the rules alone and for plain VADER
(compound <= -0.05); a learning curve (F1 on a held-out part after 0, 100, 300
and 1,000 labels from the rest went through ``socialdesk learn``); and the
throughput of ``socialdesk score``'s analysis beside raw VADER in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from socialdesk.cli import main as cli_main
from socialdesk.learning import ModelBook
from socialdesk.store import Store
from socialdesk.triage import TriageAnalyser

CURVE = (0, 100, 300, 1000)
HELD_OUT_SHARE = 0.4


def load(path: Path) -> list[tuple[str, bool]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise SystemExit(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = {"text", "airline_sentiment"} - set(reader.fieldnames or [])
        if missing:
            raise SystemExit(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return [(row["text"], row["airline_sentiment"] == "negative") for row in reader]


def prf(predicted: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def learned_f1(train: list[tuple[str, bool]], held_out: list[tuple[str, bool]]) -> float:
    """Through the real commands: `learn` a file into a fresh workspace, then score."""
    with tempfile.TemporaryDirectory(prefix="socialdesk-triage-") as tmp:
        workspace = Path(tmp)
        model = None
        if train:
            labels = workspace / "labels.jsonl"
            labels.write_text(
                "".join(json.dumps({"text": t, "complaint": c}) + "\n" for t, c in train),
                encoding="utf-8",
            )
            with contextlib.redirect_stdout(io.StringIO()):
                if cli_main(["--data-dir", tmp, "learn", str(labels)]) != 0:
                    raise RuntimeError("socialdesk learn failed")
            store = Store.open(f"sqlite:///{workspace / 'socialdesk.db'}")
            try:
                model = ModelBook(store).active()
            finally:
                store.close()
        analyser = TriageAnalyser(model=model)
        predicted = [analyser.analyse_one(text).complaint for text, _ in held_out]
        return prf(predicted, [gold for _, gold in held_out])["f1"]


def run(args: argparse.Namespace) -> dict[str, Any]:
    if not args.data:
        raise SystemExit("triage needs --data PATH.csv (columns text, airline_sentiment)")
    rows = load(Path(args.data))
    gold = [complaint for _, complaint in rows]
    texts = [text for text, _ in rows]
    analyser = TriageAnalyser()
    analyser.analyse_one("warm up")

    began = time.perf_counter()
    results = analyser.analyse(texts)
    score_seconds = time.perf_counter() - began
    # Raw vaderSentiment, the yardstick: not the product's faster equivalent.
    reference = SentimentIntensityAnalyzer()
    began = time.perf_counter()
    compounds = [reference.polarity_scores(text)["compound"] for text in texts]
    vader_seconds = time.perf_counter() - began

    shuffled = rows[:]
    random.Random(2026).shuffle(shuffled)
    cut = int(len(shuffled) * HELD_OUT_SHARE)
    held_out, pool = shuffled[:cut], shuffled[cut:]
    curve = {str(n): learned_f1(pool[:n], held_out) for n in CURVE if n <= len(pool)}
    return {
        "rows": len(rows),
        "complaints": sum(gold),
        "rules": prf([r.complaint for r in results], gold),
        "vader": prf([c <= -0.05 for c in compounds], gold),
        "held_out": len(held_out),
        "learning_curve_f1": curve,
        "score_rate": round(len(texts) / score_seconds, 1),
        "vader_rate": round(len(texts) / vader_seconds, 1),
        "throughput_ratio": round(vader_seconds / score_seconds, 3),
    }
