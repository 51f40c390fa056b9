"""Run the command line as an installed copy runs: its modules byte-compiled.

An installed Rejoinder has its bytecode (pip compiles it at install time,
the bundle ships it); a developer's checkout writes it on the first run.
A shell with ``PYTHONDONTWRITEBYTECODE=1`` (this machine's sessions have it)
never writes it, so every timed ``python -m app`` compiled the application's
modules from source again: about 15 ms of each import command, a cost no
user pays. The benchmarks that time whole commands call :func:`byte_compile`
first; Python reads bytecode whatever that variable says.
"""

from __future__ import annotations

import compileall
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]


def byte_compile() -> None:
    """Write the bytecode of the application and its schema revisions where it is missing or old."""
    for package in ("app", "db_migrations"):
        compileall.compile_dir(ROOT / package, quiet=1)
