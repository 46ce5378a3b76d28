"""Stated areas, units and text of IFC entities.

Stated areas are only a cross-check for the computed ones, but vendors put
them in different places (buildingSMART quantity sets, ArchiCAD property sets
with odd names, Revit's dimensions), each possibly in its own unit; text may
hold raw Shift-JIS or UTF-8 bytes where STEP wants escapes.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

import ifcopenshell
import ifcopenshell.util.unit

from importers.ifc_geometry import ATTRIBUTE_INDEX, is_a, opt_ref, real, ref, refs
from importers.internal import Damaged, LibraryDamage

Entity = ifcopenshell.entity_instance
# ifcopenshell.util.unit on a damaged unit (no Name, an unknown prefix): only around its calls.
_UNIT_DAMAGE = LibraryDamage(AttributeError, TypeError, ValueError, KeyError, IndexError,
                             ZeroDivisionError)

AREA_QUANTUM = Decimal("0.01")
ELEVATION_QUANTUM = Decimal("0.001")

# Quantity names in order of preference: net floor area is what a lease measures.
_QUANTITY_NAMES = ("netfloorarea", "grossfloorarea")
_QUANTITY_SETS = ("qto_spacebasequantities", "basequantities")
# Vendor property sets: ArchiCAD ('Area', 'Net Area', a NULL-named set with
# 'horizontal area'), Revit ('Area' in PSet_Revit_Dimensions or 'Dimensions').
_VENDOR_NAMES = ("net area", "horizontal area", "area")
_VENDOR_SETS = ("pset_revit_dimensions", "dimensions", "", "archicadproperties")

# Attributes stated_area reads by position (see ATTRIBUTE_INDEX), on checked types.
_RELATING_DEFINITION = ATTRIBUTE_INDEX["IfcRelDefinesByProperties", "RelatingPropertyDefinition"]
_SET_NAME = ATTRIBUTE_INDEX["IfcRoot", "Name"]
_QUANTITIES = ATTRIBUTE_INDEX["IfcElementQuantity", "Quantities"]
_QUANTITY_NAME = ATTRIBUTE_INDEX["IfcPhysicalQuantity", "Name"]
_AREA_UNIT = ATTRIBUTE_INDEX["IfcQuantityArea", "Unit"]
_AREA_VALUE = ATTRIBUTE_INDEX["IfcQuantityArea", "AreaValue"]
_SET_PROPERTIES = ATTRIBUTE_INDEX["IfcPropertySet", "HasProperties"]
_PROPERTY_NAME = ATTRIBUTE_INDEX["IfcProperty", "Name"]
_NOMINAL_VALUE = ATTRIBUTE_INDEX["IfcPropertySingleValue", "NominalValue"]
_VALUE_UNIT = ATTRIBUTE_INDEX["IfcPropertySingleValue", "Unit"]
_COMPLEX_PROPERTIES = ATTRIBUTE_INDEX["IfcComplexProperty", "HasProperties"]


def to_decimal(value: float, quantum: Decimal) -> Decimal:
    """A float as an exact decimal rounded half-up to ``quantum``."""
    result = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return abs(result) if result == 0 else result  # no "-0.000" elevations


class Units:
    """The project's length and area scales to metres and m²."""

    def __init__(self, model: ifcopenshell.file) -> None:
        with _UNIT_DAMAGE:
            self.length = float(ifcopenshell.util.unit.calculate_unit_scale(model, "LENGTHUNIT"))
        self.area_declared = False
        self.area = self.length**2
        self.length_name = "m"
        for unit in _assigned_units(model):
            unit_type = getattr(unit, "UnitType", None)
            if unit_type == "AREAUNIT":
                with _UNIT_DAMAGE:
                    self.area = float(ifcopenshell.util.unit.get_unit_scale(unit))
                self.area_declared = True
            elif unit_type == "LENGTHUNIT":
                self.length_name = _unit_name(unit)

    def area_of(self, unit: Entity | None) -> float:
        """Scale to m² for a value carrying ``unit`` (the project's if None)."""
        if unit is None or getattr(unit, "UnitType", None) != "AREAUNIT":
            return self.area
        with _UNIT_DAMAGE:
            return float(ifcopenshell.util.unit.get_unit_scale(unit))


def _assigned_units(model: ifcopenshell.file) -> list[Entity]:
    projects = model.by_type("IfcProject")
    context = opt_ref(projects[0].UnitsInContext, "IfcUnitAssignment") if projects else None
    if context is None:
        return []
    return list(_listed(context.Units))


def _listed(value: object) -> tuple[Entity, ...]:
    """A list attribute of entities or typed values (an unset one is empty), else Damaged."""
    if value is None:
        return ()
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, Entity) for v in value):
        raise Damaged(f"expected a list of entities, found {str(value)[:40]!r}")
    return tuple(value)


