from __future__ import annotations

import pytest
from sqlalchemy import text

from socialdesk.domain import Author, Direction
from socialdesk.inbox import Inbox, search_terms
from socialdesk.ingest import Ingestor
from socialdesk.store import Store

from .conftest import MessageFactory


@pytest.fixture
def filled(store: Store, ingestor: Ingestor, make_message: MessageFactory) -> Inbox:
    ingestor.ingest(
        [
            make_message(
                "1",
                text="The router firmware bricked my device, furious",
                author=Author("u1", "carol", "Carol Díaz", 50_000),
            ),
            make_message(
                "2",
                minutes=1,
                text="Love the new speaker, great sound",
                author=Author("u2", "dan", "Dan", 10),
            ),
            make_message(
                "3",
                minutes=2,
                text="Where is my refund? Charged twice!",
                author=Author("u3", "eve", "Eve", 300),
            ),
            make_message(
                "4", minutes=3, direction=Direction.OUTBOUND, in_reply_to="2", text="Thanks Dan!"
            ),
            make_message(
                "5",
                minutes=4,
                text="ÇOK kötü hizmet, iade istiyorum",
                author=Author("u4", "ayşe", "Ayşe", 5),
            ),
        ]
    )
    return Inbox(store)


def test_queue_order_waiting_first_then_priority(filled: Inbox) -> None:
    rows = filled.page()
    assert rows[-1].author_handle == "dan"  # answered: nothing waits
    waiting = [r for r in rows if r.awaiting_since is not None]
    assert [r.priority for r in waiting] == sorted((r.priority for r in waiting), reverse=True)
    assert rows[0].author_handle == "carol"
    assert "50.0k followers" in rows[0].reasons
    assert filled.count() == 4
    assert filled.count(waiting=True) == 3


def test_status_filters_and_paging(filled: Inbox, store: Store) -> None:
    with store.session() as s:
        s.execute(text("UPDATE conversations SET status = 'resolved' WHERE id = 1"))
    assert filled.count(status="open") == 3
    assert filled.count(status="resolved") == 1
    assert filled.count(status="all") == 4
    first = filled.page(status="all", limit=2)
    second = filled.page(status="all", offset=2, limit=2)
    assert len(first) == 2 and len(second) == 2
    assert {r.id for r in first}.isdisjoint({r.id for r in second})
    with pytest.raises(ValueError, match="unknown status filter"):
        filled.page(status="archived")


@pytest.mark.parametrize(
    ("query", "authors"),
    [
        ("firmware", {"carol"}),
        ("FIRMW", {"carol"}),
        ("carol", {"carol"}),
        ("díaz", {"carol"}),
        ("refund twice", {"eve"}),
        ("kötü", {"ayşe"}),
        ("speaker", {"dan"}),
        ("nothing-matches-this", set()),
        # A handle such as @carol_díaz: the search index splits words at underscores.
        ("@carol_díaz", {"carol"}),
        ("refund_", {"eve"}),
    ],
)
def test_full_text_search_over_text_and_author(
    filled: Inbox, query: str, authors: set[str]
) -> None:
    assert {r.author_handle for r in filled.page(status="all", search=query)} == authors


@pytest.mark.parametrize(
    "query", ['"', "*", "refund OR", "NEAR(", "'; DROP TABLE messages; --", ":* & |", "^", "\\"]
)
def test_hostile_search_input_is_only_words(filled: Inbox, query: str) -> None:
    rows = filled.page(status="all", search=query)
    assert isinstance(rows, list)
    assert filled.count(status="all") == 4


def test_search_terms_keep_words_only() -> None:
    assert search_terms('"refund" OR*  drop;--') == ["refund", "or", "drop"]
    assert search_terms("@lucia_novak9926") == ["lucia", "novak9926"]


def test_waiting_label(filled: Inbox) -> None:
    from datetime import timedelta

    row = filled.page()[0]
    assert row.awaiting_since is not None
    since = row.awaiting_since
    assert row.waiting_label(since + timedelta(minutes=14, seconds=10)) == "14 min"
    assert row.waiting_label(since + timedelta(hours=3, minutes=30)) == "3.5 h"
    assert row.waiting_label(since + timedelta(days=2, hours=3)) == "2.1 d"
    answered = next(r for r in filled.page() if r.awaiting_since is None)
    assert answered.waiting_label(since) == "answered"


def test_waiting_against_the_target_raises_priority_as_time_passes(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    from datetime import timedelta

    from .conftest import T0

    ingestor.ingest(
        [
            make_message("old", text="where is my parcel?"),
            make_message(
                "new",
                minutes=60,
                text="where is my parcel?",
                author=Author("u2", "bob", "Bob", 120),
            ),
        ]
    )
    inbox = Inbox(store)
    early = inbox.page(now=T0 + timedelta(minutes=61))
    late = inbox.page(now=T0 + timedelta(hours=5))
    by_id = {r.author_handle: r for r in early}
    assert by_id["alice"].priority > by_id["bob"].priority  # waited longer, same message
    assert "waiting 1.0 h, target 15 min, 46 min late" in by_id["alice"].reasons
    assert "waiting 1 min, target 15 min, 14 min left" in by_id["bob"].reasons
    assert by_id["alice"].due_at == T0 + timedelta(minutes=15)
    # capped at twice the target: after hours both carry the full 20 waiting points
    assert [r.priority for r in late] == [by_id["bob"].priority + 20 - 1] * 2


def test_countdowns_follow_the_accounts_own_business_hours_policy(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    """The inbox asks the same service levels as the reports: a business-hours policy
    makes a message at 16:45 on a Friday due at 09:15 on Monday."""
    from datetime import UTC, datetime, timedelta

    from socialdesk.hours import BusinessHours
    from socialdesk.policies import PolicyBook
    from socialdesk.sla import Targets

    from .conftest import T0

    friday = T0.replace(hour=16, minute=45)
    ingestor.ingest([make_message("late", minutes=(friday - T0).total_seconds() / 60)])
    book = PolicyBook(store)
    book.set_hours(BusinessHours.weekly("UTC", {"mon-fri": ["09:00-17:00"]}))
    ((account_id, _network, _name),) = book.accounts()
    for kind in ("public", "public_complaint"):
        book.set_policy(account_id, kind, Targets(1800, 1800, 86400, 80.0, business_hours=True))
    (row,) = Inbox(store).page(now=friday + timedelta(hours=2))
    assert row.due_at == datetime(2026, 11, 23, 9, 15, tzinfo=UTC)
    assert row.target_s == 1800
    assert "waiting 2.0 h, target 30 min, 2.6 d left" in row.reasons


def test_a_message_from_the_future_waits_zero_and_spam_does_not_climb(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    from datetime import timedelta

    from .conftest import T0

    ingestor.ingest(
        [
            make_message("f", minutes=27 * 60, text="my parcel never arrived, worst service"),
            make_message("s", text="follow back for free followers, link in bio",
                         author=Author("u9", "spammer", "S", 10)),
        ]
    )  # fmt: skip
    rows = {r.author_handle: r for r in Inbox(store).page(now=T0 + timedelta(hours=30))}
    assert rows["alice"].priority > 0  # stored while the clock said T0 + 27 h
    early = {r.author_handle: r for r in Inbox(store).page(now=T0)}
    # Seen from before it was written, it has waited nothing and is due 15 min after it.
    assert early["alice"].priority >= 0 and "waiting 0 min, target 15 min, 27.2 h left" in (
        early["alice"].reasons
    )
    assert rows["spammer"].priority <= 5
    assert not any(r.startswith("waiting") for r in rows["spammer"].reasons)
