"""From the project's view to the contribution tree the renderers print.

The decisions a secretariat would notice are taken here, once:

- a quote prints only with its comment; a passage answered with a status
  and no text prints as a highlight ("We highlight this part of the
  paper:"); an excluded draft takes its quote along and is counted as left
  out, with the reason;
- a block's lead-in follows what it holds: commented passages under "We cite
  the following portions…", highlights under "We highlight…"; a lead-in
  switched off prints nothing, one left "" uses the phrasebook;
- a cross-reference is the phrasebook's sentence (or the user's own, where
  ``{party}`` stands for the name) with the target party's name, never the
  target's custom heading;
- a section with nothing to print is not printed, and is listed.
"""

from __future__ import annotations

import logging
import re
import weakref

from app.core.contribution.model import (
    Block as TreeBlock,
)
from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    CrossReferenceBlock,
    LeftOut,
    LeftOutReason,
    ListBlock,
    NoteItem,
    ParagraphBlock,
    Quote,
    SectionKind,
    SectionNode,
)
from app.core.contribution.names import PartyName, fill, long_date, phrase
from app.core.contribution.view import (
    BlockView,
    Fate,
    PassageView,
    ProjectView,
    SectionView,
    is_empty_markup,
)
from app.core.kinds import STATUS_NOTE_PREFIX, BlockKind
from app.core.markup import escape
from app.core.phrasebook import Phrasebook

logger = logging.getLogger(__name__)

_REASONS = {Fate.DRAFT: LeftOutReason.DRAFT, Fate.UNANSWERED: LeftOutReason.UNANSWERED}


class _Builder:
    def __init__(self, view: ProjectView, include_drafts: bool, review_copy: bool) -> None:
        self.view = view
        self.include_drafts = include_drafts
        self.review_copy = review_copy
        self.left_out: list[LeftOut] = []
        self.section_of = {p.id: s for s in view.sections for b in s.blocks for p in b.passages}

    def notes(self, target_id: str) -> tuple[NoteItem, ...]:
        if not self.review_copy:
            return ()
        return tuple(
            NoteItem(note_id, author, created, localised_note(text, self.view.phrases))
            for note_id, author, created, text in self.view.notes.get(target_id, ())
        )

    def quote(self, passage: PassageView) -> Quote:
        source = self.view.sources.get(passage.source_id)
        return Quote(
            passage_id=passage.id,
            text=passage.quote,
            party=source.name.bare if source is not None else "",
            page_label=passage.page_label,
            paragraph_number=passage.paragraph_number,
            notes=self.notes(passage.id),
            language=source.language if source is not None else "",
        )

    def comment(self, passage: PassageView, section: SectionView | None = None) -> Comment | None:
        response = passage.response
        if response is None or response.empty:
            return None
        return Comment(
            response_id=response.id,
            markup=self.shared_reference(passage, section) or response.text,
            position=response.position,
            status=response.status,
            author=response.author,
            proposed_change=response.proposed_change,
            draft=response.draft,
            notes=self.notes(response.id),
            comment_type=response.comment_type,
        )

    def shared_reference(self, passage: PassageView, section: SectionView | None) -> str | None:
        """A shared answer, in a section set to say so: the phrasebook's cross-reference.

        It names the section where the passage that owns the answer is printed
        ("We refer to our comments above on the contribution from Japan.").
        """
        if passage.same_as_id is None or section is None or not section.shared_as_reference:
            return None
        first = self.section_of.get(passage.same_as_id)
        if first is None or first.id == section.id:
            return None
        return escape(referring_sentence(self.view, section.id, first))

    def citations(self, block: BlockView) -> list[CitationsBlock]:
        phrases = self.view.phrases
        commented: list[Citation] = []
        highlights: list[Citation] = []
        for passage in block.passages:
            fate = passage.fate(self.include_drafts)
            if fate in _REASONS:
                self.left_out.append(LeftOut(passage.id, _REASONS[fate]))
            elif fate is Fate.HIGHLIGHT:
                highlights.append(Citation(self.quote(passage)))
            else:
                section = self.view.section(block.section_id)
                commented.append(Citation(self.quote(passage), self.comment(passage, section)))
        made: list[CitationsBlock] = []
        own_lead_in = block.lead_in
        if commented:
            made.append(
                CitationsBlock(
                    block_id=block.id,
                    lead_in=_lead_in(own_lead_in, phrases.text("cite_portions")),
                    comments_lead_in=_lead_in(
                        block.comments_lead_in, phrases.text("comment_statements")
                    ),
                    citations=tuple(commented),
                    numbered=block.numbered,
                )
            )
            own_lead_in = ""
        if highlights:
            key = "highlight_this_part" if len(highlights) == 1 else "highlight_parts"
            made.append(
                CitationsBlock(
                    block_id=block.id + (":highlights" if made else ""),
                    lead_in=_lead_in(own_lead_in, phrases.text(key)),
                    comments_lead_in="",
                    citations=tuple(highlights),
                    numbered=block.numbered and len(highlights) > 1,
                )
            )
        return made

    def cross_reference(self, block: BlockView, printed: set[str]) -> CrossReferenceBlock | None:
        target = self.view.section(block.target_section_id)
        if target is None or target.id not in printed:
            return None
        return CrossReferenceBlock(
            block.id, cross_reference_text(self.view, block, target), target.id
        )

    def blocks(self, section: SectionView, printed: set[str]) -> list[TreeBlock]:
        made: list[TreeBlock] = []
        for block in section.blocks:
            if block.kind == BlockKind.PARAGRAPH:
                if not is_empty_markup(block.text):
                    made.append(ParagraphBlock(block.id, block.text))
            elif block.kind == BlockKind.LIST:
                items = tuple(line for line in block.text.split("\n") if not is_empty_markup(line))
                if items:
                    made.append(ListBlock(block.id, items, numbered=block.numbered))
            elif block.kind == BlockKind.CROSS_REFERENCE:
                reference = self.cross_reference(block, printed)
                if reference is not None:
                    made.append(reference)
            else:
                made.extend(self.citations(block))
        return made


