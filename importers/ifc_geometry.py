"""Plan footprints of IFC products, cheapest way first.

A room's floor polygon is almost always an extruded profile, so reading the
profile and its placements gives the exact outline in microseconds; a 2D
footprint curve is next; only what neither covers goes to the OpenCASCADE
kernel, whose triangles are projected to the plan and merged. All results
are in metres, in the project's world (site/storey plan) coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import ifcopenshell
import ifcopenshell.geom
import ifcopenshell.util.placement
import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

Entity = ifcopenshell.entity_instance

PATH_PROFILE = "extrusion profile"
PATH_FOOTPRINT = "2D footprint"
PATH_KERNEL = "geometry kernel"

_VERTICAL_TOLERANCE = 1e-6
_MIN_TRIANGLE_AREA = 1e-10
_CURVE_REPRESENTATION_TYPES = ("Curve2D", "GeometricCurveSet", "GeometricSet", "Curve")


class Placements:
    """World matrices of local placements, memoised per file.

    Spaces of one storey share their parent chain, so caching each
    ``IfcLocalPlacement`` makes placement cost linear in the number of products.
    """

    def __init__(self) -> None:
        self._cache: dict[int, np.ndarray] = {}
        self._axes: dict[int, np.ndarray] = {}

    def axis(self, placement: Entity | None) -> np.ndarray:
        """Memoised :func:`axis_placement` (solids often share one position)."""
        if placement is None:
            return np.eye(4)
        key = placement.id()
        matrix = self._axes.get(key)
        if matrix is None:
            matrix = self._axes[key] = axis_placement(placement)
        return matrix

    def world(self, placement: Entity | None) -> np.ndarray:
        """4x4 matrix of an ``IfcObjectPlacement`` in project length units."""
        if placement is None:
            return np.eye(4)
        key = placement.id()
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._cache[key] = np.eye(4)  # a cycle in a broken file ends here
        if placement.is_a("IfcLocalPlacement"):
            parent = self.world(placement.PlacementRelTo)
            matrix = parent @ self.axis(placement.RelativePlacement)
        else:
            matrix = np.array(ifcopenshell.util.placement.get_local_placement(placement))
        self._cache[key] = matrix
        return matrix


def _unit(vector: Sequence[float], default: Sequence[float]) -> list[float]:
    values = [float(v) for v in vector] + [0.0] * (3 - len(vector))
    norm = math.sqrt(sum(v * v for v in values))
    if norm == 0.0:
        return [float(v) for v in default]
    return [v / norm for v in values]


def axis_placement(placement: Entity | None) -> np.ndarray:
    """4x4 matrix of an ``IfcAxis2Placement2D/3D`` (identity when absent)."""
    matrix = np.eye(4)
    if placement is None:
        return matrix
    location = [float(c) for c in placement.Location.Coordinates] if placement.Location else []
    location += [0.0] * (3 - len(location))
    z_axis = [0.0, 0.0, 1.0]
    if placement.is_a("IfcAxis2Placement3D") and placement.Axis is not None:
        z_axis = _unit(placement.Axis.DirectionRatios, (0.0, 0.0, 1.0))
    ref = placement.RefDirection
    x_axis = _unit(ref.DirectionRatios, (1.0, 0.0, 0.0)) if ref is not None else None
    if x_axis is None or abs(_dot(x_axis, z_axis)) > 1.0 - 1e-9:
        x_axis = [1.0, 0.0, 0.0] if abs(z_axis[0]) < 0.9 else [0.0, 1.0, 0.0]
    along = _dot(x_axis, z_axis)
    x_axis = _unit([x - along * z for x, z in zip(x_axis, z_axis, strict=True)], (1, 0, 0))
    y_axis = [
        z_axis[1] * x_axis[2] - z_axis[2] * x_axis[1],
        z_axis[2] * x_axis[0] - z_axis[0] * x_axis[2],
        z_axis[0] * x_axis[1] - z_axis[1] * x_axis[0],
    ]
    matrix[:3, 0], matrix[:3, 1], matrix[:3, 2] = x_axis, y_axis, z_axis
    matrix[:3, 3] = location[:3]
    return matrix


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def curve_points(curve: Entity) -> list[tuple[float, float]] | None:
    """2D vertices of a straight-segment curve, or None when it has arcs."""
    if curve.is_a("IfcPolyline"):
        return [(float(p.Coordinates[0]), float(p.Coordinates[1])) for p in curve.Points]
    if curve.is_a("IfcIndexedPolyCurve"):
        coords = [(float(c[0]), float(c[1])) for c in curve.Points.CoordList]
        if not curve.Segments:
            return coords
        points: list[tuple[float, float]] = []
        for segment in curve.Segments:
            if segment.is_a() != "IfcLineIndex":
                return None
            indices = [int(i) - 1 for i in segment.wrappedValue]
            if points and indices and coords[indices[0]] == points[-1]:
                indices = indices[1:]
            points.extend(coords[i] for i in indices)
        return points
    if curve.is_a("IfcCompositeCurve"):
        points = []
        for segment in curve.Segments:
            part = curve_points(segment.ParentCurve)
            if part is None:
                return None
            if not segment.SameSense:
                part = part[::-1]
            if points and part and part[0] == points[-1]:
                part = part[1:]
            points.extend(part)
        return points
    return None


def profile_rings(profile: Entity, placements: Placements) -> list[np.ndarray] | None:
    """Outer ring then holes of a profile, (n, 2) arrays in its own 2D coordinates."""
    if profile.is_a("IfcRectangleProfileDef"):
        half_x, half_y = float(profile.XDim) / 2.0, float(profile.YDim) / 2.0
        corners = np.array([[-half_x, -half_y], [half_x, -half_y], [half_x, half_y],
                            [-half_x, half_y]])
        return [_apply(placements.axis(profile.Position), corners)]
    if profile.is_a("IfcArbitraryClosedProfileDef"):
        curves = [profile.OuterCurve]
        if profile.is_a("IfcArbitraryProfileDefWithVoids"):
            curves.extend(profile.InnerCurves)
        rings = []
        for curve in curves:
            points = curve_points(curve)
            if points is None or len(points) < 3:
                return None
            rings.append(np.array(points, dtype=float))
        return rings
    return None


def _apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Plan (x, y) of 2D points lying in z = 0 of ``matrix``'s frame."""
    return points @ matrix[:2, :2].T + matrix[:2, 3]


