"""Build the contribution tree from an open project.

This is the one place where the exporters read the project; the renderers
get the finished tree and never see the database. Defaults that depend on the
project's language (section headings of parties, lead-in sentences) are
filled here from the phrasebook, so that every renderer prints the same words.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.models import (
    Block,
    BlockKind,
    Member,
    Note,
    Passage,
    Project,
    Response,
    Section,
    Source,
    Status,
)
from app.core.store import ProjectStore
from app.exporters.phrasebook import Phrasebook, load_phrasebook
from app.exporters.tree import (
    Block as TreeBlock,
)
from app.exporters.tree import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    CrossReferenceBlock,
    ListBlock,
    NoteItem,
    ParagraphBlock,
    Quote,
    SectionKind,
    SectionNode,
)


def section_heading(section: Section, label: str | None, phrases: Phrasebook) -> str:
    """A section's printed heading: its own, or the default for a party's section."""
    if section.heading:
        return section.heading
    return phrases.text("contribution_heading", party=label or "…")


def _live(session: Session, model: type[Block] | type[Passage] | type[Section]) -> list[object]:
    return list(session.scalars(select(model).where(model.deleted_at.is_(None))))


def _notes(session: Session, names: dict[str, str]) -> dict[str, tuple[NoteItem, ...]]:
    found: dict[str, list[NoteItem]] = defaultdict(list)
    rows = session.scalars(select(Note).where(Note.deleted_at.is_(None)).order_by(Note.created_at))
    for note in rows:
        found[note.target_id].append(
            NoteItem(
                note_id=note.id,
                author=names.get(note.author_id or "", ""),
                created=note.created_at,
                text=note.text,
            )
        )
    return {key: tuple(value) for key, value in found.items()}


def build_contribution(
    store: ProjectStore, *, include_drafts: bool = False, review_copy: bool = False
) -> Contribution:
    with store.session() as session:
        project = session.scalars(select(Project)).one()
        phrases = load_phrasebook(project.language)
        names = {m.id: m.name for m in session.scalars(select(Member))}
        labels = dict(
            session.execute(
                select(Source.id, Source.label).where(Source.deleted_at.is_(None))
            ).all()
        )
        sections = list(
            session.scalars(
                select(Section)
                .where(Section.deleted_at.is_(None))
                .order_by(Section.ordinal, Section.created_at)
            )
        )
        headings = {
            s.id: section_heading(s, labels.get(s.source_id or ""), phrases) for s in sections
        }
        # A cross-reference to a party's section names the party ("… on the
        # contribution from the European Union"), to a topic section its heading.
        names_in_text = {
            s.id: (labels.get(s.source_id or "") or headings[s.id])
            if s.kind == "party" and not s.heading
            else headings[s.id]
            for s in sections
        }
        blocks: dict[str, list[Block]] = defaultdict(list)
        for block in session.scalars(
            select(Block)
            .where(Block.deleted_at.is_(None))
            .order_by(Block.ordinal, Block.created_at)
        ):
            blocks[block.section_id].append(block)
        passages: dict[str, list[Passage]] = defaultdict(list)
        for passage in session.scalars(
            select(Passage)
            .where(Passage.deleted_at.is_(None), Passage.block_id.is_not(None))
            .order_by(Passage.ordinal, Passage.created_at)
        ):
            passages[passage.block_id or ""].append(passage)
        responses = {
            r.passage_id: r
            for r in session.scalars(select(Response).where(Response.deleted_at.is_(None)))
        }
        notes = _notes(session, names) if review_copy else {}

        def citation(passage: Passage) -> Citation:
            quote = Quote(
                passage_id=passage.id,
                text=passage.quote,
                party=labels.get(passage.source_id, ""),
                page_label=passage.page_label,
                paragraph_number=passage.paragraph_number,
                notes=notes.get(passage.id, ()),
            )
            response = responses.get(passage.id)
            if response is None or not response.text.strip():
                return Citation(quote)
            return Citation(
                quote,
                Comment(
                    response_id=response.id,
                    markup=response.text,
                    position=response.position,
                    status=response.status,
                    author=names.get(response.author_id or "", ""),
                    proposed_change=response.proposed_change,
                    draft=response.status == Status.DRAFT,
                    notes=notes.get(response.id, ()),
                ),
            )

        def tree_block(block: Block) -> TreeBlock | None:
            if block.kind == BlockKind.PARAGRAPH:
                return ParagraphBlock(block.id, block.text)
            if block.kind == BlockKind.LIST:
                items = tuple(line for line in block.text.split("\n") if line.strip())
                return ListBlock(block.id, items, numbered=bool(block.numbered))
            if block.kind == BlockKind.CROSS_REFERENCE:
                target = block.target_section_id or ""
                if target not in headings:
                    return None
                return CrossReferenceBlock(
                    block.id, block.text, target, names_in_text[target], block.after_text
                )
            cited = tuple(citation(p) for p in passages.get(block.id, []))
            if not cited:
                return None
            numbered = bool(block.numbered)
            default = (
                "cite_portions"
                if numbered
                else ("highlight_this_part" if len(cited) == 1 else "highlight_parts")
            )
            return CitationsBlock(
                block_id=block.id,
                lead_in=block.lead_in or phrases.text(default),
                comments_lead_in=block.comments_lead_in or phrases.text("comment_statements"),
                citations=cited,
                numbered=numbered,
            )

        nodes = []
        for section in sections:
            made = (tree_block(b) for b in blocks.get(section.id, []))
            nodes.append(
                SectionNode(
                    section_id=section.id,
                    heading=headings[section.id],
                    kind=SectionKind(section.kind),
                    blocks=tuple(b for b in made if b is not None),
                    party=labels.get(section.source_id or ""),
                    opening=section.opening,
                    closing=section.closing,
                )
            )
        return Contribution(
            title=project.title,
            organisation=project.organisation,
            sections=tuple(nodes),
            meeting=project.meeting,
            date=project.date,
            language=project.language,
            include_drafts=include_drafts,
            review_copy=review_copy,
        )
