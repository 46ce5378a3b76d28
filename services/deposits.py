"""Deposits, a renewal's carry and termination settlements as use cases, one transaction
each.

The deposit's ledger (``deposit_movements``, insert-only) holds what was
received, applied to arrears, refunded and carried to a renewal;
``domain.billing.deposits`` says what is held, what a renewal carries and how
a settlement is made. A deposit applied to a bill is also an allocation to it
(source ``deposit``), so the bill's balance falls as it would for a payment.

A receipt and a refund are rehearsed before they are written (:func:`rehearse_receipt`,
:func:`rehearse_refund`: what the deposit holds before → after, the payment's money a
receipt takes and what the payment then holds), then written as said
(:func:`post_receipt`, :func:`post_refund`); :func:`payments_holding` lists the tenant's
payments a receipt may come out of.

A renewal carries the deposit (:func:`carry_deposit`, in ``renew``'s own
transaction): a ``carried_out`` movement on the old contract and a
``carried_in`` on the new, dated the new contract's first day, no bank
movement. Each side's ``counterpart_id`` is the other contract (since 0011; the
``note`` holds its id too, for a replica still on 0010, but nothing here pairs
by it (a refusal names it when it named no contract of ours), and a
``post_deposit`` command written before carries no ``counterpart``:
:func:`move_fields` reads it from the note then). :func:`rehearse_carry` says
what a renewal would carry before it is signed. A movement entered wrong is
undone by :func:`reverse_movement`: a reversing movement (a carry's two sides
together), and the allocation it made reversed with it; :func:`rehearse_reversal`
says all of it (the payment given its money back, the bill opened again, both
sides of a carry) before anything is written. :func:`deposit_statement` is a
contract's deposit as the clerk reads it: what is held of what was agreed, and
each movement.

A termination's settlement is rehearsed first (:func:`rehearse_settlement`:
the open bills, the late fees accrued to the day, the deposit applied oldest
first, the refund or what is still owed), then posted whole
(:func:`settle_termination`): the final bill of late fees, the deposit applied, the
refund, with their commands; a refusal writes nothing.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
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
    moved,
    plan_carry,
    reversal,
    reversal_problem,
    reversible,
    settle,
    signed_amount,
)
from domain.billing.late_fees import late_fee_bill
from domain.contracts import ContractStatus
from domain.leasing.codec import terms_from_json
from domain.leasing.schedule import Reason
from domain.money import ZERO, money
from runtime.messages import UserError
from services.payments import insert_allocations
from services.receivables import posted_late_fees, read_ledger
from store.changes import insert_rows, record_commands, under_command
from store.id_text import parse_id
from store.ids import uuid7
from store.schema import (
    ONE_REVERSAL,
    Allocation,
    Bill,
    Contract,
    DepositMovement,
    Park,
    Payment,
)
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


@dataclass(frozen=True)
class MovementLine:
    """One movement as a contract's deposit lists it, with the names a clerk finds things by:
    a carry's other contract (its code; a reversal of a carry, its movement's), the bill a
    deposit was applied to (its number), the payment it was received out of (its payer)."""

    id: uuid.UUID
    kind: str
    amount: Decimal
    on: date
    note: str = ""  # what a person wrote ("" for a carry: its note is the other's id)
    counterpart: str = ""
    bill: str = ""
    payer: str = ""
    reverses_id: uuid.UUID | None = None
    reverses_kind: str = ""
    undone: Decimal = ZERO  # what reversals undid of it so far

    @property
    def reversible(self) -> bool:
        """Whether something of it is left to reverse (a reversal never is)."""
        return reversible(self.kind, self.amount, self.undone)


@dataclass(frozen=True)
class DepositStatement:
    """A contract's deposit: what it agreed, what is held, what each kind of movement moved
    net of reversals (``moved``: kind, a carry's other contract's code, amount) and every
    movement, oldest first."""

    contract_id: uuid.UUID
    code: str
    agreed: Decimal
    held: Decimal
    moved: tuple[tuple[str, str, Decimal], ...]
    lines: tuple[MovementLine, ...]


def deposit_held(session: Session, contract_id: uuid.UUID) -> Decimal:
    return held(_moves(session, contract_id))


def deposit_statement(session: Session, contract_id: uuid.UUID) -> DepositStatement:
    """The contract's deposit as its window and ``leasemap deposit-reverse`` show it."""
    contract = _contract(session, contract_id)
    rows = _rows(session, contract.id)
    by_id = {row.id: row for row in rows}
    undone: dict[uuid.UUID, Decimal] = {}
    for row in rows:
        if row.kind == REVERSED and row.reverses_id is not None:
            undone[row.reverses_id] = undone.get(row.reverses_id, ZERO) + row.amount
    codes = _names(session, Contract.id, Contract.code, {r.counterpart_id for r in rows})
    numbers = _names(session, Bill.id, Bill.number, {r.bill_id for r in rows})
    payers = _names(session, Payment.id, Payment.payer, {r.payment_id for r in rows})
    lines = []
    for row in rows:
        source = by_id.get(row.reverses_id) if row.reverses_id is not None else None
        carry = source if source is not None else row
        other = carry.counterpart_id if carry.kind in CARRY_KINDS else None
        lines.append(MovementLine(
            row.id, row.kind, row.amount, row.on,
            "" if row.kind in CARRY_KINDS else row.note,
            codes.get(other, str(other)) if other is not None else "",
            numbers.get(row.bill_id, "") if row.bill_id is not None else "",
            payers.get(row.payment_id, "") if row.payment_id is not None else "",
            row.reverses_id, source.kind if source is not None else "",
            undone.get(row.id, ZERO)))
    moves = _as_moves(rows)
    net = moved(moves)
    return DepositStatement(
        contract.id, contract.code, contract.deposit, held(moves),
        tuple((kind, codes.get(parse_id(other), other), amount)
              for (kind, other), amount in net.items()),
        tuple(lines))


