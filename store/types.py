"""Column types that keep values exact across SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Dialect, Numeric, String, Uuid
from sqlalchemy.types import DateTime, TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal column: NUMERIC on PostgreSQL, text on SQLite.

    SQLite has no decimal type and would store NUMERIC as a float; text keeps
    every cent. Values are quantized to ``scale`` places on the way in.
    """

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 18, scale: int = 2) -> None:
        super().__init__()
        self.precision = precision
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(self.precision + 2))
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if type(value) is not Decimal:  # a Decimal is itself (a bulk insert binds millions)
            if isinstance(value, float):
                raise TypeError("exact columns take Decimal, int or str, never float")
            value = Decimal(str(value))
        quantized = value.quantize(self._quantum, rounding=ROUND_HALF_UP)
        return str(quantized) if dialect.name == "sqlite" else quantized

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).quantize(self._quantum, rounding=ROUND_HALF_UP)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every engine."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("event times must be aware datetimes (UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Id(Uuid[uuid.UUID]):
    """A Uuid column whose values come back from SQLite (32 hex digits) made without
    ``UUID.__init__``'s checks of the forms it accepts, at about half its cost: every row
    read carries ids, and a park's year of bills and allocations is a million of them.
    PostgreSQL's native uuids pass through as before."""

    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        processor = super().result_processor(dialect, coltype)
        native = dialect.supports_native_uuid and self.native_uuid
        return id_from_hex if self.as_uuid and not native else processor


_new_uuid, _set = uuid.UUID.__new__, object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown  # an enum member's lookup costs as much as the parse


def id_from_hex(value: str | None) -> uuid.UUID | None:
    """``uuid.UUID(value)`` for 32 hex digits at about half the cost; anything else through
    it (its checks, its errors)."""
    if value is None:
        return None
    if len(value) != 32 or not value.isalnum():
        return uuid.UUID(value)
    made = _new_uuid(uuid.UUID)
    _set(made, "int", int(value, 16))
    _set(made, "is_safe", _UNKNOWN)
    return made
