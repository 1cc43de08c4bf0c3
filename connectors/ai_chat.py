"""AI drafts from an OpenAI-compatible chat endpoint: ``POST {url}/chat/completions``,
which Ollama, llama.cpp's server, vLLM and the hosted services all answer.

The key comes from the OS keyring, filed under the endpoint's origin, and is sent only
when one is set (a local server needs none). Errors become the core's typed
``SourceError``s with a message that says what to do; the key never appears in them,
in what they keep of a response, or in the log. Redirects are not followed, so the key
goes to the configured server and nowhere else. Registered under the ``socialdesk.ai``
entry points (``connectors/ai_entry.txt``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from connectors.http import CountingSession
from socialdesk.ai import (
    AiError,
    AiSettings,
    DraftRequest,
    build_messages,
    clean_draft,
    read_key,
)
from socialdesk.domain import utcnow
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sources import (
    AuthError,
    MalformedResponse,
    Meter,
    NetworkDown,
    RateLimited,
    SourceError,
)

log = logging.getLogger("connectors.ai_chat")

TEMPERATURE = 0.7
MIN_TOKENS, MAX_TOKENS = 256, 4096  # room for the reply, not for an essay
RAW_CHARS = 10_000  # of a malformed answer, kept for the log
DEFAULT_WAIT = timedelta(seconds=60)  # a 429 without Retry-After
LONGEST_WAIT = timedelta(days=1)
WORDS_CHARS = 200  # of a server's own explanation, in an error


class ChatProvider:
    """Drafts from one endpoint and model. Several drafts are asked for with ``n``;
    servers that ignore it (Ollama's) are asked again, once per missing draft."""

    def __init__(
        self,
        settings: AiSettings,
        secrets: SecretStore | None = None,
        *,
        session: requests.Session | None = None,
    ) -> None:
        if not settings.configured:
            raise AiError("the AI endpoint needs a URL and a model: socialdesk ai set")
        self.settings = settings
        self.meter = Meter()
        self.session = session or CountingSession(settings.timeout_s, self.meter)
        if settings.local:
            # This computer: no proxy between, and no ~/.netrc password to add.
            self.session.trust_env = False
        self._key: str | None = None
        self._keyring_problem = ""
        if secrets is not None:
            try:
                self._key = read_key(secrets, settings)
            except KeyringUnavailable as exc:
                # A local server needs no key: go on, and say why if one is asked for.
                self._keyring_problem = str(exc)

    def close(self) -> None:
        """Lets go of the connections kept open for the next draft."""
        self.session.close()

    def __enter__(self) -> ChatProvider:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the port ----------------------------------------------------------------------

    def drafts(self, request: DraftRequest) -> list[str]:
        wanted = self.settings.max_drafts
        messages = build_messages(request)
        tokens = min(MAX_TOKENS, max(MIN_TOKENS, request.limit))
        found: list[str] = []
        started = time.monotonic()
        for _ in range(wanted):  # one call, then one per draft still missing
            missing = wanted - len(found)
            body: dict[str, Any] = {
                "model": self.settings.model,
                "messages": messages,
                "temperature": TEMPERATURE,
                "max_tokens": tokens,
                "stream": False,
            }
            if missing > 1:
                body["n"] = missing
            for text in _contents(self._post(body), self._scrub):
                draft = clean_draft(text, request.limit)
                if draft is not None and draft not in found:
                    found.append(draft)
            if len(found) >= wanted:
                break
        log.info(
            "AI drafts: %d of %d from %s at %s in %.1f s",
            len(found),
            wanted,
            self.settings.model,
            self.settings.url,
            time.monotonic() - started,
        )
        return found[:wanted]

    def check(self) -> str:
        """A one-token request: the model name the server reports (or the one set)."""
        answer = self._post(
            {
                "model": self.settings.model,
                "messages": [{"role": "user", "content": "Say OK."}],
                "max_tokens": 1,
                "temperature": 0,
                "stream": False,
            }
        )
        _contents(answer, self._scrub, allow_empty=True)
        model = answer.get("model")
        return model.strip() if isinstance(model, str) and model.strip() else self.settings.model

    # -- HTTP --------------------------------------------------------------------------

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        where = self.settings.url
        headers = {"Accept": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        try:
            response = self.session.post(
                self.settings.endpoint,
                json=body,
                headers=headers,
                timeout=self.settings.timeout_s,
                allow_redirects=False,
            )
        except requests.Timeout:
            raise NetworkDown(
                f"the AI endpoint at {where} did not answer within "
                f"{self.settings.timeout_s:g} s: try again, or allow it longer with "
                "`socialdesk ai set --timeout SECONDS`"
            ) from None
        except requests.RequestException as exc:
            raise NetworkDown(
                f"cannot reach the AI endpoint at {where} ({type(exc).__name__}): is the "
                "server running, and the URL right?"
            ) from None
        self._refused(response)
        try:
            answer = response.json()
        except ValueError:
            raise MalformedResponse(
                f"the AI endpoint at {where} sent an answer that is not JSON: is the URL "
                "an OpenAI-compatible API (it usually ends in /v1)?",
                self._scrub(response.text[:RAW_CHARS]),
            ) from None
        if not isinstance(answer, dict):
            raise MalformedResponse(
                f"the AI endpoint at {where} sent something other than a JSON object",
                self._scrub(response.text[:RAW_CHARS]),
            )
        return answer

    def _refused(self, response: requests.Response) -> None:
        """A typed error for any answer but a 2xx. The server's own words go in only
        where they help (a 404's "model not found"), without the key."""
        status, where = response.status_code, self.settings.url
        if status < 300:
            return
        if status in (401, 403):
            if self._key:
                raise AuthError(
                    f"the AI endpoint at {where} rejected the key (HTTP {status}): set it "
                    "again with `socialdesk ai key`"
                )
            if self._keyring_problem:
                raise AuthError(
                    f"the AI endpoint at {where} needs a key (HTTP {status}), and "
                    f"{self._keyring_problem}"
                )
            raise AuthError(
                f"the AI endpoint at {where} needs a key (HTTP {status}): set one with "
                "`socialdesk ai key`"
            )
        if status == 404:
            raise SourceError(
                f"no model '{self.settings.model}' at {where} (HTTP 404{self._words(response)}"
                "): check the model's name and the URL with `socialdesk ai set`"
            )
        if status == 429:
            until = _retry_after(response.headers.get("Retry-After"), utcnow())
            raise RateLimited(
                f"the AI endpoint at {where} asks for fewer requests: try again after "
                f"{until:%H:%M:%S} UTC",
                until,
            )
        if status >= 500:
            raise NetworkDown(
                f"the AI endpoint at {where} is having trouble (HTTP {status}"
                f"{self._words(response)}); try again later"
            )
        if status < 400:
            raise SourceError(
                f"the AI endpoint at {where} sends requests elsewhere (HTTP {status}): set "
                "the URL it moved to with `socialdesk ai set --url`"
            )
        raise SourceError(
            f"the AI endpoint at {where} refused the request (HTTP {status}{self._words(response)})"
        )

    def _words(self, response: requests.Response) -> str:
        """ ": " and the server's explanation ({"error": {"message": ...}} or
        {"error": "..."}), one short line; or nothing."""
        try:
            body = response.json()
        except ValueError:
            return ""
        said: Any = body.get("error") if isinstance(body, dict) else None
        if isinstance(said, dict):
            said = said.get("message")
        if said is None and isinstance(body, dict):
            said = body.get("message") or body.get("detail")
        if not isinstance(said, str):
            return ""
        words = "".join(c for c in " ".join(self._scrub(said).split()) if c.isprintable())
        if len(words) > WORDS_CHARS:
            words = words[: WORDS_CHARS - 1] + "…"
        return f": {words}" if words else ""

    def _scrub(self, text: str) -> str:
        """Text from the server, without the key should it be echoed back."""
        return text.replace(self._key, "[key]") if self._key else text


def _contents(
    answer: dict[str, Any], scrub: Callable[[str], str], *, allow_empty: bool = False
) -> list[str]:
    """Each choice's message content. A missing ``choices``, or choices without a text
    message, is a malformed answer; an empty text is not (nothing usable, that's all)."""
    choices = answer.get("choices")
    texts: list[str] = []
    if isinstance(choices, list):
        for choice in choices:
            message = choice.get("message") if isinstance(choice, dict) else None
            content = message.get("content") if isinstance(message, dict) else None
            if isinstance(content, str):
                texts.append(content)
            elif isinstance(message, dict) and content is None and allow_empty:
                texts.append("")
    if texts or (allow_empty and isinstance(choices, list) and choices):
        return texts
    raw = scrub(json.dumps(answer)[:RAW_CHARS])
    if not isinstance(choices, list) or not choices:
        raise MalformedResponse(
            "the AI endpoint's answer has no choices: is it an OpenAI-compatible chat API?",
            raw,
        )
    raise MalformedResponse("the AI endpoint's answer has no message text in its choices", raw)


def _retry_after(header: str | None, now: datetime) -> datetime:
    """Retry-After as seconds or an HTTP date; a minute when it says neither."""
    wait = DEFAULT_WAIT
    value = (header or "").strip()
    if value.isascii() and value.isdigit():
        wait = timedelta(seconds=min(int(value), int(LONGEST_WAIT.total_seconds())))
    elif value:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None and when.tzinfo is not None:
            wait = min(max(when - now, timedelta(0)), LONGEST_WAIT)
    return now + wait


def provider_for(settings: AiSettings, secrets: SecretStore | None) -> ChatProvider | None:
    """The draft provider while AI drafts are on; None while they are off."""
    return ChatProvider(settings, secrets) if settings.enabled else None


def test_connection(settings: AiSettings, secrets: SecretStore | None) -> str:
    """Checks the endpoint with a tiny request (on or off): the model it reports."""
    with ChatProvider(settings, secrets) as provider:
        return provider.check()
