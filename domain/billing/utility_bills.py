"""Utility bills: a month's electricity, water, gas and heat, metered, priced and billed.

The rules (issue 12, "Bills" and "Meters and utilities"):

- **In arrears.** A run whose range contains the first day of month M bills
  the consumption of month M−1 (一月账单含十二月电费): the readings that close
  a month are taken on or after its last day, so a month is billed with the
  next one's rent. The bill's period is M−1 (``period_start`` its first day,
  ``period_end`` its last), its charge the utility (``electricity``,
  ``water``, ``gas``, ``heat``) and its id ``bills.bill_id(contract, M−1,
  charge)``: running again, on any device, makes the same bill. A range that
  contains no first day of a month bills no utilities.
- **One bill per (contract, month, utility).** Its lines are, for each unit
  the contract held, one per meter × register × price piece (a tariff that
  changes in the month splits it by days, as ``tariffs.price`` does), and
  one per 公摊 share: the unit's part of the shared consumption of every
  meter above it that feeds sub meters, priced at that meter's tariff. A
  share's amount is the unit's part of that meter's shared charge (the
  statement's own split, ``shared_consumption``), so a building's shares add
  up to its statement to the cent. Each line says itself (``explanation``):
  meter, readings with their dates, multiplier, rollover or replacement,
  quantity, price, tariff name and kind; for a share the main meter, its
  consumption, Σ sub meters, the shared quantity, the basis, the unit's
  weight and the denominator. ``reasons`` in it are the same figures as
  (code, params) records a view words.
- **A meter's tariff** is the one set on it, or else the nearest one set on
  a meter above it (a park prices a building's tree on its main meter).
  Tiered bands apply per meter, per month (as a utility reads a meter).
- **Who pays.** A unit's use is split between the contracts that held it by
  the days each held it (``tariffs.split_exactly``: quantities at their own
  places, amounts to the cent, nothing lost), each part saying its days; a
  priced piece is split by the days held within the days that price was in
  force. Days nobody held are the landlord's: a ``vacant-use`` skip with the
  unit, the quantity and its value, never a bill. A day held by two
  contracts (validation forbids it) counts for the one that began first.
- **Not billed, with the reason** (a :class:`Skip` per contract and unit): a
  meter in service with no reading to close the month (``reading-missing``,
  naming the meter and month: the unit's own, or any meter of a statement
  it shares in); a meter, or a meter whose shared use it shares, with no
  tariff in force (``no-tariff``), a time-of-use tariff with no price for a
  register used (``tariff-register``); a negative consumption, a reading off
  the dial or any other unresolved flag of a meter or statement
  (``reading-flag``); one skip per contract, reason and unit names its
  meters together. A contract with one such unit is not billed for that
  utility and month at all: a bill is posted whole or not yet, and a later
  run over the same range posts it once the readings are in (re-running is
  safe). A spike bills, with a note (``reading-spike``) as rent's
  provisional notes do.
- **Corrections.** A (contract, month, utility) billed before whose amount
  is now different (a reading corrected, a tariff entered late, a hold
  changed) gets an adjustment bill pointing at the original, explained
  before → after, exactly as rent's: ``bills.adjustment_id`` of its
  sequence. Equal: it exists. A run looks at the months it bills and, for
  keys already billed only, the month before them (:data:`LOOKBACK_MONTHS`):
  a reading corrected after its bill, or a tariff entered late, is adjusted
  by the next month's run; an older one by running its month's range again
  (each month looked at is priced whole, so the window is kept short).
- **Due** with the contract's rent of the month the bill is issued for: the
  contract's due rule (``RentTerms.due``, as ``ScheduleLine.due_on`` has it
  for a period starting on M's first day); a contract with no terms (from
  before clauses) :data:`DUE_DAYS` after the issue day. Never before the
  issue day.

Everything here is pure: ``services.utility_billing`` reads the trees,
tariffs, holds and posted bills and calls :func:`plan_utility_bills`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from domain.billing.bills import (
    ADJUSTMENT_KIND,
    CHARGE_KIND,
    BilledKey,
    PlannedBill,
    PlannedLine,
    Skip,
    adjustment_id,
    bill_id,
    bill_number,
)
from domain.billing.meters import (
    PROBLEMS,
    TOTAL,
    Consumption,
    Flag,
    Meter,
    Period,
    Reading,
    Utility,
    consumption,
    reading_flags,
)
from domain.billing.shared_consumption import Basis, Statement, UnitShare, statement
from domain.billing.tariffs import (
    ChargeLine,
    FlatTariff,
    Tariff,
    TieredTariff,
    TouTariff,
    places_of,
    price,
    split_exactly,
)
from domain.billing.unit_consumption import (
    GAPS,
    PLACES,
    UNPRICED,
    basis_of,
    current_readings,
    units_below,
)
from domain.leasing.clauses import DueKind, DueRule
from domain.leasing.schedule import Problem, add_months
from domain.money import ZERO, round_to

UTILITIES = tuple(u.value for u in Utility)  # the charges billed here
LOOKBACK_MONTHS = 1  # months before a run's own whose bills it checks again
DUE_DAYS = 10  # a contract without a due rule pays its utilities this long after the issue
NONE = Decimal(0)  # no quantity
# Statement flags that are a meter without a reading to close the month.
STATEMENT_GAPS = GAPS
# Reading flags (``meters.reading_flags``) in the month that hold a bill; a spike only notes.
HOLDING_FLAGS = frozenset({"off-dial"})
SPIKE = "spike"
EVENTS = frozenset({"rollover", "replacement", "installed", "removed"})


# -- what the run is given -------------------------------------------------------------------


@dataclass(frozen=True)
class NamedTariff:
    """A tariff a meter is priced at: its name and every version (each from its first day)."""

    name: str
    versions: tuple[Tariff, ...]


@dataclass(frozen=True)
class UtilityTree:
    """One utility's meters in a park with what pricing their month needs.

    ``readings`` in the order entered (a correction after its original: applied here);
    ``documents``: each meter's stored basis (missing: by area); ``areas``: unit id →
    billable m²; ``tariffs``: meter id → the tariff set on it (the others inherit);
    ``unit_codes``: unit id → its code, for the lines and skips.
    """

    utility: Utility
    meters: tuple[Meter, ...]
    readings: tuple[Reading, ...]
    documents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    areas: Mapping[str, Decimal] = field(default_factory=dict)
    tariffs: Mapping[str, NamedTariff] = field(default_factory=dict)
    unit_codes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hold:
    """A contract's hold on a unit, both days included (``domain.contracts.unit_term``)."""

    contract_id: str
    unit_id: str
    first_day: date
    last_day: date