def _transform_xy(geometry: BaseGeometry, matrix: np.ndarray) -> BaseGeometry:
    """Apply a 4x4 matrix to a 2D geometry lying in z = 0 and keep x, y."""
    affine = [
        matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1], matrix[0, 3], matrix[1, 3]
    ]
    return shapely.affinity.affine_transform(geometry, affine)


def _metres(world: np.ndarray, scale: float) -> np.ndarray:
    if scale == 1.0:
        return world
    scaled_matrix = world.copy()
    scaled_matrix[:3, :] *= scale
    return scaled_matrix


def _is_horizontal_plane(matrix: np.ndarray) -> bool:
    z_axis = matrix[:3, 2]
    return abs(z_axis[0]) < _VERTICAL_TOLERANCE and abs(z_axis[1]) < _VERTICAL_TOLERANCE


def _extrusion_footprint(
    item: Entity, placed: np.ndarray, placements: Placements
) -> BaseGeometry | None:
    while item.is_a("IfcBooleanClippingResult"):
        item = item.FirstOperand
    if not item.is_a("IfcExtrudedAreaSolid"):
        return None
    matrix = placed @ placements.axis(item.Position)
    if not _is_horizontal_plane(matrix):
        return None
    direction = matrix[:3, :3] @ np.array(_unit(item.ExtrudedDirection.DirectionRatios,
                                                (0, 0, 1)))
    if abs(direction[0]) > _VERTICAL_TOLERANCE or abs(direction[1]) > _VERTICAL_TOLERANCE:
        return None
    rings = profile_rings(item.SweptArea, placements)
    if rings is None:
        return None
    placed_rings = [_apply(matrix, ring) for ring in rings]
    return Polygon(placed_rings[0], placed_rings[1:])


def _representations(product: Entity) -> Iterable[Entity]:
    shape = product.Representation
    return shape.Representations if shape is not None else ()


