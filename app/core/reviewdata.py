"""What a review copy annotated in Word holds, as plain data.

The importer (``app.importers.docx.review``) fills these from the file; the
service (``app.core.services.review_import``) turns them into notes and
proposals. They live in core so that core never imports an importer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    kind: str  # "passage" or "response"
    id: str  # the UUID, with dashes


@dataclass(frozen=True)
class WordComment:
    """One Word comment; ``target`` is None when no bookmark encloses or precedes it."""

    comment_id: str
    author: str
    initials: str
    date: str
    text: str
    anchor_text: str
    target: Target | None
    parent_comment_id: str | None = None


@dataclass(frozen=True)
class TrackedChange:
    kind: str  # "insert", "delete" or "format"
    author: str
    date: str
    text: str
    target: Target | None = None  # the passage or response it was made in, when known


@dataclass(frozen=True)
class ProposedText:
    """The text a response would have with the colleague's tracked changes accepted."""

    response_id: str
    markup: str
    changes: tuple[TrackedChange, ...]
    complete: bool = True  # False when the response's bookmark was left unclosed (LibreOffice)
    base: str | None = None  # plain text the reviewer started from (tracked changes rejected)

    @property
    def authors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.author for c in self.changes))


@dataclass(frozen=True)
class ParsedReview:
    comments: tuple[WordComment, ...]
    proposals: tuple[ProposedText, ...]
    unmapped_changes: tuple[TrackedChange, ...]
    bookmarks: int
    title: str = ""  # the title of the project the copy was exported from
    modified_by: str = ""  # who saved the copy last: the author of untracked edits
    untracked: tuple[ProposedText, ...] = ()  # responses without tracked changes, as reviewed
    targets: tuple[Target, ...] = ()  # every passage and response the copy marks
