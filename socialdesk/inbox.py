"""The read side of the triage queue: plain rows straight from SQL, paged.

Every view and sort reads an index in order (migration 0005), so the first page of a
million conversations costs what the first page of a hundred does. The order uses each
conversation's stored queue priority, which ``socialdesk.queue.age`` keeps current; the
priority a row shows is worked out live.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, false, func, literal_column, select, text
from sqlalchemy.orm import aliased

from socialdesk.domain import QUEUE_SORTS, QUEUE_VIEWS, STATUS_FILTERS, WORKING_STATUSES, utcnow
from socialdesk.metrics import load_pauses
from socialdesk.models import (
    INBOX,
    PENDING,
    RESOLVED,
    SPAM,
    Account,
    Contact,
    Conversation,
    Message,
)
from socialdesk.policies import PolicyBook
from socialdesk.queue import live_priority
from socialdesk.sla import ServiceLevels, kind_of
from socialdesk.store import Store
from socialdesk.targets import format_duration


@dataclass(frozen=True, slots=True)
class InboxRow:
    id: int
    conversation_id: int
    network: str
    kind: str
    public: bool
    author_handle: str
    author_name: str
    author_followers: int | None
    text: str
    url: str
    created_at: datetime
    status: str
    assignee: str | None
    sentiment: float | None
    complaint: bool
    priority: int
    reasons: tuple[str, ...]
    awaiting_since: datetime | None
    intent: str = ""
    topic: str = ""
    # When the reply falls due under the conversation's policy (None when nothing
    # waits), and the policy's first-response target.
    due_at: datetime | None = None
    target_s: int | None = None

    def waiting_seconds(self, now: datetime) -> float | None:
        if self.awaiting_since is None:
            return None
        return max(0.0, (now - self.awaiting_since).total_seconds())

    def waiting_label(self, now: datetime) -> str:
        """'answered', '14 min', '3.5 h' or '2.1 d'."""
        seconds = self.waiting_seconds(now)
        return "answered" if seconds is None else format_duration(seconds)

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        now = now or utcnow()
        waiting = self.waiting_seconds(now)
        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "network": self.network,
            "kind": self.kind,
            "public": self.public,
            "author": {
                "handle": self.author_handle,
                "name": self.author_name,
                "followers": self.author_followers,
            },
            "text": self.text,
            "url": self.url,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "status": self.status,
            "assignee": self.assignee,
            "sentiment": self.sentiment,
            "complaint": self.complaint,
            "priority": self.priority,
            "reasons": list(self.reasons),
            "intent": self.intent,
            "topic": self.topic,
            "waiting_seconds": None if waiting is None else round(waiting),
        }


# Letters and digits: the search index splits words at underscores and punctuation too.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """Words only: search input is never passed through as query syntax."""
    return _TOKEN.findall(query.lower())[:16]


# The navigation's views. The working ones read the inbox bucket (new and open
# conversations); pending, resolved and spam are buckets of their own.
VIEWS = QUEUE_VIEWS
# Beyond the navigation: the whole inbox, the CLI's "open" (inbox and pending), all.
EXTRA_VIEWS = ("inbox", "open", "all", "new")
SORTS = QUEUE_SORTS
_BUCKET_VIEWS = {"pending": PENDING, "resolved": RESOLVED, "spam": SPAM}
# Below this many matching messages, search collects their conversations and sorts them;
# above it, it walks the queue in order and stops at a page.
SEARCH_COLLECT_LIMIT = 20_000
PREFIX_FROM = 3  # letters a search word needs before it also matches as a prefix


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """One view of the queue: which conversations, in what order."""

    view: str = "inbox"
    sort: str = "priority"
    search: str = ""
    network: str | None = None
    account_id: int | None = None
    agent: str | None = None  # whose conversations "mine" lists

    def __post_init__(self) -> None:
        if self.view not in VIEWS + EXTRA_VIEWS:
            raise ValueError(f"unknown view {self.view!r}; use one of {VIEWS + EXTRA_VIEWS}")
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; use one of {SORTS}")

    @classmethod
    def for_status(cls, status: str, search: str = "") -> QueueQuery:
        """The CLI's --status: open (new, open and pending), all, or one status."""
        if status not in STATUS_FILTERS:
            raise ValueError(f"unknown status filter {status!r}; use one of {STATUS_FILTERS}")
        return cls(view=status, search=search)


