"""Migration 0004: "leased" is no longer stored; the backup before it holds the WAL too."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from domain.assets import BuildingKind, UnitStatus, UnitType
from store.files import SCHEMA_HEAD, inspect_file, side_files
from store.ids import uuid7
from store.read_model import ReadModel, Scope, summarize
from store.schema import Building, Floor, Outbox, Park, Unit
from store.workspace import Workspace, run_migrations
from tests.small_park import TODAY, build_small_workspace

DAYS = (TODAY, date(2027, 4, 1), date(2025, 6, 1))


def _summaries(path) -> list:
    reader = ReadModel(path)
    try:
        [park] = reader.park_tree()
        return [summarize(reader.unit_rows(Scope("park", park.id), day)) for day in DAYS]
    finally:
        reader.close()


def _at_0003(path) -> None:
    ws = Workspace.open(path)
    try:
        run_migrations(ws.engine, "0003", downgrade=True)
    finally:
        ws.close()
    assert inspect_file(path) == "0003"


def test_leased_units_and_queued_ops_become_leasable(tmp_path):
    park = build_small_workspace(tmp_path / "old.leasemap")
    path = park.path
    before = _summaries(path)  # occupancy from the contracts (read at head: the reader is)
    _at_0003(path)

    # What a pre-0004 client stored: the let units marked "leased", and queued ops saying so.
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_autocheckpoint=0")
    let = [r[0] for r in db.execute("SELECT DISTINCT unit_id FROM contract_units")]
    assert len(let) == 2
    db.executemany("UPDATE units SET status = 'leased' WHERE id = ?", [(u,) for u in let])
    db.execute(
        "UPDATE outbox SET payload = json_set(payload, '$.status', 'leased') "
        "WHERE kind = 'create' AND entity = 'units' AND entity_id = ?", (let[0],))
    db.commit()
    # The last op is written just before opening and left in the WAL (no checkpoint).
    last_op = uuid7()
    db.execute(
        "INSERT INTO outbox (op_id, kind, entity, entity_id, field, payload, hlc, base_version,"
        " device_id, actor, at) VALUES (?, 'field_set', 'units', ?, 'status', ?, ?, 0, 'dev',"
        " 'tester', '2026-12-01T00:00:00+00:00')",
        (last_op.hex, let[1], json.dumps({"value": "leased"}), "9" * 20))
    db.commit()
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    try:
        with Workspace.open(path) as ws, ws.reading() as session:
            statuses = {u.id.hex: u.status for u in session.scalars(select(Unit))}
            ops = {
                (o.kind, o.entity_id.hex, o.field): o.payload
                for o in session.scalars(select(Outbox).where(Outbox.entity == "units"))
            }
    finally:
        db.close()

    assert inspect_file(path) == SCHEMA_HEAD
    assert all(s is not None for s in statuses.values())
    assert statuses[let[0]] is UnitStatus.LEASABLE and statuses[let[1]] is UnitStatus.LEASABLE
    assert ops[("create", let[0], None)]["status"] == "leasable"
    assert ops[("field_set", let[1], "status")] == {"value": "leasable"}
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM units WHERE status = 'leased'").fetchone() == (0,)
        assert raw.execute(
            "SELECT count(*) FROM outbox WHERE payload LIKE '%leased\"%'").fetchone() == (0,)
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()
    assert _summaries(path) == before

    backup = path.with_name("old.leasemap.schema-0003.bak")
    assert backup.exists()
    assert not any(p.exists() for p in side_files(backup)), "the backup is one file"
    assert inspect_file(backup) == "0003"
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        row = copy.execute(
            "SELECT entity_id, payload FROM outbox WHERE op_id = ?", (last_op.hex,)).fetchone()
        leased = copy.execute("SELECT count(*) FROM units WHERE status = 'leased'").fetchone()
    finally:
        copy.close()
    assert row is not None, "the backup holds the row that was still in the WAL"
    assert json.loads(row[1]) == {"value": "leased"}
    assert leased == (2,)


@pytest.mark.postgres
def test_the_rewrite_runs_on_postgresql(pg_db_url):
    ws = Workspace.connect(pg_db_url)
    try:
        with ws.transaction() as s:
            park = Park(code="P", name="park")
            s.add(park)
            s.flush()
            building = Building(park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
            s.add(building)
            s.flush()
            floor = Floor(building_id=building.id, level=1, name="1F")
            s.add(floor)
            s.flush()
            area = Decimal("10.00")
            unit = Unit(park_id=park.id, floor_id=floor.id, code="A-1", unit_type=UnitType.OFFICE,
                        status=UnitStatus.RESERVED, gross_area=area, internal_area=area,
                        common_share=Decimal(0), leasable_area=area, billable_area=area)
            s.add(unit)
        unit_id: uuid.UUID = unit.id
        with ws.transaction() as s:
            s.get(Unit, unit_id).status = UnitStatus.LEASABLE
        run_migrations(ws.engine, "0003", downgrade=True)
        with ws.engine.begin() as c:
            c.execute(text("UPDATE units SET status = 'leased'"))
            c.execute(text(
                "UPDATE outbox SET payload = jsonb_set(payload::jsonb, '{status}', "
                "'\"leased\"')::json WHERE kind = 'create' AND entity = 'units'"))
            c.execute(text(
                "UPDATE outbox SET payload = '{\"value\": \"leased\"}'::json "
                "WHERE kind = 'field_set' AND field = 'status'"))
        run_migrations(ws.engine)
        with ws.reading() as s:
            assert s.get(Unit, unit_id).status is UnitStatus.LEASABLE
            payloads = {
                o.kind: o.payload
                for o in s.scalars(select(Outbox).where(Outbox.entity_id == unit_id))
            }
        assert payloads["create"]["status"] == "leasable"
        assert payloads["field_set"] == {"value": "leasable"}
        with ws.engine.connect() as c:
            version = c.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == SCHEMA_HEAD
    finally:
        ws.close()
