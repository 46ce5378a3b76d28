"""A contract's life on a viewed date: its derived state, its checkpoints, its termination.

Only draft, signed and terminated (with its date) are stored
(:class:`domain.contracts.ContractStatus`); everything else is derived from
the dates on the date being viewed, so time travel and the maps see every
contract as it was. When a contract lets go of its units is
:func:`domain.contracts.last_day`'s rule, the same one the maps use: the end
date, or the termination date when that is earlier.

States on a day ``on``
----------------------
==========  ==================================================================
DRAFT       stored as a draft, whatever the dates
SIGNED      signed, the term not started (or a cancellation not yet in force)
ACTIVE      the term has started and the last day is not past
EXPIRING    active, and the last day is at most ``expiring_days`` (90) away
RENEWED     signed, ended or expiring, and a follow-on contract for the same
            tenant starts the day after the end (a later start is a new lease,
            and the units stood empty in between: ended)
ENDED       signed, the end date past, no follow-on
TERMINATED  terminated, and its last day past (the termination date; without
            one, the end); before it the dates decide (signed, active,
            expiring): notice was given
==========  ==================================================================

Expiring counts to the last day the units are held, so an announced early
termination shows as expiring before it takes effect; renewal is judged for
signed contracts only (a terminated one is not renewed, it is replaced).

Termination (:func:`termination_problems`, :func:`termination_kind`): a
termination date before the term's start is a cancellation, allowed only
while the term has not started on the day it is recorded; a date after the
end is refused (the contract ends by itself then); a date on the end is a
termination at the end. The units are vacant from the day after the
termination date: :func:`domain.contracts.holding_on` no longer finds the
contract on that day.

>>> from datetime import date
>>> contract_state(ContractStatus.SIGNED, date(2026, 3, 1), date(2029, 2, 28), None,
...                date(2028, 12, 15))
<ContractState.EXPIRING: 'expiring'>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from domain.contracts import ContractStatus, ContractTerm, last_day
from domain.leasing.schedule import ScheduleLine, add_months
from domain.leasing.validation import FieldProblem

ONE_DAY = timedelta(days=1)
EXPIRING_DAYS = 90
END_COUNTDOWN = (90, 60, 30, 7)  # days before the end a checkpoint falls due
REVIEW_MONTHS = 3


class ContractState(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    ACTIVE = "active"
    EXPIRING = "expiring"
    ENDED = "ended"
    RENEWED = "renewed"
    TERMINATED = "terminated"


def contract_state(status: ContractStatus, starts_on: date, ends_on: date,
                   terminated_on: date | None, on: date, *,
                   renewed_by_start: date | None = None,
                   expiring_days: int = EXPIRING_DAYS,
                   signed_on: date | None = None) -> ContractState:
    """The state on ``on`` (table in the module docstring).

    With ``signed_on``, a day before the signing sees the contract as the draft it
    then was, as the maps see no hold on it (``Occupancy.NONE``).

    ``renewed_by_start`` is the start of the same tenant's follow-on contract, if
    any; only one starting the day after ``ends_on`` renews. Raises
    :class:`domain.contracts.ContractDateError` for an end before the start, which
    validation refuses before a contract is stored.
    """
    if status is ContractStatus.DRAFT or (signed_on is not None and on < signed_on):
        return ContractState.DRAFT
    # Signing is not a state input here; the term's start stands in for it.
    term = ContractTerm(starts_on, starts_on, ends_on, status, terminated_on)
    last = last_day(term)
    terminated = status is ContractStatus.TERMINATED
    if terminated and on > last:  # without a date, a termination takes effect at the end
        return ContractState.TERMINATED
    if on < starts_on:
        return ContractState.SIGNED
    renewed = not terminated and renewed_by_start == ends_on + ONE_DAY
    if on > last:
        return ContractState.RENEWED if renewed else ContractState.ENDED
    if (last - on).days <= expiring_days:
        return ContractState.RENEWED if renewed else ContractState.EXPIRING
    return ContractState.ACTIVE


# -- checkpoints -----------------------------------------------------------------------


class OwnerRole(StrEnum):
    """Who answers for a checkpoint; the roles of SPEC's users (leasing, finance, the
    manager) and the site's operations team who hand units over and take them back."""

    LEASING = "leasing"
    FINANCE = "finance"
    OPERATIONS = "operations"
    MANAGER = "manager"


