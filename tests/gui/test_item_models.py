"""The Notes dock and the changes-since-sent list update the one row an edit changed.

They used to clear their tree and fill it again after every change; now
their rows live in an item model that an operation's changes bring up to
date: an edited note redraws its own row, nothing is reset, nothing else
is inserted or removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel

from app.core import markup
from app.core.services import notes
from app.gui.rowmodel import RowTableModel, Shown
from tests.core.factories import populated
from tests.gui.conftest import settle

Told = list[tuple[str, int, int]]


def spy(model: QAbstractItemModel) -> Told:
    """What ``model`` tells its views: resets, insertions, removals and changed rows."""
    told: Told = []
    model.modelReset.connect(lambda: told.append(("reset", -1, -1)))
    model.rowsInserted.connect(lambda _p, a, b: told.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: told.append(("removed", a, b)))
    model.rowsMoved.connect(lambda *_a: told.append(("moved", -1, -1)))
    model.dataChanged.connect(lambda a, b: told.append(("changed", a.row(), b.row())))
    return told


def test_a_table_model_tells_one_changed_row_across_its_columns(qapp: Any) -> None:
    model: RowTableModel[tuple[str, str]] = RowTableModel(
        lambda r: r[0], ["Id", "Text"], lambda r, _n: [Shown(r[0]), Shown(r[1])]
    )
    model.sync([("a", "1"), ("b", "2"), ("c", "3")])
    columns: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: columns.append((a.column(), b.column())))
    told = spy(model)
    model.sync([("a", "1"), ("b", "two"), ("c", "3")])
    assert told == [("changed", 1, 1)] and columns == [(0, 1)]
    assert model.text(1, 1) == "two"


def test_editing_a_note_redraws_its_row_only(window: Any, tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    first = notes.add_note(store, passage_id, markup.escape("Ask the capital."))
    notes.add_note(store, "", markup.escape("They agree."), first)
    notes.add_note(store, passage_id, markup.escape("And the mission."))
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    window.ctx.select_passage(passage_id)
    settle()
    panel = window.workspace.collab.notes
    assert [panel.row_text(r) for r in range(3)] == [
        "Ask the capital.",
        "↳ They agree.",
        "And the mission.",
    ]
    told = spy(panel.model)
    panel.select_note(first)
    panel.edit_current("Ask the capital first.")
    settle()
    assert told == [("changed", 0, 0)]
    assert panel.row_text(0) == "Ask the capital first."
    panel.reply("Done.")
    settle()
    assert told[1:] == [("inserted", 2, 2)]  # the new reply, after the earlier one
    assert panel.row_text(2) == "↳ Done."
