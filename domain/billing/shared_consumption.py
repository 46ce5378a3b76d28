"""The shared consumption statement (公摊): what a meter measured beyond its sub meters,
shared over the units, shown so a tenant can check every figure.

A main (or distribution) meter measures more than its sub meters: line loss,
and common use no sub meter sees (corridor lighting, a lift without a meter of
its own). That difference (*unmetered*), plus what the sub meters serving no
unit measured (*common*: a lift's, a corridor's), is the *shared*
consumption. As the floor area statement shares a floor's common pool
(``domain.allocation``), it is shared over the units in proportion to a
:class:`Basis`: their area (the 公摊 rule), or weights a park agrees on — per
floor, per headcount, any other.

The statement shows the main meter's consumption and each sub meter's (a
unit's, a common area's, or a distribution meter's: one with sub meters of its
own, whose own difference its own statement shares); unmetered = main − Σ sub
meters; shared = unmetered + common; the basis and its denominator (Σ weights)
and the rate, shared ÷ denominator (kWh per m² on an area basis; six places,
shown only, like ``domain.allocation``'s 公摊系数); and for each unit its
weight, its fraction, its direct consumption (its own meters under this one),
its share of the shared consumption and that share's amount.

What adds up exactly (and is tested):

- main = Σ sub meters + unmetered;
- Σ unit shares = shared. Shares are split by the largest remainder at
  ``places`` decimals — the caller's, never fewer than the shared figure's
  own, so the parts can add up — a tied unit to the first unit by id
  (:func:`domain.billing.tariffs.split_exactly`);
- Σ unit amounts = the shared charge: the shared consumption priced as one
  (``tariffs.price``, rounded at the line), then split to the cent by the
  same rule and weights. A unit's amount is its part of that charge, not its
  quantity priced alone, which could leave the parts a cent off the whole;
- over a tree (:func:`statements`): the root meter's consumption = Σ the
  units' direct consumption + Σ shares allocated + Σ left unallocated.

Not claimed: the tariff on the main's consumption equals Σ each unit's direct
use priced + the shared charge. Every line rounds to the cent (up to half a
cent a line), and a tiered tariff's bands apply per consumer, not per park.

A sub meter out of service for the whole period (installed after it, removed
before it: ``meters.in_service``) measured nothing and is no sub meter then: it
is left out of the statement and of Σ sub meters, so a meter installed in July
neither lists a line of 0 in June's statement nor holds it as unread.

A unit not connected takes no share (:func:`not_connected`). When every meter
billing a unit beneath this one (at any depth) is out of service for the whole
period by its service dates, the unit was not on this supply that month: it is
left out of the basis and the denominator, so the others' fractions are of
the units connected, and listed in :attr:`Statement.left_out` with its weight
and, per meter, why (``removed`` or ``not-installed``, the meter's code and
day), for the statement to say. The month a meter is installed or removed in,
the unit takes its full share: it was connected for part of it. A clerk can
say that in one sentence ("connected in March, so it shares March's 公摊"),
and it is the only honest split the readings allow: the shared consumption is
known for the month, not by day (no interpolation, as ``meters`` reads a
month), so a share by days connected would weigh a unit by a guess, and a
basis of the month's days would be weights the tenant cannot check against
the area on the lease. A unit the basis names with no meter beneath this one
(an agreed weight) is not judged: it shares as agreed. Σ shares = shared and
the tree's identity still hold: a unit left out has no meter in service here,
so no direct use here either.

Not allocated but flagged: a negative shared consumption (sub meters exceed
the main: a meter fault), on any time-of-use register too; a basis whose
weights add up to 0, or none of whose units was connected
(``no-unit-connected``). Flagged and allocated: a unit metered under this
meter but missing from the basis (listed with weight 0: it gets no share), a
reading problem of any meter (``meters.PROBLEMS``). A statement with flags is
a preview, not ``ready`` to bill.

A main (or distribution) meter replaced by a new record is one position with
it (``meters.position``; a CT upgrade, a failed meter swapped): its statement
for a month is over the records in service that month (``meters.in_service``),
each its own line (:attr:`Statement.mains`, oldest first) with its own
readings, the old up to its final reading and the new from its initial. The
main's consumption is their sum (:attr:`Statement.main`: one line, the newest
record's, with every record's reasons), so main = Σ sub meters + unmetered
still holds exactly, and a ``main-replaced`` note says who measured what.
Sub meters of any record of the chain are the position's, so moving them from
the old record to the new one rewrites no month. The basis is the one set on
the record serving the month (``meters.serving``: the newest in service), so a
month before the swap keeps the old record's.

Time of use: when the main and its sub meters have the same registers, the
shared consumption is worked out register by register; otherwise it is a
total, and a time-of-use tariff prices it split over the registers as the
main meter's consumption is (the loss follows the main meter's hours).

>>> from datetime import date
>>> from decimal import Decimal as D
>>> from domain.billing.meters import Meter, Period, Reading, Utility
>>> from domain.billing.tariffs import FlatTariff
>>> E = Utility.ELECTRICITY
>>> meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
...           Meter("b", "E-102", E, "M", "102"), Meter("L", "LIFT", E, "M")]
>>> ends = {"M": (0, 1000), "a": (0, 300), "b": (0, 500), "L": (0, 50)}
>>> readings = [Reading(m, date(2026, day, 1), "total", D(v))
...             for m, (v0, v1) in ends.items() for day, v in ((3, v0), (4, v1))]
>>> s = statement("M", meters, readings, Period.month(2026, 3),
...               Basis("area", {"101": D("120"), "102": D("80")}),
...               FlatTariff(date(2026, 1, 1), D("0.85")))
>>> s.main.amount, s.unmetered, s.common, s.shared
(Decimal('1000'), Decimal('150'), Decimal('50'), Decimal('200'))
>>> s.denominator, s.rate
(Decimal('200'), Decimal('1.000000'))
>>> [(u.unit_id, u.fraction, u.direct, u.quantity, u.amount) for u in s.shares]
[('101', Decimal('0.600000'), Decimal('300'), Decimal('120'), Decimal('102.00')), \
('102', Decimal('0.400000'), Decimal('500'), Decimal('80'), Decimal('68.00'))]
>>> s.charge.amount, s.ready
(Decimal('170.00'), True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from domain.allocation import RATIO_PLACES  # fractions and the rate, six places
from domain.billing.meters import (
    OUT_OF_SERVICE,
    TIME_OF_USE,
    TOTAL,
    Chains,
    Consumption,
    Flag,
    Meter,
    Period,
    Reading,
    chains,
    children,
    consumption,
    flag,
    in_service,
    serving,
)
from domain.billing.tariffs import (
    Charged,
    Tariff,
    TouTariff,
    places_of,
    price,
    split_exactly,
)
from domain.leasing.schedule import Reason
from domain.money import ZERO, round_to

NONE = Decimal(0)  # no quantity


class BasisKind(StrEnum):
    AREA = "area"  # m², the 公摊 rule
    FLOOR = "floor"  # a weight per floor (upper floors use the lift more)
    HEADCOUNT = "headcount"
    WEIGHTS = "weights"  # any other agreed weight


@dataclass(frozen=True)
class Basis:
    """What the shared consumption is split by, and each unit's weight (unit id → weight)."""

    kind: BasisKind
    weights: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", BasisKind(self.kind))
        weights = dict(self.weights)
        for unit, w in weights.items():
            if not isinstance(w, Decimal | int) or isinstance(w, bool):
                raise TypeError(f"unit {unit}: a weight is a Decimal or int, not {w!r}")
            if w < 0:
                raise ValueError(f"unit {unit}: a weight cannot be negative ({w})")
            weights[unit] = Decimal(w)
        object.__setattr__(self, "weights", weights)

    def within(self, unit_ids: Iterable[str]) -> Basis:
        """The same basis over only these units (those it has a weight for)."""
        keep = set(unit_ids)
        return Basis(self.kind, {u: w for u, w in self.weights.items() if u in keep})


