"""On a real drawing (daoshi floor 1, rooms 0.1–0.2 m apart): merge across the wall, then find."""

from __future__ import annotations

from decimal import Decimal

import shapely
from sqlalchemy import select

from services.find_space import find_space
from services.space_edits import merge_units, undo_edit
from spatial.geometry import polygon_from_wkb
from store.read_model import ReadModel
from store.schema import Unit
from store.workspace import Workspace
from tests.services.test_find_space import PAIR, daoshi_park, scope_of
from tests.small_park import TODAY


def test_two_neighbouring_offices_merge_across_their_wall_and_are_found_as_one(tmp_path):
    path = daoshi_park(tmp_path / "d.leasemap")
    reader = ReadModel(path)
    try:
        found = find_space(reader, scope_of(reader, "G"), Decimal(200), TODAY)
        assert any(c.unit_codes == PAIR for c in found), "the pair is a candidate"
    finally:
        reader.close()
    with Workspace.open(path) as ws:
        with ws.reading() as s:
            parts = {u.code: u for u in s.scalars(select(Unit).where(Unit.code.in_(PAIR)))}
            s.expunge_all()
        shapes = [polygon_from_wkb(parts[c].geometry) for c in PAIR]
        result = merge_units(ws, [parts[c].id for c in PAIR], TODAY)
        with ws.reading() as s:
            merged = s.get(Unit, result.created[0])
            others = [polygon_from_wkb(u.geometry) for u in s.scalars(
                select(Unit).where(~Unit.archived, Unit.floor_id == merged.floor_id,
                                   Unit.id != merged.id, Unit.geometry.is_not(None)))]
        shape = polygon_from_wkb(merged.geometry)
        assert all(shape.covers(part.buffer(-1e-6)) for part in shapes)
        wall = shape.area - sum(p.area for p in shapes)
        assert 0.5 < wall < 5, "both offices and the wall strip between them, no more"
        assert merged.internal_area > sum((parts[c].internal_area for c in PAIR), Decimal(0))
        assert max(shapely.intersection(shape, o).area for o in others) < 0.01
        assert merged.code == "ZD-G-104-106"
        undo_edit(ws, result.id, TODAY)
        with ws.reading() as s:
            back = {u.code for u in s.scalars(select(Unit).where(~Unit.archived))}
        assert set(PAIR) <= back and "ZD-G-104-106" not in back
