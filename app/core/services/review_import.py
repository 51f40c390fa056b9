"""Bring a colleague's Word review back into the project.

A senior colleague who only reads Word comments on the review copy and edits
responses with tracked changes. Their comments become notes on the passage or
response they were written on, authored by a member of their name; their
edits become a *proposal*: a note that starts "Proposed text from NAME:" and
holds the edited text. Nothing is applied silently: the response changes only
when someone accepts the proposal, and then through ``responses.respond``, so
the replaced text is kept as a revision.

Importing the same file twice adds nothing: an item is recognised by its
target, author and text (deleted notes count too, so that a note removed on
purpose does not come back). Comments that the review copy itself carried
(statuses, our own notes) are recognised and skipped, and everything that
cannot be placed is listed in the report rather than dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import markup
from app.core.contribution.names import note_line
from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.live import get_any, including_deleted
from app.core.models import Member, Note, NoteTarget, Passage, Project, Response, Revision
from app.core.phrasebook import Phrasebook, load_phrasebook, status_line_pattern
from app.core.reviewdata import ParsedReview, TrackedChange, WordComment
from app.core.services.notes import add_note_in
from app.core.services.proposals import PROPOSAL_PREFIX, ProposalInfo
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

UNKNOWN_AUTHOR = "Unknown reviewer"
OLDER = " (on an older text)"
UNTRACKED = " (untracked edits)"
_STATUS_COMMENT = status_line_pattern()
_NOTE_COMMENT = re.compile(r"\A.*? \((\d{4}-\d\d-\d\dT[0-9:.]+Z)\): ")


@dataclass(frozen=True)
class UnmappedItem:
    """A comment or change that could not be attached to a passage or response."""

    kind: str  # "comment" or "change"
    author: str
    date: str
    text: str
    reason: str


@dataclass(frozen=True)
class ReviewImportReport:
    notes_added: tuple[str, ...]
    proposals: tuple[ProposalInfo, ...]
    unmapped: tuple[UnmappedItem, ...]
    already_imported: int
    from_export: int
    members_added: tuple[str, ...]

    @property
    def nothing_new(self) -> bool:
        return not self.notes_added and not self.proposals


def _word_time(value: str) -> str | None:
    """Word's ``w:date`` in the project's time format (UTC), or None when unreadable."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Importer:
    """One import, in one transaction."""

    def __init__(self, session: Session, store: ProjectStore) -> None:
        self.session = session
        self.store = store
        self.members = {_key(m.name): m.id for m in session.scalars(select(Member))}
        self.members_added: list[str] = []
        self.notes_added: list[str] = []
        self.proposals: list[ProposalInfo] = []
        self.unmapped: list[UnmappedItem] = []
        self.already = 0
        self.from_export = 0
        self.note_for_comment: dict[str, str] = {}
        self.phrases: Phrasebook | None = None

    def member(self, name: str, initials: str = "") -> str:
        name = " ".join(name.split()) or UNKNOWN_AUTHOR
        found = self.members.get(_key(name))
        if found is None:
            member = Member(name=name, initials=initials[:16])
            self.session.add(member)
            self.session.flush()
            found = self.members[_key(name)] = member.id
            self.members_added.append(name)
        return found

    def existing(self, target_id: str, author_id: str, text: str) -> str | None:
        return self.session.scalar(
            select(Note.id)
            .where(Note.target_id == target_id, Note.author_id == author_id, Note.text == text)
            .limit(1)
        )

    def live_target(self, kind: str, target_id: str) -> bool:
        row: Passage | Response | None = (
            self.session.get(Passage, target_id)
            if kind == NoteTarget.PASSAGE
            else self.session.get(Response, target_id)
        )
        return row is not None and row.deleted_at is None

    def own_note(self, comment: WordComment) -> str | None:
        """The id of our note this exported comment printed, or "" for a status comment."""
        if _STATUS_COMMENT.match(comment.text):
            return ""
        if comment.target is None:
            return None
        match = _NOTE_COMMENT.match(comment.text)
        if match is not None:  # a copy exported when notes printed their ISO time
            return self.session.scalar(
                select(Note.id)
                .where(Note.target_id == comment.target.id, Note.created_at == match.group(1))
                .limit(1)
            )
        return self.printed_note(comment)

    def printed_note(self, comment: WordComment) -> str | None:
        """Our note whose printed line ("Ana (2 May 2024, 09:38 UTC): …") opens the comment."""
        assert comment.target is not None
        if self.phrases is None:
            language = self.session.scalars(select(Project.language)).one()
            self.phrases = load_phrasebook(language)
        rows = self.session.execute(
            select(Note.id, Note.created_at, Member.name)
            .outerjoin(Member, Member.id == Note.author_id)
            .where(Note.target_id == comment.target.id)
        )
        for note_id, created, author in rows:
            prefix = note_line(author or "", created, "", self.phrases)
            if comment.text.startswith(prefix):
                return str(note_id)
        return None

    def comment(self, comment: WordComment) -> None:
        own = self.own_note(comment)
        if own is not None:
            self.from_export += 1
            if own:
                self.note_for_comment[comment.comment_id] = own
            return
        if not comment.text.strip():
            return
        if comment.target is None:
            self.unmap("comment", comment.author, comment.date, comment.text, comment.anchor_text)
            return
        kind, target_id = comment.target.kind, comment.target.id
        if not self.live_target(kind, target_id):
            self.unmapped.append(
                UnmappedItem(
                    "comment",
                    comment.author,
                    comment.date,
                    comment.text,
                    _("the passage it was written on is no longer in the project")
                    if kind == NoteTarget.PASSAGE
                    else _("the response it was written on is no longer in the project"),
                )
            )
            return
        author_id = self.member(comment.author, comment.initials)
        text = markup.escape(comment.text)
        found = self.existing(target_id, author_id, text)
        if found is not None:
            self.already += 1
            self.note_for_comment[comment.comment_id] = found
            return
        parent = self.note_for_comment.get(comment.parent_comment_id or "")
        note = add_note_in(
            self.session,
            kind,
            target_id,
            text,
            author_id,
            parent_id=parent,
            created_at=_word_time(comment.date),
        )
        self.note_for_comment[comment.comment_id] = note.id
        self.notes_added.append(note.id)

    def unmap(self, kind: str, author: str, date: str, text: str, where: str) -> None:
        reason = (
            _("on “{where}”, outside every passage and response").format(where=where[:60])
            if where
            else _("outside every passage and response")
        )
        self.unmapped.append(UnmappedItem(kind, author, date, text, reason))

    def change(self, change: TrackedChange) -> None:
        text = change.text or f"({change.kind} change)"
        reason = _("outside every response (quotes and headings are not edited here)")
        if change.target is not None and change.target.kind == NoteTarget.PASSAGE:
            passage = get_any(self.session, Passage, change.target.id)
            if passage is not None:
                quote = " ".join(passage.quote.split())
                quote = quote if len(quote) <= 60 else quote[:59] + "…"
                reason = _(
                    "an edit to the quote of passage {passage} (“{quote}”): quotes follow the "
                    "source, so edit the printed quote in Rejoinder if it is right"
                ).format(passage=passage.id[:8], quote=quote)
        self.unmapped.append(UnmappedItem("change", change.author, change.date, text, reason))

    def base_of(self, response: Response, base: str | None) -> tuple[str, str]:
        """What the reviewer's text was built on: ``(label, markup)``.

        ``base`` is the plain text the reviewer received (their tracked
        changes rejected). It is the current text (label ""), an older text
        of the response ("older"), or neither: then the reviewer also changed
        words without tracking ("untracked").
        """
        if base is None or _plain(response.text) == base:
            return "", response.text
        for (text,) in self.session.execute(
            select(Revision.text)
            .where(Revision.response_id == response.id)
            .order_by(Revision.created_at.desc())
        ):
            if _plain(text) == base:
                return "older", text
        return "untracked", ""

    def proposal(
        self,
        response_id: str,
        proposed: str,
        changes: tuple[TrackedChange, ...],
        *,
        complete: bool = True,
        base: str | None = None,
        untracked: bool = False,
    ) -> None:
        response = self.session.get(Response, response_id)
        first = changes[0]
        if response is None or response.deleted_at is not None:
            self.unmapped.append(
                UnmappedItem(
                    "change",
                    first.author,
                    first.date,
                    proposed,
                    _("the response it changes is no longer in the project"),
                )
            )
            return
        if not complete:
            # LibreOffice left the bookmark open: keep the response's own paragraphs only.
            added = sum(1 for c in changes if c.kind == "paragraph")
            keep = len(response.text.split("\n")) + added
            proposed = "\n".join(proposed.split("\n")[:keep])
        if proposed == response.text:
            return
        names = [" ".join(c.author.split()) or UNKNOWN_AUTHOR for c in changes]
        names = list(dict.fromkeys(names))
        author_id = self.member(names[0])
        for other in names[1:]:
            self.member(other)  # every reviewer is credited
        name = " and ".join(names)
        label, base_text = self.base_of(response, base)
        if untracked and label == "":  # the same words, formatted otherwise without tracking
            label = "untracked"
        head = name + {"": "", "older": OLDER, "untracked": UNTRACKED}[label]
        text = f"{PROPOSAL_PREFIX}{markup.escape(head)}:\n{proposed}"
        if self.existing(response.id, author_id, text) is not None:
            self.already += 1
            return
        note = add_note_in(
            self.session,
            NoteTarget.RESPONSE,
            response.id,
            text,
            author_id,
            created_at=_word_time(max(c.date for c in changes)) if changes[0].date else None,
        )
        note.proposal_base = base_text
        self.notes_added.append(note.id)
        self.proposals.append(
            ProposalInfo(
                note.id,
                response.id,
                response.passage_id,
                head,
                proposed,
                response.text,
                note.created_at,
            )
        )


