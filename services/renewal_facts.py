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
- The payment record: the tenant's (all its contracts'), from the ledger as it
  stood on the day (``services.collections``): its bills settled after their due
  date in the last twelve months (``domain.billing.credit.late_payments``, the
  window the credit score counts) and the most days late among them, and what
  it owes overdue. A tenant billed nothing yet in Leasemap (a park not billing
  here) has no record, and :attr:`RenewalInputs.payment_record` says so; the
  views must not call an empty record a good one.
- Collections: a tenant whose credit is in the high or critical tier (its
  signals count with no bill) has its renewal frozen
  (``domain.billing.collections.renewal_frozen``), and the advice lets it go,
  saying so.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.collections import renewal_frozen
from domain.contracts import ContractStatus
from domain.leasing.clauses import Basis
from domain.leasing.pipeline import LeadNeeds, Stage
from domain.leasing.renewal import Advice, RenewalFacts, demand, renewal_advice
from domain.leasing.schedule import RENT, ScheduleLine, add_months
from domain.money import ZERO, rate
from services.collections import tenant_credit
from services.contract_list import monthly_rent
from services.contracts import ContractRefused, schedule_of, spec_of
from store.schema import Bill, Contract, Lead

LATE_MONTHS = 12  # late payments settled in this many months before the day count


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
    late, most, arrears, frozen, tier = 0, 0, ZERO, False, ""
    record = session.scalar(select(Bill.id).where(
        Bill.tenant_id == contract.tenant_id, Bill.issued_on <= on).limit(1)) is not None
    credit = tenant_credit(session, contract.park_id, contract.tenant_id, on)
    if credit is not None:
        frozen, tier = renewal_frozen(credit.tier), credit.tier.value
        if record:
            since = add_months(on, -LATE_MONTHS)
            recent = [x for x in credit.late if since < x.paid_on <= on]
            late, most = len(recent), max((x.days_late for x in recent), default=0)
            arrears = credit.overdue
    facts = RenewalFacts(
        ends_on=contract.ends_on, current_rate=current, late_payments=late,
        max_days_late=most, open_arrears=arrears,
        comparables=tuple(sorted(comparables)),
        demand=demand(wanted, spec.area, contract.kind), renewal_frozen=frozen,
        credit_tier=tier)
    return RenewalInputs(facts, record, renewal_advice(facts, on))
