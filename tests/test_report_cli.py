"""``socialdesk report``, ``sla`` and ``hours`` end to end on an imported workspace whose
figures are worked out by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from socialdesk.cli import main
from socialdesk.report_commands import CommandError, parse_duration

from .test_importer import GOOD, write_jsonl

PERIOD = ("--since", "2026-11-20", "--until", "2026-11-21")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def message(external_id: str, minute: int, **changes: object) -> dict[str, object]:
    return {
        **GOOD,
        "external_id": external_id,
        "created_at": f"2026-11-20T09:{minute:02d}:00Z",
        "url": "",
        **changes,
    }


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """On X: a1 answered after 10 min, a2 after 30 min (late); on Reddit: r1 after
    20 min (within its hour). Friday 20 November 2026, from 09:00 UTC."""
    brand = {"id": "b", "handle": "Brand", "name": "Brand"}
    rows = [
        message("a1", 0, text="what time do you open?", author={"id": "u1", "handle": "ann"}),
        message("a2", 1, text="do you ship abroad?", author={"id": "u2", "handle": "=cmd|x"}),
        message(
            "b1", 10, direction="outbound", in_reply_to="a1", text="at nine", author=brand
        ),
        message(
            "b2", 31, direction="outbound", in_reply_to="a2", text="we do", author=brand
        ),
        message(
            "r1", 5, network="reddit", account="u/Brand", text="is the app down?",
            author={"id": "u3", "handle": "u/bo"},
        ),
        message(
            "s1", 25, network="reddit", account="u/Brand", direction="outbound",
            in_reply_to="r1", text="not here", author={"id": "b2", "handle": "u/Brand"},
        ),
    ]  # fmt: skip
    data = str(tmp_path / "ws")
    code, _out, err = run(
        capsys, "--data-dir", data, "import", str(write_jsonl(tmp_path / "m.jsonl", rows))
    )
    assert code == 0, err
    return data


def test_report_as_json_by_hand(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "json")
    assert code == 0
    report = json.loads(out)
    groups = {g["key"]: g for g in report["groups"]}
    assert set(groups) == {"x", "reddit"}
    x = groups["x"]
    assert x["conversations"] == 2
    assert x["first_response"] == {"p50": 600.0, "p90": 1800.0, "p95": 1800.0, "mean": 1200.0}
    assert (x["within_target_pct"], x["target_s"], x["breaches"]) == (50.0, 900, 1)
    assert x["benchmark"]["customers_expect_s"] == 900
    reddit = groups["reddit"]
    assert reddit["first_response"]["p50"] == 1200.0
    assert (reddit["within_target_pct"], reddit["target_s"]) == (100.0, 3600)
    assert report["total"]["conversations"] == 3
    assert report["clock"] == "calendar" and report["by"] == "channel"


def test_report_as_a_table_csv_and_html(
    workspace: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", workspace, "report", *PERIOD)
    assert code == 0
    lines = out.splitlines()
    x = next(line for line in lines if line.startswith("x "))
    assert "10 min" in x and "30 min" in x and "50.0% of 15 min (goal 80%)" in x
    assert any(line.startswith("Benchmark: Jitbit 2020") for line in lines)

    code, out, _ = run(capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["key"] for r in rows] == ["reddit", "x", "all"]
    assert rows[1]["first_response_p90_s"] == "1800" and rows[1]["breaches"] == "1"

    page = tmp_path / "report.html"
    code, _, err = run(
        capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "html", "--out", str(page)
    )
    assert code == 0 and f"wrote {page}" in err
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html
    assert not list(tmp_path.glob("*.partial"))


def test_conversations_export_has_every_figure_and_defuses_formulas(
    workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "csv", "--conversations"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    first = rows[0]
    assert first["started_at"] == "2026-11-20T09:00:00Z"
    assert first["first_response_at"] == "2026-11-20T09:10:00Z"
    assert first["first_response_s"] == "600" and first["within_target"] == "true"
    assert first["first_response_due_at"] == "2026-11-20T09:15:00Z"
    assert first["account"] == "@Brand"  # a bare handle is left as it is
    late = next(r for r in rows if r["first_response_s"] == "1800")
    assert late["breached"] == "true" and late["within_target"] == "false"
    code, _, err = run(capsys, "--data-dir", workspace, "report", "--conversations")
    assert code == 1 and "--conversations exports CSV" in err


def test_grouping_by_agent_day_and_hour(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    for by, keys in (
        ("agent", ["(unassigned)"]),
        ("day", ["2026-11-20"]),
        ("hour", ["09:00"]),
        ("account", ["@Brand", "u/Brand"]),
    ):
        code, out, _ = run(
            capsys, "--data-dir", workspace, "report", *PERIOD, "--by", by, "--format", "json"
        )
        assert code == 0
        assert [g["key"] for g in json.loads(out)["groups"]] == keys


def test_policies_from_the_command_line(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", workspace, "sla", "list", "--json")
    listing = json.loads(out)
    assert len(listing) == 8  # two accounts, four kinds
    assert not any(item["custom"] for item in listing)
    code, out, _ = run(
        capsys, "--data-dir", workspace, "sla", "set", "x:@Brand", "public",
        "--first", "30m", "--goal", "95",
    )  # fmt: skip
    assert code == 0 and "first response 30 min" in out and "goal 95%" in out
    code, out, _ = run(capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "json")
    x = next(g for g in json.loads(out)["groups"] if g["key"] == "x")
    assert (x["target_s"], x["within_target_pct"], x["breaches"]) == (1800, 100.0, 0)
    code, out, _ = run(capsys, "--data-dir", workspace, "sla", "reset", "@Brand")
    assert code == 0 and "1 custom removed" in out
    for bad, message in (
        (["sla", "set", "nobody", "public", "--first", "5m"], "no account is called 'nobody'"),
        (["sla", "set", "@Brand", "public", "--first", "15q"], "'15q' is not a duration"),
        (["sla", "set", "@Brand", "public", "--goal", "150"], "the goal must be a share"),
    ):
        code, _, err = run(capsys, "--data-dir", workspace, *bad)
        assert code == 1 and message in err and err.count("\n") == 1


def test_business_hours_from_the_command_line(
    workspace: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", workspace, "hours", "show")
    assert out.strip() == "round the clock"
    code, out, _ = run(
        capsys, "--data-dir", workspace, "hours", "set", "--timezone", "Europe/London",
        "--shift", "mon-fri=09:00-09:05", "--shift", "sat=22:00-06:00",
    )  # fmt: skip
    assert code == 0 and "fri 09:00-09:05" in out and "sat 22:00-06:00" in out
    # Only five working minutes a day: a2's half-hour wait holds four of them, a1's
    # ten minutes all five.
    code, out, _ = run(
        capsys, "--data-dir", workspace, "report", *PERIOD, "--business-hours", "--format", "json"
    )
    x = next(g for g in json.loads(out)["groups"] if g["key"] == "x")
    assert (x["first_response"]["p50"], x["first_response"]["p90"]) == (240.0, 300.0)
    ics = tmp_path / "days.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    code, out, _ = run(capsys, "--data-dir", workspace, "hours", "import-holidays", str(ics))
    assert code == 0 and "imported 1 holiday day from" in out
    code, out, _ = run(capsys, "--data-dir", workspace, "hours", "show", "--json")
    assert json.loads(out)["holidays"] == ["2026-12-25"]
    (tmp_path / "bad.ics").write_text("not a calendar")
    for bad, message in (
        (["hours", "import-holidays", str(tmp_path / "bad.ics")], "not an iCalendar file"),
        (["hours", "import-holidays", str(tmp_path / "none.ics")], "cannot read"),
        (["hours", "set", "--shift", "mon=9-5pm"], "is not a shift"),
        (["hours", "set", "--timezone", "Mars/Base", "--shift", "mon=09:00-17:00"], "time zone"),
        (["hours", "set"], "give at least one --shift"),
        (["report", "--since", "yesterday"], "is not a time"),
        (["report", "--since", "2026-11-21", "--until", "2026-11-20"], "ends before it starts"),
    ):
        code, _, err = run(capsys, "--data-dir", workspace, *bad)
        assert code == 1 and message in err and err.count("\n") == 1, (bad, err)
    code, out, _ = run(capsys, "--data-dir", workspace, "hours", "round-the-clock")
    # The team's time zone stays: reports by day still begin at its midnight.
    assert code == 0 and out.strip() == "business hours: round the clock (Europe/London)"


def test_durations() -> None:
    assert parse_duration("15m") == 900
    assert parse_duration("1h30m") == 5400
    assert parse_duration("2d") == 172800
    assert parse_duration("1h 30m") == 5400
    assert parse_duration("15") == 900  # a bare number is minutes, as in the app
    for bad in ("", "m", "-5m", "quarter hour", "1.5h"):
        with pytest.raises(CommandError, match="not a duration"):
            parse_duration(bad)


def test_out_writes_into_the_file_it_is_given(
    workspace: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "target.csv"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    code, _, err = run(
        capsys, "--data-dir", workspace, "report", *PERIOD, "--format", "csv", "--out", str(link)
    )
    assert code == 0 and f"wrote {link}" in err
    assert link.is_symlink() and target.read_text().startswith("key,conversations")
    assert target.stat().st_mode & 0o777 == 0o600
    code, out, err = run(capsys, "--data-dir", workspace, "report", *PERIOD, "--out", "-")
    assert code == 0 and out.startswith("Response times") and "wrote" not in err
    code, _, err = run(
        capsys, "--data-dir", workspace, "report", "--out", str(tmp_path / "no" / "r")
    )
    assert code == 1 and "there is no folder" in err


def test_a_group_with_several_targets_says_so(
    workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _ = run(capsys, "--data-dir", workspace, "report", *PERIOD)
    total = next(line for line in out.splitlines() if line.startswith("all "))
    assert "of 15 min–1.0 h" in total  # X's quarter hour and Reddit's hour
    reddit = next(line for line in out.splitlines() if line.startswith("reddit "))
    assert "none of its own (1.0 h borrowed)" in reddit


def test_round_the_clock_keeps_the_shifts_and_holidays(
    workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--data-dir", workspace, "hours", "set", "--shift", "mon-fri=09:00-17:00",
        "--holiday", "2026-12-25")  # fmt: skip
    run(capsys, "--data-dir", workspace, "hours", "round-the-clock")
    _code, out, _ = run(capsys, "--data-dir", workspace, "hours", "show", "--json")
    stored = json.loads(out)
    assert stored["always_open"] is True
    assert stored["holidays"] == ["2026-12-25"] and stored["shifts"]["mon"] == ["09:00-17:00"]
