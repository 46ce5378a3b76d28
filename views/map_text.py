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

from domain.map_modes import CATEGORICAL_MODES, MONEY_MODES, MapKpis, MapMode, RentClass
from domain.money import round_to
from spatial.thematic import NO_DATA_KEY, LegendEntry
from views.labels import area_text, building_title, date_text, label, percent_text, rent_text

translate = QCoreApplication.translate

DIGITS = {MapMode.EXPIRY: 1, MapMode.VACANCY: 0, MapMode.REVENUE: 1, MapMode.NET_REVENUE: 1,
          MapMode.ENERGY: 1, MapMode.HEAT: 0}


def value_unit(mode: MapMode, currency: str = "") -> str:
    """The unit of a mode's numbers, as the legend heads them; money in the park's currency."""
    if mode in MONEY_MODES and currency:
        return {
            MapMode.REVENUE: translate("Map", "%1 rent per m² per month"),
            MapMode.NET_REVENUE: translate("Map", "%1 net income per m² per month"),
        }[mode].replace("%1", currency)
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
    digits = 0 if mode in CATEGORICAL_MODES else DIGITS.get(mode, 1)
    rows = []
    for entry in entries:
        if entry.key == NO_DATA_KEY:
            text = translate("Map", "No data")
        elif categorical:
            text = label(RentClass(entry.key))
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
    ``currency`` heads a money mode's value on cards (labels stay short without it)."""
    if value is None:
        return ""
    if isinstance(value, RentClass):
        return label(value)
    if mode is MapMode.EXPIRY:
        return translate("Map", "%1 mo").replace("%1", f"{value}")
    if mode is MapMode.VACANCY:
        return translate("Map", "%1 d").replace("%1", f"{value}")
    if isinstance(value, Decimal):
        text = f"{round_to(value, DIGITS.get(mode, 1)):,}"
        return f"{currency} {text}" if currency and mode in MONEY_MODES else text
    return str(value)


def totals_text(totals: MapKpis) -> str:
    """A stacking-plan row's totals: leased / leasable m² and occupancy, whole numbers."""
    rate = totals.occupancy_rate
    percent = "—" if rate is None else f"{round_to(rate * 100, 0)}%"
    return (f"{round_to(totals.leased_area, 0):,} / {round_to(totals.leasable_area, 0):,} m²"
            f"  {percent}")


def unit_label(mode: MapMode, code: str, tenant: str, value: object) -> str:
    """Two short lines: the unit code, then the tenant (rent control) or the value."""
    second = tenant if mode is MapMode.RENT_CONTROL else value_text(mode, value)
    return f"{code}\n{second}" if second else code


def unit_card(
    code: str, name: str, tenant: str, area: Decimal, rent: Decimal | None,
    ends_on: date | None, mode: MapMode, value: object, arrears: Decimal | None = None,
    currency: str = "",
) -> str:
    """The hover card: code, tenant, area, rent, end date, arrears and the mode's value,
    money in the park's ``currency``."""
    lines = [f"<b>{escape(code)}</b> {escape(name)}"]
    rows = [
        (translate("Map", "Tenant"), tenant or translate("Map", "vacant")),
        (translate("Map", "Area"), f"{area_text(area)} m²"),
        (translate("Map", "Rent"), _in(currency, rent)),
        (translate("Map", "Lease ends"), date_text(ends_on) or "—"),
        (translate("Map", "Arrears"), _in(currency, arrears)),
        (label(mode), value_text(mode, value, currency) or translate("Map", "No data")),
    ]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)


def building_card(code: str, name: str, totals: MapKpis, mode: MapMode, level: str) -> str:
    """A building's hover card on the park map: occupancy, areas, and its level in the mode."""
    rows = [
        (translate("Map", "Units"), f"{totals.units:,}"),
        (translate("Map", "Leased / leasable m²"),
         f"{area_text(totals.leased_area)} / {area_text(totals.leasable_area)}"),
        (translate("Map", "Occupancy"), percent_text(totals.occupancy_rate)),
    ]
    if mode not in CATEGORICAL_MODES:
        rows.append((label(mode), level or translate("Map", "No data")))
    lines = [f"<b>{escape(building_title(code, name))}</b>"]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)


def _in(currency: str, amount: Decimal | None) -> str:
    """An amount with its currency, or a dash for none."""
    if amount is None:
        return "—"
    return f"{currency} {rent_text(amount)}" if currency else rent_text(amount)
