"""The Outline: topics keep their id through undo/redo; openings keep their formatting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.services import sections
from tests.gui.conftest import make_project, settle


def test_redo_of_add_topic_restores_the_same_section(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    outline.add_section("Privacy")
    settle()
    first = [s.id for s in sections.list_sections(window.ctx.store)]
    window.ctx.undo_stack.undo()
    settle()
    assert sections.list_sections(window.ctx.store) == []
    window.ctx.undo_stack.redo()
    settle()
    assert [s.id for s in sections.list_sections(window.ctx.store)] == first


def test_opening_and_closing_keep_markup(window: Any, qtbot: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    outline = window.workspace.outline
    outline.add_section("Preliminary remark")
    settle()
    outline.select_row(0)
    qtbot.waitUntil(lambda: outline.loaded is not None)
    opening = (
        'We <b>support</b> <u>this</u> <a href="https://x.org">paper</a><fn>See <i>A/1</i>.</fn>.'
    )
    outline.opening.set_markup(opening)
    outline.closing.set_markup("<i>Thank you.</i>")
    outline.flush()
    settle()
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
    settle()
    outline.add_section("Privacy")
    settle()
    outline.select_row(0)
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
    outline.select_row(1)
    qtbot.waitUntil(lambda: outline.loaded is not None and outline.loaded[0] != first_id)
    settle()
    first = sections.list_sections(window.ctx.store)[0]
    assert first.opening == "We support this paper. Indeed."
    assert outline.opening.markup() == ""


def test_shared_answers_print_as_a_cross_reference_when_the_section_says_so(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Issue 16 §2: the section setting is a check box of the Outline, one undoable step."""
    from app.core.contribution import build_contribution, read_project
    from app.core.contribution.model import CitationsBlock
    from app.core.services import passages, responses, shared_answers
    from app.core.store import ProjectStore
    from tests.core.factories import add_text_source

    path = make_project(tmp_path)
    with ProjectStore.open(path) as store:
        eu = add_text_source(store, "1. We refer to our comments above on the EU paper.\n", "EU")
        japan = add_text_source(store, "1. We refer to our comments above on Japan.\n", "Japan")
        first = passages.cite_quote(store, eu, "We refer to our comments above")
        second = passages.cite_quote(store, japan, "We refer to our comments above")
        responses.respond(store, first, "We agree.", status="proposed")
        shared_answers.share_answer(store, second, first)
    assert window.open_project(path)
    store = window.ctx.store
    outline = window.workspace.outline

    def printed() -> str:
        tree = build_contribution(read_project(store))
        return next(
            c.comment.markup
            for s in tree.sections
            for b in s.blocks
            if isinstance(b, CitationsBlock)
            for c in b.citations
            if c.quote.passage_id == second and c.comment is not None
        )

    def japan_setting() -> bool:
        return next(
            s for s in sections.list_sections(store) if s.source_id == japan
        ).shared_as_reference

    row = next(i for i, s in enumerate(outline.infos) if s.source_id == japan)
    outline.select_row(row)
    qtbot.waitUntil(lambda: outline.shared_box.isEnabled())
    assert not outline.shared_box.isChecked() and printed() == "We agree."
    outline.shared_box.click()
    qtbot.waitUntil(japan_setting)
    assert printed().startswith("We refer to our comments") and "EU" in printed()
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: not japan_setting())
    qtbot.waitUntil(lambda: not outline.shared_box.isChecked())
    assert printed() == "We agree."
    window.ctx.undo_stack.redo()
    qtbot.waitUntil(japan_setting)
    qtbot.waitUntil(outline.shared_box.isChecked)
