"""First-response targets per channel for the queue's countdowns: the shipped policies
for a public complaint (``socialdesk.sla``, ``resources/sla/defaults.json``, where the
published figures and their sources are). X: 15 minutes (Jitbit 2020; HubSpot 2021;
SuperOffice 2021). Reddit has no published figure; Facebook's 60 minutes from the same
studies, the nearest social channel with slower, threaded replies.
"""

from __future__ import annotations

import re

from socialdesk.sla import default_targets

DEFAULT_TARGET_SECONDS: dict[str, int] = {
    network: default_targets(network, "public_complaint").first_response_s
    for network in ("x", "reddit")
}
FALLBACK_TARGET_SECONDS = default_targets("elsewhere", "public").first_response_s

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


_DURATION = re.compile(r"^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?(?:(\d+)s)?$")


def duration_seconds(text: str, *, bare_minutes: bool = False) -> int:
    """``15m``, ``1h 30m``, ``2d``, ``1w``, ``90s`` as seconds (a bare number is minutes
    when ``bare_minutes``). Raises ValueError for anything else."""
    compact = "".join(text.split()).lower()
    if bare_minutes and compact.isdigit():
        return int(compact) * 60
    found = _DURATION.match(compact)
    if not compact or found is None or not any(found.groups()):
        raise ValueError(f"{text!r} is not a duration: write 15m, 1h, 1h 30m or 2d")
    weeks, days, hours, minutes, seconds = (int(part or 0) for part in found.groups())
    return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
