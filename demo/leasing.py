"""The demo park's leasing: every contract's clauses and versions, CPI, sales, leads, quotes.

:func:`plan_leasing` runs once :func:`demo.plan.plan_park` has laid the park
out and dated its lets. It gives each contract the clauses a Shanghai park
writes (a fit-out delivery and its rent-free months, an escalation of every
kind, CPI with floor and cap, turnover rent on shops, tiers on big lets,
property fees, a late fee), stores them as the codec's document, and plans
the rows around them: version 1 of every signed contract and a few
amendments, the park's CPI series, shops' monthly sales, checkpoints marked
done, and a pipeline of leads in every stage with quotes on vacant units, each
lead with the stages it went through to get there (its history).

It draws from its own random stream (``"{seed}:leasing"``), so the park's
buildings, units and lets are exactly what they were without it; the leads'
histories from another (``"{seed}:lead-steps"``), so the leads and quotes are
what they were before they had one. A fit-out
delivery is put on the let's planned start and the rent starts 1–3 months
later: the term (and so "leased from" on every map) still starts where the
plan put it. No schedule is computed for a contract, which keeps the build
fast; only quotes carry figures, and those come from the rent engine.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import Enum
from functools import cache
from random import Random
from typing import Any

from demo.plan import ContractPlan, ParkPlan, UnitPlan, make_tenant
from demo.profiles import AREA, GIVEN, OFFICE, PLANT, RETAIL, SURNAMES, WAREHOUSE
from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import (
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    LateFee,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.lifecycle import OwnerRole, checkpoints
from domain.leasing.pipeline import Stage
from domain.leasing.schedule import add_months, net_effective_rent, rent_schedule, total
from domain.money import money, rate
from domain.space_use import SpaceUse
from store.ids import uuid7

ONE_DAY = timedelta(days=1)
SHANGHAI = timezone(timedelta(hours=8))  # the park's office hours, for a move's time
# The stages an open lead goes through in order; a lead is moved along them.
PATH = (Stage.LEAD, Stage.IN_CONTACT, Stage.NEGOTIATING, Stage.QUOTED)
CPI_SERIES = "CPI"
FIRST_INDEX_YEAR = 2015  # the park's CPI series starts here, at about 100
# Months of reported sales before the demo's today: two years in a park of usual size, the
# last half year in a benchmark park (every report is a synced row with its outbox operation).
SALES_MONTHS = 24
SALES_MONTHS_BENCHMARK = 6
DETAIL_UNITS = 5000  # above this many units for rent a park is a benchmark's: fewer rows
TIER_AREA = Decimal(1000)  # lets above this many m² may be priced by area band
TENANT_KIND = {p.unit_type: p.tenant_kind for p in (OFFICE, PLANT, WAREHOUSE, RETAIL)}
# Property fee in jiao per m² per month by type: (least, most).
PROPERTY_FEE = {
    UnitType.OFFICE: (120, 250),
    UnitType.INDUSTRIAL: (30, 60),
    UnitType.WAREHOUSE: (20, 45),
    UnitType.RETAIL: (150, 300),
}
CYCLES = ((Cycle.QUARTERLY, 0.6), (Cycle.MONTHLY, 0.25), (Cycle.HALF_YEARLY, 0.1),
          (Cycle.YEARLY, 0.05))
ESCALATIONS = (
    (None, 0.15),
    (EscalationKind.FIXED_PERCENT, 0.35),
    (EscalationKind.FIXED_AMOUNT, 0.12),
    (EscalationKind.STEPPED, 0.14),
    (EscalationKind.CPI_CHANGE, 0.14),
    (EscalationKind.CPI_RATIO, 0.10),
)
# Share of the pipeline by stage (what rounding leaves over goes to new leads).
STAGES = ((Stage.LEAD, 0.24), (Stage.IN_CONTACT, 0.2), (Stage.NEGOTIATING, 0.16),
          (Stage.QUOTED, 0.13), (Stage.SIGNED, 0.12), (Stage.LOST, 0.15))
SOURCES = ("中介推荐", "官网咨询", "老客户转介绍", "招商推介会", "上门拜访", "政府招商平台",
           "线上租赁平台", "电话咨询")
LOST_REASONS = ("预算不足", "选择了竞品园区", "面积需求变化", "搬迁计划取消",
                "交付时间不合适", "层高或荷载不满足", "总部决定暂缓扩张", "付款方式谈不拢")
LEAD_NOTES = ("希望免租期延长至3个月", "需要独立开票", "关注停车位数量", "需确认电力扩容",
              "要求可注册地址", "需要带装修交付", "计划年内完成搬迁", "")
# Season of a shop's sales, January first: the Spring Festival, the October holidays,
# the November and December sales.
SEASON = (1.15, 1.05, 0.90, 0.92, 1.00, 0.98, 0.95, 0.97, 0.96, 1.10, 1.05, 1.15)


# -- terms documents -------------------------------------------------------------------


def terms_document(terms: RentTerms) -> dict[str, Any]:
    """The codec's document of ``terms`` (``domain.leasing.codec.terms_to_json``) without
    the fields that hold their default.

    :func:`domain.leasing.codec.terms_from_json` reads a missing field as its default
    (that is how terms grow clauses without a migration), so the document reads back to
    the very same terms. Leaving the defaults out halves it, and every contract writes it
    four times (its row, its version, both rows' outbox operations); writing it here, with
    each record's fields looked up once, is several times quicker than the codec's general
    walk. The tests hold every stored document to the codec's, key by key.
    """
    return _document(terms)


_NO_DEFAULT = object()


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """A record's fields in order, each with its default (``_NO_DEFAULT`` for none)."""
    found = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = _NO_DEFAULT
        found.append((f.name, default))
    return tuple(found)


def _document(value: Any) -> Any:
    """The codec's encoding of ``value`` (enums by value, decimals and dates as text,
    tuples as lists, mapping keys as text), a record's defaulted fields left out.

    The common types are told by ``type()`` first: a build encodes some 250,000 values.
    """
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value
    if kind is Decimal:
        return str(value)
    if kind is date:
        return value.isoformat()
    if kind is tuple or kind is list:
        return [_document(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {k.isoformat() if isinstance(k, date) else str(k): _document(v)
                for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        doc = {}
        for name, default in _fields(kind):
            item = getattr(value, name)
            if default is _NO_DEFAULT or item != default:
                doc[name] = _document(item)
        return doc
    return value


# -- plans -----------------------------------------------------------------------------


@dataclass(slots=True)
class VersionPlan:
    """One signed version of a contract: the contract's fields as agreed from ``effective_on``."""

    contract: int  # index into park.contracts
    number: int
    effective_on: date
    reason: str  # "sign" or "amend", as services.contracts writes them
    terms: dict[str, Any]
    deposit: Decimal
    notes: str = ""


@dataclass(slots=True)
class LeadPlan:
    id: uuid.UUID
    code: str
    company: str
    contact_name: str
    contact_phone: str
    industry: str
    stage: Stage
    stage_on: date
    area_min: Decimal
    area_max: Decimal
    budget: Decimal | None
    move_in_on: date | None
    unit_type: UnitType | None
    tags: list[str]
    owner: str
    source: str
    lost_reason: str = ""
    notes: str = ""
    tenant: int | None = None  # index into park.tenants: a signed lead's tenant


@dataclass(slots=True)
class StepPlan:
    """One stage a lead reached, from ``on``, moved there by ``actor`` at ``moved_at``."""

    lead: int  # index into the leads
    stage: Stage
    on: date
    actor: str
    moved_at: datetime
    lost_reason: str = ""


@dataclass(slots=True)
class QuotePlan:
    id: uuid.UUID
    lead: int  # index into the leads
    code: str
    quoted_on: date
    valid_until: date
    units: list[int]
    terms: dict[str, Any]
    total_rent: Decimal
    net_effective_rent: Decimal
    status: str = "open"
    contract: int | None = None  # the contract an accepted quote became


@dataclass(slots=True)
class SalesPlan:
    contract: int
    month: date  # its first day
    amount: Decimal


@dataclass(slots=True)
class MarkPlan:
    contract: int
    code: str
    done_on: date
    by: str


@dataclass
class LeasingPlan:
    """The rows around the contracts; the contracts' own clauses are on their plans."""

    versions: list[VersionPlan] = field(default_factory=list)
    leads: list[LeadPlan] = field(default_factory=list)
    quotes: list[QuotePlan] = field(default_factory=list)
    sales: list[SalesPlan] = field(default_factory=list)
    indices: list[tuple[int, Decimal]] = field(default_factory=list)  # (year, CPI)
    marks: list[MarkPlan] = field(default_factory=list)
    steps: list[StepPlan] = field(default_factory=list)  # each lead's, oldest first


@dataclass(frozen=True)
class _Staff:
    leasing: tuple[str, ...]
    operations: tuple[str, ...]
    finance: tuple[str, ...]


# -- the entry point -------------------------------------------------------------------


def plan_leasing(park: ParkPlan, seed: int, today: date) -> LeasingPlan:
    """Fill in every contract's clauses and plan the leasing rows around them.

    Sets each :class:`~demo.plan.ContractPlan`'s ``delivered_on``,
    ``rent_starts_on``, ``deposit``, ``terms``, ``version``, ``lead`` and
    ``notes`` (and ``rent``, for an amended one, to its latest price).
    """
    rng = Random(f"{seed}:leasing")
    staff = _staff(rng)
    leasing = LeasingPlan()
    terms = [_clauses(rng, park, c) for c in park.contracts]
    for index, (contract, agreed) in enumerate(zip(park.contracts, terms, strict=True)):
        contract.terms = terms_document(agreed)
        if contract.status is not ContractStatus.DRAFT:
            contract.version = 1
            leasing.versions.append(VersionPlan(index, 1, contract.starts_on, "sign",
                                                contract.terms, contract.deposit))
    signed = list(terms)
    _amend(rng, park, terms, leasing, today)
    leasing.indices = _cpi(rng, today)
    detailed = sum(1 for u in park.units if u.use is SpaceUse.LEASABLE) <= DETAIL_UNITS
    leasing.sales = _sales(rng, park, terms, today,
                           SALES_MONTHS if detailed else SALES_MONTHS_BENCHMARK)
    if detailed:
        leasing.marks = _marks(rng, park, terms, staff, today)
    _pipeline(rng, park, signed, staff, leasing, today)
    leasing.steps = _stage_paths(Random(f"{seed}:lead-steps"), leasing)
    return leasing


def lead_count(units_for_rent: int) -> int:
    """About 60 leads in a park of 1,500 units for rent, 400 in one of 20,000: a leasing
    team's pipeline grows slower than its park."""
    return max(12, round(60 * (units_for_rent / 1500) ** 0.73))


def let_units(park: ParkPlan, units: Sequence[int]) -> list[dict[str, str]]:
    """A contract's or a quote's units as versions and quotes store them."""
    return [{"unit_id": str(park.units[u].id), "unit_code": park.units[u].code,
             "billable_area": str(park.units[u].billable)} for u in units]


# -- a contract's clauses --------------------------------------------------------------


def _clauses(rng: Random, park: ParkPlan, contract: ContractPlan) -> RentTerms:
    """The contract's terms, and its dates, deposit and notes from them."""
    units = [park.units[u] for u in contract.units]
    area = sum((u.billable for u in units), Decimal(0))
    price = contract.rent
    start, end = contract.starts_on, contract.ends_on
    renewal = contract.renews is not None
    retail = contract.kind is UnitType.RETAIL
    free: list[RentFree] = []
    delivered: date | None = None
    rent_start = start
    if not renewal and rng.random() < 0.5:  # handed over for fit-out, rent from later
        delivered = start
        rent_start = add_months(start, rng.choice((1, 2, 2, 3)))
        free.append(RentFree(delivered, rent_start - ONE_DAY, RentFreeKind.FIT_OUT))
    if not renewal and rng.random() < (0.3 if retail else 0.15):
        kind = RentFreeKind.AFTER_OPENING if retail else RentFreeKind.OTHER
        free.append(RentFree(rent_start, add_months(rent_start, 1) - ONE_DAY, kind))
    turnover = None
    if retail and (any("主力店" in u.tags for u in units) or rng.random() < 0.6):
        turnover = _turnover(rng, area * price)
    if turnover is not None:
        cycle, calendar_periods = Cycle.MONTHLY, True  # turnover is reckoned by calendar month
    else:
        cycle, calendar_periods = _weighted(rng, CYCLES), rng.random() < 0.1
    escalation = None
    if add_months(start, 12) <= end:  # an anniversary falls inside the term
        escalation = _escalation(rng, price, start, end)
    tiers: tuple[tuple[Decimal | None, Decimal], ...] = ()
    coefficient = Decimal(1)
    if area > TIER_AREA and rng.random() < 0.5:
        tiers = ((TIER_AREA, price), (None, rate(price * Decimal("0.9"))))
    elif rng.random() < 0.05:
        coefficient = rng.choice((Decimal("1.05"), Decimal("1.1")))
    terms = RentTerms(
        area=area,
        rate=price,
        starts_on=start,
        ends_on=end,
        cycle=cycle,
        calendar_periods=calendar_periods,
        thirty_day_months=rng.random() < 0.05,
        rent_free=tuple(free),
        rent_free_rule=RentFreeRule.STACK if rng.random() < 0.7 else RentFreeRule.LONGER_WINS,
        escalation=escalation,
        turnover=turnover,
        tiers=tiers,
        area_coefficient=coefficient,
        charges=_charges(rng, contract.kind),
        due=_due(rng),
        late_fee=LateFee(Decimal("0.0005"), capped=True, grace_days=rng.choice((0, 0, 5, 10)))
        if rng.random() < 0.85 else None,
    )
    contract.delivered_on = delivered
    contract.rent_starts_on = rent_start
    contract.deposit = money(area * price * rng.choice((2, 3)))
    if renewal:
        contract.notes = f"续签 {park.contracts[contract.renews or 0].code}"
    return terms


def _turnover(rng: Random, base: Decimal) -> Turnover:
    """8–12 % of sales; a third of shops with an artificial breakpoint below the natural one."""
    share = Decimal(rng.randint(8, 12)) / 100
    breakpoint = None
    if rng.random() < 0.35:
        natural = base / share
        breakpoint = money((natural * Decimal(rng.randint(75, 95)) / 100 / 1000)
                           .quantize(Decimal(1)) * 1000)
    return Turnover(share, breakpoint)


def _escalation(rng: Random, price: Decimal, start: date, end: date) -> Escalation | None:
    kind = _weighted(rng, ESCALATIONS)
    cpi = kind in (EscalationKind.CPI_CHANGE, EscalationKind.CPI_RATIO)
    if cpi and start.year - 1 < FIRST_INDEX_YEAR:  # no index for the year before the term
        kind = EscalationKind.FIXED_PERCENT
    if kind is None:
        return None
    if kind is EscalationKind.FIXED_PERCENT:
        percent = rng.choice(("3", "3.5", "4", "5", "5", "6"))
        return Escalation(kind, percent=Decimal(percent))
    if kind is EscalationKind.FIXED_AMOUNT:  # about 3 % a year, in half yuan
        step = (price * 6 / 100).quantize(Decimal(1), rounding=ROUND_CEILING) / 2
        return Escalation(kind, amount=max(step, Decimal("0.5")))
    if kind is EscalationKind.STEPPED:
        rise = Decimal(rng.choice((4, 5, 6, 8))) / 100
        mid_month = rng.random() < 0.5  # the step falls on the 16th, not the anniversary
        steps = []
        k = 1
        while (when := add_months(start, 12 * k)) <= end:
            if mid_month:
                when = when.replace(day=16)
            if start < when <= end:
                steps.append((when, rate(price * (1 + rise * k))))
            k += 1
        return Escalation(kind, steps=tuple(steps)) if steps else None
    on_anniversary = rng.random() < 0.3  # else on 1 January, as most CPI clauses read
    month, day = (start.month, min(start.day, 28)) if on_anniversary else (1, 1)
    if kind is EscalationKind.CPI_CHANGE:
        floor, cap = Decimal(rng.choice((0, 1, 2))), Decimal(rng.choice((5, 6)))
    else:
        floor, cap = Decimal(0), Decimal(rng.choice((5, 8)))
    return Escalation(kind, on_month=month, on_day=day, floor=floor, cap=cap)


def _charges(rng: Random, kind: UnitType) -> tuple[Charge, ...]:
    low, high = PROPERTY_FEE.get(kind, (100, 200))
    charges = [Charge(ChargeKind.PROPERTY_FEE, Decimal(rng.randint(low, high)) / 10)]
    if kind is UnitType.OFFICE:
        if rng.random() < 0.2:
            charges.append(Charge(ChargeKind.SERVICE, Decimal(rng.choice(("3.5", "4.5"))),
                                  name="空调费"))
        if rng.random() < 0.1:
            spaces = rng.randint(1, 4)
            charges.append(Charge(ChargeKind.PARKING, Decimal(800 * spaces), per_sqm=False,
                                  name=f"固定车位×{spaces}"))
    return tuple(charges)


def _due(rng: Random) -> DueRule:
    roll = rng.random()
    if roll < 0.5:
        return DueRule(DueKind.DAYS_BEFORE, 15)  # 提前15天支付
    if roll < 0.8:
        return DueRule()
    if roll < 0.9:
        return DueRule(DueKind.DAY_OF_MONTH, 25)
    return DueRule(DueKind.DAYS_BEFORE, 30)


# -- amendments, CPI, sales, checkpoints -------------------------------------------------


def _amend(rng: Random, park: ParkPlan, terms: list[RentTerms], leasing: LeasingPlan,
           today: date) -> None:
    """A handful of running contracts get a rent change mid-term: version 2."""
    candidates = [i for i, c in enumerate(park.contracts)
                  if c.status is ContractStatus.SIGNED and c.ends_on > today + timedelta(days=180)
                  and add_months(c.starts_on, 6) < today - timedelta(days=30)]
    wanted = min(len(candidates), max(4, round(len(park.contracts) * 0.006)))
    for index in sorted(rng.sample(candidates, wanted)):
        contract, before = park.contracts[index], terms[index]
        earliest = add_months(contract.starts_on, 6)
        day = earliest + timedelta(days=rng.randint(0, (today - earliest).days - 30))
        effective = max(earliest, day.replace(day=16 if rng.random() < 0.5 else 1))
        factor = Decimal(rng.choice(("0.92", "0.95", "1.05", "1.08", "1.1")))
        after = _reprice(before, factor)
        note = (f"补充协议：自{effective.isoformat()}起租金由{before.rate.normalize()}"
                f"调整为{after.rate.normalize()}元/㎡/月")
        terms[index] = after
        contract.terms = terms_document(after)
        contract.rent = after.rate
        contract.version = 2
        contract.notes = note
        leasing.versions.append(VersionPlan(index, 2, effective, "amend", contract.terms,
                                            contract.deposit, note))


def _reprice(terms: RentTerms, factor: Decimal) -> RentTerms:
    """The same terms at ``factor`` × the price: every band and step moves alike."""
    escalation = terms.escalation
    if escalation is not None and escalation.steps:
        escalation = dataclasses.replace(escalation, steps=tuple(
            (when, rate(price * factor)) for when, price in escalation.steps))
    return dataclasses.replace(
        terms, rate=rate(terms.rate * factor), escalation=escalation,
        tiers=tuple((upper, rate(price * factor)) for upper, price in terms.tiers))


def _cpi(rng: Random, today: date) -> list[tuple[int, Decimal]]:
    """The park's CPI from 2015 (about 100), up 0–3 % a year, to the year before ``today``'s:
    the current year's figure is not published yet, so CPI clauses adjusting on it bill at
    their floor and say so."""
    value = Decimal(100) + Decimal(rng.randint(-5, 5)) / 10
    found = []
    for year in range(FIRST_INDEX_YEAR, today.year):
        found.append((year, value.quantize(Decimal("0.1"))))
        value = value * (1 + Decimal(rng.randint(0, 30)) / 1000)
    return found


def _sales(rng: Random, park: ParkPlan, terms: list[RentTerms], today: date, count: int
           ) -> list[SalesPlan]:
    """Each turnover shop's sales for the last ``count`` complete months it traded: around
    its breakpoint, by season, so some months pay turnover rent and some do not."""
    this_month = today.replace(day=1)
    months = [add_months(this_month, -k) for k in range(count, 0, -1)]
    found = []
    for index, (contract, agreed) in enumerate(zip(park.contracts, terms, strict=True)):
        clause = agreed.turnover
        if clause is None or contract.status is ContractStatus.DRAFT:
            continue
        opened = contract.rent_starts_on or contract.starts_on
        last = contract.ends_on
        if contract.terminated_on is not None:
            last = min(last, contract.terminated_on)
        base = agreed.area * agreed.area_coefficient * agreed.rate
        level = clause.breakpoint if clause.breakpoint is not None else base / clause.rate
        form = rng.lognormvariate(0, 0.15)  # how well this shop trades
        for month in months:
            if month > last or add_months(month, 1) <= opened:
                continue
            factor = form * SEASON[month.month - 1] * rng.lognormvariate(-0.03, 0.12)
            amount = (level * Decimal(f"{factor:.4f}")).quantize(Decimal(1))
            found.append(SalesPlan(index, month, money(amount)))
    return found


def _marks(rng: Random, park: ParkPlan, terms: list[RentTerms], staff: _Staff, today: date
           ) -> list[MarkPlan]:
    """Checkpoints marked done on the contracts the due list looks at (signed, begun, not
    ended a month ago), so it shows what is really late, not every contract.

    Every checkpoint due before today is marked (delivery, rent start, first payment, the
    quarterly reviews, the countdown to the end) but for the one someone forgot on about
    one contract in eight. A benchmark park gets none: its due list would need them all
    (the reviews are most of them), some 65,000 rows in a park of 20,000 units.
    """
    people = {OwnerRole.OPERATIONS: staff.operations, OwnerRole.FINANCE: staff.finance}
    found = []
    for index, contract in enumerate(park.contracts):
        if contract.status is not ContractStatus.SIGNED or contract.starts_on >= today:
            continue
        if contract.ends_on < today - timedelta(days=30):
            continue
        rent_start = contract.rent_starts_on or contract.starts_on
        paying = max([rent_start, *(f.ends_on + ONE_DAY for f in terms[index].rent_free)])
        due = [(c.code, c.due_on, c.owner_role) for c in checkpoints(
            contract.signed_on, contract.delivered_on, contract.rent_starts_on,
            paying, contract.starts_on, contract.ends_on)
            if c.done_on is None and c.due_on < today]  # signing is done by being signed
        if due and rng.random() < (0.5 if (today - contract.starts_on).days < 45 else 0.12):
            due.pop()  # the latest one forgotten: it shows late
        for code, on, role in due:
            done = min(today, on + timedelta(days=rng.randint(0, 3)))
            found.append(MarkPlan(index, code, done,
                                  rng.choice(people.get(role, staff.leasing))))
    return found


# -- the pipeline ----------------------------------------------------------------------


def _pipeline(rng: Random, park: ParkPlan, signed: list[RentTerms], staff: _Staff,
              leasing: LeasingPlan, today: date) -> None:
    """Leads in every stage: open ones wanting space like the park's vacant units, quoted
    ones with a quote on a vacant unit, signed ones that became a recent contract."""
    for_rent = [u for u in park.units if u.use is SpaceUse.LEASABLE]
    vacant = _vacant(park, today)
    rng.shuffle(vacant)
    pool = list(vacant) or [i for i, u in enumerate(park.units)
                      if u.use is SpaceUse.LEASABLE and u.status is UnitStatus.LEASABLE]
    recent = [i for i, c in enumerate(park.contracts)
              if c.status is ContractStatus.SIGNED and c.renews is None
              and today - timedelta(days=365) < c.signed_on <= today]
    rng.shuffle(recent)
    names = {t.name for t in park.tenants}
    count = lead_count(len(for_rent))
    quota = {stage: max(1, round(count * share)) for stage, share in STAGES}
    quota[Stage.LEAD] += count - sum(quota.values())  # the rounding's leftover: new leads
    stages = [stage for stage, n in quota.items() for _ in range(n)]
    rng.shuffle(stages)
    for number, stage in enumerate(stages, start=1):
        code = f"XS-{number:04d}"
        if stage is Stage.SIGNED and recent:
            _signed_lead(rng, park, signed, staff, leasing, recent.pop(), code)
            continue
        if stage is Stage.SIGNED:
            stage = Stage.NEGOTIATING  # no recent contract left to have closed
        if stage is Stage.QUOTED and vacant:
            unit = vacant.pop()
        else:
            stage = Stage.NEGOTIATING if stage is Stage.QUOTED else stage
            unit = rng.choice(pool)
        lead = _lead(rng, park, park.units[unit], staff, stage, code, names, today)
        leasing.leads.append(lead)
        if stage is Stage.QUOTED:
            leasing.quotes.append(_quote(rng, park, len(leasing.leads) - 1, lead, unit,
                                         len(leasing.quotes) + 1))


def _stage_paths(rng: Random, leasing: LeasingPlan) -> list[StepPlan]:
    """Each lead's way to its stage, oldest first: along the open stages up to where it
    is (a quoted lead: lead → in contact → negotiating → quoted), a signed lead through
    quoted on its accepted quote's day, a lost one from some open stage; each earlier
    step days to weeks before the next, the last on the lead's day. Moved by its owner."""
    quoted_on = {q.lead: q.quoted_on for q in leasing.quotes if q.status == "accepted"}
    steps: list[StepPlan] = []
    for index, lead in enumerate(leasing.leads):
        if lead.stage is Stage.SIGNED:
            path = [*PATH, Stage.SIGNED]
        elif lead.stage is Stage.LOST:
            path = [*PATH[:rng.randint(1, 3)], Stage.LOST]
        else:
            path = list(PATH[:PATH.index(lead.stage) + 1])
        days = [lead.stage_on]
        for stage in reversed(path[:-1]):
            if stage is Stage.QUOTED and index in quoted_on:
                days.append(min(quoted_on[index], days[-1]))
            else:
                days.append(days[-1] - timedelta(days=rng.randint(3, 28)))
        for stage, on in zip(path, reversed(days), strict=True):
            moved = datetime.combine(on, time(rng.randint(9, 17), rng.randint(0, 59)),
                                     SHANGHAI).astimezone(UTC)
            steps.append(StepPlan(index, stage, on, lead.owner, moved,
                                  lead.lost_reason if stage is Stage.LOST else ""))
    return steps


def _vacant(park: ParkPlan, today: date) -> list[int]:
    """Units for rent on the market with no lease holding them today or later."""
    held: set[int] = set()
    for contract in park.contracts:
        if contract.status is ContractStatus.DRAFT:
            continue
        last = contract.ends_on
        if contract.terminated_on is not None:
            last = min(last, contract.terminated_on)
        if last >= today:
            held.update(contract.units)
    return [i for i, u in enumerate(park.units)
            if u.use is SpaceUse.LEASABLE and u.status is UnitStatus.LEASABLE
            and u.asking_rent is not None and i not in held]


def _unit_type(park: ParkPlan, unit: UnitPlan) -> UnitType:
    return park.buildings[park.floors[unit.floor].building].profile.unit_type


def _lead(rng: Random, park: ParkPlan, unit: UnitPlan, staff: _Staff, stage: Stage,
          code: str, names: set[str], today: date) -> LeadPlan:
    """A prospect whose needs a unit like ``unit`` meets (a wider or narrower range)."""
    kind = _unit_type(park, unit)
    company = make_tenant(rng, TENANT_KIND[kind], len(names) + 1, names)
    ago = {Stage.LEAD: 30, Stage.IN_CONTACT: 60, Stage.NEGOTIATING: 90, Stage.QUOTED: 25,
           Stage.LOST: 300}[stage]
    stage_on = today - timedelta(days=rng.randint(0, ago))
    area_min, area_max = _area_range(rng, unit.billable)
    asking = unit.asking_rent or Decimal(100)
    tags = rng.sample(unit.tags, min(len(unit.tags), rng.randint(0, 2)))
    move_in = (stage_on if stage is Stage.LOST else today) + timedelta(
        days=rng.randint(20, 180))
    return LeadPlan(
        id=uuid7(), code=code, company=company.name, contact_name=company.contact_name,
        contact_phone=company.contact_phone, industry=company.industry, stage=stage,
        stage_on=stage_on, area_min=area_min, area_max=area_max,
        budget=rate(asking * Decimal(rng.randint(92, 115)) / 100) if rng.random() < 0.85
        else None,
        move_in_on=move_in if rng.random() < 0.9 else None,
        unit_type=kind if rng.random() < 0.85 else None, tags=tags,
        owner=rng.choice(staff.leasing), source=rng.choice(SOURCES),
        lost_reason=rng.choice(LOST_REASONS) if stage is Stage.LOST else "",
        notes=rng.choice(LEAD_NOTES) if rng.random() < 0.4 else "")


def _area_range(rng: Random, area: Decimal) -> tuple[Decimal, Decimal]:
    """A range of whole tens of m² around ``area``: what a prospect says it needs."""
    low = (area * Decimal(rng.randint(75, 95)) / 1000).quantize(Decimal(1), ROUND_FLOOR) * 10
    high = (area * Decimal(rng.randint(105, 130)) / 1000).quantize(Decimal(1),
                                                                  ROUND_CEILING) * 10
    low = max(low, Decimal(10))
    return low.quantize(AREA), max(high, low + 10).quantize(AREA)


def _signed_lead(rng: Random, park: ParkPlan, signed: list[RentTerms], staff: _Staff,
                 leasing: LeasingPlan, index: int, code: str) -> None:
    """A lead that closed: the tenant and contract it became, and the quote it accepted."""
    contract = park.contracts[index]
    tenant_index = park.tenancy_tenant[contract.tenancy]
    tenant = park.tenants[tenant_index]
    agreed = signed[index]  # as signed: the quote was accepted before any amendment
    area_min, area_max = _area_range(rng, agreed.area)
    tags = sorted({t for u in contract.units for t in park.units[u].tags})
    lead = LeadPlan(
        id=uuid7(), code=code, company=tenant.name, contact_name=tenant.contact_name,
        contact_phone=tenant.contact_phone, industry=tenant.industry, stage=Stage.SIGNED,
        stage_on=contract.signed_on, area_min=area_min, area_max=area_max,
        budget=rate(contract.rent * Decimal(rng.randint(100, 110)) / 100),
        move_in_on=contract.starts_on, unit_type=contract.kind,
        tags=rng.sample(tags, min(len(tags), 2)), owner=rng.choice(staff.leasing),
        source=rng.choice(SOURCES), tenant=tenant_index)
    leasing.leads.append(lead)
    lead_index = len(leasing.leads) - 1
    contract.lead = lead_index
    lines, _ = rent_schedule(agreed)
    quoted = contract.signed_on - timedelta(days=rng.randint(7, 30))
    leasing.quotes.append(QuotePlan(
        uuid7(), lead_index, f"BJ-{len(leasing.quotes) + 1:04d}", quoted,
        quoted + timedelta(days=30), list(contract.units), terms_document(agreed),
        total(lines), net_effective_rent(agreed, lines), "accepted", index))


def _quote(rng: Random, park: ParkPlan, lead_index: int, lead: LeadPlan, unit: int,
           number: int) -> QuotePlan:
    """A proposal on a vacant unit: three years from the move-in, fit-out months free,
    +5 % a year (or 3 %), billed quarterly; its figures from the rent engine."""
    let = park.units[unit]
    start = lead.move_in_on or lead.stage_on + timedelta(days=60)
    asking = let.asking_rent or Decimal(100)
    price = rate(asking * Decimal(rng.randint(90, 100)) / 100)
    end = add_months(start, rng.choice((24, 36, 36, 60))) - ONE_DAY
    free_months = rng.choice((1, 2, 3))
    terms = RentTerms(
        area=let.billable, rate=price, starts_on=start, ends_on=end, cycle=Cycle.QUARTERLY,
        rent_free=(RentFree(start, add_months(start, free_months) - ONE_DAY,
                            RentFreeKind.FIT_OUT),),
        escalation=Escalation(EscalationKind.FIXED_PERCENT,
                              percent=Decimal(rng.choice((3, 5, 5)))),
        charges=_charges(rng, _unit_type(park, let)), due=DueRule(DueKind.DAYS_BEFORE, 15),
        late_fee=LateFee(Decimal("0.0005")))
    lines, _ = rent_schedule(terms)
    return QuotePlan(uuid7(), lead_index, f"BJ-{number:04d}", lead.stage_on,
                     lead.stage_on + timedelta(days=30), [unit], terms_document(terms),
                     total(lines), net_effective_rent(terms, lines))


# -- small helpers ---------------------------------------------------------------------


def _staff(rng: Random) -> _Staff:
    """The park's people: leasing managers own leads, operations hand units over, finance
    sees the rent start and the first payment."""
    taken: set[str] = set()

    def person() -> str:
        while True:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (
                rng.choice(GIVEN) if rng.random() < 0.6 else "")
            if name not in taken:
                taken.add(name)
                return name

    return _Staff(tuple(person() for _ in range(6)), tuple(person() for _ in range(3)),
                  tuple(person() for _ in range(3)))


def _weighted(rng: Random, choices: Sequence[tuple[Any, float]]) -> Any:
    roll = rng.random() * sum(w for _, w in choices)
    for value, weight in choices:
        roll -= weight
        if roll < 0:
            return value
    return choices[-1][0]
