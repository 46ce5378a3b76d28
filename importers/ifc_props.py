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

Entity = ifcopenshell.entity_instance

AREA_QUANTUM = Decimal("0.01")
ELEVATION_QUANTUM = Decimal("0.001")

# Quantity names in order of preference: net floor area is what a lease measures.
_QUANTITY_NAMES = ("netfloorarea", "grossfloorarea")
_QUANTITY_SETS = ("qto_spacebasequantities", "basequantities")
# Vendor property sets: ArchiCAD ('Area', 'Net Area', a NULL-named set with
# 'horizontal area'), Revit ('Area' in PSet_Revit_Dimensions or 'Dimensions').
_VENDOR_NAMES = ("net area", "horizontal area", "area")
_VENDOR_SETS = ("pset_revit_dimensions", "dimensions", "", "archicadproperties")


def to_decimal(value: float, quantum: Decimal) -> Decimal:
    """A float as an exact decimal rounded half-up to ``quantum``."""
    result = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return abs(result) if result == 0 else result  # no "-0.000" elevations


class Units:
    """The project's length and area scales to metres and m²."""

    def __init__(self, model: ifcopenshell.file) -> None:
        self.length = float(ifcopenshell.util.unit.calculate_unit_scale(model, "LENGTHUNIT"))
        self.area_declared = False
        self.area = self.length**2
        self.length_name = "m"
        for unit in _assigned_units(model):
            unit_type = getattr(unit, "UnitType", None)
            if unit_type == "AREAUNIT":
                self.area = float(ifcopenshell.util.unit.get_unit_scale(unit))
                self.area_declared = True
            elif unit_type == "LENGTHUNIT":
                self.length_name = _unit_name(unit)

    def area_of(self, unit: Entity | None) -> float:
        """Scale to m² for a value carrying ``unit`` (the project's if None)."""
        if unit is None or getattr(unit, "UnitType", None) != "AREAUNIT":
            return self.area
        return float(ifcopenshell.util.unit.get_unit_scale(unit))


def _assigned_units(model: ifcopenshell.file) -> list[Entity]:
    projects = model.by_type("IfcProject")
    if not projects or projects[0].UnitsInContext is None:
        return []
    return list(projects[0].UnitsInContext.Units or ())


def _unit_name(unit: Entity) -> str:
    if unit.is_a("IfcSIUnit"):
        prefix = (unit.Prefix or "").lower()
        return {"milli": "mm", "centi": "cm", "deci": "dm", "kilo": "km", "": "m"}.get(
            prefix, f"{prefix}metre"
        )
    return str(getattr(unit, "Name", "") or unit.is_a())


def _definitions(product: Entity) -> Iterator[Entity]:
    for rel in getattr(product, "IsDefinedBy", None) or ():
        if rel.is_a("IfcRelDefinesByProperties"):
            definition = rel.RelatingPropertyDefinition
            if isinstance(definition, tuple):  # IFC4X3 allows a set of definitions
                yield from definition
            else:
                yield definition


def _single_values(properties: tuple[Entity, ...] | None) -> Iterator[Entity]:
    for prop in properties or ():
        if prop.is_a("IfcPropertySingleValue"):
            yield prop
        elif prop.is_a("IfcComplexProperty"):
            yield from _single_values(prop.HasProperties)


def stated_area(product: Entity, units: Units) -> tuple[Decimal | None, str]:
    """Net (else gross) floor area the file states, in m², and where it was found."""
    quantities: dict[tuple[int, int], tuple[float, str]] = {}
    vendor: dict[tuple[int, int], tuple[float, str]] = {}
    for definition in _definitions(product):
        set_name = (definition.Name or "").strip()
        set_key = set_name.lower()
        if definition.is_a("IfcElementQuantity"):
            set_rank = _rank(set_key, _QUANTITY_SETS)
            for quantity in definition.Quantities or ():
                name = (quantity.Name or "").strip().lower()
                if quantity.is_a("IfcQuantityArea") and name in _QUANTITY_NAMES:
                    value = float(quantity.AreaValue) * units.area_of(quantity.Unit)
                    quantities.setdefault(
                        (_QUANTITY_NAMES.index(name), set_rank),
                        (value, f"{set_name or 'unnamed set'}.{quantity.Name}"),
                    )
                elif quantity.is_a("IfcQuantityArea") and name in _VENDOR_NAMES:
                    value = float(quantity.AreaValue) * units.area_of(quantity.Unit)
                    vendor.setdefault(
                        (_VENDOR_NAMES.index(name), _rank(set_key, _VENDOR_SETS)),
                        (value, f"{set_name or 'unnamed set'}.{quantity.Name}"),
                    )
        elif definition.is_a("IfcPropertySet"):
            for prop in _single_values(definition.HasProperties):
                name = (prop.Name or "").strip().lower()
                value_entity = prop.NominalValue
                if name not in _VENDOR_NAMES or value_entity is None:
                    continue
                if not isinstance(value_entity.wrappedValue, (int, float)):
                    continue
                value = float(value_entity.wrappedValue) * units.area_of(prop.Unit)
                vendor.setdefault(
                    (_VENDOR_NAMES.index(name), _rank(set_key, _VENDOR_SETS)),
                    (value, f"{set_name or 'unnamed set'}.{prop.Name}"),
                )
    for found in (quantities, vendor):
        if found:
            value, where = found[min(found)]
            if value > 0:
                return to_decimal(value, AREA_QUANTUM), where
    return None, ""


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