@dataclass(frozen=True)
class Payer:
    """A contract as its utility bills need it: its code and its due rule (None: none)."""

    id: str
    code: str
    due: DueRule | None = None


@dataclass(frozen=True)
class UtilityPlan:
    """What the run adds for utilities (its bills are posted as rent's are)."""

    bills: tuple[PlannedBill, ...]
    existing: tuple[uuid.UUID, ...]  # bills of the run's own months already posted
    skipped: tuple[Skip, ...]


# -- months and due days -----------------------------------------------------------------


def consumption_months(period_from: date, period_to: date) -> list[date]:
    """The months whose use a run over ``period_from`` – ``period_to`` bills: the month
    before each month whose first day is in the range (first days, oldest first).

    >>> consumption_months(date(2027, 1, 1), date(2027, 1, 31))
    [datetime.date(2026, 12, 1)]
    >>> consumption_months(date(2027, 1, 5), date(2027, 1, 31))
    []
    """
    first = period_from.replace(day=1)
    if first < period_from:
        first = add_months(first, 1)
    months = []
    while first <= period_to:
        months.append(add_months(first, -1))
        first = add_months(first, 1)
    return months


def lookback_months(months: Sequence[date], count: int = LOOKBACK_MONTHS) -> list[date]:
    """The ``count`` months before the first of ``months`` (oldest first): their bills are
    checked again for corrections."""
    if not months:
        return []
    first = min(months)
    return [add_months(first, -k) for k in range(count, 0, -1)]


