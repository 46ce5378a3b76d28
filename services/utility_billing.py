"""A billing run's utility bills: the park's meters, tariffs, holds and posted bills, read once.

The rules are ``domain.billing.utility_bills`` (in arrears: a run over month
M bills M−1's use; one bill per contract, month and utility; split by days
held; skips with their reasons; adjustments). Here they meet the store: per
utility, the park's meter tree (each meter with its installation and removal
days: a month wholly outside them holds nothing) and its readings up to the last
month billed (``services.meters.load_tree``), the tariffs set on its meters with their
other versions (same park, utility and name, as ``services.meters`` prices
a 公摊 statement), the contracts holding the metered units (each unit's
term as ``domain.contracts.unit_term`` reads it, amendments included) and
the utility bills posted for the months looked at. A park without meters
costs one small query. A multiplier is read as the number it is (the store
keeps 1.000): a quantity keeps the readings' places, and shares split at them.

A reading corrected after its month was billed, however long ago: the
domain finds, in the ledger already read (HLC order), the entries that
changed a month read before (``changed_months``: corrections, back-dated
readings). When a tree has any, this reads which of them were entered after
the utility's latest bill in the run's window (one scan of the entries
stamped after it: the run that posted that bill looked at every older month
with everything entered before it), and for the months those touch, the
stamp of each month's latest bill (one grouped query); the months changed
since their bills are priced again with the run's (their bills read by
month), so this run posts their adjustments. A tree never corrected costs
nothing more; one corrected long ago, that scan.

A tariff version entered, changed or archived late, a meter moved to another
tariff, an amendment or a termination dated back into a month billed before the
window is found the same way (``domain.billing.late_changes``): one query reads the
tariff rows, the contract versions after the first and the terminations stamped
after the utility's latest bill in the window (a park where none was costs that
query alone); a meter's move is its ``tariff_id`` field stamped after the row was
made (after its ``park_id``, which never changes), read from the meter rows
the tree was loaded from, so it costs no query at all. For those, the months they
reach that were billed (an amendment's or a termination's: its contract's bills)
and each month's latest bill (one grouped query) say which months were billed
before the change was entered. Those are priced again with the rest, and their
adjustments name the change (``changed``); a meter's move says the tariff the
adjusted bill priced it at, read from that bill's lines (one query, only when
such an adjustment is made). A contract billed for a month it no longer holds (a
termination dated back before it) is read for its code and due rule, so its
credit is its own.

An amendment also reaches the months it may bill its contract for now
(``late_changes.catch_up_months``: billed for the park before it was entered,
from the contract's first utility-billed month, with no bill of the contract):
an extension into months it was never billed for gets those months' bills in
this run, new ones with the derived ids and a note saying they were caught up
(``utility_bills.CAUGHT_UP_NOTE``), as rent catches up its periods; the
months' other bills are priced again with them.

HLC stamps order what one device saw: an entry made on another device before
it saw a bill, and synced after, sorts before that bill and is not looked at
again (run its month's range again). The threshold assumes the runs that
posted the window's bills looked back this way (a run of the code before it
did not).

``services.billing_run.plan_run`` adds :func:`plan_utilities`' bills, skips
and existing count to its plan, before the collections' due shift, so a run
posts rent and utilities in one transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Boolean, Date, Integer, String, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from domain.billing.bills import ADJUSTMENT_KIND, BilledKey, PlannedBill, Skip, billed_keys
from domain.billing.late_changes import (
    LATE_AMENDMENT,
    LATE_METER_TARIFF,
    LATE_TARIFF,
    LATE_TARIFF_ARCHIVED,
    LATE_TERMINATION,
    LateChange,
    UtilityMonth,
    catch_up_months,
    months_changed,
)
from domain.billing.meters import Period, ReadingKind, Utility
from domain.billing.tariffs import Tariff, from_document
from domain.billing.utility_bills import (
    UTILITIES,
    Hold,
    NamedTariff,
    Payer,
    Prepared,
    ReadingKey,
    UtilityTree,
    changed_months,
    changed_since_billed,
    consumption_months,
    lookback_months,
    plan_utility_bills,
    prepare,
    priced_through,
    reading_key,
    tariff_reach,
    tidy,
    with_old_tariffs,
)
from domain.contracts import ContractDateError, ContractStatus, ContractTerm, last_day, unit_term
from domain.leasing.clauses import DueKind, DueRule
from services.meters import load_tree
from store.id_text import parse_id
from store.schema import (
    Bill,
    BillLine,
    Contract,
    ContractUnit,
    ContractVersion,
    MeterReading,
    Unit,
)
from store.schema import Meter as MeterRow
from store.schema import Tariff as TariffRow
from store.types import Id

CHUNK = 500  # ids per IN (...)
T = TypeVar("T")


@dataclass(frozen=True)
class UtilityRun:
    """What a run adds for utilities: new bills (adjustments among them), how many of its
    months' bills exist already, the skips, and the contracts' tenants."""

    bills: tuple[PlannedBill, ...] = ()
    existing: int = 0
    skipped: tuple[Skip, ...] = ()
    tenants: Mapping[str, uuid.UUID] = field(default_factory=dict)


def plan_utilities(session: Session, park_id: uuid.UUID, period_from: date, period_to: date,
                   issued_on: date) -> UtilityRun:
    """The utility bills a run over ``period_from`` – ``period_to`` posts, read in bulk."""
    months = consumption_months(period_from, period_to)
    if not months:
        return UtilityRun()
    lookback = lookback_months(months)
    last = max(months)
    until = Period.month(last.year, last.month).end
    utilities = [u for u, in session.execute(
        select(MeterRow.utility).where(MeterRow.park_id == park_id, ~MeterRow.archived)
        .distinct())]
    if not utilities:
        return UtilityRun()
    tariffs = _tariffs(session, park_id)
    trees = []
    moved: dict[str, dict[str, str]] = {}  # utility → meter → when its tariff was set
    for utility in sorted(utilities):
        if utility not in UTILITIES:
            continue
        tree = load_tree(session, park_id, utility, until)
        moved[utility] = _moved(tree.rows)
        named = {meter_id: tariffs[row.tariff_id] for meter_id, row in tree.rows.items()
                 if row.tariff_id is not None and row.tariff_id in tariffs}
        meters = tuple(replace(m, multiplier=tidy(m.multiplier, 0)) for m in tree.meters)
        trees.append(UtilityTree(Utility(utility), meters, tuple(tree.readings),
                                 tree.documents, tree.areas, named))
    units = _units_of(trees)
    codes = _unit_codes(session, units)
    trees = [UtilityTree(t.utility, t.meters, t.readings, t.documents, t.areas, t.tariffs,
                         codes) for t in trees]
    first = min(lookback or months)
    ready = [prepare(t) for t in trees]
    billed, newest = _billed(session, park_id, first, last)
    again: dict[str, set[date]] = defaultdict(set)
    for utility, found in _corrected(session, park_id, trees, ready, first, newest).items():
        again[utility].update(found)
    # the window's months are priced again anyway: found too, their adjustments say why
    meters = _meter_moves(trees, ready, moved, newest)
    late = _late(session, park_id, trees, until, min(months), newest,
                 [change for change, _codes in meters])
    for utility, month in late.changed:
        if month < first:
            again[utility].add(month)
    earlier = sorted({m for found in again.values() for m in found})
    holds, payers, tenants = _holds(session, park_id, units, min([first, *earlier]), until)
    for utility, found in again.items():
        for cid, keys in _billed_months(session, park_id, utility, sorted(found)).items():
            billed.setdefault(cid, {}).update(keys)
    _payers_of(session, [cid for cid in billed if cid not in payers], payers, tenants)
    plan = plan_utility_bills(trees, months, holds, payers, billed, issued_on,
                              [*lookback, *earlier], ready, late.changed, late.catch_up)
    bills = plan.bills
    if meters:
        bills = _old_tariffs(session, bills, {c.params["meter"]: codes for c, codes in meters})
    return UtilityRun(bills, len(plan.existing), plan.skipped,
                      {cid: tenants[cid] for cid in {b.contract_id for b in bills}})


def _tariffs(session: Session, park_id: uuid.UUID) -> dict[uuid.UUID, NamedTariff]:
    """Each tariff row of the park → its name with every version of that name and utility.
    A version whose document cannot be read is left out (the meter is then priced by the
    others, or skipped as having no tariff)."""
    rows = list(session.execute(
        select(TariffRow.id, TariffRow.utility, TariffRow.name, TariffRow.valid_from,
               TariffRow.document)
        .where(TariffRow.park_id == park_id, ~TariffRow.archived)))
    versions: dict[tuple[str, str], list[Tariff]] = defaultdict(list)
    for _id, utility, name, valid_from, document in rows:
        try:
            versions[(utility, name)].append(from_document(document or {}, valid_from))
        except ValueError:
            continue
    out = {}
    for tariff_id, utility, name, _from, _document in rows:
        found = _one_per_day(versions.get((utility, name), []))
        if found:
            out[tariff_id] = NamedTariff(name, tuple(found))
    return out


def _one_per_day(versions: Sequence[Tariff]) -> list[Tariff]:
    """The versions by first day, one a day (the store may hold two of one day: the last
    read counts), as ``tariffs.price`` takes them."""
    by_day = {t.valid_from: t for t in versions}
    return [by_day[d] for d in sorted(by_day)]


def _units_of(trees: Iterable[UtilityTree]) -> list[str]:
    """The units a tree bills: metered ones and those a basis names."""
    found: set[str] = set()
    for tree in trees:
        found |= {m.unit_id for m in tree.meters if m.unit_id is not None}
        for document in tree.documents.values():
            weights = document.get("weights") if isinstance(document, Mapping) else None
            if isinstance(weights, Mapping):
                found |= {str(u) for u in weights}
    return sorted(found)


def _unit_codes(session: Session, units: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    ids = [parse_id(u) for u in units]
    for chunk in _chunks([i for i in ids if i is not None]):
        out.update({str(i): code for i, code in session.execute(
            select(Unit.id, Unit.code).where(Unit.id.in_(chunk)))})
    return out


def _holds(session: Session, park_id: uuid.UUID, units: Sequence[str], first: date,
           until: date) -> tuple[list[Hold], dict[str, Payer], dict[str, uuid.UUID]]:
    """The contracts holding these units on any day from ``first`` to before ``until``,
    each hold from the unit's first day to its last (``unit_term``); their payers and
    tenants. A draft holds nothing; a contract whose dates contradict is left out (its
    rent is not billed either: the schedule refuses it)."""
    holds: list[Hold] = []
    payers: dict[str, Payer] = {}
    tenants: dict[str, uuid.UUID] = {}
    ids = [i for i in (parse_id(u) for u in units) if i is not None]
    for chunk in _chunks(ids):
        for (cid, code, tenant_id, status, signed_on, starts_on, ends_on, terminated_on,
             terms, unit_id, held_from, held_to) in session.execute(
                select(Contract.id, Contract.code, Contract.tenant_id, Contract.status,
                       Contract.signed_on, Contract.starts_on, Contract.ends_on,
                       Contract.terminated_on, Contract.terms, ContractUnit.unit_id,
                       ContractUnit.held_from, ContractUnit.held_to)
                .join(ContractUnit, ContractUnit.contract_id == Contract.id)
                .where(Contract.park_id == park_id, ~Contract.archived, ~ContractUnit.archived,
                       Contract.status != ContractStatus.DRAFT,
                       ContractUnit.unit_id.in_(chunk), Contract.starts_on < until,
                       Contract.ends_on >= first)):
            try:
                term = unit_term(ContractTerm(signed_on, starts_on, ends_on, status,
                                              terminated_on), held_from, held_to)
            except ContractDateError:
                continue
            end = last_day(term)
            if end < first or term.starts_on >= until or end < term.starts_on:
                continue
            key = str(cid)
            holds.append(Hold(key, str(unit_id), term.starts_on, end))
            payers[key] = Payer(key, code, _due_rule(terms), _anchor(terms, starts_on))
            tenants[key] = tenant_id
    return holds, payers, tenants


def _payers_of(session: Session, contracts: Sequence[str], payers: dict[str, Payer],
               tenants: dict[str, uuid.UUID]) -> None:
    """The payers and tenants of ``contracts``: billed for a month looked at again that
    they no longer hold (a termination dated back before it), so no hold names them."""
    ids = [i for i in (parse_id(c) for c in contracts) if i is not None]
    for chunk in _chunks(ids):
        for cid, code, tenant_id, starts_on, terms in session.execute(
                select(Contract.id, Contract.code, Contract.tenant_id, Contract.starts_on,
                       Contract.terms).where(Contract.id.in_(chunk))):
            key = str(cid)
            payers[key] = Payer(key, code, _due_rule(terms), _anchor(terms, starts_on))
            tenants[key] = tenant_id


def _due_rule(terms: Mapping[str, Any] | None) -> DueRule | None:
    """The contract's due rule from its terms (None: a contract from before clauses)."""
    if not isinstance(terms, Mapping):
        return None
    due = terms.get("due")
    if not isinstance(due, Mapping):
        return DueRule()
    try:
        return DueRule(DueKind(due.get("kind", DueKind.DAYS_BEFORE.value)),
                       int(due.get("days", 0)))
    except (TypeError, ValueError):
        return DueRule()


def _anchor(terms: Mapping[str, Any] | None, starts_on: date) -> int:
    """The day the contract's months begin, as its schedule counts them: its rent term's start
    day (the terms' own, else the contract's), or the 1st with calendar periods."""
    if not isinstance(terms, Mapping):
        return starts_on.day
    if terms.get("calendar_periods") is True:
        return 1
    try:
        return date.fromisoformat(str(terms["starts_on"])).day
    except (KeyError, ValueError):
        return starts_on.day


def _billed(session: Session, park_id: uuid.UUID, first: date, last: date,
            ) -> tuple[dict[str, dict[tuple[date, str], BilledKey]], dict[str, str]]:
    """The utility bills posted for the months from ``first`` to ``last``, per contract; and
    per utility the stamp of the latest of them: the run that posted it looked at every
    month before ``first`` (:func:`_corrected`), so what was entered before it is settled."""
    found: dict[str, list[tuple[date, str, str, uuid.UUID, Decimal]]] = defaultdict(list)
    newest: dict[str, str] = {}
    for cid, start, charge, kind, ident, amount, stamp in session.execute(
            select(Bill.contract_id, Bill.period_start, Bill.charge, Bill.kind, Bill.id,
                   Bill.amount, Bill.hlc)
            .where(Bill.park_id == park_id, Bill.charge.in_(UTILITIES),
                   Bill.period_start.between(first, last))):
        found[str(cid)].append((start, charge, kind, ident, amount))
        if stamp > newest.get(charge, ""):
            newest[charge] = stamp
    return {cid: billed_keys(rows) for cid, rows in found.items()}, newest


def _corrected(session: Session, park_id: uuid.UUID, trees: Sequence[UtilityTree],
               ready: Sequence[Prepared], before: date, newest: Mapping[str, str],
               ) -> dict[str, list[date]]:
    """Per utility, the months before ``before`` billed already whose readings changed after
    their latest bill: priced again, so their adjustments post with this run.

    Only the changes entered after ``newest`` (the utility's latest bill in the run's
    window) are looked at: the run that posted it looked at every older month, with
    every entry made before it. So a tree never corrected costs nothing, and the trees
    corrected before cost one read of the entries made since (a scan by stamp: the
    meters' index would visit every reading of the tree). Their months' latest bills are
    read for those months only."""
    changed = {t.utility.value: (t, found) for t, r in zip(trees, ready, strict=True)
               if (found := changed_months(r, before))}
    if not changed:
        return {}
    since = {u: newest.get(u, "") for u in changed}
    owner = {m.id: u for u, (t, _found) in changed.items() for m in t.meters}
    entered: dict[str, dict[ReadingKey, str]] = defaultdict(dict)
    for meter, day, register, kind, stamp in session.execute(
            select(MeterReading.meter_id, MeterReading.read_on, MeterReading.register,
                   MeterReading.kind, MeterReading.hlc)
            .where(MeterReading.hlc > min(since.values()), ~MeterReading.archived)):
        utility = owner.get(str(meter))
        if utility is None or stamp <= since[utility]:
            continue
        key = (str(meter), day, register, str(ReadingKind(kind)))
        mine = entered[utility]
        if stamp > mine.get(key, ""):
            mine[key] = stamp
    out: dict[str, list[date]] = {}
    for utility, (_tree, found) in changed.items():
        stamps_of = entered.get(utility, {})
        recent = {m: entries for m, entries in found.items()
                  if any(reading_key(r) in stamps_of for r in entries)}
        if not recent:
            continue
        stamps: dict[date, str] = {}
        for chunk in _chunks(sorted(recent)):
            stamps.update({start: stamp for start, stamp in session.execute(
                select(Bill.period_start, func.max(Bill.hlc))
                .where(Bill.park_id == park_id, Bill.charge == utility,
                       Bill.period_start.in_(chunk))
                .group_by(Bill.period_start))})
        months = changed_since_billed(recent, stamps_of, stamps)
        if months:
            out[utility] = months
    return out


