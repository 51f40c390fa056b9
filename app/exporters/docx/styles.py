"""Find the styles the export needs in whatever template it is given, or add them.

Style *names* differ between Word ("footnote text"), python-docx's template
("Footnote Text") and LibreOffice ("Footnote", "Quotations", "Internet
Link"), and a delegation's letterhead template may lack any of them. So each
role is looked up once by styleId, then by name (case-insensitive), and only
created when nothing fits. The definitions below also build the default
template, so an export on it and on a bare template look alike.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml import etree

from app.exporters.docx.ooxml import VAL, W_NS, Element, insert_ordered, style_ppr, w

logger = logging.getLogger(__name__)

_NSDECL = f'xmlns:w="{W_NS}"'


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """How to recognise a role's style, and how to create it when missing."""

    style_type: str
    ids: tuple[str, ...]
    names: tuple[str, ...]
    create_id: str
    create_name: str
    body: str


_SPECS: dict[str, StyleSpec] = {
    "title": StyleSpec(
        "paragraph",
        ("Title",),
        ("title",),
        "Title",
        "Title",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="120"/></w:pPr>'
        '<w:rPr><w:b/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr>',
    ),
    "subtitle": StyleSpec(
        "paragraph",
        ("Subtitle",),
        ("subtitle",),
        "Subtitle",
        "Subtitle",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="360"/></w:pPr>'
        '<w:rPr><w:color w:val="404040"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    ),
    "heading1": StyleSpec(
        "paragraph",
        ("Heading1",),
        ("heading 1",),
        "Heading1",
        "heading 1",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        '<w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
    ),
    "heading2": StyleSpec(
        "paragraph",
        ("Heading2",),
        ("heading 2",),
        "Heading2",
        "heading 2",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        '<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr>',
    ),
    "quote": StyleSpec(
        "paragraph",
        ("Quote", "Quotations"),
        ("quote", "quotations"),
        "Quote",
        "Quote",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/>'
        '<w:qFormat/><w:pPr><w:spacing w:after="80"/>'
        '<w:ind w:left="720" w:right="720"/></w:pPr>',
    ),
    "quote_numbered": StyleSpec(
        "paragraph",
        ("QuoteNumbered",),
        ("quote numbered",),
        "QuoteNumbered",
        "Quote Numbered",
        '<w:basedOn w:val="{quote}"/><w:qFormat/>',
    ),
    "quote_continued": StyleSpec(
        "paragraph",
        ("QuoteContinued",),
        ("quote continued",),
        "QuoteContinued",
        "Quote Continued",
        '<w:basedOn w:val="{quote}"/><w:qFormat/>',
    ),
    "lead_in": StyleSpec(
        "paragraph",
        ("LeadIn",),
        ("lead-in",),
        "LeadIn",
        "Lead-in",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/></w:pPr>',
    ),
    "comment": StyleSpec(
        "paragraph",
        ("Comment",),
        ("comment",),
        "Comment",
        "Comment",
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80"/></w:pPr>',
    ),
    "comment_numbered": StyleSpec(
        "paragraph",
        ("CommentNumbered",),
        ("comment numbered",),
        "CommentNumbered",
        "Comment Numbered",
        '<w:basedOn w:val="Comment"/><w:qFormat/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>',
    ),
    "comment_continued": StyleSpec(
        "paragraph",
        ("CommentContinued",),
        ("comment continued",),
        "CommentContinued",
        "Comment Continued",
        '<w:basedOn w:val="Comment"/><w:qFormat/><w:pPr><w:ind w:left="360"/></w:pPr>',
    ),
    "list_number": StyleSpec(
        "paragraph",
        ("ListNumber",),
        ("list number",),
        "ListNumber",
        "List Number",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr>',
    ),
    "list_bullet": StyleSpec(
        "paragraph",
        ("ListBullet",),
        ("list bullet",),
        "ListBullet",
        "List Bullet",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr>',
    ),
    "list_continue": StyleSpec(
        "paragraph",
        ("ListContinue",),
        ("list continue",),
        "ListContinue",
        "List Continue",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/><w:ind w:left="360"/></w:pPr>',
    ),
    "table_text": StyleSpec(
        "paragraph",
        ("TableContents", "TableText"),
        ("table contents", "table text"),
        "TableText",
        "Table Text",
        '<w:basedOn w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
    ),
    "footnote_text": StyleSpec(
        "paragraph",
        ("FootnoteText", "Footnote"),
        ("footnote text", "footnote"),
        "FootnoteText",
        "footnote text",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:left="170" w:hanging="170"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    ),
    "footnote_ref": StyleSpec(
        "character",
        ("FootnoteReference", "FootnoteAnchor", "FootnoteCharacters"),
        ("footnote reference", "footnote anchor", "footnote characters"),
        "FootnoteReference",
        "footnote reference",
        '<w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
    ),
    "hyperlink": StyleSpec(
        "character",
        ("Hyperlink", "InternetLink"),
        ("hyperlink", "internet link"),
        "Hyperlink",
        "Hyperlink",
        '<w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>',
    ),
    "comment_text": StyleSpec(
        "paragraph",
        ("CommentText",),
        ("annotation text",),
        "CommentText",
        "annotation text",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
        '<w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
    ),
    "comment_ref": StyleSpec(
        "character",
        ("CommentReference",),
        ("annotation reference",),
        "CommentReference",
        "annotation reference",
        '<w:uiPriority w:val="99"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>',
    ),
}

ROLES = tuple(_SPECS)


def style_element(spec: StyleSpec) -> Element:
    """A ``w:style`` element for ``spec``, ready to append to ``w:styles``."""
    xml = (
        f'<w:style {_NSDECL} w:type="{spec.style_type}" w:customStyle="0" '
        f'w:styleId="{spec.create_id}"><w:name w:val="{spec.create_name}"/>{spec.body}</w:style>'
    )
    return etree.fromstring(xml)


def _index(styles_root: Element) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    by_id: dict[str, str] = {}
    by_name: dict[tuple[str, str], str] = {}
    for style in styles_root.iterchildren(w("style")):
        style_id = style.get(w("styleId"))
        style_type = style.get(w("type"), "paragraph")
        if not style_id:
            continue
        by_id[style_id] = style_type
        name = style.find(w("name"))
        if name is not None and name.get(VAL):
            by_name.setdefault((style_type, name.get(VAL, "").lower()), style_id)
    return by_id, by_name


def resolve_styles(styles_root: Element) -> dict[str, str]:
    """Map every role to a styleId present in ``styles_root``, creating the missing ones."""
    by_id, by_name = _index(styles_root)
    resolved: dict[str, str] = {}
    for role, spec in _SPECS.items():
        found = next((i for i in spec.ids if by_id.get(i) == spec.style_type), None)
        if found is None:
            found = next(
                (
                    by_name[(spec.style_type, n)]
                    for n in spec.names
                    if (spec.style_type, n) in by_name
                ),
                None,
            )
        if found is None:
            new_id = spec.create_id
            while new_id in by_id:
                new_id += "R"
            spec_to_add = _with_bases(
                spec if new_id == spec.create_id else _renamed(spec, new_id), resolved
            )
            styles_root.append(style_element(spec_to_add))
            by_id[new_id] = spec.style_type
            found = new_id
        resolved[role] = found
    _indent_quote_styles(styles_root, resolved)
    return resolved


def _indent_quote_styles(styles_root: Element, resolved: dict[str, str]) -> None:
    """Numbered and continued quotes sit inside the quote's own indentation.

    Only a style without indentation of its own gets one: the quote's left
    indent plus the number's hanging 0.25 in, and the quote's right indent.
    """
    by_id = {s.get(w("styleId")): s for s in styles_root.iterchildren(w("style"))}
    left, right = 720, 720
    quote = by_id.get(resolved["quote"])
    ind = quote.find(f"{w('pPr')}/{w('ind')}") if quote is not None else None
    if ind is not None:
        left = int(ind.get(w("left")) or ind.get(w("start")) or "0")
        right = int(ind.get(w("right")) or ind.get(w("end")) or "0")
    for role, hanging in (("quote_numbered", 360), ("quote_continued", 0)):
        style = by_id[resolved[role]]
        props = style_ppr(style)
        if props.find(w("ind")) is not None:
            continue
        new = etree.Element(w("ind"))
        new.set(w("left"), str(left + 360))
        new.set(w("right"), str(right))
        if hanging:
            new.set(w("hanging"), str(hanging))
        insert_ordered(props, new)


def _with_bases(spec: StyleSpec, resolved: dict[str, str]) -> StyleSpec:
    """``spec`` based on the styles already resolved ("{quote}": the template's quote style).

    A "Comment" found under another id in the template is the base of the
    comment styles created after it.
    """
    body = spec.body.replace("{quote}", resolved.get("quote", "Quote"))
    comment = resolved.get("comment")
    if comment and comment != "Comment":
        body = body.replace('<w:basedOn w:val="Comment"/>', f'<w:basedOn w:val="{comment}"/>')
    return StyleSpec(spec.style_type, spec.ids, spec.names, spec.create_id, spec.create_name, body)


def _renamed(spec: StyleSpec, new_id: str) -> StyleSpec:
    return StyleSpec(spec.style_type, spec.ids, spec.names, new_id, spec.create_name, spec.body)


def set_document_language(styles_root: Element, language: str) -> None:
    """Set the proofing language in ``docDefaults`` so spell-checking matches the text."""
    tag = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}.get(language, language)
    defaults = styles_root.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles_root.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, w("rPr"))
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, w("lang"))
    lang.set(VAL, tag)
