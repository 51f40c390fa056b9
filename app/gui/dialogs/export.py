"""The Export dialog: which layout, which template, drafts or not, final or not, where to write.

After a final export the dialog says when it was sent and how much changed,
and offers the revised document ("Rev.N" with the list of changes).
Before anything is written it says what the export will leave out and why
(drafts, passages without a response or section, sections with nothing to
print) and lists preflight's problems, each a link to what it is about.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

if TYPE_CHECKING:
    from app.core.preflight import Problem
    from app.exporters.export import ExportCheck, LeftOutCounts

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportData:
    path: Path
    layout: str
    template: Path | None
    include_drafts: bool
    review_copy: bool
    final: bool = False
    revised: bool = False


@dataclass(frozen=True)
class SentBefore:
    """What the dialog says of the last final export: "the original, sent on …, 3 changes"."""

    name: str
    sent_at: str
    revision_no: int
    changes: int


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        suggested: Path,
        template: str = "",
        sent: SentBefore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export contribution"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Grouped: quotes, then comments"), "grouped")
        self.layout_combo.addItem(self.tr("Interleaved: quote, comment, quote…"), "interleaved")
        self.layout_combo.addItem(self.tr("Table: one row per passage"), "table")
        form.addRow(self.tr("&Layout:"), self.layout_combo)
        self.template = QLineEdit(template)
        self.template.setPlaceholderText(self.tr("Default template"))
        browse_template = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.template)
        row.addWidget(browse_template)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template)
        form.addRow(template_label, row)
        self.drafts = QCheckBox(self.tr("Include responses still in draft"))
        self.review = QCheckBox(self.tr("Review copy (statuses and notes as Word comments)"))
        form.addRow("", self.drafts)
        form.addRow("", self.review)
        self.sent = sent
        self.final = QCheckBox(
            self.tr("Final version: record it as sent (time, sha256, responses)")
        )
        self.final.setObjectName("ExportFinal")
        form.addRow("", self.final)
        self.revised = QCheckBox()
        self.revised.setObjectName("ExportRevised")
        self.sent_note = QLabel()
        self.sent_note.setWordWrap(True)
        if sent is not None:
            when = sent.sent_at[:16].replace("T", " ")
            self.sent_note.setText(
                self.tr(
                    "The {name} was sent on {when} UTC; %n change(s) since.", "", sent.changes
                ).format(name=sent.name, when=when)
            )
            self.revised.setText(
                self.tr("Revised document (Rev.{n}) with the list of changes").format(
                    n=sent.revision_no + 1
                )
            )
            self.revised.setChecked(True)  # applies once "Final version" is ticked
            form.addRow("", self.sent_note)
            form.addRow("", self.revised)
        else:
            self.revised.hide()
            self.sent_note.hide()
        self.final.toggled.connect(self._final_toggled)
        self.drafts.toggled.connect(self._final_toggled)
        self.review.toggled.connect(self._final_toggled)
        self._final_toggled()
        self.output = QLineEdit(str(suggested))
        browse_output = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.output)
        row.addWidget(browse_output)
        output_label = QLabel(self.tr("&Save as:"))
        output_label.setBuddy(self.output)
        form.addRow(output_label, row)
        self.check: ExportCheck | None = None
        self.chosen_problem: Problem | None = None
        self.left_out = QLabel(self.tr("Checking the contribution…"))
        self.left_out.setWordWrap(True)
        form.addRow(self.left_out)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.problems.linkActivated.connect(self._go_to)
        # A project with a hundred problems must not push the buttons off the screen.
        self.problems_area = QScrollArea()
        self.problems_area.setWidget(self.problems)
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_area.setMaximumHeight(220)
        self.problems_area.hide()
        form.addRow(self.problems_area)
        self.drafts.toggled.connect(self._show_left_out)
        self.review.toggled.connect(self._show_left_out)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        browse_template.clicked.connect(self._browse_template)
        browse_output.clicked.connect(self._browse_output)

    def _final_toggled(self) -> None:
        """A final version prints no drafts and no review comments: these choices exclude it."""
        final = self.final.isChecked()
        for box in (self.drafts, self.review):
            box.setEnabled(not final)
            if final:
                box.setChecked(False)
        self.revised.setEnabled(final)

    def show_check(self, check: ExportCheck) -> None:
        """What preflight found, shown before writing (filled in from a worker)."""
        self.check = check
        self._show_left_out()
        if not check.problems:
            self.problems.setText(self.tr("Preflight found no problems."))
        else:
            items = "".join(
                f'<li><a href="{number}">{html.escape(problem.message)}</a></li>'
                for number, problem in enumerate(check.problems)
            )
            intro = html.escape(self.tr("Preflight found these problems (click one to go to it):"))
            self.problems.setText(f"{intro}<ul>{items}</ul>")
        self.problems_area.show()

    def _show_left_out(self) -> None:
        if self.check is None:
            return
        counts = self.check.left_out(self.drafts.isChecked() or self.review.isChecked())
        lines = self.left_out_lines(counts)
        self.left_out.setText(
            "\n".join(lines) if lines else self.tr("Every passage and section will print.")
        )

    def left_out_lines(self, counts: LeftOutCounts) -> list[str]:
        """One sentence per reason a passage or section does not print."""
        lines = []
        for count, one, many in (
            (
                counts.draft,
                self.tr("1 passage is left out: its response is still a draft."),
                self.tr("{n} passages are left out: their responses are still drafts."),
            ),
            (
                counts.unanswered,
                self.tr("1 passage is left out: it has no response."),
                self.tr("{n} passages are left out: they have no response."),
            ),
            (
                counts.unplaced,
                self.tr("1 passage is left out: it is in no section."),
                self.tr("{n} passages are left out: they are in no section."),
            ),
        ):
            if count:
                lines.append(one if count == 1 else many.format(n=count))
        for heading in counts.empty_sections:
            lines.append(
                self.tr("“{heading}” is left out: it has nothing to print.").format(
                    heading=heading or "…"
                )
            )
        return lines

    def _go_to(self, link: str) -> None:
        """Close the dialog and show the problem (the caller does, from ``chosen_problem``)."""
        if self.check is None:
            return
        self.chosen_problem = self.check.problems[int(link)]
        self.reject()

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Word template"), "", self.tr("Word documents (*.docx *.dotx)")
        )
        if name:
            self.template.setText(name)

    def _browse_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as"), self.output.text(), self.tr("Word documents (*.docx)")
        )
        if name:
            self.output.setText(name if name.endswith(".docx") else name + ".docx")

    def data(self) -> ExportData:
        """What was chosen; a file name typed without an extension gets ``.docx``.

        Any other refusal of the name (the project itself, a link, a document
        open in Word) comes back from the export as a message box.
        """
        template = self.template.text().strip()
        output = Path(self.output.text().strip())
        if output.name and not output.suffix:
            output = output.with_name(output.name + ".docx")
        return ExportData(
            path=output,
            layout=str(self.layout_combo.currentData()),
            template=Path(template) if template else None,
            include_drafts=self.drafts.isChecked(),
            review_copy=self.review.isChecked(),
            final=self.final.isChecked(),
            revised=self.final.isChecked() and self.sent is not None and self.revised.isChecked(),
        )

    @classmethod
    def get_data(
        cls,
        parent: QWidget | None,
        suggested: Path,
        template: str = "",
        sent: SentBefore | None = None,
    ) -> tuple[ExportData, bool]:
        dialog = cls(parent, suggested, template, sent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted
