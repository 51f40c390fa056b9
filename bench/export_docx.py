"""Benchmark: export 100 sections × 20 quotes + 20 responses + 500 footnotes.

Budget (DESIGN.md): ≤ 1.0 s on the 2-core development machine. For scale, the
same content is written as Markdown and converted by ``pandoc -o x.docx`` in
the same run. Usage: ``.venv/bin/python bench/export_docx.py``.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    Quote,
    SectionKind,
    SectionNode,
)
from app.exporters.docx import export_docx

SECTIONS, QUOTES, FOOTNOTE_EVERY = 100, 20, 4
QUOTE = (
    "… enhanced cooperation should have the characteristics of transparency, accountability "
    "and the engagement of all stakeholders [in] section {s}, item {q}."
)
RESPONSE = (
    "We <b>disagree</b>. The issues that we face today are exactly the same as the issues "
    'identified in the <a href="https://example.org/tunis">Tunis Agenda</a>{fn}. In our view no '
    "real progress has been made (section {s}, item {q})."
)


def build_tree() -> Contribution:
    sections = []
    count = 0
    for s in range(SECTIONS):
        citations = []
        for q in range(QUOTES):
            count += 1
            fn = (
                f"<fn>Source {count}, see <i>paper</i> p. {q}.</fn>"
                if count % FOOTNOTE_EVERY == 0
                else ""
            )
            quote = Quote(f"p-{s}-{q}", QUOTE.format(s=s, q=q), f"Party {s}")
            comment = Comment(
                f"r-{s}-{q}", RESPONSE.format(s=s, q=q, fn=fn), "disagree", "agreed", "A"
            )
            citations.append(Citation(quote, comment))
        block = CitationsBlock(
            f"b-{s}",
            "We cite the following portions of this paper:",
            "We comment on these statements as follows:",
            tuple(citations),
        )
        sections.append(
            SectionNode(
                f"s-{s}",
                f"Contribution from Party {s}",
                SectionKind.PARTY,
                (block,),
                opening="We support this paper.",
            )
        )
    return Contribution("Benchmark contribution", "Benchmark delegation", tuple(sections))


def markdown(tree: Contribution) -> str:
    """The same content in pandoc Markdown: headings, blockquoted lists, footnotes."""
    out = [f"# {tree.title}", ""]
    notes: list[str] = []
    for section in tree.sections:
        out += [f"## {section.heading}", "", section.opening, ""]
        for block in section.blocks:
            assert isinstance(block, CitationsBlock)
            out += [block.lead_in, ""]
            out += [f"> {i}) {c.quote.text}" for i, c in enumerate(block.citations, 1)]
            out += ["", block.comments_lead_in, ""]
            for i, c in enumerate(block.citations, 1):
                assert c.comment is not None
                text = c.comment.markup.replace("<b>", "**").replace("</b>", "**")
                text = text.replace(
                    '<a href="https://example.org/tunis">Tunis Agenda</a>',
                    "[Tunis Agenda](https://example.org/tunis)",
                )
                if "<fn>" in text:
                    before, rest = text.split("<fn>", 1)
                    note, after = rest.split("</fn>", 1)
                    notes.append(note.replace("<i>", "*").replace("</i>", "*"))
                    text = f"{before}[^{len(notes)}]{after}"
                out.append(f"{i}) {text}")
            out.append("")
    out += [f"[^{n}]: {t}" for n, t in enumerate(notes, 1)]
    return "\n".join(out) + "\n"


def _median(fn: object, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    tree = build_tree()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.docx"
        ours = _median(lambda: export_docx(tree, out))
        size = out.stat().st_size
        md = Path(tmp) / "bench.md"
        md.write_text(markdown(tree), encoding="utf-8")
        pandoc = None
        if shutil.which("pandoc"):
            target = Path(tmp) / "pandoc.docx"
            pandoc = _median(
                lambda: subprocess.run(["pandoc", str(md), "-o", str(target)], check=True)
            )
    print(f"machine: nproc={os.cpu_count()}, CPU={_cpu()}, Python {platform.python_version()}")
    print(
        f"tree: {SECTIONS} sections × {QUOTES} quotes + {QUOTES} responses, "
        f"{SECTIONS * QUOTES // FOOTNOTE_EVERY} footnotes"
    )
    print(f"export_docx: {ours:.3f} s (median of 3), {size / 1024:.0f} KiB")
    if pandoc is not None:
        print(f"pandoc -o x.docx (same content as Markdown): {pandoc:.3f} s (median of 3)")


if __name__ == "__main__":
    main()
