"""How well a vacant unit, or a set of neighbouring vacant units, suits a lead (SPEC §4).

A score out of 100 made of points a person can check: every point comes
with a reason code and its figures, which the views translate ("inside
300–500 m²", "8 % over budget"). The parts and their weights:

============  ======  ===========================================================
part          points  how they are earned
============  ======  ===========================================================
area          40      all inside [min, max]; outside, less by the distance to the
                      nearer bound, none at ``AREA_SPAN`` (50 %) off it
budget        20      all when the asking rent per m² is within the budget (or no
                      budget is given); over it, less by how much, none at
                      ``BUDGET_SPAN`` (25 %) over; half when the asking rent is not known
type          15      the share of the area that is the type wanted (all when any)
tags          15      the share of the wanted tags the units have (all when none)
availability  10      all when free by the move-in date (or ``on`` without one);
                      less by the days late, none at ``LATE_DAYS`` (90)
extra units   −3 each every unit beyond the first: more leases to join, walls to open
============  ======  ===========================================================

Each part's points are whole numbers, rounded half up, so the reasons add
up to the score exactly (the score is held to 0–100). A part that falls
short (outside the range, over budget, late, a type or tag missing) never
earns all its points, however slightly it misses: 1 % too small is not a
fit. Candidates rank by score, then by how close their area is to the range
(then to its middle), then by their unit codes: the order is total, so a
list never shuffles.

>>> from decimal import Decimal as D
>>> from domain.leasing.pipeline import LeadNeeds
>>> needs = LeadNeeds(D(300), D(500), budget=D(90), move_in_on=date(2027, 3, 1))
>>> unit = Candidate(("ZD-A-0301",), (D(320),), D(320), D(95), date(2027, 1, 1))
>>> found = score(needs, unit, date(2026, 12, 1))
>>> found.score
96
>>> [(r.code, r.points) for r in found.reasons]  # 95 is 5.6 % over 90: 16 of 20
[('area-fit', 40), ('budget-over', 16), ('type-any', 15), ('tags-any', 15), ('available', 10)]
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain.assets import UnitType
from domain.leasing.pipeline import LeadNeeds
from domain.money import rate, round_to

AREA_POINTS = 40
BUDGET_POINTS = 20
TYPE_POINTS = 15
TAG_POINTS = 15
AVAILABILITY_POINTS = 10
EXTRA_UNIT_PENALTY = 3
AREA_SPAN = Decimal("0.5")  # no area points 50 % below the least or above the most
BUDGET_SPAN = Decimal("0.25")  # no budget points 25 % over budget
LATE_DAYS = 90  # no availability points 90 days after the move-in date


@dataclass(frozen=True)
class Candidate:
    """One unit, or neighbouring units on one floor, offered together.

    ``unit_codes``, ``unit_areas`` and (when given) ``unit_ids`` and ``unit_types`` are
    aligned, one entry per unit; ``area`` their total in m²; ``asking_rent`` per m² per
    month over the whole area (None when a unit has none: :func:`set_asking_rent`);
    ``tags`` what any of the units has; ``available_from`` the first day all are free.
    """

    unit_codes: tuple[str, ...]
    unit_areas: tuple[Decimal, ...]
    area: Decimal
    asking_rent: Decimal | None
    available_from: date
    unit_types: tuple[UnitType, ...] = ()
    tags: frozenset[str] = field(default_factory=frozenset)
    unit_ids: tuple[uuid.UUID, ...] = ()
    floor_id: uuid.UUID | None = None
    building_code: str = ""
    level: int = 0
    floor_name: str = ""

    def __post_init__(self) -> None:
        count = len(self.unit_codes)
        if not count:
            raise ValueError("a candidate has at least one unit")
        if len(self.unit_areas) != count or any(
                len(seq) not in (0, count) for seq in (self.unit_types, self.unit_ids)):
            raise ValueError("a candidate's per-unit fields must be as long as its codes")


@dataclass(frozen=True)
class MatchReason:
    """One part of a score: its code, its figures (as text, for the views) and its points."""

    code: str
    params: dict[str, str]
    points: int


@dataclass(frozen=True)
class Match:
    score: int  # 0–100
    reasons: tuple[MatchReason, ...]


def score(needs: LeadNeeds, candidate: Candidate, on: date) -> Match:
    """How well ``candidate`` suits ``needs`` on ``on``, part by part (the table above)."""
    return _explain(_parts(needs, candidate, on))


def rank(needs: LeadNeeds, candidates: Iterable[Candidate], on: date,
         limit: int | None = None) -> list[tuple[Candidate, Match]]:
    """The candidates scored and ranked best first (score, area closeness, codes).

    Every candidate's points are counted; only the ``limit`` kept are worded (their
    reasons' figures as text), so ranking a park's thousands of vacant units stays quick.
    """
    scored = [(c, _parts(needs, c, on)) for c in candidates]
    totals = [_total(parts) for _c, parts in scored]
    if limit is not None and len(scored) > limit:
        # only those scoring at least the limit-th best can be kept: order just them
        least = heapq.nlargest(limit, totals)[-1]
        scored = [item for item, total in zip(scored, totals, strict=True) if total >= least]
    scored.sort(key=lambda item: _order(needs, item[0], _total(item[1])))
    kept = scored if limit is None else scored[:limit]
    return [(c, _explain(parts)) for c, parts in kept]


def rank_key(needs: LeadNeeds, candidate: Candidate,
             match: Match) -> tuple[int, Decimal, Decimal, tuple[str, ...]]:
    """The order of the list: a higher score first, then the area nearer the range, then
    nearer its middle, then the unit codes (total: two candidates never tie)."""
    return _order(needs, candidate, match.score)


def _order(needs: LeadNeeds, candidate: Candidate,
           points: int) -> tuple[int, Decimal, Decimal, tuple[str, ...]]:
    middle = (needs.area_min + needs.area_max) / 2
    return (-points, area_gap(needs, candidate.area), abs(candidate.area - middle),
            candidate.unit_codes)


def area_gap(needs: LeadNeeds, area: Decimal) -> Decimal:
    """How far ``area`` lies outside the range asked, in m² (0 inside)."""
    if area < needs.area_min:
        return needs.area_min - area
    return max(Decimal(0), area - needs.area_max)


def area_window(needs: LeadNeeds) -> tuple[Decimal, Decimal]:
    """The areas that earn any area points: what a search need not look beyond."""
    return needs.area_min * (1 - AREA_SPAN), needs.area_max * (1 + AREA_SPAN)


def fits(needs: LeadNeeds, area: Decimal, unit_type: UnitType | None) -> bool:
    """Whether a space of ``area`` and ``unit_type`` is what the lead asks for (area in range,
    the type wanted if any): a unit's demand, as renewal advice counts it."""
    if needs.unit_type is not None and unit_type is not needs.unit_type:
        return False
    return needs.area_min <= area <= needs.area_max


