"""How the lines of one paragraph join, for every importer that reads lines.

PDF pages and hard-wrapped plain-text files both break paragraphs into lines,
and both need the same decisions: where a paragraph starts (a numbered or
bulleted line), and whether a hyphen at a line end is typographic ("hu-" +
"man" is "human") or part of a compound ("multi-" + "stakeholder"). The
document itself is the best dictionary of its own vocabulary, so the hyphen
decision looks at how the document spells the word elsewhere.

:func:`reflow` applies these to plain text: a blank line, a line indented
deeper than the one before, a numbered or bulleted line, or a line after one
that ends short of the wrap width starts a new paragraph. A file whose lines
are not wrapped at a width (each paragraph already one line) keeps its lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

logger = logging.getLogger(__name__)

_PUNCT = "\"'()[]{}.,;:!?«»“”‘’„*/\\<>|…–—·•"


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-cased words and hyphenated compounds seen in the document.

    Used to decide whether a hyphen at a line end is typographic ("Inter-net")
    or part of a compound ("multi-stakeholder"): the document itself is the
    best dictionary of its own vocabulary. Splitting on whitespace and
    stripping punctuation from the few thousand distinct tokens is ten times
    faster than a Unicode word regex over a long document.
    """
    return words_of(set("\n".join(texts).lower().split()))


def words_of(tokens: Iterable[str]) -> set[str]:
    """:func:`vocabulary` of distinct lower-cased tokens (without whitespace).

    For a caller that has them already (the PDF reader gathers each page's):
    joining, lower-casing and splitting them again would give them back, since
    lower-casing what is lower case changes nothing.
    """
    words: set[str] = set()
    for token in tokens:
        word = token.strip(_PUNCT)
        if not word:
            continue
        words.add(word)
        if "-" in word:
            words.update(word.split("-"))
    return words


def _tail(text: str) -> str:
    """The letters ``text`` ends with.

    Usually its last word, whole: that is told by one slice and one C-speed
    test instead of a test per letter (the left side of a join is the
    paragraph so far).
    """
    word = text[text.rfind(" ") + 1 :]
    if word.isalpha():
        return word  # a space (no letter) or the text's start before it
    return _letters_back(text)


def _letters_back(text: str) -> str:
    end = len(text)
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:end]


def _head(text: str) -> str:
    """The letters ``text`` starts with; usually its first word, told as :func:`_tail` tells."""
    cut = text.find(" ")
    word = text if cut < 0 else text[:cut]
    if word.isalpha():
        return word
    return _letters_forth(text)


def _letters_forth(text: str) -> str:
    i = 0
    while i < len(text) and text[i].isalpha():
        i += 1
    return text[:i]


def join_hyphenated(left: str, right: str, words: set[str]) -> str:
    """Join ``left`` (whose line ended in a hyphen, removed) with ``right``.

    The hyphen is kept when the document spells the compound with a hyphen
    elsewhere, or when both halves are words of the document and the joined
    form never occurs; otherwise the word was split by typesetting.
    """
    tail, head = _tail(left), _head(right)
    if not tail or not head:
        return left + "-" + right
    a, b = tail.lower(), head.lower()
    joined, compound = a + b, a + "-" + b
    if compound in words and joined not in words:
        return left + "-" + right
    if joined in words:
        return left + right
    if b[0] != head[0]:  # "Inter-Parliamentary": a capital after the hyphen
        return left + "-" + right
    if len(a) > 2 and len(b) > 2 and a in words and b in words:
        return left + "-" + right
    return left + right


def join_lines(left: str, right: str, hyphen: bool, words: set[str]) -> str:
    """Re-flow two lines of one paragraph into one string."""
    if not hyphen and left and left[-1] not in "-/\u2014":
        return left + " " + right  # the common case, decided without the checks below
    if hyphen:
        return join_hyphenated(left, right, words)
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return join_hyphenated(left[:-1], right, words)
    if left.endswith(("/", "\u2014")) or not left:
        return left + right
    return left + " " + right


NUMBER = re.compile(
    r"^(?:"
    r"\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\."  # 12.  1.2  1.2.3.
    r"|\(\d{1,3}\)|\d{1,3}\)"  # (12) 12)
    r"|\([a-z]{1,2}\)|[a-z]\)"  # (a) (aa) a)
    r"|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\)"  # (iii) iii)
    r"|\([A-Z]\)|[A-Z]\)"  # (A) A)  — not "A.": initials ("M. Dupont")
    r"|[IVXLC]{1,6}\."  # IV.
    r")(?=\s)"
)

