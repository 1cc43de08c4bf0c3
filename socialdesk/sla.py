"""Response-time policies: targets per network and kind of conversation, and the
published benchmarks they come from (``resources/sla/defaults.json``, with sources).

A policy gives, for one kind of conversation on one network, the targets for the first
response, each next response (after a later customer message) and resolution, and the
goal: the share of conversations to answer within the first-response target. The kinds
are a public complaint, any other public conversation, a direct message and a keyword
hit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

RESOURCE = "sla/defaults.json"
KINDS = ("public_complaint", "public", "direct_message", "keyword_hit")


class PolicyError(ValueError):
    """A policy that makes no sense (a negative target, a goal over 100%)."""


@dataclass(frozen=True, slots=True)
class Targets:
    first_response_s: int
    next_response_s: int
    resolution_s: int
    goal_pct: float

    def __post_init__(self) -> None:
        for name in ("first_response_s", "next_response_s", "resolution_s"):
            if getattr(self, name) <= 0:
                raise PolicyError(f"{name.removesuffix('_s').replace('_', ' ')} must be positive")
        if not 0 < self.goal_pct <= 100:
            raise PolicyError("the goal must be a share between 0 and 100%")

    @classmethod
    def from_json(cls, raw: Any) -> Targets:
        try:
            return cls(
                int(raw["first_response_s"]),
                int(raw["next_response_s"]),
                int(raw["resolution_s"]),
                float(raw["goal_pct"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, PolicyError):
                raise
            raise PolicyError(f"a policy needs four numbers: {exc}") from None


@dataclass(frozen=True, slots=True)
class Benchmark:
    network: str
    customers_expect_s: int
    businesses_average_s: int
    source: str


def kind_of(*, public: bool, complaint: bool | None, message_kind: str | None) -> str:
    """Which policy a conversation falls under."""
    if not public:
        return "direct_message"
    if message_kind == "keyword_hit":
        return "keyword_hit"
    return "public_complaint" if complaint else "public"


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    text = files("socialdesk_resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def default_targets(network: str, kind: str) -> Targets:
    """The shipped policy for a network and kind (the fallback for unknown networks)."""
    if kind not in KINDS:
        raise PolicyError(f"{kind!r} is not a kind of conversation: one of {', '.join(KINDS)}")
    raw = _defaults()
    policy = raw["policies"].get(network, {}).get(kind, raw["fallback"])
    return Targets.from_json(policy)


def benchmark(network: str) -> Benchmark | None:
    """What published studies say customers expect on this network, with the source."""
    raw = _defaults()["benchmarks"].get(network)
    if raw is None:
        return None
    return Benchmark(
        network, int(raw["customers_expect_s"]), int(raw["businesses_average_s"]), raw["source"]
    )


def service_level_goal() -> tuple[float, str]:
    raw = _defaults()["service_level"]
    return float(raw["goal_pct"]), str(raw["source"])
