"""Deposits, a renewal's carry and termination settlements as use cases, one transaction
each.

The deposit's ledger (``deposit_movements``, insert-only) holds what was
received, applied to arrears, refunded and carried to a renewal;
``domain.billing.deposits`` says what is held, what a renewal carries and how
a settlement is made. A deposit applied to a bill is also an allocation to it
(source ``deposit``), so the bill's balance falls as it would for a payment.

A renewal carries the deposit (:func:`carry_deposit`, in ``renew``'s own
transaction): a ``carried_out`` movement on the old contract and a
``carried_in`` on the new, dated the new contract's first day, no bank
movement. The table has no column for a carry's other contract: each side's
``note`` holds the other contract's id. :func:`rehearse_carry` says what a
renewal would carry before it is signed. A movement entered wrong is undone
by :func:`reverse_movement`: a reversing movement (a carry's two sides
together), and the allocation it made reversed with it.

A termination's settlement is rehearsed first (:func:`rehearse_settlement`:
the open bills, the late fees accrued to the day, the deposit applied oldest
first, the refund or what is still owed), then posted whole
(:func:`settle_termination`): the final bill of late fees, the deposit applied, the
refund, with their commands; a refusal writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.balances import OpenItem
from domain.billing.bills import PlannedBill, bill_id
from domain.billing.deposits import (
    APPLIED,
    CARRIED_IN,
    CARRIED_OUT,
    CARRY_KINDS,
    RECEIVED,
    REFUNDED,
    REVERSED,
    Carry,
    DepositMove,
    Settlement,
    carried_out,
    carry_moves,
    held,
    plan_carry,
    reversal,
    reversal_problem,
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
from store.schema import Allocation, Contract, DepositMovement, Park, Payment
from store.workspace import Workspace

FINAL = "final"
HELD_FROM_PAYMENT = "deposit"  # Allocation.kind: a payment's money held as the deposit


class DepositRefused(UserError):
    """A deposit movement or a settlement the rules refuse; nothing written."""


@dataclass(frozen=True)
class SettlementPlan:
    """A settlement rehearsed: what :func:`settle_termination` would post."""

    contract_id: uuid.UUID
    code: str
    settlement: Settlement
    final_bill: PlannedBill | None  # the late fees accrued to the day
    carried: Decimal = ZERO  # what renewals carried away: not held, not refunded


@dataclass(frozen=True)
class CarryPlan:
    """A renewal's deposit carry: the old contract, the new one (its code; its id once
    signed) and what is carried, topped up and left (``domain.billing.deposits.Carry``)."""

    old_id: uuid.UUID
    old_code: str
    new_code: str
    carry: Carry
    new_id: uuid.UUID | None = None
    moves: tuple[uuid.UUID, ...] = ()  # the carried_out and carried_in written


def deposit_held(session: Session, contract_id: uuid.UUID) -> Decimal:
    return held(_moves(session, contract_id))


def _moves(session: Session, contract_id: uuid.UUID) -> list[DepositMove]:
    rows = _rows(session, contract_id)
    by_id = {row.id: row for row in rows}
    out = []
    for row in rows:
        source = by_id.get(row.reverses_id) if row.reverses_id else None
        out.append(DepositMove(row.kind, row.amount, row.on,
                               source.kind if source is not None else "",
                               _counterpart(source if source is not None else row)))
    return out


def _rows(session: Session, contract_id: uuid.UUID) -> list[DepositMovement]:
    return list(session.scalars(select(DepositMovement).where(
        DepositMovement.contract_id == contract_id).order_by(DepositMovement.on,
                                                             DepositMovement.id)))


def _counterpart(row: DepositMovement) -> str:
    """A carry's other contract, as its note names it ("" for other kinds)."""
    return row.note if row.kind in CARRY_KINDS else ""


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
                "source_id": payment_id, "bill_id": None, "kind": HELD_FROM_PAYMENT,
                "reverses_id": None, "amount": amount, "on": on, "by": "person",
                "reasons": [{"code": "deposit", "params": {"contract": contract.code}}]}])
        return move


# -- a renewal's carry -----------------------------------------------------------------------


def rehearse_carry(session: Session, old_id: uuid.UUID, asked: Decimal, on: date,
                   new_code: str = "", tenant_id: uuid.UUID | None = None) -> CarryPlan:
    """What renewing ``old_id`` by a contract asking a deposit of ``asked`` from ``on``
    would carry (``tenant_id``: the renewal's tenant, the old one's when None); writes
    nothing. The renewal dialog says it before the renewal is signed."""
    old = _contract(session, old_id)
    same = tenant_id is None or tenant_id == old.tenant_id
    carry = plan_carry(deposit_held(session, old.id), asked, on, same_tenant=same)
    return CarryPlan(old.id, old.code, new_code, carry)


