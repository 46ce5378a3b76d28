"""The attribute positions the IFC reader uses hold in every schema it supports.

``importers.ifc_geometry.ATTRIBUTE_INDEX`` lets the hot path read ``entity[i]``
instead of ``entity.Name``; a wrong index would silently read another attribute,
so each one is checked against ifcopenshell's own IFC2X3, IFC4 and IFC4X3
schemas, for the type named and every subtype of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ifcopenshell
import pytest
from ifcopenshell import ifcopenshell_wrapper

from bench.import_ifc import write_synthetic_ifc
from importers import ifc
from importers import ifc_geometry as geom

Declaration = ifcopenshell_wrapper.entity


def _schema(name: str) -> ifcopenshell_wrapper.schema_definition:
    # The schema a file declaring ``name`` is read with (IFC4X3 is IFC4X3_ADD2).
    return ifcopenshell_wrapper.schema_by_name(ifcopenshell.file(schema=name).schema_identifier)


def _with_subtypes(declaration: Declaration) -> Iterator[Declaration]:
    yield declaration
    for subtype in declaration.subtypes():
        yield from _with_subtypes(subtype)


def _attribute_names(declaration: Declaration) -> list[str]:
    return [attribute.name() for attribute in declaration.all_attributes()]


@pytest.mark.parametrize("schema_name", ifc.SUPPORTED_SCHEMAS)
@pytest.mark.parametrize(("entity", "attribute"), sorted(geom.ATTRIBUTE_INDEX))
def test_index_names_the_attribute_in_type_and_subtypes(
    schema_name: str, entity: str, attribute: str
) -> None:
    index = geom.ATTRIBUTE_INDEX[entity, attribute]
    declaration = _schema(schema_name).declaration_by_name(entity)
    for each in _with_subtypes(declaration):
        names = _attribute_names(each)
        assert index < len(names) and names[index] == attribute, (
            f"{schema_name} {each.name()}: {attribute} is not at {index} in {names}")


@pytest.mark.parametrize("schema_name", ifc.SUPPORTED_SCHEMAS)
@pytest.mark.parametrize(("inverse", "attribute", "index"), [
    ("Decomposes", "RelatingObject", ifc._RELATING_OBJECT),
    ("ContainedInStructure", "RelatingStructure", ifc._RELATING_STRUCTURE),
])
def test_relations_of_an_inverse_hold_the_attribute_at_the_index(
    schema_name: str, inverse: str, attribute: str, index: int
) -> None:
    # _storey_of reads these without a type check: the schema fixes what an inverse holds.
    schema = _schema(schema_name)
    relations = {
        inv.entity_reference().name()
        for declaration in schema.entities()
        for inv in declaration.all_inverse_attributes()
        if inv.name() == inverse
    }
    assert relations
    for relation in relations:
        for each in _with_subtypes(schema.declaration_by_name(relation)):
            names = _attribute_names(each)
            assert index < len(names) and names[index] == attribute, (
                f"{schema_name} {each.name()}: {attribute} is not at {index} in {names}")


def test_positional_reads_equal_named_ones_on_a_file(tmp_path: Path) -> None:
    model = ifcopenshell.open(str(write_synthetic_ifc(tmp_path / "small.ifc", 2, 4)))
    checked = 0
    for (entity, attribute), index in geom.ATTRIBUTE_INDEX.items():
        for instance in model.by_type(entity):
            assert instance[index] == getattr(instance, attribute)
            checked += 1
    assert checked > 100


def test_memoised_is_a_answers_as_ifcopenshell(tmp_path: Path) -> None:
    model = ifcopenshell.open(str(write_synthetic_ifc(tmp_path / "small.ifc", 1, 4)))
    types = ("IfcPlacement", "IfcAxis2Placement3D", "IfcAxis2Placement2D", "IfcCurve",
             "IfcPolyline", "IfcProfileDef", "IfcRectangleProfileDef", "IfcRoot",
             "IfcRepresentationItem", "IfcExtrudedAreaSolid", "IfcIndexedPolyCurve")
    for instance in model:
        for ifc_type in types:
            for _ in range(2):  # the first answer is ifcopenshell's, the second memoised
                assert geom.is_a(instance, ifc_type) == instance.is_a(ifc_type)
