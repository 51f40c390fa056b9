"""The delegate's workflow through the real widgets: import, cite, respond, reorder, undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor

from app.core.services import passages, sources
from tests.gui.conftest import Messages, drain, make_project, settle

TEXT = (
    "Paper of the Federation 😀 on cooperation\n"
    "1. We welcome the 😀 emoji era and the 𠀋 rare sign.\n"
    "2. 数字公域 matters: digital commons must stay open.\n"
    "3. Capacity building should be demand-driven."
)


def _u16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.fixture
def opened(window: Any, tmp_path: Path) -> Any:
    assert window.open_project(make_project(tmp_path))
    return window


def _drop(window: Any, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def _import_text(window: Any, qtbot: Any, tmp_path: Path) -> str:
    path = tmp_path / "federation.txt"
    path.write_text(TEXT, encoding="utf-8")
    _drop(window, [path])
    drain(qtbot)
    infos = sources.list_sources(window.ctx.store)
    assert len(infos) == 1
    return str(infos[0].id)


def _cite(window: Any, qtbot: Any, phrase: str) -> str:
    drain(qtbot)  # a source just chosen is read off the GUI thread, then shown
    view = window.workspace.reader.view
    text = view.source.text
    start = text.index(phrase)
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(start))
    end = view.offsets.to_qt(start + len(phrase), after_breaks=False)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    # A progress dialog shown during a slow import takes activation with it when it
    # closes; there is no window manager offscreen to give it back, as a desktop would.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    view.setFocus()
    before = window.ctx.passage_id
    qtbot.keyClick(
        view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.ctx.passage_id not in (None, before), timeout=10_000)
    drain(qtbot)  # the new row is read off the GUI thread too
    return str(window.ctx.passage_id)


def test_drop_text_and_docx_then_cite_after_emoji_and_cjk(
    opened: Any, qtbot: Any, tmp_path: Path
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Contribution of the Republic of Arcadia")
    document.add_paragraph("Arcadia proposes a council on digital matters.")
    docx_path = tmp_path / "arcadia.docx"
    document.save(str(docx_path))
    txt_path = tmp_path / "federation.txt"
    txt_path.write_text(TEXT, encoding="utf-8")
    _drop(opened, [txt_path, docx_path])
    drain(qtbot)
    infos = sources.list_sources(opened.ctx.store)
    assert [i.filename for i in infos] == ["federation.txt", "arcadia.docx"]
    assert opened.workspace.sources.model.rowCount() == 2
    fed = infos[0].id
    opened.ctx.select_source(fed)
    phrases = ["emoji era", "rare sign", "digital commons must stay open"]
    ids = [_cite(opened, qtbot, phrase) for phrase in phrases]
    settle()
    stored = {p.id: p.exact for p in passages.list_passages(opened.ctx.store, fed)}
    assert [stored[i] for i in ids] == phrases
    assert len(opened.workspace.reader.view.extraSelections()) == 3


def test_respond_with_underline_and_footnote(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    _import_text(opened, qtbot, tmp_path)
    passage_id = _cite(opened, qtbot, "Capacity building")
    settle()
    editor = opened.workspace.editor
    assert editor.passage is not None and editor.passage.id == passage_id
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, "We agree and recommend training")
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 8)
    editor.editor.setTextCursor(cursor)
    editor.underline.trigger()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    editor.insert_footnote("See annex 2.")
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    editor.commit()
    settle()
    info = next(p for p in passages.list_passages(opened.ctx.store) if p.id == passage_id)
    assert info.response_text == "We agree and recommend <u>training</u><fn>See annex 2.</fn>"
    assert info.response_status == "proposed"


def test_reorder_undo_redo(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    _import_text(opened, qtbot, tmp_path)
    first = _cite(opened, qtbot, "emoji era")
    settle()
    second = _cite(opened, qtbot, "rare sign")
    settle()
    third = _cite(opened, qtbot, "Capacity building")
    settle()
    panel = opened.workspace.passages

    def order() -> list[str]:
        return [p.id for p in passages.list_passages(opened.ctx.store)]

    assert order() == [first, second, third]
    panel.move_passage(third, 0)
    settle()
    assert order() == [third, first, second]
    assert panel.model.ids()[0] == third
    stack = opened.ctx.undo_stack
    stack.undo()
    settle()
    assert order() == [first, second, third]
    stack.undo()  # the third citation
    settle()
    assert order() == [first, second]
    stack.redo()
    settle()
    stack.redo()
    settle()
    assert order() == [third, first, second]


def test_remove_source_and_undo(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    source_id = _import_text(opened, qtbot, tmp_path)
    _cite(opened, qtbot, "rare sign")
    settle()
    opened.workspace.sources.list.setCurrentIndex(opened.workspace.sources.model.index(0))
    opened.workspace.sources.remove_action.trigger()
    settle()
    assert sources.list_sources(opened.ctx.store) == []
    opened.ctx.undo_stack.undo()
    settle()
    assert [s.id for s in sources.list_sources(opened.ctx.store)] == [source_id]
    assert len(passages.list_passages(opened.ctx.store)) == 1
    opened.workspace.sources.rename(source_id, "Federation of Borealis")
    settle()
    assert sources.list_sources(opened.ctx.store)[0].label == "Federation of Borealis"
    opened.ctx.undo_stack.undo()
    settle()
    assert sources.list_sources(opened.ctx.store)[0].label != "Federation of Borealis"


def test_broken_file_shows_dialog(
    opened: Any, qtbot: Any, tmp_path: Path, messages: Messages
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    _drop(opened, [broken])
    drain(qtbot)
    assert sources.list_sources(opened.ctx.store) == []
    assert messages and "broken.docx" in messages[-1]


def test_cite_without_selection_explains(
    opened: Any, qtbot: Any, tmp_path: Path, messages: Messages
) -> None:
    _import_text(opened, qtbot, tmp_path)
    assert not opened.workspace.cite_selection()
    settle()
    assert "Select some text" in messages[-1]


def test_export_docx(opened: Any, qtbot: Any, tmp_path: Path, messages: Messages) -> None:
    from app.gui import exporting
    from app.gui.dialogs.export import ExportData

    _import_text(opened, qtbot, tmp_path)
    _cite(opened, qtbot, "rare sign")
    settle()
    target = tmp_path / "out" / "contribution.docx"
    target.parent.mkdir()
    data = ExportData(target, "grouped", None, include_drafts=True, review_copy=False)
    exporting.export(opened, opened.ctx, data)
    drain(qtbot)
    assert target.exists() and target.read_bytes()[:2] == b"PK"
    assert any("saved as" in m for m in messages)


def test_search_panel_jumps(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    _import_text(opened, qtbot, tmp_path)
    opened.workspace.search_action.trigger()
    panel = opened.workspace.search
    panel.edit.setText("demand")
    panel.run()
    drain(qtbot)
    assert panel.model.rowCount() == 1
    panel._jump(panel.model.index(0))
    view = opened.workspace.reader.view
    assert view.selected_span() is not None
    start, _end = view.selected_span()
    assert view.source.text[start:].startswith("demand")


def test_drag_reorders_passages_and_sources(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QModelIndex

    _import_text(opened, qtbot, tmp_path)
    first = _cite(opened, qtbot, "emoji era")
    settle()
    second = _cite(opened, qtbot, "rare sign")
    settle()
    panel = opened.workspace.passages
    assert panel.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    qtbot.waitUntil(
        lambda: [p.id for p in passages.list_passages(opened.ctx.store)] == [second, first]
    )
    other = tmp_path / "other.txt"
    other.write_text("A second paper about open data.", encoding="utf-8")
    opened.workspace.import_files([other])
    drain(qtbot)
    labels = [s.filename for s in sources.list_sources(opened.ctx.store)]
    assert labels == ["federation.txt", "other.txt"]
    assert opened.workspace.sources.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    qtbot.waitUntil(
        lambda: (
            [s.filename for s in sources.list_sources(opened.ctx.store)]
            == ["other.txt", "federation.txt"]
        )
    )


def test_click_on_highlight_selects_passage(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    _import_text(opened, qtbot, tmp_path)
    first = _cite(opened, qtbot, "emoji era")
    settle()
    _cite(opened, qtbot, "Capacity building")
    settle()
    view = opened.workspace.reader.view
    text = view.source.text
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(text.index("emoji era") + 3))
    view.setTextCursor(cursor)
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.ctx.passage_id == first
    settle()  # the editor reads the passage off the GUI thread
    assert opened.workspace.editor.passage.id == first


def test_import_labels_are_guessed_and_editable(
    opened: Any, qtbot: Any, tmp_path: Path, messages: Messages, monkeypatch: Any
) -> None:
    from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice

    paper = tmp_path / "declaration.txt"
    paper.write_text("A declaration on open data.", encoding="utf-8")
    seen: list[list[LabelChoice]] = []

    def edit(cls: Any, parent: Any, guesses: list[LabelChoice]) -> Any:
        seen.append(guesses)
        return [LabelChoice(g.filename, "Open Data Charter", "reference") for g in guesses], True

    monkeypatch.setattr(ImportLabelsDialog, "get_data", classmethod(edit))
    opened.workspace.import_files([paper])
    drain(qtbot)
    assert seen and seen[0][0].label  # a guess was offered
    info = sources.list_sources(opened.ctx.store)[0]
    assert (info.label, info.kind) == ("Open Data Charter", "reference")


def test_import_labels_dialog_requires_labels(qtbot: Any) -> None:
    from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice

    dialog = ImportLabelsDialog(None, [LabelChoice("a.txt", "Arcadia", "submission")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.labels[0].setText("  ")
    assert not ok.isEnabled()


def test_an_import_prepares_its_sentence_index_while_reading_not_in_the_write(
    opened: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """The index's sentences and keys are made with the reading (the files pool), before the
    labels are asked for; the store's write, which holds the project's write lock, only
    writes them."""
    from app.core.similar import build
    from app.core.similar import prepare as prepare_module
    from app.gui.dialogs.import_labels import ImportLabelsDialog

    real = prepare_module.prepare
    calls: list[str] = []

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(prepare_module, "prepare", counted)
    monkeypatch.setattr(build, "prepare", counted)
    before_labels: list[int] = []

    def labels(cls: Any, parent: Any, guesses: list[Any]) -> Any:
        before_labels.append(len(calls))
        return guesses, True

    monkeypatch.setattr(ImportLabelsDialog, "get_data", classmethod(labels))
    paper = tmp_path / "statement.txt"
    paper.write_text(
        "Member States should keep full sovereignty over numbering resources in their "
        "territory.\n\nThe Secretariat should publish every contribution four weeks ahead.",
        encoding="utf-8",
    )
    opened.workspace.import_files([paper])
    drain(qtbot)
    assert before_labels == [1]  # prepared with the reading
    assert len(calls) == 1  # and not again when stored
    from app.core.similar.index import versions_to_index
    from app.core.similar.scheme import SCHEME

    (info,) = sources.list_sources(opened.ctx.store)
    assert info.filename == "statement.txt"
    assert not versions_to_index(opened.ctx.store, SCHEME)  # stored, current: nothing to build
