"""A park's contracts as a billing run sees them, read in bulk once.

The run (``services.billing_run``) plans bills from it; the three-ledger
check (``services.three_ledgers``) reads the contract ledger through it, so
both see the same schedules, versions, sales and CPI.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.assets import UnitType
from domain.billing.bills import (
    ADJUSTMENT_KIND,
    NOT_FROM_SCHEDULE,
    BilledKey,
    ContractToBill,
    billed_keys,
)
from domain.contracts import ContractStatus
from domain.leasing.clauses import EscalationKind, RentTerms
from domain.leasing.codec import terms_from_json
from domain.leasing.contract import ContractSpec
from domain.leasing.schedule import ScheduleLine, rent_schedule
from domain.leasing.versions import Version, amended_schedule
from services.contracts import CPI, park_index, terms_with
from store.schema import (
    Bill,
    BillingRun,
    Contract,
    ContractUnit,
    ContractVersion,
    PriceIndex,
    SalesReport,
)

CHUNK = 500  # ids per IN (...)
_NO_SALES: Mapping[date, Decimal] = MappingProxyType({})


@dataclass(frozen=True)
class ContractRow:
    id: uuid.UUID
    code: str
    tenant_id: uuid.UUID
    status: ContractStatus
    starts_on: date
    ends_on: date
    terminated_on: date | None
    rent_per_sqm_month: Decimal
    terms: dict[str, Any] | None


class BillingReader:
    """A park's contracts, versions, sales, CPI and posted bills, each read once."""

    def __init__(self, session: Session, park_id: uuid.UUID, period_from: date,
                 period_to: date) -> None:
        self.session = session
        self.park_id = park_id
        self.window = (period_from, period_to)
        self.index = park_index(session, park_id, CPI)
        self.versions: dict[uuid.UUID, list[tuple[int, date, RentTerms]]] = {}
        self.sales: dict[uuid.UUID, dict[date, Decimal]] = {}
        self.areas: dict[uuid.UUID, Decimal] = {}
        self.billed: dict[uuid.UUID, dict[tuple[date, str], BilledKey]] = {}
        self._window_bills: set[uuid.UUID] = set()
        self._changeable: set[uuid.UUID] = set()
        self.covered: tuple[tuple[date, date], ...] = ()  # the posted runs' ranges

    def contracts(self) -> list[ContractRow]:
        rows = self._contract_rows(Contract.starts_on <= self.window[1])
        ids = [r.id for r in rows if r.status is not ContractStatus.DRAFT]
        self._read_terms(rows, ids)
        self._read_bills(ids)
        self._read_covered()
        return self._looked_at(rows)

    def _read_covered(self) -> None:
        """The ranges the park's posted runs went over: a period caught up must lie in one
        (``bills.plan_contract``'s ``covered``)."""
        self.covered = tuple(sorted({(first, last) for first, last in self.session.execute(
            select(BillingRun.period_from, BillingRun.period_to)
            .where(BillingRun.park_id == self.park_id))}))

    def _contract_rows(self, *where: Any) -> list[ContractRow]:
        return [ContractRow(*r) for r in self.session.execute(
            select(Contract.id, Contract.code, Contract.tenant_id, Contract.status,
                   Contract.starts_on, Contract.ends_on, Contract.terminated_on,
                   Contract.rent_per_sqm_month, Contract.terms)
            .where(Contract.park_id == self.park_id, ~Contract.archived, *where)
            .order_by(Contract.code))]

    def _read_terms(self, rows: Sequence[ContractRow], ids: Sequence[uuid.UUID]) -> None:
        """The versions (their terms parsed), a legacy contract's area, which contracts'
        billed periods may change, and those contracts' sales."""
        for chunk in chunks(ids):
            for contract_id, number, effective_on, terms in self.session.execute(
                    select(ContractVersion.contract_id, ContractVersion.number,
                           ContractVersion.effective_on, ContractVersion.terms)
                    .where(ContractVersion.contract_id.in_(chunk))):
                self.versions.setdefault(contract_id, []).append(
                    (number, effective_on, terms_from_json(terms)))
        legacy = [i for i in ids if i not in self.versions]
        for chunk in chunks(legacy):
            for contract_id, area in self.session.execute(
                    select(ContractUnit.contract_id, func.sum(ContractUnit.billable_area))
                    .where(ContractUnit.contract_id.in_(chunk), ~ContractUnit.archived)
                    .group_by(ContractUnit.contract_id)):
                self.areas[contract_id] = Decimal(str(area))
        for row in rows:
            if row.status is not ContractStatus.DRAFT and self._may_change(row):
                self._changeable.add(row.id)
        turnover = [r.id for r in rows if r.id in self._changeable]
        for chunk in chunks(turnover):
            for contract_id, month, amount in self.session.execute(
                    select(SalesReport.contract_id, SalesReport.month, SalesReport.amount)
                    .where(SalesReport.contract_id.in_(chunk), ~SalesReport.archived)):
                self.sales.setdefault(contract_id, {})[month] = amount

    def _looked_at(self, rows: list[ContractRow]) -> list[ContractRow]:
        # A contract is looked at when its term reaches into the range (a draft only to say
        # it is not billed), or when periods it was billed for may have changed.
        period_from = self.window[0]
        return [r for r in rows if last_day(r) >= period_from
                or (r.id in self._changeable and self._was_billed(r.id))]

    def _was_billed(self, contract_id: uuid.UUID) -> bool:
        return contract_id in self.billed

    def in_range(self, contract_id: uuid.UUID, bill: uuid.UUID) -> bool:
        return bill in self._window_bills

    def to_bill(self, row: ContractRow) -> ContractToBill:
        return self._to_bill(row, self._first_billed(row.id, self.billed.get(row.id)))

    def for_run(self, row: ContractRow) -> tuple[ContractToBill, Mapping[tuple[date, str],
                                                                          BilledKey], date | None]:
        """What a run plans a contract from: ``to_bill``, what was billed of it by (period
        start, charge), and ``catch_up_from``; each record looked up once (an id's hash is
        ``UUID.__hash__``, a Python call, and a run looks up every contract's)."""
        billed = self.billed.get(row.id)
        first = self._first_billed(row.id, billed)
        return self._to_bill(row, first), billed or {}, first

    def late_fee_clause(self, contract_id: uuid.UUID) -> Any:
        """The late-fee clause of the contract's latest version, if it has one."""
        versions = self.versions.get(contract_id)
        if not versions:
            return None
        return max(versions, key=lambda v: v[0])[2].late_fee

    def catch_up_from(self, row: ContractRow) -> date | None:
        """For a contract whose periods may have moved (an amendment cuts one in two), the
        first billed period: a period from there on that was never billed is billed now."""
        return self._first_billed(row.id, self.billed.get(row.id))

    def _first_billed(self, contract_id: uuid.UUID,
                      billed: Mapping[tuple[date, str], BilledKey] | None) -> date | None:
        """``catch_up_from``, from the contract's billed keys."""
        if billed and contract_id in self._changeable:
            return min(start for start, _charge in billed)
        return None

    def _to_bill(self, row: ContractRow, first_billed: date | None) -> ContractToBill:
        """``to_bill``, given ``catch_up_from``: the periods the plan must see start from the
        range's start, or from the first billed period of a contract whose billed periods
        may have changed."""
        if row.status is ContractStatus.DRAFT:
            return ContractToBill(str(row.id), row.code, (), (), draft=True)
        until = row.terminated_on if row.status is ContractStatus.TERMINATED else None
        contract_id = row.id
        versions = self.versions.get(contract_id, ())
        # only a contract whose periods may change has its sales read
        sales = (self.sales.get(contract_id, _NO_SALES) if contract_id in self._changeable
                 else _NO_SALES)
        since = self.window[0] if first_billed is None else min(self.window[0], first_billed)
        if len(versions) <= 1 and until is None:
            terms = terms_with(versions[0][2] if versions else self._legacy_terms(row), sales,
                               self.index)
            # Only the periods starting from ``since`` are billed: the one running into the
            # window is not computed (its problems still said).
            lines, problems = rent_schedule(terms, within=(since, self.window[1]),
                                            starting=True)
            return ContractToBill(str(contract_id), row.code, tuple(lines), tuple(problems))
        live = [Version(number, effective_on, _spec(terms_with(terms, sales, self.index)), "")
                for number, effective_on, terms in sorted(versions, key=lambda v: v[0])]
        if not live:
            live = [Version(1, row.starts_on, _spec(terms_with(
                self._legacy_terms(row), sales, self.index)), "")]
        lines, problems = amended_schedule(live, until=until, since=since)
        return ContractToBill(str(contract_id), row.code, tuple(_starting(lines, since)),
                              tuple(problems))

    def _may_change(self, row: ContractRow) -> bool:
        if row.status is ContractStatus.TERMINATED or len(self.versions.get(row.id, [])) > 1:
            return True
        terms = row.terms or {}
        escalation = terms.get("escalation") or {}
        kind = escalation.get("kind") if isinstance(escalation, dict) else None
        return bool(terms.get("turnover")) or kind in (EscalationKind.CPI_CHANGE.value,
                                                       EscalationKind.CPI_RATIO.value)

    def _legacy_terms(self, row: ContractRow) -> RentTerms:
        """A contract from before clauses: a plain monthly rent on its units' area."""
        return RentTerms(self.areas.get(row.id, Decimal(0)), row.rent_per_sqm_month,
                         row.starts_on, row.ends_on)

    def _read_bills(self, ids: Sequence[uuid.UUID]) -> None:
        """The bills posted in the range for every contract, and every bill of a contract
        whose billed periods may have changed."""
        period_from, period_to = self.window
        found: dict[uuid.UUID, list[tuple[date, str, str, uuid.UUID, Decimal]]] = (
            defaultdict(list))

        def take(rows: Iterable[Any]) -> None:
            for contract_id, start, charge, kind, ident, amount in rows:
                if charge not in NOT_FROM_SCHEDULE:
                    found[contract_id].append((start, charge, kind, ident, amount))

        columns = (Bill.contract_id, Bill.period_start, Bill.charge, Bill.kind, Bill.id,
                   Bill.amount)
        in_window = list(self.session.execute(
            select(*columns).where(Bill.park_id == self.park_id,
                                   Bill.period_start.between(period_from, period_to))))
        take(in_window)
        self._window_bills = {r[4] for r in in_window if r[3] != ADJUSTMENT_KIND}
        changeable = [i for i in ids if i in self._changeable]
        for chunk in chunks(changeable):
            take(self.session.execute(select(*columns).where(
                Bill.contract_id.in_(chunk),
                ~Bill.period_start.between(period_from, period_to))))
        for contract_id, rows in found.items():
            self.billed[contract_id] = billed_keys(rows)


