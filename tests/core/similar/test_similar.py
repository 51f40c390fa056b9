"""The sentence index and the look-up of similar passages (app.core.similar)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.core.errors import NotFoundError
from app.core.journal.replay import undo
from app.core.models import Sentence, SentenceIndex
from app.core.services import passages, responses, shared_answers, sources
from app.core.similar import ensure_index, similar_to_passage
from app.core.similar.scheme import BANDS, ROWS
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project

EU = (
    "1. We believe that enhanced cooperation should enable governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues "
    "pertaining to the Internet.\n\n"
    "2. The working group should make recommendations on how to fully implement the mandate. "
    "We refer to our comments above on the contribution from the European Union.\n"
)
JAPAN = (
    "1. In our view enhanced cooperation should enable all governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues "
    "relating to the Internet.\n\n"
    "2. Something completely different about spectrum allocation and satellites in orbit.\n\n"
    "3. We refer to our comments above on the contribution from Japan.\n"
)
BELIEVE = "We believe that enhanced cooperation should enable governments, on an equal footing"
OTHER = "1. Fisheries quotas in the northern seas were discussed at length by the committee.\n"


@pytest.fixture
def project(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    add_text_source(store, EU, "European Union")
    add_text_source(store, JAPAN, "Japan")
    add_text_source(store, OTHER, "Norway")
    return store


def _source(store: ProjectStore, label: str) -> str:
    return next(s.id for s in sources.list_sources(store) if s.label == label)


def test_a_paraphrase_in_another_source_is_found_and_unrelated_text_is_not(
    project: ProjectStore,
) -> None:
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, BELIEVE)
    matches = similar_to_passage(project, passage)
    assert [m.source_id for m in matches] == [_source(project, "Japan")]
    match = matches[0]
    assert (
        match.text.startswith("In our view enhanced cooperation")
        or "enhanced cooperation" in match.text
    )
    assert 0.5 <= match.score <= 1.0
    assert match.passage_id is None and match.response_id is None
    text = sources.source_text(project, match.source_id).text
    assert " ".join(text[match.start : match.end].split()) == match.text


def test_matches_come_best_first_and_the_limit_holds(project: ProjectStore) -> None:
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, "The working group should make recommendations")
    add_text_source(
        project,
        "The working group should make recommendations on how to fully implement the mandate.\n",
        "Exact copy",
    )
    everything = similar_to_passage(project, passage, limit=10)
    assert everything, "the exact copy is found"
    assert [m.score for m in everything] == sorted((m.score for m in everything), reverse=True)
    assert everything[0].score == pytest.approx(1.0)
    assert similar_to_passage(project, passage, limit=1) == everything[:1]


def test_a_cited_match_carries_its_passage_and_response(project: ProjectStore) -> None:
    eu, japan = _source(project, "European Union"), _source(project, "Japan")
    ours = passages.cite_quote(
        project, eu, "We refer to our comments above on the contribution from the European Union."
    )
    theirs = passages.cite_quote(
        project, japan, "We refer to our comments above on the contribution from Japan."
    )
    response = responses.respond(project, theirs, "We <b>agree</b>.", status="proposed")
    [match] = similar_to_passage(project, ours)
    assert match.passage_id == theirs
    assert match.response_id == response
    assert match.response_status == "proposed"
    assert match.response_text == "We agree."
    assert match.locator != ""


def test_the_index_is_built_at_import_and_skips_removed_sources(
    project: ProjectStore,
) -> None:
    with project.session() as session:
        assert session.scalar(select(func.count(SentenceIndex.version_id))) == 3
    assert ensure_index(project) == 0
    japan = _source(project, "Japan")
    sources.remove_source(project, japan)
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, BELIEVE)
    assert similar_to_passage(project, passage) == []
    with project.session() as session:
        assert session.scalar(select(func.count(SentenceIndex.version_id))) == 3
        assert session.scalar(select(func.count(Sentence.id))) >= 5


def test_a_project_without_an_index_gets_one_at_its_first_look_up(project: ProjectStore) -> None:
    """Projects from before the index (or loaded, or merged) are indexed lazily."""
    with project.write("test", record=False) as session:
        # with a WHERE: SQLite's truncate optimisation would not count the change
        session.execute(delete(SentenceIndex).where(SentenceIndex.sentences >= 0))
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, BELIEVE)
    assert [m.source_id for m in similar_to_passage(project, passage)] == [
        _source(project, "Japan")
    ]


def test_an_unknown_passage_is_refused_and_builds_nothing(project: ProjectStore) -> None:
    with project.write("test", record=False) as session:
        session.execute(delete(SentenceIndex).where(SentenceIndex.sentences >= 0))
    with pytest.raises(NotFoundError):
        similar_to_passage(project, "ffffffff")
    with project.session() as session:
        assert session.scalar(select(func.count(SentenceIndex.version_id))) == 0


def test_datasketch_still_chooses_the_stored_banding() -> None:
    from datasketch import MinHashLSH

    from app.core.similar import sketch
    from app.core.similar.scheme import NUM_PERM, THRESHOLD

    chosen = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (chosen.b, chosen.r) == (BANDS, ROWS)
    assert sketch.bands() == tuple(tuple(int(x) for x in r) for r in chosen.hashranges)


def test_the_signatures_are_datasketchs_own() -> None:
    """One NumPy pass over a version gives what datasketch's MinHash gives, value for value."""
    import random
    import zlib

    from datasketch import MinHash

    from app.core.similar import sketch
    from app.core.similar.scheme import NUM_PERM, SEED

    rng = random.Random(5)
    vocabulary = [f"w{i}ö" for i in range(300)]
    # over several chunks, with a long sentence that crosses a chunk's end on its own
    sentences = [rng.sample(vocabulary, rng.randint(4, 40)) for _ in range(900)]
    sentences[400] = [f"long{i}" for i in range(sketch._CHUNK + 5)]
    sentences[401] = []
    theirs = MinHash.bulk(
        [[w.encode("utf-8") for w in s] for s in sentences],
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=zlib.crc32,
    )
    ours = sketch.signatures(sentences)
    expected = [m.hashvalues for s, m in zip(sentences, theirs, strict=True) if s]
    assert ours.shape == (len(expected), NUM_PERM)
    assert all((row == want).all() for row, want in zip(ours, expected, strict=True))
    keys = sketch.band_keys(sentences)
    assert keys[401] == [] and all(len(k) == BANDS for i, k in enumerate(keys) if i != 401)