def _names(session: Session, key: Any, name: Any, ids: set[uuid.UUID | None]
           ) -> dict[uuid.UUID, str]:
    """``name`` of each of ``ids`` (a contract's code, a bill's number, a payer)."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return {k: v for k, v in session.execute(select(key, name).where(key.in_(wanted)))}


def _moves(session: Session, contract_id: uuid.UUID) -> list[DepositMove]:
    return _as_moves(_rows(session, contract_id))


def _as_moves(rows: Sequence[DepositMovement]) -> list[DepositMove]:
    """The rows as the domain's movements, a reversal with the kind it reverses."""
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
    """A carry's other contract, its id as text ("" for other kinds)."""
    if row.kind in CARRY_KINDS and row.counterpart_id is not None:
        return str(row.counterpart_id)
    return ""


# -- a receipt, a refund -----------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentHolding:
    """A payment with money not yet allocated: what a deposit may be received out of."""

    id: uuid.UUID
    received_on: date
    amount: Decimal
    payer: str
    holds: Decimal  # received less what is allocated, refunded or held as a deposit
    reference: str = ""
    remarks: str = ""


@dataclass(frozen=True)
class MovementPlan:
    """A receipt or a refund rehearsed: the movement :func:`post_receipt` or
    :func:`post_refund` would write, what the deposit holds before and after it, and, for a
    receipt out of a payment, that payment (``holds``: before). ``movement_id`` once
    written."""

    contract_id: uuid.UUID
    code: str
    kind: str  # received | refunded
    amount: Decimal
    on: date
    agreed: Decimal
    holds: Decimal
    holds_after: Decimal
    payment: PaymentHolding | None = None
    movement_id: uuid.UUID | None = None

    @property
    def payment_after(self) -> Decimal | None:
        """What the payment holds for the queue once the deposit has taken its part."""
        return None if self.payment is None else self.payment.holds - self.amount


def payments_holding(session: Session, contract_id: uuid.UUID) -> list[PaymentHolding]:
    """The payments of the contract's tenant that still hold money, oldest first: entered
    for the tenant, or ones the matching rules take for the tenant's (its name, short name
    or an alias as payer, a reference naming its contract: the queue's candidates)."""
    from services.payments import payment_queue

    contract = _contract(session, contract_id)
    entered = set(session.scalars(select(Payment.id).where(
        Payment.park_id == contract.park_id, Payment.tenant_id == contract.tenant_id)))
    return [PaymentHolding(item.payment.id, item.payment.received_on, item.payment.amount,
                           item.payment.payer, item.unallocated, item.payment.reference,
                           item.payment.remarks)
            for item in payment_queue(session, contract.park_id)
            if item.payment.id in entered
            or any(c.tenant_id == contract.tenant_id for c in item.match.candidates)]


