"""Open a Word package: the main document and the parts it relies on.

The package is read with :mod:`zipfile` and the hardened parser rather than
through python-docx's ``Document()``: python-docx refuses Strict OOXML (it
looks for the Transitional relationship URI only) and parses every part
without our size checks. Parts are found through the relationships, as Word
does, never by hard-coded names (the main part may be ``document2.xml``).
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field

from lxml import etree

from app.core.errors import ImportFailedError
from app.core.i18n import N_, _
from app.importers.base import ImportOptions
from app.importers.docx.xml import attr, child, children, local
from app.importers.safety import open_zip, parse_xml, read_member

logger = logging.getLogger(__name__)

_NOT_WORD = N_(
    "The file does not contain a Word document. It may be damaged, or be another kind "
    "of Office file saved under a .docx name."
)


@dataclass(slots=True)
class DocxPackage:
    document: etree._Element
    parts: dict[str, etree._Element] = field(default_factory=dict)
    core: etree._Element | None = None

    def part(self, kind: str) -> etree._Element | None:
        """A related part by relationship kind: "styles", "numbering", "footnotes"…"""
        return self.parts.get(kind)


def open_package(data: bytes, options: ImportOptions | None = None) -> DocxPackage:
    with open_zip(data) as archive:
        package_rels = _rels(read_member(archive, "_rels/.rels"), "")
        main = package_rels.get("officeDocument")
        if main is None:
            raise ImportFailedError(_(_NOT_WORD))
        main_xml = read_member(archive, main)
        if main_xml is None:
            raise ImportFailedError(_(_NOT_WORD))
        document = parse_xml(main_xml, options)
        if local(document) != "document":
            raise ImportFailedError(_(_NOT_WORD))
        package = DocxPackage(document=document)
        rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main))
        related = _rels(read_member(archive, rels_name + ".rels"), posixpath.dirname(main))
        for kind in ("styles", "numbering", "footnotes", "endnotes", "settings"):
            target = related.get(kind)
            blob = read_member(archive, target) if target else None
            if blob:
                package.parts[kind] = parse_xml(blob)
        core_name = package_rels.get("core-properties") or package_rels.get(
            "metadata/core-properties"
        )
        core_blob = read_member(archive, core_name or "docProps/core.xml")
        if core_blob:
            package.core = parse_xml(core_blob)
        return package


def _rels(blob: bytes | None, base: str) -> dict[str, str]:
    """Map relationship kind (the last part of its type URI) to the target's zip name."""
    if not blob:
        return {}
    out: dict[str, str] = {}
    for rel in children(parse_xml(blob), "Relationship"):
        if attr(rel, "TargetMode") == "External":
            continue
        kind = (attr(rel, "Type") or "").rsplit("/", 1)[-1]
        target = attr(rel, "Target") or ""
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(base, target))
        out.setdefault(kind, name)
    return out


def core_properties(core: etree._Element | None) -> tuple[str | None, str | None, str | None]:
    """Title, author and creation date (YYYY-MM-DD) from ``docProps/core.xml``."""
    if core is None:
        return None, None, None
    title = _text(child(core, "title"))
    author = _text(child(core, "creator"))
    created = _text(child(core, "created")) or _text(child(core, "modified"))
    return title, author, created[:10] if created else None


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None
