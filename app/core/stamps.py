"""Field stamps: the history a merge needs to tell "changed here" from "changed there".

Copies of a project are made by hand, so there is no common base snapshot to
compare against. Instead every row carries ``field_history``: for each field,
the stamps of its last changes, oldest first. A stamp is ``[time, id,
member]`` (UTC time, a short random id, the member who changed it). The key
``"*"`` holds the stamp of the row's creation, which stands for every field
not changed since. If the other copy's latest stamp of a field appears in our
history, our value descends from theirs and wins; and the other way round;
if neither, both changed it since the copies diverged: a conflict.

The JSON is written in one canonical form (sorted keys, no spaces) so that the
same history is the same text in every copy, and merged copies dump equal.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterable

logger = logging.getLogger(__name__)

Stamp = tuple[str, str, str]
History = dict[str, list[Stamp]]

KEEP = 20  # stamps kept per field: enough to recognise any copy made in the last 20 edits
CREATED = "*"


def new_stamp(now: str, member_id: str | None) -> Stamp:
    return (now, secrets.token_hex(6), member_id or "")


def load_history(text: str | None) -> History:
    if not text or text == "{}":
        return {}
    raw = json.loads(text)
    return {field: [(s[0], s[1], s[2]) for s in stamps] for field, stamps in raw.items()}


def dump_history(history: History) -> str:
    return json.dumps(
        {field: [list(s) for s in stamps] for field, stamps in history.items()},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def record_created(history: History, stamp: Stamp) -> None:
    if not history.get(CREATED):
        history[CREATED] = [stamp]


def record_change(history: History, fields: Iterable[str], stamp: Stamp) -> None:
    for field in fields:
        history[field] = [*history.get(field, []), stamp][-KEEP:]


def field_stamps(history: History, field: str) -> list[Stamp]:
    """The field's stamps, oldest first: its own changes, or else the row's creation."""
    return history.get(field) or history.get(CREATED) or []


def known_ids(history: History, field: str) -> set[str]:
    """Ids of every stamp this copy has seen for the field (creation included)."""
    return {s[1] for s in history.get(field, ())} | {s[1] for s in history.get(CREATED, ())}


def combine(winner: Stamp | None, *lists: Iterable[Stamp]) -> list[Stamp]:
    """Both sides' stamps, ordered by (time, id), with ``winner`` last as the latest.

    The result does not depend on the order of ``lists``, so merging A into B
    and B into A record the same history.
    """
    union = {s for stamps in lists for s in stamps}
    if winner is not None:
        union.discard(winner)
    ordered = sorted(union)
    if winner is None:
        return ordered[-KEEP:]
    return [*ordered[-(KEEP - 1) :], winner]
