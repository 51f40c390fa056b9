"""The deletion probe of issue 17: delete each cited sentence in turn, see where it lands.

For every sentence of a real document (cut at sentence ends and paragraph
breaks, at least ``MIN_CHARS`` long, occurring once), the sentence is cited,
then deleted from the text, and the citation is re-anchored onto what is left.
The right answer is an orphan; any placement is a passage put on a look-alike.
A second pass changes one word of the sentence instead of deleting it: there
the right answer is the edited sentence, found by a fuzzy match.

It lives with the tests (``tests/core/test_deletion_probe.py`` runs it as a
property test on the fixtures); ``bench/deletion_probe.py`` prints its figures
for ``bench/RESULTS.md``. Tests never import bench.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.anchoring import make_anchor
from app.core.reanchoring import Reanchoring, reanchor
from app.core.structure import Structure
from app.importers.base import ImportOptions, Paragraph
from app.importers.detect import import_file

MIN_CHARS = 10
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(A-Z0-9])")
_WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    paragraphs: tuple[Paragraph, ...]


def load(path: Path) -> Document:
    imported = import_file(path.read_bytes(), path.name, ImportOptions())
    return Document(path.name, imported.text, tuple(imported.paragraphs))


def sentences(doc: Document) -> list[tuple[int, int]]:
    """Spans of the sentences that occur once and are long enough to cite."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", doc.text):
        at = line.start()
        for piece in _SENTENCE_END.split(line.group()):
            start = doc.text.index(piece, at)
            at = start + len(piece)
            stripped = piece.strip()
            if len(stripped) < MIN_CHARS:
                continue
            start += piece.index(stripped)
            if doc.text.count(stripped) == 1:
                out.append((start, start + len(stripped)))
    return out


def _shifted(paragraphs: Sequence[Paragraph], at: int, delta: int) -> list[Paragraph]:
    """Paragraph offsets after ``delta`` code points were inserted (or removed) at ``at``."""
    out = []
    for p in paragraphs:
        start = p.start + delta if p.start > at else p.start
        end = p.end + delta if p.end > at else p.end
        if end > start:
            out.append(replace(p, start=start, end=end))
    return out


def _place(doc: Document, start: int, end: int, new_text: str, delta: int) -> Reanchoring:
    anchor = make_anchor(doc.text, start, end)
    origin = Structure(doc.text, doc.paragraphs)
    structure = Structure(new_text, _shifted(doc.paragraphs, start, delta))
    return reanchor(
        anchor, new_text, place=origin.place(start, end), structure=structure, origin=origin
    )


def delete(doc: Document, span: tuple[int, int]) -> Reanchoring:
    """Re-anchor the sentence ``span`` onto the text without it."""
    start, end = span
    while end < len(doc.text) and doc.text[end] == " ":
        end += 1
    new_text = doc.text[:start] + doc.text[end:]
    return _place(doc, *span, new_text, start - end)


def edit_one_word(doc: Document, span: tuple[int, int]) -> tuple[Reanchoring, str, str] | None:
    """Re-anchor the sentence after one of its middle words changed; None if it has none."""
    start, end = span
    words = list(_WORD.finditer(doc.text, start, end))
    if len(words) < 5:
        return None
    word = words[len(words) // 2]
    new_word = word.group()[::-1].lower()
    new_text = doc.text[: word.start()] + new_word + doc.text[word.end() :]
    delta = len(new_word) - len(word.group())
    expected = new_text[start : end + delta]
    return _place(doc, start, end, new_text, delta), new_text, expected


@dataclass
class Tally:
    deleted: int = 0
    wrong: int = 0
    edited: int = 0
    edited_right: int = 0
    edited_orphan: int = 0
    edited_wrong: int = 0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / max(1, self.deleted)


def probe(doc: Document) -> Iterator[tuple[str, tuple[int, int], Reanchoring]]:
    """``("delete" | "edit-right" | "edit-orphan" | "edit-wrong", span, result)`` per probe."""
    for span in sentences(doc):
        found = delete(doc, span)
        yield ("delete", span, found)
        edited = edit_one_word(doc, span)
        if edited is None:
            continue
        found, new_text, expected = edited
        if found.is_orphan:
            yield ("edit-orphan", span, found)
        elif new_text[found.start : found.end] == expected:
            yield ("edit-right", span, found)
        else:
            yield ("edit-wrong", span, found)


def tally(doc: Document) -> Tally:
    t = Tally()
    for kind, _, found in probe(doc):
        if kind == "delete":
            t.deleted += 1
            t.wrong += not found.is_orphan
        else:
            t.edited += 1
            t.edited_right += kind == "edit-right"
            t.edited_orphan += kind == "edit-orphan"
            t.edited_wrong += kind == "edit-wrong"
    return t
