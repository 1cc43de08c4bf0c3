"""The loopback half of a browser sign-in: open the network's consent page and take the
answer the browser brings back to ``http://127.0.0.1:PORT/callback``.

A one-request server listens on this machine only, checks the ``state`` it sent, and
answers the browser with a short page. The query it receives holds the code, so it is
never logged.
"""

from __future__ import annotations

import threading
import webbrowser
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from socialdesk.domain import utcnow
from socialdesk.sources import AuthError

WAIT_SECONDS = 300.0
PAGE = (
    "<!doctype html><meta charset=utf-8><title>SocialDesk</title>"
    "<p>{message}</p><p>You can close this window and go back to SocialDesk.</p>"
)


def redirect_for(port: int) -> str:
    return f"http://127.0.0.1:{port}/callback"


class _Callback(BaseHTTPRequestHandler):
    answer: dict[str, str]
    timeout = 10  # a browser that connects and says nothing does not hold the sign-in

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/callback":
            self.send_error(404)
            return
        found = {key: values[0] for key, values in parse_qs(parts.query).items()}
        self.server.answer = found  # type: ignore[attr-defined]
        ok = "code" in found
        message = "Signed in." if ok else "You were not signed in."
        body = PAGE.format(message=message).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the code: keep it out of standard error


def wait_for_redirect(
    port: int,
    url: str,
    state: str,
    *,
    network: str,
    open_browser: Callable[[str], object] | None = None,
    wait_seconds: float = WAIT_SECONDS,
    now: Callable[[], datetime] = utcnow,
    on_url: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> dict[str, str]:
    """Opens ``url`` in the browser and returns the callback's query (with a ``code``),
    or raises ``AuthError`` saying what went wrong. ``on_url`` hears the address first
    (to show it, for when no browser opens); ``cancel`` stops the wait."""
    browse = open_browser or webbrowser.open  # looked up now: the system's browser
    try:
        server = HTTPServer(("127.0.0.1", port), _Callback)
    except OSError as exc:
        raise AuthError(
            f"cannot listen on 127.0.0.1:{port} for {network}'s answer ({exc.strerror}): "
            f"choose another port (and register it with the {network} app)"
        ) from None
    server.answer = {}  # type: ignore[attr-defined]
    server.timeout = 0.5
    stop_at = now() + timedelta(seconds=wait_seconds)
    if on_url is not None:
        on_url(url)
    opener = threading.Thread(target=browse, args=(url,), daemon=True)
    try:
        opener.start()
        while not server.answer and now() < stop_at:  # type: ignore[attr-defined]
            if cancel is not None and cancel.is_set():
                raise AuthError("the sign-in was cancelled")
            server.handle_request()
        answer: dict[str, str] = server.answer  # type: ignore[attr-defined]
    finally:
        server.server_close()
        opener.join(5)
    if not answer:
        raise AuthError(f"{network} did not answer the sign-in in time: try again")
    if answer.get("state") != state:
        raise AuthError("the answer to the sign-in was not for this request: try again")
    if "code" not in answer:
        reason = answer.get("error_description") or answer.get("error") or "no code"
        raise AuthError(f"{network} did not sign you in ({reason})")
    return answer
