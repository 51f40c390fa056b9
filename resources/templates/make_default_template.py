"""Generate ``default.docx``, the template used when the delegation gives none.

Run from the repository root: ``.venv/bin/python resources/templates/make_default_template.py``.
The template is generated rather than hand-edited in Word so that its styles
are the same definitions the exporter uses to fill gaps in a user's template
(``app.exporters.docx.styles``), and so that a diff of this script explains
every change to the look. python-docx's own template carries 430 kB of
unused table styles; this one has only what a contribution needs: A4,
Calibri 11 pt, the named styles, and a centred page number in the footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.exporters.docx.ooxml import W_NS, sub, w  # noqa: E402
from app.exporters.docx.styles import ROLES, resolve_styles  # noqa: E402

OUT = Path(__file__).resolve().with_name("default.docx")

_BASE_STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:docDefaults>
 <w:rPrDefault><w:rPr>
  <w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>
  <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>
 </w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>
 </w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
 <w:pPr><w:widowControl/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
 <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
 <w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
 <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
 <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
 </w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>
 <w:uiPriority w:val="99"/><w:semiHidden/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>
 <w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:spacing w:after="0"/></w:pPr></w:style>
</w:styles>"""


def main() -> None:
    document = docx.Document()
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            part.drop_rel(rid)
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    part.numbering_part._element = docx.oxml.parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
    styles_part = part._styles_part
    new_root = etree.fromstring(_BASE_STYLES, etree.XMLParser(remove_blank_text=True))
    styles_part._element = docx.oxml.parse_xml(etree.tostring(new_root))
    resolved = resolve_styles(document.styles.element)
    assert set(resolved) == set(ROLES)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.header_distance, section.footer_distance = Mm(12.5), Mm(10)

    footer_p = section.footer.paragraphs[0]
    footer_p.style = document.styles["footer"]
    footer_p.paragraph_format.alignment = 1
    field = sub(footer_p._p, w("fldSimple"), instr=" PAGE ")
    run = sub(field, w("r"))
    sub(run, w("t")).text = "1"

    props = document.core_properties
    props.title = props.author = props.last_modified_by = props.comments = ""
    props.subject = props.keywords = props.category = ""
    props.revision = 1
    document.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
