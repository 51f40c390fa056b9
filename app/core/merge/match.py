"""Matching rows that are the same thing under different ids in the two copies.

Rows are matched by UUID, but a document both colleagues imported on their
own has two ids for one set of bytes. Matching it by sha256 (original file,
source version, then the source and its party section) makes it one source
after the merge, with both copies' passages on it. Each pair keeps the
smaller id, whichever side it came from, so the result is the same in both
merge directions.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

logger = logging.getLogger(__name__)

Row = dict[str, Any]
Tables = dict[str, dict[str, Row]]
Parents = dict[str, list[tuple[str, str]]]  # table -> [(column, parent table)]


def _one_sided(rows: dict[str, Row], other: dict[str, Row], key: str) -> dict[Any, str]:
    """Rows only this side has, by ``key``; keys held by several rows are left out."""
    seen: dict[Any, list[str]] = defaultdict(list)
    for ident, row in rows.items():
        if ident not in other:
            seen[row[key]].append(ident)
    return {k: ids[0] for k, ids in seen.items() if len(ids) == 1}


def _party_sections(rows: Tables, other: Tables, remap: dict[str, str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for ident, row in rows["section"].items():
        source: str | None = row["source_id"]
        if row["kind"] == "party" and source and ident not in other["section"]:
            found[remap.get(source, source)].append(ident)
    return found


def build_remap(ours: Tables, theirs: Tables) -> dict[str, str]:
    """Ids to rewrite so that a file imported in both copies becomes one source.

    Pairs original files and source versions by sha256, then the sources and
    party sections they belong to; each pair keeps the smaller id, whichever
    side it came from.
    """
    remap: dict[str, str] = {}

    def pair(a: str, b: str) -> None:
        if a != b:
            remap[max(a, b)] = min(a, b)

    for table in ("original_file",):
        mine = _one_sided(ours[table], theirs[table], "sha256")
        for sha, tid in _one_sided(theirs[table], ours[table], "sha256").items():
            if sha in mine:
                pair(mine[sha], tid)
    our_sv = _one_sided(ours["source_version"], theirs["source_version"], "sha256")
    their_sv = _one_sided(theirs["source_version"], ours["source_version"], "sha256")
    # (our source, their source, our version, their version) that hold the same bytes;
    # a version already shared after an earlier merge can still sit on two source ids.
    candidates: list[tuple[str, str, str | None, str | None]] = []
    for sha, tid in sorted(their_sv.items()):
        oid = our_sv.get(sha)
        if oid is not None:
            o_src = ours["source_version"][oid]["source_id"]
            candidates.append((o_src, theirs["source_version"][tid]["source_id"], oid, tid))
    for ident in sorted(ours["source_version"].keys() & theirs["source_version"].keys()):
        o_src = ours["source_version"][ident]["source_id"]
        t_src = theirs["source_version"][ident]["source_id"]
        if o_src != t_src:
            candidates.append((o_src, t_src, None, None))
    sources: dict[str, str] = {}
    taken: set[str] = set()
    for o_src, t_src, mine_v, their_v in candidates:
        if o_src != t_src:
            if o_src in theirs["source"] or t_src in ours["source"]:
                continue
            if sources.get(o_src, t_src) != t_src or (o_src not in sources and t_src in taken):
                continue
            sources[o_src] = t_src
            taken.add(t_src)
            pair(o_src, t_src)
        if mine_v is not None and their_v is not None:
            pair(mine_v, their_v)
    # Each source has one party section, made with it: two one-sided party sections
    # of what is now the same source come from importing the document twice.
    mine_sec, their_sec = _party_sections(ours, theirs, remap), _party_sections(theirs, ours, remap)
    for source in sorted(mine_sec.keys() & their_sec.keys()):
        if len(mine_sec[source]) == 1 and len(their_sec[source]) == 1:
            pair(mine_sec[source][0], their_sec[source][0])
    return remap


def apply_remap(
    tables: Tables, remap: dict[str, str], parents: Parents
) -> tuple[Tables, dict[str, dict[str, str]]]:
    """The rows with remapped ids and foreign keys, and each renamed row's old id."""
    if not remap:
        return tables, {name: {} for name in tables}
    result: Tables = {}
    renamed: dict[str, dict[str, str]] = {}
    for name, rows in tables.items():
        columns = ["id", *(col for col, _ in parents.get(name, ()))]
        out: dict[str, Row] = {}
        old_ids: dict[str, str] = {}
        for ident, row in rows.items():
            if any(row[c] in remap for c in columns):
                row = {**row, **{c: remap[row[c]] for c in columns if row[c] in remap}}
                if row["id"] != ident:
                    old_ids[row["id"]] = ident
            out[row["id"]] = row
        result[name] = out
        renamed[name] = old_ids
    return result, renamed
