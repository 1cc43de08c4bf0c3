"""Signing in to Reddit from the desktop: praw's authorization-code flow with a loopback
redirect, for a Reddit "installed app" (no client secret) or a web app (with one).

Register ``http://127.0.0.1:PORT/callback`` as the app's redirect URI. The browser opens
Reddit's consent page for the scopes SocialDesk needs with a permanent duration; the
code that comes back is exchanged for a refresh token, which the caller keeps in the
keyring.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from datetime import datetime

import praw
import prawcore

from connectors.loopback import WAIT_SECONDS, redirect_for, wait_for_redirect
from connectors.reddit import TIMEOUT_SECONDS, user_agent
from connectors.x_login import Tokens
from socialdesk.domain import utcnow
from socialdesk.sources import AuthError, NetworkDown

# identity: who the account is; read: listings and search; privatemessages: the inbox;
# submit: replies; history: the account's own comments.
SCOPES = ["identity", "read", "privatemessages", "submit", "history"]


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
    redirect_uri = redirect_for(port)
    reddit = praw.Reddit(
        client_id=client_id,
        client_secret=client_secret or None,
        redirect_uri=redirect_uri,
        user_agent=user_agent("socialdesk"),
        check_for_updates=False,
        requestor_kwargs={"timeout": TIMEOUT_SECONDS},
    )
    state = secrets.token_urlsafe(24)
    url = reddit.auth.url(scopes=SCOPES, state=state, duration="permanent")
    answer = wait_for_redirect(
        port,
        url,
        state,
        network="Reddit",
        open_browser=open_browser,
        wait_seconds=wait_seconds,
        now=now,
        on_url=on_url,
        cancel=cancel,
    )
    try:
        refresh = reddit.auth.authorize(answer["code"])
    except prawcore.OAuthException as exc:
        raise AuthError(f"Reddit refused the sign-in code ({exc.error}): try again") from None
    except prawcore.ResponseException as exc:
        status = exc.response.status_code if exc.response is not None else "?"
        raise AuthError(f"Reddit refused the sign-in code (HTTP {status}): try again") from None
    except prawcore.RequestException as exc:
        cause = type(exc.original_exception).__name__
        raise NetworkDown(f"cannot reach Reddit to finish signing in ({cause})") from None
    if not refresh:
        raise AuthError("Reddit gave no refresh token: sign in again with a permanent grant")
    return Tokens(access_token="", refresh_token=refresh, expires_at=now())
