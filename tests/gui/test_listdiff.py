"""The three list-plus-diff dialogs share one base, whose list keeps its place as items go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.core.errors import InvalidInputError
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.dialogs.history import HistoryDialog
from app.gui.dialogs.listdiff import ListDiffDialog
from app.gui.review.proposals import ProposalsDialog
from tests.gui.conftest import make_project, settle


class Letters(ListDiffDialog[str]):
    """A stand-in: its items are letters, deciding one removes it."""

    def __init__(self, ctx: Any, letters: list[str]) -> None:
        self.letters = letters
        super().__init__(
            None, ctx, title="Letters", intro="{legend}", size=(400, 300), list_width=100
        )
        self.shown: list[str | None] = []
        self.start()

    def build_detail(self) -> QWidget:
        self.label = QLabel()
        return self.label

    def key(self, item: str) -> str:
        return item

    def load(self) -> list[str]:
        return list(self.letters)

    def describe(self, item: str) -> str:
        return item.upper()

    def show_item(self, item: str | None) -> None:
        self.shown.append(item)

    def remove_current(self) -> bool:
        item = self.current()

        def work() -> None:
            if item == "x":
                raise InvalidInputError("x cannot go.")
            self.letters.remove(str(item))

        return self.decide(work)


def test_the_three_dialogs_share_the_base() -> None:
    for dialog in (HistoryDialog, ConflictsDialog, ProposalsDialog):
        assert issubclass(dialog, ListDiffDialog)


def test_a_decided_item_gives_its_row_to_the_next_and_the_end_says_so(
    window: Any, tmp_path: Path, messages: Any
) -> None:
    assert window.open_project(make_project(tmp_path))
    dialog = Letters(window.ctx, ["a", "b", "x"])
    settle()  # the items are read off the GUI thread
    model = dialog.model
    assert [model.data(model.index(r)) for r in range(3)] == ["A", "B", "X"]
    assert dialog.shown[-1] == "a"
    dialog.set_current_row(1)
    told: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: told.append(("reset", -1, -1)))
    model.rowsRemoved.connect(lambda _p, first, last: told.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: told.append(("inserted", first, last)))
    model.dataChanged.connect(lambda a, b: told.append(("changed", a.row(), b.row())))
    assert dialog.remove_current()
    settle()
    assert dialog.current() == "x" and dialog.shown[-1] == "x"
    assert told == [("removed", 1, 1)]  # only the decided row: no reset, nothing redrawn
    assert dialog.remove_current()
    settle()
    assert messages[-1] == "x cannot go." and dialog.letters == ["a", "x"]
    dialog.letters.clear()
    dialog.refresh()
    settle()
    assert dialog.current() is None and dialog.shown[-1] is None
    dialog.close()
