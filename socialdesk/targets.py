"""Default first-response targets per channel, until response-time policies exist.

X: customers expect a reply within 15 minutes (Jitbit 2020; HubSpot 2021;
SuperOffice 2021, as cited in ../shared/BENCHMARKS.md). Reddit has no published
figure; we use Facebook's 60 minutes from the same studies, the nearest social
channel where people also expect a slower, threaded reply.
"""

from __future__ import annotations

DEFAULT_TARGET_SECONDS: dict[str, int] = {"x": 15 * 60, "reddit": 60 * 60}
FALLBACK_TARGET_SECONDS = 60 * 60

# Waiting adds up to this many priority points: half of it at the target, all of it
# at twice the target, so an overdue item climbs past fresher ones of its kind.
MAX_WAITING_POINTS = 20


def target_seconds(network: str) -> int:
    return DEFAULT_TARGET_SECONDS.get(network, FALLBACK_TARGET_SECONDS)


def duration_parts(seconds: float) -> tuple[float, str]:
    """A duration in the unit it reads best in: minutes under an hour (whole), hours
    under two days, days beyond (one decimal each)."""
    minutes = seconds / 60
    if minutes < 60:
        return minutes, "min"
    if minutes < 48 * 60:
        return minutes / 60, "h"
    return minutes / 1440, "d"


def format_duration(seconds: float) -> str:
    value, unit = duration_parts(seconds)
    return f"{value:.0f} min" if unit == "min" else f"{value:.1f} {unit}"
