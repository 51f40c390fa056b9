"""The team bench's audit counts truthfully: none lost on a real run, and planted faults found.

``bench/team_writers.py`` reports lost edits and silent overwrites from
:func:`tests.teamaudit.audit`. A tiny run of two members (not timed) must
lose nothing; an edit whose text is nowhere must count as lost, and a save
that wrote over another without naming its version must count as an
overwrite, even though each save "succeeded".
"""

from __future__ import annotations

import threading
from pathlib import Path

from app.core.homes import open_home
from app.core.server.transfer import publish
from app.core.services import responses
from tests.core.factories import populated
from tests.teamaudit import Outcome, audit, edit_loop, text_of, versions


def _published(tmp_path: Path, url: str) -> str:
    store, _source, passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", url)
    return passage


def test_two_members_saving_at_once_lose_nothing_and_overwrite_nothing(
    tmp_path: Path, pg_url: str
) -> None:
    passage = _published(tmp_path, pg_url)
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        initial = versions(alice, [passage])
        results: list[Outcome] = []

        def member(store: object, login: str, seed: int) -> None:
            results.extend(edit_loop(store, [passage], 8, login, seed))  # type: ignore[arg-type]

        threads = [
            threading.Thread(target=member, args=(alice, "alice", 1)),
            threading.Thread(target=member, args=(bob, "bob", 2)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        verdict = audit(alice, results, initial)
    assert len(results) == 16 and verdict.failed == 0
    assert (verdict.lost, verdict.silent_overwrites) == (0, 0)
    applied = sum(1 for r in results if r["applied"])
    assert verdict.conflict_rows == 16 - applied and applied >= 1


def test_a_lost_edit_and_a_silent_overwrite_are_counted(tmp_path: Path, pg_url: str) -> None:
    passage = _published(tmp_path, pg_url)
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        initial = versions(alice, [passage])
        base = responses.response_version(alice, passage)
        first = responses.save_response(alice, passage, text_of("a-1"), base_version=base)
        # Bob read the same version but saves without naming it: the server cannot refuse
        second = responses.save_response(bob, passage, text_of("b-1"))
        results: list[Outcome] = [
            {"token": "a-1", "passage": passage, "base": base, "applied": True},
            {"token": "b-1", "passage": passage, "base": base, "applied": True},
            {"token": "never-saved", "passage": passage, "base": base, "applied": False},
        ]
        results[0]["version"], results[1]["version"] = first.version, second.version
        verdict = audit(alice, results, initial)
        assert (verdict.lost, verdict.silent_overwrites) == (1, 1)
        honest = audit(alice, results[:1], initial)
        assert (honest.lost, honest.silent_overwrites) == (0, 0)
        made_up = [dict(results[0], base=12345)]
        assert audit(alice, made_up, initial).silent_overwrites == 1
