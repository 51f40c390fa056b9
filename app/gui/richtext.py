"""The rich-text editors' documents ↔ the project's five-element markup.

Qt's HTML is never stored: an editor's ``QTextDocument`` is read fragment by
fragment and written as markup, and markup is loaded by inserting formatted
runs.

A footnote is one character in the editor, an object replacement character
drawn as a superscript number (as Word shows a reference mark); the footnote's
own text is kept as markup in a property of that character and edited in its
own dialog. The caret can stand before or after the mark but never inside, so
ordinary typing can neither enter a footnote nor split it, and Backspace
deletes it whole. Text typed at a link's edge does not join the link
(:func:`typing_format`), as in Word.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from app.core import markup
from app.core.errors import MarkupError
from app.core.markup import Footnote, Inline, Run

logger = logging.getLogger(__name__)

FOOTNOTE_OBJECT = int(QTextFormat.ObjectTypes.UserObject.value) + 1
FOOTNOTE_MARKUP = int(QTextFormat.Property.UserProperty.value) + 1
MARK = "\ufffc"
LINK_COLOUR = QColor("#1a5fb4")
MARK_COLOUR = QColor("#1a5fb4")


def run_format(run: Run) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    fmt.setFontUnderline(run.underline or run.href is not None)
    if run.href is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.href)
        fmt.setForeground(QBrush(LINK_COLOUR))
    return fmt


def footnote_markup(note: Footnote) -> str:
    """A footnote's text as markup (one paragraph of runs)."""
    return markup.serialize(((*note.runs,),))


def footnote_format(text: str) -> QTextCharFormat:
    """The format of a footnote mark whose footnote says ``text`` (markup, one paragraph)."""
    markup.validate(text)
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(FOOTNOTE_MARKUP, text)
    fmt.setToolTip(markup.plain_text(text))
    return fmt


def insert_footnote(cursor: QTextCursor, text: str) -> None:
    """Insert a footnote mark at ``cursor`` (replacing its selection); typing goes on plain."""
    cursor.insertText(MARK, footnote_format(text))
    cursor.setCharFormat(QTextCharFormat())


def format_at(document: QTextDocument, position: int) -> QTextCharFormat | None:
    """The format of the character at ``position``; None past a paragraph's end."""
    block = document.findBlock(position)
    if not block.isValid() or not 0 <= position < block.position() + block.length() - 1:
        return None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.position() <= position < fragment.position() + fragment.length():
            return fragment.charFormat()
    return None


def footnote_at(document: QTextDocument, position: int) -> str | None:
    """The markup of the footnote whose mark is the character at ``position``, if it is one."""
    fmt = format_at(document, position)
    if fmt is None or fmt.objectType() != FOOTNOTE_OBJECT:
        return None
    return str(fmt.property(FOOTNOTE_MARKUP) or "")


def set_footnote(document: QTextDocument, position: int, text: str) -> None:
    """Give the footnote mark at ``position`` the text ``text`` (markup), as one edit."""
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(MARK, footnote_format(text))


def footnote_number(document: QTextDocument, position: int) -> int:
    """1 for the first footnote mark of the document, 2 for the next, …"""
    number = 0
    block = document.begin()
    while block.isValid() and block.position() <= position:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.position() > position:
                break
            if fragment.charFormat().objectType() == FOOTNOTE_OBJECT:
                number += min(fragment.length(), position - fragment.position() + 1)
        block = block.next()
    return max(number, 1)


