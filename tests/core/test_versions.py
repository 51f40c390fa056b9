"""New versions of a source (Rev.1): deleted passages orphan, look-alikes never win (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import preflight
from app.core.anchoring import make_anchor
from app.core.errors import DuplicateSourceError, InvalidInputError
from app.core.fidelity import check_fidelity
from app.core.journal import replay
from app.core.reanchoring import reanchor
from app.core.services import passages, placements, sources
from app.core.store import ProjectStore
from app.core.structure import Structure
from app.importers.text import import_text
from tests.core.factories import add_text_source, make_project

LIST = (
    "Annex\n"
    "The Parties agree on the following measures:\n"
    "a) each Party shall publish its national strategy for data protection by 2026;\n"
    "b) each Party shall publish its national strategy for data retention by 2026;\n"
    "c) the secretariat shall report on progress to the plenary every year.\n"
    "These measures enter into force on signature.\n"
)
ITEM = "each Party shall publish its national strategy for data protection by 2026;"


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    yield store
    store.close()


def _version(store: ProjectStore, source: str, text: str) -> sources.ReanchorReport:
    return sources.add_version(store, source, import_text(text), text.encode(), filename="r.txt")


def _passage(store: ProjectStore, passage_id: str) -> passages.PassageInfo:
    info = passages.get_passage(store, passage_id)
    assert info is not None
    return info


def test_deleted_list_item_orphans_instead_of_joining_its_look_alike(store: ProjectStore) -> None:
    source = add_text_source(store, LIST)
    cited = passages.cite_quote(store, source, ITEM)
    rev1 = LIST.replace("a) " + ITEM + "\n", "")
    report = _version(store, source, rev1)
    assert report.orphans == (cited,)
    assert _passage(store, cited).orphan
    # Rev.2 restores the item: the passage comes back to it, from its original anchor.
    rev2 = LIST.replace("Annex", "Annex (Rev.2)")
    report = _version(store, source, rev2)
    info = _passage(store, cited)
    assert report.orphans == ()
    assert info.exact == ITEM and info.start == rev2.index(ITEM)
    assert info.anchor_method in ("offset", "quote")


def test_fuzzy_needs_a_margin_over_the_second_best() -> None:
    old = "Intro text of the paper.\n" + ITEM + "\nEnd of the paper, with thanks."
    # The cited item and its context changed, and two look-alikes compete.
    new = (
        "Intro text of the paper, revised.\n"
        "each Party shall publish its national strategy for data processing by 2027;\n"
        "each Party shall publish its national strategy for data protectors by 2027;\n"
        "End of the paper, with thanks."
    )
    found = reanchor(make_anchor(old, old.index(ITEM), old.index(ITEM) + len(ITEM)), new)
    assert found.is_orphan


def test_fuzzy_needs_its_context_to_agree() -> None:
    old = "Chapter one says many things.\n" + ITEM + "\nChapter two follows here."
    new = "A different document begins.\n" + ITEM.replace("2026", "2027") + "\nAnd goes on."
    found = reanchor(make_anchor(old, old.index(ITEM), old.index(ITEM) + len(ITEM)), new)
    assert found.is_orphan


HEADED = (
    "Contents\n"
    "1. Scope ........ 1\n"
    "2. Enhanced cooperation ........ 2\n"
    "1. Scope\n"
    "This paper covers the public policy issues.\n"
    "2. Enhanced cooperation\n"
    "Enhanced cooperation should be transparent.\n"
)


def test_renumbered_heading_does_not_move_to_the_contents(store: ProjectStore) -> None:
    source = add_text_source(store, HEADED)
    body_heading = HEADED.index("2. Enhanced cooperation\n")
    cited = passages.cite_span(store, source, body_heading, body_heading + 23)
    rev1 = HEADED.replace("2. Enhanced cooperation\nEnhanced", "3. Enhanced cooperation\nEnhanced")
    rev1 = rev1.replace("1. Scope\nThis", "1. Scope\nNew text.\n2. Definitions\nThis")
    _version(store, source, rev1)
    info = _passage(store, cited)
    assert info.start == rev1.index("3. Enhanced cooperation")
    assert info.anchor_method == "fuzzy"


# Found re-verifying a real LibreOffice-saved policy paper: its contents are a plain
# list of the section titles (no page numbers), each the twin of a body heading.
TWINS = (
    "How to overcome the veto\n"
    "Why the seat was never succeeded\n"
    "How to expel a member\n"
    "Introduction to the question.\n"
    "Why the seat was never succeeded\n"
    "The Charter lists the permanent members by name in its Article 23.\n"
    "The Soviet Union ceased to exist as a subject of international law in 1991.\n"
    "The treaty of 8 December 1991 says so in its preamble.\n"
    "Its ratification made the treaty part of domestic law.\n"
    "The declaration of 21 December 1991 confirms the same.\n"
    "How to expel a member\n"
    "Expulsion needs a recommendation of the Council.\n"
)


def test_a_reworded_heading_never_lands_on_its_twin_in_a_contents_list(
    store: ProjectStore,
) -> None:
    source = add_text_source(store, TWINS)
    title = "Why the seat was never succeeded"
    cited = passages.cite_quote(store, source, title, occurrence=2)
    rev1 = TWINS.replace(f"question.\n{title}", "question.\nWhy nobody succeeded to the seat")
    _version(store, source, rev1)
    info = _passage(store, cited)
    # the list entry kept the old words: the passage must not move there
    assert info.orphan or (info.start is not None and info.start > rev1.index("question."))


def test_a_paragraph_moved_away_from_its_neighbours_is_found_where_it_went(
    store: ProjectStore,
) -> None:
    source = add_text_source(store, TWINS)
    moved = "Its ratification made the treaty part of domestic law."
    cited = passages.cite_quote(store, source, moved)
    # moved up two paragraphs: its old neighbours now stand next to each other
    rev1 = TWINS.replace(moved + "\n", "").replace("The Soviet", moved + "\nThe Soviet")
    report = _version(store, source, rev1)
    info = _passage(store, cited)
    assert report.orphans == ()
    assert info.start == rev1.index(moved) and info.exact == moved
    assert info.anchor_method == "quote"


def test_contents_line_never_wins_over_body_text() -> None:
    structure = Structure(HEADED)
    line = HEADED.index("2. Enhanced cooperation ....")
    assert structure.in_contents(line, line + 10)
    assert not structure.in_contents(HEADED.index("This paper"), HEADED.index("This paper") + 4)


def test_fuzzy_placement_keeps_first_and_last_words() -> None:
    # The end of the preceding context ("the Parties") also occurs inside the passage.
    old = "Recalling the work of the Parties. The Parties note that the Parties agree on rules."
    passage = "The Parties note that the Parties agree on rules."
    new = old.replace("agree on rules", "agree on the rules")
    start = old.index(passage)
    found = reanchor(make_anchor(old, start, start + len(passage)), new)
    assert found.method == "fuzzy" and found.start is not None
    assert new[found.start : found.end] == passage.replace("on rules", "on the rules")


def test_fuzzy_placement_stops_where_the_quote_stopped_before_punctuation() -> None:
    # Found re-verifying A/RES/73/3 retypeset as Rev.1: a quote cut before a comma
    # took the comma with it ("… avoidable and curable,"), and so would its printed quote.
    old = (
        "8. Recall the burden of the disease. 9. Further recognize that tuberculosis is "
        "both preventable and curable, yet 40 per cent of people are missed (see “Annex”)."
    )
    for passage, edit in (
        ("Further recognize that tuberculosis is both preventable and curable", "avoidable"),
        ("yet 40 per cent of people are missed (see “Annex", "ignored"),
    ):
        new = old.replace("preventable", "avoidable").replace("missed", "ignored")
        start = old.index(passage)
        found = reanchor(make_anchor(old, start, start + len(passage)), new)
        assert found.method == "fuzzy" and found.start is not None
        assert new[found.start : found.end] == passage.replace("preventable", "avoidable").replace(
            "missed", "ignored"
        ), edit


def test_fuzzy_placements_wait_for_confirmation(store: ProjectStore) -> None:
    source = add_text_source(store, LIST)
    cited = passages.cite_quote(store, source, ITEM)
    report = _version(store, source, LIST.replace("data protection", "personal data protection"))
    assert [p.kind for p in report.placements] == ["fuzzy"]
    assert report.fuzzy == 1 and report.placements[0].score < 100
    assert _passage(store, cited).anchor_method == "fuzzy"


def test_a_version_can_be_removed_and_an_earlier_file_reimported(store: ProjectStore) -> None:
    source = add_text_source(store, LIST)
    cited = passages.cite_quote(store, source, ITEM)
    wrong = "An unrelated document about spectrum.\n" * 3
    report = _version(store, source, wrong)
    assert report.mostly_orphaned
    report = sources.remove_version(store, source)
    assert report.version_no == 1 and report.orphans == ()
    assert _passage(store, cited).start == LIST.index(ITEM)
    with pytest.raises(InvalidInputError):
        sources.remove_version(store, source)
    rev1 = LIST.replace("Annex", "Annex, revised")
    _version(store, source, rev1)
    with pytest.raises(DuplicateSourceError):
        _version(store, source, rev1)
    # The original comes back as the current version (Rev.2).
    report = _version(store, source, LIST)
    assert report.version_no == 3 and report.exact == 1
    assert [sources.version_name(n) for n in (1, 2, 3)] == ["original", "Rev.1", "Rev.2"]


def test_messages_show_words_joined_across_a_line_end_hyphen_whole() -> None:
    exact = "We recall the five-\nyear review of the outcomes of the Summit."
    (problem,) = check_fidelity("We recall the five-year assessment of the outcomes", exact)
    assert "five-year review" in problem
    assert "fiveyear" not in problem
    (problem,) = check_fidelity("We recall the five-year review", exact)
    assert "“of the outcomes of the Summit.”" in problem


def test_check_lists_unconfirmed_placements_apart_from_quote_edits(store: ProjectStore) -> None:
    source = add_text_source(store, LIST)
    fuzzy = passages.cite_quote(store, source, ITEM)
    edited = passages.cite_quote(store, source, "These measures enter into force")
    passages.set_quote(store, edited, "These measures enter into force at once")
    _version(store, source, LIST.replace("data protection", "personal data protection"))
    kinds = {(p.kind, p.target_id) for p in preflight.check(store)}
    assert ("unconfirmed", fuzzy) in kinds and ("fidelity", fuzzy) not in kinds
    assert ("fidelity", edited) in kinds


def test_placements_are_confirmed_reattached_or_kept_as_orphans(store: ProjectStore) -> None:
    source = add_text_source(store, LIST)
    fuzzy = passages.cite_quote(store, source, ITEM)
    lost = passages.cite_quote(store, source, "the secretariat shall report on progress")
    rev1 = LIST.replace("data protection", "personal data protection").replace(
        "c) the secretariat shall report on progress to the plenary every year.\n", ""
    )
    _version(store, source, rev1)
    waiting = {p.passage_id: p for p in placements.list_placements(store, waiting_only=True)}
    assert set(waiting) == {fuzzy, lost}
    assert waiting[fuzzy].original == ITEM and "personal data" in waiting[fuzzy].current
    assert waiting[fuzzy].version == "Rev.1" and waiting[fuzzy].kind == "fuzzy"
    with pytest.raises(InvalidInputError):
        placements.update_quote(store, fuzzy)  # not confirmed yet
    placements.confirm_placement(store, fuzzy)
    assert replay.can_undo(store) == "Confirm placement"
    assert placements.update_quote(store, fuzzy) == waiting[fuzzy].current
    assert replay.can_undo(store) == "Update printed quote"
    assert _passage(store, fuzzy).quote == waiting[fuzzy].current
    with pytest.raises(InvalidInputError):
        placements.confirm_placement(store, lost)
    placements.keep_as_orphan(store, lost)
    assert replay.can_undo(store) == "Keep passage as orphan"
    assert placements.list_placements(store, waiting_only=True) == []
    start = rev1.index("These measures")
    placements.reattach(store, lost, start, start + 14)
    assert replay.can_undo(store) == "Re-attach passage"
    info = _passage(store, lost)
    assert info.exact == "These measures" and not info.orphan


def test_update_quote_shows_hyphenated_words_whole(store: ProjectStore) -> None:
    text = "Intro.\nWe recall the five-\nyear review of the outcomes.\nEnd."
    source = add_text_source(store, text)
    cited = passages.cite_quote(store, source, "the five-year review")
    assert placements.update_quote(store, cited) == "the five-year review"
