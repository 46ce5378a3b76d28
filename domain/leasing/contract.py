"""A contract as the leasing rules see it: parties, units, dates and rent terms, one version.

The store keeps each version's terms as a document (``domain.leasing.codec``);
validation, the schedule, lifecycle and renewal advice all read this record,
so the GUI, the CLI and a rent-roll import judge a contract alike.

Dates (SPEC §4): signed → delivered (hand-over, fit-out may start) → rent
start → end. The term runs from delivery, or from rent start when there is
no fit-out, to the end: ``terms.starts_on`` and ``terms.ends_on``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.assets import UnitType
from domain.leasing.clauses import RentTerms


@dataclass(frozen=True)
class LetUnit:
    """A unit a contract covers and the billable area it is let at (kept as signed).

    ``held_from`` is the day an amendment added the unit (None: it is held from the
    term's start); a unit an amendment released is no longer in the version's units.
    """

    unit_id: str
    unit_code: str
    billable_area: Decimal
    held_from: date | None = None


@dataclass(frozen=True)
class ContractSpec:
    """One version of a contract: what a person enters in the wizard or a rent roll holds."""

    code: str
    tenant_id: str
    tenant_name: str
    kind: UnitType
    signed_on: date
    units: tuple[LetUnit, ...]
    terms: RentTerms
    delivered_on: date | None = None
    rent_starts_on: date | None = None  # None: the term's start
    deposit: Decimal = Decimal("0.00")
    notes: str = ""

    @property
    def starts_on(self) -> date:
        return self.terms.starts_on

    @property
    def ends_on(self) -> date:
        return self.terms.ends_on

    @property
    def area(self) -> Decimal:
        return sum((u.billable_area for u in self.units), Decimal(0))

    @property
    def first_rent_day(self) -> date:
        return self.rent_starts_on or self.terms.starts_on
