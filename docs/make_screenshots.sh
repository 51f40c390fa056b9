#!/usr/bin/env bash
# Screenshots of the main views on the demo project, at the sizes delegates use.
# Needs Xvfb (xvfb-run). Usage: docs/make_screenshots.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
# The laptop screens delegates carry (1280x720 is 1920x1080 at 150 %), a large screen,
# and the French interface on the commonest laptop.
for size in 1366x768 1280x720 1024x600 1920x1080; do
  xvfb-run -a -s "-screen 0 ${size}x24" "$PY" -m app.gui.screenshots docs/screenshots "$size"
done
xvfb-run -a -s "-screen 0 1366x768x24" "$PY" -m app.gui.screenshots docs/screenshots 1366x768 fr
ls docs/screenshots
