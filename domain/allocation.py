"""Common-area allocation (公摊): spread shared area over units.

A floor's (or building's) common area — cores, corridors, lobbies — is
shared in proportion to each unit's internal area (套内面积). The ratio
common / Σ internal is the allocation ratio (公摊系数); the BOMA load factor
(rentable / usable) is 1 + that ratio. Shares are rounded to 0.01 m² with the
largest-remainder method so they add up exactly to the common area.

Examples
--------
>>> from decimal import Decimal as D
>>> allocate_common_area([D("100"), D("50"), D("50")], D("40.01"))
[Decimal('20.01'), Decimal('10.00'), Decimal('10.00')]
>>> allocation_ratio([D("100"), D("100")], D("50"))
Decimal('0.250000')
>>> load_factor([D("100"), D("100")], D("50"))
Decimal('1.250000')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from domain.money import round_to

# The register keeps areas to the hundredth of a m², as spatial.geometry rounds polygons.
AREA_QUANTUM = Decimal("0.01")

RATIO_PLACES = 6
RATIO_QUANTUM = Decimal(1).scaleb(-RATIO_PLACES)


def allocate_common_area(
    internal_areas: Sequence[Decimal],
    common_area: Decimal,
    weights: Sequence[Decimal] | None = None,
) -> list[Decimal]:
    """Each unit's common-area share; the shares sum to ``common_area`` exactly.

    ``weights`` default to the internal areas (the 公摊 rule); pass others to
    allocate by agreed weights.
    """
    weights = list(internal_areas if weights is None else weights)
    if len(weights) != len(internal_areas):
        raise ValueError("one weight per unit is needed")
    if any(w < 0 for w in weights):
        raise ValueError("weights cannot be negative")
    if common_area < 0:
        raise ValueError(f"common area is negative ({common_area} m²): units exceed the floor")
    total = sum(weights, Decimal(0))
    if not weights:
        return []
    if total == 0:
        raise ValueError("cannot allocate over units whose weights are all zero")
    cents = int((common_area / AREA_QUANTUM).to_integral_value(rounding=ROUND_HALF_UP))
    # In integers: weights scaled to whole numbers, so each exact share is a fraction
    # cents·w / Σw whose floor and remainder are exact (and a 2,000-unit floor is fast).
    places = max((-w.as_tuple().exponent for w in weights if w.is_finite()), default=0)
    scale = Decimal(1).scaleb(max(places, 0))  # type: ignore[arg-type]
    whole = [int(w * scale) for w in weights]
    denominator = sum(whole)
    floors = [cents * w // denominator for w in whole]
    remainders = [cents * w % denominator for w in whole]
    left = cents - sum(floors)
    order = sorted(range(len(whole)), key=lambda i: (remainders[i], -i), reverse=True)
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(c) * AREA_QUANTUM for c in floors]


def allocation_ratio(internal_areas: Sequence[Decimal], common_area: Decimal) -> Decimal:
    """公摊系数: common area per m² of internal area."""
    total = sum(internal_areas, Decimal(0))
    if total == 0:
        raise ValueError("no internal area to allocate over")
    return round_to(common_area / total, RATIO_PLACES)


def load_factor(internal_areas: Sequence[Decimal], common_area: Decimal) -> Decimal:
    """BOMA load factor: rentable / usable = 1 + allocation ratio."""
    return Decimal(1) + allocation_ratio(internal_areas, common_area)
