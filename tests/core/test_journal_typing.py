"""Typing in a burst is one undo step, as in Word: consecutive saves of one response join.

The response editor saves shortly after typing stops; each save is a write.
A save marked as typing joins the newest journal entry when that entry is the
same member's edit of the same response, not undone, and recent; anything
else in between (another response, an undo, a pause) starts a new step.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app.core import dump
from app.core.journal import BURST_SECONDS, replay
from app.core.models import JournalEntry
from app.core.services import passages, responses
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    yield store
    store.close()


def _two_passages(store: ProjectStore) -> tuple[str, str]:
    source = add_text_source(store)
    first = passages.cite_quote(store, source, "implemented to a substantial extent")
    second = passages.cite_quote(store, source, "enhanced cooperation")
    return first, second


def _pause(store: ProjectStore) -> None:
    """As if the user had stopped typing for longer than a burst lasts."""
    old = (datetime.now(UTC) - timedelta(seconds=BURST_SECONDS + 1)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ"
    )
    with store.write(record=False) as session:
        session.execute(update(JournalEntry).values(at=old))


def _steps(store: ProjectStore) -> int:
    return len(replay.history(store, limit=100))


def test_saves_while_typing_are_one_step_undone_and_redone_whole(store: ProjectStore) -> None:
    passage, _ = _two_passages(store)
    responses.respond(store, passage, "We")
    _pause(store)
    before = dump.dumps(store)
    steps = _steps(store)
    responses.respond(store, passage, "We agree", typing=True)
    responses.respond(store, passage, "We agree with", typing=True)
    responses.respond(store, passage, "We agree with this.", typing=True)
    after = dump.dumps(store)
    assert _steps(store) == steps + 1
    assert replay.undo(store).label == "Edit response"
    assert dump.dumps(store) == before
    replay.redo(store)
    assert dump.dumps(store) == after


def test_a_first_response_typed_in_a_burst_is_undone_to_nothing(store: ProjectStore) -> None:
    passage, _ = _two_passages(store)
    before = dump.dumps(store)
    responses.respond(store, passage, "We", typing=True)
    responses.respond(store, passage, "We disagree.", typing=True)
    replay.undo(store)
    assert dump.dumps(store) == before


def test_another_response_an_undo_or_a_pause_starts_a_new_step(store: ProjectStore) -> None:
    first, second = _two_passages(store)
    steps = _steps(store)
    responses.respond(store, first, "One", typing=True)
    responses.respond(store, second, "Two", typing=True)
    assert _steps(store) == steps + 2
    responses.respond(store, second, "Two more", typing=True)
    assert _steps(store) == steps + 2
    replay.undo(store)
    responses.respond(store, second, "Two again", typing=True)
    assert _steps(store) == steps + 2  # the undone step is dropped, the new one added
    _pause(store)
    responses.respond(store, second, "Two, later", typing=True)
    assert _steps(store) == steps + 3


def test_saves_not_marked_as_typing_stay_separate_steps(store: ProjectStore) -> None:
    passage, _ = _two_passages(store)
    steps = _steps(store)
    responses.respond(store, passage, "We")
    responses.respond(store, passage, "We agree.")
    assert _steps(store) == steps + 2
