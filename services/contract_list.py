"""The park's contracts as the contract list shows them on a day, and the rent in force then.

State is derived on the viewed day (``domain.leasing.lifecycle.contract_state``,
a follow-on contract's start deciding "renewed"), so time travel sees every
contract as it was. The monthly rent is the one billed on that day: the rent
line of the schedule that covers it (the day held within the term: before
the start the first line, after the last day the last), as a month's worth
(a quarter's line is three months; a part month counts by its days). So an
escalation shows in the list once it is in force, and a rent-free month
shows as nothing billed. The rent per m² is that monthly rent over the area,
or the contract's own rate while nothing is billed.

Only the line covering the day is computed (``rent_schedule(…, within=…)``);
each contract's terms are read once per change of its row (its stamp), and the
line found is kept while later days still fall in it, so moving the viewed day
recomputes only the contracts whose billing period changed.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.assets import UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import Basis, RentTerms
from domain.leasing.codec import terms_from_json
from domain.leasing.lifecycle import ContractState, contract_state
from domain.leasing.schedule import RENT, ScheduleLine, add_months, rent_schedule
from domain.money import money, rate
from store.holds import current_link
from store.schema import Building, Contract, ContractUnit, Floor, Tenant, Unit

ONE_DAY = timedelta(days=1)
BATCH = 500  # contract ids per IN (…) of a query
CACHE_SIZE = 50_000


@dataclass(frozen=True)
class ContractRow:
    """One line of the contract list on a day.

    ``monthly_rent`` is the rent billed per month on the day (None for a contract
    with no rent line, e.g. an end before its start); ``rent_per_sqm`` that over the
    area, per month (while nothing is billed, the contract's rate if it is per month, else
    None); ``days_to_end``
    counts to the last day the units are held (negative once past; None for a draft).
    """

    id: uuid.UUID
    code: str
    tenant: str
    unit_codes: tuple[str, ...]
    building_codes: tuple[str, ...]
    kind: UnitType
    status: ContractStatus
    state: ContractState
    signed_on: date
    starts_on: date
    ends_on: date
    last_day: date
    area: Decimal
    basis: Basis
    rent_per_sqm: Decimal | None
    monthly_rent: Decimal | None
    days_to_end: int | None
    version: int


def line_months(line: ScheduleLine) -> Decimal:
    """How many months a schedule line covers: whole months from its first day (on that
    day of the month), the rest by its days over that month's days."""
    start, anchor = line.starts_on, line.starts_on.day
    whole = 0
    while add_months(start, whole + 1, anchor) - ONE_DAY <= line.ends_on:
        whole += 1
    begun = add_months(start, whole, anchor)
    if begun > line.ends_on:
        return Decimal(whole)
    following = add_months(start, whole + 1, anchor)
    return whole + Decimal((line.ends_on - begun).days + 1) / (following - begun).days


def monthly_rent(line: ScheduleLine) -> Decimal:
    """A rent line's amount as a month's worth, to the cent."""
    return money(line.amount / line_months(line))


def rent_line_on(terms: RentTerms, day: date) -> ScheduleLine | None:
    """The rent line covering ``day`` held within the term (computed alone)."""
    if terms.ends_on < terms.starts_on:
        return None
    held = min(max(day, terms.starts_on), terms.ends_on)
    lines, _ = rent_schedule(terms, within=(held, held))
    return next((x for x in lines if x.charge == RENT), None)


@dataclass
class _Kept:
    """A contract's terms as last read (for its stamp) and the rent line last found."""

    terms: RentTerms
    line: ScheduleLine | None = None
    monthly: Decimal | None = None  # the line's monthly rent


_CACHE: dict[tuple[uuid.UUID, str], _Kept] = {}
_CACHE_LOCK = threading.Lock()


