"""Entering a contract by hand: what the contract wizard reads, checks and saves.

The wizard (``app.contract_wizard_flow`` wires it) starts from the park's units
and tenants as the register has them now, and the next free contract code;
it checks the contract as it is typed against the register (every problem
``services.contracts`` would refuse it for, the code taken included); and it
saves a draft or signs, with a tenant typed in created in the same
transaction, so a refusal writes nothing, the tenant included.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.assets import UnitType
from domain.leasing.contract import ContractSpec
from domain.leasing.validation import FieldProblem, blocking
from services import contracts
from services.contracts import ContractRefused
from services.tenants import add_tenant
from store.schema import Contract, Tenant, Unit
from store.workspace import Workspace

CODE_PATTERN = re.compile(r"^HT-\d{4}-(\d+)$")


@dataclass(frozen=True)
class UnitOffer:
    """A unit a contract may let, as the register has it now."""

    unit_id: str
    code: str
    billable_area: Decimal
    asking_rent: Decimal | None  # per m² a month
    kind: UnitType


@dataclass(frozen=True)
class TenantName:
    tenant_id: str
    name: str


class TenantDetails(Protocol):
    """A tenant typed in with the contract (the wizard's ``NewTenant``)."""

    @property
    def name(self) -> str: ...

    @property
    def contact_name(self) -> str: ...

    @property
    def contact_phone(self) -> str: ...


# -- reading what the wizard starts from ------------------------------------------------


def _offer(unit: Unit) -> UnitOffer:
    return UnitOffer(str(unit.id), unit.code, unit.billable_area, unit.asking_rent,
                     unit.unit_type)


def units_by_id(session: Session, unit_ids: Sequence[uuid.UUID]) -> list[UnitOffer]:
    """The units in the order given (a unit not found, or archived, is left out)."""
    found = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(list(unit_ids))))
             if not u.archived}
    return [_offer(found[i]) for i in unit_ids if i in found]


def unit_by_code(session: Session, park_id: uuid.UUID, code: str) -> UnitOffer | None:
    """A unit of the park by its code, as typed (case and spaces forgiven)."""
    wanted = code.strip().upper()
    unit = session.scalar(select(Unit).where(Unit.park_id == park_id, ~Unit.archived,
                                             Unit.code == wanted))
    if unit is None:
        unit = session.scalar(select(Unit).where(Unit.park_id == park_id, ~Unit.archived,
                                                 Unit.code.ilike(wanted)))
    return None if unit is None else _offer(unit)


def tenants_of(session: Session, park_id: uuid.UUID) -> list[TenantName]:
    """The park's tenants by name."""
    return [TenantName(str(t.id), t.name) for t in session.scalars(
        select(Tenant).where(Tenant.park_id == park_id, ~Tenant.archived).order_by(Tenant.name))]


def next_contract_code(session: Session, park_id: uuid.UUID, on: date) -> str:
    """``HT-<year>-<n>``: the park's highest number so far, plus one (numbers run on across
    years, as the park's register numbers them)."""
    numbers = [int(m.group(1)) for code in session.scalars(
        select(Contract.code).where(Contract.park_id == park_id))
        if (m := CODE_PATTERN.match(code))]
    return f"HT-{on.year}-{max(numbers, default=0) + 1:04d}"


# -- checking ---------------------------------------------------------------------------


def code_problems(session: Session, park_id: uuid.UUID, spec: ContractSpec,
                  contract_id: uuid.UUID | None) -> list[FieldProblem]:
    """The code missing, or taken by another contract of the park (``services.contracts``
    says so only on saving)."""
    if not spec.code:
        return [FieldProblem("code", "code-missing")]
    clash = session.scalar(select(Contract.id).where(Contract.park_id == park_id,
                                                     Contract.code == spec.code))
    if clash is not None and clash != contract_id:
        return [FieldProblem("code", "code-taken", {"code": spec.code})]
    return []


def entry_problems(session: Session, park_id: uuid.UUID, spec: ContractSpec,
                   contract_id: uuid.UUID | None = None) -> list[FieldProblem]:
    """Every problem saving ``spec`` would be refused for, all at once."""
    return (code_problems(session, park_id, spec, contract_id)
            + contracts.check(session, park_id, spec, exclude=contract_id))


def check_spec(workspace: Workspace, park_id: uuid.UUID, spec: ContractSpec,
               contract_id: uuid.UUID | None = None) -> list[FieldProblem]:
    """:func:`entry_problems`, read on a session of its own (the wizard checks as it is
    typed)."""
    with workspace.reading() as session:
        return entry_problems(session, park_id, spec, contract_id)


# -- saving -----------------------------------------------------------------------------


def save_contract(workspace: Workspace, park_id: uuid.UUID, spec: ContractSpec, sign: bool,
                  contract_id: uuid.UUID | None = None, tenant: TenantDetails | None = None
                  ) -> uuid.UUID:
    """Save a draft (new, or ``contract_id``'s), and sign it when ``sign``, with ``tenant``
    created for it: one transaction, so :class:`ContractRefused` writes nothing."""
    with workspace.transaction() as session:
        if tenant is not None:
            # every problem at once, as the wizard shows them, before the tenant is made
            problems = entry_problems(session, park_id, spec, contract_id)
            if blocking(problems):
                said = "; ".join(f"{p.field}: {p.code}" for p in problems)
                raise ContractRefused(f"contract {spec.code} refused: {said}",
                                      "contract-refused", problems=problems,
                                      contract=spec.code)
            row = add_tenant(session, park_id, tenant.name, contact_name=tenant.contact_name,
                             contact_phone=tenant.contact_phone)
            spec = dataclasses.replace(spec, tenant_id=str(row.id), tenant_name=row.name)
        if contract_id is None and sign:
            return contracts.sign_new(session, park_id, spec).id
        contract = contracts.save_draft_in(session, park_id, spec, contract_id=contract_id)
        if sign:
            contracts.sign_in(session, contract.id, spec.signed_on)
        return contract.id