class Role(StrEnum):
    UNIT = "unit"  # bills a unit: its consumption is the unit's direct use
    COMMON = "common"  # serves no unit (lift, corridor): its consumption is shared
    DISTRIBUTION = "distribution"  # feeds sub meters of its own (and is the statement's main)


@dataclass(frozen=True)
class MeterLine:
    meter: Meter
    role: Role
    consumption: Consumption

    @property
    def amount(self) -> Decimal:
        return self.consumption.amount


@dataclass(frozen=True)
class UnitShare:
    unit_id: str
    basis: Decimal  # its weight
    fraction: Decimal  # weight ÷ denominator, six places (shown; the split is exact)
    direct: Decimal  # its own meters' consumption under this meter
    quantity: Decimal  # its share of the shared consumption
    amount: Decimal  # its part of the shared charge

    @property
    def total(self) -> Decimal:
        return self.direct + self.quantity


@dataclass(frozen=True)
class LeftOut:
    """A unit of the basis that takes no share: none of its meters beneath the statement's
    was in service any day of the period (see the module)."""

    unit_id: str
    basis: Decimal  # its weight in the basis, not counted in the denominator
    reasons: tuple[Reason, ...]  # one a meter, by code: ``removed`` / ``not-installed``


@dataclass(frozen=True)
class Statement:
    period: Period
    main: MeterLine  # the position's: one record's line, or the records' summed (the newest's)
    subs: tuple[MeterLine, ...]
    unmetered: Decimal  # main − Σ sub meters: line loss and unmetered common use
    common: Decimal  # Σ sub meters that serve no unit
    shared: Decimal  # unmetered + common
    shared_by_register: Mapping[str, Decimal]
    basis: Basis  # as given; the units it names that were not connected are ``left_out``
    denominator: Decimal  # Σ weights of the units sharing
    rate: Decimal | None  # shared ÷ denominator, six places; None on a zero denominator
    charge: Charged | None  # the shared consumption priced; None when not allocated or priced
    shares: tuple[UnitShare, ...]  # by unit id
    notes: tuple[Reason, ...] = ()
    flags: tuple[Flag, ...] = ()
    left_out: tuple[LeftOut, ...] = ()  # by unit id: not connected, no share
    mains: tuple[MeterLine, ...] = ()  # each record of the main in service, oldest first

    @property
    def unit(self) -> str:
        return self.main.meter.utility.unit

    @property
    def main_code(self) -> str:
        """The main as a tenant reads it this month: its code, or its records' joined
        ("E-MAIN-1 + E-MAIN-2") the month it was replaced in."""
        return " + ".join(line.meter.code for line in self.mains) or self.main.meter.code

    @property
    def allocated(self) -> Decimal:
        return sum((s.quantity for s in self.shares), NONE)

    @property
    def unallocated(self) -> Decimal:
        """What was not shared (a negative shared consumption, a zero basis): flagged."""
        return self.shared - self.allocated

    @property
    def amount(self) -> Decimal:
        return ZERO if self.charge is None else self.charge.amount

    @property
    def ready(self) -> bool:
        return not self.flags


