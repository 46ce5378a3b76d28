"""Collections actions: each tier's row of SPEC §5's table, their due dates over weekends
and holidays, their content, and ids that make raising them again (or on another device)
the same action, episode by episode."""

from __future__ import annotations

import doctest
import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

import domain.billing.collections
from domain.billing.ageing import AgeingItem, ArrearsLine, ageing
from domain.billing.collections import (
    Action,
    ActionForm,
    ActionKind,
    TenantArrears,
    action_id,
    actions,
    add_working_days,
    bill_early_days,
    is_working_day,
    renewal_frozen,
)
from domain.billing.credit import Tier
from domain.leasing.lifecycle import OwnerRole

D = Decimal
K = ActionKind
MONDAY = date(2026, 6, 1)
FRIDAY = date(2026, 6, 5)
T, OTHER = uuid.UUID(int=1), uuid.UUID(int=2)
C1, C2 = uuid.UUID(int=21), uuid.UUID(int=22)
# 国庆 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked (调休).
HOLIDAYS = frozenset(date(2025, 10, d) for d in range(1, 9))
WORKDAYS = frozenset({date(2025, 9, 28), date(2025, 10, 11)})


def owing(on: date = MONDAY, tenant: uuid.UUID = T) -> TenantArrears:
    items = [AgeingItem(uuid.UUID(int=101), tenant, None, C1, on - timedelta(days=40), D("3000")),
             AgeingItem(uuid.UUID(int=102), tenant, None, C1, on - timedelta(days=10), D("3000")),
             AgeingItem(uuid.UUID(int=103), tenant, None, C2, on - timedelta(days=70),
                      D("1234.5")),
             AgeingItem(uuid.UUID(int=104), tenant, None, C2, on + timedelta(days=3), D("999"))]
    return TenantArrears(tenant, ageing(items, on).arrears_of(tenant))


CLEAR = TenantArrears(T)


def kinds(result: list[Action]) -> list[ActionKind]:
    return [a.kind for a in result]


def test_the_module_examples():
    assert doctest.testmod(domain.billing.collections).failed == 0


@pytest.mark.parametrize(("tier", "early", "frozen"), [
    (Tier.LOW, 0, False), (Tier.MEDIUM, 7, False), (Tier.HIGH, 7, True),
    (Tier.CRITICAL, 7, True)])
def test_the_flags_the_billing_run_and_renewal_read(tier, early, frozen):
    assert bill_early_days(tier) == early
    assert renewal_frozen(tier) is frozen


def test_working_days_skip_weekends_and_holidays_and_count_make_up_days():
    assert add_working_days(MONDAY, 1) == date(2026, 6, 2)
    assert add_working_days(FRIDAY, 1) == date(2026, 6, 8)
    assert add_working_days(date(2026, 6, 6), 1) == date(2026, 6, 8)  # a Saturday
    assert add_working_days(FRIDAY, 5) == date(2026, 6, 12)
    assert add_working_days(date(2025, 9, 30), 1, HOLIDAYS, WORKDAYS) == date(2025, 10, 9)
    assert add_working_days(date(2025, 9, 26), 1, HOLIDAYS, WORKDAYS) == date(2025, 9, 28)
    assert add_working_days(date(2025, 10, 10), 1, HOLIDAYS, WORKDAYS) == date(2025, 10, 11)
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 1)  # no calendar given
    assert not is_working_day(date(2025, 10, 3), HOLIDAYS, WORKDAYS)
    assert is_working_day(date(2025, 10, 11), HOLIDAYS, WORKDAYS)
    with pytest.raises(ValueError, match="from one"):
        add_working_days(MONDAY, 0)


def test_a_low_tier_does_nothing():
    assert actions(owing(), 90, Tier.LOW, MONDAY, []) == []


