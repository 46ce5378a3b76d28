"""What renewal advice reads about a contract, from the store (``domain.leasing.renewal``).

- The rent per m² now: the monthly rent billed on the day over the area
  (:mod:`services.contract_list`' rule), so escalations count; while nothing
  is billed (rent-free), the last rent billed before, else the terms' rate. A
  rent per m² per day is compared as it stands (with day rates only).
- Comparables: the park's other signed (or terminated) contracts of the same
  unit type billed on the same basis, with their signing day and rate, a
  renewal of this very contract left out; the advice keeps the last twelve
  months' itself.
- Demand: the park's open leads whose needs the contract's area and type fit
  (``domain.leasing.renewal.demand``); a lead whose stored needs are not
  valid (an area range upside down) counts as no demand, not as an error.
- The payment record: billing keeps none yet, so it is empty, and
  :attr:`RenewalInputs.payment_record` says so; the views must not call an
  empty record a good one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts import ContractStatus
from domain.leasing.clauses import Basis
from domain.leasing.pipeline import LeadNeeds, Stage
from domain.leasing.renewal import Advice, RenewalFacts, demand, renewal_advice
from domain.leasing.schedule import RENT, ScheduleLine
from domain.money import rate
from services.contract_list import monthly_rent
from services.contracts import ContractRefused, schedule_of, spec_of
from store.schema import Contract, Lead

PAYMENT_RECORD_KEPT = False  # billing (a later issue) keeps payments; until then none


@dataclass(frozen=True)
class RenewalInputs:
    facts: RenewalFacts
    payment_record: bool  # whether late payments and arrears were actually known
    advice: Advice


def rate_on(lines: tuple[ScheduleLine, ...] | list[ScheduleLine], area: Decimal, day: date
            ) -> Decimal | None:
    """The rent per m² per month billed on ``day`` (held within the lines), or the last billed
    before it while nothing is billed; None when nothing was ever billed."""
    rent = [x for x in lines if x.charge == RENT]
    if not rent or not area:
        return None
    held = min(max(day, rent[0].starts_on), rent[-1].ends_on)
    billed = [x for x in rent if x.starts_on <= held and x.amount > 0]
    covering = next((x for x in rent if x.starts_on <= held <= x.ends_on), None)
    line = covering if covering is not None and covering.amount > 0 else (
        billed[-1] if billed else None)
    return None if line is None else rate(monthly_rent(line) / area)


def renewal_inputs(session: Session, contract_id: uuid.UUID, on: date) -> RenewalInputs:
    """The facts renewal advice reads on ``on``, and the advice itself."""
    contract = session.get(Contract, contract_id)
    if contract is None or contract.archived:
        raise ContractRefused(f"no contract with id {contract_id}", "no-contract",
                              contract=str(contract_id))
    spec = spec_of(session, contract)
    lines = schedule_of(session, contract.id).lines
    basis = spec.terms.basis
    # Rates compare on the contract's own basis: a day's rate is not a month's.
    current = ((rate_on(lines, spec.area, on) if basis is Basis.PER_SQM_MONTH else None)
               or spec.terms.rate)
    comparables = []
    for signed_on, signed_rate, doc in session.execute(
            select(Contract.signed_on, Contract.rent_per_sqm_month, Contract.terms)
            .where(Contract.park_id == contract.park_id, Contract.kind == contract.kind,
                   Contract.id != contract.id, ~Contract.archived,
                   Contract.status != ContractStatus.DRAFT,
                   (Contract.renews_id.is_(None)) | (Contract.renews_id != contract.id))):
        their_basis = (doc or {}).get("basis", Basis.PER_SQM_MONTH.value)
        if their_basis == basis.value:
            comparables.append((signed_on, signed_rate))
    wanted = []
    for stage, area_min, area_max, unit_type in session.execute(
            select(Lead.stage, Lead.area_min, Lead.area_max, Lead.unit_type)
            .where(Lead.park_id == contract.park_id, ~Lead.archived)):
        try:
            wanted.append((Stage(stage), LeadNeeds(area_min, area_max, unit_type=unit_type)))
        except ValueError:
            continue  # needs stored in a shape matching cannot read: no demand
    facts = RenewalFacts(
        ends_on=contract.ends_on, current_rate=current,
        comparables=tuple(sorted(comparables)),
        demand=demand(wanted, spec.area, contract.kind))
    return RenewalInputs(facts, PAYMENT_RECORD_KEPT, renewal_advice(facts, on))
