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

from importers.internal import Damaged

Entity = ifcopenshell.entity_instance

PATH_PROFILE = "extrusion profile"
PATH_FOOTPRINT = "2D footprint"
PATH_KERNEL = "geometry kernel"

_VERTICAL_TOLERANCE = 1e-6
_MIN_TRIANGLE_AREA = 1e-10
_CURVE_REPRESENTATION_TYPES = ("Curve2D", "GeometricCurveSet", "GeometricSet", "Curve")
# What building a footprint raises on a damaged model: a value of the wrong type
# (Damaged, from the checks below), ifcopenshell's RuntimeError on a reference to
# an instance it could not parse, shapely's on degenerate rings. Never the types
# in importers.internal.PROGRAMMING_ERRORS: those are our bugs.
DAMAGE: tuple[type[Exception], ...] = (
    Damaged, RuntimeError, ValueError, shapely.errors.GEOSException)

# Where the hot path reads an attribute by position: ``entity[i]`` goes straight to the
# value, ``entity.Name`` first looks the name up (a few µs a read, 2,000 rooms read
# 80,000). Read so only from an instance whose type is checked (``ref``, ``is_a``) or
# certain (``by_type``, an inverse); each index holds for the type and all its subtypes
# in IFC2X3, IFC4 and IFC4X3 (tests/importers/test_ifc_attribute_index.py checks it).
ATTRIBUTE_INDEX: dict[tuple[str, str], int] = {
    ("IfcRoot", "GlobalId"): 0,
    ("IfcRoot", "Name"): 2,
    ("IfcProduct", "ObjectPlacement"): 5,
    ("IfcProduct", "Representation"): 6,
    ("IfcSpace", "LongName"): 7,
    ("IfcRelAggregates", "RelatingObject"): 4,
    ("IfcRelNests", "RelatingObject"): 4,
    ("IfcRelContainedInSpatialStructure", "RelatingStructure"): 5,
    ("IfcRelDefinesByProperties", "RelatingPropertyDefinition"): 5,
    ("IfcElementQuantity", "Quantities"): 5,
    ("IfcPhysicalQuantity", "Name"): 0,
    ("IfcQuantityArea", "Unit"): 2,
    ("IfcQuantityArea", "AreaValue"): 3,
    ("IfcPropertySet", "HasProperties"): 4,
    ("IfcProperty", "Name"): 0,
    ("IfcPropertySingleValue", "NominalValue"): 2,
    ("IfcPropertySingleValue", "Unit"): 3,
    ("IfcComplexProperty", "HasProperties"): 3,
    ("IfcProductRepresentation", "Representations"): 2,
    ("IfcRepresentation", "RepresentationIdentifier"): 1,
    ("IfcRepresentation", "Items"): 3,
    ("IfcLocalPlacement", "PlacementRelTo"): 0,
    ("IfcLocalPlacement", "RelativePlacement"): 1,
    ("IfcPlacement", "Location"): 0,
    ("IfcAxis2Placement2D", "RefDirection"): 1,
    ("IfcAxis2Placement3D", "Axis"): 1,
    ("IfcAxis2Placement3D", "RefDirection"): 2,
    ("IfcCartesianPoint", "Coordinates"): 0,
    ("IfcDirection", "DirectionRatios"): 0,
    ("IfcBooleanClippingResult", "FirstOperand"): 1,
    ("IfcExtrudedAreaSolid", "SweptArea"): 0,
    ("IfcExtrudedAreaSolid", "Position"): 1,
    ("IfcExtrudedAreaSolid", "ExtrudedDirection"): 2,
    ("IfcRectangleProfileDef", "Position"): 2,
    ("IfcRectangleProfileDef", "XDim"): 3,
    ("IfcRectangleProfileDef", "YDim"): 4,
    ("IfcArbitraryClosedProfileDef", "OuterCurve"): 2,
    ("IfcArbitraryProfileDefWithVoids", "InnerCurves"): 3,
    ("IfcPolyline", "Points"): 0,
}
_AT = ATTRIBUTE_INDEX
_PLACEMENT_REL_TO = _AT["IfcLocalPlacement", "PlacementRelTo"]
_RELATIVE_PLACEMENT = _AT["IfcLocalPlacement", "RelativePlacement"]
_LOCATION = _AT["IfcPlacement", "Location"]
_AXIS_3D = _AT["IfcAxis2Placement3D", "Axis"]
_REF_DIRECTION_3D = _AT["IfcAxis2Placement3D", "RefDirection"]
_REF_DIRECTION_2D = _AT["IfcAxis2Placement2D", "RefDirection"]
_COORDINATES = _AT["IfcCartesianPoint", "Coordinates"]
_DIRECTION_RATIOS = _AT["IfcDirection", "DirectionRatios"]
_FIRST_OPERAND = _AT["IfcBooleanClippingResult", "FirstOperand"]
_SWEPT_AREA = _AT["IfcExtrudedAreaSolid", "SweptArea"]
_SOLID_POSITION = _AT["IfcExtrudedAreaSolid", "Position"]
_EXTRUDED_DIRECTION = _AT["IfcExtrudedAreaSolid", "ExtrudedDirection"]
_RECTANGLE_POSITION = _AT["IfcRectangleProfileDef", "Position"]
_X_DIM = _AT["IfcRectangleProfileDef", "XDim"]
_Y_DIM = _AT["IfcRectangleProfileDef", "YDim"]
_OUTER_CURVE = _AT["IfcArbitraryClosedProfileDef", "OuterCurve"]
_INNER_CURVES = _AT["IfcArbitraryProfileDefWithVoids", "InnerCurves"]
_POLYLINE_POINTS = _AT["IfcPolyline", "Points"]
_OBJECT_PLACEMENT = _AT["IfcProduct", "ObjectPlacement"]
_REPRESENTATION = _AT["IfcProduct", "Representation"]
_REPRESENTATIONS = _AT["IfcProductRepresentation", "Representations"]
_REPRESENTATION_IDENTIFIER = _AT["IfcRepresentation", "RepresentationIdentifier"]
_ITEMS = _AT["IfcRepresentation", "Items"]

