"""Open the template the export is built on.

A delegation's template (.docx or .dotx) brings its letterhead, headers,
footers, page set-up and styles. Decision: body content of the template
(a letterhead block, a reference line) is *kept* and the contribution
follows it, because that is what the delegation put there for every paper;
a template whose body holds nothing visible (the usual single empty
paragraph) is cleared so the contribution starts at the top of the page.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import zipfile
import zlib
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from app.core.errors import ExportFailedError
from app.core.i18n import _
from app.exporters.docx.ooxml import P, w

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "resources" / "templates" / "default.docx"

_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAX_MEMBERS = 2_000
MAX_UNPACKED = 100 * 1024 * 1024  # letterheads carry images; no real template comes near this
_VISIBLE = (w("t"), w("drawing"), w("pict"), w("object"), w("fldSimple"), w("instrText"))


class _TooLarge(Exception):
    """The template unpacks to more than a template can be (a zip bomb)."""


def _read_members(source: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every member, refusing a bomb from the directory, then from the bytes really read."""
    members = source.infolist()
    if len(members) > MAX_MEMBERS or sum(i.file_size for i in members) > MAX_UNPACKED:
        raise _TooLarge
    out = []
    for info in members:
        with source.open(info) as member:
            data = member.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise _TooLarge
        out.append((info, data))
    return out


def _as_document_bytes(path: Path) -> io.BytesIO:
    """The template's bytes with a .dotx content type turned into a .docx one.

    python-docx refuses the template content type although the parts are the
    same; rewriting one line of ``[Content_Types].xml`` in memory fixes it.
    The template is untrusted like any file: it must be an ordinary file and
    unpack to at most :data:`MAX_UNPACKED` bytes.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise ValueError("not an ordinary file")
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info, data in _read_members(source):
            if info.filename == "[Content_Types].xml":
                data = data.replace(_DOTX.encode(), _DOCX.encode())
            dest.writestr(info, data)
    out.seek(0)
    return out


def open_template(template: Path | str | None) -> DocxDocument:
    """The python-docx document to write into; ``ExportFailedError`` if unreadable."""
    path = Path(template) if template is not None else DEFAULT_TEMPLATE
    try:
        document = docx.Document(_as_document_bytes(path))
    except FileNotFoundError as exc:
        raise ExportFailedError(
            _("The template “{path}” does not exist.").format(path=path)
        ) from exc
    except _TooLarge as exc:
        raise ExportFailedError(
            _(
                "The template “{name}” unpacks to more than {limit} MB; it may be "
                "damaged or deliberately malformed."
            ).format(name=path.name, limit=MAX_UNPACKED // 1048576)
        ) from exc
    except (
        OSError,
        ValueError,
        KeyError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
        zlib.error,
    ) as exc:
        raise ExportFailedError(
            _("The template “{name}” cannot be read as a Word document (.docx or .dotx).").format(
                name=path.name
            )
        ) from exc
    _clear_if_blank(document)
    return document


def _clear_if_blank(document: DocxDocument) -> None:
    body = document.element.body
    content = [child for child in body if child.tag != w("sectPr")]
    if any(child.tag != P for child in content):
        return
    if any(any(True for _ in child.iter(*_VISIBLE)) for child in content):
        return
    for child in content:
        body.remove(child)
