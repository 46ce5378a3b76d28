"""Migration 0008: lead stage steps get their own insert-only table, filled from the outbox.

A workspace is brought to 0007 (the table dropped, the outbox still holding the leads'
ops), then upgraded: each lead's steps are what the outbox reading made of them, a lead
the outbox says nothing of gets its current stage, and the table refuses edits.
"""

from __future__ import annotations

import importlib
import shutil
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.exc import IntegrityError

from domain.assets import UnitType
from domain.leasing.pipeline import Stage
from services import pipeline as p
from services.pipeline import LeadInput
from store.changes import to_json_value
from store.files import SCHEMA_HEAD, inspect_file
from store.schema import Lead, LeadStageStep, Outbox, Park
from store.workspace import Workspace, run_migrations
from tests.small_park import build_small_workspace

M = importlib.import_module("store.migrations.versions.0008_lead_stage_steps")
DATA_KEYS = ("lead_id", "stage", "stage_on", "lost_reason", "actor", "moved_at", "archived")


@dataclass
class Leads:
    moved: uuid.UUID  # created and moved here, every op still queued
    synced: uuid.UUID  # created and moved, then pushed: no op left
    moved_after_sync: uuid.UUID  # pushed once, then moved again here


def _input(company: str) -> LeadInput:
    return LeadInput(company=company, area_min=100, area_max=200, unit_type=UnitType.OFFICE)


def _clear_outbox(ws: Workspace) -> None:
    """What a finished push leaves: the client drops every answered op (SYNC.md)."""
    with ws.engine.begin() as connection:
        connection.execute(delete(Outbox))


def _fill(ws: Workspace, park_id: uuid.UUID) -> Leads:
    synced = p.create_lead(ws, park_id, _input("已同步有限公司"), date(2026, 9, 1))
    p.move_lead(ws, synced, Stage.IN_CONTACT, date(2026, 9, 15))
    _clear_outbox(ws)
    later = p.create_lead(ws, park_id, _input("同步后又推进有限公司"), date(2026, 9, 2))
    _clear_outbox(ws)
    p.move_lead(ws, later, Stage.NEGOTIATING, date(2026, 11, 10))
    moved = p.create_lead(ws, park_id, _input("上海星河生物科技有限公司"), date(2026, 10, 1))
    p.move_lead(ws, moved, Stage.IN_CONTACT, date(2026, 10, 20))
    p.move_lead(ws, moved, Stage.NEGOTIATING, date(2026, 10, 20))  # same day: no stage_on op
    p.move_lead(ws, moved, Stage.LOST, date(2026, 11, 2), "预算不足")
    p.move_lead(ws, moved, Stage.LEAD, date(2026, 11, 5))  # reopened: the reason cleared
    return Leads(moved, synced, later)


def _park_id(ws: Workspace) -> uuid.UUID:
    with ws.reading() as session:
        return session.scalar(select(Park.id))


def _history(ws: Workspace, lead_id: uuid.UUID) -> list[tuple[Stage, date, str, str]]:
    with ws.reading() as session:
        return [(x.stage, x.on, x.actor, x.lost_reason) for x in p.lead_history(session, lead_id)]


def _at_0007(ws: Workspace) -> None:
    run_migrations(ws.engine, "0007", downgrade=True)
    assert "lead_stage_steps" not in inspect(ws.engine).get_table_names()
    with ws.engine.connect() as connection:
        left = connection.execute(select(Outbox.entity).where(
            Outbox.entity == "lead_stage_steps")).all()
    assert left == []  # the older schema's queue holds no op of a table it lacks


def _rows(ws: Workspace) -> dict[uuid.UUID, list[LeadStageStep]]:
    with ws.reading() as session:
        rows = sorted(session.scalars(select(LeadStageStep)), key=lambda r: r.hlc)
    out: dict[uuid.UUID, list[LeadStageStep]] = {}
    for row in rows:
        out.setdefault(row.lead_id, []).append(row)
    return out


def _ops(ws: Workspace, **where: object) -> list[Outbox]:
    with ws.reading() as session:
        query = select(Outbox).order_by(Outbox.seq)
        for name, value in where.items():
            query = query.where(getattr(Outbox, name) == value)
        return list(session.scalars(query))