def rehearse_receipt(session: Session, contract_id: uuid.UUID, amount: Decimal, on: date,
                     payment_id: uuid.UUID | None = None) -> MovementPlan:
    """What receiving ``amount`` of the deposit on ``on`` (out of the payment, if one is
    named) would write; writes nothing. Refused, in words, for an amount not above 0.00 in
    cents, or beyond what the payment holds."""
    if amount <= 0 or money(amount) != amount:
        raise DepositRefused(f"a deposit is an amount above 0.00 in cents, not {amount:,}",
                             "deposit-amount", amount=str(amount))
    amount = money(amount)  # 25080 as 25080.00
    contract = _contract(session, contract_id)
    holding = None
    if payment_id is not None:
        from services.receivables import unallocated_by_payment

        payment = session.get(Payment, payment_id)
        holds = ZERO
        if payment is not None and payment.park_id == contract.park_id:
            holds = unallocated_by_payment(read_ledger(session, contract.park_id)).get(
                payment_id, ZERO)
        if payment is None or holds < amount:
            raise DepositRefused(f"the payment holds {holds:,}, not {amount:,}",
                                 "deposit-beyond-payment", holds=str(holds),
                                 amount=str(amount))
        holding = PaymentHolding(payment.id, payment.received_on, payment.amount,
                                 payment.payer, holds, payment.reference, payment.remarks)
    held_now = deposit_held(session, contract.id)
    return MovementPlan(contract.id, contract.code, RECEIVED, amount, on, contract.deposit,
                        held_now, held_now + amount, holding)


def post_receipt(workspace: Workspace, contract_id: uuid.UUID, amount: Decimal, on: date,
                 payment_id: uuid.UUID | None = None) -> MovementPlan:
    """:func:`receive_deposit`, returning what was written as its rehearsal says it."""
    with workspace.transaction() as session:
        plan = rehearse_receipt(session, contract_id, amount, on, payment_id)
        contract = _contract(session, contract_id)
        move = _write_move(session, contract, RECEIVED, plan.amount, on,
                           payment_id=payment_id)
        if payment_id is not None:
            insert_allocations(session, [{
                "id": uuid7(), "park_id": contract.park_id, "source_kind": "payment",
                "source_id": payment_id, "bill_id": None, "kind": HELD_FROM_PAYMENT,
                "reverses_id": None, "amount": plan.amount, "on": on, "by": "person",
                "reasons": [{"code": "deposit", "params": {"contract": contract.code}}]}])
        return dataclasses.replace(plan, movement_id=move)


def receive_deposit(workspace: Workspace, contract_id: uuid.UUID, amount: Decimal, on: date,
                    payment_id: uuid.UUID | None = None) -> uuid.UUID:
    """The deposit (or part of it) received; from a payment, that much of the payment is
    the deposit's and no longer waits to be allocated."""
    move = post_receipt(workspace, contract_id, amount, on, payment_id).movement_id
    assert move is not None
    return move


def rehearse_refund(session: Session, contract_id: uuid.UUID, amount: Decimal, on: date
                    ) -> MovementPlan:
    """What refunding ``amount`` of the deposit on ``on`` would write; writes nothing.
    Refused, in words, for an amount not above 0.00 in cents, or beyond what is held."""
    if amount <= 0 or money(amount) != amount:
        raise DepositRefused(f"a deposit is an amount above 0.00 in cents, not {amount:,}",
                             "deposit-amount", amount=str(amount))
    amount = money(amount)
    contract = _contract(session, contract_id)
    holds = deposit_held(session, contract.id)
    if amount > holds:
        raise DepositRefused(f"the deposit holds {holds:,}, not {amount:,}",
                             "deposit-beyond", holds=str(holds), amount=str(amount))
    return MovementPlan(contract.id, contract.code, REFUNDED, amount, on, contract.deposit,
                        holds, holds - amount)