# entity.is_a(type) costs ifcopenshell a few µs (is_a(True) a fraction of that): its
# answers per schema-qualified class ("IFC4.IfcSpace") and type, which never change.
_IS_A: dict[tuple[str, str], bool] = {}


def is_a(value: Entity, ifc_type: str) -> bool:
    """``value.is_a(ifc_type)`` (subtypes included), memoised per class and schema."""
    key = (value.is_a(True), ifc_type)
    known = _IS_A.get(key)
    if known is None:
        known = _IS_A[key] = bool(value.is_a(ifc_type))
    return known


# ifcopenshell hands back whatever a damaged file holds, a string where a point
# belongs or a direction where a placement does; these checks make that Damaged
# before our code trips over it, so an AttributeError left is a bug of ours.

def ref(value: object, ifc_type: str) -> Entity:
    """``value`` if it is an instance of ``ifc_type``, else Damaged."""
    if isinstance(value, Entity) and is_a(value, ifc_type):
        return value
    raise Damaged(f"expected an {ifc_type}, found {_shown(value)}")


def opt_ref(value: object, ifc_type: str) -> Entity | None:
    """As :func:`ref`, with an unset attribute (None) allowed."""
    return None if value is None else ref(value, ifc_type)


def refs(value: object, ifc_type: str) -> tuple[Entity, ...]:
    """A list of ``ifc_type`` instances (an unset one is empty), else Damaged."""
    if value is None:
        return ()
    if not isinstance(value, (tuple, list)):
        raise Damaged(f"expected a list of {ifc_type}, found {_shown(value)}")
    return tuple(ref(item, ifc_type) for item in value)


