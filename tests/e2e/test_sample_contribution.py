"""Rebuild the sample contribution from "Contribution from Parminder Jeet Singh" to the end.

Everything goes through the command line (in-process for speed, with the
final export in a subprocess): a source per party made from the text it is
quoted from, citations, edited quotes with elisions and brackets, responses
with underlines and footnotes, cross-references. The exported .docx must have
a heading per party, numbering that restarts in every block, the footnote on
"Consensus" in footnotes.xml and underlined runs where the markup has <u>.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from app.core.markup import escape
from tests.e2e.cli import rejoinder
from tests.helpers import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = SAMPLES / "apig-wgec-2017-comments.txt"


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2010", "-")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def sample() -> str:
    return _normalise(SAMPLE.read_text(encoding="utf-8"))


def between(sample: str, start: str, end: str) -> str:
    """The sample's text from ``start`` through ``end`` (both included)."""
    at = sample.index(start)
    return sample[at : sample.index(end, at) + len(end)].strip()


class Cli:
    def __init__(self, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.project = str(project)
        self.capsys = capsys

    def __call__(self, command: str, *args: str, stdin: str | None = None) -> str:
        self.capsys.readouterr()
        code = main([command, self.project, *args])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return out.strip()

    def source(self, party: str, *texts: str, kind: str = "submission") -> str:
        path = Path(self.project).with_name(re.sub(r"\W+", "-", party) + ".txt")
        path.write_text(f"Submission: {party}\n" + "\n".join(texts) + "\n", encoding="utf-8")
        return self("import", str(path), "--party", party, "--kind", kind)

    def section_of(self, party: str) -> str:
        for line in self("sections").splitlines():
            ident, _kind, heading = line.split("\t")
            if heading == f"Contribution from {party}":
                return ident
        raise AssertionError(party)

    def cite(self, source: str, quote: str, printed: str | None = None, **kw: str) -> str:
        extra = [f"--{k}={v}" for k, v in kw.items()]
        passage = self("cite", "--source", source, "--quote", quote, *extra)
        if printed is not None:
            self("edit-quote", "--passage", passage, "--text", printed)
        return passage

    def highlight(self, passage: str) -> None:
        """Cited to highlight it: agreed, with no comment."""
        self("respond", "--passage", passage, "--status", "proposed")
        self("respond", "--passage", passage, "--status", "agreed")

    def respond(self, passage: str, text: str, position: str = "note") -> None:
        self(
            "respond",
            "--passage",
            passage,
            "--text",
            text,
            "--position",
            position,
            "--status",
            "proposed",
        )
        self("respond", "--passage", passage, "--status", "agreed")


def build(cli: Cli, s: str) -> None:
    party = cli.source("Parminder Jeet Singh", "A paper on a new body.")
    cli(
        "edit-section",
        "--section",
        cli.section_of("Parminder Jeet Singh"),
        "--opening",
        "We support this paper. An alternative to creating a new body could be to create a "
        "new sector within ITU.",
    )
    assert party

    q1 = between(s, "For a next phase we recommend", "in the abstract.")
    q2 = between(s, "We suggest that WGEC makes", "to all stakeholders.")
    anriette = cli.source("Anriette Esterhuisen", q1, "Access to information.", q2)
    sec = cli.section_of("Anriette Esterhuisen")
    block = cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--unnumbered",
        "--lead-in",
        "We support this paper, and wish to stress the following portions of the paper:",
    )
    assert block
    cli.highlight(cli.cite(anriette, q1))
    cli.highlight(cli.cite(anriette, q2))
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "paragraph",
        "--text",
        "We note that the World Trade Organization (WTO), and the multi-party negotiations "
        "that take place within WTO, such as TPP, TIPP, and TISA<fn>For a discussion of TISA "
        'and its relation to TPP and TIPP, see: <a href="http://www.theecologist.org/News/'
        "news_analysis/2988629/tpp_and_ttip_are_not_dead_now_theyre_called_the_trade_in_"
        'services_agreement.html">The Ecologist</a></fn>, do not provide access to '
        "information<fn>For a discussion of the lack of transparency of TPP negotiations, "
        'see: <a href="http://www.gp-digital.org/series/advocacy-bytes/the-trans-pacific-'
        'partnership-tpp/">Global Partners Digital</a></fn>.',
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "paragraph",
        "--text",
        "<u>Consequently, we recommend that Internet governance matters not be discussed in "
        "WTO and related multi-party trade negotiations.</u>",
    )

    eu_quote = between(s, "Consider how best to build cooperation", "to participate.")
    eu = cli.source("European Union", eu_quote)
    sec = cli.section_of("European Union")
    cli(
        "edit-section",
        "--section",
        sec,
        "--opening",
        "We support the criteria proposed for enhanced cooperation.",
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "paragraph",
        "--text",
        "We note that not all entities that participate in Internet governance discussions "
        "are transparent with respect to their funding sources.\n<u>We recommend that all "
        "entities involved in Internet governance discussions, including civil society "
        "entities, be transparent with respect to their funding sources.</u>",
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--unnumbered",
        "--lead-in",
        "We highlight this recommendation, which we support:",
    )
    cli.highlight(cli.cite(eu, eu_quote))

    cli.source("UNESCWA", "A paper.")
    cli(
        "edit-section",
        "--section",
        cli.section_of("UNESCWA"),
        "--opening",
        "We support this paper.",
    )

    bommelaer_quote = between(s, "The increase of data breaches", "as a whole.")
    bommelaer = cli.source("Constance Bommelaer", bommelaer_quote)
    sec = cli.section_of("Constance Bommelaer")
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--unnumbered",
        "--lead-in",
        "We highlight this part of the paper:",
    )
    cli.highlight(cli.cite(bommelaer, bommelaer_quote))

    nick = [
        between(s, "We should prioritise spending", "lives of others."),
        between(s, "We could make clear that the Internet", "of other countries."),
        between(s, "Focus on recommendations that relate", "as a shared platform"),
        between(s, "The working group should agree that the publicly", "of our work."),
    ]
    nick_source = cli.source("Nick Aston Hart", *nick)
    sec = cli.section_of("Nick Aston Hart")
    cli(
        "edit-section",
        "--section",
        sec,
        "--opening",
        between(s, "We agree that WGEC should not try", "or dissenting views."),
        "--closing",
        "We do not agree with the Annex to this paper.",
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--lead-in",
        "We highlight the following parts of the paper:",
        "--comments-lead-in",
        "We comment on these points as follows:",
    )
    answers = [
        ("Agreed.", "agree"),
        (
            "Agreed. Consequently, we need more international instruments: soft laws, model "
            "laws, and treaties.",
            "agree",
        ),
        (between(s, "3) We disagree. In our view", "they fall.")[3:], "disagree"),
        ("We disagree, see (3) above.", "disagree"),
    ]
    for quote, (answer, position) in zip(nick, answers, strict=True):
        cli.respond(cli.cite(nick_source, quote), answer, position)

    japan = [
        between(s, "enhanced cooperation should have the characteristics", "all stakeholders."),
        between(s, "We think enhanced cooperation has been implemented", "substantial extent."),
        between(s, "As we know, IANA transition", "pertaining to the Internet."),
    ]
    japan_source = cli.source("Japan", "Japan believes that " + japan[0], *japan[1:])
    japan_answers = [
        (between(s, "1) We agree. As noted above", "TIPP, and TISA.")[3:], "agree"),
        (
            between(s, "2) We disagree. The issues that we face", "than it was in 2005.")[3:],
            "disagree",
        ),
        (
            "We strongly disagree, for the reasons given in our paper “Enhanced Cooperation”.",
            "strongly_disagree",
        ),
    ]
    for i, (quote, (answer, position)) in enumerate(zip(japan, japan_answers, strict=True)):
        passage = cli.cite(japan_source, quote, printed=("… " + quote) if i == 0 else None)
        cli.respond(passage, answer, position)

    cli.source("Hungary", "A paper from Hungary.")
    cli(
        "add-block",
        "--section",
        cli.section_of("Hungary"),
        "--kind",
        "cross_reference",
        "--text",
        "See our comments above on the contribution from the ",
        "--target",
        cli.section_of("European Union"),
        "--after",
        ".",
    )

    mexico = [
        "IANA transition and IGF as examples of enhanced cooperation",
        "Characteristics of Enhanced Cooperation: Consensus-based",
    ]
    mexico_source = cli.source("Mexico", *mexico)
    sec = cli.section_of("Mexico")
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--comments-lead-in",
        "We refer to our comments above on the contribution from the European Union and offer "
        "the following specific comments regarding the portions cited above:",
    )
    cli.respond(
        cli.cite(mexico_source, mexico[0]),
        "We strongly disagree, for the reasons given in our paper “Enhanced Cooperation”.",
        "strongly_disagree",
    )
    consensus_note = escape(between(s, "We reproduce the ISO definition", "imply unanimity.”"))
    cli.respond(
        cli.cite(mexico_source, mexico[1]),
        f"Consensus<fn>{consensus_note}</fn> is NOT unanimity. "
        "There is a need for methods to make decisions absent full agreement.",
        "disagree",
    )

    for party in ("Switzerland", "Turkey"):
        cli.source(party, f"A paper from {party}.")
        cli(
            "add-block",
            "--section",
            cli.section_of(party),
            "--kind",
            "cross_reference",
            "--text",
            "We refer to our comments above on the contribution from the ",
            "--target",
            cli.section_of("European Union"),
            "--after",
            ".",
        )

    usa = [
        between(s, "Enhanced cooperation … is not", "Internet public policies."),
        "WGEC should NOT consider the following",
        "recommendations that could undermine the voluntary, bottom-up nature of Internet "
        "governance",
    ]
    usa_source = cli.source(
        "USA",
        usa[0].replace("… ", "as understood by the United States "),
        usa[1],
        "No " + usa[2],
    )
    sec = cli.section_of("USA")
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "cross_reference",
        "--text",
        "We refer to our comments above on the contributions from the ",
        "--target",
        cli.section_of("European Union"),
        "--after",
        " and the UK.",
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--lead-in",
        "In addition, we cite the following portions of the paper:",
        "--comments-lead-in",
        "We comment on these portions of the paper as follows:",
    )
    p1 = cli.cite(
        usa_source, usa[0].replace("… ", "as understood by the United States "), printed=usa[0]
    )
    p2 = cli.cite(usa_source, usa[1], printed="WGEC should NOT consider …")
    p3 = cli.cite(usa_source, "No " + usa[2], printed="[No] " + usa[2])
    cli.respond(
        p1,
        "We disagree. WGEG should identify gaps and recommend methods to address them.",
        "disagree",
    )
    cli.respond(
        p2,
        "We strongly disagree. We cannot place limits on WGEC recommendations.",
        "strongly_disagree",
    )
    cli.respond(
        p3,
        "It is not correct that, at present, Internet governance is entirely "
        "voluntary and bottom-up.\nIn a nutshell, it appears to us that the US "
        "contribution is calling for WGEG not to envisage any changes to the status "
        "quo.",
        "disagree",
    )

    cis = [
        between(s, "In other words, the real utility", "by the private sector."),
        between(s, "Besides the government, it is the private", "need of regulation."),
        between(s, "The multistakeholder model will best serve", "sector self-regulates."),
    ]
    cis_source = cli.source("Centre for Internet and Society (CIS)", *cis)
    sec = cli.section_of("Centre for Internet and Society (CIS)")
    cli(
        "edit-section",
        "--section",
        sec,
        "--opening",
        "We generally support this contribution, with some comments on specific portions.",
    )
    cli(
        "add-block",
        "--section",
        sec,
        "--kind",
        "citations",
        "--lead-in",
        "We cite specific portions below:",
        "--comments-lead-in",
        "We offer the following comments on the cited portions:",
    )
    for quote, answer in zip(
        cis,
        (
            "We disagree.",
            "We agree, to the extent that there are market failures and natural monopolies.",
            "We disagree. As noted above, we do not think that "
            "industry self-regulation will work for Internet "
            "governance.",
        ),
        strict=True,
    ):
        cli.respond(cli.cite(cis_source, quote), answer)

    cli.source("DENIC", "A paper from DENIC.")
    cli(
        "edit-section",
        "--section",
        cli.section_of("DENIC"),
        "--opening",
        "We support part 1 of this paper. We disagree with the rest of the paper.",
    )