def test_the_backfill_keeps_each_lead_s_history(store):
    ws = store.open()
    try:
        leads = _fill(ws, _park_id(ws))
        actor, device = ws.actor, ws.device_id
        written = {lead: _history(ws, lead) for lead in vars(leads).values()}
        lead_ops = {op.entity_id: [] for op in _ops(ws, entity="leads")}
        for op in _ops(ws, entity="leads"):
            lead_ops[op.entity_id].append(op)
        with ws.reading() as session:
            stamps = {lead.id: lead.field_hlc["stage"] for lead in session.scalars(select(Lead))}
        _at_0007(ws)
    finally:
        ws.close()

    upgraded = store.open()
    try:
        if store.path is not None:
            assert inspect_file(store.path) == SCHEMA_HEAD  # upgraded through 0008
        rows = _rows(upgraded)
        creates = {op.entity_id: op for op in _ops(upgraded, entity="lead_stage_steps")}
        history = {lead: _history(upgraded, lead) for lead in vars(leads).values()}

        # created and moved here: every step as the services wrote it, read from the outbox
        assert history[leads.moved] == written[leads.moved] == [
            (Stage.LEAD, date(2026, 10, 1), actor, ""),
            (Stage.IN_CONTACT, date(2026, 10, 20), actor, ""),
            (Stage.NEGOTIATING, date(2026, 10, 20), actor, ""),
            (Stage.LOST, date(2026, 11, 2), actor, "预算不足"),
            (Stage.LEAD, date(2026, 11, 5), actor, "")]
        steps = rows[leads.moved]
        sources = [op for op in lead_ops[leads.moved]
                   if op.kind == "create" or op.field == "stage"]
        assert [(x.moved_at, x.hlc) for x in steps] == [(op.at, op.hlc) for op in sources]
        assert [x.id for x in steps] == [
            M.step_id(leads.moved, "lead", date(2026, 10, 1), 0),
            M.step_id(leads.moved, "in_contact", date(2026, 10, 20), 0),
            M.step_id(leads.moved, "negotiating", date(2026, 10, 20), 0),
            M.step_id(leads.moved, "lost", date(2026, 11, 2), 0),
            M.step_id(leads.moved, "lead", date(2026, 11, 5), 0)]
        for step, source in zip(steps, sources, strict=True):  # news to the others: an op each
            op = creates[step.id]
            assert (op.kind, op.field, op.base_version) == ("create", None, 0)
            assert (op.actor, op.device_id, op.at, op.hlc) == (actor, device, source.at,
                                                                step.hlc)
            # the payload a flush of the row would have written
            assert op.payload == {k: to_json_value(getattr(step, k)) for k in DATA_KEYS}
            assert step.field_hlc == dict.fromkeys(DATA_KEYS, step.hlc)

        # pushed, no op left: its current stage only, as every replica derives it; no op
        [only] = rows[leads.synced]
        assert history[leads.synced] == [(Stage.IN_CONTACT, date(2026, 9, 15), "", "")]
        assert (only.actor, only.moved_at, only.hlc) == ("", None, stamps[leads.synced])
        assert only.id == M.step_id(leads.synced, "in_contact", date(2026, 9, 15), 0)
        assert only.id not in creates
        assert written[leads.synced][-1][:2] == history[leads.synced][0][:2]

        # pushed, then moved here: what the queue holds, the move (as the outbox said)
        [move] = rows[leads.moved_after_sync]
        assert history[leads.moved_after_sync] == [
            (Stage.NEGOTIATING, date(2026, 11, 10), actor, "")]
        assert move.moved_at is not None and move.id in creates
        assert set(creates) == {x.id for x in steps} | {move.id}

        # the table is insert-only from here on
        key = only.id.hex if store.kind == "sqlite" else str(only.id)
        for sql in ("UPDATE lead_stage_steps SET stage = 'lost' WHERE id = :id",
                    "DELETE FROM lead_stage_steps WHERE id = :id"):
            with pytest.raises(IntegrityError, match="ledger rows are never"), \
                    upgraded.engine.begin() as connection:
                connection.execute(text(sql), {"id": key})
        # and the services write on after the backfilled steps
        p.move_lead(upgraded, leads.synced, Stage.NEGOTIATING, date(2026, 11, 20))
        assert [x[0] for x in _history(upgraded, leads.synced)] == [Stage.IN_CONTACT,
                                                                     Stage.NEGOTIATING]
    finally:
        upgraded.close()


def test_backfilled_ids_are_the_same_on_every_replica(tmp_path):
    """Two devices holding the same lead derive the same steps, so sync keeps one of each;
    migrating down and up again derives the very same rows too."""
    path = tmp_path / "a.leasemap"
    build_small_workspace(path)
    ws = Workspace.open(path)
    try:
        leads = _fill(ws, _park_id(ws))
        _at_0007(ws)
    finally:
        ws.close()
    copy = tmp_path / "b.leasemap"
    shutil.copyfile(path, copy)

    def steps(at) -> dict[uuid.UUID, tuple]:
        with Workspace.open(at) as opened:
            return {x.id: (x.lead_id, x.stage, x.stage_on, x.lost_reason, x.actor, x.moved_at)
                    for rows in _rows(opened).values() for x in rows}

    first = steps(path)
    assert steps(copy) == first
    assert len(first) == 7 and {x[0] for x in first.values()} == set(vars(leads).values())
    ws = Workspace.open(path)
    try:
        _at_0007(ws)
    finally:
        ws.close()
    assert steps(path) == first


def test_a_lead_the_outbox_holds_with_a_stale_day_ends_on_the_lead_s(tmp_path):
    """The last step always says the lead's current stage, day and reason (as the outbox
    reading did), even if a change reached the lead without its op (a pulled field)."""
    path = tmp_path / "a.leasemap"
    build_small_workspace(path)
    ws = Workspace.open(path)
    try:
        park_id = _park_id(ws)
        lead_id = p.create_lead(ws, park_id, _input("过期日期有限公司"), date(2026, 10, 1))
        p.move_lead(ws, lead_id, Stage.LOST, date(2026, 10, 5), "预算不足")
        _at_0007(ws)
        with ws.engine.begin() as connection:  # sync applying a pulled change: no op here
            connection.execute(text("UPDATE leads SET stage_on = '2026-10-09', "
                                    "lost_reason = '选择了竞品园区'"))
    finally:
        ws.close()
    with Workspace.open(path) as upgraded:
        assert _history(upgraded, lead_id) == [
            (Stage.LEAD, date(2026, 10, 1), upgraded.actor, ""),
            (Stage.LOST, date(2026, 10, 9), upgraded.actor, "选择了竞品园区")]
        [_, last] = _rows(upgraded)[lead_id]
        assert last.id == M.step_id(lead_id, "lost", date(2026, 10, 9), 0)