def real(value: object) -> float:
    """A number the file states, else Damaged (a bool is no number)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise Damaged(f"expected a number, found {_shown(value)}")


def reals(value: object) -> list[float]:
    """A list of numbers the file states, else Damaged."""
    if not isinstance(value, (tuple, list)):
        raise Damaged(f"expected a list of numbers, found {_shown(value)}")
    return [real(item) for item in value]


def _shown(value: object) -> str:
    if isinstance(value, Entity):
        return f"#{value.id()} {value.is_a()}"
    return f"{type(value).__name__} {str(value)[:40]!r}"


class Placements:
    """World matrices of local placements, memoised per file.

    Spaces of one storey share their parent chain, so caching each
    ``IfcLocalPlacement`` makes placement cost linear in the number of products.
    """

    def __init__(self) -> None:
        self._cache: dict[int, np.ndarray] = {}
        self._axes: dict[int, np.ndarray] = {}
        self._directions: dict[int, np.ndarray] = {}

    def direction(self, direction: Entity) -> np.ndarray:
        """Unit vector of an ``IfcDirection`` (extrusions mostly share one)."""
        key = ref(direction, "IfcDirection").id()
        vector = self._directions.get(key)
        if vector is None:
            vector = self._directions[key] = np.array(
                _unit(direction[_DIRECTION_RATIOS], (0, 0, 1)))
        return vector

    def axis(self, placement: Entity | None) -> np.ndarray:
        """Memoised :func:`axis_placement` (solids often share one position)."""
        if placement is None:
            return np.eye(4)
        key = ref(placement, "IfcPlacement").id()
        matrix = self._axes.get(key)
        if matrix is None:
            matrix = self._axes[key] = axis_placement(placement)
        return matrix

    def world(self, placement: Entity | None) -> np.ndarray:
        """4x4 matrix of an ``IfcObjectPlacement`` in project length units."""
        if placement is None:
            return np.eye(4)
        key = ref(placement, "IfcObjectPlacement").id()
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._cache[key] = np.eye(4)  # a cycle in a broken file ends here
        try:
            if is_a(placement, "IfcLocalPlacement"):
                parent = self.world(placement[_PLACEMENT_REL_TO])
                matrix = parent @ self.axis(placement[_RELATIVE_PLACEMENT])
            else:
                matrix = np.array(ifcopenshell.util.placement.get_local_placement(placement))
        except BaseException:
            del self._cache[key]  # not the cycle stop: others sharing it must fail too
            raise
        self._cache[key] = matrix
        return matrix


def _unit(vector: object, default: Sequence[float]) -> list[float]:
    values = reals(vector)[:3]
    values += [0.0] * (3 - len(values))
    norm = math.sqrt(sum(v * v for v in values))
    if norm == 0.0:
        return [float(v) for v in default]
    return [v / norm for v in values]


def axis_placement(placement: Entity | None) -> np.ndarray:
    """4x4 matrix of an ``IfcAxis2Placement2D/3D`` (identity when absent)."""
    matrix = np.eye(4)
    if placement is None:
        return matrix
    placement = ref(placement, "IfcPlacement")
    point = opt_ref(placement[_LOCATION], "IfcCartesianPoint")
    location = reals(point[_COORDINATES])[:3] if point is not None else []
    location += [0.0] * (3 - len(location))
    z_axis = [0.0, 0.0, 1.0]
    axis = None
    if is_a(placement, "IfcAxis2Placement3D"):
        axis = placement[_AXIS_3D]
        if axis is not None:
            z_axis = _unit(ref(axis, "IfcDirection")[_DIRECTION_RATIOS], (0.0, 0.0, 1.0))
        x_ref = opt_ref(placement[_REF_DIRECTION_3D], "IfcDirection")
    elif is_a(placement, "IfcAxis2Placement2D"):
        x_ref = opt_ref(placement[_REF_DIRECTION_2D], "IfcDirection")
    else:
        x_ref = opt_ref(getattr(placement, "RefDirection", None), "IfcDirection")
    if axis is None and x_ref is None:
        # Exactly what the general case below makes of the default axes: no rotation.
        matrix[:3, 3] = location[:3]
        return matrix
    x_axis = _unit(x_ref[_DIRECTION_RATIOS], (1.0, 0.0, 0.0)) if x_ref is not None else None
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


def _xy(value: object) -> tuple[float, float]:
    """A point's plan coordinates: at least two numbers, else Damaged."""
    numbers = reals(value)
    if len(numbers) < 2:
        raise Damaged(f"a point with {len(numbers)} coordinates")
    return numbers[0], numbers[1]


def curve_points(
    curve: Entity, seen: frozenset[int] = frozenset()
) -> list[tuple[float, float]] | None:
    """2D vertices of a straight-segment curve, or None when it has arcs.

    ``seen`` are the composite curves being read: a damaged file can make one its own part.
    """
    curve = ref(curve, "IfcCurve")
    if curve.id() in seen:
        raise Damaged(f"#{curve.id()} is part of itself")
    if is_a(curve, "IfcPolyline"):
        return [_xy(p[_COORDINATES]) for p in refs(curve[_POLYLINE_POINTS], "IfcCartesianPoint")]
    if is_a(curve, "IfcIndexedPolyCurve"):
        listed = ref(curve.Points, "IfcCartesianPointList").CoordList
        if not isinstance(listed, (tuple, list)):
            raise Damaged(f"expected a list of points, found {_shown(listed)}")
        coords = [_xy(c) for c in listed]
        if not curve.Segments:
            return coords
        points: list[tuple[float, float]] = []
        for segment in _segments(curve.Segments):
            if segment.is_a() != "IfcLineIndex":
                return None
            indices = [int(real(i)) - 1 for i in _values(segment.wrappedValue)]
            if any(not 0 <= i < len(coords) for i in indices):
                raise Damaged(f"a segment indexes past the curve's {len(coords)} points")
            if points and indices and coords[indices[0]] == points[-1]:
                indices = indices[1:]
            points.extend(coords[i] for i in indices)
        return points
    if is_a(curve, "IfcCompositeCurve"):
        points = []
        for segment in refs(curve.Segments, "IfcGeometricRepresentationItem"):
            if not segment.is_a("IfcCompositeCurveSegment"):
                return None  # an IFC4X3 IfcCurveSegment: trimmed, not read here
            part = curve_points(segment.ParentCurve, seen | {curve.id()})
            if part is None:
                return None
            if not segment.SameSense:
                part = part[::-1]
            if points and part and part[0] == points[-1]:
                part = part[1:]
            points.extend(part)
        return points
    return None