@dataclass(frozen=True)
class Late:
    """What was entered late (:func:`_late`): per (utility, month) billed already, the changes
    that make it priced again; per (utility, month) and contract, the amendments that bill
    the contract for it now (caught up)."""

    changed: dict[UtilityMonth, list[LateChange]] = field(default_factory=dict)
    catch_up: dict[UtilityMonth, dict[str, list[LateChange]]] = field(default_factory=dict)


def _moved(rows: Mapping[str, MeterRow]) -> dict[str, str]:
    """The meters whose tariff was set after they were made, with when (its field's stamp
    after the row's ``park_id``'s, which is never changed): read from the rows loaded."""
    out = {}
    for meter_id, row in rows.items():
        stamps = row.field_hlc or {}
        stamp = stamps.get("tariff_id", "")
        if stamp > stamps.get("park_id", ""):
            out[meter_id] = stamp
    return out


def _meter_moves(trees: Sequence[UtilityTree], ready: Sequence[Prepared],
                 moved: Mapping[str, Mapping[str, str]], newest: Mapping[str, str],
                 ) -> list[tuple[LateChange, frozenset[str]]]:
    """The meters moved to another tariff after the utility's latest bill in the window, each
    a change reaching the days its tariff prices (``tariff_reach``), with the codes of the
    meters it prices (``priced_through``): an adjustment's words say which tariff its bill
    priced those at."""
    out = []
    for tree, prepared in zip(trees, ready, strict=True):
        utility = tree.utility.value
        since = newest.get(utility, "")
        for meter_id, stamp in sorted(moved.get(utility, {}).items()):
            meter = prepared.by_id.get(meter_id)
            if meter is None or stamp <= since:
                continue
            through = priced_through(tree, meter_id, prepared)
            first_day, until = tariff_reach(through)
            now = prepared.tariffs.get(meter_id)
            out.append((LateChange(LATE_METER_TARIFF, stamp, first_day, until, utility, None, {
                "meter": meter.code, "tariff": now.name if now is not None else ""}),
                frozenset(m.code for m in through)))
    return out


