"""The demo's leads come with their stage history: the way each went to where it is."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from sqlalchemy import select

from demo import build_demo
from demo.leasing import plan_leasing
from demo.plan import plan_park
from domain.leasing.pipeline import Stage, may_move
from runtime.jobs import Job
from services import pipeline
from store.schema import Contract, Lead, LeadStageStep, Outbox, Quote
from store.workspace import Workspace

TODAY = date(2026, 11, 22)
SHANGHAI = timezone(timedelta(hours=8))
OPEN_PATH = [Stage.LEAD, Stage.IN_CONTACT, Stage.NEGOTIATING, Stage.QUOTED]


@dataclass
class Demo:
    leads: list[Lead]
    steps: dict[object, list[LeadStageStep]]  # by lead id, in stamp order
    history: dict[object, list[pipeline.StageStep]]
    quotes: list[Quote]
    contracts: list[Contract]
    creates: Counter


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    path = tmp_path_factory.mktemp("demo-history") / "demo.leasemap"
    build_demo(path, units=600, today=TODAY)
    with Workspace.open(path) as ws, ws.reading() as session:
        leads = list(session.scalars(select(Lead)))
        steps: dict[object, list[LeadStageStep]] = defaultdict(list)
        for step in sorted(session.scalars(select(LeadStageStep)), key=lambda s: s.hlc):
            steps[step.lead_id].append(step)
        history = {lead.id: pipeline.lead_history(session, lead.id) for lead in leads}
        creates = Counter(op.entity_id for op in session.scalars(
            select(Outbox).where(Outbox.entity == "lead_stage_steps", Outbox.kind == "create")))
        return Demo(leads, dict(steps), history, list(session.scalars(select(Quote))),
                    list(session.scalars(select(Contract))), creates)


def test_every_lead_has_its_path_ending_where_it_is(demo):
    assert {lead.stage for lead in demo.leads} == {s.value for s in Stage}
    for lead in demo.leads:
        steps = demo.steps[lead.id]
        stages = [Stage(x.stage) for x in steps]
        assert stages[0] is Stage.LEAD
        assert (steps[-1].stage, steps[-1].stage_on, steps[-1].lost_reason) == (
            lead.stage, lead.stage_on, lead.lost_reason)
        assert all(may_move(a, b) for a, b in pairwise(stages))
        days = [x.stage_on for x in steps]
        assert days == sorted(days) and days[-1] <= TODAY
        if Stage(lead.stage).is_open:
            assert stages == OPEN_PATH[:OPEN_PATH.index(Stage(lead.stage)) + 1]
        elif lead.stage == Stage.SIGNED.value:
            assert stages == [*OPEN_PATH, Stage.SIGNED]
        else:
            assert stages[-1] is Stage.LOST and stages[:-1] == OPEN_PATH[:len(stages) - 1]
            assert 2 <= len(stages) <= 4
        assert all(x.lost_reason == "" for x in steps[:-1])
        for step in steps:  # moved by the lead's owner, on the step's day, in office hours
            assert step.actor == lead.owner
            local = step.moved_at.astimezone(SHANGHAI)
            assert local.date() == step.stage_on and 9 <= local.hour <= 17
            assert step.moved_at.tzinfo is not None and step.moved_at < datetime.now(UTC)


def test_quoted_and_signed_leads_were_quoted_on_their_quote_s_day(demo):
    quotes = defaultdict(list)
    for quote in demo.quotes:
        quotes[quote.lead_id].append(quote.quoted_on)
    signed_on = {c.lead_id: c.signed_on for c in demo.contracts if c.lead_id is not None}
    checked = Counter()
    for lead in demo.leads:
        quoted = [x.stage_on for x in demo.steps[lead.id] if x.stage == Stage.QUOTED.value]
        if lead.stage in (Stage.QUOTED.value, Stage.SIGNED.value):
            assert quoted and quoted[0] in quotes[lead.id]
            checked[lead.stage] += 1
        if lead.stage == Stage.SIGNED.value:
            assert demo.steps[lead.id][-1].stage_on == signed_on[lead.id] > quoted[0]
    assert checked[Stage.QUOTED.value] and checked[Stage.SIGNED.value]


def test_the_form_reads_the_same_path_and_each_step_travels_once(demo):
    for lead in demo.leads:
        steps = demo.steps[lead.id]
        assert [(x.stage, x.on, x.actor, x.at, x.lost_reason)
                for x in demo.history[lead.id]] == [
            (Stage(x.stage), x.stage_on, x.actor, x.moved_at, x.lost_reason) for x in steps]
        assert all(demo.creates[x.id] == 1 for x in steps)
    assert sum(demo.creates.values()) == sum(len(s) for s in demo.steps.values())


def test_the_same_seed_gives_the_same_histories():
    """Days, times and people are the seed's, like everything else in the demo."""
    def plan(seed: int) -> tuple[set[str], list[tuple]]:
        leasing = plan_leasing(plan_park(300, seed, TODAY, Job()), seed, TODAY)
        return {x.code for x in leasing.leads}, [
            (leasing.leads[x.lead].code, x.stage, x.on, x.actor, x.moved_at, x.lost_reason)
            for x in leasing.steps]

    codes, first = plan(11)
    assert (codes, first) == plan(11) and first != plan(12)[1]
    assert {code for code, *_ in first} == codes  # every lead has its steps
