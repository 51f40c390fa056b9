"""Preflight: what would embarrass the delegation if the contribution went out now."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.core import markup
from app.core.errors import MarkupError
from app.core.fidelity import check_fidelity
from app.core.models import (
    AnchorMethod,
    Block,
    BlockKind,
    Passage,
    Response,
    Section,
    Source,
    Status,
)
from app.core.store import ProjectStore


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    target_kind: str
    target_id: str


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check(store: ProjectStore) -> list[Problem]:
    problems: list[Problem] = []
    with store.session() as session:
        live_sections = {
            s.id: s for s in session.scalars(select(Section).where(Section.deleted_at.is_(None)))
        }
        labels = dict(
            session.execute(
                select(Source.id, Source.label).where(Source.deleted_at.is_(None))
            ).all()
        )
        responses = {
            r.passage_id: r
            for r in session.scalars(select(Response).where(Response.deleted_at.is_(None)))
        }
        passages = session.scalars(
            select(Passage).where(Passage.deleted_at.is_(None)).order_by(Passage.created_at)
        ).all()
        for p in passages:
            where = f"{labels.get(p.source_id, '?')}: “{_short(p.quote)}”"
            if p.anchor_method == AnchorMethod.ORPHAN:
                problems.append(
                    Problem(
                        "orphan",
                        f"{where} is no longer found in the source's new version.",
                        "passage",
                        p.id,
                    )
                )
            elif p.anchor_method == AnchorMethod.FUZZY and not p.placement_confirmed:
                # Listed apart from quote edits: the words changed in the new version.
                problems.append(
                    Problem(
                        "unconfirmed",
                        f"{where} was placed on the source's new version by a fuzzy match "
                        f"(score {p.anchor_score}): confirm the placement, re-attach the "
                        "passage by hand or keep it as an orphan.",
                        "passage",
                        p.id,
                    )
                )
            else:
                for issue in check_fidelity(p.quote, p.exact):
                    problems.append(Problem("fidelity", f"{where}: {issue}", "passage", p.id))
            if p.block_id is None:
                problems.append(
                    Problem("unplaced", f"{where} is not placed in any section.", "passage", p.id)
                )
            response = responses.get(p.id)
            # A passage cited only to highlight it has a response without text whose
            # status was moved on from draft: that is a decision, not a gap.
            empty = response is None or not markup.plain_text(response.text).strip()
            if response is None or (empty and response.status == Status.DRAFT):
                problems.append(Problem("unanswered", f"{where} has no response.", "passage", p.id))
            elif response.status == Status.DRAFT:
                problems.append(
                    Problem(
                        "draft",
                        f"The response to {where} is still a draft.",
                        "response",
                        response.id,
                    )
                )
            if response is not None:
                _check_markup(problems, response.text, "response", response.id, where)
        for block in session.scalars(select(Block).where(Block.deleted_at.is_(None))):
            if block.section_id not in live_sections:
                continue
            if (
                block.kind == BlockKind.CROSS_REFERENCE
                and block.target_section_id not in live_sections
            ):
                problems.append(
                    Problem(
                        "cross_reference",
                        "A cross-reference points to a section that was deleted.",
                        "block",
                        block.id,
                    )
                )
            _check_markup(problems, block.text, "block", block.id, "A paragraph")
        for section in live_sections.values():
            for text in (section.opening, section.closing):
                _check_markup(problems, text, "section", section.id, "A section's text")
    return problems


def _check_markup(problems: list[Problem], text: str, kind: str, ident: str, where: str) -> None:
    try:
        notes = markup.footnotes(text)
    except MarkupError as exc:
        problems.append(Problem("markup", f"{where}: {exc}", kind, ident))
        return
    for note in notes:
        if not "".join(run.text for run in note.runs).strip():
            problems.append(Problem("footnote", f"{where} has an empty footnote.", kind, ident))
