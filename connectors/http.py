"""The HTTP session both connectors hand their client library: a timeout on every
request (tweepy sets none) and a count of requests on the connector's meter."""

from __future__ import annotations

from typing import Any

import requests
import urllib3.exceptions

from socialdesk.sources import Meter


class CountingSession(requests.Session):
    def __init__(self, timeout: float, meter: Meter, credits_per_request: float = 0.0) -> None:
        super().__init__()
        self.timeout = timeout
        self.meter = meter
        self.credits_per_request = credits_per_request
        self.last_headers: dict[str, str] = {}  # of the latest response (rate limits)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        response = super().request(method, url, *args, **kwargs)
        # Counted once answered: a request that never reached the network costs nothing.
        self.meter.requests += 1
        self.meter.credits += self.credits_per_request
        self.last_headers = dict(response.headers)
        return response


def never_connected(exc: BaseException) -> bool:
    """Whether a request failed before a connection was made (refused, no route, no
    name), so the network cannot have received it. A reset or a timeout on an open
    connection is not: the request may have been read and acted on."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError
        ):
            return True
        if isinstance(current, urllib3.exceptions.MaxRetryError) and current.reason is not None:
            current = current.reason
            continue
        nested = (
            current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        )
        current = nested or current.__cause__ or current.__context__
    return False
