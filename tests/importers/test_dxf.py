"""The DXF importer on the shared corpus of real plans and on small drawings built here."""

from __future__ import annotations

import json
import logging
from decimal import Decimal

import ezdxf
import pytest
from shapely.geometry import Point

from importers.dxf import read_dxf
from importers.plan import ImportedPlan, Severity

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, listed, needs_corpus  # noqa: F401

logging.getLogger("ezdxf").setLevel(logging.ERROR)


def _dxf_rows() -> list[str]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = manifest.read_text(encoding="utf-8").splitlines()[1:]
    return [r.split("\t")[0] for r in rows if r.split("\t")[0].lower().endswith(".dxf")]


_CACHE: dict[str, ImportedPlan] = {}


def plan(name: str) -> ImportedPlan:
    if name not in _CACHE:
        _CACHE[name] = read_dxf(CORPUS / name)
    return _CACHE[name]


@needs_corpus
@pytest.mark.parametrize("name", listed(_dxf_rows()))
def test_every_corpus_dxf_reads(name):
    result = plan(name)
    assert isinstance(result, ImportedPlan)
    assert result.format == "dxf"
    assert not result.errors, result.errors
    assert any(p.code == "layer-roles" for p in result.problems)


def _observed(name: str) -> list[dict]:
    data = json.loads((CORPUS / "OBSERVED.json").read_text(encoding="utf-8"))
    return [r for r in data[name]["labelled_rooms"] if r["containing_polygon_area_m2"]]


@needs_corpus
@pytest.mark.parametrize(("name", "expected"), [("daoshi/floor1.dxf", 39),
                                                ("daoshi/floor2.dxf", 32)])
def test_daoshi_labelled_rooms(name, expected):
    result = plan(name)
    assert result.units_of_drawing == "mm"
    units = result.floors[0].units
    matched = _observed(name)
    assert len(matched) == expected
    for row in matched:
        x, y = (v / 1000 for v in row["label_xy_mm"])
        inside = [u for u in units if u.polygon.contains(Point(x, y))]
        assert inside, row
        unit = min(inside, key=lambda u: u.polygon.area)
        stated = Decimal(str(row["label_usable_area_m2"]))
        assert abs(unit.area - stated) <= stated * Decimal("0.01"), row
        assert unit.stated_area == stated
        assert unit.name == row["name"]
        if row["room_no"]:
            assert unit.code == row["room_no"]
    assert any("实验室" in u.name for u in units)


@needs_corpus
def test_hal9kspace_rooms_from_walls_hold_all_labels():
    result = plan("hal9kspace/floorplan.dxf")
    units = result.floors[0].units
    assert len(units) >= 8
    doc = ezdxf.readfile(CORPUS / "hal9kspace/floorplan.dxf")
    texts = list(doc.modelspace().query("TEXT MTEXT"))
    assert len(texts) == 18
    for t in texts:
        p = Point(t.dxf.insert.x / 100, t.dxf.insert.y / 100)
        assert any(u.polygon.contains(p) for u in units), t.plain_text()
    assert any("Fællesrum" in u.name for u in units)
    assert all(u.reason.startswith("face of wall linework") for u in units)


@needs_corpus
def test_raumzeitlabor_rooms_from_walls():
    result = plan("raumzeitlabor/floorplan.dxf")
    assert result.unit_count() >= 2
    assert all(0 < u.confidence < 1 for u in result.floors[0].units)


@needs_corpus
def test_two_rooms():
    assert plan("roomsize/two-rooms.dxf").unit_count() == 2


@needs_corpus
def test_barcelona_open_plan_has_few_rooms():
    assert plan("barcelona-pavilion/plan.dxf").unit_count() <= 3


@needs_corpus
def test_plan_exported_blocks_are_exploded():
    result = plan("barcelona-pavilion/plan_exported.dxf")
    background = result.floors[0].background
    assert background is not None and len(background.geoms) > 1000
    assert any(p.code == "blocks-exploded" for p in result.problems)


@needs_corpus
def test_pabellon_units_lie():
    result = plan("barcelona-pavilion/pabellon_de_barcelona.dxf")
    assert result.units_of_drawing == "m" and result.scale_to_metres == 1.0
    warning = [p for p in result.warnings if p.code == "units"]
    assert warning and "in" in warning[0].message and "taken as m" in warning[0].message


@needs_corpus
def test_querysimulation_units_warned():
    result = plan("querysimulation/jiao_floorplan.dxf")
    assert result.units_of_drawing != "mm"
    assert any(p.code == "units" for p in result.warnings)