def carry_deposit(session: Session, old: Contract, new: Contract, on: date) -> CarryPlan:
    """Within the renewal's transaction: carry what ``old`` holds of its deposit, up to
    what ``new`` asks, to ``new`` on ``on`` (its first day), as a ``carried_out`` and a
    ``carried_in`` movement with their ``post_deposit`` commands. Nothing is written when
    nothing is carried (nothing held, no deposit asked, another tenant)."""
    carry = plan_carry(deposit_held(session, old.id), new.deposit, on,
                       same_tenant=old.tenant_id == new.tenant_id)
    plan = CarryPlan(old.id, old.code, new.code, carry, new.id)
    if carry.carried <= 0:
        return plan
    out, into = carry_moves(carry, str(old.id), str(new.id))
    rows = [_row(old, out.kind, out.amount, out.on, note=out.counterpart),
            _row(new, into.kind, into.amount, into.on, note=into.counterpart)]
    write_moves(session, rows)
    return CarryPlan(old.id, old.code, new.code, carry, new.id, (rows[0]["id"], rows[1]["id"]))


# -- reversals -------------------------------------------------------------------------------


def reverse_movement(workspace: Workspace, movement_id: uuid.UUID, on: date,
                     note: str = "") -> tuple[uuid.UUID, ...]:
    """Undo a movement entered wrong, in one transaction: a reversing movement naming it
    (for a carry, one on each side), and what it did to the payments and bills reversed
    with it: money received out of a payment is the payment's to allocate again, a
    deposit applied leaves the bill open again. Refused, with nothing written, for a
    reversal, a movement reversed already, a day before the movement's (but a carry,
    arranged when the renewal was signed, may be undone before its first day), or a
    reversal that would leave the deposit holding less than nothing (applied, refunded or
    carried on since: reverse those first). Returns the reversing movements' ids."""
    with workspace.transaction() as session:
        row = session.get(DepositMovement, movement_id)
        if row is None or row.kind == REVERSED:
            raise DepositRefused(f"no deposit movement {movement_id} to reverse",
                                 "no-deposit-movement", movement=str(movement_id))
        contract = _contract(session, row.contract_id)
        if on < row.on and row.kind not in CARRY_KINDS:
            raise DepositRefused(f"the movement is dated {row.on}: its reversal cannot be "
                                 f"dated {on}", "deposit-reverse-before", on=on.isoformat(),
                                 movement_on=row.on.isoformat())
        sides = [(contract, row)]
        if row.kind in CARRY_KINDS:
            sides.append(_other_side(session, row))
        writes = []
        for side_contract, side in sides:
            undone = _undone(session, side.id)
            try:
                undo = reversal(DepositMove(side.kind, side.amount, side.on,
                                            counterpart=_counterpart(side)), on, undone)
            except ValueError:
                raise DepositRefused(
                    f"the movement of {side.amount} on {side.on} is reversed already",
                    "deposit-already-reversed", amount=str(side.amount),
                    on=side.on.isoformat()) from None
            problem = reversal_problem(_moves(session, side_contract.id), [undo])
            if problem is not None:
                code, params = problem
                raise DepositRefused(
                    f"{side_contract.code}'s deposit holds {params['holds']}: reversing "
                    f"{params['amount']} would leave less than nothing", code,
                    contract=side_contract.code, **params)
            writes.append((side_contract, side, undo))
        allocations = [a for _c, side, undo in writes
                       for a in _reversed_allocations(session, side, undo.amount, on)]
        rows = [_row(c, REVERSED, undo.amount, on, payment_id=side.payment_id,
                     bill_id=side.bill_id, reverses_id=side.id, note=note)
                for c, side, undo in writes]
        write_moves(session, rows)
        insert_allocations(session, allocations)
        return tuple(r["id"] for r in rows)


def _undone(session: Session, movement_id: uuid.UUID) -> Decimal:
    return sum(session.scalars(select(DepositMovement.amount).where(
        DepositMovement.reverses_id == movement_id)), ZERO)


def _other_side(session: Session, row: DepositMovement
                ) -> tuple[Contract, DepositMovement]:
    """A carry's movement on the other contract: the opposite kind, the same day and
    amount, naming this one's contract (the first still standing, if a carry between the
    two was made, reversed and made again)."""
    other_id = _uuid(row.note)
    other = session.get(Contract, other_id) if other_id is not None else None
    if other is None:
        raise DepositRefused(f"the carry's other side is not there (contract {row.note})",
                             "deposit-carry-unpaired", note=row.note)
    wanted = CARRIED_IN if row.kind == CARRIED_OUT else CARRIED_OUT
    candidates = list(session.scalars(select(DepositMovement).where(
        DepositMovement.contract_id == other.id, DepositMovement.kind == wanted,
        DepositMovement.on == row.on, DepositMovement.amount == row.amount,
        DepositMovement.note == str(row.contract_id)).order_by(DepositMovement.id)))
    left = row.amount - _undone(session, row.id)
    for candidate in candidates:
        if candidate.amount - _undone(session, candidate.id) == left:
            return other, candidate
    raise DepositRefused(f"the carry's other side is not there (contract {other.code})",
                         "deposit-carry-unpaired", note=other.code)


