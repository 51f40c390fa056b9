"""The numbering and footnotes parts, which python-docx cannot create or write.

python-docx raises ``NotImplementedError`` for a template without
``numbering.xml`` and has no footnote support at all, so both parts are
built here with lxml. Registering the footnotes content type as an
``XmlPart`` (at import) makes python-docx parse a template's existing
footnotes part instead of carrying it as opaque bytes we could not extend.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from app.exporters.docx.ooxml import W_NS, Element, sub, w

PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

_ROOT_DECL = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_HANGING = "360"


def _abstract_num(abstract_id: int, fmt: str, text: str) -> Element:
    """One-level list definition; indentation is the usual 0.25 in hanging."""
    abstract = etree.Element(w("abstractNum"))
    abstract.set(w("abstractNumId"), str(abstract_id))
    sub(abstract, w("multiLevelType"), val="singleLevel")
    lvl = sub(abstract, w("lvl"), ilvl="0")
    sub(lvl, w("start"), val="1")
    sub(lvl, w("numFmt"), val=fmt)
    sub(lvl, w("lvlText"), val=text)
    sub(lvl, w("lvlJc"), val="left")
    ppr = sub(lvl, w("pPr"))
    sub(ppr, w("ind"), left=_HANGING, hanging=_HANGING)
    return abstract


class Numbering:
    """Adds the list definitions once and a fresh ``w:num`` per list block.

    Numbering restarts per block because each block gets its own ``w:num``
    with ``startOverride``; the numbers are never typed into the text, so a
    colleague can still insert an item in Word.
    """

    def __init__(self, document: DocxDocument) -> None:
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
        abstract_ids = [int(a.get(w("abstractNumId"), "0")) for a in self._abstracts()]
        num_ids = [int(n.get(w("numId"), "0")) for n in self._root.iterchildren(w("num"))]
        next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self.decimal_id = next_abstract
        self.bullet_id = next_abstract + 1
        first_num = self._root.find(w("num"))
        for abstract in (
            _abstract_num(self.decimal_id, "decimal", "%1)"),
            _abstract_num(self.bullet_id, "bullet", "\u2022"),
        ):
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self._root.append(abstract)

    def _abstracts(self) -> list[Element]:
        return list(self._root.iterchildren(w("abstractNum")))

    def new_list(self, *, numbered: bool = True, start: int = 1) -> int:
        """A new ``numId`` whose count starts at ``start``."""
        num_id = self._next_num
        self._next_num += 1
        num = sub(self._root, w("num"))
        num.set(w("numId"), str(num_id))
        sub(num, w("abstractNumId"), val=str(self.decimal_id if numbered else self.bullet_id))
        override = sub(num, w("lvlOverride"), ilvl="0")
        sub(override, w("startOverride"), val=str(start))
        return num_id


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
