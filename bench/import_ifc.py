"""Time read_ifc against ifcopenshell's own geometry iterator on 2,000 spaces.

The importer's fast path reads extruded profiles instead of meshing, so on
a park-sized model it should take well under a third of what the
multithreaded OpenCASCADE iterator needs for the same spaces. The synthetic
file is written as STEP text (much faster than ifcopenshell.api); tests
reuse :func:`write_synthetic_ifc` for small known-answer files.

Run: ``.venv/bin/python bench/import_ifc.py [--storeys 10] [--per-storey 200]``
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import ifcopenshell  # noqa: E402
import ifcopenshell.geom  # noqa: E402
import ifcopenshell.guid  # noqa: E402

from importers.ifc import read_ifc  # noqa: E402

GOAL_RATIO = 0.3
ROOM_X_MM = 5000.0
ROOM_Y_MM = 4000.0
STOREY_HEIGHT_MM = 3000.0


def _guid(n: int) -> str:
    return ifcopenshell.guid.compress(uuid.UUID(int=n + 1).hex)


def write_synthetic_ifc(
    path: Path,
    storeys: int = 10,
    per_storey: int = 200,
    *,
    area_unit_mm2: bool = False,
    zone: bool = True,
) -> Path:
    """Write an IFC4 file (mm) of ``storeys`` x ``per_storey`` 5 x 4 m rooms.

    Even rooms are rectangle profiles, odd ones polylines; each states a
    NetFloorArea of 20 m² (as 20,000,000 mm² when ``area_unit_mm2``), and
    the first storey's rooms form a zone 'Zone A'.
    """
    lines: list[str] = []
    counter = iter(range(1, 10**9))
    guids = iter(range(10**9))

    def add(text: str) -> int:
        ref = next(counter)
        lines.append(f"#{ref}={text};")
        return ref

    length = add("IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.)")
    area = add(
        "IFCSIUNIT(*,.AREAUNIT.,.MILLI.,.SQUARE_METRE.)" if area_unit_mm2
        else "IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.)"
    )
    assignment = add(f"IFCUNITASSIGNMENT((#{length},#{area}))")
    origin = add("IFCCARTESIANPOINT((0.,0.,0.))")
    z_dir = add("IFCDIRECTION((0.,0.,1.))")
    x_dir = add("IFCDIRECTION((1.,0.,0.))")
    world = add(f"IFCAXIS2PLACEMENT3D(#{origin},#{z_dir},#{x_dir})")
    context = add(f"IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,#{world},$)")
    body = add(f"IFCGEOMETRICREPRESENTATIONSUBCONTEXT('Body','Model',*,*,*,*,#{context},$,"
               ".MODEL_VIEW.,$)")
    project = add(f"IFCPROJECT('{_guid(next(guids))}',$,'Bench',$,$,$,$,(#{context}),"
                  f"#{assignment})")
    site_place = add(f"IFCLOCALPLACEMENT($,#{world})")
    site = add(f"IFCSITE('{_guid(next(guids))}',$,'Site',$,$,#{site_place},$,$,.ELEMENT.,"
               "$,$,$,$,$)")
    building_place = add(f"IFCLOCALPLACEMENT(#{site_place},#{world})")
    building = add(f"IFCBUILDING('{_guid(next(guids))}',$,'Building',$,$,#{building_place},"
                   "$,$,.ELEMENT.,$,$,$)")
    add(f"IFCRELAGGREGATES('{_guid(next(guids))}',$,$,$,#{project},(#{site}))")
    add(f"IFCRELAGGREGATES('{_guid(next(guids))}',$,$,$,#{site},(#{building}))")
    storey_refs: list[int] = []
    zone_members: list[int] = []
    stated = ROOM_X_MM * ROOM_Y_MM if area_unit_mm2 else ROOM_X_MM * ROOM_Y_MM / 1e6
    columns = 20
    for level in range(storeys):
        z = level * STOREY_HEIGHT_MM
        point = add(f"IFCCARTESIANPOINT((0.,0.,{z:.1f}))")
        placement = add(f"IFCLOCALPLACEMENT(#{building_place},"
                        f"#{add(f'IFCAXIS2PLACEMENT3D(#{point},$,$)')})")
        storey = add(f"IFCBUILDINGSTOREY('{_guid(next(guids))}',$,'Level {level}',$,$,"
                     f"#{placement},$,$,.ELEMENT.,{z:.1f})")
        storey_refs.append(storey)
        rooms: list[int] = []
        for index in range(per_storey):
            x = (index % columns) * ROOM_X_MM
            y = (index // columns) * ROOM_Y_MM
            corner = add(f"IFCCARTESIANPOINT(({x:.1f},{y:.1f},0.))")
            place = add(f"IFCLOCALPLACEMENT(#{placement},"
                        f"#{add(f'IFCAXIS2PLACEMENT3D(#{corner},$,$)')})")
            if index % 2 == 0:
                centre = add(f"IFCCARTESIANPOINT(({ROOM_X_MM / 2:.1f},{ROOM_Y_MM / 2:.1f}))")
                position = add(f"IFCAXIS2PLACEMENT2D(#{centre},$)")
                profile = add(f"IFCRECTANGLEPROFILEDEF(.AREA.,$,#{position},{ROOM_X_MM:.1f},"
                              f"{ROOM_Y_MM:.1f})")
            else:
                corners = [(0.0, 0.0), (ROOM_X_MM, 0.0), (ROOM_X_MM, ROOM_Y_MM),
                           (0.0, ROOM_Y_MM)]
                refs = [add(f"IFCCARTESIANPOINT(({cx:.1f},{cy:.1f}))") for cx, cy in corners]
                refs.append(refs[0])
                polyline = add("IFCPOLYLINE((" + ",".join(f"#{r}" for r in refs) + "))")
                profile = add(f"IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,#{polyline})")
            solid = add(f"IFCEXTRUDEDAREASOLID(#{profile},#{world},#{z_dir},2800.)")
            shape = add(f"IFCSHAPEREPRESENTATION(#{body},'Body','SweptSolid',(#{solid}))")
            product_shape = add(f"IFCPRODUCTDEFINITIONSHAPE($,$,(#{shape}))")
            space = add(f"IFCSPACE('{_guid(next(guids))}',$,'{level:02d}.{index:03d}',$,$,"
                        f"#{place},#{product_shape},'Room {level}-{index}',.ELEMENT.,"
                        ".INTERNAL.,$)")
            quantity = add(f"IFCQUANTITYAREA('NetFloorArea',$,$,{stated:.1f},$)")
            qto = add(f"IFCELEMENTQUANTITY('{_guid(next(guids))}',$,'Qto_SpaceBaseQuantities',"
                      f"$,$,(#{quantity}))")
            add(f"IFCRELDEFINESBYPROPERTIES('{_guid(next(guids))}',$,$,$,(#{space}),#{qto})")
            rooms.append(space)
        add(f"IFCRELAGGREGATES('{_guid(next(guids))}',$,$,$,#{storey},"
            f"({','.join(f'#{r}' for r in rooms)}))")
        if level == 0:
            zone_members = rooms
    add(f"IFCRELAGGREGATES('{_guid(next(guids))}',$,$,$,#{building},"
        f"({','.join(f'#{r}' for r in storey_refs)}))")
    if zone and zone_members:
        zone_ref = add(f"IFCZONE('{_guid(next(guids))}',$,'Zone A',$,$,$)")
        add(f"IFCRELASSIGNSTOGROUP('{_guid(next(guids))}',$,$,$,"
            f"({','.join(f'#{r}' for r in zone_members)}),$,#{zone_ref})")
    header = (
        "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [ReferenceView]'),'2;1');\n"
        f"FILE_NAME('{path.name}','2024-01-01T00:00:00',(''),(''),'leasemap bench','',"
        "'');\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n"
    )
    path.write_text(header + "\n".join(lines) + "\nENDSEC;\nEND-ISO-10303-21;\n",
                    encoding="ascii")
    return path


def time_iterator(path: Path) -> tuple[float, int]:
    """Seconds for ifcopenshell's multithreaded world-coords iterator over all spaces."""
    start = time.perf_counter()
    model = ifcopenshell.open(str(path))
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", True)
    iterator = ifcopenshell.geom.iterator(
        settings, model, multiprocessing.cpu_count(), include=model.by_type("IfcSpace")
    )
    shapes = 0
    if iterator.initialize():
        while True:
            iterator.get()
            shapes += 1
            if not iterator.next():
                break
    return time.perf_counter() - start, shapes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--storeys", type=int, default=10)
    parser.add_argument("--per-storey", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = write_synthetic_ifc(Path(folder) / "bench.ifc", args.storeys, args.per_storey)
        size_mb = path.stat().st_size / 1e6
        start = time.perf_counter()
        plan = read_ifc(path)
        ours = time.perf_counter() - start
        peer, shapes = time_iterator(path)
    expected = args.storeys * args.per_storey
    print(f"file: {expected} spaces, {args.storeys} storeys, {size_mb:.1f} MB")
    print(f"read_ifc:            {ours:7.3f} s  ({plan.unit_count()} units, "
          f"{len(plan.problems)} problems)")
    print(f"geom.iterator ({multiprocessing.cpu_count()} threads): {peer:7.3f} s  "
          f"({shapes} shapes)")
    ratio = ours / peer if peer else float("inf")
    met = ratio <= GOAL_RATIO and plan.unit_count() == expected
    print(f"ratio read_ifc/iterator: {ratio:.3f} (goal <= {GOAL_RATIO}): "
          f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
