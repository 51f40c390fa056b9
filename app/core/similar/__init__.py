"""Similar passages across every source: a near-duplicate index of sentences.

``sentences`` cuts a text into sentences, ``sketch`` turns one into LSH band
keys (datasketch's MinHash), ``index`` keeps the project's index in step with
its source versions, ``lookup`` finds and scores the spans like a passage
(rapidfuzz). No Qt here, and no services: what a delegate does with a match
(cite it, answer it alike) is ``app.core.services.matches``, as an import
indexes its version from the services.
"""

from app.core.similar.index import ensure_index, index_version
from app.core.similar.lookup import Match, similar_to_passage

__all__ = ["Match", "ensure_index", "index_version", "similar_to_passage"]
