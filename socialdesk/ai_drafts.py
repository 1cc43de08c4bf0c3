"""AI drafts beside the library's: the conversation as a ``DraftRequest``, the provider's
answers cleaned, then ranked and checked with the rest by ``Drafter.suggest``.

The provider is optional and off by default; when it is off, unreachable or refuses,
the library's suggestions come anyway and ``note`` says why the AI's did not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from socialdesk.ai import AiError, AiSettingsBook, DraftRequest, clean_draft, draft_provider
from socialdesk.desk import Desk
from socialdesk.domain import Direction
from socialdesk.models import Conversation, Message
from socialdesk.secrets import KeyringUnavailable, SecretStore
from socialdesk.sources import SourceError
from socialdesk.store import Store
from socialdesk.suggest import Drafter, Suggestion
from socialdesk.voice import VoiceBook

log = logging.getLogger("socialdesk.ai_drafts")

AI_TEMPLATE = "AI draft"


@dataclass(frozen=True, slots=True)
class Drafts:
    suggestions: list[Suggestion]
    note: str = ""  # why there is no AI draft, when one was wanted


def ai_wanted(store: Store) -> bool:
    """Whether AI drafts are on: worth asking the provider (settings that cannot be read
    count as on, so that the asking says what is wrong)."""
    try:
        return AiSettingsBook(store).get().enabled
    except AiError:
        return True


def ai_texts(
    store: Store, secrets: SecretStore, conversation_id: int, *, agent: str | None
) -> tuple[list[str], str]:
    """The provider's drafts for a conversation (none while it is off), and a note when
    it failed."""
    try:
        settings = AiSettingsBook(store).get()
    except AiError as exc:  # stored by a newer version, or by hand
        return [], f"AI drafts are unavailable: {exc}"
    if not settings.enabled:
        return [], ""
    try:
        provider = draft_provider(settings, secrets)
    except (SourceError, KeyringUnavailable, ValueError) as exc:
        return [], f"AI drafts are unavailable: {exc}"
    if provider is None:
        return [], ""
    view = Desk(store).conversation(conversation_id)
    with store.session() as session:
        account_id = session.scalar(
            select(Conversation.account_id).where(Conversation.id == conversation_id)
        )
        latest = session.execute(
            select(Message.intent, Message.topic)
            .where(
                Message.conversation_id == conversation_id,
                Message.direction == Direction.INBOUND.value,
            )
            .order_by(Message.created_at.desc(), Message.id.desc())
            .limit(1)
        ).first()
    voice = VoiceBook(store).get(account_id)
    limit = voice.limit(view.network, view.public)
    thread = tuple(
        ("brand" if m.direction == Direction.OUTBOUND.value else "customer", m.text)
        for m in view.messages
    )
    if not any(role == "customer" for role, _ in thread):
        return [], ""
    request = DraftRequest(
        brand=voice.brand or view.account,
        persona=voice.persona,
        formality=voice.formality,
        network=view.network,
        public=view.public,
        thread=thread,
        intent=(latest[0] if latest else "") or "",
        topic=(latest[1] if latest else "") or "",
        agent_name=agent or "",
        limit=limit,
        avoid=tuple(voice.avoid),
    )
    try:
        raw = provider.drafts(request)
    except SourceError as exc:
        log.warning("AI drafts for conversation %s failed: %s", conversation_id, exc)
        return [], f"no AI draft: {exc}"
    texts = [clean for text in raw if (clean := clean_draft(text, limit))]
    return texts, ""


def suggestions(
    store: Store,
    secrets: SecretStore | None,
    conversation_id: int,
    *,
    agent: str | None,
    limit: int = 3,
) -> Drafts:
    """The library's suggestions, with the AI's when it is on (``secrets`` None: not
    asked)."""
    texts: list[str] = []
    note = ""
    if secrets is not None:
        texts, note = ai_texts(store, secrets, conversation_id, agent=agent)
    extra = [(text, AI_TEMPLATE) for text in texts]
    found = Drafter(store).suggest(conversation_id, agent=agent, limit=limit, extra=extra)
    return Drafts(found, note)