def profile_footprint(
    product: Entity, world: np.ndarray, placements: Placements, scale: float
) -> BaseGeometry | None:
    """Footprint in metres from the Body's extruded profiles, or None if not that simple."""
    placed = _metres(world, scale)
    for representation in _representations(product):
        if representation.RepresentationIdentifier != "Body" or not representation.Items:
            continue
        parts = []
        for item in representation.Items:
            part = _extrusion_footprint(item, placed, placements)
            if part is None:
                return None
            parts.append(part)
        return unary_union(parts) if len(parts) > 1 else parts[0]
    return None


def _curves(item: Entity) -> Iterable[Entity]:
    if item.is_a("IfcGeometricSet"):
        for element in item.Elements:
            yield from _curves(element)
    elif item.is_a("IfcCurve"):
        yield item


def curve_footprint(
    product: Entity, world: np.ndarray, placements: Placements, scale: float
) -> BaseGeometry | None:
    """Footprint in metres from a 2D plan curve (FootPrint first), closed into polygons."""
    del placements  # same signature as profile_footprint; curves carry no positions
    candidates = [
        r for r in _representations(product)
        if r.RepresentationType in _CURVE_REPRESENTATION_TYPES
    ]
    candidates.sort(key=lambda r: r.RepresentationIdentifier != "FootPrint")
    for representation in candidates:
        lines = []
        for item in representation.Items:
            for curve in _curves(item):
                points = curve_points(curve)
                if points is None or len(points) < 2:
                    continue
                lines.append(LineString(points))
        polygons = list(polygonize(unary_union(lines))) if lines else []
        if not polygons:
            continue
        merged = unary_union(polygons)
        if merged.area > 0:
            return _transform_xy(merged, _metres(world, scale))
    return None


def kernel_settings() -> Any:
    """Settings for triangulated world-coordinate shapes (what the peers use)."""
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", True)
    return settings


def mesh_footprint(verts: Sequence[float], faces: Sequence[int]) -> BaseGeometry | None:
    """Union of the plan projections of a mesh's triangles (metres in, metres out)."""
    if not faces:
        return None
    points = np.asarray(verts, dtype=float).reshape(-1, 3)[:, :2]
    triangles = points[np.asarray(faces, dtype=int).reshape(-1, 3)]
    a, b, c = triangles[:, 0], triangles[:, 1], triangles[:, 2]
    doubled = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1])
    triangles = triangles[np.abs(doubled) > 2 * _MIN_TRIANGLE_AREA]
    if len(triangles) == 0:
        return None
    merged = shapely.union_all(shapely.polygons(triangles)).buffer(0)
    return None if merged.is_empty else merged


def kernel_footprint(product: Entity, settings: Any) -> BaseGeometry | None:
    """Footprint from OpenCASCADE's triangulation, in metres (None if it fails)."""
    try:
        shape = ifcopenshell.geom.create_shape(settings, product)
    except Exception:  # the kernel raises plain RuntimeError on anything it cannot build
        return None
    geometry = shape.geometry
    return mesh_footprint(geometry.verts, geometry.faces)


def polygonal(geometry: BaseGeometry | None) -> BaseGeometry | None:
    """A valid Polygon/MultiPolygon with area, or None."""
    if geometry is None or geometry.is_empty:
        return None
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type == "GeometryCollection":
        parts = [g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geometry = unary_union(parts) if parts else Polygon()
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.area <= 0:
        return None
    if geometry.geom_type == "MultiPolygon" and len(geometry.geoms) == 1:
        geometry = geometry.geoms[0]
    return shapely.force_2d(geometry) if geometry.has_z else geometry


def boundary_lines(polygons: Iterable[BaseGeometry]) -> BaseGeometry | None:
    """Outlines of polygons as one MultiLineString (background linework)."""
    lines = []
    for polygon in polygons:
        parts = polygon.geoms if isinstance(polygon, MultiPolygon) else [polygon]
        for part in parts:
            lines.append(part.exterior)
            lines.extend(part.interiors)
    if not lines:
        return None
    return shapely.multilinestrings([LineString(line.coords) for line in lines])
