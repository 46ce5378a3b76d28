"""The floor area statement (面积明细表): a building's stored areas, totalled and checked.

Finance bills on the areas the floor plans give, so the statement shows them
per unit, per floor and for the building, and checks them against the one
rule that makes them (:mod:`domain.floor_areas`): a floor's common pool is
its common rooms plus its walls and unassigned floor (gross less every unit's
internal area), shared over its units for rent by internal area; the
building's shared rooms are pooled over the units for rent on every floor.
What does not add up is a :class:`Finding` that says where (floor, unit) and
by how much; a stored share that is not the rule's (figures left stale by an
edit) names its unit. Leased, vacant and other areas come from each unit's
state on the date (``domain.occupancy``'s table, worked out by the caller).

The statement reports the stored figures, as billed; the rule's figures are
beside them (:attr:`UnitLine.expected`) and only the findings compare them.

Examples
--------
>>> from decimal import Decimal as D
>>> from domain.assets import UnitStatus as S
>>> from domain.occupancy import UnitState as T
>>> floor = FloorFigures(1, "1F", D("250.00"), (
...     UnitFigures("101", "", SpaceUse.LEASABLE, S.LEASABLE, T.LEASED,
...                 D("100.00"), D("66.67"), D("166.67"), D("166.67")),
...     UnitFigures("102", "", SpaceUse.LEASABLE, S.LEASABLE, T.VACANT,
...                 D("50.00"), D("33.33"), D("83.33"), D("83.33")),
...     UnitFigures("103", "", SpaceUse.COMMON, S.LEASABLE, T.COMMON,
...                 D("40.00"), D("0.00"), D("0.00"), D("0.00"))))
>>> statement = building_statement([floor])
>>> totals = statement.totals
>>> totals.common_rooms, totals.walls, totals.common_pool, totals.ratio, totals.load_factor
(Decimal('40.00'), Decimal('60.00'), Decimal('100.00'), Decimal('0.666667'), Decimal('1.666667'))
>>> totals.leasable, totals.leased, totals.vacant, statement.findings
(Decimal('250.00'), Decimal('166.67'), Decimal('83.33'), ())
>>> stale = building_statement([replace(floor, units=(
...     replace(floor.units[0], common_share=D("60.00")), *floor.units[1:]))])
>>> [(f.code, f.unit) for f in stale.findings]
[('share-sum', None), ('unit-share', '101'), ('unit-sum', '101')]
>>> stale.findings[0].message
'1F: the common shares add up to 93.33 m², not 100.00 m² (off by -6.67 m²)'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from domain.allocation import RATIO_QUANTUM
from domain.assets import UnitStatus
from domain.floor_areas import (
    BillableRule,
    FloorInput,
    UnitAreas,
    UnitInput,
    allocate_building,
    floor_pool,
)
from domain.money import round_to
from domain.occupancy import UnitState, is_leasable
from domain.space_use import SpaceUse, is_common

ZERO = Decimal("0.00")
RATIO_PLACES = -RATIO_QUANTUM.as_tuple().exponent  # six, as domain.allocation gives ratios
# States counted as "other" leasable area: on the market or held, but neither let nor vacant.
OTHER_STATES = frozenset({UnitState.SIGNED, UnitState.RESERVED, UnitState.UNAVAILABLE})
COUNTED_STATES = OTHER_STATES | {UnitState.LEASED, UnitState.VACANT}


# -- what goes in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFigures:
    """One live unit's stored figures and its state on the statement's date."""

    code: str
    name: str
    use: SpaceUse
    status: UnitStatus
    state: UnitState  # domain.occupancy.unit_state of its status, contracts and use
    internal_area: Decimal
    common_share: Decimal
    leasable_area: Decimal
    billable_area: Decimal
    gross_area: Decimal | None = None  # checked when given: internal + share (common: internal)


@dataclass(frozen=True)
class FloorFigures:
    """A floor, its gross area (the outline's; None when it has none) and its live units."""

    level: int
    name: str
    gross_area: Decimal | None
    units: tuple[UnitFigures, ...]


@dataclass(frozen=True)
class StatementHeader:
    """Whose statement it is, and for which date (for titles; no figure depends on it)."""

    park_code: str = ""
    park_name: str = ""
    building_code: str = ""
    building_name: str = ""
    day: date | None = None


# -- what comes out ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """Something that does not add up: a stable ``code``, its ``params`` (strings, for a
    translated template), the English ``message``, and where: the floor's level and the
    unit's code (None for a whole floor or the building)."""

    code: str
    message: str
    params: Mapping[str, str] = field(default_factory=dict)
    level: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class UnitLine:
    """A unit as the statement shows it: its stored figures, what the rule makes of them,
    and its allocation ratio (stored share ÷ internal; None for common area)."""

    figures: UnitFigures
    expected: UnitAreas
    ratio: Decimal | None

    @property
    def code(self) -> str:
        return self.figures.code

    @property
    def load_factor(self) -> Decimal | None:
        return None if self.ratio is None else 1 + self.ratio


