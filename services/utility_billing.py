"""A billing run's utility bills: the park's meters, tariffs, holds and posted bills, read once.

The rules are ``domain.billing.utility_bills`` (in arrears: a run over month
M bills M−1's use; one bill per contract, month and utility; split by days
held; skips with their reasons; adjustments). Here they meet the store: per
utility, the park's meter tree and its readings up to the last month billed
(``services.meters.load_tree``), the tariffs set on its meters with their
other versions (same park, utility and name, as ``services.meters`` prices
a 公摊 statement), the contracts holding the metered units (each unit's
term as ``domain.contracts.unit_term`` reads it, amendments included) and
the utility bills posted for the months looked at. A park without meters
costs one small query. A multiplier is read as the number it is (the store
keeps 1.000): a quantity keeps the readings' places, and shares split at them.

``services.billing_run.plan_run`` adds :func:`plan_utilities`' bills, skips
and existing count to its plan, before the collections' due shift, so a run
posts rent and utilities in one transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.bills import BilledKey, PlannedBill, Skip, billed_keys
from domain.billing.meters import Period, Utility
from domain.billing.tariffs import Tariff, from_document
from domain.billing.utility_bills import (
    UTILITIES,
    Hold,
    NamedTariff,
    Payer,
    UtilityTree,
    consumption_months,
    lookback_months,
    plan_utility_bills,
    tidy,
)
from domain.contracts import ContractDateError, ContractStatus, ContractTerm, last_day, unit_term
from domain.leasing.clauses import DueKind, DueRule
from services.meters import load_tree
from store.schema import Bill, Contract, ContractUnit, Unit
from store.schema import Meter as MeterRow
from store.schema import Tariff as TariffRow

CHUNK = 500  # ids per IN (...)


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
    for utility in sorted(utilities):
        if utility not in UTILITIES:
            continue
        tree = load_tree(session, park_id, utility, until)
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
    holds, payers, tenants = _holds(session, park_id, units, first, until)
    billed = _billed(session, park_id, first, last)
    plan = plan_utility_bills(trees, months, holds, payers, billed, issued_on, lookback)
    return UtilityRun(plan.bills, len(plan.existing), plan.skipped,
                      {cid: tenants[cid] for cid in {b.contract_id for b in plan.bills}})


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
    ids = [_uuid(u) for u in units]
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
    ids = [i for i in (_uuid(u) for u in units) if i is not None]
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
            payers[key] = Payer(key, code, _due_rule(terms))
            tenants[key] = tenant_id
    return holds, payers, tenants


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


def _billed(session: Session, park_id: uuid.UUID, first: date, last: date,
            ) -> dict[str, dict[tuple[date, str], BilledKey]]:
    """The utility bills posted for the months from ``first`` to ``last``, per contract."""
    found: dict[str, list[tuple[date, str, str, uuid.UUID, Decimal]]] = defaultdict(list)
    for cid, start, charge, kind, ident, amount in session.execute(
            select(Bill.contract_id, Bill.period_start, Bill.charge, Bill.kind, Bill.id,
                   Bill.amount)
            .where(Bill.park_id == park_id, Bill.charge.in_(UTILITIES),
                   Bill.period_start.between(first, last))):
        found[str(cid)].append((start, charge, kind, ident, amount))
    return {cid: billed_keys(rows) for cid, rows in found.items()}


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _chunks(items: Sequence[uuid.UUID]) -> Iterable[Sequence[uuid.UUID]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
