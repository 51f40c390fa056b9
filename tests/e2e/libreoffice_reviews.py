"""Review copies that LibreOffice itself wrote, with its own tracked changes and comments.

A colleague who reviews in LibreOffice saves our review copy through
LibreOffice's DOCX writer, whose bookmarks, comment ranges and tracked
changes differ from Word's. These fixtures are made by LibreOffice:

1. :func:`build_project` makes a small project (two submissions, five passages
   with responses that look alike on purpose) and exports its review copy;
2. ``soffice --headless --convert-to fodt`` turns it into flat ODF XML;
3. a scenario edits that XML the way a LibreOffice user's edits are stored
   (``text:tracked-changes`` regions with ``text:change-start``/``change-end``,
   ``office:annotation`` comments, list items moved and renumbered);
4. ``soffice --headless --convert-to docx`` writes the .docx: every byte of
   its markup is LibreOffice's own.

The UUIDs in a copy are those of the project the generator built; the tests
build the same project again and :func:`rekey` swaps the old identifiers for
the new ones (``ids.json`` names what each identifier was).

Regenerate (needs LibreOffice): ``python -m tests.e2e.libreoffice_reviews``.
Each soffice run gets a fresh profile and a time limit, and is killed by its
own process id if it overruns, so a hung LibreOffice never hangs the generator.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from app.core.services import passages, responses
from app.core.store import ProjectStore
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from tests.core.factories import add_text_source, make_project
from tests.helpers import FIXTURES

OUT = FIXTURES / "reviews"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

ARCADIA = (
    "Contribution from the Republic of Arcadia\n"
    "1. We think enhanced cooperation has been implemented to a substantial extent.\n"
    "2. Enhanced cooperation should have the characteristics of transparency, "
    "accountability and the engagement of all stakeholders.\n"
    "3. The multi-stakeholder model serves everyone well.\n"
)
BOREALIS = (
    "Contribution from the Kingdom of Borealis\n"
    "1. Governments should have an equal role and responsibility.\n"
    "2. The forum should meet every year in a different region.\n"
)

# key: (source, quote, response markup). Responses A3 and B1 are near twins of A2.
PASSAGES: dict[str, tuple[str, str, str]] = {
    "A1": (
        "Arcadia",
        "implemented to a substantial extent",
        "We <b>disagree</b>.<fn>See our paper.</fn>",
    ),
    "A2": (
        "Arcadia",
        "transparency, accountability",
        "We agree with this list of characteristics.\n"
        "The list should also name <i>inclusiveness</i>.",
    ),
    "A3": ("Arcadia", "serves everyone well", "We agree with this list."),
    "B1": ("Borealis", "an equal role and responsibility", "We agree with this list, too."),
    "B2": ("Borealis", "every year in a different region", "We note this point."),
}  # fmt: skip


@dataclass(frozen=True)
class Built:
    store: ProjectStore
    passage: dict[str, str]  # key → passage id
    response: dict[str, str]  # key → response id


def build_project(path: Path) -> Built:
    """The project every fixture was exported from (the same texts, new UUIDs each time)."""
    store = make_project(path)
    sources = {
        "Arcadia": add_text_source(store, ARCADIA, "Arcadia"),
        "Borealis": add_text_source(store, BOREALIS, "Borealis"),
    }
    passage, response = {}, {}
    for key, (source, quote, answer) in PASSAGES.items():
        passage[key] = passages.cite_quote(store, sources[source], quote)
        response[key] = responses.respond(store, passage[key], answer)
    return Built(store, passage, response)


def _hex(identifier: str) -> str:
    return bookmark_name("x", identifier)[2:]


def identifiers(built: Built) -> dict[str, str]:
    """What each UUID of the copy was: 32 hex digits → "passage A1" / "response A1"."""
    out = {_hex(pid): f"passage {key}" for key, pid in built.passage.items()}
    out.update({_hex(rid): f"response {key}" for key, rid in built.response.items()})
    return out


def rekey(data: bytes, recorded: dict[str, str], built: Built) -> bytes:
    """The .docx ``data`` with the recorded project's UUIDs replaced by ``built``'s."""
    now = {f"passage {k}": _hex(v) for k, v in built.passage.items()}
    now.update({f"response {k}": _hex(v) for k, v in built.response.items()})
    swap = {old: now[what] for old, what in recorded.items()}
    pattern = re.compile("|".join(re.escape(old) for old in swap))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename.endswith(".xml"):
                text = pattern.sub(lambda m: swap[m.group(0)], member.decode("utf-8"))
                member = text.encode("utf-8")
            target.writestr(info, member)
    return out.getvalue()


# -- running LibreOffice ------------------------------------------------------


def soffice(source: Path, fmt: str, outdir: Path, profile: Path, timeout: float = 180) -> Path:
    """Convert ``source`` with a fresh profile; kill this soffice (its own group) if it hangs."""
    process = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    made = outdir / f"{source.stem}.{fmt.split(':')[0]}"
    if not made.is_file():
        raise RuntimeError(f"LibreOffice did not convert {source} to {fmt}")
    return made


# -- editing flat ODF the way LibreOffice stores a user's edits ---------------


def t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def o(tag: str) -> str:
    return f"{{{OFFICE}}}{tag}"


class FlatOdt:
    """A flat ODF text document, edited as LibreOffice records edits with changes tracked."""

    def __init__(self, path: Path) -> None:
        self.tree = etree.parse(str(path))
        self.body = self.tree.getroot().find(f"{o('body')}/{o('text')}")
        assert self.body is not None
        self.changes: etree._Element | None = None
        self.count = 0

    def save(self, path: Path) -> None:
        self.tree.write(str(path), xml_declaration=True, encoding="UTF-8")

    # finding places

    def bookmarked(self, name: str) -> etree._Element:
        """The paragraph where the bookmark ``name`` starts."""
        for start in self.body.iter(t("bookmark-start")):
            if start.get(t("name")) == name:
                parent = start.getparent()
                assert parent is not None
                return parent
        raise AssertionError(f"no bookmark {name}")

    def paragraph_with(self, text: str) -> etree._Element:
        for p in self.body.iter(t("p"), t("h")):
            if text in "".join(p.itertext()):
                return p
        raise AssertionError(f"no paragraph with {text!r}")

    def list_item(self, paragraph: etree._Element) -> etree._Element:
        item = paragraph.getparent()
        assert item is not None and item.tag == t("list-item")
        return item

    def _split(
        self, paragraph: etree._Element, text: str, after: bool = False
    ) -> tuple[etree._Element, bool, str]:
        """Cut ``paragraph``'s text before (or after) ``text``: ``(node, in_text, rest)``."""
        hidden = (o("annotation"), t("note"))
        for node in paragraph.iter():
            if any(a.tag in hidden for a in node.iterancestors()):
                continue
            for in_text in (True, False):
                if (node is paragraph and not in_text) or (in_text and node.tag in hidden):
                    continue
                value = node.text if in_text else node.tail
                if value and text in value:
                    before, rest = value.split(text, 1)
                    if after:
                        before += text
                    else:
                        rest = text + rest
                    if in_text:
                        node.text = before
                    else:
                        node.tail = before
                    return node, in_text, rest
        raise AssertionError(f"{text!r} not found")

    def _insert(self, at: tuple[etree._Element, bool, str], elements: list[etree._Element]) -> None:
        node, in_text, rest = at
        elements[-1].tail = (elements[-1].tail or "") + rest
        for offset, element in enumerate(elements):
            if in_text:
                node.insert(offset, element)
            else:
                node.addnext(element)
                node = element

    def _region(self, kind: str, author: str, date: str) -> str:
        if self.changes is None:
            self.changes = etree.Element(t("tracked-changes"))
            self.changes.set(t("track-changes"), "true")
            self.body.insert(0, self.changes)
        self.count += 1
        cid = f"ct{900000 + self.count}"
        region = etree.SubElement(self.changes, t("changed-region"), {XML_ID: cid, t("id"): cid})
        info = etree.SubElement(etree.SubElement(region, t(kind)), o("change-info"))
        etree.SubElement(info, f"{{{DC}}}creator").text = author
        etree.SubElement(info, f"{{{DC}}}date").text = date
        return cid

    def _span(self, cid: str, text: str) -> list[etree._Element]:
        start = etree.Element(t("change-start"), {t("change-id"): cid})
        start.tail = text
        return [start, etree.Element(t("change-end"), {t("change-id"): cid})]

    def replace(self, paragraph: etree._Element, old: str, new: str, author: str) -> None:
        """A tracked replacement: ``old`` deleted, ``new`` inserted (either may be empty)."""
        date = "2026-03-02T10:20:00"
        at = self._split(paragraph, old)
        rest = at[2][len(old) :]
        parts: list[etree._Element] = []
        if old:
            parts += self._span(self._region("deletion", author, date), old)
        if new:
            parts += self._span(self._region("insertion", author, date), new)
        self._insert((at[0], at[1], rest), parts)

    def insert_paragraph_after(self, paragraph: etree._Element, text: str, author: str) -> None:
        """A tracked new paragraph after ``paragraph`` (its break and its words are inserted)."""
        cid = self._region("insertion", author, "2026-03-02T10:25:00")
        new = etree.Element(paragraph.tag, dict(paragraph.attrib))
        item = paragraph.getparent()
        start = etree.SubElement(paragraph, t("change-start"), {t("change-id"): cid})
        del start  # the paragraph break after the old text is the start of the insertion
        new.text = text
        etree.SubElement(new, t("change-end"), {t("change-id"): cid})
        if item is not None and item.tag == t("list-item"):
            fresh = etree.Element(t("list-item"))
            fresh.append(new)
            item.addnext(fresh)
        else:
            paragraph.addnext(new)

    def join(self, first: etree._Element, second: etree._Element, author: str) -> None:
        """A tracked deletion of the paragraph break between ``first`` and ``second``."""
        cid = self._region("deletion", author, "2026-03-02T10:30:00")
        etree.SubElement(first, t("change-start"), {t("change-id"): cid})
        end = etree.Element(t("change-end"), {t("change-id"): cid})
        end.tail = second.text
        second.text = None
        second.insert(0, end)

    def comment(
        self,
        first: etree._Element,
        last: etree._Element | None,
        text: str,
        author: str,
        *,
        begin: str | None = None,
        end: str | None = None,
        date: str = "2026-03-02T10:15:00",
    ) -> None:
        """An ``office:annotation`` from before ``begin`` in ``first`` (its start when None)
        to after ``end`` in ``last`` (its end when None); no range when ``last`` is None."""
        self.count += 1
        name = f"__Annotation__review_{self.count}"
        note = etree.Element(o("annotation"))
        if last is not None:
            note.set(o("name"), name)
        etree.SubElement(note, f"{{{DC}}}creator").text = author
        etree.SubElement(note, f"{{{DC}}}date").text = date
        etree.SubElement(note, t("p")).text = text
        if begin is None:
            note.tail = first.text
            first.text = None
            first.insert(0, note)
        else:
            at = self._split(first, begin)
            self._insert(at, [note])
        if last is None:
            return
        closing = etree.Element(o("annotation-end"), {o("name"): name})
        if end is None:
            last.append(closing)
        else:
            self._insert(self._split(last, end, after=True), [closing])


