"""The project's rows as the contribution sees them, read in one short session.

Export, preview, preflight, the command line and the panels used to read the
same rows each with its own rules, and disagreed (``text.strip()`` against
``plain_text()`` for an empty response; "Contribution from X" in four
places, one English only). This module reads the rows once into plain
frozen data and states each rule once, as a property or function here:

- a section's printed heading (its own, or the phrasebook's for a party);
- a party's name with its article, and the bare name;
- an empty response: nothing left when the markup is reduced to plain text;
- what becomes of a passage: printed with its comment, printed as a
  highlight (a decided response without text), or left out (a draft when
  drafts are excluded, no response, not placed in a section);
- where a quote is: the page label only for a source with real pages,
  otherwise the printed paragraph number or the paragraph's position.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.core import markup
from app.core.contribution.names import PartyName, party_name, phrase
from app.core.errors import MarkupError
from app.core.kinds import SectionKind, Status
from app.core.phrasebook import Phrasebook, load_phrasebook

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

_PAGED_MEDIA = {"application/pdf"}


@functools.lru_cache(maxsize=4096)
def is_empty_markup(text: str) -> bool:
    """True when ``text`` prints nothing: no letter survives reduction to plain text."""
    try:
        return not markup.plain_text(text).strip()
    except MarkupError:
        return not text.strip()


class Fate(StrEnum):
    """What becomes of a passage in the export."""

    COMMENTED = "commented"
    HIGHLIGHT = "highlight"
    DRAFT = "draft"
    UNANSWERED = "unanswered"


@dataclass(frozen=True, slots=True)
class ResponseView:
    id: str
    text: str
    position: str
    status: str
    proposed_change: str
    comment_type: str
    author: str

    @property
    def empty(self) -> bool:
        return is_empty_markup(self.text)

    @property
    def draft(self) -> bool:
        return self.status == Status.DRAFT


@dataclass(frozen=True, slots=True)
class PassageView:
    id: str
    source_id: str
    block_id: str | None
    quote: str
    exact: str
    anchor_method: str
    anchor_score: int
    placement_confirmed: bool
    page_label: str | None
    paragraph_number: str | None
    response: ResponseView | None
    same_as_id: str | None = None  # shares the answer of this passage ("Same answer as…")

    def fate(self, include_drafts: bool) -> Fate:
        """Printed with a comment, as a highlight, or left out (and why).

        A highlight is a decision: a response moved on from draft with no
        text. A quote never prints with nothing after it that a reader could
        take for an endorsement, so an excluded draft takes its quote along.
        """
        response = self.response
        if response is None:
            return Fate.UNANSWERED
        if response.draft:
            if not include_drafts:
                return Fate.DRAFT
            return Fate.UNANSWERED if response.empty else Fate.COMMENTED
        return Fate.HIGHLIGHT if response.empty else Fate.COMMENTED


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    label: str
    name: PartyName
    language: str


@dataclass(frozen=True, slots=True)
class BlockView:
    id: str
    section_id: str
    kind: str
    text: str
    after_text: str
    target_section_id: str | None
    numbered: bool
    lead_in: str | None  # None: no lead-in; "": the phrasebook's
    comments_lead_in: str | None
    passages: tuple[PassageView, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    kind: str
    heading: str
    custom_heading: str
    source_id: str | None
    opening: str
    closing: str
    blocks: tuple[BlockView, ...] = ()
    shared_as_reference: bool = False  # a shared answer prints as a cross-reference here


@dataclass(frozen=True, slots=True, weakref_slot=True)  # build.py keeps trees by view
class ProjectView:
    """Everything the contribution is made of, with the project's phrasebook."""

    title: str
    organisation: str
    meeting: str
    date: str
    language: str
    phrases: Phrasebook
    sources: dict[str, SourceView]
    sections: tuple[SectionView, ...]
    passages: tuple[PassageView, ...]
    notes: dict[str, tuple[tuple[str, str, str, str], ...]] = field(default_factory=dict)

    def section(self, section_id: str | None) -> SectionView | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def party(self, source_id: str | None) -> PartyName | None:
        source = self.sources.get(source_id or "")
        return source.name if source is not None else None


