"""Deposits and termination settlements as use cases, one transaction each.

The deposit's ledger (``deposit_movements``, insert-only) holds what was
received, applied to arrears and refunded; ``domain.billing.deposits`` says
what is held and how a settlement is made. A deposit applied to a bill is
also an allocation to it (source ``deposit``), so the bill's balance falls
as it would for a payment.

A termination's settlement is rehearsed first (:func:`rehearse_settlement`:
the open bills, the late fees accrued to the day, the deposit applied oldest
first, the refund or what is still owed), then posted whole
(:func:`settle`): the final bill of late fees, the deposit applied, the
refund, with their commands; a refusal writes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.balances import OpenItem
from domain.billing.bills import PlannedBill, bill_id
from domain.billing.deposits import (
    APPLIED,
    RECEIVED,
    REFUNDED,
    DepositMove,
    Settlement,
    held,
    settle,
)
from domain.billing.late_fees import late_fee_bill
from domain.contracts import ContractStatus
from domain.leasing.codec import terms_from_json
from domain.money import ZERO, money
from runtime.messages import UserError
from services.payments import insert_allocations
from services.receivables import posted_late_fees, read_ledger
from store.changes import insert_rows, record_commands, under_command
from store.ids import uuid7
from store.schema import Contract, DepositMovement, Park, Payment
from store.workspace import Workspace

FINAL = "final"


class DepositRefused(UserError):
    """A deposit movement or a settlement the rules refuse; nothing written."""


@dataclass(frozen=True)
class SettlementPlan:
    """A settlement rehearsed: what :func:`settle` would post."""

    contract_id: uuid.UUID
    code: str
    settlement: Settlement
    final_bill: PlannedBill | None  # the late fees accrued to the day


def deposit_held(session: Session, contract_id: uuid.UUID) -> Decimal:
    return held(_moves(session, contract_id))


def _moves(session: Session, contract_id: uuid.UUID) -> list[DepositMove]:
    rows = list(session.scalars(select(DepositMovement).where(
        DepositMovement.contract_id == contract_id).order_by(DepositMovement.on)))
    kinds = {row.id: row.kind for row in rows}
    return [DepositMove(row.kind, row.amount, row.on,
                        kinds.get(row.reverses_id, "") if row.reverses_id else "")
            for row in rows]


def receive_deposit(workspace: Workspace, contract_id: uuid.UUID, amount: Decimal, on: date,
                    payment_id: uuid.UUID | None = None) -> uuid.UUID:
    """The deposit (or part of it) received; from a payment, that much of the payment is
    the deposit's and no longer waits to be allocated."""
    if amount <= 0 or money(amount) != amount:
        raise DepositRefused(f"a deposit is an amount above 0.00 in cents, not {amount}",
                             "deposit-amount", amount=str(amount))
    with workspace.transaction() as session:
        contract = _contract(session, contract_id)
        if payment_id is not None:
            from services.receivables import unallocated_by_payment

            holds = unallocated_by_payment(read_ledger(session, contract.park_id)).get(
                payment_id, ZERO)
            if session.get(Payment, payment_id) is None or holds < amount:
                raise DepositRefused(f"the payment holds {holds}, not {amount}",
                                     "deposit-beyond-payment", holds=str(holds),
                                     amount=str(amount))
        move = _write_move(session, contract, RECEIVED, amount, on, payment_id=payment_id)
        if payment_id is not None:
            insert_allocations(session, [{
                "id": uuid7(), "park_id": contract.park_id, "source_kind": "payment",
                "source_id": payment_id, "bill_id": None, "kind": "deposit",
                "reverses_id": None, "amount": amount, "on": on, "by": "person",
                "reasons": [{"code": "deposit", "params": {"contract": contract.code}}]}])
        return move


