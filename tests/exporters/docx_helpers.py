"""Helpers for the export tests: read parts of a .docx and build small trees."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    CrossReferenceBlock,
    ListBlock,
    NoteItem,
    ParagraphBlock,
    Quote,
    SectionKind,
    SectionNode,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        return set(z.namelist())


def pretty(path: Path, name: str) -> str:
    root = part_xml(path, name)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def rels(path: Path, name: str) -> dict[str, tuple[str, str]]:
    """rId → (type tail, target) for ``word/_rels/NAME.rels``."""
    root = part_xml(path, f"word/_rels/{name}.rels")
    return {
        r.get("Id", ""): (r.get("Type", "").rsplit("/", 1)[-1], r.get("Target", "")) for r in root
    }


def small_contribution(**overrides: object) -> Contribution:
    """Two sections covering every block kind, with fixed ids for golden files."""
    note = NoteItem("n-1", "Ana Ruiz", "2024-05-02", "Ask the capital first.")
    citations = (
        Citation(
            Quote(
                "11111111-1111-4111-8111-111111111111",
                "States should cooperate … on [all] relevant issues.",
                "Ruritania",
                page_label="3",
                paragraph_number="12",
                notes=(note,),
            ),
            Comment(
                "22222222-2222-4222-8222-222222222222",
                'We <b>agree</b>, see <a href="https://example.org/a?b=1&amp;c=2">our paper</a>'
                "<fn>Our paper, <i>section 2</i>, at "
                '<a href="https://example.org/paper">example.org</a>.</fn>.',
                "agree",
                "agreed",
                "Ana Ruiz",
                proposed_change="Add “all”.",
            ),
        ),
        Citation(
            Quote("33333333-3333-4333-8333-333333333333", "Second quote.", "Ruritania"),
            Comment(
                "44444444-4444-4444-8444-444444444444",
                "We <u>strongly</u> disagree.\nA second paragraph.",
                "strongly disagree",
                "proposed",
                "Ben Okafor",
                notes=(NoteItem("n-2", "Ben Okafor", "2024-05-03", "Too harsh?"),),
            ),
        ),
    )
    topic = SectionNode(
        "sec-topic",
        "Preliminary remark",
        SectionKind.TOPIC,
        (
            ParagraphBlock("b-1", "Text with a note<fn>The first footnote.</fn> and <i>style</i>."),
            ListBlock("b-2", ("First item", "Second item")),
            ListBlock("b-3", ("A bullet", "Another bullet"), numbered=False),
        ),
    )
    party = SectionNode(
        "sec-party",
        "Contribution from Ruritania",
        SectionKind.PARTY,
        (
            CitationsBlock(
                "b-4",
                "We cite the following portions of this paper:",
                "We comment on these statements as follows:",
                citations,
            ),
            CrossReferenceBlock(
                "b-5", "We refer to our comments on Preliminary remark.", "sec-topic"
            ),
        ),
        party="Ruritania",
        opening="We support this paper.",
        closing="Closing remark.",
    )
    fields: dict[str, object] = {
        "title": "Comments on the draft",
        "organisation": "Delegation of Testland",
        "sections": (topic, party),
        "meeting": "WG-1",
        "date": "6 May 2024",
    }
    fields.update(overrides)
    return Contribution(**fields)  # type: ignore[arg-type]
