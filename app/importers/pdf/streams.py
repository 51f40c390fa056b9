"""Compressed parts of a PDF measured before pdfium unpacks them.

A PDF of 1 MB can hold a Flate stream that inflates to 1 GB (deflate packs
up to about 1,000:1); pdfium unpacks a page's content stream whole and then
parses it, which took 2.1 GB of memory and half a minute for such a file.
Before a document is opened, every Flate-compressed stream other than an
image (pdfium unpacks images only to draw them) is inflated here in slices
of 1 MB and thrown away, counting bytes: a stream beyond :data:`LIMIT` is
refused, and one beyond :data:`HEAVY` sends the document to a worker process
(:mod:`.workers`), where a cancel or the deadline can stop pdfium at once.
Inflating costs about 1 ms per MB; ordinary documents unpack to a few MB.
"""

from __future__ import annotations

import logging
import re
import zlib

from app.core.errors import ImportFailedError
from app.core.i18n import N_, _

logger = logging.getLogger(__name__)

LIMIT = 256 * 1024 * 1024  # unpacked bytes of one stream
HEAVY = 16 * 1024 * 1024  # unpacked bytes from which a document is read in a worker
_IN = 64 * 1024
_OUT = 1024 * 1024
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_DICT_WINDOW = 2048  # bytes before "stream" searched for the stream's dictionary

TOO_BIG = N_(
    "This PDF holds a compressed part that unpacks to more than {0} MB, more than "
    "any document's text needs; it may be built to overload readers and was not "
    "imported. Ask the sender for another copy."
)


def _inflated(data: bytes, start: int, limit: int) -> int:
    """Bytes the zlib stream at ``start`` inflates to, counting stops past ``limit``."""
    inflater = zlib.decompressobj()
    total = 0
    pos = start
    pending = b""
    while not inflater.eof:
        if not pending:
            if pos >= len(data):
                break
            pending = data[pos : pos + _IN]
            pos += _IN
        try:
            total += len(inflater.decompress(pending, _OUT))
        except zlib.error:
            break  # not Flate, or damaged: pdfium decides what to make of it
        if total > limit:
            break
        pending = inflater.unconsumed_tail
    return total


def largest_stream(data: bytes, limit: int = LIMIT) -> int:
    """The unpacked size of the largest Flate stream that is not an image (up to ``limit``+)."""
    largest = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        obj = head.rfind(b" obj")
        if _IMAGE.search(head[obj:] if obj >= 0 else head):
            continue
        header = data[match.end() : match.end() + 2]
        if len(header) < 2 or header[0] & 0x0F != 8 or header[0] >> 4 > 7:
            continue  # no zlib header: not deflate, or a window zlib does not know
        if (header[0] << 8 | header[1]) % 31:
            continue
        largest = max(largest, _inflated(data, match.end(), limit))
        if largest > limit:
            break
    return largest


def check_streams(data: bytes) -> int:
    """Refuse a document with a stream beyond :data:`LIMIT`; return the largest size."""
    largest = largest_stream(data)
    if largest > LIMIT:
        logger.warning("refused a PDF with a stream unpacking to more than %d bytes", LIMIT)
        raise ImportFailedError(_(TOO_BIG).format(LIMIT // (1024 * 1024)))
    return largest
