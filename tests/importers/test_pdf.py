"""PDF import: generated documents for exact expectations, real files for robustness."""

from __future__ import annotations

import re

import pytest

from app.core.errors import (
    FileTooLargeError,
    ImportCancelled,
    ImportFailedError,
    NeedsOcrError,
    PasswordRequiredError,
    WrongPasswordError,
)
from app.importers.base import CancelToken, ImportedText, ImportOptions, ParagraphKind
from app.importers.pdf import import_bytes, ocr_available, run_ocr, saslprep
from app.importers.pdf import text as pdf_text
from tests.helpers import REALDOCS
from tests.pdf_factory import Column, Run, TextLine, build_document, build_pdf

PDFS = REALDOCS / "pdf"
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def run(data: bytes, **kwargs: object) -> ImportedText:
    return import_bytes(data, ImportOptions(**kwargs))  # type: ignore[arg-type]


TRUNCATED = "broken-truncated-federal-register-derived.pdf"


def real(name: str) -> bytes:
    """A fixture PDF; the truncated one is cut from its source here, as an
    interrupted download would be, rather than stored twice."""
    if name == TRUNCATED:
        whole = (PDFS / "policy-us-federal-register-2020-17221-proposed-rule.pdf").read_bytes()
        return whole[:400_000]
    return (PDFS / name).read_bytes()


def check_conventions(result: ImportedText) -> None:
    """The text layout every importer promises (app/importers/base.py)."""
    text = result.text
    assert not XML_ILLEGAL.search(text)
    assert "\r" not in text
    assert result.pages[0].start == 0 and result.pages[-1].end == len(text)
    for a, b in zip(result.pages, result.pages[1:], strict=False):
        assert a.end == b.start
    for p in result.paragraphs:
        assert "\n" not in text[p.start : p.end]
        assert p.end == len(text) or text[p.end] == "\n"
        if p.number is not None:
            assert text[p.start :].startswith(p.number)
    for note in result.footnotes:
        para = text[note.start : note.end]
        assert para.startswith(note.marker)
        assert any(
            p.start == note.start and p.kind is ParagraphKind.FOOTNOTE for p in result.paragraphs
        )
        if note.ref_offset is not None:
            assert text[: note.ref_offset].endswith(note.marker)


def page_text(result: ImportedText, index: int) -> str:
    page = result.pages[index]
    return result.text[page.start : page.end]


# --- generated documents ----------------------------------------------------------

LONG = (
    "The working group recalls that enhanced cooperation concerns international public "
    "policy issues pertaining to the Internet and that every stakeholder has a role to "
    "play in the Internet governance ecosystem as the Tunis Agenda describes it."
)


def report_page(number: int, body: list[str], note: bool = False) -> list[TextLine]:
    lines = [
        TextLine(72, 750, [Run("Comments on WGEC-2 contributions", 8, "H")]),
        TextLine(300, 40, [Run(f"- {number} -", 9, "H")]),
    ]
    col = Column(72, 715, 70)
    for text in body:
        col.paragraph(text)
    if note:
        col.runs([Run("as agreed in Tunis", 10), Run("3", 6, rise=4), Run(" in 2005.", 10)])
    lines += col.lines
    if note:
        lines.append(TextLine(72, 90, [Run("3", 6, rise=3), Run(" See the Tunis Agenda.", 8)]))
    return lines


def report() -> bytes:
    pages = [
        report_page(
            1,
            [
                "1. We agree with the multi-stakeholder approach. " + LONG,
                "2. " + LONG + " Multi-stakeholder processes work.",
            ],
            note=True,
        ),
        report_page(2, ["3. " + LONG, "4. " + LONG]),
        report_page(3, ["(a) " + LONG, "(b) The end."]),
    ]
    return build_pdf(pages, info={"Title": "Our comments", "Author": "Japan"})


def test_generated_report_text_paragraphs_and_numbers() -> None:
    result = run(report())
    check_conventions(result)
    assert result.title == "Our comments" and result.author == "Japan"
    assert result.media_type == "application/pdf"
    numbers = [p.number for p in result.paragraphs if p.number]
    assert numbers == ["1.", "2.", "3.", "4.", "(a)", "(b)"]
    body = [result.text[p.start : p.end] for p in result.paragraphs if p.number == "3."]
    assert body == ["3. " + LONG]


