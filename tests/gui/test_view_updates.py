"""An edit updates the views row by row: no list is reset, re-read whole or laid out again.

Issue 13's scale budget (any edit reaches every view in 50 ms on 20,000
passages) holds only while each view touches the rows an operation's changes
name. These tests count what the views do after one edit — model resets,
full layouts of a list, rows drawn afresh, reads of the project on the GUI
thread — so that a view going back to refilling itself fails here, without
timing anything (the time is measured by ``bench/scale.py``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core import sending
from app.core.document import ImportedText, Page, Paragraph, ParagraphKind
from app.core.services import passages, responses, review, sections, sources
from app.core.store import ProjectStore
from app.gui import blocks_panel, outline_panel
from app.gui.rowmodel import RowListModel
from tests.gui.conftest import make_project, settle

PASSAGES = 12


def _text(party: str) -> ImportedText:
    lines = [
        f"{n}. {party} proposes measure number {n} for the working group." for n in range(1, 30)
    ]
    parts, paragraphs, offset = [], [], 0
    for n, line in enumerate(lines, 1):
        paragraphs.append(Paragraph(offset, offset + len(line), ParagraphKind.BODY, f"{n}."))
        parts.append(line)
        offset += len(line) + 1
    return ImportedText("\n".join(parts) + "\n", [Page(0, 0, offset, "1")], paragraphs)


def _project(tmp_path: Path) -> Path:
    """Three submissions of twelve answered passages each."""
    path = make_project(tmp_path)
    with ProjectStore.open(path) as store:
        for party in ("Arcadia", "Borealis", "Caledonia"):
            imported = _text(party)
            source = sources.add_source(
                store, imported, imported.text.encode(), filename=f"{party}.txt", label=party
            )
            for n in range(PASSAGES):
                start = imported.paragraphs[n].start
                passage = passages.cite_span(store, source, start, start + 30)
                responses.save_response(store, passage, f"We agree with {party} {n}.")
    return path


class Calls:
    """Calls of core read functions, by name and by whether the GUI thread made them."""

    def __init__(self) -> None:
        self.gui: Counter[str] = Counter()
        self.background: Counter[str] = Counter()

    def clear(self) -> None:
        self.gui.clear()
        self.background.clear()

    def wrap(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            on_gui = threading.current_thread() is threading.main_thread()
            (self.gui if on_gui else self.background)[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


class Drawn:
    """The ids of the rows a model made its look for (the view asked: drawn afresh)."""

    def __init__(self, model: RowListModel[Any]) -> None:
        self.ids: list[str] = []
        self.model = model
        render = model._render

        def counted(row: Any, number: int) -> Any:
            self.ids.append(model._key(row))
            return render(row, number)

        model._render = counted


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    found = Calls()
    found.wrap(monkeypatch, passages, "list_passages")
    found.wrap(monkeypatch, sources, "list_sources")
    found.wrap(monkeypatch, sections, "list_sections")
    found.wrap(monkeypatch, outline_panel, "section_headings")
    # what the Response editor shows of a passage
    found.wrap(monkeypatch, passages, "get_passage")
    found.wrap(monkeypatch, responses, "response_version")
    found.wrap(monkeypatch, review, "status_history")
    # whether the current source or passage is gone
    found.wrap(monkeypatch, sources, "source_exists")
    found.wrap(monkeypatch, passages, "passage_source")
    return found


@pytest.fixture
def shown(window: Any, tmp_path: Path) -> Iterator[Any]:
    """The window on the project, the second source and its fourth passage current."""
    assert window.open_project(_project(tmp_path))
    settle()
    ws, ctx = window.workspace, window.ctx
    ctx.select_source(ws.sources.infos[1].id)
    settle()
    ctx.select_passage(ws.passages.items[3].id)
    settle()
    assert len(ws.passages.items) == PASSAGES
    yield window


def _counters(ws: Any) -> dict[str, int]:
    views = {"passages": ws.passages, "sources": ws.sources, "outline": ws.outline}
    counts = {f"{name} resets": v.model.resets for name, v in views.items()}
    counts.update({f"{name} layouts": v.list.layouts for name, v in views.items()})
    return counts


def test_a_response_edit_redraws_its_row_only(shown: Any, calls: Calls) -> None:
    ws = shown.workspace
    edited = ws.passages.items[3].id
    before = _counters(ws)
    drawn = Drawn(ws.passages.model)
    calls.clear()
    ws.editor.editor.insertPlainText(" And more.")
    ws.editor.commit()
    settle()
    assert "And more." in ws.passages.model.rows[3].response_text
    assert _counters(ws) == before  # no reset, no list laid out again
    assert set(drawn.ids) <= {edited}
    # neither the source's passages nor the sources' counts were read on the GUI thread
    assert not calls.gui, calls.gui
    assert calls.background["list_sources"] >= 1


def test_a_source_rename_reads_the_lists_off_the_gui_thread(shown: Any, calls: Calls) -> None:
    ws = shown.workspace
    renamed = ws.sources.infos[1]
    section = next(s for s in ws.outline.infos if s.source_id == renamed.id)
    before = _counters(ws)
    sources_drawn, outline_drawn = Drawn(ws.sources.model), Drawn(ws.outline.model)
    passages_drawn = Drawn(ws.passages.model)
    calls.clear()
    ws.sources.rename(renamed.id, "Dalmatia")
    settle()
    assert ws.sources.model.get(renamed.id).label == "Dalmatia"
    assert "Dalmatia" in ws.outline.heading(section)
    assert all(p.source_label == "Dalmatia" for p in ws.passages.items)
    assert _counters(ws) == before
    assert set(sources_drawn.ids) <= {renamed.id}
    assert set(outline_drawn.ids) <= {section.id}
    assert not passages_drawn.ids  # a passage's row does not show its source's label
    for name in ("list_sources", "section_headings", "list_sections", "source_exists"):
        assert not calls.gui[name] and calls.background[name] >= 1, name
    assert shown.ctx.source_id == renamed.id  # checked, and still there


def test_a_note_redraws_its_row_only(shown: Any, calls: Calls) -> None:
    ws = shown.workspace
    noted = ws.passages.items[5].id
    before = _counters(ws)
    drawn = Drawn(ws.passages.model)
    calls.clear()
    ws.passages.add_note(noted, "Ask the capital")
    settle()
    assert ws.passages.noted.get(noted) == 1
    assert "✎ 1" in ws.passages.row_text(5)
    assert _counters(ws) == before
    assert set(drawn.ids) <= {noted}
    assert not calls.gui["list_passages"] and not calls.gui["list_sources"]


def test_a_citation_adds_one_row_without_a_reset(shown: Any, calls: Calls) -> None:
    ws = shown.workspace
    kept = [p.id for p in ws.passages.items]
    resets = ws.passages.model.resets
    ws.reader.view.select_span(1500, 1530)
    assert ws.cite_selection()
    settle()
    assert [p.id for p in ws.passages.items][: len(kept)] == kept
    assert len(ws.passages.items) == len(kept) + 1
    assert ws.passages.model.resets == resets
    assert not calls.gui["list_sources"]


def test_a_changed_row_that_grows_is_laid_out_again(shown: Any) -> None:
    """Only a row whose height changed makes the list lay itself out again."""
    ws = shown.workspace
    view, model = ws.passages.list, ws.passages.model
    settle()
    layouts = view.layouts
    model.changed(3, 3)
    settle()
    assert view.layouts == layouts
    height = view.visualRect(model.index(3)).height()
    first = model.rows[3]
    longer = first.__class__(**{**first.__dict__, "quote": "A much longer printed quote " * 6})
    model.update({first.id: longer})
    settle()
    assert view.layouts == layouts + 1
    assert view.visualRect(model.index(3)).height() > height


def test_choosing_a_source_reads_it_off_the_gui_thread(
    shown: Any, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text and passages are read in the background and shown together; the newest choice wins."""
    ws, ctx = shown.workspace, shown.ctx
    calls.wrap(monkeypatch, sources, "source_text")
    shown_sources: list[str | None] = []
    set_source = ws.reader.view.set_source

    def recorded(text: Any) -> None:
        shown_sources.append(text.source_id if text is not None else None)
        set_source(text)

    monkeypatch.setattr(ws.reader.view, "set_source", recorded)
    first, second, third = (info.id for info in ws.sources.infos)
    calls.clear()
    ctx.select_source(third)
    ctx.select_source(first)  # clicked through: only the last choice is shown
    # until the reads are back, the reader and the list keep the source they showed
    assert ws.reader.view.source.source_id == second
    assert {p.source_id for p in ws.passages.items} == {second}
    settle()
    assert shown_sources == [first]  # never cleared, never the one clicked past
    assert ws.reader.view.source.source_id == first
    assert {p.source_id for p in ws.passages.items} == {first}
    assert len(ws.passages.items) == PASSAGES
    assert len(ws.reader.view.passages) == PASSAGES  # its highlights came with it
    assert not calls.gui, calls.gui
    assert calls.background["source_text"] >= 1 and calls.background["list_passages"] >= 1


