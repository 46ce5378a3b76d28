"""A map's theme from the store's facts: mode values, classes, colours and legend.

The one path from data to colour: :mod:`domain.map_modes` says what each unit
is in a mode on a date, :mod:`spatial.thematic` classifies and colours, and
every view (floor plan, stacking plan, park map, printed page) draws the
resulting :class:`ThematicMap`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.map_modes import CATEGORICAL_MODES, MapMode, RentClass, mode_value
from spatial.thematic import Theme, categorical, numeric
from store.map_query import MapUnit

# Rent-control colours: Okabe–Ito hues (safe for colour-blind readers) in the
# conventions of Chinese rent-control maps: green vacant, blue let, warm colours
# for leases running out, purple reserved, grey not leasable.
RENT_COLOURS: dict[str, str] = {
    RentClass.VACANT: "#009e73",
    RentClass.LEASED: "#0072b2",
    RentClass.SIGNED_NOT_STARTED: "#56b4e9",
    RentClass.EXPIRING_30: "#d55e00",
    RentClass.EXPIRING_60: "#e69f00",
    RentClass.EXPIRING_90: "#f0e442",
    RentClass.RESERVED: "#cc79a7",
    RentClass.NOT_LEASABLE: "#8c8c8c",
}

# Numeric modes: ramp and whether small values are the dark (urgent) end.
RAMPS: dict[MapMode, tuple[str, bool]] = {
    MapMode.EXPIRY: ("ylorrd", True),  # few months left: dark red
    MapMode.VACANCY: ("ylorrd", False),  # long empty: dark red
    MapMode.REVENUE: ("viridis", False),
    MapMode.NET_REVENUE: ("viridis", False),
    MapMode.ENERGY: ("ylorrd", False),
    MapMode.HEAT: ("ylorrd", False),
}

ModeValue = RentClass | Decimal | int | None
METHODS = ("natural-breaks", "quantile", "equal-interval")
DEFAULT_CLASSES = 5


@dataclass(frozen=True)
class ThematicMap:
    """Units in one mode on one day: their values, classes and the legend."""

    mode: MapMode
    day: date
    unit_ids: tuple[uuid.UUID, ...]
    values: tuple[ModeValue, ...]
    theme: Theme

    @property
    def colours(self) -> list[str]:
        legend = self.theme.legend
        return [legend[c].colour for c in self.theme.classes]

    def colour_of(self, unit_id: uuid.UUID) -> str:
        return self.theme.colour(self.unit_ids.index(unit_id))


def thematic_map(
    units: Sequence[MapUnit], mode: MapMode, day: date, method: str = METHODS[0],
    classes: int = DEFAULT_CLASSES, values: Sequence[ModeValue] | None = None,
) -> ThematicMap:
    """Classify ``units`` in ``mode`` as they stand on ``day``.

    ``values`` are the units' mode values when the caller has them already.
    """
    if values is None:
        values = [mode_value(mode, u.facts, day) for u in units]
    areas = [u.facts.area for u in units]
    if mode in CATEGORICAL_MODES:
        theme = categorical([None if v is None else str(v) for v in values], areas, RENT_COLOURS)
    else:
        ramp_name, reverse = RAMPS[mode]
        numbers = [None if v is None else float(v) for v in values]  # type: ignore[arg-type]
        theme = numeric(numbers, areas, method, classes, ramp_name, reverse)
    return ThematicMap(mode, day, tuple(u.id for u in units), tuple(values), theme)
