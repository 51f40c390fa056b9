"""The response editor's document ↔ the project's five-element markup.

Qt's HTML is never stored: the editor's ``QTextDocument`` is read fragment by
fragment and written as markup, and markup is loaded by inserting formatted
runs. A footnote is shown inline as a bracketed span on a tinted background;
its characters carry :data:`FOOTNOTE_ID`, so the user edits it in place and
two footnotes side by side stay apart.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from app.core import markup
from app.core.markup import Footnote, Inline, Run

FOOTNOTE_ID = QTextCharFormat.Property.UserProperty + 1
FOOTNOTE_BACKGROUND = QColor("#fff1b8")
LINK_COLOUR = QColor("#1a5fb4")
_ids = itertools.count(1)


def run_format(run: Run, footnote: int | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    fmt.setFontUnderline(run.underline or run.href is not None)
    if run.href is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.href)
        fmt.setForeground(QBrush(LINK_COLOUR))
    if footnote is not None:
        fmt.setProperty(FOOTNOTE_ID, footnote)
        fmt.setBackground(QBrush(FOOTNOTE_BACKGROUND))
    return fmt


def footnote_format() -> tuple[QTextCharFormat, int]:
    """A fresh footnote id and the plain format for its text."""
    ident = next(_ids)
    return run_format(Run(""), ident), ident


def load(document: QTextDocument, text: str) -> None:
    """Replace the document's content with ``text`` (markup)."""
    document.clear()
    cursor = QTextCursor(document)
    for number, paragraph in enumerate(markup.parse(text)):
        if number:
            cursor.insertBlock()
        for item in paragraph:
            if isinstance(item, Run):
                cursor.insertText(item.text, run_format(item))
                continue
            ident = next(_ids)
            cursor.insertText("[", run_format(Run(""), ident))
            for inner in item.runs:
                cursor.insertText(inner.text, run_format(inner, ident))
            cursor.insertText("]", run_format(Run(""), ident))
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


def _close_footnote(runs: list[Run]) -> Footnote | None:
    """Strip the brackets the editor shows around a footnote's text."""
    if runs and runs[0].text.startswith("["):
        runs[0] = Run(
            runs[0].text[1:], runs[0].bold, runs[0].italic, runs[0].underline, runs[0].href
        )
    if runs and runs[-1].text.endswith("]"):
        last = runs[-1]
        runs[-1] = Run(last.text[:-1], last.bold, last.italic, last.underline, last.href)
    runs = [r for r in runs if r.text]
    return Footnote(tuple(runs)) if runs else None


def dump(document: QTextDocument) -> str:
    """The document as markup; parsing it back gives the same document."""
    paragraphs: list[tuple[Inline, ...]] = []
    block = document.begin()
    while block.isValid():
        items: list[Inline] = []
        footnote_runs: list[Run] = []
        current: int | None = None
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            fmt = fragment.charFormat()
            ident = fmt.property(FOOTNOTE_ID)
            ident = int(ident) if isinstance(ident, int) and ident else None
            if ident != current and current is not None:
                note = _close_footnote(footnote_runs)
                if note is not None:
                    items.append(note)
                footnote_runs = []
            current = ident
            run = _run_of(fragment.text().replace("\u2028", " "), fmt)
            (footnote_runs if ident is not None else items).append(run)
        if current is not None:
            note = _close_footnote(footnote_runs)
            if note is not None:
                items.append(note)
        paragraphs.append(tuple(items))
        block = block.next()
    return markup.serialize(_normalised(paragraphs))


def _normalised(paragraphs: list[tuple[Inline, ...]]) -> markup.Document:
    """Merge neighbouring runs of one style, as :func:`markup.parse` would."""
    return markup.parse(markup.serialize(tuple(paragraphs)))
