"""Full-text search: sources by paragraph, passages, responses; lazy rebuild."""

from __future__ import annotations

import time
from pathlib import Path

from app.core import search
from app.core.demo import create_demo
from app.core.services import passages, responses, sources
from app.core.store import ProjectStore


def test_search_finds_sources_passages_and_responses(tmp_path: Path) -> None:
    with ProjectStore.open(create_demo(tmp_path)) as store:
        hits = search.search(store, "registry")
        kinds = {h.kind for h in hits}
        assert kinds == {"source", "passage", "response"}
        arcadia = next(s for s in sources.list_sources(store) if s.label == "Republic of Arcadia")
        text = sources.source_text(store, arcadia.id).text
        source_hit = next(h for h in hits if h.kind == "source" and h.source_id == arcadia.id)
        assert text[source_hit.offset :].lower().startswith("registry")
        assert "[" in source_hit.snippet and "]" in source_hit.snippet


def test_prefix_diacritics_and_cjk(tmp_path: Path) -> None:
    with ProjectStore.open(create_demo(tmp_path)) as store:
        assert search.search(store, "interg")  # prefix of "intergovernmental"
        assert search.search(store, "数字公域宪章")
        assert search.search(store, "") == []
        assert search.search(store, '"*) (') == []
        assert search.search(store, '"*) OR (')  # operators are words, never syntax


def test_index_follows_edits(tmp_path: Path) -> None:
    with ProjectStore.open(create_demo(tmp_path)) as store:
        assert not search.search(store, "zanzibar")
        passage = passages.list_passages(store)[0]
        time.sleep(0.002)
        responses.respond(store, passage.id, "We recall the Zanzibar principles.")
        hits = search.search(store, "zanzibar")
        assert [(h.kind, h.id) for h in hits] == [("response", passage.id)]
        sources.remove_source(store, passage.source_id)
        assert not search.search(store, "zanzibar")