def test_running_header_and_page_numbers_removed_and_used_as_labels() -> None:
    result = run(report())
    assert "Comments on WGEC-2" not in result.text
    assert "- 2 -" not in result.text
    assert [p.label for p in result.pages] == ["1", "2", "3"]


def test_running_lines_are_found_from_their_edge_facts_alone() -> None:
    """Pages read elsewhere send only their edge facts: positions, keys, numbers."""
    from app.importers.pdf.glyphs import Line
    from app.importers.pdf.layout import edges, find_running

    def page(n: int) -> list[Line]:
        return [
            Line("Comments on WGEC-2", 72, 200, 750, 760, 10),
            Line("Body text of page " + "abcd"[n - 1], 72, 300, 600, 610, 10),
            Line(f"- {n + 4} -", 290, 310, 40, 50, 10),
        ]

    facts = [edges(page(n)) for n in range(1, 5)]
    assert all(isinstance(edge[0], int) and isinstance(edge[1], str) for p in facts for edge in p)
    labels, furniture = find_running(facts)
    assert labels == ["5", "6", "7", "8"]
    assert furniture == [{0, 2}] * 4


def test_lone_numbers_that_do_not_count_up_are_content() -> None:
    heads = ["Results of the year", "Budget of the delegation", "Outlook for the session"]
    pages = [
        [TextLine(72, 700, [Run(head, 10)]), TextLine(72, 60, [Run("2020", 10)])] for head in heads
    ]
    result = run(build_pdf(pages))
    assert result.text.count("2020") == 3
    assert [p.label for p in result.pages] == ["1", "2", "3"]


def test_footnote_separated_with_marker_and_reference() -> None:
    result = run(report())
    assert len(result.footnotes) == 1
    note = result.footnotes[0]
    assert note.marker == "3"
    assert result.text[note.start : note.end] == "3 See the Tunis Agenda."
    assert note.text == "See the Tunis Agenda."
    first = page_text(result, 0)
    assert first.rstrip("\n").endswith("3 See the Tunis Agenda.")
    assert note.ref_offset is not None
    assert result.text[note.ref_offset - 19 : note.ref_offset] == "as agreed in Tunis3"


def test_line_end_hyphens_joined_but_compounds_kept() -> None:
    lines = [
        TextLine(72, 700, [Run("the Internet gover-", 10)]),
        TextLine(72, 688, [Run("nance and the multi-", 10)]),
        TextLine(72, 676, [Run("stakeholder model: a", 10)]),
        TextLine(72, 664, [Run("multi-stakeholder In-", 10)]),
        TextLine(72, 652, [Run("ternet for all.", 10)]),
    ]
    result = run(build_pdf([lines]))
    assert result.text == (
        "the Internet governance and the multi-stakeholder model: "
        "a multi-stakeholder Internet for all."
    )


def test_two_columns_read_column_by_column() -> None:
    left = Column(72, 700, 36)
    right = Column(330, 700, 36)
    left.paragraph("Alpha " + LONG)
    right.paragraph("Omega " + LONG + " " + LONG)
    title = TextLine(72, 740, [Run("A two-column page", 16, "CB")])
    result = run(build_pdf([[title, *right.lines, *left.lines]]))
    texts = [result.text[p.start : p.end] for p in result.paragraphs]
    assert texts == ["A two-column page", "Alpha " + LONG, "Omega " + LONG + " " + LONG]
    assert result.paragraphs[0].kind is ParagraphKind.HEADING


def test_double_spaced_lines_still_form_paragraphs() -> None:
    col = Column(72, 700, 60, leading=22.0)
    col.paragraph("First " + LONG, gap=14.0)
    col.paragraph("Second " + LONG)
    result = run(build_pdf([col.lines]))
    assert [result.text[p.start : p.end] for p in result.paragraphs] == [
        "First " + LONG,
        "Second " + LONG,
    ]


