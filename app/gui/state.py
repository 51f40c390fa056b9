"""Window geometry and dock layout, kept in a small JSON next to the settings.

Qt's QSettings would write to the registry on Windows; one JSON file in the
config folder is easier to reset and to ship with a support request.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray

from app.core.config import paths

logger = logging.getLogger(__name__)


def _file() -> Path:
    return paths().config_dir / "window.json"


def load_window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """(geometry, dock state), None where missing or unreadable."""
    try:
        raw = json.loads(_file().read_text(encoding="utf-8"))
        geometry = QByteArray(base64.b64decode(raw["geometry"]))
        state = QByteArray(base64.b64decode(raw["state"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None, None
    return geometry, state


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    target = _file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        payload = {
            "geometry": base64.b64encode(geometry.data()).decode("ascii"),
            "state": base64.b64encode(state.data()).decode("ascii"),
        }
        tmp.write_text(json.dumps(payload), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # losing the window layout must never stop the app from closing
