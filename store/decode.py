"""Column values as either engine hands them over, made into the domain's Python values.

The read side runs the same queries on two engines (``store.read_sql`` with
the standard library's ``sqlite3`` at start-up, ``store.read_core`` with
SQLAlchemy Core anywhere, PostgreSQL included) and decodes their rows with
one set of functions. Neither path lets SQLAlchemy convert values, so a
value arrives either as SQLite stores what SQLAlchemy wrote (a Uuid as 32 hex
digits, an ExactDecimal as text, a date as ISO text, JSON as text) or as
psycopg returns it (``uuid.UUID``, ``Decimal``, ``date``, a list, bytes or a
memoryview). Each function here accepts both, with one type check on the fast
path, because a 20,000-unit park is decoded again on every date change.
``Decimal(value)`` already takes text and Decimals alike, so decimals need
no helper when the column is NOT NULL.

No SQLAlchemy here: this module is on the GUI's start-up path.
"""

from __future__ import annotations

import functools
import json
import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

E = TypeVar("E", bound=StrEnum)


@functools.lru_cache(maxsize=1 << 18)
def _hex_id(text: str) -> uuid.UUID:
    """Ids parse once: a 20,000-unit park re-read on every date change would spend a
    fifth of its time making the same UUIDs again (they are immutable, so shared)."""
    return uuid.UUID(hex=text)


def as_id(value: str | uuid.UUID) -> uuid.UUID:
    """A Uuid column: 32 hex digits on SQLite, ``uuid.UUID`` from psycopg."""
    return value if isinstance(value, uuid.UUID) else _hex_id(value)


def as_decimal(value: str | Decimal | None) -> Decimal | None:
    """A nullable ExactDecimal column: text on SQLite, ``Decimal`` from psycopg."""
    return None if value is None else Decimal(value)


def as_date(value: str | date) -> date:
    """A Date column: ISO text on SQLite, ``date`` from psycopg."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def as_optional_date(value: str | date | None) -> date | None:
    """A nullable Date column."""
    return None if value is None else as_date(value)


def as_strings(value: str | list[str] | None) -> tuple[str, ...]:
    """A JSON list of text (unit tags): text on SQLite, a list from psycopg."""
    if not value:
        return ()
    return _json_strings(value) if isinstance(value, str) else tuple(value)


@functools.lru_cache(maxsize=4096)
def _json_strings(text: str) -> tuple[str, ...]:
    """Tag lists repeat from unit to unit: each distinct text is parsed once (a fifth
    of a 20,000-unit read went to ``json.loads``); the tuples are immutable, so shared."""
    return tuple(json.loads(text))


def as_wkb(value: bytes | memoryview | None) -> bytes | None:
    """A LargeBinary column (WKB): bytes, or a memoryview from some PostgreSQL drivers."""
    if value is None or isinstance(value, bytes):
        return value
    return bytes(value)


class Members(dict[Any, E], Generic[E]):
    """An enum's members by value: ``members[value]`` for a column stored as its value.

    A dictionary lookup instead of ``Enum(value)`` (a fifth of a microsecond
    against a whole one, times five columns of 20,000 rows). A member looks
    itself up too (a StrEnum hashes and compares as its value); an unknown
    value raises ``ValueError`` as the enum's own call would.
    """

    def __init__(self, enum: type[E]) -> None:
        super().__init__((m.value, m) for m in enum)
        self.enum = enum

    def __missing__(self, value: Any) -> E:
        return self.enum(value)

    def optional(self, value: Any) -> E | None:
        """The member for a nullable column."""
        return None if value is None else self[value]