def statement(
    meter_id: str,
    meters: Sequence[Meter],
    readings: Iterable[Reading],
    period: Period,
    basis: Basis | Mapping[str, Basis],
    tariff: Tariff | Sequence[Tariff],
    places: int | None = None,
) -> Statement:
    """The statement of one meter that feeds sub meters (of its position: any record of
    its chain names it): its shared consumption over ``basis``'s units connected in
    ``period`` (plus, at weight 0 and flagged, units metered beneath it that the basis
    leaves out; those not connected are ``left_out``), priced at ``tariff``; shares to
    ``places`` decimals at least. ``basis``: one, or one per record of the chain (by id:
    the record serving the period's is used)."""
    if not any(m.id == meter_id for m in meters):
        raise ValueError(f"no meter {meter_id}")
    tree = chains(meters)
    top = tree.position(meter_id)
    records = tree.records(top)
    grouped = _grouped(readings)
    return _statement(top, tree, grouped, period, _basis(records, period, basis), tariff,
                      places, {m.parent_id for m in tree.tree}, _mains(records, grouped, period))


def statements(
    meters: Sequence[Meter],
    readings: Iterable[Reading],
    period: Period,
    bases: Basis | Mapping[str, Basis],
    tariff: Tariff | Sequence[Tariff],
    places: int | None = None,
) -> tuple[Statement, ...]:
    """A statement for every meter that feeds others (every position: a replaced meter's
    records make one), parents before children.

    ``bases``: one per such meter (by id; for a replaced one, by any record of its chain:
    the record serving the period's is used), or one basis for all, each meter's shared
    consumption then going to the units metered beneath it (at any depth).
    """
    tree = chains(meters)
    by_id = {m.id: m for m in tree.tree}
    feeding = {m.parent_id for m in tree.tree}
    grouped = _grouped(readings)
    out = []
    for m in sorted((m for m in tree.tree if m.id in feeding),
                    key=lambda m: (_depth(m, by_id), m.code)):
        records = tree.records(m.id)
        if isinstance(bases, Basis):
            basis = bases.within(_units_below(m.id, tree.tree))
        else:
            basis = _basis(records, period, bases)
        out.append(_statement(m.id, tree, grouped, period, basis, tariff, places, feeding,
                              _mains(records, grouped, period)))
    return tuple(out)


