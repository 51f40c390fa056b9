"""Defences for reading untrusted ZIP and XML: submissions come from anyone.

A DOCX or ODT file is a ZIP of XML parts, and both layers can be weaponised:
a "zip bomb" unpacks a few kilobytes into gigabytes, and XML entities can
expand without bound or reach out to files and the network. Every OOXML/ODF
import therefore opens its archive through :func:`open_zip`, which checks the
central directory *before* anything is unpacked, and parses every part with
:data:`XML_PARSER`. python-docx is only handed a package that passed
:func:`open_zip`; its own parser already refuses entities.
"""

from __future__ import annotations

import logging
import zipfile
from io import BytesIO

from lxml import etree

from app.core.errors import FileTooLargeError, ImportFailedError
from app.core.i18n import N_, _
from app.importers.base import ImportOptions

logger = logging.getLogger(__name__)

ENCRYPTED = N_(
    "This document is protected with a password, and Rejoinder cannot open "
    "password-protected documents. Open it in its program, remove the password, "
    "save it, and import it again."
)

MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
# One XML part is parsed whole into a tree of about ten times its size: 40 MB
# (some 7,000 pages; an 872-page handbook is 5 MB) keeps an import under 1 GB.
MAX_XML_PART = 40 * 1024 * 1024
# Methods zipfile can inflate; 99 is WinZip AES, anything else is unknown.
_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_AES = 99
# Small members may compress extremely well (a part of repeated empty cells);
# the ratio limit only matters once a member is big enough to hurt.
RATIO_APPLIES_ABOVE = 4 * 1024 * 1024


def hardened_parser() -> etree.XMLParser:
    """A parser that resolves no entity and reaches no file or network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


XML_PARSER = hardened_parser()
# Large parts are fed to the parser in chunks, with a look at the cancel token
# between them, so cancelling stops even the parse of a 40 MB part in time.
FEED_CHUNK = 1024 * 1024

DAMAGED = N_(
    "The file is damaged or incomplete and cannot be read. "
    "If you can open it in its original program, save it again and import the new copy."
)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking it cannot unpack to something huge."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        raise ImportFailedError(_(DAMAGED)) from error
    try:
        check_limits(archive.infolist())
    except FileTooLargeError:
        archive.close()
        raise
    return archive


def check_limits(members: list[zipfile.ZipInfo]) -> None:
    """Refuse archives with too many members, too much content, or bomb-like ratios."""
    if len(members) > MAX_MEMBERS:
        raise FileTooLargeError(
            _(
                "The document holds {count:,} parts, more than the {limit:,} "
                "Rejoinder accepts; it may be damaged or deliberately malformed."
            ).format(count=len(members), limit=MAX_MEMBERS)
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1 or member.compress_type == _AES:
            raise ImportFailedError(_(ENCRYPTED))
        if member.compress_type not in _READABLE_METHODS:
            raise ImportFailedError(_(DAMAGED))
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_APPLIES_ABOVE and ratio > MAX_RATIO:
            raise FileTooLargeError(
                _(
                    "The document is compressed far more than real documents are "
                    "({ratio:,.0f} to 1); it may be a deliberately malformed file and was "
                    "not opened."
                ).format(ratio=ratio)
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise FileTooLargeError(
            _(
                "The document unpacks to {size:,.0f} MB, more than the {limit} MB "
                "Rejoinder accepts."
            ).format(size=total / 1048576, limit=MAX_TOTAL_UNCOMPRESSED // 1048576)
        )


def read_member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """The bytes of one member, or None when it is absent.

    Reading never returns more than the size the directory declared, so a
    member that lies about its size cannot exceed the checked total.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_PART:
        raise FileTooLargeError(
            _(
                "The document's text unpacks to {size:,.0f} MB, more than the {limit} "
                "MB (some 7,000 pages) Rejoinder reads in one document. Split it into "
                "parts and import each one."
            ).format(size=info.file_size / 1048576, limit=MAX_XML_PART // 1048576)
        )
    try:
        with archive.open(info) as member:
            return member.read(info.file_size + 1)[: info.file_size]
    except RuntimeError as error:  # zipfile's "File is encrypted, password required"
        raise ImportFailedError(_(ENCRYPTED)) from error
    except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as error:
        raise ImportFailedError(_(DAMAGED)) from error


def parse_xml(data: bytes, options: ImportOptions | None = None) -> etree._Element:
    """Parse one XML part with the hardened parser; malformed XML is a damaged file.

    With ``options``, a part larger than :data:`FEED_CHUNK` is fed in chunks
    and cancelling takes effect between them.
    """
    try:
        if options is None or len(data) <= FEED_CHUNK:
            root = etree.fromstring(data, XML_PARSER)
        else:
            parser = hardened_parser()
            for at in range(0, len(data), FEED_CHUNK):
                options.report(at, len(data))
                parser.feed(data[at : at + FEED_CHUNK])
            root = parser.close()
    except etree.XMLSyntaxError as error:
        raise ImportFailedError(_(DAMAGED)) from error
    if root is None:
        raise ImportFailedError(_(DAMAGED))
    return root
