"""The project's rich-text markup: five elements and nothing else.

Responses, paragraphs, openings and closings are stored in this markup, never
as Qt's HTML, so that the project file, the JSON dump, the CLI's ``--text`` and
every renderer agree on one small, checkable language::

    <b>…</b> <i>…</i> <u>…</u> <a href="URL">…</a> <fn>footnote text</fn>

``&amp; &lt; &gt; &quot;`` escape; a line break separates paragraphs; a tag
never spans a line break; ``<fn>`` may hold b/i/u/a but no other ``<fn>``;
``<a>`` holds no other ``<a>``. The parser is strict: anything else raises
:class:`~app.core.errors.MarkupError` with a message that says where.

The parsed form is a tuple of paragraphs, each a tuple of :class:`Run` and
:class:`Footnote`. It is *normalised*: no empty runs, and no two neighbouring
runs with the same style. ``parse(serialize(doc)) == doc`` for every normalised
document, and ``serialize`` always writes the same text for the same document.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace

from app.core.errors import MarkupError
from app.core.i18n import _

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "ftp://")

_TOKEN = re.compile(r"<[^<>]*>?|&[^;&<\s]*;?")
_TAG = re.compile(r'<(/?)(b|i|u|fn|a)(?:\s+href="([^"]*)")?\s*>\Z')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_STYLE_TAGS = ("b", "i", "u")


@dataclass(frozen=True, slots=True)
class Run:
    """Text with one style. ``href`` is set inside a link."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    href: str | None = None

    def same_style(self, other: Run) -> bool:
        return (self.bold, self.italic, self.underline, self.href) == (
            other.bold,
            other.italic,
            other.underline,
            other.href,
        )


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote; its content is one paragraph of runs."""

    runs: tuple[Run, ...]


Inline = Run | Footnote
Paragraph = tuple[Inline, ...]
Document = tuple[Paragraph, ...]


def escape(text: str) -> str:
    """Escape plain text so that it parses back to itself."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _check_href(href: str, where: str) -> str:
    if not href:
        raise MarkupError(_("A link has no address ({where}).").format(where=where))
    if not href.lower().startswith(ALLOWED_SCHEMES):
        raise MarkupError(
            _(
                "The link address “{href}” must start with http://, https://, mailto: or "
                "ftp:// ({where})."
            ).format(href=href, where=where)
        )
    return href


def _unescape_href(raw: str, where: str) -> str:
    out: list[str] = []
    pos = 0
    for m in re.finditer(r"&[^;&\s]*;?", raw):
        out.append(raw[pos : m.start()])
        entity = m.group(0)
        if entity not in _ENTITIES:
            raise MarkupError(
                _("Unknown escape “{entity}” in a link address ({where}).").format(
                    entity=entity, where=where
                )
            )
        out.append(_ENTITIES[entity])
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out)


