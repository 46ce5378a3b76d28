"""Lease contracts, first model: who holds which units, when, at what rent.

The leasing issue grows this into schedules, clauses and amendments; here is
what maps, tables and the demo need: a contract's state on a given date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum


class ContractStatus(StrEnum):
    """The lifecycle state a person set; dates decide the rest."""

    DRAFT = "draft"
    SIGNED = "signed"
    TERMINATED = "terminated"


class Occupancy(StrEnum):
    """What a contract means for its units on one day."""

    NONE = "none"
    SIGNED_NOT_STARTED = "signed_not_started"
    ACTIVE = "active"
    ENDED = "ended"


class ContractDateError(ValueError):
    """A contract whose dates contradict each other."""


@dataclass(frozen=True)
class ContractTerm:
    signed_on: date
    starts_on: date
    ends_on: date
    status: ContractStatus = ContractStatus.SIGNED
    terminated_on: date | None = None

    def __post_init__(self) -> None:
        problems = check_dates(self.signed_on, self.starts_on, self.ends_on)
        if problems:
            raise ContractDateError("; ".join(problems))

    def occupancy_on(self, day: date) -> Occupancy:
        """The contract's meaning for its units on ``day``.

        A draft occupies nothing; a terminated contract ends on its
        termination date instead of its end date.
        """
        if self.status is ContractStatus.DRAFT:
            return Occupancy.NONE
        if day > last_day(self):
            return Occupancy.ENDED
        if day < self.starts_on:
            return Occupancy.SIGNED_NOT_STARTED if day >= self.signed_on else Occupancy.NONE
        return Occupancy.ACTIVE

    def days_to_end(self, day: date) -> int:
        return (self.ends_on - day).days


def check_dates(signed_on: date, starts_on: date, ends_on: date) -> list[str]:
    """Name every contradiction in a contract's dates (SPEC §4 validation)."""
    problems = []
    if starts_on < signed_on:
        problems.append(f"rent start {starts_on} is before signing {signed_on}")
    if ends_on < starts_on:
        problems.append(f"end {ends_on} is before rent start {starts_on}")
    return problems


@dataclass(frozen=True)
class Holding:
    """A contract's hold on one unit: the term, who, under which code, at what rent."""

    term: ContractTerm
    tenant: str
    contract_code: str
    rent: Decimal


def holding_on(holds: Iterable[Holding], day: date) -> tuple[Occupancy, Holding | None]:
    """Who holds a unit on ``day``: an active contract first, else the next signed one."""
    upcoming: Holding | None = None
    for hold in holds:
        state = hold.term.occupancy_on(day)
        if state is Occupancy.ACTIVE:
            return Occupancy.ACTIVE, hold
        if state is Occupancy.SIGNED_NOT_STARTED and (
            upcoming is None or hold.term.starts_on < upcoming.term.starts_on
        ):
            upcoming = hold
    if upcoming is not None:
        return Occupancy.SIGNED_NOT_STARTED, upcoming
    return Occupancy.NONE, None


def last_day(term: ContractTerm) -> date:
    """The last day a contract holds its units: its end, or its termination if earlier."""
    if term.status is ContractStatus.TERMINATED and term.terminated_on is not None:
        return min(term.ends_on, term.terminated_on)
    return term.ends_on


def unit_term(term: ContractTerm, held_from: date | None, held_to: date | None
              ) -> ContractTerm:
    """The contract's term for one of its units.

    An amendment may add a unit from its date (held and signed from then: before it
    the unit was not the contract's) or release one (its last day is ``held_to``, as
    if the contract had been terminated for that unit alone). The read model's SQL
    (``store.read_sql.HOLD_*``) says the same in its own language.
    """
    if held_from is None and held_to is None:
        return term
    signed_on = held_from if held_from is not None else term.signed_on
    starts_on = held_from if held_from is not None else term.starts_on
    status, terminated_on = term.status, term.terminated_on
    if held_to is not None and term.status is not ContractStatus.DRAFT:
        status = ContractStatus.TERMINATED
        terminated_on = held_to if terminated_on is None else min(held_to, terminated_on)
    return ContractTerm(signed_on, starts_on, term.ends_on, status, terminated_on)


def vacant_since(holds: Iterable[Holding], day: date) -> date | None:
    """The first empty day after the latest lease that ended before ``day``; None if none did."""
    ended = [last_day(h.term) for h in holds
             if h.term.status is not ContractStatus.DRAFT and last_day(h.term) < day
             and last_day(h.term) >= h.term.starts_on]  # ended before it began: never let
    return max(ended) + timedelta(days=1) if ended else None
