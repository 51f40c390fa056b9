"""The project's tables, named from the vocabulary in DESIGN.md.

Every row carries a UUID (merging copies of a project needs global identity),
creation and update times, the member who made the last change, and a
``deleted_at`` tombstone instead of being removed: a deletion must travel to a
colleague's copy when the two are merged. Times are ISO 8601 strings in UTC so
that the JSON dump is lossless and byte-stable.

The schema itself is created and changed only by the Alembic revisions in
``db_migrations/``; a test checks that these classes and the migrated schema
agree.
"""

from __future__ import annotations

import logging

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.core.ids import APPLICATION_ID as APPLICATION_ID
from app.core.ids import new_id as new_id
from app.core.ids import utcnow as utcnow
from app.core.kinds import AnchorMethod as AnchorMethod
from app.core.kinds import BlockKind as BlockKind
from app.core.kinds import CommentType as CommentType
from app.core.kinds import NoteTarget as NoteTarget
from app.core.kinds import Position as Position
from app.core.kinds import SectionKind as SectionKind
from app.core.kinds import SourceKind as SourceKind
from app.core.kinds import Status as Status

logger = logging.getLogger(__name__)


class Base(DeclarativeBase):
    pass


class Tracked:
    """Columns every row has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[str] = mapped_column(String(32), default=utcnow)
    updated_at: Mapped[str] = mapped_column(String(32), default=utcnow)
    changed_by: Mapped[str | None] = mapped_column(String(36), default=None)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)
    field_history: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class Project(Tracked, Base):
    __tablename__ = "project"

    title: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text)
    meeting: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(32), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    # The submission deadline, ISO 8601 UTC ("2026-12-03T12:00:00Z"); "" for none.
    deadline: Mapped[str] = mapped_column(String(32), default="", server_default="")


class Member(Tracked, Base):
    __tablename__ = "member"

    name: Mapped[str] = mapped_column(Text)
    initials: Mapped[str] = mapped_column(String(16), default="")
    organisation: Mapped[str] = mapped_column(Text, default="")


class OriginalFile(Tracked, Base):
    """The bytes of an imported file, stored once per sha256."""

    __tablename__ = "original_file"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Source(Tracked, Base):
    __tablename__ = "source"

    label: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default=SourceKind.SUBMISSION)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    # The language the source is written in ("en", "fr", …; "" unknown): its quotes carry it.
    language: Mapped[str] = mapped_column(String(16), default="", server_default="")


class SourceVersion(Tracked, Base):
    """One issue of a source (the original, Rev.1, …); text is never edited in place."""

    __tablename__ = "source_version"
    __table_args__ = (Index("ix_source_version_source", "source_id", "version_no"),)

    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    filename: Mapped[str] = mapped_column(Text, default="")
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    sha256: Mapped[str] = mapped_column(ForeignKey("original_file.sha256"))
    text: Mapped[str] = mapped_column(Text)
    pages: Mapped[str] = mapped_column(Text, default="[]")
    paragraphs: Mapped[str] = mapped_column(Text, default="[]")
    footnotes: Mapped[str] = mapped_column(Text, default="[]")
    doc_title: Mapped[str] = mapped_column(Text, default="")
    doc_author: Mapped[str] = mapped_column(Text, default="")
    doc_date: Mapped[str] = mapped_column(String(64), default="")
    warnings: Mapped[str] = mapped_column(Text, default="[]")


class Section(Tracked, Base):
    """A part of the output; a party section is bound to a source.

    ``heading`` empty means the default ("Contribution from LABEL" for a party
    section), so that renaming the source renames the section.
    """

    __tablename__ = "section"

    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default=SectionKind.TOPIC)
    heading: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), default=None)
    opening: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")
    # 1: a shared answer prints here as the phrasebook's cross-reference to its first place.
    shared_as_reference: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Block(Tracked, Base):
    """What a section holds, in order.

    ``text``: markup of a paragraph, or the items of a list (one per line), or
    the words before a cross-reference. A citations block holds the passages
    whose ``block_id`` points to it; its lead-ins are "" to use the
    phrasebook's sentences, which follow what the block holds; a lead-in
    whose ``*_shown`` is 0 does not print at all.
    """

    __tablename__ = "block"
    __table_args__ = (Index("ix_block_section", "section_id", "ordinal"),)

    section_id: Mapped[str] = mapped_column(ForeignKey("section.id"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(24), default=BlockKind.PARAGRAPH)
    text: Mapped[str] = mapped_column(Text, default="")
    after_text: Mapped[str] = mapped_column(Text, default="")
    target_section_id: Mapped[str | None] = mapped_column(ForeignKey("section.id"), default=None)
    numbered: Mapped[int] = mapped_column(Integer, default=1)
    lead_in: Mapped[str] = mapped_column(Text, default="")
    comments_lead_in: Mapped[str] = mapped_column(Text, default="")
    lead_in_shown: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    comments_lead_in_shown: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Passage(Tracked, Base):
    """A cited span of a source version, anchored twice (offsets and quote with context)."""

    __tablename__ = "passage"
    __table_args__ = (
        Index("ix_passage_source", "source_id"),
        Index("ix_passage_block", "block_id", "ordinal"),
        # the live passages of a source, counted by the Sources list (revision 0009)
        Index(
            "ix_passage_live",
            "source_id",
            "id",
            "same_as_id",
            sqlite_where=sql_text("deleted_at IS NULL"),
            postgresql_where=sql_text("deleted_at IS NULL"),
        ),
    )

    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    source_version_id: Mapped[str] = mapped_column(ForeignKey("source_version.id"))
    block_id: Mapped[str | None] = mapped_column(ForeignKey("block.id"), default=None)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    page_index: Mapped[int | None] = mapped_column(Integer, default=None)
    page_label: Mapped[str | None] = mapped_column(Text, default=None)
    paragraph_number: Mapped[str | None] = mapped_column(Text, default=None)
    quote: Mapped[str] = mapped_column(Text)
    anchor_method: Mapped[str] = mapped_column(String(16), default=AnchorMethod.SELECTION)
    anchor_score: Mapped[int] = mapped_column(Integer, default=100)
    # Where the passage was first cited; every re-anchoring starts from here.
    orig_exact: Mapped[str] = mapped_column(Text, default="", server_default="")
    orig_prefix: Mapped[str] = mapped_column(Text, default="", server_default="")
    orig_suffix: Mapped[str] = mapped_column(Text, default="", server_default="")
    orig_start: Mapped[int | None] = mapped_column(Integer, default=None)
    orig_version_id: Mapped[str | None] = mapped_column(String(36), default=None)
    placement_confirmed: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # "Same answer as…": the passage whose response this one shares (None: its own).
    same_as_id: Mapped[str | None] = mapped_column(String(36), default=None)


_ANSWERED = "deleted_at IS NULL AND (trim(text) != '' OR status != 'draft')"


class Response(Tracked, Base):
    __tablename__ = "response"
    __table_args__ = (
        Index("ix_response_passage", "passage_id"),
        # the answered responses, counted by the Sources list (revision 0009)
        Index(
            "ix_response_answered",
            "passage_id",
            sqlite_where=sql_text(_ANSWERED),
            postgresql_where=sql_text(_ANSWERED),
        ),
    )

    passage_id: Mapped[str] = mapped_column(ForeignKey("passage.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str] = mapped_column(String(24), default=Position.NOTE)
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT)
    proposed_change: Mapped[str] = mapped_column(Text, default="")
    comment_type: Mapped[str] = mapped_column(
        String(16), default=CommentType.GENERAL, server_default=CommentType.GENERAL
    )
    author_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), default=None)


class Revision(Tracked, Base):
    """An earlier text of a response."""

    __tablename__ = "revision"
    __table_args__ = (Index("ix_revision_response", "response_id"),)

    response_id: Mapped[str] = mapped_column(ForeignKey("response.id"))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), default=None)


class Note(Tracked, Base):
    """Internal discussion on a passage or response; never in the final export."""

    __tablename__ = "note"
    __table_args__ = (Index("ix_note_target", "target_kind", "target_id"),)

    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("note.id"), default=None)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), default=None)
    # For a proposal from a review copy: the response text it was built on.
    proposal_base: Mapped[str] = mapped_column(Text, default="", server_default="")


class Conflict(Tracked, Base):
    """A field two copies changed differently since they diverged (see ``app.core.merge``).

    The row keeps the value of the later change (``ours_*``) until someone
    decides; the other value (``theirs_*``) is kept here so nothing is lost.
    Values are JSON; stamps, authors and times describe the two changes.
    """

    __tablename__ = "conflict"
    __table_args__ = (Index("ix_conflict_row", "table_name", "row_id"),)

    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    ours_value: Mapped[str] = mapped_column(Text)
    theirs_value: Mapped[str] = mapped_column(Text)
    ours_stamp: Mapped[str] = mapped_column(String(64), default="")
    theirs_stamp: Mapped[str] = mapped_column(String(64), default="")
    ours_author: Mapped[str] = mapped_column(Text, default="")
    theirs_author: Mapped[str] = mapped_column(Text, default="")
    ours_time: Mapped[str] = mapped_column(String(32), default="")
    theirs_time: Mapped[str] = mapped_column(String(32), default="")
    resolved_at: Mapped[str | None] = mapped_column(String(32), default=None)


class SentExport(Tracked, Base):
    """A final export: what was sent, when, by whom, and the file's sha256.

    ``printed`` is JSON, one object per live passage at that moment (see
    ``app.core.sending``): its quote, its response's text, position and status,
    and whether it printed. ``revision_no`` is 0 for the first sending and N
    for "Rev.N". Written once, never edited; it travels in dumps and merges.
    """

    __tablename__ = "sent_export"
    __table_args__ = (Index("ix_sent_export_sent_at", "sent_at"),)

    sent_at: Mapped[str] = mapped_column(String(32), default=utcnow)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), default=None)
    filename: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    revision_no: Mapped[int] = mapped_column(Integer, default=0)
    layout: Mapped[str] = mapped_column(String(16), default="grouped")
    printed: Mapped[str] = mapped_column(Text, default="[]")


class JournalEntry(Base):
    """One operation in this file's journal (see ``app.core.journal``); never dumped or merged.

    ``rows`` is JSON: ``[[table, id, before, after], …]`` with ``None`` for a
    row that did not exist on that side; blob columns are left out.
    """

    __tablename__ = "journal_entry"
    __table_args__ = (
        Index("ix_journal_entry_trim", "seq", "size", "at"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    at: Mapped[str] = mapped_column(String(32), default=utcnow)
    member_id: Mapped[str | None] = mapped_column(String(36), default=None)
    label: Mapped[str] = mapped_column(Text)
    undone: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rows: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # len(rows)


class JournalBlob(Base):
    """A blob moved out of its row while the insert that created the row is undone."""

    __tablename__ = "journal_blob"

    entry_seq: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.seq", ondelete="CASCADE"), primary_key=True
    )
    table_name: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    column_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class Sentence(Base):
    """A sentence of a source version, as the similar-passages index knows it (derived data)."""

    __tablename__ = "sentence"
    # No index on version_id: a version's sentences are the id range its
    # ``sentence_index`` row gives (first_id, sentences), found by the primary key.

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[str] = mapped_column(String(36))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # Kept here so that a look-up never reads a whole source text to score a candidate.
    text: Mapped[str] = mapped_column(Text)


class SentenceKeys(Base):
    """The LSH band keys of one version's sentences that fall in one bucket, as one blob.

    ``id`` is ``bucket << 40 | the version's first sentence id``: a look-up
    reads the rows of its keys' buckets as ranges of the primary key, and an
    import writes a few hundred rows instead of one per key (ten a sentence).
    ``keys`` holds little-endian uint64 values, ``key << 32 | offset``, where
    ``offset`` counts from the first sentence id (``app.core.similar.build``).
    """

    __tablename__ = "sentence_keys"

    # INTEGER in SQLite, so that it is the rowid; 64 bits on the team server.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    keys: Mapped[bytes] = mapped_column(LargeBinary)


class SentenceIndex(Base):
    """A source version whose sentences are indexed, and with which scheme (its parameters)."""

    __tablename__ = "sentence_index"

    version_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(64))
    sentences: Mapped[int] = mapped_column(Integer)
    # The version's sentences have ids first_id … first_id + sentences - 1.
    first_id: Mapped[int] = mapped_column(Integer)


# Order in which tables can be filled without breaking a foreign key; the dump uses it.
TABLES: tuple[type[Base], ...] = (
    Project,
    Member,
    OriginalFile,
    Source,
    SourceVersion,
    Section,
    Block,
    Passage,
    Response,
    Revision,
    Note,
    Conflict,
    SentExport,
)
