"""ingest: N synthetic customer messages through the whole pipeline into a fresh
SQLite store, timed beside raw vaderSentiment scoring the very same texts.

Every synthetic message is inbound, so the pipeline scores each one: the
comparison is text for text. Threads (follow-ups via in_reply_to), DMs,
repeat authors and follower counts exercise threading and contact upserts.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.ingest import Ingestor
from socialdesk.store import Store
from socialdesk.triage import TriageScorer

DEFAULT_MESSAGES = 100_000

_OPENERS = ["hey", "so", "honestly", "ok", "seriously", "hi team", "quick one", "ugh", "wow"]
_SUBJECTS = [
    "my order",
    "the router",
    "my bill",
    "the app",
    "my parcel",
    "the speaker",
    "my refund",
    "the update",
    "my account",
    "the charger",
    "support",
    "the outage",
]
_PREDICATES = [
    "still hasn't arrived",
    "keeps disconnecting",
    "charged me twice",
    "won't log in",
    "is brilliant",
    "was fixed in minutes",
    "stopped working again",
    "is late again",
    "is great, thanks",
    "crashes on start",
    "got cancelled without notice",
    "has been on hold for two hours",
    "works fine now",
    "needs a dark mode",
]
_CLOSERS = [
    "thanks",
    "any update?",
    "not happy",
    "love it",
    "please help",
    "this is a joke",
    "cheers",
    "what now?",
    "!!",
    "🙄",
    "😍",
    "third time asking",
]


def synthetic_messages(count: int, seed: int = 1) -> list[IncomingMessage]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    authors = [
        Author(
            id=f"bench-{n}",
            handle=f"customer{n}",
            name=f"Customer {n}",
            followers=int(rng.paretovariate(1.2) * 40),
        )
        for n in range(max(1, count // 5))
    ]
    items: list[IncomingMessage] = []
    for n in range(count):
        network = Network.X if n % 3 else Network.REDDIT
        dm = n % 4 == 0
        follow_up = n > 10 and rng.random() < 0.3
        # Two or three clauses: about the length of a real care message.
        clauses = [
            f"{rng.choice(_OPENERS)} {rng.choice(_SUBJECTS)} {rng.choice(_PREDICATES)}"
            for _ in range(rng.choice((2, 2, 3)))
        ]
        text = f"{', and '.join(clauses)}. {rng.choice(_CLOSERS)} (ref {rng.randrange(10**6)})"
        parent = items[rng.randrange(max(0, n - 50), n)] if follow_up else None
        items.append(
            IncomingMessage(
                network=parent.network if parent else network,
                external_id=f"bench-{n}",
                kind=MessageKind.DIRECT_MESSAGE if dm else MessageKind.MENTION,
                direction=Direction.INBOUND,
                author=rng.choice(authors),
                account="@bench_brand" if network is Network.X else "u/bench_brand",
                created_at=start + timedelta(seconds=n * 7),
                text=text,
                in_reply_to=parent.external_id if parent else None,
            )
        )
    return items


def _vader_rate(texts: list[str]) -> float:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    began = time.perf_counter()
    for text in texts:
        analyzer.polarity_scores(text)
    return len(texts) / (time.perf_counter() - began)


def run(args: argparse.Namespace) -> dict[str, Any]:
    count = args.messages or DEFAULT_MESSAGES
    items = synthetic_messages(count)
    with tempfile.TemporaryDirectory(prefix="socialdesk-bench-") as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        scorer = TriageScorer(workers=TriageScorer.workers_for(count))
        try:
            began = time.perf_counter()
            result = Ingestor(store, scorer).ingest_stream(items)
            seconds = time.perf_counter() - began
        finally:
            scorer.close()
            store.close()
    if result.inserted != count:
        raise RuntimeError(f"pipeline stored {result.inserted} of {count} messages")
    vader_rate = _vader_rate([item.text for item in items])
    rate = count / seconds
    return {
        "messages": count,
        "avg_chars": round(sum(len(item.text) for item in items) / count, 1),
        "seconds": round(seconds, 3),
        "rate": round(rate, 1),
        "vader_rate": round(vader_rate, 1),
        "ratio": round(rate / vader_rate, 3),
    }
