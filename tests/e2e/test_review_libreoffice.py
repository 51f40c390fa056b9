"""Review copies written by LibreOffice, with its own tracked changes and comments (issue 17 B6).

The fixtures in tests/fixtures/reviews/ were made by LibreOffice's DOCX
writer from our review copy (see :mod:`tests.e2e.libreoffice_reviews`): two
reviewers' tracked edits and comments; responses moved and renumbered by hand,
comments anchored across marks or at a point, paragraphs joined; the table
layout. Each must give notes and proposals on exactly the passages and
responses they were made on, apply nothing, and add nothing the second time.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.services import notes, passages, proposals, review_import
from app.importers.docx.review import read_review
from tests.e2e.libreoffice_reviews import (
    OUT,
    PASSAGES,
    SCENARIOS,
    Built,
    build_project,
    generate,
    recorded_ids,
    rekey,
)


@pytest.fixture
def built(tmp_path: Path) -> Iterator[Built]:
    project = build_project(tmp_path / "p.rejoinder")
    yield project
    project.store.close()


def _import(built: Built, name: str, folder: Path = OUT) -> review_import.ReviewImportReport:
    data = rekey((folder / name).read_bytes(), recorded_ids(folder), built)
    return review_import.import_review(built.store, read_review(data))


def _texts(built: Built) -> dict[str, str]:
    out = {}
    for key, passage_id in built.passage.items():
        info = passages.get_passage(built.store, passage_id)
        assert info is not None
        out[key] = info.response_text
    return out


def _notes(built: Built) -> dict[str, list[tuple[str, str]]]:
    """Every note the review added, by the passage ("p A1") or response ("r A1") it is on."""
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, ids in (("p", built.passage), ("r", built.response)):
        for key, target in ids.items():
            found = [(n.author, n.text) for n in notes.list_notes(built.store, target)]
            if found:
                out[f"{kind} {key}"] = found
    return out


def _proposals(
    report: review_import.ReviewImportReport, built: Built
) -> dict[str, tuple[str, str]]:
    keys = {rid: key for key, rid in built.response.items()}
    return {keys[p.response_id]: (p.author, p.markup) for p in report.proposals}


def _check_nothing_applied_and_idempotent(built: Built, name: str, before: dict[str, str]) -> None:
    assert _texts(built) == before  # nothing applied without acceptance
    noted = _notes(built)
    again = _import(built, name)
    assert again.nothing_new and again.proposals == ()
    assert _notes(built) == noted and _texts(built) == before


def test_tracked_edits_and_comments_by_two_reviewers(built: Built) -> None:
    before = _texts(built)
    report = _import(built, "lo-tracked-comments.docx")
    assert _proposals(report, built) == {
        "A1": ("Maria Gomez", "We <b>partly agree</b>.<fn>See our paper.</fn>"),
        "A2": (
            "Jon Smith and Maria Gomez",
            "We agree with this list of characteristics.\nWe also ask for a review in 2027.\n"
            "The list should also name <i>inclusion</i>.",
        ),
        "A3": ("Jon Smith", "We agree."),
    }
    on = _notes(built)
    assert on["r A1"][:2] == [("Maria Gomez", "Too blunt."), ("Jon Smith", "I agree it is blunt.")]
    assert on["p B1"] == [("Maria Gomez", "Is this the right quote?")]
    assert set(on) == {"r A1", "r A2", "r A3", "p B1"}  # A2, A3: only their proposals
    # the heading, the lead-in and a paragraph typed between two answers belong to none
    assert sorted((u.kind, u.text) for u in report.unmapped) == [
        ("change", "Editorial: renumber the list."),
        ("comment", "Nice lead-in."),
        ("comment", "Shorter heading?"),
    ]
    assert report.from_export == len(PASSAGES)  # each answer's status comment
    _check_nothing_applied_and_idempotent(built, "lo-tracked-comments.docx", before)
    # LibreOffice cuts Maria's deletion where the comment ranges end: no empty deletions
    data = rekey((OUT / "lo-tracked-comments.docx").read_bytes(), recorded_ids(OUT), built)
    (a1,) = [p for p in read_review(data).proposals if p.response_id == built.response["A1"]]
    assert [(c.kind, c.text) for c in a1.changes] == [
        ("delete", "disagree"),
        ("insert", "partly agree"),
    ]


def test_moved_renumbered_answers_and_comments_anchored_across_marks(built: Built) -> None:
    before = _texts(built)
    report = _import(built, "lo-moved-renumbered.docx")
    assert _proposals(report, built) == {
        "A3": ("Maria Gomez", "We fully agree with this list."),
        # the break between A2's paragraphs deleted: one paragraph, as the reviewer left it
        "A2": (
            "Jon Smith",
            "We agree with this list of characteristics.The list should also name "
            "<i>inclusiveness</i>.",
        ),
    }
    on = {
        key: [n for n in found if not n[1].startswith("Proposed text")]
        for key, found in _notes(built).items()
    }
    assert {key: found for key, found in on.items() if found} == {
        "r A3": [("Jon Smith", "Start with the strongest point.")],  # began in the lead-in
        "r A2": [("Maria Gomez", "Merge with 3?")],
        "r B1": [("Jon Smith", "Which list?")],  # at a point, without a range
        "r B2": [("Maria Gomez", "Fine as it is.")],
    }
    assert report.unmapped == ()
    _check_nothing_applied_and_idempotent(built, "lo-moved-renumbered.docx", before)


def test_table_layout_edits_and_comments_in_cells(built: Built) -> None:
    before = _texts(built)
    report = _import(built, "lo-table-layout.docx")
    assert _proposals(report, built) == {
        "A1": ("Maria Gomez", "We <b>partly agree</b>.<fn>See our paper.</fn>"),
        "B1": ("Jon Smith", "We agree with this list, as well."),
    }
    on = _notes(built)
    assert on["p A2"] == [("Maria Gomez", "Cite the whole list?")]
    assert on["r A3"] == [("Jon Smith", "Same as 2?")]
    assert report.unmapped == ()
    _check_nothing_applied_and_idempotent(built, "lo-table-layout.docx", before)


def test_accepting_one_proposal_changes_that_answer_only(built: Built) -> None:
    before = _texts(built)
    report = _import(built, "lo-tracked-comments.docx")
    keys = {rid: key for key, rid in built.response.items()}
    (a2,) = [p for p in report.proposals if keys[p.response_id] == "A2"]
    proposals.accept_proposal(built.store, a2.note_id)
    after = _texts(built)
    assert after.pop("A2") == a2.markup
    before.pop("A2")
    assert after == before
    assert {keys[p.response_id] for p in proposals.pending_proposals(built.store)} == {
        "A1",
        "A3",
    }


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_generator_makes_the_same_reviews_again(tmp_path: Path) -> None:
    """The stored fixtures are what the generator makes with today's exporter and LibreOffice."""
    fresh = tmp_path / "fresh"
    generate(fresh)
    for number, name in enumerate(SCENARIOS):
        results = []
        for folder in (OUT, fresh):
            project = build_project(tmp_path / f"{number}-{folder.name}.rejoinder")
            try:
                report = _import(project, name, folder)
                results.append(
                    (
                        _proposals(report, project),
                        sorted(u.text for u in report.unmapped),
                        {k: sorted(n[1] for n in v) for k, v in _notes(project).items()},
                    )
                )
            finally:
                project.store.close()
        assert results[0] == results[1], name