class FootnoteMarks(QPyTextObject):
    """Draws each footnote mark as its superscript number, in the link colour."""

    def _font(self, document: QTextDocument, fmt: QTextFormat) -> QFont:
        font = QFont(document.defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.75)
        font.setBold(True)
        return font

    def intrinsicSize(self, document: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        metrics = QFontMetricsF(self._font(document, fmt))
        text = str(footnote_number(document, pos))
        return QSizeF(metrics.horizontalAdvance(text) + 3, metrics.height())

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        document: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        painter.save()
        font = self._font(document, fmt)
        painter.setFont(font)
        painter.setPen(MARK_COLOUR)
        metrics = QFontMetricsF(font)
        painter.drawText(
            QPointF(rect.left() + 1, rect.top() + metrics.ascent() - rect.height() * 0.25),
            str(footnote_number(document, pos)),
        )
        painter.restore()


def install(document: QTextDocument) -> None:
    """Let ``document`` draw footnote marks (once per document; the handler is its child)."""
    if document.findChild(FootnoteMarks) is not None:
        return
    handler = FootnoteMarks(document)
    document.documentLayout().registerHandler(FOOTNOTE_OBJECT, handler)


def load(document: QTextDocument, text: str) -> None:
    """Replace the document's content with ``text`` (markup)."""
    install(document)
    document.clear()
    cursor = QTextCursor(document)
    for number, paragraph in enumerate(markup.parse(text)):
        if number:
            cursor.insertBlock()
        for item in paragraph:
            if isinstance(item, Run):
                cursor.insertText(item.text, run_format(item))
            else:
                cursor.insertText(MARK, footnote_format(footnote_markup(item)))
        cursor.setCharFormat(QTextCharFormat())
    document.setModified(False)


def _run_of(text: str, fmt: QTextCharFormat) -> Run:
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    return Run(
        text,
        bold=fmt.fontWeight() >= QFont.Weight.DemiBold.value,
        italic=fmt.fontItalic(),
        underline=fmt.fontUnderline() and href is None,
        href=href,
    )


def _footnote_of(fmt: QTextCharFormat) -> Footnote | None:
    try:
        (paragraph,) = markup.parse(str(fmt.property(FOOTNOTE_MARKUP) or ""))
    except (MarkupError, ValueError):
        logger.warning("a footnote mark holds unreadable markup; it is dropped")
        return None
    runs = tuple(item for item in paragraph if isinstance(item, Run))
    return Footnote(runs) if runs else None


def dump(document: QTextDocument) -> str:
    """The document as markup; parsing it back gives the same document."""
    paragraphs: list[tuple[Inline, ...]] = []
    block = document.begin()
    while block.isValid():
        items: list[Inline] = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            fmt = fragment.charFormat()
            if fmt.objectType() == FOOTNOTE_OBJECT:
                note = _footnote_of(fmt)
                if note is not None:
                    items.extend([note] * fragment.text().count(MARK))
                continue
            text = fragment.text().replace("\u2028", " ").replace(MARK, "")
            items.append(_run_of(text, fmt))
        paragraphs.append(tuple(items))
        block = block.next()
    return markup.serialize(_normalised(paragraphs))


def _normalised(paragraphs: list[tuple[Inline, ...]]) -> markup.Document:
    """Merge neighbouring runs of one style, as :func:`markup.parse` would."""
    return markup.parse(markup.serialize(tuple(paragraphs)))


def _href_at(document: QTextDocument, position: int) -> str | None:
    """The link address of the character at ``position`` (None for no link or no character)."""
    fmt = format_at(document, position)
    if fmt is None or not fmt.isAnchor():
        return None
    return fmt.anchorHref() or None


def typing_format(cursor: QTextCursor) -> QTextCharFormat:
    """The format new text typed at ``cursor`` gets: the style around it, never a footnote,
    and a link only strictly inside that link (typing at a link's edge stays outside it)."""
    fmt = cursor.charFormat()
    run = _run_of("", fmt)
    if fmt.objectType() == FOOTNOTE_OBJECT or fmt.hasProperty(FOOTNOTE_MARKUP):
        run = Run("")
    if run.href is not None:
        position, document = cursor.position(), cursor.document()
        if not (_href_at(document, position - 1) == run.href == _href_at(document, position)):
            run = Run("", run.bold, run.italic, False, None)
    return run_format(run)
