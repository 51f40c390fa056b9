"""CPU time of the PDF reader's workers kept between imports (app.importers.pdf.standing).

A kept worker is alive, so its time is not among the reaped children's
(``RUSAGE_CHILDREN``): it is read from /proc, in clock ticks (10 ms), so a
single import's share is coarse while the sum over a benchmark's runs is not.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.importers.pdf import standing

KEEP_READERS = 300.0  # seconds, as the window keeps them (app.gui.importing.KEEP_READERS)
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def kept_cpu() -> dict[int, float]:
    """CPU seconds so far of each kept worker, by process id (Linux; empty elsewhere)."""
    out = {}
    for pid in standing.pids():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime
    return out


def kept_cpu_since(before: dict[int, float]) -> float:
    """CPU seconds the kept workers used since ``before`` (:func:`kept_cpu`) was read."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in kept_cpu().items())
