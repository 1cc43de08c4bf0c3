"""The demo data generator: deterministic, plausible, and threadable by ingestion."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from datetime import UTC, datetime, timedelta
from importlib.resources import files

import pytest

from socialdesk.demo import DEMO_ACCOUNTS, WINDOW, generate_demo
from socialdesk.domain import Direction, IncomingMessage, MessageKind, Network

NOW = datetime(2025, 3, 12, 15, 0, tzinfo=UTC)
Key = tuple[str, str]


@pytest.fixture(scope="module")
def demo() -> list[IncomingMessage]:
    return generate_demo(seed=7, conversations=640, now=NOW)


@pytest.fixture(scope="module")
def templates() -> dict:
    text = files("socialdesk_resources").joinpath("demo/templates.json").read_text("utf-8")
    return json.loads(text)


def thread_of(messages: list[IncomingMessage]) -> dict[Key, Key]:
    """The ingestion pipeline's rule: explicit conversation, else the parent's thread,
    else the parent's id, else the message's own id."""
    key_of: dict[Key, Key] = {}
    for m in sorted(messages, key=lambda m: m.created_at):
        me = (m.network.value, m.external_id)
        parent = (m.network.value, m.in_reply_to) if m.in_reply_to else None
        if m.conversation:
            key_of[me] = (m.network.value, m.conversation)
        elif parent and parent in key_of:
            key_of[me] = key_of[parent]
        else:
            key_of[me] = (m.network.value, m.in_reply_to or m.external_id)
    return key_of


def threads(messages: list[IncomingMessage]) -> dict[Key, list[IncomingMessage]]:
    key_of = thread_of(messages)
    out: dict[Key, list[IncomingMessage]] = {}
    for m in messages:
        out.setdefault(key_of[(m.network.value, m.external_id)], []).append(m)
    for items in out.values():
        items.sort(key=lambda m: m.created_at)
    return out


def fragments(lines: list[str]) -> list[str]:
    """The longest slot-free piece of each template: enough to recognise it."""
    return [max(re.split(r"\{\w+\}", line), key=len).strip() for line in lines]


def response_minutes(messages: list[IncomingMessage], network: Network) -> list[float]:
    out = []
    for items in threads(messages).values():
        waiting = None
        for m in items:
            if m.network is not network:
                break
            if m.direction is Direction.INBOUND:
                waiting = waiting or m.created_at
            elif waiting is not None:
                out.append((m.created_at - waiting).total_seconds() / 60)
                waiting = None
    return out


# -- determinism -------------------------------------------------------------------


def test_same_arguments_give_the_same_messages(demo: list[IncomingMessage]) -> None:
    assert generate_demo(seed=7, conversations=640, now=NOW) == demo


def test_a_different_seed_gives_different_messages(demo: list[IncomingMessage]) -> None:
    other = generate_demo(seed=8, conversations=640, now=NOW)
    assert [m.text for m in other] != [m.text for m in demo]


def test_a_later_now_moves_the_window() -> None:
    later = NOW + timedelta(days=3)
    a = generate_demo(seed=3, conversations=200, now=NOW)
    b = generate_demo(seed=3, conversations=200, now=later)
    assert a != b
    assert max(m.created_at for m in b) > NOW
    assert all(later - WINDOW <= m.created_at <= later for m in b)


def test_default_now_is_the_current_hour() -> None:
    before = datetime.now(UTC)
    messages = generate_demo(seed=1, conversations=30)
    assert messages
    assert max(m.created_at for m in messages) <= before + timedelta(seconds=1)
    assert min(m.created_at for m in messages) >= before - WINDOW - timedelta(hours=1)


def test_small_and_empty_runs() -> None:
    assert generate_demo(conversations=0, now=NOW) == []
    assert len(threads(generate_demo(conversations=5, now=NOW))) >= 5


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        generate_demo(now=datetime(2025, 3, 12, 15, 0))


# -- shape -------------------------------------------------------------------------


def test_at_least_the_requested_conversations(demo: list[IncomingMessage]) -> None:
    assert len(threads(demo)) >= 640


def test_sorted_and_dated_within_the_fortnight(demo: list[IncomingMessage]) -> None:
    times = [m.created_at for m in demo]
    assert times == sorted(times)
    assert all(t.utcoffset() == timedelta(0) for t in times)
    assert max(times) <= NOW
    assert min(times) >= NOW - WINDOW


def test_external_ids_are_unique_and_stable(demo: list[IncomingMessage]) -> None:
    ids = [(m.network, m.external_id) for m in demo]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"demo\d+-(x|reddit)-\d{6}(-dm)?-\d+", m.external_id) for m in demo)


def test_every_reply_points_at_an_earlier_message(demo: list[IncomingMessage]) -> None:
    by_id = {(m.network, m.external_id): m for m in demo}
    for m in demo:
        if m.in_reply_to is None:
            assert m.direction is Direction.INBOUND
            continue
        parent = by_id[(m.network, m.in_reply_to)]
        assert parent.created_at < m.created_at
        assert thread_of([parent, m])  # same network by construction
    for items in threads(demo).values():
        assert items[0].direction is Direction.INBOUND
        assert all(m.in_reply_to is not None for m in items[1:])


def test_conversation_keys_follow_each_network(demo: list[IncomingMessage]) -> None:
    for items in threads(demo).values():
        root = items[0]
        if root.kind is MessageKind.DIRECT_MESSAGE:
            assert all(m.conversation and re.match(r"demo\d+-dm-", m.conversation) for m in items)
            assert all(m.public is False and not m.is_public for m in items)
        elif root.network is Network.X:
            assert all(m.conversation == root.external_id for m in items)
            assert all(m.url.startswith("https://x.com/") and "/status/" in m.url for m in items)
        else:
            assert all(m.conversation is None for m in items)
            assert all(m.url.startswith("https://www.reddit.com/r/") for m in items)


def test_brand_accounts_and_authors(demo: list[IncomingMessage]) -> None:
    assert DEMO_ACCOUNTS[Network.X].startswith("@")
    assert DEMO_ACCOUNTS[Network.REDDIT].startswith("u/")
    for m in demo:
        assert m.account == DEMO_ACCOUNTS[m.network]
        if m.direction is Direction.OUTBOUND:
            assert m.author.handle == DEMO_ACCOUNTS[m.network]
            assert m.author.id == f"brand-{m.network.value}"
        else:
            prefix = "x-u-" if m.network is Network.X else "r-u-"
            assert m.author.id.startswith(prefix)
    # One handle per author id, across the whole fortnight.
    handles: dict[str, set[str]] = {}
    for m in demo:
        handles.setdefault(m.author.id, set()).add(m.author.handle)
    assert all(len(h) == 1 for h in handles.values())


def test_followers_are_heavy_tailed(demo: list[IncomingMessage]) -> None:
    followers = {
        m.author.id: m.author.followers or 0 for m in demo if m.direction is Direction.INBOUND
    }
    assert statistics.median(followers.values()) < 500
    big = [f for f in followers.values() if f >= 10_000]
    assert 3 <= len(big) <= 30
    assert max(followers.values()) <= 2_000_000


def test_some_customers_come_back(demo: list[IncomingMessage]) -> None:
    starters = Counter(items[0].author.id for items in threads(demo).values())
    assert sum(1 for n in starters.values() if n > 1) >= 30
    assert 200 <= len(starters) <= 640


# -- the mix -----------------------------------------------------------------------


def test_channel_mix(demo: list[IncomingMessage]) -> None:
    roots = [items[0] for items in threads(demo).values()]
    kinds = Counter(m.kind for m in roots)
    assert 0.18 <= kinds[MessageKind.DIRECT_MESSAGE] / len(roots) <= 0.32
    assert kinds[MessageKind.KEYWORD_HIT] >= 30
    assert kinds[MessageKind.MENTION] >= 100
    assert kinds[MessageKind.COMMENT] >= 30
    assert {m.network for m in roots} == {Network.X, Network.REDDIT}
    assert sum(1 for m in demo if m.direction is Direction.OUTBOUND) >= 500
    brand_words = ("nimbus",)
    for m in roots:
        if m.kind is MessageKind.KEYWORD_HIT:
            assert DEMO_ACCOUNTS[m.network] not in m.text
            assert any(word in m.text.lower() for word in brand_words)


def test_intent_mix(demo: list[IncomingMessage], templates: dict) -> None:
    opening = templates["opening"]
    families = {
        "complaint": [line for topic in opening["complaint"].values() for line in topic],
        **{name: opening[name] for name in ("question", "praise", "feature_request", "spam")},
    }
    roots = [items[0].text for items in threads(demo).values()]
    share = {
        name: sum(1 for text in roots if any(f in text for f in fragments(lines))) / len(roots)
        for name, lines in families.items()
    }
    assert 0.35 <= share["complaint"] <= 0.55
    assert 0.12 <= share["question"] <= 0.28
    assert 0.06 <= share["praise"] <= 0.18
    assert 0.05 <= share["feature_request"] <= 0.16
    assert 0.02 <= share["spam"] <= 0.09


def test_threads_go_several_messages_deep(demo: list[IncomingMessage]) -> None:
    depths = Counter(len(items) for items in threads(demo).values())
    assert sum(n for depth, n in depths.items() if depth >= 4) >= 150
    assert max(depths) >= 6


def test_templates_are_fully_filled(demo: list[IncomingMessage]) -> None:
    assert not [m.text for m in demo if re.search(r"\{\w*\}", m.text)]
    assert all(m.text.strip() for m in demo)


def test_hostile_and_odd_texts_are_there_verbatim(demo: list[IncomingMessage]) -> None:
    texts = [m.text for m in demo]

    def has(fragment: str) -> bool:
        return any(fragment in text for text in texts)

    assert has("<b>why</b> <script>alert(1)</script>")
    assert has("👨\u200d👩\u200d👧\u200d👦")  # a family: four people joined by ZWJ
    assert has("🇹🇷🇬🇧")  # flags: regional-indicator pairs
    assert has("🏳️\u200d🌈")
    assert has("إنترنت مقطوع منذ الصباح")
    assert has("İnternetim iki gündür yok")
    rants = [t for t in texts if len(t) >= 2000]
    assert len(rants) == 1
    assert len(rants[0]) <= 3000


def test_spam_gets_no_reply(demo: list[IncomingMessage], templates: dict) -> None:
    spam = fragments(templates["opening"]["spam"])
    for items in threads(demo).values():
        if any(f in items[0].text for f in spam):
            assert all(m.direction is Direction.INBOUND for m in items)


# -- time --------------------------------------------------------------------------


def test_daytime_and_weekdays_are_busier(demo: list[IncomingMessage]) -> None:
    starts = [items[0].created_at for items in threads(demo).values()]
    by_hour = Counter(t.hour for t in starts)
    day = sum(by_hour[h] for h in range(9, 21)) / 12
    night = sum(by_hour[h] for h in range(1, 6)) / 5
    assert day > 4 * night
    weekday_days = {t.date() for t in starts if t.weekday() < 5}
    weekend_days = {t.date() for t in starts if t.weekday() >= 5}
    weekday = sum(1 for t in starts if t.weekday() < 5) / len(weekday_days)
    weekend = sum(1 for t in starts if t.weekday() >= 5) / len(weekend_days)
    assert weekday > 1.2 * weekend


def test_response_times_are_realistic(demo: list[IncomingMessage]) -> None:
    x = response_minutes(demo, Network.X)
    reddit = response_minutes(demo, Network.REDDIT)
    assert 20 <= statistics.median(x) <= 40
    assert 60 <= statistics.median(reddit) <= 180
    assert any(minutes < 15 for minutes in x)
    assert sum(1 for minutes in x if minutes > 15) >= 50  # breaches of a 15-minute target
    assert sum(1 for minutes in reddit if minutes > 60) >= 50
    assert max(x) > 6 * 60  # a slow tail of many hours


def test_an_open_queue_and_a_fresh_backlog(demo: list[IncomingMessage], templates: dict) -> None:
    spam = fragments(templates["opening"]["spam"])
    all_threads = list(threads(demo).values())
    waiting = [t for t in all_threads if t[-1].direction is Direction.INBOUND]
    assert 0.15 <= len(waiting) / len(all_threads) <= 0.28
    not_spam = [t for t in waiting if not any(f in t[0].text for f in spam)]
    assert len(not_spam) >= 100
    recent = [t for t in all_threads if NOW - t[0].created_at <= timedelta(hours=4)]
    assert recent
    recent_waiting = [t for t in recent if t[-1].direction is Direction.INBOUND]
    assert len(recent_waiting) / len(recent) >= 0.5


@pytest.mark.parametrize("seed", [1, 2, 3, 11, 2025])
def test_other_seeds_keep_the_promises(seed: int) -> None:
    messages = generate_demo(seed=seed, now=NOW)
    all_threads = list(threads(messages).values())
    assert len(all_threads) >= 640
    assert max(m.created_at for m in messages) <= NOW
    assert len({m.external_id for m in messages}) == len(messages)
    waiting = sum(1 for t in all_threads if t[-1].direction is Direction.INBOUND)
    assert waiting >= 110
    assert 20 <= statistics.median(response_minutes(messages, Network.X)) <= 40
    assert any("<script>alert(1)</script>" in m.text for m in messages)


# -- through the real pipeline ------------------------------------------------------


def test_ingests_into_the_expected_conversations(
    demo: list[IncomingMessage], tmp_path: object
) -> None:
    from sqlalchemy import func, select

    from socialdesk.ingest import Ingestor
    from socialdesk.models import Conversation
    from socialdesk.store import Store
    from socialdesk.triage import TriageScorer

    store = Store.open(f"sqlite:///{tmp_path}/demo.db")
    scorer = TriageScorer(workers=0)
    try:
        result = Ingestor(store, scorer, batch_size=500, clock=lambda: NOW).ingest_stream(demo)
        assert result.inserted == len(demo)
        assert result.conversations_created == len(threads(demo))
        with store.connect() as conn:
            awaiting = conn.execute(
                select(func.count()).where(Conversation.awaiting_since.is_not(None))
            ).scalar_one()
        expected = sum(1 for t in threads(demo).values() if t[-1].direction is Direction.INBOUND)
        assert awaiting == expected
    finally:
        scorer.close()
        store.close()
