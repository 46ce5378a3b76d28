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
  a meter above it (a park prices a building's tree on its main meter). A
  meter replaced by a new record is one position with it
  (``meters.position``): the new record keeps the old one's tariff when none
  is set on it, and its sub meters, under either record, are the position's.
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
  it shares in; in the month a meter was removed in, its missing final
  reading, in the month it was installed in, its missing initial one); a
  meter out of service all month by its dates (``Meter.installed_on`` /
  ``removed_on``) holds nothing, its own unit's bill nor its parent's shares;
  a meter, or a meter whose shared use it shares, with no
  tariff in force (``no-tariff``), a time-of-use tariff with no price for a
  register used (``tariff-register``); a negative consumption, a reading off
  the dial or any other unresolved flag of a meter or statement
  (``reading-flag``); one skip per contract, reason and unit names its
  meters together: the first :data:`NAMED_METERS` by code in ``meter`` (its
  words), how many more in ``more``, every one in ``meters`` (one a line,
  for a machine reader) and their ``count``, so a month a main meter of 40
  sub meters is not read yet says "E-01, E-02, E-03 and 37 more". A
  contract with one such unit is not billed for that utility and month at
  all: a bill is posted whole or not yet, and a later run over the same
  range posts it once the readings are in (re-running is safe).
- **A spike bills**, as read, with a note of its own (``utility-spike``:
  the meter, its use a day, its usual and how many times that it is), for
  a person to check the reading; it is not provisional (nothing is known to
  follow), as rent's CPI and sales notes are.
- **Corrections.** A (contract, month, utility) billed before whose amount
  is now different (a reading corrected, a tariff entered late, a hold
  changed) gets an adjustment bill pointing at the original, explained
  before → after, exactly as rent's: ``bills.adjustment_id`` of its
  sequence. Equal: it exists. A run looks at the months it bills and, for
  keys already billed only, the month before them (:data:`LOOKBACK_MONTHS`):
  a reading corrected after its bill, or a tariff entered late, is adjusted
  by the next month's run. Further back, a run looks again at every month
  billed whose readings changed after its last bill of that utility was
  posted (:func:`changed_months` finds, in the ledger's order, the entries
  that change a month already read: a correction, or a reading dated
  before the latest day the tree had been read to; the service compares
  their HLC stamps with the month's bills' (:func:`changed_since_billed`)
  and passes the months changed since as more ``lookback``). So a
  correction of any age is adjusted by the next run, and a month is priced
  again only when something changed it. A tariff version entered late, a meter
  moved to another tariff, an amendment or a termination dated back into an older
  month is found the same way (``domain.billing.late_changes``): the month is
  priced again and its adjustments say which change made them (``changed`` in the
  explanation; a meter's move also the tariff the adjusted bill priced it at,
  :func:`with_old_tariffs`). An amendment that gives its contract a month billed
  before without it (an extension into months it was never billed for) bills it
  that month now, as rent catches up its periods: a new bill (``catch_up``), its
  note saying so (:data:`CAUGHT_UP_NOTE`); the month's other bills are compared
  as any month looked at again.
- **Left out of a 公摊.** A unit not connected to a meter's supply in the month
  (``shared_consumption.not_connected``) takes no share of it; when the unit is
  billed all the same (another meter of it, on another supply), the bill says so
  (:data:`LEFT_OUT_NOTE`), as the statement does. Such notes only inform.
- **Due** with the contract's rent the same run bills. A run over month M
  issues M−1's utilities beside the rent of the contract's month that
  begins in M: on its anchor day (``Payer.anchor``: the rent term's start
  day, the 1st with calendar periods; a quarterly contract's months too,
  since utilities are monthly). The bill falls due as ``ScheduleLine.due_on``
  makes a period starting that day due (``RentTerms.due``): on it, ``n``
  days before it, or on day ``d`` of the month before it. A contract whose
  periods start on the 15th pays February's electricity on 15 March with
  March's rent, not on 1 March. A rule that falls before the issue (paying
  in advance: days before, or a day of the month before) makes the bill due
  on the issue day: it cannot be paid before it exists. A contract with no
  terms (from before clauses) pays :data:`DUE_DAYS` after the issue day.

