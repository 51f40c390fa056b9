"""Document properties a secretariat sees: who made the file, when, and no stale checks.

The default template came from Word for Mac, so its ``app.xml`` named
"Microsoft Macintosh Word" and its settings claimed spelling and grammar had
been checked (``proofState clean``), which makes Word skip checking the
quotes we paste in. Created and modified are the moment of export, not the
meeting date.
"""

from __future__ import annotations

import datetime as dt
import logging

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from app import __version__
from app.core.contribution.model import Contribution
from app.exporters.cleaning import clean_text
from app.exporters.docx.ooxml import w

logger = logging.getLogger(__name__)

_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_APP_XML = "/docProps/app.xml"
_APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"


def _app_xml() -> bytes:
    root = etree.fromstring(f'<Properties xmlns="{_EXTENDED}"><Application/></Properties>')
    root[0].text = f"Rejoinder {__version__}"
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def set_application(document: DocxDocument) -> None:
    """``docProps/app.xml`` names Rejoinder and its version (created if the template has none)."""
    package = document.part.package
    for part in package.iter_parts():
        if part.partname == _APP_XML:
            part._blob = _app_xml()
            return
    part = Part(PackURI(_APP_XML), _APP_TYPE, _app_xml(), package)
    package.relate_to(part, _APP_REL)


def drop_proof_state(document: DocxDocument) -> None:
    """Remove ``w:proofState``, so Word checks the spelling of what we wrote."""
    settings = document.settings.element
    for state in settings.findall(w("proofState")):
        settings.remove(state)


def set_properties(document: DocxDocument, contribution: Contribution) -> None:
    props = document.core_properties
    props.title = clean_text(contribution.title)[:255]
    props.author = clean_text(contribution.organisation)[:255]
    props.last_modified_by = clean_text(contribution.organisation)[:255]
    props.subject = clean_text(contribution.meeting)[:255]
    props.language = contribution.language
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    set_application(document)
    drop_proof_state(document)
