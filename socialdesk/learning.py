"""Learning from agents: each workspace's own complaint model.

When an agent marks a message as a complaint or not, or ``socialdesk learn``
seeds past decisions, the label is kept in the workspace and the model is
retrained from all of them. The model is a logistic regression over hashed
word and word-pair features plus the cue groups that fired, trained with the
rules' own log-odds as its starting point: it learns what the rules get wrong
in this team's inbox. Models are versioned rows in the workspace database; a
reset deletes them. Nothing leaves the machine.
"""

from __future__ import annotations

import json
import math
import random
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from socialdesk import queue
from socialdesk.domain import (
    ACTIVE_STATUSES,
    Author,
    Direction,
    IncomingMessage,
    MessageKind,
    Network,
    utcnow,
)
from socialdesk.models import Contact, Conversation, Label, LearnedModelRow, Message
from socialdesk.scoring import vader_compound
from socialdesk.store import Store, StoreError
from socialdesk.triage import (
    MAX_ANALYSED_CHARS,
    REPEAT_REASON,
    CueBook,
    Triage,
    TriageAnalyser,
    TriageScorer,
    normalise_text,
    prioritise,
)

FEATURE_VERSION = 1
DIMENSIONS = 1 << 20
MODEL_KIND = "complaint"
KEEP_VERSIONS = 5
# A model needs examples of both kinds before it may overrule the rules: a single label
# would otherwise tilt the whole queue.
MIN_LABELS_PER_CLASS = 5
MAX_CORRECTION = 4.0  # log-odds; the model nudges or overrules, it does not run away
ANCHOR_L2 = 0.05  # keeps the bias and the rule scale near the rules' own judgement
AGENT_REASON = "marked by an agent"
DEFAULT_THRESHOLD = 0.5
MIN_THRESHOLD = 0.35  # a learned model may lower the bar, never below this
THRESHOLD_FOLDS = 5
MIN_LABELS_FOR_THRESHOLD = 20  # of each kind, before the bar moves at all
MAX_THRESHOLD_LABELS = 3000  # the most recent labels are enough to estimate it

_FEATURE_TOKEN = re.compile(r"https?://\S+|@\w+|\w+|[^\w\s]")


def _token(raw: str) -> str:
    if raw.startswith(("http://", "https://")):
        return "<url>"
    if raw.startswith("@"):
        return "<user>"
    if raw.isdigit():
        return "<num>"
    return raw


def feature_ids(text: str, groups: Iterable[str]) -> list[int]:
    """Hashed unigrams, bigrams and cue groups. crc32, not hash(): ids must not change
    between runs or machines."""
    words = [_token(w) for w in _FEATURE_TOKEN.findall(normalise_text(text)[:5000])]
    names = [f"w:{w}" for w in words]
    names += [f"b:{a} {b}" for a, b in pairwise(words)]
    names += [f"g:{g}" for g in groups]
    return sorted({zlib.crc32(name.encode()) & (DIMENSIONS - 1) for name in names})


@dataclass
class LearnedModel:
    """A correction to the rules' log-odds: rescales them, weighs VADER's sentiment
    again, then adds word evidence. ``threshold`` is where a complaint score becomes a
    complaint (see ``_threshold``)."""

    version: int
    labels: int
    bias: float
    weights: dict[int, float]
    rule_scale: float = 0.0  # added to 1: how much more (or less) to trust the rules
    feature_version: int = FEATURE_VERSION
    sentiment_weight: float = 0.0  # on VADER's compound score, beyond what the rules give it
    threshold: float = DEFAULT_THRESHOLD

    def logit(
        self, text: str, groups: Iterable[str], rule_logit: float = 0.0, sentiment: float = 0.0
    ) -> float:
        return self.correction(feature_ids(text, groups), rule_logit, sentiment)

    def correction(self, ids: Iterable[int], rule_logit: float, sentiment: float) -> float:
        weights = self.weights
        evidence = sum(weights.get(i, 0.0) for i in ids)
        correction = (
            self.rule_scale * rule_logit + self.sentiment_weight * sentiment + self.bias + evidence
        )
        return max(-MAX_CORRECTION, min(MAX_CORRECTION, correction))

    def to_json(self) -> str:
        return json.dumps(
            {
                "feature_version": self.feature_version,
                "bias": self.bias,
                "rule_scale": self.rule_scale,
                "sentiment_weight": self.sentiment_weight,
                "threshold": self.threshold,
                "weights": {str(k): round(v, 6) for k, v in self.weights.items() if v},
            }
        )

    @classmethod
    def from_json(cls, text: str, *, version: int, labels: int) -> LearnedModel:
        data = json.loads(text)
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"the stored model uses features v{data.get('feature_version')}, this "
                f"SocialDesk uses v{FEATURE_VERSION}; run `socialdesk learn --reset`"
            )
        return cls(
            version=version,
            labels=labels,
            bias=float(data["bias"]),
            weights={int(k): float(v) for k, v in data["weights"].items()},
            rule_scale=float(data.get("rule_scale", 0.0)),
            # Models saved before these existed used neither.
            sentiment_weight=float(data.get("sentiment_weight", 0.0)),
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
        )