def _basis(records: Sequence[Meter], period: Period, bases: Basis | Mapping[str, Basis],
           ) -> Basis:
    """The basis of a position's statement: the one given, or the one of the record serving
    the period, else of its newest record that has one."""
    if isinstance(bases, Basis):
        return bases
    first = serving(records, period)
    for m in (first, *reversed(records)):
        if m.id in bases:
            return bases[m.id]
    raise ValueError(f"no basis for meter {first.code}'s shared consumption")


def _mains(records: Sequence[Meter], readings: Mapping[str, list[Reading]], period: Period,
           ) -> tuple[MeterLine, ...]:
    """The lines of a position's records in service in the period, oldest first: one that
    measured nothing by its readings (closed before it, opened after it) is left out, unless
    every one did; none in service: the newest record's."""
    lines = [MeterLine(m, Role.DISTRIBUTION, consumption(m, readings.get(m.id, []), period))
             for m in records if in_service(m, period)]
    kept = [line for line in lines if not (line.consumption.reasons and all(
        r.code in OUT_OF_SERVICE for r in line.consumption.reasons))]
    if kept:
        return tuple(kept)
    if lines:
        return (lines[-1],)
    newest = records[-1]
    return (MeterLine(newest, Role.DISTRIBUTION,
                      consumption(newest, readings.get(newest.id, []), period)),)


def _summed(mains: Sequence[MeterLine]) -> MeterLine:
    """The position's line: its one record's, or the records' consumption summed (register
    by register when they all have the newest's registers, else as a total) on the newest
    record, each reason naming its record's code."""
    if len(mains) == 1:
        return mains[0]
    newest = mains[-1].meter
    amount = sum((line.amount for line in mains), NONE)
    if all(line.meter.registers == newest.registers for line in mains):
        by_register = {r: sum((line.consumption.by_register[r] for line in mains), NONE)
                       for r in newest.registers}
    else:
        newest = replace(newest, registers=(TOTAL,))
        by_register = {TOTAL: amount}
    reasons = tuple(replace(r, params={**r.params, "meter": line.meter.code})
                    for line in mains for r in line.consumption.reasons)
    return MeterLine(newest, Role.DISTRIBUTION,
                     Consumption(newest.id, amount, by_register, reasons))


