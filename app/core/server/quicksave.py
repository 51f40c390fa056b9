"""A member's save of a response's text on a team server, in two round trips.

Saving a response's text is what members do most, many at once. Through the
ORM a save costs a transaction of its own (BEGIN, a locking read, the UPDATE,
the revision's INSERT, the journal's entry, NOTIFY with the COMMIT) and most
of its time is Python: the unit of work, the journal's images, the stamps.
Here the same save is two statements, each its own transaction
(autocommit):

1. one read of the response (its owner's for a shared answer), with its
   version and the names a conflict records;
2. one statement that writes everything the ORM path writes: the UPDATE,
   guarded by the version read (``xmin``), the revision of the old text, the
   journal entry with both rows' images (my undone entries dropped, as
   :func:`~app.core.journal.recorder.write_entries` does on a server), and
   ``pg_notify``; or, when the editor's version is no longer the row's, the
   conflict that keeps this text beside the other member's, with its entry
   and announcement.

Nothing is weaker than on the ORM path. The UPDATE applies only to the
version read; a concurrent save in between makes it match no row (PostgreSQL
re-checks the condition on the newest row version), and nothing of the
statement is written. So does a row the login may not change (row-level
security hides it). A row changed meanwhile is read again (the save may
now be a conflict); a row that would still not be written, and anything
but a plain text save, make :func:`save_text` return None, and the caller
takes the ORM path, which locks, compares and reports as before. Grants,
policies and the agreed-status trigger apply to these statements as to any
other.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import RowMapping

from app.core.ids import new_id, utcnow
from app.core.journal import Changes, images
from app.core.journal.recorder import BURST_SECONDS, fold_into_burst
from app.core.retention import STAMP
from app.core.server import notify
from app.core.stamps import dump_history, load_history, new_stamp, record_change, record_created

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

LABEL = "Edit response"  # the journal's label, as the ORM path's

_RESPONSE_COLUMNS = images.image_columns("response")
_REVISION_COLUMNS = images.image_columns("revision")
_CONFLICT_COLUMNS = images.image_columns("conflict")

# The live response of a live passage (its owner's for a shared answer), its version, and
# the names a conflict would record: whoever changed it last, and me.
_SELECT = (
    "SELECT "
    + ", ".join(f"r.{c}" for c in _RESPONSE_COLUMNS)
    + ", r.xmin::text::bigint AS version,"
    " (SELECT m.name FROM member m WHERE m.id = r.changed_by) AS changed_by_name,"
    " (SELECT m.name FROM member m WHERE m.id = :member_id) AS my_name"
)
_WHERE = (
    " WHERE r.deleted_at IS NULL AND r.passage_id = ("
    "SELECT coalesce(p.same_as_id, p.id) FROM passage p"
    " WHERE p.id = :passage_id AND p.deleted_at IS NULL) LIMIT 2"
)
_READ = text(_SELECT + " FROM response r" + _WHERE)
# A save while the user types also reads the newest entry of the journal when it is mine, of
# this label, not undone and of this burst: the save may fold into it (see _joined).
_READ_TYPING = text(
    _SELECT + ", burst.seq AS burst_seq, burst.id AS burst_id, burst.rows AS burst_rows"
    " FROM response r LEFT JOIN (SELECT e.seq, e.id, e.rows FROM journal_entry e"
    " WHERE e.seq = (SELECT max(seq) FROM journal_entry) AND e.undone = 0"
    " AND e.label = :label AND e.member_id = :member_id AND e.at >= :since) burst ON true" + _WHERE
)

# My undone entries go when a new entry comes (a colleague's stay: their redo is theirs),
# in the statement that inserts it, as on the ORM path; only when there is a new entry.
_ENTRY = (
    "dropped AS (DELETE FROM journal_entry WHERE undone = 1 AND member_id = :member_id"
    " AND EXISTS (SELECT 1 FROM done)),"
    " entry AS (INSERT INTO journal_entry (id, at, member_id, label, undone, rows, size)"
    " SELECT :entry_id, :at, :member_id, :label, 0, :rows, :size FROM done RETURNING seq)"
)


def _insert(table: str, columns: list[str], prefix: str) -> str:
    names = ", ".join(columns)
    values = ", ".join(f":{prefix}{c}" for c in columns)
    return f"INSERT INTO {table} ({names}) SELECT {values} FROM"


# The text written over the version read, the old text kept as a revision, the entry, the news.
_WRITE = text(
    "WITH done AS (UPDATE response SET text = :text, updated_at = :now, changed_by = :member_id,"
    " field_history = :history WHERE id = :response_id AND deleted_at IS NULL"
    " AND xmin::text::bigint = :version RETURNING xmin::text::bigint AS version),"
    f" revision AS ({_insert('revision', _REVISION_COLUMNS, 'rev_')} done), {_ENTRY}"
    " SELECT done.version, entry.seq, pg_notify(:channel, :payload) FROM done, entry"
)

# The editor's version is gone: this text is kept beside the row's as a conflict, provided
# the row is still the version read (else it is read again).
_CONFLICT = text(
    "WITH done AS (SELECT 1 FROM response WHERE id = :response_id AND deleted_at IS NULL"
    " AND xmin::text::bigint = :version),"
    f" kept AS ({_insert('conflict', _CONFLICT_COLUMNS, 'con_')} done), {_ENTRY}"
    " SELECT entry.seq, pg_notify(:channel, :payload) FROM done, entry"
)


# A save typed in a burst: the burst's entry (held, so that an undo cannot take it meanwhile)
# gets this save's images instead of a new entry, and the text is written only with it.
_WRITE_JOINED = text(
    "WITH held AS (SELECT seq FROM journal_entry WHERE seq = :seq AND undone = 0 FOR UPDATE),"
    " done AS (UPDATE response SET text = :text, updated_at = :now, changed_by = :member_id,"
    " field_history = :history WHERE id = :response_id AND deleted_at IS NULL"
    " AND xmin::text::bigint = :version AND EXISTS (SELECT 1 FROM held)"
    " RETURNING xmin::text::bigint AS version),"
    f" revision AS ({_insert('revision', _REVISION_COLUMNS, 'rev_')} done),"
    " entry AS (UPDATE journal_entry SET at = :at, rows = :rows, size = :size FROM done"
    " WHERE journal_entry.seq = :seq RETURNING journal_entry.seq)"
    " SELECT done.version, entry.seq, pg_notify(:channel, :payload) FROM done, entry"
)


@dataclass(frozen=True)
class QuickSave:
    """What a save did: the response, its version now, and the conflict kept instead, if any."""

    response_id: str
    version: int
    conflict_id: str | None
    changes: Changes
    seq: int
    joined: bool = False  # folded into the burst's entry: no new entry, nothing to trim


ATTEMPTS = 3  # a row another save changed between our read and our write is read again


def save_text(
    connection: Connection,
    store: ProjectStore,
    passage_id: str,
    new_text: str,
    base_version: int | None,
    *,
    typing: bool = False,
) -> QuickSave | None:
    """Save ``new_text`` as the response of ``passage_id`` (a whole id), or None: not here.

    ``connection`` is in autocommit: each statement is its own transaction.
    None when the passage has no single live response, the text is unchanged
    or the response had none (the ORM path decides those), or the login may
    not change it. When another save changed the row between the read and the
    write (two members saving the same response in the same instant), the
    row is read again and its new version compared with ``base_version``:
    this save then becomes a conflict, as it would under the ORM path's lock.
    ``typing``: a save while the user types, which joins the burst's journal
    entry as :func:`~app.core.journal.recorder.write_entries` joins it.
    """
    seen: int | None = None
    params = {"passage_id": passage_id, "member_id": store.member_id}
    if typing:
        since = datetime.now(UTC) - timedelta(seconds=BURST_SECONDS)
        params.update(label=LABEL, since=since.strftime(STAMP))
    for _attempt in range(ATTEMPTS):
        rows = connection.execute(_READ_TYPING if typing else _READ, params).all()
        if len(rows) != 1:
            return None
        found = rows[0]._mapping
        version = int(found["version"])
        if version == seen:  # not changed, and still not written: not ours to write
            return None
        seen = version
        old = {c: found[c] for c in _RESPONSE_COLUMNS}
        if not old["text"] or old["text"] == new_text:
            return None
        if base_version is not None and base_version != version:
            done = _keep_conflict(connection, store, found, old, new_text)
        else:
            done = _write(connection, store, found, version, new_text)
        if done is not None:
            return done
    return None


def _params(store: ProjectStore, old: dict[str, Any], version: int) -> dict[str, Any]:
    """What both writing statements name: the row and version read, the entry, the channel."""
    return {
        "member_id": store.member_id,
        "response_id": old["id"],
        "version": version,
        "entry_id": new_id(),
        "at": utcnow(),
        "label": LABEL,
        "channel": notify.CHANNEL,
    }


def _write(
    connection: Connection, store: ProjectStore, found: RowMapping, version: int, new_text: str
) -> QuickSave | None:
    """The text over the version read, as the ORM path and its journal would write it."""
    old = {c: found[c] for c in _RESPONSE_COLUMNS}
    params = _params(store, old, version)
    now, member_id = params["at"], store.member_id
    history = load_history(old["field_history"])
    record_change(history, ["text"], new_stamp(now, member_id))
    after = dict(old, text=new_text, updated_at=now, changed_by=member_id)
    after["field_history"] = dump_history(history)
    revision = _new_row(
        _REVISION_COLUMNS,
        now,
        member_id,
        response_id=old["id"],
        text=old["text"],
        author_id=old["changed_by"] or old["author_id"],
    )
    entry_rows = [["response", old["id"], old, after], ["revision", revision["id"], None, revision]]
    params.update(text=new_text, now=now, history=after["field_history"])
    params.update({f"rev_{c}": v for c, v in revision.items()})
    joined = _joined(found, entry_rows)
    if joined is not None:
        params["seq"], params["entry_id"], kept = joined
    changes = Changes.from_rows(LABEL, params["entry_id"], ((r[0], r[1]) for r in entry_rows))
    _entry(params, kept if joined is not None else entry_rows, changes, store)
    written = connection.execute(_WRITE if joined is None else _WRITE_JOINED, params).first()
    if written is None:
        return None
    return QuickSave(old["id"], int(written[0]), None, changes, int(written[1]), joined is not None)


def _joined(found: RowMapping, rows: list[list[Any]]) -> tuple[int, str, list[list[Any]]] | None:
    """The burst's entry with this save folded in, as the journal's ``_join_burst`` folds it.

    Only when the read found the burst's entry (mine, this label, not undone,
    recent, the newest) and it changed this response already; its
    before-images stay, so that one undo takes the whole burst back.
    """
    if "burst_seq" not in found or found["burst_seq"] is None:
        return None
    kept = fold_into_burst(json.loads(found["burst_rows"]), rows)
    if kept is None:
        return None
    return int(found["burst_seq"]), str(found["burst_id"]), kept


def _keep_conflict(
    connection: Connection,
    store: ProjectStore,
    found: RowMapping,
    old: dict[str, Any],
    new_text: str,
) -> QuickSave | None:
    """As :func:`app.core.rowversion.record_conflicts` keeps a text the row no longer has."""
    params = _params(store, old, int(found["version"]))
    now = params["at"]
    conflict = _new_row(
        _CONFLICT_COLUMNS,
        now,
        store.member_id,
        table_name="response",
        row_id=old["id"],
        field="text",
        ours_value=json.dumps(old["text"], ensure_ascii=False),
        theirs_value=json.dumps(new_text, ensure_ascii=False),
        ours_stamp="",
        theirs_stamp="",
        ours_author=found["changed_by_name"] or "",
        theirs_author=found["my_name"] or "",
        ours_time=old["updated_at"],
        theirs_time=now,
        resolved_at=None,
    )
    entry_rows = [["conflict", conflict["id"], None, conflict]]
    changes = Changes.from_rows(LABEL, params["entry_id"], [("conflict", conflict["id"])])
    params.update({f"con_{c}": v for c, v in conflict.items()})
    _entry(params, entry_rows, changes, store)
    written = connection.execute(_CONFLICT, params).first()
    if written is None:
        return None
    logger.info("edit of response %s met a newer version: 1 conflict", old["id"])
    return QuickSave(old["id"], int(params["version"]), conflict["id"], changes, int(written[0]))


def _new_row(columns: list[str], now: str, member_id: str | None, **values: Any) -> dict[str, Any]:
    """A new row's image, stamped as :func:`app.core.rowstamps.stamp_changes` stamps a new row."""
    history = load_history(None)
    record_created(history, new_stamp(now, member_id))
    row = {"id": new_id(), "created_at": now, "updated_at": now, "changed_by": member_id}
    row.update(deleted_at=None, field_history=dump_history(history), **values)
    if set(row) != set(columns):  # a column added to the model: this code must learn it
        raise ValueError(f"a new row names {sorted(row)}, the table has {sorted(columns)}")
    return row


def _entry(
    params: dict[str, Any], rows: list[list[Any]], changes: Changes, store: ProjectStore
) -> None:
    encoded = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    params.update(rows=encoded, size=len(encoded))
    params["payload"] = notify.payload(changes, store.client_id, store.member_id)
