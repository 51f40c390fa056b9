"""The Similar passages dock: matches for the selected passage, and acting on one (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget

from app.core.services import passages, sections, sources
from app.core.services import responses as response_service
from app.gui import i18n
from app.importers.text import import_text
from tests.gui.conftest import drain, make_project, settle
from tests.gui.test_item_models import spy

EU = (
    "1. We believe that enhanced cooperation should enable governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. We refer to our comments above on the contribution from the European Union.\n"
)
JAPAN = (
    "1. In our view enhanced cooperation should enable all governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. Spectrum allocation for satellites in orbit was discussed at length.\n"
)


def _add(store: Any, text: str, label: str) -> str:
    return sources.add_source(
        store, import_text(text), text.encode(), filename=f"{label}.txt", label=label
    )


@pytest.fixture
def project(window: Any, tmp_path: Path, qtbot: Any) -> tuple[Any, str, str, str]:
    i18n.install(QApplication.instance(), "en")  # as the app starts: English's plural forms
    assert window.open_project(make_project(tmp_path))
    store = window.ctx.store
    eu, japan = _add(store, EU, "European Union"), _add(store, JAPAN, "Japan")
    ours = passages.cite_quote(
        store,
        eu,
        "We believe that enhanced cooperation should enable governments, on an equal footing",
    )
    response_service.respond(store, ours, "We <b>agree</b>.", position="agree")
    window.ctx.notify()
    return window, ours, eu, japan


def _select(window: Any, qtbot: Any, passage_id: str) -> Any:
    panel = window.workspace.similar
    window.findChild(QDockWidget, "SimilarDock").raise_()
    window.ctx.select_passage(passage_id)
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(panel.matches), timeout=10_000)
    return panel


def test_selecting_a_passage_lists_the_paraphrase_in_the_other_source(
    project: Any, qtbot: Any
) -> None:
    window, ours, _eu, japan = project
    panel = _select(window, qtbot, ours)
    [match] = panel.matches
    assert match.source_id == japan
    assert match.text.startswith("In our view enhanced cooperation")
    assert panel.model.rowCount() == 1
    assert panel.row_text(0).startswith(f"{match.score:.2f} · Japan")
    assert panel.summary.text() == "1 similar passage in other sources."
    assert panel.cite_button.isEnabled() and panel.same_button.isEnabled()


def test_same_answer_cites_the_match_shares_our_answer_and_undoes_as_one_step(
    project: Any, qtbot: Any
) -> None:
    window, ours, _eu, japan = project
    store = window.ctx.store
    panel = _select(window, qtbot, ours)
    told = spy(panel.model)
    command = panel.answer_current()
    settle()
    assert command is not None
    drain(qtbot)
    theirs = command.result
    assert isinstance(theirs, str)
    infos = {p.id: p for p in passages.list_passages(store)}
    assert infos[theirs].source_id == japan
    assert infos[theirs].same_as_id == ours
    assert infos[theirs].response_text == infos[ours].response_text == "We <b>agree</b>."
    qtbot.waitUntil(lambda: panel.matches and panel.matches[0].response_id is not None)
    assert "Our answer" in panel.row_text(0)
    assert set(told) == {("changed", 0, 0)}  # the match's row redrawn, no reset, no refill
    window.workspace.undo_action.trigger()
    drain(qtbot)
    assert theirs not in {p.id for p in passages.list_passages(store)}


def test_refer_writes_a_cross_reference_in_the_other_partys_section(
    project: Any, qtbot: Any
) -> None:
    window, ours, eu, japan = project
    store = window.ctx.store
    panel = _select(window, qtbot, ours)
    command = panel.refer_current()
    settle()
    assert command is not None
    drain(qtbot)
    block_id = command.result
    assert isinstance(block_id, str)
    by_source = {s.source_id: s.id for s in sections.list_sections(store)}
    [block] = [b for b in sections.list_blocks(store, by_source[japan]) if b.id == block_id]
    assert block.target_section_id == by_source[eu]


def test_same_answer_as_from_the_passages_menu(project: Any, qtbot: Any) -> None:
    window, ours, _eu, japan = project
    store = window.ctx.store
    theirs = passages.cite_quote(store, japan, "Spectrum allocation for satellites")
    window.ctx.notify()
    drain(qtbot)
    window.workspace.passages.share_answer(theirs, ours)
    settle()
    infos = {p.id: p for p in passages.list_passages(store)}
    assert infos[theirs].same_as_id == ours
    assert infos[theirs].response_text == "We <b>agree</b>."


def test_a_hidden_dock_looks_up_only_once_shown(project: Any, qtbot: Any) -> None:
    window, ours, _eu, japan = project
    panel = window.workspace.similar
    window.findChild(QDockWidget, "OutlineDock").raise_()
    qtbot.waitUntil(lambda: not panel.in_view())
    window.ctx.select_passage(ours)
    drain(qtbot)
    assert panel.matches == []
    window.findChild(QDockWidget, "SimilarDock").raise_()
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(panel.matches), timeout=10_000)
    assert panel.matches[0].source_id == japan