def _replaced_notes(mains: Sequence[MeterLine]) -> list[Reason]:
    """What each record of a replaced main measured, one note a replacement."""
    notes = []
    for old, new in pairwise(mains):
        on = new.meter.installed_on or old.meter.removed_on
        notes.append(Reason("main-replaced", {
            "old": old.meter.code, "new": new.meter.code, "on": on.isoformat() if on else "",
            "old_use": str(old.amount), "new_use": str(new.amount),
            "main": str(old.amount + new.amount)}))
    return notes


def _statement(top: str, tree: Chains, readings: Mapping[str, list[Reading]],
               period: Period, basis: Basis, tariff: Tariff | Sequence[Tariff],
               places: int | None, feeding: set[str | None],
               mains: tuple[MeterLine, ...]) -> Statement:
    main_line = _summed(mains)
    main = main_line.meter
    subs = tuple(MeterLine(m, _role(m, feeding, tree),
                           consumption(m, readings.get(m.id, []), period))
                 for m in children(tree.tree, top)
                 if in_service(m, period) and tree.position(m.id) != top)
    unit = main.utility.unit
    flags = [flag(line.meter, r.code, r.params)
             for line in (*mains, *subs) for r in line.consumption.problems]
    unmetered = main_line.amount - sum((s.amount for s in subs), NONE)
    common = sum((s.amount for s in subs if s.role is Role.COMMON), NONE)
    shared = unmetered + common
    by_register, unmetered_by_register, notes = _shared_by_register(main_line, subs)
    notes = _replaced_notes(mains) + notes

    direct: dict[str, Decimal] = defaultdict(lambda: NONE)
    metered_by: dict[str, str] = {}
    for s in subs:
        if s.role is Role.UNIT and s.meter.unit_id is not None:
            direct[s.meter.unit_id] += s.amount
            metered_by.setdefault(s.meter.unit_id, s.meter.code)
    away = _not_connected(top, tree.tree, period)
    left_out = tuple(LeftOut(u, basis.weights[u], away[u])
                     for u in sorted(away) if u in basis.weights)
    weights = {u: w for u, w in basis.weights.items() if u not in away}
    for unit_id in sorted(set(direct) - set(weights)):
        weights[unit_id] = NONE
        flags.append(Flag("unit-without-basis", f"{main.code}: unit {unit_id} is metered by "
                          f"{metered_by[unit_id]} but has no {basis.kind} weight; it gets no "
                          "share", {"meter": main.code, "unit": unit_id,
                                    "by": metered_by[unit_id], "basis": basis.kind.value},
                          main.id, unit_id))
    units = sorted(weights)
    denominator = sum((weights[u] for u in units), NONE)

    allocate = True
    if unmetered < 0 or any(q < 0 for q in unmetered_by_register.values()):
        allocate = False
        metered = main_line.amount - unmetered
        falls = [(r, main_line.consumption.by_register[r], main_line.consumption.by_register[r] - q)
                 for r, q in unmetered_by_register.items() if q < 0]
        where = (f"{metered} {unit} against its own {main_line.amount} {unit}" if unmetered < 0
                 else "; ".join(f"{r}: {b} {unit} against its own {a} {unit}"
                                for r, a, b in falls))
        flags.append(Flag("negative-shared", f"{main.code}: its sub meters measured more than it "
                          f"did ({where}); nothing is shared until the meters are checked",
                          {"meter": main.code, "main": str(main_line.amount),
                           "subs": str(metered), "unmetered": str(unmetered),
                           "registers": ", ".join(r for r, _, _ in falls)}, main.id))
    elif denominator == 0:
        allocate = False
        if shared != 0 and any(x.basis for x in left_out):
            flags.append(Flag("no-unit-connected", f"{main.code}: {shared} {unit} to share, "
                              "but no unit of its basis was connected in the period",
                              {"meter": main.code, "shared": str(shared),
                               "units": str(len(left_out))}, main.id))
        elif shared != 0:
            flags.append(Flag("no-basis", f"{main.code}: {shared} {unit} to share, but the "
                              f"{basis.kind} weights add up to 0",
                              {"meter": main.code, "shared": str(shared),
                               "basis": basis.kind.value}, main.id))

    quantities = [NONE] * len(units)
    amounts = [ZERO] * len(units)
    charge = None
    if allocate:
        w = [weights[u] for u in units]
        quantities = split_exactly(shared, w, max(places or 0, places_of(shared)))
        priced, note = _for_pricing(tariff, by_register, main_line.consumption)
        notes += note
        try:
            charge = price(tariff, priced, period)
        except ValueError as exc:
            flags.append(Flag("cannot-price", f"{main.code}: the shared {shared} {unit} cannot "
                              f"be priced: {exc}", {"meter": main.code, "shared": str(shared),
                                                    "problem": str(exc)}, main.id))
        if charge is not None:
            amounts = split_exactly(charge.amount, w, 2)

    shares = tuple(
        UnitShare(u, weights[u],
                  round_to(weights[u] / denominator, RATIO_PLACES) if denominator else NONE,
                  direct.get(u, NONE), q, a)
        for u, q, a in zip(units, quantities, amounts, strict=True))
    rate = round_to(shared / denominator, RATIO_PLACES) if denominator else None
    return Statement(period, main_line, subs, unmetered, common, shared, by_register, basis,
                     denominator, rate, charge, shares, tuple(notes), tuple(flags), left_out,
                     mains)


