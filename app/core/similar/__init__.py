"""Similar passages across every source: a near-duplicate index of sentences.

``sentences`` cuts a text into sentences, ``sketch`` turns them into LSH band
keys (datasketch's MinHash), ``prepare`` does both for a whole version in one
pass (in two processes when the PDF reader has an idle worker), ``build``
stores a new version's, ``index`` keeps
the project's index in step with its source versions, ``lookup`` finds and
scores the spans like a passage (rapidfuzz). No Qt here, and no services:
what a delegate does with a match (cite it, answer it alike) is
``app.core.services.matches``, as an import indexes its version from the
services.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

# NumPy's OpenBLAS starts a thread per core when NumPy is imported, and each
# spins for about a tenth of a second before it sleeps. Nothing here uses
# BLAS (the index hashes integers), and on a 2-core laptop the spinning
# thread took a core from the PDF reader's worker for the first pages: the
# import command was 30 ms slower. Set before any module of this package
# imports NumPy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if TYPE_CHECKING:
    from app.core.similar.index import ensure_index, index_version
    from app.core.similar.lookup import Match, similar_to_passage

__all__ = ["Match", "ensure_index", "index_version", "prepare_index", "similar_to_passage"]

logger = logging.getLogger(__name__)

# Imported when first asked for, so that importing ``sentences``, ``sketch`` or
# ``build`` (an import that stores without the ORM) does not load SQLAlchemy.
_LAZY = {
    "Match": "lookup",
    "similar_to_passage": "lookup",
    "ensure_index": "index",
    "index_version": "index",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)


def prepare_index(text: str, paragraphs: list[tuple[int, int]], offload: Any = None) -> Any:
    """The sentences and band keys of ``text`` before it is stored (``ImportOptions.prepare``).

    NumPy is imported here, not when the caller names this function.
    """
    from app.core.similar.prepare import prepare

    return prepare(text, paragraphs, offload)