# -- the scenarios -------------------------------------------------------------


def _tracked(doc: FlatOdt, built: Built) -> None:
    """Tracked edits by two reviewers, comments, and a paragraph typed between responses."""
    r = {k: doc.bookmarked(bookmark_name("r", v)) for k, v in built.response.items()}
    p = {k: doc.bookmarked(bookmark_name("p", v)) for k, v in built.passage.items()}
    doc.replace(r["A1"], "disagree", "partly agree", "Maria Gomez")
    doc.comment(r["A1"], r["A1"], "Too blunt.", "Maria Gomez", begin="We", end="agree")
    doc.comment(
        r["A1"],
        r["A1"],
        "I agree it is blunt.",
        "Jon Smith",
        begin="We",
        end="agree",
        date="2026-03-02T10:16:00",
    )
    doc.insert_paragraph_after(r["A2"], "We also ask for a review in 2027.", "Jon Smith")
    doc.replace(doc.paragraph_with("inclusiveness"), "inclusiveness", "inclusion", "Maria Gomez")
    doc.replace(r["A3"], " with this list", "", "Jon Smith")
    # a paragraph of its own after the last response of Arcadia, before Borealis' heading
    doc.insert_paragraph_after(r["A3"], "Editorial: renumber the list.", "Maria Gomez")
    doc.comment(p["B1"], p["B1"], "Is this the right quote?", "Maria Gomez")
    heading = doc.paragraph_with("Contribution from Borealis")
    doc.comment(heading, heading, "Shorter heading?", "Jon Smith")
    lead_in = doc.paragraph_with("We comment on")
    doc.comment(lead_in, lead_in, "Nice lead-in.", "Jon Smith")