def section_heading(custom: str, kind: str, name: PartyName | None, phrases: Phrasebook) -> str:
    """A section's printed heading: its own, or the phrasebook's for a party's section."""
    if custom.strip():
        return custom.strip()
    if kind == SectionKind.PARTY:
        return phrase(phrases, "contribution_heading", name or PartyName("", "…"))
    return ""


def _paged(version: Any, pages: list[dict[str, object]]) -> bool:
    return version.media_type in _PAGED_MEDIA or len(pages) > 1


def _locations(
    passages: list[Any], versions: dict[str, Any]
) -> dict[str, tuple[str | None, str | None]]:
    """Passage id → (page label if the source has real pages, paragraph number or position)."""
    paged: dict[str, bool] = {}
    starts: dict[str, list[int]] = {}
    found: dict[str, tuple[str | None, str | None]] = {}
    for passage in passages:
        version = versions.get(passage.source_version_id)
        if version is None:
            found[passage.id] = (None, passage.paragraph_number)
            continue
        if version.id not in paged:
            paged[version.id] = _paged(version, json.loads(version.pages or "[]"))
        if paged[version.id]:
            found[passage.id] = (passage.page_label, passage.paragraph_number)
            continue
        number = passage.paragraph_number
        if not number and passage.start is not None:
            if version.id not in starts:
                starts[version.id] = [
                    int(p["start"]) for p in json.loads(version.paragraphs or "[]")
                ]
            before = [s for s in starts[version.id] if s <= passage.start]
            number = str(len(before)) if before else None
        found[passage.id] = (None, number)
    return found


def _name(sources: dict[str, SourceView], source_id: str | None) -> PartyName | None:
    source = sources.get(source_id or "")
    return source.name if source is not None else None


@dataclass(frozen=True, slots=True)
class Rows:
    """The rows a view is made of, in the order read (see :func:`read_project`).

    Rows are anything with the columns as attributes: the ORM's objects, or
    :mod:`sqlite3` rows read by :mod:`app.core.contribution.fileread`.
    """

    project: Any
    members: Iterable[Any]  # deleted ones too: a departed member's name still prints
    sources: Iterable[Any]
    responses: Iterable[Any]  # by creation time
    passages: list[Any]  # of these sources, by ordinal and creation time
    versions: dict[str, Any]  # the live versions those passages were cited on, by id
    blocks: Iterable[Any]  # by ordinal and creation time
    sections: Iterable[Any]  # by ordinal and creation time
    notes: Iterable[Any] | None  # by creation time; None: without notes


def read_project(store: ProjectStore, *, with_notes: bool = False) -> ProjectView:
    """Read the live rows of the contribution once (a short read-only session)."""
    from sqlalchemy import select

    from app.core.live import including_deleted
    from app.core.models import (
        Block,
        Member,
        Note,
        Passage,
        Project,
        Response,
        Section,
        Source,
        SourceVersion,
    )

    with store.session() as session:
        sources = list(session.scalars(select(Source)))
        passages = list(
            session.scalars(
                select(Passage)
                .where(Passage.source_id.in_([s.id for s in sources]))
                .order_by(Passage.ordinal, Passage.created_at)
            )
        )
        wanted = {p.source_version_id for p in passages}
        rows = Rows(
            project=session.scalars(select(Project)).one(),
            members=session.scalars(including_deleted(select(Member))),
            sources=sources,
            responses=session.scalars(select(Response).order_by(Response.created_at)),
            passages=passages,
            versions={
                v.id: v
                for v in session.scalars(select(SourceVersion).where(SourceVersion.id.in_(wanted)))
            },
            blocks=session.scalars(select(Block).order_by(Block.ordinal, Block.created_at)),
            sections=session.scalars(select(Section).order_by(Section.ordinal, Section.created_at)),
            notes=session.scalars(select(Note).order_by(Note.created_at)) if with_notes else None,
        )
        return view_of(rows)


