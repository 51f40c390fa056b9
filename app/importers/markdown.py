"""Markdown → paragraphs, as a reader of the rendered page sees them.

Parsed with markdown-it-py (CommonMark), which works in linear time: the
regular expressions this replaces were quadratic on emphasis ("*a " repeated
200 KB took 185 s). ``#`` marks, emphasis, bullets and link targets go;
headings become ``HEADING`` paragraphs, block quotes ``QUOTE`` paragraphs,
list items ``LIST_ITEM`` paragraphs that keep the number a reader cites them
by ("12."), code and HTML blocks one paragraph per line.

Two rules inserted at the head of markdown-it's block and inline rule chains
poll the cancel token, so cancelling stops even one enormous line within a
second. Files over :data:`MAX_MARKDOWN_CHARS` are not parsed as Markdown at
all (the caller reads them as plain text and says so): pure-Python parsing of
adversarial input runs at a few seconds per megabyte.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from app.importers.base import ImportOptions, ParagraphKind
from app.importers.builder import leading_number

logger = logging.getLogger(__name__)

# Adversarial emphasis runs at some 20 s per million characters on a loaded
# machine (and holds a few hundred MB): half a million keeps it in budget.
MAX_MARKDOWN_CHARS = 512 * 1024
# How many rule calls pass between two looks at the cancel token.
_POLL_EVERY = 4096


@dataclass(slots=True)
class Block:
    """One paragraph of the rendered page."""

    text: str
    kind: ParagraphKind
    number: str | None
    level: int


def parse(text: str, options: ImportOptions) -> list[Block]:
    """The paragraphs of Markdown ``text``; raises ImportCancelled when cancelled."""
    poll = _Poll(options)
    md = MarkdownIt("commonmark")
    md.block.ruler.before("code", "rejoinder_cancel", poll.block_rule)
    md.inline.ruler.before("text", "rejoinder_cancel", poll.inline_rule)
    tokens = md.parse(text)
    return list(_blocks(tokens))


class _Poll:
    """A rule that never matches and only checks, now and then, for cancellation."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        self.calls = 0

    def _tick(self, position: int, total: int) -> None:
        self.calls += 1
        if self.calls % _POLL_EVERY == 0:
            self.options.report(position, max(total, 1))

    def block_rule(self, state: StateBlock, start: int, end: int, silent: bool) -> bool:
        self._tick(start, end)
        return False

    def inline_rule(self, state: StateInline, silent: bool) -> bool:
        self._tick(state.pos, state.posMax)
        return False


def _blocks(tokens: list[Token]) -> Iterator[Block]:
    """Walk the flat token stream, tracking the list and quote containers."""
    lists: list[str] = []  # "ul" or "ol" for each open list
    quote_depth = 0
    heading: int | None = None
    item_number: str | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.tag)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_number = f"{token.info}{token.markup}" if token.info else None
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = None
        elif kind == "inline":
            text = " ".join(_inline_text(token).split())
            if not text:
                continue
            if heading is not None:
                yield Block(text, ParagraphKind.HEADING, None, heading)
            elif lists:
                number = item_number
                item_number = None
                if number:
                    text = f"{number} {text}"
                yield Block(text, ParagraphKind.LIST_ITEM, number, len(lists))
            elif quote_depth:
                yield Block(text, ParagraphKind.QUOTE, None, 0)
            else:
                yield Block(text, *_numbered(text))
        elif kind in ("fence", "code_block", "html_block"):
            for line in token.content.split("\n"):
                line = " ".join(line.split())
                if line:
                    yield Block(line, ParagraphKind.BODY, None, 0)


def _numbered(text: str) -> tuple[ParagraphKind, str | None, int]:
    """A paragraph typed with its number ("12. Decides…") is a list item, as in plain text."""
    number = leading_number(text)
    if number is None:
        return ParagraphKind.BODY, None, 0
    return ParagraphKind.LIST_ITEM, number, number.rstrip(".").count(".") + 1


def _inline_text(token: Token) -> str:
    """What the rendered line shows: text, code and image descriptions, no marks."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child) if child.children else child.content)
    return "".join(parts)
