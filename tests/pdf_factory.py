"""Write text PDFs from code: the tests' PDF fixtures and the 300-page benchmark document.

The tests carry their own fixtures, so this generator lives with them; the
benchmarks in bench/ borrow it from here (never the other way round).

No dependency beyond the standard library: the PDF is written by hand with
the standard Courier/Helvetica fonts (no embedding), which every reader
knows. Courier is monospaced, so wrapping by character count is exact and a
paragraph's last line is the only short one, as in real typesetting.

Usage: ``python -m tests.pdf_factory OUT.pdf [PAGES]``.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H = 612.0, 792.0
CHAR_W = 0.6  # Courier advance, in em

# Helvetica advances (AFM, 1/1000 em) for codes 32-126, written into the font
# dictionary so that readers and this generator agree on every width.
HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip


def text_width(text: str, size: float, font: str = "H") -> float:
    """Advance width in points of ``text`` set in ``font``."""
    if font.startswith("C"):
        return len(text) * CHAR_W * size
    return sum(HELVETICA[ord(c) - 32] if 32 <= ord(c) <= 126 else 556 for c in text) * size / 1000


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one font: ``font`` is C (Courier), CB (Courier-Bold) or H (Helvetica)."""

    text: str
    size: float = 10.0
    font: str = "C"
    rise: float = 0.0
    justify: float = 0.0  # stretch the spaces so that the run is this wide (points)


@dataclass(slots=True)
class TextLine:
    x: float
    y: float
    runs: list[Run] = field(default_factory=list)
    sideways: bool = False  # turned a quarter, reading upwards (a margin stamp)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_content(lines: list[TextLine]) -> bytes:
    """A content stream that shows each line's runs one after another."""
    out = [b"BT"]
    for line in lines:
        matrix = "0 1 -1 0" if line.sideways else "1 0 0 1"
        out.append(f"{matrix} {line.x:.2f} {line.y:.2f} Tm".encode())
        for run in line.runs:
            out.append(f"/{run.font} {run.size:g} Tf {run.rise:g} Ts".encode())
            gaps = run.text.count(" ")
            if run.justify and gaps:
                # Justified setting the way typesetters write it: one TJ array
                # whose numbers widen each inter-word space.
                extra = run.justify - text_width(run.text, run.size, run.font)
                shift = -extra / gaps * 1000 / run.size
                words = run.text.split(" ")
                parts = [b"(" + _escape(w + " ") + b")" for w in words[:-1]]
                body = f" {shift:.1f} ".encode().join(parts)
                out.append(b"[" + body + f" {shift:.1f} (".encode() + _escape(words[-1]) + b")] TJ")
            else:
                out.append(b"(" + _escape(run.text) + b") Tj")
    out.append(b"ET")
    return b"\n".join(out)


