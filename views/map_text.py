"""What a map says in words: legend rows, unit labels, hover cards, value units.

Values and classes are computed below the views; here they become text in the
user's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication

from domain.map_modes import CATEGORICAL_MODES, MapMode, RentClass
from spatial.classify import class_label
from spatial.thematic import NO_DATA_KEY, LegendEntry
from views.labels import area_text, building_title, date_text, label, rent_text

translate = QCoreApplication.translate

DIGITS = {MapMode.EXPIRY: 1, MapMode.VACANCY: 0, MapMode.REVENUE: 1, MapMode.NET_REVENUE: 1,
          MapMode.ENERGY: 1, MapMode.HEAT: 0}


def value_unit(mode: MapMode) -> str:
    """The unit of a mode's numbers, as the legend heads them."""
    return {
        MapMode.EXPIRY: translate("Map", "months to lease end"),
        MapMode.VACANCY: translate("Map", "days vacant"),
        MapMode.REVENUE: translate("Map", "rent per m² per month"),
        MapMode.NET_REVENUE: translate("Map", "net income per m² per month"),
        MapMode.ENERGY: translate("Map", "kWh per m² per month"),
        MapMode.HEAT: translate("Map", "heat index 0–100"),
    }.get(mode, "")


def legend_title(mode: MapMode) -> str:
    """The legend's heading: the mode, with the unit of its numbers."""
    if mode in CATEGORICAL_MODES:
        return label(mode)
    return f"{label(mode)} ({value_unit(mode)})"


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
            low = entry.lower if entry.lower is not None else 0.0
            high = entry.upper if entry.upper is not None else 0.0
            # a class of one value (all the vacant units' zero rent) reads as that value
            text = f"{high:,.{digits}f}" if low == high else class_label(low, high, digits)
        rows.append(LegendRow(entry.colour, text, entry.count, entry.area))
    return rows


def value_text(mode: MapMode, value: object) -> str:
    """A unit's value in a mode, as its label on the map shows it."""
    if value is None:
        return ""
    if isinstance(value, RentClass):
        return label(value)
    if mode is MapMode.EXPIRY:
        return translate("Map", "%1 mo").replace("%1", f"{value}")
    if mode is MapMode.VACANCY:
        return translate("Map", "%1 d").replace("%1", f"{value}")
    if isinstance(value, Decimal):
        return f"{value:,.{DIGITS.get(mode, 1)}f}"
    return str(value)


def unit_label(mode: MapMode, code: str, tenant: str, value: object) -> str:
    """Two short lines: the unit code, then the tenant (rent control) or the value."""
    second = tenant if mode is MapMode.RENT_CONTROL else value_text(mode, value)
    return f"{code}\n{second}" if second else code


def unit_card(
    code: str, name: str, tenant: str, area: Decimal, rent: Decimal | None,
    ends_on: date | None, mode: MapMode, value: object, arrears: Decimal | None = None,
) -> str:
    """The hover card: code, tenant, area, rent, end date, arrears and the mode's value."""
    lines = [f"<b>{escape(code)}</b> {escape(name)}"]
    rows = [
        (translate("Map", "Tenant"), tenant or translate("Map", "vacant")),
        (translate("Map", "Area"), f"{area_text(area)} m²"),
        (translate("Map", "Rent"), rent_text(rent) or "—"),
        (translate("Map", "Lease ends"), date_text(ends_on) or "—"),
        (translate("Map", "Arrears"), "—" if arrears is None else rent_text(arrears)),
        (label(mode), value_text(mode, value) or translate("Map", "No data")),
    ]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)


def building_card(code: str, name: str, units: int, leased: Decimal, leasable: Decimal,
                  occupancy: Decimal | None, mode: MapMode, level: str) -> str:
    """A building's hover card on the park map: occupancy, areas, and its level in the mode."""
    rows = [
        (translate("Map", "Units"), f"{units:,}"),
        (translate("Map", "Leased / leasable m²"), f"{area_text(leased)} / {area_text(leasable)}"),
        (translate("Map", "Occupancy"), "—" if occupancy is None else f"{occupancy * 100:.1f}%"),
    ]
    if mode not in CATEGORICAL_MODES:
        rows.append((label(mode), level or translate("Map", "No data")))
    lines = [f"<b>{escape(building_title(code, name))}</b>"]
    lines += [f"{escape(k)}: {escape(v)}" for k, v in rows]
    return "<br>".join(lines)
