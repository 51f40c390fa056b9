"""The project's submission deadline: set it, and say how much time is left.

A secretariat closes the comment period at a fixed time; the window shows
what is left and warns a day and an hour before (as the European Parliament's
amendment tool does), and ``check`` reports drafts still open in the last day.
Every answer that depends on "now" takes the time from a :data:`Clock`, so
that tests give a fixed one and never depend on the wall clock.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from app.core import journal
from app.core.errors import InvalidInputError
from app.core.i18n import N_, _, ngettext
from app.core.models import Project
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def system_clock() -> datetime:
    """The current time in UTC, or ``REJOINDER_NOW`` when set (the command line's test hook).

    Like ``REJOINDER_CONFIG_DIR``, the variable lets an end-to-end test run
    ``rejoinder check`` at a fixed moment; a person never needs it.
    """
    fixed = os.environ.get("REJOINDER_NOW")
    if fixed:
        return parse_deadline(fixed)
    return datetime.now(UTC)


class Urgency(StrEnum):
    """How close the deadline is: the window's warnings follow these steps."""

    NONE = "none"  # no deadline set
    AHEAD = "ahead"  # more than a day left
    DAY = "day"  # less than 24 hours left
    HOUR = "hour"  # less than one hour left
    PASSED = "passed"


@dataclass(frozen=True)
class DeadlineState:
    deadline: datetime | None
    left: timedelta | None
    urgency: Urgency


def parse_deadline(text: str) -> datetime:
    """A deadline typed by a person: ISO 8601 date and time; without an offset it is UTC.

    "2026-12-03 12:00", "2026-12-03T12:00Z", "2026-12-03T13:00+01:00" and a
    bare date (midnight UTC at its start) are accepted.
    """
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(cleaned)
    except ValueError as exc:
        raise InvalidInputError(
            _(
                "“{text}” is not a date and time; write it as 2026-12-03 12:00 (UTC) or "
                "with an offset, 2026-12-03T13:00+01:00."
            ).format(text=text)
        ) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def format_deadline(when: datetime) -> str:
    return when.astimezone(UTC).strftime(_FORMAT)


def stored_deadline(value: str) -> datetime | None:
    """The deadline stored in the project row ("" means none)."""
    if not value:
        return None
    return datetime.strptime(value, _FORMAT).replace(tzinfo=UTC)


def get_deadline(store: ProjectStore) -> datetime | None:
    return stored_deadline(store.project().deadline)


def set_deadline(store: ProjectStore, when: datetime | None) -> journal.Changes:
    """Set (or with ``None`` clear) the deadline: one undoable operation."""
    value = format_deadline(when) if when is not None else ""
    label = N_("Set deadline") if when is not None else N_("Clear deadline")
    with journal.collect() as collected, store.write(label) as session:
        project = session.scalars(select(Project)).one()
        project.deadline = value
    logger.info("%s: %s", label, value or "none")
    return collected.changes


def state(deadline: datetime | None, now: datetime) -> DeadlineState:
    """How much time is left at ``now``, and how urgent that is."""
    if deadline is None:
        return DeadlineState(None, None, Urgency.NONE)
    left = deadline - now
    if left <= timedelta(0):
        urgency = Urgency.PASSED
    elif left <= HOUR:
        urgency = Urgency.HOUR
    elif left <= DAY:
        urgency = Urgency.DAY
    else:
        urgency = Urgency.AHEAD
    return DeadlineState(deadline, left, urgency)


def describe(left: timedelta) -> str:
    """A duration as a person says it: "2 days 3 hours", "5 hours 20 minutes", "12 minutes"."""
    minutes = int(abs(left).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)

    day = ngettext("{n} day", "{n} days", days).format(n=days)
    hour = ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    minute = ngettext("{n} minute", "{n} minutes", mins).format(n=mins)
    if days:
        return f"{day} {hour}" if hours else day
    if hours:
        return f"{hour} {minute}" if mins else hour
    return minute


def summary(current: DeadlineState) -> str:
    """One line: "Deadline 2026-12-03 12:00 UTC: 5 hours 20 minutes left"."""
    if current.deadline is None or current.left is None:
        return _("No deadline set.")
    when = current.deadline.strftime("%Y-%m-%d %H:%M UTC")
    if current.urgency is Urgency.PASSED:
        return _("Deadline {when}: passed {left} ago.").format(
            when=when, left=describe(current.left)
        )
    return _("Deadline {when}: {left} left.").format(when=when, left=describe(current.left))