def forget_cached() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def contract_rows(session: Session, park_id: uuid.UUID, on: date) -> list[ContractRow]:
    """Every contract of the park (drafts too) as on ``on``, by code.

    One query for the contracts with their tenant, units and buildings; the terms of
    contracts not seen since their last change in batches.
    """
    rows = session.execute(
        select(Contract.id, Contract.hlc, Contract.code, Contract.status, Contract.kind,
               Contract.signed_on, Contract.starts_on, Contract.ends_on,
               Contract.terminated_on, Contract.rent_per_sqm_month, Contract.version,
               Contract.renews_id, Tenant.name, Unit.code, Building.code,
               ContractUnit.billable_area)
        .join(Tenant, Tenant.id == Contract.tenant_id)
        .outerjoin(ContractUnit, (ContractUnit.contract_id == Contract.id) & current_link())
        .outerjoin(Unit, Unit.id == ContractUnit.unit_id)
        .outerjoin(Floor, Floor.id == Unit.floor_id)
        .outerjoin(Building, Building.id == Floor.building_id)
        .where(Contract.park_id == park_id, ~Contract.archived)
        .order_by(Contract.code, Unit.code)).all()
    grouped: dict[uuid.UUID, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    follow_on: dict[uuid.UUID, date] = {}  # a contract → the start of the one renewing it
    for group in grouped.values():
        (_i, _h, _c, status, _k, _s, starts_on, *_rest) = group[0]
        renews = group[0][11]
        if renews is not None and status is not ContractStatus.DRAFT:
            follow_on[renews] = starts_on
    areas = {cid: sum((r[15] for r in group if r[15] is not None), Decimal(0))
             for cid, group in grouped.items()}
    kept = _terms(session, {cid: group[0][1] for cid, group in grouped.items()}, areas)
    found = []
    for cid, group in grouped.items():
        (_id, _hlc, code, status, kind, signed_on, starts_on, ends_on, terminated_on,
         _rate, version, _renews, tenant, *_rest) = group[0]
        last = (min(ends_on, terminated_on)
                if status is ContractStatus.TERMINATED and terminated_on is not None
                else ends_on)
        state = (contract_state(status, starts_on, ends_on, terminated_on, on,
                                renewed_by_start=follow_on.get(cid))
                 if ends_on >= starts_on else
                 (ContractState.DRAFT if status is ContractStatus.DRAFT else ContractState.ENDED))
        entry = kept[cid]
        monthly = _monthly(entry, on)
        area = areas[cid]
        per_sqm = (rate(monthly / area) if monthly and area
                   else entry.terms.rate if entry.terms.basis is Basis.PER_SQM_MONTH
                   else None)
        found.append(ContractRow(
            cid, code, tenant, tuple(r[13] for r in group if r[13] is not None),
            tuple(sorted({r[14] for r in group if r[14] is not None})), kind, status, state,
            signed_on, starts_on, ends_on, last, area, entry.terms.basis, per_sqm, monthly,
            None if status is ContractStatus.DRAFT else (last - on).days, version))
    return found


def _monthly(entry: _Kept, on: date) -> Decimal | None:
    """The monthly rent of the line covering ``on`` (held within the term), reusing the line
    last found while it covers the day."""
    terms = entry.terms
    held = min(max(on, terms.starts_on), terms.ends_on)
    line = entry.line
    if line is None or not line.starts_on <= held <= line.ends_on:
        line = rent_line_on(terms, on)
        entry.line, entry.monthly = line, (monthly_rent(line) if line is not None else None)
    return entry.monthly


def _terms(session: Session, stamps: dict[uuid.UUID, str], areas: dict[uuid.UUID, Decimal]
           ) -> dict[uuid.UUID, _Kept]:
    """Each contract's terms: kept ones while their row's stamp stands, the rest read."""
    with _CACHE_LOCK:
        kept = {cid: _CACHE[(cid, stamp)] for cid, stamp in stamps.items()
                if (cid, stamp) in _CACHE}
    missing = [cid for cid in stamps if cid not in kept]
    made: dict[uuid.UUID, _Kept] = {}
    for chunk in _chunks(missing, BATCH):
        for cid, doc, signed_rate, starts_on, ends_on in session.execute(
                select(Contract.id, Contract.terms, Contract.rent_per_sqm_month,
                       Contract.starts_on, Contract.ends_on).where(Contract.id.in_(chunk))):
            terms = (terms_from_json(doc) if doc
                     else RentTerms(areas[cid], signed_rate, starts_on, ends_on))
            made[cid] = _Kept(terms)
    if made:
        with _CACHE_LOCK:
            if len(_CACHE) + len(made) > CACHE_SIZE:
                _CACHE.clear()
            for cid, entry in made.items():
                _CACHE[(cid, stamps[cid])] = entry
    kept.update(made)
    return kept


def _chunks(items: Sequence[uuid.UUID], size: int) -> Any:
    for i in range(0, len(items), size):
        yield items[i:i + size]
