"""Where a project lives: a file (SQLite) or a team server (``postgresql://…``).

Every command and window that takes a project opens it through
:func:`open_home`, which is the one place that tells the two homes apart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.core.config import Identity
from app.core.server import is_server_url
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


def open_home(location: Path | str, identity: Identity | None = None) -> ProjectStore:
    """The project at ``location``: a path to a project file, or a server URL."""
    if is_server_url(location):
        from app.core.server.store import ServerStore

        return ServerStore.open(str(location), identity)
    return ProjectStore.open(Path(location), identity)
