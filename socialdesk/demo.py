"""Deterministic demo data: a fortnight of a fictional brand's social inbox.

``generate_demo`` invents customers, threads and brand replies for "Nimbus Home",
a made-up consumer electronics and home internet company, on X and Reddit. All
text comes from our own templates and vocabularies in ``resources/demo/``
(installed as ``socialdesk_resources``); nothing is copied from a data set.

The result depends only on ``(seed, conversations, now)``: the one source of
randomness is ``random.Random(seed)``, and nothing is keyed on ``hash()``.
Times of day and week are weighted in UTC.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from socialdesk.domain import Author, Direction, IncomingMessage, MessageKind, Network

__all__ = ["DEMO_ACCOUNTS", "DEMO_BRAND", "generate_demo"]

DEMO_BRAND = "Nimbus Home"
DEMO_ACCOUNTS: dict[Network, str] = {
    Network.X: "@NimbusCare",
    Network.REDDIT: "u/NimbusHome_Support",
}
_BRAND_FOLLOWERS = {Network.X: 184_300, Network.REDDIT: 2_150}
_RESOURCES = "socialdesk_resources"
WINDOW = timedelta(days=14)
_RECENT = timedelta(hours=4)  # the backlog: most of what arrived this recently is still waiting

# Relative volume by UTC hour of day, and by weekday (Monday first).
_HOUR_WEIGHTS = (
    0.25, 0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.60, 0.90, 1.10, 1.20, 1.20,
    1.25, 1.25, 1.20, 1.15, 1.15, 1.20, 1.30, 1.35, 1.30, 1.10, 0.80, 0.50,
)  # fmt: skip
_DAY_WEIGHTS = (1.05, 1.0, 1.0, 1.0, 0.95, 0.65, 0.60)

_INTENTS = ("complaint", "question", "praise", "feature_request", "spam", "smalltalk", "other")
_INTENT_WEIGHTS = (0.45, 0.20, 0.12, 0.10, 0.05, 0.05, 0.03)
_TOPICS = ("delivery", "billing", "outage", "defect", "service")
_TOPIC_WEIGHTS = (0.22, 0.20, 0.25, 0.20, 0.13)
_DM_SHARE = {
    "complaint": 0.27,
    "question": 0.30,
    "praise": 0.05,
    "feature_request": 0.08,
    "spam": 0.15,
    "smalltalk": 0.02,
    "other": 0.10,
}
_FIRST_REPLY = {
    "complaint": 0.97,
    "question": 0.95,
    "praise": 0.85,
    "feature_request": 0.90,
    "spam": 0.0,
    "smalltalk": 0.60,
    "other": 0.75,
}
_FOLLOW_REPLY = {"details": 0.97, "unhappy": 0.94, "nudge": 0.94, "ack": 0.90, "thanks": 0.80}
# Log-normal response times: daytime median in minutes, and spread.
_REPLY_MEDIAN_MIN = {Network.X: 20.0, Network.REDDIT: 75.0}
_REPLY_SIGMA = 0.95
_CUSTOMER_MEDIAN_MIN = {Network.X: 9.0, Network.REDDIT: 35.0}
_TWITTER_EPOCH_MS = 1_288_834_974_657
_SLOT = re.compile(r"\{(\w+)\}")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


# -- resources ---------------------------------------------------------------------


@cache
def _load(name: str) -> dict[str, Any]:
    raw = files(_RESOURCES).joinpath(f"demo/{name}").read_text(encoding="utf-8")
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(f"demo/{name} must hold a JSON object")
    return data


def _node(root: dict[str, Any], path: str) -> Any:
    node: Any = root
    for key in path.split("."):
        node = node[key]
    return node


def _strings(root: dict[str, Any], path: str) -> list[str]:
    node = _node(root, path)
    if not isinstance(node, list) or not node or not all(isinstance(s, str) for s in node):
        raise ValueError(f"{path} must be a non-empty list of strings")
    return node


def _string(root: dict[str, Any], path: str) -> str:
    node = _node(root, path)
    if not isinstance(node, str):
        raise ValueError(f"{path} must be a string")
    return node


@dataclass(frozen=True, slots=True)
class _Corpus:
    vocab: dict[str, Any]
    templates: dict[str, Any]

    def words(self, path: str) -> list[str]:
        return _strings(self.vocab, path)

    def lines(self, path: str) -> list[str]:
        return _strings(self.templates, path)

    def line(self, path: str) -> str:
        return _string(self.templates, path)


def _corpus() -> _Corpus:
    return _Corpus(_load("vocabulary.json"), _load("templates.json"))


# -- people ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Customer:
    author: Author
    first_name: str


def _weighted(rng: random.Random, options: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(options, weights=weights, k=1)[0]


def _x_handle(rng: random.Random, corpus: _Corpus, first: str, last: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        adjective = rng.choice(corpus.words("handle_adjectives"))
        noun = rng.choice(corpus.words("handle_nouns"))
        return f"{adjective}_{noun}{rng.randint(1, 99)}"
    if style == 1:
        return f"{first}{last}"
    if style == 2:
        return f"{first.lower()}_{last.lower()}{rng.randint(1, 9999)}"
    if style == 3:
        return f"{first}{last[0]}_{rng.randint(70, 99)}"
    return f"{rng.choice(corpus.words('handle_nouns'))}{first.lower()}"


def _reddit_handle(rng: random.Random, corpus: _Corpus, first: str) -> str:
    adjective = rng.choice(corpus.words("handle_adjectives")).capitalize()
    noun = rng.choice(corpus.words("handle_nouns")).capitalize()
    style = rng.randrange(3)
    if style == 0:
        return f"{adjective}{noun}{rng.randint(100, 9999)}"
    if style == 1:
        return f"{adjective}-{noun}-{rng.randint(10, 99)}"
    return f"throwaway_{first.lower()}{rng.randint(1, 999)}"


def _followers(rng: random.Random, network: Network) -> int:
    if network is Network.X:
        return min(int(rng.lognormvariate(math.log(110), 1.25)), 60_000)
    return min(int(rng.lognormvariate(math.log(6), 1.5)), 5_000)


def _customers(
    rng: random.Random, corpus: _Corpus, network: Network, count: int
) -> list[_Customer]:
    prefix = "x" if network is Network.X else "r"
    firsts, lasts = corpus.words("first_names"), corpus.words("surnames")
    taken: set[str] = set()
    pool: list[_Customer] = []
    for number in range(count):
        first, last = rng.choice(firsts), rng.choice(lasts)
        if network is Network.X:
            handle = _x_handle(rng, corpus, first, last)
        else:
            handle = _reddit_handle(rng, corpus, first)
        while handle.lower() in taken:
            handle = f"{handle}{rng.randint(0, 9)}"
        taken.add(handle.lower())
        if network is Network.X:
            shown = f"@{handle}"
            name = f"{first} {last}" if rng.random() < 0.6 else f"{first} {last[0]}."
        else:
            shown, name = f"u/{handle}", handle
        author = Author(
            id=f"{prefix}-u-{number:05d}",
            handle=shown,
            name=name,
            followers=_followers(rng, network),
        )
        pool.append(_Customer(author, first))
    return pool


def _influencers(corpus: _Corpus, first_number: int) -> list[_Customer]:
    people = _node(corpus.vocab, "influencers")
    out = []
    for offset, person in enumerate(people):
        author = Author(
            id=f"x-u-{first_number + offset:05d}",
            handle=f"@{person['handle']}",
            name=str(person["name"]),
            followers=int(person["followers"]),
        )
        out.append(_Customer(author, str(person["name"]).split()[0]))
    return out


# -- text --------------------------------------------------------------------------


class _Slots:
    """Slot values for one conversation, drawn on first use and then kept."""

    def __init__(
        self, rng: random.Random, corpus: _Corpus, network: Network, customer: _Customer
    ) -> None:
        self.rng = rng
        self.corpus = corpus
        agent = rng.choice(corpus.words("agent_names"))
        self.values: dict[str, str] = {
            "brand": _string(corpus.vocab, "brand.name"),
            "short": _string(corpus.vocab, "brand.short"),
            "account": DEMO_ACCOUNTS[network],
            "first_name": customer.first_name,
            "agent_name": agent,
            "signature": f"^{agent[0]}{rng.choice('ABCDEFGHJKLMNPRSTW')}",
        }

    def get(self, name: str) -> str:
        if name not in self.values:
            self.values[name] = self._draw(name)
        return self.values[name]

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda match: self.get(match.group(1)), template)

    def _other(self, path: str, taken: str) -> str:
        options = [w for w in self.corpus.words(path) if w != self.get(taken)]
        return self.rng.choice(options)

    def _draw(self, name: str) -> str:
        rng, words = self.rng, self.corpus.words
        simple = {
            "product": "products",
            "plan": "plans",
            "city": "cities",
            "courier": "couriers",
            "feature": "features",
            "weekday": "weekdays",
            "month": "months",
        }
        if name in simple:
            return rng.choice(words(simple[name]))
        if name == "product2":
            return self._other("products", "product")
        if name == "plan2":
            return self._other("plans", "plan")
        if name == "order":
            return f"NH-{rng.randint(1_000_000, 9_999_999)}"
        if name == "ticket":
            return f"CS-{rng.randint(100_000, 999_999)}"
        if name == "amount":
            return f"${rng.randint(9, 189)}.{rng.choice(('00', '49', '99'))}"
        if name == "days":
            return str(rng.randint(2, 12))
        if name == "hours":
            return str(rng.randint(2, 30))
        if name == "eta_hours":
            return str(rng.choice((2, 4, 24, 48)))
        if name == "speed":
            return str(rng.randint(2, 45))
        if name == "years":
            return str(rng.randint(2, 11))
        if name == "ordinal":
            return rng.choice(("second", "third", "fourth"))
        raise KeyError(f"unknown template slot {{{name}}}")


def _rant(slots: _Slots, corpus: _Corpus) -> str:
    """One long post, 2,000-3,000 characters, from the rant parts in order."""
    closing = slots.fill(corpus.line("special.rant_closing"))
    text = slots.fill(corpus.line("special.rant_opening"))
    for part in corpus.lines("special.rant_parts"):
        sentence = slots.fill(part)
        if len(text) + len(sentence) + len(closing) + 4 > 2900:
            break
        text += ("\n\n" if slots.rng.random() < 0.3 else " ") + sentence
    return f"{text}\n\n{closing}"


# -- conversations -----------------------------------------------------------------


@dataclass(slots=True)
class _Spec:
    index: int
    network: Network
    intent: str
    topic: str
    dm: bool
    opening_kind: MessageKind
    customer: _Customer
    special: str | None = None


@dataclass(slots=True)
class _Thread:
    spec: _Spec
    slots: _Slots
    id_prefix: str
    dm: bool
    conversation: str | None
    subreddit: str
    post_id: str
    messages: list[IncomingMessage] = field(default_factory=list)

    @property
    def last_id(self) -> str | None:
        return self.messages[-1].external_id if self.messages else None


def _base36(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = _BASE36[rest] + digits
    return digits or "0"


class _Generator:
    def __init__(self, seed: int, conversations: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        # Ids carry the seed: two seeds in one workspace are two sets of threads.
        self.tag = f"demo{seed}"
        self.corpus = _corpus()
        self.count = conversations
        self.now = now
        self.start = now - WINDOW
        self.out: list[IncomingMessage] = []
        self.sequence = 0
        self.worker = self.rng.randrange(1024)
        pool = max(400, conversations * 2 // 3)
        x_count = pool * 3 // 5
        self.pools = {
            Network.X: _customers(self.rng, self.corpus, Network.X, x_count),
            Network.REDDIT: _customers(self.rng, self.corpus, Network.REDDIT, pool - x_count),
        }
        self.influencers = _influencers(self.corpus, x_count)
        self.pool_weights: dict[Network, list[float]] = {}
        for network, customers in self.pools.items():
            weights = [1.0 / (rank + 12) ** 0.7 for rank in range(len(customers))]
            self.rng.shuffle(weights)
            self.pool_weights[network] = weights
        self.brand = {
            network: Author(
                id=f"brand-{network.value}",
                handle=DEMO_ACCOUNTS[network],
                name=_string(self.corpus.vocab, "brand.support_name"),
                followers=_BRAND_FOLLOWERS[network],
            )
            for network in Network
        }

    # -- planning ------------------------------------------------------------------

    def start_times(self) -> list[datetime]:
        hours = int(WINDOW / timedelta(hours=1))
        buckets = [self.start + timedelta(hours=h) for h in range(hours)]
        weights = [_HOUR_WEIGHTS[b.hour] * _DAY_WEIGHTS[b.weekday()] for b in buckets]
        chosen = self.rng.choices(buckets, weights=weights, k=self.count)
        return sorted(b + timedelta(seconds=self.rng.randrange(3600)) for b in chosen)

    def plan(self) -> list[_Spec]:
        rng = self.rng
        specs = []
        for index in range(self.count):
            network = Network.X if rng.random() < 0.6 else Network.REDDIT
            intent = _weighted(rng, _INTENTS, _INTENT_WEIGHTS)
            topic = _weighted(rng, _TOPICS, _TOPIC_WEIGHTS) if intent == "complaint" else ""
            dm = rng.random() < _DM_SHARE[intent]
            customer = rng.choices(self.pools[network], weights=self.pool_weights[network])[0]
            specs.append(
                _Spec(index, network, intent, topic, dm, self._opening_kind(network, dm), customer)
            )
        self._place_influencers(specs)
        self._place_specials(specs)
        return specs

    def _opening_kind(self, network: Network, dm: bool) -> MessageKind:
        if dm:
            return MessageKind.DIRECT_MESSAGE
        roll = self.rng.random()
        if network is Network.X:
            return MessageKind.KEYWORD_HIT if roll < 0.18 else MessageKind.MENTION
        if roll < 0.50:
            return MessageKind.COMMENT
        return MessageKind.MENTION if roll < 0.72 else MessageKind.KEYWORD_HIT

    def _place_influencers(self, specs: list[_Spec]) -> None:
        public_x = [s for s in specs if s.network is Network.X and not s.dm and s.intent != "spam"]
        chosen = self.rng.sample(public_x, min(len(public_x), len(self.influencers)))
        for spec, person in zip(chosen, self.influencers, strict=False):
            spec.customer = person

    def _place_specials(self, specs: list[_Spec]) -> None:
        # (name, network, dm, kind, intent, topic)
        wanted: list[tuple[str, Network, bool, MessageKind, str, str]] = [
            ("html", Network.X, False, MessageKind.MENTION, "complaint", "service"),
            ("emoji.0", Network.X, False, MessageKind.MENTION, "complaint", "outage"),
            ("emoji.1", Network.X, True, MessageKind.DIRECT_MESSAGE, "praise", ""),
            ("emoji.2", Network.REDDIT, False, MessageKind.COMMENT, "praise", ""),
            ("rtl.0", Network.X, False, MessageKind.MENTION, "complaint", "outage"),
            ("rtl.1", Network.X, True, MessageKind.DIRECT_MESSAGE, "complaint", "delivery"),
            ("rant", Network.REDDIT, False, MessageKind.COMMENT, "complaint", "outage"),
        ]
        # Keep them out of the freshest hours so most get a reply.
        eligible = specs[: max(len(specs) * 9 // 10, 1)] if specs else []
        places = self.rng.sample(eligible, min(len(eligible), len(wanted)))
        for spec, (name, network, dm, kind, intent, topic) in zip(places, wanted, strict=False):
            if spec.network is not network:
                weights = self.pool_weights[network]
                spec.customer = self.rng.choices(self.pools[network], weights=weights)[0]
            spec.special, spec.network, spec.dm, spec.opening_kind = name, network, dm, kind
            spec.intent, spec.topic = intent, topic

    # -- messages ------------------------------------------------------------------

    def _url(self, thread: _Thread, author: Author, at: datetime, first: bool) -> str:
        if thread.dm:
            return ""
        if thread.spec.network is Network.X:
            ms = int(at.timestamp() * 1000) - _TWITTER_EPOCH_MS
            status = (ms << 22) | (self.worker << 12) | (self.sequence & 0xFFF)
            return f"https://x.com/{author.handle.lstrip('@')}/status/{status}"
        base = f"https://www.reddit.com/r/{thread.subreddit}/comments/{thread.post_id}/"
        if first:
            return base
        return f"{base}comment/{_base36(self.rng.randrange(36**6, 36**7))}/"

    def _emit(
        self, thread: _Thread, direction: Direction, kind: MessageKind, text: str, at: datetime
    ) -> IncomingMessage:
        spec = thread.spec
        author = (
            spec.customer.author if direction is Direction.INBOUND else self.brand[spec.network]
        )
        first = not thread.messages
        external_id = f"{thread.id_prefix}-{len(thread.messages)}"
        conversation = thread.conversation
        if spec.network is Network.X and not thread.dm:
            conversation = external_id if first else thread.messages[0].external_id
        self.sequence += 1
        message = IncomingMessage(
            network=spec.network,
            external_id=external_id,
            kind=kind,
            direction=direction,
            author=author,
            account=DEMO_ACCOUNTS[spec.network],
            created_at=at,
            text=text,
            url=self._url(thread, author, at, first),
            in_reply_to=thread.last_id,
            conversation=conversation,
            public=not thread.dm,
        )
        thread.messages.append(message)
        self.out.append(message)
        return message

    def _reply_kind(self, thread: _Thread) -> MessageKind:
        if thread.dm:
            return MessageKind.DIRECT_MESSAGE
        return MessageKind.REPLY if thread.spec.network is Network.X else MessageKind.COMMENT

    def _opening_text(self, spec: _Spec, slots: _Slots) -> str:
        corpus, rng = self.corpus, self.rng
        if spec.special == "rant":
            return _rant(slots, corpus)
        if spec.special is not None:
            return slots.fill(self._special_line(spec.special))
        if spec.intent == "complaint":
            text = slots.fill(rng.choice(corpus.lines(f"opening.complaint.{spec.topic}")))
        else:
            text = slots.fill(rng.choice(corpus.lines(f"opening.{spec.intent}")))
        if spec.opening_kind is MessageKind.KEYWORD_HIT:
            # Names the brand without tagging it: what a keyword search finds.
            frame = rng.choice(corpus.lines("keyword_frames")).replace("{text}", "\0")
            slots.values["brand"] = rng.choice(corpus.words("brand.keyword_variants"))
            text = slots.fill(frame).replace("\0", text)
            slots.values["brand"] = _string(corpus.vocab, "brand.name")
        elif spec.opening_kind is MessageKind.MENTION:
            handle = DEMO_ACCOUNTS[spec.network]
            text = f"{handle} {text}" if rng.random() < 0.75 else f"{text} {handle}"
        return text

    def _special_line(self, name: str) -> str:
        group, _, position = name.partition(".")
        if not position:
            return self.corpus.line(f"special.{group}")
        return self.corpus.lines(f"special.{group}")[int(position)]

    def _brand_text(self, thread: _Thread, key: str) -> str:
        text = thread.slots.fill(self.rng.choice(self.corpus.lines(f"brand.{key}")))
        if thread.spec.network is Network.X:
            if not thread.dm:
                text = f"{thread.spec.customer.author.handle} {text}"
            if "^" not in text and self.rng.random() < 0.35:
                text = f"{text} {thread.slots.get('signature')}"
        return text

    # -- timing --------------------------------------------------------------------

    def _response_delay(self, network: Network, since: datetime) -> timedelta:
        rng = self.rng
        minutes = _REPLY_MEDIAN_MIN[network] * math.exp(rng.gauss(0.0, _REPLY_SIGMA))
        if since.hour < 7 or since.hour >= 23:
            minutes *= 3.5  # the night shift is one person
        if since.weekday() >= 5:
            minutes *= 1.8
        if rng.random() < 0.07:
            minutes *= rng.uniform(4.0, 12.0)  # lost in the queue
        return timedelta(seconds=max(int(minutes * 60), 45))

    def _customer_delay(self, network: Network) -> timedelta:
        minutes = _CUSTOMER_MEDIAN_MIN[network] * math.exp(self.rng.gauss(0.0, 1.0))
        return timedelta(seconds=max(int(minutes * 60), 40))

    # -- the dialogue --------------------------------------------------------------

    def _brand_key(self, spec: _Spec, last: str, resolved: bool, dm: bool) -> str | None:
        rng, intent = self.rng, spec.intent
        resolution = f"resolution.{spec.topic}" if intent == "complaint" else "resolution.question"
        if intent not in ("complaint", "question"):
            resolution = "resolution.generic"
        if last == "open":
            if intent == "complaint":
                if dm:
                    return _weighted(rng, ("ask_details", "ack"), (0.55, 0.45))
                return _weighted(rng, ("move_to_dm", "ask_details", "ack"), (0.45, 0.30, 0.25))
            if intent == "question":
                return resolution if rng.random() < 0.8 else "ask_details"
            return {
                "praise": "praise_reply",
                "feature_request": "feature_reply",
                "smalltalk": "smalltalk_reply",
            }.get(intent, "other_reply")
        if last == "details":
            if intent == "complaint" and rng.random() < 0.45:
                return "after_details"
            return resolution
        if last == "unhappy":
            return "unhappy_reply"
        if last == "thanks":
            return "closing"
        if last == "nudge":
            return "nudge_reply" if resolved else resolution
        if last == "ack":
            return "closing" if resolved else resolution
        if last == "silent":
            return None if resolved else resolution
        return None

    def _customer_turn(self, key: str) -> str | None:
        options: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
            "move_to_dm": (("details", "unhappy", ""), (0.72, 0.08, 0.20)),
            "ask_details": (("details", "unhappy", ""), (0.75, 0.07, 0.18)),
            "ack": (("details", "ack", "nudge", "unhappy", ""), (0.35, 0.12, 0.12, 0.08, 0.33)),
            "after_details": (("ack", "nudge", ""), (0.25, 0.20, 0.55)),
            "unhappy_reply": (("ack", "unhappy", ""), (0.30, 0.15, 0.55)),
            "nudge_reply": (("ack", "unhappy", ""), (0.2, 0.1, 0.7)),
        }
        if key.startswith("resolution."):
            choice = _weighted(self.rng, ("thanks", "unhappy", ""), (0.45, 0.15, 0.40))
        elif key in options:
            choice = _weighted(self.rng, *options[key])
        else:  # closing, praise/feature/smalltalk/other replies
            choice = _weighted(self.rng, ("ack", "thanks", ""), (0.06, 0.04, 0.90))
        return choice or None

    def _customer_text(self, thread: _Thread, kind: str, after: str) -> str:
        if kind == "details" and after == "move_to_dm":
            path = "followup.dm_sent" if not thread.dm else "followup.details"
        else:
            path = f"followup.{kind}"
        return thread.slots.fill(self.rng.choice(self.corpus.lines(path)))

    def _converse(self, thread: _Thread, last: str, waiting: datetime) -> None:
        """Alternate brand and customer turns from an inbound message at ``waiting``."""
        rng, spec, now = self.rng, thread.spec, self.now
        last_at = thread.messages[-1].created_at
        pending: datetime | None = waiting
        resolved = False
        for _turn in range(5):
            key = self._brand_key(spec, last, resolved, thread.dm)
            if key is None:
                return
            if pending is not None:
                chance = _FIRST_REPLY[spec.intent] if last == "open" else _FOLLOW_REPLY[last]
                if now - pending < _RECENT:
                    chance *= 0.45
                if rng.random() >= chance:
                    return
            elif rng.random() >= 0.65:
                return
            base = pending or last_at
            delay = self._response_delay(spec.network, base)
            reply_at = max(base + delay, last_at + timedelta(seconds=rng.randint(30, 240)))
            patience = timedelta(minutes=50 if spec.network is Network.X else 240)
            if pending is not None and delay > patience and rng.random() < 0.45:
                nudge_at = base + delay * rng.uniform(0.35, 0.8)
                if last_at < nudge_at <= now:
                    text = thread.slots.fill(rng.choice(self.corpus.lines("followup.nudge")))
                    self._emit(thread, Direction.INBOUND, self._reply_kind(thread), text, nudge_at)
                    last_at = nudge_at
                    reply_at = max(reply_at, nudge_at + timedelta(seconds=rng.randint(30, 240)))
            if reply_at > now:
                return
            text = self._brand_text(thread, key)
            self._emit(thread, Direction.OUTBOUND, self._reply_kind(thread), text, reply_at)
            last_at, pending = reply_at, None
            resolved = resolved or key.startswith("resolution.")
            kind = self._customer_turn(key)
            if kind is None:
                if resolved or key not in ("ack", "after_details"):
                    return
                last = "silent"
                continue
            at = last_at + self._customer_delay(spec.network)
            if at > now:
                return
            spawn = kind == "details" and key == "move_to_dm" and not thread.dm
            if spawn and rng.random() < 0.55:
                handoff_at = reply_at + (at - reply_at) * rng.uniform(0.3, 0.8)
                self._handoff(spec, thread.slots, handoff_at)
            text = self._customer_text(thread, kind, key)
            self._emit(thread, Direction.INBOUND, self._reply_kind(thread), text, at)
            last_at, pending, last = at, at, kind

    def _handoff(self, spec: _Spec, slots: _Slots, at: datetime) -> None:
        """The customer does as asked and writes to the brand in private."""
        net = spec.network.value
        dm = _Spec(spec.index, spec.network, spec.intent, spec.topic, True,
                   MessageKind.DIRECT_MESSAGE, spec.customer)  # fmt: skip
        thread = _Thread(
            spec=dm,
            slots=slots,
            id_prefix=f"{self.tag}-{net}-{spec.index:06d}-dm",
            dm=True,
            conversation=f"{self.tag}-dm-{spec.index}",
            subreddit="",
            post_id="",
        )
        text = slots.fill(self.rng.choice(self.corpus.lines("followup.dm_handoff")))
        self._emit(thread, Direction.INBOUND, MessageKind.DIRECT_MESSAGE, text, at)
        self._converse(thread, "details", at)

    def conversation(self, spec: _Spec, at: datetime) -> None:
        rng, net = self.rng, spec.network.value
        slots = _Slots(rng, self.corpus, spec.network, spec.customer)
        home = _string(self.corpus.vocab, "subreddits.home")
        subreddit = home
        if spec.network is Network.REDDIT and spec.opening_kind is MessageKind.KEYWORD_HIT:
            subreddit = rng.choice(self.corpus.words("subreddits.others"))
        thread = _Thread(
            spec=spec,
            slots=slots,
            id_prefix=f"{self.tag}-{net}-{spec.index:06d}",
            dm=spec.dm,
            conversation=f"{self.tag}-dm-{spec.index}" if spec.dm else None,
            subreddit=subreddit,
            post_id=_base36(rng.randrange(36**6, 36**7)),
        )
        text = self._opening_text(spec, slots)
        self._emit(thread, Direction.INBOUND, spec.opening_kind, text, at)
        if spec.intent == "spam":
            return
        if spec.intent in ("complaint", "question") and rng.random() < 0.12:
            # A second message before anyone answered: the clock runs from the first.
            extra_at = at + timedelta(seconds=rng.randint(40, 420))
            if extra_at <= self.now:
                extra = slots.fill(rng.choice(self.corpus.lines("extra")))
                self._emit(thread, Direction.INBOUND, self._reply_kind(thread), extra, extra_at)
        self._converse(thread, "open", at)

    def run(self) -> list[IncomingMessage]:
        if self.count <= 0:
            return []
        times = self.start_times()
        for spec, at in zip(self.plan(), times, strict=True):
            self.conversation(spec, at)
        return sorted(self.out, key=lambda m: (m.created_at, m.external_id))


def generate_demo(
    seed: int = 7, conversations: int = 640, now: datetime | None = None
) -> list[IncomingMessage]:
    """A fortnight of demo traffic before ``now``, sorted by ``created_at``.

    At least ``conversations`` conversations (a public thread sometimes moves to a
    DM, which adds one). Deterministic for the same arguments; nothing is dated
    after ``now``. ``now`` defaults to the current UTC hour.
    """
    if now is None:
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    elif now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    return _Generator(seed, conversations, now.astimezone(UTC)).run()
