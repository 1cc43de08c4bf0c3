"""Reddit through ``praw.Reddit``: the inbox (username mentions, comment and post
replies, private messages), the account's own comments, and keyword monitoring in
chosen subreddits (search, and comment streams that never block); replies out, and
inbox items marked read once stored.

Auth is OAuth with a refresh token kept in the keyring (an installed app has no
client secret; a script or web app has one). ``check_for_updates`` is off, every
request has a timeout and is counted, and the user agent has the form Reddit asks
for: ``desktop:socialdesk:VERSION (by /u/NAME)``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import praw
import prawcore

from connectors.http import CountingSession, never_connected
from socialdesk import __version__
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

logging.getLogger("prawcore").setLevel(logging.INFO)
log = logging.getLogger("connectors.reddit")

TIMEOUT_SECONDS = 20.0
SEARCH_OVERLAP = timedelta(hours=6)
MAX_ITEMS = 1000  # a listing goes no deeper than Reddit lets it (1,000 items)
SITE = "https://www.reddit.com"

STREAM_WORDING = {
    "inbox": "reading the inbox",
    "own": "reading the account's own comments",
    "keywords": "searching the monitored subreddits",
    "send": "posting replies",
    "check": "checking whether a reply went out",
}
PRIVATE_SUBJECT = "About your comment"
SUBJECT_KIND = {
    "username mention": MessageKind.MENTION,
    "comment reply": MessageKind.REPLY,
    "post reply": MessageKind.REPLY,
}


def user_agent(handle: str) -> str:
    return f"desktop:socialdesk:{__version__} (by /u/{handle})"


def _data(thing: Any) -> dict[str, Any]:
    """What Reddit sent for a praw object, as plain JSON values (for quarantine)."""
    out: dict[str, Any] = {}
    for key, value in vars(thing).items():
        if key.startswith("_"):
            continue
        if isinstance(value, (str, int, float, bool)) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    return out


class RedditConnector:
    network = Network.REDDIT

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
        session = CountingSession(timeout, self.meter, account.settings.credits_per_request)
        client_secret = self._secret("client_secret", required=False)
        self.reddit = praw.Reddit(
            client_id=self._secret("client_id"),
            client_secret=client_secret or None,
            refresh_token=self._secret("refresh_token"),
            user_agent=user_agent(account.handle),
            check_for_updates=False,
            # Token requests take this timeout; API requests take prawcore's own (16 s).
            requestor_kwargs={"session": session, "timeout": timeout},
        )
        # Comment streams live as long as the connector: each poll takes what is new.
        self._streams: dict[str, Iterator[Any]] = {}
        # Comments taken from a stream but not yet stored, by subreddit.
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._unread: dict[str, list[str]] = {}  # inbox items to mark read once stored

    def _secret(self, field: str, *, required: bool = True) -> str:
        try:
            value = self.secrets.get("reddit", self.account.handle, field)
        except KeyringUnavailable as exc:
            raise SourceError(str(exc)) from None
        if not value and required:
            raise AuthError(
                f"Reddit account {self.account.shown} has no {field.replace('_', ' ')} in "
                "the keyring: reconnect the account"
            )
        return value or ""

    # -- the port --------------------------------------------------------------------------

    def streams(self) -> list[str]:
        streams = ["inbox", "own"]
        settings = self.account.settings
        if settings.keywords and settings.subreddits:
            streams.append("keywords")
        return streams

    def whoami(self) -> str:
        me = self._call("send", lambda: self.reddit.user.me())
        if me is None or not getattr(me, "name", ""):
            raise AuthError("Reddit does not say who this token belongs to: reconnect the account")
        return f"u/{me.name}"

    def fetch(self, stream: str, cursor: str | None) -> FetchResult:
        if stream == "inbox":
            return self._listing(stream, "/message/inbox/", cursor)
        if stream == "own":
            return self._listing(stream, f"/user/{self.account.handle}/comments", cursor)
        if stream == "keywords":
            return self._keywords(cursor)
        raise ValueError(f"Reddit has no stream called {stream!r}")

    def send_reply(
        self, in_reply_to: IncomingMessage, text: str, *, private: bool = False
    ) -> IncomingMessage:
        thing = in_reply_to.external_id
        if private and not thing.startswith("t4_"):
            return self._message_author(in_reply_to, text)
        answer = self._call(
            "send",
            lambda: self.reddit.post("/api/comment/", data={"text": text, "thing_id": thing}),
        )
        sent = answer[0] if isinstance(answer, list) and answer else answer
        name = getattr(sent, "name", "") or (
            f"{'t4' if thing.startswith('t4_') else 't1'}_{getattr(sent, 'id', '')}"
        )
        if not getattr(sent, "id", ""):
            raise MalformedResponse("Reddit accepted the reply but sent back no id", str(answer))
        private = in_reply_to.kind is MessageKind.DIRECT_MESSAGE
        return self._sent(in_reply_to, name, text, self.now(), _url(_data(sent)), private)

    def _message_author(self, in_reply_to: IncomingMessage, text: str) -> IncomingMessage:
        """A private message to the author of a public comment. Reddit's answer has no
        id for it: the account's sent messages are read for it straight after."""
        to = in_reply_to.author.handle.removeprefix("u/")
        started = self.now() - timedelta(minutes=1)
        self._call(
            "send",
            lambda: self.reddit.post(
                "/api/compose/",
                data={"to": to, "subject": PRIVATE_SUBJECT, "text": text, "api_type": "json"},
            ),
        )
        found = self.find_reply(
            in_reply_to, text, started, self.now() + timedelta(minutes=1), private=True
        )
        if found is None:
            raise MalformedResponse(
                "Reddit accepted the private message but it is not among the sent ones yet", ""
            )
        return found

    def find_reply(
        self,
        in_reply_to: IncomingMessage,
        text: str,
        since: datetime,
        until: datetime,
        *,
        private: bool = False,
    ) -> IncomingMessage | None:
        """The account's comments (or sent private messages) between ``since`` and
        ``until``, for this reply: newest first, down to ``since`` or Reddit's 1,000-item
        limit."""
        thing = in_reply_to.external_id
        direct = private or thing.startswith("t4_")
        path = "/message/sent/" if direct else f"/user/{self.account.handle}/comments"
        params = {} if direct else {"sort": "new"}
        to = in_reply_to.author.handle.removeprefix("u/").lower()
        read = 0
        for child in self._pages("check", path, since.timestamp(), params):
            read += 1
            data = child.get("data") if isinstance(child, dict) else None
            if not isinstance(data, dict) or not isinstance(data.get("body"), str):
                continue
            if not same_reply(data["body"], text):
                continue
            if direct:
                answers = thing in (data.get("parent_id"), data.get("first_message_name"))
                fresh = not thing.startswith("t4_") and str(data.get("dest", "")).lower() == to
                if not (answers or fresh):
                    continue
            elif data.get("parent_id") != thing:
                continue
            name = str(data.get("name") or "")
            created = data.get("created_utc")
            if not re.fullmatch(r"t[14]_[0-9a-z]+", name) or not isinstance(created, int | float):
                continue
            at = datetime.fromtimestamp(float(created), UTC)
            if at > until:
                continue
            return self._sent(in_reply_to, name, text, at, _url(data), direct)
        if read >= MAX_ITEMS:
            raise SourceError("too many posts to look through to tell whether the reply went out")
        return None

    def _sent(
        self,
        in_reply_to: IncomingMessage,
        name: str,
        text: str,
        at: datetime,
        url: str,
        private: bool,
    ) -> IncomingMessage:
        return IncomingMessage(
            network=Network.REDDIT,
            external_id=name,
            kind=MessageKind.DIRECT_MESSAGE if private else MessageKind.REPLY,
            direction=Direction.OUTBOUND,
            author=Author(self.account.handle, self.account.shown, self.account.display_name),
            account=self.account.handle,
            created_at=at,
            text=text,
            url="" if private else url,
            in_reply_to=in_reply_to.external_id,
            # A private message to a public comment's author stays with that comment.
            conversation=in_reply_to.conversation or in_reply_to.external_id
            if private and not in_reply_to.external_id.startswith("t4_")
            else in_reply_to.conversation,
            public=not private,
        )

    def mark_read(self, fullnames: list[str]) -> None:
        if not fullnames:
            return
        ids = ",".join(fullnames)
        self._call("inbox", lambda: self.reddit.post("/api/read_message/", data={"id": ids}))

    # -- reading ---------------------------------------------------------------------------

    def _get(self, stream: str, path: str, params: dict[str, Any]) -> dict[str, Any]:
        """One page of a listing as Reddit sent it (praw handles auth and rate limits)."""
        page = self._call(
            stream, lambda: self.reddit.request(method="GET", path=path, params=params)
        )
        if not isinstance(page, dict) or not isinstance(page.get("data"), dict):
            raise MalformedResponse(
                f"Reddit sent something other than a listing while {STREAM_WORDING[stream]}",
                json.dumps(page),
            )
        return page

    def _pages(
        self, stream: str, path: str, since: float, params: dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The children of a newest-first listing, page by page, down to the cursor
        (items at the cursor's second are read again; the store keeps one of each)."""
        after: str | None = None
        count = 0
        while count < MAX_ITEMS:
            query = {"limit": 100, "raw_json": 1, **(params or {})}
            if after:
                query["after"] = after
            data = self._get(stream, path, query)["data"]
            children = data.get("children")
            if not isinstance(children, list) or not children:
                return
            for child in children:
                count += 1
                created = (
                    child.get("data", {}).get("created_utc") if isinstance(child, dict) else None
                )
                if isinstance(created, (int, float)) and created < since:
                    return
                yield child
            after = data.get("after") if isinstance(data.get("after"), str) else None
            if not after:
                return

    def _listing(self, stream: str, path: str, cursor: str | None) -> FetchResult:
        since = _float(cursor)
        items: list[IncomingMessage] = []
        bad: list[Quarantined] = []
        unread: list[str] = []
        newest = since
        for child in self._pages(stream, path, since):
            item = self._item(child, stream)
            if isinstance(item, Quarantined):
                bad.append(item)
                continue
            items.append(item)
            newest = max(newest, item.created_at.timestamp())
            if stream == "inbox" and child["data"].get("new") is True:
                unread.append(item.external_id)
        self._unread[stream] = unread  # marked read once stored (``acknowledge``)
        return FetchResult(items, stream, _cursor(newest) if newest else cursor, bad)

    def acknowledge(self, stream: str) -> None:
        """Called once the last fetch of ``stream`` is stored."""
        if stream == "keywords":
            self._pending.clear()  # the comments taken from the streams are kept now
            return
        unread = self._unread.pop(stream, [])
        if unread and self.account.settings.mark_read:
            try:
                self.mark_read(unread)
            except SourceError as exc:  # only how Reddit shows them: try next time
                log.warning("could not mark %d items read: %s", len(unread), exc)

    def _keywords(self, cursor: str | None) -> FetchResult:
        settings = self.account.settings
        since = _float(cursor)
        pattern = _pattern(settings.keywords)
        excluded = _pattern(settings.exclusions) if settings.exclusions else None
        query = " OR ".join(f'"{word.strip()}"' for word in settings.keywords if word.strip())
        items: list[IncomingMessage] = []
        bad: list[Quarantined] = []
        newest = since
        seen: set[str] = set()
        # Search indexes late: look again a while back; what is stored already stays once.
        search_since = max(0.0, since - SEARCH_OVERLAP.total_seconds()) if since else 0.0
        for name in settings.subreddits:
            found = list(
                self._pages(
                    "keywords",
                    f"/r/{name}/search/",
                    search_since,
                    {"q": query, "sort": "new", "restrict_sr": "on", "t": "week"},
                )
            )
            subreddit = self.reddit.subreddit(name)

            def new_comments(subreddit: Any = subreddit) -> list[dict[str, Any]]:
                return self._new_comments(subreddit)

            # Comments the stream gave before that are not stored yet come again.
            pending = self._pending.setdefault(name, [])
            pending += self._call("keywords", new_comments)
            for child in found + pending:
                item = self._item(child, "keywords")
                if isinstance(item, Quarantined):
                    bad.append(item)
                    continue
                if item.external_id in seen:
                    continue
                seen.add(item.external_id)
                if not pattern.search(item.text):
                    continue
                if excluded is not None and excluded.search(item.text):
                    continue
                if item.direction is Direction.INBOUND:
                    items.append(item)
                newest = max(newest, item.created_at.timestamp())
        return FetchResult(items, "keywords", _cursor(newest) if newest else cursor, bad)

    def _new_comments(self, subreddit: Any) -> list[Any]:
        """What the subreddit's comment stream has that is new; never waits for more."""
        stream = self._streams.get(subreddit.display_name)
        if stream is None:
            stream = subreddit.stream.comments(pause_after=0)
            self._streams[subreddit.display_name] = stream
        found: list[dict[str, Any]] = []
        try:
            for comment in stream:
                if comment is None:  # nothing more for now
                    break
                found.append({"kind": "t1", "data": _data(comment)})
        except BaseException:
            # A generator that raised is finished: start a new stream next time.
            self._streams.pop(subreddit.display_name, None)
            raise
        return found

    def _item(self, child: Any, stream: str) -> IncomingMessage | Quarantined:
        try:
            return self._parse(child, stream)
        except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as exc:
            data = child.get("data") if isinstance(child, dict) else None
            name = data.get("name") if isinstance(data, dict) else None
            what = name if isinstance(name, str) and name else "an item"
            return Quarantined(
                json.dumps(child, sort_keys=True),
                f"Reddit sent {what} without what it needs ({type(exc).__name__}: {exc})",
            )

    def _parse(self, child: dict[str, Any], stream: str) -> IncomingMessage:
        data = child["data"]
        name = str(data["name"])
        if not re.fullmatch(r"t[134]_[0-9a-z]+", name):
            raise ValueError(f"unexpected id {name!r}")
        created = datetime.fromtimestamp(float(data["created_utc"]), UTC)
        author_name = str(data.get("author") or "[deleted]")
        author_id = str(data.get("author_fullname") or author_name)
        ours = author_name.lower() == self.account.handle.lower()
        private = name.startswith("t4_")
        parent = data.get("parent_id") or None
        if private:
            kind = MessageKind.DIRECT_MESSAGE
            conversation = data.get("first_message_name") or name
        else:
            if stream == "keywords":
                kind = MessageKind.KEYWORD_HIT
            else:
                kind = SUBJECT_KIND.get(str(data.get("subject") or ""), MessageKind.COMMENT)
            # A post, or a comment straight under a post, is a conversation of its own;
            # a deeper comment joins the thread of the comment it answers.
            conversation = name if not parent or str(parent).startswith("t3_") else None
        if name.startswith("t3_"):
            title, body = str(data.get("title") or ""), str(data.get("selftext") or "")
            text = f"{title}\n\n{body}" if body else title
        else:
            text = data["body"]
        if not isinstance(text, str):
            raise TypeError("the text is not a string")
        return IncomingMessage(
            network=Network.REDDIT,
            external_id=name,
            kind=kind,
            direction=Direction.OUTBOUND if ours else Direction.INBOUND,
            author=Author(author_id, f"u/{author_name}", author_name),
            account=self.account.handle,
            created_at=created,
            text=text,
            url=_url(data),
            in_reply_to=str(parent) if parent else None,
            conversation=str(conversation) if conversation else None,
            public=not private,
        )

    # -- errors ----------------------------------------------------------------------------

    def _call(self, stream: str, work: Callable[[], Any]) -> Any:
        what = STREAM_WORDING.get(stream, stream)
        handle = self.account.shown
        try:
            return work()
        except prawcore.OAuthException:
            raise AuthError(
                f"Reddit rejected the refresh token for {handle}: reconnect the account"
            ) from None
        except prawcore.InvalidToken:
            raise AuthError(
                f"Reddit rejected the token for {handle}: reconnect the account"
            ) from None
        except prawcore.InsufficientScope:
            raise PlanError(
                f"the Reddit app's permissions do not include {what}: reconnect and allow it"
            ) from None
        except prawcore.Forbidden:
            raise PlanError(
                f"Reddit does not allow {what} for {handle} (the subreddit may be private, "
                "or the app lacks a permission)"
            ) from None
        except prawcore.TooManyRequests as exc:
            until = _reset(exc, self.now())
            raise RateLimited(
                f"Reddit rate limit for {what}: waiting until {until:%H:%M} UTC", until
            ) from None
        except prawcore.BadJSON as exc:
            raw = exc.response.text if exc.response is not None else ""
            raise MalformedResponse(
                f"Reddit sent a response that could not be read while {what}; will retry", raw
            ) from None
        except prawcore.ServerError as exc:
            status = exc.response.status_code if exc.response is not None else "5xx"
            raise NetworkDown(f"Reddit is having trouble (HTTP {status}); will retry") from None
        except prawcore.RequestException as exc:
            cause = type(exc.original_exception).__name__
            if never_connected(exc.original_exception):
                raise NetworkDown(
                    f"cannot reach Reddit (no connection) while {what}; will retry",
                    delivered_maybe=False,
                ) from None
            if "Timeout" in cause:
                raise NetworkDown(
                    f"Reddit did not answer in time while {what}; will retry"
                ) from None
            raise NetworkDown(f"cannot reach Reddit ({cause}); will retry") from None
        except prawcore.ResponseException as exc:
            status = exc.response.status_code if exc.response is not None else "?"
            url = str(getattr(exc.response, "url", ""))
            if "/api/v1/access_token" in url and status in (400, 401):
                # Reddit answers a revoked or expired refresh token with invalid_grant.
                raise AuthError(
                    f"Reddit rejected the refresh token for {handle}: reconnect the account"
                ) from None
            raise SourceError(f"Reddit refused {what} (HTTP {status})") from None


def _url(data: dict[str, Any]) -> str:
    context = data.get("context") or data.get("permalink") or ""
    if context:
        return f"{SITE}{context}" if str(context).startswith("/") else str(context)
    if str(data.get("name", "")).startswith("t4_"):
        return f"{SITE}/message/messages/{data.get('id', '')}"
    return ""


def _float(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def _cursor(value: float) -> str:
    return f"{value:.0f}"


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word.strip()) for word in words if word.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _reset(exc: prawcore.TooManyRequests, now: datetime) -> datetime:
    header = exc.response.headers.get("x-ratelimit-reset") if exc.response is not None else None
    try:
        seconds = float(header) if header else 60.0
    except ValueError:
        seconds = 60.0
    return now + timedelta(seconds=seconds)


def connect(account: ConnectedAccount, secrets: SecretStore) -> RedditConnector:
    """The entry point (``socialdesk.connectors``: ``reddit``)."""
    return RedditConnector(account, secrets)
