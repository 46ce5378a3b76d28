"""Bulk inserts write their outbox ops too, exactly as the ORM flush would."""

from __future__ import annotations

import json
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from domain.assets import UnitStatus, UnitType
from store.changes import insert_rows, json_text, to_json_value
from store.schema import SYNC_COLUMNS, Building, Floor, Outbox, Park, Unit, WorkspaceMeta
from store.workspace import Workspace

PARK, BUILDING, FLOOR = (uuid.UUID(int=n) for n in (1, 2, 3))


def _workspace(path) -> Workspace:
    ws = Workspace.create(path)
    with ws.transaction() as s:
        s.add(Park(id=PARK, code="P", name="park"))
        s.flush()
        s.add(Building(id=BUILDING, park_id=PARK, code="A", name="A", kind="office"))
        s.flush()
        s.add(Floor(id=FLOOR, building_id=BUILDING, level=1, name="1F"))
    return ws


def _unit(n: int, **extra: Any) -> dict[str, Any]:
    area = Decimal("50.25")
    return {
        "park_id": PARK, "floor_id": FLOOR, "code": f"A-{n:03d}", "unit_type": UnitType.OFFICE,
        "status": UnitStatus.LEASABLE, "gross_area": area, "internal_area": area,
        "common_share": Decimal(0), "leasable_area": area, "billable_area": area,
        "asking_rent": Decimal("88.5000"), "tags": ["corner"], **extra,
    }


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.reading() as s:
        units = s.scalar(select(func.count()).select_from(Unit))
        ops = s.scalar(select(func.count()).select_from(Outbox).where(Outbox.entity == "units"))
    return units, ops


def test_rows_and_their_ops_commit_together(tmp_path):
    ws = _workspace(tmp_path / "w.leasemap")
    try:
        with ws.transaction() as s:
            ids = insert_rows(s, Unit, [_unit(n) for n in range(200)])
        assert len(set(ids)) == 200
        assert _counts(ws) == (200, 200)
        with ws.reading() as s:
            ops = s.scalars(select(Outbox).where(Outbox.entity == "units")).all()
            units = {u.id: u for u in s.scalars(select(Unit))}
            last = s.get(WorkspaceMeta, "hlc").value
        assert {o.entity_id for o in ops} == set(ids)
        for op in ops:
            unit = units[op.entity_id]
            assert op.kind == "create" and op.hlc == unit.hlc and op.base_version == 0
            assert set(unit.field_hlc.values()) == {unit.hlc}
        assert last == max(o.hlc for o in ops)  # the clock resumes after them on reopen
    finally:
        ws.close()


def test_rollback_leaves_neither_rows_nor_ops(tmp_path):
    ws = _workspace(tmp_path / "w.leasemap")
    try:
        with pytest.raises(RuntimeError), ws.transaction() as s:
            insert_rows(s, Unit.__table__, [_unit(n) for n in range(50)])
            assert s.scalar(select(func.count()).select_from(Unit)) == 50
            raise RuntimeError("stop")
        assert _counts(ws) == (0, 0)
        with pytest.raises(ValueError, match="no column colour"), ws.transaction() as s:
            insert_rows(s, Unit, [_unit(1, colour="red")])
        assert _counts(ws) == (0, 0)
    finally:
        ws.close()


def test_payload_and_row_equal_what_the_orm_makes(tmp_path):
    unit_id = uuid.UUID(int=99)
    by_orm, by_bulk = _workspace(tmp_path / "orm.leasemap"), _workspace(tmp_path / "bulk.leasemap")
    try:
        with by_orm.transaction() as s:
            s.add(Unit(id=unit_id, **_unit(1)))
        with by_bulk.transaction() as s:
            insert_rows(s, Unit, [_unit(1, id=unit_id)])
        seen = []
        for ws in (by_orm, by_bulk):
            with ws.reading() as s:
                op = s.scalars(select(Outbox).where(Outbox.entity_id == unit_id)).one()
                unit = s.get(Unit, unit_id)
                row = {c.key: getattr(unit, c.key) for c in Unit.__table__.columns
                       if c.key not in SYNC_COLUMNS - {"id", "row_version"}}
                seen.append((op.kind, op.entity, op.field, op.payload, row,
                             sorted(unit.field_hlc)))
        assert seen[0] == seen[1]
        assert seen[0][3]["archived"] is False and seen[0][3]["name"] == ""
    finally:
        by_orm.close()
        by_bulk.close()


def test_an_op_s_payload_is_stored_as_the_orm_flush_stores_it(tmp_path):
    """On SQLite a bulk insert's payloads go in as text made in one pass: byte for byte the
    text the flush's JSON column makes of the same row (ids, amounts, enums, Chinese)."""
    unit_id = uuid.UUID(int=99)
    unit = _unit(1, name="北区 01室", tags=["朝南", "corner"])
    by_orm, by_bulk = _workspace(tmp_path / "orm.leasemap"), _workspace(tmp_path / "bulk.leasemap")
    try:
        with by_orm.transaction() as s:
            s.add(Unit(id=unit_id, **unit))
        with by_bulk.transaction() as s:
            insert_rows(s, Unit, [{**unit, "id": unit_id}])
        texts = []
        for ws in (by_orm, by_bulk):
            with ws.reading() as s:
                texts.append(s.connection().exec_driver_sql(
                    "SELECT payload FROM outbox WHERE entity = 'units'").scalar_one())
        assert texts[0] == texts[1]
        assert '"name": "\\u5317' in texts[1]  # as json.dumps writes it: ASCII
    finally:
        by_orm.close()
        by_bulk.close()


def test_json_text_is_the_text_of_the_converted_value():
    value = {"id": uuid.UUID(int=7), "amount": Decimal("12.50"), "on": date(2025, 6, 1),
             "kind": UnitType.OFFICE, "nested": [{"at": date(2024, 1, 31)}, (1, 2.5, None)],
             "name": "商铺", "yes": True}
    assert json_text(value) == json.dumps(to_json_value(value))
    # keys that JSON has no text for go the long way: written as str() writes them
    odd = {date(2025, 1, 1): Decimal(1), uuid.UUID(int=1): "x"}
    assert json_text(odd) == json.dumps(to_json_value(odd))
    assert json.loads(json_text(odd)) == {"2025-01-01": "1", str(uuid.UUID(int=1)): "x"}
