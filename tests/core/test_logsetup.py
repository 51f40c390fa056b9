"""The log file and crash reports: what support gets when a delegate's app fails."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import pytest

from app import logsetup


@pytest.fixture(autouse=True)
def clean_root_logger() -> Iterator[None]:
    """Leave the root logger as it was, so no other test writes into our temp folder."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def _file_handlers() -> list[RotatingFileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]


def test_warnings_and_errors_reach_the_file_info_does_not(tmp_path: Path) -> None:
    logsetup.setup_logging(tmp_path / "logs")
    log = logging.getLogger("rejoinder.test")
    log.info("routine detail")
    log.warning("disk almost full")
    log.error("export failed")
    for handler in _file_handlers():
        handler.flush()
    text = (tmp_path / "logs" / logsetup.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "disk almost full" in text
    assert "export failed" in text
    assert "routine detail" not in text


def test_rotation_is_capped(tmp_path: Path) -> None:
    logsetup.setup_logging(tmp_path)
    (handler,) = _file_handlers()
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5


def test_second_setup_replaces_the_handler(tmp_path: Path) -> None:
    logsetup.setup_logging(tmp_path / "a")
    logsetup.setup_logging(tmp_path / "b")
    (handler,) = _file_handlers()
    assert Path(handler.baseFilename).parent == tmp_path / "b"


def test_unwritable_log_dir_does_not_stop_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    logsetup.setup_logging(blocker / "logs")
    assert _file_handlers() == []
    assert "cannot write the log" in capsys.readouterr().err


def _raise_and_catch() -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        sections: dict[str, int] = {}
        sections["missing section"] += 1
    except KeyError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        return exc_type, exc, tb
    raise AssertionError("unreachable")


def test_crash_report_holds_version_platform_python_and_traceback(tmp_path: Path) -> None:
    exc_type, exc, tb = _raise_and_catch()
    path = logsetup.write_crash_report(exc_type, exc, tb, tmp_path / "logs")
    assert path.parent == tmp_path / "logs"
    assert path.name.startswith("crash-") and path.suffix == ".txt"
    text = path.read_text(encoding="utf-8")
    from app import __version__

    assert f"Version: {__version__}" in text
    assert "Platform: " in text
    assert f"Python: {sys.version.split()[0]}" in text
    assert "KeyError: 'missing section'" in text
    assert "_raise_and_catch" in text


def test_crash_reports_never_overwrite_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock:
        @staticmethod
        def now(tz: object = None) -> object:
            from datetime import UTC, datetime

            return datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)

    monkeypatch.setattr(logsetup, "datetime", FrozenClock)
    exc_type, exc, tb = _raise_and_catch()
    first = logsetup.write_crash_report(exc_type, exc, tb, tmp_path)
    second = logsetup.write_crash_report(exc_type, exc, tb, tmp_path)
    assert first != second
    assert first.exists() and second.exists()


def test_default_log_dir_honours_the_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REJOINDER_LOG_DIR", str(tmp_path))
    assert logsetup.default_log_dir() == tmp_path
    monkeypatch.delenv("REJOINDER_LOG_DIR")
    assert "rejoinder" in str(logsetup.default_log_dir()).lower()


def test_default_log_dir_is_the_configured_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README tells users one folder; the CLI and the GUI must both use it."""
    from app.core.config import paths

    monkeypatch.delenv("REJOINDER_LOG_DIR", raising=False)
    assert logsetup.default_log_dir() == paths().log_dir
