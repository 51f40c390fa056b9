"""Sources: imported documents, their versions and their original bytes."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.core import anchoring, quickimport, reanchoring
from app.core.document import (
    ImportedText,
    Page,
    Paragraph,
    pages_from_json,
    paragraphs_from_json,
    to_json,
)
from app.core.errors import DuplicateSourceError, InvalidInputError
from app.core.i18n import _
from app.core.language import checked_language_code, detect_language
from app.core.models import (
    OriginalFile,
    Passage,
    Response,
    Section,
    SectionKind,
    Source,
    SourceKind,
    SourceVersion,
    utcnow,
)
from app.core.quickimport import check_new_source, duplicate_error
from app.core.services.common import next_ordinal, place_at, resolve, tombstone
from app.core.services.source_list import SourceInfo as SourceInfo
from app.core.services.source_list import source_infos, sources_sql
from app.core.services.source_list import version_name as version_name
from app.core.store import ProjectStore
from app.core.structure import Place, Structure

logger = logging.getLogger(__name__)


# Core's document types under the names the services and the reader use.
PageInfo = Page
ParagraphInfo = Paragraph


def layout(version: SourceVersion) -> tuple[tuple[PageInfo, ...], tuple[ParagraphInfo, ...]]:
    """A version's pages and paragraphs, read from their JSON columns."""
    return _parse_layout(version.pages, version.paragraphs)


@functools.lru_cache(maxsize=8)
def _parse_layout(
    pages: str, paragraphs: str
) -> tuple[tuple[PageInfo, ...], tuple[ParagraphInfo, ...]]:
    # Kept for the next passage cited in the same version (keyed by the JSON itself).
    return (
        pages_from_json(pages),
        paragraphs_from_json(paragraphs),
    )


@dataclass(frozen=True)
class SourceText:
    source_id: str
    version_id: str
    label: str
    text: str
    pages: tuple[PageInfo, ...]
    paragraphs: tuple[ParagraphInfo, ...]


@dataclass(frozen=True)
class Placement:
    """Where one passage landed on a new version: exact, moved, fuzzy or orphan, with a score."""

    passage_id: str
    kind: str
    score: int


@dataclass(frozen=True)
class ReanchorReport:
    source_id: str
    version_id: str
    version_no: int
    placements: tuple[Placement, ...]

    def count(self, kind: str) -> int:
        return sum(1 for p in self.placements if p.kind == kind)

    @property
    def exact(self) -> int:
        return self.count("exact")

    @property
    def moved(self) -> int:
        return self.count("moved")

    @property
    def fuzzy(self) -> int:
        return self.count("fuzzy")

    @property
    def orphans(self) -> tuple[str, ...]:
        return tuple(p.passage_id for p in self.placements if p.kind == "orphan")

    @property
    def mostly_orphaned(self) -> bool:
        """More than half of the passages found nowhere: probably the wrong document."""
        return len(self.orphans) * 2 > len(self.placements) > 0