def _moved(doc: FlatOdt, built: Built) -> None:
    """Responses moved and renumbered by hand, comments anchored across marks, one edit."""
    r = {k: doc.bookmarked(bookmark_name("r", v)) for k, v in built.response.items()}
    # A3's answer cut and pasted before A1's; B2's before B1's, numbering restarted at 5
    first = doc.list_item(r["A1"])
    first.addprevious(doc.list_item(r["A3"]))
    moved = doc.list_item(r["B2"])
    doc.list_item(r["B1"]).addprevious(moved)
    moved.set(t("start-value"), "5")
    for item in (first, doc.list_item(r["B1"])):
        item.attrib.pop(t("start-value"), None)
    doc.replace(r["A3"], "agree", "fully agree", "Maria Gomez")
    # from inside the lead-in into the first answer under it (now A3's)
    lead_in = doc.paragraph_with("We comment on")
    doc.comment(
        lead_in, r["A3"], "Start with the strongest point.", "Jon Smith", begin="as follows"
    )
    # from A2's answer into A3's: it was written on A2
    doc.comment(
        r["A2"],
        doc.paragraph_with("inclusiveness"),
        "Merge with 3?",
        "Maria Gomez",
        begin="this list",
    )
    # a comment at a point, without a range, inside B1's answer
    doc.comment(r["B1"], None, "Which list?", "Jon Smith", begin="this list, too")
    doc.comment(r["B2"], r["B2"], "Fine as it is.", "Maria Gomez", begin="note")
    # A2's two paragraphs made one (its first paragraph's mark deleted)
    doc.join(r["A2"], doc.paragraph_with("inclusiveness"), "Jon Smith")


