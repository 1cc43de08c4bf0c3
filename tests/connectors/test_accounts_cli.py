"""``socialdesk accounts`` and ``socialdesk sync``, end to end in the CLI, with the real
connectors (found through their entry points), recorded X traffic and a keyring."""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring
import pytest
import responses
from keyring.backends.fail import Keyring as NoKeyring

from socialdesk.cli import main

from ..replay import add, x_cassette
from .conftest import MemoryKeyring

API = "https://api.twitter.com/2"
ME = "1072250532645998596"  # @TweepyDev, whose lookup tweepy recorded
TOKEN = "oauth2-access-token-for-tests"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_test_sync_and_remove_an_x_account(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
    rsps: responses.RequestsMock,
) -> None:
    data = ["--data-dir", str(tmp_path)]
    add(rsps, x_cassette("test_client_get_me")[0])
    code, out, err = run(
        capsys,
        monkeypatch,
        *data,
        "accounts", "add", "x", "@TweepyDev", "--auth", "oauth2",
        "--poll-interval", "120", "--budget", "500", "--keyword", "tweepy",
        stdin=f"{TOKEN}\nrefresh-for-tests\n\n",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "connected x:tweepydev (the network says this is @TweepyDev)\n"
    assert os_keyring.saved == {
        ("socialdesk", "x:tweepydev:access_token"): TOKEN,
        ("socialdesk", "x:tweepydev:refresh_token"): "refresh-for-tests",
    }
    # Only in the keyring: not in the database, the log or the output.
    for stored in (tmp_path / "socialdesk.db", *(tmp_path / "logs").glob("*")):
        assert TOKEN.encode() not in stored.read_bytes(), stored

    code, out, _ = run(capsys, monkeypatch, *data, "accounts", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["name"] == "x:tweepydev" and listed["state"] == "ok"
    assert (listed["requests_today"], listed["daily_budget"], listed["poll_seconds"]) == (
        1,
        500,
        120,
    )
    assert listed["keywords"] == ["tweepy"]

    # One pass of every stream; mentions come from X's recorded traffic.
    mentions = x_cassette("test_client_get_users_mentions")[0]
    rsps.add(responses.GET, f"{API}/users/{ME}/mentions", body=mentions.body,
             content_type="application/json")  # fmt: skip
    rsps.add(responses.GET, f"{API}/users/{ME}/mentions", json={"meta": {}})
    rsps.add(responses.GET, f"{API}/dm_events", json={"meta": {}})
    rsps.add(responses.GET, f"{API}/users/{ME}/tweets", json={"meta": {}})
    rsps.add(responses.GET, f"{API}/tweets/search/recent", json={"meta": {}})
    code, out, err = run(capsys, monkeypatch, *data, "sync", "--once", "--json")
    assert code == 0, err
    (report,) = json.loads(out)
    assert (report["state"], report["stored"], report["requests"]) == ("ok", 10, 5)
    assert report["streams"] == {"mentions": 10, "direct_messages": 0, "own": 0, "keywords": 0}
    code, out, _ = run(capsys, monkeypatch, *data, "inbox", "--json", "--status", "all")
    assert len(json.loads(out)) == 10

    rsps.add(responses.GET, f"{API}/users/me", status=401, json={"title": "Unauthorized"})
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "test", "tweepydev")
    assert code == 1
    assert err == "x:tweepydev: X rejected the token for @TweepyDev: reconnect the account\n"
    code, out, _ = run(capsys, monkeypatch, *data, "accounts", "list")
    assert "needs_reconnecting" in out

    code, out, _ = run(capsys, monkeypatch, *data, "accounts", "remove", "x:tweepydev")
    assert code == 0 and os_keyring.saved == {}
    code, out, _ = run(capsys, monkeypatch, *data, "accounts", "list")
    assert out.startswith("no connected accounts")
    code, out, _ = run(capsys, monkeypatch, *data, "inbox", "--json", "--status", "all")
    assert len(json.loads(out)) == 10  # the messages stay


def test_an_account_that_fails_its_test_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
    rsps: responses.RequestsMock,
) -> None:
    rsps.add(responses.GET, f"{API}/users/me", status=403, json={
        "title": "Client Forbidden", "reason": "client-not-enrolled",
        "type": "https://api.twitter.com/2/problems/client-forbidden"})  # fmt: skip
    code, out, err = run(
        capsys, monkeypatch, "--data-dir", str(tmp_path),
        "accounts", "add", "x", "brand", stdin=f"{TOKEN}\n\n\n",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err == (
        "socialdesk: error: your X plan does not include posting replies: upgrade the plan "
        "or add credits\n"
    )
    assert os_keyring.saved == {}
    code, out, _ = run(capsys, monkeypatch, "--data-dir", str(tmp_path), "accounts", "list")
    assert out.startswith("no connected accounts")


def test_without_a_keyring_nothing_is_asked_and_nothing_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        code, out, err = run(
            capsys, monkeypatch, "--data-dir", str(tmp_path),
            "accounts", "add", "reddit", "u/nimbus_help", stdin="id\n\nrefresh\n",
        )  # fmt: skip
    finally:
        keyring.set_keyring(previous)
    assert code == 1 and out == ""
    assert "no OS keyring is available to keep secrets" in err
    assert "PYTHON_KEYRING_BACKEND" in err and "refresh" not in err
    code, out, _ = run(capsys, monkeypatch, "--data-dir", str(tmp_path), "accounts", "list")
    assert out.startswith("no connected accounts")


def test_missing_secrets_on_standard_input_say_what_is_expected(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
) -> None:
    code, _, err = run(
        capsys, monkeypatch, "--data-dir", str(tmp_path),
        "accounts", "add", "x", "@brand", "--auth", "oauth1", stdin="key\nsecret\n",
    )  # fmt: skip
    assert code == 1
    assert err == (
        "socialdesk: error: standard input ended before the access token: give one secret "
        "per line, in this order: consumer key, consumer secret, access token, access token "
        "secret\n"
    )
    assert os_keyring.saved == {}


def test_settings_change_and_unknown_names(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
) -> None:
    data = ["--data-dir", str(tmp_path)]
    code, out, _ = run(
        capsys, monkeypatch, *data, "accounts", "add", "reddit", "nimbus_help", "--no-test",
        "--keyword", "Nimbus", "--subreddit", "r/homenetworking", stdin="id\n\nrefresh\n",
    )  # fmt: skip
    assert code == 0 and "added reddit:nimbus_help; not tested" in out
    code, out, _ = run(
        capsys, monkeypatch, *data, "accounts", "set", "nimbus_help",
        "--poll-interval", "600", "--exclude", "job", "--subreddit", "techsupport",
    )  # fmt: skip
    assert out == (
        "reddit:nimbus_help: every 600 s; at most 5000 requests a day; keywords Nimbus; "
        "excluding job; in r/homenetworking, r/techsupport\n"
    )
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "test", "nobody")
    assert code == 1 and err == "socialdesk: error: no connected account is called 'nobody'\n"
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "set", "nimbus_help",
                       "--poll-interval", "5")  # fmt: skip
    assert code == 2 and "--poll-interval: 5 is out of range: use 30 to 86,400" in err