def due_on(payer: Payer, month: date, issued_on: date) -> date:
    """When the utilities of ``month`` fall due: with the rent of the month after it, by the
    contract's due rule; without one, :data:`DUE_DAYS` after the issue day; never before
    the issue day.

    >>> p = Payer("c", "HT-1", DueRule(DueKind.DAYS_BEFORE, 0))
    >>> due_on(p, date(2026, 12, 1), date(2026, 12, 26))
    datetime.date(2027, 1, 1)
    >>> due_on(Payer("c", "HT-1"), date(2026, 12, 1), date(2027, 1, 3))
    datetime.date(2027, 1, 13)
    """
    rule = payer.due
    if rule is None:
        return issued_on + timedelta(days=DUE_DAYS)
    start = add_months(month, 1)
    if rule.kind is DueKind.DAY_OF_MONTH and 1 <= rule.days <= 31:
        before = add_months(start, -1)
        day = add_months(before.replace(day=1), 0, rule.days)
    elif rule.kind is DueKind.DAYS_BEFORE and rule.days >= 0:
        day = start - timedelta(days=rule.days)
    else:  # a rule the schedule refuses too: due on the period's first day, as it bills
        day = start
    return max(day, issued_on)


# -- one unit's priced use in a month --------------------------------------------------------


@dataclass(frozen=True)
class UseLine:
    """A priced piece of a unit's use: a meter's register at one price, or a share."""

    quantity: Decimal
    amount: Decimal
    days: Period  # the days its price was in force (the month for a share)
    explanation: dict[str, Any]


@dataclass
class PricedUse:
    """A unit's priced lines in a month, what holds its bill, and notes (spikes)."""

    unit_id: str
    lines: list[UseLine] = field(default_factory=list)
    held: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # skip code, params
    notes: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Prepared:
    """What pricing any month of a tree needs that no month changes, worked out once: the
    readings as corrected, each meter's, the flags on them (a spike is judged on the
    readings before it, so later ones change nothing), each meter's tariff (its own or
    inherited) and each feeding meter's children and basis."""

    current: tuple[Reading, ...]
    mine: Mapping[str, list[Reading]]
    by_id: Mapping[str, Meter]
    flags: Mapping[str, list[Flag]]
    tariffs: Mapping[str, NamedTariff | None]
    feeding: tuple[Meter, ...]
    children: Mapping[str, list[Meter]]
    bases: Mapping[str, Basis | None]  # None: a basis that cannot be read


def prepare(tree: UtilityTree) -> Prepared:
    """The tree's :class:`Prepared`: once per run, however many months it prices."""
    current = current_readings(tree.readings)
    mine: dict[str, list[Reading]] = defaultdict(list)
    for r in current:
        mine[r.meter_id].append(r)
    by_id = {m.id: m for m in tree.meters}
    children: dict[str, list[Meter]] = defaultdict(list)
    for m in sorted(tree.meters, key=lambda m: m.code):
        if m.parent_id is not None:
            children[m.parent_id].append(m)
    feeding = tuple(m for m in sorted(tree.meters, key=lambda m: m.code) if m.id in children)
    bases: dict[str, Basis | None] = {}
    for d in feeding:
        try:
            bases[d.id] = basis_of(tree.documents.get(d.id),
                                   units_below(d.id, list(tree.meters)), tree.areas)
        except (ValueError, TypeError):
            bases[d.id] = None
    flags = {m.id: [f for f in reading_flags(m, mine.get(m.id, []))
                    if f.read_on is not None and (f.code == SPIKE or f.code in HOLDING_FLAGS)]
             for m in tree.meters if m.unit_id is not None}
    tariffs = {m.id: _tariff_of(m, by_id, tree.tariffs) for m in tree.meters}
    return Prepared(tuple(current), mine, by_id, flags, tariffs, feeding, children, bases)