def test_hyphen_at_the_end_of_a_page_is_kept() -> None:
    pages = [
        [TextLine(72, 700, [Run("the end of this page is Soekarno-", 10)])],
        [TextLine(72, 700, [Run("Hatta airport on the next page.", 10)])],
    ]
    result = run(build_pdf(pages))
    assert result.text == "the end of this page is Soekarno-\nHatta airport on the next page."


def test_sideways_stamp_repeated_on_every_page_is_removed() -> None:
    texts = [LONG, "Stakeholders met in Geneva. " * 8, "Governments replied in writing. " * 8]
    pages = []
    for text in texts:
        col = Column(72, 700, 60)
        col.paragraph(text)
        stamp = TextLine(20, 400, [Run("jbell on DSKJLSW7X2PROD with PROPOSALS", 6)], True)
        pages.append([*col.lines, stamp])
    result = run(build_pdf(pages))
    assert "jbell" not in result.text
    assert [result.text[p.start : p.end].strip() for p in result.pages] == [
        t.strip() for t in texts
    ]


def test_small_print_list_at_the_bottom_is_not_a_footnote() -> None:
    col = Column(72, 700, 60)
    col.paragraph(LONG)
    refs = [
        TextLine(72, 120, [Run("144-153. ACM Press, 2006. [12] C. Garrett and J. Dean.", 7)]),
        TextLine(72, 111, [Run("[13] A. Gal. Efficient bytecode verification.", 7)]),
    ]
    result = run(build_pdf([[*col.lines, *refs]]))
    assert result.footnotes == []
    assert "144-153. ACM Press" in result.text


def test_right_to_left_lines_reflow() -> None:
    result = run(real("ar-word-ltsc-rtl-mixed-latin.pdf"))
    check_conventions(result)
    assert len(result.paragraphs) < 10
    assert "R وPython" in result.text


def test_list_items_headings_and_initials() -> None:
    col = Column(72, 700, 60)
    col.heading("Comments on the draft")
    col.runs([Run("Bold remark in bold type", 10, "CB")], gap=6)
    col.runs([Run("M. Dupont, for the delegation, said:", 10)], gap=6)
    col.runs([Run("1. First item", 10)])
    col.runs([Run("2. Second item", 10)])
    col.runs([Run("(a) a sub-item", 10)])
    result = run(build_pdf([col.lines]))
    paras = [(result.text[p.start : p.end], p.kind, p.number) for p in result.paragraphs]
    assert paras == [
        ("Comments on the draft", ParagraphKind.HEADING, None),
        ("Bold remark in bold type", ParagraphKind.HEADING, None),
        ("M. Dupont, for the delegation, said:", ParagraphKind.BODY, None),
        ("1. First item", ParagraphKind.BODY, "1."),
        ("2. Second item", ParagraphKind.BODY, "2."),
        ("(a) a sub-item", ParagraphKind.BODY, "(a)"),
    ]


def test_page_labels_from_the_pdf() -> None:
    pages = [[TextLine(72, 700, [Run(f"Page body {k}", 10)])] for k in range(4)]
    data = build_pdf(pages, labels="0 << /S /r >> 2 << /S /D /St 1 >>")
    assert [p.label for p in run(data).pages] == ["i", "ii", "1", "2"]


def test_ligatures_soft_hyphens_and_control_characters_cleaned() -> None:
    lines = [TextLine(72, 700, [Run("e\ufb03cient op\u00adtional \u2010 x\x03y", 10, "H")])]
    result = run(build_pdf([lines]))
    assert not XML_ILLEGAL.search(result.text)
    assert "\u00ad" not in result.text


def test_progress_reported_per_page_and_cancel_stops() -> None:
    seen: list[tuple[int, int]] = []
    run(report(), progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    token = CancelToken()

    def cancel_after_first(done: int, total: int) -> None:
        if done == 1:
            token.cancel()

    with pytest.raises(ImportCancelled):
        run(report(), progress=cancel_after_first, cancel=token)


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"%PDF-1.4\nnot really a pdf", b"PK\x03\x04 a zip file"],
    ids=["empty", "blank", "garbage", "zip"],
)
def test_unreadable_bytes_fail_with_a_human_message(data: bytes) -> None:
    with pytest.raises(ImportFailedError) as info:
        run(data)
    message = str(info.value)
    assert "PDF" in message and "Traceback" not in message and "PDFium" not in message