@dataclass(frozen=True, slots=True)
class ViewCounts:
    """How many conversations each view holds, and the inbox per network and account."""

    views: dict[str, int]
    networks: dict[str, int]
    accounts: dict[int, int]
    waiting: int  # in the inbox, waiting for a reply


def _select() -> Any:
    return (
        select(
            Message.id,
            Conversation.id,
            Message.network,
            Message.kind,
            Message.public,
            Message.author_handle,
            Message.author_name,
            Contact.followers,
            Message.text,
            Message.url,
            Message.created_at,
            Conversation.status,
            Conversation.assignee,
            Message.sentiment,
            Message.complaint,
            Conversation.priority,
            Message.reasons,
            Conversation.awaiting_since,
            Message.intent,
            Message.topic,
            Conversation.account_id,
            Conversation.first_response_at,
        )
        .select_from(Conversation)
        .join(Message, Message.id == Conversation.last_inbound_message_id)
        .outerjoin(Contact, Contact.id == Message.contact_id)
    )


class Inbox:
    """Queries over the queue. Each call opens and closes its own connection."""

    def __init__(self, store: Store, levels: ServiceLevels | None = None) -> None:
        self.store = store
        self._levels = levels

    @property
    def levels(self) -> ServiceLevels:
        """The service levels the countdowns use, read once (``reload_levels`` after
        they are edited)."""
        if self._levels is None:
            self._levels = PolicyBook(self.store).levels()
        return self._levels

    def reload_levels(self) -> None:
        self._levels = None

    # -- filters ------------------------------------------------------------------------

    def _filtered(self, stmt: Any, query: QueueQuery, conn: Any) -> Any:
        view = query.view
        # ``bucket`` compared as written lets the planner read the matching index;
        # ``bucket + 0`` hides it, for a search small enough to collect and sort.
        bucket: Any = Conversation.bucket
        terms = search_terms(query.search)
        collect = bool(terms) and self._few_matches(conn, terms)
        if collect:
            bucket = Conversation.bucket + 0
        if view in _BUCKET_VIEWS:
            stmt = stmt.where(bucket == _BUCKET_VIEWS[view])
        elif view == "open":
            stmt = stmt.where(bucket.in_([INBOX, PENDING]))
        elif view == "new":
            stmt = stmt.where(bucket == INBOX, Conversation.status == "new")
        elif view != "all":
            stmt = stmt.where(bucket == INBOX)
        if view == "needs_reply":
            stmt = stmt.where(Conversation.awaiting_since.is_not(None))
        elif view == "complaints":
            stmt = stmt.where(Conversation.complaint.is_(True))
        elif view == "mine":
            stmt = stmt.where(Conversation.assignee == query.agent if query.agent else false())
        elif view == "unassigned":
            stmt = stmt.where(Conversation.assignee.is_(None))
        elif view == "direct":
            stmt = stmt.where(Conversation.public.is_(False))
        elif view == "public":
            stmt = stmt.where(Conversation.public.is_(True))
        elif view == "keyword":
            # Written as a literal so the partial index on keyword hits applies.
            stmt = stmt.where(Conversation.kind == literal_column("'keyword_hit'"))
        if query.network:
            stmt = stmt.where(Conversation.network == query.network)
        if query.account_id is not None:
            stmt = stmt.where(Conversation.account_id == query.account_id)
        if terms:
            stmt = stmt.where(self._matches(terms, collect))
        return stmt

    def _few_matches(self, conn: Any, terms: list[str]) -> bool:
        if self.store.dialect != "sqlite":
            return True  # PostgreSQL's planner weighs this itself
        hits = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT rowid FROM messages_fts WHERE messages_fts "
                "MATCH :match LIMIT :limit)"
            ),
            {"match": _fts_match(terms), "limit": SEARCH_COLLECT_LIMIT},
        ).scalar_one()
        return bool(hits < SEARCH_COLLECT_LIMIT)

    def _matches(self, terms: list[str], collect: bool) -> Any:
        if self.store.dialect == "sqlite":
            hits = text(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH :match"
            ).bindparams(match=_fts_match(terms))
            message_ids = hits.columns(Message.id)
        else:
            tsquery = " & ".join(
                f"{term}:*" if len(term) >= PREFIX_FROM else term for term in terms
            )
            message_ids = (
                text("SELECT id FROM messages WHERE search_vector @@ to_tsquery('simple', :tsq)")
                .bindparams(tsq=tsquery)
                .columns(Message.id)
            )
        other = aliased(Message)  # not the row's own latest message: any in the thread
        if collect:
            # Few matches: gather their conversations and let the query sort them.
            owners = select(other.conversation_id).where(other.id.in_(message_ids))
            return Conversation.id.in_(owners)
        # Many: walk the queue in order and keep a conversation if any message matches.
        return exists().where(other.conversation_id == Conversation.id, other.id.in_(message_ids))

    @staticmethod
    def _ordered(stmt: Any, query: QueueQuery) -> Any:
        sort = query.sort
        newest: Any = Conversation.last_message_at
        awaiting: Any = Conversation.awaiting_since
        if query.view in ("keyword", "mine"):
            # These views are small and have partial indexes of their own: read those and
            # sort, rather than walk the whole inbox in date order looking for them.
            newest = func.coalesce(newest, newest)
            awaiting = func.coalesce(awaiting, awaiting)
        if sort == "newest":
            return stmt.order_by(newest.desc(), Conversation.id.desc())
        if sort == "waiting":
            return stmt.order_by(awaiting.is_(None), awaiting.asc(), Conversation.id.asc())
        return stmt.order_by(
            Conversation.queue_rank.desc(),
            Conversation.awaiting_since.asc(),
            Conversation.id.asc(),
        )

    # -- reads --------------------------------------------------------------------------

    def page(
        self,
        query: QueueQuery | None = None,
        *,
        status: str = "open",
        search: str = "",
        offset: int = 0,
        limit: int = 100,
        now: datetime | None = None,
    ) -> list[InboxRow]:
        """One page of a view, in its order. Without ``query``, the CLI's ``status`` and
        ``search``."""
        query = query or QueueQuery.for_status(status, search)
        now = now or utcnow()
        with self.store.connect() as conn:
            stmt = self._filtered(_select(), query, conn)
            stmt = self._ordered(stmt, query).offset(offset).limit(limit)
            found = conn.execute(stmt).all()
            waiting = {
                r[1]: r[17] for r in found if r[17] is not None and r[11] in WORKING_STATUSES
            }
            pauses = load_pauses(conn, waiting) if waiting else {}
        levels = self.levels
        return [_row(r, now, levels, pauses.get(r[1], ())) for r in found]

    def count(
        self,
        query: QueueQuery | None = None,
        *,
        status: str = "open",
        search: str = "",
        waiting: bool = False,
    ) -> int:
        """How many conversations a view holds; with ``waiting``, only those whose customer
        awaits a reply."""
        query = query or QueueQuery.for_status(status, search)
        with self.store.connect() as conn:
            stmt = self._filtered(select(func.count()).select_from(Conversation), query, conn)
            if waiting:
                stmt = stmt.where(Conversation.awaiting_since.is_not(None))
            return int(conn.execute(stmt).scalar_one())

    def counts(self, agent: str | None = None) -> ViewCounts:
        """Every view's count, read from the rank index alone (no table row is read): one
        pass per bucket, one over the inbox per network and account, and the two small
        partial indexes for assignees and keyword hits."""
        # SQLite's planner prefers a narrower index that lacks these columns: named here.
        rank = " INDEXED BY ix_queue_rank" if self.store.dialect == "sqlite" else ""
        assigned_index = " INDEXED BY ix_queue_assignee" if rank else ""
        per_bucket = text(
            "SELECT bucket, count(*), "
            "sum(CASE WHEN awaiting_since IS NOT NULL THEN 1 ELSE 0 END), "
            "sum(CASE WHEN complaint THEN 1 ELSE 0 END), "
            "sum(CASE WHEN public THEN 1 ELSE 0 END) "
            f"FROM conversations{rank} GROUP BY bucket"
        )
        per_channel = text(
            f"SELECT network, account_id, count(*) FROM conversations{rank} "
            "WHERE bucket = :inbox GROUP BY network, account_id"
        ).bindparams(inbox=INBOX)
        per_assignee = text(
            f"SELECT assignee, count(*) FROM conversations{assigned_index} "
            "WHERE assignee IS NOT NULL AND bucket = :inbox GROUP BY assignee"
        ).bindparams(inbox=INBOX)
        views = dict.fromkeys((*VIEWS, "inbox"), 0)
        networks: dict[str, int] = {}
        accounts: dict[int, int] = {}
        with self.store.connect() as conn:
            for bucket, n, waited, complaints, public in conn.execute(per_bucket):
                if bucket != INBOX:
                    views[{PENDING: "pending", RESOLVED: "resolved", SPAM: "spam"}[bucket]] = n
                    continue
                views.update(
                    inbox=n,
                    needs_reply=int(waited or 0),
                    complaints=int(complaints or 0),
                    public=int(public or 0),
                    direct=n - int(public or 0),
                )
            for network, account, n in conn.execute(per_channel):
                networks[network] = networks.get(network, 0) + n
                if account is not None:
                    accounts[account] = accounts.get(account, 0) + n
            assigned = {name: int(n) for name, n in conn.execute(per_assignee)}
            views["keyword"] = self._keyword_hits(conn)
        views["mine"] = assigned.get(agent, 0) if agent else 0
        views["unassigned"] = views["inbox"] - sum(assigned.values())
        return ViewCounts(
            views=views, networks=networks, accounts=accounts, waiting=views["needs_reply"]
        )

    def accounts(self) -> list[tuple[int, str, str]]:
        """The brand accounts: (id, network, display name), for the navigation."""
        stmt = select(Account.id, Account.network, Account.display_name).order_by(
            Account.network, Account.display_name
        )
        with self.store.connect() as conn:
            return [(int(i), str(n), str(d)) for i, n, d in conn.execute(stmt)]

    @staticmethod
    def _keyword_hits(conn: Any) -> int:
        """From the partial index that holds only keyword hits."""
        stmt = (
            select(func.count())
            .select_from(Conversation)
            .where(
                Conversation.kind == literal_column("'keyword_hit'"),
                Conversation.bucket == INBOX,
            )
        )
        return int(conn.execute(stmt).scalar_one())


