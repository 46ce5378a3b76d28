"""Split, merge, reshape, draw and change of use on a real workspace file: areas, lineage, ops."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box
from sqlalchemy import func, select

from domain.space_use import SpaceUse
from runtime.messages import UserError
from services.space_edits import (
    draw_unit,
    merge_units,
    redo_edit,
    reshape_unit,
    set_room_use,
    split_unit,
    undo_edit,
    unit_history,
)
from spatial.geometry import polygon_from_wkb
from store.schema import Floor, Outbox, SpaceEdit, Unit
from store.workspace import Workspace
from tests.space_floor import TODAY, build_space_floor, office_box


def snapshot(ws: Workspace) -> dict:
    with ws.reading() as s:
        return {u.id: (u.code, u.archived, u.geometry, u.internal_area, u.common_share,
                       u.leasable_area, u.billable_area, u.gross_area, u.space_use)
                for u in s.scalars(select(Unit))}


def live(ws: Workspace) -> list[Unit]:
    with ws.reading() as s:
        units = list(s.scalars(select(Unit).where(~Unit.archived).order_by(Unit.code)))
        s.expunge_all()
        return units


def pool_adds_up(ws: Workspace) -> None:
    """Shares add up to the common rooms plus walls, exactly; a common unit has no share."""
    with ws.reading() as s:
        floor = s.scalars(select(Floor)).one()
        units = list(s.scalars(select(Unit).where(~Unit.archived)))
    internal = sum((u.internal_area for u in units), Decimal(0))
    common = sum((u.internal_area for u in units if u.space_use is not SpaceUse.LEASABLE),
                 Decimal(0))
    shares = sum((u.common_share for u in units), Decimal(0))
    assert shares == common + (floor.gross_area - internal)
    for u in units:
        if u.space_use is SpaceUse.LEASABLE:
            assert u.leasable_area == u.internal_area + u.common_share == u.billable_area
        else:
            assert u.common_share == u.leasable_area == u.billable_area == 0


@pytest.fixture
def floor(tmp_path):
    return build_space_floor(tmp_path / "space.leasemap")


@pytest.fixture
def ws(floor):
    workspace = Workspace.open(floor.path)
    yield workspace
    workspace.close()


def ops(ws: Workspace) -> list[tuple[str, str]]:
    with ws.reading() as s:
        return [(o.kind, o.entity) for o in s.scalars(select(Outbox).order_by(Outbox.seq))]


def test_a_split_tiles_the_parent_retires_it_and_travels_as_one_op(ws, floor):
    before_ops = len(ops(ws))
    x0, y0, _x1, y1 = office_box(2)
    result = split_unit(ws, floor.office(2), [(x0 + 4, y0 - 0.1), (x0 + 4, y1 + 0.1)], TODAY)
    assert result.kind == "split_unit" and len(result.created) == 2
    assert result.codes == ("ZD-A-0302A", "ZD-A-0302B")
    units = {u.code: u for u in live(ws)}
    assert "ZD-A-0302" not in units
    a, b = units["ZD-A-0302A"], units["ZD-A-0302B"]
    assert a.internal_area + b.internal_area == Decimal("80.00")
    assert (a.internal_area, b.internal_area) == (Decimal("32.00"), Decimal("48.00"))
    assert a.derived_from == [str(floor.office(2))]
    assert a.asking_rent == Decimal("90.0000") and a.space_use is SpaceUse.LEASABLE
    pool_adds_up(ws)
    new_ops = ops(ws)[before_ops:]
    assert new_ops == [("split_unit", "units")], "one command, not the row ops it implies"
    with ws.reading() as s:
        op = s.scalars(select(Outbox).order_by(Outbox.seq.desc())).first()
        edit = s.get(SpaceEdit, result.id)
    assert op.payload["parents"][0]["code"] == "ZD-A-0302"
    assert [c["code"] for c in op.payload["children"]] == ["ZD-A-0302A", "ZD-A-0302B"]
    assert op.payload["base_versions"] == {str(floor.office(2)): 0}
    assert edit.parents == [str(floor.office(2))] and len(edit.children) == 2


def test_undo_and_redo_put_back_exactly_what_was_there(ws, floor):
    start = snapshot(ws)
    x0, y0, _x1, y1 = office_box(3)
    result = split_unit(ws, floor.office(3), [(x0 + 5, y0), (x0 + 5, y1)], TODAY)
    after = snapshot(ws)
    undo_edit(ws, result.id, TODAY)
    back = snapshot(ws)
    assert {k: v for k, v in back.items() if k in start} == start
    assert all(back[c][1] for c in result.created), "the children are archived, not deleted"
    redo_edit(ws, result.id, TODAY)
    assert snapshot(ws) == after
    with pytest.raises(UserError) as refused:
        redo_edit(ws, result.id, TODAY)
    assert refused.value.code == "edit-state"


def test_neighbours_merge_across_their_wall(ws, floor):
    result = merge_units(ws, [floor.office(3), floor.office(4)], TODAY)
    [merged] = [u for u in live(ws) if u.id in result.created]
    assert merged.code == "ZD-A-0303-0304"
    # both offices and the 0.2 m × 8 m wall strip between them
    assert merged.internal_area == Decimal("161.60")
    shape = polygon_from_wkb(merged.geometry)
    assert shape.covers(box(*office_box(3))) and shape.covers(box(*office_box(4)))
    pool_adds_up(ws)
    undo_edit(ws, result.id, TODAY)
    codes = {u.code for u in live(ws)}
    assert {"ZD-A-0303", "ZD-A-0304"} <= codes and "ZD-A-0303-0304" not in codes


def test_merge_after_split_restores_the_parents_area(ws, floor):
    x0, y0, _x1, y1 = office_box(2)
    split = split_unit(ws, floor.office(2), [(x0 + 3.3, y0), (x0 + 3.3, y1)], TODAY)
    merged = merge_units(ws, list(split.created), TODAY)
    [unit] = [u for u in live(ws) if u.id in merged.created]
    assert unit.internal_area == Decimal("80.00")


def test_nothing_changes_on_a_leased_unit(ws, floor):
    start, start_ops = snapshot(ws), ops(ws)
    x0, y0, _x1, y1 = office_box(1)
    for attempt in (
        lambda: split_unit(ws, floor.office(1), [(x0 + 5, y0), (x0 + 5, y1)], TODAY),
        lambda: merge_units(ws, [floor.office(1), floor.office(2)], TODAY),
        lambda: reshape_unit(ws, floor.office(1), box(x0, y0, x0 + 9, y1), TODAY),
        lambda: set_room_use(ws, [floor.office(1)], SpaceUse.COMMON, TODAY),
    ):
        with pytest.raises(UserError) as refused:
            attempt()
        assert refused.value.code == "unit-under-contract"
        assert refused.value.params["contracts"] == "HT-1"
        assert "amendment" in str(refused.value)
    assert snapshot(ws) == start and ops(ws) == start_ops
    # after the lease the same unit may change freely
    split_unit(ws, floor.office(1), [(x0 + 5, y0), (x0 + 5, y1)], date(2029, 1, 1))


def test_a_reshape_may_take_wall_but_not_a_neighbours_floor(ws, floor):
    x0, y0, x1, y1 = office_box(2)
    reshape_unit(ws, floor.office(2), box(x0, y0, x1 + 0.1, y1), TODAY)
    assert next(u for u in live(ws) if u.code == "ZD-A-0302").internal_area == Decimal("80.80")
    with pytest.raises(UserError) as refused:
        reshape_unit(ws, floor.office(2), box(x0, y0, x1 + 2, y1), TODAY)
    assert refused.value.code == "shape-overlaps"
    with pytest.raises(UserError) as refused:
        reshape_unit(ws, floor.office(2), box(x0, y0, x1, y1 + 10), TODAY)
    assert refused.value.code == "shape-outside"
    pool_adds_up(ws)


def test_a_drawn_unit_takes_free_floor_and_a_code(ws, floor):
    result = draw_unit(ws, floor.floor_id, box(0, 11, 6, 14), TODAY)
    [unit] = [u for u in live(ws) if u.id in result.created]
    assert unit.code == "ZD-A-0305" and unit.internal_area == Decimal("18.00")
    pool_adds_up(ws)
    with pytest.raises(UserError) as refused:
        draw_unit(ws, floor.floor_id, box(0, 9, 6, 12), TODAY)
    assert refused.value.code == "shape-overlaps"


def test_a_change_of_use_makes_common_area_and_reshares_it(ws, floor):
    before = {u.code: u for u in live(ws)}
    result = set_room_use(ws, [floor.office(4)], SpaceUse.COMMON, TODAY)
    after = {u.code: u for u in live(ws)}
    assert after["ZD-A-0304"].leasable_area == 0
    assert after["ZD-A-0302"].common_share > before["ZD-A-0302"].common_share
    assert any(m.code == "ZD-A-0302" for m in result.area_moves)
    pool_adds_up(ws)
    undo_edit(ws, result.id, TODAY)
    assert {u.code: u.common_share for u in live(ws)} == {
        c: u.common_share for c, u in before.items()}


def test_lineage_survives_reopening(floor):
    with Workspace.open(floor.path) as ws:
        x0, y0, _x1, y1 = office_box(2)
        split = split_unit(ws, floor.office(2), [(x0 + 5, y0), (x0 + 5, y1)], TODAY)
        merged = merge_units(ws, [split.created[1], floor.office(3)], TODAY)
    with Workspace.open(floor.path) as ws:
        steps = unit_history(ws, merged.created[0])
    assert [s.kind for s in steps] == ["split_unit", "merge_units"]
    assert steps[0].parents == ("ZD-A-0302",)
    assert steps[1].parents == ("ZD-A-0302B", "ZD-A-0303")
    assert steps[1].effective_on == TODAY


def test_undo_is_refused_once_later_work_built_on_the_edit(ws, floor):
    x0, y0, _x1, y1 = office_box(2)
    split = split_unit(ws, floor.office(2), [(x0 + 5, y0), (x0 + 5, y1)], TODAY)
    merge_units(ws, [split.created[1], floor.office(3)], TODAY)
    start = snapshot(ws)
    with pytest.raises(UserError) as refused:
        undo_edit(ws, split.id, TODAY)
    assert refused.value.code == "no-live-unit"
    assert snapshot(ws) == start


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["split", "merge", "use", "reshape"]),
                          st.integers(2, 4), st.floats(0.5, 9.5)), min_size=1, max_size=5))
def test_undo_after_any_edits_restores_geometry_and_areas(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("undo") / "w.leasemap"
    floor = build_space_floor(path)
    with Workspace.open(path) as ws:
        start = snapshot(ws)
        done = []
        for kind, n, t in steps:
            units = [u for u in live(ws) if u.space_use is SpaceUse.LEASABLE
                     and u.code != "ZD-A-0301"]
            if not units:
                continue
            target = units[n % len(units)]
            shape = polygon_from_wkb(target.geometry)
            x0, y0, x1, y1 = shape.bounds
            try:
                if kind == "split":
                    x = x0 + (x1 - x0) * t / 10
                    done.append(split_unit(ws, target.id, [(x, y0 - 1), (x, y1 + 1)], TODAY))
                elif kind == "merge":
                    other = units[(n + 1) % len(units)]
                    done.append(merge_units(ws, [target.id, other.id], TODAY))
                elif kind == "use":
                    done.append(set_room_use(ws, [target.id], SpaceUse.COMMON, TODAY))
                else:
                    done.append(reshape_unit(ws, target.id,
                                             box(x0, y0, x1, y1 - t / 20), TODAY))
            except UserError:
                continue  # refused (not neighbours, a sliver …): nothing written
            pool_adds_up(ws)
        for result in reversed(done):
            undo_edit(ws, result.id, TODAY)
        back = snapshot(ws)
        assert {k: v for k, v in back.items() if k in start} == start
        assert floor.office(2) in back


def test_one_edit_is_one_transaction(ws, floor):
    """A refusal after the geometry is checked (a taken code cannot happen; a bad line can)
    leaves the file as it was, row for row."""
    start = snapshot(ws)
    with pytest.raises(UserError):
        split_unit(ws, floor.office(2), [(100, 100), (101, 101)], TODAY)
    assert snapshot(ws) == start
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(SpaceEdit)) == 0


def test_the_stacking_plan_shows_space_for_rent_and_the_floor_plan_everything(floor):
    from services.maps import read_building
    from store.read_model import ReadModel

    reader = ReadModel(floor.path)
    try:
        maps = read_building(reader, floor.building_id, TODAY)
    finally:
        reader.close()
    [row] = maps.stack
    assert [u.code for u in row.units] == [f"ZD-A-03{n:02d}" for n in range(1, 5)]
    assert "ZD-A-03C1" in {u.code for f in maps.floors for u in f.units}


def test_the_park_map_reads_the_units_for_rent_alone(floor):
    from services.maps import read_park_site
    from store.map_query import map_units
    from store.read_model import ReadModel, Scope

    reader = ReadModel(floor.path)
    try:
        [park] = reader.park_tree()
        every = {u.code for u in map_units(reader, Scope("park", park.id), TODAY)}
        for_rent = {u.code for u in map_units(reader, Scope("park", park.id), TODAY,
                                              for_rent_only=True)}
        site = read_park_site(reader, park.id, TODAY)
    finally:
        reader.close()
    assert every - for_rent == {"ZD-A-03C1"}
    assert {u.code for b in site.buildings for u in b.units} == for_rent
