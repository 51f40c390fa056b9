"""Property tests: random edits on two copies, merged both ways, lose nothing and agree.

Each example forks one base project, applies a random sequence of user
actions to each copy through the services (importing the same document in
both copies among them), then merges B into A and A into B.
Every field either copy changed must end up in the result or in a conflict
row; both results must dump identically; merging again must change nothing,
whichever copy was edited last (and so wins its conflicts).
Set REJOINDER_MERGE_EXAMPLES to run more examples than the default 25.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import dump
from app.core.config import Identity
from app.core.errors import InvalidInputError
from app.core.merge.match import build_remap
from app.core.merge.plan import META
from app.core.services import passages, responses, sections, sources
from app.core.store import ProjectStore
from tests.core.factories import SUBMISSION, add_text_source, populated
from tests.core.merge_helpers import ALICE, BOB, both_ways, dumped, merge_into

QUOTES = (
    "substantial extent",
    "all stakeholders",
    "multi-stakeholder model",
    "enhanced cooperation has been",
)
TEXTS = ("Short.", "We <b>agree</b>.", "Not quite.<fn>See annex.</fn>", "")

Action = tuple[str, int, str]

actions = st.lists(
    st.one_of(
        st.tuples(st.just("respond"), st.integers(0, 5), st.sampled_from(TEXTS)),
        st.tuples(st.just("status"), st.integers(0, 5), st.sampled_from(responses.STATUSES)),
        st.tuples(st.just("position"), st.integers(0, 5), st.sampled_from(responses.POSITIONS)),
        st.tuples(st.just("cite"), st.integers(0, 2), st.sampled_from(QUOTES)),
        st.tuples(st.just("import"), st.just(0), st.sampled_from(("Borealis", "Caledonia"))),
        st.tuples(st.just("delete"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("move"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("rename"), st.just(0), st.sampled_from(("Arcadia", "Rep. of Arcadia"))),
        st.tuples(st.just("section"), st.integers(0, 3), st.sampled_from(("Privacy", "Remarks"))),
    ),
    max_size=6,
)


@cache
def base_project() -> Path:
    """One base project for all examples (built once; each example copies it)."""
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-merge-base-"))
    store, source, _passage, _response = populated(folder / "base.rejoinder")
    with store:
        second = passages.cite_quote(store, source, "transparency")
        responses.respond(store, second, "Partly.", position="partly agree")
        sections.add_section(store, "Preliminary remark")
    return folder / "base.rejoinder"


def apply(path: Path, identity: Identity, steps: list[Action]) -> None:
    with ProjectStore.open(path, identity) as store:
        for kind, index, value in steps:
            live = passages.list_passages(store)
            target = live[index % len(live)].id if live else None
            if kind == "import":
                if value not in {s.label for s in sources.list_sources(store)}:
                    add_text_source(store, SUBMISSION.replace("Arcadia", value), value)
            elif kind == "cite":
                cited = sources.list_sources(store)
                passages.cite_quote(store, cited[index % len(cited)].id, value)
            elif kind == "rename":
                sources.rename_source(store, sources.list_sources(store)[0].id, value)
            elif kind == "section":
                sections.add_section(store, value, index)
            elif target is None:
                continue
            elif kind == "respond":
                responses.respond(store, target, value)
            elif kind == "status":  # a move the workflow refuses changes nothing
                with contextlib.suppress(InvalidInputError):
                    responses.respond(store, target, status=value)
            elif kind == "position":
                responses.respond(store, target, position=value)
            elif kind == "delete":
                passages.delete_passage(store, target)
            elif kind == "move":
                passages.move_passage(store, target, 0)


def dumped_as(path: Path, identity: Identity) -> dict[str, Any]:
    """The dump of a copy opened by its own member (opening adds no one else)."""
    with ProjectStore.open(path, identity) as store:
        data: dict[str, Any] = json.loads(dump.dumps(store))
    return data


def edits(before: dict[str, Any], after: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """(table, id, field, value as JSON) of every field the copy changed or created."""
    found = set()
    for table, rows in after["tables"].items():
        old = {r["id"]: r for r in before["tables"][table]}
        for row in rows:
            for field, value in row.items():
                if field in META or table == "conflict":
                    continue
                if row["id"] not in old or old[row["id"]][field] != value:
                    found.add((table, row["id"], field, json.dumps(value)))
    return found


def by_id(data: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    return {table: {r["id"]: r for r in rows} for table, rows in data["tables"].items()}


def kept(result: dict[str, Any], edit: tuple[str, str, str, str], remap: dict[str, str]) -> bool:
    """The edit's value is in the result or in a conflict (ids of one document made one)."""
    table, ident, field, value = edit
    ident = remap.get(ident, ident)
    if json.loads(value) in remap:
        value = json.dumps(remap[json.loads(value)])
    row = {r["id"]: r for r in result["tables"][table]}.get(ident)
    if row is not None and json.dumps(row[field]) == value:
        return True
    return any(
        (c["table_name"], c["row_id"], c["field"]) == (table, ident, field)
        and value
        in (json.dumps(json.loads(c["ours_value"])), json.dumps(json.loads(c["theirs_value"])))
        for c in result["tables"]["conflict"]
    )


@settings(
    max_examples=int(os.environ.get("REJOINDER_MERGE_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(alice=actions, bob=actions, bob_first=st.booleans())
def test_random_edits_merge_without_loss_and_the_same_both_ways(
    alice: list[Action], bob: list[Action], bob_first: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = folder / "alice.rejoinder", folder / "bob.rejoinder"
        shutil.copy(base_project(), a)
        shutil.copy(base_project(), b)
        # Who edits last wins a conflict; either may (merging twice broke when it was ours).
        for path, identity, steps in sorted(
            ((a, ALICE, alice), (b, BOB, bob)), key=lambda edit: (edit[1] is BOB) != bob_first
        ):
            apply(path, identity, steps)
        base = dumped_as(Path(shutil.copy(base_project(), folder / "base.rejoinder")), ALICE)
        mine, theirs = dumped_as(a, ALICE), dumped_as(b, BOB)
        changed = edits(base, mine) | edits(base, theirs)
        remap = build_remap(by_id(mine), by_id(theirs))

        both_ways(a, b)

        result = dumped(a)
        assert result == dumped(b)
        lost = [e for e in changed if not kept(result, e, remap)]
        assert lost == []
        again = merge_into(a, ALICE, folder / "bob-before.rejoinder")
        assert (again.inserted, again.updated, again.conflicts) == (0, 0, 0)
        assert dumped(a) == result