def test_medium_bills_earlier_sends_a_reminder_and_calls_the_next_working_day():
    result = actions(owing(FRIDAY), 72, Tier.MEDIUM, FRIDAY, [])
    assert kinds(result) == [K.BILL_EARLY, K.REMINDER_LETTER, K.CALL]
    early, letter, call = result
    assert (early.form, early.due_on, early.owner_role) == (ActionForm.FLAG, None,
                                                            OwnerRole.FINANCE)
    assert (letter.form, letter.due_on) == (ActionForm.TASK, FRIDAY)
    assert (call.form, call.due_on) == (ActionForm.TASK, date(2026, 6, 8))  # the Monday
    assert all((a.tier, a.episode, a.raised_on, a.tenant_id, a.ended_on) ==
               (Tier.MEDIUM, 1, FRIDAY, T, None) for a in result)
    assert letter.content == {
        "score": "72", "tier": "medium", "amount": "7234.50",
        "bills": ",".join(str(uuid.UUID(int=n)) for n in (103, 101, 102)),
        "bill_count": "3", "days": "70",
        "oldest_due_on": (FRIDAY - timedelta(days=70)).isoformat(),
        "contracts": f"{C2},{C1}"}


def test_holidays_move_the_call():
    on = date(2025, 9, 30)
    [_, _, call] = actions(owing(on), 70, Tier.MEDIUM, on, [], HOLIDAYS, WORKDAYS)
    assert call.due_on == date(2025, 10, 9)


def test_high_freezes_renewal_gives_notice_warns_of_the_deposit_and_asks_for_review():
    result = actions(owing(), 50, Tier.HIGH, MONDAY, [])
    assert kinds(result) == [K.RENEWAL_FROZEN, K.FORMAL_NOTICE, K.DEPOSIT_WARNING,
                             K.LEGAL_REVIEW]
    frozen, notice, warning, review = result
    assert (frozen.form, frozen.due_on, frozen.owner_role) == (ActionForm.FLAG, None,
                                                               OwnerRole.LEASING)
    assert (notice.due_on, warning.due_on) == (MONDAY, MONDAY)
    assert (review.due_on, review.owner_role) == (date(2026, 6, 8), OwnerRole.MANAGER)
    assert notice.content["amount"] == "7234.50"


def test_critical_starts_termination_and_a_site_check_within_48_hours():
    result = actions(owing(FRIDAY), 20, Tier.CRITICAL, FRIDAY, [])
    assert kinds(result) == [K.TERMINATION, K.SITE_CHECK]
    termination, check = result
    assert (termination.form, termination.due_on, termination.owner_role) == (
        ActionForm.TASK, FRIDAY, OwnerRole.MANAGER)
    assert (check.due_on, check.owner_role) == (date(2026, 6, 7), OwnerRole.OPERATIONS)


def test_no_letter_about_money_while_nothing_is_overdue():
    assert kinds(actions(CLEAR, 80, Tier.MEDIUM, MONDAY, [])) == [K.BILL_EARLY, K.CALL]
    assert kinds(actions(CLEAR, 45, Tier.HIGH, MONDAY, [])) == [K.RENEWAL_FROZEN,
                                                                K.LEGAL_REVIEW]
    [early, call] = actions(CLEAR, 80, Tier.MEDIUM, MONDAY, [])
    assert (call.content["amount"], call.content["bills"], call.content["days"],
            call.content["oldest_due_on"]) == ("0.00", "", "0", "")
    # Arrears appear later in the same episode: the letter is raised then, in that episode.
    later = MONDAY + timedelta(days=9)
    again = actions(owing(later), 75, Tier.MEDIUM, later, [early, call])
    assert again[0] is early and again[2] is call
    letter = again[1]
    assert (letter.kind, letter.episode, letter.raised_on) == (K.REMINDER_LETTER, 1, later)


def test_raising_again_or_on_another_device_is_the_same_action():
    first = actions(owing(), 72, Tier.MEDIUM, MONDAY, [])
    later = MONDAY + timedelta(days=3)
    assert actions(owing(later), 68, Tier.MEDIUM, later, first) == first
    # A device that has not seen them derives the same ids, whatever the day.
    elsewhere = actions(owing(later), 68, Tier.MEDIUM, later, [])
    assert [a.id for a in elsewhere] == [a.id for a in first]
    assert first[0].id == action_id(T, K.BILL_EARLY, Tier.MEDIUM, 1)
    # A task marked done stays done and is not raised again.
    done = [replace(first[1], done_on=later), first[0], first[2]]
    assert actions(owing(later), 68, Tier.MEDIUM, later, done)[1].done_on == later


