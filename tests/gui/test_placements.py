"""The window's confirmation flow for placements on a new version (issue 17 §4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.services import passages, sources
from app.gui.dialogs.placements import PlacementsDialog, ReattachDialog
from app.importers.text import import_text
from tests.gui.conftest import drain, make_project

PAPER = (
    "Paper of the Federation\n"
    "1. Each Party shall publish its national strategy for data protection by 2026.\n"
    "2. The secretariat shall report on progress to the plenary every year.\n"
    "3. These measures enter into force on signature.\n"
)
REV1 = (
    "Paper of the Federation\n"
    "1. Each Party shall publish its national strategy for personal data protection by 2026.\n"
    "2. These measures enter into force on signature.\n"
    "Issued as Rev.1 in Geneva.\n"
)
FUZZY = "Each Party shall publish its national strategy for data protection by 2026."
LOST = "The secretariat shall report on progress to the plenary every year."


@pytest.fixture
def revised(window: Any, tmp_path: Path, qtbot: Any) -> tuple[Any, str, str, str]:
    assert window.open_project(make_project(tmp_path))
    store = window.ctx.store
    source = sources.add_source(
        store, import_text(PAPER), PAPER.encode(), filename="f.txt", label="Federation"
    )
    fuzzy = passages.cite_quote(store, source, FUZZY)
    lost = passages.cite_quote(store, source, LOST)
    report = sources.add_version(store, source, import_text(REV1), REV1.encode(), filename="r.txt")
    assert [p.kind for p in report.placements] == ["fuzzy", "orphan"]
    window.ctx.notify()
    return window, source, fuzzy, lost


def _shot(widget: Any, path: Path) -> None:
    assert widget.grab().save(str(path))


def test_fuzzy_placement_is_confirmed_and_the_quote_updated(
    revised: tuple[Any, str, str, str], qtbot: Any, tmp_path: Path
) -> None:
    window, source, fuzzy, lost = revised
    dialog = window.workspace.source_actions.check_placements(source)
    drain(qtbot)  # the list is read off the GUI thread
    qtbot.waitExposed(dialog)
    assert [p.passage_id for p in dialog.items] == [fuzzy, lost]
    # Old and new text side by side, the new one with its surroundings.
    assert FUZZY in dialog.old_text.toPlainText()
    shown = dialog.new_text.toPlainText()
    assert "personal data protection" in shown and "Rev.1" in dialog.new_label.text()
    assert "score" in dialog.status.text()
    assert dialog.confirm_button.isEnabled() and not dialog.quote_button.isEnabled()
    _shot(dialog, tmp_path / "placements-fuzzy.png")
    told: list[tuple[str, int, int]] = []
    model = dialog.model
    model.modelReset.connect(lambda: told.append(("reset", -1, -1)))
    model.rowsRemoved.connect(lambda _p, first, last: told.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: told.append(("inserted", first, last)))
    model.dataChanged.connect(lambda a, b: told.append(("changed", a.row(), b.row())))
    dialog.confirm_button.click()
    drain(qtbot)
    assert told == [("changed", 0, 0)]  # the confirmed row is redrawn, no other, no reset
    info = passages.get_passage(window.ctx.store, fuzzy)
    assert info is not None and info.quote == FUZZY  # confirmed, wording not yet taken
    assert dialog.current() is not None and dialog.current().confirmed
    assert dialog.quote_button.isEnabled()
    dialog.quote_button.click()
    drain(qtbot)
    info = passages.get_passage(window.ctx.store, fuzzy)
    assert info is not None and "personal data protection" in info.quote
    _shot(dialog, tmp_path / "placements-confirmed.png")
    dialog.close()


def test_orphan_is_reattached_by_hand_or_kept(
    revised: tuple[Any, str, str, str],
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, source, _fuzzy, lost = revised
    dialog = window.workspace.source_actions.check_placements(source)
    drain(qtbot)  # the list is read off the GUI thread
    dialog.set_row(1)
    assert dialog.current() is not None and dialog.current().passage_id == lost
    assert "Not placed" in dialog.new_text.toPlainText()
    assert not dialog.confirm_button.isEnabled() and dialog.orphan_button.isEnabled()
    _shot(dialog, tmp_path / "placements-orphan.png")

    # The re-attach dialog selects words of the new version, as a user's drag does.
    picked = REV1.index("These measures enter into force")
    chooser = ReattachDialog(dialog, REV1, dialog.current())
    chooser.choose_span(picked, picked + len("These measures enter into force"))
    assert chooser.span() == (picked, picked + 31)
    _shot(chooser, tmp_path / "placements-reattach.png")
    chooser.close()
    monkeypatch.setattr(
        ReattachDialog, "get_data", classmethod(lambda cls, *a: ((picked, picked + 31), True))
    )
    dialog.reattach_button.click()
    drain(qtbot)
    info = passages.get_passage(window.ctx.store, lost)
    assert info is not None and info.exact == "These measures enter into force"
    assert not info.orphan
    dialog.orphan_button.click()
    drain(qtbot)
    info = passages.get_passage(window.ctx.store, lost)
    assert info is not None and info.orphan
    assert lost not in [p.passage_id for p in dialog.items]
    dialog.close()


def test_menu_opens_the_placements_of_every_source(
    revised: tuple[Any, str, str, str], qtbot: Any
) -> None:
    window, _source, fuzzy, lost = revised
    window.workspace.source_actions.placements_action.trigger()
    drain(qtbot)
    dialog = window.workspace.source_actions.placements_dialog
    assert isinstance(dialog, PlacementsDialog)
    assert {p.passage_id for p in dialog.items} == {fuzzy, lost}
    dialog.close()
