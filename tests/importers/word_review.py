"""Edit a review copy the way Word does when a colleague comments and tracks changes.

Word writes a comment as three marks in the body (``w:commentRangeStart``,
``w:commentRangeEnd`` and a run with ``w:commentReference``) plus a
``w:comment`` in ``word/comments.xml``; a reply is linked to its parent in
``word/commentsExtended.xml`` through the ``w14:paraId`` of the comments' last
paragraphs. A tracked replacement is a ``w:del`` run (``w:delText``) followed
by a ``w:ins`` run, each with ``w:author`` and ``w:date``.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXT_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_EXT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class WordEditor:
    """Loads a .docx, edits its XML like Word, and writes it back."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.members = {name: archive.read(name) for name in archive.namelist()}
        self.document = etree.fromstring(self.members["word/document.xml"])
        self.comments = (
            etree.fromstring(self.members["word/comments.xml"])
            if "word/comments.xml" in self.members
            else None
        )
        self.extended: etree._Element | None = None
        self._para_ids: dict[str, str] = {}

    # -- finding places ------------------------------------------------------

    def bookmark_paragraphs(self, name: str) -> list[etree._Element]:
        starts = [b for b in self.document.iter(w("bookmarkStart")) if b.get(w("name")) == name]
        assert starts, f"no bookmark {name}"
        bid = starts[0].get(w("id"))
        first = starts[0].getparent()
        out = [first]
        if any(e.get(w("id")) == bid for e in first.iter(w("bookmarkEnd"))):
            return out
        for p in first.itersiblings(w("p")):
            out.append(p)
            if any(e.get(w("id")) == bid for e in p.iter(w("bookmarkEnd"))):
                return out
        raise AssertionError("unterminated bookmark")

    def paragraph_with(self, text: str) -> etree._Element:
        for p in self.document.iter(w("p")):
            if text in "".join(t.text or "" for t in p.iter(w("t"))):
                return p
        raise AssertionError(f"no paragraph with {text!r}")

    # -- comments ------------------------------------------------------------

    def _comments_part(self) -> etree._Element:
        if self.comments is None:
            self.comments = etree.Element(w("comments"), nsmap={"w": W_NS, "w14": W14_NS})
            self._add_part("word/comments.xml", "comments.xml", f"{REL}/comments", CT_COMMENTS)
        return self.comments

    def _add_part(self, name: str, target: str, rel_type: str, content_type: str) -> None:
        rels = etree.fromstring(self.members["word/_rels/document.xml.rels"])
        rid = f"rIdT{len(rels) + 100}"
        etree.SubElement(rels, f"{{{PKG_NS}}}Relationship", Id=rid, Type=rel_type, Target=target)
        self.members["word/_rels/document.xml.rels"] = etree.tostring(rels)
        types = etree.fromstring(self.members["[Content_Types].xml"])
        etree.SubElement(
            types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type
        )
        self.members["[Content_Types].xml"] = etree.tostring(types)

    def comment(
        self,
        paragraphs: list[etree._Element],
        text: str,
        author: str,
        date: str = "2026-03-02T10:15:00Z",
        reply_to: str | None = None,
        with_range: bool = True,
    ) -> str:
        """Comment on the text of ``paragraphs`` (from after their first bookmark start)."""
        part = self._comments_part()
        ids = [int(c.get(w("id"), "0")) for c in part.iter(w("comment"))]
        ids += [int(c.get(w("id"), "0")) for c in self.document.iter(w("commentRangeStart"))]
        cid = str(max(ids, default=-1) + 1)
        comment = etree.SubElement(
            part, w("comment"), {w("id"): cid, w("author"): author, w("date"): date}
        )
        comment.set(w("initials"), "".join(x[0] for x in author.split()))
        para_id = f"{int(cid) + 0x10000000:08X}"
        for i, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, w("p"))
            if i == len(text.split("\n")) - 1:
                p.set(f"{{{W14_NS}}}paraId", para_id)
            etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = line
        self._para_ids[cid] = para_id
        if reply_to is not None:
            self._extended(cid, reply_to)
        if with_range:
            start = etree.Element(w("commentRangeStart"), {w("id"): cid})
            first = paragraphs[0]
            marks = list(first.iter(w("bookmarkStart")))
            if marks:
                marks[0].addnext(start)
            else:
                ppr = first.find(w("pPr"))
                first.insert(0 if ppr is None else 1, start)
            last = paragraphs[-1]
            etree.SubElement(last, w("commentRangeEnd"), {w("id"): cid})
            run = etree.SubElement(last, w("r"))
            etree.SubElement(run, w("commentReference"), {w("id"): cid})
        return cid

    def _extended(self, cid: str, parent: str) -> None:
        if self.extended is None:
            self.extended = etree.Element(f"{{{W15_NS}}}commentsEx", nsmap={"w15": W15_NS})
            self._add_part("word/commentsExtended.xml", "commentsExtended.xml", EXT_REL, CT_EXT)
        for own in (parent, cid):
            if not any(e.get(f"{{{W15_NS}}}paraId") == self._para_ids[own] for e in self.extended):
                etree.SubElement(
                    self.extended,
                    f"{{{W15_NS}}}commentEx",
                    {f"{{{W15_NS}}}paraId": self._para_ids[own], f"{{{W15_NS}}}done": "0"},
                )
        for e in self.extended:
            if e.get(f"{{{W15_NS}}}paraId") == self._para_ids[cid]:
                e.set(f"{{{W15_NS}}}paraIdParent", self._para_ids[parent])

    # -- tracked changes -----------------------------------------------------

    def replace(
        self,
        paragraphs: list[etree._Element],
        old: str,
        new: str,
        author: str,
        date: str = "2026-03-02T10:20:00Z",
        bold: bool = False,
    ) -> None:
        """Track-change ``old`` into ``new`` inside the first run that holds ``old``."""
        for p in paragraphs:
            for run in p.iter(w("r")):
                t = run.find(w("t"))
                if t is None or old not in (t.text or ""):
                    continue
                before, after = (t.text or "").split(old, 1)
                t.text = before
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                anchor = run
                if old:
                    deleted = etree.Element(w("del"), {w("id"): "901", w("author"): author})
                    deleted.set(w("date"), date)
                    del_run = copy.deepcopy(run)
                    del_t = del_run.find(w("t"))
                    assert del_t is not None
                    del_t.tag = w("delText")
                    del_t.text = old
                    deleted.append(del_run)
                    anchor.addnext(deleted)
                    anchor = deleted
                if new:
                    inserted = etree.Element(w("ins"), {w("id"): "902", w("author"): author})
                    inserted.set(w("date"), date)
                    ins_run = copy.deepcopy(run)
                    ins_t = ins_run.find(w("t"))
                    assert ins_t is not None
                    ins_t.text = new
                    if bold:
                        rpr = ins_run.find(w("rPr"))
                        if rpr is None:
                            rpr = etree.Element(w("rPr"))
                            ins_run.insert(0, rpr)
                        etree.SubElement(rpr, w("b"))
                    inserted.append(ins_run)
                    anchor.addnext(inserted)
                    anchor = inserted
                tail = copy.deepcopy(run)
                tail_t = tail.find(w("t"))
                assert tail_t is not None
                tail_t.text = after
                anchor.addnext(tail)
                return
        raise AssertionError(f"{old!r} not found")

    def save(self, path: Path) -> None:
        self.members["word/document.xml"] = etree.tostring(
            self.document, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        if self.comments is not None:
            self.members["word/comments.xml"] = etree.tostring(
                self.comments, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        if self.extended is not None:
            self.members["word/commentsExtended.xml"] = etree.tostring(
                self.extended, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.members.items():
                archive.writestr(name, data)
