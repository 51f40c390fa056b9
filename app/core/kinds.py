"""The kinds of things a project holds, as the values stored in its columns.

Apart from :mod:`app.core.models` because they are needed without the ORM:
the export and its preflight read a project file with :mod:`sqlite3` alone
(importing SQLAlchemy and mapping the models costs more than half of a
whole ``rejoinder export``). :mod:`app.core.models` re-exports every one.
"""

from __future__ import annotations

import logging
from enum import StrEnum

logger = logging.getLogger(__name__)

# The note the workflow writes when a response changes status (services.workflow).
STATUS_NOTE_PREFIX = "Status changed from "


class SourceKind(StrEnum):
    SUBMISSION = "submission"
    REFERENCE = "reference"


class CommentType(StrEnum):
    """The ISO/IEC commenting template's kinds of comment."""

    GENERAL = "general"
    TECHNICAL = "technical"
    EDITORIAL = "editorial"


class Position(StrEnum):
    """Where we stand on a passage; ``UNSET`` ("") until someone chooses (``check`` says so)."""

    UNSET = ""
    AGREE = "agree"
    PARTLY_AGREE = "partly_agree"
    DISAGREE = "disagree"
    STRONGLY_DISAGREE = "strongly_disagree"
    NOTE = "note"


class Status(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    AGREED = "agreed"


class SectionKind(StrEnum):
    TOPIC = "topic"
    PARTY = "party"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    CITATIONS = "citations"
    CROSS_REFERENCE = "cross_reference"
    LIST = "list"


class AnchorMethod(StrEnum):
    """How a passage was placed: cited by hand, or re-attached on a new version.

    ``offset`` is shown as "exact" (same words, same place), ``quote`` as
    "moved" (same words elsewhere); ``fuzzy`` placements wait for a person.
    """

    SELECTION = "selection"
    OFFSET = "offset"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


class NoteTarget(StrEnum):
    PASSAGE = "passage"
    RESPONSE = "response"