Everything here is pure: ``services.utility_billing`` reads the trees,
tariffs, holds and posted bills and calls :func:`plan_utility_bills`.
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from domain.billing.bills import (
    ADJUSTMENT_KIND,
    CHARGE_KIND,
    PROVISIONAL,
    BilledKey,
    PlannedBill,
    PlannedLine,
    Skip,
    adjustment_id,
    bill_id,
    bill_number,
)
from domain.billing.late_changes import LATE_METER_TARIFF, LateChange
from domain.billing.meters import (
    PROBLEMS,
    TOTAL,
    Chains,
    Consumption,
    Flag,
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    chains,
    consumption,
    reading_flags,
    serving,
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
SPIKE_NOTE = "utility-spike"  # a bill's note: billed as read, check the reading
# A bill's notes that only inform (no correction follows, nothing to check):
CAUGHT_UP_NOTE = "utility-caught-up"  # a month before the run's billed now (an amendment)
LEFT_OUT_NOTE = "utility-left-out"  # a unit of the bill took no share of a 公摊: not connected
INFO_NOTES = frozenset({CAUGHT_UP_NOTE, LEFT_OUT_NOTE})


def note_key(code: str) -> str:
    """Where a posted bill line keeps a note of this code: ``provisional`` (rent's: a
    correction follows), ``info`` (nothing to check, nothing follows) or ``check`` (billed
    as read, for a person to check)."""
    if code in PROVISIONAL:
        return "provisional"
    return "info" if code in INFO_NOTES else "check"


NOTE_KEYS = ("provisional", "check", "info")  # every key ``note_key`` gives


def stored_notes(explanations: Iterable[Mapping[str, Any]]) -> tuple[Problem, ...]:
    """A posted bill's notes read back from its lines' explanations, each once: the run
    writes every note of a bill on each of its lines, under its ``note_key``."""
    found = []
    for explanation in explanations:
        for key in NOTE_KEYS:
            for note in explanation.get(key) or ():
                if isinstance(note, Mapping) and note.get("code"):
                    found.append(Problem(str(note["code"]), {
                        str(k): str(v) for k, v in (note.get("params") or {}).items()}))
    return tuple(_unique_notes(found))


NAMED_METERS = 3  # a skip's words name this many meters, then "and N more"
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
    """A contract as its utility bills need it: its code, its due rule (None: none) and the
    day its months begin (its rent term's start day; 1 with calendar periods)."""

    id: str
    code: str
    due: DueRule | None = None
    anchor: int = 1


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


ReadingKey = tuple[str, date, str, str]  # meter, day, register, kind: one reading's entries


def reading_key(r: Reading) -> ReadingKey:
    return (r.meter_id, r.read_on, r.register, str(r.kind))


def changed_months(prepared: Prepared, before: date) -> dict[date, list[Reading]]:
    """The months (first days) before ``before`` that an entry made after them may have
    changed, each with those entries (``prepared.changes``, in the order entered).

    An entry changes the past when it corrects one (a second entry of one meter, day,
    register and kind) or is dated before the latest day the tree had been read to when it
    was entered (a back-dated reading, a new meter's history). It touches the months it
    opens or closes: from the one whose end is on or after its day to the one its meter's
    next reading closes. Readings entered in the order read change nothing past, so a run
    over a tree never corrected finds nothing here and looks no further back.

    >>> from decimal import Decimal as D
    >>> ledger = [Reading("a", date(2026, d // 100, d % 100), "total", D(v))
    ...           for d, v in ((101, 0), (201, 10), (301, 20), (401, 30))]
    >>> fix = Reading("a", date(2026, 2, 1), "total", D(12))  # 1 February corrected
    >>> tree = UtilityTree(Utility.ELECTRICITY, (Meter("a", "E-1", Utility.ELECTRICITY),),
    ...                    (*ledger, fix))
    >>> sorted(changed_months(prepare(tree), date(2026, 4, 1)))
    [datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)]
    >>> changed_months(prepare(replace(tree, readings=tuple(ledger))), date(2026, 4, 1))
    {}
    """
    if not prepared.changes:
        return {}
    ordered: dict[str, list[date]] = {}
    out: dict[date, list[Reading]] = defaultdict(list)
    for r in prepared.changes:
        own = ordered.get(r.meter_id)
        if own is None:
            own = ordered[r.meter_id] = sorted({x.read_on for x in prepared.mine[r.meter_id]})
        k = bisect_right(own, r.read_on)
        following = own[k] if k < len(own) else None  # the reading that closes after it
        month = (r.read_on - timedelta(days=1)).replace(day=1)  # its day ends this month
        while month < before and (following is None or month < following):
            out[month].append(r)
            month = add_months(month, 1)
    return dict(out)


def changed_since_billed(changed: Mapping[date, Sequence[Reading]],
                         entered: Mapping[ReadingKey, str], billed: Mapping[date, str],
                         ) -> list[date]:
    """The months of ``changed`` billed before with a change entered after their last bill:
    ``billed`` maps a month to the stamp of its latest bill of the utility (the last run
    that priced it whole), ``entered`` a reading's key to its latest entry's stamp. Stamps
    are HLC text, sorting in causal order (``store.clock``).

    >>> from decimal import Decimal as D
    >>> fix = Reading("a", date(2026, 2, 1), "total", D(12))
    >>> months = {date(2026, 1, 1): [fix], date(2026, 2, 1): [fix]}
    >>> entered = {reading_key(fix): "000000000003000-0000-dev1"}
    >>> changed_since_billed(months, entered, {date(2026, 1, 1): "000000000002000-0000-dev1",
    ...                                        date(2026, 2, 1): "000000000004000-0000-dev1"})
    [datetime.date(2026, 1, 1)]
    """
    return sorted(m for m, entries in changed.items() if m in billed and any(
        entered.get(reading_key(r), "") > billed[m] for r in entries))


def due_on(payer: Payer, month: date, issued_on: date) -> date:
    """When the utilities of ``month`` fall due: as the contract's rent month that begins in
    the month after it does (on its anchor day), by the contract's due rule; without one,
    :data:`DUE_DAYS` after the issue day; never before the issue day.

    February's use, issued on 1 March, to a contract paying on its periods' first day:
    with March's rent, on 1 March when its periods start on the 1st, on 15 March when
    they start on the 15th.

    >>> first = Payer("c", "HT-1", DueRule(DueKind.DAYS_BEFORE, 0))
    >>> due_on(first, date(2026, 2, 1), date(2026, 3, 1))
    datetime.date(2026, 3, 1)
    >>> fifteenth = Payer("c", "HT-2", DueRule(DueKind.DAYS_BEFORE, 0), anchor=15)
    >>> due_on(fifteenth, date(2026, 2, 1), date(2026, 3, 1))
    datetime.date(2026, 3, 15)

    Paying in advance, 10 days before the period: 5 March for the period from the 15th;
    from the 1st it would be 19 February, before the bill exists, so the issue day.

    >>> advance = Payer("c", "HT-3", DueRule(DueKind.DAYS_BEFORE, 10), anchor=15)
    >>> due_on(advance, date(2026, 2, 1), date(2026, 3, 1))
    datetime.date(2026, 3, 5)
    >>> due_on(Payer("c", "HT-4", DueRule(DueKind.DAYS_BEFORE, 10)), date(2026, 2, 1),
    ...        date(2026, 3, 2))
    datetime.date(2026, 3, 2)
    >>> due_on(Payer("c", "HT-1"), date(2026, 12, 1), date(2027, 1, 3))
    datetime.date(2027, 1, 13)
    """
    rule = payer.due
    if rule is None:
        return issued_on + timedelta(days=DUE_DAYS)
    anchor = payer.anchor if 1 <= payer.anchor <= 31 else 1
    start = add_months(month, 1, anchor)  # the contract's month beginning in M
    if rule.kind is DueKind.DAY_OF_MONTH and 1 <= rule.days <= 31:
        day = add_months(start.replace(day=1), -1, rule.days)
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
    inherited) and each feeding meter's children and basis; and the entries that changed a
    month already read (:func:`changed_months`), found on the way."""

    current: tuple[Reading, ...]
    mine: Mapping[str, list[Reading]]
    by_id: Mapping[str, Meter]
    flags: Mapping[str, list[Flag]]
    tariffs: Mapping[str, NamedTariff | None]
    feeding: tuple[Meter, ...]  # positions (``meters.position``) that feed sub meters
    children: Mapping[str, list[Meter]]  # by position: the sub meters of any of its records
    bases: Mapping[str, Basis | None]  # by record; None: a basis that cannot be read
    changes: tuple[Reading, ...] = ()  # corrections and back-dated entries, as entered
    chains: Chains | None = None  # the replaced meters' records (None: made when needed)


def prepare(tree: UtilityTree) -> Prepared:
    """The tree's :class:`Prepared`: once per run, however many months it prices."""
    current, changes = _ledger(tree.readings)
    mine: dict[str, list[Reading]] = defaultdict(list)
    for r in current:
        mine[r.meter_id].append(r)
    by_id = {m.id: m for m in tree.meters}
    chained = chains(tree.meters)
    children: dict[str, list[Meter]] = defaultdict(list)
    for m in sorted(chained.tree, key=lambda m: m.code):
        if m.parent_id is not None:
            children[m.parent_id].append(by_id[m.id])
    feeding = tuple(m for m in sorted(tree.meters, key=lambda m: m.code) if m.id in children)
    bases: dict[str, Basis | None] = {}
    for d in feeding:
        below = units_below(d.id, tree.meters, chained)
        for record in chained.records(d.id):  # each record's own: the month's is used
            try:
                bases[record.id] = basis_of(tree.documents.get(record.id), below, tree.areas)
            except (ValueError, TypeError):
                bases[record.id] = None
    flags = {m.id: [f for f in reading_flags(m, mine.get(m.id, []))
                    if f.read_on is not None and (f.code == SPIKE or f.code in HOLDING_FLAGS)]
             for m in tree.meters if m.unit_id is not None}
    tariffs = {m.id: _tariff_of(m, by_id, tree.tariffs, chained) for m in tree.meters}
    return Prepared(tuple(current), mine, by_id, flags, tariffs, feeding, children, bases,
                    tuple(changes), chained)


