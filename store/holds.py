"""Which contracts hold a unit, and whether one still binds it: what edits must respect.

A unit under a contract that is active or still to come keeps its outline,
use and signed area until an amendment: re-imports, splits, merges, reshapes
and changes of use all ask here first.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from domain.contracts import ContractDateError, ContractStatus, ContractTerm, last_day, unit_term
from domain.leasing.validation import OtherLease, leases_of
from store.schema import Contract, ContractUnit

CHUNK = 500  # ids per IN (...): well under every engine's parameter limit


def current_link() -> ColumnElement[bool]:
    """A link to a unit the contract holds in its latest version: neither archived nor
    released by an amendment (a released unit's link stays, for the days it was held)."""
    return ~ContractUnit.archived & ContractUnit.held_to.is_(None)


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


def binds(contract: Contract, today: date, link: ContractUnit | None = None) -> bool:
    """Active or still to come on ``today`` (for ``link``'s unit, when given: an amendment
    may have released it): its signed area is what is billed."""
    if contract.status is ContractStatus.DRAFT:
        return False
    try:
        term = term_of(contract, link)
    except ContractDateError:
        return True  # dates that contradict each other: show it rather than hide it
    return last_day(term) >= today


def term_of(contract: Contract, link: ContractUnit | None = None) -> ContractTerm:
    """The contract's term, for ``link``'s unit when given (``domain.contracts.unit_term``)."""
    term = ContractTerm(contract.signed_on, contract.starts_on, contract.ends_on,
                        contract.status, contract.terminated_on)
    if link is None:
        return term
    return unit_term(term, link.held_from, link.held_to)


def other_leases(session: Session, unit_ids: Iterable[uuid.UUID],
                 exclude: uuid.UUID | None = None) -> dict[str, list[OtherLease]]:
    """The holds stored contracts (but ``exclude``) put on these units, each from the day
    it holds that unit to its last: what validation checks a new lease against."""
    found: dict[str, list[OtherLease]] = defaultdict(list)
    ids = list(dict.fromkeys(unit_ids))
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(Contract, ContractUnit)
            .join(ContractUnit, ContractUnit.contract_id == Contract.id)
            .where(ContractUnit.unit_id.in_(ids[start:start + CHUNK]), ~ContractUnit.archived,
                   ~Contract.archived, Contract.status != ContractStatus.DRAFT,
                   *([Contract.id != exclude] if exclude is not None else [])))
        for contract, link in rows:
            unit = str(link.unit_id)
            try:
                term = term_of(contract, link)
            except ContractDateError:  # stored dates that contradict: hold the whole span
                end = min(contract.ends_on, contract.terminated_on or contract.ends_on)
                found[unit].append(OtherLease(contract.code, unit, contract.starts_on, end))
                continue
            found[unit] += leases_of(contract.code, [unit], term)
    return found