def test_add_x_by_signing_in_through_the_browser(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
    rsps: responses.RequestsMock,
) -> None:
    from .test_x_login import Browser, free_port

    browser = Browser(code="the-code")
    monkeypatch.setattr("webbrowser.open", browser)
    rsps.add(responses.POST, "https://api.x.com/2/oauth2/token",
             json={"access_token": TOKEN, "refresh_token": "r-1", "expires_in": 7200})  # fmt: skip
    add(rsps, x_cassette("test_client_get_me")[0])
    port = free_port()
    code, out, err = run(
        capsys, monkeypatch, "--data-dir", str(tmp_path), "accounts", "add", "x", "TweepyDev",
        "--login", "--client-id", "client-abc", "--port", str(port),
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[-1] == "connected x:tweepydev (the network says this is @TweepyDev)"
    assert "If it does not open, go to:\nhttps://x.com/i/oauth2/authorize?" in out
    assert TOKEN not in out + err
    saved = {key[1]: value for key, value in os_keyring.saved.items()}
    assert saved["x:tweepydev:access_token"] == TOKEN
    assert saved["x:tweepydev:refresh_token"] == "r-1"
    assert saved["x:tweepydev:client_id"] == "client-abc"
    assert "x:tweepydev:expires_at" in saved
    assert browser.asked["redirect_uri"] == f"http://127.0.0.1:{port}/callback"


def test_handles_are_checked_and_a_failed_add_leaves_no_trace(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
    rsps: responses.RequestsMock,
) -> None:
    from socialdesk.inbox import Inbox
    from socialdesk.store import Store

    data = ["--data-dir", str(tmp_path)]
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "add", "x", "bad handle!",
                       stdin="t\n\n\n")  # fmt: skip
    assert code == 1 and "'bad handle!' is not an X handle" in err
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "add", "reddit", "@brand",
                       stdin="id\n\nr\n")  # fmt: skip
    assert code == 1 and "'@brand' is not a Reddit username" in err
    # Offline: nothing saved, and the message does not promise a retry.
    rsps.add(responses.GET, f"{API}/users/me",
             body=__import__("requests").exceptions.ConnectionError("down"))  # fmt: skip
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "add", "x", "Brand",
                       stdin="t\n\n\n")  # fmt: skip
    assert code == 1
    assert err == (
        "socialdesk: error: cannot reach X (ConnectionError): nothing was saved; try again "
        "when the network is back, or add the account without checking it now\n"
    )
    assert os_keyring.saved == {}
    store = Store.open(f"sqlite:///{tmp_path / 'socialdesk.db'}")
    try:
        assert Inbox(store).accounts() == []  # not in the navigation either
    finally:
        store.close()


def test_remove_without_a_keyring_removes_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    os_keyring: MemoryKeyring,
) -> None:
    data = ["--data-dir", str(tmp_path)]
    run(capsys, monkeypatch, *data, "accounts", "add", "x", "Brand", "--no-test",
        stdin="t\n\n\n")  # fmt: skip
    keyring.set_keyring(NoKeyring())
    code, _, err = run(capsys, monkeypatch, *data, "accounts", "remove", "@brand")
    assert code == 1 and "PYTHON_KEYRING_BACKEND" in err
    keyring.set_keyring(os_keyring)
    code, out, _ = run(capsys, monkeypatch, *data, "accounts", "list")
    assert out.startswith("x:brand: new")
    assert ("socialdesk", "x:brand:access_token") in os_keyring.saved


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend: it keeps secrets readable."""


def test_a_plain_text_keyring_is_used_only_when_chosen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from socialdesk.secrets import KeyringUnavailable, SecretStore

    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        with pytest.raises(KeyringUnavailable, match="keeps secrets in a file"):
            SecretStore().check()
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        assert SecretStore().check().endswith("PlaintextKeyring")
    finally:
        keyring.set_keyring(previous)