def _store_bytes(session: Session, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    if session.scalar(select(OriginalFile.id).where(OriginalFile.sha256 == digest)) is None:
        session.add(OriginalFile(sha256=digest, size=len(data), data=data))
    return digest


def _check_duplicate(session: Session, digest: str, except_source: str | None = None) -> None:
    query = (
        select(Source.label, SourceVersion.filename)
        .join(SourceVersion, SourceVersion.source_id == Source.id)
        .where(
            SourceVersion.sha256 == digest,
        )
    )
    if except_source is not None:
        query = query.where(Source.id != except_source)
    row = session.execute(query).first()
    if row is not None:
        raise duplicate_error(row.label, row.filename)


def _version_row(
    source_id: str, version_no: int, imported: ImportedText, digest: str, filename: str
) -> SourceVersion:
    return SourceVersion(
        source_id=source_id,
        version_no=version_no,
        filename=filename,
        media_type=imported.media_type,
        sha256=digest,
        text=imported.text,
        pages=to_json(imported.pages),
        paragraphs=to_json(imported.paragraphs),
        footnotes=to_json(imported.footnotes),
        doc_title=imported.title or "",
        doc_author=imported.author or "",
        doc_date=imported.date or "",
        warnings=json.dumps(list(imported.warnings), ensure_ascii=False),
    )


def add_source(
    store: ProjectStore,
    imported: ImportedText,
    data: bytes,
    *,
    filename: str,
    label: str,
    kind: str = SourceKind.SUBMISSION,
    title: str = "",
) -> str:
    """Store an imported document; a submission gets its "Contribution from …" section."""
    label = check_new_source(imported, label, kind)
    with store.write(quickimport.LABEL) as session:
        digest = hashlib.sha256(data).hexdigest()
        _check_duplicate(session, digest)
        _store_bytes(session, data)
        source = Source(
            label=label,
            title=title or imported.title or "",
            kind=kind,
            ordinal=next_ordinal(session, Source),
            language=detect_language(imported.text),
        )
        session.add(source)
        session.flush()
        version = _version_row(source.id, 1, imported, digest, filename)
        session.add(version)
        _index_sentences(session, version, imported.prepared)
        if kind == SourceKind.SUBMISSION:
            session.add(
                Section(
                    kind=SectionKind.PARTY,
                    source_id=source.id,
                    ordinal=next_ordinal(session, Section),
                )
            )
        return source.id


def _index_sentences(session: Session, version: SourceVersion, prepared: object = None) -> None:
    """Index the new version's sentences for similar passages, in the import's transaction.

    Only this version's sentences are cut and hashed (about a fifth of a
    300-page PDF import's CPU time, bench/similar.py); here rather than at
    the first look-up, so that the look-up never waits for a build. Imported
    late: NumPy is not needed to start the command line. ``prepared`` is what
    the importer prepared of the text already (``ImportedText.prepared``).
    """
    from app.core.similar.index import index_version

    session.flush()
    index_version(session, version, prepared)


_CURRENT_VERSION = (
    select(SourceVersion.id)
    .where(SourceVersion.source_id == bindparam("source_id"))
    .order_by(SourceVersion.version_no.desc())
    .limit(1)
)


def current_version(session: Session, source_id: str) -> SourceVersion:
    # The id first: the row (with the whole text) is then read only when the
    # session does not hold it yet, not for every passage a batch cites.
    version_id = session.scalar(_CURRENT_VERSION, {"source_id": source_id})
    version = session.get(SourceVersion, version_id) if version_id is not None else None
    if version is None:
        raise InvalidInputError(_("This source has no text."))
    return version


def _structure(version: SourceVersion) -> Structure:
    return Structure(version.text, list(paragraphs_from_json(version.paragraphs)))


def _original_anchor(passage: Passage) -> anchoring.Anchor:
    """The anchor a passage was first cited with: every re-anchoring starts from it."""
    exact = passage.orig_exact or passage.exact
    start = passage.orig_start if passage.orig_start is not None else (passage.start or 0)
    return anchoring.Anchor(
        start=start,
        end=start + len(exact),
        exact=exact,
        prefix=passage.orig_prefix if passage.orig_exact else passage.prefix,
        suffix=passage.orig_suffix if passage.orig_exact else passage.suffix,
    )


def _current_anchor(passage: Passage) -> anchoring.Anchor | None:
    if passage.start is None or passage.end is None:
        return None
    return anchoring.Anchor(
        passage.start, passage.end, passage.exact, passage.prefix, passage.suffix
    )


def _origin(
    session: Session, passage: Passage, cache: dict[str, Structure]
) -> tuple[Place | None, Structure | None]:
    """Where the passage stood in the version it was cited in (headings, position), and
    that version's structure."""
    version_id = passage.orig_version_id
    if version_id is None or passage.orig_start is None:
        return None, None
    if version_id not in cache:
        version = session.get(SourceVersion, version_id)
        if version is None:
            return None, None
        cache[version_id] = _structure(version)
    start = passage.orig_start
    origin = cache[version_id]
    return origin.place(start, start + len(passage.orig_exact or passage.exact)), origin


def reanchor_passages(session: Session, source_id: str, version: SourceVersion) -> list[Placement]:
    """Place every passage of a source on ``version``; fuzzy placements await confirmation.

    The original anchor is tried first. A placement a person confirmed on an
    earlier version is kept when the original cannot be found but the
    confirmed text is still there word for word.
    """
    structure = _structure(version)
    reanchorer = reanchoring.Reanchorer(version.text, structure=structure)
    pages = list(pages_from_json(version.pages))
    paragraphs = list(paragraphs_from_json(version.paragraphs))
    cache: dict[str, Structure] = {}
    placements: list[Placement] = []
    passages = session.scalars(  # in the order they were cited, whatever index the query uses
        select(Passage)
        .where(Passage.source_id == source_id)
        .order_by(Passage.created_at, Passage.id)
    ).all()
    for passage in passages:
        place, origin = _origin(session, passage, cache)
        found = reanchorer.reanchor(_original_anchor(passage), place, origin)
        current = _current_anchor(passage)
        if (
            found.method not in ("offset", "quote")
            and passage.placement_confirmed
            and current is not None
            and current.exact != (passage.orig_exact or passage.exact)
        ):
            again = reanchorer.reanchor(current)
            if again.method in ("offset", "quote"):
                found = again
        passage.source_version_id = version.id
        passage.anchor_method = found.method
        passage.anchor_score = round(found.score * 100)
        passage.placement_confirmed = int(found.method in ("offset", "quote"))
        placements.append(Placement(passage.id, found.kind, passage.anchor_score))
        if found.start is None or found.end is None:
            passage.start = passage.end = None
            continue
        anchor = anchoring.make_anchor(version.text, found.start, found.end, pages, paragraphs)
        passage.start, passage.end = anchor.start, anchor.end
        passage.exact, passage.prefix, passage.suffix = anchor.exact, anchor.prefix, anchor.suffix
        passage.page_index, passage.page_label = anchor.page_index, anchor.page_label
        passage.paragraph_number = anchor.paragraph_number
    logger.info(
        "re-anchored %d passages of source %s on version %d",
        len(placements),
        source_id,
        version.version_no,
    )
    return placements


def add_version(
    store: ProjectStore, source_ref: str, imported: ImportedText, data: bytes, *, filename: str
) -> ReanchorReport:
    """A re-issued document (Rev.1): a new version; passages re-attach or become orphans.

    An earlier version's file may come back as the current version (a Rev.1
    withdrawn in favour of the original): only the current version's file is
    refused as already imported.
    """
    with store.write("Import new version") as session:
        source = resolve(session, Source, source_ref)
        digest = hashlib.sha256(data).hexdigest()
        old = current_version(session, source.id)
        if old.sha256 == digest:
            raise DuplicateSourceError(
                _("This file is already the current version of “{label}”.").format(
                    label=source.label
                )
            )
        _check_duplicate(session, digest, except_source=source.id)
        _store_bytes(session, data)
        version = _version_row(source.id, old.version_no + 1, imported, digest, filename)
        session.add(version)
        session.flush()
        _index_sentences(session, version, imported.prepared)
        placements = reanchor_passages(session, source.id, version)
        return ReanchorReport(source.id, version.id, version.version_no, tuple(placements))


def remove_version(store: ProjectStore, source_ref: str) -> ReanchorReport:
    """Withdraw the current version (a wrong file, a Rev.1 withdrawn): the previous one is back.

    Passages are placed again on the version that becomes current, from their
    original anchors, so nothing of the removed version stays behind.
    """
    with store.write("Withdraw version") as session:
        source = resolve(session, Source, source_ref)
        current = current_version(session, source.id)
        if _only_version(session, source.id):
            raise InvalidInputError(
                _("“{label}” has only its original version: remove the source instead.").format(
                    label=source.label
                )
            )
        tombstone(current, utcnow())
        session.flush()
        previous = current_version(session, source.id)
        placements = reanchor_passages(session, source.id, previous)
        return ReanchorReport(source.id, previous.id, previous.version_no, tuple(placements))


def _only_version(session: Session, source_id: str) -> bool:
    live = session.scalar(
        select(func.count()).select_from(SourceVersion).where(SourceVersion.source_id == source_id)
    )
    return (live or 0) <= 1


def list_sources(store: ProjectStore) -> list[SourceInfo]:
    with store.session() as session:
        connection = session.connection()
        return source_infos(connection.exec_driver_sql(sources_sql(connection.dialect.name)))


def source_info(store: ProjectStore, source_id: str) -> SourceInfo | None:
    """One live source's row of :func:`list_sources` (its counts after an edit), or None."""
    with store.session() as session:
        connection = session.connection()
        rows = connection.execute(
            sql_text(sources_sql(connection.dialect.name, one=True)), {"source_id": source_id}
        )
        found = source_infos(rows)
        return found[0] if found else None


def source_exists(store: ProjectStore, source_id: str) -> bool:
    """True while the source ``source_id`` is live (one indexed row)."""
    with store.session() as session:
        return session.scalar(select(Source.id).where(Source.id == source_id)) is not None


def source_text(store: ProjectStore, source_ref: str) -> SourceText:
    with store.session() as session:
        source = resolve(session, Source, source_ref)
        version = current_version(session, source.id)
        return SourceText(
            source_id=source.id,
            version_id=version.id,
            label=source.label,
            text=version.text,
            pages=pages_from_json(version.pages),
            paragraphs=paragraphs_from_json(version.paragraphs),
        )


def original_bytes(store: ProjectStore, source_ref: str) -> tuple[str, bytes]:
    with store.session() as session:
        source = resolve(session, Source, source_ref)
        version = current_version(session, source.id)
        data = session.scalar(
            select(OriginalFile.data).where(OriginalFile.sha256 == version.sha256)
        )
        return version.filename, data or b""


def set_source_language(store: ProjectStore, source_ref: str, language: str) -> None:
    """Correct a source's language ("" = unknown: its quotes take the document's)."""
    code = checked_language_code(language)
    with store.write("Set source language") as session:
        resolve(session, Source, source_ref).language = code


def rename_source(store: ProjectStore, source_ref: str, label: str) -> None:
    if not label.strip():
        raise InvalidInputError(_("A source needs a label."))
    with store.write("Rename source") as session:
        resolve(session, Source, source_ref).label = label.strip()


def move_source(store: ProjectStore, source_ref: str, new_index: int) -> None:
    """Reorder sources; party sections follow, since they print in the sources' order."""
    with store.write("Move source") as session:
        source = resolve(session, Source, source_ref)
        ordered = list(session.scalars(select(Source).order_by(Source.ordinal)))
        place_at(ordered, source, new_index)
        sections = {
            s.source_id: s
            for s in session.scalars(select(Section).where(Section.kind == SectionKind.PARTY))
        }
        slots = sorted(s.ordinal for s in sections.values())
        party_sections = [sections[s.id] for s in ordered if s.id in sections]
        for slot, section in zip(slots, party_sections, strict=True):
            if section.ordinal != slot:
                section.ordinal = slot


def remove_source(store: ProjectStore, source_ref: str) -> None:
    """Tombstone a source with its passages, responses and party section."""
    with store.write("Remove source") as session:
        source = resolve(session, Source, source_ref)
        stamp = utcnow()
        tombstone(source, stamp)
        for passage in session.scalars(select(Passage).where(Passage.source_id == source.id)):
            tombstone(passage, stamp)
            for response in session.scalars(
                select(Response).where(Response.passage_id == passage.id)
            ):
                tombstone(response, stamp)
        for section in session.scalars(select(Section).where(Section.source_id == source.id)):
            tombstone(section, stamp)
