"""What blocks saving a contract version, each problem naming the form field it is about.

The wizard, the CLI and a rent-roll import all call :func:`validate_contract`
on the :class:`~domain.leasing.contract.ContractSpec` they hold, with the
facts of its units and the other leases on them that the service read from
the store, so they refuse the same things (SPEC §4): a start before signing,
an end before the start, rent-free outside the term, a unit already leased
for overlapping dates, a not-leasable or common unit, billable areas that do
not add up. A problem is a stable ``code`` with its figures as text; views
turn it into words next to ``field``.

Fields are named as the form names them: the dates ``signed_on``,
``delivered_on``, ``rent_starts_on``, ``ends_on``; ``tenant``, ``units``,
``deposit``; a unit's row ``units[<unit code>]`` and its area
``billable_area[<unit code>]``; a rent-free period by its position in
``terms.rent_free`` (0-based) ``rent_free[<i>]``; every other term
``terms.<name>`` (``terms.rate``, ``terms.escalation``, ``terms.tiers`` …).

The term runs from delivery, or from rent start when there is no fit-out
(``ContractSpec``); a problem with the start is put on the field a person
typed it in: ``delivered_on`` when there is a delivery, else ``rent_starts_on``.

Blocking
--------
Every problem blocks saving, except ``area-mismatch`` when the caller says
``allow_area_difference=True``: a rent roll of historical leases carries the
area each lease was signed at, and a unit re-measured since (a new survey, a
wall moved) must not refuse it; the store keeps the signed area either way,
and a later amendment is how a live lease's area changes.
``area-total-mismatch`` (the rent's area is not the units' sum) always
blocks: then the rent would be computed on an area no unit has.

>>> from datetime import date
>>> from decimal import Decimal as D
>>> from domain.assets import UnitStatus, UnitType
>>> from domain.leasing.clauses import RentTerms
>>> from domain.leasing.contract import ContractSpec, LetUnit
>>> from domain.space_use import SpaceUse
>>> spec = ContractSpec("C-1", "T-1", "Acme", UnitType.OFFICE, date(2026, 2, 10),
...     (LetUnit("u1", "ZD-A-0301", D("200.00")),),
...     RentTerms(D("200.00"), D(100), date(2026, 3, 1), date(2029, 2, 28)),
...     delivered_on=date(2026, 3, 1), rent_starts_on=date(2026, 6, 1))
>>> units = {"u1": UnitFacts("u1", "ZD-A-0301", UnitStatus.LEASABLE, SpaceUse.LEASABLE,
...                          D("200.40"), archived=False)}
>>> others = [OtherLease("C-0", "u1", date(2025, 1, 1), date(2026, 3, 31))]
>>> [(p.field, p.code) for p in validate_contract(spec, units, others)]
[('units[ZD-A-0301]', 'unit-leased'), ('billable_area[ZD-A-0301]', 'area-mismatch')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from domain.assets import UnitStatus
from domain.contracts import ContractStatus, ContractTerm, last_day
from domain.leasing.clauses import EscalationKind, RentTerms
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import Problem, rent_schedule
from domain.occupancy import may_sign
from domain.space_use import SpaceUse, is_common

# What the schedule engine reports that does not block saving: an index year not
# published yet bills at the floor, and sales are reported month by month.
INFORMATIONAL_SCHEDULE_PROBLEMS = frozenset({"cpi-unknown", "sales-missing"})
# The engine's problems the date checks here already name, on a finer field.
_NAMED_BY_DATE_CHECKS = frozenset({"dates", "rent-free-outside-term"})
# The engine's problems about one clause, and the field it is entered in.
_SCHEDULE_FIELDS = {"cpi-date-invalid": "terms.escalation", "due-day-invalid": "terms.due"}
# What a rent-roll import of historical leases may let through (module docstring).
AREA_DIFFERENCE = "area-mismatch"


@dataclass(frozen=True)
class FieldProblem:
    """One reason a contract cannot be saved: the form field, a stable code, its figures."""

    field: str
    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitFacts:
    """What the store says of a unit today, as validation needs it."""

    unit_id: str
    code: str
    status: UnitStatus
    use: SpaceUse
    billable_area: Decimal
    archived: bool = False


@dataclass(frozen=True)
class OtherLease:
    """Another contract's hold on a unit: from its start to its last day, inclusive.

    Build it with :func:`leases_of`, which knows that a draft holds nothing and a
    terminated contract holds until its termination date.
    """

    contract_code: str
    unit_id: str
    starts_on: date
    last_day: date


def leases_of(contract_code: str, unit_ids: Iterable[str], term: ContractTerm
              ) -> list[OtherLease]:
    """The holds a stored contract puts on its units; none for a draft.

    The last day is :func:`domain.contracts.last_day`'s, so validation and the maps
    agree on when a terminated lease lets go of its units.
    """
    if term.status is ContractStatus.DRAFT:
        return []
    end = last_day(term)
    return [OtherLease(contract_code, unit_id, term.starts_on, end) for unit_id in unit_ids]


def validate_contract(spec: ContractSpec, units: Mapping[str, UnitFacts],
                      others: Sequence[OtherLease], *,
                      area_tolerance: Decimal = Decimal("0.01")) -> list[FieldProblem]:
    """Every problem of one contract version, in the form's order; empty when it may be saved.

    ``units`` maps unit ids to their facts; ``others`` are the holds of the other
    contracts on those units (a lease with the spec's own code is the same
    contract's earlier version and is skipped). The rent schedule engine judges the
    clauses it reads (a due day, a CPI adjustment day): its problems come last, on
    their fields (:func:`schedule_problems`).
    """
    problems = _tenant(spec) + _dates(spec)
    problems += _units(spec, units, others, area_tolerance)
    problems += _terms(spec)
    problems += schedule_problems(rent_schedule(spec.terms)[1])
    return problems


def blocking(problems: Iterable[FieldProblem], *, allow_area_difference: bool = False) -> bool:
    """Whether any problem refuses saving (see the module docstring for the one exception)."""
    return any(p.code != AREA_DIFFERENCE or not allow_area_difference for p in problems)


def term_start(spec: ContractSpec) -> date:
    """When the term must start: delivery, or rent start when there is no fit-out."""
    return spec.delivered_on or spec.rent_starts_on or spec.terms.starts_on


def _start_field(spec: ContractSpec) -> str:
    return "delivered_on" if spec.delivered_on is not None else "rent_starts_on"


# -- parts -----------------------------------------------------------------------------


def _tenant(spec: ContractSpec) -> list[FieldProblem]:
    if not spec.tenant_id.strip() and not spec.tenant_name.strip():
        return [FieldProblem("tenant", "no-tenant")]
    return []


def _dates(spec: ContractSpec) -> list[FieldProblem]:
    terms = spec.terms
    start = term_start(spec)
    problems = []
    if terms.starts_on != start:
        problems.append(FieldProblem("terms.starts_on", "term-start-mismatch",
                                     {"expected": start.isoformat(),
                                      "starts_on": terms.starts_on.isoformat()}))
    if start < spec.signed_on:
        problems.append(FieldProblem(_start_field(spec), "start-before-signing",
                                     {"starts_on": start.isoformat(),
                                      "signed_on": spec.signed_on.isoformat()}))
    if terms.ends_on < start:
        problems.append(FieldProblem("ends_on", "end-before-start",
                                     {"starts_on": start.isoformat(),
                                      "ends_on": terms.ends_on.isoformat()}))
    rent_start = spec.rent_starts_on
    if rent_start is not None:
        if rent_start < start:
            problems.append(FieldProblem("rent_starts_on", "rent-start-before-delivery",
                                         {"rent_starts_on": rent_start.isoformat(),
                                          "delivered_on": start.isoformat()}))
        if rent_start > terms.ends_on:
            problems.append(FieldProblem("rent_starts_on", "rent-start-after-end",
                                         {"rent_starts_on": rent_start.isoformat(),
                                          "ends_on": terms.ends_on.isoformat()}))
    for i, free in enumerate(terms.rent_free):
        where = f"rent_free[{i}]"
        params = {"starts_on": free.starts_on.isoformat(), "ends_on": free.ends_on.isoformat(),
                  "term_starts_on": start.isoformat(), "term_ends_on": terms.ends_on.isoformat()}
        if free.ends_on < free.starts_on:
            problems.append(FieldProblem(where, "end-before-start", params))
        elif free.starts_on < start or free.ends_on > terms.ends_on:
            problems.append(FieldProblem(where, "rent-free-outside-term", params))
    return problems


def _units(spec: ContractSpec, units: Mapping[str, UnitFacts], others: Sequence[OtherLease],
           tolerance: Decimal) -> list[FieldProblem]:
    if not spec.units:
        return [FieldProblem("units", "no-units")]
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    start, end = term_start(spec), spec.terms.ends_on
    for let in spec.units:
        row = f"units[{let.unit_code}]"
        if let.unit_id in seen:
            problems.append(FieldProblem(row, "duplicate-unit", {"unit": let.unit_code}))
            continue
        seen.add(let.unit_id)
        facts = units.get(let.unit_id)
        problems += _unit(let, facts, row)
        held_from = max(start, let.held_from) if let.held_from else start
        if let.held_from is not None and not start <= let.held_from <= end:
            problems.append(FieldProblem(row, "unit-held-outside-term", {
                "unit": let.unit_code, "held_from": let.held_from.isoformat()}))
        for other in others:
            if other.unit_id == let.unit_id and other.contract_code != spec.code \
                    and _overlap(held_from, end, other.starts_on, other.last_day):
                problems.append(FieldProblem(row, "unit-leased", {
                    "unit": let.unit_code, "contract": other.contract_code,
                    "starts_on": other.starts_on.isoformat(),
                    "last_day": other.last_day.isoformat()}))
        problems += _area(let, facts, tolerance)
    units_area = spec.area
    if spec.terms.area != units_area:
        problems.append(FieldProblem("terms.area", "area-total-mismatch",
                                     {"area": str(spec.terms.area), "units": str(units_area)}))
    return problems


def _unit(let: LetUnit, facts: UnitFacts | None, row: str) -> list[FieldProblem]:
    """Whether the unit may be let at all: known, not archived, for rent and leasable."""
    params = {"unit": let.unit_code}
    if facts is None:
        return [FieldProblem(row, "unknown-unit", params)]
    if facts.archived:
        return [FieldProblem(row, "unit-archived", params)]
    if is_common(facts.use):
        return [FieldProblem(row, "unit-common", {**params, "use": facts.use.value})]
    if not may_sign(facts.status, facts.use):
        return [FieldProblem(row, "unit-not-leasable", {**params, "status": facts.status.value})]
    return []


def _area(let: LetUnit, facts: UnitFacts | None, tolerance: Decimal) -> list[FieldProblem]:
    where = f"billable_area[{let.unit_code}]"
    if let.billable_area <= 0:
        return [FieldProblem(where, "area-not-positive", {"signed": str(let.billable_area)})]
    if facts is not None and abs(let.billable_area - facts.billable_area) > tolerance:
        return [FieldProblem(where, AREA_DIFFERENCE, {
            "unit": let.unit_code, "signed": str(let.billable_area),
            "unit_area": str(facts.billable_area),
            "difference": str(let.billable_area - facts.billable_area)})]
    return []


def _overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Whether two inclusive ranges share a day; an empty range (ended before it began,
    a lease cancelled before its start) shares none."""
    return max(a_start, b_start) <= min(a_end, b_end)


def _terms(spec: ContractSpec) -> list[FieldProblem]:
    terms = spec.terms
    problems = []

    def negative(where: str, value: Decimal | None) -> None:
        if value is not None and value < 0:
            problems.append(FieldProblem(where, "negative-amount", {"amount": str(value)}))

    negative("deposit", spec.deposit)
    negative("terms.rate", terms.rate)
    if terms.area_coefficient <= 0:
        problems.append(FieldProblem("terms.area_coefficient", "not-positive",
                                     {"value": str(terms.area_coefficient)}))
    problems += _bands("terms.tiers", terms.tiers)
    for _upper, price in terms.tiers:
        negative("terms.tiers", price)
    for i, charge in enumerate(terms.charges):
        negative(f"terms.charges[{i}]", charge.amount)
    problems += _escalation(terms)
    turnover = terms.turnover
    if turnover is not None:
        for value in (turnover.rate, turnover.breakpoint, turnover.minimum, turnover.maximum,
                      *(rate for _upper, rate in turnover.tiers)):
            negative("terms.turnover", value)
        if turnover.minimum is not None and turnover.maximum is not None \
                and turnover.maximum < turnover.minimum:
            problems.append(FieldProblem("terms.turnover", "maximum-below-minimum", {
                "minimum": str(turnover.minimum), "maximum": str(turnover.maximum)}))
        problems += _bands("terms.turnover", turnover.tiers)
    if terms.late_fee is not None:
        negative("terms.late_fee", terms.late_fee.rate_per_day)
    return problems


def _bands(where: str, bands: Sequence[tuple[Decimal | None, Decimal]]) -> list[FieldProblem]:
    """Bands (of area, or of sales for turnover) must rise from above zero, and the last
    one must be open (``None``), or what lies above it is billed at nothing."""
    if not bands:
        return []
    bounds = [upper for upper, _price in bands]
    closed, last = bounds[:-1], bounds[-1]
    rising = [b for b in closed if b is not None] + ([last] if last is not None else [])
    if None in closed or (rising and rising[0] <= 0) or any(
            b <= a for a, b in pairwise(rising)):
        return [FieldProblem(where, "tiers-not-ascending",
                             {"bounds": ",".join(str(b) for b in bounds)})]
    if last is not None:
        return [FieldProblem(where, "tiers-not-open", {"last": str(last)})]
    return []


def _escalation(terms: RentTerms) -> list[FieldProblem]:
    clause = terms.escalation
    if clause is None:
        return []
    where = "terms.escalation"
    problems = []
    if clause.floor is not None and clause.cap is not None and clause.cap < clause.floor:
        problems.append(FieldProblem(where, "cpi-cap-below-floor",
                                     {"floor": str(clause.floor), "cap": str(clause.cap)}))
    if clause.kind is EscalationKind.STEPPED:
        days = [when for when, _price in clause.steps]
        if len(set(days)) != len(days):
            problems.append(FieldProblem(where, "duplicate-step", {}))
        for when, price in clause.steps:
            if price < 0:
                problems.append(FieldProblem(where, "negative-amount",
                                             {"amount": str(price), "from": when.isoformat()}))
    return problems


def schedule_problems(problems: Iterable[Problem]) -> list[FieldProblem]:
    """The schedule engine's problems that block saving, on the field they are about.

    The engine's own rule stays the one rule (a due day, a CPI day); what the date
    checks above already name (``dates``, ``rent-free-outside-term``) and what does not
    block (:data:`INFORMATIONAL_SCHEDULE_PROBLEMS`) is left out; a problem this module
    does not know yet blocks as ``schedule`` on ``terms``, with the engine's code.
    """
    found = []
    for problem in problems:
        if problem.code in INFORMATIONAL_SCHEDULE_PROBLEMS | _NAMED_BY_DATE_CHECKS:
            continue
        where = _SCHEDULE_FIELDS.get(problem.code)
        if where is None:
            found.append(FieldProblem("terms", "schedule",
                                      {"problem": problem.code, **problem.params}))
        else:
            found.append(FieldProblem(where, problem.code, dict(problem.params)))
    return found