def post_refund(workspace: Workspace, contract_id: uuid.UUID, amount: Decimal, on: date
                ) -> MovementPlan:
    """:func:`refund_deposit`, returning what was written as its rehearsal says it."""
    with workspace.transaction() as session:
        plan = rehearse_refund(session, contract_id, amount, on)
        move = _write_move(session, _contract(session, contract_id), REFUNDED, plan.amount,
                           on)
        return dataclasses.replace(plan, movement_id=move)


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
    # the note names the other contract too: what a replica still on 0010 pairs them by
    rows = [_row(old, out.kind, out.amount, out.on, note=out.counterpart,
                 counterpart_id=new.id),
            _row(new, into.kind, into.amount, into.on, note=into.counterpart,
                 counterpart_id=old.id)]
    write_moves(session, rows)
    return CarryPlan(old.id, old.code, new.code, carry, new.id, (rows[0]["id"], rows[1]["id"]))


# -- reversals -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReversalSide:
    """One contract's side of a reversal: the movement undone (what is left of it) and what
    the contract's deposit holds before and after."""

    contract_id: uuid.UUID
    code: str
    movement_id: uuid.UUID
    kind: str
    amount: Decimal
    on: date  # the movement's day
    holds: Decimal
    holds_after: Decimal


@dataclass(frozen=True)
class ReversalPlan:
    """A reversal rehearsed: what :func:`reverse_movement` would write, and why, as reasons
    with their figures (``views.deposit_text.reversal_lines`` words them): each side undone
    (a carry's two together), the payment given its money back, the bill opened again."""

    movement_id: uuid.UUID
    on: date
    sides: tuple[ReversalSide, ...]
    reasons: tuple[Reason, ...]
    payment_id: uuid.UUID | None = None  # the payment whose money the deposit gives back
    bill_id: uuid.UUID | None = None  # the bill a deposit applied leaves open again
    rows: tuple[dict[str, Any], ...] = field(default=(), repr=False, compare=False)
    allocations: tuple[dict[str, Any], ...] = field(default=(), repr=False, compare=False)


def rehearse_reversal(session: Session, movement_id: uuid.UUID, on: date, note: str = ""
                      ) -> ReversalPlan:
    """What reversing the movement on ``on`` would write (see :func:`reverse_movement`);
    writes nothing. Raises :class:`DepositRefused`, in words, when it would be refused."""
    row = session.get(DepositMovement, movement_id)
    if row is None:
        raise DepositRefused(f"no deposit movement {movement_id} to reverse",
                             "no-deposit-movement", movement=str(movement_id))
    if row.kind == REVERSED:
        raise DepositRefused("a reversal is not reversed: enter the movement again",
                             "deposit-reversal-not-reversed", amount=str(row.amount),
                             on=row.on.isoformat())
    contract = _contract(session, row.contract_id)
    if on < row.on and row.kind not in CARRY_KINDS:
        raise DepositRefused(f"the movement is dated {row.on}: its reversal cannot be "
                             f"dated {on}", "deposit-reverse-before", on=on.isoformat(),
                             movement_on=row.on.isoformat())
    sides = [(contract, row)]
    if row.kind in CARRY_KINDS:
        sides.append(_other_side(session, row))
        if row.kind == CARRIED_IN:
            sides.reverse()  # the contract renewed first, as the carry reads: from, to
    writes = []
    for side_contract, side in sides:
        undone = _undone(session, side.id)
        try:
            undo = reversal(DepositMove(side.kind, side.amount, side.on,
                                        counterpart=_counterpart(side)), on, undone)
        except ValueError:
            raise DepositRefused(
                f"the movement of {side.amount:,} on {side.on} is reversed already",
                "deposit-already-reversed", amount=str(side.amount),
                on=side.on.isoformat()) from None
        moves = _moves(session, side_contract.id)
        problem = reversal_problem(moves, [undo])
        if problem is not None:
            code, params = problem
            raise DepositRefused(
                f"{side_contract.code}'s deposit holds {Decimal(params['holds']):,}: reversing "
                f"{Decimal(params['amount']):,} would leave less than nothing", code,
                contract=side_contract.code, **params)
        holds = held(moves)
        writes.append((side_contract, side, undo, ReversalSide(
            side_contract.id, side_contract.code, side.id, side.kind, undo.amount, side.on,
            holds, holds + signed_amount(undo))))
    allocations = [a for _c, side, undo, _s in writes
                   for a in _reversed_allocations(session, side, undo.amount, on)]
    rows = [_row(c, REVERSED, undo.amount, on, payment_id=side.payment_id,
                 bill_id=side.bill_id, reverses_id=side.id, note=note)
            for c, side, undo, _s in writes]
    said = tuple(s for *_rest, s in writes)
    payment = row.payment_id if row.kind == RECEIVED and allocations else None
    bill = row.bill_id if row.kind == APPLIED and allocations else None
    return ReversalPlan(row.id, on, said, tuple(_reversal_reasons(session, said, payment,
                                                                  bill)),
                        payment, bill, tuple(rows), tuple(allocations))


