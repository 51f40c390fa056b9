"""The export's sqlite3 reader gives the view the ORM's reader gives, rule for rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.contribution import read_project
from app.core.contribution.fileread import has_sent, read_file
from app.core.quickread import reading
from app.core.services import notes, passages, responses, sections, sources
from app.core.store import ProjectStore
from app.importers.text import import_text
from tests.core.factories import SUBMISSION, add_text_source, make_project


def _varied(path: Path) -> None:
    """Two sources (one with a new version), answered, deleted, noted and cross-referred rows."""
    with make_project(path) as store:
        first = add_text_source(store)
        second = add_text_source(store, SUBMISSION + "\n\nA closing remark.", label="Borealis")
        cited = [
            passages.cite_quote(store, first, "transparency"),
            passages.cite_quote(store, first, "multistakeholder"),
            passages.cite_quote(store, second, "transparency"),
            passages.cite_quote(store, second, "closing remark"),
        ]
        responses.respond(store, cited[0], "We <b>agree</b>.<fn>See annex.</fn>", position="agree")
        responses.respond(store, cited[1], "", status="proposed")
        responses.respond(store, cited[2], "Noted.", status="proposed")
        passages.delete_passage(store, cited[3])
        notes.add_note(store, cited[0], "Check with the capital.")
        topic = sections.add_section(store, "General remarks")
        sections.add_block(store, topic, "paragraph", "We <i>welcome</i> the paper.")
        party = next(s.id for s in sections.list_sections(store) if s.source_id == second)
        sections.add_block(store, topic, "cross_reference", target_section_ref=party)
        gone = sections.add_section(store, "Withdrawn")
        sections.delete_section(store, gone)
        text = SUBMISSION.replace("transparency", "openness")
        sources.add_version(store, first, import_text(text), text.encode(), filename="v2.txt")


@pytest.mark.parametrize("with_notes", [False, True])
def test_the_file_reader_and_the_orm_reader_give_the_same_view(
    tmp_path: Path, with_notes: bool
) -> None:
    path = tmp_path / "p.rejoinder"
    _varied(path)
    with ProjectStore.open(path) as store:
        expected = read_project(store, with_notes=with_notes)
    with reading(path) as conn:
        got = read_file(conn, with_notes=with_notes)
        assert not has_sent(conn)
    assert got == expected
    assert [p.id for p in got.passages] == [p.id for p in expected.passages]
    assert list(got.sources) == list(expected.sources)
    assert bool(got.notes) is with_notes