def not_connected(meter_id: str, meters: Sequence[Meter], period: Period,
                  ) -> dict[str, tuple[Reason, ...]]:
    """The units metered beneath ``meter_id`` (its position's, at any depth) none of whose
    meters there is in service any day of ``period`` (``meters.in_service``), by unit id:
    why, one reason a meter by code (``not-installed`` or ``removed``, its ``meter`` and the
    day ``on``). Such a unit was not connected to this supply: it takes no share of its
    shared consumption.

    >>> from datetime import date
    >>> from domain.billing.meters import Utility
    >>> E = Utility.ELECTRICITY
    >>> meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101",
    ...                                          removed_on=date(2026, 3, 1)),
    ...           Meter("b", "E-102", E, "M", "102", installed_on=date(2026, 3, 20))]
    >>> [(u, [(r.code, r.params["on"]) for r in why])
    ...  for u, why in not_connected("M", meters, Period.month(2026, 3)).items()]
    [('101', [('removed', '2026-03-01')])]
    """
    if all(in_service(m, period) for m in meters if m.unit_id is not None):
        return {}  # the usual month: nothing to walk
    tree = chains(meters)
    return _not_connected(tree.position(meter_id), tree.tree, period)


def _not_connected(meter_id: str, meters: Sequence[Meter], period: Period,
                   ) -> dict[str, tuple[Reason, ...]]:
    """:func:`not_connected` of a position in a tree whose parents are positions."""
    if all(in_service(m, period) for m in meters if m.unit_id is not None):
        return {}
    mine: dict[str, list[Meter]] = defaultdict(list)
    for m in _meters_below(meter_id, meters):
        if m.unit_id is not None:
            mine[m.unit_id].append(m)
    out: dict[str, tuple[Reason, ...]] = {}
    for unit_id in sorted(mine):
        if any(in_service(m, period) for m in mine[unit_id]):
            continue
        out[unit_id] = tuple(_out_of_service(m, period)
                             for m in sorted(mine[unit_id], key=lambda m: m.code))
    return out


def _out_of_service(meter: Meter, period: Period) -> Reason:
    """Why a meter is out of service all ``period``: not installed yet, or removed."""
    installed = meter.installed_on
    if installed is not None and period.end <= installed:
        return Reason("not-installed", {"meter": meter.code, "on": installed.isoformat()})
    assert meter.removed_on is not None
    return Reason("removed", {"meter": meter.code, "on": meter.removed_on.isoformat()})


