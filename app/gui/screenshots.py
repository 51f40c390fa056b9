"""Screenshots of the main views on the demo project, for the docs (``make screenshots``).

Run under a virtual screen (``docs/make_screenshots.sh`` uses Xvfb) so fonts
and styles are those of a real desktop. The app is driven through the same
methods a user triggers, then each view is grabbed as the window draws it.
Settings go to a temporary folder so a developer's recent files stay private.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)


def _isolate() -> Path:
    home = Path(tempfile.mkdtemp(prefix="rejoinder-shots-"))
    for name in ("CONFIG", "DATA", "LOG"):
        os.environ[f"REJOINDER_{name}_DIR"] = str(home / name.lower())
    return home


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("docs/screenshots")
    size = argv[1] if len(argv) > 1 else "1366x768"
    language = argv[2] if len(argv) > 2 else "en"
    suffix = size if language == "en" else f"{size}-{language}"
    width, height = (int(v) for v in size.split("x"))
    home = _isolate()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.core.config import Identity
    from app.core.demo import create_demo
    from app.core.merge import merge
    from app.core.models import new_id
    from app.core.services import notes, responses, review
    from app.core.services.passages import list_passages
    from app.core.store import ProjectStore
    from app.gui import workers
    from app.gui.application import _application
    from app.gui.dialogs.conflicts import ConflictsDialog
    from app.gui.dialogs.export import ExportDialog
    from app.gui.dialogs.history import HistoryDialog
    from app.gui.main_window import MainWindow

    app = _application()
    from app.gui import i18n

    i18n.install(app, language)
    window = MainWindow()
    window.setGeometry(0, 0, width, height)
    window.show()
    demo = create_demo(home / "demo")

    def save(name: str, widget: QWidget | None = None) -> None:
        workers.wait_for_all()
        QApplication.processEvents()
        (widget or window).grab().save(str(out / f"{name}-{suffix}.png"))

    def open_demo() -> None:
        window.open_project(demo)
        window.setGeometry(0, 0, width, height)

    def select_passage() -> None:
        assert window.ctx is not None
        cited = list_passages(window.ctx.store)
        window.ctx.select_passage(cited[2].id)

    def preview() -> None:
        assert window.workspace is not None
        window.workspace.preview_dock.raise_()
        window.workspace.preview.refresh()

    def preflight() -> None:
        assert window.workspace is not None
        window.workspace.show_preflight()

    def search() -> None:
        assert window.workspace is not None
        window.workspace.show_search()
        window.workspace.search.edit.setText("council")
        window.workspace.search.run()

    def export_dialog() -> None:
        assert window.ctx is not None
        dialog = ExportDialog(window, window.ctx.store.path.with_suffix(".docx"))
        dialog.show()
        QApplication.processEvents()
        save("export-dialog", dialog)
        dialog.close()

    def delegation() -> None:
        """Notes, a status history and earlier texts on the selected passage's response."""
        assert window.ctx is not None and window.workspace is not None
        store, pid = window.ctx.store, window.ctx.passage_id or ""
        notes.add_note(store, pid, "Is paragraph 12 the right place to quote?")
        first = notes.list_notes(store, pid)[0].id
        notes.add_note(store, "", "Yes: the Rev.1 kept the numbering.", first)
        text = next(p for p in list_passages(store) if p.id == pid).response_text
        responses.respond(store, pid, text + " We would welcome a concrete proposal.")
        rid = responses.respond(store, pid, text + " We would welcome a <u>concrete</u> text.")
        review.set_status(store, rid, "proposed")
        window.ctx.notify()
        window.workspace.collab.notes_dock.raise_()

    def history_dialog() -> None:
        assert window.ctx is not None
        pid = window.ctx.passage_id or ""
        rid = next(p for p in list_passages(window.ctx.store) if p.id == pid).response_id
        dialog = HistoryDialog(window, window.ctx, pid, rid or "")
        dialog.show()
        save("history-dialog", dialog)
        dialog.close()

    def conflicts_dialog() -> None:
        """A colleague's copy that changed the same response: merged, then shown side by side."""
        assert window.ctx is not None
        store, pid = window.ctx.store, window.ctx.passage_id or ""
        other = home / "colleague.rejoinder"
        store.save_copy(other)
        colleague = Identity(member_id=new_id(), name="Jon Smith", initials="JS")
        with ProjectStore.open(other, colleague) as theirs:
            responses.respond(theirs, pid, "We <b>partly agree</b>: the text needs a deadline.")
        responses.respond(store, pid, "We agree, provided the review is annual.")
        merge(store, other)
        window.ctx.notify()
        dialog = ConflictsDialog(window, window.ctx)
        dialog.show()
        save("conflicts-dialog", dialog)
        dialog.close()

    def blocks() -> None:
        assert window.workspace is not None
        outline = window.workspace.outline
        if outline.model.rowCount():
            outline.select_row(0)
        window.workspace.collab.blocks_dock.raise_()

    def close() -> None:
        window.close()

    steps: list[tuple[Callable[[], None], str | None]] = [
        (lambda: None, "welcome"),
        (open_demo, None),
        (select_passage, "reader"),
        (preview, None),
        (lambda: None, "preview"),
        (preflight, "preflight"),
        (search, None),
        (lambda: None, "search"),
        (export_dialog, None),
        (delegation, None),
        (lambda: None, "notes"),
        (history_dialog, None),
        (conflicts_dialog, None),
        (blocks, None),
        (lambda: None, "blocks"),
        (close, None),
    ]

    def run(index: int = 0) -> None:
        if index >= len(steps):
            app.quit()
            return
        action, name = steps[index]
        action()
        if name:

            def shoot(name: str = name) -> None:
                save(name)
                run(index + 1)

            QTimer.singleShot(400, shoot)
        else:
            QTimer.singleShot(900, lambda: run(index + 1))

    QTimer.singleShot(500, run)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
