"""Internal notes: threaded discussion on a passage or a response.

Notes are the delegation's working conversation ("Ask the capital first.").
They never reach the final export; the review copy prints them as Word
comments. A note is tombstoned, never removed, so that a deletion travels to
a colleague's copy on merge and a thread keeps its shape when a note in the
middle of it is deleted (the deleted note is listed as such while it still has
live replies).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import markup, rowversion
from app.core.errors import InvalidInputError, NotFoundError
from app.core.i18n import _
from app.core.live import including_deleted
from app.core.models import Member, Note, NoteTarget, Passage, Response
from app.core.services.common import resolve, tombstone
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoteInfo:
    """One note as the GUI shows it; ``depth`` is its indentation in the thread."""

    id: str
    parent_id: str | None
    target_kind: str
    target_id: str
    author_id: str | None
    author: str
    created_at: str
    updated_at: str
    text: str
    depth: int
    deleted: bool = False


def resolve_target(session: Session, target_ref: str) -> tuple[str, str]:
    """``(kind, id)`` of the passage or response whose id is, or starts with, ``target_ref``.

    The GUI passes full ids; the CLI and scripts may pass a prefix, which must
    name exactly one passage or response.
    """
    found: list[tuple[str, str]] = []
    models: tuple[tuple[NoteTarget, type[Passage] | type[Response]], ...] = (
        (NoteTarget.PASSAGE, Passage),
        (NoteTarget.RESPONSE, Response),
    )
    for kind, model in models:
        try:
            found.append((kind.value, resolve(session, model, target_ref).id))
        except NotFoundError as exc:
            if "Several" in exc.message:
                raise
    if not found:
        raise NotFoundError(
            _("There is no passage or response with the id “{ident}”.").format(
                ident=target_ref.strip()
            )
        )
    if len(found) > 1:
        raise NotFoundError(
            _(
                "“{ident}” starts the id of a passage and of a response; give more characters."
            ).format(ident=target_ref.strip())
        )
    return found[0]


def _check_text(text: str) -> str:
    if not text.strip():
        raise InvalidInputError(_("A note cannot be empty."))
    return markup.validate(text)


def add_note_in(
    session: Session,
    kind: str,
    target_id: str,
    text: str,
    author_id: str | None,
    *,
    parent_id: str | None = None,
    created_at: str | None = None,
) -> Note:
    """Add a note inside an open transaction (the review import adds many in one)."""
    note = Note(
        target_kind=kind,
        target_id=target_id,
        parent_id=parent_id,
        text=_check_text(text),
        author_id=author_id,
    )
    if created_at:
        note.created_at = created_at
    session.add(note)
    session.flush()
    return note


def add_note(store: ProjectStore, target_ref: str, text: str, parent_ref: str | None = None) -> str:
    """Add a note by the local member on a passage or response; a reply when ``parent_ref``."""
    _check_text(text)
    with store.write("Add note") as session:
        if parent_ref:
            parent = resolve(session, Note, parent_ref)
            kind, target_id = parent.target_kind, parent.target_id
            if target_ref and target_ref.strip():
                given = resolve_target(session, target_ref)
                if given != (kind, target_id):
                    raise InvalidInputError(
                        _("A reply belongs to the same passage or response as the note it answers.")
                    )
            parent_id: str | None = parent.id
        else:
            kind, target_id = resolve_target(session, target_ref)
            parent_id = None
        return add_note_in(session, kind, target_id, text, store.member_id, parent_id=parent_id).id


def edit_note(
    store: ProjectStore, note_ref: str, text: str, *, base_version: int | None = None
) -> None:
    """Change a note's text; anyone may correct a note, the change records who did.

    ``base_version`` is the note's version the editor showed (on a team
    server, :func:`app.core.rowversion.current`): when another member changed
    the note since, this text is kept beside theirs as a conflict.
    """
    _check_text(text)
    with rowversion.checked(store, "Edit note") as (session, guard):
        note = resolve(session, Note, note_ref)
        if not guard.kept(note, base_version, {"text": text}) and note.text != text:
            note.text = text


def delete_note(store: ProjectStore, note_ref: str) -> None:
    """Tombstone a note; its replies stay and the thread shows it as deleted."""
    with store.write("Delete note") as session:
        tombstone(resolve(session, Note, note_ref))


def _has_live(note_id: str, children: dict[str | None, list[Note]]) -> bool:
    return any(
        child.deleted_at is None or _has_live(child.id, children)
        for child in children.get(note_id, [])
    )


def note_counts(store: ProjectStore, target_ids: list[str]) -> dict[str, int]:
    """How many live notes each of ``target_ids`` has (absent: none), in one query."""
    counts: dict[str, int] = defaultdict(int)
    with store.session() as session:
        for target in session.scalars(select(Note.target_id).where(Note.target_id.in_(target_ids))):
            counts[target] += 1
    return dict(counts)


def list_notes(store: ProjectStore, target_id: str) -> list[NoteInfo]:
    """The notes on one passage or response, threaded: each reply follows its parent.

    Top-level notes and replies are in time order; a deleted note appears
    (``deleted=True``, empty text) only while it still has live replies.
    """
    with store.session() as session:
        names = {m.id: m.name for m in session.scalars(including_deleted(select(Member)))}
        # deleted notes too: one with live replies still shows, as "deleted"
        rows = session.scalars(
            including_deleted(
                select(Note).where(Note.target_id == target_id).order_by(Note.created_at, Note.id)
            )
        ).all()
        ids = {row.id for row in rows}
        children: dict[str | None, list[Note]] = defaultdict(list)
        for row in rows:
            parent = row.parent_id if row.parent_id in ids else None
            children[parent].append(row)
        out: list[NoteInfo] = []

        def walk(parent: str | None, depth: int) -> None:
            for row in children.get(parent, []):
                deleted = row.deleted_at is not None
                if deleted and not _has_live(row.id, children):
                    continue
                out.append(
                    NoteInfo(
                        id=row.id,
                        parent_id=row.parent_id,
                        target_kind=row.target_kind,
                        target_id=row.target_id,
                        author_id=row.author_id,
                        author=names.get(row.author_id or "", ""),
                        created_at=row.created_at,
                        updated_at=row.updated_at,
                        text="" if deleted else row.text,
                        depth=depth,
                        deleted=deleted,
                    )
                )
                walk(row.id, depth + 1)

        walk(None, 0)
        return out
