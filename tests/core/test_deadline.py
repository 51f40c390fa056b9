"""The submission deadline: stored in UTC, undoable, time left and urgency at a given clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core import deadline, preflight
from app.core.deadline import Urgency
from app.core.errors import InvalidInputError
from app.core.journal import replay
from app.core.services import responses, review
from tests.core.factories import populated

DUE = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["2026-12-03 12:00", "2026-12-03T12:00Z", "2026-12-03T13:00+01:00", "2026-12-03T12:00:00"],
)
def test_deadlines_are_read_in_utc(text: str) -> None:
    assert deadline.parse_deadline(text) == DUE


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-13-03 12:00"])
def test_a_bad_deadline_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError, match="is not a date and time"):
        deadline.parse_deadline(text)


def test_setting_and_clearing_the_deadline_are_undoable(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    changes = deadline.set_deadline(store, DUE)
    assert changes.touches("project")
    assert deadline.get_deadline(store) == DUE
    assert store.project().deadline == "2026-12-03T12:00:00Z"
    deadline.set_deadline(store, None)
    assert deadline.get_deadline(store) is None
    replay.undo(store)
    assert deadline.get_deadline(store) == DUE
    replay.undo(store)
    assert deadline.get_deadline(store) is None


@pytest.mark.parametrize(
    ("before", "urgency"),
    [
        (timedelta(days=2), Urgency.AHEAD),
        (timedelta(hours=24, seconds=1), Urgency.AHEAD),
        (timedelta(hours=24), Urgency.DAY),
        (timedelta(hours=5), Urgency.DAY),
        (timedelta(minutes=60), Urgency.HOUR),
        (timedelta(minutes=1), Urgency.HOUR),
        (timedelta(0), Urgency.PASSED),
        (-timedelta(hours=3), Urgency.PASSED),
    ],
)
def test_urgency_steps_at_a_day_and_an_hour(before: timedelta, urgency: Urgency) -> None:
    current = deadline.state(DUE, DUE - before)
    assert current.urgency is urgency
    assert current.left == before


def test_no_deadline_is_no_urgency() -> None:
    assert deadline.state(None, DUE).urgency is Urgency.NONE
    assert deadline.summary(deadline.state(None, DUE)) == "No deadline set."


@pytest.mark.parametrize(
    ("left", "said"),
    [
        (timedelta(days=2, hours=3, minutes=5), "2 days 3 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(hours=5, minutes=20), "5 hours 20 minutes"),
        (timedelta(hours=1, minutes=1), "1 hour 1 minute"),
        (timedelta(minutes=12, seconds=59), "12 minutes"),
    ],
)
def test_time_left_is_said_as_a_person_says_it(left: timedelta, said: str) -> None:
    assert deadline.describe(left) == said


def test_summary_names_the_deadline_and_what_is_left() -> None:
    assert (
        deadline.summary(deadline.state(DUE, DUE - timedelta(hours=5)))
        == "Deadline 2026-12-03 12:00 UTC: 5 hours left."
    )
    assert (
        deadline.summary(deadline.state(DUE, DUE + timedelta(minutes=30)))
        == "Deadline 2026-12-03 12:00 UTC: passed 30 minutes ago."
    )


def test_check_reports_open_drafts_only_in_the_last_day(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    deadline.set_deadline(store, DUE)

    def deadline_problems(now: datetime) -> list[str]:
        return [p.message for p in preflight.check(store, now) if p.kind == "deadline"]

    assert deadline_problems(DUE - timedelta(days=2)) == []
    assert deadline_problems(DUE - timedelta(hours=5)) == [
        "Deadline 2026-12-03 12:00 UTC: 5 hours left. 1 response is still a draft."
    ]
    assert deadline_problems(DUE + timedelta(hours=1)) == [
        "Deadline 2026-12-03 12:00 UTC: passed 1 hour ago. 1 response is still a draft."
    ]
    review.set_status(store, responses.respond(store, passage_id), "proposed")
    assert deadline_problems(DUE - timedelta(hours=5)) == []


def test_the_command_line_clock_can_be_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REJOINDER_NOW", "2026-12-03T07:00Z")
    assert deadline.system_clock() == DUE - timedelta(hours=5)
