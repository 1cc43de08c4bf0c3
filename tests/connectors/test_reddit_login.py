"""Signing in to Reddit through the browser: praw's authorization-code flow, a real
loopback server, a stand-in browser, Reddit's token endpoint answered by ``responses``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
import responses

from connectors.reddit_login import SCOPES, login
from socialdesk.sources import AuthError

from ..replay import add, reddit_cassette
from .conftest import MemoryKeyring
from .test_accounts_cli import run
from .test_x_login import Browser, free_port

TOKEN = "https://www.reddit.com/api/v1/access_token"
GRANTED = {
    "access_token": "a",
    "token_type": "bearer",
    "expires_in": 86400,
    "refresh_token": "refresh-1",
    "scope": " ".join(SCOPES),
}


def test_sign_in_gives_a_refresh_token(rsps: responses.RequestsMock) -> None:
    rsps.add(responses.POST, TOKEN, json=GRANTED)
    port = free_port()
    browser = Browser(code="the-code")
    tokens = login("client-abc", port=port, open_browser=browser)
    assert tokens.refresh_token == "refresh-1"
    asked = browser.asked
    assert asked["client_id"] == "client-abc" and asked["duration"] == "permanent"
    assert asked["redirect_uri"] == f"http://127.0.0.1:{port}/callback"
    assert set(asked["scope"].split()) == set(SCOPES)
    form = parse_qs(rsps.calls[0].request.body)
    assert form["grant_type"] == ["authorization_code"] and form["code"] == ["the-code"]
    assert "Signed in." in browser.page


def test_a_refused_code_says_so(rsps: responses.RequestsMock) -> None:
    rsps.add(responses.POST, TOKEN, json={"error": "invalid_grant"})
    with pytest.raises(AuthError, match=r"Reddit refused the sign-in code \(invalid_grant\)"):
        login("client-abc", port=free_port(), open_browser=Browser(code="old"))


def test_add_reddit_by_signing_in(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
    rsps: responses.RequestsMock,
) -> None:
    monkeypatch.setattr("webbrowser.open", Browser(code="the-code"))
    rsps.add(responses.POST, TOKEN, json=GRANTED)
    # The connection test: a token for the new refresh token, then who the account is.
    token_call = reddit_cassette("TestInbox.test_all")[0]
    add(rsps, token_call)
    rsps.add(responses.GET, "https://oauth.reddit.com/api/v1/me",
             json={"name": "nimbus_help", "id": "abc"})  # fmt: skip
    code, out, err = run(
        capsys, monkeypatch, "--data-dir", str(tmp_path), "accounts", "add", "reddit",
        "u/nimbus_help", "--login", "--client-id", "client-abc", "--port", str(free_port()),
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[-1] == (
        "connected reddit:nimbus_help (the network says this is u/nimbus_help)"
    )
    saved = {key[1]: value for key, value in os_keyring.saved.items()}
    assert saved == {
        "reddit:nimbus_help:client_id": "client-abc",
        "reddit:nimbus_help:refresh_token": "refresh-1",
    }