def test_ids_differ_by_tenant_kind_tier_and_episode():
    ids = {action_id(t, k, tier, n) for t in (T, OTHER) for k in (K.CALL, K.LEGAL_REVIEW)
           for tier in (Tier.MEDIUM, Tier.HIGH) for n in (1, 2)}
    assert len(ids) == 16
    assert action_id(T, K.CALL, Tier.MEDIUM, 1) == uuid.uuid5(
        uuid.UUID("2289e9ee-f89e-4e7d-b642-a3addf966980"),
        "00000000-0000-0000-0000-000000000001:call:medium:1")


def test_a_tier_change_ends_the_old_episode_and_coming_back_starts_the_next():
    day1, day2, day3, day4 = (MONDAY + timedelta(days=n) for n in (0, 10, 20, 30))
    stored: dict[uuid.UUID, Action] = {}

    def run(tier: Tier, score: int, on: date) -> list[Action]:
        result = actions(owing(on), score, tier, on, stored.values())
        stored.update((a.id, a) for a in result)
        return result

    medium = run(Tier.MEDIUM, 70, day1)
    high = run(Tier.HIGH, 50, day2)
    assert kinds(high) == [K.RENEWAL_FROZEN, K.FORMAL_NOTICE, K.DEPOSIT_WARNING,
                           K.LEGAL_REVIEW, K.BILL_EARLY, K.REMINDER_LETTER, K.CALL]
    assert [a.episode for a in high[:4]] == [1] * 4
    assert high[4:] == [replace(a, ended_on=day2) for a in medium]
    back = run(Tier.MEDIUM, 65, day3)
    assert [(a.kind, a.episode, a.raised_on) for a in back[:3]] == [
        (K.BILL_EARLY, 2, day3), (K.REMINDER_LETTER, 2, day3), (K.CALL, 2, day3)]
    assert not {a.id for a in back[:3]} & {a.id for a in medium}
    assert [a.ended_on for a in back[3:]] == [day3] * 4
    assert {a.kind for a in back[3:]} == {K.RENEWAL_FROZEN, K.FORMAL_NOTICE,
                                          K.DEPOSIT_WARNING, K.LEGAL_REVIEW}
    recovered = run(Tier.LOW, 90, day4)
    assert [(a.kind, a.episode, a.ended_on) for a in recovered] == [
        (K.BILL_EARLY, 2, day4), (K.REMINDER_LETTER, 2, day4), (K.CALL, 2, day4)]
    assert run(Tier.LOW, 95, day4 + timedelta(days=1)) == []
    assert len(stored) == 3 + 4 + 3
    assert all(a.ended_on is not None for a in stored.values())


def test_another_tenants_actions_are_left_alone():
    theirs = actions(owing(tenant=OTHER), 70, Tier.MEDIUM, MONDAY, [])
    mine = actions(owing(), 50, Tier.HIGH, MONDAY, theirs)
    assert kinds(mine) == [K.RENEWAL_FROZEN, K.FORMAL_NOTICE, K.DEPOSIT_WARNING,
                           K.LEGAL_REVIEW]
    assert actions(owing(), 90, Tier.LOW, MONDAY, theirs) == []
    assert {a.id for a in theirs}.isdisjoint(a.id for a in actions(owing(), 70, Tier.MEDIUM,
                                                                    MONDAY, theirs))


def test_content_reads_the_arrears_lines():
    line = ArrearsLine(T, C1, date(2026, 1, 1), 151, D("0.005"), (uuid.UUID(int=9),))
    [_, letter, _] = actions(TenantArrears(T, (line,)), 61, Tier.MEDIUM, MONDAY, [])
    assert (letter.content["amount"], letter.content["days"], letter.content["bills"]) == (
        "0.01", "151", str(uuid.UUID(int=9)))
