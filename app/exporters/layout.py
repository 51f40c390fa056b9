"""The three layouts of the export: a renderer option, never part of the read model."""

from __future__ import annotations

from enum import StrEnum


class Layout(StrEnum):
    GROUPED = "grouped"
    INTERLEAVED = "interleaved"
    TABLE = "table"
