"""Checkpoints on a real workspace: the due list, alerts raised once and cleared when done."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.leasing.clauses import RentFree
from domain.leasing.contract import ContractSpec
from domain.leasing.lifecycle import CheckpointKind, OwnerRole, first_payment_due
from domain.leasing.schedule import rent_schedule
from services import checkpoints as cp
from services import contracts
from services.contracts import ContractRefused
from store.schema import Alert, CheckpointMark
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_park import TODAY

D = Decimal
START = date(2026, 9, 1)  # rent started nearly three months before TODAY (2026-11-22)


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    cp.forget_cached()
    yield workspace
    workspace.close()


def _spec(ws: Workspace, unit_code: str = "ZD-A-0103", code: str = "HT-CP-1",
          start: date = START, end: date = date(2028, 8, 31), signed: date = date(2026, 8, 15),
          **terms) -> ContractSpec:
    return lease_spec(ws, unit_code, code, start, end, signed_on=signed, **terms)


def _due(ws, on=TODAY, code="HT-CP-1"):
    with ws.reading() as s:
        return [i for i in cp.due_list(s, park_id(ws), on) if i.contract_code == code]


def cp_all(ws, on=TODAY):
    with ws.reading() as s:
        return cp.due_list(s, park_id(ws), on)


def _alerts(ws):
    with ws.reading() as s:
        return list(s.scalars(select(Alert).order_by(Alert.code)))


def test_a_late_checkpoint_shows_in_the_due_list_with_its_owner_and_days(ws):
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    items = _due(ws)
    by_code = {i.code: i for i in items}
    # Handed over, rent started and first rent due on 1 September; nothing marked done.
    assert {"delivered", "rent-start", "first-payment"} <= {i.code for i in items if i.late}
    delivered = by_code["delivered"]
    assert delivered.contract_id == cid and delivered.days_late == (TODAY - START).days == 82
    assert delivered.owner_role is OwnerRole.OPERATIONS and delivered.unit_codes == ("ZD-A-0103",)
    assert delivered.tenant == "上海云帆智能科技有限公司"
    assert by_code["first-payment"].owner_role is OwnerRole.FINANCE
    # The first quarterly review (1 December) is coming, not late: nine days left.
    review = by_code["review-1"]
    assert not review.late and review.days_late == -9 and review.kind is CheckpointKind.REVIEW
    assert "signed" not in by_code  # done by being signed
    assert "review-2" not in by_code  # beyond the fortnight
    dues = [i.due_on for i in cp_all(ws)]  # the whole park's, by due date
    assert dues == sorted(dues)


def test_the_first_payment_falls_after_the_rent_free_months(ws):
    spec = _spec(ws, rent_free=(RentFree(START, date(2026, 11, 30)),))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    with ws.reading() as s:
        rows = {r.code: r for r in cp.contract_checkpoints(s, cid, TODAY)}
    whole = first_payment_due(rent_schedule(spec.terms)[0])
    assert rows["first-payment"].due_on == whole == date(2026, 12, 1)
    assert not rows["first-payment"].late and rows["delivered"].late


def test_alerts_are_raised_once_and_cleared_when_the_checkpoint_is_done(ws):
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    first = cp.raise_due_alerts(ws, park_id(ws), TODAY)
    again = cp.raise_due_alerts(ws, park_id(ws), TODAY)
    assert first.raised > 0 and again == cp.AlertRun(0, 0)
    mine = [a for a in _alerts(ws) if a.contract_id == cid]
    assert sorted(a.code for a in mine) == ["delivered", "first-payment", "rent-start"]
    assert all(a.id == cp.alert_id(cid, a.code) and a.cleared_on is None for a in mine)

    cp.mark_done(ws, cid, "delivered", TODAY, by="王工", note="keys handed over")
    [alert] = [a for a in _alerts(ws) if a.contract_id == cid and a.code == "delivered"]
    assert alert.cleared_on == TODAY
    assert "delivered" not in {i.code for i in _due(ws)}
    assert cp.raise_due_alerts(ws, park_id(ws), TODAY) == cp.AlertRun(0, 0)
    with ws.reading() as s:
        rows = {r.code: r for r in cp.contract_checkpoints(s, cid, TODAY)}
    assert rows["delivered"].done_on == TODAY and rows["delivered"].done_by == "王工"
    assert not rows["delivered"].late and rows["rent-start"].late


def test_a_mark_made_elsewhere_clears_the_alert_on_the_next_run(ws):
    """Another device marked it done: only the mark arrived; the run clears the alert."""
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    cp.raise_due_alerts(ws, park_id(ws), TODAY)
    with ws.transaction() as s:
        s.add(CheckpointMark(contract_id=cid, code="rent-start", done_on=date(2026, 9, 2)))
    run = cp.raise_due_alerts(ws, park_id(ws), TODAY)
    assert run == cp.AlertRun(0, 1)
    [alert] = [a for a in _alerts(ws) if a.contract_id == cid and a.code == "rent-start"]
    assert alert.cleared_on == date(2026, 9, 2)


def test_a_day_before_the_mark_still_sees_the_checkpoint_late(ws):
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    cp.mark_done(ws, cid, "delivered", TODAY)
    before = TODAY - timedelta(days=1)
    assert "delivered" in {i.code for i in _due(ws, on=before) if i.late}
    with ws.reading() as s:
        rows = {r.code: r for r in cp.contract_checkpoints(s, cid, before)}
    assert rows["delivered"].late and rows["delivered"].done_on is None


def test_marking_an_unknown_checkpoint_is_refused_and_writes_nothing(ws):
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    with pytest.raises(ContractRefused) as refused:
        cp.mark_done(ws, cid, "review-99", TODAY)
    assert refused.value.code == "no-checkpoint"
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(CheckpointMark)) == 0


def test_a_termination_clears_the_alerts_of_checkpoints_it_took_away(ws):
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    later = date(2026, 12, 10)  # review-1 (1 December) is late by then
    cp.raise_due_alerts(ws, park_id(ws), later)
    assert cp.alert_id(cid, "review-1") in {a.id for a in _alerts(ws) if a.cleared_on is None}
    contracts.terminate(ws, cid, date(2026, 11, 30))
    run = cp.raise_due_alerts(ws, park_id(ws), later)
    assert run.raised == 0 and run.cleared == 1
    cleared = {a.code: a.cleared_on for a in _alerts(ws) if a.contract_id == cid}
    assert cleared["review-1"] == later and cleared["delivered"] is None


def test_a_lease_long_ended_has_nothing_due_but_a_recent_end_still_does(ws):
    spec = _spec(ws, unit_code="ZD-A-0102", code="HT-OLD", start=date(2024, 1, 1),
                 end=date(2025, 6, 30), signed=date(2023, 12, 1))
    contracts.create_signed(ws, park_id(ws), spec)
    assert _due(ws, code="HT-OLD") == []
    soon_after = _due(ws, on=date(2025, 7, 15), code="HT-OLD")
    assert "end-7" in {i.code for i in soon_after if i.late}


def test_an_amendment_before_the_first_payment_moves_it(ws):
    spec = _spec(ws)
    cid = contracts.create_signed(ws, park_id(ws), spec)
    before = {i.code: i.due_on for i in _due(ws)}
    assert before["first-payment"] == START
    free = dataclasses.replace(spec, terms=dataclasses.replace(
        spec.terms, rent_free=(RentFree(START, date(2026, 10, 31)),)))
    contracts.amend(ws, cid, free, START)
    after = {i.code: i.due_on for i in _due(ws)}
    assert after["first-payment"] == date(2026, 11, 1)
    with ws.reading() as s:
        rows = {r.code: r for r in cp.contract_checkpoints(s, cid, TODAY)}
    assert rows["first-payment"].due_on == date(2026, 11, 1)


def test_the_legacy_contracts_have_checkpoints_from_their_plain_rent(ws):
    with ws.reading() as s:
        old = contracts.find_contract(s, "HT-2026-0001")
        rows = {r.code: r for r in cp.contract_checkpoints(s, old.id, TODAY)}
    assert rows["first-payment"].due_on == date(2026, 1, 1)
    assert rows["review-3"].due_on == date(2026, 10, 1) and rows["review-3"].late
    assert rows["end-90"].due_on == date(2027, 12, 31) - timedelta(days=90)


def test_an_alert_is_cleared_once_a_later_checkpoint_supersedes_it(ws):
    """A review missed is owed no more when the next is due: its alert goes with it."""
    cid = contracts.create_signed(ws, park_id(ws), _spec(ws))
    review_due = TODAY + timedelta(days=30)  # review-1 is late then
    cp.raise_due_alerts(ws, park_id(ws), review_due)
    assert "review-1" in {a.code for a in _alerts(ws) if a.cleared_on is None}
    later = review_due + timedelta(days=100)  # review-2 is due: review-1 superseded
    cp.raise_due_alerts(ws, park_id(ws), later)
    [first] = [a for a in _alerts(ws) if a.contract_id == cid and a.code == "review-1"]
    assert first.cleared_on == later
    assert "review-1" not in {i.code for i in _due(ws, later)}