def _fts_match(terms: list[str]) -> str:
    # Each word quoted: nothing the user types is FTS syntax. Words of three letters or
    # more also match as prefixes ("refu" finds "refund"); shorter ones only as words,
    # since "r" or "re" begin most of what anyone writes.
    return " ".join(f'"{t}"*' if len(t) >= PREFIX_FROM else f'"{t}"' for t in terms)


def running_clock(status: str, awaiting_since: datetime | None) -> datetime | None:
    return awaiting_since if status in WORKING_STATUSES else None


def _row(
    r: Any, now: datetime, levels: ServiceLevels, pauses: Sequence[tuple[datetime, datetime]]
) -> InboxRow:
    awaiting = running_clock(r[11], r[17])
    waited = None if awaiting is None else (now - awaiting).total_seconds()
    due = target = None
    if awaiting is not None:
        kind = kind_of(public=bool(r[4]), complaint=bool(r[14]), message_kind=r[3])
        targets = levels.policy(r[20], r[2], kind)
        target = levels.waiting_target(targets, answered_before=r[21] is not None)
        due = levels.due_at(awaiting, targets, target, pauses=pauses)
    return InboxRow(
        id=r[0],
        conversation_id=r[1],
        network=r[2],
        kind=r[3],
        public=bool(r[4]),
        author_handle=r[5],
        author_name=r[6],
        author_followers=r[7],
        text=r[8],
        url=r[9],
        created_at=r[10],
        status=r[11],
        assignee=r[12],
        sentiment=r[13],
        complaint=bool(r[14]),
        priority=live_priority(r[15], waited, r[2], r[18] or ""),
        reasons=tuple(json.loads(r[16])) + waiting_reason(awaiting, now, r[18], due, target),
        awaiting_since=awaiting,
        intent=r[18] or "",
        topic=r[19] or "",
        due_at=due,
        target_s=target,
    )


def waiting_reason(
    since: datetime | None,
    now: datetime,
    intent: str | None,
    due: datetime | None,
    target_s: int | None,
) -> tuple[str, ...]:
    """ "waiting 22 min, target 15 min, 7 min late" or "…, 4 min left"."""
    if since is None or due is None or target_s is None or intent == "spam":
        return ()
    waited = max(0.0, (now - since).total_seconds())
    left = (due - now).total_seconds()
    state = f"{format_duration(left)} left" if left >= 0 else f"{format_duration(-left)} late"
    return (f"waiting {format_duration(waited)}, target {format_duration(target_s)}, {state}",)
