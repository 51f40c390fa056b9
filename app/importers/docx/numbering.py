"""Word's automatic list numbers, rendered as the reader sees them.

UN and ITU documents are cited by paragraph numbers that exist only as
numbering definitions (``numbering.xml``), never as characters in the text,
so they must be recomputed: the paragraph's ``numPr`` (direct or inherited
from its paragraph style) names a numbering instance (``w:num``) and a level;
the instance points to an abstract definition whose level gives the start,
the format and the template (``lvlText`` such as ``"%1.%2."``).

Counters are kept per abstract definition, as Word does: two instances of
the same definition continue one another unless an instance overrides the
start (``startOverride``), which restarts that level when the instance is
first used. Using a level resets the deeper levels, unless a level's
``lvlRestart`` says otherwise.

Elements are matched by local name so that Strict OOXML, which uses other
namespace URIs, reads the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml import etree

from app.importers.docx.xml import attr, child, children

logger = logging.getLogger(__name__)

_BULLET_FORMATS = {"bullet"}
_NO_NUMBER_FORMATS = {"none"}


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """Parsed ``numbering.xml`` plus the running counters of one document walk."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        self.style_levels: dict[str, int] = {}
        if root is not None:
            self._parse(root)

    def _parse(self, root: etree._Element) -> None:
        for abstract in children(root, "abstractNum"):
            key = attr(abstract, "abstractNumId") or ""
            self.abstracts[key] = {}
            for lvl in children(abstract, "lvl"):
                level = _level(lvl)
                ilvl = int(attr(lvl, "ilvl") or 0)
                self.abstracts[key][ilvl] = level
                if level.style:
                    self.style_levels[level.style] = ilvl
            link = child(abstract, "numStyleLink")
            if link is not None:
                self.style_links[key] = attr(link, "val") or ""
        for num in children(root, "num"):
            abstract_id = child(num, "abstractNumId")
            instance = Instance(abstract=attr(abstract_id, "val") or "")
            for override in children(num, "lvlOverride"):
                ilvl = int(attr(override, "ilvl") or 0)
                start = child(override, "startOverride")
                if start is not None:
                    instance.overrides[ilvl] = int(attr(start, "val") or 1)
                override_lvl = child(override, "lvl")
                if override_lvl is not None:
                    instance.levels[ilvl] = _level(override_lvl)
            self.instances[attr(num, "numId") or ""] = instance

    def resolve_style_link(self, num_id: str, style_num: dict[str, str]) -> str:
        """Follow ``numStyleLink`` (a list style) to the instance that defines the levels."""
        instance = self.instances.get(num_id)
        if instance is None:
            return num_id
        link = self.style_links.get(instance.abstract)
        if link and link in style_num and style_num[link] != num_id:
            return style_num[link]
        return num_id

    def next_number(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """Advance the counters and return (number text or None, is_bullet)."""
        instance = self.instances.get(num_id)
        if instance is None or num_id == "0":
            return None, False
        levels = self.abstracts.get(instance.abstract, {})
        level = self._level(instance, levels, ilvl)
        if level is None:
            return None, False
        counters = self.counters.setdefault(instance.abstract, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for override_level, start in instance.overrides.items():
                counters[override_level] = start - 1
                _reset_deeper(counters, override_level)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = self._level(instance, levels, deeper)
            restart = None if deeper_level is None else deeper_level.restart
            # lvlRestart=n restarts the level only after levels 1..n (0 = never).
            if restart is None or ilvl < restart:
                del counters[deeper]
        if level.fmt in _BULLET_FORMATS:
            return None, True
        if level.fmt in _NO_NUMBER_FORMATS and "%" not in level.text:
            return (level.text.strip() or None), False
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token not in text:
                continue
            source = self._level(instance, levels, k) or Level()
            value = counters.get(k, source.start)
            fmt = "decimal" if level.legal and k != ilvl else source.fmt
            text = text.replace(token, format_number(value, fmt))
        return text.strip() or None, False

    @staticmethod
    def _level(instance: Instance, levels: dict[int, Level], ilvl: int) -> Level | None:
        return instance.levels.get(ilvl) or levels.get(ilvl)


def _reset_deeper(counters: dict[int, int], ilvl: int) -> None:
    for deeper in [k for k in counters if k > ilvl]:
        del counters[deeper]


def _level(lvl: etree._Element) -> Level:
    level = Level()
    start = child(lvl, "start")
    if start is not None:
        level.start = int(attr(start, "val") or 1)
    fmt = child(lvl, "numFmt")
    if fmt is not None:
        level.fmt = attr(fmt, "val") or "decimal"
    text = child(lvl, "lvlText")
    if text is not None:
        level.text = attr(text, "val") or ""
    restart = child(lvl, "lvlRestart")
    if restart is not None:
        level.restart = int(attr(restart, "val") or 0)
    legal = child(lvl, "isLgl")
    level.legal = legal is not None and attr(legal, "val") not in ("0", "false")
    style = child(lvl, "pStyle")
    if style is not None:
        level.style = attr(style, "val")
    return level


def format_number(value: int, fmt: str) -> str:
    """Render a counter in one of Word's number formats (unknown ones as decimal)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _letters(value: int) -> str:
    """Word's letters: a…z, then aa…zz, then aaa…"""
    if value <= 0:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    out = []
    for amount, symbol in _ROMAN:
        while value >= amount:
            out.append(symbol)
            value -= amount
    return "".join(out)


__all__ = ["Numbering", "format_number"]