@needs_corpus
def test_recover01_through_recover():
    result = plan("ezdxf-tests/recover01.dxf")
    assert any(p.code == "recovered" for p in result.warnings)
    assert result.floors[0].background is not None


@needs_corpus
def test_binary_dxf_reads():
    result = plan("ezdxf-tests/bin_dxf_r2000.dxf")
    assert not result.errors and len(result.floors) == 1


@needs_corpus
def test_duplicate_handles_dos850():
    result = plan("ezdxf-tests/duplicate_handles.dxf")
    assert not result.errors
    assert result.floors[0].background is not None


# -- small drawings built here -----------------------------------------------


def _new(units: int = 6) -> ezdxf.document.Drawing:
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = units
    return doc


def _walls(msp, gap: float) -> None:
    """A 10 × 8 m room with a door gap of ``gap`` metres in the bottom wall."""
    a = (10 - gap) / 2
    for s, e in [((0, 0), (a, 0)), ((a + gap, 0), (10, 0)), ((10, 0), (10, 8)),
                 ((10, 8), (0, 8)), ((0, 8), (0, 0))]:
        msp.add_line(s, e, dxfattribs={"layer": "wall"})


def test_closed_polyline_room_with_label(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (9, 0), (9, 5), (0, 5)], close=True,
                       dxfattribs={"layer": "rooms"})
    msp.add_text("101 办公室 45.00m²", dxfattribs={"layer": "text", "insert": (2, 2)})
    msp.add_line((-5, -5), (20, -5), dxfattribs={"layer": "wall"})
    path = tmp_path / "room.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    (unit,) = result.floors[0].units
    assert (unit.code, unit.name, unit.stated_area) == ("101", "办公室", Decimal("45.00"))
    assert unit.area == Decimal("45.00")
    assert not result.warnings


def test_stated_area_off_by_five_percent_warns(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 5), (0, 5)], close=True,
                       dxfattribs={"layer": "rooms"})
    msp.add_mtext("A-203\\PLager\\P52.5 m2", dxfattribs={"layer": "text", "insert": (3, 3)})
    path = tmp_path / "off.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert result.floors[0].units[0].code == "A-203"
    assert [p.code for p in result.warnings] == ["area-mismatch"]
    assert "A-203" in result.warnings[0].message


def test_door_gap_closed(tmp_path):
    doc = _new()
    _walls(doc.modelspace(), 0.9)
    doc.modelspace().add_text("Office", dxfattribs={"insert": (5, 4), "layer": "label"})
    path = tmp_path / "gap.dxf"
    doc.saveas(path)
    units = read_dxf(path).floors[0].units
    assert len(units) == 1 and units[0].name == "Office"
    assert 79 < float(units[0].area) <= 80


def test_wide_gap_not_closed(tmp_path):
    doc = _new()
    _walls(doc.modelspace(), 1.5)
    path = tmp_path / "wide.dxf"
    doc.saveas(path)
    assert read_dxf(path, door_gap=1.2).unit_count() == 0


def test_label_outside_rooms_unused(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4, 0), (4, 4), (0, 4)], close=True,
                       dxfattribs={"layer": "room"})
    msp.add_text("999 Far away 16 m2", dxfattribs={"insert": (50, 50), "layer": "text"})
    path = tmp_path / "far.dxf"
    doc.saveas(path)
    (unit,) = read_dxf(path).floors[0].units
    assert unit.code != "999" and unit.stated_area is None
    # The handle within this drawing: handles repeat from one drawing to the next.
    assert unit.key == f"{doc.header['$FINGERPRINTGUID']}:{unit.source['handle']}"


def _two_rooms(path, version: str = "R2010", fingerprint: str | None = None, fmt: str = "asc",
               labels: tuple[str, str] = ("101 Office", "")):
    """Two 4 × 4 m outlines on 'rooms', the first labelled; written as ``fmt`` DXF."""
    doc = ezdxf.new(version)
    if version != "R12":
        doc.header["$INSUNITS"] = 6
    if fingerprint is not None:
        doc.header["$FINGERPRINTGUID"] = fingerprint
    msp = doc.modelspace()
    # R12 has no LWPOLYLINE: its outlines are 2D POLYLINEs.
    outline = msp.add_polyline2d if version == "R12" else msp.add_lwpolyline
    for i, label in enumerate(labels):
        outline([(5 * i, 0), (5 * i + 4, 0), (5 * i + 4, 4), (5 * i, 4)], close=True,
                dxfattribs={"layer": "rooms"})
        if label:
            msp.add_text(label, dxfattribs={"layer": "text", "insert": (5 * i + 1, 2)})
    doc.saveas(path, fmt=fmt)
    return doc


