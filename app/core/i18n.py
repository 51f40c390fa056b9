"""Core's user-facing messages in the user's language (gettext catalogues).

Errors raised by core reach the user as they are (a dialog, a line on
stderr), so their text is looked up with :func:`_` in the catalogue of the
language chosen with :func:`set_language` — the window calls it with the
interface's language, so a French interface shows French errors. The
catalogues are ``resources/locale/LANG/LC_MESSAGES/rejoinder-core.po``,
compiled to ``.mo`` by ``make core-catalogues`` (msgfmt) and committed, so that a
fresh clone needs no gettext tools; a test keeps the two in step. An unknown
language, or a message without a translation, stays in English. A message
with a count is looked up with :func:`ngettext`, which picks the language's
plural form.
"""

from __future__ import annotations

import gettext
import logging
import os
import threading
from collections.abc import Mapping

from app.core.config import RESOURCES

logger = logging.getLogger(__name__)

DOMAIN = "rejoinder-core"
LOCALE_DIR = RESOURCES / "locale"

_lock = threading.Lock()
_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(code: str) -> None:
    """Translate core's messages into ``code`` ("fr", "es", "fr_CA" …) from now on."""
    global _current, _language
    found = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    with _lock:
        _current, _language = found, code
    logger.debug("core messages in %s (%s)", code, type(found).__name__)


def language() -> str:
    return _language


LANGUAGES = ("en", "fr", "es")  # the languages core's catalogues speak
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order


def user_language(chosen: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The language of a command's output: chosen in Settings, else the system's, else English.

    The window follows the same rule (Settings, then the system's locale);
    the command line reads the system's from the environment as gettext
    does (``LANGUAGE`` may list several, ``fr:en``).
    """
    if chosen in LANGUAGES:
        return chosen
    found = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        for value in found.get(name, "").split(":"):
            code = value.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
    return "en"


def _(message: str) -> str:
    """``message`` in the current language (English when there is no translation)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that ``n`` takes in the current language.

    "1 change" and "2 changes" rather than "1 change(s)": each language has
    its own rule (French says "0 modification", English "0 changes"), which
    the catalogue's ``Plural-Forms`` header carries. Both forms keep the
    count as ``{n}`` for ``str.format``.
    """
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue; it is translated where it is shown (gettext's N_)."""
    return message
