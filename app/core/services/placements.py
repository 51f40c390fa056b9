"""Placements on a new version of a source, and the decisions a person takes on them.

When a party re-issues its paper (Rev.1), each passage is placed on the new
text: exact, moved, fuzzy or orphan (``sources.add_version``). A fuzzy
placement is a guess, so it waits for a person: they compare the words first
cited with the words now found, then confirm the placement, re-attach the
passage by hand to other words, or keep it as an orphan. Once a placement is
confirmed, the printed quote can take the new version's wording in one step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from app.core import anchoring, reanchoring
from app.core.document import pages_from_json, paragraphs_from_json
from app.core.errors import InvalidInputError
from app.core.fidelity import display_text
from app.core.i18n import _
from app.core.models import AnchorMethod, Passage, Source
from app.core.services.common import resolve
from app.core.services.sources import (
    current_version,
    version_name,
)
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlacementInfo:
    """A passage's placement on its source's current version, for review."""

    passage_id: str
    source_id: str
    source_label: str
    version: str  # "original", "Rev.1", …
    kind: str  # exact, moved, fuzzy or orphan
    score: int
    confirmed: bool
    original: str  # the words first cited
    current: str  # the words it is placed on now ("" for an orphan)
    quote: str  # the printed quote
    before: str  # a little of the new text before and after the placement
    after: str

    @property
    def waiting(self) -> bool:
        """A fuzzy placement or an orphan nobody has decided on yet."""
        return self.kind in ("fuzzy", "orphan") and not self.confirmed


def list_placements(
    store: ProjectStore, source_ref: str | None = None, *, waiting_only: bool = False
) -> list[PlacementInfo]:
    """Every live passage's placement (one source's, when given), in citation order."""
    with store.session() as session:
        query = (
            select(Passage, Source.label)
            .join(Source, Source.id == Passage.source_id)
            .order_by(Source.ordinal, Passage.created_at)
        )
        if source_ref:
            query = query.where(Source.id == resolve(session, Source, source_ref).id)
        out: list[PlacementInfo] = []
        versions: dict[str, tuple[str, str]] = {}
        for passage, label in session.execute(query).all():
            if passage.source_id not in versions:
                version = current_version(session, passage.source_id)
                versions[passage.source_id] = (version_name(version.version_no), version.text)
            name, text = versions[passage.source_id]
            placed = passage.start is not None and passage.end is not None
            start, end = (passage.start or 0), (passage.end or 0)
            info = PlacementInfo(
                passage_id=passage.id,
                source_id=passage.source_id,
                source_label=label,
                version=name,
                kind=reanchoring.PLACEMENT_KINDS.get(passage.anchor_method, "exact"),
                score=passage.anchor_score,
                confirmed=bool(passage.placement_confirmed),
                original=passage.orig_exact or passage.exact,
                current=passage.exact if placed else "",
                quote=passage.quote,
                before=text[max(0, start - 60) : start] if placed else "",
                after=text[end : end + 60] if placed else "",
            )
            if not waiting_only or info.waiting:
                out.append(info)
        return out


def confirm_placement(store: ProjectStore, passage_ref: str) -> None:
    """A person checked a fuzzy placement: it stands."""
    with store.write("Confirm placement") as session:
        passage = resolve(session, Passage, passage_ref)
        if passage.start is None:
            raise InvalidInputError(
                _("This passage is an orphan: re-attach it to words of the source first.")
            )
        passage.placement_confirmed = 1


def keep_as_orphan(store: ProjectStore, passage_ref: str) -> None:
    """The passage is not in the new version: it stays an orphan, reviewed and kept."""
    with store.write("Keep passage as orphan") as session:
        passage = resolve(session, Passage, passage_ref)
        passage.start = passage.end = None
        passage.anchor_method = AnchorMethod.ORPHAN
        passage.anchor_score = 0
        passage.placement_confirmed = 1


def reattach(store: ProjectStore, passage_ref: str, start: int, end: int) -> None:
    """Place a passage by hand on ``text[start:end]`` of its source's current version."""
    with store.write("Re-attach passage") as session:
        passage = resolve(session, Passage, passage_ref)
        version = current_version(session, passage.source_id)
        if not 0 <= start < end <= len(version.text) or not version.text[start:end].strip():
            raise InvalidInputError(_("Select the words of the new version the passage cites."))
        pages = list(pages_from_json(version.pages))
        paragraphs = list(paragraphs_from_json(version.paragraphs))
        anchor = anchoring.make_anchor(version.text, start, end, pages, paragraphs)
        passage.source_version_id = version.id
        passage.start, passage.end = anchor.start, anchor.end
        passage.exact, passage.prefix, passage.suffix = anchor.exact, anchor.prefix, anchor.suffix
        passage.page_index, passage.page_label = anchor.page_index, anchor.page_label
        passage.paragraph_number = anchor.paragraph_number
        passage.anchor_method = AnchorMethod.SELECTION
        passage.anchor_score = 100
        passage.placement_confirmed = 1


def update_quote(store: ProjectStore, passage_ref: str) -> str:
    """The printed quote takes the wording of the confirmed placement; returns the new quote."""
    with store.write("Update printed quote") as session:
        passage = resolve(session, Passage, passage_ref)
        if passage.start is None:
            raise InvalidInputError(_("An orphan has no wording in the new version to take."))
        if not passage.placement_confirmed:
            raise InvalidInputError(
                _("Confirm the placement first: the new wording may belong to other words.")
            )
        passage.quote = display_text(passage.exact)
        return passage.quote


def confirm_and_update_quote(store: ProjectStore, passage_ref: str) -> str:
    """Confirm the placement and take its wording into the printed quote, as one step."""
    with store.write("Confirm placement and update quote"):
        confirm_placement(store, passage_ref)  # joins this write
        return update_quote(store, passage_ref)
