"""What an operation changed, as the GUI and the CLI see it (after Anki's ``OpChanges``).

A :class:`Changes` names the operation, its journal entry, and per table the
ids of the rows it inserted, updated or deleted. Views decide from it what to
redraw; nobody needs to re-read the whole project to find out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """The rows one operation (or an undo, or a redo) touched, by table."""

    label: str = ""
    entry_id: str | None = None
    ids: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.ids.values())

    def touches(self, *tables: str) -> bool:
        """True when any of ``tables`` has a changed row."""
        return any(self.ids.get(t) for t in tables)

    def of(self, table: str) -> frozenset[str]:
        return self.ids.get(table, frozenset())

    @classmethod
    def from_rows(
        cls, label: str, entry_id: str | None, keys: Iterable[tuple[str, str]]
    ) -> Changes:
        grouped: dict[str, set[str]] = {}
        for table, row_id in keys:
            grouped.setdefault(table, set()).add(row_id)
        return cls(label, entry_id, {t: frozenset(ids) for t, ids in grouped.items()})

    def __or__(self, other: Changes) -> Changes:
        """Both operations' changes; the later one's label and entry win."""
        merged = {t: self.of(t) | other.of(t) for t in set(self.ids) | set(other.ids)}
        return Changes(other.label or self.label, other.entry_id or self.entry_id, merged)
