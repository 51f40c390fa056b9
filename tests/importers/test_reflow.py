"""Plain text read as text, not lines (issue 10 §7): hard-wrapped lines are
reflowed into paragraphs and line-end hyphenation is rejoined."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.importers.base import ImportOptions, ParagraphKind
from app.importers.reflow import reflow, wrap_width
from app.importers.text import import_bytes, import_text
from tests.helpers import SAMPLES

JNC = SAMPLES / "jnc-itu-pp-2014-statement.txt"


def paragraphs(text: str) -> list[str]:
    result = import_text(text, markdown=False)
    return [result.text[p.start : p.end] for p in result.paragraphs]


def test_real_wrapped_statement_reads_as_paragraphs() -> None:
    result = import_bytes(JNC.read_bytes(), ImportOptions())
    texts = [result.text[p.start : p.end] for p in result.paragraphs]
    lines = [line for line in JNC.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(texts) < len(lines) / 2
    first = texts[0]
    assert first.startswith("The Just Net Coalition1 (JNC) comprises several dozen")
    assert "individuals from different regions globally" in first
    assert "from the perspective of all human rights, including democracy" in first
    assert first.endswith("economic and social justice.")
    assert "Governing the global Internet – is the status quo the only option?" in texts
    numbered = [t for t in texts if t.startswith(("1. At present", "2. Key", "3. In this"))]
    assert len(numbered) == 3
    items = [p for p in result.paragraphs if p.number == "1."]
    assert items and all(p.kind is ParagraphKind.LIST_ITEM for p in items)


def test_real_statement_keeps_every_word() -> None:
    source = JNC.read_text(encoding="utf-8")
    result = import_bytes(JNC.read_bytes(), ImportOptions())
    assert _letters(result.text) == _letters(source)


WRAPPED = """\
The delegation recalls that enhanced cooperation concerns international pub-
lic policy issues pertaining to the Internet, and that every stakeholder has
a role to play in the multi-stakeholder model described in the Tunis Agenda.

    An indented first line opens the second paragraph of the statement, which
continues here on a line that is not indented and runs on to the wrap width
as wrapped lines do, ending in the process that the Agenda calls multi-
stakeholder.
1. A numbered item starts a paragraph of its own, even right after another
   line, and its continuation hangs under its text as word processors set it.
2. The second item.
- A bulleted item.
"""


def test_wrapped_lines_join_and_paragraphs_start_where_they_should() -> None:
    texts = paragraphs(WRAPPED)
    assert texts[0] == (
        "The delegation recalls that enhanced cooperation concerns international public "
        "policy issues pertaining to the Internet, and that every stakeholder has a role "
        "to play in the multi-stakeholder model described in the Tunis Agenda."
    )
    assert texts[1].startswith("An indented first line opens")
    assert texts[1].endswith("the process that the Agenda calls multi-stakeholder.")
    assert texts[2].startswith("1. A numbered item") and texts[2].endswith("set it.")
    assert texts[3:] == ["2. The second item.", "- A bulleted item."]


def test_short_line_ends_its_paragraph() -> None:
    text = (
        "A heading of the statement\n"
        "The body of the statement runs on to the wrap width as hard-wrapped text\n"
        "does, and its last line is short.\n"
        "A second paragraph starts after the short line without a blank line and it\n"
        "runs on as well.\n"
    )
    texts = paragraphs(text)
    assert texts[0] == "A heading of the statement"
    assert texts[1].endswith("its last line is short.")
    assert texts[2].startswith("A second paragraph")


def test_unwrapped_lines_and_verse_stay_lines() -> None:
    unwrapped = "One long paragraph typed on one line without any breaks at all. " * 5
    text = unwrapped + "\n" + unwrapped + "\n" + unwrapped
    assert wrap_width(text.split("\n")) is None
    assert len(paragraphs(text)) == 3
    verse = "Once in the cold of the winter,\nI came from the woods; it was freezing.\n" * 3
    assert len(paragraphs(verse)) == 6


def _letters(text: str) -> str:
    """The non-space characters, with hyphens left out (a line-end hyphen may go)."""
    return "".join(text.split()).replace("-", "").replace("\u00ad", "")


_WORD = st.text(alphabet="abcxyzAB-.,;1()•", min_size=1, max_size=12)
_LINE = st.builds(
    lambda indent, words: " " * indent + " ".join(words),
    st.integers(0, 4),
    st.lists(_WORD, max_size=12),
)


@given(st.lists(_LINE, max_size=30), st.sampled_from([-1, None, 30, 60]))
def test_reflow_never_loses_or_reorders_characters(lines: list[str], width: int | None) -> None:
    out = reflow(lines, width)
    assert all(p and p == p.strip() and "\n" not in p for p in out)
    source = "".join("".join(lines).split())
    joined = "".join("".join(out).split())
    assert joined.replace("-", "") == source.replace("-", "")
    assert joined.count("-") <= source.count("-")
    # only hyphens that ended a line may go
    line_end_hyphens = sum(1 for line in lines if line.rstrip().endswith("-"))
    assert source.count("-") - joined.count("-") <= line_end_hyphens
