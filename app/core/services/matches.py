"""What a delegate does with a similar span: cite it, answer it alike, or refer to our answer.

Each is one operation (one journal step, undone as one): answering a span
that is not cited yet cites it and shares the answer in the same
transaction; referring writes a cross-reference block in the span's party
section to the section where our passage is answered. Here among the
services, not in ``app.core.similar``: an import indexes its version there
(services → similar), so the index must not need the services back.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import Block, BlockKind, Passage, Section
from app.core.refs import resolve
from app.core.services import passages, sections, shared_answers
from app.core.similar.lookup import Match
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


def cite_match(store: ProjectStore, match: Match) -> str:
    """The passage that cites the span (the one already there, or a new one)."""
    if match.passage_id is not None:
        return match.passage_id
    return passages.cite_span(store, match.source_id, match.start, match.end)


def answer_match(store: ProjectStore, passage_ref: str, match: Match) -> str:
    """Answer the span with our passage's answer (citing it first if needed); its passage id."""
    with store.write("Same answer as"):
        cited = cite_match(store, match)
        shared_answers.share_answer(store, cited, passage_ref)
    return cited


def refer_match(store: ProjectStore, passage_ref: str, match: Match) -> str:
    """Write, in the span's party section, a cross-reference to where our passage is answered."""
    with store.write("Refer to our answer") as session:
        passage = resolve(session, Passage, passage_ref)
        block = session.get(Block, passage.block_id) if passage.block_id else None
        if block is None or block.deleted_at is not None:
            raise InvalidInputError(
                _("Place the passage in a section first: the cross-reference points there.")
            )
        party = session.scalars(select(Section).where(Section.source_id == match.source_id)).first()
        if party is None:
            raise InvalidInputError(
                _("The other source has no section of its own to hold the cross-reference.")
            )
        if party.id == block.section_id:
            raise InvalidInputError(_("Both passages are printed in the same section."))
        return sections.add_block(
            store, party.id, BlockKind.CROSS_REFERENCE, target_section_ref=block.section_id
        )
