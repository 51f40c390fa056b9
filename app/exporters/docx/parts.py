"""The numbering and footnotes parts, which python-docx cannot create or write.

python-docx raises ``NotImplementedError`` for a template without
``numbering.xml`` and has no footnote support at all, so both parts are
built here with lxml. Registering the footnotes content type as an
``XmlPart`` (at import) makes python-docx parse a template's existing
footnotes part instead of carrying it as opaque bytes we could not extend.
"""

from __future__ import annotations

import copy
import logging
from typing import cast

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from app.exporters.docx import ooxml as x
from app.exporters.docx.ooxml import W_NS, Element, sub, w

logger = logging.getLogger(__name__)

PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

_ROOT_DECL = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
# The paragraph styles that carry a numbering of their own: role → (format, level text).
# Citations number "1)" as the sample does; our own lists "1.".
NUMBERED_STYLES: dict[str, tuple[str, str]] = {
    "quote_numbered": ("decimal", "%1)"),
    "comment_numbered": ("decimal", "%1)"),
    "list_number": ("decimal", "%1."),
    "list_bullet": ("bullet", "\u2022"),
}


def _abstract_num(abstract_id: int, fmt: str, text: str, style_id: str, ind: Element) -> Element:
    """One-level list definition tied to its paragraph style, indented as the style is."""
    abstract = etree.Element(w("abstractNum"))
    abstract.set(w("abstractNumId"), str(abstract_id))
    sub(abstract, w("multiLevelType"), val="singleLevel")
    lvl = sub(abstract, w("lvl"), ilvl="0")
    sub(lvl, w("start"), val="1")
    sub(lvl, w("numFmt"), val=fmt)
    sub(lvl, w("pStyle"), val=style_id)
    sub(lvl, w("lvlText"), val=text)
    sub(lvl, w("lvlJc"), val="left")
    sub(lvl, w("pPr")).append(copy.deepcopy(ind))
    return abstract


def _style_indent(style: Element) -> Element:
    """The style's own ``w:ind`` (created as the usual 0.25 in hanging when it has none)."""
    props = x.style_ppr(style)
    ind = props.find(x.IND)
    if ind is None:
        ind = etree.Element(x.IND)
        ind.set(w("left"), "360")
        ind.set(w("hanging"), "360")
        x.insert_ordered(props, ind)
    return ind


class Numbering:
    """The list definitions of the numbered styles, and a fresh ``w:num`` per list block.

    Each numbered paragraph style ("Quote Numbered", "Comment Numbered",
    "List Number", "List Bullet") carries its numbering, as Word's own list
    styles do, so a secretariat restyles every list from the Styles pane.
    Numbering restarts per block because each block's paragraphs name their
    own ``w:num`` with ``startOverride`` (what Word's "Restart at 1" writes);
    the numbers are never typed into the text, so a colleague can still
    insert an item in Word.
    """

    def __init__(self, document: DocxDocument, styles: dict[str, str]) -> None:
        part = document.part
        try:
            numbering_part = part.numbering_part
        except NotImplementedError:
            numbering_part = NumberingPart(
                PackURI("/word/numbering.xml"),
                CT.WML_NUMBERING,
                parse_xml(f"<w:numbering {_ROOT_DECL}/>"),
                part.package,
            )
            part.relate_to(numbering_part, RT.NUMBERING)
        self._root: Element = numbering_part.element
        abstract_ids = [
            int(a.get(w("abstractNumId"), "0")) for a in self._root.iterchildren(w("abstractNum"))
        ]
        num_ids = [int(n.get(w("numId"), "0")) for n in self._root.iterchildren(w("num"))]
        next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstract_of: dict[str, int] = {}
        by_id = {s.get(w("styleId")): s for s in document.styles.element.iterchildren(w("style"))}
        # The schema wants every abstractNum before the first num.
        first_num = self._root.find(w("num"))
        for offset, (role, (fmt, text)) in enumerate(NUMBERED_STYLES.items()):
            abstract_id = next_abstract + offset
            style = by_id[styles[role]]
            abstract = _abstract_num(abstract_id, fmt, text, styles[role], _style_indent(style))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self._root.append(abstract)
            self._abstract_of[role] = abstract_id
        for role, abstract_id in self._abstract_of.items():
            _attach(by_id[styles[role]], self._new_num(abstract_id, None))

    def _new_num(self, abstract_id: int, start: int | None) -> int:
        num_id = self._next_num
        self._next_num += 1
        num = sub(self._root, w("num"))
        num.set(w("numId"), str(num_id))
        sub(num, w("abstractNumId"), val=str(abstract_id))
        if start is not None:
            override = sub(num, w("lvlOverride"), ilvl="0")
            sub(override, w("startOverride"), val=str(start))
        return num_id

    def new_list(self, role: str, start: int = 1) -> int:
        """A new ``numId`` of ``role``'s numbering whose count starts at ``start``."""
        return self._new_num(self._abstract_of[role], start)


def _attach(style: Element, num_id: int) -> None:
    """Give the style its numbering (``w:numPr`` in the style's ``w:pPr``)."""
    props = x.style_ppr(style)
    for old in props.findall(x.NUMPR):
        props.remove(old)
    numpr = etree.Element(x.NUMPR)
    etree.SubElement(numpr, x.NUMID).set(x.VAL, str(num_id))
    x.insert_ordered(props, numpr)


class Footnotes:
    """The footnotes part: created when missing, ids continuing after any the template has."""

    def __init__(self, document: DocxDocument) -> None:
        part = document.part
        existing = next(
            (rel.target_part for rel in part.rels.values() if rel.reltype == RT.FOOTNOTES),
            None,
        )
        if isinstance(existing, XmlPart):
            self.part = existing
        else:
            if existing is not None:
                part.drop_rel(next(k for k, r in part.rels.items() if r.reltype == RT.FOOTNOTES))
            self.part = XmlPart(
                PackURI("/word/footnotes.xml"),
                CT.WML_FOOTNOTES,
                parse_xml(self._empty_xml()),
                part.package,
            )
            part.relate_to(self.part, RT.FOOTNOTES)
        self.root: Element = cast(Element, self.part.element)
        ids = [int(f.get(w("id"), "0")) for f in self.root.iterchildren(w("footnote"))]
        self._next_id = max(max(ids, default=0), 0) + 1

    @staticmethod
    def _empty_xml() -> str:
        return (
            f"<w:footnotes {_ROOT_DECL}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
        )

    @property
    def last_id(self) -> int:
        """The highest id in the part, separators (-1, 0) included."""
        return self._next_id - 1

    def new_footnote(self, text_style: str, ref_style: str) -> tuple[int, Element]:
        """Append an empty footnote; returns its id and the paragraph to fill."""
        note_id = self._next_id
        self._next_id += 1
        note = sub(self.root, w("footnote"), id=str(note_id))
        p = sub(note, w("p"))
        sub(sub(p, w("pPr")), w("pStyle"), val=text_style)
        mark = sub(p, w("r"))
        sub(sub(mark, w("rPr")), w("rStyle"), val=ref_style)
        sub(mark, w("footnoteRef"))
        sub(sub(p, w("r")), w("tab"))
        return note_id, p
