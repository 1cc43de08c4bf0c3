"""X (API v2) through ``tweepy.Client``: mentions, direct messages, the account's own
replies and keyword search in; public replies and direct messages out.

Every request has a timeout (tweepy sets none) and is counted on the connector's
meter. Responses are read as plain JSON (``return_type=dict``) so that an item that
cannot be read is quarantined with exactly what X sent. Errors become the core's
typed ``SourceError``s with a message that says what to do; tokens never appear in
them, and tweepy's debug log, which prints request headers, is kept quiet.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
import tweepy

from connectors.http import CountingSession, never_connected
from socialdesk.accounts import ConnectedAccount
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network, utcnow
from socialdesk.replymatch import same_reply
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sources import (
    AuthError,
    FetchResult,
    MalformedResponse,
    Meter,
    NetworkDown,
    PlanError,
    Quarantined,
    RateLimited,
    SourceError,
)

# tweepy logs every request's headers (the bearer token among them) at DEBUG.
logging.getLogger("tweepy").setLevel(logging.INFO)

TIMEOUT_SECONDS = 20.0
PAGE_SIZE = 100
MAX_PAGES = 50  # a safety net; a poll that stops here keeps its cursor
TWITTER_EPOCH_MS = 1288834974657  # snowflake ids count milliseconds from here
QUERY_LIMIT = 512  # characters in a search query (X's basic access)
RENEWAL_ENDPOINT = "https://api.x.com/2/oauth2/token"
REFRESH_MARGIN = timedelta(minutes=5)
DEFAULT_LIFETIME = 7200  # seconds: X's access tokens last two hours
_renewals: dict[str, threading.Lock] = {}
_renewals_guard = threading.Lock()


def _renewal_lock(handle: str) -> threading.Lock:
    with _renewals_guard:
        return _renewals.setdefault(handle, threading.Lock())


TWEET_FIELDS = [
    "created_at",
    "author_id",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
]
USER_FIELDS = ["username", "name", "public_metrics"]
# The posts a mention answers come along, so a reply to one of the brand's own posts
# (even one made from another tool) threads under it.
TWEET_EXPANSIONS = ["author_id", "referenced_tweets.id", "referenced_tweets.id.author_id"]
DM_FIELDS = ["id", "text", "event_type", "created_at", "sender_id", "dm_conversation_id"]

STREAM_WORDING = {
    "mentions": "reading mentions",
    "direct_messages": "reading direct messages",
    "own": "reading the account's own posts",
    "keywords": "searching recent posts",
    "send": "posting replies",
    "check": "checking whether a reply went out",
}


def snowflake_time(tweet_id: str) -> datetime:
    """When X made an id (its first 42 bits are milliseconds since X's epoch)."""
    millis = (int(tweet_id) >> 22) + TWITTER_EPOCH_MS
    return datetime.fromtimestamp(millis / 1000, UTC)


def _time(raw: dict[str, Any], item_id: str) -> datetime:
    stamp = raw.get("created_at")
    if isinstance(stamp, str) and stamp:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return snowflake_time(item_id)


def keyword_query(keywords: list[str], exclusions: list[str], own_handle: str) -> str:
    """X search syntax for "any of these, none of those, not retweets, not ours"."""

    def quoted(word: str) -> str:
        word = word.strip().replace('"', "")
        return f'"{word}"' if " " in word or not word.isalnum() else word

    terms = " OR ".join(quoted(word) for word in keywords if word.strip())
    if not terms:
        raise ValueError("no keywords to search for")
    query = f"({terms})" if len(keywords) > 1 else terms
    query += "".join(f" -{quoted(word)}" for word in exclusions if word.strip())
    query += f" -is:retweet -from:{own_handle.lstrip('@')}"
    if len(query) > QUERY_LIMIT:
        raise ValueError(
            f"the keywords make a search of {len(query)} characters; X allows {QUERY_LIMIT}"
        )
    return query


class XConnector:
    network = Network.X

    def __init__(
        self,
        account: ConnectedAccount,
        secrets: SecretStore,
        *,
        timeout: float = TIMEOUT_SECONDS,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.account = account
        self.secrets = secrets
        self.meter = Meter()
        self.now = now
        settings = account.settings
        self._user_id = settings.user_id
        self._user_auth = settings.auth == "oauth1"
        self._renewed = False  # at most one renewal per connector on a 401
        self.session = CountingSession(timeout, self.meter, settings.credits_per_request)
        self.client = self._client()
        self.client.session = self.session

    # -- auth --------------------------------------------------------------------------

    def _secret(self, field: str) -> str:
        try:
            value = self.secrets.get("x", self.account.handle, field)
        except KeyringUnavailable as exc:
            raise SourceError(str(exc)) from None
        if not value:
            raise AuthError(
                f"X account {self.account.shown} has no {field.replace('_', ' ')} in the "
                "keyring: reconnect the account"
            )
        return value

    def _client(self) -> tweepy.Client:
        if self._user_auth:
            return tweepy.Client(
                consumer_key=self._secret("consumer_key"),
                consumer_secret=self._secret("consumer_secret"),
                access_token=self._secret("access_token"),
                access_token_secret=self._secret("access_token_secret"),
                return_type=dict,
            )
        return tweepy.Client(bearer_token=self._secret("access_token"), return_type=dict)

    def _optional(self, field: str) -> str:
        try:
            return self.secrets.get("x", self.account.handle, field) or ""
        except KeyringUnavailable as exc:
            raise SourceError(str(exc)) from None

    def refresh_if_due(self) -> bool:
        """OAuth 2.0: renew the access token shortly before it expires (tweepy has no
        helper for this). Returns whether it was renewed."""
        if self._user_auth:
            return False
        expires = self._optional("expires_at")
        if not expires:
            return False
        try:
            due = datetime.fromisoformat(expires) - REFRESH_MARGIN <= self.now()
        except ValueError:
            due = True  # unreadable: renew rather than fail later
        if due:
            self.refresh()
        return due

    def _renewable(self) -> bool:
        if self._user_auth or self._renewed:
            return False
        return bool(self._optional("refresh_token") and self._optional("client_id"))

    def refresh(self) -> None:
        """Renews the OAuth 2.0 token. One renewal per account at a time: X rotates
        refresh tokens, so a second renewal with the same one would be refused."""
        with _renewal_lock(self.account.handle):
            refresh_token = self._optional("refresh_token")
            client_id = self._optional("client_id")
            current = self._optional("access_token")
            if current and current != self.client.bearer_token:
                # Another connector renewed it while this one waited: use that.
                self.client.bearer_token = current
                self._renewed = True
                return
            self._renew(refresh_token, client_id)

    def _renew(self, refresh_token: str, client_id: str) -> None:
        handle = self.account.shown
        if not refresh_token or not client_id:
            raise AuthError(
                f"the X token for {handle} has expired and cannot be renewed without a refresh "
                "token and client id: reconnect the account"
            )
        secret = self._optional("client_secret")
        try:
            response = self.session.post(
                RENEWAL_ENDPOINT,
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": refresh_token,
                    "client_id": client_id,
                },
                auth=(client_id, secret) if secret else None,
            )
        except requests.Timeout:
            raise NetworkDown(
                "X did not answer in time while renewing the token; will retry"
            ) from None
        except requests.RequestException as exc:
            raise NetworkDown(f"cannot reach X ({type(exc).__name__}); will retry") from None
        if response.status_code in (400, 401):
            raise AuthError(f"X would not renew the token for {handle}: reconnect the account")
        if response.status_code >= 500:
            raise NetworkDown(f"X is having trouble (HTTP {response.status_code}); will retry")
        try:
            body = response.json()
        except ValueError:
            body = None
        # The answer holds tokens: it is never quarantined or shown, only read.
        access = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(access, str) or not access:
            raise AuthError(
                f"X's answer to renewing the token for {handle} had no token: reconnect the account"
            )
        assert isinstance(body, dict)
        self.secrets.set("x", self.account.handle, "access_token", access)
        rotated = body.get("refresh_token")
        if isinstance(rotated, str) and rotated:  # X rotates refresh tokens: the old is spent
            self.secrets.set("x", self.account.handle, "refresh_token", rotated)
        lifetime = body.get("expires_in")
        seconds = lifetime if isinstance(lifetime, int) and lifetime > 0 else DEFAULT_LIFETIME
        expires_at = (self.now() + timedelta(seconds=seconds)).isoformat()
        self.secrets.set("x", self.account.handle, "expires_at", expires_at)
        self.client.bearer_token = access
        self._renewed = True

    # -- the port ------------------------------------------------------------------------

    def streams(self) -> list[str]:
        streams = ["mentions", "direct_messages", "own"]
        if self.account.settings.keywords:
            streams.append("keywords")
        return streams

    def whoami(self) -> str:
        self.refresh_if_due()
        raw = self._call("send", self.client.get_me, user_fields=USER_FIELDS, **self._auth())
        data = raw.get("data") if isinstance(raw, dict) else None
        if not isinstance(data, dict) or "username" not in data or "id" not in data:
            raise MalformedResponse("X's answer about the account had no username", json.dumps(raw))
        self._user_id = str(data["id"])
        return f"@{data['username']}"

    @property
    def user_id(self) -> str:
        if not self._user_id:
            self.whoami()
        return self._user_id

    def fetch(self, stream: str, cursor: str | None) -> FetchResult:
        self.refresh_if_due()
        if stream == "mentions":
            return self._tweets(stream, self.client.get_users_mentions, cursor, id=self.user_id)
        if stream == "own":
            return self._tweets(stream, self.client.get_users_tweets, cursor, id=self.user_id)
        if stream == "keywords":
            settings = self.account.settings
            try:
                query = keyword_query(settings.keywords, settings.exclusions, self.account.handle)
            except ValueError as exc:
                raise PlanError(f"keyword monitoring is off: {exc}") from None
            return self._tweets(stream, self.client.search_recent_tweets, cursor, query=query)
        if stream == "direct_messages":
            return self._direct_messages(cursor)
        raise ValueError(f"X has no stream called {stream!r}")

    def acknowledge(self, stream: str) -> None:
        """Nothing to do on X once a fetch is stored."""

    def send_reply(
        self, in_reply_to: IncomingMessage, text: str, *, private: bool = False
    ) -> IncomingMessage:
        self.refresh_if_due()
        direct = private or in_reply_to.kind is MessageKind.DIRECT_MESSAGE
        if direct:
            raw = self._call(
                "send",
                self.client.create_direct_message,
                participant_id=in_reply_to.author.id,
                text=text,
                **self._auth(),
            )
            data = raw.get("data") or {}
            sent_id = str(data.get("dm_event_id", ""))
            if private and in_reply_to.kind is not MessageKind.DIRECT_MESSAGE:
                # Kept in the public conversation it answers, where the agent sent it.
                conversation = in_reply_to.conversation or in_reply_to.external_id
            else:
                conversation = str(data.get("dm_conversation_id") or in_reply_to.conversation or "")
        else:
            raw = self._call(
                "send",
                self.client.create_tweet,
                text=text,
                in_reply_to_tweet_id=in_reply_to.external_id,
                **self._auth(),
            )
            data = raw.get("data") or {}
            sent_id = str(data.get("id", ""))
            conversation = in_reply_to.conversation or in_reply_to.external_id
        if not sent_id:
            raise MalformedResponse("X accepted the reply but sent back no id", json.dumps(raw))
        return self._sent(in_reply_to, sent_id, text, self.now(), conversation, direct)

    def find_reply(
        self,
        in_reply_to: IncomingMessage,
        text: str,
        since: datetime,
        until: datetime,
        *,
        private: bool = False,
    ) -> IncomingMessage | None:
        """Reads the account's posts (or its direct messages with the author) between
        ``since`` and ``until`` for this reply. Every page up to the limit, or it cannot
        tell."""
        self.refresh_if_due()
        direct = private or in_reply_to.kind is MessageKind.DIRECT_MESSAGE
        try:
            if direct:
                pages = self._pages(
                    "check",
                    self.client.get_direct_message_events,
                    participant_id=in_reply_to.author.id,
                    max_results=PAGE_SIZE,
                    event_types="MessageCreate",
                    dm_event_fields=DM_FIELDS,
                )
            else:
                pages = self._pages(
                    "check",
                    self.client.get_users_tweets,
                    id=self.user_id,
                    start_time=_x_time(since),
                    end_time=_x_time(until),
                    max_results=PAGE_SIZE,
                    tweet_fields=TWEET_FIELDS,
                )
            for page in pages:
                for raw in _list(page.get("data")):
                    found = self._match(raw, in_reply_to, text, (since, until), direct)
                    if found is not None:
                        return found
                if direct and _older_than(page, since):
                    return None  # newest first: the rest was sent before the attempt
        except _Stopped as stop:
            if stop.until is not None:
                raise RateLimited(stop.note, stop.until) from None
            raise SourceError(
                "too many posts to look through to tell whether the reply went out"
            ) from None
        return None

    def _match(
        self,
        raw: Any,
        in_reply_to: IncomingMessage,
        text: str,
        window: tuple[datetime, datetime],
        direct: bool,
    ) -> IncomingMessage | None:
        if not isinstance(raw, dict) or not _digits(raw.get("id")):
            return None
        stored = raw.get("text")
        if not isinstance(stored, str) or not same_reply(stored, text):
            return None
        try:
            created = _time(raw, str(raw["id"]))
        except ValueError:
            return None
        if not window[0] <= created <= window[1]:
            return None
        if direct:
            if str(raw.get("sender_id") or "") != self._user_id:
                return None
            if in_reply_to.kind is MessageKind.DIRECT_MESSAGE:
                conversation = str(raw.get("dm_conversation_id") or in_reply_to.conversation or "")
            else:
                conversation = in_reply_to.conversation or in_reply_to.external_id
        else:
            replied_to = {
                str(ref.get("id"))
                for ref in _list(raw.get("referenced_tweets"))
                if isinstance(ref, dict) and ref.get("type") == "replied_to"
            }
            if in_reply_to.external_id not in replied_to:
                return None
            conversation = in_reply_to.conversation or in_reply_to.external_id
        return self._sent(in_reply_to, str(raw["id"]), text, created, conversation, direct)

    def _sent(
        self,
        in_reply_to: IncomingMessage,
        sent_id: str,
        text: str,
        at: datetime,
        conversation: str,
        direct: bool,
    ) -> IncomingMessage:
        return IncomingMessage(
            network=Network.X,
            external_id=sent_id,
            kind=MessageKind.DIRECT_MESSAGE if direct else MessageKind.REPLY,
            direction=Direction.OUTBOUND,
            author=Author(self._user_id, self.account.shown, self.account.display_name),
            account=self.account.handle,
            created_at=at,
            text=text,
            url="" if direct else _tweet_url(self.account.shown, sent_id),
            in_reply_to=in_reply_to.external_id,
            conversation=conversation,
            public=not direct,
        )

    # -- reading -------------------------------------------------------------------------

    def _auth(self) -> dict[str, Any]:
        # Said every time: tweepy's default differs by endpoint (DMs assume OAuth 1.0a).
        return {"user_auth": self._user_auth}

    def _pages(
        self, stream: str, method: Callable[..., Any], **params: Any
    ) -> Iterator[dict[str, Any]]:
        token: str | None = None
        for _ in range(MAX_PAGES):
            if token:
                params["pagination_token"] = token
            page = self._call(stream, method, **params, **self._auth())
            if not isinstance(page, dict):
                raise MalformedResponse("X sent something other than a JSON object", str(page))
            yield page
            meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
            token = meta.get("next_token") if isinstance(meta, dict) else None
            if not token:
                return
            self._before_next_page(stream)
        raise _Stopped(None, "")

    def _before_next_page(self, stream: str) -> None:
        """X's headers say how many requests the window has left: at none, wait for the
        reset instead of asking for a 429 (what was read is read again next time)."""
        headers = {k.lower(): v for k, v in self.session.last_headers.items()}
        remaining, reset = headers.get("x-rate-limit-remaining"), headers.get("x-rate-limit-reset")
        if remaining == "0" and _digits(reset):
            until = datetime.fromtimestamp(int(str(reset)), UTC)
            what = STREAM_WORDING.get(stream, stream)
            raise _Stopped(until, f"X rate limit for {what}: waiting until {until:%H:%M} UTC")

    def _tweets(
        self, stream: str, method: Callable[..., Any], cursor: str | None, **params: Any
    ) -> FetchResult:
        """Posts newer than the cursor, newest first, every page. A poll that has to stop
        early (its page limit, or the rate limit's last request) stores what it read and
        leaves a cursor that says where to go on: ``SINCE:NEWEST:UNTIL``."""
        since, known, until = _gap(cursor)
        params.update(
            max_results=PAGE_SIZE,
            tweet_fields=TWEET_FIELDS,
            expansions=TWEET_EXPANSIONS,
            user_fields=USER_FIELDS,
        )
        if since:
            params["since_id"] = str(since)
        if until:
            params["until_id"] = str(until)
        items: list[IncomingMessage] = []
        bad: list[Quarantined] = []
        newest, oldest = known, 0
        stopped: _Stopped | None = None
        try:
            for page in self._pages(stream, method, **params):
                users = _users(page)
                for raw in _list(page.get("data")):
                    item = self._tweet(raw, users, stream)
                    number = _json_id(item.raw) if isinstance(item, Quarantined) else 0
                    if isinstance(item, IncomingMessage):
                        number = int(item.external_id)
                    if number:
                        newest = max(newest, number)
                        oldest = min(oldest, number) if oldest else number
                    if isinstance(item, Quarantined):
                        bad.append(item)  # kept aside; the cursor moves past it
                        continue
                    if stream == "own" and item.in_reply_to is None:
                        continue  # a post of the brand's own, not a response to anyone
                    items.append(item)
                if stream == "mentions":
                    items.extend(self._brand_parents(page, users, items))
                meta = page.get("meta")
                if isinstance(meta, dict) and _digits(meta.get("newest_id")):
                    newest = max(newest, int(meta["newest_id"]))
        except _Stopped as stop:
            stopped = stop
        if stopped is None:  # everything newer than ``since`` is read
            return FetchResult(items, stream, str(newest) if newest else cursor, bad)
        if not oldest:  # not a page read: as it was
            return FetchResult(items, stream, cursor, bad, stopped.until, stopped.note)
        gap = f"{since or ''}:{newest}:{oldest}"
        return FetchResult(items, stream, gap, bad, stopped.until, stopped.note)

    def _brand_parents(
        self, page: dict[str, Any], users: dict[str, dict[str, Any]], items: list[IncomingMessage]
    ) -> list[IncomingMessage]:
        """The account's own posts that mentions on this page answer (from
        ``includes.tweets``): the start of those threads."""
        includes = page.get("includes")
        referenced = includes.get("tweets") if isinstance(includes, dict) else None
        answered = {item.in_reply_to for item in items if item.in_reply_to}
        have = {item.external_id for item in items}
        parents = []
        for raw in _list(referenced):
            if not isinstance(raw, dict) or raw.get("id") not in answered - have:
                continue
            if str(raw.get("author_id") or "") != self._user_id:
                continue  # someone else's post: not ours to store
            parent = self._tweet(raw, users, "own")
            if isinstance(parent, IncomingMessage):
                parents.append(parent)
        return parents

    def _tweet(
        self, raw: Any, users: dict[str, dict[str, Any]], stream: str
    ) -> IncomingMessage | Quarantined:
        if not isinstance(raw, dict):
            return Quarantined(json.dumps(raw), "a post that is not a JSON object")
        tweet_id, text = raw.get("id"), raw.get("text")
        if not isinstance(tweet_id, str) or not _digits(tweet_id):
            return Quarantined(json.dumps(raw), "a post without a valid id")
        if not isinstance(text, str):
            return Quarantined(json.dumps(raw), f"post {tweet_id} has no text")
        try:
            created = _time(raw, tweet_id)
        except ValueError:
            return Quarantined(json.dumps(raw), f"post {tweet_id} has an unreadable created_at")
        author_id = str(raw.get("author_id") or "")
        user = users.get(author_id, {})
        author = _author(author_id, user)
        ours = bool(author_id) and author_id == self._user_id
        replied_to = next(
            (
                str(ref.get("id"))
                for ref in _list(raw.get("referenced_tweets"))
                if isinstance(ref, dict) and ref.get("type") == "replied_to" and ref.get("id")
            ),
            None,
        )
        if stream == "keywords":
            kind = MessageKind.KEYWORD_HIT
        elif replied_to is not None:
            kind = MessageKind.REPLY
        else:
            kind = MessageKind.MENTION
        return IncomingMessage(
            network=Network.X,
            external_id=tweet_id,
            kind=kind,
            direction=Direction.OUTBOUND if ours else Direction.INBOUND,
            author=author,
            account=self.account.handle,
            created_at=created,
            text=text,
            url=_tweet_url(author.handle if user else "", tweet_id),
            in_reply_to=replied_to,
            conversation=str(raw.get("conversation_id") or "") or None,
        )

    def _direct_messages(self, cursor: str | None) -> FetchResult:
        since = int(str(cursor)) if _digits(cursor) else 0
        items: list[IncomingMessage] = []
        bad: list[Quarantined] = []
        newest = since
        params: dict[str, Any] = {
            "max_results": PAGE_SIZE,
            "event_types": "MessageCreate",
            "dm_event_fields": DM_FIELDS,
            "expansions": ["sender_id"],
            "user_fields": USER_FIELDS,
        }
        try:
            for page in self._pages(
                "direct_messages", self.client.get_direct_message_events, **params
            ):
                users = _users(page)
                reached = False
                for raw in _list(page.get("data")):
                    event_id = raw.get("id") if isinstance(raw, dict) else None
                    if _digits(event_id) and int(str(event_id)) <= since:
                        reached = True  # newest first: the rest was read before
                        continue
                    item = self._dm(raw, users)
                    if isinstance(item, Quarantined):
                        bad.append(item)
                        continue
                    newest = max(newest, int(item.external_id))
                    items.append(item)
                if reached:
                    break
        except _Stopped as stop:
            # No way to ask for "older than": keep the cursor, store what was read, and
            # read these pages again next time (the store keeps one of each).
            if cursor or stop.until is not None:
                return FetchResult(items, "direct_messages", cursor, bad, stop.until, stop.note)
        for item in bad:
            event_id = _json_id(item.raw)
            if event_id:
                newest = max(newest, event_id)
        return FetchResult(items, "direct_messages", str(newest) if newest else cursor, bad)

    def _dm(self, raw: Any, users: dict[str, dict[str, Any]]) -> IncomingMessage | Quarantined:
        if not isinstance(raw, dict):
            return Quarantined(json.dumps(raw), "a direct message that is not a JSON object")
        event_id, text = raw.get("id"), raw.get("text")
        if not isinstance(event_id, str) or not _digits(event_id):
            return Quarantined(json.dumps(raw), "a direct message without a valid id")
        sender = str(raw.get("sender_id") or "")
        if not sender:
            return Quarantined(
                json.dumps(raw), f"direct message {event_id} does not say who sent it"
            )
        if not isinstance(text, str):
            return Quarantined(json.dumps(raw), f"direct message {event_id} has no text")
        try:
            created = _time(raw, event_id)
        except ValueError:
            return Quarantined(json.dumps(raw), f"direct message {event_id} has an unreadable date")
        ours = sender == self._user_id
        conversation = str(raw.get("dm_conversation_id") or "") or None
        return IncomingMessage(
            network=Network.X,
            external_id=event_id,
            kind=MessageKind.DIRECT_MESSAGE,
            direction=Direction.OUTBOUND if ours else Direction.INBOUND,
            author=_author(sender, users.get(sender, {})),
            account=self.account.handle,
            created_at=created,
            text=text,
            conversation=conversation,
            public=False,
        )

    # -- errors ----------------------------------------------------------------------------

    def _call(self, stream: str, method: Callable[..., Any], **params: Any) -> Any:
        what = STREAM_WORDING.get(stream, stream)
        handle = self.account.shown
        try:
            try:
                return method(**params)
            except tweepy.Unauthorized:
                if not self._renewable():
                    raise
                self.refresh()  # expired early, or its expiry was not known: renew once
                return method(**params)
        except tweepy.Unauthorized:
            raise AuthError(f"X rejected the token for {handle}: reconnect the account") from None
        except tweepy.Forbidden as exc:
            raise PlanError(_forbidden(exc, what)) from None
        except tweepy.TooManyRequests as exc:
            until = _reset_time(exc, self.now())
            raise RateLimited(
                f"X rate limit for {what}: waiting until {until:%H:%M} UTC", until
            ) from None
        except tweepy.TwitterServerError as exc:
            status = exc.response.status_code if exc.response is not None else "5xx"
            raise NetworkDown(f"X is having trouble (HTTP {status}); will retry") from None
        except tweepy.HTTPException as exc:
            status = exc.response.status_code if exc.response is not None else "?"
            if status == 402:
                raise PlanError(
                    f"your X account has no credits left for {what}: add credits in the "
                    "developer console"
                ) from None
            raise SourceError(f"X refused {what} (HTTP {status}): {_problem(exc)}") from None
        except requests.exceptions.JSONDecodeError as exc:
            raise MalformedResponse(
                f"X sent a response that could not be read while {what}; will retry", exc.doc
            ) from None
        except requests.ConnectTimeout:
            raise NetworkDown(
                f"cannot reach X (no connection) while {what}; will retry", delivered_maybe=False
            ) from None
        except requests.Timeout:
            raise NetworkDown(f"X did not answer in time while {what}; will retry") from None
        except requests.ConnectionError as exc:
            if never_connected(exc):
                raise NetworkDown(
                    f"cannot reach X (no connection) while {what}; will retry",
                    delivered_maybe=False,
                ) from None
            raise NetworkDown(f"cannot reach X ({type(exc).__name__}); will retry") from None
        except requests.RequestException as exc:
            raise NetworkDown(f"cannot reach X ({type(exc).__name__}); will retry") from None


class _Stopped(Exception):
    """Paging stopped before the end: the page limit (``until`` None) or the rate
    limit's last request (wait until ``until``)."""

    def __init__(self, until: datetime | None, note: str) -> None:
        super().__init__(note)
        self.until = until
        self.note = note


def _digits(value: Any) -> bool:
    """An id X sends: ASCII digits only ("²".isdigit() is true, int() refuses it)."""
    return isinstance(value, str) and value.isascii() and value.isdigit()


def _gap(cursor: str | None) -> tuple[int, int, int]:
    """(since, newest already read, until) from a cursor "SINCE" or "SINCE:NEWEST:UNTIL"."""
    if not cursor:
        return 0, 0, 0
    parts = cursor.split(":")
    if len(parts) == 3 and all(part == "" or _digits(part) for part in parts):
        since, newest, until = (int(part) if part else 0 for part in parts)
        return since, newest, until
    return (int(cursor), 0, 0) if _digits(cursor) else (0, 0, 0)


def _x_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _older_than(page: dict[str, Any], since: datetime) -> bool:
    """Whether a page of direct messages (newest first) reaches back before ``since``."""
    for raw in reversed(_list(page.get("data"))):
        if isinstance(raw, dict) and _digits(raw.get("id")):
            try:
                return _time(raw, str(raw["id"])) < since
            except ValueError:
                continue
    return False


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _json_id(raw: str) -> int:
    try:
        value = json.loads(raw).get("id", "")
    except (ValueError, AttributeError):
        return 0
    return int(value) if _digits(value) else 0


def _users(page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    includes = page.get("includes")
    users = includes.get("users") if isinstance(includes, dict) else None
    return {
        str(user["id"]): user for user in _list(users) if isinstance(user, dict) and "id" in user
    }


def _author(author_id: str, user: dict[str, Any]) -> Author:
    if not author_id:
        return Author("unknown", "@unknown", "author not sent by X")
    metrics = user.get("public_metrics") if isinstance(user.get("public_metrics"), dict) else {}
    followers = metrics.get("followers_count") if isinstance(metrics, dict) else None
    username = user.get("username")
    handle = f"@{username}" if isinstance(username, str) and username else f"@id{author_id}"
    return Author(
        author_id,
        handle,
        str(user.get("name") or ""),
        int(followers) if isinstance(followers, int) else None,
    )


def _tweet_url(handle: str, tweet_id: str) -> str:
    name = handle.lstrip("@")
    if not name or (name.startswith("id") and name[2:].isdigit()):
        return f"https://x.com/i/web/status/{tweet_id}"
    return f"https://x.com/{name}/status/{tweet_id}"


def _reset_time(exc: tweepy.TooManyRequests, now: datetime) -> datetime:
    reset = getattr(exc, "reset_time", None)
    if reset is None and exc.response is not None:
        header = exc.response.headers.get("x-rate-limit-reset")
        reset = int(header) if _digits(header) else None
    if reset is None:  # X's windows are fifteen minutes long
        return now + timedelta(minutes=15)
    return datetime.fromtimestamp(int(reset), UTC)


def _problem(exc: tweepy.HTTPException) -> str:
    """X's own words about a refusal (its "detail" or "title"), one line."""
    try:
        body = exc.response.json() if exc.response is not None else {}
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    text = body.get("detail") or body.get("title") or ""
    errors = body.get("errors")
    if not text and isinstance(errors, list) and errors and isinstance(errors[0], dict):
        text = errors[0].get("message") or errors[0].get("detail") or ""
    return " ".join(str(text).split())[:300]


def _forbidden(exc: tweepy.Forbidden, what: str) -> str:
    try:
        body = exc.response.json() if exc.response is not None else {}
    except ValueError:
        body = {}
    reason = str(body.get("reason", "")) if isinstance(body, dict) else ""
    kind = str(body.get("type", "")) if isinstance(body, dict) else ""
    if reason == "client-not-enrolled" or kind.endswith("/client-forbidden"):
        return f"your X plan does not include {what}: upgrade the plan or add credits"
    detail = _problem(exc)
    return f"X does not allow {what} for this account or app" + (f": {detail}" if detail else "")


def connect(account: ConnectedAccount, secrets: SecretStore) -> XConnector:
    """The entry point (``socialdesk.connectors``: ``x``)."""
    return XConnector(account, secrets)
