"""The Preflight dock: what would embarrass the delegation if the paper went out now.

The check runs off the GUI thread; its problems go into an item model
(:class:`~app.gui.rowmodel.RowListModel`) keyed by what each is about, so a
check after an edit adds or removes only the problems that came or went.
"""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.preflight import Problem, check
from app.core.services.passages import get_passage, passage_for_response
from app.core.services.sections import list_blocks
from app.gui.context import ProjectContext
from app.gui.rowmodel import RowListModel, Shown
from app.gui.workers import Operation

logger = logging.getLogger(__name__)


def keyed(problems: list[Problem]) -> list[tuple[str, Problem]]:
    """Each problem with an id that names it from one check to the next (its target, its kind)."""
    seen: Counter[str] = Counter()
    rows = []
    for problem in problems:
        base = f"{problem.kind}:{problem.target_kind}:{problem.target_id}:{problem.message}"
        seen[base] += 1
        rows.append((f"{base}#{seen[base]}", problem))
    return rows


class PreflightPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowListModel[tuple[str, Problem]] = RowListModel(
            lambda row: row[0], lambda row, _n: Shown(row[1].message), self
        )
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
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.check_button.clicked.connect(self.refresh)
        self.list.activated.connect(self._jump)
        self.list.clicked.connect(self._jump)

    @property
    def problems(self) -> list[Problem]:
        return [problem for _key, problem in self.model.rows]

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
        self.model.sync(keyed(problems))
        if problems:
            self.summary.setText(self.tr("%n problem(s) to fix before sending.", "", len(problems)))
        else:
            self.summary.setText(self.tr("No problems found: ready to export."))

    def _jump(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.rows):
            go_to_problem(self.ctx, self.model.rows[index.row()][1])


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
