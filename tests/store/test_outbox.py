"""Change capture: every write leaves its outbox rows in the same transaction."""

from __future__ import annotations

import itertools
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from domain.assets import BuildingKind, UnitStatus, UnitType
from store.changes import DeletionRefused, NoChangeContext, record_command, to_json_value
from store.clock import Stamp
from store.ids import uuid7
from store.schema import SYNC_COLUMNS, Building, Floor, Outbox, Park, Unit, WorkspaceMeta
from store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.create(tmp_path / "outbox.leasemap", actor="alice")
    yield workspace
    workspace.close()


def make_floor(session, code="ZD"):
    park = Park(id=uuid7(), code=code, name=f"Park {code}")
    building = Building(id=uuid7(), park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
    floor = Floor(id=uuid7(), building_id=building.id, level=1, name="1F")
    session.add_all([floor, building, park])  # one flush puts parents first
    session.flush()
    return park, building, floor


def make_unit(park, floor, code="U-101", **extra) -> Unit:
    values = {
        "unit_type": UnitType.OFFICE,
        "status": UnitStatus.LEASABLE,
        "gross_area": Decimal("120.50"),
        "internal_area": Decimal("100.00"),
        "common_share": Decimal("20.50"),
        "leasable_area": Decimal("120.50"),
        "billable_area": Decimal("120.50"),
    }
    values.update(extra)
    return Unit(id=uuid7(), park_id=park.id, floor_id=floor.id, code=code, **values)


def ops(ws, **where) -> list[Outbox]:
    with ws.reading() as session:
        query = select(Outbox).order_by(Outbox.seq)
        for key, value in where.items():
            query = query.where(getattr(Outbox, key) == value)
        return list(session.scalars(query))


def non_sync_columns(model) -> set[str]:
    mapper = inspect(model)
    return {mapper.get_property_by_column(c).key for c in mapper.columns} - SYNC_COLUMNS


@pytest.fixture
def unit(ws):
    with ws.transaction() as session:
        park, _building, floor = make_floor(session)
        unit = make_unit(park, floor, tags=["corner"], notes="first")
        session.add(unit)
    return unit


def test_a_create_writes_one_create_op_per_row_with_all_fields(ws, unit):
    with ws.reading() as session:
        rows = {
            "parks": session.scalars(select(Park)).one(),
            "buildings": session.scalars(select(Building)).one(),
            "floors": session.scalars(select(Floor)).one(),
            "units": session.scalars(select(Unit)).one(),
        }
    creates = ops(ws, kind="create")
    assert len(ops(ws)) == 4
    assert sorted(op.entity for op in creates) == sorted(rows)
    for op in creates:
        row = rows[op.entity]
        assert op.entity_id == row.id
        assert op.field is None
        assert op.base_version == 0
        assert op.hlc == row.hlc
        assert set(op.payload) == non_sync_columns(type(row))
        for key, value in op.payload.items():
            stored = getattr(row, key)
            if isinstance(stored, Decimal):  # the payload may be less normalised: "0" vs "0.000"
                assert Decimal(value) == stored, (op.entity, key)
            else:
                assert value == to_json_value(stored), (op.entity, key)
        assert set(row.field_hlc) == set(op.payload)
        assert set(row.field_hlc.values()) == {row.hlc}
    unit_op = next(op for op in creates if op.entity == "units")
    assert unit_op.payload["gross_area"] == "120.50"
    assert unit_op.payload["status"] == "leasable"
    assert unit_op.payload["tags"] == ["corner"]
    assert unit_op.payload["archived"] is False
    assert unit_op.payload["park_id"] == str(unit.park_id)


def test_editing_two_fields_writes_two_field_sets(ws, unit):
    before = len(ops(ws))
    with ws.transaction() as session:
        row = session.get(Unit, unit.id)
        old_stamps = dict(row.field_hlc)
        row.row_version = 7  # as if the server had accepted seven changes
    assert len(ops(ws)) == before, "sync columns are not user edits"
    with ws.transaction() as session:
        row = session.get(Unit, unit.id)
        row.status = UnitStatus.RESERVED
        row.asking_rent = Decimal("88.8800")
    new_ops = ops(ws)[before:]
    assert [(op.kind, op.field) for op in new_ops] == [
        ("field_set", "status"),
        ("field_set", "asking_rent"),
    ]
    by_field = {op.field: op for op in new_ops}
    assert by_field["status"].payload == {"value": "reserved"}
    assert by_field["asking_rent"].payload == {"value": "88.8800"}
    assert all(op.base_version == 7 for op in new_ops)
    assert all(op.entity == "units" and op.entity_id == unit.id for op in new_ops)
    with ws.reading() as session:
        row = session.get(Unit, unit.id)
        assert row.status is UnitStatus.RESERVED
        assert row.field_hlc["status"] == by_field["status"].hlc
        assert row.field_hlc["asking_rent"] == by_field["asking_rent"].hlc
        assert row.hlc == max(op.hlc for op in new_ops)
        untouched = set(old_stamps) - {"status", "asking_rent"}
        assert {k: row.field_hlc[k] for k in untouched} == {k: old_stamps[k] for k in untouched}
        assert row.field_hlc["status"] > old_stamps["status"]


def test_setting_the_same_value_writes_nothing(ws, unit):
    before = ops(ws)
    with ws.reading() as session:
        hlc_before = session.get(Unit, unit.id).hlc
    with ws.transaction() as session:
        row = session.get(Unit, unit.id)
        row.status = UnitStatus.LEASABLE
        row.gross_area = Decimal("120.50")
        row.tags = ["corner"]
        row.notes = "first"
    assert [o.seq for o in ops(ws)] == [o.seq for o in before]
    with ws.reading() as session:
        assert session.get(Unit, unit.id).hlc == hlc_before


def test_archiving_writes_an_archive_op(ws, unit):
    before = len(ops(ws))
    with ws.transaction() as session:
        session.get(Unit, unit.id).archived = True
    (op,) = ops(ws)[before:]
    assert (op.kind, op.entity, op.entity_id, op.field) == ("archive", "units", unit.id, "archived")
    assert op.payload == {"value": True}
    with ws.reading() as session:
        assert session.get(Unit, unit.id).archived is True
    # Un-archiving is an ordinary field change.
    with ws.transaction() as session:
        session.get(Unit, unit.id).archived = False
    (op,) = ops(ws)[before + 1 :]
    assert (op.kind, op.payload) == ("field_set", {"value": False})


def test_deleting_a_synced_row_is_refused_and_rolled_back(ws, unit):
    before = len(ops(ws))
    with pytest.raises(DeletionRefused, match="archive"), ws.transaction() as session:
        row = session.get(Unit, unit.id)
        row.notes = "changed in the same transaction"
        session.delete(row)
    with ws.reading() as session:
        row = session.get(Unit, unit.id)
        assert row is not None
        assert row.notes == "first"
    assert len(ops(ws)) == before


def test_writes_outside_a_transaction_raise_no_change_context(ws, unit):
    before = len(ops(ws))
    with pytest.raises(NoChangeContext), ws.reading() as session:
        session.get(Unit, unit.id).notes = "sneaky"
        session.commit()
    with pytest.raises(NoChangeContext), ws.reading() as session:
        session.add(Park(id=uuid7(), code="X", name="X"))
        session.flush()
    with pytest.raises(NoChangeContext), ws.reading() as session:
        record_command(session, "split_unit", Unit, unit.id, {})
    with ws.reading() as session:
        assert session.get(Unit, unit.id).notes == "first"
        assert session.scalars(select(Park).where(Park.code == "X")).all() == []
    assert len(ops(ws)) == before


def test_every_op_is_attributed_and_stamped_in_order(ws, unit):
    with ws.transaction() as session:
        row = session.get(Unit, unit.id)
        row.name = "renamed"
        record_command(session, "split_unit", Unit, unit.id, {"into": 2}, base_version=0)
    with ws.transaction() as session:
        park, _b, floor = make_floor(session, "P2")
        for i in range(5):
            session.add(make_unit(park, floor, f"P2-{i}"))
        session.flush()
        session.get(Unit, unit.id).archived = True
    all_ops = ops(ws)
    assert len(all_ops) >= 14
    seqs = [op.seq for op in all_ops]
    assert seqs == sorted(set(seqs))
    stamps = [op.hlc for op in all_ops]
    assert all(a < b for a, b in itertools.pairwise(stamps)), stamps
    assert all(Stamp.parse(s).device == ws.device_id for s in stamps)
    assert len({op.op_id for op in all_ops}) == len(all_ops)
    now = datetime.now(UTC)
    for op in all_ops:
        assert op.device_id == ws.device_id
        assert op.actor == "alice"
        assert op.at.tzinfo is UTC
        assert abs(now - op.at) < timedelta(days=1)
        assert op.op_id.version == 7


def test_record_command_queues_a_command_op(ws, unit):
    with ws.transaction() as session:
        op = record_command(
            session,
            "split_unit",
            Unit,
            unit.id,
            {"children": [uuid7(), uuid7()], "area": Decimal("60.25")},
            base_version=3,
        )
    (stored,) = ops(ws, kind="split_unit")
    assert stored.op_id == op.op_id
    assert (stored.entity, stored.entity_id, stored.field) == ("units", unit.id, None)
    assert stored.base_version == 3
    assert stored.payload["area"] == "60.25"
    assert len(stored.payload["children"]) == 2
    assert all(isinstance(c, str) for c in stored.payload["children"])
    assert stored.device_id == ws.device_id and stored.actor == "alice"
    assert stored.hlc > max(o.hlc for o in ops(ws) if o.seq < stored.seq)
    with ws.transaction() as session:
        record_command(session, "sign_contract", "contracts", uuid7(), {"ok": True})
    assert ops(ws)[-1].kind == "sign_contract"
    assert ops(ws)[-1].entity == "contracts"


def test_the_clock_resumes_after_reopen(tmp_path):
    path = tmp_path / "clock.leasemap"
    ws = Workspace.create(path)
    with ws.transaction() as session:
        make_floor(session)
    device = ws.device_id
    ws.close()
    ws = Workspace.open(path)
    try:
        assert ws.device_id == device
        earlier = [op.hlc for op in ops(ws)]
        with ws.reading() as session:
            meta = session.get(WorkspaceMeta, "hlc").value
        assert meta == max(earlier)
        assert ws.clock.now() > max(earlier)
    finally:
        ws.close()


def test_the_clock_resumes_after_a_stamp_ahead_of_the_wall_clock(tmp_path):
    """A stamp folded in from a server ahead of us is not forgotten on reopen."""
    path = tmp_path / "ahead.leasemap"
    ws = Workspace.create(path)
    ahead = Stamp(Stamp.parse(ws.clock.now()).ms + 3_600_000, 5, "server")
    ws.clock.observe(str(ahead))
    with ws.transaction() as session:
        make_floor(session)
    ws.close()
    ws = Workspace.open(path)
    try:
        assert ws.clock.now() > max(op.hlc for op in ops(ws))
    finally:
        ws.close()


def test_a_command_stamp_is_remembered_across_reopen(tmp_path):
    path = tmp_path / "command.leasemap"
    ws = Workspace.create(path)
    with ws.transaction() as session:
        _park, _b, floor = make_floor(session)
    ahead = Stamp(Stamp.parse(ws.clock.now()).ms + 3_600_000, 5, "server")
    ws.clock.observe(str(ahead))
    with ws.transaction() as session:
        command = record_command(session, "split_unit", Floor, floor.id, {})
    ws.close()
    ws = Workspace.open(path)
    try:
        assert ws.clock.now() > command.hlc
    finally:
        ws.close()


# -- crash safety: a writer killed mid-transaction leaves nothing half-written ---------

WRITER = textwrap.dedent(
    """
    import sys, time
    from decimal import Decimal
    from domain.assets import BuildingKind, UnitStatus, UnitType
    from store.ids import uuid7
    from store.schema import Building, Floor, Park, Unit
    from store.workspace import Workspace

    path, mode = sys.argv[1], sys.argv[2]
    ws = Workspace.open(path)
    with ws.transaction() as session:
        park = Park(id=uuid7(), code="KILLED", name="never committed")
        session.add(park)
        session.flush()
        building = Building(id=uuid7(), park_id=park.id, code="K", name="K",
                            kind=BuildingKind.OFFICE)
        session.add(building)
        session.flush()
        floor = Floor(id=uuid7(), building_id=building.id, level=1, name="1F")
        session.add(floor)
        session.flush()
        count = 1 if mode == "one" else 5000
        for i in range(count):
            a = Decimal(100 + i % 50)
            session.add(Unit(id=uuid7(), park_id=park.id, floor_id=floor.id,
                             code=f"K-{i:05d}", unit_type=UnitType.OFFICE,
                             status=UnitStatus.LEASABLE, gross_area=a, internal_area=a,
                             common_share=Decimal(0), leasable_area=a, billable_area=a))
            if (i + 1) % 500 == 0:
                session.flush()
                print("progress", i + 1, flush=True)
        session.flush()
        print("flushed", park.id.hex, flush=True)
        while True:
            time.sleep(60)
    """
)


def run_and_kill(path: Path, mode: str, kill_after: str) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), mode],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    try:
        for line in process.stdout:
            lines.append(line.strip())
            if line.startswith(kill_after):
                break
        else:
            pytest.fail(f"the writer ended early: {process.wait()} {process.stderr.read()}")
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    return lines


