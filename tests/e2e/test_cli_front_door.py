"""``rejoinder`` before any command runs: help lists the commands, a typo is named, no display.

A person's first contact with the command line is ``rejoinder --help`` and
their first mistake a mistyped command; both must tell them what to do, in
one line for the mistake, and never start a window that has nowhere to go.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import start
from app.cli import COMMANDS, command_list

ROOT = Path(__file__).resolve().parents[2]


def _registered() -> list[str]:
    return [line.split()[0] for line in command_list().splitlines()]


def test_every_registered_command_is_reachable_from_the_entry_point() -> None:
    # source-language was registered but missing here: `rejoinder source-language` opened a window.
    assert sorted(_registered()) == sorted(COMMANDS)


def test_help_lists_every_command_with_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        start(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        line = next(ln for ln in out.splitlines() if ln.split()[:1] == [name])
        assert len(line.split()) > 1, f"{name} has no description"
    assert "--demo" in out  # the window's own options are still there


@pytest.mark.parametrize(
    ("word", "suggested"), [("exprot", "export"), ("improt", "import"), ("simlar", "similar")]
)
def test_a_mistyped_command_is_named_with_the_closest_one(
    capsys: pytest.CaptureFixture[str], word: str, suggested: str
) -> None:
    assert start([word, "project.rejoinder"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert f"“{word}”" in lines[0] and f"“{suggested}”" in lines[0]


def test_a_word_like_no_command_is_refused_without_a_guess(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert start(["banana"]) == 2
    err = capsys.readouterr().err.strip()
    assert "“banana”" in err and "Did you mean" not in err and "--help" in err


def test_an_existing_file_without_suffix_is_not_taken_for_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A project named without its suffix still goes to the window (here: refused for no display).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_bytes(b"")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is Linux's")
    assert start(["exprot"]) == 2
    err = capsys.readouterr().err
    assert "not a command" not in err and "display" in err


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_no_display_is_one_translated_line_not_a_qt_abort(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(REJOINDER_CONFIG_DIR=str(tmp_path), REJOINDER_DATA_DIR=str(tmp_path))
    english = _run({**env, "LANGUAGE": "en"}, "--demo")
    assert english.returncode == 2
    assert english.stderr.splitlines() == [
        "rejoinder: There is no display to open Rejoinder's window on. The commands work "
        "without one: rejoinder --help lists them."
    ]
    french = _run({**env, "LANGUAGE": "fr"}, "exprot")
    assert french.returncode == 2
    assert french.stderr.splitlines() == [
        "rejoinder: « exprot » n’est pas une commande. Vouliez-vous dire « export » ? "
        "(rejoinder --help en donne la liste)"
    ]