def _ledger(readings: Iterable[Reading]) -> tuple[list[Reading], list[Reading]]:
    """The readings given in the order entered, each correction in its original's place (as
    ``unit_consumption.current_readings`` has them), and the entries that changed the past:
    a correction, or a reading dated before the latest day read when it was entered. One
    pass, so looking for corrections costs a run nothing more than reading the ledger."""
    kept: dict[tuple[Any, ...], int] = {}
    out: list[Reading] = []
    changes: list[Reading] = []
    latest = date.min
    plain = ReadingKind.READING
    for r in readings:
        day = r.read_on
        # a reading's kind only tells apart a replacement's final and initial of one day
        key = ((r.meter_id, day, r.register) if r.kind is plain
               else (r.meter_id, day, r.register, r.kind))
        at = kept.get(key)
        if at is not None:
            out[at] = r
            changes.append(r)
            continue
        kept[key] = len(out)
        out.append(r)
        if day < latest:
            changes.append(r)
        elif day > latest:
            latest = day
    return out, changes


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
                use.notes.append(spike_note(f, where))
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

    chained = ready.chains or chains(tree.meters)
    for d in ready.feeding:
        tariff = ready.tariffs.get(d.id)
        where = {"meter": d.code, "utility": tree.utility.value, "month": month}
        records = chained.records(d.id) or (d,)
        basis = ready.bases.get(serving(records, period).id)
        if basis is None:  # its basis cannot be read: every unit beneath it waits
            for unit_id in sorted(units_below(d.id, tree.meters, chained)):
                use_of(unit_id).held.append(("reading-flag", {
                    "unit": unit_code(unit_id), **where, "flag": "basis-unreadable"}))
            continue
        refusal = None if tariff is None else _unpriceable(tariff, {}, period, where)
        priced = tariff is not None and refusal is None
        readings = [r for m in (*records, *ready.children.get(d.id, ()))
                    for r in mine.get(m.id, ())]
        s = statement(d.id, list(tree.meters), readings, period, basis,
                      list(tariff.versions) if priced and tariff else UNPRICED, PLACES)
        for gone in s.left_out:  # said on the unit's bill, when it has one (another supply's)
            if gone.basis:
                use_of(gone.unit_id).notes.append(left_out_note(
                    unit_code(gone.unit_id), s, gone.reasons, tree.utility, month))
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


