"""Placements on a new version that wait for a person: confirm, re-attach by hand, or orphan.

After a party re-issues its paper (Rev.1), a passage placed by a fuzzy match
may sit on the wrong words, and an orphan was found nowhere. This dialog
lists them with the words first cited beside the words found now (with a
little of the new text around them), so a delegate decides with both in view:
confirm the placement, re-attach the passage by selecting the right words in
the new version, or keep it as an orphan. Once a placement is confirmed, the
printed quote can take the new wording in one step.

Every decision is a core operation (``app.core.services.placements``) run
through the GUI's one operation helper; the dialog only reads and asks. Its
list is an item model (:class:`~app.gui.rowmodel.RowListModel`) read off
the GUI thread; after a decision only the decided passage's row changes (or
goes, once it waits no more).
"""

from __future__ import annotations

import difflib
import html
import logging
import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.services import placements, sources
from app.core.services.placements import PlacementInfo
from app.gui.offsets import OffsetMap
from app.gui.operations import Project
from app.gui.rowmodel import RowListModel, Shown
from app.gui.workers import Operation, Progress
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)


def _pane(title: str) -> tuple[QWidget, QLabel, QTextBrowser]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title)
    label.setStyleSheet("font-weight: bold")
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    layout.addWidget(label)
    layout.addWidget(browser)
    return box, label, browser