_Row = tuple[list[int], float, float, float]  # feature ids, rule log-odds, sentiment, target


def train(
    examples: Sequence[tuple[str, bool]],
    analyser: TriageAnalyser,
    *,
    epochs: int = 10,
    rate: float = 0.1,
    l2: float = 1e-4,
    seed: int = 13,
) -> LearnedModel:
    """Logistic regression on top of the rules' log-odds, then its decision threshold.

    Deterministic for the same examples: the shuffles have their own seed."""
    rows: list[_Row] = []
    rules = TriageAnalyser(analyser.cues)  # the offset is the rules alone
    for text, complaint in examples:
        sentiment = vader_compound(text[:MAX_ANALYSED_CHARS])
        offset, details = rules.rule_logit(text, sentiment)
        ids = feature_ids(text, details["groups"])
        rows.append((ids, offset, sentiment, 1.0 if complaint else 0.0))
    model = _fit(rows, epochs=epochs, rate=rate, l2=l2, seed=seed)
    model.threshold = _threshold(rows, epochs=epochs, rate=rate, l2=l2, seed=seed)
    return model


def _fit(rows: Sequence[_Row], *, epochs: int, rate: float, l2: float, seed: int) -> LearnedModel:
    """AdaGrad, with the weights averaged over the second half of the epochs (steadier
    on a few hundred labels)."""
    weights: dict[int, float] = {}
    squares: dict[int, float] = {}
    bias = bias_square = scale = scale_square = tone = tone_square = 0.0
    totals: dict[int, float] = {}
    bias_total = scale_total = tone_total = 0.0
    averaged = 0
    order = list(range(len(rows)))
    shuffler = random.Random(seed)
    for epoch in range(epochs):
        shuffler.shuffle(order)
        for index in order:
            ids, offset, sentiment, target = rows[index]
            z = (
                (1.0 + scale) * offset
                + tone * sentiment
                + bias
                + sum(weights.get(i, 0.0) for i in ids)
            )
            z = max(-30.0, min(30.0, z))
            error = 1.0 / (1.0 + math.exp(-z)) - target
            grad = error + ANCHOR_L2 * bias
            bias_square += grad * grad
            bias -= rate * grad / math.sqrt(bias_square + 1e-8)
            grad = error * offset + ANCHOR_L2 * scale
            scale_square += grad * grad
            scale -= rate * grad / math.sqrt(scale_square + 1e-8)
            grad = error * sentiment + ANCHOR_L2 * tone
            tone_square += grad * grad
            tone -= rate * grad / math.sqrt(tone_square + 1e-8)
            for i in ids:
                w = weights.get(i, 0.0)
                grad = error + l2 * w
                squares[i] = squares.get(i, 0.0) + grad * grad
                weights[i] = w - rate * grad / math.sqrt(squares[i] + 1e-8)
        if epoch >= epochs // 2:
            averaged += 1
            bias_total += bias
            scale_total += scale
            tone_total += tone
            for i, w in weights.items():
                totals[i] = totals.get(i, 0.0) + w
    return LearnedModel(
        version=0,
        labels=len(rows),
        bias=bias_total / averaged,
        weights={i: w / averaged for i, w in totals.items()},
        rule_scale=scale_total / averaged,
        sentiment_weight=tone_total / averaged,
    )


