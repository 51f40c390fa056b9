"""The open project as the widgets see it: the store, the undo stack, change signals.

Views hold layout; this object holds the little logic they share (TagStudio's
rule): which source and passage are current, and who must refresh after an
edit. Every edit is a command on :attr:`undo_stack` that calls a core service,
then :meth:`notify` tells the views what kind of data changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core.store import ProjectStore

SOURCES = "sources"
PASSAGES = "passages"
RESPONSES = "responses"
SECTIONS = "sections"
NOTES = "notes"
ALL = frozenset({SOURCES, PASSAGES, RESPONSES, SECTIONS, NOTES})


class ProjectContext(QObject):
    changed = Signal(frozenset)
    source_selected = Signal(str)
    passage_selected = Signal(str)
    jump_requested = Signal(str, int, int)  # source id, start, end (code points)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.source_id: str | None = None
        self.passage_id: str | None = None

    def notify(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds) if kinds else ALL)

    def select_source(self, source_id: str | None) -> None:
        if source_id and source_id != self.source_id:
            self.source_id = source_id
            self.source_selected.emit(source_id)

    def select_passage(self, passage_id: str | None) -> None:
        if passage_id and passage_id != self.passage_id:
            self.passage_id = passage_id
            self.passage_selected.emit(passage_id)

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
