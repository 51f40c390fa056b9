"""Small lxml helpers for WordprocessingML.

The export builds its paragraphs as lxml elements instead of going through
python-docx's ``add_paragraph``/``add_run``: those look the style up by name
and scan the body for ``sectPr`` on every call, which is quadratic and took
about 6 s for a large contribution. Tag names are precomputed in Clark
notation so that building an element is one C call.
"""

from __future__ import annotations

import logging

from lxml import etree

logger = logging.getLogger(__name__)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


R_ID = f"{{{R_NS}}}id"
VAL = w("val")

P, PPR, PSTYLE, NUMPR, ILVL, NUMID, IND, JC = (
    w("p"),
    w("pPr"),
    w("pStyle"),
    w("numPr"),
    w("ilvl"),
    w("numId"),
    w("ind"),
    w("jc"),
)
R, RPR, RSTYLE, T, TAB = w("r"), w("rPr"), w("rStyle"), w("t"), w("tab")
BOLD, ITALIC, UNDERLINE, HIGHLIGHT = w("b"), w("i"), w("u"), w("highlight")
HYPERLINK = w("hyperlink")
FOOTNOTE, FOOTNOTE_REF, FOOTNOTE_REFERENCE = w("footnote"), w("footnoteRef"), w("footnoteReference")
BOOKMARK_START, BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
ID, NAME, TYPE = w("id"), w("name"), w("type")

Element = etree._Element


def sub(parent: Element, tag: str, **attrs: str) -> Element:
    """Append a child; ``attrs`` are ``w:`` attributes (``val="x"`` → ``w:val``)."""
    child = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        child.set(w(key), value)
    return child


def paragraph(style_id: str | None) -> Element:
    """A new, detached ``w:p`` with its paragraph style set."""
    p = etree.Element(P)
    if style_id:
        ppr = etree.SubElement(p, PPR)
        etree.SubElement(ppr, PSTYLE).set(VAL, style_id)
    return p


def ppr(p: Element) -> Element:
    """The paragraph's ``w:pPr``, created as its first child when missing."""
    found = p.find(PPR)
    if found is not None:
        return found
    new = etree.Element(PPR)
    p.insert(0, new)
    return new


# The children of ``w:pPr`` in the order the schema requires (Word rejects others).
_PPR_ORDER = tuple(
    w(tag)
    for tag in (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip


def style_ppr(style: Element) -> Element:
    """A ``w:style``'s ``w:pPr``, created before its ``w:rPr`` when missing."""
    props = style.find(PPR)
    if props is None:
        props = etree.Element(PPR)
        rpr = style.find(RPR)
        if rpr is not None:
            rpr.addprevious(props)
        else:
            style.append(props)
    return props


def insert_ordered(props: Element, child: Element) -> None:
    """Insert ``child`` into a ``w:pPr`` where the schema's order puts it."""
    rank = _PPR_ORDER.index(child.tag)
    for existing in props:
        if existing.tag in _PPR_ORDER and _PPR_ORDER.index(existing.tag) > rank:
            existing.addprevious(child)
            return
    props.append(child)


def set_numbering(p: Element, num_id: int) -> None:
    """Make the paragraph an item of list ``num_id`` (level 0)."""
    numpr = etree.Element(NUMPR)
    etree.SubElement(numpr, ILVL).set(VAL, "0")
    etree.SubElement(numpr, NUMID).set(VAL, str(num_id))
    insert_ordered(ppr(p), numpr)


def text_run(
    parent: Element,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    style_id: str | None = None,
    highlight: str | None = None,
    lang: str | None = None,
) -> Element:
    """Append a ``w:r`` holding ``text``; tabs become ``w:tab`` as Word expects.

    ``lang`` is the proofing language of this run ("en-GB"), for a quote in
    another language than the document's.
    """
    r = etree.SubElement(parent, R)
    if bold or italic or underline or style_id or highlight or lang:
        rpr = etree.SubElement(r, RPR)
        if style_id:
            etree.SubElement(rpr, RSTYLE).set(VAL, style_id)
        if bold:
            etree.SubElement(rpr, BOLD)
        if italic:
            etree.SubElement(rpr, ITALIC)
        if highlight:
            etree.SubElement(rpr, HIGHLIGHT).set(VAL, highlight)
        if underline:
            etree.SubElement(rpr, UNDERLINE).set(VAL, "single")
        if lang:
            etree.SubElement(rpr, w("lang")).set(VAL, lang)
    for index, chunk in enumerate(text.split("\t")):
        if index:
            etree.SubElement(r, TAB)
        if chunk:
            t = etree.SubElement(r, T)
            t.text = chunk
            t.set(XML_SPACE, "preserve")
    return r


def set_space_after(p: Element, twips: int) -> None:
    """Direct ``w:spacing w:after`` (the gap after the last item of a list)."""
    spacing = etree.Element(w("spacing"))
    spacing.set(w("after"), str(twips))
    insert_ordered(ppr(p), spacing)