EDITOR_READS = ("get_passage", "response_version", "status_history")


def test_choosing_a_passage_reads_it_off_the_gui_thread(
    shown: Any, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor keeps what it shows until the read is back; the newest choice wins."""
    ws, ctx = shown.workspace, shown.ctx
    editor = ws.editor
    before, text = editor.passage.id, editor.editor.toPlainText()
    loaded: list[str | None] = []
    load = editor.load

    def recorded(read: Any) -> None:
        loaded.append(read.passage_id if read is not None else None)
        load(read)

    monkeypatch.setattr(editor, "load", recorded)
    clicked_past, chosen = ws.passages.items[5].id, ws.passages.items[7].id
    calls.clear()
    ctx.select_passage(clicked_past)
    ctx.select_passage(chosen)
    assert editor.passage.id == before and editor.editor.toPlainText() == text  # no blank
    settle()
    assert loaded == [chosen]
    assert editor.passage.id == chosen
    assert editor.editor.toPlainText() == "We agree with Borealis 7."
    assert not calls.gui, calls.gui
    assert calls.background["get_passage"] >= 1


def test_a_response_changed_by_an_undo_is_read_off_the_gui_thread(shown: Any, calls: Calls) -> None:
    ws = shown.workspace
    editor = ws.editor
    editor.editor.insertPlainText(" And more.")
    editor.commit()
    settle()
    calls.clear()
    shown.ctx.undo_stack.undo()
    settle()
    assert editor.editor.toPlainText() == "We agree with Borealis 3."
    assert "And more." not in ws.passages.model.rows[3].response_text
    for name in EDITOR_READS:
        assert not calls.gui[name], name
    assert calls.background["get_passage"] >= 1


def test_a_background_read_never_overwrites_what_is_being_typed(shown: Any) -> None:
    """A colleague's save read while the user types: the typed text stays, and is saved."""
    ws, ctx = shown.workspace, shown.ctx
    editor = ws.editor
    passage_id = editor.passage.id
    responses.save_response(ctx.store, passage_id, "Their text.")
    ctx.notify("responses")  # the read starts now, in the background
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    editor.editor.insertPlainText(" Typed meanwhile.")
    settle()
    assert editor.editor.toPlainText() == "We agree with Borealis 3. Typed meanwhile."
    editor.commit()
    settle()
    stored = passages.get_passage(ctx.store, passage_id)
    assert stored is not None and stored.response_text.endswith("Typed meanwhile.")


def test_a_current_passage_undone_is_found_gone_off_the_gui_thread(
    shown: Any, calls: Calls
) -> None:
    ws, ctx = shown.workspace, shown.ctx
    ws.reader.view.select_span(1500, 1530)
    assert ws.cite_selection()
    settle()
    cited = ctx.passage_id
    assert cited is not None and ws.passages.model.get(cited) is not None
    calls.clear()
    ctx.undo_stack.undo()
    settle()
    assert ctx.passage_id != cited  # forgotten (the list may have made a neighbour current)
    assert ctx.source_id == ws.sources.infos[1].id
    assert not calls.gui["passage_source"] and calls.background["passage_source"] >= 1
    assert not calls.gui["source_exists"]


FILTER_READS = ("list_responses", "unpositioned_passages", "changed_passages")


def test_the_passages_filter_reads_off_the_gui_thread(
    shown: Any, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a filter, and an edit while it is on, read what it lets through elsewhere."""
    ws = shown.workspace
    panel = ws.passages
    calls.wrap(monkeypatch, review, "list_responses")
    calls.wrap(monkeypatch, responses, "unpositioned_passages")
    calls.wrap(monkeypatch, sending, "changed_passages")
    calls.clear()
    panel.filter.set_filter(None, "agreed")  # every response is a draft: none is shown
    assert not any(panel.list.isRowHidden(r) for r in range(PASSAGES))  # until the read is back
    settle()
    assert all(panel.list.isRowHidden(r) for r in range(PASSAGES))
    ws.editor.editor.insertPlainText(" And more.")
    ws.editor.commit()
    settle()
    assert "And more." in panel.model.rows[3].response_text
    assert all(panel.list.isRowHidden(r) for r in range(PASSAGES))
    panel.filter.show_only_these("no_position")
    panel.filter.set_filter(None, None)
    settle()
    assert not any(panel.list.isRowHidden(r) for r in range(PASSAGES))  # none has a position
    for name in FILTER_READS:
        assert not calls.gui[name], name
    assert calls.background["list_responses"] >= 1
    assert calls.background["unpositioned_passages"] >= 1


def test_the_current_source_removed_is_forgotten_off_the_gui_thread(
    shown: Any, calls: Calls
) -> None:
    """Found gone in the background, then forgotten: the reader and the list follow."""
    ws, ctx = shown.workspace, shown.ctx
    removed = ctx.source_id
    ws.sources.list.setCurrentIndex(ws.sources.model.index(1))
    calls.clear()
    ws.sources.remove_action.trigger()
    settle()
    assert removed not in {info.id for info in ws.sources.infos}
    assert ctx.source_id != removed  # forgotten (the list may have made another current)
    shown_source = ws.reader.view.source
    assert (shown_source.source_id if shown_source else None) == ctx.source_id
    assert all(p.source_id == ctx.source_id for p in ws.passages.items)
    assert not calls.gui["source_exists"] and calls.background["source_exists"] >= 1


def test_choosing_a_section_reads_its_blocks_off_the_gui_thread(
    shown: Any, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Blocks panel's headings name every party: choosing a section reads them, and the
    section's blocks, on the pool; the panel keeps what it showed until they arrive."""
    calls.wrap(monkeypatch, blocks_panel, "section_headings")
    calls.wrap(monkeypatch, sections, "list_blocks")
    ws = shown.workspace
    blocks = ws.collab.blocks
    first, second = ws.outline.infos[0], ws.outline.infos[1]
    blocks.set_section(first.id)
    settle()
    assert ws.outline.heading(first) in blocks.heading.text()
    calls.clear()
    blocks.set_section(second.id)
    assert ws.outline.heading(first) in blocks.heading.text()  # not yet read: unchanged
    settle()
    assert ws.outline.heading(second) in blocks.heading.text()
    for name in ("section_headings", "list_blocks"):
        assert not calls.gui[name] and calls.background[name] >= 1, name
    assert blocks.blocks == sections.list_blocks(shown.ctx.store, second.id)
