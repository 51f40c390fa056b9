"""Property: after any operations, undoing all gives the first dump and redoing all the last."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import dump
from app.core.errors import NothingToUndoError, RejoinderError
from app.core.journal import replay
from app.core.services import notes, passages, responses, review, sections, sources
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project

QUOTES = ("implemented to a substantial extent", "transparency, accountability", "多方利益")
Step = Callable[[ProjectStore, int], object]


def _passage(store: ProjectStore, n: int) -> str:
    found = passages.list_passages(store)
    if not found:
        raise RejoinderError("no passage")
    return found[n % len(found)].id


def _source(store: ProjectStore, n: int) -> str:
    found = sources.list_sources(store)
    if not found:
        raise RejoinderError("no source")
    return found[n % len(found)].id


STEPS: dict[str, Step] = {
    "import": lambda s, n: add_text_source(s, f"Paper {n}.\n" + "x " * n, label=f"Party {n}"),
    "cite": lambda s, n: passages.cite_quote(s, _source(s, n), QUOTES[n % len(QUOTES)]),
    "respond": lambda s, n: responses.respond(s, _passage(s, n), f"We <i>note</i> {n}."),
    "status": lambda s, n: review.set_status(
        s, _passage_response(s, n), ("proposed", "agreed")[n % 2]
    ),
    "note": lambda s, n: notes.add_note(s, _passage(s, n), f"Ask about {n}"),
    "delete": lambda s, n: passages.delete_passage(s, _passage(s, n)),
    "move": lambda s, n: passages.move_passage(s, _passage(s, n), n % 3),
    "section": lambda s, n: sections.add_section(s, f"Topic {n}", index=n % 2),
    "rename": lambda s, n: sources.rename_source(s, _source(s, n), f"Renamed {n}"),
    "remove": lambda s, n: sources.remove_source(s, _source(s, n)),
}


def _passage_response(store: ProjectStore, n: int) -> str:
    found = [p for p in passages.list_passages(store) if p.response_id]
    if not found:
        raise RejoinderError("no response")
    response_id = found[n % len(found)].response_id
    assert response_id is not None
    return response_id


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(sorted(STEPS)), st.integers(0, 5)), max_size=12))
def test_undo_all_then_redo_all(steps: list[tuple[str, int]]) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        make_project(Path(folder) / "p.rejoinder") as store,
    ):
        first = dump.dumps(store)
        for name, n in steps:
            with contextlib.suppress(RejoinderError):  # refused: changes and records nothing
                STEPS[name](store, n)
        last = dump.dumps(store)
        undone = 0
        while True:
            try:
                replay.undo(store)
            except NothingToUndoError:
                break
            undone += 1
        assert dump.dumps(store) == first
        for _ in range(undone):
            replay.redo(store)
        assert dump.dumps(store) == last
