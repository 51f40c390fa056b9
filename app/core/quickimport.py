"""Storing a new source in a project file with :mod:`sqlite3` alone: ``rejoinder import``'s path.

Importing SQLAlchemy, the models and the services costs a ``rejoinder import``
about 0.3 s of CPU, as much as reading a 300-page PDF on one core, and the
budget of the whole command is twice pdftotext's time. So the command stores
an import the way :func:`app.core.services.sources.add_source` does, row for
row and with the same journal entry (so that ``undo`` takes it back), through
a plain connection in one transaction, with the checks and the lock of
:meth:`~app.core.store.ProjectStore.open`. A test imports the same document
both ways and compares every row and the journal entry.

Only the common case takes this path: a project file at the current schema,
writable, with no journal left by a killed writer, where I am already a
member under the name I go by. Anything else (an upgrade, a new member, a
team server, a batch) returns ``None`` and the caller uses the store, which
knows how to handle it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core import migrate, writefailures
from app.core.config import Identity, local_identity
from app.core.document import ImportedText, to_json
from app.core.errors import DuplicateSourceError, InvalidInputError
from app.core.i18n import N_, _
from app.core.ids import new_id, utcnow
from app.core.kinds import SectionKind, SourceKind
from app.core.language import detect_language
from app.core.locking import ProjectLock
from app.core.projectfile import check_header, inspect_readonly, is_read_only, ro_uri
from app.core.retention import CUT as _CUT
from app.core.retention import KEEP, KEEP_BYTES, KEEP_DAYS, STAMP
from app.core.stamps import dump_history, new_stamp, record_created

logger = logging.getLogger(__name__)

LABEL = N_("Import source")  # the journal entry's label, as the store's write names it

# The columns of a row's journal image, in the order the store's images list them
# (every column but blobs, the tracking columns last; a test compares them with the models').
TRACKED = ("id", "created_at", "updated_at", "changed_by", "deleted_at", "field_history")
COLUMNS: dict[str, tuple[str, ...]] = {
    "original_file": ("sha256", "size", *TRACKED),
    "source": ("label", "title", "kind", "ordinal", "language", *TRACKED),
    "source_version": (
        "source_id",
        "version_no",
        "filename",
        "media_type",
        "sha256",
        "text",
        "pages",
        "paragraphs",
        "footnotes",
        "doc_title",
        "doc_author",
        "doc_date",
        "warnings",
        *TRACKED,
    ),
    "section": (
        "ordinal",
        "kind",
        "heading",
        "source_id",
        "opening",
        "closing",
        "shared_as_reference",
        *TRACKED,
    ),
}
# Columns a journal entry names by digest (app.core.journal.images.LARGE).
LARGE = {"source_version": ("text", "paragraphs", "pages")}

# Builds a new version's sentence index on the open connection, in the transaction:
# (connection, version id, text, paragraphs as (start, end), what the importer prepared).
Indexer = Callable[[sqlite3.Connection, str, str, list[tuple[int, int]], Any], object]


def check_new_source(imported: ImportedText, label: str, kind: str) -> str:
    """The label to store; raise what a user must correct before a source can be added."""
    label = label.strip()
    if not label:
        raise InvalidInputError(_("A source needs a label: the party or author it comes from."))
    if kind not in SourceKind.__members__.values():
        raise InvalidInputError(
            _("The kind must be submission or reference, not “{kind}”.").format(kind=kind)
        )
    if not imported.text.strip():
        raise InvalidInputError(_("The document holds no text to cite."))
    return label


def duplicate_error(label: str, filename: str | None) -> DuplicateSourceError:
    return DuplicateSourceError(
        _("This file was already imported as “{label}” ({filename}).").format(
            label=label, filename=filename or _("pasted text")
        )
    )


def _connect(path: Path) -> sqlite3.Connection:
    """A connection set up as the store's (``store._on_connect``); transactions by hand."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _at_head(path: Path) -> bool:
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        return migrate.read_revision(conn) == migrate.head_revision()
    except sqlite3.Error:
        return False  # the store's checks say what is wrong
    finally:
        conn.close()


