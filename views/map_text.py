"""What a map says in words: legend rows, unit labels, hover cards, value units.

Values and classes are computed below the views; here they become text in the
user's language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication

from domain.map_modes import (
    CATEGORICAL_MODES,
    DIGITS,
    MONEY_MODES,
    Blank,
    MapKpis,
    MapMode,
    RentClass,
)
from domain.money import round_to
from domain.occupancy import UnitState
from spatial.thematic import NO_DATA_KEY, LegendEntry
from views.labels import (
    area_text,
    building_title,
    currency_name,
    date_text,
    label,
    percent_text,
    rent_text,
)

translate = QCoreApplication.translate

__all__ = ["DIGITS"]  # the places of each mode's figures, read here by older callers too

_BLANKS = frozenset(b.value for b in Blank)


def per_m2_month(amount: str, currency: str) -> str:
    """A rent or income per m² per month with its unit: "CNY 95.00/m²/month", "95.00 元/m²/月"."""
    if not currency:
        return translate("Map", "%1/m²/month").replace("%1", amount)
    return translate("Map", "%1 %2/m²/month").replace("%1", currency_name(currency)).replace(
        "%2", amount)


def money_text(amount: Decimal, currency: str) -> str:
    """An amount in the park's currency: "CNY 1,200.00", "1,200.00 元"."""
    text = rent_text(amount)
    if not currency:
        return text
    return translate("Map", "%1 %2", "currency, amount").replace(
        "%1", currency_name(currency)).replace("%2", text)


def blank_text(blank: Blank | str) -> str:
    """The name of why a unit has no number: its state as rent control names it, or more."""
    if blank == Blank.NEVER_LET:
        return translate("Map", "Vacant, never let")
    if blank == Blank.BEFORE_READINGS:
        return translate("Map", "Before the meter readings")
    return label(RentClass(str(blank)))


def value_unit(mode: MapMode, currency: str = "") -> str:
    """The unit of a mode's numbers, as the legend heads them; money in the park's currency."""
    if mode in MONEY_MODES and currency:  # the mode says rent or net income: "CNY/m²/month"
        return translate("Map", "%1/m²/month").replace("%1", currency_name(currency))
    return {
        MapMode.EXPIRY: translate("Map", "months to lease end"),
        MapMode.VACANCY: translate("Map", "days vacant"),
        MapMode.REVENUE: translate("Map", "rent per m² per month"),
        MapMode.NET_REVENUE: translate("Map", "net income per m² per month"),
        MapMode.ENERGY: translate("Map", "kWh per m² per month"),
        MapMode.HEAT: translate("Map", "heat index 0–100"),
    }.get(mode, "")


def legend_title(mode: MapMode, currency: str = "") -> str:
    """The legend's heading: the mode, with the unit of its numbers."""
    if mode in CATEGORICAL_MODES:
        return label(mode)
    return f"{label(mode)} ({value_unit(mode, currency)})"


@dataclass(frozen=True)
class LegendRow:
    """One legend line as shown and printed."""

    colour: str
    text: str
    count: int
    area: Decimal


def legend_rows(mode: MapMode, entries: Sequence[LegendEntry], numeric: bool = False,
                ) -> list[LegendRow]:
    """The legend of a theme: class names or ranges, with count and area per class.

    ``numeric`` makes a categorical mode's legend numeric: the park map colours
    buildings by occupancy % in rent-control mode.
    """
    categorical = mode in CATEGORICAL_MODES and not numeric
    digits = DIGITS.get(mode, 1)
    rows = []
    for entry in entries:
        if entry.key == NO_DATA_KEY:
            text = translate("Map", "No data")
        elif categorical:
            text = label(RentClass(entry.key))
        elif entry.key in _BLANKS and entry.upper is None:
            text = blank_text(entry.key)
        else:
            low = _bound(entry.lower, digits)
            high = _bound(entry.upper, digits)
            # a class of one value (all the vacant units' zero rent) reads as that value
            text = high if low == high else f"{low} – {high}"
        rows.append(LegendRow(entry.colour, text, entry.count, entry.area))
    return rows


