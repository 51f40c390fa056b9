"""Compressed parts of a PDF measured before pdfium unpacks them.

A PDF of 1 MB can hold a Flate stream that inflates to 1 GB (deflate packs
up to about 1,000:1); pdfium unpacks a page's content stream whole and then
parses it, which took 2.1 GB of memory and half a minute for such a file.
Before a document is opened, every Flate-compressed stream other than an
image (pdfium unpacks images only to draw them) is inflated here in slices
of 1 MB and thrown away, counting bytes: a stream beyond :data:`LIMIT` is
refused, and one beyond :data:`HEAVY` sends the document to a worker process
(:mod:`.workers`), where a cancel or the deadline can stop pdfium at once.

Inflating costs about 3 ms per MB on a slow core, and a 300-page document's
pages unpack to 3 MB: 10 ms before any page is read, a twentieth of the
import. Most of it is not needed. Deflate packs at most about 1,032:1, and
pdfium inflates a stream's ``/Length`` bytes when that length is written
out and ``endstream`` follows it; such a stream of 16 KB or less cannot
reach :data:`HEAVY`, let alone :data:`LIMIT`, so the check for whether a
document is heavy (:func:`check_streams`) skips it uninflated. A length by
reference, or one that does not end where it says, is inflated as before.
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
# A literal start lets the regex engine search fast; a lookbehind for "end"
# made it try every byte of the file (20 ms for a 700 kB document).
_STREAM = re.compile(rb"stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_DICT_WINDOW = 2048  # bytes before "stream" searched for the stream's dictionary
_RATIO = 1033  # deflate's largest expansion (1,032:1), rounded up
_LENGTH = re.compile(rb"/Length\s+(\d+)(?![\d.])(?!\s+\d+\s+R)")

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


def _stated_length(data: bytes, head: bytes, start: int) -> int | None:
    """The stream's ``/Length`` when pdfium will inflate just that many bytes, else None.

    Only a length written as a number, the only one in the dictionary, and
    followed by ``endstream`` where it says: pdfium then reads exactly that
    many bytes; otherwise it searches for ``endstream``, and so do we, by inflating.
    """
    found = _LENGTH.findall(head)
    if len(found) != 1:
        return None
    length = int(found[0])
    if not data[start + length : start + length + 12].lstrip().startswith(b"endstream"):
        return None
    return length


def largest_stream(data: bytes, limit: int = LIMIT, floor: int = 0) -> int:
    """The unpacked size of the largest Flate stream that is not an image (up to ``limit``+).

    With a ``floor``, streams whose stated length cannot unpack beyond it
    are not inflated (nor counted): only whether some stream exceeds
    ``floor`` is then known.
    """
    largest = 0
    for match in _STREAM.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        obj = head.rfind(b" obj")
        if obj >= 0:
            head = head[obj:]
        if _IMAGE.search(head):
            continue
        if floor:
            length = _stated_length(data, head, match.end())
            if length is not None and length * _RATIO + 1024 <= floor:
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
    """Refuse a document with a stream beyond :data:`LIMIT`; return the largest size.

    Streams too short to unpack beyond :data:`HEAVY` are skipped, so the
    answer is exact only above :data:`HEAVY` (and 0 when no stream can get there).
    """
    largest = largest_stream(data, floor=HEAVY)
    if largest > LIMIT:
        logger.warning("refused a PDF with a stream unpacking to more than %d bytes", LIMIT)
        raise ImportFailedError(_(TOO_BIG).format(LIMIT // (1024 * 1024)))
    return largest
