"""Export an open project: build its tree, then hand it to a renderer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core import outputs
from app.core.errors import InvalidInputError
from app.core.store import ProjectStore
from app.exporters.build import build_contribution
from app.exporters.docx.export import export_docx
from app.exporters.html import render_html
from app.exporters.plaintext import render_text
from app.exporters.tree import Layout


def _layout(layout: str) -> Layout:
    try:
        return Layout(layout)
    except ValueError as exc:
        raise InvalidInputError(
            f"“{layout}” is not a layout; choose grouped, interleaved or table."
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
) -> None:
    """Write the contribution as .docx (atomically: an older file stays intact on failure).

    The target is checked first (``app.core.outputs``): the open project or any
    other project, a link, a device or a document open in Word is refused.
    """
    protect = (store.path,)
    outputs.check_target(path, outputs.DOCX, protect=protect)
    contribution = build_contribution(
        store, include_drafts=include_drafts or review_copy, review_copy=review_copy
    )
    export_docx(
        contribution,
        path,
        _layout(layout),
        template=template,
        progress=progress,
        protect=protect,
    )


def preview_html(store: ProjectStore, layout: str = "grouped", include_drafts: bool = True) -> str:
    """The HTML the GUI's live preview shows."""
    return render_html(build_contribution(store, include_drafts=include_drafts), _layout(layout))


def plain_text(store: ProjectStore, layout: str = "grouped", include_drafts: bool = False) -> str:
    """The contribution as plain text, for an e-mail body or the clipboard."""
    return render_text(build_contribution(store, include_drafts=include_drafts), _layout(layout))
