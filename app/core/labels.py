"""Journal labels: stored in English in the project, shown in the reader's language.

A project is shared by colleagues who may read different languages, so the
label of an operation ("Add section") is written to the journal in English
and translated where it is shown: Edit › Undo, ``rejoinder undo`` and
``rejoinder log``. Most labels are fixed words, looked up as they are; a few
carry a name or a number ("Merge “copy.rejoinder”"). Those are built from a
template here, and :func:`shown` recognises the template in the stored label
to translate it and put the names back.
"""

from __future__ import annotations

import logging
import re
import string
from functools import cache

from app.core.i18n import N_, _

logger = logging.getLogger(__name__)

MERGE = N_("Merge “{name}”")
GIVE_ROLE = N_("Give {login} the role {role}")
REVISED_EXPORT = N_("Record final export Rev.{revision}")
TEMPLATES = (MERGE, GIVE_ROLE, REVISED_EXPORT)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(f"(?P<{field}>.+?)")
    return re.compile("".join(parts))


def shown(label: str) -> str:
    """``label`` as stored in the journal, in the current language (English if unknown)."""
    translated = _(label)
    if translated != label:
        return translated
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(label)
        if found is not None:
            return _(template).format(**found.groupdict())
    return label
