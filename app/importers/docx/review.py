"""Read a review copy that a colleague annotated in Word.

The review copy (``app.exporters.docx.review``) puts a bookmark named from
the UUID around every passage (``p_`` + 32 hex digits) and response (``r_``).
Word keeps bookmarks through editing, so they tell which passage or response
a colleague's comment or tracked change belongs to, whatever else moved.

What this module returns is only a reading of the file: comments with the
target they belong to, and for each response with tracked changes the text it
would have once the changes are accepted. Nothing here touches a project;
``app.core.services.review_import`` decides what becomes a note or proposal.
The file is untrusted: it is opened through :mod:`app.importers.safety`.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from app.core import markup
from app.core.errors import ImportFailedError
from app.core.i18n import N_, _
from app.core.reviewdata import ParsedReview, ProposedText, Target, TrackedChange, WordComment
from app.importers.detect import refuse_ole
from app.importers.docx.review_runs import (
    SKIPPED_TAGS,
    deleted_text,
    draft_mark,
    in_properties,
    inserted,
    is_heading,
    only_comment_marks,
    run_text,
    skipped,
    styled,
    tracked_change,
)
from app.importers.docx.xml import attr, children, descendants, local
from app.importers.safety import open_zip, parse_xml, read_member

logger = logging.getLogger(__name__)

_NAME = re.compile(r"\A([pr])_([0-9a-fA-F]{32})(?:_\d+)?\Z")
_CHANGE_TAGS = {"ins": "insert", "del": "delete", "moveTo": "insert", "moveFrom": "delete"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_REVIEW = N_(
    "This Word file is not a Rejoinder review copy: it has no passage or response marks. "
    "Export a review copy, let your colleague annotate it, and import that file."
)


@dataclass
class _Mark:
    target: Target
    start: int
    para: int
    end: int = -1
    end_para: int = -1
    runs: list[tuple[int, markup.Inline]] = field(default_factory=list)
    joined: set[int] = field(default_factory=set)
    changes: list[TrackedChange] = field(default_factory=list)
    closed: bool = False  # its bookmark's end was seen (LibreOffice leaves some open)
    base: dict[int, str] = field(default_factory=dict)  # paragraph → text as received


def _uuid(hex32: str) -> str:
    h = hex32.lower()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _target(name: str) -> Target | None:
    match = _NAME.match(name)
    if match is None:
        return None
    return Target("passage" if match.group(1) == "p" else "response", _uuid(match.group(2)))


class _Reader:
    """One pass over a part in document order, following bookmarks and comment ranges."""

    def __init__(self, footnotes: dict[str, tuple[markup.Run, ...]], links: dict[str, str]):
        self.footnotes = footnotes
        self.links = links
        self.marks: list[_Mark] = []
        self.by_target: dict[Target, _Mark] = {}
        self.last_ended: _Mark | None = None
        self.open: dict[str, _Mark] = {}
        self.comment_start: dict[str, tuple[int, int, list[_Mark]]] = {}
        self.comment_end: dict[str, int] = {}
        self.comment_text: dict[str, list[str]] = {}
        self.unmapped: list[TrackedChange] = []
        self.pos = 0
        self.para = -1
        # tracked changes of the current paragraph's mark (its break), placed at its end
        self.mark_changes: list[tuple[str, TrackedChange]] = []

    def _start(self, bookmark_id: str, target: Target) -> None:
        """Open the mark of ``target``; LibreOffice may start one bookmark several times.

        The review copy never nests or overlaps its marks, so a mark that
        LibreOffice left unclosed ends where the next one starts (or at the
        next heading), not at the end of the document.
        """
        for other_id, other in list(self.open.items()):
            if other.target != target:
                self._close(other_id, other)
        mark = self.by_target.get(target)
        if mark is None:
            mark = self.by_target[target] = _Mark(target, self.pos, self.para)
            self.marks.append(mark)
        self.open[bookmark_id] = mark

    def _close(self, bookmark_id: str, mark: _Mark) -> None:
        self.open.pop(bookmark_id, None)
        if mark not in self.open.values() and mark.end < 0:
            mark.end, mark.end_para = self.pos, self.para

    def _close_all(self) -> None:
        for bookmark_id, mark in list(self.open.items()):
            self._close(bookmark_id, mark)

    def _innermost(self) -> _Mark | None:
        return next(reversed(self.open.values()), None)

    def _record(self, change: TrackedChange) -> None:
        mark = self._innermost()
        (mark.changes if mark else self.unmapped).append(change)

    def _paragraph_end(self) -> None:
        """Credit the changes of the paragraph's mark to the mark still open at its end.

        The mark's change is written in the paragraph's properties, before the
        bookmark that opens a response, so it is only known at the end whose
        response it belongs to: one open there (an inserted or deleted break
        inside the response), or none (a break added after the response, which
        carries no words: the words typed after it are reported on their own).
        """
        innermost = self._innermost()
        for name, change in self.mark_changes:
            if innermost is None:
                continue
            innermost.changes.append(change)
            if name == "del":
                innermost.joined.add(self.para)
        self.mark_changes = []

    def read(self, body: etree._Element) -> None:
        for element in body.iter():
            self.pos += 1
            name = local(element)
            if name == "p":
                self._paragraph_end()
                self.para += 1
                if is_heading(element):
                    self._close_all()  # a heading is never part of a passage or response
            elif name == "bookmarkStart":
                target = _target(attr(element, "name") or "")
                if target is not None:
                    self._start(attr(element, "id") or "", target)
            elif name == "bookmarkEnd":
                ended = self.open.pop(attr(element, "id") or "", None)
                if ended is not None and ended not in self.open.values():
                    ended.end, ended.end_para = self.pos, self.para
                    ended.closed = True
                    self.last_ended = ended
            elif name == "commentRangeStart":
                cid = attr(element, "id") or ""
                self.comment_start[cid] = (self.pos, self.para, list(self.open.values()))
                self.comment_text.setdefault(cid, [])
            elif name == "commentRangeEnd":
                self.comment_end[attr(element, "id") or ""] = self.pos
            elif name == "commentReference":
                cid = attr(element, "id") or ""
                if cid not in self.comment_start:  # a comment at a point, without a range
                    self.comment_start[cid] = (self.pos, self.para, list(self.open.values()))
                    self.comment_end[cid] = self.pos
                    self.comment_text.setdefault(cid, [])
            elif name in _CHANGE_TAGS and not in_properties(element):
                text = deleted_text(element) if name in SKIPPED_TAGS else ""
                if not text:
                    text = "".join(run_text(r) for r in descendants(element, "r"))
                if text or not only_comment_marks(element):
                    self._record(tracked_change(element, _CHANGE_TAGS[name], text))
            elif name in ("del", "ins"):
                self.mark_changes.append((name, tracked_change(element, "paragraph", "")))
            elif name in ("rPrChange", "pPrChange"):
                self._record(tracked_change(element, "format", ""))
            elif name == "r":
                self._run(element)
        self._paragraph_end()

    def _base(self, run: etree._Element) -> None:
        """The text the reviewer received: deleted runs count, inserted ones do not."""
        mark = self._innermost()
        if mark is None or mark.target.kind != "response" or inserted(run):
            return
        text = deleted_text(run) if skipped(run) else run_text(run)
        props = next(children(run, "rPr"), None)
        if not mark.base and draft_mark(props, text):
            return
        mark.base[self.para] = mark.base.get(self.para, "") + text

    def _run(self, run: etree._Element) -> None:
        self._base(run)
        if skipped(run):
            return
        text = run_text(run)
        for cid in self.comment_start:
            if cid not in self.comment_end:
                self.comment_text[cid].append(text)
        mark = self._innermost()
        if mark is None and not text.strip():
            # LibreOffice ends a bookmark before the footnote mark that closes its paragraph.
            ended = self.last_ended
            if ended is not None and ended.end_para == self.para:
                mark = ended
        elif mark is None:
            self.last_ended = None
        if mark is None or mark.target.kind != "response":
            return
        props = next(children(run, "rPr"), None)
        if not mark.runs and draft_mark(props, text):
            return
        if text:
            mark.runs.append((self.para, styled(run, text, self.links)))
        for ref in children(run, "footnoteReference"):
            runs = self.footnotes.get(attr(ref, "id") or "")
            if runs is not None:
                mark.runs.append((self.para, markup.Footnote(runs)))


def _footnotes(
    root: etree._Element | None, links: dict[str, str]
) -> dict[str, tuple[markup.Run, ...]]:
    """Footnote id → its runs (tracked changes accepted), for proposals that keep footnotes."""
    out: dict[str, tuple[markup.Run, ...]] = {}
    if root is None:
        return out
    for note in children(root, "footnote"):
        runs = [
            styled(run, text, links)
            for run in descendants(note, "r")
            if not skipped(run) and (text := run_text(run))
        ]
        if runs:
            runs[0] = markup.Run(
                runs[0].text.lstrip(), runs[0].bold, runs[0].italic, runs[0].underline, runs[0].href
            )
        out[attr(note, "id") or ""] = tuple(runs)
    return out


def _proposal_markup(mark: _Mark) -> str:
    paragraphs: list[list[markup.Inline]] = []
    last_para: int | None = None
    for para, item in mark.runs:
        if last_para is None or (para != last_para and last_para not in mark.joined):
            paragraphs.append([])
        last_para = para
        paragraphs[-1].append(item)
    doc = tuple(tuple(p) for p in paragraphs)
    return markup.serialize(markup.parse(markup.serialize(doc)))


def _relationships(
    archive_read: dict[str, bytes | None], source: str
) -> list[tuple[str, str, str]]:
    """``(id, kind, target)`` of a part's relationships; external targets are kept as given."""
    rels_name = posixpath.join(posixpath.dirname(source), "_rels", posixpath.basename(source))
    blob = archive_read.get(rels_name + ".rels")
    if not blob:
        return []
    out = []
    for rel in children(parse_xml(blob), "Relationship"):
        kind = (attr(rel, "Type") or "").rsplit("/", 1)[-1]
        target = attr(rel, "Target") or ""
        if attr(rel, "TargetMode") != "External":
            if target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        out.append((attr(rel, "Id") or "", kind, target))
    return out


