"""Build small .docx packages by hand, with exactly the XML a test needs."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2"
 Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
 Target="docProps/core.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties
 xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>
<dcterms:created>2017-03-01T10:00:00Z</dcterms:created>
</cp:coreProperties>"""


def part(root: str, body: str) -> str:
    header = '<?xml version="1.0" encoding="UTF-8"?>'
    return f'{header}<w:{root} xmlns:w="{W}" xmlns:r="{R}">{body}</w:{root}>'


def build_docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    title: str = "",
    author: str = "",
) -> bytes:
    """A .docx whose body is ``body`` (w: elements) plus the optional parts given."""
    extra = {"numbering": numbering, "styles": styles, "footnotes": footnotes, "endnotes": endnotes}
    rels = [
        f'<Relationship Id="r{name}" Type="{REL}/{name}" Target="{name}.xml"/>'
        for name, xml in extra.items()
        if xml is not None
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("docProps/core.xml", CORE.format(title=title, author=author))
        archive.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            f'"http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
            "</Relationships>",
        )
        for name, xml in extra.items():
            if xml is not None:
                archive.writestr(f"word/{name}.xml", part(name, xml))
    return buffer.getvalue()


def p(text: str, *, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    """A paragraph with optional numPr (numId, ilvl) and paragraph style."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )
