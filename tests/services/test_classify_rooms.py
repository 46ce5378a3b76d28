"""Classifying an old import again: corridors become common, rehearsed first, contracts kept."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from domain.contracts import ContractStatus
from domain.space_use import SpaceUse
from runtime.messages import UserError
from services.classify_rooms import apply_classification, rehearse_classification
from services.importing import apply_plan, read
from services.space_edits import undo_edit
from store.areas import reallocate
from store.schema import (
    Building,
    Contract,
    ContractUnit,
    Outbox,
    Park,
    SpaceEdit,
    Tenant,
    Unit,
)
from store.workspace import Workspace
from tests.corpus import CORPUS, require

TODAY = date(2026, 12, 7)
COMMON_WORDS = ("走廊", "楼梯间", "电梯厅", "卫生间")


@pytest.fixture
def old_import(tmp_path):
    """daoshi floor 1 imported as before rooms had a use: every room for rent."""
    require()
    path = tmp_path / "daoshi.leasemap"
    ws = Workspace.create(path)
    with ws.transaction() as s:
        s.add(Park(code="ZD", name="导师楼"))
    apply_plan(ws, read(CORPUS / "daoshi" / "floor1.dxf"), "D", 1, today=TODAY)
    with ws.transaction() as s:
        s.execute(update(Unit).values(space_use=SpaceUse.LEASABLE, use_reason=""))
        building = s.scalars(select(Building)).one()
        reallocate(s, building.id)
    yield ws
    ws.close()


def _units(ws: Workspace) -> dict[str, Unit]:
    with ws.reading() as s:
        units = {u.code: u for u in s.scalars(select(Unit).where(~Unit.archived))}
        s.expunge_all()
        return units


def _state(ws: Workspace) -> tuple:
    with ws.reading() as s:
        return ({u.id: (u.space_use, u.common_share, u.leasable_area, u.billable_area)
                 for u in s.scalars(select(Unit))},
                s.scalar(select(func.count()).select_from(Outbox)))


def test_the_rehearsal_lists_every_change_and_writes_nothing(old_import):
    before = _state(old_import)
    plan = rehearse_classification(old_import, "D", day=TODAY)
    assert _state(old_import) == before
    names = {c.name: c for c in plan.changes}
    for word in COMMON_WORDS:
        found = [c for c in plan.changes if word in c.name]
        assert found, word
        assert all(c.after is not SpaceUse.LEASABLE and c.before is SpaceUse.LEASABLE
                   for c in found)
    assert "综合考务办公室" not in names  # an office stays for rent: no change listed
    moved = {m.code for m in plan.area_moves}
    offices = [u for u in _units(old_import).values() if u.name == "综合考务办公室"]
    assert offices and offices[0].code in moved, "the offices' shares grow: listed too"
    assert not plan.applied


def test_applying_makes_corridors_common_and_reshares_their_area(old_import):
    rehearsed = rehearse_classification(old_import, "D", day=TODAY)
    applied = apply_classification(old_import, "D", day=TODAY)
    assert [(c.code, c.after) for c in applied.changes] == [
        (c.code, c.after) for c in rehearsed.changes]
    assert [m.after for m in applied.area_moves] == [m.after for m in rehearsed.area_moves]
    units = _units(old_import)
    corridor = next(u for u in units.values() if u.name == "走廊")
    assert corridor.space_use is SpaceUse.COMMON and corridor.use_reason == "common-word:走廊"
    assert corridor.leasable_area == corridor.billable_area == 0
    office = next(u for u in units.values() if u.name == "综合考务办公室")
    assert office.common_share > 0
    pools = sum((u.internal_area for u in units.values() if u.space_use is not SpaceUse.LEASABLE),
                Decimal(0))
    shares = sum((u.common_share for u in units.values()), Decimal(0))
    assert shares >= pools, "the common rooms (and walls) are shared out in full"
    with old_import.reading() as s:
        kinds = [o.kind for o in s.scalars(select(Outbox).order_by(Outbox.seq.desc())).all()[:1]]
    assert kinds == ["set_room_use"]
    again = rehearse_classification(old_import, "D", day=TODAY)
    assert again.changes == [] and again.area_moves == []


def test_a_room_under_contract_is_listed_not_changed(old_import):
    units = _units(old_import)
    corridor = next(u for u in units.values() if u.name == "走廊")
    with old_import.transaction() as s:
        park = s.scalars(select(Park)).one()
        tenant = Tenant(park_id=park.id, code="T1", name="展览公司")
        s.add(tenant)
        s.flush()
        contract = Contract(park_id=park.id, tenant_id=tenant.id, code="HT-9",
                            status=ContractStatus.SIGNED, signed_on=date(2026, 1, 1),
                            starts_on=date(2026, 2, 1), ends_on=date(2027, 1, 31),
                            rent_per_sqm_month=Decimal("10"))
        s.add(contract)
        s.flush()
        s.add(ContractUnit(contract_id=contract.id, unit_id=corridor.id,
                           billable_area=corridor.billable_area))
    plan = apply_classification(old_import, "D", day=TODAY)
    [blocked] = plan.blocked
    assert blocked.code == corridor.code and blocked.contracts == ("HT-9",)
    assert _units(old_import)[corridor.code].space_use is SpaceUse.LEASABLE
    assert plan.to_json()["changes"][0]["changed"] is not None


def test_a_use_chosen_by_hand_is_kept_and_one_floor_at_a_time(old_import):
    units = _units(old_import)
    corridor = next(u for u in units.values() if u.name == "走廊")
    with old_import.transaction() as s:
        s.get(Unit, corridor.id).use_reason = "manual"
    plan = rehearse_classification(old_import, "D", level=1, day=TODAY)
    assert corridor.code in plan.kept_manual
    assert all(c.code != corridor.code for c in plan.changes)
    with pytest.raises(UserError) as missing:
        rehearse_classification(old_import, "D", level=7, day=TODAY)
    assert missing.value.code == "no-floor-level"
    with pytest.raises(UserError) as nowhere:
        rehearse_classification(old_import, "Q", day=TODAY)
    assert nowhere.value.code == "no-building"


def test_the_classification_undoes_like_any_edit(old_import):
    before = _state(old_import)[0]
    apply_classification(old_import, "D", day=TODAY)
    with old_import.reading() as s:
        [edit] = s.scalars(select(SpaceEdit)).all()
    undo_edit(old_import, edit.id, TODAY)
    assert _state(old_import)[0] == before


def test_the_command_rehearses_then_applies(old_import, tmp_path):
    from tests.test_cli import run

    path = str(old_import.path)
    old_import.close()
    dry = run("classify-rooms", path, "--building", "D", "--dry-run", "--json",
              "--date", TODAY.isoformat())
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert not report["applied"] and any(c["name"] == "走廊" for c in report["changes"])
    said = run("classify-rooms", path, "--building", "D", "--lang", "zh_CN",
               "--date", TODAY.isoformat())
    assert said.returncode == 0, said.stderr
    assert "走廊" in said.stdout and "公共" in said.stdout
    again = run("classify-rooms", path, "--building", "D", "--lang", "en", "--dry-run")
    assert "Every room already has the use its name gives it." in again.stdout
    missing = run("classify-rooms", path, "--building", "Q", "--lang", "en")
    assert missing.returncode == 2 and "no building Q" in missing.stderr


def test_long_lists_and_many_levels_stay_readable():
    from views.classify_text import LISTED, level_ranges, listed

    assert level_ranges(list(range(1, 61))) == "1–60"
    assert level_ranges([-2, -1, 1, 2, 3, 5]) == "-2–-1, 1–3, 5"
    names = [f"ZD-A-{n:04d}" for n in range(1, 31)]
    said = listed(names)
    assert said.startswith(", ".join(names[:LISTED])) and said.endswith(
        f"and {30 - LISTED} more")
