"""The party label suggested at import never comes from author metadata
(issue 10 §6): it is read from the document's title, symbol or file name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.importers.base import ImportedText, ImportOptions
from app.importers.detect import import_file
from app.importers.label import FALLBACK, MAX_LABEL, guess_label, suggest_label
from tests.helpers import REALDOCS
from tests.importers.docx_factory import build_docx, p
from tests.pdf_factory import Run, TextLine, build_pdf

# What author fields of real submissions held: a staff member's name, an
# internal code, an employee of the company that prepared the file.
JUNK_AUTHORS = ["Michelle A. Romero", "W:CAR:MP:FP", "jsmith (Contoso Consulting)"]


def imported(text: str = "", title: str | None = None, author: str | None = None) -> ImportedText:
    return ImportedText(text=text, pages=[], paragraphs=[], title=title, author=author)


@pytest.mark.parametrize("author", JUNK_AUTHORS)
def test_author_metadata_is_never_proposed(author: str) -> None:
    assert guess_label(imported(author=author), "/in/EU_submission_final.docx") == ("EU submission")
    assert guess_label(imported(author=author, title=author), "statement.pdf") == "statement"


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Comments by Japan", "Japan"),
        ("Submission by the European Union on enhanced cooperation", "European Union"),
        (
            "Input from Centre for Internet and Society (CIS)",
            "Centre for Internet and Society (CIS)",
        ),
        ("Statement of the Delegation of India at the Plenary", "India"),
        ("Microsoft Word - Contribution from Brazil.docx", "Brazil"),
        ("Contribution from Kenya to the WGEC", "Kenya"),
    ],
)
def test_party_named_in_the_title(title: str, label: str) -> None:
    assert guess_label(imported(title=title, author="W:CAR:MP:FP"), "x.docx") == label


def test_un_symbol_on_the_cover_page() -> None:
    cover = "United Nations A/RES/73/3\nGeneral Assembly\nDistr.: General\n10 October 2018"
    title = "Political declaration of the high-level meeting on the fight against tuberculosis"
    assert guess_label(imported(cover, title, "Michelle A. Romero"), "n1831.pdf") == "A/RES/73/3"
    assert suggest_label("", None, "A_L.632 draft.pdf") == "A L.632"
    assert suggest_label("Distr. S/2022/123 of 4 March", None, "x.pdf") == "S/2022/123"


def test_title_that_reads_like_one_is_used() -> None:
    title = "Enhanced cooperation on public policy issues pertaining to the Internet"
    assert suggest_label("", title, "x.docx") == title
    assert suggest_label("", "TCP/IP and the ISO/IEC standards", "x.docx").startswith("TCP/IP")


@pytest.mark.parametrize("title", ["W:CAR:MP:FP", "Document1", "untitled", "Slide 1", "x.docx"])
def test_codes_and_placeholder_titles_fall_back_to_the_file_name(title: str) -> None:
    assert suggest_label("", title, "/in/Just_Net_Coalition-statement_v2 (1).txt") == (
        "Just Net Coalition-statement"
    )


def test_file_name_cleaned_and_undecodable_bytes_shown() -> None:
    assert suggest_label("", None, "2017_APIG_comments-final.pdf") == "2017 APIG comments"
    label = suggest_label("", None, "\udcff\udcfeUSA-comments.txt")
    label.encode("utf-8")
    assert label.endswith("USA-comments")
    assert suggest_label("", None, ".txt") == ".txt" or suggest_label("", None, "") == FALLBACK


def test_real_un_resolution_gets_its_symbol() -> None:
    data = REALDOCS / "pdf" / "un-ga-A-RES-73-3-tuberculosis-political-declaration.pdf"
    result = import_file(data.read_bytes(), "N1831.pdf", ImportOptions())
    assert guess_label(result, "N1831.pdf") == "A/RES/73/3"


def test_real_docx_author_metadata_is_ignored() -> None:
    data = build_docx(p("Comments by the Republic of Korea on the draft"))
    result = import_file(data, "korea.docx")
    result.author = "Michelle A. Romero"
    assert guess_label(result, "korea.docx") == "Republic of Korea"


def test_pdf_author_field_is_ignored() -> None:
    line = TextLine(72, 700, [Run("We support the draft resolution.", 11)])
    data = build_pdf([[line]], info={"Title": "W:CAR:MP:FP", "Author": "Michelle A. Romero"})
    result = import_file(data, "Submission_Norway.pdf")
    assert result.author == "Michelle A. Romero"
    assert guess_label(result, "Submission_Norway.pdf") == "Submission Norway"


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=200)), st.text(max_size=80))
def test_suggestion_is_short_printable_and_never_empty(
    head: str, title: str | None, filename: str
) -> None:
    label = suggest_label(head, title, filename)
    assert label.strip() and len(label) <= MAX_LABEL + 1 and "\n" not in label
    label.encode("utf-8")
