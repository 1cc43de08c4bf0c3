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


def format_duration(seconds: float) -> str:
    minutes = seconds / 60
    if minutes < 60:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} d"
