"""Where a workspace keeps its service levels: the team's business hours and each
account's own response-time policies (migration 0007). ``PolicyBook.levels()`` reads
them into one ``ServiceLevels`` that everything measuring time asks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from socialdesk.domain import utcnow
from socialdesk.hours import BusinessHours, ScheduleError
from socialdesk.models import Account, SlaPolicy, WorkspaceSetting
from socialdesk.sla import KINDS, PolicyError, ServiceLevels, Targets, default_targets
from socialdesk.store import Store

HOURS_KEY = "business_hours"


class PolicyBook:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- business hours ----------------------------------------------------------------

    def hours(self) -> BusinessHours:
        """The team's business hours; round the clock until someone sets them."""
        with self.store.connect() as conn:
            text = conn.execute(
                select(WorkspaceSetting.value).where(WorkspaceSetting.key == HOURS_KEY)
            ).scalar()
        if text is None:
            return BusinessHours.round_the_clock()
        try:
            return BusinessHours.from_json(text)
        except ScheduleError:
            # A stored value this version cannot read: say so rather than guess.
            raise ScheduleError(
                "the stored business hours cannot be read; set them again "
                "(Settings > Service levels, or `socialdesk hours set`)"
            ) from None

    def set_hours(self, hours: BusinessHours) -> None:
        with self.store.session() as session:
            row = session.get(WorkspaceSetting, HOURS_KEY)
            if row is None:
                session.add(
                    WorkspaceSetting(key=HOURS_KEY, value=hours.to_json(), updated_at=utcnow())
                )
            else:
                row.value, row.updated_at = hours.to_json(), utcnow()

    # -- policies ----------------------------------------------------------------------

    def accounts(self) -> list[tuple[int, str, str]]:
        """Every account a policy can be set for (connected or only seen in imported
        data): id, network, name as shown."""
        return [(account_id, network, name) for account_id, network, name, _ in self.handles()]

    def handles(self) -> list[tuple[int, str, str, str]]:
        """``accounts`` with each one's handle too."""
        with self.store.connect() as conn:
            rows = conn.execute(
                select(Account.id, Account.network, Account.display_name, Account.handle).order_by(
                    Account.network, Account.handle
                )
            ).all()
        return [(int(r[0]), str(r[1]), str(r[2] or r[3]), str(r[3])) for r in rows]

    def policy(self, account_id: int, kind: str) -> tuple[Targets, bool]:
        """An account's policy for a kind, and whether it is the account's own (False:
        the shipped default)."""
        _check_kind(kind)
        with self.store.connect() as conn:
            network = conn.execute(select(Account.network).where(Account.id == account_id)).scalar()
            if network is None:
                raise PolicyError(f"there is no account {account_id}")
            row = conn.execute(
                select(SlaPolicy).where(SlaPolicy.account_id == account_id, SlaPolicy.kind == kind)
            ).one_or_none()
            own = None if row is None else _targets(row)
        if own is None:
            return default_targets(network, kind), False
        return own, True

    def set_policy(self, account_id: int, kind: str, targets: Targets) -> None:
        _check_kind(kind)
        now = utcnow()
        with self.store.session() as session:
            if session.get(Account, account_id) is None:
                raise PolicyError(f"there is no account {account_id}")
            row = session.scalar(
                select(SlaPolicy).where(SlaPolicy.account_id == account_id, SlaPolicy.kind == kind)
            )
            if row is None:
                row = SlaPolicy(account_id=account_id, kind=kind, updated_at=now)
                session.add(row)
            row.first_response_s = targets.first_response_s
            row.next_response_s = targets.next_response_s
            row.resolution_s = targets.resolution_s
            row.goal_pct = targets.goal_pct
            row.business_hours = targets.business_hours
            row.updated_at = now

    def reset_policy(self, account_id: int, kind: str | None = None) -> int:
        """Back to the shipped default for one kind, or every kind. Returns how many
        of the account's own policies went."""
        if kind is not None:
            _check_kind(kind)
        with self.store.session() as session:
            stmt = delete(SlaPolicy).where(SlaPolicy.account_id == account_id)
            if kind is not None:
                stmt = stmt.where(SlaPolicy.kind == kind)
            result: Any = session.execute(stmt)
            return int(result.rowcount or 0)

    def levels(self) -> ServiceLevels:
        """Everything in force now, in one value (a few small reads)."""
        hours = self.hours()
        with self.store.connect() as conn:
            rows = conn.execute(select(SlaPolicy)).all()
        return ServiceLevels(
            hours=hours, overrides={(r.account_id, r.kind): _targets(r) for r in rows}
        )


def _targets(row: Any) -> Targets:
    return Targets(
        int(row.first_response_s),
        int(row.next_response_s),
        int(row.resolution_s),
        float(row.goal_pct),
        bool(row.business_hours),
    )


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise PolicyError(f"{kind!r} is not a kind of conversation: one of {', '.join(KINDS)}")