_STATUS_CHANGE = re.compile(
    re.escape(STATUS_NOTE_PREFIX) + r"(\w+) to (\w+)(?:: (.*)|\.)\Z", re.DOTALL
)


def localised_note(text: str, phrases: Phrasebook) -> str:
    """A note in the contribution's language where the app wrote it ("Status changed …").

    The workflow records status changes as English notes; a French review
    copy prints them in French, with the statuses' French names. A note a
    person wrote is printed as written.
    """
    match = _STATUS_CHANGE.match(text)
    if match is None:
        return text
    old, new, reason = match.groups()

    def status(value: str) -> str:
        key = f"status_{value}"
        return phrases.text(key) if key in phrases else value

    if reason is None:
        return phrases.text("note_status_changed", old=status(old), new=status(new))
    return phrases.text(
        "note_status_changed_reason", old=status(old), new=status(new), reason=reason
    )


def _lead_in(own: str | None, default: str) -> str:
    """None: no lead-in; "": the phrasebook's sentence; otherwise the user's own."""
    if own is None:
        return ""
    return own if own.strip() else escape(default)


def referring_sentence(view: ProjectView, from_section_id: str, target: SectionView) -> str:
    """The phrasebook's "We refer to our comments above/below on …" from one section to another.

    "Above" only when the target prints before the section that refers to it:
    a preliminary remark pointing to a party's section further on says "below".
    """
    order = [s.id for s in view.sections]
    below = (
        from_section_id in order
        and target.id in order
        and order.index(target.id) > order.index(from_section_id)
    )
    where = "below" if below else "above"
    phrases = view.phrases
    name = view.party(target.source_id) if target.kind == SectionKind.PARTY else None
    if name is None:
        return phrase(phrases, f"refer_{where}_topic", title=target.heading)
    return phrase(phrases, f"refer_{where}", name)


