"""One read model of the contribution, shared by export, preview, preflight, CLI and panels.

``read_project`` reads the live rows once into a :class:`ProjectView` that
carries the rules (headings, party names, empty responses, what becomes of a
passage); ``build_contribution`` turns a view into the tree the renderers
print; ``contribution`` does both for a store.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.core.contribution.build import build_contribution, cross_reference_text
from app.core.contribution.model import Contribution, LeftOut, LeftOutReason
from app.core.contribution.view import (
    Fate,
    ProjectView,
    is_empty_markup,
    read_project,
    section_headings,
)

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

__all__ = [
    "Contribution",
    "Fate",
    "LeftOut",
    "LeftOutReason",
    "ProjectView",
    "build_contribution",
    "contribution",
    "cross_reference_text",
    "is_empty_markup",
    "read_project",
    "section_headings",
]


def contribution(
    store: ProjectStore, *, include_drafts: bool = False, review_copy: bool = False
) -> Contribution:
    """The tree of the contribution as it would be exported now."""
    view = read_project(store, with_notes=review_copy)
    return build_contribution(view, include_drafts=include_drafts, review_copy=review_copy)