def test_sharing_an_answer_and_undoing_it(project: ProjectStore) -> None:
    eu, japan = _source(project, "European Union"), _source(project, "Japan")
    first = passages.cite_quote(
        project, eu, "We refer to our comments above on the contribution from the European Union."
    )
    second = passages.cite_quote(
        project, japan, "We refer to our comments above on the contribution from Japan."
    )
    shared = responses.respond(project, first, "We agree.", position="agree")
    own = responses.respond(project, second, "Our own answer.")
    assert shared_answers.share_answer(project, second, first) == shared
    [info] = [p for p in passages.list_passages(project) if p.id == second]
    assert (info.response_id, info.response_text, info.same_as_id) == (shared, "We agree.", first)
    # one text, edited once, from either passage; one status
    responses.respond(project, second, "We agree entirely.", status="proposed")
    both = {p.id: p for p in passages.list_passages(project)}
    assert both[first].response_text == both[second].response_text == "We agree entirely."
    assert both[first].response_status == both[second].response_status == "proposed"
    assert [r.text for r in responses.revisions(project, shared)] == ["We agree."]
    undo(project)  # the text and status
    undo(project)  # the sharing: the passage's own answer is back
    back = {p.id: p for p in passages.list_passages(project)}
    assert (back[second].response_id, back[second].response_text) == (own, "Our own answer.")
    assert back[second].same_as_id is None


