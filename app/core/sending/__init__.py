"""What we sent, and what changed since: final exports and their differences.

A delegation sends its contribution, then keeps working: a colleague fixes a
comment, a party's Rev.1 brings a new passage. The secretariat then wants a
revised document ("Rev.1") that says what changed. A final export records
what went out (:mod:`.record`: time, member, the file's sha256 and the state
of every passage and response); :mod:`.diff` compares that record with the
project now; :mod:`.revised` turns the contribution tree into its "Rev.N"
with the list of changes.
"""

from __future__ import annotations

from app.core.sending.diff import Change, ChangeKind, changed_passages, changes_since
from app.core.sending.record import (
    PassageState,
    SentInfo,
    last_sent,
    list_sent,
    record_final,
    snapshot,
)
from app.core.sending.revised import revised

__all__ = [
    "Change",
    "ChangeKind",
    "PassageState",
    "SentInfo",
    "changed_passages",
    "changes_since",
    "last_sent",
    "list_sent",
    "record_final",
    "revised",
    "snapshot",
]
