"""Signing in to X with OAuth 2.0 and PKCE: a real loopback server, a stand-in for the
browser that follows X's redirect, and X's token endpoint answered by ``responses``."""

from __future__ import annotations

import base64
import hashlib
import socket
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import responses

from connectors.x_login import SCOPES, login
from socialdesk.sources import AuthError

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TOKEN_ENDPOINT = "https://api.x.com/2/oauth2/token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    """Does what a browser does after the user agrees: X sends it to the callback."""

    def __init__(self, **answer: str) -> None:
        self.answer = answer
        self.asked: dict[str, str] = {}
        self.page = ""

    def __call__(self, url: str) -> None:
        self.asked = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        answer = {"state": self.asked["state"], **self.answer}
        back = f"{self.asked['redirect_uri']}?{urlencode(answer)}"
        with urllib.request.urlopen(back, timeout=5) as page:
            self.page = page.read().decode("utf-8")


def test_sign_in_exchanges_the_code_with_the_verifier(rsps: responses.RequestsMock) -> None:
    granted = {"access_token": "access-1", "refresh_token": "refresh-1", "expires_in": 7200}
    rsps.add(responses.POST, TOKEN_ENDPOINT, json={**granted, "scope": " ".join(SCOPES)})
    port = free_port()
    browser = Browser(code="the-code")

    tokens = login("client-abc", port=port, open_browser=browser, now=lambda: NOW)

    assert (tokens.access_token, tokens.refresh_token) == ("access-1", "refresh-1")
    assert tokens.expires_at == NOW + timedelta(hours=2)
    assert "access-1" not in repr(tokens)
    asked = browser.asked
    assert asked["client_id"] == "client-abc" and asked["response_type"] == "code"
    assert asked["redirect_uri"] == f"http://127.0.0.1:{port}/callback"
    assert asked["code_challenge_method"] == "S256"
    assert "offline.access" in asked["scope"].split()
    form = {k: v[0] for k, v in parse_qs(rsps.calls[0].request.body).items()}
    assert form["grant_type"] == "authorization_code" and form["code"] == "the-code"
    digest = hashlib.sha256(form["code_verifier"].encode()).digest()
    assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == asked["code_challenge"]
    assert "Signed in." in browser.page


def test_a_declined_sign_in_says_why(rsps: responses.RequestsMock) -> None:
    browser = Browser(error="access_denied")
    with pytest.raises(AuthError, match=r"X did not sign you in \(access_denied\)"):
        login("client-abc", port=free_port(), open_browser=browser)
    assert "You were not signed in." in browser.page


def test_an_answer_for_another_request_is_refused(rsps: responses.RequestsMock) -> None:
    browser = Browser(code="c", state="forged")
    with pytest.raises(AuthError, match="was not for this request"):
        login("client-abc", port=free_port(), open_browser=browser)


def test_a_refused_code_and_a_busy_port(rsps: responses.RequestsMock) -> None:
    rsps.add(responses.POST, TOKEN_ENDPOINT, status=400, json={"error": "invalid_request"})
    with pytest.raises(AuthError, match=r"X refused the sign-in code \(HTTP 400\)"):
        login("client-abc", port=free_port(), open_browser=Browser(code="old"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(AuthError, match=f"cannot listen on 127.0.0.1:{port}"):
            login("client-abc", port=port, open_browser=Browser(code="c"))


def test_the_address_is_given_and_a_wait_can_be_cancelled() -> None:
    import threading
    import time

    heard: list[str] = []
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    began = time.monotonic()
    with pytest.raises(AuthError, match="the sign-in was cancelled"):
        login("client-abc", port=free_port(), open_browser=lambda url: False,
              on_url=heard.append, cancel=cancel)  # fmt: skip
    assert time.monotonic() - began < 3  # not the five minutes of an unanswered sign-in
    assert heard and heard[0].startswith("https://x.com/i/oauth2/authorize?")
