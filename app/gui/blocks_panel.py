"""The Blocks dock: what the Outline's current section holds, in order.

A section prints its blocks in turn: free paragraphs, lists, the cited
passages with their comments, cross-references. A citations block has two
lead-ins ("We cite the following portions…", "We comment on these
statements…"); left empty, the project's phrasebook supplies them, so the
placeholder shows the sentence that will print.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.contribution import section_headings
from app.core.models import BlockKind
from app.core.phrasebook import load_phrasebook
from app.core.services import sections
from app.core.services.sections import BlockInfo
from app.gui import commands
from app.gui.context import PASSAGES, SECTIONS, SOURCES, ProjectContext
from app.gui.review import commands as review_commands
from app.gui.review.commands import BlockFields
from app.gui.rich_edit import RichEdit

logger = logging.getLogger(__name__)


class BlocksPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.section_id: str | None = None
        self.blocks: list[BlockInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget()
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
        self.list.currentRowChanged.connect(lambda _r: self._load())
        ctx.changed.connect(self._changed)
        self.set_section(None)

    def _changed(self, kinds: frozenset[str]) -> None:
        if kinds & {SECTIONS, SOURCES, PASSAGES}:
            self.refresh()

    def set_section(self, section_id: str | None) -> None:
        self.section_id = section_id
        self.refresh()

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
        return self.tr("Citations: {n} passage(s)").format(n=block.passages)

    def refresh(self) -> None:
        row = self.list.currentRow()
        infos = sections.list_sections(self.ctx.store)
        current = next((s for s in infos if s.id == self.section_id), None)
        if current is None:
            self.section_id = None
        self.blocks = sections.list_blocks(self.ctx.store, self.section_id) if current else []
        names = section_headings(self.ctx.store)
        self.heading.setText(
            self.tr("Blocks of “{name}”").format(name=names.get(current.id, "…"))
            if current
            else self.tr("Choose a section in the Outline.")
        )
        self.list.blockSignals(True)
        self.list.clear()
        for number, block in enumerate(self.blocks, 1):
            self.list.addItem(f"{number}. {self._describe(block, names)}")
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(max(row, 0), len(self.blocks) - 1))
        for button in (self.add_paragraph, self.add_list, self.add_citations):
            button.setEnabled(current is not None)
        self._load()

    def current(self) -> BlockInfo | None:
        row = self.list.currentRow()
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

    def add_block(self, kind: str, text: str) -> None:
        if self.section_id is None:
            return
        command = review_commands.add_block(self.ctx, self.section_id, kind, text)
        commands.push(
            self, self.ctx, command, lambda _c: self.list.setCurrentRow(self.list.count() - 1)
        )

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
            commands.push(self, self.ctx, command, lambda _c: self.list.setCurrentRow(new))

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
