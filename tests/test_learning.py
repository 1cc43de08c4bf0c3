from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from socialdesk.cli import main
from socialdesk.inbox import Inbox
from socialdesk.ingest import Ingestor
from socialdesk.learning import (
    LearnedModel,
    ModelBook,
    feature_ids,
    parse_label_line,
    teach,
    train,
)
from socialdesk.store import Store
from socialdesk.triage import TriageAnalyser

from .conftest import MessageFactory

# A made-up team whose customers complain in their own words, which our cues do not know:
# "the widget is borked" is their complaint; "the widget is great" is not.
TEAM_LABELS = [(f"the widget {n} is borked again, sort it", True) for n in range(30)] + [
    (f"the widget {n} arrived, all good here", False) for n in range(30)
]


def test_features_are_stable_and_bounded() -> None:
    first = feature_ids("Order #123 NOT working, see https://x.co/a @bob", ["waiting"])
    assert first == feature_ids("order #123 not working, see https://y.co/b @alice", ["waiting"])
    assert all(0 <= i < 1 << 20 for i in first)
    assert feature_ids("", []) == []


def test_training_learns_what_the_rules_do_not_know() -> None:
    analyser = TriageAnalyser()
    probe = "my widget is borked"
    assert not analyser.analyse_one(probe).complaint
    model = train(TEAM_LABELS, analyser)
    learned = TriageAnalyser(model=model).analyse_one(probe)
    assert learned.complaint
    assert "learned from your team's labels" in learned.reasons
    again = train(TEAM_LABELS, analyser)
    assert again == model  # deterministic
    restored = LearnedModel.from_json(model.to_json(), version=0, labels=60)
    assert restored.logit(probe, [], 1.5, -0.4) == pytest.approx(
        model.logit(probe, [], 1.5, -0.4), abs=1e-4
    )
    assert (restored.threshold, restored.sentiment_weight) == pytest.approx(
        (model.threshold, model.sentiment_weight), abs=1e-6
    )


def test_a_model_saved_before_thresholds_loads_with_even_odds() -> None:
    old = json.dumps({"feature_version": 1, "bias": 0.2, "rule_scale": 0.1, "weights": {"7": 1.0}})
    model = LearnedModel.from_json(old, version=3, labels=40)
    assert (model.threshold, model.sentiment_weight) == (0.5, 0.0)


def test_the_threshold_stays_at_even_odds_until_there_are_enough_labels() -> None:
    few = TEAM_LABELS[:19] + TEAM_LABELS[30:49]  # 19 of each kind
    assert train(few, TriageAnalyser()).threshold == 0.5


def test_the_threshold_is_half_the_cross_validated_f1() -> None:
    """Lipton et al. (2014): for calibrated scores the F1-best threshold is F1 / 2. Labels
    that even a perfect reader could not get all right (the same words marked both ways,
    as real teams do) keep the estimate below 1, so the bar drops below even odds."""
    import random

    from socialdesk.learning import MIN_THRESHOLD

    rng = random.Random(5)
    words = ["parcel", "router", "bill", "app", "seat", "card", "screen", "order"]
    labels = []
    for n in range(300):
        word = rng.choice(words)
        plain = rng.random() < 0.3
        text = f"my {word} is broken again {n}" if plain else f"about my {word} {n}"
        # Plain complaints are complaints; the vague ones are, one time in four.
        labels.append((text, plain or rng.random() < 0.25))
    model = train(labels, TriageAnalyser())
    assert MIN_THRESHOLD <= model.threshold < 0.5


def test_a_lower_threshold_makes_a_middling_score_a_complaint() -> None:
    analyser = TriageAnalyser()
    model = train(TEAM_LABELS, analyser)
    probe = "the widget 7 is here"
    score = TriageAnalyser(model=model).analyse_one(probe).complaint_score
    model.threshold = score - 0.01
    assert TriageAnalyser(model=model).analyse_one(probe).complaint
    model.threshold = min(0.99, score + 0.01)
    assert not TriageAnalyser(model=model).analyse_one(probe).complaint