def _reversal_reasons(session: Session, sides: Sequence[ReversalSide],
                      payment_id: uuid.UUID | None, bill_id: uuid.UUID | None
                      ) -> list[Reason]:
    first = sides[0]
    figures = {"amount": str(first.amount), "on": first.on.isoformat()}
    if len(sides) == 2:  # a carry: from the contract renewed to its renewal
        old, new = sides
        reasons = [Reason("undo-carry", {
            **figures, "old": old.code, "new": new.code, "old_holds": str(old.holds),
            "old_after": str(old.holds_after), "new_holds": str(new.holds),
            "new_after": str(new.holds_after)})]
    else:
        reasons = [Reason(f"undo-{first.kind}", {
            **figures, "contract": first.code, "holds": str(first.holds),
            "after": str(first.holds_after)})]
    payment = session.get(Payment, payment_id) if payment_id is not None else None
    if payment is not None:
        reasons.append(Reason("payment-back", {
            "amount": str(first.amount), "payer": payment.payer,
            "paid": str(payment.amount), "paid_on": payment.received_on.isoformat()}))
    bill = session.get(Bill, bill_id) if bill_id is not None else None
    if bill is not None:
        reasons.append(Reason("bill-reopens", {"amount": str(first.amount),
                                               "bill": bill.number}))
    return reasons


def reverse_movement(workspace: Workspace, movement_id: uuid.UUID, on: date,
                     note: str = "") -> tuple[uuid.UUID, ...]:
    """Undo a movement entered wrong, in one transaction: a reversing movement naming it
    (for a carry, one on each side), and what it did to the payments and bills reversed
    with it: money received out of a payment is the payment's to allocate again, a
    deposit applied leaves the bill open again. Refused, with nothing written, for a
    reversal, a movement reversed already, a day before the movement's (but a carry,
    arranged when the renewal was signed, may be undone before its first day), or a
    reversal that would leave the deposit holding less than nothing (applied, refunded or
    carried on since: reverse those first). Returns the reversing movements' ids (for a
    carry, the contract renewed's first)."""
    return tuple(r["id"] for r in post_reversal(workspace, movement_id, on, note).rows)


def post_reversal(workspace: Workspace, movement_id: uuid.UUID, on: date, note: str = ""
                  ) -> ReversalPlan:
    """:func:`reverse_movement`, returning what was written as its rehearsal says it."""
    with reversed_once(workspace, movement_id), workspace.transaction() as session:
        plan = rehearse_reversal(session, movement_id, on, note)
        write_moves(session, plan.rows)
        insert_allocations(session, list(plan.allocations))
        return plan


@contextmanager
def reversed_once(workspace: Workspace, movement_id: uuid.UUID) -> Iterator[None]:
    """A second reversal of a movement, written by a transaction that read it unreversed
    before the first committed (two clerks on the server), is refused by the database
    (``store.schema.ONE_REVERSAL``): said as reversed already, nothing of it written."""
    try:
        yield
    except IntegrityError as exc:
        if ONE_REVERSAL not in str(exc.orig) and "deposit_movements.reverses_id" not in str(
                exc.orig):
            raise
        with workspace.reading() as session:
            row = session.get(DepositMovement, movement_id)
        raise DepositRefused(
            "the movement is reversed already", "deposit-already-reversed",
            amount=str(row.amount) if row else "", on=row.on.isoformat() if row else ""
        ) from None


def _undone(session: Session, movement_id: uuid.UUID) -> Decimal:
    return sum(session.scalars(select(DepositMovement.amount).where(
        DepositMovement.reverses_id == movement_id)), ZERO)