def _name(value: object) -> str:
    """A name or label the file states ("" when unset), else Damaged."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Damaged(f"a name that is not text: {str(value)[:40]!r}")
    return value


def _unit_name(unit: Entity) -> str:
    if unit.is_a("IfcSIUnit"):
        prefix = _name(unit.Prefix).lower()
        return {"milli": "mm", "centi": "cm", "deci": "dm", "kilo": "km", "": "m"}.get(
            prefix, f"{prefix}metre"
        )
    return str(getattr(unit, "Name", "") or unit.is_a())


def _definitions(product: Entity) -> Iterator[Entity]:
    for rel in getattr(product, "IsDefinedBy", None) or ():
        if is_a(rel, "IfcRelDefinesByProperties"):
            definition = rel[_RELATING_DEFINITION]
            if isinstance(definition, tuple):  # IFC4X3 allows a set of definitions
                yield from refs(definition, "IfcPropertySetDefinition")
            elif definition is not None:  # a damaged file's unset one defines nothing
                yield ref(definition, "IfcPropertySetDefinition")


def _single_values(properties: object, seen: frozenset[int] = frozenset()) -> Iterator[Entity]:
    """Single-value properties, complex ones opened; ``seen`` stops one that holds itself."""
    for prop in refs(properties, "IfcProperty"):
        if is_a(prop, "IfcPropertySingleValue"):
            yield prop
        elif is_a(prop, "IfcComplexProperty"):
            if prop.id() in seen:
                raise Damaged(f"#{prop.id()} holds itself")
            yield from _single_values(prop[_COMPLEX_PROPERTIES], seen | {prop.id()})


def stated_area(product: Entity, units: Units) -> tuple[Decimal | None, str]:
    """Net (else gross) floor area the file states, in m², and where it was found."""
    quantities: dict[tuple[int, int], tuple[float, str]] = {}
    vendor: dict[tuple[int, int], tuple[float, str]] = {}
    for definition in _definitions(product):
        set_name = _name(definition[_SET_NAME]).strip()
        set_key = set_name.lower()
        if is_a(definition, "IfcElementQuantity"):
            set_rank = _rank(set_key, _QUANTITY_SETS)
            for quantity in refs(definition[_QUANTITIES], "IfcPhysicalQuantity"):
                stated_name = quantity[_QUANTITY_NAME]
                name = _name(stated_name).strip().lower()
                if not is_a(quantity, "IfcQuantityArea"):
                    continue
                if name in _QUANTITY_NAMES:
                    value = real(quantity[_AREA_VALUE]) * units.area_of(quantity[_AREA_UNIT])
                    quantities.setdefault(
                        (_QUANTITY_NAMES.index(name), set_rank),
                        (value, f"{set_name or 'unnamed set'}.{stated_name}"),
                    )
                elif name in _VENDOR_NAMES:
                    value = real(quantity[_AREA_VALUE]) * units.area_of(quantity[_AREA_UNIT])
                    vendor.setdefault(
                        (_VENDOR_NAMES.index(name), _rank(set_key, _VENDOR_SETS)),
                        (value, f"{set_name or 'unnamed set'}.{stated_name}"),
                    )
        elif is_a(definition, "IfcPropertySet"):
            for prop in _single_values(definition[_SET_PROPERTIES]):
                name = _name(prop[_PROPERTY_NAME]).strip().lower()
                value_entity = prop[_NOMINAL_VALUE]
                if name not in _VENDOR_NAMES or value_entity is None:
                    continue
                if not isinstance(value_entity, Entity):
                    raise Damaged(f"a property value that is no IFC value: {value_entity!r:.40}")
                if not isinstance(value_entity.wrappedValue, (int, float)):
                    continue
                value = float(value_entity.wrappedValue) * units.area_of(prop[_VALUE_UNIT])
                vendor.setdefault(
                    (_VENDOR_NAMES.index(name), _rank(set_key, _VENDOR_SETS)),
                    (value, f"{set_name or 'unnamed set'}.{prop[_PROPERTY_NAME]}"),
                )
    for found in (quantities, vendor):
        if found:
            value, where = found[min(found)]
            if value > 0:
                return to_decimal(value, AREA_QUANTUM), where
    return None, ""


def classification_texts(product: Entity) -> tuple[str, ...]:
    """Identifications and names of the classification references a product is associated
    with (``IfcRelAssociatesClassification``), in the file's order: ``("VF", "Verkehrsfläche")``.

    Only evidence of a room's use, so a damaged association is skipped, never fatal.
    """
    out: list[str] = []
    for rel in getattr(product, "HasAssociations", None) or ():
        try:
            if not (isinstance(rel, Entity) and is_a(rel, "IfcRelAssociatesClassification")):
                continue
            target = rel.RelatingClassification
            if not isinstance(target, Entity):
                continue
            if is_a(target, "IfcClassificationReference"):
                # IFC4 calls the code Identification, IFC2X3 ItemReference
                ident = (getattr(target, "Identification", None)
                         or getattr(target, "ItemReference", None))
                texts = [ident, target.Name]
            elif is_a(target, "IfcClassificationNotation"):  # IFC2X3: facets of a notation
                texts = [f.NotationValue for f in refs(target.NotationFacets,
                                                       "IfcClassificationNotationFacet")]
            else:  # IfcClassification itself: its name is all it says
                texts = [getattr(target, "Name", None)]
        except (Damaged, RuntimeError):  # a broken reference the parser let through
            continue
        out.extend(fix_text(t)[0] for t in texts if isinstance(t, str) and t.strip())
    return tuple(dict.fromkeys(out))


def _rank(name: str, preferred: tuple[str, ...]) -> int:
    return preferred.index(name) if name in preferred else len(preferred)


def fix_text(text: str | None) -> tuple[str, str]:
    """Undo raw 8-bit text that the STEP parser read as Latin-1.

    Returns the text and what was done: ``""`` (nothing needed), ``"utf-8"``
    or ``"shift_jis"`` (decoded), or ``"undecodable"`` (kept as read).
    """
    if not text or text.isascii() or any(ord(c) > 0xFF for c in text):
        return text or "", ""
    raw = text.encode("latin-1")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not any(0x80 <= ord(c) < 0xA0 for c in text):
        return text, ""  # plain Latin-1 (umlauts via \S\ escapes) is already right
    try:
        return raw.decode("cp932"), "shift_jis"
    except UnicodeDecodeError:
        return text, "undecodable"
