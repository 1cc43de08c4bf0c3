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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any

from socialdesk.hours import BusinessHours

RESOURCE = "sla/defaults.json"
KINDS = ("public_complaint", "public", "direct_message", "keyword_hit")
MAX_TARGET_S = 365 * 86400


class PolicyError(ValueError):
    """A policy that makes no sense (a negative target, a goal over 100%)."""


@dataclass(frozen=True, slots=True)
class Targets:
    first_response_s: int
    next_response_s: int
    resolution_s: int
    goal_pct: float
    # Under a business-hours policy the clock runs only in the team's working time.
    business_hours: bool = False

    def __post_init__(self) -> None:
        for name in ("first_response_s", "next_response_s", "resolution_s"):
            what = name.removesuffix("_s").replace("_", " ")
            if getattr(self, name) <= 0:
                raise PolicyError(f"{what} must be positive")
            if getattr(self, name) > MAX_TARGET_S:
                raise PolicyError(f"{what} must be a year at most")
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
                bool(raw.get("business_hours", False)),
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
    # False: no study measured this network; the figures are borrowed (see the source).
    published: bool = True


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
        network,
        int(raw["customers_expect_s"]),
        int(raw["businesses_average_s"]),
        raw["source"],
        bool(raw.get("published", True)),
    )


def service_level_goal() -> tuple[float, str]:
    raw = _defaults()["service_level"]
    return float(raw["goal_pct"]), str(raw["source"])


def to_json(targets: Targets) -> dict[str, Any]:
    return {
        "first_response_s": targets.first_response_s,
        "next_response_s": targets.next_response_s,
        "resolution_s": targets.resolution_s,
        "goal_pct": targets.goal_pct,
        "business_hours": targets.business_hours,
    }


@dataclass(frozen=True)
class ServiceLevels:
    """Every policy in force and the team's business hours, read once: the one place
    that says when a conversation is due and how long it has waited, for the inbox's
    countdowns, the alerts, the reports and the wallboard alike."""

    hours: BusinessHours = field(default_factory=BusinessHours.round_the_clock)
    # An account's own policies, by (account id, kind); the shipped defaults otherwise.
    overrides: dict[tuple[int, str], Targets] = field(default_factory=dict)

    def policy(self, account_id: int | None, network: str, kind: str) -> Targets:
        if account_id is not None:
            own = self.overrides.get((account_id, kind))
            if own is not None:
                return own
        return default_targets(network, kind)

    def due_at(
        self,
        since: datetime,
        targets: Targets,
        seconds: float | None = None,
        pauses: Sequence[tuple[datetime, datetime]] = (),
    ) -> datetime:
        """When a response to a message waiting since ``since`` falls due (the first
        response target unless ``seconds`` says otherwise). ``pauses`` are the stretches
        the conversation stood parked (pending, resolved) since: the clock stood still,
        so each one before the due time moves it on by the time it took from the clock."""
        wanted = targets.first_response_s if seconds is None else seconds
        if targets.business_hours:
            due = self.hours.add_business_time(since, wanted)
        else:
            due = since + timedelta(seconds=wanted)
        for start, end in sorted(pauses):
            start = max(start, since)
            if end <= start or start >= due:
                continue
            if targets.business_hours:
                due = self.hours.add_business_time(due, self.hours.business_seconds(start, end))
            else:
                due += end - start
        return due

    @staticmethod
    def waiting_target(targets: Targets, answered_before: bool) -> int:
        """The target a waiting message is held to: the first response's, or once the
        conversation has had one, the next response's."""
        return targets.next_response_s if answered_before else targets.first_response_s
