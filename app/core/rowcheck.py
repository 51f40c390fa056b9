"""The checks every row from outside passes before it is written into a project.

Rows reach a project from two untrusted places: a JSON dump given to ``load``
and a colleague's copy given to ``merge``. Both are checked here by the same
rules, so that what one refuses the other refuses too: column types (a text
stored as a BLOB is refused), nullability, the closed vocabularies (position,
status, kinds), rich text in the project's markup (``app.core.markup``: no
``<script>``), the JSON columns (field history, page and paragraph maps,
conflict values) and stored files whose bytes no longer match their sha256.
The services never write a row that fails these checks, so a project made by
Rejoinder always passes; a row that fails was damaged or forged, and the
whole input is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Integer, LargeBinary, Table

from app.core import markup
from app.core.errors import MarkupError
from app.core.i18n import N_, _
from app.core.models import (
    TABLES,
    AnchorMethod,
    BlockKind,
    NoteTarget,
    Position,
    SectionKind,
    SourceKind,
    Status,
)

logger = logging.getLogger(__name__)

Row = Mapping[str, Any]


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("source", "kind"): SourceKind,
    ("response", "position"): Position,
    ("response", "status"): Status,
    ("section", "kind"): SectionKind,
    ("block", "kind"): BlockKind,
    ("passage", "anchor_method"): AnchorMethod,
    ("note", "target_kind"): NoteTarget,
}
_MARKUP = {
    ("response", "text"),
    ("response", "proposed_change"),
    ("revision", "text"),
    ("note", "text"),
    ("section", "opening"),
    ("section", "closing"),
    ("block", "text"),
    ("block", "after_text"),
    ("block", "lead_in"),
    ("block", "comments_lead_in"),
}
_PAGE = {"index": int, "start": int, "end": int, "label": str}
_SENT = {
    "passage": str,
    "source": str,
    "quote": str,
    "response": (str, type(None)),
    "text": str,
    "position": str,
    "status": str,
    "printed": int,
}
_PARAGRAPH = {"start": int, "end": int, "kind": str, "number": (str, type(None)), "level": int}
_TABLES: dict[str, Table] = {t.name: t for t in (_table(model) for model in TABLES)}


class BadValue(ValueError):
    """Why one value is refused (the caller adds table, row and field)."""


@dataclass(frozen=True)
class Problem:
    """The first bad row found: where it is and why it is refused."""

    table: str
    row_id: str
    field: str
    why: str

    def __str__(self) -> str:
        row = self.row_id if len(self.row_id) <= 36 else self.row_id[:36] + "…"
        return _("{table} row {row}, field {field}: {why}").format(
            table=self.table, row=row, field=self.field, why=self.why
        )


def _type_name(value: Any) -> str:
    if isinstance(value, bytes):
        return _("binary data")
    if isinstance(value, bool):
        return _("a true/false value")
    if isinstance(value, int):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    return type(value).__name__


def _json(value: str) -> Any:
    try:
        return json.loads(value)
    except (ValueError, RecursionError) as exc:
        raise BadValue(_("is not valid JSON")) from exc


def _history(value: str) -> None:
    data = _json(value)
    if not isinstance(data, dict):
        raise BadValue(_("is not a field history (a JSON object)"))
    for field, stamps in data.items():
        if not isinstance(stamps, list) or not all(
            isinstance(s, list) and len(s) == 3 and all(isinstance(p, str) for p in s)
            for s in stamps
        ):
            raise BadValue(_("holds a malformed stamp list for “{field}”").format(field=field))


def _records(
    shape: dict[str, Any], optional: dict[str, Any] | None = None
) -> Callable[[str], None]:
    """Each entry has every key of ``shape`` and maybe those of ``optional`` (added later)."""
    extra = optional or {}

    def check(value: str) -> None:
        data = _json(value)
        if not isinstance(data, list):
            raise BadValue(_("is not a JSON list"))
        for item in data:
            if not isinstance(item, dict) or not set(shape) <= set(item) <= {*shape, *extra}:
                raise BadValue(
                    _("holds an entry that is not {{{keys}}}").format(keys=", ".join(shape))
                )
            for key, kind in {**shape, **extra}.items():
                if key in item and (not isinstance(item[key], kind) or isinstance(item[key], bool)):
                    raise BadValue(
                        _("holds an entry whose “{key}” has the wrong type").format(key=key)
                    )

    return check


def _json_list(value: str) -> None:
    if not isinstance(_json(value), list):
        raise BadValue(_("is not a JSON list"))


def _json_any(value: str) -> None:
    _json(value)


_JSON: dict[tuple[str, str], Callable[[str], None]] = {
    ("source_version", "pages"): _records(_PAGE),
    ("source_version", "paragraphs"): _records(_PARAGRAPH),
    ("source_version", "footnotes"): _json_list,
    ("source_version", "warnings"): _json_list,
    ("sent_export", "printed"): _records(_SENT, {"form": str}),
    ("conflict", "ours_value"): _json_any,
    ("conflict", "theirs_value"): _json_any,
}


def _id(value: str) -> None:
    if not 0 < len(value) <= 36:
        raise BadValue(_("is not an id"))


def _one_of(enum: type[StrEnum]) -> Callable[[str], None]:
    allowed = frozenset(e.value for e in enum)
    # "" (a response's unset position) is named last, so the real choices come first
    choices = ", ".join([e.value for e in enum if e.value] + ['""' for e in enum if not e.value])

    def check(value: str) -> None:
        if value not in allowed:
            raise BadValue(
                _("“{value}” is not one of {choices}").format(value=value[:40], choices=choices)
            )

    return check


def _rich_text(value: str) -> None:
    try:
        markup.validate(value)
    except MarkupError as exc:
        raise BadValue(_("is not valid rich text ({problem})").format(problem=exc)) from exc


@dataclass(frozen=True)
class _Column:
    """One column's rules, worked out once from the models."""

    name: str
    kind: type
    nullable: bool
    checks: tuple[Callable[[str], None], ...]