def spike_note(spike: Flag, where: Mapping[str, str]) -> Problem:
    """A spike's note on the bill: the flag's figures and how many times its usual use a day
    the meter ran (``times``, to one place), for the words "N× its usual".

    >>> f = Flag("spike", "", {"per_day": "66.667", "median": "3.226", "on": "2026-04-01"}, "a")
    >>> spike_note(f, {"meter": "E-101"}).params["times"]
    '20.7'
    """
    params = {**where, **dict(spike.params)}
    try:
        per_day, usual = Decimal(params["per_day"]), Decimal(params["median"])
        times = round_to(per_day / usual, 1) if usual > 0 else None
    except (KeyError, ArithmeticError, ValueError):
        times = None
    if times is not None:
        params["times"] = str(times.to_integral_value() if times == times.to_integral_value()
                              else times)
    return Problem(SPIKE_NOTE, params)


def left_out_note(unit: str, s: Statement, reasons: Iterable[Any], utility: Utility,
                  month: str) -> Problem:
    """A bill's note: ``unit`` took no share of ``s``'s shared use, not connected (each of
    its meters beneath it out of service all month), as the statement says it: its
    ``reasons`` one a line, "<removed|not-installed> <day> <meter>"."""
    return Problem(LEFT_OUT_NOTE, {
        "unit": unit, "meter": s.main_code, "utility": utility.value, "month": month,
        "reasons": "\n".join(f"{r.code} {r.params.get('on', '')} {r.params.get('meter', '')}"
                             for r in reasons)})


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
               tariffs: Mapping[str, NamedTariff], chained: Chains | None = None,
               ) -> NamedTariff | None:
    """The meter's own tariff, or the nearest meter's above it (a loop is not followed);
    above it is its parent's position, whose records are asked newest first (a meter
    replacing another keeps the old one's tariff when none is set on it)."""
    seen: set[str] = set()
    here: Meter | None = meter
    while here is not None and here.id not in seen:
        found = tariffs.get(here.id)
        if found is not None and found.versions:
            return found
        seen.add(here.id)
        if chained is not None:
            for record in reversed(chained.records(here.id)):
                found = tariffs.get(record.id)
                if found is not None and found.versions:
                    return found
        up = here.parent_id
        if up is not None and chained is not None:
            up = chained.position(up)
        here = by_id.get(up) if up is not None else None
    return None


