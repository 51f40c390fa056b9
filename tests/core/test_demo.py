"""The demo project shows every feature, built through the services."""

from __future__ import annotations

from pathlib import Path

from app.core import markup
from app.core.demo import DEMO_DIR, create_demo
from app.core.services import passages, sections, sources
from app.core.store import ProjectStore


def test_demo_project_has_every_feature(tmp_path: Path) -> None:
    path = create_demo(tmp_path)
    with ProjectStore.open(path) as store:
        infos = sources.list_sources(store)
        assert [s.label for s in infos][:3] == [
            "Republic of Arcadia",
            "Federation of Borealis",
            "Coalition for an Open Net",
        ]
        assert any(s.kind == "reference" for s in infos)
        cited = passages.list_passages(store)
        assert len(cited) >= 5
        texts = [p.response_text for p in cited]
        assert any(markup.footnotes(t) for t in texts)
        assert any("<u>" in t for t in texts)
        assert {p.response_status for p in cited} >= {"draft", "proposed", "agreed"}
        assert any(s.kind == "topic" for s in sections.list_sections(store))
        assert sources.source_text(store, infos[0].id).pages[1].label == "2"


def test_demo_texts_are_fictional() -> None:
    names = {p.name for p in DEMO_DIR.iterdir()}
    assert "demo.json" in names
    for text_file in DEMO_DIR.glob("*.txt"):
        assert "Working Group on Enhanced Cooperation" not in text_file.read_text("utf-8")
