"""The scoring port the ingestion pipeline depends on, and VADER itself.

Scoring happens in two steps so the costly one can run elsewhere: ``submit``
reads texts (possibly in worker processes) and ``score`` adds what only the
pipeline knows (visibility, reach, whether the author wrote recently). The
triage scorer in ``socialdesk.triage`` implements it.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from socialdesk.domain import IncomingMessage, Score
from socialdesk.sentiment import VaderCompound

NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05


@dataclass(frozen=True, slots=True)
class ScoreContext:
    """What the store knows about a message that its text does not say."""

    vip: bool = False
    repeat: bool = False


class Scorer(Protocol):
    def submit(self, texts: Sequence[str]) -> Future[list[Any]]: ...

    def score(self, item: IncomingMessage, signals: Any, context: ScoreContext) -> Score: ...

    def close(self) -> None: ...


@lru_cache(maxsize=1)
def _vader() -> VaderCompound:
    return VaderCompound()


def vader_compound(text: str) -> float:
    """VADER's compound score (-1..1), the same number vaderSentiment gives."""
    return _vader().compound(text)


def sentiment_label(compound: float) -> str:
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    return "neutral"


def format_followers(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M followers"
    if count >= 1_000:
        return f"{count / 1_000:.1f}k followers"
    return f"{count} follower" + ("" if count == 1 else "s")


class Done(Future[list[Any]]):
    """A future that is already done: for work small enough to do inline."""

    def __init__(self, value: list[Any]) -> None:
        super().__init__()
        self.set_result(value)