def priced_through(tree: UtilityTree, meter_id: str, prepared: Prepared | None = None,
                   ) -> tuple[Meter, ...]:
    """The meters the tariff set on ``meter_id`` prices, whichever it is (or none): itself,
    the records of its position and the meters below it that have none of their own and
    find it first (:func:`_tariff_of`); a feeding one's 公摊 with them.

    >>> E = Utility.ELECTRICITY
    >>> meters = (Meter("m", "MAIN", E), Meter("a", "E-1", E, "m", "u1"),
    ...           Meter("b", "E-2", E, "m", "u2"))
    >>> own = NamedTariff("大工业", (FlatTariff(date(2026, 1, 1), Decimal("0.80")),))
    >>> [m.code for m in priced_through(UtilityTree(E, meters, (), tariffs={"b": own}), "m")]
    ['MAIN', 'E-1']
    """
    ready = prepared or prepare(tree)
    mark = NamedTariff("", (FlatTariff(date.min, NONE),))  # found only where it is set
    tariffs = {**tree.tariffs, meter_id: mark}
    chained = ready.chains or chains(tree.meters)
    return tuple(m for m in tree.meters
                 if _tariff_of(m, ready.by_id, tariffs, chained) is mark)


def tariff_reach(meters: Iterable[Meter]) -> tuple[date, date | None]:
    """The days a tariff set on a meter can price (``late_changes``: a meter moved to another
    tariff), given the meters it prices (:func:`priced_through`): from the earliest
    installation day among them (none: every day before) to the day after the latest
    removal (None: one is in service still, or none was read).

    >>> E = Utility.ELECTRICITY
    >>> tariff_reach([Meter("a", "E-1", E, installed_on=date(2026, 7, 1),
    ...                     removed_on=date(2026, 9, 30))])
    (datetime.date(2026, 7, 1), datetime.date(2026, 10, 1))
    >>> tariff_reach([Meter("a", "E-1", E, installed_on=date(2026, 7, 1)), Meter("b", "E-2", E)])
    (datetime.date(1, 1, 1), None)
    """
    priced = list(meters)
    if not priced:
        return date.min, None
    first = min(m.installed_on or date.min for m in priced)
    removed = [m.removed_on for m in priced]
    if any(day is None for day in removed):
        return first, None
    return first, max(d for d in removed if d is not None) + timedelta(days=1)


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
        **({"mains": [{"meter": x.meter.code, "use": str(tidy(x.amount))} for x in s.mains]}
           if len(s.mains) > 1 else {}),
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
            _reason("utility-shared", meter=s.main_code, main_use=main_use,
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
    prepared_trees: Sequence[Prepared] | None = None,
    changed: Mapping[tuple[str, date], Sequence[LateChange]] | None = None,
    catch_up: Mapping[tuple[str, date], Mapping[str, Sequence[LateChange]]] | None = None,
) -> UtilityPlan:
    """The utility bills of ``months`` (first days of the months consumed), and the
    adjustments of bills of those months and of ``lookback``'s whose amount changed.

    ``billed``: contract id → (period start, charge) → what was billed (utilities only
    are looked at); ``payers``: contract id → its code and due rule; ``prepared_trees``:
    each tree's :func:`prepare`, when the caller has them already (else made here);
    ``changed``: (charge, month) → the late changes that made it looked at again
    (``late_changes.months_changed``), said in its adjustments' explanations;
    ``catch_up``: (charge, month of ``lookback``) → the contracts billed for it now though
    the month is not the run's (``late_changes.catch_up_months``), each with the
    amendments that made it, said in the bill's note (:data:`CAUGHT_UP_NOTE`).
    """
    in_range = set(months)
    prepared: dict[int, Prepared] = {}
    if prepared_trees is not None:
        prepared = {id(t): ready for t, ready in zip(trees, prepared_trees, strict=True)}
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
            catching = (catch_up or {}).get((charge, month), {})
            if month not in in_range and not before and not catching:
                continue
            if id(tree) not in prepared:
                prepared[id(tree)] = prepare(tree)
            made = _month_bills(tree, period, by_unit, payers, before, issued_on,
                                month in in_range, prepared[id(tree)],
                                (changed or {}).get((charge, month), ()), catching)
            bills += made.bills
            existing += made.existing
            skipped += made.skipped
    return UtilityPlan(tuple(bills), tuple(existing), tuple(skipped))