def _as_the_store_leaves_it(conn: sqlite3.Connection, path: Path, identity: Identity) -> bool:
    """Nothing :meth:`ProjectStore.open` would change first: journal mode, stale journal, member."""
    if path.with_name(path.name + "-journal").exists():
        return False
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "delete":
        return False
    row = conn.execute(
        "SELECT name, initials, organisation FROM member WHERE id = ?", (identity.member_id,)
    ).fetchone()
    if row is None:
        return False
    wanted = (identity.name or "Me", identity.initials, identity.organisation)
    return all(not want or have == want for have, want in zip(row, wanted, strict=True))


def _writable(path: Path, identity: Identity) -> sqlite3.Connection | None:
    """A connection to write ``path`` (locked), or None when the store must open it."""
    read_only = is_read_only(path)
    inspect_readonly(path, read_only=read_only)
    if read_only:
        return None
    conn = _connect(path)
    if not _as_the_store_leaves_it(conn, path, identity):
        conn.close()
        return None
    return conn


@contextlib.contextmanager
def _opened(path: Path, identity: Identity) -> Iterator[sqlite3.Connection | None]:
    """The project file, locked and checked as the store opens it; None: open it with the store."""
    check_header(path)
    conn: sqlite3.Connection | None = None
    lock = ProjectLock(path)
    if _at_head(path):
        lock.acquire()
        try:
            conn = _writable(path, identity)
        finally:
            if conn is None:
                lock.release()
    if conn is None:
        yield None
        return
    try:
        yield conn
    finally:
        conn.close()
        lock.release()


def _next_ordinal(conn: sqlite3.Connection, table: str) -> int:
    value = conn.execute(f"SELECT max(ordinal) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    return 0 if value is None else int(value) + 1


def _insert(
    conn: sqlite3.Connection, table: str, row: dict[str, Any], now: str, member_id: str
) -> dict[str, Any]:
    """Insert a new row stamped as the store stamps it; return its journal image."""
    history: dict[str, list[tuple[str, str, str]]] = {}
    record_created(history, new_stamp(now, member_id))
    stamped = {
        "id": new_id(),
        "created_at": now,
        "updated_at": now,
        "changed_by": member_id,
        "deleted_at": None,
        "field_history": dump_history(history),
        **row,
    }
    names = ", ".join(f'"{name}"' for name in stamped)
    marks = ", ".join("?" for _ in stamped)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(stamped.values()))
    return {name: stamped[name] for name in COLUMNS[table]}


def _digest(value: str) -> dict[str, str]:
    return {"$sha256": hashlib.sha256(value.encode("utf-8")).hexdigest()}


def _entry_rows(images: list[tuple[str, dict[str, Any]]]) -> str:
    """The journal entry's rows for rows this operation created (no before-image)."""
    rows: list[list[Any]] = []
    for table, image in images:
        after = dict(image)
        for column in LARGE.get(table, ()):
            if isinstance(after.get(column), str):
                after[column] = _digest(after[column])
        rows.append([table, image["id"], None, after])
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _write_entry(conn: sqlite3.Connection, member_id: str, rows: str) -> None:
    """The entry, after dropping undone ones and before trimming, as ``write_entries`` does."""
    conn.execute(
        "DELETE FROM journal_blob WHERE entry_seq IN "
        "(SELECT seq FROM journal_entry WHERE undone = 1)"
    )
    conn.execute("DELETE FROM journal_entry WHERE undone = 1")
    conn.execute(
        "INSERT INTO journal_entry (id, at, member_id, label, undone, rows, size) "
        "VALUES (?, ?, ?, ?, 0, ?, ?)",
        (new_id(), utcnow(), member_id, LABEL, rows, len(rows)),
    )
    beyond = conn.execute(
        "SELECT seq FROM journal_entry ORDER BY seq DESC LIMIT 1 OFFSET ?", (KEEP,)
    ).fetchone()
    if beyond is None:
        return
    since = (datetime.now(UTC) - timedelta(days=KEEP_DAYS)).strftime(STAMP)
    cut = conn.execute(_CUT, {"keep": KEEP, "since": since, "bytes": KEEP_BYTES}).fetchone()[0]
    if cut is not None:
        conn.execute("DELETE FROM journal_blob WHERE entry_seq <= ?", (cut,))
        conn.execute("DELETE FROM journal_entry WHERE seq <= ?", (cut,))


