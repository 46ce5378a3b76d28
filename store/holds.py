"""Which contracts hold a unit, and whether one still binds it: what edits must respect.

A unit under a contract that is active or still to come keeps its outline,
use and signed area until an amendment: re-imports, splits, merges, reshapes
and changes of use all ask here first.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts import ContractDateError, ContractStatus, ContractTerm, last_day
from store.schema import Contract, ContractUnit


def contracts_of(
    session: Session, unit_ids: list[object]
) -> dict[object, list[tuple[Contract, ContractUnit]]]:
    """The contracts pointing at each unit (any state: a unit under contract is kept)."""
    holds: dict[object, list[tuple[Contract, ContractUnit]]] = {}
    if not unit_ids:
        return holds
    rows = session.execute(
        select(Contract, ContractUnit)
        .join(ContractUnit, ContractUnit.contract_id == Contract.id)
        .where(ContractUnit.unit_id.in_(unit_ids), ~ContractUnit.archived, ~Contract.archived)
        .order_by(Contract.code)
    )
    for contract, link in rows:
        holds.setdefault(link.unit_id, []).append((contract, link))
    return holds


def binds(contract: Contract, today: date) -> bool:
    """Active or still to come on ``today``: its signed area is what is billed."""
    if contract.status is ContractStatus.DRAFT:
        return False
    try:
        term = ContractTerm(
            contract.signed_on,
            contract.starts_on,
            contract.ends_on,
            contract.status,
            contract.terminated_on,
        )
    except ContractDateError:
        return True  # dates that contradict each other: show it rather than hide it
    return last_day(term) >= today
