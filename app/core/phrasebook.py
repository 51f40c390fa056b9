"""Lead-in sentences and response snippets in the contribution's language.

The sentences a delegation writes over and over ("We cite the following
portions of this paper:") are data, not code, so a delegation can correct
its own language's wording without touching Python. Each phrasebook is a
JSON file in ``resources/phrasebooks/``; English is the fallback for a
missing language and for a key missing from a translation.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

logger = logging.getLogger(__name__)

PHRASEBOOK_DIR = Path(__file__).resolve().parents[2] / "resources" / "phrasebooks"
FALLBACK = "en"
_GROUPS = ("lead_ins", "snippets", "labels")
_DEFAULTS = {"party": "…", "title": "…"}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _DEFAULTS.get(key, "…")


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """One language's phrases; ``text`` fills ``{party}``/``{title}`` placeholders."""

    language: str
    name: str
    lead_ins: MappingProxyType[str, str]
    snippets: MappingProxyType[str, str]
    labels: MappingProxyType[str, str]
    months: tuple[str, ...] = ()
    _all: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def text(self, key: str, **values: str) -> str:
        """The phrase ``key``; placeholders not given read "…" so the gap is visible."""
        return self._all[key].format_map(_Blank(values))

    def template(self, key: str) -> str:
        """The phrase ``key`` with its placeholders unfilled (names are put in by the caller)."""
        return self._all[key]

    def __contains__(self, key: object) -> bool:
        return key in self._all

    def keys(self) -> set[str]:
        return set(self._all)


def available_languages() -> list[str]:
    """Language codes with a phrasebook file, sorted."""
    return sorted(p.stem for p in PHRASEBOOK_DIR.glob("*.json"))


def _read(language: str) -> dict[str, Any] | None:
    path = PHRASEBOOK_DIR / f"{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@cache
def load_phrasebook(language: str) -> Phrasebook:
    """The phrasebook for ``language`` ("fr", "fr-CH" → "fr"), falling back to English."""
    base = _read(FALLBACK) or {}
    code = language.lower().replace("_", "-").split("-")[0] if language else FALLBACK
    own = (_read(code) if code != FALLBACK else None) or base
    groups: dict[str, dict[str, str]] = {}
    for group in _GROUPS:
        merged = {str(k): str(v) for k, v in base.get(group, {}).items()}
        merged.update({str(k): str(v) for k, v in own.get(group, {}).items()})
        groups[group] = merged
    everything = {k: v for g in _GROUPS for k, v in groups[g].items()}
    return Phrasebook(
        language=str(own.get("language", FALLBACK)),
        name=str(own.get("name", "English")),
        lead_ins=MappingProxyType(groups["lead_ins"]),
        snippets=MappingProxyType(groups["snippets"]),
        labels=MappingProxyType(groups["labels"]),
        months=tuple(str(m) for m in own.get("months", base.get("months", ()))),
        _all=everything,
    )


@cache
def status_line_pattern() -> re.Pattern[str]:
    """The first line of the review copy's own Word comments, in any phrasebook's language.

    "Status: agreed · Position: agree · Author: …" or "Statut : convenu · …":
    importing the review copy back must recognise them as ours and skip them.
    """
    starts = set()
    for language in available_languages():
        book = load_phrasebook(language)
        starts.add(
            re.escape(book.text("review_status") + book.text("colon"))
            + r"[^·\n]+ · "
            + re.escape(book.text("review_position") + book.text("colon"))
            + r"[^·\n]+ · "
            + re.escape(book.text("review_author") + book.text("colon"))
        )
    return re.compile(r"\A(?:" + "|".join(sorted(starts)) + ")")