def _normalise(runs: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in runs:
        if isinstance(item, Run):
            if not item.text:
                continue
            last = out[-1] if out else None
            if isinstance(last, Run) and last.same_style(item):
                out[-1] = replace(last, text=last.text + item.text)
                continue
        out.append(item)
    return out


def _parse_paragraph(line: str, line_no: int) -> Paragraph:
    if "<" not in line and "&" not in line and ">" not in line:
        return (Run(line),) if line else ()  # plain text: one run, as the loop would make
    stack: list[str] = []
    href: str | None = None
    runs: list[Inline] = []
    footnote_runs: list[Run] | None = None
    pos = 0

    def where(offset: int) -> str:
        return _("line {line}, character {character}").format(line=line_no, character=offset + 1)

    def add_text(text: str) -> None:
        run = Run(
            text,
            bold="b" in stack,
            italic="i" in stack,
            underline="u" in stack,
            href=href,
        )
        if footnote_runs is not None:
            footnote_runs.append(run)
        else:
            runs.append(run)

    for m in _TOKEN.finditer(line):
        if m.start() > pos:
            add_text(line[pos : m.start()])
        token = m.group(0)
        pos = m.end()
        if token.startswith("&"):
            if token not in _ENTITIES:
                raise MarkupError(
                    _(
                        "Unknown or unfinished escape “{token}” at {where}; write & as &amp;."
                    ).format(token=token, where=where(m.start()))
                )
            add_text(_ENTITIES[token])
            continue
        tag = _TAG.match(token)
        if tag is None:
            shown = token if len(token) < 40 else token[:37] + "…"
            raise MarkupError(
                _(
                    "“{shown}” at {where} is not one of the allowed tags <b>, <i>, <u>, <a "
                    'href="…">, <fn>; write < as &lt;.'
                ).format(shown=shown, where=where(m.start()))
            )
        closing, name, raw_href = tag.group(1), tag.group(2), tag.group(3)
        if closing:
            if raw_href is not None:
                raise MarkupError(
                    _("A closing tag has an attribute at {where}.").format(where=where(m.start()))
                )
            if not stack or stack[-1] != name:
                expected = f"</{stack[-1]}>" if stack else _("no closing tag")
                raise MarkupError(
                    _("</{name}> at {where} does not match: expected {expected}.").format(
                        name=name, where=where(m.start()), expected=expected
                    )
                )
            stack.pop()
            if name == "a":
                href = None
            elif name == "fn":
                assert footnote_runs is not None
                note_runs = [r for r in _normalise(list(footnote_runs)) if isinstance(r, Run)]
                runs.append(Footnote(tuple(note_runs)))
                footnote_runs = None
            continue
        if name == "a":
            if raw_href is None:
                raise MarkupError(
                    _('<a> at {where} needs href="…".').format(where=where(m.start()))
                )
            if href is not None:
                raise MarkupError(
                    _("A link inside a link at {where}.").format(where=where(m.start()))
                )
            href = _check_href(_unescape_href(raw_href, where(m.start())), where(m.start()))
        elif raw_href is not None:
            raise MarkupError(
                _("<{name}> takes no attribute at {where}.").format(
                    name=name, where=where(m.start())
                )
            )
        elif name in stack:
            raise MarkupError(
                _("<{name}> inside <{name}> at {where}.").format(name=name, where=where(m.start()))
            )
        elif name == "fn":
            if stack:
                raise MarkupError(
                    _("A footnote must not start inside <{tag}> at {where}.").format(
                        tag=stack[-1], where=where(m.start())
                    )
                )
            footnote_runs = []
        stack.append(name)
    if pos < len(line):
        add_text(line[pos:])
    if stack:
        raise MarkupError(
            _("<{tag}> is not closed before the end of line {line_no}.").format(
                tag=stack[-1], line_no=line_no
            )
        )
    return tuple(_normalise(runs))


@functools.lru_cache(maxsize=8192)
def parse(markup: str) -> Document:
    """Parse markup into a normalised document, or raise :class:`MarkupError`.

    Kept per text (the document is immutable): preflight, the tree and the
    renderer of one export parse each response two or three times.
    """
    lines = markup.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(_parse_paragraph(line, i + 1) for i, line in enumerate(lines))


def validate(markup: str) -> str:
    """Return ``markup`` unchanged if it parses; raise :class:`MarkupError` otherwise."""
    parse(markup)
    return markup


def _tags_for(run: Run) -> list[str]:
    tags = [] if run.href is None else [f'a href="{escape(run.href)}"']
    if run.bold:
        tags.append("b")
    if run.italic:
        tags.append("i")
    if run.underline:
        tags.append("u")
    return tags


def _serialize_runs(runs: tuple[Run, ...] | list[Run]) -> str:
    out: list[str] = []
    open_tags: list[str] = []
    for run in runs:
        wanted = _tags_for(run)
        keep = 0
        while keep < min(len(open_tags), len(wanted)) and open_tags[keep] == wanted[keep]:
            keep += 1
        for tag in reversed(open_tags[keep:]):
            out.append(f"</{tag.split()[0]}>")
        for tag in wanted[keep:]:
            out.append(f"<{tag}>")
        open_tags = wanted
        out.append(escape(run.text))
    for tag in reversed(open_tags):
        out.append(f"</{tag.split()[0]}>")
    return "".join(out)


def serialize(doc: Document) -> str:
    """Write a document as markup; the inverse of :func:`parse` on normalised documents."""
    paragraphs: list[str] = []
    for paragraph in doc:
        parts: list[str] = []
        pending: list[Run] = []
        for item in paragraph:
            if isinstance(item, Run):
                pending.append(item)
                continue
            parts.append(_serialize_runs(pending))
            pending = []
            parts.append(f"<fn>{_serialize_runs(item.runs)}</fn>")
        parts.append(_serialize_runs(pending))
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def plain_text(markup: str, footnote_marks: bool = False) -> str:
    """The text a reader sees, without formatting; footnotes dropped or shown as ``[n]``."""
    out: list[str] = []
    counter = 0
    for paragraph in parse(markup):
        parts: list[str] = []
        for item in paragraph:
            if isinstance(item, Run):
                parts.append(item.text)
            elif footnote_marks:
                counter += 1
                parts.append(f"[{counter}]")
        out.append("".join(parts))
    return "\n".join(out)


def footnotes(markup: str) -> list[Footnote]:
    """All footnotes of a markup text, in order."""
    return [item for p in parse(markup) for item in p if isinstance(item, Footnote)]
