"""Which unit fields a person may edit by hand, and what each accepts.

Areas and geometry come from plans and allocation, not from typing; the rest
of a unit's descriptive fields are edited here, checked before they reach the
store. A refusal carries a ``code`` and ``params`` (below Qt: the view renders
them in the user's language, naming the field as its form shows it) and an
English text for logs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from domain.assets import FitOut, Orientation, UnitStatus, UnitType
from domain.money import rate, round_to, to_decimal

# Text limits. ``units.name`` is String(200) in store/schema.py (a test keeps the two
# equal); ``units.notes`` is Text, unbounded there, so its limit is set here, once.
NAME_LIMIT = 200
NOTES_LIMIT = 10000

# What each code says in English (logs, the CLI); the view has its own translated templates.
ENGLISH: dict[str, str] = {
    "too-long": "at most {limit} characters ({length} given)",
    "not-a-number": "{value} is not a number",
    "too-many-decimals": "{value} has more than {places} decimals",
    "negative": "cannot be negative",
    "too-large": "must be at most {limit}",
    "not-a-choice": "{value} is not one of {choices}",
    "not-editable": "cannot be edited by hand",
}


class UnitEditError(ValueError):
    """A value a unit field cannot take: ``code`` and ``params`` say why.

    ``field`` is the unit field refused (empty while a field's check runs);
    ``str()`` is ``"<field>: <English reason>"``, for logs and the CLI.
    """

    def __init__(
        self, code: str, params: Mapping[str, Any] | None = None, field: str = ""
    ) -> None:
        self.code = code
        self.params = dict(params or {})
        self.field = field
        shown = {**self.params, "value": _shown(self.params.get("value"))}
        reason = ENGLISH[code].format(**shown)
        self.message = f"{field}: {reason}" if field else reason
        super().__init__(self.message)

    def of(self, field: str) -> UnitEditError:
        """The same refusal, naming the field it was for."""
        return UnitEditError(self.code, self.params, field)


def _shown(value: Any) -> str:
    """A refused value as a log quotes it: repr, cut short (a pasted page stays short)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(limit: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if len(text) > limit:
            raise UnitEditError("too-long", {"limit": limit, "length": len(text)})
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
            raise UnitEditError(
                "not-a-choice", {"value": value, "choices": choices}
            ) from exc

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
    """A figure of at most ``places`` decimals in 0..``upper``.

    More decimals than the field keeps are refused, not rounded away: what was
    typed is either stored as typed or handed back with the reason.
    """

    def check(value: Any) -> Decimal | None:
        plain = typed_number(value)
        if plain in (None, ""):
            return None
        try:
            number = to_decimal(plain)
        except (TypeError, ValueError) as exc:
            raise UnitEditError(
                "not-a-number", {"value": value, "places": places}
            ) from exc
        if number < 0:
            raise UnitEditError("negative", {"value": value})
        if number > upper:
            raise UnitEditError("too-large", {"value": value, "limit": upper})
        rounded = round_to(number, places)
        if rounded != number:
            raise UnitEditError("too-many-decimals", {"value": value, "places": places})
        return rounded

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
    "name": _text(NAME_LIMIT),
    "unit_type": _enum(UnitType),
    "status": _enum(UnitStatus),
    "asking_rent": _rent,
    "orientation": _enum(Orientation, optional=True),
    "ceiling_height": _measure(2, Decimal(100)),
    "floor_load": _measure(2, Decimal(1000)),
    "power_capacity": _measure(1, Decimal(1000000)),
    "fit_out": _enum(FitOut, optional=True),
    "tags": _tags,
    "notes": _text(NOTES_LIMIT),
}


def check_unit_edit(field: str, value: Any) -> Any:
    """The value to store for ``field``, or :class:`UnitEditError` naming the problem."""
    if field not in EDITABLE:
        raise UnitEditError("not-editable", field=field)
    try:
        return EDITABLE[field](value)
    except UnitEditError as exc:
        raise exc.of(field) from exc


def edit_problem(field: str, value: Any) -> UnitEditError | None:
    """Why ``value`` cannot be stored in ``field``, or None when it can.

    The one rule behind both the form's as-you-type check and the store's.

    >>> edit_problem("ceiling_height", "３．２") is None
    True
    >>> edit_problem("ceiling_height", "3.456").code
    'too-many-decimals'
    """
    try:
        check_unit_edit(field, value)
    except UnitEditError as exc:
        return exc
    return None
