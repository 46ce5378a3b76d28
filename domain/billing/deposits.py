"""A contract's deposit as its own ledger, a renewal's carry, and a termination's settlement.

The deposit is money held, not income: received, applied to arrears,
refunded, or carried to the contract that renews this one (押金转入续租合同);
a mistake is corrected by a reversing movement, never an edit. What is held
is received + carried in − applied − refunded − carried out (a reversal
counts against the kind it reverses).

A renewal carries the deposit instead of refunding it on the old contract
and receiving it again on the new one: no money moves at the bank, so the
ledger moves none either. A carry is a pair of movements of one amount on
one day (the new contract's first): ``carried_out`` on the old contract and
``carried_in`` on the new, each naming the other contract; reversing a carry
reverses both. It carries min(what the old holds, what the new asks): the
new contract's deposit beyond it is a top-up still due; what the old holds
beyond it stays there, applied to its arrears and refunded at its
settlement. A deposit is its tenant's money: a renewal signed by another
tenant carries nothing (that is a refund to one and a receipt from the
other).

A termination's settlement (issue 12), rehearsed before it is posted:
the contract's open bills, the late fees accrued on them to the day (the
final bill), the deposit applied to all of that oldest first, and what is
left of the deposit refunded — or, when the deposit does not cover it, what
the tenant still owes. What a renewal carried away is no longer held, so a
settlement never refunds it.

>>> from decimal import Decimal as D
>>> held([DepositMove("received", D("30000.00"), date(2026, 3, 1)),
...       DepositMove("applied", D("12540.00"), date(2027, 1, 5))])
Decimal('17460.00')
>>> carry = plan_carry(D("30000.00"), D("36000.00"), date(2027, 3, 1))
>>> carry.carried, carry.top_up, carry.stays
(Decimal('30000.00'), Decimal('6000.00'), Decimal('0.00'))
>>> out, into = carry_moves(carry, "old-id", "new-id")
>>> held([DepositMove("received", D("30000.00"), date(2026, 3, 1)), out]), held([into])
(Decimal('0.00'), Decimal('30000.00'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.billing.allocation import Part, allocate
from domain.billing.balances import OpenItem
from domain.leasing.schedule import Reason
from domain.money import ZERO

RECEIVED, APPLIED, REFUNDED, REVERSED = "received", "applied", "refunded", "reversed"
CARRIED_OUT, CARRIED_IN = "carried_out", "carried_in"
CARRY_KINDS = (CARRIED_OUT, CARRIED_IN)
KINDS = (RECEIVED, APPLIED, REFUNDED, CARRIED_OUT, CARRIED_IN, REVERSED)
_SIGN = {RECEIVED: 1, CARRIED_IN: 1, APPLIED: -1, REFUNDED: -1, CARRIED_OUT: -1}


@dataclass(frozen=True)
class DepositMove:
    kind: str  # received | applied | refunded | carried_out | carried_in | reversed
    amount: Decimal  # > 0; a reversal's amount undoes that much of ``reverses_kind``
    on: date
    reverses_kind: str = ""
    counterpart: str = ""  # a carry's other contract (its id as text); "" otherwise


def signed_amount(move: DepositMove) -> Decimal:
    """What ``move`` does to the deposit held: + in, − out, 0 for a kind not known."""
    if move.kind == REVERSED:
        return -_SIGN.get(move.reverses_kind, 0) * move.amount
    return _SIGN.get(move.kind, 0) * move.amount


def held(moves: Iterable[DepositMove]) -> Decimal:
    """The deposit still held."""
    return sum((signed_amount(m) for m in moves), ZERO)


def moved(moves: Iterable[DepositMove]) -> dict[tuple[str, str], Decimal]:
    """What each kind of movement moved, net of its reversals, by counterpart (a carry's
    other contract; "" for the other kinds), kinds in :data:`KINDS` order; what moved
    nothing in the end is left out. What is held is what came in less what went out.

    >>> from decimal import Decimal as D
    >>> day = date(2026, 3, 1)
    >>> moved([DepositMove(RECEIVED, D("30000.00"), day),
    ...        DepositMove(CARRIED_OUT, D("25080.00"), day, counterpart="new"),
    ...        DepositMove(APPLIED, D("100.00"), day),
    ...        DepositMove(REVERSED, D("100.00"), day, APPLIED)])
    {('received', ''): Decimal('30000.00'), ('carried_out', 'new'): Decimal('25080.00')}
    """
    net: dict[tuple[str, str], Decimal] = {}
    for m in moves:
        kind = m.reverses_kind if m.kind == REVERSED else m.kind
        if kind not in _SIGN:
            continue
        key = (kind, m.counterpart if kind in CARRY_KINDS else "")
        net[key] = net.get(key, ZERO) + (-m.amount if m.kind == REVERSED else m.amount)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return {k: v for k, v in sorted(net.items(), key=lambda kv: order[kv[0][0]]) if v}


def carried_out(moves: Iterable[DepositMove]) -> Decimal:
    """What the contract carried to its renewals, net of reversed carries."""
    return -sum((signed_amount(m) for m in moves
                 if CARRIED_OUT in (m.kind, m.reverses_kind)), ZERO)


# -- a renewal's carry -----------------------------------------------------------------------


@dataclass(frozen=True)
class Carry:
    """A renewal's deposit, rehearsed: what the old contract holds, what the new one asks,
    what is carried, the top-up still due on the new one and what stays on the old one."""

    on: date  # the new contract's first day: the carry's date
    held: Decimal
    asked: Decimal
    carried: Decimal
    top_up: Decimal
    stays: Decimal
    reasons: tuple[Reason, ...]


def plan_carry(held_on_old: Decimal, asked: Decimal, on: date, *,
               same_tenant: bool = True) -> Carry:
    """What a renewal starting on ``on`` carries of the ``held_on_old`` deposit to a
    contract asking ``asked``: the smaller of the two, and nothing to another tenant.

    >>> from decimal import Decimal as D
    >>> c = plan_carry(D("40000.00"), D("36000.00"), date(2027, 3, 1))
    >>> c.carried, c.top_up, c.stays, [r.code for r in c.reasons]
    (Decimal('36000.00'), Decimal('0.00'), Decimal('4000.00'), ['carried', 'stays'])
    >>> [r.code for r in plan_carry(D("40000.00"), D("36000.00"), date(2027, 3, 1),
    ...                             same_tenant=False).reasons]
    ['other-tenant', 'deposit-due', 'stays']
    """
    have = max(held_on_old, ZERO)
    want = max(asked, ZERO)
    carried = min(have, want) if same_tenant else ZERO
    top_up, stays = want - carried, have - carried
    reasons: list[Reason] = []
    if carried > 0:
        reasons.append(Reason("carried", {"amount": str(carried), "held": str(have),
                                          "asked": str(want)}))
        if top_up > 0:
            reasons.append(Reason("top-up-due", {"amount": str(top_up)}))
    elif have == 0:
        if want > 0:
            reasons.append(Reason("nothing-held", {"asked": str(want)}))
    elif want == 0:
        reasons.append(Reason("nothing-asked", {"held": str(have)}))
    else:
        reasons += [Reason("other-tenant", {"held": str(have)}),
                    Reason("deposit-due", {"amount": str(want)})]
    if stays > 0:
        reasons.append(Reason("stays", {"amount": str(stays)}))
    return Carry(on, have, want, carried, top_up, stays, tuple(reasons))


def carry_moves(carry: Carry, old: str, new: str) -> tuple[DepositMove, DepositMove]:
    """The pair a carry writes: out of ``old``'s deposit, into ``new``'s, each naming the
    other contract. Raises ``ValueError`` when the carry carries nothing."""
    if carry.carried <= 0:
        raise ValueError("the carry carries nothing: no movement to write")
    return (DepositMove(CARRIED_OUT, carry.carried, carry.on, counterpart=new),
            DepositMove(CARRIED_IN, carry.carried, carry.on, counterpart=old))


# -- reversals -------------------------------------------------------------------------------


def reversible(kind: str, amount: Decimal, undone: Decimal) -> bool:
    """Whether something of a movement is left to reverse: a reversal never is (enter the
    movement again instead), and a movement reversed in full is done."""
    return kind != REVERSED and undone < amount


def reversal(move: DepositMove, on: date, undone: Decimal = ZERO) -> DepositMove:
    """The movement undoing what is left of ``move`` (``undone``: what reversals undid
    already). Raises ``ValueError`` for a reversal, or a movement undone in full.

    >>> from decimal import Decimal as D
    >>> typo = DepositMove(RECEIVED, D("3000.00"), date(2026, 3, 1))
    >>> undo = reversal(typo, date(2026, 3, 4))
    >>> undo.kind, undo.amount, undo.reverses_kind, held([typo, undo])
    ('reversed', Decimal('3000.00'), 'received', Decimal('0.00'))
    """
    if move.kind == REVERSED:
        raise ValueError("a reversal is not reversed: enter the movement again")
    if not reversible(move.kind, move.amount, undone):
        raise ValueError(f"the {move.kind} movement of {move.amount} is reversed already")
    left = move.amount - undone
    return DepositMove(REVERSED, left, on, move.kind, move.counterpart)


def reverse_carry(out: DepositMove, into: DepositMove, on: date, undone: Decimal = ZERO
                  ) -> tuple[DepositMove, DepositMove]:
    """Both sides of a carry undone together (one side alone would make or lose money
    that never moved). ``undone``: what earlier reversals undid of the pair. Raises
    ``ValueError`` when ``out`` and ``into`` are not one carry's two sides."""
    if ((out.kind, into.kind) != (CARRIED_OUT, CARRIED_IN) or out.amount != into.amount
            or out.on != into.on):
        raise ValueError("not the two sides of one carry")
    return reversal(out, on, undone), reversal(into, on, undone)


