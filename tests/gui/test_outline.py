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


def test_opening_and_closing_keep_markup(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    outline.add_section("Preliminary remark")
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    opening = (
        'We <b>support</b> <u>this</u> <a href="https://x.org">paper</a><fn>See <i>A/1</i>.</fn>.'
    )
    outline.opening.set_markup(opening)
    outline.closing.set_markup("<i>Thank you.</i>")
    outline.save_button.click()
    info = sections.list_sections(window.ctx.store)[0]
    assert (info.opening, info.closing) == (opening, "<i>Thank you.</i>")
    outline.refresh()
    assert outline.opening.markup() == opening
