"""A colleague's copy is untrusted input: its rows are checked before the merge writes any.

The other file passed ``quick_check`` and carries our application id, but its
rows can still be damaged (a flipped byte in a stored file) or forged (a
response text stored as a BLOB, ``<script>`` in rich text, a position that does
not exist, field history that is not JSON). Every row the merge could take
from it is checked by the rules ``load`` applies to a dump
(``app.core.rowcheck``) before the plan is made; the first bad row refuses the
whole copy in one line, and our project is left as it was. Rows identical to
ours are ours already and are not checked again, so a damaged row we hold
ourselves cannot block every later merge.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.core import rowcheck
from app.core.errors import MergeError
from app.core.i18n import _
from app.core.merge.match import Row, Tables

logger = logging.getLogger(__name__)


def incoming(ours: Tables, theirs: Tables) -> dict[str, list[Row]]:
    """The rows of ``theirs`` that differ from ours: all the merge could write."""
    return {
        name: [row for ident, row in rows.items() if ours.get(name, {}).get(ident) != row]
        for name, rows in theirs.items()
    }


def check_other(ours: Tables, theirs: Tables, other: Path) -> None:
    """Refuse ``other`` with :class:`MergeError` naming its first bad row, if it has one."""
    problem = rowcheck.first_problem(incoming(ours, theirs))
    if problem is not None:
        logger.info("refused to merge %s: %s", other, problem)
        raise MergeError(
            _(
                "“{name}” was not merged: {problem}. Your project is unchanged; ask for "
                "a fresh copy."
            ).format(name=other.name, problem=problem)
        )
