"""The open project as the widgets see it: the store, undo over its journal, change signals.

Views hold layout; this object holds the little logic they share (TagStudio's
rule): which source and passage are current, and who must refresh after an
edit. Every edit is a core operation run through the one helper
(:class:`app.gui.writer.ProjectOperation`, via :func:`app.gui.commands.push`);
its :class:`~app.core.journal.Changes` come back to :meth:`apply`, which
tells the views what changed. Undo and redo (:attr:`undo_stack`) are the
core journal's, run the same way.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.core.journal import Changes
from app.core.services import passages, sources
from app.core.store import ProjectStore
from app.gui.operations import JournalStack, kinds_of
from app.gui.rowversions import Versions
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

SOURCES = "sources"
PASSAGES = "passages"
RESPONSES = "responses"
SECTIONS = "sections"
NOTES = "notes"
ALL = frozenset({SOURCES, PASSAGES, RESPONSES, SECTIONS, NOTES})


class ProjectContext(QObject):
    changed = Signal(frozenset)
    applied = Signal(object)  # the Changes of an operation, an undo or a redo
    source_selected = Signal(str)
    passage_selected = Signal(str)
    section_selected = Signal(object)  # the section's id, or None
    jump_requested = Signal(str, int, int)  # source id, start, end (code points)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = JournalStack(self, self)
        self.versions = Versions(store)  # of the rows the editors show (a team server's)
        self.source_id: str | None = None
        self.passage_id: str | None = None
        self.section_id: str | None = None
        # True while an operation's changes are handed out: views that update rows from
        # :attr:`applied` skip the :attr:`changed` that follows (it names only kinds)
        self.applying = False
        # counts the operations whose changes were handed out (and reloads): a read made
        # off the GUI thread before an operation may be older than what the views show
        self.generation = 0

    def notify(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds) if kinds else ALL)

    def apply(
        self, changes: Changes, *kinds: str, steps: tuple[str | None, str | None] | None = None
    ) -> None:
        """After an operation, an undo or a redo: refresh from what it changed.

        A current item that is gone is forgotten, the Undo action names the
        newest step, views that update rows listen to :attr:`applied`, and
        :attr:`changed` names the kinds of data touched (``kinds`` adds the
        ones a command knows it affects, such as the Sources panel's counts).
        ``steps``: the Undo and Redo labels, read by the operation after its write.
        """
        touched = kinds_of(changes) if changes else ()
        self.generation += 1
        if changes:
            self.forget_missing(changes)  # found off the GUI thread, forgotten when back
        self.undo_stack.refresh(steps)
        self.applying = True
        try:
            self.applied.emit(changes)
            if touched is None:
                self.notify()
            elif touched or kinds:
                self.notify(*sorted(set(touched) | set(kinds)))
        finally:
            self.applying = False

    def reload(self) -> None:
        """Rows changed and nobody knows which (a refused undo halfway): every view reads afresh."""
        self.generation += 1
        self.forget_missing()
        self.undo_stack.refresh()
        self.notify()

    def select_source(self, source_id: str | None) -> None:
        if source_id and source_id != self.source_id:
            self.source_id = source_id
            self.source_selected.emit(source_id)

    def select_passage(self, passage_id: str | None) -> None:
        if passage_id and passage_id != self.passage_id:
            self.passage_id = passage_id
            self.passage_selected.emit(passage_id)

    def select_section(self, section_id: str | None) -> None:
        """The Outline's current section (the Blocks panel shows its blocks)."""
        if section_id != self.section_id:
            self.section_id = section_id
            self.section_selected.emit(section_id)

    def forget_missing(self, changes: Changes | None = None) -> None:
        """After rows changed under the views (undo, merge): drop a current item that is gone.

        With ``changes``, only a source or passage they name can be gone. Whether
        it is gone is read off the GUI thread; a source found gone is forgotten
        then and the views told (:attr:`changed`, SOURCES), a passage silently
        (the editor finds it gone by its own read). A check older than an
        operation handed out since is made again, so an undo that brings the
        row back is never overtaken by the check of its deletion.
        """
        source, passage = self.source_id, self.passage_id
        check_source = source is not None and (changes is None or source in changes.of("source"))
        check_passage = passage is not None and (
            changes is None or check_source or passage in changes.of("passage")
        )
        if check_source or check_passage:
            self._check_current(
                source if check_source else None, passage if check_passage else None
            )

    def _check_current(self, source: str | None, passage: str | None) -> None:
        store, generation = self.store, self.generation

        def read(_progress: Progress) -> tuple[bool, bool]:
            source_gone = source is not None and not sources.source_exists(store, source)
            passage_gone = passage is not None and passages.passage_source(store, passage) is None
            return source_gone, passage_gone

        def found(gone: tuple[bool, bool]) -> None:
            if store is not self.store or store.closed:
                return
            now = (
                source if source == self.source_id else None,
                passage if passage == self.passage_id else None,
            )
            if self.generation != generation:
                if now != (None, None):
                    self._check_current(*now)  # an operation since: check again
                return
            if gone[1] and now[1] is not None:
                self.passage_id = None
            if gone[0] and now[0] is not None:
                self.source_id = None
                self.notify(SOURCES)

        Operation(None, read, pool_name="files").success(found).failure(
            lambda exc: logger.warning("could not check the current source: %s", exc)
        ).run_in_background()

    def close(self) -> None:
        self.store.close()
