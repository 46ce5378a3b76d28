"""One place for money: Decimal only, rounded once, at the line.

Examples
--------
>>> money("12.345")
Decimal('12.35')
>>> money(3) + ZERO
Decimal('3.00')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
RATE_QUANTUM = Decimal("0.0001")
RATIO_QUANTUM = Decimal("0.0001")  # shares and rates such as occupancy (0–1)


def money(value: Decimal | int | str) -> Decimal:
    """Round an amount to cents, half up, as a bill line does.

    Floats are refused: a float has already lost the cent we would round.
    """
    # to_decimal's checks inline for a finite Decimal: every schedule line rounds through here
    if value.__class__ is Decimal and value.is_finite():
        return value.quantize(CENT, ROUND_HALF_UP)
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def rate(value: Decimal | int | str) -> Decimal:
    """A unit price (per m² per month or per day) kept to four places."""
    return to_decimal(value).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def ratio(value: Decimal | int | str) -> Decimal:
    """A share of a whole (occupancy rate, allocation ratio), 0–1 to four places."""
    return to_decimal(value).quantize(RATIO_QUANTUM, rounding=ROUND_HALF_UP)


def round_to(value: Decimal | int | str, places: int) -> Decimal:
    """Any other figure shown or summed (rents per m², intensities, months), half up.

    >>> round_to(Decimal("2.25"), 1)
    Decimal('2.3')
    """
    quantum = _QUANTA.get(places) or Decimal(1).scaleb(-places)
    if value.__class__ is Decimal and value.is_finite():  # as in money()
        return value.quantize(quantum, ROUND_HALF_UP)
    return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(9)}  # 1, 0.1, … 1E-8


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert exactly, refusing floats and text that is not a number."""
    if isinstance(value, float):
        raise TypeError("money is never a float; pass a Decimal, int or str")
    if isinstance(value, bool):
        raise TypeError("a bool is not an amount")
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not a finite amount: {value!r}")
    return result
