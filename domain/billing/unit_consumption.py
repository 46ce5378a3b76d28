"""Each unit's consumption of a utility in a period: its own meters' plus its 公摊 share.

What the energy map and a unit's utility bill both need, from the meter tree
and its readings as the store keeps them (the store's rows, already decoded:
this module stays pure).

Readings are a ledger: a wrong reading is never edited, it is corrected by a
new reading of the same meter, day, register and kind, entered later.
:func:`current_readings` is how the rules see such a ledger: for each (meter,
day, register, kind) the *last value entered*, standing in the place of the
*first* entry. So a correction replaces the figure without moving it: a
replacement's final and initial readings of one day keep their order when
either is corrected, and readings of one day otherwise keep the order they
were entered in (``meters``' rule). Two kinds on one day (the old meter's
final and the new one's initial) are two readings, not a correction.

A unit's consumption in a period (:func:`unit_consumption`) is

- *direct*: the consumption of the meters that bill it (``Meter.unit_id``),
  however many (a meter replaced by a new record under the same unit counts
  up to its final reading, the new one from its initial);
- *shared*: its share of every shared (公摊) consumption above it, from
  ``shared_consumption.statements`` over the whole tree, each distribution
  meter's by its own basis (:func:`basis_of`: by area unless the meter's
  basis names weights); none of a meter above whose every meter billing the
  unit beneath it is out of service all month (``shared_consumption``'s
  rule: not connected, no share; a ``left-out`` reason says so).

A unit is *measured* in the period when its own meters say what it used:
at least one closed the period with a reading, and none in service lacks a
reading for it (``no-readings``, ``no-opening-reading``,
``no-reading-in-period``, and ``no-initial-reading`` / ``final-missing`` in
the month it was installed or removed in). A meter not yet installed or already
removed, by its readings or by its service dates (``Meter.installed_on`` /
``removed_on``), is out of service, not missing: it adds 0 to its unit and is
left out of its parent's statement. A unit not measured keeps whatever figure it
had before meters (the energy map keeps its stored monthly figure).

>>> from datetime import date
>>> from decimal import Decimal as D
>>> from domain.billing.meters import Meter, Period, Reading, Utility
>>> E = Utility.ELECTRICITY
>>> meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
...           Meter("b", "E-102", E, "M", "102")]
>>> values = {"M": (0, 1000), "a": (0, 300), "b": (0, 500)}
>>> readings = [Reading(m, date(2026, month, 1), "total", D(v))
...             for m, pair in values.items() for month, v in zip((3, 4), pair)]
>>> use = unit_consumption(meters, readings, Period.month(2026, 3), {},
...                        {"101": D("120"), "102": D("80")})
>>> [(u.unit_id, u.direct, u.shared, u.total, u.measured) for u in use.values()]
[('101', Decimal('300'), Decimal('120.000'), Decimal('420.000'), True), \
('102', Decimal('500'), Decimal('80.000'), Decimal('580.000'), True)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from domain.billing.meters import (
    Chains,
    Consumption,
    Meter,
    Period,
    Reading,
    chains,
    consumption,
)
from domain.billing.shared_consumption import Basis, BasisKind, Statement, statements
from domain.billing.tariffs import FlatTariff
from domain.leasing.schedule import Reason
from domain.money import to_decimal

NONE = Decimal(0)
# Reasons that say a meter in service has no reading to close the period with (a meter
# installed or removed in it without its initial or final reading among them).
GAPS = frozenset({"no-readings", "no-opening-reading", "no-reading-in-period",
                  "no-initial-reading", "final-missing"})
# Quantities only: the statements are priced at nothing (the bill run prices them).
UNPRICED = FlatTariff(date.min, NONE)
PLACES = 3  # shares split to 0.001 at least, as the store keeps quantities (kWh, m³, GJ)


@dataclass(frozen=True)
class UnitUse:
    """One unit's consumption in a period, and why."""

    unit_id: str
    direct: Decimal  # its own meters'
    shared: Decimal  # its shares of the shared consumption above it
    measured: bool  # its own meters closed the period (see the module's note)
    meters: tuple[str, ...]  # its own meters' ids
    reasons: tuple[Reason, ...] = ()  # its own meters' reasons, then one per share

    @property
    def total(self) -> Decimal:
        return self.direct + self.shared


