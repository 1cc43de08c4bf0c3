"""Recorded API traffic (tests/fixtures), replayed through ``responses``.

X cassettes are vcrpy YAML with gzip bodies; Reddit cassettes are JSON with plain
bodies. Requests are matched on method and URL path, in the order recorded (query
strings differ: our connectors ask for more fields than the recordings did).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import responses
import yaml

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Interaction:
    method: str
    url: str  # without its query
    status: int
    headers: dict[str, str]
    body: bytes
    request_body: Any

    def json(self) -> Any:
        return json.loads(self.body)


def _without_query(uri: str) -> str:
    parts = urlsplit(uri)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def x_cassette(name: str) -> list[Interaction]:
    recorded = yaml.safe_load((FIXTURES / "x_api_v2" / f"{name}.yaml").read_text("utf-8"))
    found = []
    for item in recorded["interactions"]:
        request, response = item["request"], item["response"]
        headers = {k.lower(): v[0] for k, v in response["headers"].items()}
        body = response["body"]["string"]
        if isinstance(body, str):
            body = body.encode("utf-8")
        if headers.pop("content-encoding", "") == "gzip":
            body = gzip.decompress(body)
        headers.pop("content-length", None)
        found.append(
            Interaction(
                request["method"],
                _without_query(request["uri"]),
                response["status"]["code"],
                headers,
                body,
                request.get("body"),
            )
        )
    return found


def reddit_cassette(name: str) -> list[Interaction]:
    recorded = json.loads((FIXTURES / "reddit" / f"{name}.json").read_text("utf-8"))
    found = []
    for item in recorded["interactions"]:
        request, response = item["request"], item["response"]
        headers = {
            k.lower(): (v[0] if isinstance(v, list) else v) for k, v in response["headers"].items()
        }
        headers.pop("content-encoding", None)
        headers.pop("content-length", None)
        body = response["body"].get("string", "")
        found.append(
            Interaction(
                request["method"],
                _without_query(request["uri"]),
                response["status"]["code"],
                headers,
                body.encode("utf-8") if isinstance(body, str) else body,
                request.get("body"),
            )
        )
    return found


def add(rsps: responses.RequestsMock, interaction: Interaction) -> None:
    rsps.add(
        interaction.method,
        interaction.url,
        body=interaction.body,
        status=interaction.status,
        headers={k: v for k, v in interaction.headers.items() if k != "content-type"},
        content_type=interaction.headers.get("content-type", "application/json"),
    )
