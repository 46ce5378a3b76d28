"""A thematic map as plain data: each unit's class and colour, and the legend.

Values come from the map modes (categories or numbers, ``None`` for no data);
categories take fixed colours, numbers are classified (equal interval,
quantile, natural breaks) onto a colour ramp. Every view and every printed
page draws from one :class:`Theme`, and the legend's counts and areas are
summed here from the same classes the units are drawn in.

Examples
--------
>>> areas = [Decimal("10.5"), Decimal(5), Decimal(1)]
>>> theme = categorical(["a", "b", None], areas, {"a": "#111111", "b": "#222222"})
>>> [(e.key, e.count, str(e.area)) for e in theme.legend]
[('a', 1, '10.5'), ('b', 1, '5'), ('no-data', 1, '1')]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from spatial.classify import classify
from spatial.ramps import NO_DATA, ramp

NO_DATA_KEY = "no-data"


@dataclass(frozen=True)
class LegendEntry:
    """One class: its key (a category, or the class number), colour, range and totals."""

    key: str
    colour: str
    count: int
    area: Decimal  # m², summed exactly
    lower: float | None = None  # numeric classes: the range the class covers
    upper: float | None = None


@dataclass(frozen=True)
class Theme:
    """What a map draws: per unit (in the order given) a legend index, and the legend."""

    classes: tuple[int, ...]  # index into ``legend`` for every unit
    legend: tuple[LegendEntry, ...]
    method: str = "categories"

    def colour(self, unit: int) -> str:
        return self.legend[self.classes[unit]].colour


def categorical(
    values: Sequence[str | None], areas: Sequence[Decimal], colours: Mapping[str, str]
) -> Theme:
    """Units coloured by category, in the order of ``colours``; unknown or None is no data."""
    keys = list(colours)
    index = {k: i for i, k in enumerate(keys)}
    no_data = len(keys)
    classes = [index.get(v, no_data) if v is not None else no_data for v in values]
    entries = [LegendEntry(k, colours[k], 0, Decimal(0)) for k in keys]
    entries.append(LegendEntry(NO_DATA_KEY, NO_DATA, 0, Decimal(0)))
    return _with_totals(classes, areas, entries, "categories")


def numeric(
    values: Sequence[float | None], areas: Sequence[Decimal], method: str = "natural-breaks",
    k: int = 5, ramp_name: str = "viridis", reverse: bool = False,
) -> Theme:
    """Units classified into up to ``k`` classes of a colour ramp; None and NaN are no data."""
    clean = [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
             for v in values]
    result = classify(clean, method, k)
    count = len(result.bounds)
    colours = ramp(ramp_name, count, reverse=reverse) if count else []
    entries = []
    lower = result.lower
    for i, upper in enumerate(result.bounds):
        entries.append(LegendEntry(str(i), colours[i], 0, Decimal(0), lower, upper))
        lower = upper
    entries.append(LegendEntry(NO_DATA_KEY, NO_DATA, 0, Decimal(0)))
    no_data = len(entries) - 1
    classes = [no_data if c is None else c for c in result.classes]
    return _with_totals(classes, areas, entries, method)


def _with_totals(
    classes: list[int], areas: Sequence[Decimal], entries: list[LegendEntry], method: str
) -> Theme:
    counts = [0] * len(entries)
    sums = [Decimal(0)] * len(entries)
    for c, a in zip(classes, areas, strict=True):
        counts[c] += 1
        sums[c] += a
    legend = tuple(
        LegendEntry(e.key, e.colour, counts[i], sums[i], e.lower, e.upper)
        for i, e in enumerate(entries)
    )
    return Theme(tuple(classes), legend, method)
