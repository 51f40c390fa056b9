"""Three-way merge of a response's text: the text sent for review, the current one, a proposal.

A colleague's proposal from a review copy may be built on a text that was
rewritten in the project since. Replacing the newer text with the proposal
would silently undo that rewrite, so the two sets of changes are merged word
by word: where only one side changed, its change is kept; where both changed
the same words differently, there is no merge and a person must choose.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import re

logger = logging.getLogger(__name__)

_TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """``(start, end, replacement)`` in ``base`` for each place ``other`` differs."""
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, other[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def merge3(base: str, ours: str, theirs: str) -> str | None:
    """``ours`` and ``theirs`` both applied to ``base``, or None when they touch the same words."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    tokens = _tokens(base)
    edits = [(s, e, r, 0) for s, e, r in _changes(tokens, _tokens(ours))]
    edits += [(s, e, r, 1) for s, e, r in _changes(tokens, _tokens(theirs))]
    edits.sort(key=lambda edit: (edit[0], edit[1]))
    for (s1, e1, r1, side1), (s2, e2, r2, side2) in itertools.pairwise(edits):
        # Changes one space apart are one change to a reader ("fully" + "disagree").
        touching = s2 <= e1 + 1
        if side1 != side2 and touching and (s1, e1, r1) != (s2, e2, r2):
            logger.info("three-way merge refused: both sides changed tokens %d–%d", s1, e1)
            return None
    out: list[str] = []
    at = 0
    seen: set[tuple[int, int, tuple[str, ...]]] = set()
    for start, end, replacement, _side in edits:
        key = (start, end, tuple(replacement))
        if key in seen:
            continue
        seen.add(key)
        out.extend(tokens[at:start])
        out.extend(replacement)
        at = max(at, end)
    out.extend(tokens[at:])
    return "".join(out)
