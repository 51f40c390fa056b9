"""The live preview: the contribution as one self-contained HTML page.

The GUI shows this in a web view while the user edits, so it must follow the
Word export's structure exactly (it uses the same ``flow`` layout), carry
``data-section-id`` / ``data-passage-id`` / ``data-response-id`` attributes
so the view can scroll to what is being edited, and escape everything: the
text comes from other parties' documents.
"""

from __future__ import annotations

import logging
from html import escape

from app.core.contribution.model import Contribution, Quote
from app.core.markup import Footnote, Inline, Run
from app.core.phrasebook import Phrasebook, load_phrasebook
from app.exporters.cleaning import clean_text
from app.exporters.flow import (
    Heading,
    ListGroup,
    Para,
    Role,
    Table,
    cover_lines,
    inline_paragraphs,
    layout_items,
    location,
    visible_comment,
)
from app.exporters.layout import Layout

logger = logging.getLogger(__name__)

_CSS = """
body{font-family:Calibri,Carlito,"Segoe UI",Arial,sans-serif;font-size:11pt;line-height:1.35;
max-width:46em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:17pt;margin:0 0 .2em}p.subtitle{color:#404040;margin:0 0 1.5em}
h2{font-size:13pt;margin:1.4em 0 .4em}p{margin:0 0 .5em}
ol,ul{margin:0 0 .6em;padding-left:1.6em}blockquote{margin:0 2.6em .6em 2.6em}
ol.quotes,ul.quotes{margin-left:2.6em;margin-right:2.6em}
ol>li::marker{content:counter(list-item) ") "}
li>p{margin:0 0 .3em}
.draft{background:#ff0;font-weight:bold}a{color:#0563c1}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
th,td{border:1px solid #444;padding:.2em .4em;vertical-align:top;text-align:left}
.notes{border-top:1px solid #888;margin-top:2em;font-size:9pt}
.notes ol>li::marker{content:counter(list-item) ". "}
"""


_OL_STYLE = "list-style-type:decimal;-qt-list-number-suffix:')'"


