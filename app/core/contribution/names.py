"""Party names inside sentences, and dates, in the contribution's language.

A party is "les États-Unis" in French and "the EU" in English: the article is
part of the name a delegation types as the source's label, but it must
contract with the preposition before it ("de" + "les" → "des", "de" + "el" →
"del", "à" + "le" → "au"), take a capital at the start of a sentence, and
disappear where the bare name stands alone (the table's Party column). The
phrasebook's sentences say only ``{party}``; these rules make every one of
them read right with any name, so no sentence needs a variant per article.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from app.core.phrasebook import Phrasebook

logger = logging.getLogger(__name__)

_APOSTROPHES = "'’"
# Articles a party's name may start with, per language (lower case, with the space or apostrophe).
_ARTICLES: dict[str, tuple[str, ...]] = {
    "fr": ("les ", "le ", "la ", "l'", "l’"),
    "es": ("los ", "las ", "el ", "la "),
    "en": ("the ",),
}
# (preposition, article) → contracted form, per language.
_CONTRACTIONS: dict[str, dict[tuple[str, str], str]] = {
    "fr": {
        ("de", "le "): "du ",
        ("de", "les "): "des ",
        ("à", "le "): "au ",
        ("à", "les "): "aux ",
    },
    "es": {("de", "el "): "del ", ("a", "el "): "al "},
}
_PREPOSITIONS = {"fr": ("de", "à"), "es": ("de", "a")}
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
_PARTY = re.compile(r"(?:(?<=\s)|^)(?:(\w+) )?\{party\}", re.UNICODE)


def _language(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0] if code else "en"


@dataclass(frozen=True, slots=True)
class PartyName:
    """A party's name split into its article ("les ", "l’", "the " or "") and the bare name."""

    article: str
    bare: str

    @property
    def full(self) -> str:
        """The name as it stands inside a sentence: "les États-Unis", "the EU"."""
        return self.article + self.bare


def party_name(label: str, language: str) -> PartyName:
    """Split a source's label into article and name by the rules of ``language``.

    The article is kept in lower case (it stands inside sentences); a label
    that is only an article, or has none, is all name.
    """
    text = " ".join(label.split())
    lowered = text.lower()
    for article in _ARTICLES.get(_language(language), ()):
        if lowered.startswith(article) and len(text) > len(article):
            bare = text[len(article) :]
            return PartyName(article.replace("'", "’") if article.endswith("'") else article, bare)
    return PartyName("", text)


def _join(preposition: str | None, name: PartyName, language: str) -> str:
    """``preposition`` + ``name`` with the language's contractions and elisions."""
    if preposition is None:
        return name.full
    lang = _language(language)
    key = (preposition.lower(), name.article)
    contracted = _CONTRACTIONS.get(lang, {}).get(key)
    if contracted is not None:
        if preposition[:1].isupper():
            contracted = contracted[:1].upper() + contracted[1:]
        return contracted + name.bare
    if (
        lang == "fr"
        and preposition.lower() == "de"
        and not name.article
        and name.bare[:1].lower() in _VOWELS
    ):
        return preposition[:1] + "’" + name.bare
    return f"{preposition} {name.full}"


def fill(template: str, name: PartyName, language: str, **values: str) -> str:
    """``template`` with ``{party}`` replaced by ``name``, contracted, and a capital first letter.

    Other placeholders (``{title}``) are filled from ``values``; a missing one
    reads "…" so that the gap shows.
    """
    prepositions = _PREPOSITIONS.get(_language(language), ())
    pieces: list[str] = []
    at = 0
    for match in _PARTY.finditer(template):
        pieces.append(_format(template[at : match.start()], values))
        word = match.group(1)
        if word is not None and word.lower() in prepositions:
            pieces.append(_join(word, name, language))
        else:
            pieces.append((f"{word} " if word is not None else "") + name.full)
        at = match.end()
    pieces.append(_format(template[at:], values))
    return capitalise("".join(pieces))


def _format(piece: str, values: dict[str, str]) -> str:
    """Fill ``{title}``-style placeholders; a user's own braces are left as they are."""
    try:
        return piece.format_map(_Blank(values))
    except (ValueError, IndexError):
        return piece


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def capitalise(sentence: str) -> str:
    """A capital first letter ("The EU welcomes …"); the rest is left as written."""
    return sentence[:1].upper() + sentence[1:] if sentence[:1].islower() else sentence


def phrase(phrases: Phrasebook, key: str, name: PartyName | None = None, **values: str) -> str:
    """The phrasebook's sentence ``key`` with the party's name put in by the rules above."""
    template = phrases.template(key)
    if name is None:
        return capitalise(_format(template, values))
    return fill(template, name, phrases.language, **values)


def long_date(value: str, phrases: Phrasebook) -> str:
    """An ISO date as the language writes it ("2 December 2026", "2 de diciembre de 2026").

    Anything that is not an ISO date is printed as the user typed it.
    """
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
    months = phrases.months
    if len(months) != 12:
        return day.isoformat()
    return phrases.template("date_format").format(
        day=day.day, month=months[day.month - 1], year=day.year
    )


def note_time(value: str, phrases: Phrasebook) -> str:
    """When a note was written, as a reader writes it: "2 December 2026, 09:38 UTC".

    Notes are stamped in UTC ("2026-12-02T09:38:16.394600Z"); a bare date
    prints as the date alone, anything else as it is.
    """
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    day = long_date(text[:10], phrases)
    if len(text) <= 10:
        return day
    return f"{day}, {moment.strftime('%H:%M')} UTC"


def note_line(author: str, created: str, text: str, phrases: Phrasebook) -> str:
    """One note as the review copy prints it in a Word comment ("Ana (2 May 2024): …")."""
    return f"{author} ({note_time(created, phrases)}){phrases.text('colon')}{text}"