def _reformatted(reviewed: str, current: str) -> bool:
    """The reviewed markup differs from the current one (same words: in formatting only)."""
    return markup.serialize(markup.parse(reviewed)) != markup.serialize(markup.parse(current))


def _plain(text: str) -> str:
    return " ".join(markup.plain_text(text).split())


def _check_project(session: Session, parsed: ParsedReview) -> None:
    """Refuse a review copy exported from another project: none of its marks are ours."""
    ids = {t.id for t in parsed.targets}
    if not ids:
        return
    # deleted ones too: a passage removed since the export is still this project's
    passage = including_deleted(select(Passage.id).where(Passage.id.in_(ids)).limit(1))
    response = including_deleted(select(Response.id).where(Response.id.in_(ids)).limit(1))
    ours = session.scalar(passage) or session.scalar(response)
    if ours is None:
        project = session.scalars(select(Project.title)).first() or "this project"
        other = f"“{parsed.title}”" if parsed.title else "another project"
        raise InvalidInputError(
            _(
                "This review copy was exported from {other}, not from “{project}”: none "
                "of its passages or responses are in this project. Import it into the "
                "project it came from."
            ).format(other=other, project=project)
        )


def import_review(store: ProjectStore, parsed: ParsedReview) -> ReviewImportReport:
    """Add the review's comments as notes and its tracked edits as proposals, in one step."""
    with store.write("Import Word review") as session:
        _check_project(session, parsed)
        importer = _Importer(session, store)
        ordered = sorted(parsed.comments, key=lambda c: c.parent_comment_id is not None)
        for comment in ordered:
            importer.comment(comment)
        for proposal in (*parsed.proposals, *parsed.untracked):
            try:
                markup.validate(proposal.markup)
            except InvalidInputError:
                first = proposal.changes[0]
                importer.unmapped.append(
                    UnmappedItem(
                        "change", first.author, first.date, proposal.markup, "unreadable text"
                    )
                )
                continue
            changes = proposal.changes
            if not changes:
                # No tracked change: only words changed without tracking make a proposal.
                # Words, or only formatting (bold, italic, underline, links), count.
                response = session.get(Response, proposal.response_id)
                if response is None:
                    continue
                label = importer.base_of(response, proposal.base)[0]
                reformatted = label == "" and _reformatted(proposal.markup, response.text)
                if label != "untracked" and not reformatted:
                    continue
                changes = (TrackedChange("untracked", parsed.modified_by, "", ""),)
            importer.proposal(
                proposal.response_id,
                proposal.markup,
                changes,
                complete=proposal.complete,
                base=proposal.base,
                untracked=not proposal.changes,
            )
        for change in parsed.unmapped_changes:
            importer.change(change)
        return ReviewImportReport(
            notes_added=tuple(importer.notes_added),
            proposals=tuple(importer.proposals),
            unmapped=tuple(importer.unmapped),
            already_imported=importer.already,
            from_export=importer.from_export,
            members_added=tuple(importer.members_added),
        )
