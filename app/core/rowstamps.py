"""The session hook that stamps every row a write adds or changes.

Kept apart from :mod:`app.core.stamps` (the stamps themselves, no
SQLAlchemy), which the command line's sqlite3-only import loads: this hook
needs the ORM's view of what a flush changes. Both the project file's and
the team server's writes install it on their session.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.core.models import Tracked, utcnow
from app.core.stamps import dump_history, load_history, new_stamp, record_change, record_created

logger = logging.getLogger(__name__)

UNSTAMPED = frozenset({"id", "created_at", "updated_at", "changed_by", "field_history"})


def stamp_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    """Every new or changed row records when and by whom, and stamps each changed field.

    The per-field stamps are what ``app.core.merge`` compares to tell a change
    made in one copy from changes made in both (see ``app.core.stamps``).
    Installed as the session's ``before_flush`` listener.
    """
    member_id = session.info.get("member_id")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            obj.changed_by = obj.changed_by or member_id
            history = load_history(obj.field_history)
            record_created(history, new_stamp(now, obj.changed_by))
            obj.field_history = dump_history(history)
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj):
            state = inspect(obj)
            changed = [
                attr.key
                for attr in state.mapper.column_attrs
                if attr.key not in UNSTAMPED and state.attrs[attr.key].history.has_changes()
            ]
            if changed:
                history = load_history(obj.field_history)
                record_change(history, changed, new_stamp(now, member_id))
                obj.field_history = dump_history(history)
            obj.updated_at = now
            obj.changed_by = member_id
