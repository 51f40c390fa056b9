"""The APIG comments on WGEC contributions (2017), typed into a contribution tree.

Texts follow ``tests/fixtures/samples/apig-wgec-2017-comments.txt``; the own topic sections
before the party sections are shortened but keep their footnotes, so that the
footnote on "Consensus" is the 11th, as in the original.
"""

from __future__ import annotations

import uuid

from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    CrossReferenceBlock,
    ListBlock,
    NoteItem,
    ParagraphBlock,
    Quote,
    SectionKind,
    SectionNode,
)

_NS = uuid.UUID("6f1c3c1e-93a2-4a53-8d1b-1f5a3c2b7e10")
CITE = "We cite the following portions of this paper:"
COMMENT_ON = "We comment on these statements as follows:"
REFER_EU = "We refer to our comments above on the contribution from "


def uid(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


def link(url: str) -> str:
    return f'<a href="{url}">{url}</a>'


def fn_link(url: str, before: str = "") -> str:
    return f"<fn>{before}{link(url)}</fn>"


def cite(
    party: str, key: str, quotes: list[str], comments: list[str | None], **kw: object
) -> CitationsBlock:
    citations = []
    for i, text in enumerate(quotes):
        markup = comments[i] if i < len(comments) else None
        comment = (
            None
            if markup is None
            else Comment(uid(f"{key}-r{i}"), markup, "disagree", "agreed", "Richard Hill")
        )
        citations.append(Citation(Quote(uid(f"{key}-p{i}"), text, party), comment))
    lead_in = str(kw.get("lead_in", CITE))
    comments_lead_in = str(kw.get("comments_lead_in", COMMENT_ON))
    numbered = bool(kw.get("numbered", True))
    return CitationsBlock(uid(key), lead_in, comments_lead_in, tuple(citations), numbered)


def party(
    name: str, *blocks: object, opening: str = "", closing: str = "", heading: str = ""
) -> SectionNode:
    return SectionNode(
        uid(name),
        heading or f"Contribution from {name}",
        SectionKind.PARTY,
        tuple(blocks),  # type: ignore[arg-type]
        party=name,
        opening=opening,
        closing=closing,
    )


def topic(name: str, *paragraphs: str) -> SectionNode:
    blocks = tuple(ParagraphBlock(uid(f"{name}{i}"), p) for i, p in enumerate(paragraphs))
    return SectionNode(uid(name), name, SectionKind.TOPIC, blocks)


CONSENSUS_NOTE = (
    "We reproduce the ISO definition of “consensus”, from ISO/IEC Directives, Part 1: "
    "“General agreement, characterized by the absence of sustained opposition to substantial "
    "issues by any important part of the concerned interests and by a process that involves "
    "seeking to take into account the view of all parties concerned and to reconcile any "
    "conflicting arguments. Consensus need not imply unanimity.”"
)

TOPICS = (
    topic(
        "Preliminary remark",
        "Association for Proper Internet Governance" + fn_link("http://www.apig.ch"),
        "There is general agreement that Brexit and the election of US President Trump were "
        "driven by dissatisfaction with the results of globalization, that is, unequal "
        "distribution of the benefits. Or, in other words, we strove to increase efficiency but "
        "forgot to maintain equity"
        + fn_link(
            "http://www.other-news.info/2017/02/our-collective-failure-to-reverse-inequality-is-at-the-heart-of-a-global-malaise-2/"
        )
        + ". As The Economist Intelligence Unit puts the matter"
        + fn_link(
            "http://pages.eiu.com/rs/783-XMC-194/images/Democracy_Index_2016.pdf",
            "Democracy Index 2016, The Economist Business Intelligence Unit, page 14, at: ",
        )
        + ":",
        "According to Oxfam"
        + fn_link(
            "https://www.oxfam.org/en/pressroom/pressreleases/2017-01-16/just-8-men-own-same-wealth-half-world"
        )
        + ", eight men own as much wealth as the poorest 50% of the world’s population. Of those "
        "eight"
        + fn_link("http://www.forbes.com/billionaires/list/#version:static")
        + " men, five are in ICT industries: Gates, Slim, Bezos, Zuckerberg and Ellison.",
        "We offer additional recommendations in this paper. <u>These new recommendations are "
        "underlined in this paper.</u>",
    ),
    topic(
        "Privacy",
        "Its section 14 reads: “Privacy Act. Agencies shall, to the extent consistent with "
        "applicable law, ensure that their privacy policies exclude persons who are not United "
        "States citizens or lawful permanent residents from the protections of the Privacy Act "
        "regarding personally identifiable information.”"
        + fn_link(
            "https://www.whitehouse.gov/the-press-office/2017/01/25/presidential-executive-order-enhancing-public-safety-interior-united"
        ),
        "It appears to us that this decision and questions"
        + fn_link(
            "http://www.sophieintveld.eu/letter-to-eu-commission-what-impact-has-trump-decisions-on-privacy-shield-and-umbrella-agreement/",
            "See for example: ",
        )
        + " related to its impact highlight the need to reach international agreement on the "
        "protection of personal data.",
        "(“... intelligence and law enforcement agencies ... routinely monitor the "
        "communications of [certain] diplomats”"
        + fn_link(
            "https://www.washingtonpost.com/world/national-security/national-security-adviser-flynn-discussed-sanctions-with-russian-ambassador-despite-denials-officials-say/2017/02/09/f85b29d6-ee11-11e6-b4ff-ac2cf509efe5_story.html"
        )
        + "). Surely there is a need to agree at the international level on an appropriate "
        "level of privacy protection for communications.",
    ),
)

ICANN = SectionNode(
    uid("ICANN jurisdiction"),
    "ICANN jurisdiction",
    SectionKind.TOPIC,
    (
        ParagraphBlock(
            uid("icann0"),
            "Consequently, we recommend that ICANN consider taking the following actions:",
        ),
        ListBlock(
            uid("icann-list"),
            (
                "Request a general OFAC waiver from the U.S. Commerce Department",
                "Contractually oblige registrars to investigate the possibility of receiving an "
                "OFAC license for providing services to sanctioned countries",
                "Prohibit registrars from arbitrarily cancelling domain names without notice",
                "Take any other actions which may alleviate the problem",
            ),
        ),
    ),
)

WTO_REC = (
    "<u>Consequently, we recommend that Internet governance matters not be discussed in WTO "
    "and related multi-party trade negotiations.</u>"
)

PARTIES = (
    party(
        "Parminder Jeet Singh",
        opening="We support this paper. An alternative to creating a new body could be to "
        "create a new sector within ITU.",
    ),
    party(
        "Anriette Esterhuisen",
        cite(
            "Anriette Esterhuisen",
            "anriette",
            [
                "For a next phase we recommend looking at specific areas of policymaking and "
                "identifying where there are gaps in cooperation that need to be addressed, and "
                "proposing concrete ways forward rather than considering approaches to internet "
                "governance in the abstract.\nAccess to information.\nWe suggest that WGEC makes "
                "recommendations pertaining the social and economic issues as well as technical "
                "issues. We also recommend that WGEC makes recommendations to all stakeholders."
            ],
            [],
            lead_in="We support this paper, and wish to stress the following portions of the "
            "paper:",
            numbered=False,
        ),
        ParagraphBlock(
            uid("anriette-wto"),
            "We note that the World Trade Organization (WTO), and the multi-party negotiations "
            "that take place within WTO, such as TPP, TIPP, and TISA"
            + fn_link(
                "http://www.theecologist.org/News/news_analysis/2988629/tpp_and_ttip_are_not_dead_now_theyre_called_the_trade_in_services_agreement.html",
                "For a discussion of TISA and its relation to TPP and TIPP, see: ",
            )
            + ", do not provide access to information"
            + fn_link(
                "http://www.gp-digital.org/series/advocacy-bytes/the-trans-pacific-partnership-tpp/",
                "For a discussion of the lack of transparency of TPP negotiations, see: ",
            )
            + ".",
        ),
        ParagraphBlock(uid("anriette-rec"), WTO_REC),
    ),
    party(
        "European Union",
        cite(
            "European Union",
            "eu",
            [
                "Consider how best to build cooperation on emerging topics, particularly new "
                "issues presented by newly emerging technology, in a way which allows all "
                "stakeholders to participate."
            ],
            [],
            lead_in="We highlight this recommendation, which we support:",
            numbered=False,
        ),
        opening="We support the criteria proposed for enhanced cooperation.\nWe note that the "
        "World Trade Organization (WTO), and the multi-party negotiations that take place "
        "within WTO, such as TPP, TIPP, and TISA, are not participatory and inclusive, nor are "
        "they transparent.\n" + WTO_REC,
    ),
    party("UNESCWA", opening="We support this paper."),
    party(
        "Nick Aston Hart",
        cite(
            "Nick Aston Hart",
            "nah",
            [
                "We should prioritise spending time developing recommendations that will have a "
                "direct positive impact in the lives of others.",
                "We could make clear that the Internet will work better for everyone if national "
                "legal frameworks in certain areas are interoperable with those of other "
                "countries.",
                "Focus on recommendations that relate to what is communicated, and avoid those "
                "related to the network as a shared platform",
                "The working group should agree that the publicly-accessible Internet is two "
                "separate things for the purposes of our work.",
            ],
            [
                "Agreed.",
                "Agreed. Consequently, we need more international instruments: soft laws, model "
                "laws, and treaties.",
                "We disagree. In our view the distinction between governance “of the net” versus "
                "“on the net” is not useful. We prefer to consider specific recommendations "
                "without prejudging in what category they fall.",
                "We disagree, see (3) above.",
            ],
            lead_in="We highlight the following parts of the paper:",
            comments_lead_in="We comment on these points as follows:",
        ),
        opening="We agree that WGEC should not try to agree on what “enhanced cooperation” is.",
        closing="We do not agree with the Annex to this paper.",
    ),
    party(
        "Japan",
        cite(
            "Japan",
            "japan",
            [
                "… enhanced cooperation should have the characteristics of transparency, "
                "accountability and the engagement of all stakeholders.",
                "We think enhanced cooperation has been implemented to a substantial extent.",
                "As we know, IANA transition has been successfully accomplished at the end of "
                "this September. We support this progressas an ideal one, since it aims to enable "
                "governments, on an equal footing, to carry out their roles and responsibilities "
                "in international public policy issues pertaining to the Internet.",
            ],
            [
                "We agree. As noted above, this implies that Internet governance discussions "
                "should not take place in WTO or in related multi-party forums such as TPP, TIPP, "
                "and TISA.",
                "We disagree. The issues that we face today are exactly the same as the issues "
                "identified in the Tunis Agenda. In our view no real progress has been made and "
                "in some areas, such as security and privacy, the situation is actually worse "
                "than it was in 2005.",
                "We strongly disagree, for the reasons given in our paper “Enhanced Cooperation”.",
            ],
        ),
    ),
    party(
        "Hungary",
        CrossReferenceBlock(
            uid("hu-x"),
            "See our comments above on the contribution from the European Union.",
            uid("European Union"),
        ),
    ),
    party(
        "Mexico",
        cite(
            "Mexico",
            "mexico",
            [
                "IANA transition and IGF as examples of enhanced cooperation",
                "Characteristics of Enhanced Cooperation: Consensus-based",
            ],
            [
                "We strongly disagree, for the reasons given in our paper “Enhanced Cooperation”.",
                "Consensus<fn>" + CONSENSUS_NOTE + "</fn> is NOT unanimity. There is a need for "
                "methods to make decisions absent full agreement.\nConsensus is not used for "
                "normative/regulatory decisions, whether at national level or international level.",
            ],
            comments_lead_in="We refer to our comments above on the contribution from the "
            "European Union and offer the following specific comments regarding the portions "
            "cited above:",
        ),
    ),
    party(
        "USA",
        CrossReferenceBlock(
            uid("usa-x"), REFER_EU + "the European Union and the UK.", uid("European Union")
        ),
        cite(
            "USA",
            "usa",
            [
                "Enhanced cooperation … is not, in theory or practice, a platform for developing "
                "or debating Internet public policies.",
                "WGEC should NOT consider …",
                "[No] recommendations that could undermine the voluntary, bottom-up nature of "
                "Internet governance",
            ],
            [
                "We disagree. WGEG should identify gaps and recommend methods to address them.",
                "We strongly disagree. We cannot place limits on WGEC recommendations.",
                "It is not correct that, at present, Internet governance is entirely voluntary "
                "and bottom-up.\nIn a nutshell, it appears to us that the US contribution is "
                "calling for WGEG not to envisage any changes to the status quo. We note a recent "
                "decision"
                + fn_link("https://www.scribd.com/document/338345617/DA-17-128A1-2")
                + " of the US FCC and its decision"
                + fn_link(
                    "http://transition.fcc.gov/Daily_Releases/Daily_Business/2017/db0203/DA-17-127A1.pdf"
                )
                + " and the US Executive Order"
                + fn_link(
                    "https://www.whitehouse.gov/the-press-office/2017/01/25/presidential-executive-order-enhancing-public-safety-interior-united"
                )
                + " mentioned above.",
            ],
            lead_in="In addition, we cite the following portions of the paper:",
            comments_lead_in="We comment on these portions of the paper as follows:",
        ),
    ),
    party(
        "Centre for Internet and Society (CIS)",
        cite(
            "Centre for Internet and Society (CIS)",
            "cis",
            [
                "In other words, the real utility of the multi-stakeholder model is "
                "self-regulation by the private sector.",
                "Besides the government, it is the private sector that has the greatest capacity "
                "for harm and therefore is in urgent need of regulation.",
            ],
            [
                "We disagree. While industry self-regulation can work in certain specific "
                "circumstances, it is not a viable general approach.",
                "We agree, to the extent that there are market failures and natural monopolies.",
            ],
            lead_in="We cite specific portions below:",
            comments_lead_in="We offer the following comments on the cited portions:",
        ),
        opening="We generally support this contribution, with some comments on specific portions.",
    ),
    party(
        "DENIC", opening="We support part 1 of this paper. We disagree with the rest of the paper."
    ),
)


def apig_contribution(**overrides: object) -> Contribution:
    fields: dict[str, object] = {
        "title": "Comments on contributions to WGEC",
        "organisation": "Association for Proper Internet Governance",
        "sections": (*TOPICS, ICANN, *PARTIES),
        "meeting": "CSTD WGEC, second meeting",
        "date": "2017-01-26",
    }
    fields.update(overrides)
    return Contribution(**fields)  # type: ignore[arg-type]


def with_notes() -> Contribution:
    """The sample with one note on a Japan quote, for the review copy."""
    japan = next(s for s in PARTIES if s.party == "Japan")
    block = japan.blocks[0]
    assert isinstance(block, CitationsBlock)
    first = block.citations[0]
    note = NoteItem(uid("note1"), "Anna Meier", "2017-01-20", "Check the Japanese original.")
    quote = Quote(first.quote.passage_id, first.quote.text, "Japan", notes=(note,))
    new_block = CitationsBlock(
        block.block_id,
        block.lead_in,
        block.comments_lead_in,
        (Citation(quote, first.comment), *block.citations[1:]),
    )
    new_japan = SectionNode(
        japan.section_id, japan.heading, japan.kind, (new_block,), party="Japan"
    )
    parties = tuple(new_japan if s is japan else s for s in PARTIES)
    return apig_contribution(sections=(*TOPICS, ICANN, *parties), review_copy=True)
