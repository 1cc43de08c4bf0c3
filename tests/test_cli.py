from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from socialdesk import __version__
from socialdesk.cli import main

from .test_importer import GOOD, write_jsonl


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"socialdesk {__version__}"
    for command in ([], ["demo"], ["import"], ["inbox"]):
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0
        assert "usage: socialdesk" in capsys.readouterr().out


def test_python_dash_m_entry() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "socialdesk", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == f"socialdesk {__version__}"


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "inbox", "--status", "bogus")
    assert code == 2 and err.strip().splitlines()[-1].startswith("socialdesk: error: argument")
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "frobnicate")
    assert code == 2 and "invalid choice" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "import", str(tmp_path / "no.jsonl"))
    assert code == 1 and err.count("\n") == 1 and "No such file" in err
    assert "Traceback" not in err


def test_corrupt_database_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "socialdesk.db").write_text("garbage" * 50)
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "inbox")
    assert code == 1 and err.count("\n") == 1 and "damaged" in err


def test_import_then_inbox_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "ws"
    reply = {
        **GOOD,
        "external_id": "101",
        "kind": "reply",
        "direction": "outbound",
        "in_reply_to": "100",
        "author": {"id": "b", "handle": "Brand"},
        "created_at": "2026-11-20T09:12:00Z",
        "text": "so sorry - DM us",
    }
    late = {
        **GOOD,
        "external_id": "102",
        "in_reply_to": "101",
        "created_at": "2026-11-20T09:20:00Z",
        "text": "terrible, still nothing, I want a refund",
    }
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD, reply, late, "{broken"])
    code, out, err = run(capsys, "--data-dir", str(data), "import", str(path))
    assert code == 1
    assert "line 4: not valid JSON" in err
    assert "imported 3 new messages (0 already there, 1 bad row skipped)" in out
    code, out, _ = run(capsys, "--data-dir", str(data), "import", str(path))
    assert "imported 0 new messages (3 already there" in out

    code, out, _ = run(capsys, "--data-dir", str(data), "inbox", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["text"] == "terrible, still nothing, I want a refund"
    assert row["author"] == {"handle": "alice", "name": "Alice", "followers": 1200}
    assert row["network"] == "x" and row["kind"] == "mention" and row["public"] is True
    assert row["status"] == "open" and row["assignee"] is None
    assert row["complaint"] is True and -1 <= row["sentiment"] < 0
    assert 0 <= row["priority"] <= 100
    assert "public complaint" in row["reasons"] and "1.2k followers" in row["reasons"]
    assert row["created_at"] == "2026-11-20T09:20:00Z"


def test_environment_selects_the_data_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALDESK_DATA_DIR", str(tmp_path / "env"))
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert run(capsys, "import", str(path))[0] == 0
    assert (tmp_path / "env" / "socialdesk.db").exists()
    assert (tmp_path / "env" / "logs" / "socialdesk.log").exists()


def test_demo_is_idempotent_and_fills_the_queue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "demo", "--conversations", "60")
    assert code == 0 and "new conversations" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "demo", "--conversations", "60")
    assert " 0 new messages" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "inbox", "--json", "--limit", "500")
    rows = json.loads(out)
    priorities = [r["priority"] for r in rows if r["waiting_seconds"] is not None]
    assert priorities == sorted(priorities, reverse=True) and priorities
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "inbox", "--limit", "3")
    assert len(out.strip().splitlines()) == 5  # header, 3 rows, "... and N more"


def test_table_output_reveals_controls_and_cuts_long_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = {**GOOD, "text": "refund \u202eetadpu\u202c \x1b[2J now\nplease " + "x" * 200_000}
    path = write_jsonl(tmp_path / "in.jsonl", [hostile])
    assert run(capsys, "--data-dir", str(tmp_path), "import", str(path))[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "inbox")
    assert code == 0
    header, line = out.splitlines()
    assert header.split()[:3] == ["PRI", "NETWORK", "KIND"]
    assert "\\u202eetadpu\\u202c \\u001b[2J now please" in line
    assert "\x1b" not in out and "\u202e" not in out and len(line) < 200
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "inbox", "--json")
    assert "\u202e" not in out and "\\u202e" in out
    assert json.loads(out)[0]["text"] == hostile["text"]


