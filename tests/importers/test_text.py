"""Plain text and Markdown import: encodings, line breaks, numbers, headings."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import ImportCancelled, ImportFailedError
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.text import import_bytes, import_text
from tests.helpers import REALDOCS

OTHER = REALDOCS / "other"


def paragraph_texts(result: ImportedText) -> list[str]:
    return [result.text[p.start : p.end] for p in result.paragraphs]


def check_consistent(result: ImportedText) -> None:
    assert result.pages[0].start == 0
    assert result.pages[-1].end == len(result.text)
    assert "\n".join(paragraph_texts(result)) == result.text
    previous_end = -1
    for paragraph in result.paragraphs:
        assert previous_end < paragraph.start <= paragraph.end <= len(result.text)
        assert "\n" not in result.text[paragraph.start : paragraph.end]
        previous_end = paragraph.end


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        ("Résumé – état\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Résumé – état\n".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Résumé – état\n".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Résumé – état\n".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings(encoded: bytes, label: str) -> None:
    result = import_bytes(encoded, ImportOptions())
    assert result.text == "Résumé – état", label


def test_cp866_russian() -> None:
    result = import_bytes((OTHER / "ru-cp866-encoded.txt").read_bytes(), ImportOptions())
    assert result.text.startswith("Однажды, в студеную зимнюю пору,")
    assert len(result.paragraphs) == 6


def test_windows_1252_smart_quotes() -> None:
    result = import_bytes((OTHER / "win1252-encoded.txt").read_bytes(), ImportOptions())
    assert "“windows”" in result.text


def test_utf16_be_file() -> None:
    result = import_bytes((OTHER / "unst-utf16-be.txt").read_bytes(), ImportOptions())
    assert result.text.startswith("This is a test document to use for unit tests.")


def test_udhr_multilingual() -> None:
    result = import_bytes((OTHER / "udhr-article1-all-languages.txt").read_bytes(), ImportOptions())
    check_consistent(result)
    assert "Universal Declaration of Human Right" in result.text
    assert "Все люди рождаются свободными" in result.text
    assert len(result.paragraphs) > 500


@pytest.mark.parametrize("name", ["un-charter-ar.txt", "un-charter-ru.txt", "un-charter-zh.txt"])
def test_un_charter(name: str) -> None:
    result = import_bytes((OTHER / name).read_bytes(), ImportOptions())
    check_consistent(result)
    assert len(result.paragraphs) > 100


def test_line_breaks_and_control_characters() -> None:
    result = import_text("One\r\nTwo\rThree\x00\x07 end\n\n\n  Four  \n")
    assert result.text == "One\nTwo\nThree end\nFour"
    assert len(result.paragraphs) == 4


def test_numbered_paragraphs() -> None:
    result = import_text("12. Decides to\na) first\n(iii) third\n1.2. Scope\n2017 was a year\n")
    numbers = [p.number for p in result.paragraphs]
    assert numbers == ["12.", "a)", "(iii)", "1.2.", None]
    assert result.paragraphs[0].kind is ParagraphKind.LIST_ITEM
    assert result.text.startswith("12. Decides to")


def test_markdown_headings_and_marks() -> None:
    source = "# Title\n\nSome *emphasis* and a [link](http://x).\n\n## Part\n> quoted\n- bullet\n"
    result = import_text(source)
    assert result.media_type == "text/markdown"
    assert paragraph_texts(result) == [
        "Title",
        "Some emphasis and a link.",
        "Part",
        "quoted",
        "bullet",
    ]
    kinds = [(p.kind, p.level) for p in result.paragraphs]
    assert kinds[0] == (ParagraphKind.HEADING, 1)
    assert kinds[2] == (ParagraphKind.HEADING, 2)
    assert kinds[3][0] is ParagraphKind.QUOTE
    assert kinds[4][0] is ParagraphKind.LIST_ITEM
    assert result.title == "Title"


def test_markdown_resolution_file() -> None:
    data = (OTHER / "un-ga-draft-resolution-ageyev.md").read_bytes()
    result = import_bytes(data, ImportOptions(), markdown=True)
    check_consistent(result)
    headings = [p for p in result.paragraphs if p.kind is ParagraphKind.HEADING]
    assert result.text[headings[0].start :].startswith("Restoration of the UN Charter")
    assert "Recalling the UN Charter" in result.text
    assert "*" not in result.text


def test_empty_file_refused() -> None:
    with pytest.raises(ImportFailedError):
        import_bytes(b"  \n\r\n ", ImportOptions())


def test_progress_reported() -> None:
    calls: list[tuple[int, int]] = []
    import_bytes(b"a\nb\n" * 3000, ImportOptions(progress=lambda d, t: calls.append((d, t))))
    assert calls[-1][0] == calls[-1][1]
    assert len(calls) > 2


@given(st.text())
def test_import_text_never_crashes(text: str) -> None:
    check_consistent(import_text(text))


@given(st.text(alphabet=st.sampled_from("ab 1.()#*>-_\n\r\t[]`=iv")))
def test_import_text_markdownish_consistent(text: str) -> None:
    check_consistent(import_text(text))


# --- cleaning in pieces (cancel within a second, even on one huge line) ------------

_RAW = st.text(alphabet=st.sampled_from("ab \r\n\x00\x0b\x0c\u2028\ufffe"), max_size=60)


@given(_RAW, st.integers(min_value=1, max_value=7))
def test_cleaning_in_pieces_gives_what_cleaning_whole_gives(text: str, piece: int) -> None:
    from unittest import mock

    from app.importers import text as text_module

    whole = text_module.clean(text)
    with mock.patch.object(text_module, "CLEAN_PIECE", piece):
        assert text_module.clean(text, ImportOptions()) == whole


def test_one_huge_line_is_cancelled_while_it_is_cleaned() -> None:
    from unittest import mock

    from app.importers import text as text_module
    from app.importers.base import CancelToken

    token = CancelToken()
    token.cancel()
    line = ("word " * (text_module.CLEAN_PIECE // 2)).encode()
    never = mock.Mock(side_effect=AssertionError("cleaning did not poll cancel"))
    with mock.patch.object(text_module, "_build", never), pytest.raises(ImportCancelled):
        import_bytes(line, ImportOptions(cancel=token))