class CheckpointKind(StrEnum):
    SIGNED = "signed"
    DELIVERED = "delivered"
    RENT_START = "rent-start"
    FIRST_PAYMENT = "first-payment"
    REVIEW = "review"
    END = "end"


REPEATING = frozenset({CheckpointKind.REVIEW, CheckpointKind.END})  # a later one replaces
ONBOARDING = frozenset({CheckpointKind.DELIVERED, CheckpointKind.RENT_START,
                        CheckpointKind.FIRST_PAYMENT})
ONBOARDING_REVIEWS = 2  # reviews due before onboarding checkpoints are owed no more


@dataclass(frozen=True)
class Checkpoint:
    """A step of a contract's life, due on a day, someone's to do.

    ``code`` is the key a "done" mark is stored under and the view's translation
    key: the kind, and for the repeating ones a number: ``review-3`` (the third
    quarterly review), ``end-90`` (90 days before the end).
    """

    code: str
    due_on: date
    owner_role: OwnerRole
    done_on: date | None = None

    @property
    def kind(self) -> CheckpointKind:
        return CheckpointKind(self.code.rsplit("-", 1)[0] if self.code[-1].isdigit()
                              else self.code)


@dataclass(frozen=True)
class Alert:
    """A checkpoint not done by its due date (plus grace) on the viewed day."""

    code: str
    due_on: date
    days_late: int
    owner_role: OwnerRole


def checkpoints(signed_on: date, delivered_on: date | None, rent_starts_on: date | None,
                first_payment_due: date | None, starts_on: date, ends_on: date,
                terminated_on: date | None = None, *,
                done: Mapping[str, date] | None = None) -> list[Checkpoint]:
    """A signed contract's checkpoints in order, each with its owner.

    ============== ======================================= ==========  ==================
    code           due on                                  owner       why this owner
    ============== ======================================= ==========  ==================
    signed         the signing day (done by being signed)  leasing     the leasing team
                                                                       negotiates and signs
    delivered      delivery, else the term's start         operations  site staff hand over
                                                                       keys, meters, fit-out
                                                                       permits
    rent-start     rent start, else the term's start       finance     billing begins: the
                                                                       tenant's account opens
    first-payment  the first line with an amount           finance     finance records and
                   (:func:`first_payment_due`)                         chases receipts
    review-n       every 3 months from rent start while    leasing     the leasing team keeps
                   the contract holds its units                        the account: needs,
                                                                       expansion, complaints
    end-90         90 days before the end                  leasing     renewal advice is due;
                                                                       talks open
    end-60         60 days before the end                  leasing     terms offered, or notice
    end-30         30 days before the end                  manager     renew or let go is the
                                                                       manager's decision; the
                                                                       unit goes on the market
    end-7          7 days before the end                   operations  move-out inspection,
                                                                       meter readings, keys
    ============== ======================================= ==========  ==================

    A terminated contract has nothing due after its termination date (no reviews,
    no countdown: settlement is billing's); countdown checkpoints that would fall
    before the term starts (a term shorter than 90 days) are left out. ``done``
    maps codes to the day they were done (``signed`` is done on signing).
    """
    rent_start = rent_starts_on or starts_on
    last = min(ends_on, terminated_on) if terminated_on is not None else ends_on
    found = [
        Checkpoint(CheckpointKind.SIGNED.value, signed_on, OwnerRole.LEASING, signed_on),
        Checkpoint(CheckpointKind.DELIVERED.value, delivered_on or starts_on,
                   OwnerRole.OPERATIONS),
        Checkpoint(CheckpointKind.RENT_START.value, rent_start, OwnerRole.FINANCE),
    ]
    if first_payment_due is not None:
        found.append(Checkpoint(CheckpointKind.FIRST_PAYMENT.value, first_payment_due,
                                OwnerRole.FINANCE))
    n = 1
    while (review := add_months(rent_start, REVIEW_MONTHS * n, rent_start.day)) <= last:
        found.append(Checkpoint(f"{CheckpointKind.REVIEW.value}-{n}", review, OwnerRole.LEASING))
        n += 1
    owners = {90: OwnerRole.LEASING, 60: OwnerRole.LEASING, 30: OwnerRole.MANAGER,
              7: OwnerRole.OPERATIONS}
    for days in END_COUNTDOWN:
        due = ends_on - timedelta(days=days)
        if due >= starts_on:
            found.append(Checkpoint(f"{CheckpointKind.END.value}-{days}", due,
                                    owners.get(days, OwnerRole.LEASING)))
    if terminated_on is not None:
        found = [c for c in found if c.due_on <= terminated_on]
    marks = done or {}
    found = [replace(c, done_on=marks.get(c.code, c.done_on)) for c in found]
    # By date; on the same day in the order of life (signed before delivered …).
    return [c for _i, c in sorted(enumerate(found), key=lambda ic: (ic[1].due_on, ic[0]))]


