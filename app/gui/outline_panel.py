"""The Outline dock: the sections in output order, their openings and cross-references.

An item model (:class:`~app.gui.rowmodel.RowListModel`), read again only when
an operation changed a section or a source (a party's name is a heading).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.contribution import section_headings
from app.core.errors import RejoinderError
from app.core.journal import Changes
from app.core.models import BlockKind
from app.core.services import sections
from app.core.services.sections import SectionInfo
from app.core.store import ProjectStore
from app.gui import commands
from app.gui.context import SECTIONS, SOURCES, ProjectContext
from app.gui.errors import show_error
from app.gui.reading import BackgroundRead
from app.gui.rich_edit import RichEdit
from app.gui.rowmodel import ID_ROLE, RowListModel, RowListView, Shown

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 800


def _read_outline(store: ProjectStore) -> tuple[list[SectionInfo], dict[str, str]]:
    """The sections in output order and their headings as printed (any thread)."""
    return sections.list_sections(store), section_headings(store)


class OutlinePanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.headings: dict[str, str] = {}
        self.model: RowListModel[SectionInfo] = RowListModel(
            lambda s: s.id, self._render, self, look=lambda s: s.heading
        )
        store = ctx.store
        self.reading = BackgroundRead(self, lambda: _read_outline(store), self._show)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = RowListView()
        self.list.setModel(self.model)
        layout.addWidget(self.list, 2)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add topic…"))
        self.xref_button = QPushButton(self.tr("Cross-reference…"))
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.up_button.setToolTip(self.tr("Move the section up"))
        self.down_button.setToolTip(self.tr("Move the section down"))
        for button in (self.add_button, self.xref_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        opening_label = QLabel(self.tr("Opening (e.g. “We support this paper.”):"))
        opening_label.setWordWrap(True)
        layout.addWidget(opening_label)
        self.opening = RichEdit()
        layout.addWidget(self.opening)
        layout.addWidget(QLabel(self.tr("Closing remarks:")))
        self.closing = RichEdit()
        layout.addWidget(self.closing)
        self.shared_box = QCheckBox(self.tr("Shared answers print as a cross-reference"))
        self.shared_box.setToolTip(
            self.tr(
                "A passage sharing another's answer (Same answer as…) prints in this section "
                "with the phrasebook's cross-reference to where that answer is printed first, "
                "instead of the answer's text."
            )
        )
        self.shared_box.clicked.connect(self._set_shared)
        layout.addWidget(self.shared_box)
        # Every edit is kept: the texts are saved shortly after typing stops.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self._save_texts)
        self.opening.edited.connect(self.timer.start)
        self.closing.edited.connect(self.timer.start)
        self.loaded: tuple[str, str, str] | None = None  # section id, opening, closing shown
        self._saving = 0  # saves on their way to the project
        self.add_button.clicked.connect(self._ask_section)
        self.xref_button.clicked.connect(self._ask_cross_reference)
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button.clicked.connect(lambda: self._step(1))
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._switch())
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._tell_current())
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show_shared())
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        ctx.section_selected.connect(self._follow)
        self.refresh()

    def _follow(self, section_id: object) -> None:
        """Select the section another view chose (a preflight problem's link)."""
        row = self.model.row_of(section_id if isinstance(section_id, str) else None)
        if row >= 0 and row != self.list.currentIndex().row():
            self.select_row(row)

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload): read the outline again."""
        if not self.ctx.applying and kinds & {SECTIONS, SOURCES}:
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        """The outline shows sections and the parties' names: only their changes re-read it.

        Off the GUI thread: the printed headings name every party (200
        sources, 200 sections), which is most of a source rename's cost.
        """
        known = {"passage", "response", "revision", "note", "member", "block"}
        if changes.touches("section", "source") or any(
            t not in known for t, ids in changes.ids.items() if ids
        ):
            self.reading.request()

    def heading(self, info: SectionInfo) -> str:
        """The heading as the export prints it, in the contribution's language."""
        return self.headings.get(info.id) or info.heading

    @property
    def infos(self) -> list[SectionInfo]:
        return self.model.rows

    def _render(self, info: SectionInfo, row: int) -> Shown:
        return Shown(f"{row + 1}. {self.heading(info)}")

    def refresh(self) -> None:
        """Sections and their printed headings, synced in place (the current one stays)."""
        self._show(_read_outline(self.ctx.store), True)

    def _show(self, read: tuple[list[SectionInfo], dict[str, str]], _settled: bool) -> None:
        """Bring the list to ``read``; only rows whose number or heading changed are redrawn."""
        if self.ctx.store.closed:
            return  # read before the project closed
        rows, headings = read
        # what the fields hold goes first: the section shown may not be the list's current one
        self._save_texts()
        before = {s.id: (n, self.heading(s)) for n, s in enumerate(self.model.rows)}
        self.headings = headings
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.model.sync(rows)
        self.model.redraw(
            [
                n
                for n, s in enumerate(self.model.rows)
                if s.id in before and before[s.id] != (n, self.heading(s))
            ]
        )
        selection.blockSignals(False)
        self._load_texts()
        self._show_shared()

    def select_row(self, row: int) -> None:
        """Make the section in ``row`` current (as a click does)."""
        self.list.setCurrentIndex(self.model.index(row))

    def row_text(self, row: int) -> str:
        return str(self.model.data(self.model.index(row)))

    def current(self) -> SectionInfo | None:
        index = self.list.currentIndex()
        return self.model.get(str(index.data(ID_ROLE))) if index.isValid() else None

    def _tell_current(self) -> None:
        current = self.current()
        self.ctx.select_section(current.id if current else None)

    def _switch(self) -> None:
        # Not inside the list's own signal: saving refreshes the list.
        QTimer.singleShot(0, self._switched)

    def _switched(self) -> None:
        self._save_texts()
        self._load_texts()

    def _load_texts(self) -> None:
        info = self.current()
        opening, closing = (info.opening or "", info.closing or "") if info else ("", "")
        if info is not None and self.loaded is not None and self.loaded[0] == info.id:
            shown = (self.opening.markup(), self.closing.markup())
            if shown == (opening, closing):
                self.loaded = (info.id, opening, closing)
                return  # our own save coming back: keep the caret where it is
            if self.timer.isActive() or self._saving:
                return  # typed since (its save is coming): the typing wins
        self.timer.stop()
        for edit, text in ((self.opening, opening), (self.closing, closing)):
            edit.set_markup(text)
            edit.setEnabled(info is not None)
        self.loaded = (info.id, opening, closing) if info else None
        if info is not None:  # its saves and moves name this version (team server)
            self.ctx.versions.show("section", info.id)

    def flush(self) -> None:
        """Save what the opening and closing fields hold now (before closing the window)."""
        self._save_texts()

    def _save_texts(self) -> None:
        self.timer.stop()
        if self.loaded is None:
            return
        section_id, old_opening, old_closing = self.loaded
        opening = self.opening.markup()
        closing = self.closing.markup()
        if (opening, closing) == (old_opening, old_closing):
            return
        self.loaded = (section_id, opening, closing)
        store, versions = self.ctx.store, self.ctx.versions

        def do() -> None:
            with versions.saving("section", section_id) as base:
                sections.update_section(
                    store, section_id, opening=opening, closing=closing, base_version=base
                )

        def saved(_command: object) -> None:
            self._saving -= 1

        def refused(exc: RejoinderError) -> None:
            self._saving -= 1
            show_error(self, exc)

        self._saving += 1
        versions.claim("section", section_id)
        command = commands.SectionEdit(self.ctx, self.tr("Edit opening"), do)
        commands.push(self, self.ctx, command, saved, failed=refused)

    def _show_shared(self) -> None:
        info = self.current()
        self.shared_box.setEnabled(info is not None)
        self.shared_box.setChecked(info is not None and info.shared_as_reference)

    def _set_shared(self, checked: bool) -> None:
        """The section setting of issue 16 §2, one undoable step."""
        info = self.current()
        if info is None:
            return
        store, section_id, versions = self.ctx.store, info.id, self.ctx.versions

        def do() -> None:
            with versions.saving("section", section_id) as base:
                sections.update_section(
                    store, section_id, shared_as_reference=checked, base_version=base
                )

        text = (
            self.tr("Print shared answers as cross-references")
            if checked
            else self.tr("Print shared answers in full")
        )
        versions.claim("section", section_id)
        commands.push(self, self.ctx, commands.SectionEdit(self.ctx, text, do))

    def _ask_section(self) -> None:
        heading, ok = QInputDialog.getText(self, self.tr("Add topic section"), self.tr("Heading:"))
        if ok and heading.strip():
            self.add_section(heading)

    def add_section(self, heading: str) -> None:
        commands.push(self, self.ctx, commands.add_section(self.ctx, heading))

    def _ask_cross_reference(self) -> None:
        info = self.current()
        if info is None:
            return
        others = [s for s in self.infos if s.id != info.id]
        names = [self.heading(s) for s in others]
        name, ok = QInputDialog.getItem(
            self, self.tr("Cross-reference"), self.tr("Refer to the section:"), names, 0, False
        )
        if ok and name in names:
            self.add_cross_reference(info.id, others[names.index(name)].id)

    def add_cross_reference(self, section_id: str, target_id: str) -> None:
        store = self.ctx.store

        def do() -> None:
            sections.add_block(
                store, section_id, BlockKind.CROSS_REFERENCE, target_section_ref=target_id
            )

        text = self.tr("Add cross-reference")
        commands.push(self, self.ctx, commands.SectionEdit(self.ctx, text, do))

    def _step(self, delta: int) -> None:
        info = self.current()
        if info is None:
            return
        old = [s.id for s in self.infos].index(info.id)
        new = old + delta
        if not 0 <= new < len(self.infos):
            return
        store, versions = self.ctx.store, self.ctx.versions

        def do() -> None:
            with versions.saving("section", info.id) as base:
                sections.move_section(store, info.id, new, base_version=base)

        versions.claim("section", info.id)
        commands.push(self, self.ctx, commands.SectionEdit(self.ctx, self.tr("Move section"), do))