def test_table_says_when_rows_were_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [{**GOOD, "external_id": str(n)} for n in range(4)]
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    run(capsys, "--data-dir", str(tmp_path), "import", str(path))
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "inbox", "--limit", "3")
    assert out.splitlines()[-1] == "... and 1 more (use --limit N to see more)"


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    script = (
        "import sys; from socialdesk.cli import main; "
        f"sys.exit(main(['--data-dir', {str(tmp_path)!r}, 'demo']) or "
        f"main(['--data-dir', {str(tmp_path)!r}, 'inbox', '--status', 'all', '--limit', '2000']))"
    )
    done = subprocess.run(
        f'{sys.executable} -c "{script}" | head -n 1',
        shell=True,
        capture_output=True,
        text=True,
    )
    # 670 rows are far more than a pipe buffer: the writer does hit the closed pipe.
    assert done.stderr == ""
    assert done.stdout.startswith("demo workspace ready")
    assert (
        not list((tmp_path / "logs").glob("*.log"))
        or "Traceback" not in (tmp_path / "logs" / "socialdesk.log").read_text()
    )


def test_two_demo_seeds_do_not_collide(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "--data-dir", str(tmp_path), "demo", "--seed", "3", "--conversations", "20")
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "demo", "--seed", "4", "--conversations", "20"
    )
    assert code == 0 and ", 0 already there," in out


def test_score_streams_every_line_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "texts.txt"
    source.write_bytes(
        b"still waiting for my refund, third time asking\n"
        b'{"text": "thanks, the app is brilliant"}\n'
        b"\xff\xfe broken bytes\n"
        b'{"text": 42}\n'
        b"\n" + ("x" * 100_000).encode() + b"\n\xf0\x9f\x99\x84\n"
        b'{"id": 5}\n'
    )
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "score", str(source), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert rows[0]["complaint"] is True and rows[0]["intent"] == "complaint"
    assert rows[1]["intent"] == "praise" and rows[1]["label"] == "positive"
    assert rows[2] == {"line": 3, "error": "not valid UTF-8 (bad byte at offset 0)"}
    assert rows[3] == {"line": 4, "error": "the text field must be a string"}
    assert rows[7] == {"line": 8, "error": 'a JSON object needs a "text" field'}
    assert set(rows[0]) == {"line", "sentiment", "label", "complaint", "complaint_score",
                            "intent", "topic", "reasons"}  # fmt: skip
    assert "line 3: not valid UTF-8" in err and "line 4:" in err
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "score", str(source))
    assert out.splitlines()[0].split()[:2] == ["1", "COMPLAINT"]


