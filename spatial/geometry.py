"""Polygons in and out of storage, and their areas in m².

Geometry is stored as WKB in metres. Conversions live here so no other
module touches shapely's I/O.

Examples
--------
>>> from shapely.geometry import box
>>> polygon_from_wkb(polygon_to_wkb(box(0, 0, 10, 5))).area
50.0
>>> area_m2(box(0, 0, 10, 5.005))
Decimal('50.05')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import shapely
from shapely.geometry.base import BaseGeometry

AREA_QUANTUM = Decimal("0.01")


def polygon_to_wkb(geometry: BaseGeometry) -> bytes:
    """WKB of a valid, non-empty polygonal geometry."""
    if geometry.is_empty:
        raise ValueError("an empty geometry cannot be stored as a unit or floor")
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"expected a polygon, got {geometry.geom_type}")
    return shapely.to_wkb(geometry, output_dimension=2)


def lines_to_wkb(geometry: BaseGeometry) -> bytes:
    """WKB of background linework (any geometry, flattened to 2D)."""
    return shapely.to_wkb(geometry, output_dimension=2)


def polygon_from_wkb(data: bytes) -> BaseGeometry:
    return shapely.from_wkb(data)


def area_m2(geometry: BaseGeometry) -> Decimal:
    """Area in m², as an exact decimal to the square centimetre's hundredth."""
    return round_area(geometry.area)


def round_area(m2: float) -> Decimal:
    """An area shapely measured (a float, m²) as the register keeps areas: to 0.01, half up."""
    return Decimal(repr(m2)).quantize(AREA_QUANTUM, rounding=ROUND_HALF_UP)