class PlacementsDialog(QDialog):
    """The passages of a new version that wait for a decision, one at a time."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: Project,
        source_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.source_id = source_id
        self.busy = False
        self.model: RowListModel[PlacementInfo] = RowListModel(
            lambda p: p.passage_id, self._render, self
        )
        self.setWindowTitle(self.tr("Passages to check in the new version"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These passages were placed by an approximate match, or not found, in the "
                "new version. Compare the words you cited with the words found now."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setMinimumWidth(240)
        self.list.setWordWrap(True)
        splitter.addWidget(self.list)
        sides = QSplitter(Qt.Orientation.Horizontal)
        old_box, _, self.old_text = _pane(self.tr("Cited in the earlier version"))
        new_box, self.new_label, self.new_text = _pane(self.tr("Found in the new version"))
        sides.addWidget(old_box)
        sides.addWidget(new_box)
        splitter.addWidget(sides)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("&Confirm placement"))
        self.reattach_button = QPushButton(self.tr("&Re-attach by hand…"))
        self.orphan_button = QPushButton(self.tr("Keep as &orphan"))
        self.quote_button = QPushButton(self.tr("&Update printed quote"))
        for button in (
            self.confirm_button,
            self.reattach_button,
            self.orphan_button,
            self.quote_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show(self.row()))
        self.confirm_button.clicked.connect(self.confirm)
        self.reattach_button.clicked.connect(self.ask_reattach)
        self.orphan_button.clicked.connect(self.keep_orphan)
        self.quote_button.clicked.connect(self.update_quote)
        self.confirmed: set[str] = set()
        self.reload()

    # -- reading ------------------------------------------------------------

    @property
    def items(self) -> list[PlacementInfo]:
        return self.model.rows

    def reload(self, select: str | None = None) -> None:
        """Waiting placements, plus those decided in this dialog (to update their quote).

        Read on the ``files`` pool; the list then takes only what changed.
        """
        store, source_id, confirmed = self.store, self.source_id, set(self.confirmed)

        def read(_progress: Progress) -> list[PlacementInfo]:
            every = placements.list_placements(store, source_id)
            return [p for p in every if p.waiting or p.passage_id in confirmed]

        Operation(self, read, pool_name="files").success(
            lambda rows: self._fill(rows, select)
        ).run_in_background()

    def _fill(self, rows: list[PlacementInfo], select: str | None) -> None:
        self.model.sync(rows)
        row = self.model.row_of(select)
        if row < 0:
            row = max(self.row(), 0) if rows else -1
        self.set_row(min(row, len(rows) - 1))

    def _render(self, info: PlacementInfo, _row: int) -> Shown:
        if info.confirmed:
            mark = self.tr("✓ confirmed")
        elif info.kind == "fuzzy":
            mark = self.tr("? fuzzy {score}").format(score=info.score)
        else:
            mark = self.tr("✗ orphan")
        text = f"{mark} · {info.source_label}\n{_short(info.original, 48)}"
        return Shown(text, tooltip=info.original)

    def row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def set_row(self, row: int) -> None:
        """Make ``row`` current (-1: none); the panes follow."""
        self.list.setCurrentIndex(self.model.index(row) if row >= 0 else QModelIndex())
        self._show(row)

    def current(self) -> PlacementInfo | None:
        row = self.row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        info = self.items[row] if 0 <= row < len(self.items) else None
        for button in (self.confirm_button, self.reattach_button, self.orphan_button):
            button.setEnabled(info is not None and not self.busy)
        if info is None:
            self.old_text.clear()
            self.new_text.clear()
            self.status.setText(self.tr("Nothing waits for a decision."))
            self.quote_button.setEnabled(False)
            return
        if info.current:
            old_html, new_html = _compared(info.original, info.current)
        else:
            old_html, new_html = html.escape(info.original), ""
        self.old_text.setHtml(f"<p style='white-space:pre-wrap'>{old_html}</p>")
        self.new_label.setText(
            self.tr("Found in the new version ({version})").format(version=info.version)
        )
        if info.current:
            self.new_text.setHtml(
                f"<p style='white-space:pre-wrap'>"
                f"<span style='color:#777'>…{html.escape(info.before)}</span>"
                f"<span style='background:#fff2a8'>{new_html}</span>"
                f"<span style='color:#777'>{html.escape(info.after)}…</span></p>"
            )
        else:
            self.new_text.setHtml(
                "<p><i>{}</i></p>".format(
                    html.escape(
                        self.tr(
                            "Not placed: nothing in the new version matches these words "
                            "and their context with confidence."
                        )
                    )
                )
            )
        self.confirm_button.setEnabled(bool(info.current) and not info.confirmed and not self.busy)
        self.quote_button.setEnabled(
            info.confirmed and bool(info.current) and info.quote != info.current and not self.busy
        )
        self.status.setText(self._describe(info))

    def _describe(self, info: PlacementInfo) -> str:
        if info.kind == "orphan":
            if info.confirmed:
                return self.tr("Kept as an orphan: it is listed for review and never deleted.")
            return self.tr(
                "Not placed with confidence in the new version. "
                "Re-attach it by hand, or keep it as an orphan."
            )
        if info.confirmed:
            if info.quote != info.current:
                return self.tr(
                    "Placement confirmed. The printed quote still has the earlier wording: "
                    "“Update printed quote” takes the new one."
                )
            return self.tr("Placement confirmed; the printed quote has the new wording.")
        return self.tr(
            "Placed by an approximate match (score {score} of 100). Confirm it only if the "
            "words on the right are the passage you cited."
        ).format(score=info.score)

    # -- deciding -----------------------------------------------------------

    def _run(self, passage_id: str, work: Callable[[], object]) -> None:
        self.busy = True
        self._show(self.row())

        def job(_progress: Progress) -> object:
            return work()

        def done(_result: object) -> None:
            self.busy = False
            self.reload(select=passage_id)

        def failed(_exc: BaseException) -> None:
            self.busy = False
            self._show(self.row())

        # the operation helper refreshes the window's views from what the decision changed
        ProjectOperation(self, self.ctx, job).success(done).failure(failed).run_in_background()

    def confirm(self) -> None:
        info = self.current()
        if info is None:
            return
        self.confirmed.add(info.passage_id)
        self._run(
            info.passage_id, lambda: placements.confirm_placement(self.store, info.passage_id)
        )

    def keep_orphan(self) -> None:
        info = self.current()
        if info is None:
            return
        self.confirmed.discard(info.passage_id)
        self._run(info.passage_id, lambda: placements.keep_as_orphan(self.store, info.passage_id))

    def update_quote(self) -> None:
        info = self.current()
        if info is None:
            return
        self._run(info.passage_id, lambda: placements.update_quote(self.store, info.passage_id))

    def ask_reattach(self) -> None:
        info = self.current()
        if info is None:
            return
        text = sources.source_text(self.store, info.source_id).text
        span, accepted = ReattachDialog.get_data(self, text, info)
        if accepted and span is not None:
            self.reattach(info.passage_id, *span)

    def reattach(self, passage_id: str, start: int, end: int) -> None:
        self.confirmed.add(passage_id)
        self._run(passage_id, lambda: placements.reattach(self.store, passage_id, start, end))

    @classmethod
    def review(
        cls,
        parent: QWidget | None,
        ctx: Project,
        source_id: str | None = None,
    ) -> PlacementsDialog:
        """Open the dialog (not modal: the reader stays usable beside it)."""
        dialog = cls(parent, ctx, source_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


class ReattachDialog(QDialog):
    """The new version's text: select the words the passage cites."""

    def __init__(self, parent: QWidget | None, text: str, info: PlacementInfo) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-attach a passage by hand"))
        self.resize(760, 520)
        self.offsets = OffsetMap(text)
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr("Select the words of the new version that stand for: “{words}”").format(
                words=_short(info.original, 160)
            )
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setPlainText(text)
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.view.selectionChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.span() is not None)

    def choose_span(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (code points), as a user's drag would."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    def span(self) -> tuple[int, int] | None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.from_qt(cursor.selectionStart())
        end = self.offsets.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    @classmethod
    def get_data(
        cls, parent: QWidget | None, text: str, info: PlacementInfo
    ) -> tuple[tuple[int, int] | None, bool]:
        """``(span, accepted)``; tests replace this to answer without a modal loop."""
        dialog = cls(parent, text, info)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.span(), accepted


def _compared(old: str, new: str) -> tuple[str, str]:
    """Both texts as HTML, with the words that differ marked (struck out / underlined)."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    old_out: list[str] = []
    new_out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left = html.escape("".join(old_words[i1:i2]))
        right = html.escape("".join(new_words[j1:j2]))
        if op == "equal":
            old_out.append(left)
            new_out.append(right)
            continue
        if left.strip():
            old_out.append(f"<s style='color:#a00'>{left}</s>")
        else:
            old_out.append(left)
        if right.strip():
            new_out.append(f"<u style='color:#060'><b>{right}</b></u>")
        else:
            new_out.append(right)
    return "".join(old_out), "".join(new_out)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
