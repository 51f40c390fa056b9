"""Row identity and time stamps, apart from the models so that light commands need no ORM.

``rejoinder new`` writes its first rows and reads the settings without
importing SQLAlchemy (see :mod:`app.core.projectfile`); both need these.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

logger = logging.getLogger(__name__)

APPLICATION_ID = 0x524A4E44  # "RJND": PRAGMA application_id of every project file


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
