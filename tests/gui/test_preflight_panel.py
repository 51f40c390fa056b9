"""The Preflight dock checks in the background and jumps to what it reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.services import passages
from tests.gui.conftest import drain, make_project
from tests.gui.test_workflow import _cite, _import_text


@pytest.fixture
def opened(window: Any, tmp_path: Path) -> Any:
    assert window.open_project(make_project(tmp_path))
    return window


def test_problems_are_listed_and_lead_to_their_passage(
    opened: Any, qtbot: Any, tmp_path: Path
) -> None:
    _import_text(opened, qtbot, tmp_path)
    passage_id = _cite(opened, qtbot, "Capacity building")
    other = _cite(opened, qtbot, "digital commons")
    panel = opened.workspace.preflight
    opened.workspace.show_preflight()
    panel.refresh()
    drain(qtbot)
    # Two passages without a response, and their party's section that prints nothing.
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    assert panel.summary.text() == "3 problems to fix before sending."
    first = next(
        i for i in range(model.rowCount()) if "Capacity building" in model.data(model.index(i))
    )
    opened.ctx.select_passage(None)
    panel.list.clicked.emit(model.index(first))
    assert opened.ctx.passage_id == passage_id

    # a passage gone: the next check removes its problem's row, and touches no other
    told: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: told.append(("reset", -1, -1)))
    model.rowsRemoved.connect(lambda _p, a, b: told.append(("removed", a, b)))
    model.rowsInserted.connect(lambda _p, a, b: told.append(("inserted", a, b)))
    model.dataChanged.connect(lambda a, b: told.append(("changed", a.row(), b.row())))
    gone = next(i for i in range(model.rowCount()) if other in model.rows[i][0])
    passages.delete_passage(opened.ctx.store, other)
    panel.refresh()
    drain(qtbot)
    assert told == [("removed", gone, gone)]
    assert panel.summary.text() == "2 problems to fix before sending."


def test_a_second_request_while_checking_runs_once_more(opened: Any, qtbot: Any) -> None:
    panel = opened.workspace.preflight
    panel.refresh()
    panel.refresh()  # arrives while the first check runs: queued, not run in parallel
    drain(qtbot)
    qtbot.waitUntil(lambda: not panel._checking, timeout=10_000)
    assert panel.summary.text() == "No problems found: ready to export."
