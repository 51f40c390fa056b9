"""Sections and blocks: the arrangement of the output."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select

from app.core import markup, rowversion
from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import Block, BlockKind, Passage, Section, SectionKind, Source, new_id
from app.core.services.common import next_ordinal, place_at, resolve, tombstone
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionInfo:
    id: str
    ordinal: int
    kind: str
    heading: str
    source_id: str | None
    source_label: str | None
    opening: str
    closing: str
    shared_as_reference: bool = False  # shared answers print here as a cross-reference


@dataclass(frozen=True)
class BlockInfo:
    id: str
    section_id: str
    ordinal: int
    kind: str
    text: str
    after_text: str
    target_section_id: str | None
    numbered: bool
    lead_in: str
    comments_lead_in: str
    passages: int = 0


def list_blocks(store: ProjectStore, section_ref: str | None = None) -> list[BlockInfo]:
    """Blocks in output order, of one section or of all live sections."""
    with store.session() as session:
        cited = (
            select(func.count(Passage.id))
            .where(Passage.block_id == Block.id)
            .correlate(Block)
            .scalar_subquery()
        )
        query = (
            select(Block, cited)
            .join(Section, Section.id == Block.section_id)
            .order_by(Section.ordinal, Block.ordinal, Block.created_at)
        )
        if section_ref:
            query = query.where(Block.section_id == resolve(session, Section, section_ref).id)
        return [
            BlockInfo(
                b.id,
                b.section_id,
                b.ordinal,
                b.kind,
                b.text,
                b.after_text,
                b.target_section_id,
                bool(b.numbered),
                b.lead_in,
                b.comments_lead_in,
                count,
            )
            for b, count in session.execute(query).all()
        ]


def move_block(
    store: ProjectStore, block_ref: str, new_index: int, *, base_version: int | None = None
) -> None:
    """Put a block at ``new_index`` in its section (a conflict when it moved meanwhile)."""
    with rowversion.checked(store, "Move block") as (session, guard):
        block = resolve(session, Block, block_ref)
        if guard.kept(block, base_version, {"ordinal": new_index}):
            return
        ordered = list(
            session.scalars(
                select(Block)
                .where(Block.section_id == block.section_id)
                .order_by(Block.ordinal, Block.created_at)
            )
        )
        place_at(ordered, block, new_index)


def list_sections(store: ProjectStore) -> list[SectionInfo]:
    """Sections in output order. ``heading`` is empty when the default applies."""
    with store.session() as session:  # columns, not ORM objects: the panels ask after edits
        rows = session.execute(
            select(
                Section.id,
                Section.ordinal,
                Section.kind,
                Section.heading,
                Section.source_id,
                Source.label,
                Section.opening,
                Section.closing,
                Section.shared_as_reference,
            )
            .outerjoin(Source, Source.id == Section.source_id)
            .order_by(Section.ordinal, Section.created_at)
        ).all()
        return [SectionInfo(*row[:8], bool(row[8])) for row in rows]


def add_section(store: ProjectStore, heading: str, index: int | None = None) -> str:
    """An own topic section ("Preliminary remark", "Privacy"…); by default before the parties."""
    if not heading.strip():
        raise InvalidInputError(_("A section needs a heading."))
    with store.write("Add section") as session:
        section = Section(id=new_id(), kind=SectionKind.TOPIC, heading=heading.strip(), ordinal=0)
        session.add(section)
        ordered = list(
            session.scalars(
                select(Section).where(Section.id != section.id).order_by(Section.ordinal)
            )
        )
        if index is None:
            index = sum(1 for s in ordered if s.kind == SectionKind.TOPIC)
        place_at(ordered, section, index)
        session.flush()
        return section.id


def update_section(
    store: ProjectStore,
    section_ref: str,
    *,
    heading: str | None = None,
    opening: str | None = None,
    closing: str | None = None,
    shared_as_reference: bool | None = None,
    base_version: int | None = None,
) -> None:
    """Change what is given; ``shared_as_reference`` prints shared answers as cross-references.

    ``base_version``: the section's version the editor showed (see :func:`edit_note
    <app.core.services.notes.edit_note>`).
    """
    for text in (opening, closing):
        if text is not None:
            markup.validate(text)
    with rowversion.checked(store, "Edit section") as (session, guard):
        section = resolve(session, Section, section_ref)
        mine: dict[str, object] = {"heading": heading, "opening": opening, "closing": closing}
        if heading is not None:
            mine["heading"] = heading.strip()
        if shared_as_reference is not None:
            mine["shared_as_reference"] = int(shared_as_reference)
        given = {k: v for k, v in mine.items() if v is not None}
        if guard.kept(section, base_version, given):
            return
        if heading is not None:
            if not heading.strip() and section.kind == SectionKind.TOPIC:
                raise InvalidInputError(_("A topic section needs a heading."))
            section.heading = heading.strip()
        if opening is not None:
            section.opening = opening
        if closing is not None:
            section.closing = closing
        if shared_as_reference is not None:
            section.shared_as_reference = int(shared_as_reference)


def move_section(
    store: ProjectStore, section_ref: str, new_index: int, *, base_version: int | None = None
) -> None:
    """Put a section at ``new_index`` (a conflict when it moved meanwhile)."""
    with rowversion.checked(store, "Move section") as (session, guard):
        section = resolve(session, Section, section_ref)
        if guard.kept(section, base_version, {"ordinal": new_index}):
            return
        ordered = list(session.scalars(select(Section).order_by(Section.ordinal)))
        place_at(ordered, section, new_index)


def delete_section(store: ProjectStore, section_ref: str) -> None:
    with store.write("Delete section") as session:
        section = resolve(session, Section, section_ref)
        if section.kind == SectionKind.PARTY:
            raise InvalidInputError(
                _("A party's section goes with its source; remove the source instead.")
            )
        tombstone(section)


def add_block(
    store: ProjectStore,
    section_ref: str,
    kind: str,
    text: str = "",
    *,
    target_section_ref: str | None = None,
    after_text: str = "",
    numbered: bool = True,
    index: int | None = None,
) -> str:
    """Add a paragraph, list, cross-reference or citations block to a section."""
    if kind not in BlockKind.__members__.values():
        raise InvalidInputError(_("“{kind}” is not a kind of block.").format(kind=kind))
    lines = text.split("\n") if kind == BlockKind.LIST else [text]
    for line in [*lines, after_text]:
        markup.validate(line)
    with store.write("Add block") as session:
        section = resolve(session, Section, section_ref)
        target_id = None
        if kind == BlockKind.CROSS_REFERENCE:
            if not target_section_ref:
                raise InvalidInputError(_("A cross-reference needs the section it refers to."))
            target = resolve(session, Section, target_section_ref)
            if target.id == section.id:
                raise InvalidInputError(_("A section cannot refer to itself."))
            target_id = target.id
        elif kind == BlockKind.PARAGRAPH and not text.strip():
            raise InvalidInputError(_("The paragraph is empty."))
        block = Block(
            section_id=section.id,
            kind=kind,
            text=text,
            after_text=after_text,
            target_section_id=target_id,
            numbered=1 if numbered else 0,
            ordinal=next_ordinal(session, Block, Block.section_id == section.id),
        )
        session.add(block)
        session.flush()
        if index is not None:
            ordered = list(
                session.scalars(
                    select(Block).where(Block.section_id == section.id).order_by(Block.ordinal)
                )
            )
            place_at(ordered, block, index)
        return block.id


def update_block(
    store: ProjectStore,
    block_ref: str,
    *,
    text: str | None = None,
    lead_in: str | None = None,
    comments_lead_in: str | None = None,
    numbered: bool | None = None,
    lead_in_shown: bool | None = None,
    comments_lead_in_shown: bool | None = None,
    base_version: int | None = None,
) -> None:
    """Change what is given; a lead-in "" is the phrasebook's, ``*_shown=False`` prints none.

    ``base_version``: the block's version the editor showed (a conflict if it changed since).
    """
    for value in (lead_in, comments_lead_in):
        if value is not None:
            markup.validate(value)
    with rowversion.checked(store, "Edit block") as (session, guard):
        block = resolve(session, Block, block_ref)
        flags = (numbered, lead_in_shown, comments_lead_in_shown)
        mine = dict(
            zip(("numbered", "lead_in_shown", "comments_lead_in_shown"), flags, strict=True)
        )
        given: dict[str, object] = {k: int(v) for k, v in mine.items() if v is not None}
        texts = {"text": text, "lead_in": lead_in, "comments_lead_in": comments_lead_in}
        given.update({k: v for k, v in texts.items() if v is not None})
        if guard.kept(block, base_version, given):
            return
        if text is not None:
            for line in text.split("\n"):
                markup.validate(line)
            block.text = text
        if lead_in is not None:
            block.lead_in = lead_in
        if comments_lead_in is not None:
            block.comments_lead_in = comments_lead_in
        if numbered is not None:
            block.numbered = 1 if numbered else 0
        if lead_in_shown is not None:
            block.lead_in_shown = 1 if lead_in_shown else 0
        if comments_lead_in_shown is not None:
            block.comments_lead_in_shown = 1 if comments_lead_in_shown else 0


def delete_block(store: ProjectStore, block_ref: str) -> None:
    with store.write("Delete block") as session:
        tombstone(resolve(session, Block, block_ref))
