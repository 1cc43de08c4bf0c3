"""Importing a file from the window, in a process of its own.

The import runs as ``python -m socialdesk.background import FILE --json`` (see
``socialdesk.background``): it writes to the store at a lower CPU priority while the
window keeps answering, and the sync's change detection shows new conversations as
they land. ``QProcess`` reports on the GUI thread; nothing here waits.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from ui.labels import number_label

# Bad rows worth quoting in the notice; the rest are counted.
QUOTED_ERRORS = 3


def background_process(
    parent: QObject, data_dir: Path | None, db_url: str, arguments: list[str]
) -> QProcess:
    """A ``socialdesk`` command in a process of its own at a lower CPU priority (see
    ``socialdesk.background``), set up but not started. The workspace travels in the
    environment, never on the command line."""
    process = QProcess(parent)
    environment = QProcessEnvironment.systemEnvironment()
    environment.insert("SOCIALDESK_DB_URL", db_url)
    if data_dir is not None:
        environment.insert("SOCIALDESK_DATA_DIR", str(data_dir))
    process.setProcessEnvironment(environment)
    process.setProgram(sys.executable)
    process.setArguments(["-m", "socialdesk.background", *arguments])
    return process


def last_error(stderr: bytes) -> str:
    """The one-line error a command printed last, without its prefix."""
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1].removeprefix("socialdesk: error: ") if lines else ""


class ImportRunner(QObject):
    """One import at a time. ``finished(ok, message)`` carries what to tell the agent."""

    started = Signal(str)  # the file's name
    finished = Signal(bool, str)

    def __init__(self, data_dir: Path | None, db_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.db_url = db_url
        self._process: QProcess | None = None
        self._name = ""
        self._errors: list[str] = []
        self._last_error = ""
        self._partial = b""

    def running(self) -> bool:
        return self._process is not None

    def start(self, path: str) -> bool:
        """Start importing ``path``; False when an import is already running."""
        if self._process is not None:
            return False
        process = background_process(self, self.data_dir, self.db_url, ["import", path, "--json"])
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._name = Path(path).name
        self._errors, self._last_error, self._partial = [], "", b""
        process.start()
        self.started.emit(self._name)
        return True

    def stop(self, wait_ms: int = 5_000) -> None:
        """Stop a running import (the window is closing). Rows already stored stay;
        importing the file again adds the rest."""
        process = self._process
        if process is None:
            return
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        process.terminate()  # the import winds down: its batch rolls back, workers stop
        if not process.waitForFinished(wait_ms):
            process.kill()
            process.waitForFinished(1_000)
        self._process = None

    # -- reports ---------------------------------------------------------------------------

    def _read_errors(self) -> None:
        if self._process is None:
            return
        data = self._partial + bytes(self._process.readAllStandardError().data())
        *lines, self._partial = data.split(b"\n")
        for line in lines:
            self._note_error(line)

    def _note_error(self, raw: bytes) -> None:
        text = raw.decode("utf-8", errors="replace").strip()
        if not text:
            return
        self._last_error = text
        if len(self._errors) < QUOTED_ERRORS:
            self._errors.append(text)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(
                False,
                self.tr("The import could not start ({0}).").format(
                    self._process.errorString() if self._process else error.name
                ),
            )

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        self._read_errors()
        self._note_error(self._partial)
        self._partial = b""
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", errors="replace")
        summary = _summary(out)
        if status == QProcess.ExitStatus.CrashExit or (summary is None and code == 0):
            self._finish(
                False,
                self.tr(
                    "The import of {0} stopped unexpectedly; see logs/socialdesk.log in the "
                    "workspace folder. Importing the file again adds what is missing."
                ).format(self._name),
            )
            return
        if summary is None:  # its last line says why: the file, the database or an option
            problem = last_error(self._last_error.encode()) or self.tr("exit code {0}").format(code)
            self._finish(False, self.tr("Could not import {0}: {1}").format(self._name, problem))
            return
        message = self.tr(
            "Imported {0}. New messages: {1}; new conversations: {2}; already there: {3}."
        ).format(
            self._name,
            number_label(summary["inserted"]),
            number_label(summary["conversations"]),
            number_label(summary["duplicates"]),
        )
        bad = summary["bad_rows"]
        if bad:
            message += " " + self.tr("Bad rows skipped: {0}, for example: {1}").format(
                number_label(bad), " · ".join(self._errors)
            )
        self._finish(not bad, message)

    def _finish(self, ok: bool, message: str) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        self.finished.emit(ok, message)


def last_json(out: bytes | str) -> dict[str, object] | None:
    """The JSON object a ``--json`` command printed as its last line, or None."""
    text = out.decode("utf-8", errors="replace") if isinstance(out, bytes) else out
    lines = text.strip().splitlines()
    try:
        data = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _summary(out: str) -> dict[str, int] | None:
    """The import's summary, or None."""
    data = last_json(out) or {}
    summary = {k: data.get(k) for k in ("inserted", "duplicates", "bad_rows", "conversations")}
    counts = {k: v for k, v in summary.items() if isinstance(v, int)}
    return counts if len(counts) == len(summary) else None
