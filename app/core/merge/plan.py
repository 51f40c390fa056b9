"""The merge decision, on plain rows: what to insert, what to update, what conflicts.

No database here: :func:`plan` takes both copies as ``{table: {id: row}}`` and
returns the rows to write into ours. Everything it decides depends only on
the two copies' contents, never on which of them is "ours", so that merging A
into B and B into A give the same project (ids, values, histories, conflict
rows); the tests compare the two dumps. The rules are in ``app.core.merge``.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.core.merge.match import Parents, Row, Tables, apply_remap, build_remap
from app.core.stamps import (
    CREATED,
    History,
    Stamp,
    combine,
    dump_history,
    field_stamps,
    known_ids,
    load_history,
)

logger = logging.getLogger(__name__)

META = frozenset({"id", "created_at", "updated_at", "changed_by", "field_history"})
OURS, THEIRS, BOTH, SAME = "ours", "theirs", "both", "same"
NAMESPACE = uuid.UUID("5d0f3c1e-6a8b-4f2e-9c47-2b1d8e6f0a93")
_NONE: Stamp = ("", "", "")


@dataclass
class Plan:
    """Rows to write into our copy: updates keyed by the row's id in our file."""

    inserts: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[tuple[str, Row]]] = field(default_factory=lambda: defaultdict(list))
    new_conflicts: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(self.inserts.values()) and not any(self.updates.values())


def _canonical(value: Any) -> str:
    if isinstance(value, bytes):
        return value.hex()
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _short(*parts: str) -> str:
    return uuid.uuid5(NAMESPACE, "|".join(parts)).hex[:12]


# -- one row present in both copies --------------------------------------------


@dataclass(frozen=True)
class _Pending:
    """A conflict found in a row: the value kept for now, the one set aside, their stamps."""

    field: str
    kept: Any
    other: Any
    kept_stamp: Stamp | None
    other_stamp: Stamp | None


@dataclass
class _RowMerge:
    row: Row
    decisions: dict[str, str]
    conflicts: list[_Pending]


def _merge_row(ours: Row, theirs: Row, fields: list[str]) -> _RowMerge:
    ho, ht = load_history(ours["field_history"]), load_history(theirs["field_history"])
    out: Row = {}
    history: History = {}
    if ho.get(CREATED) or ht.get(CREATED):
        same = ho.get(CREATED) == ht.get(CREATED)
        history[CREATED] = (
            ho[CREATED] if same else combine(None, ho.get(CREATED, ()), ht.get(CREATED, ()))
        )
    decisions: dict[str, str] = {}
    conflicts: list[_Pending] = []
    for name in fields:
        ov, tv = ours[name], theirs[name]
        so, st = field_stamps(ho, name), field_stamps(ht, name)
        lo, lt = (so[-1] if so else None), (st[-1] if st else None)
        explicit: list[Stamp] | None
        theirs_seen = lt is None or lt[1] in known_ids(ho, name)
        ours_seen = lo is None or lo[1] in known_ids(ht, name)
        if so == st and ov == tv:
            value, explicit, decision = ov, ho.get(name) or ht.get(name), SAME
        elif theirs_seen and not ours_seen:
            value, explicit, decision = ov, ho.get(name), OURS if ov != tv else SAME
        elif ours_seen and not theirs_seen:
            value, explicit, decision = tv, ht.get(name), THEIRS if ov != tv else SAME
        else:
            winner_ours = (lo or _NONE, _canonical(ov)) >= (lt or _NONE, _canonical(tv))
            value = ov if winner_ours else tv
            explicit = combine(lo if winner_ours else lt, so, st)
            decision = SAME
            if ov != tv:
                decision = BOTH
                kept, other = (lo, lt) if winner_ours else (lt, lo)
                conflicts.append(_Pending(name, value, tv if winner_ours else ov, kept, other))
        out[name] = value
        if explicit:
            history[name] = list(explicit)
        decisions[name] = decision
    newest = max(
        (ours["updated_at"], ours["changed_by"] or ""),
        (theirs["updated_at"], theirs["changed_by"] or ""),
    )
    out["id"] = ours["id"]
    out["created_at"] = min(ours["created_at"], theirs["created_at"])
    out["updated_at"] = newest[0]
    out["changed_by"] = newest[1] or None
    out["field_history"] = dump_history(history)
    return _RowMerge(out, decisions, conflicts)


