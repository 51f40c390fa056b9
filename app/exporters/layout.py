"""The three layouts of the export: a renderer option, never part of the read model."""

from __future__ import annotations

import logging
from enum import StrEnum

logger = logging.getLogger(__name__)


class Layout(StrEnum):
    GROUPED = "grouped"
    INTERLEAVED = "interleaved"
    TABLE = "table"
