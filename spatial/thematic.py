"""A thematic map as plain data: each unit's class and colour, and the legend.

Values come from the map modes (categories or numbers, ``None`` for no data);
categories take fixed colours, numbers are classified (equal interval,
quantile, natural breaks) onto a colour ramp. A unit without a number may
still be something with a name (a leased unit has no days vacant): such
*blanks* are categories beside the ramp, in fixed colours, and only the rest
is "no data". Every view and every printed page draws from one
:class:`Theme`, and the legend's counts and areas are summed here from the
same classes the units are drawn in.

Examples
--------
>>> areas = [Decimal("10.5"), Decimal(5), Decimal(1)]
>>> theme = categorical(["a", "b", None], areas, {"a": "#111111", "b": "#222222"})
>>> [(e.key, e.count, str(e.area)) for e in theme.legend]
[('a', 1, '10.5'), ('b', 1, '5'), ('no-data', 1, '1')]
>>> theme = numeric([0, 0, 0, 95.0, 100, 112.7, None], [Decimal(1)] * 7, "natural-breaks", 5,
...                 blanks=[None] * 6 + ["leased"], blank_colours={"leased": "#999999"})
>>> [(e.key, e.count, e.lower, e.upper) for e in theme.legend]  # six values: three classes
[('0', 3, 0.0, 0.0), ('1', 2, 95.0, 100.0), ('2', 1, 112.7, 112.7), ('leased', 1, None, None), \
('no-data', 0, None, None)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from spatial.classify import class_of, classify
from spatial.ramps import NO_DATA, ramp

NO_DATA_KEY = "no-data"
EQUAL_INTERVAL = "equal-interval"


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
class Breaks:
    """A classification kept to class another date's values alike (time travel).

    ``bounds`` are the classes' upper bounds (a value goes to the first class
    whose bound it does not exceed); ``lowers`` the least value each class
    showed when the breaks were made.
    """

    method: str
    bounds: tuple[float, ...]
    lowers: tuple[float, ...]


@dataclass(frozen=True)
class Theme:
    """What a map draws: per unit (in the order given) a legend index, and the legend."""

    classes: tuple[int, ...]  # index into ``legend`` for every unit
    legend: tuple[LegendEntry, ...]
    method: str = "categories"
    breaks: Breaks | None = None  # numeric themes: their classes, to keep for another date

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


def useful_classes(count: int) -> int:
    """How many classes ``count`` values can fill with more than one value each (Sturges:
    1 + log₂ n): five buildings make three classes, not five one-building ones."""
    return 1 + int(math.log2(count)) if count > 0 else 1


def numeric(
    values: Sequence[float | None], areas: Sequence[Decimal], method: str = "natural-breaks",
    k: int = 5, ramp_name: str = "viridis", reverse: bool = False, *,
    blanks: Sequence[str | None] | None = None, blank_colours: Mapping[str, str] | None = None,
    shown: Callable[[float], object] | None = None, breaks: Breaks | None = None,
) -> Theme:
    """Units classified into up to ``k`` classes of a colour ramp.

    A unit without a number (None, NaN) is its ``blanks`` category when it has
    one of ``blank_colours`` (legend order), else no data. ``shown`` gives a
    bound as the legend shows it: classes that would read alike are merged.
    ``breaks`` (of another date) replace the classification, so the same
    value takes the same colour on both dates; the ranges shown stretch to
    hold the values that fall outside them.
    """
    clean = [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
             for v in values]
    if breaks is None:
        bounds, lowers = _classes(clean, method, k, shown)
    else:
        bounds, lowers, method = list(breaks.bounds), list(breaks.lowers), breaks.method
    found = class_of(clean, bounds)
    uppers = list(bounds)
    for value, c in zip(clean, found, strict=True):  # fixed breaks: show where values went
        if value is not None and c is not None:
            lowers[c] = min(lowers[c], value)
            uppers[c] = max(uppers[c], value)
    colours = ramp(ramp_name, len(bounds), reverse=reverse) if bounds else []
    entries = [LegendEntry(str(i), colours[i], 0, Decimal(0), lowers[i], uppers[i])
               for i in range(len(bounds))]
    named = dict(blank_colours or {})
    reasons = list(blanks) if blanks is not None else [None] * len(clean)
    present = [key for key in named if key in set(reasons)]
    index = {key: len(entries) + i for i, key in enumerate(present)}
    entries += [LegendEntry(key, named[key], 0, Decimal(0)) for key in present]
    entries.append(LegendEntry(NO_DATA_KEY, NO_DATA, 0, Decimal(0)))
    no_data = len(entries) - 1
    classes = [c if c is not None else index.get(r, no_data) if r is not None else no_data
               for c, r in zip(found, reasons, strict=True)]
    kept = breaks or (Breaks(method, tuple(bounds), tuple(lowers)) if bounds else None)
    return _with_totals(classes, areas, entries, method, kept)


def _classes(values: Sequence[float | None], method: str, k: int,
             shown: Callable[[float], object] | None) -> tuple[list[float], list[float]]:
    """Upper bounds and least values of the classes: no more classes than the values can
    fill, and none that reads like its neighbour once rounded for the legend.

    Equal intervals are contiguous ranges (a class starts where the last one
    ended); the other methods end classes on data values, so a class reads
    from its least value: never "0.0" beside "0.0 – 112.7". Two classes are
    merged when they end alike, or when one reads as a single value that its
    neighbour's range also shows ("0.0" beside "0.0 – 0.4"); neighbouring
    ranges that only touch ("29 – 52", "52 – 66") are how legends read.
    """
    count = sum(v is not None for v in values)
    bounds = list(classify(values, method, min(k, useful_classes(count))).bounds)
    if not bounds:
        return [], []
    lowers = _least(values, bounds)
    key = shown or (lambda x: x)

    def single(j: int) -> bool:
        return bool(key(lowers[j]) == key(bounds[j]))

    i = 1
    while i < len(bounds):
        alike = key(bounds[i - 1]) == key(bounds[i]) or (
            method != EQUAL_INTERVAL and key(bounds[i - 1]) == key(lowers[i])
            and (single(i - 1) or single(i)))
        if alike:  # merge class i - 1 into class i
            del bounds[i - 1]
            del lowers[i]
        else:
            i += 1
    if method == EQUAL_INTERVAL:
        lowers = [lowers[0], *bounds[:-1]]
    return bounds, lowers


def _least(values: Sequence[float | None], bounds: Sequence[float]) -> list[float]:
    """Each class's least value; an empty class (equal intervals) starts at the bound before."""
    least: list[float | None] = [None] * len(bounds)
    for value, c in zip(values, class_of(values, bounds), strict=True):
        if value is not None and c is not None:
            now = least[c]
            least[c] = value if now is None else min(now, value)
    return [low if low is not None else (bounds[i - 1] if i else bounds[0])
            for i, low in enumerate(least)]


def _with_totals(
    classes: list[int], areas: Sequence[Decimal], entries: list[LegendEntry], method: str,
    breaks: Breaks | None = None,
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
    return Theme(tuple(classes), legend, method, breaks)