def test_clean_maps_every_character_as_its_table_says() -> None:
    """Printable ASCII is returned as it is without the translation: it must be what that gives."""
    table, surrogates = pdf_text._TABLE, pdf_text._SURROGATES
    for code in [*range(0x10000), 0x1F600, 0x2070E]:
        char = chr(code)
        assert pdf_text.clean(char) == surrogates.sub("", char.translate(table)), hex(code)
    assert pdf_text.clean("of\ufb01ce\u00ad hours\x02") == "office hours"
    assert pdf_text.clean("plain text, 12 (a).") == "plain text, 12 (a)."


def test_a_page_needs_cleaning_exactly_when_the_pattern_says() -> None:
    """The quick test for plain pages must agree with _NEEDS_CLEAN on every character."""
    from app.importers.pdf import lines

    for code in [*range(0x10000), 0x1F600]:
        page = f"A line of text,\r\nand 12 more{chr(code)} wo\ufffe\r\nrds."
        expected = lines._NEEDS_CLEAN.search(page) is not None
        assert lines._needs_clean(page) == expected, hex(code)
    assert not lines._needs_clean("plain\r\ntext\ufffe\r\n")
    assert lines._needs_clean("soft\u00adhyphen") and lines._needs_clean("tab\there")


def test_truncated_generated_file_fails_cleanly_or_reads() -> None:
    data = build_document(3)
    try:
        result = run(data[: len(data) // 2])
    except ImportFailedError as error:
        assert "damaged" in str(error)
    else:
        check_conventions(result)


def test_too_large() -> None:
    with pytest.raises(FileTooLargeError):
        run(report(), max_bytes=100)


def test_page_without_text_in_text_document_is_a_warning_and_all_empty_needs_ocr() -> None:
    text_page = [TextLine(72, 700, [Run(LONG, 10)])]
    result = run(build_pdf([text_page, [], text_page]))
    assert any("2" in w for w in result.warnings)
    assert result.pages[1].start == result.pages[1].end
    with pytest.raises(NeedsOcrError):
        run(build_pdf([[], []]))


def test_ocr_offered_only_when_a_tool_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.importers.pdf as pdf_module

    blank = build_pdf([[], []])
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert not ocr_available()
    with pytest.raises(NeedsOcrError, match="OCRmyPDF"):
        run(blank)
    with pytest.raises(ImportFailedError, match="OCRmyPDF"):
        run_ocr(blank)
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert ocr_available()
    with pytest.raises(NeedsOcrError, match="can run text recognition"):
        run(blank)


def test_imports_from_several_threads_take_turns() -> None:
    from concurrent.futures import ThreadPoolExecutor

    data = report()
    expected = run(data).text
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda _: run(data).text, range(8)))
    assert texts == [expected] * 8


def test_benchmark_document_imports() -> None:
    result = run(build_document(6))
    check_conventions(result)
    assert [p.label for p in result.pages] == ["1", "2", "3", "4", "5", "6"]
    assert "Rejoinder benchmark" not in result.text
    assert len(result.footnotes) == 6


