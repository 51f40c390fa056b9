"""Guess the language a source is written in, so its quotes are spell-checked in it.

Word marks every word of an English quote as misspelt when the run says
fr-FR. A source's language is guessed once at import and can be corrected by
the user. The guess needs to tell apart the languages delegations exchange
papers in (the six UN languages, plus German, Portuguese and Italian) on a few
pages of text, which a count of the commonest function words and of the
script does well, deterministically, without a model file to ship.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter

from app.core.errors import InvalidInputError
from app.core.i18n import _

logger = logging.getLogger(__name__)

# The commonest short words of each language (articles, prepositions, conjunctions).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for on with as are by this be it from at which not or have "
        "we an should".split()
    ),
    "fr": frozenset(
        "le la les de des du et à en un une est que pour dans sur par au aux qui ne pas sont "
        "nous cette ces".split()
    ),
    "es": frozenset(
        "el la los las de del y en un una es que para por con al se no son como su sus este "
        "esta nosotros".split()
    ),
    "de": frozenset(
        "der die das und zu den von mit ist im für auf nicht ein eine des dem sich wir".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que para com não por no na são ao".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della e in un una che per con non è sono al dei nel".split()
    ),
}
_SCRIPTS = (("CYRILLIC", "ru"), ("ARABIC", "ar"), ("CJK", "zh"))
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 20_000
SUPPORTED = frozenset(_FUNCTION_WORDS) | {code for _, code in _SCRIPTS}


def _script_language(text: str) -> str | None:
    if text.isascii():  # no Cyrillic, Arabic or CJK letter: skip looking at each character
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for char in letters[:5_000]:
        name = unicodedata.name(char, "")
        for script, code in _SCRIPTS:
            if name.startswith(script):
                counts[code] += 1
    if counts:
        code, count = counts.most_common(1)[0]
        if count * 2 > min(len(letters), 5_000):
            return code
    return None


def detect_language(text: str) -> str:
    """The language code of ``text`` ("en", "fr", …), or "" when there is too little to tell."""
    sample = text[:_SAMPLE]
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return ""
    scores = {
        code: sum(1 for word in words if word in vocabulary)
        for code, vocabulary in _FUNCTION_WORDS.items()
    }
    best = max(scores, key=lambda code: scores[code])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] == ranked[1]:
        return ""
    return best


def word_language_tag(code: str) -> str:
    """The tag Word expects on a run (``w:lang``): "en" → "en-GB", "fr" → "fr-FR"."""
    code = code.strip()
    if not code or "-" in code:
        return code
    return _REGIONS.get(code.lower(), code.lower())


_REGIONS = {
    "en": "en-GB",
    "fr": "fr-FR",
    "es": "es-ES",
    "de": "de-DE",
    "pt": "pt-PT",
    "it": "it-IT",
    "ru": "ru-RU",
    "ar": "ar-SA",
    "zh": "zh-CN",
}


def checked_language_code(language: str) -> str:
    """``language`` stripped, or ``InvalidInputError`` when it is not a code such as en or fr-CH."""
    code = language.strip()
    if code and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code):
        raise InvalidInputError(
            _("“{language}” is not a language code such as en, fr or es.").format(language=language)
        )
    return code