def priced_use(tree: UtilityTree, period: Period, prepared: Prepared | None = None,
               ) -> dict[str, PricedUse]:
    """Every unit's priced use of ``tree``'s utility in ``period``, by unit id: its own
    meters' lines and its shares, or why it cannot be billed (``prepared``: the tree's
    :func:`prepare`, when several months are priced)."""
    ready = prepared or prepare(tree)
    mine, by_id = ready.mine, ready.by_id
    units: dict[str, PricedUse] = {}
    measure = tree.utility.unit
    month = period.start.strftime("%Y-%m")

    def use_of(unit_id: str) -> PricedUse:
        if unit_id not in units:
            units[unit_id] = PricedUse(unit_id)
        return units[unit_id]

    def unit_code(unit_id: str) -> str:
        return tree.unit_codes.get(unit_id, unit_id)

    for m in sorted(tree.meters, key=lambda m: m.code):
        if m.unit_id is None:
            continue
        use = use_of(m.unit_id)
        used = consumption(m, mine.get(m.id, []), period)
        where = {"unit": unit_code(m.unit_id), "meter": m.code, "utility": tree.utility.value,
                 "month": month}
        held = _problems(used, where)
        for f in ready.flags.get(m.id, ()):
            if f.read_on is None or not period.start < f.read_on <= period.end:
                continue
            if f.code == SPIKE:
                use.notes.append(Problem("reading-spike", {**where, **dict(f.params)}))
            else:
                held.append(("reading-flag", {**where, "flag": f.code,
                                              "on": f.read_on.isoformat()}))
        if held:
            use.held += held
            continue
        if all(q == 0 for q in used.by_register.values()):
            continue  # nothing used (or out of service): nothing to price
        tariff = ready.tariffs.get(m.id)
        refusal = _unpriceable(tariff, used.by_register, period, where)
        if refusal is not None:
            use.held.append(refusal)
            continue
        assert tariff is not None
        charged = price(list(tariff.versions), used.by_register, period)
        for line in charged.lines:
            if line.quantity == 0 and line.amount == 0:
                continue
            use.lines.append(_meter_line(tree.utility, unit_code(m.unit_id), m, used, line,
                                         tariff, period, measure))

    for d in ready.feeding:
        tariff = ready.tariffs.get(d.id)
        where = {"meter": d.code, "utility": tree.utility.value, "month": month}
        basis = ready.bases.get(d.id)
        if basis is None:  # its basis cannot be read: every unit beneath it waits
            for unit_id in sorted(units_below(d.id, list(tree.meters))):
                use_of(unit_id).held.append(("reading-flag", {
                    "unit": unit_code(unit_id), **where, "flag": "basis-unreadable"}))
            continue
        refusal = None if tariff is None else _unpriceable(tariff, {}, period, where)
        priced = tariff is not None and refusal is None
        readings = [r for m in (d, *ready.children.get(d.id, ())) for r in mine.get(m.id, ())]
        s = statement(d.id, list(tree.meters), readings, period, basis,
                      list(tariff.versions) if priced and tariff else UNPRICED, PLACES)
        touched = [x for x in s.shares if x.quantity or x.basis]
        if not touched:
            continue
        held = _statement_problems(s, by_id)
        if not held and s.shared != 0 and not priced:
            held = [refusal or ("no-tariff", {"meter": d.code})]
        for share in touched:
            use = use_of(share.unit_id)
            said = {"unit": unit_code(share.unit_id), "utility": tree.utility.value,
                    "month": month}
            if held:
                use.held += [(code, {**said, **params}) for code, params in held]
                continue
            if share.quantity == 0 and share.amount == 0:
                continue
            assert tariff is not None
            use.lines.append(_share_line(tree.utility, unit_code(share.unit_id), s, share,
                                         tariff, period, measure))
    return units


