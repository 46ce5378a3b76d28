"""Every code collections shows has words: each tier, action kind and form, each reason a
credit score gives and each note on a signal, filled with the figures the domain puts in
them (a template naming a figure the domain does not give would fall back to the code)."""

from __future__ import annotations

import uuid
from datetime import date
from types import SimpleNamespace

from domain.billing.collections import ActionForm, ActionKind
from domain.billing.credit import (
    CreditFacts,
    CreditParams,
    CreditSignal,
    LatePayment,
    Tier,
    credit_score,
)
from views import collections_text as ct

ONE = uuid.UUID(int=1)


def test_every_tier_action_and_form_has_words():
    assert set(ct.TIERS) == {t.value for t in Tier}
    assert set(ct.ACTIONS) == {k.value for k in ActionKind}
    assert set(ct.FORMS) == {f.value for f in ActionForm}
    assert ct.tier_text(Tier.HIGH) == "High risk"
    assert ct.action_text(ActionKind.SITE_CHECK) == "Site check within 48 h"


def test_every_reason_and_note_the_score_gives_is_said_with_its_figures():
    on = date(2026, 6, 1)
    late = tuple(LatePayment(uuid.UUID(int=i), date(2026, 1, 1), date(2026, 2, i), 30 + i)
                 for i in range(1, 12))
    facts = CreditFacts(ONE, date(2025, 1, 1), late, (
        CreditSignal(date(2026, 1, 2), "court", "案号 1"),
        CreditSignal(date(2026, 1, 3), "tax", ""),
        CreditSignal(date(2026, 1, 4), "法院", "二审"),
        CreditSignal(date(2026, 1, 5), "news", "裁员"),
        CreditSignal(date(2026, 1, 6), "税务", "罚款"),
        CreditSignal(date(2027, 1, 5), "tax", "将来"),
        CreditSignal(date(2020, 1, 5), "court", "旧案")), ("{'kind': 'tax'}",))
    score = credit_score(facts, on, CreditParams())
    codes = [r.code for r in score.reasons]
    assert codes == ["overdue", "late-payments", "court", "tax", "court", "tax",
                     "floor"]
    said = [ct.reason_text(r) for r in score.reasons]
    assert said[0] == ("The oldest bill still open, due 2025-01-01, is 516 days overdue: "
                       "1 point per 3 days, at most 60")
    assert said[1].startswith("11 bills paid after their due date since 2025-06-01 (the "
                              "latest 41 days late): 3 points each, at most 30")
    assert said[3] == "Tax notice from 2026-01-03: — (counts until 2027-01-03)"
    # overdue 60 (the cap) + late 30 (the cap) + court 15 + tax 10 + court 15 + tax 10
    assert said[6] == "The score stops at 0 (140 points off in all)"
    assert [ct.points_text(r.points) for r in score.reasons][-1] == "+40"
    notes = [ct.note_text(n) for n in score.notes]
    assert [n.code for n in score.notes] == ["signal-ended", "signal-other-kind",
                                             "signal-not-yet", "signal-unreadable"]
    assert notes[0] == "Court case from 2020-01-05 (旧案) ended on 2022-01-05: it no longer counts"
    assert notes[1].startswith("Other news from 2026-01-05 (裁员): noted")
    assert all("{" not in text or "'kind'" in text for text in said + notes)
    assert ct.reason_text(SimpleNamespace(code="new-code", params={"a": "1"})) == "new-code (a=1)"


def test_an_actions_state_and_the_card_head():
    on = date(2026, 4, 10)
    action = SimpleNamespace(ended_on=None, done_on=None, due_on=date(2026, 4, 8))
    assert ct.action_state_text(action, on) == "Open, 2 days late"
    action.due_on = None
    assert ct.action_state_text(action, on) == "Holds while the tier does"
    action.done_on = date(2026, 4, 9)
    assert ct.action_state_text(action, on) == "Done 2026-04-09"
    action.ended_on = date(2026, 4, 10)
    assert ct.action_state_text(action, on) == "Ended 2026-04-10: the tier was left"
    assert ct.renewal_frozen_text({"tier": "critical"}) == (
        "Renewal is frozen: the tenant's credit is critical.")