def _comment_parts(root: etree._Element | None) -> list[tuple[etree._Element, str, str]]:
    """``(comment, text, paraId of its last paragraph)`` for every comment."""
    if root is None:
        return []
    out = []
    for comment in children(root, "comment"):
        paragraphs = list(descendants(comment, "p"))
        lines = [
            "".join(run_text(r) for r in descendants(p, "r") if not skipped(r)).strip()
            for p in paragraphs
        ]
        para_id = (attr(paragraphs[-1], "paraId") or "") if paragraphs else ""
        out.append((comment, "\n".join(line for line in lines if line), para_id))
    return out


def _parents(root: etree._Element | None, para_to_comment: dict[str, str]) -> dict[str, str]:
    """Reply comment id → parent comment id, from ``commentsExtended.xml``."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for item in children(root, "commentEx"):
        parent = para_to_comment.get(attr(item, "paraIdParent") or "")
        own = para_to_comment.get(attr(item, "paraId") or "")
        if parent and own and parent != own:
            out[own] = parent
    return out


def _comment_target(reader: _Reader, cid: str) -> Target | None:
    """The passage or response a comment belongs to.

    In order: the innermost mark open where the comment starts; the first mark
    that starts inside the comment's range (a selection that began just before
    it); the nearest mark that ended earlier in the same paragraph. A comment
    on a heading or a lead-in sentence belongs to none and is reported.
    """
    start = reader.comment_start.get(cid)
    if start is None:
        return None
    pos, para, open_marks = start
    if open_marks:
        return open_marks[-1].target
    end = reader.comment_end.get(cid, pos)
    inside = [m for m in reader.marks if pos <= m.start <= end]
    if inside:
        return inside[0].target
    before = [m for m in reader.marks if 0 <= m.end <= pos and m.end_para == para]
    return before[-1].target if before else None


def read_review(data: bytes) -> ParsedReview:
    """Read the comments and tracked changes of an annotated review copy."""
    if data.startswith(_OLE):
        refuse_ole(data)  # a password-protected .docx is an OLE container
    with open_zip(data) as archive:
        names = archive.namelist()
        parts: dict[str, bytes | None] = {
            name: read_member(archive, name)
            for name in names
            if name.endswith(".rels")
            or (name.endswith(".xml") and name.startswith("word/"))
            or name == "docProps/core.xml"
        }
    rels = _relationships({"_rels/.rels": parts.get("_rels/.rels")}, "")
    main = next((t for _, kind, t in rels if kind == "officeDocument"), None)
    blob = parts.get(main) if main else None
    if not blob:
        raise ImportFailedError(
            _(
                "The file does not contain a Word document. It may be damaged, or be "
                "another kind of Office file saved under a .docx name."
            )
        )
    document = parse_xml(blob)
    related = _relationships(parts, main or "")
    links = {rid: target for rid, kind, target in related if kind == "hyperlink"}
    by_kind = {kind: target for _, kind, target in related if kind != "hyperlink"}

    def part(kind: str) -> etree._Element | None:
        name = by_kind.get(kind)
        raw = parts.get(name) if name else None
        return parse_xml(raw) if raw else None

    note_links = {
        rid: target
        for rid, kind, target in _relationships(parts, by_kind.get("footnotes", ""))
        if kind == "hyperlink"
    }
    reader = _Reader(_footnotes(part("footnotes"), note_links), links)
    body = next(children(document, "body"), None)
    if body is not None:
        reader.read(body)
    if not reader.marks:
        raise ImportFailedError(_(_NOT_REVIEW))
    comments_xml = _comment_parts(part("comments"))
    para_to_comment = {pid: attr(c, "id") or "" for c, _, pid in comments_xml if pid}
    parents = _parents(part("commentsExtended"), para_to_comment)
    targets = {
        attr(c, "id") or "": _comment_target(reader, attr(c, "id") or "")
        for c, _, _ in comments_xml
    }
    for cid, parent in parents.items():
        if targets.get(cid) is None:
            targets[cid] = targets.get(parent)
    comments = tuple(
        WordComment(
            comment_id=cid,
            author=(attr(c, "author") or "").strip(),
            initials=(attr(c, "initials") or "").strip(),
            date=attr(c, "date") or "",
            text=text,
            anchor_text="".join(reader.comment_text.get(cid, [])).strip(),
            target=targets.get(cid),
            parent_comment_id=parents.get(cid),
        )
        for c, text, _ in comments_xml
        for cid in [attr(c, "id") or ""]
    )
    proposals: dict[str, ProposedText] = {}
    untouched: dict[str, ProposedText] = {}  # no tracked change: compared for untracked ones
    unmapped = list(reader.unmapped)
    for mark in reader.marks:
        if not mark.changes and mark.target.kind != "response":
            continue
        if mark.target.kind != "response":
            unmapped.extend(replace(c, target=mark.target) for c in mark.changes)
            continue
        if mark.target.id not in proposals and mark.target.id not in untouched:
            found = ProposedText(
                mark.target.id,
                _proposal_markup(mark),
                tuple(mark.changes),
                complete=mark.closed,
                base=" ".join(" ".join(mark.base.values()).split()),
            )
            (proposals if mark.changes else untouched)[mark.target.id] = found
    return ParsedReview(
        comments,
        tuple(proposals.values()),
        tuple(unmapped),
        len(reader.marks),
        title=_core(parts.get("docProps/core.xml"), "title"),
        modified_by=_core(parts.get("docProps/core.xml"), "lastModifiedBy"),
        targets=tuple(mark.target for mark in reader.marks),
        untracked=tuple(untouched.values()),
    )


def _core(blob: bytes | None, name: str) -> str:
    """A core property: the title (the project's, in a review copy), who saved it last…"""
    if not blob:
        return ""
    return next(((t.text or "").strip() for t in descendants(parse_xml(blob), name)), "")