def build_pdf(
    pages: list[list[TextLine]],
    *,
    labels: str | None = None,
    info: dict[str, str] | None = None,
) -> bytes:
    """Assemble a PDF; ``labels`` is a raw /PageLabels number tree, e.g. "0 << /S /r >>"."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    tree = add(b"")
    # A descriptor, as word processors write one for every font they use
    # (the font itself is not embedded: readers substitute Helvetica).
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 1000 931]"
        b" /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 /FontWeight 400 >>"
    )
    fonts = {
        "C": add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
        ),
        "CB": add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"
        ),
        "H": add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
            b"/FirstChar 32 /LastChar 126 /Widths ["
            + " ".join(map(str, HELVETICA)).encode()
            + f"] /FontDescriptor {descriptor} 0 R >>".encode()
        ),
    }
    resources = " ".join(f"/{name} {num} 0 R" for name, num in fonts.items())
    kids = []
    for lines in pages:
        stream = zlib.compress(page_content(lines))
        content = add(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PAGE_W:g} {PAGE_H:g}] "
                f"/Resources << /Font << {resources} >> >> /Contents {content} 0 R >>".encode()
            )
        )
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
    extra = f" /PageLabels << /Nums [{labels}] >>" if labels else ""
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R{extra} >>".encode()
    info_ref = None
    if info:
        entries = b" ".join(
            b"/" + key.encode() + b" (" + _escape(value) + b")" for key, value in info.items()
        )
        info_ref = add(b"<< " + entries + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R"
    if info_ref:
        trailer += f" /Info {info_ref} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def wrap(text: str, width: int, measure: Callable[[str], float] = len) -> list[str]:
    """Greedy wrap at ``width`` (characters, or what ``measure`` counts).

    A long word that does not fit is hyphenated, as typesetters do.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        room = 0
        while room < len(word) and measure(f"{current} {word[: room + 1]}-") <= width:
            room += 1
        if "-" not in word and len(word) >= 8 and room >= 4 and len(word) - room >= 3:
            lines.append(f"{current} {word[:room]}-".strip())
            current = word[room:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@dataclass(slots=True)
class Column:
    """Lays out paragraphs top-down in a column.

    ``width`` counts Courier characters (0.6 em each); with ``font="H"`` the
    same width in points is filled with Helvetica and, when ``justify`` is
    set, every line but a paragraph's last is stretched to the full width.
    """

    x: float
    top: float
    width: int
    size: float = 10.0
    leading: float = 12.0
    font: str = "C"
    justify: bool = False
    lines: list[TextLine] = field(default_factory=list)
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.top

    def paragraph(self, text: str, *, indent: int = 0, gap: float = 6.0) -> None:
        full = self.width * CHAR_W * self.size
        indent_pt = indent * CHAR_W * self.size
        wrapped = wrap(text, int(full - indent_pt), lambda t: text_width(t, self.size, self.font))
        for k, line in enumerate(wrapped):
            dx = indent_pt if k == 0 else 0.0
            stretch = full - dx if self.justify and k < len(wrapped) - 1 else 0.0
            run = Run(line, self.size, self.font, justify=stretch)
            self.lines.append(TextLine(self.x + dx, self.y, [run]))
            self.y -= self.leading
        self.y -= gap

    def heading(self, text: str, size: float = 14.0) -> None:
        self.y -= 4
        self.lines.append(TextLine(self.x, self.y, [Run(text, size, "CB")]))
        self.y -= size * 1.2 + 6

    def runs(self, runs: list[Run], gap: float = 0.0) -> None:
        self.lines.append(TextLine(self.x, self.y, runs))
        self.y -= self.leading + gap


_VOCABULARY = (
    "enhanced cooperation between governments and stakeholders should strengthen the "
    "multi-stakeholder model of Internet governance while respecting the roles and "
    "responsibilities agreed in the Tunis Agenda for the Information Society and the "
    "international public policy issues pertaining to the Internet including capacity "
    "building development interoperability accountability transparency and inclusiveness"
)
_WORDS = _VOCABULARY.split()


def _sentence(seed: int, length: int) -> str:
    words = [_WORDS[(seed * 7 + k * 13) % len(_WORDS)] for k in range(length)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def benchmark_page(index: int, total: int, paragraph_no: int) -> tuple[list[TextLine], int]:
    """One page: running header, heading every fifth page, numbered paragraphs, a footnote.

    Body text is justified Helvetica written as TJ arrays, as Word, LibreOffice
    and pdfTeX write it; a page of one plain Tj per line would flatter
    pdftotext, which no real submission does.
    """
    lines = [
        TextLine(72, 750, [Run("Rejoinder benchmark: contributions to WGEC-2", 8, "H")]),
        TextLine(300, 40, [Run(str(index + 1), 9, "H")]),
    ]
    body = Column(72, 715, 80, font="H", justify=True)
    if index % 5 == 0:
        body.heading(f"Part {index // 5 + 1}. Enhanced cooperation")
    while body.y > 160:
        text = f"{paragraph_no}. " + " ".join(
            _sentence(paragraph_no * 3 + k, 12 + (paragraph_no + k) % 9) for k in range(3)
        )
        body.paragraph(text, indent=0)
        paragraph_no += 1
    word = _WORDS[index % len(_WORDS)]
    body.runs(
        [
            Run(f"as agreed on {word} in Tunis", 10, "H"),
            Run("1", 6, "H", 4),
            Run(" since.", 10, "H"),
        ]
    )
    lines += body.lines
    note = f" See the Tunis Agenda on {_WORDS[(index * 5) % len(_WORDS)]}."
    lines.append(TextLine(72, 90, [Run("1", 6, "H", 3), Run(note, 8, "H")]))
    return lines, paragraph_no


def build_document(pages: int = 300) -> bytes:
    """The benchmark document: ``pages`` pages of single-column numbered paragraphs."""
    out = []
    number = 1
    for index in range(pages):
        page, number = benchmark_page(index, pages, number)
        out.append(page)
    return build_pdf(out, info={"Title": "Benchmark contribution", "Author": "Rejoinder"})


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    pages = int(argv[1]) if len(argv) > 1 else 300
    Path(argv[0]).write_bytes(build_document(pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
