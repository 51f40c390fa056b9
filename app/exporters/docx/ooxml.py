"""Small lxml helpers for WordprocessingML.

The export builds its paragraphs as lxml elements instead of going through
python-docx's ``add_paragraph``/``add_run``: those look the style up by name
and scan the body for ``sectPr`` on every call, which is quadratic and took
about 6 s for a large contribution. Tag names are precomputed in Clark
notation so that building an element is one C call.
"""

from __future__ import annotations

from lxml import etree

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


def set_numbering(p: Element, num_id: int) -> None:
    """Put ``numPr`` after ``pStyle``: schema order inside ``w:pPr`` matters to Word."""
    props = ppr(p)
    numpr = etree.Element(NUMPR)
    etree.SubElement(numpr, ILVL).set(VAL, "0")
    etree.SubElement(numpr, NUMID).set(VAL, str(num_id))
    style = props.find(PSTYLE)
    if style is not None:
        style.addnext(numpr)
    else:
        props.insert(0, numpr)


def set_indent(p: Element, left: int, hanging: int = 0, right: int = 0) -> None:
    """Direct indentation in twips; ``w:ind`` follows pStyle/numPr and precedes ``w:jc``."""
    props = ppr(p)
    ind = etree.Element(IND)
    ind.set(w("left"), str(left))
    if right:
        ind.set(w("right"), str(right))
    if hanging:
        ind.set(w("hanging"), str(hanging))
    else:
        ind.set(w("firstLine"), "0")
    jc = props.find(JC)
    if jc is not None:
        jc.addprevious(ind)
    else:
        props.append(ind)


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
    """Direct ``w:spacing w:after``, placed before ``w:ind`` as the schema orders ``w:pPr``."""
    props = ppr(p)
    spacing = etree.Element(w("spacing"))
    spacing.set(w("after"), str(twips))
    ind = props.find(IND)
    if ind is not None:
        ind.addprevious(spacing)
    else:
        props.append(spacing)