def _month_bills(tree: UtilityTree, period: Period, by_unit: Mapping[str, list[Hold]],
                 payers: Mapping[str, Payer], before: Mapping[str, BilledKey],
                 issued_on: date, in_range: bool, prepared: Prepared,
                 changed: Sequence[LateChange] = (),
                 catching: Mapping[str, Sequence[LateChange]] | None = None) -> UtilityPlan:
    """One utility's bills for one month consumed; outside the run's months only the
    contracts billed ``before`` are looked at (their adjustments, or their skips), and
    those ``catching`` up (billed now, a note saying why); ``changed``: the late changes
    that made the month looked at, said in adjustments."""
    catching = catching or {}
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
            if in_range or done is not None or cid in catching:
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
                                             due, said, [c.reason() for c in changed
                                                         if c.applies_to(cid)]))
            continue
        if not (in_range or cid in catching) or amount == ZERO:
            continue
        if not in_range:  # an amendment made it the contract's after the month was billed
            said += tuple(Problem(CAUGHT_UP_NOTE, {
                **c.params, "contract": payer.code, "utility": charge,
                "month": month.strftime("%Y-%m")}) for c in catching[cid])
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
    """One skip per contract, reason and unit, naming its meters together (a month not read
    yet names every meter of the unit's statement once, not once a line): the first
    :data:`NAMED_METERS` by code in ``meter``, how many more in ``more``, all of them in
    ``meters`` (one a line) and their ``count``."""
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
    return [Skip(s.contract_code, s.code, {**s.params, **named_meters(meters[key])}
                 if meters[key] else dict(s.params)) for key, s in first.items()]


