"""Review copies saved by LibreOffice, untracked edits, stale proposals, reviewers (issue 17 B)."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from app.core.errors import ImportFailedError, InvalidInputError
from app.core.services import passages, proposals, responses, review_import
from app.core.services.review import list_members
from app.core.store import ProjectStore
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.importers.base import DEFAULT_MAX_BYTES
from app.importers.docx.review import read_review
from tests.core.factories import make_project, populated
from tests.e2e.cli import rejoinder
from tests.helpers import REALDOCS
from tests.importers.word_review import WordEditor, w


@pytest.fixture
def project(tmp_path: Path) -> tuple[ProjectStore, str, str, str, Path]:
    store, source, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    second = passages.cite_quote(store, source, "transparency, accountability")
    other = responses.respond(store, second, "We agree with this list of characteristics.")
    copy_path = tmp_path / "review.docx"
    export_project(store, copy_path, review_copy=True)
    return store, passage_id, response_id, other, copy_path


def _import(store: ProjectStore, path: Path) -> review_import.ReviewImportReport:
    return review_import.import_review(store, read_review(path.read_bytes()))


def _as_libreoffice_writes_it(editor: WordEditor, name: str) -> None:
    """Split the bookmark into two starts of the same name and drop its end, as LibreOffice does."""
    start = next(b for b in editor.document.iter(w("bookmarkStart")) if b.get(w("name")) == name)
    bid = start.get(w("id"))
    for end in list(editor.document.iter(w("bookmarkEnd"))):
        if end.get(w("id")) == bid:
            end.getparent().remove(end)
    again = copy.deepcopy(start)
    again.set(w("id"), "7777")
    paragraph = start.getparent()
    runs = paragraph.findall(w("r"))
    runs[len(runs) // 2].addprevious(again)


def test_libreoffice_bookmarks_keep_proposals_to_their_response(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, response_id, other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    _as_libreoffice_writes_it(editor, bookmark_name("r", response_id))
    _as_libreoffice_writes_it(editor, bookmark_name("r", other))
    heading = editor.paragraph_with("Contribution from")
    editor.comment([heading], "Shorter heading?", "Maria Gomez")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    report = _import(store, out)
    (proposal,) = report.proposals
    assert proposal.response_id == response_id
    assert proposal.markup == "We <b>partly agree</b>.<fn>See our paper.</fn>"
    assert [u.text for u in report.unmapped if u.kind == "comment"] == ["Shorter heading?"]
    again = _import(store, out)
    assert again.nothing_new


def test_libreoffice_shading_of_the_draft_marker_is_not_response_text(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, response_id, _other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    for highlight in list(answer[0].iter(w("highlight"))):
        shading = etree.Element(w("shd"), {w("val"): "clear", w("fill"): "FFFF00"})
        highlight.addprevious(shading)
        highlight.getparent().remove(highlight)
    editor.replace(answer, "disagree", "strongly disagree", "Maria Gomez")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    (proposal,) = _import(store, out).proposals
    assert "DRAFT" not in proposal.markup
    assert proposal.markup.startswith("We <b>strongly disagree</b>.")


def test_two_reviewers_are_both_credited(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, _response, other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", other))
    editor.replace(answer, "agree", "fully agree", "Maria Gomez")
    editor.replace(answer, "characteristics", "features", "Jon Smith")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    (proposal,) = _import(store, out).proposals
    assert proposal.author == "Maria Gomez and Jon Smith"
    assert proposal.markup == "We fully agree with this list of features."
    assert {"Maria Gomez", "Jon Smith"} <= {m.name for m in list_members(store)}


def test_a_proposal_on_an_older_text_merges_or_asks(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, _response, other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", other))
    editor.replace(answer, "agree", "fully agree", "Maria Gomez")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    passage_id = passages.passage_for_response(store, other)
    assert passage_id is not None
    # The response was rewritten in the project after the copy went out.
    responses.respond(store, passage_id.id, "We agree with this list of characteristics, twice.")
    (proposal,) = _import(store, out).proposals
    assert proposal.author.endswith("(on an older text)")
    exported, current, proposed = proposals.three_texts(store, proposal.note_id)
    assert exported == "We agree with this list of characteristics."
    assert current.endswith("twice.") and "fully agree" in proposed
    proposals.accept_proposal(store, proposal.note_id)
    merged = passages.get_passage(store, passage_id.id)
    assert merged is not None
    assert merged.response_text == "We fully agree with this list of characteristics, twice."


def test_a_stale_proposal_touching_newer_words_is_never_applied_silently(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, _response, other, review = project
    editor = WordEditor(review)
    editor.replace(
        editor.bookmark_paragraphs(bookmark_name("r", other)), "agree", "fully agree", "Maria"
    )
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    info = passages.passage_for_response(store, other)
    assert info is not None
    responses.respond(store, info.id, "We disagree with this list of characteristics.")
    (proposal,) = _import(store, out).proposals
    with pytest.raises(proposals.StaleProposalError) as refused:
        proposals.accept_proposal(store, proposal.note_id)
    message = str(refused.value)
    assert "Sent for review: We agree" in message and "Current: We disagree" in message
    assert "Proposed: We fully agree" in message
    after = passages.get_passage(store, info.id)
    assert after is not None and after.response_text.startswith("We disagree")
    proposals.accept_proposal(store, proposal.note_id, text="We partly agree, in the end.")
    after = passages.get_passage(store, info.id)
    assert after is not None and after.response_text == "We partly agree, in the end."


def test_untracked_edits_become_a_proposal_marked_untracked(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, _response, other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", other))
    for t in answer[0].iter(w("t")):
        t.text = (t.text or "").replace("this list", "this short list")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    (alone,) = _import(store, out).proposals
    assert alone.author.endswith("(untracked edits)")
    assert alone.markup == "We agree with this short list of characteristics."
    editor.replace(answer, "agree", "fully agree", "Maria Gomez")
    editor.save(out)
    (proposal,) = _import(store, out).proposals
    assert proposal.author == "Maria Gomez (untracked edits)"
    assert proposal.markup == "We fully agree with this short list of characteristics."


def test_a_paragraph_typed_without_tracking_is_not_lost(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, _response, other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", other))
    typed = copy.deepcopy(answer[-1])
    for element in list(typed):
        if element.tag in (w("bookmarkStart"), w("bookmarkEnd")):
            typed.remove(element)
    texts = [t for t in typed.iter(w("t")) if "agree" in (t.text or "")]
    texts[0].text = "We also ask for a review in 2027."
    answer[-1].append(copy.deepcopy(answer[-1].find(w("r"))))
    end = next(e for e in answer[-1].iter(w("bookmarkEnd")))
    answer[-1].remove(end)
    typed.append(end)
    answer[-1].addnext(typed)
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    (proposal,) = _import(store, out).proposals
    assert proposal.author.endswith("(untracked edits)")
    assert "We also ask for a review in 2027." in proposal.markup


def test_a_tracked_edit_to_a_quote_names_its_passage(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, passage_id, _response, _other, review = project
    editor = WordEditor(review)
    quote = editor.bookmark_paragraphs(bookmark_name("p", passage_id))
    editor.replace(quote, "substantial", "large", "Maria Gomez")
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    reasons = [u.reason for u in _import(store, out).unmapped]
    assert any(passage_id[:8] in r and "implemented to a substantial" in r for r in reasons)


def test_a_review_copy_of_another_project_is_refused_naming_both(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    _store, _passage, _response, _other, review = project
    stranger = make_project(tmp_path / "other.rejoinder", title="Comments on IGF 2027")
    with pytest.raises(InvalidInputError) as refused:
        _import(stranger, review)
    assert "Comments on WGDC-3" in str(refused.value)
    assert "Comments on IGF 2027" in str(refused.value)
    stranger.close()
    result = rejoinder("import-review", tmp_path / "other.rejoinder", review)
    assert result.returncode == 2 and "Comments on IGF 2027" in result.stderr


def test_a_password_protected_copy_gets_the_password_message() -> None:
    data = (REALDOCS / "docx" / "encrypted-docx-agile-Password1234_.docx").read_bytes()
    with pytest.raises(ImportFailedError, match="password"):
        read_review(data)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_copy_saved_again_by_libreoffice_gives_the_same_proposal(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, response_id, _other, review = project
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    editor.comment(answer, "Too blunt.", "Maria Gomez")
    word = tmp_path / "word" / "reviewed.docx"
    word.parent.mkdir()
    editor.save(word)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(word),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    report = _import(store, out / "reviewed.docx")
    (proposal,) = report.proposals
    assert proposal.response_id == response_id
    assert proposal.markup == "We <b>partly agree</b>.<fn>See our paper.</fn>"
    assert [n for n in report.unmapped if n.kind == "comment"] == []
    assert len(report.notes_added) == 2  # the comment and the proposal, no false "untracked"


def test_import_review_refuses_a_pipe_and_an_enormous_file_without_reading_them(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, *_ = project
    store.close()
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: takes no room on disk
    result = rejoinder("import-review", tmp_path / "p.rejoinder", huge)
    assert result.returncode == 2 and "files up to 100 MB" in result.stderr
    assert result.stderr.count("\n") == 1
    pipe = tmp_path / "reviewed.docx"
    os.mkfifo(pipe)
    # read whole, a FIFO with no writer blocks for ever: the command would time out
    result = rejoinder("import-review", tmp_path / "p.rejoinder", pipe)
    assert result.returncode == 2 and "not a document" in result.stderr
    pipe.unlink()  # nothing after the test may try to read it


def test_formatting_changed_without_tracking_becomes_a_proposal_marked_untracked(
    project: tuple[ProjectStore, str, str, str, Path], tmp_path: Path
) -> None:
    store, _passage, response_id, other, review = project
    untouched = _import(store, review)
    assert untouched.proposals == ()  # our own formatting read back is no proposal
    editor = WordEditor(review)
    answer = editor.bookmark_paragraphs(bookmark_name("r", other))
    runs = [r for r in answer[0].iter(w("r")) if "characteristics" in "".join(r.itertext())]
    (run,) = runs
    props = run.find(w("rPr"))
    if props is None:
        props = etree.Element(w("rPr"))
        run.insert(0, props)
    props.append(etree.Element(w("i")))  # italic, typed without tracking
    out = tmp_path / "reviewed.docx"
    editor.save(out)
    (proposal,) = _import(store, out).proposals
    assert proposal.response_id == other
    assert proposal.author.endswith("(untracked edits)")
    assert proposal.markup == "<i>We agree with this list of characteristics.</i>"
    assert _import(store, out).nothing_new
    assert response_id not in {p.response_id for p in _import(store, out).proposals}
