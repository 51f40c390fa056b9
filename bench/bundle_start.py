"""The bundled application: start to a usable window (budget ≤ 1.5 s) and size on disk.

    make bundle && .venv/bin/python -m bench.bundle_start

Runs ``dist/rejoinder/rejoinder PROJECT`` the way a user's double-click does,
on the same 50-source project and with the same ready signal as
``bench/gui_start.py``; reports the median of 5 starts after one warm-up, and
the bundle's size on disk (budget ≤ 150 MB).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from bench.gui_start import run_once
from bench.synth import Shape, build_project

BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "rejoinder"


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def main() -> int:
    exe = BUNDLE / "rejoinder"
    if not exe.exists():
        print("no bundle: run `make bundle` first", file=sys.stderr)
        return 1
    print(f"bundle: {_size(BUNDLE) / 1e6:.0f} MB on disk (budget 150 MB)")
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    project = build_project(folder / "start.rejoinder", Shape(sources=50, pages=60))
    run_once(project, folder, [str(exe)])
    times = [run_once(project, folder, [str(exe)]) for _ in range(5)]
    print("runs: " + ", ".join(f"{t:.3f} s" for t in times))
    print(
        f"bundle start to usable window (median of 5): {statistics.median(times):.3f} s"
        " (budget 1.5 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
