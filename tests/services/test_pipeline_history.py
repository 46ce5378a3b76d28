"""A lead's stage history is its own insert-only table: it outlives the outbox sync empties.

The small park (``tests/small_park.py``): ZD-A-0103 is vacant, 125.40 m² billable.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from domain.assets import UnitType
from domain.leasing.clauses import Cycle, Escalation, EscalationKind
from domain.leasing.pipeline import Stage
from domain.leasing.quotes import QuoteTerms
from services import contracts
from services import pipeline as p
from services.pipeline import LeadInput, PipelineRefused, StageStep
from store.changes import LedgerRefused
from store.schema import Contract, Lead, LeadStageStep, Outbox, Unit
from store.workspace import Workspace
from tests.small_leases import open_small
from tests.small_park import TODAY

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


@pytest.fixture
def park_id(ws):
    with ws.reading() as s:
        return contracts.park_id_of(s)


def _input(company: str = "上海星河生物科技有限公司") -> LeadInput:
    return LeadInput(company=company, contact_name="王磊", area_min=D(100), area_max=D(200),
                     budget=D(95), move_in_on=date(2027, 1, 1), unit_type=UnitType.OFFICE,
                     owner="李娜")


def _quote_terms() -> QuoteTerms:
    return QuoteTerms(D("125.40"), D("96.00"), date(2027, 1, 1), date(2029, 12, 31),
                      rent_free_months=3, cycle=Cycle.QUARTERLY,
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))


def _steps(ws: Workspace, lead_id) -> list[LeadStageStep]:
    with ws.reading() as s:
        return sorted(s.scalars(select(LeadStageStep).where(LeadStageStep.lead_id == lead_id)),
                      key=lambda r: r.hlc)


def _history(ws: Workspace, lead_id) -> list[tuple[Stage, date, str, str]]:
    with ws.reading() as s:
        return [(x.stage, x.on, x.actor, x.lost_reason) for x in p.lead_history(s, lead_id)]


def _sync_clears_the_outbox(ws: Workspace) -> None:
    """What a push does once the server has answered every op: the client drops the rows
    (SYNC.md: an outbox row is dropped on a final result)."""
    with ws.engine.begin() as connection:
        connection.execute(text("DELETE FROM outbox"))


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_history_survives_the_outbox_being_cleared(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 10, 1))
    p.move_lead(ws, lead_id, Stage.IN_CONTACT, date(2026, 10, 20))
    p.move_lead(ws, lead_id, Stage.LOST, date(2026, 11, 2), "预算不足")
    before = _history(ws, lead_id)
    assert before == [(Stage.LEAD, date(2026, 10, 1), ws.actor, ""),
                      (Stage.IN_CONTACT, date(2026, 10, 20), ws.actor, ""),
                      (Stage.LOST, date(2026, 11, 2), ws.actor, "预算不足")]
    _sync_clears_the_outbox(ws)
    assert _count(ws, Outbox) == 0
    assert _history(ws, lead_id) == before
    # … and after reopening the file, and on a move made after the sync
    path = ws.path
    ws.close()
    with Workspace.open(path, actor="陈静") as again:
        p.move_lead(again, lead_id, Stage.LEAD, date(2026, 11, 15))
        assert _history(again, lead_id) == [*before, (Stage.LEAD, date(2026, 11, 15), "陈静",
                                                      "")]
        with again.reading() as s:
            assert all(x.at is not None and x.at.tzinfo is not None
                       for x in p.lead_history(s, lead_id))


def test_each_move_adds_exactly_one_step_with_its_create_op(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    first = _steps(ws, lead_id)
    assert [(x.stage, x.stage_on, x.lost_reason, x.actor) for x in first] == [
        ("lead", date(2026, 11, 1), "", ws.actor)]
    for n, (to, on) in enumerate([(Stage.NEGOTIATING, date(2026, 11, 3)),
                                  (Stage.IN_CONTACT, date(2026, 11, 3)),
                                  (Stage.LOST, date(2026, 11, 9))], start=2):
        p.move_lead(ws, lead_id, to, on, "选择了竞品园区" if to is Stage.LOST else "")
        steps = _steps(ws, lead_id)
        assert len(steps) == n
        assert (steps[-1].stage, steps[-1].stage_on) == (to.value, on)
        assert [x.id for x in steps[:-1]] == [x.id for x in first]  # earlier ones untouched
        first = steps
    assert first[-1].lost_reason == "选择了竞品园区"
    with ws.reading() as s:
        creates = list(s.scalars(select(Outbox).where(Outbox.entity == "lead_stage_steps")
                                 .order_by(Outbox.seq)))
    assert [op.entity_id for op in creates] == [x.id for x in first]
    assert {op.kind for op in creates} == {"create"}
    assert creates[-1].payload == {
        "lead_id": str(lead_id), "stage": "lost", "stage_on": "2026-11-09",
        "lost_reason": "选择了竞品园区", "actor": ws.actor,
        "moved_at": first[-1].moved_at.isoformat(), "archived": False}
    assert all(op.actor == ws.actor for op in creates)


def test_a_refused_move_adds_no_step(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    refusals = [
        (Stage.LOST, TODAY, "  "),  # lost needs a reason
        (Stage.IN_CONTACT, date(2026, 11, 1), ""),  # before the current stage's day
        (Stage.LEAD, TODAY, ""),  # to where it is
    ]
    for to, on, reason in refusals:
        with pytest.raises(PipelineRefused):
            p.move_lead(ws, lead_id, to, on, reason)
    p.move_lead(ws, lead_id, Stage.SIGNED, TODAY)
    with pytest.raises(PipelineRefused):
        p.move_lead(ws, lead_id, Stage.LOST, TODAY, "价格")  # signed is final
    assert [x.stage for x in _steps(ws, lead_id)] == ["lead", "signed"]
    assert _count(ws, Outbox, Outbox.entity == "lead_stage_steps") == 2


def test_a_refused_lead_writes_no_step(ws, park_id):
    with pytest.raises(PipelineRefused):
        p.create_lead(ws, park_id, LeadInput(company=" ", area_min=D(1), area_max=D(2)), TODAY)
    assert _count(ws, LeadStageStep) == 0


def test_quoting_and_signing_each_add_their_step(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    p.move_lead(ws, lead_id, Stage.NEGOTIATING, date(2026, 11, 10))
    with ws.reading() as s:
        unit = s.scalar(select(Unit).where(Unit.code == "ZD-A-0103"))
    quote_id = p.make_quote(ws, lead_id, [unit.id], _quote_terms(), TODAY)
    assert [(x.stage, x.stage_on) for x in _steps(ws, lead_id)][-1] == ("quoted", TODAY)
    p.make_quote(ws, lead_id, [unit.id], _quote_terms(), TODAY)  # quoted already: no move
    assert len(_steps(ws, lead_id)) == 3
    contract_id = p.quote_to_draft(ws, quote_id, "HT-2026-0003", TODAY)
    assert len(_steps(ws, lead_id)) == 3  # a draft moves nothing
    contracts.sign(ws, contract_id, date(2026, 11, 20))  # signed before the quote's day
    steps = _steps(ws, lead_id)
    assert [(x.stage, x.stage_on) for x in steps] == [
        ("lead", date(2026, 11, 1)), ("negotiating", date(2026, 11, 10)), ("quoted", TODAY),
        ("signed", date(2026, 11, 20))]
    # in the order they were made, not by day: the signing's day is earlier than the quote's
    assert [x[0] for x in _history(ws, lead_id)] == [Stage.LEAD, Stage.NEGOTIATING,
                                                      Stage.QUOTED, Stage.SIGNED]
    with ws.transaction() as s:  # signing again changes nothing: no step
        assert not p.on_contract_signed(s, s.get(Contract, contract_id))
    assert len(_steps(ws, lead_id)) == 4


def test_the_database_refuses_update_and_delete_of_a_step(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    [step] = _steps(ws, lead_id)
    key = step.id.hex  # SQLite keeps a Uuid as 32 hex digits
    for sql in ("UPDATE lead_stage_steps SET stage = 'signed' WHERE id = :id",
                "UPDATE lead_stage_steps SET stage_on = '2020-01-01' WHERE id = :id",
                "UPDATE lead_stage_steps SET actor = 'someone' WHERE id = :id",
                "DELETE FROM lead_stage_steps WHERE id = :id",
                "DELETE FROM lead_stage_steps"):
        with pytest.raises(IntegrityError, match="ledger rows are never"), \
                ws.engine.begin() as connection:
            connection.execute(text(sql), {"id": key})
    with ws.engine.begin() as connection:  # sync bookkeeping may change
        connection.execute(text("UPDATE lead_stage_steps SET row_version = 3 WHERE id = :id"),
                           {"id": key})
    [after] = _steps(ws, lead_id)
    assert (after.stage, after.stage_on, after.actor, after.row_version) == (
        "lead", TODAY, ws.actor, 3)


def test_the_orm_refuses_editing_or_deleting_a_step(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    with pytest.raises(LedgerRefused, match="never changed"), ws.transaction() as s:
        s.scalar(select(LeadStageStep)).stage = "lost"
    with pytest.raises(LedgerRefused, match="never deleted"), ws.transaction() as s:
        s.delete(s.scalar(select(LeadStageStep)))
    assert [x.stage for x in _steps(ws, lead_id)] == ["lead"]


def test_the_current_stage_shows_last_before_its_step_arrives(ws, park_id):
    """A pull may bring a lead's new stage before the step another device wrote for it."""
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    with ws.transaction() as s:  # as sync applies a field_set it pulled
        lead = s.get(Lead, lead_id)
        lead.stage, lead.stage_on = Stage.NEGOTIATING.value, date(2026, 11, 5)
    with ws.reading() as s:
        steps = p.lead_history(s, lead_id)
    assert steps == [StageStep(Stage.LEAD, date(2026, 11, 1), ws.actor, steps[0].at),
                     StageStep(Stage.NEGOTIATING, date(2026, 11, 5), "", None)]
    assert len(_steps(ws, lead_id)) == 1  # reading writes nothing