def _bound(value: float | None, digits: int) -> str:
    """A class bound as the units' labels round their values: half up, never "-0.0".

    The classifier's bounds are floats; formatting a float rounds half to even on
    its binary value, so a unit labelled 117.9 would sit in a class shown ending
    at 117.8. Going through the float's shortest decimal and ``round_to`` keeps
    the legend and the labels in step.
    """
    if value is not None and not math.isfinite(value):
        return str(value)
    number = round_to(Decimal(repr(value if value is not None else 0.0)), digits)
    return f"{number.copy_abs() if number.is_zero() else number:,}"


def value_text(mode: MapMode, value: object, currency: str = "") -> str:
    """A unit's value in a mode, as its label on the map shows it (rounded half up);
    ``currency`` heads a money mode's value (labels stay short without it; cards use
    :func:`card_value`, which gives every unit)."""
    if value is None:
        return ""
    if isinstance(value, Blank):
        return blank_text(value)
    if isinstance(value, RentClass):
        return label(value)
    if mode is MapMode.EXPIRY:
        return translate("Map", "%1 mo").replace("%1", _figure(mode, value))
    if mode is MapMode.VACANCY:
        return translate("Map", "%1 d").replace("%1", _figure(mode, value))
    if isinstance(value, Decimal):
        text = f"{round_to(value, DIGITS.get(mode, 1)):,}"
        return f"{currency} {text}" if currency and mode in MONEY_MODES else text
    return str(value)


def _figure(mode: MapMode, value: object) -> str:
    """A number to the mode's places, half up, thousands grouped (a building's level is an
    area-weighted mean to the cent: 144.00 days reads 144)."""
    if not isinstance(value, Decimal | int):
        return str(value)
    return f"{round_to(value, DIGITS.get(mode, 1)):,}"


def totals_text(totals: MapKpis) -> str:
    """A stacking-plan row's totals: leased / leasable m² and occupancy, whole numbers."""
    rate = totals.occupancy_rate
    percent = "—" if rate is None else f"{round_to(rate * 100, 0)}%"
    return (f"{round_to(totals.leased_area, 0):,} / {round_to(totals.leasable_area, 0):,} m²"
            f"  {percent}")


def unit_label(mode: MapMode, code: str, tenant: str, value: object) -> str:
    """Two short lines: the unit code, then the tenant (rent control) or the value; a unit
    without a value (its state is the legend's category) shows its code alone."""
    if mode is MapMode.RENT_CONTROL:
        second = tenant
    else:
        second = "" if isinstance(value, Blank) else value_text(mode, value)
    return f"{code}\n{second}" if second else code


def card_value(mode: MapMode, value: object, currency: str = "") -> str:
    """A value as a hover card gives it, with its unit ("CNY 95.0/m²/month", "14.3 months",
    "12.0 kWh/m²/month"), or the name of why there is none; empty for no data."""
    if value is None:
        return ""
    if isinstance(value, Blank):
        return blank_text(value)
    if isinstance(value, RentClass):
        return label(value)
    figure = _figure(mode, value)
    if mode in MONEY_MODES:
        return per_m2_month(figure, currency)
    units = {
        MapMode.EXPIRY: lambda: translate("Map", "%1 months"),
        MapMode.VACANCY: lambda: translate("Map", "%1 days"),
        MapMode.ENERGY: lambda: translate("Map", "%1 kWh/m²/month"),
        MapMode.HEAT: lambda: translate("Map", "%1 of 100"),
    }.get(mode)
    return units().replace("%1", figure) if units else figure


