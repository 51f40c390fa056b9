"""Preflight: what would embarrass the delegation if the contribution went out now.

It reads the same view of the project as the export (``app.core.contribution``),
so what it calls empty, a draft or a section with nothing to print is what
the export leaves out. :func:`check_view` needs no ORM (``rejoinder export``
runs it on a view read with :mod:`sqlite3` alone).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.core import i18n, markup
from app.core.contribution import ProjectView, build_contribution, read_project
from app.core.contribution.names import PartyName, fill
from app.core.errors import MarkupError
from app.core.fidelity import check_fidelity
from app.core.i18n import _
from app.core.kinds import AnchorMethod, BlockKind, Position

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    target_kind: str
    target_id: str


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _base(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0]


def _say(template: str, name: PartyName | None, view: ProjectView, **values: str) -> str:
    """``template`` (already translated) with the party's name put in by the sentence's rules.

    The article belongs to the project's language ("le Japon"): in a message in
    that language it contracts ("au Japon"); in another language only the bare
    name is used ("Japon"), never "to le Japon".
    """
    if name is None:
        name = PartyName("", "?")
    elif _base(i18n.language()) != _base(view.language):
        name = PartyName("", name.bare)
    return fill(template, name, i18n.language(), **values)


def check(store: ProjectStore, now: datetime | None = None) -> list[Problem]:
    """The problems of the project; ``now`` (default: the clock) dates the deadline check."""
    from app.core.deadline import system_clock

    view = read_project(store)
    problems = check_view(view)
    project = store.project()
    problems.extend(deadline_problems(view, project.id, project.deadline, now or system_clock()))
    problems.extend(shared_answer_problems(store))
    return problems


def deadline_problems(
    view: ProjectView, project_id: str, deadline: str, now: datetime
) -> list[Problem]:
    """Drafts still open when less than a day is left before the deadline (or it has passed)."""
    # Here, not at the top: check_view serves the export, which reads without SQLAlchemy.
    from app.core.deadline import Urgency, state, stored_deadline, summary

    current = state(stored_deadline(deadline), now)
    if current.urgency not in (Urgency.DAY, Urgency.HOUR, Urgency.PASSED):
        return []
    drafts = [p for p in view.passages if p.response is not None and p.response.draft]
    if not drafts:
        return []
    count = (
        _("{n} responses are still drafts.").format(n=len(drafts))
        if len(drafts) > 1
        else _("1 response is still a draft.")
    )
    return [Problem("deadline", f"{summary(current)} {count}", "project", project_id)]


def shared_answer_problems(store: ProjectStore) -> list[Problem]:
    """Answers shared by passages that now differ a lot (a revised version moved one)."""
    from app.core.services.shared_answers import differing_groups

    return [
        Problem(
            "shared_answer",
            _(
                "{n} passages share one answer but their quotes now differ a lot "
                "(similarity {similarity:.2f}): check that the answer fits each."
            ).format(n=len(group.passage_ids), similarity=group.similarity),
            "response" if group.response_id else "passage",
            group.response_id or group.owner_id,
        )
        for group in differing_groups(store)
    ]


def check_view(view: ProjectView) -> list[Problem]:
    """The problems of ``view``: passages first, then blocks, then sections."""
    problems: list[Problem] = []
    placed = {p.id for s in view.sections for b in s.blocks for p in b.passages}
    for p in view.passages:
        source = view.sources.get(p.source_id)
        name = source.name if source else None
        quote = _short(p.quote)
        passage = _say(_("{party}: “{quote}”"), name, view, quote=quote)
        if p.anchor_method == AnchorMethod.ORPHAN:
            problems.append(
                Problem(
                    "orphan",
                    _("{passage} is no longer found in the source's new version.").format(
                        passage=passage
                    ),
                    "passage",
                    p.id,
                )
            )
        elif p.anchor_method == AnchorMethod.FUZZY and not p.placement_confirmed:
            # Listed apart from quote edits: the words changed in the new version.
            problems.append(
                Problem(
                    "unconfirmed",
                    _(
                        "{passage} was placed on the source's new version by a fuzzy match "
                        "(score {score}): confirm the placement, re-attach the passage by hand "
                        "or keep it as an orphan."
                    ).format(passage=passage, score=p.anchor_score),
                    "passage",
                    p.id,
                )
            )
        else:
            for issue in check_fidelity(p.quote, p.exact):
                problems.append(Problem("fidelity", f"{passage}: {issue}", "passage", p.id))
        if p.id not in placed:
            problems.append(
                Problem(
                    "unplaced",
                    _("{passage} is not placed in any section.").format(passage=passage),
                    "passage",
                    p.id,
                )
            )
        response = p.response
        # A passage cited only to highlight it has a response without text whose
        # status was moved on from draft: that is a decision, not a gap.
        if response is None or (response.empty and response.draft):
            problems.append(
                Problem(
                    "unanswered",
                    _("{passage} has no response.").format(passage=passage),
                    "passage",
                    p.id,
                )
            )
            continue
        answer = _say(_("The response to {party}: “{quote}”"), name, view, quote=quote)
        if response.draft:
            problems.append(
                Problem(
                    "draft",
                    _("{response} is still a draft; it is left out of the export.").format(
                        response=answer
                    ),
                    "response",
                    response.id,
                )
            )
        if not response.empty and response.position == Position.UNSET:
            problems.append(
                Problem(
                    "no_position",
                    _("{response} has no position (agree, disagree, …).").format(response=answer),
                    "response",
                    response.id,
                )
            )
        _check_markup(problems, response.text, "response", response.id, answer)
    tree = build_contribution(view)
    empty = dict(tree.empty_sections)
    for section in view.sections:
        for block in section.blocks:
            if block.kind == BlockKind.CROSS_REFERENCE:
                target = view.section(block.target_section_id)
                if target is None:
                    problems.append(
                        Problem(
                            "cross_reference",
                            _(
                                "A cross-reference in “{heading}” points to a section "
                                "that was deleted."
                            ).format(heading=section.heading),
                            "block",
                            block.id,
                        )
                    )
                elif target.id in empty:
                    problems.append(
                        Problem(
                            "cross_reference",
                            _(
                                "A cross-reference in “{heading}” points to “{target}”, "
                                "which prints nothing."
                            ).format(heading=section.heading, target=target.heading),
                            "block",
                            block.id,
                        )
                    )
            _check_markup(problems, block.text, "block", block.id, _("A paragraph"))
        for text in (section.opening, section.closing):
            _check_markup(problems, text, "section", section.id, _("A section's text"))
    for section_id, heading in tree.empty_sections:
        problems.append(
            Problem(
                "empty_section",
                _("“{heading}” has nothing to print; it is left out of the export.").format(
                    heading=heading or "…"
                ),
                "section",
                section_id,
            )
        )
    return problems


def _check_markup(problems: list[Problem], text: str, kind: str, ident: str, where: str) -> None:
    try:
        notes = markup.footnotes(text)
    except MarkupError as exc:
        problems.append(Problem("markup", f"{where}: {exc}", kind, ident))
        return
    for note in notes:
        if not "".join(run.text for run in note.runs).strip():
            message = _("{where} has an empty footnote.").format(where=where)
            problems.append(Problem("footnote", message, kind, ident))
