"""Benchmark: ``rejoinder export`` as a whole command against pandoc on the same content.

    .venv/bin/python -m bench.export_command [-n RUNS]

Budget (issue 14 §5): the whole command, start-up included, ≤ 0.5 × pandoc.
The project is :mod:`bench.synth`'s, shaped as DESIGN.md's export benchmark:
100 sources (one party section each) × 20 cited passages with their agreed
responses, a footnote in every fourth response (500 footnotes), each with a
hyperlink. The same contribution, read through the app's own read model, is
written as pandoc Markdown (headings, the numbered quotes as a block quote,
the lead-ins, the numbered responses with bold, links and footnotes), and
``pandoc IN.md -o OUT.docx`` converts it. The two commands run in turn
(ours, pandoc, ours, …) after a warm-up of each; printed: medians of wall
and CPU time (getrusage of the finished children), and the median of the
per-pair ratios.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.core.contribution import contribution
from app.core.contribution.model import CitationsBlock, Contribution
from app.core.store import ProjectStore
from bench.installed import byte_compile
from bench.synth import Shape, build_project

ROOT = Path(__file__).resolve().parents[1]
SHAPE = Shape(sources=100, pages=4, passages_per_source=20, footnote_every=4)

_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')


def _inline(markup: str) -> str:
    """The app's markup (b, i, u, a; no footnotes) as pandoc Markdown."""
    text = markup.replace("<b>", "**").replace("</b>", "**")
    text = text.replace("<i>", "*").replace("</i>", "*").replace("<u>", "").replace("</u>", "")
    text = _LINK.sub(r"[\2](\1)", text)
    return html.unescape(text)


def markdown(tree: Contribution) -> str:
    """The contribution as pandoc Markdown, footnotes as ``[^n]``."""
    out = [f"# {tree.title}", "", tree.organisation, ""]
    notes: list[str] = []

    def with_notes(markup: str) -> str:
        pieces = re.split(r"<fn>(.*?)</fn>", markup)
        text = _inline(pieces[0])
        for k in range(1, len(pieces), 2):
            notes.append(_inline(pieces[k]))
            text += f"[^{len(notes)}]" + _inline(pieces[k + 1])
        return text

    for section in tree.sections:
        out += [f"## {section.heading}", ""]
        if section.opening:
            out += [with_notes(section.opening), ""]
        for block in section.blocks:
            if not isinstance(block, CitationsBlock):
                continue
            out += [block.lead_in, ""]
            out += [f"> {i}) {c.quote.text}\n>" for i, c in enumerate(block.citations, 1)]
            out += ["", block.comments_lead_in, ""]
            for i, c in enumerate(block.citations, 1):
                if c.comment is not None:
                    out += [f"{i}) {with_notes(c.comment.markup)}", ""]
    out += [f"[^{n}]: {text}" for n, text in enumerate(notes, 1)]
    return "\n".join(out) + "\n"


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=5)
    args = parser.parse_args()
    byte_compile()  # as an installed copy: bench/installed.py
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("pandoc is needed")
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    try:
        env = {
            **os.environ,
            "REJOINDER_CONFIG_DIR": str(folder),
            "REJOINDER_DATA_DIR": str(folder),
        }
        os.environ.update(env)
        project = build_project(folder / "bench.rejoinder", SHAPE)
        with ProjectStore.open(project) as store:
            tree = contribution(store)
        md = folder / "bench.md"
        md.write_text(markdown(tree), encoding="utf-8")
        quotes = sum(
            len(b.citations)
            for s in tree.sections
            for b in s.blocks
            if isinstance(b, CitationsBlock)
        )
        out = str(folder / "a.docx")
        ours_cmd = [sys.executable, "-m", "app", "export", str(project), "-o", out]
        theirs_cmd = [pandoc, str(md), "-o", str(folder / "b.docx")]
        _timed(ours_cmd, env)
        _timed(theirs_cmd, env)
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        for _ in range(args.runs):
            ours.append(_timed(ours_cmd, env))
            theirs.append(_timed(theirs_cmd, env))
        print(
            f"load {os.getloadavg()[0]:.2f}; {len(tree.sections)} sections, {quotes} quotes and "
            f"responses, {md.read_text(encoding='utf-8').count('[^') // 2} footnotes; "
            f"{args.runs} pairs"
        )
        for name, runs in (("rejoinder export", ours), ("pandoc -o x.docx", theirs)):
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            each = [round(w, 2) for w, _ in runs]
            print(f"{name:<18} wall {wall:6.3f} s  CPU {cpu:6.3f} s  (runs {each})")
        ratio = statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
        cpu_ratio = statistics.median(a[1] / b[1] for a, b in zip(ours, theirs, strict=True))
        print(f"ratio (median of pairs): wall {ratio:.2f} x, CPU {cpu_ratio:.2f} x (budget 0.5 x)")
        sizes = (folder / "a.docx").stat().st_size, (folder / "b.docx").stat().st_size
        print(f"output: {sizes[0] / 1024:.0f} KiB against {sizes[1] / 1024:.0f} KiB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
