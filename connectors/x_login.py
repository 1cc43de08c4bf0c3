"""Signing in to X from the desktop: OAuth 2.0 with PKCE and a loopback redirect.

The browser opens X's consent page; X sends it back to
``http://127.0.0.1:PORT/callback`` (which must be registered, port included, as a
callback URL of the X app), where a one-request server on this machine takes the
code. The code and the PKCE verifier are exchanged for tokens, which the caller
puts in the keyring. Nothing here logs or prints a token.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

import requests

from connectors.loopback import WAIT_SECONDS, redirect_for, wait_for_redirect
from connectors.x import RENEWAL_ENDPOINT, TIMEOUT_SECONDS
from socialdesk.domain import utcnow
from socialdesk.sources import AuthError, NetworkDown

AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
SCOPES = ["tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access"]


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: datetime

    def __repr__(self) -> str:  # never a token in a log or a traceback
        return f"Tokens(expires_at={self.expires_at.isoformat()})"


def pkce_pair() -> tuple[str, str]:
    """A code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def authorize_url(client_id: str, redirect_uri: str, state: str, challenge: str) -> str:
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": " ".join(SCOPES),
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    return f"{AUTHORIZE_URL}?{urlencode(query)}"


def login(
    client_id: str,
    *,
    port: int = 8765,
    client_secret: str = "",
    open_browser: Callable[[str], object] | None = None,
    wait_seconds: float = WAIT_SECONDS,
    now: Callable[[], datetime] = utcnow,
    on_url: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> Tokens:
    """Runs the whole sign-in; returns the tokens. Raises ``AuthError`` when the user
    declines, the answer does not match, or X refuses the code."""
    redirect_uri = redirect_for(port)
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    answer = wait_for_redirect(
        port,
        authorize_url(client_id, redirect_uri, state, challenge),
        state,
        network="X",
        open_browser=open_browser,
        wait_seconds=wait_seconds,
        now=now,
        on_url=on_url,
        cancel=cancel,
    )
    return _exchange(client_id, client_secret, answer["code"], redirect_uri, verifier, now)


def _exchange(
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str,
    verifier: str,
    now: Callable[[], datetime],
) -> Tokens:
    try:
        response = requests.post(
            RENEWAL_ENDPOINT,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
                "client_id": client_id,
            },
            auth=(client_id, client_secret) if client_secret else None,
            timeout=TIMEOUT_SECONDS,
        )
    except requests.RequestException as exc:
        raise NetworkDown(f"cannot reach X to finish signing in ({type(exc).__name__})") from None
    if response.status_code != 200:
        raise AuthError(f"X refused the sign-in code (HTTP {response.status_code}): try again")
    try:
        body = response.json()
        return Tokens(
            access_token=str(body["access_token"]),
            refresh_token=str(body.get("refresh_token") or ""),
            expires_at=now() + timedelta(seconds=int(body.get("expires_in", 7200))),
        )
    except (ValueError, KeyError, TypeError):
        raise AuthError("X's answer to the sign-in could not be read: try again") from None