class ScheduleReader(BillingReader):
    """The schedules as a run sees them, for a caller that reads the posted bills itself
    (the three-ledger check's contract ledger): of the bills, only what ``to_bill`` starts
    a schedule from is read (each changeable contract's first billed period, in one
    aggregate query), not the park's bills row by row a second time."""

    def __init__(self, session: Session, park_id: uuid.UUID, period_from: date,
                 period_to: date) -> None:
        super().__init__(session, park_id, period_from, period_to)
        self._first: dict[uuid.UUID, date] = {}

    def contracts(self) -> list[ContractRow]:
        rows = self._contract_rows(Contract.starts_on <= self.window[1])
        ids = [r.id for r in rows if r.status is not ContractStatus.DRAFT]
        self._read_terms(rows, ids)
        self._first = {}
        for chunk in chunks([i for i in ids if i in self._changeable]):
            for contract_id, first in self.session.execute(
                    select(Bill.contract_id, func.min(Bill.period_start))
                    .where(Bill.contract_id.in_(chunk),
                           Bill.charge.not_in(sorted(NOT_FROM_SCHEDULE)))
                    .group_by(Bill.contract_id)):
                self._first[contract_id] = first
        return self._looked_at(rows)

    def _was_billed(self, contract_id: uuid.UUID) -> bool:
        return contract_id in self._first

    def _first_billed(self, contract_id: uuid.UUID,
                      billed: Mapping[tuple[date, str], BilledKey] | None) -> date | None:
        return self._first.get(contract_id)  # read for changeable contracts only