BULLETS = "•▪◦‣∙·–-*○■□➢➤✓"


def paragraph_number(text: str) -> str | None:
    """The number a reader cites a paragraph by ("12.", "(a)"), if it has one."""
    head = text[:8]
    if "." not in head and ")" not in head:
        return None  # every form of NUMBER has its "." or ")" within 8 characters
    match = NUMBER.match(text)
    if match is None:
        return None
    return match.group()


# The bullets that open a list item (the rest of BULLETS only do with a number).
ITEM_BULLETS = BULLETS[:10]


def starts_item(text: str) -> bool:
    """Whether a line opens a numbered or bulleted item.

    Asked of nearly every line of a PDF, so :func:`paragraph_number` is
    inlined: most lines have no "." or ")" near their start.
    """
    if not text:
        return False
    if text[0] in ITEM_BULLETS:
        return True
    head = text[:8]
    return ("." in head or ")" in head) and NUMBER.match(text) is not None


# A file is hard-wrapped when most of its lines end near one width, and that
# width is one people wrap at (e-mail 72, word processors' text export ~100).
_MAX_WRAP_WIDTH = 160
_MIN_WRAPPED_SHARE = 0.4
# A line shorter than this share of the wrap width ends its paragraph.
_SHORT_LINE = 0.7
_LINE_END_PUNCTUATION = ".,;:!?…»”\"'。，；：！？"
_VOCABULARY_BATCH = 10_000


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width the lines were wrapped at, or None when they were not wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > _MAX_WRAP_WIDTH or width < 20:
        return None
    ends = [line.rstrip() for line in lines if len(line.rstrip()) >= width * 0.75]
    if len(ends) < len(lengths) * _MIN_WRAPPED_SHARE:
        return None
    # Wrapped prose breaks mid-sentence; verse and lists end their lines with punctuation.
    punctuated = sum(1 for line in ends if line[-1] in _LINE_END_PUNCTUATION)
    return width if punctuated < len(ends) * 0.5 else None


def reflow(lines: Sequence[str], width: int | None = -1) -> list[str]:
    """Join hard-wrapped ``lines`` into paragraphs, each stripped and on one line.

    ``width`` is the wrap width; by default it is measured with
    :func:`wrap_width`. Without one every non-blank line is its own paragraph,
    as the author typed it.
    """
    if width == -1:
        width = wrap_width(lines)
    if width is None:
        return [line.strip() for line in lines if line.strip()]
    words = _vocabulary_if_needed(lines)
    paragraphs: list[str] = []
    current: str | None = None
    previous_indent = 0
    item_indent: int | None = None  # the first line's indent when the paragraph is an item
    previous_short = True
    for raw in lines:
        line = raw.strip()
        if not line:
            if current is not None:
                paragraphs.append(current)
            current, previous_short = None, True
            continue
        indent = len(raw) - len(raw.lstrip())
        item = starts_item(line)
        # an item's continuation lines may hang indented under its text
        hanging = item_indent is not None and indent > item_indent
        if current is None or previous_short or item or (indent > previous_indent and not hanging):
            if current is not None:
                paragraphs.append(current)
            current = line
            item_indent = indent if item else None
        else:
            assert current is not None
            current = join_lines(current, line, False, words)
        previous_indent = indent
        previous_short = len(raw.rstrip()) < width * _SHORT_LINE
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def _vocabulary_if_needed(lines: Sequence[str]) -> set[str]:
    """The document's words, built only when some line ends in a hyphen.

    The halves of the words split at line ends are left out ("pub-" / "lic"
    are not words of the document), and the words are gathered in batches so
    a large file never holds all its tokens at once.
    """
    if not any(line.rstrip().endswith("-") for line in lines):
        return set()
    words: set[str] = set()
    for start in range(0, len(lines), _VOCABULARY_BATCH):
        batch = lines[start : start + _VOCABULARY_BATCH + 1]
        words |= vocabulary(_without_split_halves(batch))
    return words


def _without_split_halves(lines: Sequence[str]) -> list[str]:
    out: list[str] = []
    after_hyphen = False
    for line in lines:
        tokens = line.split()
        if after_hyphen and tokens:
            tokens = tokens[1:]
        after_hyphen = bool(tokens) and tokens[-1].endswith("-")
        if after_hyphen:
            tokens = tokens[:-1]
        out.append(" ".join(tokens))
    return out