def reversal_problem(moves: Sequence[DepositMove], undo: Sequence[DepositMove]
                     ) -> tuple[str, dict[str, str]] | None:
    """Why reversing would be wrong: the deposit would hold less than nothing (what the
    movement brought in was applied, refunded or carried on since). None when it is fine.
    ``moves``: one contract's movements; ``undo``: the reversals on that contract."""
    before = held(moves)
    after = before + sum((signed_amount(m) for m in undo), ZERO)
    if after < 0:
        return "deposit-reverse-beyond-held", {"holds": str(before),
                                               "amount": str(before - after)}
    return None


# -- a termination's settlement ---------------------------------------------------------------


@dataclass(frozen=True)
class Settlement:
    """A termination settled on ``on``: the debts, the deposit applied to them, the rest."""

    on: date
    open_items: tuple[OpenItem, ...]  # the contract's open bills, oldest first
    late_fees: Decimal  # accrued to ``on`` and not yet posted: the final bill
    deposit: Decimal  # held before settling (what a renewal carried is not)
    applied: tuple[Part, ...]  # the deposit to bills (the final bill's id included)
    refund: Decimal  # what is paid back
    still_owed: Decimal  # what the deposit does not cover

    @property
    def debts(self) -> Decimal:
        return sum((i.amount for i in self.open_items), ZERO) + self.late_fees


def settle(open_items: Sequence[OpenItem], late_fees: Decimal, deposit: Decimal,
           final_bill: OpenItem | None, on: date) -> Settlement:
    """Apply ``deposit`` to the open bills and the final bill (``final_bill``: the late
    fees' own open item, when there are any), oldest first; refund the rest."""
    items = [*open_items, *([final_bill] if final_bill is not None else [])]
    debts = sum((i.amount for i in items), ZERO)
    use = min(deposit, debts) if deposit > 0 else ZERO
    applied = tuple(allocate(use, items).parts) if use > 0 else ()
    used = sum((p.amount for p in applied), ZERO)
    return Settlement(on, tuple(open_items), late_fees, deposit, applied, deposit - used,
                      debts - used)