class KeptBillingReader(BillingReader):
    """A reader kept by a caller that posts run after run in one session (the demo's year
    of monthly runs), so the park is not read and parsed again for each: the contracts,
    their versions and terms, sales and CPI are read once, and each run reads only the
    bills written since the last (by their stamps: bills are insert-only). Its plans are
    a fresh reader's. The contracts are read again if their tables changed meanwhile
    (a newer stamp); a run on its own (a window's, the command line's) reads afresh."""

    def __init__(self, session: Session, park_id: uuid.UUID) -> None:
        super().__init__(session, park_id, date.min, date.min)
        self._rows: list[ContractRow] | None = None
        self._read_stamps: tuple[str | None, ...] = ()
        # every bill of the park in the order written (a fresh reader's, by row id):
        # (contract, period start, charge, kind, id, amount)
        self._bills: list[tuple[uuid.UUID, date, str, str, uuid.UUID, Decimal]] = []
        self._bill_ids: set[uuid.UUID] = set()
        self._since: str | None = None  # the stamp of the last bill read

    def over(self, period_from: date, period_to: date) -> KeptBillingReader:
        """The reader for a run over this range (then :meth:`contracts`, as a fresh one)."""
        self.window = (period_from, period_to)
        return self

    def contracts(self) -> list[ContractRow]:
        stamps = self._stamps()
        if self._rows is None or stamps != self._read_stamps:
            self.index = park_index(self.session, self.park_id, CPI)
            self.versions, self.sales, self.areas = {}, {}, {}
            self._changeable = set()
            self._rows = self._contract_rows()
            self._read_terms(self._rows, [r.id for r in self._rows
                                          if r.status is not ContractStatus.DRAFT])
            self._read_stamps = stamps
        self._read_new_bills()
        self._read_covered()
        rows = [r for r in self._rows if r.starts_on <= self.window[1]]
        self._bills_in_range([r.id for r in rows if r.status is not ContractStatus.DRAFT])
        return self._looked_at(rows)

    def _stamps(self) -> tuple[str | None, ...]:
        """The latest stamp of each table the contracts are read from: any change there
        (an amendment, a termination, sales reported, a CPI value) moves one."""
        return tuple(self.session.scalar(select(func.max(table.hlc))) for table in (
            Contract, ContractVersion, ContractUnit, SalesReport, PriceIndex))

    def _read_new_bills(self) -> None:
        query = select(Bill.contract_id, Bill.period_start, Bill.charge, Bill.kind, Bill.id,
                       Bill.amount, Bill.hlc).where(Bill.park_id == self.park_id)
        if self._since is not None:
            query = query.where(Bill.hlc > self._since)
        for *bill, stamp in self.session.execute(query.order_by(Bill.hlc)).all():
            if bill[4] not in self._bill_ids:  # a stamp may move (sync bookkeeping)
                self._bill_ids.add(bill[4])
                self._bills.append(tuple(bill))  # type: ignore[arg-type]
            self._since = stamp if self._since is None else max(self._since, stamp)

    def _bills_in_range(self, ids: Sequence[uuid.UUID]) -> None:
        """``_read_bills`` from the bills kept, in the order its two queries give: a
        contract's bills in the range as written, then (one whose billed periods may
        change) its others by period start."""
        period_from, period_to = self.window
        changeable = {i for i in ids if i in self._changeable}
        found: dict[uuid.UUID, list[tuple[date, str, str, uuid.UUID, Decimal]]] = (
            defaultdict(list))
        others: dict[uuid.UUID, list[tuple[date, str, str, uuid.UUID, Decimal]]] = (
            defaultdict(list))
        window_bills = set()
        for contract_id, start, charge, kind, ident, amount in self._bills:
            if period_from <= start <= period_to:
                if kind != ADJUSTMENT_KIND:
                    window_bills.add(ident)
                if charge not in NOT_FROM_SCHEDULE:
                    found[contract_id].append((start, charge, kind, ident, amount))
            elif contract_id in changeable and charge not in NOT_FROM_SCHEDULE:
                others[contract_id].append((start, charge, kind, ident, amount))
        for contract_id, rows in others.items():
            found[contract_id] += sorted(rows, key=lambda r: r[0])
        self._window_bills = window_bills
        self.billed = {contract_id: billed_keys(rows) for contract_id, rows in found.items()}


def last_day(row: ContractRow) -> date:
    if row.status is ContractStatus.TERMINATED and row.terminated_on is not None:
        return min(row.ends_on, row.terminated_on)
    return row.ends_on


def _spec(terms: RentTerms) -> ContractSpec:
    """A version's record for the schedule alone (units and parties play no part)."""
    return ContractSpec(code="", tenant_id="", tenant_name="", kind=UnitType.OTHER,
                        signed_on=terms.starts_on, units=(), terms=terms)


def _starting(lines: Sequence[ScheduleLine], since: date) -> list[ScheduleLine]:
    return [x for x in lines if x.starts_on >= since]


def chunks(items: Sequence[uuid.UUID]) -> Iterable[Sequence[uuid.UUID]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]

