"""What one element of a review copy says, once its tracked changes are accepted.

A review copy comes back from Word or LibreOffice with tracked insertions,
deletions and moves, comment marks and highlights around the runs of text.
These helpers answer the questions :mod:`app.importers.docx.review` asks of
one run or paragraph at a time: is this text deleted (so left out) or
inserted, what text and style does the run carry, is this the "[DRAFT]" mark
the copy printed, is the paragraph a heading. They read elements only; the
reading order and the passage and response marks are the reader's.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from app.core import markup
from app.core.reviewdata import TrackedChange
from app.importers.docx.xml import attr, children, descendants, local

logger = logging.getLogger(__name__)

SKIPPED_TAGS = {"del", "moveFrom"}
DRAFT = re.compile(r"\A\[[^\]]{1,20}\] ?\Z")
HEADING_STYLE = re.compile(r"\A(?:Heading|heading|Title|Subtitle)\s*\d*\Z")


def toggled(element: etree._Element | None, name: str) -> bool:
    """A toggle property (w:b, w:i) that is present and not switched off."""
    if element is None:
        return False
    for item in children(element, name):
        return (attr(item, "val") or "true").lower() not in ("0", "false", "off", "none")
    return False


def skipped(run: etree._Element) -> bool:
    """True for deleted or moved-away text: accepting the changes removes it."""
    for ancestor in run.iterancestors():
        name = local(ancestor)
        if name in SKIPPED_TAGS:
            return True
        if name in ("p", "body", "footnote"):
            return False
    return False


def inserted(run: etree._Element) -> bool:
    """True for text a tracked insertion added: rejecting the changes removes it."""
    for ancestor in run.iterancestors():
        name = local(ancestor)
        if name in ("ins", "moveTo"):
            return True
        if name in ("p", "body", "footnote"):
            return False
    return False


def in_properties(element: etree._Element) -> bool:
    """A w:ins/w:del inside w:rPr marks an inserted or deleted paragraph mark, not text."""
    parent = element.getparent()
    return parent is not None and local(parent) == "rPr"


def run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for item in run:
        name = local(item)
        if name == "t":
            parts.append(item.text or "")
        elif name in ("tab", "br", "cr"):
            parts.append(" " if name != "tab" else "\t")
        elif name in ("noBreakHyphen", "softHyphen"):
            parts.append("-" if name == "noBreakHyphen" else "")
    return "".join(parts)


def draft_mark(props: etree._Element | None, text: str) -> bool:
    """The highlighted "[DRAFT] " the review copy prints before a draft; not part of the text."""
    if props is None or DRAFT.match(text) is None:
        return False
    if next(children(props, "highlight"), None) is not None:
        return True
    # LibreOffice writes the highlight back as shading of the run.
    shading = next(children(props, "shd"), None)
    fill = (attr(shading, "fill") or "auto").lower() if shading is not None else "auto"
    return fill not in ("auto", "ffffff")


def is_heading(paragraph: etree._Element) -> bool:
    """A heading or title paragraph (Word and LibreOffice style ids alike)."""
    props = next(children(paragraph, "pPr"), None)
    style = next(children(props, "pStyle"), None) if props is not None else None
    value = (attr(style, "val") or "") if style is not None else ""
    return HEADING_STYLE.match(value) is not None


def tracked_change(element: etree._Element, kind: str, text: str) -> TrackedChange:
    return TrackedChange(
        kind=kind,
        author=attr(element, "author") or "",
        date=attr(element, "date") or "",
        text=text,
    )


COMMENT_MARKS = {"commentRangeStart", "commentRangeEnd", "commentReference"}


def only_comment_marks(element: etree._Element) -> bool:
    """A tracked change around nothing but comment marks (LibreOffice splits its changes
    where a comment range starts or ends): no words of the text changed."""
    for item in element:
        name = local(item)
        if name == "r":
            if any(local(c) not in ("rPr", *COMMENT_MARKS) for c in item):
                return False
        elif name not in COMMENT_MARKS:
            return False
    return True


def deleted_text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in descendants(element, "delText"))


def styled(run: etree._Element, text: str, links: dict[str, str]) -> markup.Run:
    """A run of the markup with the Word run's bold, italic, underline and link."""
    props = next(children(run, "rPr"), None)
    parent = run.getparent()
    href = None
    if parent is not None and local(parent) == "hyperlink":
        href = links.get(attr(parent, "id") or "")
    if href and not href.lower().startswith(markup.ALLOWED_SCHEMES):
        href = None
    return markup.Run(
        text.replace("\t", " "),
        bold=toggled(props, "b"),
        italic=toggled(props, "i"),
        underline=toggled(props, "u"),
        href=href,
    )
