"""Full-text search: sources by paragraph, passages, responses; lazy rebuild.

Each test runs on both homes of a project: a file (FTS5) and a team server
(PostgreSQL's tsvector), with the same expectations.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import search
from app.core.demo import create_demo
from app.core.homes import open_home
from app.core.server.transfer import publish
from app.core.services import passages, responses, sources
from app.core.store import ProjectStore


@pytest.fixture(params=["file", "server"])
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectStore]:
    """The demo project, open from its file or from a PostgreSQL it was published to."""
    path = create_demo(tmp_path)
    location = str(path)
    if request.param == "server":
        location = request.getfixturevalue("pg_url")
        publish(path, location)
    with open_home(location) as store:
        yield store


def test_search_finds_sources_passages_and_responses(demo: ProjectStore) -> None:
    store = demo
    hits = search.search(store, "registry")
    kinds = {h.kind for h in hits}
    assert kinds == {"source", "passage", "response"}
    arcadia = next(s for s in sources.list_sources(store) if s.label == "Republic of Arcadia")
    text = sources.source_text(store, arcadia.id).text
    source_hit = next(h for h in hits if h.kind == "source" and h.source_id == arcadia.id)
    assert text[source_hit.offset :].lower().startswith("registry")
    assert "[" in source_hit.snippet and "]" in source_hit.snippet


def test_prefix_diacritics_and_cjk(demo: ProjectStore) -> None:
    store = demo
    assert search.search(store, "interg")  # prefix of "intergovernmental"
    assert search.search(store, "数字公域宪章")
    assert search.search(store, "") == []
    assert search.search(store, '"*) (') == []
    assert search.search(store, '"*) OR (')  # operators are words, never syntax


def test_index_follows_edits(demo: ProjectStore) -> None:
    store = demo
    assert not search.search(store, "zanzibar")
    passage = passages.list_passages(store)[0]
    time.sleep(0.002)
    responses.respond(store, passage.id, "We recall the Zanzibar principles.")
    hits = search.search(store, "zanzibar")
    assert [(h.kind, h.id) for h in hits] == [("response", passage.id)]
    sources.remove_source(store, passage.source_id)
    assert not search.search(store, "zanzibar")


def test_case_and_accents_are_folded_and_matches_marked(demo: ProjectStore) -> None:
    passage = passages.list_passages(demo)[0]
    responses.respond(demo, passage.id, "La <b>zanzibarité</b> est fièrement défendue.")
    for query in ("zanzibarite fierement", "ZANZIBARITÉ", "Fièrem", "zanz"):
        hits = search.search(demo, query)
        assert [(h.kind, h.id) for h in hits] == [("response", passage.id)], query
    (hit,) = search.search(demo, "ZANZIBARITE fiere")
    assert "[zanzibarité]" in hit.snippet and "[fièrement]" in hit.snippet


def test_words_are_split_as_fts5_splits_them(demo: ProjectStore) -> None:
    passage = passages.list_passages(demo)[0]
    responses.respond(demo, passage.id, "See quixotic.example.org and the e-quixote A/QUIX/73.")
    for query in ("quixotic example", "org quixotic", "quixote", "QUIX 73"):
        hits = search.search(demo, query)
        assert [(h.kind, h.id) for h in hits] == [("response", passage.id)], query