def test_sharing_is_kept_flat_and_refuses_itself(project: ProjectStore) -> None:
    eu, japan = _source(project, "European Union"), _source(project, "Japan")
    a = passages.cite_quote(project, eu, BELIEVE)
    b = passages.cite_quote(project, japan, "In our view enhanced cooperation")
    c = passages.cite_quote(project, japan, "We refer to our comments above")
    shared_answers.share_answer(project, b, a)
    shared_answers.share_answer(project, c, b)  # b shares a's: c points to a directly
    infos = {p.id: p for p in passages.list_passages(project)}
    assert infos[c].same_as_id == a
    with pytest.raises(Exception, match="own answer"):
        shared_answers.share_answer(project, a, c)
    # a passage that owns the answer is deleted: the next one takes the response over
    passages.delete_passage(project, a)
    infos = {p.id: p for p in passages.list_passages(project)}
    assert infos[b].same_as_id is None and infos[b].response_id is not None
    assert infos[c].same_as_id == b and infos[c].response_id == infos[b].response_id


def test_dump_load_and_merge_carry_the_sharing(project: ProjectStore, tmp_path: Path) -> None:
    from app.core import dump
    from app.core.merge import merge

    eu, japan = _source(project, "European Union"), _source(project, "Japan")
    first = passages.cite_quote(project, eu, "We refer to our comments above")
    second = passages.cite_quote(project, japan, "We refer to our comments above")
    copy_path = tmp_path / "colleague.rejoinder"
    project.save_copy(copy_path)
    shared = responses.respond(project, first, "We agree.")
    shared_answers.share_answer(project, second, first)
    text = dump.dumps(project)
    dump.load(text, tmp_path / "loaded.rejoinder")
    with ProjectStore.open(tmp_path / "loaded.rejoinder") as loaded:
        infos = {p.id: p for p in passages.list_passages(loaded)}
        assert infos[second].same_as_id == first
        assert infos[second].response_id == shared
    with ProjectStore.open(copy_path) as colleague:
        merge(colleague, project.path)
        infos = {p.id: p for p in passages.list_passages(colleague)}
        assert (infos[second].same_as_id, infos[second].response_text) == (first, "We agree.")


def test_check_lists_shared_answers_whose_passages_drifted_apart(project: ProjectStore) -> None:
    from app.core.models import Passage
    from app.core.preflight import check

    eu, japan = _source(project, "European Union"), _source(project, "Japan")
    first = passages.cite_quote(project, eu, "We refer to our comments above on the contribution")
    second = passages.cite_quote(
        project, japan, "We refer to our comments above on the contribution"
    )
    responses.respond(project, first, "We agree.")
    shared_answers.share_answer(project, second, first)
    assert [p for p in check(project) if p.kind == "shared_answer"] == []
    # a revised version re-anchored the second passage onto quite different words
    with project.write("re-anchored") as session:
        moved = session.get(Passage, second)
        assert moved is not None
        moved.exact = "Something completely different about spectrum allocation"
    [problem] = [p for p in check(project) if p.kind == "shared_answer"]
    assert "2 passages share one answer" in problem.message


def test_a_project_from_before_the_index_gets_it_at_its_first_look_up(tmp_path: Path) -> None:
    """The 0006 fixture (no sentence tables) is upgraded, then indexed when first asked."""
    import shutil

    from tests.helpers import ROOT

    path = tmp_path / "old.rejoinder"
    shutil.copy(ROOT / "tests/fixtures/projects/0006_sent_and_deadline.rejoinder", path)
    with ProjectStore.open(path) as store:
        (passage,) = passages.list_passages(store)
        add_text_source(
            store,
            "1. Enhanced cooperation should have the characteristics of transparency, "
            "accountability and the engagement of every stakeholder.\n",
            "Borealis",
        )
        [match] = similar_to_passage(store, passage.id)
        assert match.text.startswith("Enhanced cooperation should have the characteristics")
        assert match.score >= 0.8


def test_the_passages_own_source_never_crowds_out_the_others(tmp_path: Path) -> None:
    """Candidates are counted before their sentences are read: the own source is left out first."""
    from app.core.similar import lookup

    store = make_project(tmp_path / "p.rejoinder")
    said = "We refer to our comments above on the contribution from the European Union."
    many = "".join(f"{i}. {said}\n\n" for i in range(1, lookup.CANDIDATES + 30))
    eu = add_text_source(store, many, "European Union")
    japan = add_text_source(store, f"1. {said.replace('above', 'made above')}\n", "Japan")
    passage = passages.cite_quote(store, eu, said, occurrence=1)
    assert [m.source_id for m in similar_to_passage(store, passage)] == [japan]
