"""A response's history: its earlier texts, a word-level diff, and restoring one.

Every change of a response's text keeps the text it replaced as a Revision
(``responses.respond``). The history view compares two of those texts word by
word, because diplomats argue over single words ("should" against "must"), and
a character diff splits words into noise. Restoring an earlier text goes
through ``respond`` too, so the text it replaces is kept: nothing is lost by
restoring.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from app.core import markup
from app.core.errors import NotFoundError
from app.core.i18n import _
from app.core.live import including_deleted
from app.core.models import Member, Response, Revision
from app.core.services import responses
from app.core.services.common import resolve
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Segment:
    """A stretch of text that both versions share, or that only the new/old one has."""

    op: Op
    text: str


@dataclass(frozen=True)
class Version:
    """One text of a response; ``revision_id`` is None for the current text."""

    revision_id: str | None
    text: str
    author_id: str | None
    author: str
    at: str

    @property
    def current(self) -> bool:
        return self.revision_id is None


def tokens(text: str) -> list[str]:
    """Words, runs of whitespace and single punctuation marks, in order."""
    return _TOKENS.findall(text)


def _append(out: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if out and out[-1].op == op:
        out[-1] = Segment(op, out[-1].text + text)
    else:
        out.append(Segment(op, text))


def diff_text(old: str, new: str) -> list[Segment]:
    """Word-level diff of two plain texts.

    Joining the equal and delete segments gives ``old``; equal and insert, ``new``.
    """
    a, b = tokens(old), tokens(new)
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(out, Op.EQUAL, "".join(a[i1:i2]))
            continue
        _append(out, Op.DELETE, "".join(a[i1:i2]))
        _append(out, Op.INSERT, "".join(b[j1:j2]))
    return out


def diff_markup(old: str, new: str) -> list[Segment]:
    """Word-level diff of two response texts, compared as the reader sees them.

    Footnotes show as ``[n]`` marks so that adding one is visible; formatting
    alone is not compared.
    """
    return diff_text(
        markup.plain_text(old, footnote_marks=True), markup.plain_text(new, footnote_marks=True)
    )


def versions(store: ProjectStore, response_ref: str) -> list[Version]:
    """The current text first, then earlier texts, newest first."""
    with store.session() as session:
        response = resolve(session, Response, response_ref)
        names = {m.id: m.name for m in session.scalars(including_deleted(select(Member)))}
        current_author = response.changed_by or response.author_id
        out = [
            Version(
                None,
                response.text,
                current_author,
                names.get(current_author or "", ""),
                response.updated_at,
            )
        ]
        rows = session.scalars(
            select(Revision)
            .where(Revision.response_id == response.id)
            .order_by(Revision.created_at.desc(), Revision.id)
        )
        out.extend(
            Version(r.id, r.text, r.author_id, names.get(r.author_id or "", ""), r.created_at)
            for r in rows
        )
        return out


def restore_revision(store: ProjectStore, revision_id: str) -> str:
    """Make an earlier text current again; the text it replaces becomes a revision.

    Returns the response's id.
    """
    with store.write("Restore earlier text") as session:
        revision = resolve(session, Revision, revision_id)
        response = session.get(Response, revision.response_id)
        if response is None or response.deleted_at is not None:
            raise NotFoundError(_("The response of this earlier text no longer exists."))
        passage_id, text = response.passage_id, revision.text
        return responses.respond(store, passage_id, text)  # joins this write
