"""``rejoinder similar``: the spans of other sources that say what a passage says.

One line per match, best first: ``SCORE SOURCE_ID LOCATOR PASSAGE_ID_OR_- "text"``;
when the match overlaps a passage we cited that has a response, the line ends
with that response's status and text (``agreed "We agree."``). Texts are JSON
strings, so a line always splits the same way.
"""

from __future__ import annotations

import argparse
import json
import logging
from typing import Any

from app.cli.common import open_project as _open
from app.core.errors import InvalidInputError
from app.core.i18n import _

logger = logging.getLogger(__name__)


def cmd_similar(args: argparse.Namespace) -> int:
    from app.core.similar import similar_to_passage

    if args.limit < 1:
        raise InvalidInputError(_("--limit must be 1 or more."))
    with _open(args.file) as store:
        matches = similar_to_passage(store, args.passage, args.limit)
    for m in matches:
        line = (
            f"{m.score:.3f} {m.source_id} {m.locator} {m.passage_id or '-'} "
            f"{json.dumps(m.text, ensure_ascii=False)}"
        )
        if m.response_id is not None:
            line += f" {m.response_status} {json.dumps(m.response_text, ensure_ascii=False)}"
        print(line)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "similar", help="spans of other sources like a passage: score, source, locator, passage"
    )
    p.add_argument("file")
    p.add_argument("--passage", required=True)
    p.add_argument("--limit", type=int, default=10, help="at most this many matches (10)")
    p.set_defaults(run=cmd_similar)
