"""Log file and crash reports for a program whose users never see a terminal.

A bundled GUI app started from a desktop icon has no stderr anyone reads, so
warnings go to a rotating file in the platform's user log folder and an
unhandled exception leaves a self-contained report a delegate can attach to an
e-mail. This module imports no Qt: the CLI and the GUI both call it, and the
GUI's ``sys.excepthook`` only adds a dialog on top of ``write_crash_report``.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

logger = logging.getLogger(__name__)

LOG_FILE_NAME = "rejoinder.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
_HANDLER_MARK = "_rejoinder_file_handler"


def default_log_dir() -> Path:
    """The per-user log folder; ``REJOINDER_LOG_DIR`` overrides it for tests and support.

    Same rule as ``app.core.config.paths().log_dir``, so a CLI run and the GUI
    write to the folder the README tells users to look in.
    """
    override = os.environ.get("REJOINDER_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("Rejoinder"))


def setup_logging(log_dir: Path) -> None:
    """Send warnings and errors from every logger to a size-capped file in ``log_dir``.

    Capped at about 1 MB × 5 files so that a laptop that runs for months never
    fills up. Calling it again (a second window, a test) replaces the handler
    instead of writing every line twice. If the folder cannot be created the
    app still starts: losing the log is better than refusing to open a project.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            log_dir / LOG_FILE_NAME,
            maxBytes=MAX_LOG_BYTES,
            backupCount=LOG_BACKUPS,
            encoding="utf-8",
            delay=True,
        )
    except OSError as exc:
        print(f"Rejoinder: cannot write the log in {log_dir}: {exc}", file=sys.stderr)
        return
    setattr(handler, _HANDLER_MARK, True)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logging.captureWarnings(True)


def _app_version() -> str:
    try:
        from app import __version__
    except ImportError:  # a broken install is exactly when a crash report is needed
        return "unknown"
    return __version__


def crash_report_text(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> str:
    """The report's content: everything support needs to reproduce, nothing from the project."""
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    lines = [
        "Rejoinder crash report",
        f"Time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"Version: {_app_version()} ({frozen})",
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    return "\n".join(lines)


def write_crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_dir: Path,
) -> Path:
    """Write a timestamped crash report into ``log_dir`` and return its path.

    The signature matches ``sys.excepthook`` plus the folder, so a hook is a
    one-liner. The name carries microseconds and never overwrites an older
    report: two crashes in the same second are both kept. The traceback is
    also logged so it appears in the rotating log next to what led up to it.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    text = crash_report_text(exc_type, exc, tb)
    counter = 0
    while True:
        suffix = f"-{counter}" if counter else ""
        path = log_dir / f"crash-{stamp}{suffix}.txt"
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            counter += 1
            continue
        break
    logging.getLogger("rejoinder.crash").error(
        "Unhandled exception, report written to %s", path, exc_info=(exc_type, exc, tb)
    )
    return path