def _column_rules(table: Table) -> tuple[_Column, ...]:
    out = []
    for column in table.columns:
        key = (table.name, column.name)
        kind: type = str
        if isinstance(column.type, LargeBinary):
            kind = bytes
        elif isinstance(column.type, Integer):
            kind = int
        checks: list[Callable[[str], None]] = []
        if column.name == "id":
            checks.append(_id)
        if key in _ENUMS:
            checks.append(_one_of(_ENUMS[key]))
        if key in _MARKUP:
            checks.append(_rich_text)
        if column.name == "field_history":
            checks.append(_history)
        if key in _JSON:
            checks.append(_JSON[key])
        out.append(_Column(column.name, kind, bool(column.nullable), tuple(checks)))
    return tuple(out)


_RULES = {name: _column_rules(table) for name, table in _TABLES.items()}
_FIELDS = {name: frozenset(table.columns.keys()) for name, table in _TABLES.items()}
_KIND_NAMES = {bytes: N_("binary data"), int: N_("a number"), str: N_("text")}


def _check_row(table: str, row: Row) -> tuple[str, str] | None:
    """(field, why) for the first bad field of ``row``, or None."""
    extra = sorted(row.keys() - _FIELDS[table])
    if extra:
        return extra[0], _("is not a field of this table")
    for column in _RULES[table]:
        if column.name not in row:
            return column.name, _("is missing")
        value = row[column.name]
        if value is None:
            if not column.nullable:
                return column.name, _("is empty, which this field may not be")
            continue
        if type(value) is not column.kind:
            return column.name, _("is {found}, not {wanted}").format(
                found=_type_name(value), wanted=_(_KIND_NAMES[column.kind])
            )
        try:
            for check in column.checks:
                check(cast(str, value))
        except BadValue as exc:
            return column.name, str(exc)
    return _check_rules(table, row)


def _check_rules(table: str, row: Row) -> tuple[str, str] | None:
    """Rules that span fields of one row."""
    if table == "original_file":
        if hashlib.sha256(row["data"]).hexdigest() != row["sha256"]:
            return "data", _("does not match its sha256 (the stored file is damaged)")
        if len(row["data"]) != row["size"]:
            return "size", _("does not match the stored file")
    if table == "passage":
        start, end = row["start"], row["end"]
        if start is not None and end is not None and not 0 <= start <= end:
            return "start", _("is not a span (0 ≤ start ≤ end)")
    if table == "conflict":
        target = _TABLES.get(row["table_name"])
        if target is None:
            return "table_name", _("“{name}” is not a table").format(name=row["table_name"][:40])
        if row["field"] not in target.columns:
            return "field", _("“{field}” is not a field of {table}").format(
                field=row["field"][:40], table=row["table_name"]
            )
    return None


def first_problem(tables: Mapping[str, Iterable[Row]]) -> Problem | None:
    """The first row that fails the checks, tables in dependency order, rows by id."""
    unknown = sorted(set(tables) - set(_TABLES))
    if unknown:
        return Problem(unknown[0], "", "", _("is not a table of a project"))
    for name in _TABLES:
        rows = sorted(tables.get(name, ()), key=lambda r: str(r.get("id")))
        for row in rows:
            found = _check_row(name, row)
            if found is not None:
                problem = Problem(name, str(row.get("id")), *found)
                logger.info("refused row: %s", problem)
                return problem
    return None
