"""A kill -9 at any moment loses nothing committed and never corrupts the file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.core.services.passages import list_passages
from app.core.services.responses import revisions
from app.core.store import ProjectStore
from tests.core.factories import populated
from tests.helpers import ROOT


def test_kill_during_writes_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.core.kill_writer", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        assert proc.stdout is not None
        last = 0
        for line in proc.stdout:
            last = int(line)
            if last >= 20 + 7 * round_:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert last > 0
        # a rollback journal (header bytes 18-19 are 1, WAL would be 2): no -wal file to lose
        assert path.read_bytes()[18:20] == b"\x01\x01"
        assert not path.with_name(path.name + "-wal").exists()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
        with ProjectStore.open(path) as again:
            (passage,) = list_passages(again)
            number = int(passage.response_text.split()[2])
            assert number >= last
            assert passage.response_id is not None
            assert len(revisions(again, passage.response_id)) >= last - 1
        # a journal the kill left (hot or not) does not outlive the next clean close
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