def _late(session: Session, park_id: uuid.UUID, trees: Sequence[UtilityTree], before: date,
          window: date, newest: Mapping[str, str], meters: Sequence[LateChange] = (),
          ) -> Late:
    """Per (utility, month before ``before``) billed already, the tariff versions, meters
    moved to another tariff (``meters``, found already), amendments and terminations
    entered after its latest bill that reach it (the months of the run's window among
    them: their adjustments say why too); and the months before ``window`` (the run's
    first) an amendment bills its contract for now (``catch_up_months``).

    Only what was entered after ``newest`` (the utility's latest bill in the run's window)
    is looked at, as for readings (:func:`_corrected`): one query, which finds nothing in a
    park where nothing old changed. A tariff counts when a meter of its utility is priced
    at its name, up to its next live version's first day."""
    since = {t.utility.value: newest.get(t.utility.value, "") for t in trees}
    if not since:
        return Late()
    floor = min(since.values())
    named: dict[tuple[str, str], list[date]] = {}
    for tree in trees:
        for tariff in tree.tariffs.values():
            named[(tree.utility.value, tariff.name)] = sorted(
                v.valid_from for v in tariff.versions)
    changes: list[LateChange] = list(meters)
    last_days: dict[str, date] = {}  # an amended contract's last day: it catches up to it
    for (code, stamp, day, contract, contract_code, number, utility, name, archived,
         moved, last) in session.execute(_late_query(park_id, floor)):
        if day is None or not stamp:
            continue
        if code == LATE_TARIFF:
            versions = named.get((utility, name))
            if versions is None or stamp <= since.get(utility, stamp):
                continue  # no meter of the park's trees is priced at it
            # a first day moved: the days it was in force before are not known here, so
            # every month billed is looked at (an edit only a version no bill used takes)
            first_day = date.min if moved else day
            until = None if moved else next((d for d in versions if d > day), None)
            changes.append(LateChange(
                LATE_TARIFF_ARCHIVED if archived else LATE_TARIFF, stamp, first_day, until,
                utility, None, {"tariff": name, "valid_from": day.isoformat()}))
        elif all(stamp <= s for s in since.values()):
            continue
        elif code == LATE_AMENDMENT:
            changes.append(LateChange(code, stamp, day, None, None, str(contract), {
                "contract": contract_code, "version": str(number),
                "effective_on": day.isoformat()}))
            if last is not None:
                last_days[str(contract)] = last
        else:
            changes.append(LateChange(code, stamp, day + timedelta(days=1), None, None,
                                      str(contract), {"contract": contract_code,
                                                      "terminated_on": day.isoformat()}))
    if not changes:
        return Late()
    first = min(c.first_day for c in changes).replace(day=1)
    utilities = sorted(since)
    owned: dict[str, set[UtilityMonth]] = defaultdict(set)
    contracts = sorted({c.contract_id for c in changes if c.contract_id is not None})
    for chunk in _chunks(contracts):  # every month billed: an amendment catches up from the first
        for cid, charge, start in session.execute(
                select(Bill.contract_id, Bill.charge, Bill.period_start).distinct()
                .where(Bill.contract_id.in_([uuid.UUID(c) for c in chunk]),
                       Bill.charge.in_(utilities), Bill.period_start < before)):
            owned[str(cid)].add((charge, start))
    if not owned and all(c.contract_id is not None for c in changes):
        return Late()  # the contracts changed were never billed for utilities
    stamps = {(charge, start): stamp for charge, start, stamp in session.execute(
        select(Bill.charge, Bill.period_start, func.max(Bill.hlc))
        .where(Bill.park_id == park_id, Bill.charge.in_(utilities),
               Bill.period_start >= first, Bill.period_start < before)
        .group_by(Bill.charge, Bill.period_start))}
    catching: list[tuple[LateChange, list[UtilityMonth]]] = []
    reach = {cid: set(keys) for cid, keys in owned.items()}
    for change in changes:
        if change.code == LATE_AMENDMENT and change.contract_id in owned:
            keys = catch_up_months(change, stamps, owned[change.contract_id], window,
                                   last_days.get(change.contract_id))
            if keys:
                catching.append((change, keys))
                reach[change.contract_id].update(keys)
    found = months_changed(changes, stamps, reach)
    # a change entered before the utility's latest bill in the window was priced by it
    changed = {(u, m): kept for (u, m), made in found.items()
               if (kept := [c for c in made if c.stamp > since[u]])}
    catch_up: dict[UtilityMonth, dict[str, list[LateChange]]] = defaultdict(dict)
    for change, keys in catching:
        assert change.contract_id is not None
        for key in keys:
            if any(c is change for c in changed.get(key, ())):
                catch_up[key].setdefault(change.contract_id, []).append(change)
    return Late(changed, dict(catch_up))