def current_readings(readings: Iterable[Reading]) -> list[Reading]:
    """The readings given in the order entered, each correction in its original's place.

    >>> from decimal import Decimal as D
    >>> day = date(2026, 3, 10)
    >>> from domain.billing.meters import ReadingKind
    >>> FINAL, INITIAL = ReadingKind.FINAL, ReadingKind.INITIAL
    >>> ledger = [Reading("m", day, "total", D(520), FINAL),
    ...           Reading("m", day, "total", D(3), INITIAL),
    ...           Reading("m", day, "total", D(521), FINAL)]  # the final, corrected
    >>> [(str(r.kind), r.value) for r in current_readings(ledger)]
    [('final', Decimal('521')), ('initial', Decimal('3'))]
    """
    kept: dict[tuple[str, date, str, str], int] = {}
    out: list[Reading] = []
    for r in readings:
        key = (r.meter_id, r.read_on, r.register, str(r.kind))
        at = kept.get(key)
        if at is None:
            kept[key] = len(out)
            out.append(r)
        else:
            out[at] = r
    return out


def units_below(meter_id: str, meters: Sequence[Meter], tree: Chains | None = None
                ) -> set[str]:
    """The units metered anywhere beneath ``meter_id``'s position (under any record of a
    replaced meter's chain: ``meters.position``; a loop is not followed twice). ``tree``:
    ``chains(meters)`` when the caller has it (asked per feeding meter, it is made once)."""
    tree = tree or chains(meters)
    return _units_below(tree.position(meter_id), tree.tree)


def _units_below(meter_id: str, meters: Sequence[Meter]) -> set[str]:
    """:func:`units_below` a position in a tree whose parents are positions."""
    below: dict[str | None, list[Meter]] = defaultdict(list)
    for m in meters:
        below[m.parent_id].append(m)
    found: set[str] = set()
    seen: set[str] = set()
    todo = [meter_id]
    while todo:
        for m in below.get(todo.pop(), []):
            if m.id in seen:
                continue
            seen.add(m.id)
            if m.unit_id is not None:
                found.add(m.unit_id)
            todo.append(m.id)
    return found


def basis_of(document: Mapping[str, Any] | None, below: Iterable[str],
             areas: Mapping[str, Decimal]) -> Basis:
    """A meter's basis from the store's JSON: ``{}`` or ``{"kind": "area"}`` shares by the
    area of the units metered beneath it (``areas``: unit id → billable m²); any other kind
    names its weights, ``{"kind": "floor", "weights": {unit id: "1.5", …}}``.

    Raises ``ValueError`` for a kind or weight it cannot read.
    """
    document = dict(document or {})
    kind = BasisKind(document.get("kind") or BasisKind.AREA.value)
    weights = document.get("weights")
    if kind is BasisKind.AREA and not weights:
        return Basis(kind, {u: areas[u] for u in sorted(set(below)) if u in areas})
    if not isinstance(weights, Mapping):
        raise ValueError(f"a {kind} basis names its weights per unit, not {weights!r}")
    return Basis(kind, {str(u): _weight(w) for u, w in weights.items()})


def basis_document(basis: Basis | None) -> dict[str, Any]:
    """What the store keeps of a basis: the kind, and its weights as text unless by area."""
    if basis is None or (basis.kind is BasisKind.AREA and not basis.weights):
        return {"kind": BasisKind.AREA.value}
    return {"kind": basis.kind.value, "weights": {u: str(w) for u, w in basis.weights.items()}}