def test_score_answers_each_line_before_the_next_arrives(tmp_path: Path) -> None:
    """A person typing into `socialdesk score`, or a slow pipe, sees each result at once."""
    import threading

    workspace = tmp_path / "nowhere"
    command = [sys.executable, "-m", "socialdesk", "--data-dir", str(workspace), "score", "--json"]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL}
    with subprocess.Popen(command, **pipes) as child:  # type: ignore[call-overload]
        assert child.stdin is not None and child.stdout is not None
        answers: list[bytes] = []
        reader = threading.Thread(target=lambda: answers.append(child.stdout.readline()))
        try:
            child.stdin.write(b"where is my refund, third time asking\n")
            child.stdin.flush()
            reader.start()
            reader.join(timeout=60)  # input stays open: the answer must not wait for it
            assert answers and json.loads(answers[0])["complaint"] is True
            child.stdin.write(b"thanks, all sorted\n")
            child.stdin.close()
            rest = child.stdout.read()
            assert child.wait(timeout=60) == 0
        finally:
            if child.poll() is None:
                child.kill()
    assert [json.loads(line)["line"] for line in rest.splitlines()] == [2]
    assert not workspace.exists()  # score reads; it makes no workspace, not even logs


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["inbox", "--limit", "99999999999999999999"], "out of range: use 1 to 1,000,000"),
        (["inbox", "--limit", "0"], "out of range"),
        (["inbox", "--limit", "many"], "'many' is not a whole number"),
        (["label", "99999999999999999999999", "complaint"], "MESSAGE_ID: 9999"),
        (["label", "3", "maybe"], "DECISION: invalid choice: 'maybe'"),
        (["demo", "--conversations", "1000000000"], "out of range: use 1 to 100,000"),
        (["inbox", "--data-dir", "x"], "--data-dir is a global option: it goes before"),
    ],
)
def test_a_bad_argument_gets_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path), *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and "unexpected" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    # The log sits on the same full disk, as it would.
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "socialdesk.log").symlink_to("/dev/full")
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "socialdesk", "--data-dir", str(tmp_path), "inbox", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.strip() == "socialdesk: error: No space left on device"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"one\ntwo\n",
        b"no newline at the end",
        b"crlf\r\nlines\r\n\n",
        b"x" * 200_000 + b"\nshort\n" + b"y" * 70_000,  # lines longer than a read
    ],
)
def test_standard_input_lines_come_back_whole(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import os
    import threading

    from socialdesk.commands import _lines_as_they_come

    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as pipe:
            for start in range(0, len(data), 50_000):
                pipe.write(data[start : start + 50_000])
                pipe.flush()

    writer = threading.Thread(target=feed)
    writer.start()
    with os.fdopen(read_end, "rb") as source:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(source))
        lines = list(_lines_as_they_come("-"))
    writer.join()
    assert b"".join(line for line, _ in lines) == data
    assert all(line.endswith(b"\n") for line, _ in lines[:-1])
    assert not lines or lines[-1][1]  # the last line read is always answered


def test_inbox_views_and_sorts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--conversations", "40"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "inbox", "--view", "complaints", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(row["complaint"] for row in rows)
    assert main(["--data-dir", data, "inbox", "--sort", "newest", "--json", "--limit", "500"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) > 1
    assert main(["--data-dir", data, "inbox", "--view", "direct", "--json"]) == 0
    assert all(not row["public"] for row in json.loads(capsys.readouterr().out))
    assert main(["--data-dir", data, "inbox", "--view", "nowhere"]) == 2


def test_the_apps_background_imports_write_in_gentler_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import signal

    from socialdesk import background, commands, ingest

    niced: list[int] = []
    monkeypatch.setattr(background.os, "nice", niced.append)
    monkeypatch.setattr(signal, "signal", lambda *_a: None)  # leave pytest's handlers alone
    monkeypatch.setattr(commands, "BATCH_SIZE", commands.BATCH_SIZE)  # restored afterwards
    sizes: list[int] = []
    original = ingest.Ingestor.ingest_stream

    def spy(self: ingest.Ingestor, *args: object, **kwargs: object) -> object:
        sizes.append(self.batch_size)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest.Ingestor, "ingest_stream", spy)
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"network": "x", "external_id": "b1", "kind": "mention", "direction": "inbound", '
        '"author": {"id": "u1", "handle": "@a"}, "account": "@Brand", '
        '"created_at": "2026-11-20T09:00:00Z", "text": "late again"}\n',
        encoding="utf-8",
    )
    assert main(["--data-dir", str(tmp_path / "cli"), "import", str(source)]) == 0
    assert background.main(["--data-dir", str(tmp_path / "app"), "import", str(source)]) == 0
    assert sizes == [ingest.BATCH_SIZE, background.GENTLE_BATCH_SIZE]
    assert niced == [background.BACKGROUND_NICENESS]
    capsys.readouterr()
