"""Finding the spans of other sources that say what a passage says, best first.

Candidates come from the LSH band keys of the sentences the passage covers,
recomputed from their words and sought in the ``sentence_keys`` rows of their
buckets: the sentences sharing the most keys are counted in NumPy, leaving out
the versions not searched (the passage's own source, old versions), and only
the best :data:`CANDIDATES`
are read and scored against the passage's own sentences with rapidfuzz
(``cdist``, which gives up early on the many that score low). Neighbouring
matching sentences of one source join into one span. Only the current
version of each live source other than the passage's own is searched. A
match that overlaps a passage we already cited carries that passage and its
response (shared answers followed). On a 200-source, 20,000-page project a
look-up costs about 25 ms of CPU (bench/RESULTS.md).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.core import markup
from app.core.models import (
    Block,
    Passage,
    Response,
    Sentence,
    SentenceIndex,
    SentenceKeys,
    Source,
    SourceVersion,
)
from app.core.refs import resolve
from app.core.similar import sentences
from app.core.similar.index import ensure_index, missing_versions
from app.core.similar.scheme import BUCKET_BITS, SCHEME
from app.core.store import ProjectStore

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

# A sentence scoring less against every sentence of the passage is not shown. 0.8 is
# where precision and recall meet on the judged corpus (tests/core/similar/corpus.py).
MIN_SCORE = 0.8
MAX_KEYS = 256  # about 25 sentences' keys: all 256 buckets are read at most once
CANDIDATES = 100  # the most keys shared are scored (400 found no more on the corpus or bench)


@dataclass(frozen=True, slots=True)
class Match:
    score: float  # 0..1
    source_id: str
    source_label: str
    version_id: str
    start: int
    end: int
    text: str
    locator: str  # page label, paragraph number, or "-"
    passage_id: str | None = None  # a passage we cited that overlaps the span
    section_id: str | None = None  # where that passage is printed
    response_id: str | None = None
    response_status: str | None = None
    response_text: str = ""  # plain text


@dataclass(slots=True)
class _Hit:
    sentence_id: int
    version_id: str
    start: int
    end: int
    text: str
    score: float


def score(piece: str, candidate: str) -> float:
    """How alike a piece of the passage and a candidate sentence read, 0..1.

    rapidfuzz's normalised Indel similarity; a piece shorter than the
    candidate (a passage that cites part of a sentence) is compared with the
    best-matching part of the candidate instead (``partial_ratio``).
    """
    return scores([piece], [candidate])[0]


def scores(pieces: list[str], candidates: list[str]) -> list[float]:
    """:func:`score` of each candidate against its best piece, all at once (rapidfuzz's cdist).

    Scores under :data:`MIN_SCORE` come back as 0: rapidfuzz stops early on
    them, which is most of the work when hundreds of candidates are scored.
    """
    import numpy as np

    if not pieces or not candidates:
        return [0.0] * len(candidates)
    cutoff = MIN_SCORE * 100
    shorter = np.array([[len(p) < len(c) for c in candidates] for p in pieces])
    pieces, candidates = list(map(default_process, pieces)), list(map(default_process, candidates))
    best = process.cdist(pieces, candidates, scorer=fuzz.ratio, score_cutoff=cutoff).max(axis=0)
    if shorter.any():
        partial = process.cdist(pieces, candidates, scorer=fuzz.partial_ratio, score_cutoff=cutoff)
        best = np.maximum(best, np.where(shorter, partial, 0).max(axis=0))
    return [float(x) / 100.0 for x in best.tolist()]


def _current_versions(session: Session, except_source: str) -> dict[str, tuple[str, str]]:
    """version id → (source id, label) for the current version of every other live source."""
    best: dict[str, tuple[int, str, str]] = {}
    rows = session.execute(
        select(SourceVersion.id, SourceVersion.source_id, SourceVersion.version_no, Source.label)
        .join(Source, Source.id == SourceVersion.source_id)
        .where(Source.id != except_source)
    )
    for version_id, source_id, number, label in rows:
        if source_id not in best or number > best[source_id][0]:
            best[source_id] = (number, version_id, label)
    return {v: (s, label) for s, (_n, v, label) in best.items()}


def _keys_of(session: Session, passage: Passage) -> list[int]:
    """The band keys of the sentences the passage covers, recomputed from their words.

    The stored keys are kept by bucket, not by sentence, so they cannot be
    read back for a few sentences. The passage's few sentences are found in
    its version's range of sentence ids instead (one range of the primary
    key) and their MinHash computed again, which gives the very keys the
    index stored (same words, same scheme). A passage of a version not
    indexed yet uses its own text cut into sentences.
    """
    from app.core.similar import sketch

    texts: list[str] = []
    indexed = session.execute(
        select(SentenceIndex.first_id, SentenceIndex.sentences).where(
            SentenceIndex.version_id == passage.source_version_id
        )
    ).first()
    if passage.start is not None and passage.end is not None and indexed and indexed[1]:
        first, count = int(indexed[0]), int(indexed[1])
        texts = list(
            session.scalars(
                select(Sentence.text)
                .where(
                    Sentence.id.between(first, first + count - 1),
                    Sentence.end > passage.start,
                    Sentence.start < passage.end,
                )
                .order_by(Sentence.id)
            )
        )
    if not texts:
        texts = [s.text for s in sentences.split(passage.exact)] or [passage.exact]
    return [k for ks in sketch.band_keys([sentences.words(t) for t in texts]) for k in ks]


def _firsts(session: Session, versions: Collection[str]) -> dict[int, str]:
    """first sentence id → version id, for the indexed versions searched that have sentences."""
    rows = session.execute(
        select(SentenceIndex.first_id, SentenceIndex.version_id).where(
            SentenceIndex.version_id.in_(versions), SentenceIndex.sentences > 0
        )
    )
    return {int(first): version for first, version in rows}


def _shared_keys(session: Session, keys: list[int], firsts: Collection[int]) -> np.ndarray:
    """(sentence id, keys shared) of the sentences of the versions starting at ``firsts``.

    Only the ``sentence_keys`` rows of the keys' buckets are read (one range
    of the primary key each, every version's); the rows of versions not
    searched (the passage's own source, old versions) are left out by where
    their sentence ids start, and the keys are matched in NumPy.
    """
    import numpy as np

    from app.core.similar.build import bucket_range, first_of, unpack

    # A very long passage is sought by the keys of its first sentences (the best candidates
    # share many); more keys only read more buckets.
    wanted = list(dict.fromkeys(k & 0xFFFFFFFF for k in keys))[:MAX_KEYS]
    shift = 32 - BUCKET_BITS
    buckets = sorted({k >> shift for k in wanted})
    ranges = [SentenceKeys.id.between(*bucket_range(b)) for b in buckets]
    blobs: list[bytes] = []
    bases: list[int] = []
    sizes: list[int] = []
    rows = session.execute(select(SentenceKeys.id, SentenceKeys.keys).where(or_(*ranges)))
    for row_id, blob in rows:
        first = first_of(row_id)
        if first in firsts:
            blobs.append(blob)
            bases.append(first)
            sizes.append(len(blob) // 8)
    found_keys, offsets = unpack(b"".join(blobs))
    base = np.repeat(np.asarray(bases, dtype=np.uint64), sizes)
    hit = np.isin(found_keys, np.asarray(wanted, dtype=np.uint64))
    ids, shared = np.unique((base[hit] + offsets[hit]).astype(np.int64), return_counts=True)
    return np.stack((ids, shared), axis=1)


def _candidates(session: Session, keys: list[int], versions: Collection[str]) -> list[_Hit]:
    """The sentences of ``versions`` sharing the most band keys with ``keys`` (at most CANDIDATES).

    The keys are counted on ``sentence_keys`` alone (a frequent key can match
    tens of thousands of sentences); only the best candidates' sentences are
    then read.
    """
    if not keys or not versions:
        return []
    firsts = _firsts(session, versions)
    if not firsts:
        return []
    counted = _shared_keys(session, keys, firsts)
    import numpy as np

    best = counted[np.lexsort((counted[:, 0], -counted[:, 1]))][:CANDIDATES]
    rank = {int(i): n for n, i in enumerate(best[:, 0].tolist())}
    rows = session.execute(
        select(Sentence.id, Sentence.version_id, Sentence.start, Sentence.end, Sentence.text).where(
            Sentence.id.in_(rank), Sentence.version_id.in_(versions)
        )
    )
    hits = [_Hit(i, v, s, e, " ".join(t.split()), 0.0) for i, v, s, e, t in rows]
    hits.sort(key=lambda hit: rank[hit.sentence_id])
    return hits


def _join(hits: list[_Hit]) -> list[_Hit]:
    """Neighbouring sentences of one version become one span (score weighted by length)."""
    spans: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: h.sentence_id):
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.version_id == hit.version_id
            and hit.sentence_id == last.sentence_id + 1
        ):
            a, b = len(last.text), len(hit.text)
            last.score = (last.score * a + hit.score * b) / (a + b)
            last.text = f"{last.text} {hit.text}"
            last.end = hit.end
            last.sentence_id = hit.sentence_id
        else:
            spans.append(
                _Hit(hit.sentence_id, hit.version_id, hit.start, hit.end, hit.text, hit.score)
            )
    return spans


def _at(rows: list[dict[str, object]], at: int, field: str) -> str:
    for row in rows:
        if int(row["start"]) <= at < int(row["end"]) and row.get(field):  # type: ignore[call-overload]
            return "".join(str(row[field]).split())
    return ""


def _locators(session: Session, spans: list[_Hit]) -> list[str]:
    """Each span's page label, else its paragraph number, else "-".

    The paragraphs (thousands for a long report) are read and parsed only for
    the versions whose pages carry no label there.
    """
    pages = {
        v: json.loads(p or "[]")
        for v, p in session.execute(
            select(SourceVersion.id, SourceVersion.pages).where(
                SourceVersion.id.in_({s.version_id for s in spans})
            )
        )
    }
    found = [_at(pages.get(s.version_id, []), s.start, "label") for s in spans]
    wanted = {s.version_id for s, label in zip(spans, found, strict=True) if not label}
    if wanted:
        paragraphs = {
            v: json.loads(q or "[]")
            for v, q in session.execute(
                select(SourceVersion.id, SourceVersion.paragraphs).where(
                    SourceVersion.id.in_(wanted)
                )
            )
        }
        found = [
            label or _at(paragraphs.get(s.version_id, []), s.start, "number")
            for s, label in zip(spans, found, strict=True)
        ]
    return [label or "-" for label in found]


_Cited = tuple[str | None, str | None, Response | None]


def _cited(session: Session, spans: list[_Hit]) -> dict[int, _Cited]:
    """For each span (by index): the passage overlapping it, its section and its response."""
    versions = {s.version_id for s in spans}
    rows = session.execute(
        select(Passage, Block.section_id, Response)
        .outerjoin(Block, Block.id == Passage.block_id)
        .outerjoin(
            Response,
            Response.passage_id == func.coalesce(Passage.same_as_id, Passage.id),
        )
        .where(Passage.source_version_id.in_(versions))
    )
    found: dict[int, _Cited] = {}
    for passage, section_id, response in rows:
        if passage.start is None or passage.end is None:
            continue
        for i, span in enumerate(spans):
            if (
                i not in found
                and span.version_id == passage.source_version_id
                and passage.start < span.end
                and span.start < passage.end
            ):
                found[i] = (passage.id, section_id, response)
    return found


def similar_to_passage(
    store: ProjectStore, passage_ref: str, limit: int = 10, *, build: bool = True
) -> list[Match]:
    """The spans of other sources most like the passage, best first (at most ``limit``).

    ``build`` first indexes the versions the index lacks (see
    :func:`~app.core.similar.index.ensure_index`).
    """
    with store.session() as session:
        passage = resolve(session, Passage, passage_ref)  # bad input changes nothing
        if build and not store.read_only and missing_versions(session, SCHEME):
            session.close()
            ensure_index(store)
            passage = resolve(session, Passage, passage.id)
        versions = _current_versions(session, passage.source_id)
        hits = _candidates(session, _keys_of(session, passage), list(versions))
        pieces = [" ".join(s.text.split()) for s in sentences.split(passage.exact)] or [
            " ".join(passage.exact.split())
        ]
        for hit, found in zip(hits, scores(pieces, [h.text for h in hits]), strict=True):
            hit.score = found
        spans = _join([h for h in hits if h.score >= MIN_SCORE])
        spans.sort(key=lambda h: (-h.score, h.version_id, h.start))
        spans = spans[: max(0, limit)]
        locators = _locators(session, spans)
        cited = _cited(session, spans) if spans else {}
        matches = []
        for i, span in enumerate(spans):
            source_id, label = versions[span.version_id]
            cited_id, section_id, response = cited.get(i, (None, None, None))
            matches.append(
                Match(
                    score=round(span.score, 3),
                    source_id=source_id,
                    source_label=label,
                    version_id=span.version_id,
                    start=span.start,
                    end=span.end,
                    text=span.text,
                    locator=locators[i],
                    passage_id=cited_id,
                    section_id=section_id,
                    response_id=response.id if response is not None else None,
                    response_status=response.status if response is not None else None,
                    response_text=markup.plain_text(response.text) if response is not None else "",
                )
            )
        return matches