def _threshold(rows: Sequence[_Row], *, epochs: int, rate: float, l2: float, seed: int) -> float:
    """The complaint score above which a message counts as a complaint.

    For a well-calibrated score the threshold that maximises F1 is half the best F1
    reachable (Lipton, Elkan and Naryanaswamy, "Thresholding classifiers to maximize F1
    score", 2014). The model's F1 is estimated on its own labels by cross-validation:
    each fold is scored by a model that never saw it. With few labels, or when the
    model is no better than calling everything a complaint, the plain 0.5 stays."""
    recent = list(rows[-MAX_THRESHOLD_LABELS:])
    complaints = sum(1 for row in recent if row[3])
    if min(complaints, len(recent) - complaints) < MIN_LABELS_FOR_THRESHOLD:
        return DEFAULT_THRESHOLD
    true_positive = false_positive = false_negative = 0
    for fold in range(THRESHOLD_FOLDS):
        trained = _fit(
            [row for n, row in enumerate(recent) if n % THRESHOLD_FOLDS != fold],
            epochs=epochs,
            rate=rate,
            l2=l2,
            seed=seed + fold,
        )
        for ids, offset, sentiment, target in recent[fold::THRESHOLD_FOLDS]:
            predicted = offset + trained.correction(ids, offset, sentiment) >= 0.0
            true_positive += predicted and bool(target)
            false_positive += predicted and not target
            false_negative += bool(target) and not predicted
    f1 = 2 * true_positive / (2 * true_positive + false_positive + false_negative or 1)
    return threshold_for(f1, complaints / len(recent))


def threshold_for(f1: float, complaint_share: float) -> float:
    """Half the estimated F1, kept between MIN_THRESHOLD and even odds. A model that does
    no better than calling everything a complaint (F1 = 2p / (1 + p) for a share p of
    complaints) has not earned a lower bar: it keeps 0.5."""
    trivial = 2 * complaint_share / (1 + complaint_share)
    if f1 <= trivial:
        return DEFAULT_THRESHOLD
    return round(max(MIN_THRESHOLD, min(DEFAULT_THRESHOLD, f1 / 2)), 3)


@dataclass(frozen=True, slots=True)
class ModelStatus:
    version: int | None
    labels: int
    complaints: int
    trained_at: datetime | None