@dataclass(frozen=True)
class Totals:
    """A floor's or the building's figures. Areas in m²; ``ratio`` is 公摊系数 (common pool
    ÷ internal area of the units for rent) and ``load_factor`` BOMA's 1 + ratio, both to
    six places, None when nothing is for rent."""

    units: int
    gross_area: Decimal | None  # the outline's (a building: None unless every floor has one)
    common_rooms: Decimal  # internal area of the floor's common units
    walls: Decimal | None  # walls and unassigned floor: gross less every unit's internal area
    building_rooms: Decimal  # internal area of the building's shared rooms on this floor
    building_part: Decimal  # the floor's part of the building's shared rooms, by the rule
    common_pool: Decimal  # common rooms + walls + building part: what the units for rent carry
    internal_leasable: Decimal  # internal area of the units for rent (any status)
    shares: Decimal  # their stored common shares
    leasable: Decimal  # leasable area on the date (domain.occupancy's sums)
    leased: Decimal
    vacant: Decimal
    other: Decimal  # signed, reserved, under renovation or frozen
    not_leasable: Decimal  # leasable area of units for rent whose status is not leasable
    billable: Decimal
    ratio: Decimal | None
    load_factor: Decimal | None


@dataclass(frozen=True)
class FloorStatement:
    level: int
    name: str
    totals: Totals
    lines: tuple[UnitLine, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class BuildingStatement:
    header: StatementHeader
    rule: BillableRule
    floors: tuple[FloorStatement, ...]
    totals: Totals
    building_pool: Decimal  # the building's shared rooms, pooled over every floor
    findings: tuple[Finding, ...]  # every floor's, then the building's own

    @property
    def adds_up(self) -> bool:
        return not self.findings


# -- the statement -----------------------------------------------------------------------------


def building_statement(
    floors: Sequence[FloorFigures],
    rule: BillableRule | str = BillableRule.LEASABLE,
    header: StatementHeader | None = None,
) -> BuildingStatement:
    """The statement of a building's floors, checked against the rule.

    Floors are listed by level and units by code: the order the rule shares in
    (largest remainder gives a tied odd cent to the first), so it must be the
    writers' order too.
    """
    rule = BillableRule(rule)
    ordered = [_in_order(f) for f in sorted(floors, key=lambda f: f.level)]
    inputs = [_floor_input(i, floor) for i, floor in enumerate(ordered)]
    expected = allocate_building(inputs, rule)
    statements = tuple(
        floor_statement(floor, rule, [expected[(i, j)] for j in range(len(floor.units))])
        for i, floor in enumerate(ordered)
    )
    pool = sum((u.internal_area for f in ordered for u in f.units
                if u.use is SpaceUse.BUILDING_COMMON), ZERO)
    findings = [f for s in statements for f in s.findings]
    for_rent = sum((u.internal_area for f in ordered for u in f.units if not is_common(u.use)),
                   ZERO)
    if pool > 0 and for_rent <= 0:
        findings.append(Finding(
            "building-pool-unshared",
            f"the building's shared common rooms ({_m2(pool)} m²) have no unit for rent to be "
            "shared over", {"pool": _m2(pool)}))
    return BuildingStatement(header or StatementHeader(), rule, statements,
                             _sum_totals([s.totals for s in statements]), pool, tuple(findings))


def floor_statement(
    floor: FloorFigures,
    rule: BillableRule | str = BillableRule.LEASABLE,
    expected: Sequence[UnitAreas] | None = None,
) -> FloorStatement:
    """One floor's statement; ``expected`` holds the rule's areas of its units, in order
    (:func:`building_statement` passes them, with their building shares). Without them the
    floor is taken as a building of its own, its units by code."""
    rule = BillableRule(rule)
    if expected is None:
        floor = _in_order(floor)
        areas = allocate_building([_floor_input(0, floor)], rule)
        expected = [areas[(0, j)] for j in range(len(floor.units))]
    if len(expected) != len(floor.units):
        raise ValueError("one expected figure per unit of the floor is needed")
    pool = floor_pool(_floor_input(0, floor))
    units = floor.units
    rent = [(u, e) for u, e in zip(units, expected, strict=True) if not is_common(u.use)]
    internal_leasable = sum((u.internal_area for u, _ in rent), ZERO)
    building_part = sum((e.building_share for _, e in rent), ZERO)
    common_pool = pool.total + building_part
    ratio = (round_to(common_pool / internal_leasable, RATIO_PLACES)
             if internal_leasable > 0 else None)
    leased = vacant = other = leasable = not_leasable = ZERO
    for u in units:
        if is_leasable(u.status, u.use):
            leasable += u.leasable_area
        elif not is_common(u.use):
            not_leasable += u.leasable_area
        if u.state is UnitState.LEASED:
            leased += u.leasable_area
        elif u.state is UnitState.VACANT:
            vacant += u.leasable_area
        elif u.state in OTHER_STATES:
            other += u.leasable_area
    totals = Totals(
        units=len(units),
        gross_area=floor.gross_area,
        common_rooms=pool.common_rooms,
        walls=None if floor.gross_area is None else pool.walls,
        building_rooms=sum((u.internal_area for u in units
                            if u.use is SpaceUse.BUILDING_COMMON), ZERO),
        building_part=building_part,
        common_pool=common_pool,
        internal_leasable=internal_leasable,
        shares=sum((u.common_share for u, _ in rent), ZERO),
        leasable=leasable, leased=leased, vacant=vacant, other=other,
        not_leasable=not_leasable,
        billable=sum((u.billable_area for u, _ in rent), ZERO),
        ratio=ratio, load_factor=None if ratio is None else 1 + ratio,
    )
    lines = tuple(
        UnitLine(u, e, None if is_common(u.use) or u.internal_area <= 0
                 else round_to(u.common_share / u.internal_area, RATIO_PLACES))
        for u, e in zip(units, expected, strict=True)
    )
    findings = _floor_findings(floor, totals, pool.excess, lines, rule)
    return FloorStatement(floor.level, floor.name, totals, lines, tuple(findings))


# -- checks ------------------------------------------------------------------------------------


def _floor_findings(floor: FloorFigures, totals: Totals, excess: Decimal,
                    lines: Sequence[UnitLine], rule: BillableRule) -> list[Finding]:
    where = {"floor": floor.name, "level": str(floor.level)}
    found: list[Finding] = []

    def add(code: str, message: str, unit: str | None = None, **params: Decimal | str) -> None:
        texts = {k: _signed(v) if k == "difference" else _m2(v) if isinstance(v, Decimal)
                 else v for k, v in params.items()}
        found.append(Finding(code, message.format(**where, unit=unit, **texts),
                             {**where, **({"unit": unit} if unit else {}), **texts},
                             floor.level, unit))

    if excess > 0:
        add("units-exceed-floor", "{floor}: the units' internal area ({internal} m²) exceeds "
            "the floor's gross area ({gross} m²) by {excess} m²",
            internal=sum((u.internal_area for u in floor.units), ZERO),
            gross=floor.gross_area or ZERO, excess=excess)
    own_pool = totals.common_rooms + (totals.walls or ZERO)
    if own_pool > 0 and totals.internal_leasable <= 0:
        add("pool-unshared", "{floor}: {pool} m² of common area has no unit for rent to be "
            "shared over", pool=own_pool)
    expected_shares = sum((line.expected.share for line in lines
                           if not is_common(line.figures.use)), ZERO)
    if totals.shares != expected_shares:
        add("share-sum", "{floor}: the common shares add up to {shares} m², not {pool} m² "
            "(off by {difference} m²)", shares=totals.shares, pool=expected_shares,
            difference=totals.shares - expected_shares)
    for line in lines:
        add_unit = _unit_findings(line, rule)
        for code, message, params in add_unit:
            add(code, message, line.figures.code, **params)
    counted = totals.leased + totals.vacant + totals.other
    if counted != totals.leasable:
        odd = [u.code for u in floor.units
               if (u.state in COUNTED_STATES) != is_leasable(u.status, u.use)]
        add("state-sum", "{floor}: leased, vacant and other areas add up to {counted} m², not "
            "the leasable {leasable} m² (off by {difference} m²; units {units})",
            counted=counted, leasable=totals.leasable, difference=counted - totals.leasable,
            units=", ".join(odd) or "—")
    return found


def _unit_findings(line: UnitLine, rule: BillableRule,
                   ) -> list[tuple[str, str, dict[str, Decimal | str]]]:
    """A unit's own checks: ``(code, English template, params)`` for each that fails."""
    u, e = line.figures, line.expected
    out: list[tuple[str, str, dict[str, Decimal | str]]] = []
    if is_common(u.use):
        if u.common_share or u.leasable_area or u.billable_area:
            out.append(("common-has-share", "{unit} ({floor}) is common area but carries a "
                        "share of {share} m², leasable {leasable} m², billable {billable} m²",
                        {"share": u.common_share, "leasable": u.leasable_area,
                         "billable": u.billable_area}))
        if u.gross_area is not None and u.gross_area != u.internal_area:
            out.append(_off("unit-gross", "gross area {stored} m², by the rule {expected} m²",
                            u.gross_area, u.internal_area))
        return out
    if u.common_share != e.share:
        out.append(_off("unit-share", "common share {stored} m², by the rule {expected} m²",
                        u.common_share, e.share))
    made = u.internal_area + u.common_share
    if u.leasable_area != made:
        out.append(_off("unit-sum", "leasable area {stored} m² is not internal + share, "
                        "{expected} m²", u.leasable_area, made))
    bills = u.leasable_area if rule is BillableRule.LEASABLE else u.internal_area
    if u.billable_area != bills:
        out.append(_off("unit-billable", "billable area {stored} m², by the park's rule "
                        "{expected} m²", u.billable_area, bills))
    if u.gross_area is not None and u.gross_area != made:
        out.append(_off("unit-gross", "gross area {stored} m², by the rule {expected} m²",
                        u.gross_area, made))
    return out


def _off(code: str, what: str, stored: Decimal, expected: Decimal,
         ) -> tuple[str, str, dict[str, Decimal | str]]:
    return (code, "{unit} ({floor}): " + what + " (off by {difference} m²)",
            {"stored": stored, "expected": expected, "difference": stored - expected})


# -- helpers -----------------------------------------------------------------------------------


def _in_order(floor: FloorFigures) -> FloorFigures:
    """The floor's units by code: the order the rule shares in, so an odd cent that ties
    goes where the writers put it (floors by level, units by code)."""
    return replace(floor, units=tuple(sorted(floor.units, key=lambda u: u.code)))


def _floor_input(index: int, floor: FloorFigures) -> FloorInput:
    """The rule's view of a floor; units keyed by position (codes are not checked here)."""
    return FloorInput(index, floor.gross_area, tuple(
        UnitInput((index, j), u.internal_area, u.use) for j, u in enumerate(floor.units)))


def _sum_totals(floors: Sequence[Totals]) -> Totals:
    """The building's totals: the floors' summed, the ratio over the whole building."""

    def total(name: str) -> Decimal:
        return sum((getattr(t, name) for t in floors), ZERO)

    grosses = [t.gross_area for t in floors]
    walls = [t.walls for t in floors if t.walls is not None]
    internal = total("internal_leasable")
    pool = total("common_pool")
    ratio = round_to(pool / internal, RATIO_PLACES) if internal > 0 else None
    return Totals(
        units=sum(t.units for t in floors),
        gross_area=(sum((g for g in grosses if g is not None), ZERO)
                    if grosses and None not in grosses else None),
        common_rooms=total("common_rooms"),
        walls=sum(walls, ZERO) if walls else None,
        building_rooms=total("building_rooms"),
        building_part=total("building_part"),
        common_pool=pool,
        internal_leasable=internal,
        shares=total("shares"),
        leasable=total("leasable"), leased=total("leased"), vacant=total("vacant"),
        other=total("other"), not_leasable=total("not_leasable"), billable=total("billable"),
        ratio=ratio, load_factor=None if ratio is None else 1 + ratio,
    )


def _m2(value: Decimal) -> str:
    """An area as the params carry it: two places, no grouping (a template groups if it likes)."""
    return str(round_to(value, 2))


def _signed(value: Decimal) -> str:
    text = _m2(value)
    return text if text.startswith("-") else f"+{text}"
