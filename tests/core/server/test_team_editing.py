"""Two members editing one project on a real PostgreSQL: conflicts, not overwrites; news at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.core.errors import EditConflictError
from app.core.homes import open_home
from app.core.journal import Changes
from app.core.merge import list_conflicts, resolve_conflict
from app.core.server.notify import Announcement, Listener, decode, payload
from app.core.server.transfer import publish
from app.core.services import passages, responses
from tests.core.factories import populated


@pytest.fixture
def published(tmp_path: Path, pg_url: str) -> str:
    store, _source, passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", pg_url)
    return passage


def test_the_second_writer_gets_a_conflict_and_nothing_is_overwritten(
    pg_url: str, published: str
) -> None:
    passage = published
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        seen_by_alice = responses.response_version(alice, passage)
        seen_by_bob = responses.response_version(bob, passage)
        assert seen_by_alice is not None and seen_by_alice == seen_by_bob
        saved = responses.save_response(alice, passage, "Alice's text.", base_version=seen_by_alice)
        assert saved.version != seen_by_alice
        with pytest.raises(EditConflictError, match="Edit › Conflicts") as raised:
            responses.save_response(bob, passage, "Bob's text.", base_version=seen_by_bob)
        shown = passages.get_passage(bob, passage)
        assert shown is not None and shown.response_text == "Alice's text."
        conflicts = list_conflicts(bob)
        assert [c.id for c in conflicts] == list(raised.value.conflict_ids)
        assert conflicts[0].ours_value == "Alice's text."
        assert conflicts[0].theirs_value == "Bob's text."
        resolve_conflict(bob, conflicts[0].id, "Bob's text.")
        shown = passages.get_passage(alice, passage)
        assert shown is not None and shown.response_text == "Bob's text."
        texts = [r.text for r in responses.revisions(alice, shown.response_id or "")]
        assert "Alice's text." in texts


def test_a_save_on_the_version_it_read_goes_through_and_returns_the_next(
    pg_url: str, published: str
) -> None:
    with open_home(pg_url) as store:
        version = responses.response_version(store, published)
        for n in range(3):
            saved = responses.save_response(store, published, f"Text {n}.", base_version=version)
            assert saved.version == responses.response_version(store, published)
            version = saved.version
        assert not list_conflicts(store)


def test_two_saves_racing_on_one_version_give_one_write_and_one_conflict(
    pg_url: str, published: str
) -> None:
    with open_home(pg_url) as first, open_home(pg_url) as second:
        version = responses.response_version(first, published)
        outcomes: list[str] = []
        gate = threading.Barrier(2)

        def save(store: object, text: str) -> None:
            gate.wait()
            try:
                responses.save_response(store, published, text, base_version=version)  # type: ignore[arg-type]
                outcomes.append("saved")
            except EditConflictError:
                outcomes.append("conflict")

        threads = [
            threading.Thread(target=save, args=(first, "First.")),
            threading.Thread(target=save, args=(second, "Second.")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["conflict", "saved"]
        assert len(list_conflicts(first)) == 1


def test_other_members_changes_are_announced_at_once_and_ones_own_are_not(
    pg_url: str, published: str
) -> None:
    with open_home(pg_url) as mine, open_home(pg_url) as theirs:
        listener = Listener(mine.engine, mine.client_id)
        listener.start()
        heard: list[Announcement] = []
        thread = threading.Thread(target=listener.run, args=(heard.append,))
        thread.start()
        try:
            responses.respond(mine, published, "Mine.")
            started = time.monotonic()
            response_id = responses.respond(theirs, published, "Theirs.")
            while not heard and time.monotonic() - started < 2.0:
                time.sleep(0.01)
            assert heard, "no announcement within 2 s"
            assert heard[0].changes.of("response") == {response_id}
            assert heard[0].client_id == theirs.client_id
        finally:
            listener.stop()
            thread.join(timeout=5)
        assert len(heard) == 1


def test_an_announcement_too_large_for_postgresql_says_everything_changed() -> None:
    many = Changes("Merge", "e", {"passage": frozenset(f"{i:036d}" for i in range(1000))})
    found = decode(payload(many, "c", "m"))
    assert found is not None and found.everything
    few = decode(payload(Changes("Edit", "e", {"note": frozenset({"n1"})}), "c", None))
    assert few is not None and not few.everything and few.changes.of("note") == {"n1"}
    assert decode("not json") is None