def test_model_versions_status_and_reset(store: Store) -> None:
    book = ModelBook(store)
    assert book.active() is None and book.status().version is None
    book.add_labels(TEAM_LABELS[:10], source="import")
    assert book.retrain(TriageAnalyser()) is None  # no non-complaints yet: rules alone
    book.add_labels(TEAM_LABELS[30:34], source="import")
    assert book.retrain(TriageAnalyser()) is None  # four of them are not enough
    book.add_labels(TEAM_LABELS[34:40], source="import")
    first = book.retrain(TriageAnalyser())
    assert book.add_labels(TEAM_LABELS[:10], source="import") == 0  # already known
    second = book.retrain(TriageAnalyser())
    assert first is not None and second is not None
    assert (first.version, second.version) == (1, 2)
    active = book.active()
    assert active is not None and active.version == 2 and active.labels == 20
    status = book.status()
    assert (status.version, status.labels, status.complaints) == (2, 20, 10)
    for _ in range(6):
        book.retrain(TriageAnalyser())
    assert book.active().version == 8  # type: ignore[union-attr]
    assert book.reset() == (5, 20)  # five versions kept, all labels gone
    assert book.active() is None and book.status().labels == 0


def test_teaching_a_message_relabels_and_rescores(
    store: Store, ingestor: Ingestor, make_message: MessageFactory
) -> None:
    ingestor.ingest([make_message("1", text="the widget is borked")])
    [row] = Inbox(store).page()
    assert not row.complaint
    lesson = teach(store, None, row.id, True, actor="agent")
    assert (lesson.version, lesson.labels, lesson.rescored) == (None, 1, 1)
    [after] = Inbox(store).page()
    assert after.complaint and after.priority > row.priority
    assert after.reasons[0] == "marked by an agent"
    lesson = teach(store, None, row.id, False, actor="agent")
    assert ModelBook(store).status().labels == 1  # the second decision replaced the first
    [undone] = Inbox(store).page()
    assert not undone.complaint and undone.intent != "complaint"
    with pytest.raises(LookupError, match="no message with id 999"):
        teach(store, None, 999, True, actor="agent")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("nope", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        ('{"text": 5, "complaint": true}', "text must be a string"),
        ('{"text": "x", "complaint": "yes"}', "complaint must be true or false"),
        ('{"text": "no verdict"}', 'the "complaint" field is missing'),
    ],
)
def test_bad_label_lines(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_label_line(line, 7)


def test_learn_label_and_score_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        "".join(json.dumps({"text": t, "complaint": c}) + "\n" for t, c in TEAM_LABELS)
        + "not json\n",
        encoding="utf-8",
    )
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "learn", str(labels)]) == 1
    out, err = capsys.readouterr()
    assert "learned 60 new labels (1 bad line skipped): model v1 from 60 labels" in out
    assert "line 61: not valid JSON" in err
    assert main(["--data-dir", data, "learn", "--status"]) == 0
    assert "model v1" in capsys.readouterr().out
    assert main(["--data-dir", data, "learn", str(labels)]) == 1  # the same file again
    out, _ = capsys.readouterr()
    assert "learned 0 new labels (1 bad line skipped): model v1 from 60 labels" in out

    probe = tmp_path / "probe.txt"
    probe.write_text("my widget is borked\n", encoding="utf-8")
    assert main(["--data-dir", data, "score", str(probe), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["complaint"] is True
    assert main(["--data-dir", str(tmp_path / "empty"), "score", str(probe), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["complaint"] is False
    assert not (tmp_path / "empty" / "socialdesk.db").exists()  # score creates nothing

    assert main(["--data-dir", data, "learn", "--reset"]) == 0
    assert "forgot 1 model version and 60 labels" in capsys.readouterr().out
    assert main(["--data-dir", data, "learn"]) == 1
    assert "give a FILE" in capsys.readouterr().err


def test_label_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .test_importer import GOOD, write_jsonl

    data = str(tmp_path / "ws")
    path = write_jsonl(tmp_path / "in.jsonl", [{**GOOD, "text": "the widget is borked"}])
    main(["--data-dir", data, "import", str(path)])
    capsys.readouterr()
    main(["--data-dir", data, "inbox", "--json"])
    [row] = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", data, "label", str(row["id"]), "complaint"]) == 0
    assert "marked complaint; no model yet (it learns once it has 5 complaints" in (
        capsys.readouterr().out
    )
    assert main(["--data-dir", data, "label", "4242", "complaint"]) == 1
    assert "no message with id 4242" in capsys.readouterr().err
    assert main(["--data-dir", data, "label", "1", "maybe"]) == 2


def test_score_never_creates_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    probe = tmp_path / "probe.txt"
    probe.write_text("still no refund\n", encoding="utf-8")
    target = tmp_path / "other" / "new.db"
    target.parent.mkdir()
    assert main(["--db", f"sqlite:///{target}", "score", str(probe)]) == 0
    assert "COMPLAINT" in capsys.readouterr().out
    assert not target.exists()


def test_labelling_an_earlier_message_updates_it_and_new_cues_rescore(
    tmp_path: Path, store: Store, ingestor: Ingestor, make_message: MessageFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from socialdesk.models import Message

    ingestor.ingest(
        [
            make_message("q", text="how do I pair the new remote?"),
            make_message("f", minutes=5, in_reply_to="q", text="the Zephyr kettle went kaput"),
        ]
    )
    with store.session() as s:
        first = s.scalars(select(Message).where(Message.external_id == "q")).one()
        first_id = first.id
    teach(store, None, first_id, True, actor="agent")
    with store.session() as s:
        marked = s.get(Message, first_id)
        assert marked is not None and marked.complaint and marked.intent == "complaint"
        assert json.loads(marked.reasons)[0] == "marked by an agent"
    [row] = Inbox(store).page()
    assert row.text == "the Zephyr kettle went kaput" and not row.complaint


def test_learn_rescore_applies_new_brand_cues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_importer import GOOD, write_jsonl

    data = tmp_path / "ws"
    path = write_jsonl(tmp_path / "in.jsonl", [{**GOOD, "text": "the Zephyr kettle went kaput"}])
    main(["--data-dir", str(data), "import", str(path)])
    main(["--data-dir", str(data), "inbox", "--json"])
    capsys.readouterr()
    (data / "cues.json").write_text(
        json.dumps({"complaint": {"service_failure": {"phrases": ["kaput"]}}}), encoding="utf-8"
    )
    assert main(["--data-dir", str(data), "learn", "--rescore"]) == 0
    assert "1 open item rescored" in capsys.readouterr().out
    main(["--data-dir", str(data), "inbox", "--json"])
    [row] = json.loads(capsys.readouterr().out)
    assert row["complaint"] is True


@pytest.mark.parametrize(
    ("f1", "share", "threshold"),
    [
        (0.84, 0.6, 0.42),  # half the F1
        (0.99, 0.6, 0.495),
        (0.5, 0.2, 0.35),  # never below the floor
        (0.74, 0.6, 0.5),  # no better than "all complaints" (F1 0.75): even odds
        (0.0, 0.5, 0.5),
    ],
)
def test_threshold_for(f1: float, share: float, threshold: float) -> None:
    from socialdesk.learning import threshold_for

    assert threshold_for(f1, share) == pytest.approx(threshold)


def test_labels_that_say_nothing_keep_even_odds() -> None:
    import random

    rng = random.Random(3)
    noise = [(f"message {rng.randrange(10**6)} about {n}", rng.random() < 0.5) for n in range(400)]
    assert train(noise, TriageAnalyser()).threshold == 0.5
