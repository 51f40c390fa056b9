"""The phrasebook the Response editor offers: standard sentences, then the user's own.

Kept apart from the editor so the welcome screen and tests can list the
sentences without building an editor.
"""

from __future__ import annotations

import logging
import re

from app.core.config import load_settings
from app.core.phrasebook import load_phrasebook

logger = logging.getLogger(__name__)

POSITIONS = ("agree", "partly_agree", "disagree", "strongly_disagree", "note")


def phrasebook_positions(language: str) -> list[tuple[str, str | None]]:
    """The standard sentences in ``language`` with the position each states, then the user's own.

    The phrasebook's snippets are keyed by position ("agree": "We agree."), so
    choosing one can also set the response's position.
    """
    built_in = load_phrasebook(language).snippets
    # Placeholders such as {title} are for the exporter; show the gap to fill in.
    phrases: list[tuple[str, str | None]] = [
        (re.sub(r"\{\w+\}", "…", str(text)), key if key in POSITIONS else None)
        for key, text in built_in.items()
    ]
    return phrases + [(own, None) for own in load_settings().snippets]


def phrasebook_snippets(language: str) -> list[str]:
    """The phrasebook's standard sentences in ``language``, then the user's own (Settings)."""
    return [sentence for sentence, _position in phrasebook_positions(language)]
