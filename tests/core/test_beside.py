"""Work forked beside a command: its result, whatever happens to the process that did it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from app.core import beside as beside_module
from app.core.beside import beside, can_fork
from tests.helpers import ROOT

PARENT = os.getpid()


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def _fails_beside(value: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        raise ValueError("only the forked process fails")
    return os.getpid(), value


def _slow_beside(value: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        time.sleep(5)
    return os.getpid(), value


def _interrupted_beside(value: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C reaches the whole terminal group
    return os.getpid(), value


def _dies_beside(value: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        os._exit(3)
    return os.getpid(), value


@pytest.fixture
def forkable(monkeypatch: pytest.MonkeyPatch) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    # pytest's own threads (xdist, timeouts) would make forking look unsafe.
    monkeypatch.setattr(beside_module, "can_fork", lambda: True)


def test_the_work_runs_in_another_process(forkable: None) -> None:
    pid, doubled = beside(_pid_and, (21,))()
    assert doubled == 42 and pid != os.getpid()


def test_ctrl_c_is_left_to_the_process_that_forked(forkable: None) -> None:
    # The forked process printed its own traceback under the command's one line.
    pid, value = beside(_interrupted_beside, (3,))()
    assert value == 3 and pid != os.getpid()


def test_work_that_fails_there_is_done_here(forkable: None) -> None:
    assert beside(_fails_beside, (5,))() == (os.getpid(), 5)


def test_work_whose_process_dies_is_done_here(forkable: None) -> None:
    assert beside(_dies_beside, (7,))() == (os.getpid(), 7)


def test_work_that_takes_too_long_is_done_here(
    forkable: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(beside_module, "WAIT", 0.0)
    began = time.monotonic()
    assert beside(_slow_beside, (9,))() == (os.getpid(), 9)
    assert time.monotonic() - began < 4  # not waited for


def test_with_another_thread_running_nothing_is_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert beside(_pid_and, (1,))() == (os.getpid(), 2)
    finally:
        stop.set()
        thread.join()


_HELD = """
import os, signal, time
from app.core.beside import interrupts_held
recorded = []
try:
    with interrupts_held():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # held back: not raised here
        recorded.append("helper")
except KeyboardInterrupt:
    print("interrupted after", recorded)
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
def test_ctrl_c_while_a_helper_starts_is_raised_once_it_is_recorded() -> None:
    # In a process of one thread, as the command line is when it forks (here,
    # pytest's other threads would take the signal).
    done = subprocess.run(
        [sys.executable, "-c", _HELD], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "interrupted after ['helper']", done.stderr
