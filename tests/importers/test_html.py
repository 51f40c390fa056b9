"""Web page import: the article's structure without the site around it."""

from __future__ import annotations

from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.detect import import_file
from app.importers.html import import_bytes

PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1251"><title>Submission of the Russian Federation</title>
<meta name="author" content="Permanent Mission"><meta name="date" content="2017-04-01T10:00">
<script>var x = "do not import";</script><style>p { color: red }</style></head>
<body>
<header>Site banner</header><nav><a href="/">Home</a></nav>
<h1>Comments</h1>
<p>First <b>bold</b> paragraph<a href="#fn1" class="footnote-ref"><sup>1</sup></a>.</p>
<ol start="4"><li>fourth</li><li>fifth<ul><li>nested bullet</li></ul></li></ol>
<ol type="a"><li>alpha</li><li value="5">echo</li></ol>
<blockquote><p>Quoted text</p></blockquote>
<table><tr><th>Head</th><td>Cell</td></tr></table>
<p>Line one<br>Line two</p>
<div>Кириллица</div>
<aside>Related links</aside><footer>Copyright</footer>
<section class="footnotes" role="doc-endnotes"><ol>
<li id="fn1"><p>See the report. <a href="#fnref1" role="doc-backlink">↩</a></p></li>
</ol></section>
</body></html>"""


def texts(result: ImportedText) -> list[str]:
    return [result.text[p.start : p.end] for p in result.paragraphs]


def read() -> ImportedText:
    return import_bytes(PAGE.encode("cp1251", errors="xmlcharrefreplace"), ImportOptions())


def test_structure_and_dropped_parts() -> None:
    result = read()
    assert texts(result) == [
        "Comments",
        "First bold paragraph1.",
        "4. fourth",
        "5. fifth",
        "nested bullet",
        "a. alpha",
        "e. echo",
        "Quoted text",
        "Head",
        "Cell",
        "Line one",
        "Line two",
        "Кириллица",
        "1 See the report.",
    ]
    kinds = [p.kind for p in result.paragraphs]
    assert kinds[0] is ParagraphKind.HEADING
    assert kinds[2] is ParagraphKind.LIST_ITEM
    assert result.paragraphs[4].level == 2
    assert kinds[7] is ParagraphKind.QUOTE
    assert kinds[8] is ParagraphKind.TABLE_CELL
    assert kinds[-1] is ParagraphKind.FOOTNOTE
    assert [p.number for p in result.paragraphs][2:7] == ["4.", "5.", None, "a.", "e."]


def test_metadata_and_notes() -> None:
    result = read()
    assert result.title == "Submission of the Russian Federation"
    assert result.author == "Permanent Mission"
    assert result.date == "2017-04-01"
    (note,) = result.footnotes
    assert note.text == "See the report."
    assert note.ref_offset is not None
    assert result.text[: note.ref_offset].endswith("paragraph1")


def test_reversed_list_and_fragment() -> None:
    result = import_bytes(b"<ol reversed><li>c</li><li>b</li><li>a</li></ol>", ImportOptions())
    assert texts(result) == ["3. c", "2. b", "1. a"]


def test_pdf_named_web_page_read_with_warning() -> None:
    data = b"<html><body><p>Not really a PDF</p></body></html>"
    result = import_file(data, "submission.pdf")
    assert result.text == "Not really a PDF"
    assert result.warnings and "web page" in result.warnings[0]
