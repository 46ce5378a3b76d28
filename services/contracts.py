"""Contracts as use cases: check, save a draft, sign, amend, renew, terminate, schedule.

Every rule is in ``domain.leasing`` (validation, schedule, lifecycle,
versions); here the store's rows are turned into the domain's records and
back, in one transaction per use case, each recorded as one command in the
outbox (``sign_contract``, ``amend_contract``, ``renew_contract``,
``terminate_contract``; a draft's saves are plain row changes). A refusal
raises :class:`ContractRefused` with every problem, field by field, and
writes nothing.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts import ContractStatus
from domain.leasing.clauses import EscalationKind, RentTerms, Turnover
from domain.leasing.codec import terms_from_json, terms_to_json
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.lifecycle import ContractState, contract_state
from domain.leasing.schedule import Problem, ScheduleLine, rent_schedule
from domain.leasing.validation import (
    FieldProblem,
    UnitFacts,
    blocking,
    validate_contract,
)
from domain.leasing.versions import Change, Version, amended_schedule, version_changes
from runtime.messages import UserError
from store.changes import record_command, under_command
from store.holds import current_link, other_leases
from store.id_text import parse_id
from store.schema import (
    Contract,
    ContractUnit,
    ContractVersion,
    Park,
    PriceIndex,
    SalesReport,
    Tenant,
    Unit,
)
from store.workspace import Workspace

CPI = "CPI"


class ContractRefused(UserError):
    """A contract the rules refuse as entered; ``problems`` name each field. Nothing written."""

    def __init__(self, message: str, code: str = "contract-refused", /, *,
                 problems: Sequence[FieldProblem] = (), **params: object) -> None:
        super().__init__(message, code, **params)
        self.problems = list(problems)


@dataclass(frozen=True)
class Schedule:
    """A contract's schedule as the GUI and the CLI show it: lines, problems, versions."""

    contract_id: uuid.UUID
    code: str
    lines: tuple[ScheduleLine, ...]
    problems: tuple[Problem, ...]
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class AmendmentPlan:
    """An amendment rehearsed: what changes, and the schedule before and after."""

    contract_id: uuid.UUID
    number: int
    effective_on: date
    changes: tuple[Change, ...]
    before: tuple[ScheduleLine, ...]
    after: tuple[ScheduleLine, ...]
    problems: tuple[FieldProblem, ...]
    previous: ContractSpec  # the version it follows
    spec: ContractSpec  # as it would be written: each unit with its first day


@dataclass(frozen=True)
class Settlement:
    """What a termination leaves to settle (billing computes and posts it)."""

    contract_id: uuid.UUID
    terminated_on: date
    vacant_from: date
    deposit: Decimal  # what the deposit holds (after carries, applications, reversals)
    unbilled_after: tuple[ScheduleLine, ...]  # schedule lines no longer due


# -- reading ---------------------------------------------------------------------------


def spec_of(session: Session, contract: Contract) -> ContractSpec:
    """The contract's working copy as the domain's record."""
    tenant = session.get(Tenant, contract.tenant_id)
    links = session.execute(
        select(ContractUnit, Unit.code).join(Unit, Unit.id == ContractUnit.unit_id)
        .where(ContractUnit.contract_id == contract.id, current_link())
        .order_by(Unit.code)).all()
    units = tuple(LetUnit(str(link.unit_id), code, link.billable_area, link.held_from)
                  for link, code in links)
    return ContractSpec(
        code=contract.code, tenant_id=str(contract.tenant_id),
        tenant_name=tenant.name if tenant is not None else "", kind=contract.kind,
        signed_on=contract.signed_on, units=units,
        terms=stored_terms(contract, sum((u.billable_area for u in units), Decimal(0))),
        delivered_on=contract.delivered_on, rent_starts_on=contract.rent_starts_on,
        deposit=contract.deposit, notes=contract.notes)


def stored_terms(contract: Contract, area: Decimal) -> RentTerms:
    """The terms document, or for a contract from before clauses, a plain monthly rent."""
    if contract.terms:
        return terms_from_json(contract.terms)
    return RentTerms(area, contract.rent_per_sqm_month, contract.starts_on, contract.ends_on)