def named_meters(codes: Iterable[str], named: int = NAMED_METERS) -> dict[str, str]:
    """A skip's meters: the first ``named`` by code for its words, and every one.

    >>> named_meters(["E-05", "E-01", "MAIN", "E-02", "E-03"])["meter"]
    'E-01, E-02, E-03'
    >>> {k: v for k, v in named_meters(["E-05", "E-01", "MAIN"], 2).items() if k != "meters"}
    {'meter': 'E-01, E-05', 'more': '1', 'count': '3'}
    """
    ordered = sorted(set(codes))
    return {"meter": ", ".join(ordered[:named]), "more": str(max(len(ordered) - named, 0)),
            "count": str(len(ordered)), "meters": "\n".join(ordered)}


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
                notes: tuple[Problem, ...], changed: Sequence[Mapping[str, Any]] = (),
                ) -> PlannedBill:
    """The difference between what a (contract, month, utility) was billed and what it comes
    to now, pointing at the original, explained before → after with the lines it is now,
    and ``changed``: what was entered late that changed it (a tariff version, an
    amendment, a termination), when the month was looked at again for it."""
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
    if changed:
        explanation["changed"] = [dict(c) for c in changed]
    return PlannedBill(
        adjustment_id(payer.id, month, charge, sequence), payer.id,
        bill_number(payer.code, month, charge, sequence), ADJUSTMENT_KIND, charge, month,
        end, due, difference, (PlannedLine(month, end, difference, explanation),),
        done.bill_id, notes)


# -- a meter moved to another tariff: the tariffs it was and is priced at ------------------


def tariffs_named(explanations: Iterable[Mapping[str, Any]], codes: Collection[str],
                  ) -> list[str]:
    """The tariffs utility lines priced the meters ``codes`` at, each once, by name: a
    meter's own line, a share of a main among them; an adjustment's line read through to
    the lines it says the month came to.

    >>> lines = [{"source": "meter", "meter": "E-2", "tariff": {"name": "大工业"}},
    ...          {"source": "share", "main": "MAIN", "tariff": {"name": "一般工商业"}}]
    >>> tariffs_named(lines, {"MAIN", "E-1"}), tariffs_named([{"lines": [
    ...     {"explanation": lines[0]}]}], {"E-2"})
    (['一般工商业'], ['大工业'])
    """
    names: set[str] = set()
    for e in explanations:
        nested = e.get("lines")
        if isinstance(nested, list):  # an adjustment: what the month came to with it
            names.update(tariffs_named([x["explanation"] for x in nested if isinstance(
                x, Mapping) and isinstance(x.get("explanation"), Mapping)], codes))
            continue
        source = e.get("source")
        if source == "meter":
            touched = e.get("meter") in codes
        elif source == "share":
            touched = e.get("main") in codes or any(
                isinstance(x, Mapping) and x.get("meter") in codes for x in e.get("mains") or ())
        else:
            touched = False
        tariff = e.get("tariff")
        if touched and isinstance(tariff, Mapping) and tariff.get("name"):
            names.add(str(tariff["name"]))
    return sorted(names)


def with_old_tariffs(bill: PlannedBill, before: Sequence[Mapping[str, Any]],
                     through: Mapping[str, Collection[str]]) -> PlannedBill:
    """``bill`` (an adjustment) with each meter moved to another tariff it names
    (``changed``: :data:`LATE_METER_TARIFF`) saying the tariff the bill it adjusts priced
    it at (``was``, from ``before``: that bill's lines' explanations, its latest
    adjustment's if it had one); a move that priced neither that bill nor this one
    through the meter (``through``: meter code → the codes its tariff prices,
    :func:`priced_through`), or both at one tariff, is left out: it did not make this
    adjustment."""
    if bill.kind != ADJUSTMENT_KIND or not bill.lines:
        return bill
    explanation = bill.lines[0].explanation
    changed = explanation.get("changed") or []
    if not any(c.get("code") == LATE_METER_TARIFF for c in changed):
        return bill
    kept = []
    for c in changed:
        if c.get("code") != LATE_METER_TARIFF:
            kept.append(c)
            continue
        params = dict(c.get("params") or {})
        codes = through.get(params.get("meter", ""), {params.get("meter", "")})
        was, now = tariffs_named(before, codes), tariffs_named([explanation], codes)
        if (not was and not now) or was == now:
            continue
        if was:
            params["was"] = ", ".join(was)
        if now:
            params["tariff"] = ", ".join(now)
        kept.append({**c, "params": params})
    said = {k: v for k, v in explanation.items() if k != "changed"}
    if kept:
        said["changed"] = kept
    line = bill.lines[0]
    return replace(bill, lines=(PlannedLine(line.starts_on, line.ends_on, line.amount, said),
                                *bill.lines[1:]))
