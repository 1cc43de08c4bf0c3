"""Logging: a rotating file in the workspace, and the console with --verbose."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "socialdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path | None, *, verbose: bool) -> Path | None:
    """Returns the log file's path, or None when the folder cannot be written."""
    # A log that cannot be written (a full disk) must not print tracebacks over the
    # command's own one-line error: the standard library's production setting.
    logging.raiseExceptions = False
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_socialdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        # Without any handler Python prints warnings to stderr itself, which would
        # repeat the CLI's own one-line error when the log folder is unusable.
        root.addHandler(logging.NullHandler())
    # Alembic narrates every connection at INFO; the store logs what matters.
    logging.getLogger("alembic").setLevel(logging.DEBUG if verbose else logging.WARNING)
    # ... and lists its plugins on every start, which says nothing about this run.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    log_file: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            log_file = log_dir / LOG_FILENAME
            file_handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:
            log_file = None
        else:
            file_handler.setFormatter(logging.Formatter(_FORMAT))
            file_handler._socialdesk = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
    if verbose:
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(_FORMAT))
        console._socialdesk = True  # type: ignore[attr-defined]
        root.addHandler(console)
    return log_file
