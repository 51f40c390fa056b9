"""Recording a final export: the file's sha256 and the state of every passage at that moment.

The record is a row of ``sent_export`` written through the journal like any
edit (so it can be undone, e.g. after exporting the wrong file as final) and
merged like any row, so that every copy of the project knows what was sent.
Its ``printed`` column keeps one :class:`PassageState` per live passage; the
ones that did not print (drafts, unanswered) are kept too, flagged, so that a
later comparison tells "new since we sent" from "was there but not printed".
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from app.core import journal, labels
from app.core.contribution.model import CitationsBlock, Contribution
from app.core.contribution.view import ProjectView
from app.core.errors import ExportFailedError
from app.core.i18n import N_, _
from app.core.models import Member, SentExport
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassageState:
    """A passage and its response as they stood (``response`` None: no response)."""

    passage: str
    source: str
    quote: str
    response: str | None
    text: str
    position: str
    status: str
    printed: bool
    # How the answer prints: "text", or "reference" when a section set to print shared
    # answers as a cross-reference does so (a section setting changes it, not the response).
    # None in records made before it was kept: then it is not compared.
    form: str | None = None


TEXT = "text"
REFERENCE = "reference"


def answer_form(
    same_as: bool, as_reference: bool, section_id: str | None, owner_section_id: str | None
) -> str:
    """How a passage's answer prints, the export's rule (``_Builder.shared_reference``).

    A passage sharing another's answer, placed in a section set to print
    shared answers as a cross-reference, prints the phrasebook's reference to
    the section where the owner is placed, unless that is its own section.
    """
    if same_as and as_reference and owner_section_id is not None and owner_section_id != section_id:
        return REFERENCE
    return TEXT


@dataclass(frozen=True)
class SentInfo:
    id: str
    sent_at: str
    member: str
    filename: str
    sha256: str
    revision_no: int
    layout: str

    @property
    def name(self) -> str:
        """ "original" for the first sending, "Rev.1" for the next, as a source's versions."""
        return "original" if self.revision_no == 0 else f"Rev.{self.revision_no}"


def printed_ids(contribution: Contribution) -> set[str]:
    """The passages whose quote prints in ``contribution``."""
    return {
        citation.quote.passage_id
        for section in contribution.sections
        for block in section.blocks
        if isinstance(block, CitationsBlock)
        for citation in block.citations
    }


def snapshot(view: ProjectView, contribution: Contribution) -> list[PassageState]:
    """Every live passage of ``view`` with its response, flagged when it printed."""
    printed = printed_ids(contribution)
    section_of = {p.id: s for s in view.sections for b in s.blocks for p in b.passages}
    states = []
    for p in view.passages:
        source = view.sources.get(p.source_id)
        r = p.response
        section = section_of.get(p.id)
        owner = section_of.get(p.same_as_id) if p.same_as_id is not None else None
        states.append(
            PassageState(
                passage=p.id,
                source=source.label if source is not None else "",
                quote=p.quote,
                response=r.id if r is not None else None,
                text=r.text if r is not None else "",
                position=r.position if r is not None else "",
                status=r.status if r is not None else "",
                printed=p.id in printed,
                form=answer_form(
                    p.same_as_id is not None,
                    section is not None and section.shared_as_reference,
                    section.id if section is not None else None,
                    owner.id if owner is not None else None,
                ),
            )
        )
    return states


def _encode(state: PassageState) -> dict[str, object]:
    # ``printed`` as 0/1: the row checks of dump and merge take numbers, not JSON booleans
    encoded = {**asdict(state), "printed": int(state.printed)}
    if state.form is None:
        del encoded["form"]
    return encoded


def _decode(item: dict[str, object]) -> PassageState:
    return PassageState(**{**item, "printed": bool(item["printed"])})  # type: ignore[arg-type]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise ExportFailedError(
            _("The exported file “{name}” cannot be read back: {strerror}.").format(
                name=path.name, strerror=exc.strerror
            )
        ) from exc
    return digest.hexdigest()


def record_final(
    store: ProjectStore,
    path: Path,
    states: list[PassageState],
    *,
    revision_no: int,
    layout: str,
) -> tuple[SentInfo, journal.Changes]:
    """Record that the file at ``path`` was sent, with ``states`` as it printed."""
    sha = file_sha256(path)
    printed = json.dumps([_encode(s) for s in states], ensure_ascii=False, separators=(",", ":"))
    label = N_("Record final export")
    if revision_no:
        label = labels.REVISED_EXPORT.format(revision=revision_no)
    with journal.collect() as collected, store.write(label) as session:
        row = SentExport(
            member_id=store.member_id,
            filename=path.name,
            sha256=sha,
            revision_no=revision_no,
            layout=layout,
            printed=printed,
        )
        session.add(row)
        session.flush()
        row_id, sent_at = row.id, row.sent_at
    logger.info("final export %s recorded: %s %s", revision_no, path.name, sha)
    member = _member_name(store, store.member_id)
    info = SentInfo(row_id, sent_at, member, path.name, sha, revision_no, layout)
    return info, collected.changes


def _member_name(store: ProjectStore, member_id: str | None) -> str:
    if member_id is None:
        return ""
    with store.session() as session:
        return session.scalar(select(Member.name).where(Member.id == member_id)) or ""


def list_sent(store: ProjectStore) -> list[SentInfo]:
    """Every final export, oldest first."""
    # Not the rows themselves: each holds the JSON of every passage's state (megabytes
    # for 20,000 passages), and the passages panel asks at every refresh.
    with store.session() as session:
        rows = session.execute(
            select(
                SentExport.id,
                SentExport.sent_at,
                Member.name,
                SentExport.filename,
                SentExport.sha256,
                SentExport.revision_no,
                SentExport.layout,
            )
            .outerjoin(Member, Member.id == SentExport.member_id)
            .order_by(SentExport.sent_at, SentExport.id)
        )
        return [
            SentInfo(i, at, name or "", filename, sha, number, layout)
            for i, at, name, filename, sha, number, layout in rows
        ]


def last_sent(store: ProjectStore) -> SentInfo | None:
    sent = list_sent(store)
    return sent[-1] if sent else None


_parsed: dict[str, dict[str, PassageState]] = {}


def sent_states(store: ProjectStore, sent_id: str) -> dict[str, PassageState]:
    """The passages as recorded by the final export ``sent_id`` (rows never change: cached)."""
    if sent_id not in _parsed:
        with store.session() as session:
            text = session.scalar(select(SentExport.printed).where(SentExport.id == sent_id))
        items = json.loads(text or "[]")
        if len(_parsed) > 8:
            _parsed.clear()
        _parsed[sent_id] = {i["passage"]: _decode(i) for i in items}
    return _parsed[sent_id]
