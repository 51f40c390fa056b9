"""Memory with 50 sources / 3,000 pages open in the main window (budget ≤ 250 MB RSS).

    .venv/bin/python -m bench.memory

A fresh process (offscreen platform, settings in a temporary folder) opens
a 50-source, 3,000-page project in the main window, then shows every source
in the reader in turn, as a delegate reading through the papers would; the
resident set size (VmRSS, /proc/self/status) is read after opening and after
the last source, once the event loop is idle.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synth import Shape, build_project

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from app.gui.application import _application
from app.gui.main_window import MainWindow

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

app = _application()
window = MainWindow()
window.resize(1366, 768)
window.show()
window.open_project(Path(sys.argv[1]), remember=False)

def measure():
    print(f"OPEN {rss_mb():.1f}", flush=True)
    panel = window.workspace.sources
    for row in range(panel.list.count()):
        panel.list.setCurrentRow(row)
        app.processEvents()
    print(f"READ {rss_mb():.1f} {panel.list.count()}", flush=True)
    app.quit()

QTimer.singleShot(0, measure)
app.exec()
"""


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    shape = Shape(sources=50, pages=60, passages_per_source=20)
    project = build_project(folder / "memory.rejoinder", shape)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "LOG"):
        env[f"REJOINDER_{name}_DIR"] = str(folder / name.lower())
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(project)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {
        line.split()[0]: line.split()[1:]
        for line in out.splitlines()
        if line[:4] in ("OPEN", "READ")
    }
    print(f"project: {shape.sources} sources, {shape.sources * shape.pages} pages")
    print(f"RSS after opening: {figures['OPEN'][0]} MB")
    print(
        f"RSS after showing all {figures['READ'][1]} sources in the reader: "
        f"{figures['READ'][0]} MB (budget 250 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