def set_asking_rent(units: Sequence[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """The asking rent per m² per month of units let together: their monthly asking rents
    over their area (to four places); None when one has no asking rent."""
    area = sum((a for a, _r in units), Decimal(0))
    if not units or not area or any(r is None for _a, r in units):
        return None
    return rate(sum((a * r for a, r in units), Decimal(0)) / area)  # type: ignore[operator]


# -- the parts -------------------------------------------------------------------------
# Each part gives its code, its points and how to word its figures; the wording is only
# done for what is shown (``_explain``).

Params = Callable[[], dict[str, str]]
_NONE = Decimal(0)
_Part = tuple[str, int, Params]


def _no_params() -> dict[str, str]:
    return {}


def _parts(needs: LeadNeeds, candidate: Candidate, on: date) -> list[_Part]:
    parts = [
        _area(needs, candidate.area),
        _budget(needs, candidate.asking_rent),
        _type(needs, candidate),
        _tags(needs, candidate.tags),
        _availability(needs, candidate.available_from, on),
    ]
    extra = len(candidate.unit_codes) - 1
    if extra:
        parts.append(("extra-units", -EXTRA_UNIT_PENALTY * extra,
                      lambda: {"count": str(extra)}))
    return parts


def _total(parts: Sequence[_Part]) -> int:
    return max(0, min(100, sum(points for _code, points, _params in parts)))


def _explain(parts: Sequence[_Part]) -> Match:
    return Match(_total(parts), tuple(MatchReason(code, params(), points)
                                      for code, points, params in parts))


def _points(most: int, share: Decimal) -> int:
    """``most`` × ``share`` (held to 0–1), a whole number, half up; below ``most`` whenever
    ``share`` is (a miss never rounds up to a full mark)."""
    if share <= 0:
        return 0
    if share >= 1:
        return most
    return min(int((most * share).to_integral_value(rounding=ROUND_HALF_UP)), most - 1)


def _percent(value: Decimal) -> str:
    return str(round_to(value * 100, 1))


def _area(needs: LeadNeeds, area: Decimal) -> _Part:
    low, high = needs.area_min, needs.area_max
    if area < low:
        short = (low - area) / low
        return ("area-small", _points(AREA_POINTS, 1 - short / AREA_SPAN),
                lambda: {"area": str(area), "min": str(low), "short": _percent(short)})
    if area > high:
        over = (area - high) / high
        return ("area-large", _points(AREA_POINTS, 1 - over / AREA_SPAN),
                lambda: {"area": str(area), "max": str(high), "over": _percent(over)})
    return ("area-fit", AREA_POINTS,
            lambda: {"area": str(area), "min": str(low), "max": str(high)})


def _budget(needs: LeadNeeds, asking: Decimal | None) -> _Part:
    budget = needs.budget
    if budget is None:
        return ("budget-open", BUDGET_POINTS, _no_params)
    if asking is None:
        return ("budget-unknown", _points(BUDGET_POINTS, Decimal("0.5")),
                lambda: {"budget": str(budget)})
    if asking <= budget:
        return ("budget-within", BUDGET_POINTS,
                lambda: {"asking": str(asking), "budget": str(budget)})
    over = (asking - budget) / budget
    return ("budget-over", _points(BUDGET_POINTS, 1 - over / BUDGET_SPAN),
            lambda: {"asking": str(asking), "budget": str(budget), "over": _percent(over)})


def _type(needs: LeadNeeds, candidate: Candidate) -> _Part:
    wanted = needs.unit_type
    if wanted is None:
        return ("type-any", TYPE_POINTS, _no_params)
    types = candidate.unit_types
    if types and all(t is wanted for t in types):
        return ("type-match", TYPE_POINTS, lambda: {"type": wanted.value})
    share = _NONE
    if len(types) > 1 and candidate.area:
        share = sum((a for a, t in zip(candidate.unit_areas, types, strict=False)
                     if t is wanted), Decimal(0)) / candidate.area
    return ("type-other", _points(TYPE_POINTS, share),
            lambda: {"wanted": wanted.value, "found": ",".join(sorted({t.value for t in types})),
                     "share": _percent(share)})


def _tags(needs: LeadNeeds, tags: frozenset[str]) -> _Part:
    wanted = needs.tags
    if not wanted:
        return ("tags-any", TAG_POINTS, _no_params)
    present = wanted & tags
    return ("tags", _points(TAG_POINTS, Decimal(len(present)) / len(wanted)),
            lambda: {"wanted": ",".join(sorted(wanted)), "present": ",".join(sorted(present)),
                     "missing": ",".join(sorted(wanted - tags))})


def _availability(needs: LeadNeeds, available_from: date, on: date) -> _Part:
    by = needs.move_in_on or on
    late = (available_from - by).days
    if late <= 0:
        return ("available", AVAILABILITY_POINTS,
                lambda: {"from": available_from.isoformat(), "by": by.isoformat()})
    # most × (1 − late ÷ LATE_DAYS), half up, in whole numbers (no Decimal needed)
    points = 0 if late >= LATE_DAYS else min(
        (2 * AVAILABILITY_POINTS * (LATE_DAYS - late) + LATE_DAYS) // (2 * LATE_DAYS),
        AVAILABILITY_POINTS - 1)
    return ("available-late", points,
            lambda: {"from": available_from.isoformat(), "by": by.isoformat(),
                     "days": str(late)})
