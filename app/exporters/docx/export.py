"""``export_docx``: the contribution tree to a Word file, written atomically.

The document is assembled in memory, saved to a temporary file in the
target's folder and moved into place with ``os.replace``, so a failure
(Word holds the file, the disk is full, the folder vanished) never leaves a
half-written file and never damages an older export at the same path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument

from app.core.errors import ExportFailedError
from app.exporters.cleaning import clean_text
from app.exporters.docx.styles import resolve_styles, set_document_language
from app.exporters.docx.template import open_template
from app.exporters.docx.writer import DocxWriter
from app.exporters.flow import Heading, ListGroup, Para, Table, layout_items, subtitle
from app.exporters.phrasebook import load_phrasebook
from app.exporters.tree import Contribution, Layout

Progress = Callable[[int, int], None]


def export_docx(
    contribution: Contribution,
    path: Path | str,
    layout: Layout = Layout.GROUPED,
    template: Path | str | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``contribution`` to ``path`` as .docx in ``layout``, on ``template``.

    ``progress(done, total)`` is called once per section. Raises
    :class:`ExportFailedError` when the template cannot be read or the target
    cannot be written; an existing file at ``path`` is then left untouched.
    """
    document = build_document(contribution, layout, template, progress)
    save_atomically(document, Path(path))


def build_document(
    contribution: Contribution,
    layout: Layout = Layout.GROUPED,
    template: Path | str | None = None,
    progress: Progress | None = None,
) -> DocxDocument:
    """The finished python-docx document, not yet saved."""
    document = open_template(template)
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
    )
    writer.title(clean_text(contribution.title), subtitle(contribution))
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
    if progress is not None:
        progress(total, total)
    _set_properties(document, contribution)
    return document


def _created(contribution: Contribution) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(contribution.date.strip()[:10])
    except ValueError:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _set_properties(document: DocxDocument, contribution: Contribution) -> None:
    props = document.core_properties
    props.title = clean_text(contribution.title)[:255]
    props.author = clean_text(contribution.organisation)[:255]
    props.last_modified_by = clean_text(contribution.organisation)[:255]
    props.subject = clean_text(contribution.meeting)[:255]
    props.language = contribution.language
    props.created = props.modified = _created(contribution)
    props.revision = 1
    props.comments = ""
    props.keywords = ""


def _failure(path: Path, exc: OSError) -> ExportFailedError:
    if isinstance(exc, PermissionError):
        return ExportFailedError(
            f"“{path.name}” cannot be written: it is open in another program (such as Word) "
            "or you may not write to that folder. Close it or choose another name."
        )
    if exc.errno == errno.ENOSPC:
        return ExportFailedError(
            f"“{path.name}” cannot be written: the disk is full. Free some space and try again."
        )
    reason = exc.strerror or str(exc)
    return ExportFailedError(f"“{path.name}” cannot be written ({reason}).")


def _file_mode(path: Path) -> int:
    """The mode an ordinary new file would get (mkstemp's 0600 would hide it from colleagues)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def save_atomically(document: DocxDocument, path: Path) -> None:
    """Save via a temporary file in the same folder and ``os.replace``; clean up on failure."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportFailedError(f"The folder “{folder}” does not exist; choose another place.")
    try:
        handle, tmp_name = tempfile.mkstemp(
            prefix=f".~{path.stem[:40]}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise _failure(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            document.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _failure(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