class ModelBook:
    """The workspace's labels and model versions, in its database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def active(self) -> LearnedModel | None:
        with self.store.session() as session:
            row = session.scalars(
                select(LearnedModelRow)
                .where(LearnedModelRow.kind == MODEL_KIND)
                .order_by(LearnedModelRow.version.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            return LearnedModel.from_json(row.state, version=row.version, labels=row.labels)

    def add_labels(
        self, examples: Iterable[tuple[str, bool]], *, source: str, actor: str | None = None
    ) -> int:
        """Stores the examples not stored already (the same text with the same verdict),
        so learning from one file twice changes nothing. Returns how many were new."""
        now = utcnow()
        with self.store.session() as session:
            known = {
                (text, bool(complaint))
                for text, complaint in session.execute(select(Label.text, Label.complaint))
            }
        rows = []
        for text, complaint in examples:
            if (text, complaint) in known:
                continue
            known.add((text, complaint))
            rows.append(
                Label(text=text, complaint=complaint, source=source, actor=actor, created_at=now)
            )
        with self.store.session() as session:
            session.add_all(rows)
        return len(rows)

    def label_message(self, message_id: int, complaint: bool, *, actor: str | None) -> str:
        """An agent's decision on one stored message; a second decision replaces the first.
        Returns the message text."""
        with self.store.session() as session:
            message = session.get(Message, message_id)
            if message is None:
                raise LookupError(f"there is no message with id {message_id}")
            if message.direction != Direction.INBOUND:
                raise LookupError(
                    f"message {message_id} is the brand's own reply; label customer messages"
                )
            session.execute(delete(Label).where(Label.message_id == message_id))
            session.add(
                Label(
                    message_id=message_id,
                    text=message.text,
                    complaint=complaint,
                    source="agent",
                    actor=actor,
                    created_at=utcnow(),
                )
            )
            message.complaint = complaint
            return message.text

    def examples(self) -> list[tuple[str, bool]]:
        with self.store.session() as session:
            rows = session.execute(select(Label.text, Label.complaint).order_by(Label.id))
            return [(text, bool(complaint)) for text, complaint in rows]

    def retrain(self, analyser: TriageAnalyser) -> LearnedModel | None:
        """A new model version from every label; None until there are at least
        MIN_LABELS_PER_CLASS complaints and as many non-complaints."""
        examples = self.examples()
        complaints = sum(1 for _, complaint in examples if complaint)
        if min(complaints, len(examples) - complaints) < MIN_LABELS_PER_CLASS:
            return None
        model = train(examples, analyser)
        for attempt in range(5):
            try:
                self._save(model, len(examples))
                break
            except StoreError as exc:
                # Another agent saved a version at the same moment: take the next number.
                if not isinstance(exc.__cause__, IntegrityError) or attempt == 4:
                    raise
        return model

    def _save(self, model: LearnedModel, labels: int) -> None:
        with self.store.session() as session:
            latest = session.scalar(
                select(func.max(LearnedModelRow.version)).where(LearnedModelRow.kind == MODEL_KIND)
            )
            model.version = (latest or 0) + 1
            session.add(
                LearnedModelRow(
                    kind=MODEL_KIND,
                    version=model.version,
                    feature_version=FEATURE_VERSION,
                    labels=labels,
                    state=model.to_json(),
                    created_at=utcnow(),
                )
            )
            stale = session.scalars(
                select(LearnedModelRow.id)
                .where(LearnedModelRow.kind == MODEL_KIND)
                .order_by(LearnedModelRow.version.desc())
                .offset(KEEP_VERSIONS)
            ).all()
            if stale:
                session.execute(delete(LearnedModelRow).where(LearnedModelRow.id.in_(stale)))

    def reset(self) -> tuple[int, int]:
        """Forget the model and every label. Returns (models, labels) deleted."""
        with self.store.session() as session:
            models = session.execute(
                delete(LearnedModelRow).where(LearnedModelRow.kind == MODEL_KIND)
            )
            labels = session.execute(delete(Label))
            return int(getattr(models, "rowcount", 0)), int(getattr(labels, "rowcount", 0))

    def status(self) -> ModelStatus:
        with self.store.session() as session:
            row = session.execute(
                select(LearnedModelRow.version, LearnedModelRow.created_at)
                .where(LearnedModelRow.kind == MODEL_KIND)
                .order_by(LearnedModelRow.version.desc())
                .limit(1)
            ).first()
            labels = session.scalar(select(func.count()).select_from(Label)) or 0
            complaints = (
                session.scalar(select(func.count()).select_from(Label).where(Label.complaint)) or 0
            )
        return ModelStatus(
            version=row[0] if row else None,
            labels=labels,
            complaints=complaints,
            trained_at=row[1] if row else None,
        )


def parse_label_line(line: str, number: int) -> tuple[str, bool]:
    """One line of a `learn` file: {"text": ..., "complaint": true|false}."""
    try:
        value: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {number}: not valid JSON ({exc.msg})") from None
    if not isinstance(value, dict):
        raise ValueError(f"line {number}: each line must be a JSON object")
    text, complaint = value.get("text"), value.get("complaint")
    for field in ("text", "complaint"):
        if field not in value:
            raise ValueError(f'line {number}: the "{field}" field is missing')
    if not isinstance(text, str):
        raise ValueError(f"line {number}: text must be a string")
    if not isinstance(complaint, bool):
        raise ValueError(f"line {number}: complaint must be true or false")
    if "\x00" in text:
        raise ValueError(f"line {number}: text contains a NUL character, which cannot be stored")
    return text, complaint


def with_agent_label(triage: Triage, complaint: bool) -> Triage:
    """An agent's decision on a message stands, whatever the rules or the model say."""
    reasons = [r for r in triage.reasons if not r.startswith("complaint (")]
    intent = triage.intent
    if complaint:
        intent = "complaint"
    elif intent == "complaint":
        intent = "other"
    return triage._replace(
        complaint=complaint,
        complaint_score=1.0 if complaint else 0.0,
        intent=intent,
        topic=triage.topic if complaint else "",
        reasons=(AGENT_REASON, *reasons),
    )