class _Notes:
    """Footnotes collected in document order, printed at the end with back links."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, html: str) -> str:
        self.items.append(html)
        n = len(self.items)
        return f'<sup id="fnref{n}"><a href="#fn{n}">{n}</a></sup>'


def _runs(inlines: tuple[Inline, ...], notes: _Notes | None) -> str:
    out: list[str] = []
    for item in inlines:
        if isinstance(item, Footnote):
            if notes is not None:
                out.append(notes.add(_runs(item.runs, None)))
            continue
        out.append(_run(item))
    return "".join(out)


def _run(run: Run) -> str:
    html = escape(run.text)
    if run.underline:
        html = f"<u>{html}</u>"
    if run.italic:
        html = f"<i>{html}</i>"
    if run.bold:
        html = f"<b>{html}</b>"
    if run.href is not None:
        html = f'<a href="{escape(run.href)}">{html}</a>'
    return html


def _attrs(para: Para) -> str:
    out = f' data-section-id="{escape(para.section_id)}"'
    if para.quote is not None:
        out += f' data-passage-id="{escape(para.quote.passage_id)}"'
    if para.comment is not None:
        out += f' data-response-id="{escape(para.comment.response_id)}"'
    return out


def _anchor(para: Para) -> str:
    """``<a name>`` targets for ``QTextBrowser.scrollToAnchor``, which ignores data attributes."""
    names = []
    if para.quote is not None:
        names.append(f"passage-{para.quote.passage_id}")
    if para.comment is not None:
        names.append(f"response-{para.comment.response_id}")
    return "".join(f'<a name="{escape(n)}"></a>' for n in names)


class _Renderer:
    def __init__(self, contribution: Contribution, phrases: Phrasebook) -> None:
        self.contribution = contribution
        self.phrases = phrases
        self.notes = _Notes()
        self.rows_done = 0

    def paragraphs(self, para: Para, css: str = "") -> list[str]:
        cls = f' class="{css}"' if css else ""
        out = []
        for index, inlines in enumerate(inline_paragraphs(para)):
            mark = ""
            if index == 0 and para.draft:
                mark = f'<span class="draft">{escape(self.phrases.text("draft_mark"))}</span> '
            anchor = _anchor(para) if index == 0 else ""
            out.append(f"<p{cls}{_attrs(para)}>{anchor}{mark}{_runs(inlines, self.notes)}</p>")
        return out

    def list_group(self, group: ListGroup) -> str:
        """An ``<ol>`` per block; a gap in the numbers (a comment left out) starts a new one.

        ``start`` and ``-qt-list-number-suffix`` are understood both by browsers
        and by Qt's rich-text engine, which the preview may use instead of a
        browser; ``::marker`` gives browsers the same "1)".
        """
        css = "quotes" if group.role is Role.QUOTE else group.role.value
        block = escape(group.block_id)
        if not group.numbered:
            if group.role is Role.LIST_ITEM:
                bullets = "".join(
                    f"<li{_attrs(p)}>{''.join(self.paragraphs(p))}</li>" for p in group.items
                )
                return f'<ul class="{css}" data-block-id="{block}">{bullets}</ul>'
            paragraphs = "".join(p for para in group.items for p in self.paragraphs(para))
            tag = "blockquote" if group.role is Role.QUOTE else "div"
            return f'<{tag} class="{css}" data-block-id="{block}">{paragraphs}</{tag}>'
        lists: list[tuple[int, list[str]]] = []
        expected = 0
        for para in group.items:
            body = "".join(self.paragraphs(para, "under" if para.number is None else ""))
            if para.number is None and lists and lists[-1][1]:
                last = lists[-1][1]
                last[-1] = last[-1][: -len("</li>")] + body + "</li>"
                continue
            number = para.number or expected or 1
            if number != expected or not lists:
                lists.append((number, []))
            expected = number + 1
            lists[-1][1].append(f"<li{_attrs(para)}>{body}</li>")
        return "".join(
            f'<ol class="{css}" start="{start}" style="{_OL_STYLE}" data-block-id="{block}">'
            f"{''.join(items)}</ol>"
            for start, items in lists
        )

    def table(self, table: Table) -> str:
        keys = (
            "table_number",
            "table_party",
            "table_location",
            "table_type",
            "table_quote",
            "table_comment",
            "table_proposed",
            "table_observations",
        )
        head = "".join(f"<th>{escape(self.phrases.text(k))}</th>" for k in keys)
        rows = [f"<tr>{head}</tr>"]
        for citation in table.rows:
            quote = citation.quote
            quote_para = Para(
                Role.QUOTE, clean_text(quote.text), table.section_id, plain=True, quote=quote
            )
            comment = visible_comment(citation, self.contribution.include_drafts)
            self.rows_done += 1
            kind = f"type_{comment.comment_type}" if comment is not None else ""
            cells = [
                str(self.rows_done),
                escape(clean_text(quote.party)),
                escape(_location(quote, self.phrases)),
                escape(self.phrases.text(kind)) if kind in self.phrases else "",
                "".join(self.paragraphs(quote_para)),
            ]
            if comment is None:
                cells += ["", "", ""]
            else:
                para = Para(
                    Role.COMMENT,
                    clean_text(comment.markup),
                    table.section_id,
                    draft=comment.draft,
                    comment=comment,
                )
                change = Para(Role.BODY, clean_text(comment.proposed_change), table.section_id)
                cells.append("".join(self.paragraphs(para)))
                cells.append("".join(self.paragraphs(change)) if comment.proposed_change else "")
            cells.append("")
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        return f'<table data-block-id="{escape(table.block_id)}">{"".join(rows)}</table>'

    def footnotes(self) -> str:
        if not self.notes.items:
            return ""
        items = "".join(
            f'<li id="fn{n}">{html} <a href="#fnref{n}" aria-label="back">↩</a></li>'
            for n, html in enumerate(self.notes.items, start=1)
        )
        title = escape(self.phrases.text("notes_heading"))
        return f'<section class="notes"><h2>{title}</h2><ol>{items}</ol></section>'


def _location(quote: Quote, phrases: Phrasebook) -> str:
    return location(quote, phrases.text("page_abbrev"), phrases.text("paragraph_abbrev"))


def render_html(contribution: Contribution, layout: Layout = Layout.GROUPED) -> str:
    """A complete HTML document (inline CSS, no external resources) for the preview."""
    phrases = load_phrasebook(contribution.language)
    renderer = _Renderer(contribution, phrases)
    title = escape(clean_text(contribution.title))
    body = [f"<h1>{title}</h1>"]
    lines = cover_lines(contribution)
    if lines:
        body.append('<p class="subtitle">' + "<br>".join(escape(x) for x in lines) + "</p>")
    for item in layout_items(contribution, layout):
        if isinstance(item, Heading):
            sid = escape(item.section_id)
            body.append(
                f'<h2 data-section-id="{sid}"><a name="section-{sid}"></a>{escape(item.text)}</h2>'
            )
        elif isinstance(item, Para):
            css = "lead-in" if item.role is Role.LEAD_IN else ""
            body.extend(renderer.paragraphs(item, css))
        elif isinstance(item, ListGroup):
            body.append(renderer.list_group(item))
        elif isinstance(item, Table):
            body.append(renderer.table(item))
    body.append(renderer.footnotes())
    lang = escape(contribution.language or "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body></html>\n"
    )