def _late_query(park_id: uuid.UUID, floor: str) -> Any:
    """The tariff rows, the contract versions after the first and the terminations of the
    park stamped after ``floor``, as (code, stamp, day, contract, its code, version,
    utility, tariff name, archived, moved: a tariff's first day changed after it was
    entered, last: an amended contract's last day): one statement."""
    terminated = Contract.field_hlc["terminated_on"].as_string()
    moved = (TariffRow.field_hlc["valid_from"].as_string()
             > TariffRow.field_hlc["name"].as_string())
    ends = case((Contract.terminated_on < Contract.ends_on, Contract.terminated_on),
                else_=Contract.ends_on)

    def none(kind: Any) -> Any:  # a column the part has not: typed, for the union
        return literal(None, kind)

    amended = (
        select(literal(LATE_AMENDMENT, String()), ContractVersion.hlc,
               ContractVersion.effective_on, ContractVersion.contract_id, Contract.code,
               ContractVersion.number, none(String()), none(String()),
               literal(False, Boolean()), literal(False, Boolean()), ends)
        .join(Contract, Contract.id == ContractVersion.contract_id)
        .where(Contract.park_id == park_id, ~Contract.archived, ContractVersion.number > 1,
               ContractVersion.hlc > floor))
    ended = (
        select(literal(LATE_TERMINATION, String()), terminated, Contract.terminated_on,
               Contract.id, Contract.code, none(Integer()), none(String()), none(String()),
               literal(False, Boolean()), literal(False, Boolean()), none(Date()))
        .where(Contract.park_id == park_id, ~Contract.archived,
               Contract.status == ContractStatus.TERMINATED, Contract.hlc > floor,
               Contract.terminated_on.is_not(None), terminated > floor))
    tariffs = (
        select(literal(LATE_TARIFF, String()), TariffRow.hlc, TariffRow.valid_from,
               none(Id()), none(String()), none(Integer()), TariffRow.utility,
               TariffRow.name, TariffRow.archived, moved, none(Date()))
        .where(TariffRow.park_id == park_id, TariffRow.hlc > floor))
    return union_all(amended, ended, tariffs)


