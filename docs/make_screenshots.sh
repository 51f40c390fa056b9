#!/usr/bin/env bash
# Screenshots of the main views on the demo project, at the sizes delegates use.
# Needs Xvfb (xvfb-run). Usage: docs/make_screenshots.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
for size in 1366x768 1920x1080; do
  xvfb-run -a -s "-screen 0 ${size}x24" "$PY" -m app.gui.screenshots docs/screenshots "$size"
done
ls docs/screenshots
