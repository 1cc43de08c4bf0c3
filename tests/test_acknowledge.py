"""Out-of-hours acknowledgements: once per conversation, only while the team is away,
never to spam, within the hourly limit, off until turned on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from socialdesk.acknowledge import AcknowledgeError, Acknowledger, AckSettings
from socialdesk.desk import Desk
from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network
from socialdesk.hours import BusinessHours
from socialdesk.ingest import Ingestor
from socialdesk.models import Account, Message, OutboxItem
from socialdesk.outbox import Outbox
from socialdesk.policies import PolicyBook
from socialdesk.store import Store, StoreError
from socialdesk.voice import VoiceBook

SATURDAY = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)  # the team works Monday to Friday
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def _message(number: int, at: datetime, text: str = "where is my parcel?") -> IncomingMessage:
    return IncomingMessage(
        network=Network.X,
        external_id=f"w{number}",
        kind=MessageKind.MENTION,
        direction=Direction.INBOUND,
        author=Author(f"u{number}", f"@dana{number}", "Dana Kowalski"),
        account="@NimbusCare",
        created_at=at,
        text=text,
    )


@pytest.fixture
def team(store: Store) -> Store:
    PolicyBook(store).set_hours(BusinessHours.weekly("UTC", {"mon-fri": ["09:00-17:00"]}))
    return store


def _account(store: Store) -> int:
    with store.session() as session:
        account_id = session.scalar(select(Account.id))
    assert account_id is not None
    return int(account_id)


def _acknowledger(store: Store, now: datetime, *, per_hour: int = 30) -> Acknowledger:
    acknowledger = Acknowledger(store, clock=lambda: now)
    acknowledger.set(_account(store), AckSettings(enabled=True, per_hour=per_hour))
    return acknowledger


def _acks(store: Store) -> list[tuple[int, str]]:
    with store.session() as session:
        return [
            (item.conversation_id, item.text)
            for item in session.scalars(
                select(OutboxItem).where(OutboxItem.origin == "out_of_hours")
            )
        ]


def test_a_weekend_message_gets_one_acknowledgement_in_the_brand_voice(
    team: Store, ingestor: Ingestor
) -> None:
    ingestor.ingest([_message(1, SATURDAY - timedelta(minutes=5))])
    voice = VoiceBook(team).get(None)
    VoiceBook(team).set(
        None,
        type(voice).from_json(
            '{"brand": "Nimbus Home", "out_of_hours": "Hi {first_name}, {brand} is away '
            'for the weekend: we will reply on Monday."}',
            base=voice,
        ),
    )
    acknowledger = _acknowledger(team, SATURDAY)

    assert acknowledger.sweep() == 1
    [(conversation, text)] = _acks(team)
    assert text == "Hi Dana, Nimbus Home is away for the weekend: we will reply on Monday."
    assert acknowledger.sweep() == 0  # once per conversation
    with pytest.raises(StoreError) as refused:  # the database holds to it, for a whole team
        Outbox(team).enqueue(conversation, "again", actor=None, origin="out_of_hours")
    assert isinstance(refused.value.__cause__, IntegrityError)


def test_nothing_is_sent_while_the_team_is_in_or_when_it_is_off(
    team: Store, ingestor: Ingestor
) -> None:
    ingestor.ingest([_message(1, MONDAY - timedelta(minutes=5))])
    assert _acknowledger(team, MONDAY).sweep() == 0
    off = Acknowledger(team, clock=lambda: SATURDAY)
    off.set(_account(team), AckSettings(enabled=False))
    ingestor.ingest([_message(2, SATURDAY - timedelta(minutes=1))])
    assert off.sweep() == 0
    assert _acks(team) == []


def test_spam_stale_messages_and_answered_conversations_are_left_alone(
    team: Store, ingestor: Ingestor
) -> None:
    ingestor.ingest(
        [
            _message(1, SATURDAY - timedelta(minutes=5)),
            _message(2, SATURDAY - timedelta(minutes=4)),
            _message(3, SATURDAY - timedelta(hours=5)),  # before the feature looked
            _message(4, SATURDAY - timedelta(minutes=3)),
        ]
    )
    with team.session() as session:
        conv = {m.external_id: m.conversation_id for m in session.scalars(select(Message)).all()}
    Desk(team).set_status(conv["w1"], "spam", actor="ann")
    with team.session() as session:
        session.execute(
            Message.__table__.update().where(Message.external_id == "w2").values(intent="spam")
        )
    Outbox(team).enqueue(conv["w4"], "An agent's reply", actor="ann")
    agent_reply = IncomingMessage(
        network=Network.X,
        external_id="r4",
        kind=MessageKind.REPLY,
        direction=Direction.OUTBOUND,
        author=Author("b", "@NimbusCare"),
        account="@NimbusCare",
        created_at=SATURDAY - timedelta(minutes=2),
        text="on it",
        in_reply_to="w4",
    )
    ingestor.ingest([agent_reply])

    assert _acknowledger(team, SATURDAY).sweep() == 0
    assert _acks(team) == []


def test_the_hourly_limit_holds(team: Store, ingestor: Ingestor) -> None:
    ingestor.ingest([_message(n, SATURDAY - timedelta(minutes=10 - n)) for n in range(5)])
    acknowledger = _acknowledger(team, SATURDAY, per_hour=2)
    assert acknowledger.sweep() == 2
    assert acknowledger.sweep() == 0
    later = _acknowledger(team, SATURDAY + timedelta(minutes=61), per_hour=2)
    assert later.sweep() == 2
    assert len(_acks(team)) == 4


def test_settings_are_checked_and_unreadable_ones_mean_off() -> None:
    with pytest.raises(AcknowledgeError, match="hourly limit"):
        AckSettings(enabled=True, per_hour=0)
    assert AckSettings.from_json('{"enabled": true, "per_hour": "many"}') == AckSettings()
    assert AckSettings.from_json("not json") == AckSettings()
    assert AckSettings.from_json(AckSettings(True, 5).to_json()) == AckSettings(True, 5)