def _segments(value: object) -> tuple[Entity, ...]:
    """An IfcIndexedPolyCurve's segments: select values (IfcLineIndex, IfcArcIndex)."""
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, Entity) for v in value):
        raise Damaged(f"expected a list of segments, found {_shown(value)}")
    return tuple(value)


def _values(value: object) -> tuple[object, ...]:
    if not isinstance(value, (tuple, list)):
        raise Damaged(f"expected a list, found {_shown(value)}")
    return tuple(value)


def profile_rings(profile: Entity, placements: Placements) -> list[np.ndarray] | None:
    """Outer ring then holes of a profile, (n, 2) arrays in its own 2D coordinates."""
    profile = ref(profile, "IfcProfileDef")
    if is_a(profile, "IfcRectangleProfileDef"):
        half_x, half_y = real(profile[_X_DIM]) / 2.0, real(profile[_Y_DIM]) / 2.0
        corners = np.array([[-half_x, -half_y], [half_x, -half_y], [half_x, half_y],
                            [-half_x, half_y]])
        return [_apply(placements.axis(profile[_RECTANGLE_POSITION]), corners)]
    if is_a(profile, "IfcArbitraryClosedProfileDef"):
        curves = [profile[_OUTER_CURVE]]
        if is_a(profile, "IfcArbitraryProfileDefWithVoids"):
            curves.extend(refs(profile[_INNER_CURVES], "IfcCurve"))
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
    item = ref(item, "IfcRepresentationItem")
    operands: set[int] = set()
    while is_a(item, "IfcBooleanClippingResult"):
        if item.id() in operands:
            raise Damaged(f"#{item.id()} clips itself")
        operands.add(item.id())
        item = ref(item[_FIRST_OPERAND], "IfcRepresentationItem")
    if not is_a(item, "IfcExtrudedAreaSolid"):
        return None
    matrix = placed @ placements.axis(item[_SOLID_POSITION])
    if not _is_horizontal_plane(matrix):
        return None
    direction = matrix[:3, :3] @ placements.direction(item[_EXTRUDED_DIRECTION])
    if abs(direction[0]) > _VERTICAL_TOLERANCE or abs(direction[1]) > _VERTICAL_TOLERANCE:
        return None
    rings = profile_rings(item[_SWEPT_AREA], placements)
    if rings is None:
        return None
    placed_rings = [_apply(matrix, ring) for ring in rings]
    return Polygon(placed_rings[0], placed_rings[1:])


def _representations(product: Entity) -> Iterable[Entity]:
    shape = opt_ref(product[_REPRESENTATION], "IfcProductRepresentation")
    return refs(shape[_REPRESENTATIONS], "IfcRepresentation") if shape is not None else ()


def profile_footprint(
    product: Entity, world: np.ndarray, placements: Placements, scale: float
) -> BaseGeometry | None:
    """Footprint in metres from the Body's extruded profiles, or None if not that simple."""
    placed = _metres(world, scale)
    for representation in _representations(product):
        if representation[_REPRESENTATION_IDENTIFIER] != "Body":
            continue
        items = representation[_ITEMS]
        if not items:
            continue
        parts = []
        for item in refs(items, "IfcRepresentationItem"):
            part = _extrusion_footprint(item, placed, placements)
            if part is None:
                return None
            parts.append(part)
        return unary_union(parts) if len(parts) > 1 else parts[0]
    return None


def _curves(item: Entity, seen: frozenset[int] = frozenset()) -> Iterable[Entity]:
    if item.id() in seen:
        raise Damaged(f"#{item.id()} is part of itself")
    if item.is_a("IfcGeometricSet"):
        for element in refs(item.Elements, "IfcGeometricRepresentationItem"):
            yield from _curves(element, seen | {item.id()})
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
        for item in refs(representation.Items, "IfcRepresentationItem"):
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
