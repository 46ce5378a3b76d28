"""Tariffs: what a period's consumption costs, line by line, each line saying why.

Three kinds, each in force from its ``valid_from`` until the next one's:

- :class:`FlatTariff`: one price per unit (kWh, m³, GJ) of every register.
- :class:`TieredTariff` (阶梯电价): bands of the period's consumption, each at
  its price — the first 200 kWh at 0.52, the rest at 0.62. A band's limit is
  cumulative and belongs to it: exactly 200 kWh is all in the first band.
- :class:`TouTariff` (峰谷电价): a price per time-of-use register (sharp,
  peak, flat, valley), each register's consumption at its own.

A tariff change inside a period splits it by days. Each register's consumption
is shared over the days before and after the change in proportion to them (a
tariff in force 10 of March's 31 days prices 10/31 of March's kWh), and a
tiered tariff's bands likewise (its 200 kWh first band gives those 10 days
200 × 10/31). Quantities are split with the largest-remainder rule at their
own precision (:func:`split_exactly`: ``domain.allocation``'s rule), so the
lines' quantities add up to the consumption exactly and the bands to their
widths; no reading says how the use fell on each side of the change, and days
are what a tenant can check. One tariff in force all period prices it whole.

Money is rounded once, at the line (``domain.money.money``: half up, to the
cent); the charge is the sum of its lines. Negative consumption is refused:
it is a meter fault (see ``meters.reading_flags``), not a credit.

The store keeps a tariff as a JSON document (:func:`to_document`,
:func:`from_document`): its kind and its figures as text, never floats.

>>> from decimal import Decimal as D
>>> from domain.billing.meters import Period
>>> tiers = TieredTariff(date(2026, 1, 1), (Band(D(200), D("0.52")), Band(None, D("0.62"))))
>>> charged = price(tiers, {"total": D(350)}, Period.month(2026, 3))
>>> charged.amount, [(str(x.quantity), str(x.price), str(x.amount)) for x in charged.lines]
(Decimal('197.00'), [('200', '0.52', '104.00'), ('150', '0.62', '93.00')])
>>> change = [FlatTariff(date(2026, 1, 1), D("0.50")), FlatTariff(date(2026, 3, 11), D("0.62"))]
>>> charged = price(change, {"total": D(310)}, Period.month(2026, 3))
>>> charged.amount, [(str(x.quantity), x.period.days, str(x.amount)) for x in charged.lines]
(Decimal('180.20'), [('100', 10, '50.00'), ('210', 21, '130.20')])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Any

from domain.allocation import allocate_common_area
from domain.billing.meters import TIME_OF_USE, TOTAL, Consumption, Period
from domain.leasing.schedule import Reason
from domain.money import ZERO, money, to_decimal

NONE = Decimal(0)  # no quantity: a sum of quantities keeps their own decimals


@dataclass(frozen=True)
class FlatTariff:
    valid_from: date
    price: Decimal  # per unit of consumption

    def __post_init__(self) -> None:
        _price_ok(self.price)


@dataclass(frozen=True)
class Band:
    up_to: Decimal | None  # the period's consumption this band ends at (cumulative); None: no end
    price: Decimal


@dataclass(frozen=True)
class TieredTariff:
    valid_from: date
    bands: tuple[Band, ...]  # in order; the last has no end

    def __post_init__(self) -> None:
        bands = tuple(self.bands)
        ends = [b.up_to for b in bands]
        if not bands or ends[-1] is not None or None in ends[:-1]:
            raise ValueError("a tiered tariff's bands end in turn and only the last is open")
        rising = [NONE, *ends[:-1]]
        if any(a >= b for a, b in pairwise(rising)):  # type: ignore[operator]
            raise ValueError(f"a tiered tariff's band ends rise from 0: {ends[:-1]}")
        for b in bands:
            _price_ok(b.price)
        object.__setattr__(self, "bands", bands)


@dataclass(frozen=True)
class TouTariff:
    valid_from: date
    prices: Mapping[str, Decimal]  # register (sharp, peak, flat, valley) → price

    def __post_init__(self) -> None:
        unknown = set(self.prices) - set(TIME_OF_USE)
        if not self.prices or unknown:
            raise ValueError(f"a time-of-use tariff prices registers of {TIME_OF_USE}, "
                             f"not {sorted(unknown) or 'none'}")
        for p in self.prices.values():
            _price_ok(p)


Tariff = FlatTariff | TieredTariff | TouTariff


@dataclass(frozen=True)
class ChargeLine:
    """A quantity at one price for some days: what a bill line shows."""

    register: str  # TOTAL for a flat or tiered tariff's lines
    quantity: Decimal
    price: Decimal
    amount: Decimal  # quantity × price, rounded to the cent here, once
    period: Period  # the days this price was in force, within the priced period
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Charged:
    amount: Decimal  # Σ lines
    lines: tuple[ChargeLine, ...]


def price(
    tariff: Tariff | Sequence[Tariff],
    consumption: Consumption | Mapping[str, Decimal],
    period: Period,
) -> Charged:
    """What ``consumption`` (by register) in ``period`` costs at ``tariff`` — one tariff, or
    the history of them (each in force from its ``valid_from`` until the next one's).

    Raises ``ValueError`` when no tariff is in force on the period's first day, when the
    consumption is negative, or when a time-of-use tariff has no price for a register used.
    """
    history = _history(tariff)
    quantities = dict(consumption.by_register if isinstance(consumption, Consumption)
                      else consumption)
    negative = {r: q for r, q in quantities.items() if q < 0}
    if negative:
        raise ValueError(f"negative consumption cannot be priced: {negative}; a meter fault")
    pieces = _pieces(history, period)
    if len(pieces) == 1:
        lines = _lines(pieces[0][0], quantities, period, None)
    else:
        days = [Decimal(p.days) for _, p in pieces]
        split = {r: split_exactly(q, days, places_of(q)) for r, q in quantities.items()}
        lines = []
        for i, (t, days_in_force) in enumerate(pieces):
            share = {r: parts[i] for r, parts in split.items()}
            why = Reason("split", {"days": str(days_in_force.days), "of_days": str(period.days),
                                   "valid_from": t.valid_from.isoformat()})
            bands = _bands_for(t.bands, days, i) if isinstance(t, TieredTariff) else None
            lines += _lines(t, share, days_in_force, why, bands)
    return Charged(sum((x.amount for x in lines), ZERO), tuple(lines))


def split_exactly(total: Decimal, weights: Sequence[Decimal], places: int) -> list[Decimal]:
    """``total`` in parts proportional to ``weights`` at ``places`` decimals, adding up to it
    exactly: largest remainder, a tied unit to the first (``domain.allocation``'s rule, whose
    whole numbers are hundredths: scaled here to any precision).

    >>> split_exactly(Decimal(100), [Decimal(1)] * 3, 0)
    [Decimal('34'), Decimal('33'), Decimal('33')]
    """
    if total < 0:
        raise ValueError(f"cannot split a negative quantity ({total})")
    if total.scaleb(places) != total.scaleb(places).to_integral_value():
        raise ValueError(f"{total} has more than {places} decimals; its parts could not add up")
    if not weights:
        return []
    scaled = allocate_common_area(list(weights), total.scaleb(places - 2), list(weights))
    return [part.scaleb(2 - places) for part in scaled]


# -- as the store keeps it ---------------------------------------------------------------------


class TariffKind(StrEnum):
    """The kinds a tariff document names, in the order a user is offered them."""

    FLAT = "flat"
    TIERED = "tiered"
    TIME_OF_USE = "time_of_use"


TARIFF_KINDS = tuple(k.value for k in TariffKind)


def to_document(tariff: Tariff) -> dict[str, Any]:
    """The tariff as JSON: its kind, its figures as text (never floats), its first day.

    >>> to_document(FlatTariff(date(2026, 1, 1), Decimal("0.52")))
    {'kind': 'flat', 'valid_from': '2026-01-01', 'price': '0.52'}
    """
    head = {"valid_from": tariff.valid_from.isoformat()}
    if isinstance(tariff, FlatTariff):
        return {"kind": TariffKind.FLAT.value, **head, "price": str(tariff.price)}
    if isinstance(tariff, TieredTariff):
        return {"kind": TariffKind.TIERED.value, **head, "bands": [
            {"up_to": None if b.up_to is None else str(b.up_to), "price": str(b.price)}
            for b in tariff.bands]}
    return {"kind": TariffKind.TIME_OF_USE.value, **head,
            "prices": {r: str(p) for r, p in tariff.prices.items()}}


def from_document(document: Mapping[str, Any], valid_from: date | None = None) -> Tariff:
    """The tariff a :func:`to_document` record describes (``valid_from``: the store's column,
    over the document's own). Raises ``ValueError`` naming what is wrong."""
    try:
        start = valid_from or date.fromisoformat(document["valid_from"])
        kind = document["kind"]
        if kind == TariffKind.FLAT:
            return FlatTariff(start, _figure(document["price"]))
        if kind == TariffKind.TIERED:
            return TieredTariff(start, tuple(
                Band(None if b["up_to"] is None else _figure(b["up_to"]), _figure(b["price"]))
                for b in document["bands"]))
        if kind == TariffKind.TIME_OF_USE:
            return TouTariff(start, {r: _figure(p) for r, p in document["prices"].items()})
    except KeyError as exc:
        raise ValueError(f"a tariff document needs {exc.args[0]!r}: {dict(document)}") from exc
    except TypeError as exc:
        raise ValueError(f"not a tariff document: {dict(document)} ({exc})") from exc
    raise ValueError(f"a tariff is flat, tiered or time_of_use, not {kind!r}")


def _figure(text: object) -> Decimal:
    if not isinstance(text, str | int) or isinstance(text, bool):
        raise ValueError(f"a tariff's figures are text or whole numbers, not {text!r}")
    return to_decimal(text)


# -- pricing -----------------------------------------------------------------------------------


def _lines(tariff: Tariff, quantities: Mapping[str, Decimal], days: Period,
           split: Reason | None, bands: Sequence[Band] | None = None) -> list[ChargeLine]:
    """The lines of one tariff over ``days``; ``bands``: a tiered tariff's, split by days."""
    extra = () if split is None else (split,)
    if isinstance(tariff, FlatTariff):
        q = sum(quantities.values(), NONE)
        why = Reason("flat", {"price": str(tariff.price), "quantity": str(q),
                              "registers": ", ".join(quantities)})
        return [ChargeLine(TOTAL, q, tariff.price, money(q * tariff.price), days, (why, *extra))]
    if isinstance(tariff, TieredTariff):
        return _tiered(tariff.bands if bands is None else bands,
                       sum(quantities.values(), NONE), days, extra)
    lines = []
    for register in sorted(quantities, key=_register_rank):
        q = quantities[register]
        if register not in tariff.prices:
            if q == 0:
                continue
            raise ValueError(f"the time-of-use tariff from {tariff.valid_from} has no price "
                             f"for the {register} register (it prices {sorted(tariff.prices)})")
        p = tariff.prices[register]
        why = Reason("time-of-use", {"register": register, "price": str(p), "quantity": str(q)})
        lines.append(ChargeLine(register, q, p, money(q * p), days, (why, *extra)))
    return lines


def _tiered(bands: Sequence[Band], q: Decimal, days: Period, extra: tuple[Reason, ...],
            ) -> list[ChargeLine]:
    lines = []
    below = NONE  # where this band starts
    left = q
    for n, band in enumerate(bands, 1):
        width = None if band.up_to is None else band.up_to - below
        take = left if width is None else min(left, width)
        if take > 0 or (n == 1 and q == 0):
            why = Reason("tier", {"band": str(n), "from": str(below),
                                  "up_to": "" if band.up_to is None else str(band.up_to),
                                  "price": str(band.price), "quantity": str(take)})
            lines.append(ChargeLine(TOTAL, take, band.price, money(take * band.price), days,
                                    (why, *extra)))
        left -= take
        if band.up_to is None or left <= 0:
            break
        below = band.up_to
    return lines


def _bands_for(bands: Sequence[Band], days: Sequence[Decimal], i: int) -> tuple[Band, ...]:
    """The bands for the ``i``-th piece of a split period: each band's width split by days
    (exactly, so the pieces' widths add up to the band's), the ends accumulated again."""
    out = []
    below = NONE
    end = NONE
    for band in bands:
        if band.up_to is None:
            out.append(Band(None, band.price))
            break
        width = band.up_to - below
        end += split_exactly(width, days, places_of(width))[i]
        out.append(Band(end, band.price))
        below = band.up_to
    return tuple(out)


def _history(tariff: Tariff | Sequence[Tariff]) -> list[Tariff]:
    history = sorted([tariff] if isinstance(tariff, FlatTariff | TieredTariff | TouTariff)
                     else list(tariff), key=lambda t: t.valid_from)
    if not history:
        raise ValueError("no tariff given")
    starts = [t.valid_from for t in history]
    if len(set(starts)) != len(starts):
        raise ValueError(f"two tariffs start on the same day: {sorted(starts)}")
    return history


def _pieces(history: Sequence[Tariff], period: Period) -> list[tuple[Tariff, Period]]:
    """Each tariff in force in the period, with the days it is in force."""
    if history[0].valid_from > period.start:
        raise ValueError(f"no tariff is in force on {period.start} (the first starts "
                         f"{history[0].valid_from})")
    pieces = []
    for i, t in enumerate(history):
        start = max(period.start, t.valid_from)
        end = period.end if i + 1 == len(history) else min(period.end, history[i + 1].valid_from)
        if start < end:
            pieces.append((t, Period(start, end)))
    return pieces


def _register_rank(register: str) -> int:
    return TIME_OF_USE.index(register) if register in TIME_OF_USE else len(TIME_OF_USE)


def places_of(value: Decimal) -> int:
    """The decimals a quantity is given to (0 for whole numbers)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _price_ok(value: Decimal) -> None:
    if not isinstance(value, Decimal | int) or value < 0:
        raise ValueError(f"a price is a Decimal of zero or more, not {value!r}")
