"""The Blocks dock: what the Outline's current section holds, in order.

A section prints its blocks in turn: free paragraphs, lists, the cited
passages with their comments, cross-references. A citations block has two
lead-ins ("We cite the following portions…", "We comment on these
statements…"); left empty, the project's phrasebook supplies them, so the
placeholder shows the sentence that will print.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.contribution import section_headings
from app.core.journal import Changes
from app.core.models import BlockKind
from app.core.phrasebook import load_phrasebook
from app.core.services import sections
from app.core.services.sections import BlockInfo
from app.gui import commands
from app.gui.context import PASSAGES, SECTIONS, SOURCES, ProjectContext
from app.gui.reading import BackgroundRead
from app.gui.review import commands as review_commands
from app.gui.review.commands import BlockFields
from app.gui.rich_edit import RichEdit
from app.gui.rowmodel import RowListModel, RowListView, Shown

logger = logging.getLogger(__name__)


LAST = -1  # the last row (a block just added)


class BlocksPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.section_id: str | None = None
        self.model: RowListModel[BlockInfo] = RowListModel(lambda b: b.id, self._render, self)
        self.names: dict[str, str] = {}
        self.reading = BackgroundRead(self, self._read, self._arrived)
        self._chosen: int | None = None  # the row to make current once the read is back
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = RowListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 2)
        row = QHBoxLayout()
        self.add_paragraph = QPushButton(self.tr("+ Paragraph"))
        self.add_list = QPushButton(self.tr("+ List"))
        self.add_citations = QPushButton(self.tr("+ Citations"))
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button.setToolTip(self.tr("Move the block up"))
        self.down_button.setToolTip(self.tr("Move the block down"))
        for button in (
            self.add_paragraph,
            self.add_list,
            self.add_citations,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        self.text_label = QLabel(self.tr("Text (a list: one item per line):"))
        self.text_label.setWordWrap(True)
        layout.addWidget(self.text_label)
        self.text = RichEdit()
        layout.addWidget(self.text)
        self.lead_label = QLabel(self.tr("Lead-in before the quotes (empty: the phrasebook's):"))
        self.lead_label.setWordWrap(True)
        layout.addWidget(self.lead_label)
        self.lead_in = RichEdit(max_height=50)
        layout.addWidget(self.lead_in)
        self.comments_label = QLabel(self.tr("Lead-in before our comments:"))
        self.comments_label.setWordWrap(True)
        layout.addWidget(self.comments_label)
        self.comments_lead_in = RichEdit(max_height=50)
        layout.addWidget(self.comments_lead_in)
        self.numbered = QCheckBox(self.tr("Numbered 1) 2) 3)"))
        layout.addWidget(self.numbered)
        self.save_button = QPushButton(self.tr("Save block"))
        layout.addWidget(self.save_button)
        self.add_paragraph.clicked.connect(
            lambda: self.add_block(BlockKind.PARAGRAPH, self.tr("New paragraph."))
        )
        self.add_list.clicked.connect(lambda: self.add_block(BlockKind.LIST, self.tr("Item")))
        self.add_citations.clicked.connect(lambda: self.add_block(BlockKind.CITATIONS, ""))
        self.up_button.clicked.connect(lambda: self.step(-1))
        self.down_button.clicked.connect(lambda: self.step(1))
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save_current)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._load())
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        self.set_section(None)

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload): read the section again."""
        if not self.ctx.applying and kinds & {SECTIONS, SOURCES, PASSAGES}:
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        """Only the chosen section's blocks, only when the changes can touch them, read off
        the GUI thread (the printed headings name every party)."""
        if self.section_id is None or not changes:
            return
        known = {"block", "passage", "response", "revision", "note", "member"}
        if changes.touches("section", "source", "block", "passage") or any(
            t not in known for t, ids in changes.ids.items() if ids
        ):
            self.reading.request()

    def _read(self) -> tuple[str | None, dict[str, str], list[BlockInfo]]:
        """The chosen section, the headings and its blocks (on the ``files`` pool)."""
        section_id, store = self.section_id, self.ctx.store
        if section_id is None:
            return None, {}, []
        return section_id, section_headings(store), sections.list_blocks(store, section_id)

    def _arrived(
        self, read: tuple[str | None, dict[str, str], list[BlockInfo]], settled: bool
    ) -> None:
        section_id, names, blocks = read
        if section_id != self.section_id or self.ctx.store.closed:
            return  # another section was chosen meanwhile: it was read then
        if section_id not in names:
            self.set_section(None)  # the section is gone
            return
        renamed = names != self.names
        self.names = names
        self._show_heading()
        if renamed:
            self.model.changed(0, len(self.model.rows) - 1)  # a cross-reference's target name
        self._show_blocks(blocks, settled)

    def set_section(self, section_id: str | None) -> None:
        self.section_id = section_id
        self.refresh()

    def _render(self, block: BlockInfo, row: int) -> Shown:
        return Shown(f"{row + 1}. {self._describe(block, self.names)}")

    def _describe(self, block: BlockInfo, names: dict[str, str]) -> str:
        plain = " ".join(markup.plain_text(block.text).split())
        short = plain if len(plain) <= 80 else plain[:79] + "…"
        if block.kind == BlockKind.PARAGRAPH:
            return self.tr("Paragraph: {text}").format(text=short)
        if block.kind == BlockKind.LIST:
            items = len([line for line in block.text.split("\n") if line.strip()])
            return self.tr("List of {n}: {text}").format(n=items, text=short)
        if block.kind == BlockKind.CROSS_REFERENCE:
            target = names.get(block.target_section_id or "", "…")
            return self.tr("Cross-reference to “{name}”").format(name=target)
        return self.tr("Citations: %n passage(s)", "", block.passages)

    @property
    def blocks(self) -> list[BlockInfo]:
        return self.model.rows

    def refresh(self) -> None:
        """The chosen section's heading (as printed) and its blocks, read off the GUI thread.

        The headings name every party, so they are read on the ``files`` pool as after an
        edit; until they arrive the panel keeps what it shows.
        """
        if self.section_id is None:
            self.names = {}
            self._show_heading()
            self._show_blocks([])
            return
        self.reading.request()

    def _show_heading(self) -> None:
        self.heading.setText(
            self.tr("Blocks of “{name}”").format(name=self.names[self.section_id])
            if self.section_id
            else self.tr("Choose a section in the Outline.")
        )
        for button in (self.add_paragraph, self.add_list, self.add_citations):
            button.setEnabled(self.section_id is not None)

    def _show_blocks(self, blocks: list[BlockInfo], settled: bool = True) -> None:
        """Bring the list to ``blocks``; the current row stays (by position) or is the chosen."""
        row = self.current_row() if self._chosen is None else self._chosen
        if settled:
            self._chosen = None
        self.model.sync(blocks)
        row = len(blocks) - 1 if row == LAST else row
        self.set_current_row(min(max(row, 0), len(blocks) - 1))
        self._load()

    def _choose(self, row: int) -> None:
        """Make ``row`` (or the :data:`LAST`) current once the list shows an operation's result."""
        if self.reading.pending:
            self._chosen = row
        else:
            self.set_current_row(len(self.blocks) - 1 if row == LAST else row)

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row) if row >= 0 else QModelIndex())

    def current(self) -> BlockInfo | None:
        row = self.current_row()
        return self.blocks[row] if 0 <= row < len(self.blocks) else None

    def _load(self) -> None:
        block = self.current()
        kind = block.kind if block else None
        has_text = kind in (BlockKind.PARAGRAPH, BlockKind.LIST)
        citations = kind == BlockKind.CITATIONS
        self.text_label.setVisible(has_text)
        self.text.setVisible(has_text)
        citation_widgets: tuple[QWidget, ...] = (
            self.lead_label,
            self.lead_in,
            self.comments_label,
            self.comments_lead_in,
            self.numbered,
        )
        for widget in citation_widgets:
            widget.setVisible(citations)
        for button in (self.up_button, self.down_button, self.delete_button, self.save_button):
            button.setEnabled(block is not None)
        self.save_button.setVisible(has_text or citations)
        phrasebook = load_phrasebook(self.ctx.store.project().language)
        self.lead_in.text.setPlaceholderText(phrasebook.lead_ins.get("cite_portions", ""))
        self.comments_lead_in.text.setPlaceholderText(
            phrasebook.lead_ins.get("comment_statements", "")
        )
        self.text.set_markup(block.text if block else "")
        self.lead_in.set_markup(block.lead_in if block else "")
        self.comments_lead_in.set_markup(block.comments_lead_in if block else "")
        self.numbered.setChecked(block.numbered if block else True)
        if block is not None:  # its save and moves name this version (team server)
            self.ctx.versions.show("block", block.id)

    def add_block(self, kind: str, text: str) -> None:
        if self.section_id is None:
            return
        command = review_commands.add_block(self.ctx, self.section_id, kind, text)
        commands.push(self, self.ctx, command, lambda _c: self._choose(LAST))

    def delete_current(self) -> None:
        block = self.current()
        if block is not None:
            commands.push(self, self.ctx, review_commands.delete_block(self.ctx, block.id))

    def step(self, delta: int) -> None:
        block = self.current()
        if block is None:
            return
        old = self.blocks.index(block)
        new = old + delta
        if 0 <= new < len(self.blocks):
            command = review_commands.move_block(self.ctx, block.id, old, new)
            commands.push(self, self.ctx, command, lambda _c: self._choose(new))

    def save_current(self) -> None:
        """Save what the editor shows for the current block, as one undoable step."""
        block = self.current()
        if block is None:
            return
        if block.kind == BlockKind.CITATIONS:
            old = BlockFields(
                lead_in=block.lead_in,
                comments_lead_in=block.comments_lead_in,
                numbered=block.numbered,
            )
            new = BlockFields(
                lead_in=self.lead_in.markup(),
                comments_lead_in=self.comments_lead_in.markup(),
                numbered=self.numbered.isChecked(),
            )
        else:
            old, new = BlockFields(text=block.text), BlockFields(text=self.text.markup())
        if old != new:
            command = review_commands.update_block(self.ctx, block.id, old, new)
            commands.push(self, self.ctx, command)
