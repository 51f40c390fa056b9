"""Passages: citing a span of a source, editing the printed quote, ordering."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, event, func, select
from sqlalchemy.orm import Session, SessionTransaction

from app.core import anchoring, elision, rowversion
from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import (
    AnchorMethod,
    Block,
    BlockKind,
    Passage,
    Response,
    Section,
    Source,
    SourceVersion,
    utcnow,
)
from app.core.services import shared_answers
from app.core.services.common import next_ordinal, place_at, resolve, tombstone
from app.core.services.sources import current_version, layout
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

_CHUNK = 500  # ids per IN (…), well under every database's limit on parameters


@dataclass(frozen=True)
class PassageInfo:
    id: str
    source_id: str
    source_label: str
    block_id: str | None
    ordinal: int
    start: int | None
    end: int | None
    exact: str
    quote: str
    page_label: str | None
    paragraph_number: str | None
    anchor_method: str
    anchor_score: int
    response_id: str | None
    response_status: str | None
    response_position: str | None
    response_text: str
    proposed_change: str = ""
    section_id: str | None = None
    same_as_id: str | None = None  # the passage whose answer this one shares

    @property
    def orphan(self) -> bool:
        return self.anchor_method == AnchorMethod.ORPHAN


# The statements citing runs for every passage, built once (a batch cites thousands).
_LAST_CITATIONS_BLOCK = (
    select(Block)
    .where(
        Block.section_id == bindparam("section_id"),
        Block.kind == BlockKind.CITATIONS,
    )
    .order_by(Block.ordinal.desc())
    .limit(1)
)
_SOURCE_SECTION = select(Section).where(Section.source_id == bindparam("source_id")).limit(1)
_NEXT_IN_BLOCK = select(func.max(Passage.ordinal)).where(Passage.block_id == bindparam("block_id"))


class _Looked:
    """What the last citations of one transaction looked up, for the next ones.

    A batch cites a thousand passages of one source in a transaction: the
    current version, the source's section, its last citations block and the
    next ordinal there are the same for each but the last, which grows by one
    with every passage cited. They are kept in the session's ``info`` and
    forgotten as soon as any flush writes a source, version, section or block
    (or a passage that is not a citation made here), and at any rollback
    (a failed line's savepoint), so that a look-up is never stale.
    """

    def __init__(self) -> None:
        self.versions: dict[str, str] = {}  # source id → current version id
        self.sections: dict[str, str | None] = {}  # source id → its section id (or none)
        self.blocks: dict[str, str] = {}  # section id → last citations block id
        self.ordinals: dict[str | None, int] = {}  # block id → next ordinal
        self.expected: list[object] = []  # passages the next flush inserts for a citation

    def forget(self, *_args: object) -> None:
        self.versions.clear()
        self.sections.clear()
        self.blocks.clear()
        self.ordinals.clear()
        self.expected.clear()

    def after_flush(self, session: Session, _context: object) -> None:
        expected = self.expected
        for obj in (*session.new, *session.dirty, *session.deleted):
            if any(obj is e for e in expected):
                continue
            if isinstance(obj, Passage):
                self.ordinals.clear()
            elif isinstance(obj, Source | SourceVersion | Section | Block):
                self.forget()
                return
        expected.clear()

    def transaction_ended(self, _session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:  # the whole transaction: others may write now
            self.forget()


def _looked(session: Session) -> _Looked:
    """The session's look-ups; emptied first when it holds changes not yet flushed."""
    looked = session.info.get("citation_lookups")
    if not isinstance(looked, _Looked):
        looked = session.info["citation_lookups"] = _Looked()
        event.listen(session, "after_flush", looked.after_flush)
        event.listen(session, "after_soft_rollback", looked.forget)
        event.listen(session, "after_transaction_end", looked.transaction_ended)
    elif session.new or session.dirty or session.deleted:
        looked.forget()  # a query would flush them first and might see them
    return looked


def _citations_block(session: Session, section: Section) -> Block:
    """The section's last citations block; new passages join it (created when missing)."""
    looked = _looked(session)
    block_id = looked.blocks.get(section.id)
    if block_id is not None:
        block = session.get(Block, block_id)
        if block is not None:
            return block
    block = session.scalars(_LAST_CITATIONS_BLOCK, {"section_id": section.id}).first()
    if block is None:
        block = Block(
            section_id=section.id,
            kind=BlockKind.CITATIONS,
            ordinal=next_ordinal(session, Block, Block.section_id == section.id),
        )
        session.add(block)
        session.flush()
    looked.blocks[section.id] = block.id
    return block


def _target_section(session: Session, source: Source, section_ref: str | None) -> Section | None:
    if section_ref:
        return resolve(session, Section, section_ref)
    looked = _looked(session)
    if source.id in looked.sections:
        section_id = looked.sections[source.id]
        return session.get(Section, section_id) if section_id is not None else None
    section = session.scalars(_SOURCE_SECTION, {"source_id": source.id}).first()
    looked.sections[source.id] = section.id if section is not None else None
    return section


def _next_ordinal(session: Session, block: Block | None) -> int:
    looked = _looked(session)
    key = block.id if block is not None else None
    if key in looked.ordinals:
        return looked.ordinals[key]
    if block is None:
        return next_ordinal(session, Passage, Passage.block_id.is_(None))
    value = session.scalar(_NEXT_IN_BLOCK, {"block_id": block.id})
    return 0 if value is None else int(value) + 1


def _version(session: Session, source: Source) -> SourceVersion:
    """The source's current version (kept between the citations of a transaction)."""
    looked = _looked(session)
    version_id = looked.versions.get(source.id)
    if version_id is not None:
        version = session.get(SourceVersion, version_id)
        if version is not None:
            return version
    version = current_version(session, source.id)
    looked.versions[source.id] = version.id
    return version


def _create(
    session: Session,
    source: Source,
    version: SourceVersion,
    start: int,
    end: int,
    section_ref: str | None,
    ellipsis: bool = False,
) -> Passage:
    pages, paragraphs = layout(version)
    anchor = anchoring.make_anchor(version.text, start, end, pages, paragraphs)
    section = _target_section(session, source, section_ref)
    block = _citations_block(session, section) if section is not None else None
    ordinal = _next_ordinal(session, block)
    passage = Passage(
        source_id=source.id,
        source_version_id=version.id,
        block_id=block.id if block else None,
        ordinal=ordinal,
        start=anchor.start,
        end=anchor.end,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        page_index=anchor.page_index,
        page_label=anchor.page_label,
        paragraph_number=anchor.paragraph_number,
        quote=_printed(version.text, anchor.start, anchor.end, anchor.exact, ellipsis),
        anchor_method=AnchorMethod.SELECTION,
        anchor_score=100,
        orig_exact=anchor.exact,
        orig_prefix=anchor.prefix,
        orig_suffix=anchor.suffix,
        orig_start=anchor.start,
        orig_version_id=version.id,
    )
    looked = _looked(session)
    session.add(passage)
    looked.expected.append(passage)
    session.flush()
    looked.ordinals[passage.block_id] = ordinal + 1
    return passage


def _printed(text: str, start: int, end: int, exact: str, ellipsis: bool) -> str:
    """The quote as first printed: the exact text, with "…" where it cuts a sentence."""
    quote = " ".join(exact.split())
    return elision.mark_cuts(quote, text, start, end) if ellipsis else quote


def cite_span(
    store: ProjectStore,
    source_ref: str,
    start: int,
    end: int,
    section_ref: str | None = None,
    *,
    ellipsis: bool = False,
) -> str:
    """Cite ``text[start:end]`` (code points) of the source's current version.

    With ``ellipsis`` the printed quote gets "…" at an end that cuts a
    sentence; the anchor is the exact text either way. The cite step a
    person takes (the window's Cite, ``rejoinder cite``) asks for it by
    default; code that builds a project keeps the text as cited.
    """
    with store.write("Cite passage") as session:
        source = resolve(session, Source, source_ref)
        version = current_version(session, source.id)
        if not 0 <= start < end <= len(version.text) or not version.text[start:end].strip():
            raise InvalidInputError(_("Select some text of the source to cite."))
        return _create(session, source, version, start, end, section_ref, ellipsis).id


def cite_quote(
    store: ProjectStore,
    source_ref: str,
    quote: str,
    occurrence: int | None = None,
    section_ref: str | None = None,
    *,
    ellipsis: bool = False,
) -> str:
    """Cite a quote given as text (pasted from a PDF: whitespace and hyphenation may differ)."""
    if not quote.strip():
        raise InvalidInputError(_("The quote is empty."))
    with store.write("Cite passage") as session:
        source = resolve(session, Source, source_ref)
        version = _version(session, source)
        start, end = anchoring.find_quote(version.text, quote, occurrence, label=source.label)
        return _create(session, source, version, start, end, section_ref, ellipsis).id


def set_quote(
    store: ProjectStore, passage_ref: str, printed: str, *, base_version: int | None = None
) -> None:
    """Edit the printed quote (elisions, bracketed insertions); the anchor stays as it is.

    ``base_version``: the passage's version the editor showed (a conflict if it changed since).
    """
    if not printed.strip():
        raise InvalidInputError(_("The printed quote cannot be empty."))
    with rowversion.checked(store, "Edit quote") as (session, guard):
        passage = resolve(session, Passage, passage_ref)
        if not guard.kept(passage, base_version, {"quote": printed}):
            passage.quote = printed


def delete_passage(store: ProjectStore, passage_ref: str) -> str:
    """Tombstone a passage and its response; returns the deletion stamp."""
    stamp = utcnow()
    with store.write("Delete passage") as session:
        passage = resolve(session, Passage, passage_ref)
        shared_answers.hand_over(session, passage, stamp)
        tombstone(passage, stamp)
        for response in session.scalars(select(Response).where(Response.passage_id == passage.id)):
            tombstone(response, stamp)
    return stamp


def move_passage(
    store: ProjectStore, passage_ref: str, new_index: int, *, base_version: int | None = None
) -> None:
    """Reorder a passage within its block (the output order of quotes and comments)."""
    with rowversion.checked(store, "Move passage") as (session, guard):
        passage = resolve(session, Passage, passage_ref)
        if guard.kept(passage, base_version, {"ordinal": new_index}):
            return
        siblings = list(
            session.scalars(
                select(Passage)
                .where(Passage.block_id == passage.block_id)
                .order_by(Passage.ordinal, Passage.created_at)
            )
        )
        place_at(siblings, passage, new_index)


def place_passage(
    store: ProjectStore, passage_ref: str, section_ref: str, *, base_version: int | None = None
) -> str | None:
    """Move a passage into a section (its last citations block); returns the block it left."""
    with rowversion.checked(store, "Place passage") as (session, guard):
        passage = resolve(session, Passage, passage_ref)
        previous = passage.block_id
        block = _citations_block(session, resolve(session, Section, section_ref))
        if guard.kept(passage, base_version, {"block_id": block.id}):
            return previous
        passage.block_id = block.id
        passage.ordinal = next_ordinal(session, Passage, Passage.block_id == block.id)
        return previous


_INFO_COLUMNS = (
    Passage.id,
    Passage.source_id,
    Source.label,
    Passage.block_id,
    Passage.ordinal,
    Passage.start,
    Passage.end,
    Passage.exact,
    Passage.quote,
    Passage.page_label,
    Passage.paragraph_number,
    Passage.anchor_method,
    Passage.anchor_score,
    Response.id,
    Response.status,
    Response.position,
    func.coalesce(Response.text, ""),
    func.coalesce(Response.proposed_change, ""),
    Block.section_id,
    Passage.same_as_id,
)


def _query_infos(session: Session, *where: Any) -> list[PassageInfo]:
    """Columns, not ORM objects: a list of 20,000 passages is read in a fraction of the time."""
    query = (
        select(*_INFO_COLUMNS)
        .join(Source, Source.id == Passage.source_id)
        .outerjoin(Response, (Response.passage_id == func.coalesce(Passage.same_as_id, Passage.id)))
        .outerjoin(Block, Block.id == Passage.block_id)
        .outerjoin(Section, Section.id == Block.section_id)
        .where(*where)
        .order_by(Section.ordinal, Block.ordinal, Passage.ordinal, Passage.created_at)
    )
    rows: list[tuple[Any, ...]] = [tuple(row) for row in session.execute(query)]
    return [PassageInfo(*row) for row in rows]


def list_passages(store: ProjectStore, source_ref: str | None = None) -> list[PassageInfo]:
    """Passages in output order (block, then ordinal); a source's only, when given."""
    with store.session() as session:
        if source_ref:
            source_id = resolve(session, Source, source_ref).id
            return _query_infos(session, Passage.source_id == source_id)
        return _query_infos(session)


def get_passage(store: ProjectStore, passage_id: str) -> PassageInfo | None:
    """One live passage by its full id (the GUI's selection), or None when it is gone."""
    with store.session() as session:
        found = _query_infos(session, Passage.id == passage_id)
        return found[0] if found else None


def passage_infos(store: ProjectStore, passage_ids: Iterable[str]) -> dict[str, PassageInfo]:
    """The live passages among ``passage_ids`` (the rows an operation's changes name), by id."""
    wanted = list(dict.fromkeys(passage_ids))
    found: dict[str, PassageInfo] = {}
    with store.session() as session:
        for i in range(0, len(wanted), _CHUNK):
            part = wanted[i : i + _CHUNK]
            found.update((p.id, p) for p in _query_infos(session, Passage.id.in_(part)))
    return found


def passage_source(store: ProjectStore, passage_id: str) -> str | None:
    """The source of a live passage, or None when it is gone (one indexed row, nothing joined)."""
    with store.session() as session:
        source_id: str | None = session.scalar(
            select(Passage.source_id).where(Passage.id == passage_id)
        )
        return source_id


def passage_for_response(store: ProjectStore, response_id: str) -> PassageInfo | None:
    """The live passage a response answers, or None."""
    with store.session() as session:
        found = _query_infos(session, Response.id == response_id)
        return found[0] if found else None