def _store(
    conn: sqlite3.Connection,
    imported: ImportedText,
    data: bytes,
    member_id: str,
    *,
    filename: str,
    label: str,
    kind: str,
    indexer: Indexer | None,
) -> str:
    digest = hashlib.sha256(data).hexdigest()
    duplicate = conn.execute(
        "SELECT source.label, source_version.filename FROM source "
        "JOIN source_version ON source_version.source_id = source.id "
        "WHERE source_version.sha256 = ? AND source.deleted_at IS NULL "
        "AND source_version.deleted_at IS NULL LIMIT 1",
        (digest,),
    ).fetchone()
    if duplicate is not None:
        raise duplicate_error(duplicate[0], duplicate[1])
    now = utcnow()
    images: list[tuple[str, dict[str, Any]]] = []
    known = conn.execute(
        "SELECT id FROM original_file WHERE sha256 = ? AND deleted_at IS NULL", (digest,)
    ).fetchone()
    if known is None:
        row = {"sha256": digest, "size": len(data), "data": data}
        images.append(("original_file", _insert(conn, "original_file", row, now, member_id)))
    source = _insert(
        conn,
        "source",
        {
            "label": label,
            "title": imported.title or "",
            "kind": str(kind),
            "ordinal": _next_ordinal(conn, "source"),
            "language": detect_language(imported.text),
        },
        now,
        member_id,
    )
    images.append(("source", source))
    version = _insert(
        conn,
        "source_version",
        {
            "source_id": source["id"],
            "version_no": 1,
            "filename": filename,
            "media_type": imported.media_type,
            "sha256": digest,
            "text": imported.text,
            "pages": to_json(imported.pages),
            "paragraphs": to_json(imported.paragraphs),
            "footnotes": to_json(imported.footnotes),
            "doc_title": imported.title or "",
            "doc_author": imported.author or "",
            "doc_date": imported.date or "",
            "warnings": json.dumps(list(imported.warnings), ensure_ascii=False),
        },
        now,
        member_id,
    )
    images.append(("source_version", version))
    if kind == SourceKind.SUBMISSION:
        section = {
            "ordinal": _next_ordinal(conn, "section"),
            "kind": SectionKind.PARTY.value,
            "heading": "",
            "source_id": source["id"],
            "opening": "",
            "closing": "",
            "shared_as_reference": 0,
        }
        images.append(("section", _insert(conn, "section", section, now, member_id)))
    _write_entry(conn, member_id, _entry_rows(images))
    if indexer is not None:  # last: its sentences may still be being prepared beside this process
        spans = [(int(p.start), int(p.end)) for p in imported.paragraphs]
        indexer(conn, version["id"], imported.text, spans, imported.prepared)
    return str(source["id"])


def add_source(
    path: Path,
    imported: ImportedText,
    data: bytes,
    *,
    filename: str,
    label: str,
    kind: str = SourceKind.SUBMISSION,
    identity: Identity | None = None,
    indexer: Indexer | None = None,
) -> str | None:
    """Store an imported document in the project file at ``path``; its source's id.

    None when the file is not in the state this path handles: the caller then
    opens it with the store and uses ``services.sources.add_source``.
    ``indexer`` builds the new version's sentence index in the same transaction.
    """
    label = check_new_source(imported, label, kind)
    path = Path(path)
    identity = identity or local_identity()
    with _opened(path, identity) as conn:
        if conn is None:
            return None
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                source_id = _store(
                    conn,
                    imported,
                    data,
                    identity.member_id,
                    filename=filename,
                    label=label,
                    kind=kind,
                    indexer=indexer,
                )
            except BaseException:
                if conn.in_transaction:  # SQLite ends it itself on some errors (a full disk)
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            failure = writefailures.translate(exc, path)
            if failure is None:
                raise
            raise failure from exc
    logger.info("imported source %s into %s without the store", source_id, path)
    return source_id