@pytest.mark.parametrize(
    "name", ["", "soft-hyphen-word2007.pdf", "two-column-tracemonkey-paper.pdf"]
)
def test_raw_page_calls_agree_with_pypdfium2(name: str) -> None:
    """The importer's one-call page text and its unchecked getters (no argtypes,
    GIL kept) return what pypdfium2's own wrappers return."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from app.importers.pdf import glyphs, oddlines

    doc = pdfium.PdfDocument(real(name) if name else build_document(3))
    rect = pdfium_c.FS_RECTF()
    want = pdfium_c.FS_RECTF()
    try:
        for index in range(min(len(doc), 4)):
            page = doc[index]
            textpage = page.get_textpage()
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            text = glyphs.page_text(textpage.raw, count)
            assert text == textpage.get_text_range(0, count)
            boxes = glyphs.Boxes(textpage.raw)
            # The character at a marker's middle, found among the markers as pdfium finds it.
            for match in glyphs.MARKER_RE.finditer(text):
                left, bottom, right, top = textpage.get_charbox(match.start())
                x, y = (left + right) / 2, (bottom + top) / 2
                assert oddlines._char_at(
                    boxes, text, 0, count, x, y
                ) == pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x, y, 1.0, 1.0)
            for i in range(0, count, max(1, count // 50)):
                glyphs.LOOSE_BOX(textpage.raw, i, ctypes.byref(rect))
                pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, want)
                assert (rect.left, rect.right, rect.bottom, rect.top) == (
                    want.left,
                    want.right,
                    want.bottom,
                    want.top,
                )
                assert glyphs.FONT_WEIGHT(textpage.raw, i) == pdfium_c.FPDFText_GetFontWeight(
                    textpage.raw, i
                )
            textpage.close()
            page.close()
    finally:
        doc.close()


def test_saslprep_maps_soft_hyphen_and_compatibility_characters() -> None:
    assert saslprep("S\u00aaSL\u00adprep") == "SaSLprep"
    assert saslprep("    ") == "    "


# --- real documents ---------------------------------------------------------------

PASSWORDS = {
    "encrypted-aes256-r5-owner-foo-user-baz.pdf": "baz",
    "encrypted-aes256-r6-usersecret.pdf": "usersecret",
    "encrypted-aes256-utf8-password-aeoa.pdf": "æøå",
    "encrypted-r6-saslprep-password.pdf": "S\u00aaSL\u00adprep",
    "encrypted-rc4-password-four-spaces.pdf": "    ",
    "encrypted-unicode-emoji-password.pdf": (
        '  ! < > " \\ \u20ac \u0153 \u00a4 1\u20444 1\u20442 \U0002070e \U00029d98 \U0001f600  '
    ),
    "pypdf-libreoffice-writer-password.pdf": "openpassword",
}


@pytest.mark.parametrize("name", sorted(PASSWORDS))
def test_encrypted_files_need_their_exact_password(name: str) -> None:
    data = real(name)
    with pytest.raises(PasswordRequiredError) as info:
        run(data)
    assert str(info.value) == (
        "This PDF is protected by a password. Enter the password to import it."
    )
    with pytest.raises(WrongPasswordError):
        run(data, password="wrong password")
    result = run(data, password=PASSWORDS[name])
    check_conventions(result)
    assert result.text.strip()


def test_passwords_are_not_trimmed() -> None:
    data = real("encrypted-rc4-password-four-spaces.pdf")
    with pytest.raises(WrongPasswordError):
        run(data, password="  ")
    assert run(data, password="    ").text


@pytest.mark.parametrize(
    "name",
    [
        "encrypted-aes-copy-protected-empty-userpw.pdf",
        "policy-us-copyright-office-dmca-summary.pdf",
    ],
)
def test_empty_user_password_opens_without_asking(name: str) -> None:
    result = run(real(name))
    check_conventions(result)
    assert len(result.text) > 1000


@pytest.mark.parametrize(
    "name",
    [
        "scanned-xerox-jbig2-image-only.pdf",
        "un-ga-resolution-2758-ru-scanned.pdf",
        "un-ola-note-verbale-2022-scanned.pdf",
    ],
)
def test_scans_need_ocr(name: str) -> None:
    with pytest.raises(NeedsOcrError) as info:
        run(real(name))
    assert "OCR" in str(info.value)
    assert ("can run" in str(info.value)) == ocr_available()


@pytest.mark.parametrize(
    "name",
    [
        "broken-empty-0-bytes.pdf",
        TRUNCATED,
    ],
)
def test_broken_files_fail_cleanly(name: str) -> None:
    with pytest.raises(ImportFailedError) as info:
        run(real(name))
    assert "Traceback" not in str(info.value)


def test_corrupted_but_recoverable_file_reads() -> None:
    result = run(real("broken-zen-of-python-corrupted.pdf"))
    assert "Beautiful is better than ugly." in result.text


def test_irm_wrapper_is_explained() -> None:
    with pytest.raises(ImportFailedError, match="rights-protected"):
        run(real("protected-microsoft-irm-wrapper.pdf"))


def test_garbled_text_is_refused() -> None:
    with pytest.raises(ImportFailedError, match="cannot be decoded"):
        run(real("garbled-non-unicode-cmap-czech.pdf"))


@pytest.mark.parametrize(
    "text",
    ["", "plain words", "3HQČåQtSURVWĜ aBC", "xAB\u00a0yCD zEFg", "aBCdEF aBC\taBC\x1caBC ÿÀÞ"],
)
def test_case_flips_count_the_words_that_hold_them(text: str) -> None:
    """The count a whole-word pattern gives, found faster from the flips alone."""
    word_pattern = re.compile(r"\S*?[a-zà-ÿ][A-ZÀ-Þ]{2}\S*")
    assert pdf_text._flipped_words(text) == len(word_pattern.findall(text))


def test_two_column_paper_reads_in_order() -> None:
    result = run(real("two-column-tracemonkey-paper.pdf"))
    check_conventions(result)
    text = result.text
    assert text.index("Abstract") < text.index("1. Introduction")
    assert (
        "If one of the guards fails (if control flow is different, or a value of a "
        "different type is generated), the trace exits." in text
    )
    assert "type-specialized trace trees" in text  # "type-special-\nized": hyphen joined
    assert "\ufb01" not in text and "\x02" not in text


def test_federal_register_furniture_labels_and_footnotes() -> None:
    result = run(real("policy-us-federal-register-2020-17221-proposed-rule.pdf"))
    check_conventions(result)
    assert "Federal Register / Vol. 85, No. 152 / Thursday" not in result.text
    assert [p.label for p in result.pages] == [str(n) for n in range(47698, 47713)]
    markers = [n.marker for n in result.footnotes]
    assert markers[:9] == [str(n) for n in range(1, 10)]
    first = result.footnotes[0]
    assert result.text[first.start : first.end].startswith("1 Preliminary KNKT")
    page = result.pages[1]
    assert page.start <= first.start < page.end
    assert sum(1 for n in result.footnotes if n.ref_offset is not None) >= 9


def test_un_resolution_paragraph_numbers_and_footnotes() -> None:
    result = run(real("un-ga-A-RES-73-3-tuberculosis-political-declaration.pdf"))
    check_conventions(result)
    numbers = [p.number for p in result.paragraphs if p.number and p.number.endswith(".")]
    assert [f"{n}." for n in range(1, 40)] == [n for n in numbers if n[:-1].isdigit()][:39]
    assert [n.marker for n in result.footnotes] == [str(n) for n in range(1, 8)]
    assert all(n.ref_offset is not None for n in result.footnotes)
    assert "tuberculosis-associated" in result.text
    assert "A/RES/73/3" not in result.text[result.pages[1].start :]


def test_soft_hyphen_and_ligature_files_are_clean() -> None:
    soft = run(real("soft-hyphen-word2007.pdf"))
    assert "\u00ad" not in soft.text and "optionalhyphen" in soft.text.replace(" ", "")
    nano = run(real("policy-us-nni-nanotech-societal-implications.pdf"))
    assert not re.search("[\ufb00-\ufb06]", nano.text)


@pytest.mark.parametrize(
    "name",
    sorted([*(p.name for p in PDFS.glob("*.pdf")), TRUNCATED]),
)
def test_every_real_file_imports_or_fails_with_a_typed_error(name: str) -> None:
    data = real(name)
    password = PASSWORDS.get(name)
    try:
        result = run(data, password=password)
    except ImportFailedError as error:
        assert str(error) and "Traceback" not in str(error)
        return
    check_conventions(result)


def test_fixture_folder_holds_the_real_files() -> None:
    assert len(list(PDFS.glob("*.pdf"))) >= 20
    assert (PDFS / "two-column-tracemonkey-paper.pdf").exists()
