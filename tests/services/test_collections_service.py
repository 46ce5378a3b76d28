"""Collections on a real workspace: credit scores and tiers from stored bills, payments and
signals, the tier boundaries, each tier's actions stored once as alerts (on two devices
too), ended when the tier changes, done by a person; renewal frozen; bills due earlier.

The small park's tenant (上海云帆智能科技有限公司) leases ZD-A-0101 (HT-2026-0001,
11,913.00 a month from 2026-01-01, due on each month's first day). The fixture bills
January to March 2026 (issued 2025-12-25) and nothing is paid, so on a day D the tenant's
oldest overdue bill is January's, (D − 2026-01-01) days overdue: one point off per whole
3 days, at most 60.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.billing.collections import ActionKind, action_id
from domain.billing.credit import CreditSignal, Tier
from domain.leasing.renewal import AdviceKind
from services import billing_run, contracts, payments
from services.collections import (
    ALERT_KIND,
    CollectionsRefused,
    collections_overview,
    credit_scores,
    due_shift,
    mark_action_done,
    raise_actions,
    set_credit_signals,
    shift_due_dates,
    stored_actions,
    tenant_credit,
)
from services.payments import PaymentInput
from services.renewal_facts import renewal_inputs
from services.tenants import add_tenant
from store.schema import Alert, Contract, Outbox, Tenant
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
JAN = date(2026, 1, 1)
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    billing_run.post_run(workspace, park_id(workspace), JAN, date(2026, 3, 31),
                         date(2025, 12, 25))
    yield workspace
    workspace.close()


def _tenant(ws: Workspace):
    with ws.reading() as s:
        return s.scalar(select(Tenant.id).where(Tenant.name == TENANT))


def _credit(ws: Workspace, on: date):
    with ws.reading() as s:
        found = tenant_credit(s, park_id(ws), _tenant(ws), on)
    assert found is not None
    return found


def _signals(ws: Workspace, *entries: tuple[str, date]) -> None:
    set_credit_signals(ws, _tenant(ws), [{"on": day.isoformat(), "kind": kind, "note": "案"}
                                         for kind, day in entries])


def _alerts(ws: Workspace) -> list[Alert]:
    with ws.reading() as s:
        rows = list(s.scalars(select(Alert).where(Alert.kind == ALERT_KIND)
                              .order_by(Alert.raised_on, Alert.code)))
        s.expunge_all()
    return rows


def _open_codes(ws: Workspace) -> list[str]:
    return sorted(a.code for a in _alerts(ws)
                  if a.cleared_on is None and a.ended_on is None and not a.archived)


def _pay(ws: Workspace, day: date, amount: str) -> None:
    payments.enter_payment(ws, park_id(ws), PaymentInput(day, D(amount), TENANT,
                                                         tenant_id=_tenant(ws)))


def _count(ws: Workspace, model) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


# -- scores ------------------------------------------------------------------------------


def test_the_score_reads_the_stored_bills_and_counts_days_overdue(ws):
    credit = _credit(ws, date(2026, 4, 1))  # January's bill 90 days overdue: 30 points
    assert credit.score.score == 70 and credit.tier is Tier.MEDIUM
    assert [(r.code, r.points, r.params["days"]) for r in credit.score.reasons] == [
        ("overdue", 30, "90")]
    assert credit.overdue == D("35739.00")  # three months of 11,913.00
    assert [c.code for c in credit.contracts] == ["HT-2026-0001", "HT-2027-0002"]
    # As it stood on 2026-01-03: two days overdue cost nothing; the third costs one point
    assert _credit(ws, date(2026, 1, 3)).score.score == 100
    assert _credit(ws, date(2026, 1, 4)).score.score == 99


@pytest.mark.parametrize(("day", "days", "score", "tier"), [
    (date(2026, 5, 2), 121, 60, Tier.MEDIUM),  # 121 // 3 = 40
    (date(2026, 5, 3), 122, 60, Tier.MEDIUM),
    (date(2026, 5, 4), 123, 59, Tier.HIGH),  # 41
    (date(2026, 10, 15), 287, 40, Tier.HIGH),  # 287 // 3 = 95, the cap: 60
])
def test_a_tenant_who_pays_nothing_is_high_risk_after_four_months(ws, day, days, score, tier):
    # Nothing paid, no signals: no late payment (a bill still open is not one), only days.
    credit = _credit(ws, day)
    assert [(r.code, r.params["days"]) for r in credit.score.reasons] == [
        ("overdue", str(days))]
    assert (credit.score.score, credit.tier) == (score, tier)


def test_bills_issued_after_the_day_do_not_count(ws):
    billing_run.post_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 4, 30),
                         date(2026, 5, 20))  # April's bill, issued late
    with ws.reading() as s:
        before = credit_scores(s, park_id(ws), date(2026, 5, 10))[_tenant(ws)]
        after = credit_scores(s, park_id(ws), date(2026, 5, 21))[_tenant(ws)]
    assert before.overdue == D("35739.00") and after.overdue == D("47652.00")


def test_a_bill_paid_late_is_a_late_payment_and_its_days_stop_counting(ws):
    _pay(ws, date(2026, 1, 21), "11913.00")  # January's, 20 days late
    credit = _credit(ws, date(2026, 2, 11))  # February's now the oldest: 10 days, 3 points
    assert [(r.code, r.points) for r in credit.score.reasons] == [
        ("overdue", 3), ("late-payments", 3)]
    assert [(x.days_late, x.paid_on) for x in credit.late] == [(20, date(2026, 1, 21))]
    assert credit.score.score == 94


@pytest.mark.parametrize(("day", "signals", "score", "tier"), [
    (date(2026, 1, 3), (("court", JAN),), 85, Tier.LOW),  # 2 days overdue: 0; court 15
    (date(2026, 1, 4), (("court", JAN),), 84, Tier.MEDIUM),  # 3 days: 1
    (date(2026, 2, 17), (("court", JAN), ("tax", JAN)), 60, Tier.MEDIUM),  # 47 days: 15
    (date(2026, 2, 18), (("court", JAN), ("tax", JAN)), 59, Tier.HIGH),  # 48 days: 16
    (date(2026, 3, 4), (("court", JAN), ("诉讼", JAN), ("tax", JAN)), 40, Tier.HIGH),  # 62: 20
    (date(2026, 3, 5), (("court", JAN), ("诉讼", JAN), ("tax", JAN)), 39, Tier.CRITICAL),  # 21
])
def test_the_tier_boundaries_from_stored_facts(ws, day, signals, score, tier):
    _signals(ws, *signals)
    credit = _credit(ws, day)
    assert (credit.score.score, credit.tier) == (score, tier)
    assert sum(r.points for r in credit.score.reasons) == 100 - score


def test_signals_are_checked_and_stored_by_day(ws):
    stored = set_credit_signals(ws, _tenant(ws), [
        {"on": "2026-03-02", "kind": " tax ", "note": "欠税公告", "until": "2026-09-30"},
        CreditSignal(date(2026, 2, 1), "news", "评级下调")])
    assert [(s.on, s.kind) for s in stored] == [(date(2026, 2, 1), "news"),
                                                (date(2026, 3, 2), "tax")]
    with ws.reading() as s:
        assert s.get(Tenant, _tenant(ws)).credit_signals == [
            {"on": "2026-02-01", "kind": "news", "note": "评级下调"},
            {"on": "2026-03-02", "kind": "tax", "note": "欠税公告", "until": "2026-09-30"}]
    credit = _credit(ws, date(2026, 1, 3))  # before both: neither counts, both listed
    assert [n.code for n in credit.score.notes] == ["signal-other-kind", "signal-not-yet"]
    for entries, code in (
            ([{"on": "2026-13-01", "kind": "tax"}], "credit-signal-date"),
            ([{"kind": "tax"}], "credit-signal-no-day"),
            ([{"on": "2026-03-01", "kind": "  "}], "credit-signal-no-kind"),
            ([{"on": "2026-03-01", "kind": "tax", "until": "2026-02-01"}],
             "credit-signal-until"),
            ([{"on": "2026-03-01", "kind": "x" * 51}], "credit-signal-kind-long")):
        with pytest.raises(CollectionsRefused) as refused:
            set_credit_signals(ws, _tenant(ws), [{"on": "2026-01-01", "kind": "court"},
                                                 *entries])
        assert refused.value.code == code and refused.value.params["row"] == "2"
    with ws.reading() as s:  # nothing written by a refusal
        assert len(s.get(Tenant, _tenant(ws)).credit_signals) == 2


# -- actions -----------------------------------------------------------------------------


def test_a_tiers_actions_are_raised_once_as_alerts(ws):
    tenant = _tenant(ws)
    run = raise_actions(ws, park_id(ws), date(2026, 4, 1))  # a Wednesday, score 70
    assert (run.raised, run.ended, run.tiers[Tier.MEDIUM]) == (3, 0, 1)
    rows = {a.code: a for a in _alerts(ws)}
    assert set(rows) == {"bill_early", "reminder_letter", "call"}
    assert rows["call"].due_on == date(2026, 4, 2) and rows["call"].owner_role == "finance"
    assert rows["reminder_letter"].due_on == date(2026, 4, 1)
    assert rows["bill_early"].id == action_id(tenant, ActionKind.BILL_EARLY, Tier.MEDIUM, 1)
    with ws.reading() as s:
        contract = s.get(Contract, rows["call"].contract_id)
        assert contract.code == "HT-2026-0001"  # the contract with the arrears
    ops = _count(ws, Outbox)
    again = raise_actions(ws, park_id(ws), date(2026, 4, 1))
    later = raise_actions(ws, park_id(ws), date(2026, 4, 3))  # the same episode goes on
    assert (again.raised, again.ended, later.raised, later.ended) == (0, 0, 0, 0)
    assert _count(ws, Outbox) == ops and len(_alerts(ws)) == 3


def test_two_devices_raising_the_same_history_make_the_same_rows(ws, tmp_path):
    other_path = tmp_path / "other.leasemap"
    ws.close()
    shutil.copy(tmp_path / "park.leasemap", other_path)
    first, second = Workspace.open(tmp_path / "park.leasemap"), Workspace.open(other_path)
    try:
        for workspace in (first, second):
            raise_actions(workspace, park_id(workspace), date(2026, 4, 1))
        assert {a.id for a in _alerts(first)} == {a.id for a in _alerts(second)}
        assert len(_alerts(first)) == 3
    finally:
        first.close()
        second.close()


def test_a_letter_waits_for_arrears_and_a_better_tier_ends_the_actions(ws):
    _pay(ws, date(2026, 3, 31), "35739.00")  # everything, late
    _signals(ws, ("court", date(2026, 3, 1)), ("tax", date(2026, 3, 1)))
    credit = _credit(ws, date(2026, 4, 1))  # 15 + 10 + 3 late payments × 3 = 34: 66
    assert (credit.score.score, credit.tier, credit.overdue) == (66, Tier.MEDIUM, D(0))
    raise_actions(ws, park_id(ws), date(2026, 4, 1))
    assert _open_codes(ws) == ["bill_early", "call"]  # no letter for nothing owed
    set_credit_signals(ws, _tenant(ws), [])  # the signals were entered in error: 91, low
    run = raise_actions(ws, park_id(ws), date(2026, 4, 2))
    assert (run.raised, run.ended) == (0, 2) and _open_codes(ws) == []
    ended = _alerts(ws)
    # Ended, not deleted: the day it ended is its own field; none was done.
    assert all(a.ended_on == date(2026, 4, 2) and a.cleared_on is None and not a.archived
               for a in ended)
    # Back in medium later: a new episode, new rows beside the old ones.
    _signals(ws, ("court", date(2026, 4, 5)), ("tax", date(2026, 4, 5)))
    run = raise_actions(ws, park_id(ws), date(2026, 4, 6))
    assert run.raised == 2 and len(_alerts(ws)) == 4
    with ws.reading() as s:
        episodes = sorted(x.action.episode for x in stored_actions(s, park_id(ws))[_tenant(ws)])
    assert episodes == [1, 1, 2, 2]


def test_a_worse_tier_ends_the_better_ones_actions_and_raises_its_own(ws):
    raise_actions(ws, park_id(ws), date(2026, 4, 1))  # medium
    _signals(ws, ("court", date(2026, 3, 1)), ("tax", date(2026, 3, 1)))
    run = raise_actions(ws, park_id(ws), date(2026, 4, 2))  # 70 − 25 = 45: high
    assert (run.raised, run.ended, run.tiers[Tier.HIGH]) == (4, 3, 1)
    assert _open_codes(ws) == ["deposit_warning", "formal_notice", "legal_review",
                               "renewal_frozen"]
    review = next(a for a in _alerts(ws) if a.code == "legal_review")
    assert review.due_on == date(2026, 4, 9) and review.owner_role == "manager"  # 5 working


def test_done_tasks_stay_done_and_a_flag_is_not_a_task(ws):
    _signals(ws, ("court", date(2026, 3, 1)), ("tax", date(2026, 3, 1)))
    run = raise_actions(ws, park_id(ws), date(2026, 4, 1))  # 90 days: 30; 100 − 30 − 25 = 45
    assert run.tiers[Tier.HIGH] == 1
    run = raise_actions(ws, park_id(ws), date(2026, 4, 20))  # 109 days: 36 → 39, critical
    assert run.tiers[Tier.CRITICAL] == 1 and _open_codes(ws) == ["site_check", "termination"]
    rows = {a.code: a for a in _alerts(ws) if a.ended_on is None}
    assert rows["site_check"].due_on == date(2026, 4, 22)  # 48 hours
    for code in ("termination", "site_check"):
        mark_action_done(ws, rows[code].id, date(2026, 4, 21))
    mark_action_done(ws, rows["site_check"].id, date(2026, 4, 25))  # again: the first day
    assert _open_codes(ws) == []
    run = raise_actions(ws, park_id(ws), date(2026, 4, 26))  # still critical, all done
    assert (run.raised, run.ended) == (0, 0)
    with ws.reading() as s:
        done = {x.action.kind: x.action.done_on
                for x in stored_actions(s, park_id(ws))[_tenant(ws)] if x.action.tier
                is Tier.CRITICAL}
    assert done == {ActionKind.TERMINATION: date(2026, 4, 21),
                    ActionKind.SITE_CHECK: date(2026, 4, 21)}
    frozen = next(a for a in _alerts(ws) if a.code == "renewal_frozen")
    with pytest.raises(CollectionsRefused) as refused:
        mark_action_done(ws, frozen.id, date(2026, 4, 26))  # ended with the high tier
    assert refused.value.code == "collections-flag-not-done"
    notice = next(a for a in _alerts(ws) if a.code == "formal_notice")
    with pytest.raises(CollectionsRefused) as refused:
        mark_action_done(ws, notice.id, date(2026, 4, 26))
    assert refused.value.code == "collections-action-ended"
    with pytest.raises(CollectionsRefused) as refused:
        mark_action_done(ws, action_id(_tenant(ws), ActionKind.CALL, Tier.MEDIUM, 9),
                         date(2026, 4, 26))
    assert refused.value.code == "collections-no-action"


def test_the_overview_lists_the_worst_first_with_their_actions(ws):
    with ws.transaction() as s:
        other = add_tenant(s, park_id(ws), "上海星河贸易有限公司")
        other_id = other.id
    spec = lease_spec(ws, "ZD-A-0103", "HT-9", date(2026, 1, 1), date(2026, 12, 31),
                      signed_on=date(2025, 12, 1))
    contracts.create_signed(ws, park_id(ws), dataclasses.replace(
        spec, tenant_id=str(other_id), tenant_name="上海星河贸易有限公司"))
    raise_actions(ws, park_id(ws), date(2026, 4, 1))
    with ws.reading() as s:
        rows = collections_overview(s, park_id(ws), date(2026, 4, 1))
    assert [(r.credit.name, r.credit.tier) for r in rows] == [
        (TENANT, Tier.MEDIUM), ("上海星河贸易有限公司", Tier.LOW)]
    assert [a.action.kind for a in rows[0].actions] == [
        ActionKind.BILL_EARLY, ActionKind.REMINDER_LETTER, ActionKind.CALL]
    assert rows[1].actions == ()


# -- renewal and billing earlier -----------------------------------------------------------


def test_a_high_tier_tenants_renewal_is_frozen(ws):
    with ws.reading() as s:
        cid = s.scalar(select(Contract.id).where(Contract.code == "HT-2026-0001"))
    _pay(ws, date(2026, 1, 1), "35739.00")  # on time: a good payment record
    on = date(2027, 10, 15)  # 77 days before the lease ends on 2027-12-31
    with ws.reading() as s:
        plain = renewal_inputs(s, cid, on)
    assert plain.payment_record and plain.advice.kind is not AdviceKind.LET_GO
    assert plain.facts.late_payments == 0 and plain.facts.open_arrears == 0
    _signals(ws, ("court", date(2027, 9, 1)), ("诉讼", date(2027, 9, 2)),
             ("法院", date(2027, 9, 3)))  # 45 points: 55, high
    with ws.reading() as s:
        inputs = renewal_inputs(s, cid, on)
    assert inputs.facts.renewal_frozen and inputs.facts.credit_tier == "high"
    assert inputs.advice.kind is AdviceKind.LET_GO and inputs.advice.suggested_rate is None
    assert [r.code for r in inputs.advice.reasons] == ["renewal-frozen"]
    assert inputs.advice.reasons[0].params == {"tier": "high"}


def test_late_payments_and_arrears_reach_the_renewal_advice(ws):
    with ws.reading() as s:
        cid = s.scalar(select(Contract.id).where(Contract.code == "HT-2026-0001"))
        inputs = renewal_inputs(s, cid, date(2026, 1, 20))
    assert inputs.payment_record and inputs.facts.open_arrears == D("11913.00")
    assert inputs.advice.kind is None  # too early to advise; the facts are read all the same


def test_medium_and_worse_tenants_bills_fall_due_seven_days_earlier(ws):
    tenant = _tenant(ws)
    with ws.reading() as s:
        assert due_shift(s, park_id(ws), date(2026, 1, 2)) == {}  # low
        shifts = due_shift(s, park_id(ws), date(2026, 4, 1))  # medium
    assert shifts == {tenant: 7}
    plan = billing_run.rehearse_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 5, 31),
                                    date(2026, 3, 28))
    moved = plan.bills  # the run itself moves them (services.billing_run.plan_run)
    due = {b.number: b.due_on for b in moved}
    assert due["HT-2026-0001/2026-05-01/rent"] == date(2026, 4, 24)
    assert due["HT-2026-0001/2026-04-01/rent"] == date(2026, 3, 28)  # not before issuing
    may = next(b for b in moved if b.number == "HT-2026-0001/2026-05-01/rent")
    assert all(line.explanation["due_shift"] == {
        "days": "7", "was": "2026-05-01", "reason": "collections-bill-early"}
        for line in may.lines)
    assert shift_due_dates(plan.bills, plan.tenants, {}, plan.issued_on) == plan.bills
    again = shift_due_dates(plan.bills, plan.tenants, shifts, plan.issued_on)
    assert all(b.due_on - timedelta(days=7) <= m.due_on
               for b, m in zip(plan.bills, again, strict=True))
