"""Sizes the main window and every dialog ask for, measured on the demo project.

Used in-process by ``test_window_fit`` and, as ``python -m tests.gui.window_sizes``,
in a subprocess started with ``QT_SCALE_FACTOR=1.5`` (a scale factor is read
once, when Qt starts). Prints one JSON object: name → [min w, min h, w, h, scale].
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

Sizes = dict[str, tuple[int, int, int, int, float]]


def _entry(widget: QWidget) -> tuple[int, int, int, int, float]:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return (hint.width(), hint.height(), widget.width(), widget.height(), widget.devicePixelRatio())


def measure(folder: Path) -> Sizes:
    """Open the demo project in a main window, then show each dialog once and measure it."""
    from app.core.config import Identity, load_settings
    from app.core.demo import create_demo
    from app.core.services.passages import list_passages
    from app.gui import workers
    from app.gui.dialogs.conflicts import ConflictsDialog
    from app.gui.dialogs.export import ExportDialog
    from app.gui.dialogs.history import HistoryDialog
    from app.gui.dialogs.identity import IdentityDialog, SettingsDialog
    from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice
    from app.gui.dialogs.new_project import NewProjectDialog
    from app.gui.dialogs.reason import ReasonDialog
    from app.gui.errors import CrashDialog
    from app.gui.help import GuideDialog, ShortcutsDialog, window_shortcuts
    from app.gui.main_window import MainWindow
    from app.gui.review.ui import ProposalsDialog
    from app.gui.rich_edit import FootnoteDialog

    sizes: Sizes = {}
    window = MainWindow()
    window.show()
    QApplication.processEvents()
    sizes["welcome"] = _entry(window)
    window.open_project(create_demo(folder), remember=False)
    QApplication.processEvents()
    sizes["main window"] = _entry(window)
    assert window.ctx is not None
    ctx = window.ctx
    passage = list_passages(ctx.store)[0]
    label = LabelChoice("statement.pdf", "Republic of Arcadia", "submission")
    dialogs: dict[str, Callable[[], QDialog]] = {
        "new project": lambda: NewProjectDialog(window, "Delegation"),
        "import labels": lambda: ImportLabelsDialog(window, [label] * 6),
        "reason": lambda: ReasonDialog(window, "Reopen", "Why?", True),
        "history": lambda: HistoryDialog(window, ctx, passage.id, passage.response_id or ""),
        "conflicts": lambda: ConflictsDialog(window, ctx),
        "proposals": lambda: ProposalsDialog(window, ctx),
        "identity": lambda: IdentityDialog(window, Identity(name="Maria Gomez")),
        "settings": lambda: SettingsDialog(window, load_settings()),
        "export": lambda: ExportDialog(window, folder / "out.docx"),
        "crash": lambda: CrashDialog("Traceback\n" * 80, None, window),
        "footnote": lambda: FootnoteDialog(window, "See A/RES/73/3, <i>para. 35</i>."),
        "shortcuts": lambda: ShortcutsDialog(window, window_shortcuts(window)),
        "guide": lambda: GuideDialog(window, "en"),
    }
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        sizes[name] = _entry(dialog)
        dialog.close()
        dialog.deleteLater()
    workers.wait_for_all()
    window.close()
    return sizes


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="rejoinder-sizes-"))
    for name in ("CONFIG", "DATA", "LOG"):
        os.environ[f"REJOINDER_{name}_DIR"] = str(home / name.lower())
    from app.gui.application import _application

    _application()
    print(json.dumps(measure(home / "demo")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
