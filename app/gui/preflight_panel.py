"""The Preflight dock: what would embarrass the delegation if the paper went out now."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.preflight import Problem, check
from app.core.services.passages import get_passage, passage_for_response
from app.core.services.sections import list_blocks
from app.gui.context import ProjectContext
from app.gui.workers import Operation

logger = logging.getLogger(__name__)

PROBLEM_ROLE = Qt.ItemDataRole.UserRole


class PreflightPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.problems: list[Problem] = []
        self._checking = False
        self._again = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary, 1)
        self.check_button = QPushButton(self.tr("Check again"))
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.check_button.clicked.connect(self.refresh)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)

    def refresh(self) -> None:
        """Check the whole project off the GUI thread (150 ms on a large project)."""
        if self._checking:
            self._again = True
            return
        self._checking, self._again = True, False
        self.summary.setText(self.tr("Checking…"))
        store = self.ctx.store
        Operation(self, lambda _progress: check(store), pool_name="files").success(
            self._show
        ).finally_(self._checked).run_in_background()

    def _checked(self) -> None:
        self._checking = False
        if self._again:
            self.refresh()

    def _show(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.list.clear()
        for number, problem in enumerate(self.problems):
            item = QListWidgetItem(problem.message)
            item.setData(PROBLEM_ROLE, number)
            self.list.addItem(item)
        if self.problems:
            count = len(self.problems)
            text = (
                self.tr("1 problem to fix before sending.")
                if count == 1
                else self.tr("{n} problems to fix before sending.").format(n=count)
            )
            self.summary.setText(text)
        else:
            self.summary.setText(self.tr("No problems found: ready to export."))

    def _jump(self, item: QListWidgetItem) -> None:
        go_to_problem(self.ctx, self.problems[int(item.data(PROBLEM_ROLE))])


def go_to_problem(ctx: ProjectContext, problem: Problem) -> None:
    """Show what ``problem`` is about: its passage in the source, or its section in the Outline."""
    if problem.target_kind == "section":
        ctx.select_section(problem.target_id)
        return
    if problem.target_kind == "block":
        block = next((b for b in list_blocks(ctx.store) if b.id == problem.target_id), None)
        if block is not None:
            ctx.select_section(block.section_id)
        return
    if problem.target_kind == "passage":
        passage_id = problem.target_id
    elif problem.target_kind == "response":
        answered = passage_for_response(ctx.store, problem.target_id)
        if answered is None:
            return
        passage_id = answered.id
    else:
        return
    passage = get_passage(ctx.store, passage_id)
    if passage is None:
        return
    ctx.select_source(passage.source_id)
    ctx.select_passage(passage.id)
    if passage.start is not None and passage.end is not None:
        ctx.jump_requested.emit(passage.source_id, passage.start, passage.end)
