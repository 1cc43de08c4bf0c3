"""Scoring: text analysis (costly, parallelisable) and priority (cheap, in context).

The ingestion pipeline only depends on the ``Scorer`` protocol. This module
ships the baseline: VADER sentiment and a priority built from negativity,
visibility and reach. The Triage work replaces the analyser and prioritiser.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from typing import Protocol

from socialdesk.domain import IncomingMessage, Score

NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05


@dataclass(frozen=True, slots=True)
class TextSignals:
    """What can be read from the text alone; picklable so it can come from a worker."""

    sentiment: float
    complaint_score: float


class TextAnalyser(Protocol):
    def analyse(self, texts: Sequence[str]) -> list[TextSignals]: ...


class Scorer(Protocol):
    """What the ingestion pipeline needs. ``submit`` may run in another process."""

    def submit(self, texts: Sequence[str]) -> Future[list[TextSignals]]: ...

    def score(self, item: IncomingMessage, signals: TextSignals) -> Score: ...

    def close(self) -> None: ...


@lru_cache(maxsize=1)
def _vader() -> object:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_compound(text: str) -> float:
    analyzer = _vader()
    scores: dict[str, float] = analyzer.polarity_scores(text)  # type: ignore[attr-defined]
    return float(scores["compound"])


def sentiment_label(compound: float) -> str:
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    return "neutral"


class VaderAnalyser:
    """Baseline: VADER compound; complaint strength is plain negativity."""

    def analyse(self, texts: Sequence[str]) -> list[TextSignals]:
        out = []
        for text in texts:
            compound = vader_compound(text)
            out.append(TextSignals(sentiment=compound, complaint_score=max(0.0, -compound)))
        return out


def _analyse_in_worker(texts: Sequence[str]) -> list[TextSignals]:
    return VaderAnalyser().analyse(texts)


def format_followers(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M followers"
    if count >= 1_000:
        return f"{count / 1_000:.1f}k followers"
    return f"{count} follower" + ("" if count == 1 else "s")


def baseline_priority(item: IncomingMessage, signals: TextSignals) -> Score:
    """0..100 from negativity, visibility and reach, each with its reason."""
    reasons: list[str] = []
    points = 10.0
    compound = signals.sentiment
    complaint = compound <= NEGATIVE_THRESHOLD
    if compound <= NEGATIVE_THRESHOLD:
        points += 45 * -compound
        reasons.append(f"negative ({compound:+.2f})")
    elif compound >= POSITIVE_THRESHOLD:
        reasons.append(f"positive ({compound:+.2f})")
    if item.is_public:
        points += 15 if complaint else 5
        reasons.append("public complaint" if complaint else "public")
    else:
        points += 5
        reasons.append("direct message")
    followers = item.author.followers or 0
    if followers >= 100:
        # log scale: 100 -> 2, 10k -> 10, 1M -> 18 points
        points += min(20.0, 4 * (math.log10(followers) - 1.5))
        reasons.append(format_followers(followers))
    priority = round(min(100.0, max(0.0, points)))
    return Score(
        sentiment=compound,
        complaint=complaint,
        complaint_score=round(signals.complaint_score, 4),
        priority=priority,
        reasons=tuple(reasons),
    )


class _Done(Future[list[TextSignals]]):
    def __init__(self, value: list[TextSignals]) -> None:
        super().__init__()
        self.set_result(value)


class BaselineScorer:
    """VADER plus the baseline priority. With ``workers`` > 0, text analysis runs in
    worker processes so the caller can write one batch while the next is scored."""

    def __init__(self, workers: int = 0) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0:
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        self._inline = VaderAnalyser()

    @classmethod
    def for_volume(cls, expected_items: int) -> BaselineScorer:
        """Worker processes only pay off past a few thousand texts."""
        cores = os.cpu_count() or 1
        return cls(workers=cores if expected_items >= 5000 and cores > 1 else 0)

    def submit(self, texts: Sequence[str]) -> Future[list[TextSignals]]:
        if self._pool is None or not texts:
            return _Done(self._inline.analyse(texts))
        return self._pool.submit(_analyse_in_worker, list(texts))

    def score(self, item: IncomingMessage, signals: TextSignals) -> Score:
        return baseline_priority(item, signals)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