def _reversed_allocations(session: Session, row: DepositMovement, amount: Decimal,
                          on: date) -> list[dict[str, Any]]:
    """The allocations a movement made, reversed by ``amount``: a deposit received out of a
    payment (the payment's money held) or applied to a bill (the bill paid)."""
    if row.kind == RECEIVED and row.payment_id is not None:
        found = list(session.scalars(select(Allocation).where(
            Allocation.source_kind == "payment", Allocation.source_id == row.payment_id,
            Allocation.kind == HELD_FROM_PAYMENT, Allocation.bill_id.is_(None),
            Allocation.amount == row.amount, Allocation.on == row.on)
            .order_by(Allocation.id)))
    elif row.kind == APPLIED:
        found = list(session.scalars(select(Allocation).where(
            Allocation.source_kind == "deposit", Allocation.source_id == row.id,
            Allocation.kind == "allocate")))
    else:
        return []
    for original in found:
        undone = -sum(session.scalars(select(Allocation.amount).where(
            Allocation.reverses_id == original.id)), ZERO)
        if original.amount - undone >= amount:
            return [{"id": uuid7(), "park_id": original.park_id,
                     "source_kind": original.source_kind, "source_id": original.source_id,
                     "bill_id": original.bill_id, "kind": "reverse",
                     "reverses_id": original.id, "amount": -amount, "on": on,
                     "by": "person", "reasons": [{"code": "deposit-reversed",
                                                  "params": {"movement": str(row.id)}}]}]
    raise DepositRefused(f"the allocation the movement of {row.amount} on {row.on} made is "
                         "not there to reverse", "deposit-allocation-missing",
                         amount=str(row.amount), on=row.on.isoformat())


# -- settlements -----------------------------------------------------------------------------


def rehearse_settlement(session: Session, contract_id: uuid.UUID, on: date) -> SettlementPlan:
    """What settling the contract on ``on`` would post; writes nothing. What a renewal
    carried to the contract renewing it is not held: it is neither applied nor refunded."""
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
    moves = _moves(session, contract.id)
    settlement = settle(items, ZERO if final is None else final.amount, held(moves),
                        final_item, on)
    return SettlementPlan(contract.id, contract.code, settlement, final, carried_out(moves))


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


def _row(contract: Contract, kind: str, amount: Decimal, on: date, *,
         payment_id: uuid.UUID | None = None, bill_id: uuid.UUID | None = None,
         reverses_id: uuid.UUID | None = None, note: str = "") -> dict[str, Any]:
    return {"id": uuid7(), "park_id": contract.park_id, "contract_id": contract.id,
            "kind": kind, "amount": amount, "on": on, "payment_id": payment_id,
            "bill_id": bill_id, "reverses_id": reverses_id, "note": note}


def move_payload(row: dict[str, Any]) -> dict[str, Any]:
    """A movement's ``post_deposit`` command: the whole row (SYNC.md), ids as text."""
    return {"movement": str(row["id"]), "contract": str(row["contract_id"]),
            "kind": row["kind"], "amount": str(row["amount"]), "on": row["on"].isoformat(),
            "payment": str(row["payment_id"]) if row["payment_id"] else None,
            "bill": str(row["bill_id"]) if row["bill_id"] else None,
            "reverses": str(row["reverses_id"]) if row["reverses_id"] else None,
            "note": row["note"]}


def write_moves(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Movement rows (see :func:`_row`) with one ``post_deposit`` command each, in the
    caller's transaction (the demo writes its year's through here too)."""
    if not rows:
        return
    with under_command(session):
        insert_rows(session, DepositMovement, rows)
    record_commands(session, "post_deposit", DepositMovement,
                    [(r["id"], move_payload(r)) for r in rows], ready=True)


def _write_move(session: Session, contract: Contract, kind: str, amount: Decimal, on: date,
                *, payment_id: uuid.UUID | None = None, bill_id: uuid.UUID | None = None,
                note: str = "") -> uuid.UUID:
    row = _row(contract, kind, amount, on, payment_id=payment_id, bill_id=bill_id, note=note)
    write_moves(session, [row])
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


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