# -- the whole project -----------------------------------------------------------


class _Planner:
    def __init__(self, ours: Tables, theirs: Tables, parents: Parents) -> None:
        self.ours, self.theirs, self.parents = ours, theirs, parents
        self.result: Tables = {}
        self.edited: dict[tuple[str, str], set[str]] = {}
        self.deleted_by: dict[tuple[str, str], str] = {}
        self.decisions: dict[tuple[str, str], dict[str, str]] = {}
        self.pending: list[tuple[str, str, _Pending]] = []

    def merge_table(self, name: str, columns: list[str]) -> None:
        fields = [c for c in columns if c not in META]
        ours, theirs = self.ours[name], self.theirs[name]
        rows: dict[str, Row] = {}
        for ident in sorted(ours.keys() | theirs.keys()):
            o, t = ours.get(ident), theirs.get(ident)
            if t is None or o is None:
                row = o if t is None else t
                assert row is not None
                rows[ident] = row
                if row["deleted_at"] is None:
                    self.edited[(name, ident)] = {OURS if t is None else THEIRS}
                continue
            if o == t:
                rows[ident] = o
                continue
            merged = _merge_row(o, t, fields)
            rows[ident] = merged.row
            self.decisions[(name, ident)] = merged.decisions
            sides = {
                side
                for f, d in merged.decisions.items()
                if f != "deleted_at"
                for side in ((OURS, THEIRS) if d == BOTH else (d,))
                if side in (OURS, THEIRS)
            }
            if sides:
                self.edited[(name, ident)] = sides
            self.pending.extend((name, ident, c) for c in merged.conflicts)
            deletion = merged.decisions.get("deleted_at")
            if deletion in (OURS, THEIRS) and merged.row["deleted_at"] is not None:
                self.deleted_by[(name, ident)] = OURS if o["deleted_at"] else THEIRS
        self.result[name] = rows

    def keep_edits_visible(self) -> None:
        """A row one copy deleted and the other edited stays, with its parents.

        Walks up the foreign keys from every row changed on one side and
        undeletes whatever only the other side deleted; the deletion becomes
        a conflict, so the person merging can still confirm it.
        """
        visited: set[tuple[str, str, str]] = set()
        for (name, ident), sides in sorted(self.edited.items()):
            for side in sorted(sides):
                stack = [(name, ident)]
                while stack:
                    table, row_id = stack.pop()
                    if (table, row_id, side) in visited:
                        continue
                    visited.add((table, row_id, side))
                    row = self.result[table].get(row_id)
                    if row is None:
                        continue
                    deleter = self.deleted_by.get((table, row_id))
                    if deleter is not None and deleter != side:
                        row = self._undelete(table, row_id, deleter)
                    if row["deleted_at"] is not None:
                        continue
                    stack.extend(
                        (parent, row[col])
                        for col, parent in self.parents.get(table, ())
                        if row[col]
                    )

    def _undelete(self, table: str, row_id: str, deleter: str) -> Row:
        del self.deleted_by[(table, row_id)]
        gone, live = (
            (self.ours[table][row_id], self.theirs[table][row_id])
            if deleter == OURS
            else (self.theirs[table][row_id], self.ours[table][row_id])
        )
        sd = field_stamps(load_history(gone["field_history"]), "deleted_at")
        sl = field_stamps(load_history(live["field_history"]), "deleted_at")
        deletion, kept = (sd[-1] if sd else None), (sl[-1] if sl else None)
        # A fresh stamp neither copy has seen: merging the deleting copy again keeps the row.
        revived = (
            max(gone["deleted_at"], (kept or _NONE)[0]),
            _short(table, row_id, (deletion or _NONE)[1], "revived"),
            (kept or _NONE)[2],
        )
        row = self.result[table][row_id]
        history = load_history(row["field_history"])
        history["deleted_at"] = combine(revived, sd, sl)
        row = {**row, "deleted_at": None, "field_history": dump_history(history)}
        self.result[table][row_id] = row
        self.pending.append(
            (table, row_id, _Pending("deleted_at", None, gone["deleted_at"], kept, deletion))
        )
        return row

    def _losing_side(self, row_id: str, decision: str | None) -> Tables | None:
        """The copy whose response text the merge replaced, if either."""
        if decision == OURS:
            return self.theirs
        if decision == THEIRS:
            return self.ours
        if decision == BOTH:
            kept = self.result["response"][row_id]["text"]
            return self.theirs if kept == self.ours["response"][row_id]["text"] else self.ours
        return None

    def keep_replaced_texts(self) -> None:
        """A response text replaced by the other copy's stays as a revision, as in respond().

        That includes the text set aside by a conflict: kept only in the
        conflict row, it became a revision on the *next* merge of the same
        copy (whose stamps now say "ours wins"), so merging twice added rows.
        """
        kept_texts: dict[str, set[str]] = defaultdict(set)
        for rev in self.result["revision"].values():
            kept_texts[rev["response_id"]].add(rev["text"])
        members = self.result["member"]
        for (table, row_id), decisions in sorted(self.decisions.items()):
            side = self._losing_side(row_id, decisions.get("text")) if table == "response" else None
            if side is None:
                continue
            loser = side[table][row_id]
            text = loser["text"]
            if not text or text in kept_texts[row_id]:
                continue
            stamps = field_stamps(load_history(loser["field_history"]), "text")
            time, _, member = stamps[-1] if stamps else (loser["updated_at"], "", "")
            author = member if member in members else None
            ident = str(uuid.uuid5(NAMESPACE, f"revision|{row_id}|{text}"))
            history: History = {CREATED: [(time, ident.replace("-", "")[:12], member)]}
            self.result["revision"][ident] = {
                "id": ident,
                "created_at": time,
                "updated_at": time,
                "changed_by": author,
                "deleted_at": None,
                "field_history": dump_history(history),
                "response_id": row_id,
                "text": text,
                "author_id": author,
            }
            kept_texts[row_id].add(text)

    def add_conflicts(self) -> list[str]:
        names = {i: r["name"] for i, r in self.result["member"].items()}
        added: list[str] = []
        for table, row_id, c in self.pending:
            kept, other = c.kept_stamp or _NONE, c.other_stamp or _NONE
            ident = str(
                uuid.uuid5(
                    NAMESPACE, "|".join((table, row_id, c.field, *sorted((kept[1], other[1]))))
                )
            )
            if ident in self.result["conflict"]:
                continue
            time = max(kept[0], other[0]) or self.result[table][row_id]["updated_at"]
            history: History = {CREATED: [(time, ident.replace("-", "")[:12], "")]}
            self.result["conflict"][ident] = {
                "id": ident,
                "created_at": time,
                "updated_at": time,
                "changed_by": None,
                "deleted_at": None,
                "field_history": dump_history(history),
                "table_name": table,
                "row_id": row_id,
                "field": c.field,
                "ours_value": _canonical(c.kept),
                "theirs_value": _canonical(c.other),
                "ours_stamp": kept[1],
                "theirs_stamp": other[1],
                "ours_author": names.get(kept[2], ""),
                "theirs_author": names.get(other[2], ""),
                "ours_time": kept[0],
                "theirs_time": other[0],
                "resolved_at": None,
            }
            added.append(ident)
        return added


def plan(ours: Tables, theirs: Tables, columns: dict[str, list[str]], parents: Parents) -> Plan:
    """What to write into ``ours`` so that it holds both copies' work.

    ``columns`` lists each table's columns in dependency order of the tables;
    ``parents`` each table's foreign keys to other rows' ids.
    """
    remap = build_remap(ours, theirs)
    ours_r, renamed = apply_remap(ours, remap, parents)
    theirs_r, _ = apply_remap(theirs, remap, parents)
    planner = _Planner(ours_r, theirs_r, parents)
    for name, cols in columns.items():
        planner.merge_table(name, cols)
    planner.keep_edits_visible()
    planner.keep_replaced_texts()
    result = Plan(new_conflicts=planner.add_conflicts())
    for name in columns:
        old_ids = renamed[name]
        for ident, row in planner.result[name].items():
            old = old_ids.get(ident, ident)
            before = ours[name].get(old)
            if before is None:
                result.inserts[name].append(row)
            elif before != row:
                result.updates[name].append((old, row))
    return result