def _old_tariffs(session: Session, bills: Sequence[PlannedBill],
                 through: Mapping[str, frozenset[str]]) -> tuple[PlannedBill, ...]:
    """The bills, each adjustment naming a meter moved to another tariff saying the tariff
    its bill priced the meter at (``utility_bills.with_old_tariffs``): the lines of the
    bill it adjusts, or of that bill's latest adjustment, read for those bills only."""
    moves = [b for b in bills if b.kind == ADJUSTMENT_KIND and b.corrects is not None
             and any(c.get("code") == LATE_METER_TARIFF
                     for c in b.lines[0].explanation.get("changed") or ())]
    if not moves:
        return tuple(bills)
    originals = sorted({b.corrects for b in moves if b.corrects is not None})
    latest: dict[uuid.UUID, tuple[str, uuid.UUID]] = {}  # original → its latest bill
    for chunk in _chunks(originals):
        for ident, corrects, stamp in session.execute(
                select(Bill.id, Bill.corrects_id, Bill.hlc)
                .where(or_(Bill.id.in_(chunk), Bill.corrects_id.in_(chunk)))):
            key = corrects if corrects is not None else ident
            if key not in latest or stamp > latest[key][0]:
                latest[key] = (stamp, ident)
    said: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(sorted(ident for _stamp, ident in latest.values())):
        for ident, explanation in session.execute(
                select(BillLine.bill_id, BillLine.explanation)
                .where(BillLine.bill_id.in_(chunk)).order_by(BillLine.bill_id, BillLine.seq)):
            said[ident].append(explanation or {})
    out = []
    for bill in bills:
        if bill.corrects is not None and bill.corrects in latest:
            bill = with_old_tariffs(bill, said.get(latest[bill.corrects][1], []), through)
        out.append(bill)
    return tuple(out)


def _billed_months(session: Session, park_id: uuid.UUID, utility: str, months: Sequence[date],
                   ) -> dict[str, dict[tuple[date, str], BilledKey]]:
    """The bills of ``utility`` posted for ``months``, per contract."""
    found: dict[str, list[tuple[date, str, str, uuid.UUID, Decimal]]] = defaultdict(list)
    for chunk in _chunks(sorted(months)):
        for cid, start, charge, kind, ident, amount in session.execute(
                select(Bill.contract_id, Bill.period_start, Bill.charge, Bill.kind, Bill.id,
                       Bill.amount)
                .where(Bill.park_id == park_id, Bill.charge == utility,
                       Bill.period_start.in_(chunk))):
            found[str(cid)].append((start, charge, kind, ident, amount))
    return {cid: billed_keys(rows) for cid, rows in found.items()}




def _chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