def first_payment_due(lines: Sequence[ScheduleLine]) -> date | None:
    """When the first amount is due: rent-free periods bill nothing and are not a payment."""
    due = [line.due_on for line in lines if line.amount > 0]
    return min(due) if due else None


def superseded(found: Sequence[Checkpoint], on: date) -> set[str]:
    """The checkpoints a later one has replaced by ``on``: owed no more, shown no more.

    - A quarterly review missed is not owed once the next review is due (the account is
      reviewed then), and the 90-day notice is moot once the 60-day one is due: the due
      list shows the latest of each family, not a backlog of stale ones.
    - Hand-over, rent start and first payment are replaced once the second review is
      due: six months into a running tenancy a missing record of them is a gap in the
      register for the review to fill, no longer a task to chase.
    """
    latest: dict[CheckpointKind, Checkpoint] = {}
    reviews = 0
    for checkpoint in found:
        if checkpoint.kind in REPEATING and checkpoint.due_on <= on:
            kept = latest.get(checkpoint.kind)
            if kept is None or checkpoint.due_on >= kept.due_on:
                latest[checkpoint.kind] = checkpoint
            reviews += checkpoint.kind is CheckpointKind.REVIEW
    replaced = {c.code for c in found if c.kind in REPEATING and c.due_on <= on
                and c is not latest[c.kind]}
    if reviews >= ONBOARDING_REVIEWS:
        replaced |= {c.code for c in found if c.kind in ONBOARDING}
    return replaced


def late_checkpoints(found: Sequence[Checkpoint], done: Mapping[str, date], on: date,
                     grace_days: int = 0) -> list[Alert]:
    """The checkpoints late on ``on``: due before it (after the grace days), not done and
    not superseded (:func:`superseded`).

    A checkpoint done after ``on`` was not done yet then, so a past day shows the
    alerts it had. ``days_late`` counts from the due date: grace only delays the alert.
    """
    alerts = []
    replaced = superseded(found, on)
    for checkpoint in found:
        done_on = done.get(checkpoint.code, checkpoint.done_on)
        if (done_on is not None and done_on <= on) or checkpoint.code in replaced:
            continue
        if checkpoint.due_on + timedelta(days=grace_days) < on:
            alerts.append(Alert(checkpoint.code, checkpoint.due_on,
                                (on - checkpoint.due_on).days, checkpoint.owner_role))
    return alerts


# -- termination -----------------------------------------------------------------------


class TerminationKind(StrEnum):
    CANCELLATION = "cancellation"  # before the term started: the units were never held
    EARLY = "early"
    AT_END = "at_end"


def termination_kind(starts_on: date, ends_on: date, terminated_on: date
                     ) -> TerminationKind | None:
    """What a termination on ``terminated_on`` is; None after the end (refused)."""
    if terminated_on > ends_on:
        return None
    if terminated_on < starts_on:
        return TerminationKind.CANCELLATION
    return TerminationKind.AT_END if terminated_on == ends_on else TerminationKind.EARLY


def termination_problems(starts_on: date, ends_on: date, terminated_on: date, on: date
                         ) -> list[FieldProblem]:
    """Why a termination recorded on ``on`` for ``terminated_on`` is refused; empty if not.

    After the end: refused, the contract ends by itself. Before the term's start:
    only as a cancellation recorded before the term began; once the term has
    started, the tenant has held the units and the contract is terminated early
    (on or after the start) instead.
    """
    params = {"terminated_on": terminated_on.isoformat(), "starts_on": starts_on.isoformat(),
              "ends_on": ends_on.isoformat()}
    if terminated_on > ends_on:
        return [FieldProblem("terminated_on", "termination-after-end", params)]
    if terminated_on < starts_on and on >= starts_on:
        return [FieldProblem("terminated_on", "cancellation-after-start",
                             {**params, "on": on.isoformat()})]
    return []