def _shared_by_register(main: MeterLine, subs: Sequence[MeterLine],
                        ) -> tuple[dict[str, Decimal], dict[str, Decimal], list[Reason]]:
    """Shared and unmetered consumption per register when every sub meter has the main's
    registers; otherwise the shared as a total (and no unmetered figure per register)."""
    registers = main.meter.registers
    if not all(s.meter.registers == registers for s in subs):
        billed = main.amount - sum((s.amount for s in subs if s.role is not Role.COMMON), NONE)
        return {TOTAL: billed}, {}, [Reason("registers-differ", {
            "meter": main.meter.code, "registers": ", ".join(registers)})]
    shared: dict[str, Decimal] = {}
    unmetered: dict[str, Decimal] = {}
    for r in registers:
        unmetered[r] = main.consumption.by_register[r] - sum(
            (s.consumption.by_register[r] for s in subs), NONE)
        shared[r] = unmetered[r] + sum(
            (s.consumption.by_register[r] for s in subs if s.role is Role.COMMON), NONE)
    return shared, unmetered, []


def _for_pricing(tariff: Tariff | Sequence[Tariff], by_register: Mapping[str, Decimal],
                 main: Consumption) -> tuple[Mapping[str, Decimal], list[Reason]]:
    """A shared total split over the main meter's time-of-use registers, as its consumption
    is, when a time-of-use tariff must price it; otherwise as it is."""
    history = [tariff] if not isinstance(tariff, Sequence) else list(tariff)
    mix = {r: q for r, q in main.by_register.items() if r in TIME_OF_USE}
    if (set(by_register) != {TOTAL} or not any(isinstance(t, TouTariff) for t in history)
            or not mix or any(q < 0 for q in mix.values()) or sum(mix.values(), NONE) == 0):
        return by_register, []
    total = by_register[TOTAL]
    parts = split_exactly(total, list(mix.values()), places_of(total))
    return dict(zip(mix, parts, strict=True)), [Reason("shared-by-main-registers", {
        "registers": ", ".join(f"{r} {q}" for r, q in mix.items())})]


def _grouped(readings: Iterable[Reading]) -> dict[str, list[Reading]]:
    """Readings by meter, each meter's in the order given (a day's order is kept)."""
    out: dict[str, list[Reading]] = defaultdict(list)
    for r in readings:
        out[r.meter_id].append(r)
    return out


def _role(meter: Meter, feeding: set[str | None], tree: Chains) -> Role:
    if tree.position(meter.id) in feeding:  # a replaced distribution meter's old record too
        return Role.DISTRIBUTION
    return Role.UNIT if meter.unit_id is not None else Role.COMMON


def _units_below(meter_id: str, meters: Sequence[Meter]) -> set[str]:
    """The units metered anywhere beneath ``meter_id``."""
    return {m.unit_id for m in _meters_below(meter_id, meters) if m.unit_id is not None}


def _meters_below(meter_id: str, meters: Sequence[Meter]) -> list[Meter]:
    """The meters anywhere beneath ``meter_id``, each once."""
    below: dict[str | None, list[Meter]] = defaultdict(list)
    for m in meters:
        below[m.parent_id].append(m)
    found: list[Meter] = []
    seen: set[str] = set()
    todo = [meter_id]
    while todo:
        here = todo.pop()
        for m in below.get(here, []):
            if m.id in seen:
                continue  # a loop (meters.tree_flags names it)
            seen.add(m.id)
            found.append(m)
            todo.append(m.id)
    return found


def _depth(meter: Meter, by_id: Mapping[str, Meter]) -> int:
    depth, seen, up = 0, {meter.id}, meter.parent_id
    while up is not None and up in by_id and up not in seen:
        seen.add(up)
        depth += 1
        up = by_id[up].parent_id
    return depth

