"""Measures the real window in a process of its own (see benchmarks.inbox, .stall and
.startup). Prints one JSON object on its last line."""

from __future__ import annotations

import itertools
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app: Any, done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not answer in time")
        app.processEvents()
        time.sleep(0.0005)


def _window(store: Any, app: Any, folder: str, **kw: Any) -> Any:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, "benchmark", agent="bench", settings=settings, sync_jobs=[], **kw)
    window.resize(1500, 860)
    return window


def _reload_timer(app: Any, window: Any) -> Callable[[Callable[[], None]], float]:
    arrived: list[float] = []
    window.model.reloaded.connect(lambda: arrived.append(time.perf_counter()))

    def measure(action: Callable[[], None]) -> float:
        arrived.clear()
        began = time.perf_counter()
        action()
        _wait(app, lambda: bool(arrived))
        return arrived[0] - began

    return measure


def inbox(path: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.inbox import SEARCH_WORDS, percentile
    from socialdesk.inbox import SORTS, VIEWS
    from socialdesk.store import Store
    from ui.nav import Place

    began = time.perf_counter()
    store = Store.open(f"sqlite:///{path}")
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = _window(store, app, folder, sync_interval_ms=10**9)
        first: list[float] = []
        window.model.reloaded.connect(lambda: first.append(time.perf_counter()))
        window.show()
        window.start()
        _wait(app, lambda: bool(first))
        first_page = first[0] - began
        measure = _reload_timer(app, window)
        combo = window.inbox_pane.sort
        refreshes = []
        for view in VIEWS:
            if window.nav.current() != Place(view=view):  # the first is already shown
                refreshes.append(measure(lambda view=view: window.nav.select(Place(view=view))))
            for sort in (*SORTS[1:], SORTS[0]):
                index = combo.findData(sort)
                refreshes.append(measure(lambda index=index: combo.setCurrentIndex(index)))
        for network in ("x", "reddit"):
            place = Place(view="inbox", network=network)
            # The networks join the navigation with the first counts.
            _wait(app, lambda place=place: place.key() in window.nav._items)
            refreshes.append(measure(lambda place=place: window.nav.select(place)))
        window.nav.select(Place(view="needs_reply"))
        searches = []
        search = window.inbox_pane.search
        for word in SEARCH_WORDS:
            for end in range(2, len(word) + 1):
                search.blockSignals(True)  # the typing delay is the UI's, not the query's
                search.setText(word[:end])
                search.blockSignals(False)
                searches.append(measure(window.queue.apply))
        search.clear()
        window.close()
    store.close()
    return {
        "first_page_s": round(first_page, 3),
        "refresh_median_s": round(statistics.median(refreshes), 4),
        "refresh_p95_s": round(percentile(refreshes, 0.95), 4),
        "search_p95_s": round(percentile(searches, 0.95), 4),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "refreshes": len(refreshes),
        "searches": len(searches),
    }


def _import_line(item: Any) -> str:
    """An ``IncomingMessage`` as one line of the import format."""
    return json.dumps(
        {
            "network": item.network.value,
            "external_id": item.external_id,
            "kind": item.kind.value,
            "direction": item.direction.value,
            "in_reply_to": item.in_reply_to or "",
            "conversation": item.conversation or "",
            "author": {
                "id": item.author.id,
                "handle": item.author.handle,
                "name": item.author.name,
                "followers": item.author.followers,
            },
            "account": item.account,
            "created_at": item.created_at.isoformat(),
            "text": item.text,
            "url": item.url,
        }
    )


def _timed_application() -> Any:
    from PySide6.QtWidgets import QApplication

    class TimedApplication(QApplication):
        """Times every event it delivers (STALL_DEBUG only: it slows delivery)."""

        events: list[tuple[float, float, str]] = []  # noqa: RUF012

        def notify(self, receiver: Any, event: Any) -> bool:
            began = time.perf_counter()
            cpu = time.thread_time()
            try:
                return super().notify(receiver, event)
            finally:
                took = time.perf_counter() - began
                cpu = time.thread_time() - cpu
                if took > 0.004:
                    try:
                        name = f"{type(receiver).__name__}/{receiver.objectName()}"
                    except RuntimeError:
                        name = type(receiver).__name__
                    what = f"{name} {event.type().name} (on the CPU {1000 * cpu:.1f} ms)"
                    self.events.append((began, took, what))

    return TimedApplication


def _TimedApplication(argv: list[str]) -> Any:
    return _timed_application()(argv)


class _StallDebug:
    """STALL_DEBUG=1: samples the GUI thread's Python stack every millisecond and logs
    garbage collections, then prints what the thread was doing in each long gap."""

    def __init__(self) -> None:
        import gc
        import threading
        import traceback

        self.samples: list[tuple[float, str]] = []
        self.collections: list[tuple[float, float, int]] = []
        self._gc_began = 0.0
        main = threading.main_thread().ident
        self._stop = threading.Event()

        def sample() -> None:
            me = threading.get_ident()
            while not self._stop.is_set():
                for ident, frame in sys._current_frames().items():
                    if ident == me:
                        continue
                    stack = traceback.extract_stack(frame)[-6:]
                    text = " < ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)
                    )
                    who = "GUI" if ident == main else "worker"
                    self.samples.append((time.perf_counter(), f"{who}: {text}"))
                time.sleep(0.001)

        def collected(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                self._gc_began = time.perf_counter()
            else:
                self.collections.append((self._gc_began, time.perf_counter(), info["generation"]))

        gc.callbacks.append(collected)
        threading.Thread(target=sample, daemon=True).start()

    def report(self, ticks: list[float]) -> None:
        from collections import Counter

        from PySide6.QtWidgets import QApplication

        self._stop.set()
        for a, b in itertools.pairwise(ticks):
            if b - a < 0.025:
                continue
            print(f"gap {1000 * (b - a):.1f} ms at {a - ticks[0]:.2f} s", file=sys.stderr)
            for start, end, gen in self.collections:
                if start < b and end > a:
                    print(f"  gc gen {gen}: {1000 * (end - start):.1f} ms", file=sys.stderr)
            events = getattr(type(QApplication.instance()), "events", [])
            for began, took, what in events:
                if began < b and began + took > a:
                    print(
                        f"  event {1000 * took:.1f} ms at +{1000 * (began - a):.0f}: {what}",
                        file=sys.stderr,
                    )
            seen = Counter(text for t, text in self.samples if a <= t <= b)
            for text, count in seen.most_common(12):
                print(f"  {count:3d} x {text}", file=sys.stderr)


def stall(path: str, messages: int) -> dict[str, Any]:
    """The window imports ``messages`` through its own File > Import (a process of its
    own, as every long write in the app runs); a 5 ms heartbeat on the GUI thread."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.ingest import synthetic_messages
    from socialdesk.store import Store

    store = Store.open(f"sqlite:///{path}")
    app = _TimedApplication([]) if os.environ.get("STALL_DEBUG") else QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "stall.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for item in synthetic_messages(messages, seed=99):
                out.write(_import_line(item) + "\n")
        # The app's own sync interval: every 5 s it notices the new rows and reloads the
        # view, the counts and the open conversation while the import goes on.
        window = _window(store, app, folder, data_dir=Path(path).parent)
        window.show()
        window.start()
        _wait(app, lambda: window.model.rowCount() > 0)
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        outcome: list[tuple[bool, str]] = []
        loop = QEventLoop()

        def finished(ok: bool, message: str) -> None:
            outcome.append((ok, message))
            loop.quit()

        window.importer.finished.connect(finished)
        debug = _StallDebug() if os.environ.get("STALL_DEBUG") else None
        heartbeat.start()
        began = time.perf_counter()
        if not window.import_file(str(source)):
            raise RuntimeError("the import did not start")
        loop.exec()  # the real event loop, as the app runs it, until the import is done
        seconds = time.perf_counter() - began
        for _ in range(20):  # the reloads the import caused
            app.processEvents()
            time.sleep(0.01)
        heartbeat.stop()
        if debug is not None:
            debug.report(ticks)
        window.close()
    store.close()
    ok, message = outcome[0]
    stored = re.search(r"New messages: ([^;]+);", message)
    if not ok or stored is None or re.sub(r"\D", "", stored.group(1)) != str(messages):
        raise RuntimeError(f"the import went wrong: {message}")
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    return {
        "messages": messages,
        "max_stall_ms": round(max(gaps) * 1000 - 5, 1),
        "p99_stall_ms": round(sorted(gaps)[int(0.99 * (len(gaps) - 1))] * 1000 - 5, 1),
        "import_s": round(seconds, 1),
        "heartbeats": len(ticks),
    }


def startup(folder: str, launched: float) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from socialdesk.config import resolve_workspace
    from socialdesk.store import Store
    from ui.app import build_window

    workspace = resolve_workspace(folder, None)
    store = Store.open(workspace.db_url)
    app = QApplication([])
    window = build_window(store, workspace, app)
    shown: list[float] = []
    window.model.reloaded.connect(lambda: shown.append(time.time()))
    window.show()
    window.start()
    _wait(app, lambda: bool(shown))
    interactive = shown[0] - launched
    window.close()
    store.close()
    return {"startup_s": round(interactive, 3)}


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "inbox":
        out = inbox(sys.argv[2])
    elif mode == "stall":
        out = stall(sys.argv[2], int(sys.argv[3]))
    else:
        out = startup(sys.argv[2], float(sys.argv[3]))
    print(json.dumps(out))