def _weight(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError(f"a weight is a number as text, not {value!r}")
    return to_decimal(value)


def tree_statements(meters: Sequence[Meter], readings: Sequence[Reading], period: Period,
                    documents: Mapping[str, Mapping[str, Any]],
                    areas: Mapping[str, Decimal], places: int = PLACES,
                    ) -> tuple[Statement, ...]:
    """A (quantities only) statement for every meter that feeds others, by its own basis
    (a replaced meter's: each record's own, the month's record's used)."""
    tree = chains(meters)
    feeding = {m.parent_id for m in tree.tree if m.parent_id is not None}
    below = {top: _units_below(top, tree.tree) for top in feeding if top is not None}
    bases = {m.id: basis_of(documents.get(m.id), below[tree.position(m.id)], areas)
             for m in meters if tree.position(m.id) in feeding}
    if not bases:
        return ()
    return statements(meters, readings, period, bases, UNPRICED, places)


def unit_consumption(meters: Sequence[Meter], readings: Iterable[Reading], period: Period,
                     documents: Mapping[str, Mapping[str, Any]],
                     areas: Mapping[str, Decimal], places: int = PLACES,
                     explain: bool = True) -> dict[str, UnitUse]:
    """Each metered unit's consumption in ``period``, by unit id (sorted); a unit a basis
    names without a meter of its own has its share alone (and is not measured).

    ``meters``: one utility's tree; ``readings``: theirs, in the order entered
    (corrections are applied here); ``documents``: each meter's stored basis
    (meter id → JSON; missing: by area); ``areas``: unit id → billable m²; shares are
    split exactly (largest remainder) to ``places`` decimals, or the shared figure's own.
    ``explain``: the reasons too (a map needs the figures alone).
    """
    current = current_readings(readings)
    measured_by: dict[str, Consumption] = {}
    shares: dict[str, Decimal] = defaultdict(lambda: NONE)
    share_reasons: dict[str, list[Reason]] = defaultdict(list)
    for s in tree_statements(meters, current, period, documents, areas, places):
        for line in s.subs:  # each sub meter's consumption, worked out once
            measured_by[line.meter.id] = line.consumption
        for share in s.shares:
            if share.quantity or share.basis:
                shares[share.unit_id] += share.quantity
                if explain:
                    share_reasons[share.unit_id].append(Reason("share", {
                        "meter": s.main_code, "quantity": str(share.quantity),
                        "shared": str(s.shared), "basis": s.basis.kind.value,
                        "weight": str(share.basis), "denominator": str(s.denominator)}))
        if explain:
            for gone in s.left_out:  # not connected: no share, and why
                share_reasons[gone.unit_id].append(Reason("left-out", {
                    "meter": s.main_code, "basis": s.basis.kind.value,
                    "weight": str(gone.basis),
                    "meters": ", ".join(r.params["meter"] for r in gone.reasons)}))
    by_meter: dict[str, list[Reading]] = defaultdict(list)
    for r in current:
        by_meter[r.meter_id].append(r)
    own: dict[str, list[tuple[Meter, Consumption]]] = defaultdict(list)
    for m in meters:
        if m.unit_id is not None:
            used = measured_by.get(m.id) or consumption(m, by_meter.get(m.id, []), period)
            own[m.unit_id].append((m, used))
    out: dict[str, UnitUse] = {}
    for unit_id in sorted(set(own) | set(shares)):
        mine = own.get(unit_id, [])
        codes = [{r.code for r in c.reasons} for _, c in mine]
        measured = (any("reading" in c for c in codes)
                    and not any(c & GAPS for c in codes))
        reasons: tuple[Reason, ...] = ()
        if explain:
            reasons = tuple(replace(r, params={**r.params, "meter": m.code})
                            for m, c in mine for r in c.reasons)
            reasons += tuple(share_reasons.get(unit_id, ()))
        out[unit_id] = UnitUse(unit_id, sum((c.amount for _, c in mine), NONE),
                               shares.get(unit_id, NONE), measured,
                               tuple(m.id for m, _ in mine), reasons)
    return out