def _problems(used: Consumption, where: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """The reasons a meter's month cannot be billed: no reading to close it, or a fault."""
    out: list[tuple[str, dict[str, str]]] = []
    for r in used.reasons:
        if r.code in GAPS:
            out.append(("reading-missing", dict(where)))
        elif r.code in PROBLEMS:
            out.append(("reading-flag", {**where, "flag": r.code,
                                         "on": r.params.get("on", "")}))
    return _unique(out)


def _statement_problems(s: Statement, by_id: Mapping[str, Meter],
                        ) -> list[tuple[str, dict[str, str]]]:
    """A statement's flags as reasons not to bill the shares it makes (``cannot-price`` is
    judged before it is priced)."""
    out: list[tuple[str, dict[str, str]]] = []
    for f in s.flags:
        meter = by_id[f.meter_id].code if f.meter_id in by_id else s.main.meter.code
        if f.code in STATEMENT_GAPS:
            out.append(("reading-missing", {"meter": meter}))
        else:
            out.append(("reading-flag", {"meter": meter, "flag": f.code,
                                         "on": str(f.params.get("on", ""))}))
    return _unique(out)


def _unique(items: Iterable[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    out = []
    for code, params in items:
        key = (code, tuple(sorted(params.items())))
        if key not in seen:
            seen.add(key)
            out.append((code, params))
    return out


def _tariff_of(meter: Meter, by_id: Mapping[str, Meter],
               tariffs: Mapping[str, NamedTariff]) -> NamedTariff | None:
    """The meter's own tariff, or the nearest meter's above it (a loop is not followed)."""
    seen: set[str] = set()
    here: Meter | None = meter
    while here is not None and here.id not in seen:
        found = tariffs.get(here.id)
        if found is not None and found.versions:
            return found
        seen.add(here.id)
        here = by_id.get(here.parent_id) if here.parent_id is not None else None
    return None


def _unpriceable(tariff: NamedTariff | None, used: Mapping[str, Decimal], period: Period,
                 where: dict[str, str]) -> tuple[str, dict[str, str]] | None:
    """Why ``used`` cannot be priced at ``tariff`` in ``period`` (None: it can)."""
    if tariff is None:
        return ("no-tariff", dict(where))
    versions = sorted(tariff.versions, key=lambda t: t.valid_from)
    if versions[0].valid_from > period.start:
        return ("no-tariff", {**where, "tariff": tariff.name,
                              "from": versions[0].valid_from.isoformat()})
    for t in versions:
        if t.valid_from >= period.end or not isinstance(t, TouTariff):
            continue
        for register, q in used.items():
            if q != 0 and register not in t.prices:
                return ("tariff-register", {**where, "tariff": tariff.name,
                                            "register": register})
    return None


# -- lines and what they say -----------------------------------------------------------------


def _kind(t: Tariff) -> str:
    if isinstance(t, FlatTariff):
        return "flat"
    return "tiered" if isinstance(t, TieredTariff) else "time_of_use"


def _in_force(tariff: NamedTariff, day: date) -> Tariff:
    versions = sorted(tariff.versions, key=lambda t: t.valid_from)
    return next((t for t in reversed(versions) if t.valid_from <= day), versions[0])


def _days(p: Period) -> tuple[date, date]:
    """A period's first and last day (both billed)."""
    return p.start, p.end - timedelta(days=1)


def _reason(code: str, **params: object) -> dict[str, Any]:
    return {"code": code, "params": {k: str(v) for k, v in params.items()}}


def tidy(value: Decimal, least: int = PLACES) -> Decimal:
    """A quantity without the zeros a multiplier's places add (500.000 × 1.000 is
    500.000000): the same value, to ``least`` places or the places it needs.

    >>> tidy(Decimal("500.000000")), tidy(Decimal("12.3456000")), tidy(Decimal("40.000"), 0)
    (Decimal('500.000'), Decimal('12.3456'), Decimal('40'))
    """
    return round_to(value, max(least, places_of(value.normalize())))


def _price_reasons(line: ChargeLine, tariff: NamedTariff, measure: str, period: Period,
                   ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The price part of a line's explanation, and its reasons."""
    version = _in_force(tariff, line.period.start)
    kind = _kind(version)
    said: dict[str, Any] = {
        "quantity": str(line.quantity), "measure": measure, "price": str(line.price),
        "amount": str(line.amount),
        "tariff": {"name": tariff.name, "kind": kind,
                   "valid_from": version.valid_from.isoformat()}}
    common = {"quantity": line.quantity, "measure": measure, "price": line.price,
              "amount": line.amount, "tariff": tariff.name}
    reasons = []
    for r in line.reasons:
        if r.code == "tier":
            said["band"] = {"band": r.params["band"], "from": r.params["from"],
                            "up_to": r.params["up_to"]}
            reasons.append(_reason("utility-tier", band=r.params["band"],
                                   **{"from": r.params["from"]},
                                   up_to=r.params["up_to"] or "", **common))
        elif r.code == "time-of-use":
            reasons.append(_reason("utility-tou", register=r.params["register"], **common))
        elif r.code == "flat":
            reasons.append(_reason("utility-flat", **common))
    if line.period != period:
        first, last = _days(line.period)
        said["days"] = {"from": first.isoformat(), "to": last.isoformat(),
                        "days": str(line.period.days), "of_days": str(period.days)}
        reasons.append(_reason("utility-tariff-days", **{"from": first.isoformat()},
                               to=last.isoformat(), days=line.period.days,
                               of_days=period.days, valid_from=version.valid_from.isoformat()))
    return said, reasons


def _meter_line(utility: Utility, unit: str, meter: Meter, used: Consumption,
                line: ChargeLine, tariff: NamedTariff, period: Period, measure: str,
                ) -> UseLine:
    """One register (or a flat or tiered tariff's total) of a unit's meter at one price."""
    registers = [line.register] if line.register != TOTAL else list(meter.registers)
    readings, events, reasons = [], [], []
    for r in used.reasons:
        register = r.params.get("register")
        if register not in registers:
            continue
        if r.code == "reading":
            readings.append(dict(r.params))
            reasons.append(_reason("utility-reading", meter=meter.code, **r.params))
        elif r.code in EVENTS:
            events.append({"code": r.code, "params": dict(r.params)})
            reasons.append(_reason(f"utility-{r.code}", meter=meter.code, **r.params))
    if meter.multiplier != 1:
        reasons.append(_reason("utility-multiplier", meter=meter.code,
                               multiplier=tidy(meter.multiplier, 0)))
    line = replace(line, quantity=tidy(line.quantity))
    said, priced = _price_reasons(line, tariff, measure, period)
    explanation = {"utility": utility.value, "source": "meter", "unit": unit,
                   "meter": meter.code, "register": line.register, "readings": readings,
                   "multiplier": str(tidy(meter.multiplier, 0)), "events": events, **said,
                   "reasons": reasons + priced}
    return UseLine(line.quantity, line.amount, line.period, explanation)


def _share_line(utility: Utility, unit: str, s: Statement, share: UnitShare, tariff: NamedTariff,
                period: Period, measure: str) -> UseLine:
    """A unit's share of a meter's shared use, its part of the shared charge."""
    subs = tidy(sum((x.amount for x in s.subs), NONE))
    main_use, common, shared = tidy(s.main.amount), tidy(s.common), tidy(s.shared)
    prices = [{"register": x.register, "quantity": str(tidy(x.quantity)), "price": str(x.price),
               "amount": str(x.amount)} for x in (s.charge.lines if s.charge else ())]
    said = {
        "main": s.main.meter.code, "main_use": str(main_use), "subs": str(subs),
        "unmetered": str(tidy(s.unmetered)), "common": str(common), "shared": str(shared),
        "basis": s.basis.kind.value, "weight": str(share.basis),
        "denominator": str(s.denominator), "fraction": str(share.fraction),
        "charge": str(s.amount)}
    version = _in_force(tariff, period.start)
    explanation = {
        "utility": utility.value, "source": "share", "unit": unit, **said,
        "quantity": str(share.quantity), "measure": measure, "amount": str(share.amount),
        "prices": prices,
        "tariff": {"name": tariff.name, "kind": _kind(version),
                   "valid_from": version.valid_from.isoformat()},
        "reasons": [
            _reason("utility-shared", meter=s.main.meter.code, main_use=main_use,
                    subs=subs, common=common, shared=shared, measure=measure),
            _reason("utility-share", basis=s.basis.kind.value, weight=share.basis,
                    denominator=s.denominator, quantity=share.quantity, measure=measure,
                    charge=s.amount, amount=share.amount, tariff=tariff.name,
                    prices="; ".join(
                        ("" if p["register"] == TOTAL else p["register"] + " ")
                        + f"{p['quantity']} × {p['price']}" for p in prices))]}
    return UseLine(share.quantity, share.amount, period, explanation)


# -- who pays --------------------------------------------------------------------------------


def holders(holds: Sequence[Hold], period: Period) -> list[str | None]:
    """Who held the unit on each day of ``period`` (None: nobody): the contract that began
    first when two claim a day."""
    out: list[str | None] = [None] * period.days
    # the later-starting first, so the one that began first writes its days last
    for h in sorted(holds, key=lambda h: (h.first_day, h.contract_id), reverse=True):
        first = max((h.first_day - period.start).days, 0)
        last = min((h.last_day - period.start).days, period.days - 1)
        if first <= last:
            out[first:last + 1] = [h.contract_id] * (last - first + 1)
    return out


def split_by_days(line: UseLine, owners: Sequence[str | None], period: Period,
                  ) -> list[tuple[str | None, UseLine]]:
    """``line`` between who held the unit on the days its price was in force: quantity and
    amount split exactly by days, each part saying its days (one owner: the line whole)."""
    first = (line.days.start - period.start).days
    mine = owners[first:first + line.days.days]
    counts: dict[str | None, int] = {}
    for owner in mine:
        counts[owner] = counts.get(owner, 0) + 1
    if len(counts) == 1:
        return [(mine[0], line)]
    order = list(counts)  # by their first day in the piece
    weights = [Decimal(counts[o]) for o in order]
    quantities = split_exactly(line.quantity, weights, places_of(line.quantity))
    amounts = split_exactly(line.amount, weights, 2)
    out = []
    for owner, q, a in zip(order, quantities, amounts, strict=True):
        days = [line.days.start + timedelta(days=i) for i, o in enumerate(mine) if o == owner]
        held = {"days": str(counts[owner]), "of_days": str(line.days.days),
                "from": days[0].isoformat(), "to": days[-1].isoformat()}
        explanation = {**line.explanation, "quantity": str(q), "amount": str(a),
                       "whole": {"quantity": str(line.quantity), "amount": str(line.amount)},
                       "held": held,
                       "reasons": [*line.explanation["reasons"], _reason(
                           "utility-held", quantity=q, whole=line.quantity,
                           measure=line.explanation.get("measure", ""), amount=a,
                           whole_amount=line.amount, **held)]}
        out.append((owner, UseLine(q, a, Period(days[0], days[-1] + timedelta(days=1)),
                                   explanation)))
    return out


# -- the run's bills -------------------------------------------------------------------------


def plan_utility_bills(
    trees: Sequence[UtilityTree],
    months: Sequence[date],
    holds: Sequence[Hold],
    payers: Mapping[str, Payer],
    billed: Mapping[str, Mapping[tuple[date, str], BilledKey]],
    issued_on: date,
    lookback: Sequence[date] = (),
) -> UtilityPlan:
    """The utility bills of ``months`` (first days of the months consumed), and the
    adjustments of bills of those months and of ``lookback``'s whose amount changed.

    ``billed``: contract id → (period start, charge) → what was billed (utilities only
    are looked at); ``payers``: contract id → its code and due rule.
    """
    in_range = set(months)
    prepared: dict[int, Prepared] = {}
    by_unit: dict[str, list[Hold]] = defaultdict(list)
    for h in holds:
        by_unit[h.unit_id].append(h)
    bills: list[PlannedBill] = []
    existing: list[uuid.UUID] = []
    skipped: list[Skip] = []
    for month in sorted(in_range | set(lookback)):
        period = Period.month(month.year, month.month)
        for tree in trees:
            charge = tree.utility.value
            before = {cid: keys[(month, charge)] for cid, keys in billed.items()
                      if (month, charge) in keys}
            if month not in in_range and not before:
                continue
            if id(tree) not in prepared:
                prepared[id(tree)] = prepare(tree)
            made = _month_bills(tree, period, by_unit, payers, before, issued_on,
                                month in in_range, prepared[id(tree)])
            bills += made.bills
            existing += made.existing
            skipped += made.skipped
    return UtilityPlan(tuple(bills), tuple(existing), tuple(skipped))


def _month_bills(tree: UtilityTree, period: Period, by_unit: Mapping[str, list[Hold]],
                 payers: Mapping[str, Payer], before: Mapping[str, BilledKey],
                 issued_on: date, in_range: bool, prepared: Prepared) -> UtilityPlan:
    """One utility's bills for one month consumed; outside the run's months only the
    contracts billed ``before`` are looked at (their adjustments, or their skips)."""
    charge = tree.utility.value
    month = period.start
    lines: dict[str, list[UseLine]] = defaultdict(list)
    notes: dict[str, list[Problem]] = defaultdict(list)
    held: dict[str, list[Skip]] = defaultdict(list)
    vacant: dict[str, list[UseLine]] = defaultdict(list)

    def code_of(cid: str) -> str:
        payer = payers.get(cid)
        return payer.code if payer is not None else cid

    for unit_id, use in sorted(priced_use(tree, period, prepared).items()):
        owners = holders(by_unit.get(unit_id, []), period)
        contracts = list(dict.fromkeys(o for o in owners if o is not None))
        if use.held:
            for cid in contracts:
                held[cid] += [Skip(code_of(cid), code, params) for code, params in use.held]
            continue
        for line in use.lines:
            for owner, part in split_by_days(line, owners, period):
                (lines[owner] if owner is not None else vacant[unit_id]).append(part)
        for cid in contracts:
            notes[cid] += use.notes

    out_bills: list[PlannedBill] = []
    existing: list[uuid.UUID] = []
    skipped: list[Skip] = []
    for cid in sorted(set(lines) | set(held) | set(before), key=code_of):
        done = before.get(cid)
        if done is not None and in_range:
            existing.append(done.bill_id)
        if cid in held:
            if in_range or done is not None:
                skipped += _unique_skips(held[cid])
            continue
        mine = lines.get(cid, [])
        amount = sum((x.amount for x in mine), ZERO)
        payer = payers.get(cid, Payer(cid, cid))
        due = due_on(payer, month, issued_on)
        said = tuple(_unique_notes(notes.get(cid, [])))
        planned = tuple(PlannedLine(*_days(x.days), x.amount, x.explanation) for x in mine)
        end = _days(period)[1]
        if done is not None:
            if amount != done.amount:
                out_bills.append(_adjustment(payer, month, end, charge, planned, amount, done,
                                             due, said))
            continue
        if not in_range or amount == ZERO:
            continue
        out_bills.append(PlannedBill(
            bill_id(cid, month, charge), cid, bill_number(payer.code, month, charge),
            CHARGE_KIND, charge, month, end, due, amount, planned, None, said))
    if in_range:
        for unit_id, parts in sorted(vacant.items()):
            quantity = sum((x.quantity for x in parts), NONE)
            amount = sum((x.amount for x in parts), ZERO)
            if quantity == 0 and amount == 0:
                continue
            days = sorted({d for x in parts for d in _each_day(x.days)})
            skipped.append(Skip("", "vacant-use", {
                "unit": tree.unit_codes.get(unit_id, unit_id), "utility": charge,
                "month": month.strftime("%Y-%m"), "quantity": str(quantity),
                "measure": tree.utility.unit, "amount": str(amount),
                "days": str(len(days)), "of_days": str(period.days)}))
    return UtilityPlan(tuple(out_bills), tuple(existing), tuple(skipped))


def _each_day(p: Period) -> Iterable[date]:
    day = p.start
    while day < p.end:
        yield day
        day += timedelta(days=1)


def _unique_skips(skips: Iterable[Skip]) -> list[Skip]:
    """One skip per contract, reason and unit: the meters it names joined (a month not read
    yet names every meter of the unit's statement once, not once a line)."""
    meters: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[str]] = {}
    first: dict[tuple[str, str, tuple[tuple[str, str], ...]], Skip] = {}
    for s in skips:
        key = (s.contract_code, s.code,
               tuple(sorted((k, v) for k, v in s.params.items() if k != "meter")))
        named = meters.setdefault(key, [])
        first.setdefault(key, s)
        meter = s.params.get("meter")
        if meter is not None and meter not in named:
            named.append(meter)
    return [Skip(s.contract_code, s.code, {**s.params, "meter": ", ".join(meters[key])}
                 if meters[key] else dict(s.params)) for key, s in first.items()]


def _unique_notes(notes: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    out = []
    for n in notes:
        key = (n.code, tuple(sorted(n.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def _adjustment(payer: Payer, month: date, end: date, charge: str,
                lines: Sequence[PlannedLine], amount: Decimal, done: BilledKey, due: date,
                notes: tuple[Problem, ...]) -> PlannedBill:
    """The difference between what a (contract, month, utility) was billed and what it comes
    to now, pointing at the original, explained before → after with the lines it is now."""
    sequence = done.adjustments + 1
    difference = amount - done.amount
    explanation: dict[str, Any] = {
        "adjusts": str(done.bill_id), "billed": str(done.amount), "now": str(amount),
        "utility": charge, "month": month.strftime("%Y-%m"),
        "reasons": [r for x in lines for r in x.explanation.get("reasons", ())],
        "lines": [{"starts_on": x.starts_on.isoformat(), "ends_on": x.ends_on.isoformat(),
                   "amount": str(x.amount), "explanation": x.explanation} for x in lines]}
    if not lines:
        explanation["why"] = "period-no-longer-due"  # nobody held the units, or no use now
    return PlannedBill(
        adjustment_id(payer.id, month, charge, sequence), payer.id,
        bill_number(payer.code, month, charge, sequence), ADJUSTMENT_KIND, charge, month,
        end, due, difference, (PlannedLine(month, end, difference, explanation),),
        done.bill_id, notes)
