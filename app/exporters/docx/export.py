"""``export_docx``: the contribution tree to a Word file, written atomically.

The target is checked before anything is built (``app.core.outputs``
refuses a project, a link, a device, a wrong extension, a document open in
Word or LibreOffice); the document is assembled and zipped in memory, then
written to a temporary file in the target's folder and moved into place, so
a failure (Word holds the file, the disk is full, the folder vanished) never
leaves a half-written file and never damages an older export at the same path.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT

from app.core import outputs
from app.core.contribution.model import Contribution
from app.core.phrasebook import load_phrasebook
from app.exporters.cleaning import clean_text
from app.exporters.docx.properties import set_properties
from app.exporters.docx.styles import resolve_styles, set_document_language
from app.exporters.docx.template import open_template
from app.exporters.docx.writer import DocxWriter
from app.exporters.flow import Heading, ListGroup, Para, Table, cover_lines, layout_items
from app.exporters.layout import Layout

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def export_docx(
    contribution: Contribution,
    path: Path | str,
    layout: Layout = Layout.GROUPED,
    template: Path | str | None = None,
    progress: Progress | None = None,
    *,
    protect: Sequence[Path] = (),
) -> None:
    """Write ``contribution`` to ``path`` as .docx in ``layout``, on ``template``.

    ``progress(done, total)`` is called once per section. Raises
    :class:`ExportFailedError` when the template cannot be read or the target
    cannot be written, and :class:`OutputRefusedError` for a target that must
    not be replaced (a project, a link, a device, a document open in Word);
    ``protect`` names files never to replace (the open project). An existing
    file at ``path`` is then left untouched.
    """
    outputs.check_target(path, outputs.DOCX, protect=protect)
    document = build_document(contribution, layout, template, progress)
    save_atomically(document, Path(path), protect=protect)


def build_document(
    contribution: Contribution,
    layout: Layout = Layout.GROUPED,
    template: Path | str | None = None,
    progress: Progress | None = None,
) -> DocxDocument:
    """The finished python-docx document, not yet saved."""
    document = open_template(template)
    if layout is Layout.TABLE:
        _landscape(document)
    styles_root = document.styles.element
    styles = resolve_styles(styles_root)
    set_document_language(styles_root, contribution.language)
    phrases = load_phrasebook(contribution.language)
    writer = DocxWriter(
        document,
        styles,
        phrases,
        review_copy=contribution.review_copy,
        include_drafts=contribution.include_drafts,
        review_author=clean_text(contribution.organisation),
    )
    writer.title(clean_text(contribution.title), cover_lines(contribution))
    total = len(contribution.sections)
    done = 0
    for item in layout_items(contribution, layout):
        if isinstance(item, Heading):
            if progress is not None and done:
                progress(done, total)
            done += 1
            writer.heading(item)
        elif isinstance(item, Para):
            writer.paragraph(item)
        elif isinstance(item, ListGroup):
            writer.list_group(item)
        elif isinstance(item, Table):
            writer.table(item)
    writer.finish()
    if progress is not None:
        progress(total, total)
    set_properties(document, contribution)
    return document


def _landscape(document: DocxDocument) -> None:
    """Turn portrait pages sideways: the commenting table has eight columns.

    The ISO/IEC commenting template is landscape for the same reason; on a
    portrait A4 page its header words broke in the middle ("Observa-ciones").
    """
    for section in document.sections:
        width, height = section.page_width, section.page_height
        if width is not None and height is not None and width < height:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width


def save_atomically(document: DocxDocument, path: Path, *, protect: Sequence[Path] = ()) -> None:
    """Serialise in memory, then write through ``app.core.outputs`` (checked, all or nothing).

    The zip is built in memory so that a full disk can only fail the plain
    write of its bytes: a zip left half-written on disk would complain again
    when it is collected ("Exception ignored in ZipFile.__del__").
    """
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except OSError as exc:
        raise outputs.failure(path, outputs.DOCX, exc) from exc
    outputs.write_atomically(path, outputs.DOCX, buffer.getvalue(), protect=protect)
