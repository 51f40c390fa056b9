"""The final export: write the contribution, then record what was sent (``app.core.sending``).

Apart from :func:`app.exporters.export.export_project` because a final export
reads the project once for both the document and the record (so the record
is exactly what printed), may print the revised document ("Rev.N") when
something was sent before, and records itself only after the file is safely
in place: a failed export records nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core import outputs, sending
from app.core.contribution import Contribution, LeftOutReason, build_contribution, read_project
from app.core.errors import InvalidInputError, NothingToSendError
from app.core.i18n import _, ngettext
from app.core.journal import Changes
from app.core.store import ProjectStore
from app.exporters.docx.export import export_docx
from app.exporters.layout import Layout

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


def _refuse_empty(contribution: Contribution) -> None:
    """A document with no section is not a contribution: recording it as sent would
    mark every draft "sent" and make the next real export a revision of nothing."""
    drafts = sum(item.reason == LeftOutReason.DRAFT for item in contribution.left_out)
    if drafts:
        raise NothingToSendError(
            ngettext(
                "Nothing would be sent: no section has anything to print, and {n} "
                "response is still a draft (a final export leaves drafts out). "
                "Mark it proposed or agreed first.",
                "Nothing would be sent: no section has anything to print, and {n} "
                "responses are still drafts (a final export leaves drafts out). "
                "Mark them proposed or agreed first.",
                drafts,
            ).format(n=drafts)
        )
    raise NothingToSendError(
        _("Nothing would be sent: no section has anything to print yet. Nothing was recorded.")
    )


@dataclass(frozen=True)
class FinalExport:
    contribution: Contribution
    sent: sending.SentInfo
    changes: Changes
    listed: list[sending.Change]


def next_revision(store: ProjectStore) -> int:
    """The revision number a new final export gets: 0 first, then 1 ("Rev.1"), …"""
    last = sending.last_sent(store)
    return 0 if last is None else last.revision_no + 1


def export_final(
    store: ProjectStore,
    path: Path,
    *,
    layout: str = "grouped",
    template: Path | None = None,
    revised: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> FinalExport:
    """Write the final document to ``path`` and record it as sent.

    After an earlier final export, ``revised`` makes it "Rev.N" with the list of
    changes since that export; without it the document reads as the original
    (a corrected re-send) but is still recorded as revision N. Drafts never
    print in a final export.
    """
    protect = (store.path,)
    outputs.check_target(path, outputs.DOCX, protect=protect)
    chosen = _layout(layout)
    previous = sending.last_sent(store)
    view = read_project(store)
    contribution = build_contribution(view)
    listed: list[sending.Change] = []
    revision_no = 0 if previous is None else previous.revision_no + 1
    if not contribution.sections:
        _refuse_empty(contribution)
    if previous is not None and revised:
        listed = sending.changes_since(store, previous.id)
        contribution = sending.revised(contribution, revision_no, previous, listed)
    states = sending.snapshot(view, build_contribution(view))
    export_docx(contribution, path, chosen, template=template, progress=progress, protect=protect)
    info, changes = sending.record_final(
        store, path, states, revision_no=revision_no, layout=chosen.value
    )
    return FinalExport(contribution, info, changes, listed)