def _table(doc: FlatOdt, built: Built) -> None:
    """The table layout: edits and comments inside table cells."""
    r = {k: doc.bookmarked(bookmark_name("r", v)) for k, v in built.response.items()}
    p = {k: doc.bookmarked(bookmark_name("p", v)) for k, v in built.passage.items()}
    doc.replace(r["B1"], "too", "as well", "Jon Smith")
    doc.replace(r["A1"], "disagree", "partly agree", "Maria Gomez")
    doc.comment(p["A2"], p["A2"], "Cite the whole list?", "Maria Gomez")
    doc.comment(r["A3"], r["A3"], "Same as 2?", "Jon Smith", begin="agree")


SCENARIOS: dict[str, tuple[str, Callable[[FlatOdt, Built], None]]] = {
    "lo-tracked-comments.docx": ("grouped", _tracked),
    "lo-moved-renumbered.docx": ("grouped", _moved),
    "lo-table-layout.docx": ("table", _table),
}


def generate(out: Path = OUT) -> None:
    """Make every fixture with LibreOffice and write ``ids.json`` beside them."""
    if shutil.which("soffice") is None:
        raise SystemExit("LibreOffice (soffice) is needed to make these fixtures.")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        built = build_project(work / "p.rejoinder")
        profile = work / "profile"
        for name, (layout, scenario) in SCENARIOS.items():
            stem = Path(name).stem
            folder = work / stem
            folder.mkdir()
            exported = folder / f"{stem}.docx"
            export_project(built.store, exported, layout=layout, review_copy=True)
            flat = soffice(exported, "fodt", folder / "flat", profile)
            doc = FlatOdt(flat)
            scenario(doc, built)
            edited = folder / "edited" / f"{stem}.fodt"
            edited.parent.mkdir()
            doc.save(edited)
            made = soffice(edited, "docx:MS Word 2007 XML", folder / "docx", profile)
            shutil.copyfile(made, out / name)
        (out / "ids.json").write_text(
            json.dumps(identifiers(built), indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        built.store.close()


def recorded_ids(folder: Path = OUT) -> dict[str, str]:
    data: dict[str, str] = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
