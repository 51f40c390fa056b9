"""Export an open project: build its tree, then hand it to a renderer."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import outputs
from app.core.contribution import Contribution, LeftOutReason, ProjectView, read_project
from app.core.contribution import build_contribution as build_from_view
from app.core.contribution import contribution as build_contribution
from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.preflight import Problem, check_view
from app.exporters.docx.export import export_docx
from app.exporters.html import render_html
from app.exporters.layout import Layout
from app.exporters.plaintext import render_text

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


def _layout(layout: str) -> Layout:
    try:
        return Layout(layout)
    except ValueError as exc:
        raise InvalidInputError(
            _("“{layout}” is not a layout; choose grouped, interleaved or table.").format(
                layout=layout
            )
        ) from exc


def export_project(
    store: ProjectStore,
    path: Path,
    *,
    layout: str = "grouped",
    template: Path | None = None,
    review_copy: bool = False,
    include_drafts: bool = False,
    progress: Callable[[int, int], None] | None = None,
    view: ProjectView | None = None,
) -> Contribution:
    """Write the contribution as .docx (atomically: an older file stays intact on failure).

    ``view``: the project as already read (the command line's preflight read
    it; reading 2,000 passages twice costs a tenth of the command).

    The target is checked first (``app.core.outputs``): the open project or any
    other project, a link, a device or a document open in Word is refused.
    Returns the tree that was written, whose ``left_out`` and
    ``empty_sections`` say what did not print.
    """
    if view is None:
        outputs.check_target(path, outputs.DOCX, protect=(store.path,))  # before reading
        view = read_project(store, with_notes=review_copy)
    return export_view(
        view,
        path,
        project=store.path,
        layout=layout,
        template=template,
        review_copy=review_copy,
        include_drafts=include_drafts,
        progress=progress,
    )


def export_view(
    view: ProjectView,
    path: Path,
    *,
    project: Path,
    layout: str = "grouped",
    template: Path | None = None,
    review_copy: bool = False,
    include_drafts: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Contribution:
    """:func:`export_project` of a view already read; ``project`` is the file it was read from.

    ``rejoinder export`` reads the view with :mod:`sqlite3` alone
    (:mod:`app.core.contribution.fileread`) and never opens a store.
    """
    protect = (project,)
    outputs.check_target(path, outputs.DOCX, protect=protect)
    contribution = build_from_view(
        view, include_drafts=include_drafts or review_copy, review_copy=review_copy
    )
    export_docx(
        contribution,
        path,
        _layout(layout),
        template=template,
        progress=progress,
        protect=protect,
    )
    return contribution


def preview_html(
    store: ProjectStore,
    layout: str = "grouped",
    include_drafts: bool = True,
    *,
    focus: str | None = None,
    limit: int | None = None,
) -> str:
    """The HTML the GUI's live preview shows.

    With more than ``limit`` sections, only the section ``focus`` (or the
    first): a text view lays out twenty thousand passages for minutes.
    """
    contribution = build_contribution(store, include_drafts=include_drafts)
    if limit is not None and len(contribution.sections) > limit:
        shown = [s for s in contribution.sections if s.section_id == focus]
        contribution = replace(contribution, sections=tuple(shown or contribution.sections[:1]))
    return render_html(contribution, _layout(layout))


def plain_text(store: ProjectStore, layout: str = "grouped", include_drafts: bool = False) -> str:
    """The contribution as plain text, for an e-mail body or the clipboard."""
    return render_text(build_contribution(store, include_drafts=include_drafts), _layout(layout))


@dataclass(frozen=True)
class LeftOutCounts:
    """How many passages an export leaves out, per reason, and the sections it skips."""

    draft: int = 0
    unanswered: int = 0
    unplaced: int = 0
    empty_sections: tuple[str, ...] = ()

    @classmethod
    def of(cls, contribution: Contribution) -> LeftOutCounts:
        counts = Counter(item.reason for item in contribution.left_out)
        return cls(
            counts.get(LeftOutReason.DRAFT, 0),
            counts.get(LeftOutReason.UNANSWERED, 0),
            counts.get(LeftOutReason.UNPLACED, 0),
            tuple(heading for _id, heading in contribution.empty_sections),
        )


@dataclass(frozen=True)
class ExportCheck:
    """What the Export dialog says before anything is written.

    ``left_out`` for a final export and for one with drafts (a review copy
    includes them), so the dialog follows its check box without asking again.
    """

    problems: tuple[Problem, ...]
    final: LeftOutCounts
    with_drafts: LeftOutCounts

    def left_out(self, include_drafts: bool) -> LeftOutCounts:
        return self.with_drafts if include_drafts else self.final


def export_check(store: ProjectStore) -> ExportCheck:
    """Preflight's problems and what each kind of export would leave out, from one read."""
    view = read_project(store)
    return ExportCheck(
        problems=tuple(check_view(view)),
        final=LeftOutCounts.of(build_from_view(view, include_drafts=False)),
        with_drafts=LeftOutCounts.of(build_from_view(view, include_drafts=True)),
    )


def _reasons() -> dict[LeftOutReason, tuple[str, str]]:
    """Per reason, the sentence for one passage and for ``{n}`` of them, translated."""
    return {
        LeftOutReason.DRAFT: (
            _("1 passage left out because its response is still a draft."),
            _("{n} passages left out because their responses are still drafts."),
        ),
        LeftOutReason.UNANSWERED: (
            _("1 passage left out because it has no response."),
            _("{n} passages left out because they have no response."),
        ),
        LeftOutReason.UNPLACED: (
            _("1 passage left out because it is not in any section."),
            _("{n} passages left out because they are not in any section."),
        ),
    }


def left_out_summary(contribution: Contribution) -> list[str]:
    """What did not print, one line per reason ("2 passages left out because …").

    In core's current language (the command line speaks the project's).
    """
    counts = Counter(item.reason for item in contribution.left_out)
    lines = []
    for reason, (one, many) in _reasons().items():
        count = counts.get(reason, 0)
        if count == 1:
            lines.append(one)
        elif count:
            lines.append(many.format(n=count))
    for _section_id, heading in contribution.empty_sections:
        lines.append(
            _("“{heading}” left out because it has nothing to print.").format(
                heading=heading or "…"
            )
        )
    return lines