def view_of(rows: Rows) -> ProjectView:
    """The view made of ``rows``: every rule of the contribution applied once."""
    project = rows.project
    phrases = load_phrasebook(project.language)
    names = {m.id: m.name for m in rows.members}
    sources = {
        s.id: SourceView(s.id, s.label, party_name(s.label, project.language), s.language)
        for s in rows.sources
    }
    responses = {
        r.passage_id: ResponseView(
            r.id,
            r.text,
            r.position,
            r.status,
            r.proposed_change,
            r.comment_type,
            names.get(r.author_id or "", ""),
        )
        for r in rows.responses
    }
    where = _locations(rows.passages, rows.versions)
    passages = tuple(
        PassageView(
            p.id,
            p.source_id,
            p.block_id,
            p.quote,
            p.exact,
            p.anchor_method,
            p.anchor_score,
            bool(p.placement_confirmed),
            where[p.id][0],
            where[p.id][1],
            responses.get(p.same_as_id or p.id),
            p.same_as_id,
        )
        for p in rows.passages
    )
    by_block: dict[str, list[PassageView]] = defaultdict(list)
    for passage in passages:
        if passage.block_id is not None:
            by_block[passage.block_id].append(passage)
    blocks: dict[str, list[BlockView]] = defaultdict(list)
    for b in rows.blocks:
        blocks[b.section_id].append(
            BlockView(
                b.id,
                b.section_id,
                b.kind,
                b.text,
                b.after_text,
                b.target_section_id,
                bool(b.numbered),
                b.lead_in if b.lead_in_shown else None,
                b.comments_lead_in if b.comments_lead_in_shown else None,
                tuple(by_block.get(b.id, ())),
            )
        )
    sections = tuple(
        SectionView(
            s.id,
            s.kind,
            section_heading(
                s.heading,
                s.kind,
                sources[s.source_id].name if s.source_id in sources else None,
                phrases,
            ),
            s.heading,
            s.source_id,
            s.opening,
            s.closing,
            tuple(blocks.get(s.id, ())),
            bool(s.shared_as_reference),
        )
        for s in rows.sections
    )
    return ProjectView(
        title=project.title,
        organisation=project.organisation,
        meeting=project.meeting,
        date=project.date,
        language=project.language,
        phrases=phrases,
        sources=sources,
        sections=sections,
        passages=passages,
        notes=_notes(rows.notes, names) if rows.notes is not None else {},
    )


def _notes(
    rows: Iterable[Any], names: dict[str, str]
) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """Target id → (note id, author, time, text) in the order they were written."""
    found: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for note in rows:
        found[note.target_id].append(
            (note.id, names.get(note.author_id or "", ""), note.created_at, note.text)
        )
    return {key: tuple(value) for key, value in found.items()}


def section_headings(store: ProjectStore) -> dict[str, str]:
    """Section id → printed heading, in output order (for the CLI and the panels).

    The same rule as the export (:func:`section_heading`), read with one small
    query, not the whole project: the Outline asks after every edit.
    """
    from sqlalchemy import select

    from app.core.models import Project, Section, Source

    with store.session() as session:
        language = session.scalars(select(Project.language)).one()
        phrases = load_phrasebook(language)
        rows = session.execute(
            select(Section.id, Section.kind, Section.heading, Source.label)
            .outerjoin(Source, Source.id == Section.source_id)
            .order_by(Section.ordinal, Section.created_at)
        ).all()
    return {
        section_id: section_heading(
            heading, kind, party_name(label, language) if label is not None else None, phrases
        )
        for section_id, kind, heading, label in rows
    }
