"""Which unit fields a person may edit by hand, and what each accepts.

Areas and geometry come from plans and allocation, not from typing; the rest
of a unit's descriptive fields are edited here, checked before they reach the
store, with a message that names the field and the problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from domain.assets import FitOut, Orientation, UnitStatus, UnitType
from domain.money import rate, round_to, to_decimal


class UnitEditError(ValueError):
    """A value a unit field cannot take."""


def _text(limit: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if len(text) > limit:
            raise UnitEditError(f"at most {limit} characters")
        return text

    return check


def _enum(enum: type, optional: bool = False) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value in (None, "") and optional:
            return None
        try:
            return enum(value)
        except ValueError as exc:
            choices = ", ".join(m.value for m in enum)
            raise UnitEditError(f"{value!r} is not one of {choices}") from exc

    return check


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def typed_number(value: Any) -> Any:
    """Text as a person types a number, made plain: what a Chinese input method sends too.

    Full-width digits and signs (``１２０．５``) become ASCII, spaces go, and
    thousands separators (``1,200``, ``1，200``) are dropped when they group by
    three; anything else is left for the number check to refuse with its reason.

    >>> typed_number("１２０．５"), typed_number(" 1,200.5 "), typed_number("1，200")
    ('120.5', '1200.5', '1200')
    >>> typed_number("1,2")
    '1,2'
    """
    if not isinstance(value, str):
        return value
    text = "".join(unicodedata.normalize("NFKC", value).split())
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    return text


def _measure(places: int, upper: Decimal) -> Callable[[Any], Decimal | None]:
    def check(value: Any) -> Decimal | None:
        value = typed_number(value)
        if value in (None, ""):
            return None
        try:
            number = to_decimal(value)
        except (TypeError, ValueError) as exc:
            raise UnitEditError(f"{value!r} is not a number") from exc
        if number < 0:
            raise UnitEditError("cannot be negative")
        if number > upper:
            raise UnitEditError(f"must be at most {upper}")
        return round_to(number, places)

    return check


def _rent(value: Any) -> Decimal | None:
    checked = _measure(4, Decimal(100000))(value)
    return None if checked is None else rate(checked)


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    items = value.replace("，", ",").split(",") if isinstance(value, str) else list(value)
    tags: list[str] = []
    for item in items:
        tag = str(item).strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


EDITABLE: dict[str, Callable[[Any], Any]] = {
    "name": _text(200),
    "unit_type": _enum(UnitType),
    "status": _enum(UnitStatus),
    "asking_rent": _rent,
    "orientation": _enum(Orientation, optional=True),
    "ceiling_height": _measure(2, Decimal(100)),
    "floor_load": _measure(2, Decimal(1000)),
    "power_capacity": _measure(1, Decimal(1000000)),
    "fit_out": _enum(FitOut, optional=True),
    "tags": _tags,
    "notes": _text(10000),
}


def check_unit_edit(field: str, value: Any) -> Any:
    """The value to store for ``field``, or :class:`UnitEditError` naming the problem."""
    if field not in EDITABLE:
        raise UnitEditError(f"unit field {field!r} cannot be edited by hand")
    try:
        return EDITABLE[field](value)
    except UnitEditError as exc:
        raise UnitEditError(f"{field}: {exc}") from exc