def rehearse_settlement(session: Session, contract_id: uuid.UUID, on: date) -> SettlementPlan:
    """What settling the contract on ``on`` would post; writes nothing."""
    contract = _contract(session, contract_id)
    if contract.status is not ContractStatus.TERMINATED and contract.ends_on >= on:
        raise DepositRefused(f"{contract.code} runs to {contract.ends_on}: settle it once it "
                             "is terminated or has ended", "settle-not-ended",
                             contract=contract.code, ends_on=contract.ends_on.isoformat())
    items = [i for i in read_ledger(session, contract.park_id).open_items()
             if i.contract_id == contract.id]
    clause = terms_from_json(contract.terms).late_fee if contract.terms else None
    final = None
    if clause is not None:
        final = late_fee_bill(str(contract.id), contract.code, items, clause, on, on, on,
                              posted_late_fees(session, contract.park_id))
        if final is not None:
            # its own id: a run posting the month's late fees with this day as its first
            # has the late-fee bill's id (contract, day, late_fee) already
            final = PlannedBill(bill_id(str(contract.id), on, FINAL), final.contract_id,
                                f"{contract.code}/{on}/final",
                                FINAL, final.charge, on, on, on, final.amount, final.lines)
    final_item = None if final is None else OpenItem(
        final.id, contract.tenant_id, contract.id, contract.code, final.charge, on, on,
        final.amount, final.amount, final.number)
    settlement = settle(items, ZERO if final is None else final.amount,
                        deposit_held(session, contract.id), final_item, on)
    return SettlementPlan(contract.id, contract.code, settlement, final)


def settle_termination(workspace: Workspace, contract_id: uuid.UUID, on: date
                       ) -> SettlementPlan:
    """Post the settlement as rehearsed, in one transaction."""
    with workspace.transaction() as session:
        plan = rehearse_settlement(session, contract_id, on)
        contract = _contract(session, contract_id)
        if plan.final_bill is not None:
            _write_final(session, contract, plan.final_bill, on)
        rows = []
        for part in plan.settlement.applied:
            move = _write_move(session, contract, APPLIED, part.amount, on, bill_id=part.bill_id)
            rows.append({"id": uuid7(), "park_id": contract.park_id, "source_kind": "deposit",
                         "source_id": move, "bill_id": part.bill_id, "kind": "allocate",
                         "reverses_id": None, "amount": part.amount, "on": on,
                         "by": "person", "reasons": [{"code": "deposit-applied",
                                                      "params": {"contract": contract.code}}]})
        insert_allocations(session, rows)
        if plan.settlement.refund > 0:
            _write_move(session, contract, REFUNDED, plan.settlement.refund, on,
                        note="settlement")
        return plan


def refund_deposit(workspace: Workspace, contract_id: uuid.UUID, amount: Decimal, on: date
                   ) -> uuid.UUID:
    with workspace.transaction() as session:
        contract = _contract(session, contract_id)
        holds = deposit_held(session, contract.id)
        if amount <= 0 or amount > holds:
            raise DepositRefused(f"the deposit holds {holds}, not {amount}",
                                 "deposit-beyond", holds=str(holds), amount=str(amount))
        return _write_move(session, contract, REFUNDED, money(amount), on)


# -- writing ---------------------------------------------------------------------------------


def _write_move(session: Session, contract: Contract, kind: str, amount: Decimal, on: date,
                *, payment_id: uuid.UUID | None = None, bill_id: uuid.UUID | None = None,
                note: str = "") -> uuid.UUID:
    row = {"id": uuid7(), "park_id": contract.park_id, "contract_id": contract.id,
           "kind": kind, "amount": amount, "on": on, "payment_id": payment_id,
           "bill_id": bill_id, "reverses_id": None, "note": note}
    with under_command(session):
        insert_rows(session, DepositMovement, [row])
    record_commands(session, "post_deposit", DepositMovement, [(row["id"], {
        "movement": str(row["id"]), "contract": str(contract.id), "kind": kind,
        "amount": str(amount), "on": on.isoformat(),
        "payment": str(payment_id) if payment_id else None,
        "bill": str(bill_id) if bill_id else None, "note": note})], ready=True)
    return row["id"]


def _write_final(session: Session, contract: Contract, bill: PlannedBill, on: date) -> None:
    from services.billing_run import RunPlan, write_run

    park = session.get(Park, contract.park_id)
    write_run(session, RunPlan(contract.park_id, on, on, on, (bill,),
                               {bill.contract_id: contract.tenant_id}, 0, (),
                               park.currency if park is not None else "CNY"))


def _contract(session: Session, contract_id: uuid.UUID) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None or contract.archived:
        raise DepositRefused(f"no contract {contract_id}", "no-contract",
                             contract=str(contract_id))
    return contract

