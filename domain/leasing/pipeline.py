"""The leasing pipeline (SPEC §4): a lead's stages, their odds, and what a lead needs.

A lead moves lead → in contact → negotiating → quoted → signed, or drops out
as lost at any point. Each stage carries a probability of closing (the park
may change the defaults), so the pipeline's worth is the sum of each lead's
value × its stage's probability: what the board's header shows.

Moves a person may make on the board:

==============  ===========================================  ===========================
from            to                                           why
==============  ===========================================  ===========================
an open stage   any other open stage, signed or lost         leads skip and step back
signed          nothing                                      a contract exists: final
lost            lead ("reopen")                              a lost lead may come back
==============  ===========================================  ===========================

>>> from decimal import Decimal as D
>>> weighted_pipeline([(Stage.QUOTED, D(100_000)), (Stage.LEAD, D(50_000))])
Decimal('85000.00')
>>> may_move(Stage.SIGNED, Stage.LOST), may_move(Stage.LOST, Stage.LEAD)
(False, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.assets import UnitType
from domain.leasing.validation import FieldProblem
from domain.money import money


class Stage(StrEnum):
    LEAD = "lead"
    IN_CONTACT = "in_contact"
    NEGOTIATING = "negotiating"
    QUOTED = "quoted"
    SIGNED = "signed"
    LOST = "lost"

    @property
    def is_open(self) -> bool:
        """Still in play: neither signed nor lost."""
        return self not in FINAL_STAGES


FINAL_STAGES = frozenset({Stage.SIGNED, Stage.LOST})
OPEN_STAGES = tuple(s for s in Stage if s not in FINAL_STAGES)  # the board's order

# Probability of closing per stage, 0–1 (10/30/60/80/100/0 %); a park may override any.
DEFAULT_PROBABILITIES: Mapping[Stage, Decimal] = {
    Stage.LEAD: Decimal("0.10"),
    Stage.IN_CONTACT: Decimal("0.30"),
    Stage.NEGOTIATING: Decimal("0.60"),
    Stage.QUOTED: Decimal("0.80"),
    Stage.SIGNED: Decimal("1.00"),
    Stage.LOST: Decimal("0.00"),
}


def probability(stage: Stage, overrides: Mapping[str, Decimal] | None = None) -> Decimal:
    """The stage's probability of closing: the park's own (keyed by the stage's value, as
    the park's settings store it) or the default. Raises ``ValueError`` for a park figure
    outside 0–1, so a mistyped 60 (for 60 %) cannot make the pipeline sixty times bigger."""
    if overrides and stage.value in overrides:
        value = overrides[stage.value]
        if not Decimal(0) <= value <= Decimal(1):
            raise ValueError(f"the probability of {stage.value} must lie in 0–1, not {value}")
        return value
    return DEFAULT_PROBABILITIES[stage]


def may_move(from_stage: Stage, to_stage: Stage) -> bool:
    """Whether the board lets a lead move between the two stages (the table above)."""
    if from_stage is to_stage:
        return False
    if from_stage.is_open:
        return True
    return from_stage is Stage.LOST and to_stage is Stage.LEAD


def weighted_pipeline(leads: Iterable[tuple[Stage, Decimal]],
                      overrides: Mapping[str, Decimal] | None = None) -> Decimal:
    """Σ each lead's value × its stage's probability, to the cent (rounded once, at the sum)."""
    return money(sum((value * probability(stage, overrides) for stage, value in leads),
                     Decimal(0)))


def lead_field_problems(company: str, area_min: Decimal, area_max: Decimal,
                        budget: Decimal | None = None) -> list[FieldProblem]:
    """Why a lead's own fields cannot be saved, field by field: a company named, the least
    area above zero and not above the most, a budget (when given) above zero. The form
    checks them as they are typed and the service again before writing.

    >>> [p.code for p in lead_field_problems(" ", Decimal(300), Decimal(200))]
    ['lead-company-missing', 'lead-area-range']
    """
    problems: list[FieldProblem] = []
    if not company.strip():
        problems.append(FieldProblem("company", "lead-company-missing"))
    if area_min <= 0:
        problems.append(FieldProblem("area_min", "lead-area-not-positive",
                                     {"area": str(area_min)}))
    if area_max < area_min:
        problems.append(FieldProblem("area_max", "lead-area-range",
                                     {"min": str(area_min), "max": str(area_max)}))
    if budget is not None and budget <= 0:
        problems.append(FieldProblem("budget", "lead-budget-not-positive",
                                     {"budget": str(budget)}))
    return problems


@dataclass(frozen=True)
class LeadNeeds:
    """What a lead asks for: what matching scores units against, and renewal counts as demand.

    ``area_min``–``area_max`` in m² (both included); ``budget`` the most it pays per m² per
    month (None: not said); ``building_codes`` limits where to look (empty: anywhere).
    """

    area_min: Decimal
    area_max: Decimal
    budget: Decimal | None = None
    move_in_on: date | None = None
    unit_type: UnitType | None = None
    tags: frozenset[str] = field(default_factory=frozenset)
    building_codes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.area_min <= 0:
            raise ValueError(f"the least area must be above zero, not {self.area_min}")
        if self.area_max < self.area_min:
            raise ValueError(f"the area range {self.area_min}–{self.area_max} is upside down")
        if self.budget is not None and self.budget <= 0:
            raise ValueError(f"a budget must be above zero, not {self.budget}")