def versions_of(session: Session, contract_id: uuid.UUID) -> list[Version]:
    """Every signed version, oldest first: each reads as it was signed."""
    contract = session.get(Contract, contract_id)
    if contract is None:
        return []
    tenant = session.get(Tenant, contract.tenant_id)
    rows = session.scalars(select(ContractVersion).where(
        ContractVersion.contract_id == contract_id).order_by(ContractVersion.number)).all()
    return [Version(row.number, row.effective_on, ContractSpec(
        code=contract.code, tenant_id=str(contract.tenant_id),
        tenant_name=tenant.name if tenant else "", kind=contract.kind,
        signed_on=row.signed_on,
        units=tuple(let_unit(u) for u in row.units),
        terms=terms_from_json(row.terms), delivered_on=row.delivered_on,
        rent_starts_on=row.rent_starts_on, deposit=row.deposit, notes=row.notes),
        row.reason) for row in rows]


def let_unit(document: dict[str, Any]) -> LetUnit:
    """A version's unit from its stored document (``unit_document``'s)."""
    held = document.get("held_from")
    return LetUnit(document["unit_id"], document["unit_code"],
                   Decimal(document["billable_area"]),
                   date.fromisoformat(held) if held else None)


def unit_document(unit: LetUnit) -> dict[str, Any]:
    """A unit as a version stores it (and ``sign_contract`` sends it)."""
    document: dict[str, Any] = {"unit_id": unit.unit_id, "unit_code": unit.unit_code,
                                "billable_area": str(unit.billable_area)}
    if unit.held_from is not None:
        document["held_from"] = unit.held_from.isoformat()
    return document


def with_inputs(session: Session, contract: Contract, terms: RentTerms) -> RentTerms:
    """Terms with what arrives after signing: reported sales and the park's CPI values."""
    sales: dict[date, Decimal] = {}
    if terms.turnover is not None:
        sales = {row.month: row.amount for row in session.scalars(
            select(SalesReport).where(SalesReport.contract_id == contract.id,
                                      ~SalesReport.archived))}
    clause = terms.escalation
    cpi = clause is not None and clause.kind in (EscalationKind.CPI_CHANGE,
                                                 EscalationKind.CPI_RATIO)
    return terms_with(terms, sales, park_index(session, contract.park_id) if cpi else {})


def terms_with(terms: RentTerms, sales: Mapping[date, Decimal],
               index: Mapping[int, Decimal]) -> RentTerms:
    """``terms`` with a contract's reported sales and its park's CPI values, as read (one
    rule for a contract's window and for a billing run that reads them in bulk)."""
    if terms.turnover is not None and sales:
        turnover = terms.turnover
        terms = _with(terms, turnover=_with(turnover, sales={**turnover.sales, **sales}
                                            if turnover.sales else sales))
    clause = terms.escalation
    if index and clause is not None and clause.kind in (EscalationKind.CPI_CHANGE,
                                                        EscalationKind.CPI_RATIO):
        terms = _with(terms, escalation=_with(clause, index={**index, **clause.index}
                                              if clause.index else index))
    return terms