def workspace_scorer(store: Store, data_dir: Path | None, expected_items: int = 0) -> TriageScorer:
    """The scorer for a workspace: our cues, its own cues file, its learned model."""
    cues = CueBook.for_workspace(data_dir)
    model = ModelBook(store).active()
    return TriageScorer(cues, model, workers=TriageScorer.workers_for(expected_items))


def rescore_open(store: Store, analyser: TriageAnalyser, also: Sequence[int] = ()) -> int:
    """After the model or the cues change, the queue's messages are scored again (the
    latest inbound message of every active conversation), and any messages named in
    ``also`` wherever they sit. An agent's label on a message stands. A conversation's
    priority follows its latest inbound message. Returns how many were scored."""
    active = [s.value for s in ACTIVE_STATUSES]
    stmt = (
        select(
            Message.id,
            Conversation.id,
            Conversation.last_inbound_message_id,
            Message.network,
            Message.kind,
            Message.public,
            Message.text,
            Message.reasons,
            Contact.followers,
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .outerjoin(Contact, Contact.id == Message.contact_id)
        .where(Message.direction == Direction.INBOUND.value)
    )
    in_queue = and_(
        Conversation.last_inbound_message_id == Message.id, Conversation.status.in_(active)
    )
    stmt = stmt.where(or_(in_queue, Message.id.in_(list(also))) if also else in_queue)
    with store.session() as session:
        rows = session.execute(stmt).all()
        triages = analyser.analyse([row[6] for row in rows])
        decided: dict[int, bool] = {}
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for message_id, complaint in session.execute(
                select(Label.message_id, Label.complaint).where(Label.message_id.in_(chunk))
            ):
                if message_id is not None:
                    decided[message_id] = bool(complaint)
        for row, triage in zip(rows, triages, strict=True):
            message_id, conversation_id, latest, network, kind, public, text, reasons, followers = (
                row
            )
            item = IncomingMessage(
                network=Network(network),
                external_id=str(message_id),
                kind=MessageKind(kind),
                direction=Direction.INBOUND,
                author=Author(id="", handle="", followers=followers),
                account="",
                created_at=utcnow(),
                text=text,
                public=bool(public),
            )
            if message_id in decided:
                triage = with_agent_label(triage, decided[message_id])
            score = prioritise(item, triage, repeat=REPEAT_REASON in json.loads(reasons))
            session.execute(
                update(Message)
                .where(Message.id == message_id)
                .values(
                    sentiment=score.sentiment,
                    complaint=score.complaint,
                    complaint_score=score.complaint_score,
                    priority=score.priority,
                    reasons=json.dumps(list(score.reasons)),
                    intent=score.intent or None,
                    topic=score.topic or None,
                )
            )
            if latest == message_id:
                session.execute(
                    update(Conversation)
                    .where(Conversation.id == conversation_id)
                    .values(priority=score.priority)
                )
        # The queue's order and views follow the new scores.
        queue.refresh(session.connection(), {row[1] for row in rows}, utcnow())
    return len(rows)


@dataclass(frozen=True, slots=True)
class Lesson:
    """What marking one message taught the workspace."""

    message_id: int
    complaint: bool
    version: int | None
    labels: int
    rescored: int

    def describe_model(self) -> str:
        if self.version is None:
            return (
                f"no model yet (it learns once it has {MIN_LABELS_PER_CLASS} complaints and "
                f"{MIN_LABELS_PER_CLASS} non-complaints)"
            )
        return f"model v{self.version} learned from {self.labels} labels"


def teach(
    store: Store, data_dir: Path | None, message_id: int, complaint: bool, *, actor: str | None
) -> Lesson:
    """An agent marks a message: keep the label, retrain, rescore the open queue.
    The same path for the app's 'm' and `socialdesk label`."""
    book = ModelBook(store)
    book.label_message(message_id, complaint, actor=actor)
    cues = CueBook.for_workspace(data_dir)
    model = book.retrain(TriageAnalyser(cues))
    analyser = TriageAnalyser(cues, model)
    # The marked message too, wherever it sits in its thread.
    rescored = rescore_open(store, analyser, also=[message_id])
    return Lesson(
        message_id=message_id,
        complaint=complaint,
        version=model.version if model else None,
        labels=model.labels if model else len(book.examples()),
        rescored=rescored,
    )
