"""Make text safe for XML before any renderer sees it.

Quotes come from PDF extraction and are full of characters that XML 1.0
forbids (pdftotext's form feed, pypdfium2's ``\\x02`` hyphen marks, symbol-font
bullets as ``\\x03``); python-docx raises ``ValueError`` on them and a lone
surrogate raises ``UnicodeEncodeError`` at save time. Cleaning once, at the
boundary, means no renderer has to care.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Drop XML-illegal characters and lone surrogates; normalise line ends to ``\\n``.

    The form feed becomes a space rather than vanishing, because pdftotext
    puts it between pages and the words on either side must not be glued
    together (a line break could split a markup tag).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", " ")
    return _ILLEGAL.sub("", text)