def _with(record: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` for the clause records, which check nothing on creation: a
    copy of the fields with ``changes``, a tenth of its cost (a billing run makes two for
    each CPI or turnover contract)."""
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__, **changes)
    return copy


def park_index(session: Session, park_id: uuid.UUID, series: str = CPI) -> dict[int, Decimal]:
    return {row.year: row.value for row in session.scalars(
        select(PriceIndex).where(PriceIndex.park_id == park_id, PriceIndex.series == series,
                                 ~PriceIndex.archived))}


def schedule_of(session: Session, contract_id: uuid.UUID) -> Schedule:
    """The schedule: a draft's from its working copy, a signed one's from its versions."""
    contract = _contract(session, contract_id)
    versions = versions_of(session, contract.id)
    if not versions:
        spec = spec_of(session, contract)
        lines, problems = rent_schedule(with_inputs(session, contract, spec.terms))
        return Schedule(contract.id, contract.code, tuple(lines), tuple(problems), ())
    live = [dataclasses.replace(v, spec=dataclasses.replace(
        v.spec, terms=with_inputs(session, contract, v.spec.terms))) for v in versions]
    lines, problems = amended_schedule(live)
    return Schedule(contract.id, contract.code, tuple(lines), tuple(problems), tuple(versions))


def state_on(session: Session, contract: Contract, on: date) -> ContractState:
    """The contract's state on ``on``, derived from its dates (time travel sees it as it was)."""
    follow_on = session.scalar(select(Contract.starts_on).where(
        Contract.renews_id == contract.id, ~Contract.archived,
        Contract.status != ContractStatus.DRAFT))
    return contract_state(contract.status, contract.starts_on, contract.ends_on,
                          contract.terminated_on, on, renewed_by_start=follow_on)


def find_contract(session: Session, code_or_id: str) -> Contract:
    """A contract by its code or id; refused by name when there is none."""
    try:
        found = session.get(Contract, uuid.UUID(code_or_id))
    except ValueError:
        found = session.scalar(select(Contract).where(Contract.code == code_or_id,
                                                      ~Contract.archived))
    if found is None or found.archived:
        raise ContractRefused(f"no contract {code_or_id}", "no-contract", contract=code_or_id)
    return found


# -- checking --------------------------------------------------------------------------


def check(session: Session, park_id: uuid.UUID, spec: ContractSpec,
          exclude: uuid.UUID | None = None, on: date | None = None) -> list[FieldProblem]:
    """Every problem of ``spec`` against the register: its units and the other leases."""
    ids = [parse_id(u.unit_id) for u in spec.units]
    units: dict[str, UnitFacts] = {}
    for unit in session.scalars(select(Unit).where(Unit.id.in_([i for i in ids if i]))):
        if unit.park_id != park_id:
            continue
        units[str(unit.id)] = UnitFacts(str(unit.id), unit.code, unit.status, unit.space_use,
                                        unit.billable_area, unit.archived)
    others = [lease for leases in other_leases(session, [i for i in ids if i],
                                               exclude).values() for lease in leases]
    if exclude is not None:  # a terminated contract holds its units to its termination only
        ended = session.scalar(select(Contract.terminated_on).where(Contract.id == exclude))
        if ended is not None:
            others = [o for o in others if o.starts_on <= ended]
    return validate_contract(spec, units, others)


def _refuse(problems: Sequence[FieldProblem], code: str) -> None:
    if blocking(problems):
        said = "; ".join(f"{p.field}: {p.code}" for p in problems)
        raise ContractRefused(f"contract {code} refused: {said}", "contract-refused",
                              problems=problems, contract=code)


# -- writing ---------------------------------------------------------------------------


def save_draft(workspace: Workspace, park_id: uuid.UUID, spec: ContractSpec,
               contract_id: uuid.UUID | None = None) -> uuid.UUID:
    """Create or update a draft (a draft holds no unit: it may overlap, it may not contradict)."""
    with workspace.transaction() as session:
        return _save(session, park_id, spec, contract_id, ContractStatus.DRAFT).id


def save_draft_in(session: Session, park_id: uuid.UUID, spec: ContractSpec, *,
                  contract_id: uuid.UUID | None = None,
                  lead_id: uuid.UUID | None = None) -> Contract:
    """Within a caller's transaction: a new draft, or ``contract_id``'s changed (a quote's
    with its tenant and quote, the wizard's with the tenant typed in)."""
    return _save(session, park_id, spec, contract_id, ContractStatus.DRAFT, lead_id=lead_id)


def sign(workspace: Workspace, contract_id: uuid.UUID, on: date) -> None:
    """Sign a draft: version 1 is written, the units are held from the term's start."""
    with workspace.transaction() as session:
        sign_in(session, contract_id, on)


def sign_in(session: Session, contract_id: uuid.UUID, on: date) -> Contract:
    """Within a caller's transaction: :func:`sign`."""
    contract = _contract(session, contract_id)
    _sign(session, contract, on)
    return contract


def create_signed(workspace: Workspace, park_id: uuid.UUID, spec: ContractSpec,
                  lead_id: uuid.UUID | None = None) -> uuid.UUID:
    """Save and sign in one transaction (the wizard's Sign, a rent roll's rows, the demo)."""
    with workspace.transaction() as session:
        return sign_new(session, park_id, spec, lead_id=lead_id).id


def sign_new(session: Session, park_id: uuid.UUID, spec: ContractSpec, *,
             lead_id: uuid.UUID | None = None, renews: uuid.UUID | None = None) -> Contract:
    """Within a caller's transaction: a new contract, signed (rent-roll imports batch these)."""
    contract = _save(session, park_id, spec, None, ContractStatus.DRAFT, lead_id=lead_id,
                     renews=renews)
    _sign(session, contract, spec.signed_on)
    return contract


def _save(session: Session, park_id: uuid.UUID, spec: ContractSpec,
          contract_id: uuid.UUID | None, status: ContractStatus, *,
          lead_id: uuid.UUID | None = None, renews: uuid.UUID | None = None) -> Contract:
    _refuse(check(session, park_id, spec, exclude=contract_id), spec.code)
    tenant_id = parse_id(spec.tenant_id)
    if tenant_id is None or session.get(Tenant, tenant_id) is None:
        raise ContractRefused(f"contract {spec.code}: no tenant {spec.tenant_id}",
                              "contract-refused", problems=[
                                  FieldProblem("tenant", "no-tenant", {})], contract=spec.code)
    if contract_id is None:
        clash = session.scalar(select(Contract.id).where(Contract.park_id == park_id,
                                                         Contract.code == spec.code))
        if clash is not None:
            raise ContractRefused(f"contract code {spec.code} is taken", "contract-refused",
                                  problems=[FieldProblem("code", "code-taken",
                                                         {"code": spec.code})],
                                  contract=spec.code)
        contract = Contract(park_id=park_id, status=status, lead_id=lead_id, renews_id=renews)
        session.add(contract)
    else:
        contract = _contract(session, contract_id)
        if contract.status is not ContractStatus.DRAFT:
            raise ContractRefused(f"{contract.code} is signed: it changes by amendment",
                                  "contract-signed", contract=contract.code)
    fill_contract(contract, spec, tenant_id)
    session.flush()
    _set_units(session, contract, spec.units)
    return contract


def fill_contract(contract: Contract, spec: ContractSpec, tenant_id: uuid.UUID) -> None:
    """The contract row from a version of its terms (saving, signing, a rent roll's bulk write)."""
    contract.code = spec.code
    contract.tenant_id = tenant_id
    contract.kind = spec.kind
    contract.signed_on = spec.signed_on
    contract.delivered_on = spec.delivered_on
    contract.rent_starts_on = spec.rent_starts_on
    contract.starts_on = spec.starts_on
    contract.ends_on = spec.ends_on
    contract.deposit = spec.deposit
    contract.notes = spec.notes
    contract.rent_per_sqm_month = spec.terms.rate
    contract.terms = terms_to_json(_without_inputs(spec.terms))


def _without_inputs(terms: RentTerms) -> RentTerms:
    """Sales live in their own table; the terms document keeps the clause alone."""
    if terms.turnover is not None and terms.turnover.sales:
        return dataclasses.replace(terms, turnover=Turnover(
            **{**{f.name: getattr(terms.turnover, f.name)
                  for f in dataclasses.fields(terms.turnover)}, "sales": {}}))
    return terms


def _set_units(session: Session, contract: Contract, units: Iterable[LetUnit]) -> None:
    wanted = {uuid.UUID(u.unit_id): u.billable_area for u in units}
    links = {link.unit_id: link for link in session.scalars(
        select(ContractUnit).where(ContractUnit.contract_id == contract.id))}
    for unit_id, link in links.items():
        if unit_id not in wanted and not link.archived:
            link.archived = True
    for unit_id, area in wanted.items():
        link = links.get(unit_id)
        if link is None:
            session.add(ContractUnit(contract_id=contract.id, unit_id=unit_id,
                                     billable_area=area))
        else:
            if link.archived:
                link.archived = False
            if link.billable_area != area:
                link.billable_area = area


def _sign(session: Session, contract: Contract, on: date) -> None:
    if contract.status is not ContractStatus.DRAFT:
        raise ContractRefused(f"{contract.code} is already {contract.status.value}",
                              "contract-not-draft", contract=contract.code,
                              status=contract.status.value)
    spec = spec_of(session, contract)
    spec = dataclasses.replace(spec, signed_on=on) if on != spec.signed_on else spec
    _refuse(check(session, contract.park_id, spec, exclude=contract.id), contract.code)
    base = contract.row_version
    with under_command(session):
        contract.status = ContractStatus.SIGNED
        contract.signed_on = spec.signed_on
        contract.version = 1
        version = version_row(contract, spec, 1, spec.starts_on, "sign")
        session.add(version)
    record_command(session, "sign_contract", Contract, contract.id,
                   sign_payload(contract, spec, version), base_version=base)
    from services.pipeline import on_contract_signed  # here: the pipeline imports contracts

    on_contract_signed(session, contract)  # its lead, if any, is signed too


def version_row(contract: Contract, spec: ContractSpec, number: int, effective_on: date,
                 reason: str) -> ContractVersion:
    """A version row of ``spec`` (insert-only: what was agreed from ``effective_on``)."""
    return ContractVersion(
        contract_id=contract.id, number=number, effective_on=effective_on, reason=reason,
        signed_on=spec.signed_on, delivered_on=spec.delivered_on,
        rent_starts_on=spec.rent_starts_on, starts_on=spec.starts_on, ends_on=spec.ends_on,
        deposit=spec.deposit,
        units=[unit_document(u) for u in spec.units],
        terms=terms_to_json(_without_inputs(spec.terms)), notes=spec.notes)


def sign_payload(contract: Contract, spec: ContractSpec, version: ContractVersion
                 ) -> dict[str, Any]:
    """The ``sign_contract`` command's whole change: the contract, its version and units."""
    return {
        "contract": str(contract.id), "code": contract.code, "park": str(contract.park_id),
        "tenant": str(contract.tenant_id), "status": contract.status.value,
        "kind": contract.kind.value, "version": version.number,
        "version_id": str(version.id), "effective_on": version.effective_on.isoformat(),
        "signed_on": spec.signed_on.isoformat(), "starts_on": spec.starts_on.isoformat(),
        "ends_on": spec.ends_on.isoformat(),
        "delivered_on": spec.delivered_on.isoformat() if spec.delivered_on else None,
        "rent_starts_on": spec.rent_starts_on.isoformat() if spec.rent_starts_on else None,
        "deposit": str(spec.deposit), "units": version.units, "terms": version.terms,
        "renews": str(contract.renews_id) if contract.renews_id else None,
        "lead": str(contract.lead_id) if contract.lead_id else None,
    }


# -- amendment -------------------------------------------------------------------------


def rehearse_amendment(workspace: Workspace, contract_id: uuid.UUID, new: ContractSpec,
                       effective_on: date) -> AmendmentPlan:
    """What an amendment would change, field by field and line by line; writes nothing."""
    with workspace.reading() as session:
        return _amendment_plan(session, contract_id, new, effective_on)


def _amendment_plan(session: Session, contract_id: uuid.UUID, new: ContractSpec,
                    effective_on: date) -> AmendmentPlan:
    contract = _contract(session, contract_id)
    if contract.status is not ContractStatus.SIGNED:
        raise ContractRefused(f"{contract.code} is {contract.status.value}: only a signed "
                              "contract is amended", "contract-not-signed",
                              contract=contract.code, status=contract.status.value)
    versions = versions_of(session, contract.id)
    current = versions[-1]
    if effective_on < current.effective_on or effective_on > max(current.spec.ends_on,
                                                                 new.ends_on):
        raise ContractRefused(f"{contract.code}: an amendment from {effective_on} is outside "
                              "the term", "amendment-date", contract=contract.code,
                              effective_on=effective_on.isoformat())
    new = _held_units(session, contract, current.spec, new, effective_on)
    problems = check(session, contract.park_id, new, exclude=contract.id)
    following = Version(current.number + 1, effective_on, new, "amend")
    before, _ = amended_schedule(versions)
    after, _ = amended_schedule([*versions, following])
    return AmendmentPlan(contract.id, following.number, effective_on,
                         tuple(version_changes(current.spec, new)), tuple(before),
                         tuple(after), tuple(problems), current.spec, new)


def _held_units(session: Session, contract: Contract, current: ContractSpec,
                new: ContractSpec, effective_on: date) -> ContractSpec:
    """``new`` with each unit's first day: a kept unit keeps its own, a unit the amendment
    adds is held from ``effective_on`` (from the start when the amendment is)."""
    before = {u.unit_id: u for u in current.units}
    released = {str(link.unit_id): link.held_to for link in session.scalars(
        select(ContractUnit).where(ContractUnit.contract_id == contract.id,
                                   ~ContractUnit.archived,
                                   ContractUnit.held_to.is_not(None)))}
    units = []
    for unit in new.units:
        if unit.unit_id in released:
            raise ContractRefused(
                f"{contract.code}: {unit.unit_code} was released on {released[unit.unit_id]}; "
                "lease it again by a new contract", "amendment-unit-released",
                contract=contract.code, unit=unit.unit_code,
                released=str(released[unit.unit_id]))
        kept = before.get(unit.unit_id)
        if kept is not None:
            held_from = kept.held_from
        else:
            held_from = effective_on if effective_on > new.starts_on else None
        units.append(dataclasses.replace(unit, held_from=held_from))
    return dataclasses.replace(new, units=tuple(units))


def _hold_units(session: Session, contract: Contract, old: ContractSpec, new: ContractSpec,
                effective_on: date) -> None:
    """The links follow the amendment: a kept unit takes its new area, an added one is held
    from its first day, a released one to the day before ``effective_on`` (a unit
    released before its hold began was never held: its link is archived)."""
    links = {str(link.unit_id): link for link in session.scalars(
        select(ContractUnit).where(ContractUnit.contract_id == contract.id))}
    wanted = {u.unit_id: u for u in new.units}
    for unit in new.units:
        link = links.get(unit.unit_id)
        if link is None:
            session.add(ContractUnit(contract_id=contract.id, unit_id=uuid.UUID(unit.unit_id),
                                     billable_area=unit.billable_area,
                                     held_from=unit.held_from))
            continue
        if link.archived:
            link.archived = False
        if link.billable_area != unit.billable_area:
            link.billable_area = unit.billable_area
        if link.held_from != unit.held_from:
            link.held_from = unit.held_from
    for unit in old.units:
        link = links.get(unit.unit_id)
        if unit.unit_id in wanted or link is None or link.archived:
            continue
        first = unit.held_from or contract.starts_on
        if effective_on <= first:
            link.archived = True
        else:
            link.held_to = effective_on - timedelta(days=1)


def amend(workspace: Workspace, contract_id: uuid.UUID, new: ContractSpec,
          effective_on: date) -> AmendmentPlan:
    """Write the amendment as the next version; the schedule changes from ``effective_on``."""
    with workspace.transaction() as session:
        plan = _amendment_plan(session, contract_id, new, effective_on)
        contract = _contract(session, contract_id)
        _refuse(plan.problems, contract.code)
        if not plan.changes:
            raise ContractRefused(f"{contract.code}: the amendment changes nothing",
                                  "amendment-empty", contract=contract.code)
        base = contract.row_version
        with under_command(session):
            fill_contract(contract, dataclasses.replace(new, signed_on=contract.signed_on,
                                                code=contract.code),
                  contract.tenant_id)
            contract.version = plan.number
            new = plan.spec
            version = version_row(contract, new, plan.number, effective_on, "amend")
            session.add(version)
            _hold_units(session, contract, plan.previous, new, effective_on)
        payload = sign_payload(contract, new, version)
        payload["changes"] = [dataclasses.asdict(c) for c in plan.changes]
        record_command(session, "amend_contract", Contract, contract.id, payload,
                       base_version=base)
        return plan


# -- renewal and termination -----------------------------------------------------------


def renew(workspace: Workspace, contract_id: uuid.UUID, new: ContractSpec) -> uuid.UUID:
    """The follow-on contract, signed, starting the day after the current one ends; the
    deposit the current one holds is carried to it on that day, up to what it asks
    (``services.deposits.carry_deposit``), not refunded and received again."""
    from services.deposits import carry_deposit  # here: deposits reads the billing services

    with workspace.transaction() as session:
        old = _contract(session, contract_id)
        if old.status is not ContractStatus.SIGNED:
            raise ContractRefused(f"{old.code} is {old.status.value}: it cannot be renewed",
                                  "contract-not-signed", contract=old.code,
                                  status=old.status.value)
        if new.starts_on != old.ends_on + timedelta(days=1):
            raise ContractRefused(
                f"{new.code}: a renewal starts on {old.ends_on + timedelta(days=1)}",
                "contract-refused", problems=[FieldProblem(
                    "starts_on", "renewal-start",
                    {"expected": (old.ends_on + timedelta(days=1)).isoformat()})],
                contract=new.code)
        contract = sign_new(session, old.park_id, new, renews=old.id, lead_id=old.lead_id)
        op = contract.id
        record_command(session, "renew_contract", Contract, old.id,
                       {"contract": str(old.id), "follow_on": str(op), "code": new.code},
                       base_version=old.row_version)
        carry_deposit(session, old, contract, contract.starts_on)
        return op


def terminate(workspace: Workspace, contract_id: uuid.UUID, on: date) -> Settlement:
    """End a signed contract on ``on`` (its last day); units are vacant from the day after."""
    with workspace.transaction() as session:
        contract = _contract(session, contract_id)
        if contract.status is not ContractStatus.SIGNED:
            raise ContractRefused(f"{contract.code} is {contract.status.value}: only a signed "
                                  "contract is terminated", "contract-not-signed",
                                  contract=contract.code, status=contract.status.value)
        if on > contract.ends_on:
            raise ContractRefused(f"{contract.code} ends on {contract.ends_on}: it cannot be "
                                  f"terminated on {on}", "terminate-after-end",
                                  contract=contract.code, ends_on=contract.ends_on.isoformat(),
                                  on=on.isoformat())
        if on < contract.signed_on:
            raise ContractRefused(f"{contract.code} was signed on {contract.signed_on}",
                                  "terminate-before-signing", contract=contract.code,
                                  signed_on=contract.signed_on.isoformat(), on=on.isoformat())
        lines = schedule_of(session, contract.id).lines
        base = contract.row_version
        with under_command(session):
            contract.status = ContractStatus.TERMINATED
            contract.terminated_on = on
        record_command(session, "terminate_contract", Contract, contract.id, {
            "contract": str(contract.id), "code": contract.code,
            "terminated_on": on.isoformat()}, base_version=base)
        from services.deposits import deposit_held  # here: deposits reads billing services

        return Settlement(contract.id, on, on + timedelta(days=1),
                          deposit_held(session, contract.id),
                          tuple(x for x in lines if x.starts_on > on))


# -- inputs after signing ------------------------------------------------------------


def record_sales(workspace: Workspace, contract_id: uuid.UUID, month: date,
                 amount: Decimal, source: str = "") -> None:
    """A month's reported sales (a correction replaces the figure; the log keeps both)."""
    with workspace.transaction() as session:
        contract = _contract(session, contract_id)
        first = month.replace(day=1)
        put_sales(session, contract.id, first, amount, source, session.scalar(
            select(SalesReport).where(SalesReport.contract_id == contract.id,
                                      SalesReport.month == first)))


def put_sales(session: Session, contract_id: uuid.UUID, month: date, amount: Decimal,
              source: str, existing: SalesReport | None) -> None:
    """Within a caller's transaction: the month's figure added, or ``existing`` replaced
    (an import passes the rows it read at once)."""
    if existing is None:
        session.add(SalesReport(contract_id=contract_id, month=month, amount=amount,
                                source=source))
    else:
        existing.amount, existing.source, existing.archived = amount, source, False


def remove_sales(workspace: Workspace, contract_id: uuid.UUID, month: date) -> None:
    """Take a month's sales back (a figure entered by mistake): the month bills the base
    again, its turnover "not reported yet", until a figure is entered (``put_sales`` brings
    the row back). The row is archived, never deleted (SYNC.md), so the outbox carries one
    ``archive`` op for it; the log keeps the figure that was there.

    Raises
    ------
    ContractRefused
        ``no-sales`` when the month has no figure to take back (nothing written).
    """
    with workspace.transaction() as session:
        contract = _contract(session, contract_id)
        first = month.replace(day=1)
        row = session.scalar(select(SalesReport).where(SalesReport.contract_id == contract.id,
                                                       SalesReport.month == first))
        if row is None or row.archived:
            raise ContractRefused(f"{contract.code} has no sales reported for "
                                  f"{first.isoformat()[:7]}: nothing to take back", "no-sales",
                                  contract=contract.code, month=first.isoformat()[:7])
        row.archived = True


def set_index(workspace: Workspace, park_id: uuid.UUID, year: int, value: Decimal,
              series: str = CPI) -> None:
    """A year's index value; CPI clauses read it (a year billed at the floor is corrected)."""
    with workspace.transaction() as session:
        row = session.scalar(select(PriceIndex).where(
            PriceIndex.park_id == park_id, PriceIndex.series == series,
            PriceIndex.year == year))
        if row is None:
            session.add(PriceIndex(park_id=park_id, series=series, year=year, value=value))
        else:
            row.value, row.archived = value, False


# -- helpers ---------------------------------------------------------------------------


def _contract(session: Session, contract_id: uuid.UUID) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None or contract.archived:
        raise ContractRefused(f"no contract with id {contract_id}", "no-contract",
                              contract=str(contract_id))
    return contract




def park_id_of(session: Session) -> uuid.UUID:
    """The workspace's park (one per workspace today)."""
    park = session.scalar(select(Park).where(~Park.archived).order_by(Park.code))
    if park is None:
        raise ContractRefused("the workspace has no park", "no-park")
    return park.id

