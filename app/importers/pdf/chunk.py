"""A run of pages read and laid out on its own: the unit of work of a worker process.

Reading lines from pdfium is four fifths of an import, and laying out a page
needs only that page and a few figures about the whole document. So pages
are read and laid out per range of pages (:class:`Chunk`), possibly in other
processes, while the decisions that need every page (is there text at all,
the body type size, the document's vocabulary, running headers and page
numbers) are made once, from each range's :class:`Summary`
(:func:`plan_document`). The sequential import runs the same steps on one
range of every page, so both give the same text by construction; a test
compares them on every sample PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from app.core.errors import ImportFailedError, NeedsOcrError
from app.core.i18n import N_, _
from app.importers.pdf.flow import Laid, note_paragraphs, paragraphs, place
from app.importers.pdf.layout import Edge, edges, find_running, reading_order, split_footnotes
from app.importers.pdf.lines import Line, read_lines
from app.importers.pdf.text import garbled_share, words_of

logger = logging.getLogger(__name__)

DAMAGED = N_(
    "This PDF file is damaged or incomplete (perhaps an interrupted download), "
    "and no text could be read from it. Ask the sender for a new copy."
)
SAMPLE = 50_000  # characters of text whose decoding is checked


@dataclass(slots=True)
class Summary:
    """What the whole-document decisions need from a range of pages."""

    start: int
    bad: list[int]  # page numbers (from 1) that pdfium could not load
    empty: list[int]  # page numbers (from 1) without text
    visible: int  # characters other than spaces
    sample: str | None  # the lines' text joined by spaces, cut at SAMPLE; None: no lines
    head: str  # the first page's lines joined by spaces
    sizes: dict[float, int]  # characters per type size, in order of appearance
    words: set[str]
    edges: list[list[Edge]]  # per page, what find_running needs of the lines at its edges
    # garbled_share(sample), when this range's sample is all the document's check
    # reads (a full one from the first page): measured here, in parallel.
    garbled: float | None


@dataclass(slots=True)
class Plan:
    """The whole-document decisions, handed back to every range for its layout."""

    warnings: list[str]
    words: set[str]
    body_size: float
    detected: list[str | None]  # printed page numbers found on the pages
    furniture: list[set[int]] = field(default_factory=list)  # per page, lines to drop


def _load_page(raw_doc: Any, index: int) -> tuple[Any, Any] | None:
    """Raw (page, text page) handles, or None when pdfium cannot load the page.

    Raw handles, not pypdfium2's wrapper objects: a page is closed as soon
    as its lines are read, so their finalizers and parent links buy nothing,
    and :func:`read_lines` works on the raw text page anyway.
    """
    page = pdfium_c.FPDF_LoadPage(raw_doc, index)
    if not page:
        return None
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        pdfium_c.FPDF_ClosePage(page)
        return None
    return page, textpage


# What a range's summary needs of one page, noted as the page is read:
# characters per type size (in order of appearance), its distinct lower-case
# tokens, and its edge lines' facts for find_running.
_Facts = tuple[dict[float, int], set[str], list[Edge]]


def _facts(lines: list[Line]) -> _Facts:
    """One page's part of the summary, so that it is balanced with the reading.

    The two readers of a range meet where their speeds put them; work done
    for each page a reader read is shared the same way, while work left for
    the summary would make whichever read more pages the other's wait.
    """
    sizes: dict[float, int] = {}
    texts: list[str] = []
    after_hyphen = False
    for ln in lines:
        text = ln.text
        sizes[ln.size] = sizes.get(ln.size, 0) + len(text)
        # The vocabulary leaves out fragments of words split at a line end.
        if after_hyphen:
            text = text.split(maxsplit=1)[1] if " " in text else ""
        if ln.hyphen:
            text = text.rsplit(maxsplit=1)[0] if " " in text else ""
        texts.append(text)
        after_hyphen = ln.hyphen
    # The page's distinct tokens; the vocabulary is made once from a range's
    # (its per-token work would otherwise repeat for every page a word is on).
    tokens = set("\n".join(texts).lower().split())
    return sizes, tokens, edges(lines)


class Chunk:
    """Pages ``start`` to ``start + len(pages)`` of a document, read into lines."""

    def __init__(
        self, start: int, pages: list[list[Line]], bad: list[int], facts: list[_Facts]
    ) -> None:
        self.start = start
        self.pages = pages
        self.bad = bad
        self.facts = facts

    @classmethod
    def read(
        cls, raw_doc: Any, indexes: Iterable[int], done: Callable[[int], None] | None = None
    ) -> Chunk:
        """Read the pages ``indexes`` gives, one run of neighbours in either direction.

        ``done(index)`` after each page (it may raise). A worker reading from
        the end of a range towards its partner (:mod:`.workers`) gives them
        backwards; the chunk holds them in page order.
        """
        read: list[tuple[int, list[Line]]] = []
        bad: list[int] = []
        for index in indexes:
            handles = _load_page(raw_doc, index)
            lines: list[Line] = []
            if handles is None:
                bad.append(index + 1)
            else:
                try:
                    lines = read_lines(handles[1])
                finally:
                    pdfium_c.FPDFText_ClosePage(handles[1])
                    pdfium_c.FPDF_ClosePage(handles[0])
            read.append((index, lines))
            if done is not None:
                done(index)
        if len(read) > 1 and read[0][0] > read[-1][0]:
            read.reverse()
            bad.reverse()
        pages = [page[1] for page in read]
        # Each page's facts once its reader has read its last page, still in
        # proportion to the pages it read: between two pages, pdfium's loading
        # of the next one evicted the Python work's code and data from the
        # caches, which cost 5 ms of the facts and 7 of read_lines (300 pages).
        return cls(read[0][0] if read else 0, pages, bad, [_facts(lines) for lines in pages])

    def summary(self) -> Summary:
        sizes: dict[float, int] = {}
        tokens: set[str] = set()
        for facts in self.facts:  # in page order: a tie of sizes goes to the first
            for size, count in facts[0].items():
                sizes[size] = sizes.get(size, 0) + count
            tokens |= facts[1]
        joined = " ".join([ln.text for lines in self.pages for ln in lines])
        visible = _visible(joined)
        sample = joined[:SAMPLE] if any(self.pages) else None
        return Summary(
            start=self.start,
            bad=list(self.bad),
            empty=[self.start + i + 1 for i, lines in enumerate(self.pages) if not lines],
            visible=visible,
            sample=sample,
            head=" ".join(ln.text for ln in self.pages[0]) if self.pages else "",
            sizes=sizes,
            words=words_of(tokens),
            edges=[facts[2] for facts in self.facts],
            garbled=(
                garbled_share(sample)
                if self.start == 0 and sample is not None and len(sample) == SAMPLE
                else None
            ),
        )

    def layout(self, furniture: list[set[int]], words: set[str], body_size: float) -> list[Laid]:
        """Each page ordered, its footnotes split off, its lines re-flowed and placed.

        One step at a time over all the pages rather than all the steps page
        by page: a step's code and data then stay in the processor's caches
        (3 ms of 35 for the 300-page benchmark). The steps are independent
        per page, so the pages come out as page by page.
        """
        kept = [
            _without(lines, dropped) for lines, dropped in zip(self.pages, furniture, strict=True)
        ]
        ordered = [reading_order(lines) for lines in kept]
        split = [split_footnotes(blocks, body_size) for blocks in ordered]
        bodies = [paragraphs(blocks, words) for blocks, _ in split]
        notes = [note_paragraphs(lines, words) for _, lines in split]
        return [place(body, note, body_size) for body, note in zip(bodies, notes, strict=True)]


def _without(lines: list[Line], dropped: set[int]) -> list[Line]:
    """``lines`` but those at the positions ``dropped`` (a page's furniture: a few lines).

    A copy with those deleted, back to front so that the positions hold: a
    comprehension asked every line's position of the set.
    """
    if not dropped:
        return lines
    kept = lines.copy()
    for i in sorted(dropped, reverse=True):
        if 0 <= i < len(lines):
            del kept[i]
    return kept


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _visible(text: str) -> int:
    """How many characters of ``text`` are not whitespace.

    In printable ASCII only " " is; whether ASCII text is printable is told
    by deleting the printable bytes, three times faster than ``isprintable``
    over the whole document's text.
    """
    if text.isascii():
        plain = text.encode("ascii")
        if not plain.translate(None, _PRINTABLE_ASCII):
            return len(plain) - plain.count(b" ")
    return sum(map(len, text.split()))


def _body_size(summaries: list[Summary]) -> float:
    by_size: dict[float, int] = {}
    for summary in summaries:
        for size, count in summary.sizes.items():
            by_size[size] = by_size.get(size, 0) + count
    # Rounded to half points; keys keep the order of first appearance, which
    # decides a tie as a pass over the lines would.
    weights: dict[float, int] = {}
    for size, count in by_size.items():
        key = round(size * 2) / 2
        weights[key] = weights.get(key, 0) + count
    return max(weights, key=lambda k: weights[k]) if weights else 10.0


def _check_readable(
    summaries: list[Summary], total: int, warnings: list[str], ocr_hint: Callable[[], str]
) -> None:
    if sum(s.visible for s in summaries) < 3 * max(1, total):
        raise NeedsOcrError(
            _("This PDF has no text layer: it looks like a scanned image.") + " " + ocr_hint()
        )
    head = summaries[0].head if summaries and summaries[0].start == 0 else ""
    if "This PDF file is protected" in head and (
        "different reader" in head or "Microsoft" in head or "rights" in head.lower()
    ):
        raise ImportFailedError(
            _(
                "This PDF is rights-protected (Microsoft Information Rights Management): "
                "only a notice page can be read without Microsoft's software. Ask the "
                "sender for an unprotected copy."
            )
        )
    first = summaries[0].garbled if summaries else None
    share = (
        first
        if first is not None
        else garbled_share(" ".join(s.sample for s in summaries if s.sample is not None)[:SAMPLE])
    )
    if share > 0.5:
        raise ImportFailedError(
            _(
                "The text of this PDF cannot be decoded (its fonts carry no Unicode "
                "mapping). Run text recognition (OCR) on it, or ask for another copy."
            )
        )
    if share > 0.1:
        warnings.append(
            _("Part of this PDF's text could not be decoded and may read as gibberish.")
        )
    empty = [str(n) for s in summaries for n in s.empty]
    if empty and len(empty) < total:
        listed = ", ".join(empty[:10]) + ("…" if len(empty) > 10 else "")
        warnings.append(
            _("Some pages have no text (images or scans): {pages}.").format(pages=listed)
        )


def plan_document(summaries: list[Summary], total: int, ocr_hint: Callable[[], str]) -> Plan:
    """The decisions that need every page, from the summaries of ranges in page order."""
    warnings: list[str] = []
    bad = [n for s in summaries for n in s.bad]
    if bad:
        if len(bad) == total:
            raise ImportFailedError(_(DAMAGED))
        listed = ", ".join(str(n) for n in bad[:10]) + ("…" if len(bad) > 10 else "")
        warnings.append(
            _("Some pages could not be read and were skipped: {pages}.").format(pages=listed)
        )
    _check_readable(summaries, total, warnings, ocr_hint)
    words: set[str] = set()
    for s in summaries:
        words |= s.words
    detected, furniture = find_running([page for s in summaries for page in s.edges])
    return Plan(warnings, words, _body_size(summaries), detected, furniture)