def test_keys_are_handles_within_their_drawing(tmp_path):
    """Two drawings number their handles alike; the fingerprint tells their rooms apart."""
    a, b = _two_rooms(tmp_path / "a.dxf"), _two_rooms(tmp_path / "b.dxf")
    rooms_a, rooms_b = (read_dxf(tmp_path / n).floors[0].units for n in ("a.dxf", "b.dxf"))
    assert [u.source["handle"] for u in rooms_a] == [u.source["handle"] for u in rooms_b]
    guid_a, guid_b = a.header["$FINGERPRINTGUID"], b.header["$FINGERPRINTGUID"]
    assert guid_a != guid_b
    assert [u.key for u in rooms_a] == [f"{guid_a}:{u.source['handle']}" for u in rooms_a]
    assert not {u.key for u in rooms_a} & {u.key for u in rooms_b}
    # The unlabelled room has no code (the register numbers it): its handle is only its key.
    assert [(u.code, u.source["code_from"]) for u in rooms_a] == [("101", "label"), ("", "none")]


def test_binary_dxf_keys_like_its_text_form(tmp_path):
    doc = _two_rooms(tmp_path / "t.dxf")
    doc.saveas(tmp_path / "b.dxf", fmt="bin")
    assert (tmp_path / "b.dxf").read_bytes().startswith(b"AutoCAD Binary DXF")
    text, binary = (read_dxf(tmp_path / n).floors[0].units for n in ("t.dxf", "b.dxf"))
    assert [u.key for u in binary] == [u.key for u in text]
    assert all(u.key.startswith(doc.header["$FINGERPRINTGUID"] + ":") for u in binary)


@pytest.mark.parametrize("case", ["R12", "zero", "zero-binary"])
def test_a_drawing_without_a_fingerprint_has_no_handle_keys(tmp_path, case):
    """R12 has no $FINGERPRINTGUID and the all-zero GUID is nobody's: no key, not a bare handle.

    ezdxf fills a random GUID into such a header when it reads the file, so
    reading it twice must still give the same (empty) keys.
    """
    zero = "{00000000-0000-0000-0000-000000000000}"
    path = tmp_path / f"{case}.dxf"
    if case == "R12":
        _two_rooms(path, version="R12")
        assert b"$FINGERPRINTGUID" not in path.read_bytes()
    else:
        _two_rooms(path, fingerprint=zero, fmt="bin" if case == "zero-binary" else "asc")
        assert zero.encode() in path.read_bytes()
    first, again = read_dxf(path).floors[0].units, read_dxf(path).floors[0].units
    assert [u.key for u in first] == [u.key for u in again] == ["", ""]
    assert [u.code for u in first] == ["101", ""]


def test_layer_override_and_roles_reported(tmp_path):
    doc = _new()
    doc.modelspace().add_lwpolyline([(0, 0), (4, 0), (4, 4), (0, 4)], close=True,
                                    dxfattribs={"layer": "X1"})
    path = tmp_path / "ovr.dxf"
    doc.saveas(path)
    assert read_dxf(path, layers={"X1": "rooms"}).unit_count() == 1
    roles = [p for p in read_dxf(path).problems if p.code == "layer-roles"]
    assert roles and roles[0].severity is Severity.INFO


@pytest.mark.parametrize("content", [b"", b"hello, this is not a drawing\n", b"\x00\x01\x02"])
def test_not_a_dxf_fails_cleanly(tmp_path, content):
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    result = read_dxf(path)
    assert result.errors and "bad.dxf" in result.errors[0].message
    assert not result.floors


def test_missing_file_fails_cleanly(tmp_path):
    result = read_dxf(tmp_path / "nope.dxf")
    assert result.errors and "nope.dxf" in result.errors[0].message


def test_partition_on_door_layer_closes_rooms(tmp_path):
    """Two rooms whose shared wall and a door leaf lie on the door layer."""
    doc = _new()
    msp = doc.modelspace()
    for s, e in [((0, 0), (12, 0)), ((12, 0), (12, 6)), ((12, 6), (0, 6)), ((0, 6), (0, 0))]:
        msp.add_line(s, e, dxfattribs={"layer": "A-Wall"})
    msp.add_line((6.002, 0.003), (6, 5.1), dxfattribs={"layer": "Internal Doors"})  # slop
    msp.add_line((6, 5.1), (6.9, 5.1), dxfattribs={"layer": "Internal Doors"})  # leaf
    msp.add_arc((6, 5.1), 0.9, 0, 90, dxfattribs={"layer": "Internal Doors"})
    path = tmp_path / "partition.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert result.layer_roles["Internal Doors"] == "background"
    assert sorted(round(float(u.area)) for u in result.floors[0].units) == [36, 36]