def _other_side(session: Session, row: DepositMovement
                ) -> tuple[Contract, DepositMovement]:
    """A carry's movement on the other contract: the opposite kind, the same day and
    amount, naming this one's contract (the first still standing, if a carry between the
    two was made, reversed and made again)."""
    other_id = row.counterpart_id
    other = session.get(Contract, other_id) if other_id is not None else None
    if other is None:  # no contract of ours: said as its note named it (0011 found none)
        named = str(other_id) if other_id is not None else row.note.strip()
        raise DepositRefused(f"the carry's other side is not there (contract {named})",
                             "deposit-carry-unpaired", note=named)
    wanted = CARRIED_IN if row.kind == CARRIED_OUT else CARRIED_OUT
    candidates = list(session.scalars(select(DepositMovement).where(
        DepositMovement.contract_id == other.id, DepositMovement.kind == wanted,
        DepositMovement.on == row.on, DepositMovement.amount == row.amount,
        DepositMovement.counterpart_id == row.contract_id).order_by(DepositMovement.id)))
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
    raise DepositRefused(f"the allocation the movement of {row.amount:,} on {row.on} made is "
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
    """Part or all of what the deposit holds paid back (outside a settlement)."""
    move = post_refund(workspace, contract_id, amount, on).movement_id
    assert move is not None
    return move


# -- writing ---------------------------------------------------------------------------------


def _row(contract: Contract, kind: str, amount: Decimal, on: date, *,
         payment_id: uuid.UUID | None = None, bill_id: uuid.UUID | None = None,
         reverses_id: uuid.UUID | None = None, note: str = "",
         counterpart_id: uuid.UUID | None = None) -> dict[str, Any]:
    return {"id": uuid7(), "park_id": contract.park_id, "contract_id": contract.id,
            "kind": kind, "amount": amount, "on": on, "payment_id": payment_id,
            "bill_id": bill_id, "reverses_id": reverses_id, "note": note,
            "counterpart_id": counterpart_id}


def move_payload(row: Mapping[str, Any]) -> dict[str, Any]:
    """A movement's ``post_deposit`` command: the whole row (SYNC.md), ids as text."""
    counterpart = row.get("counterpart_id")
    return {"movement": str(row["id"]), "contract": str(row["contract_id"]),
            "kind": row["kind"], "amount": str(row["amount"]), "on": row["on"].isoformat(),
            "payment": str(row["payment_id"]) if row["payment_id"] else None,
            "bill": str(row["bill_id"]) if row["bill_id"] else None,
            "reverses": str(row["reverses_id"]) if row["reverses_id"] else None,
            "note": row["note"], "counterpart": str(counterpart) if counterpart else None}


def move_fields(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A ``post_deposit`` command's movement as its row's fields (without ``park_id``, the
    contract's): the other side of :func:`move_payload`, as a replica applies it. A
    command written before 0011 has no ``counterpart``: a carry's note named the other
    contract then, and names it here."""
    kind = str(payload["kind"])
    counterpart = parse_id(payload.get("counterpart"))
    if "counterpart" not in payload and kind in CARRY_KINDS:
        counterpart = parse_id(str(payload.get("note") or "").strip())
    return {"id": uuid.UUID(payload["movement"]), "contract_id": uuid.UUID(payload["contract"]),
            "kind": kind, "amount": Decimal(payload["amount"]),
            "on": date.fromisoformat(payload["on"]), "payment_id": parse_id(payload.get("payment")),
            "bill_id": parse_id(payload.get("bill")),
            "reverses_id": parse_id(payload.get("reverses")),
            "note": str(payload.get("note") or ""), "counterpart_id": counterpart}


def replay_moves(session: Session, payloads: Iterable[Mapping[str, Any]]) -> list[uuid.UUID]:
    """Within the caller's transaction: the movements of ``post_deposit`` commands another
    device wrote, as this replica applies them: each row made from its command
    (:func:`move_fields`; the park is its contract's), no command queued again (it came
    from one), and a movement already here not written twice (its id is its idempotency
    key, SYNC.md). Returns the ids written."""
    rows = []
    seen: set[uuid.UUID] = set()
    for payload in payloads:
        fields = move_fields(payload)
        if fields["id"] in seen or session.get(DepositMovement, fields["id"]) is not None:
            continue
        contract = session.get(Contract, fields["contract_id"])
        if contract is None:
            raise DepositRefused(f"no contract {fields['contract_id']}", "no-contract",
                                 contract=str(fields["contract_id"]))
        seen.add(fields["id"])
        rows.append({**fields, "park_id": contract.park_id})
    with under_command(session):
        insert_rows(session, DepositMovement, rows)
    return [r["id"] for r in rows]


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