def assert_nothing_half_written(path: Path, baseline_ops: int) -> None:
    ws = Workspace.open(path)
    try:
        with ws.reading() as session:
            assert session.scalars(select(Park).where(Park.code == "KILLED")).all() == []
            assert session.scalar(select(func.count()).select_from(Building)) == 1
            assert session.scalar(select(func.count()).select_from(Floor)) == 1
            assert session.scalar(select(func.count()).select_from(Unit)) == 1
            assert session.scalar(select(func.count()).select_from(Outbox)) == baseline_ops
        # The workspace still takes writes afterwards.
        with ws.transaction() as session:
            session.add(Park(id=uuid7(), code="AFTER", name="after the crash"))
        assert len(ops(ws)) == baseline_ops + 1
    finally:
        ws.close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("mode", "kill_after"),
    [("one", "flushed"), ("batch", "progress 2500")],
    ids=["one-row-flushed", "killed-mid-batch"],
)
def test_a_killed_writer_leaves_nothing_half_written(tmp_path, mode, kill_after):
    path = tmp_path / "crash.leasemap"
    ws = Workspace.create(path)
    with ws.transaction() as session:
        park, _building, floor = make_floor(session)
        session.add(make_unit(park, floor))
    baseline = len(ops(ws))
    ws.close()

    lines = run_and_kill(path, mode, kill_after)
    assert lines[-1].startswith(kill_after)
    assert_nothing_half_written(path, baseline)
