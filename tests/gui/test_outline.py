"""The Outline: topics keep their id through undo/redo; openings keep their formatting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.services import sections
from tests.gui.conftest import make_project


def test_redo_of_add_topic_restores_the_same_section(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    outline.add_section("Privacy")
    first = [s.id for s in sections.list_sections(window.ctx.store)]
    window.ctx.undo_stack.undo()
    assert sections.list_sections(window.ctx.store) == []
    window.ctx.undo_stack.redo()
    assert [s.id for s in sections.list_sections(window.ctx.store)] == first


def test_opening_and_closing_keep_markup(window: Any, qtbot: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    outline.add_section("Preliminary remark")
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    qtbot.waitUntil(lambda: outline.loaded is not None)
    opening = (
        'We <b>support</b> <u>this</u> <a href="https://x.org">paper</a><fn>See <i>A/1</i>.</fn>.'
    )
    outline.opening.set_markup(opening)
    outline.closing.set_markup("<i>Thank you.</i>")
    outline.flush()
    info = sections.list_sections(window.ctx.store)[0]
    assert (info.opening, info.closing) == (opening, "<i>Thank you.</i>")
    outline.refresh()
    assert outline.opening.markup() == opening


def test_opening_is_kept_without_a_save_button(window: Any, qtbot: Any, tmp_path: Path) -> None:
    """Issue 10 §8: typing is enough; switching sections or waiting keeps the text."""
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    assert not hasattr(outline, "save_button")
    outline.add_section("Preliminary remark")
    outline.add_section("Privacy")
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    qtbot.waitUntil(lambda: outline.loaded is not None)
    first_id = outline.loaded[0]
    outline.opening.text.setFocus()
    qtbot.keyClicks(outline.opening.text, "We support this paper.")
    qtbot.waitUntil(
        lambda: sections.list_sections(window.ctx.store)[0].opening == "We support this paper.",
        timeout=5_000,
    )
    assert outline.opening.text.textCursor().position() == len("We support this paper.")
    qtbot.keyClicks(outline.opening.text, " Indeed.")
    outline.tree.setCurrentItem(outline.tree.topLevelItem(1))
    qtbot.waitUntil(lambda: outline.loaded is not None and outline.loaded[0] != first_id)
    first = sections.list_sections(window.ctx.store)[0]
    assert first.opening == "We support this paper. Indeed."
    assert outline.opening.markup() == ""