def unit_card(
    code: str, name: str, tenant: str, area: Decimal, rent: Decimal | None,
    ends_on: date | None, mode: MapMode, value: object, arrears: Decimal | None = None,
    currency: str = "",
    state: UnitState | None = None,
    overdue_since: date | None = None,
) -> str:
    """The hover card: code, tenant, area, rent, end date, arrears and the mode's value (or
    the unit's state when that is why it has none), each with its unit; money in the park's
    ``currency``. Without a tenant the card names the unit's ``state`` (a not-leasable
    unit is not "vacant"). Arrears (what the holder owes overdue) say since when, when
    ``overdue_since`` is given; "—" is nothing overdue."""
    lines = [f"<b>{escape(code)}</b> {escape(name)}"]
    rows = [
        (translate("Map", "Tenant"), tenant or _no_tenant(state)),
        (translate("Map", "Area"), f"{area_text(area)} m²"),
        (translate("Map", "Rent"), "—" if rent is None else per_m2_month(rent_text(rent),
                                                                         currency)),
        (translate("Map", "Lease ends"), date_text(ends_on) or "—"),
        (translate("Map", "Arrears"), arrears_text(arrears, overdue_since, currency)),
        (label(mode), card_value(mode, value, currency) or translate("Map", "No data")),
    ]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)


def arrears_text(arrears: Decimal | None, since: date | None = None, currency: str = "") -> str:
    """What a unit's holder owes overdue, and since which due date; "—" for nothing."""
    if arrears is None:
        return "—"
    amount = money_text(arrears, currency)
    if since is None:
        return amount
    return translate("Map", "%1, overdue since %2").replace("%1", amount).replace(
        "%2", date_text(since))


def _no_tenant(state: UnitState | None) -> str:
    """The tenant line of a unit nobody holds: vacant, or the state that keeps it empty."""
    if state is None or state is UnitState.VACANT:
        return translate("Map", "vacant")
    return label(state)


def building_card(code: str, name: str, totals: MapKpis, mode: MapMode, level: object,
                  currency: str = "") -> str:
    """A building's hover card on the park map: occupancy, areas, and its level in the mode
    with its unit (or why it has none); ``level`` as text is shown as it is."""
    rows = [
        (translate("Map", "Units"), f"{totals.units:,}"),
        (translate("Map", "Leased / leasable m²"),
         f"{area_text(totals.leased_area)} / {area_text(totals.leasable_area)}"),
        (translate("Map", "Occupancy"), percent_text(totals.occupancy_rate)),
    ]
    if mode not in CATEGORICAL_MODES:
        named = isinstance(level, str) and not isinstance(level, Blank)  # text as it is
        text = str(level) if named else card_value(mode, level, currency)
        rows.append((label(mode), text or translate("Map", "No data")))
    lines = [f"<b>{escape(building_title(code, name))}</b>"]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)


def readings_note(begin: date) -> str:
    """Why a map before the meter readings has no figures, and which dates have some."""
    after = date(begin.year + begin.month // 12, begin.month % 12 + 1, 1)
    return translate("Map", "No meter readings before %1: choose a date from %2 on.").replace(
        "%1", date_text(begin)).replace("%2", date_text(after))


def breaks_note(day: date) -> str:
    """Under a legend whose classes were kept from another date (time travel)."""
    return translate("Map", "Class breaks kept from %1").replace("%1", date_text(day))


def overdue_note(units: int) -> str:
    """What the red outlines mean, when some unit has one; empty when none has."""
    if units <= 0:
        return ""
    if units == 1:
        return translate("Map", "Red outline: 1 unit whose tenant has bills overdue")
    return translate("Map", "Red outline: %1 units whose tenant has bills overdue").replace(
        "%1", f"{units:,}")


def legend_note(readings_begin: date | None, breaks_from: date | None = None,
                overdue: int = 0) -> str:
    """What a legend adds in words, on screen and on paper: no readings before
    ``readings_begin``, classes kept from ``breaks_from`` (None: from no other date), and
    how many units are outlined for bills overdue."""
    notes = [readings_note(readings_begin)] if readings_begin else []
    if breaks_from is not None:
        notes.append(breaks_note(breaks_from))
    if overdue:
        notes.append(overdue_note(overdue))
    return "\n".join(notes)
