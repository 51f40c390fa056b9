"""The interface's language: English, French or Spanish, chosen in Settings.

The default follows the system's language when Rejoinder speaks it. The
translations are ``resources/translations/rejoinder_LANG.qm``, compiled from
the ``.ts`` catalogues by ``make translations`` (``pyside6-lrelease``); Qt's
own ``qtbase_LANG.qm`` translates the standard buttons (OK, Cancel) and
dialogs. A missing file leaves the interface in English, never stops it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core import i18n as core_i18n
from app.core.config import RESOURCES

logger = logging.getLogger(__name__)

INTERFACE_LANGUAGES = ("en", "fr", "es")
_installed: list[QTranslator] = []


def catalogue(language: str) -> Path:
    return RESOURCES / "translations" / f"rejoinder_{language}.qm"


def interface_language(chosen: str = "", system: str | None = None) -> str:
    """The language to show: the one chosen in Settings, else the system's, else English."""
    if chosen in INTERFACE_LANGUAGES:
        return chosen
    code = (system if system is not None else QLocale.system().name()).split("_")[0].lower()
    return code if code in INTERFACE_LANGUAGES else "en"


def install(app: QCoreApplication, language: str) -> bool:
    """Show the interface in ``language`` from now on; False when its catalogue is missing."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    core_i18n.set_language(language)  # core's errors follow the interface
    if language == "en":
        # English needs its plural forms only ("1 match", "2 matches"): Qt's %n messages.
        english = QTranslator(app)
        if english.load(str(catalogue("en"))):
            app.installTranslator(english)
            _installed.append(english)
        return True
    ours = QTranslator(app)
    if not ours.load(str(catalogue(language))):
        logger.warning("no interface translation for %s at %s", language, catalogue(language))
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    logger.info("interface language: %s", language)
    return True