def _paragraphs(document: etree._Element) -> Iterator[etree._Element]:
    yield from document.iter(f"{W}p")


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_sample_rebuilt_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sample: str
) -> None:
    project = tmp_path / "wgec.rejoinder"
    assert (
        main(
            [
                "new",
                str(project),
                "--title",
                "Comments on contributions to WGEC-2",
                "--org",
                "Association for Proper Internet Governance",
            ]
        )
        == 0
    )
    cli = Cli(project, capsys)
    build(cli, sample)
    checked = main(["check", str(project)])
    out = capsys.readouterr().out
    assert checked == 0, out

    out_docx = tmp_path / "contribution.docx"
    result = rejoinder("export", project, "-o", out_docx)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out_docx) as docx:
        document = etree.fromstring(docx.read("word/document.xml"))
        footnotes = etree.fromstring(docx.read("word/footnotes.xml"))
        numbering = etree.fromstring(docx.read("word/numbering.xml"))

    paragraphs = list(_paragraphs(document))
    headings = [
        _text(p)
        for p in paragraphs
        if (style := p.find(f"{W}pPr/{W}pStyle")) is not None
        and style.get(f"{W}val", "").lower().startswith("heading")
    ]
    parties = [
        "Parminder Jeet Singh",
        "Anriette Esterhuisen",
        "European Union",
        "UNESCWA",
        "Constance Bommelaer",
        "Nick Aston Hart",
        "Japan",
        "Hungary",
        "Mexico",
        "Switzerland",
        "Turkey",
        "USA",
        "Centre for Internet and Society (CIS)",
        "DENIC",
    ]
    assert headings == [f"Contribution from {p}" for p in parties]

    texts = [_text(p) for p in paragraphs]
    assert "See our comments above on the contribution from the European Union." in texts
    assert "We comment on these points as follows:" in texts
    assert any(t.startswith("[No] recommendations that could undermine") for t in texts)
    assert any(t.startswith("… enhanced cooperation should have") for t in texts)

    # Numbered lists: every numbered block has its own w:num restarting at 1.
    num_ids = [
        p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        for p in paragraphs
        if p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    ]
    blocks = list(dict.fromkeys(num_ids))
    assert len(blocks) >= 8  # quotes and comments of Nick, Japan, Mexico, USA, CIS
    for num in numbering.iter(f"{W}num"):
        if num.get(f"{W}numId") in blocks:
            start = num.find(f"{W}lvlOverride/{W}startOverride")
            assert start is not None and start.get(f"{W}val") == "1"

    note_texts = ["".join(t.text or "" for t in fn.iter(f"{W}t")) for fn in footnotes]
    consensus = [t for t in note_texts if "Consensus need not imply unanimity" in t]
    assert len(consensus) == 1
    consensus_paragraph = next(p for p in paragraphs if _text(p).startswith("Consensus"))
    assert consensus_paragraph.find(f".//{W}footnoteReference") is not None

    underlined = [
        "".join(t.text or "" for t in r.iter(f"{W}t"))
        for r in document.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}u") is not None
    ]
    assert any(
        u.startswith("Consequently, we recommend that Internet governance") for u in underlined
    )
    assert any(u.startswith("We recommend that all entities involved") for u in underlined)
