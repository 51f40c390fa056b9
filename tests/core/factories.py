"""Small projects built by code for the core tests."""

from __future__ import annotations

from pathlib import Path

from app.core.services import passages, responses, sources
from app.core.store import ProjectStore
from app.importers.text import import_text

SUBMISSION = (
    "Contribution from the Republic of Arcadia\n"
    "1. We think enhanced cooperation has been implemented to a substantial extent.\n"
    "2. Enhanced cooperation should have the characteristics of transparency, "
    "accountability and the engagement of all stakeholders.\n"
    "3. The multi-stakeholder model serves everyone 🌍 well; 多方利益 matters.\n"
)


def make_project(path: Path, *, title: str = "Comments on WGDC-3") -> ProjectStore:
    return ProjectStore.create(path, title=title, organisation="Delegation of Borealis")


def add_text_source(store: ProjectStore, text: str = SUBMISSION, label: str = "Arcadia") -> str:
    imported = import_text(text)
    return sources.add_source(
        store, imported, text.encode("utf-8"), filename=f"{label}.txt", label=label
    )


def populated(path: Path) -> tuple[ProjectStore, str, str, str]:
    """A project with one source, one passage and its response."""
    store = make_project(path)
    source_id = add_text_source(store)
    passage_id = passages.cite_quote(store, source_id, "implemented to a substantial extent")
    response_id = responses.respond(
        store, passage_id, "We <b>disagree</b>.<fn>See our paper.</fn>", position="disagree"
    )
    return store, source_id, passage_id, response_id