def cross_reference_text(view: ProjectView, block: BlockView, target: SectionView) -> str:
    """The sentence a cross-reference prints (markup).

    Without words of its own it is the phrasebook's "We refer to our comments
    above on the contribution from {party}." (a topic section: "… under
    “{title}”."). Words of its own with ``{party}`` are that sentence with the
    name contracted; older words without it read before + name + after.
    """
    name = view.party(target.source_id) if target.kind == SectionKind.PARTY else None
    if not block.text.strip() and not block.after_text.strip():
        return escape(referring_sentence(view, block.section_id, target))
    if "{party}" in block.text:
        if name is None:
            return block.text.replace("{party}", escape(target.heading))
        return fill(block.text, PartyName(name.article, escape(name.bare)), view.language)
    label = name.full if name is not None else target.heading
    return block.text + escape(label) + block.after_text


def _prints(section: SectionView, blocks: list[TreeBlock]) -> bool:
    return (
        bool(blocks) or not is_empty_markup(section.opening) or not is_empty_markup(section.closing)
    )


def build_contribution(
    view: ProjectView, *, include_drafts: bool = False, review_copy: bool = False
) -> Contribution:
    """The tree of ``view``: sections that print, in order, and what was left out.

    The same view and choices give the same tree: the last two trees are kept
    (the command line's preflight and its export build the one it prints).
    """
    key = (include_drafts, review_copy)
    for ref, made_for, tree in _RECENT:
        if ref() is view and made_for == key:
            return tree
    tree = _build(view, include_drafts, review_copy)
    _RECENT[:] = [(weakref.ref(view), key, tree), *_RECENT[:1]]
    return tree


_RECENT: list[tuple[weakref.ref[ProjectView], tuple[bool, bool], Contribution]] = []


def _build(view: ProjectView, include_drafts: bool, review_copy: bool) -> Contribution:
    # Cross-references need to know which sections print; a section holding
    # only a cross-reference to an empty one would print nothing, so settle
    # the set first without cross-references, then with them. The blocks of a
    # round are those of the next when the set did not change (usually: it is
    # the same set from the first round on), so a round is built only when it
    # can differ; a builder's blocks depend only on the view, the choices and
    # that set.
    printed = {s.id for s in view.sections}
    builder = _Builder(view, include_drafts, review_copy)
    made = {s.id: builder.blocks(s, printed) for s in view.sections}
    for _ in range(2):
        settled = {s.id for s in view.sections if _prints(s, made[s.id])}
        if settled == printed:
            break
        printed = settled
        builder = _Builder(view, include_drafts, review_copy)
        made = {s.id: builder.blocks(s, printed) for s in view.sections}
    nodes: list[SectionNode] = []
    empty: list[tuple[str, str]] = []
    for section in view.sections:
        blocks = made[section.id]
        name = view.party(section.source_id)
        if section.id not in printed or not _prints(section, blocks):
            empty.append((section.id, section.heading))
            continue
        nodes.append(
            SectionNode(
                section_id=section.id,
                heading=section.heading,
                kind=SectionKind(section.kind),
                blocks=tuple(blocks),
                party=name.bare if name is not None else None,
                opening=section.opening,
                closing=section.closing,
            )
        )
    placed = {p.id for s in view.sections for b in s.blocks for p in b.passages}
    unplaced = tuple(
        LeftOut(p.id, LeftOutReason.UNPLACED) for p in view.passages if p.id not in placed
    )
    return Contribution(
        title=view.title,
        organisation=view.organisation,
        sections=tuple(nodes),
        meeting=view.meeting,
        date=long_date(view.date, view.phrases) if view.date else "",
        language=view.language,
        include_drafts=include_drafts,
        review_copy=review_copy,
        left_out=tuple(builder.left_out) + unplaced,
        empty_sections=tuple(empty),
    )
