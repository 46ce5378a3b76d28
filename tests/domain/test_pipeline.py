"""The pipeline's stages, their odds, the moves the board allows, and a lead's needs."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.leasing.pipeline
from domain.assets import UnitType
from domain.leasing.pipeline import (
    DEFAULT_PROBABILITIES,
    OPEN_STAGES,
    LeadNeeds,
    Stage,
    lead_field_problems,
    may_move,
    probability,
    weighted_pipeline,
)

D = Decimal


def test_the_module_examples():
    assert doctest.testmod(domain.leasing.pipeline).failed == 0


def test_stages_are_stored_by_their_words():
    assert [s.value for s in Stage] == ["lead", "in_contact", "negotiating", "quoted", "signed",
                                        "lost"]
    assert OPEN_STAGES == (Stage.LEAD, Stage.IN_CONTACT, Stage.NEGOTIATING, Stage.QUOTED)
    assert not Stage.SIGNED.is_open and not Stage.LOST.is_open and Stage.QUOTED.is_open


def test_default_probabilities_and_a_parks_own():
    assert [DEFAULT_PROBABILITIES[s] for s in Stage] == [
        D("0.10"), D("0.30"), D("0.60"), D("0.80"), D("1.00"), D("0.00")]
    park = {"negotiating": D("0.5"), "quoted": D("0.9")}
    assert probability(Stage.NEGOTIATING, park) == D("0.5")
    assert probability(Stage.QUOTED, park) == D("0.9")
    assert probability(Stage.LEAD, park) == D("0.10")  # not overridden: the default
    assert probability(Stage.LEAD) == D("0.10")
    with pytest.raises(ValueError, match="0–1"):
        probability(Stage.QUOTED, {"quoted": D(80)})  # 80 meant as 80 %
    with pytest.raises(ValueError):
        probability(Stage.QUOTED, {"quoted": D("-0.1")})


def test_moves_the_board_allows():
    # written out, not derived: the rule as a table of every pair
    for a in Stage:
        for b in Stage:
            expected = (a is not b) and (
                a in (Stage.LEAD, Stage.IN_CONTACT, Stage.NEGOTIATING, Stage.QUOTED)
                or (a is Stage.LOST and b is Stage.LEAD))
            assert may_move(a, b) is expected, (a, b)
    assert may_move(Stage.LEAD, Stage.QUOTED)  # skipping ahead
    assert may_move(Stage.QUOTED, Stage.IN_CONTACT)  # stepping back
    assert may_move(Stage.LEAD, Stage.SIGNED) and may_move(Stage.NEGOTIATING, Stage.LOST)
    assert not may_move(Stage.SIGNED, Stage.QUOTED) and not may_move(Stage.SIGNED, Stage.LOST)
    assert not may_move(Stage.LOST, Stage.QUOTED)


def test_weighted_pipeline():
    leads = [(Stage.LEAD, D("120000")), (Stage.IN_CONTACT, D("50000")),
             (Stage.NEGOTIATING, D("33333.33")), (Stage.QUOTED, D("80000")),
             (Stage.SIGNED, D("10000")), (Stage.LOST, D("999999"))]
    # 12,000 + 15,000 + 19,999.998 + 64,000 + 10,000 + 0
    assert weighted_pipeline(leads) == D("121000.00")  # 120,999.998, rounded once at the sum
    park = {"lead": D("0"), "quoted": D("0.5")}
    assert weighted_pipeline(leads, park) == D("85000.00")  # 0 + … + 40,000 + 10,000
    assert weighted_pipeline([]) == D("0.00")


@given(st.lists(st.tuples(st.sampled_from(list(Stage)),
                          st.decimals(min_value=0, max_value=10**7, places=2)), max_size=30))
def test_weighted_pipeline_lies_between_signed_and_everything(leads):
    weighted = weighted_pipeline(leads)
    signed = sum((v for s, v in leads if s is Stage.SIGNED), D(0))
    everything = sum((v for s, v in leads if s is not Stage.LOST), D(0))
    assert signed <= weighted <= everything
    # every lead one stage further (never past quoted) is worth at least as much
    ahead = {Stage.LEAD: Stage.IN_CONTACT, Stage.IN_CONTACT: Stage.NEGOTIATING,
             Stage.NEGOTIATING: Stage.QUOTED}
    assert weighted_pipeline([(ahead.get(s, s), v) for s, v in leads]) >= weighted


def test_lead_needs_refuses_nonsense():
    needs = LeadNeeds(D(300), D(500), D(90), unit_type=UnitType.OFFICE,
                      tags=frozenset({"货梯"}), building_codes=("A",))
    assert needs.area_min == D(300) and needs.building_codes == ("A",)
    assert LeadNeeds(D(300), D(300)).budget is None  # an exact area is a range of one
    with pytest.raises(ValueError):
        LeadNeeds(D(0), D(100))
    with pytest.raises(ValueError):
        LeadNeeds(D(500), D(300))
    with pytest.raises(ValueError):
        LeadNeeds(D(300), D(500), budget=D(0))


def test_a_leads_fields_are_refused_field_by_field_with_their_figures():
    assert lead_field_problems("上海星河生物科技有限公司", D(100), D(200), D(95)) == []
    found = lead_field_problems("  ", D(0), D(-5), D(0))
    assert [(p.field, p.code, p.params) for p in found] == [
        ("company", "lead-company-missing", {}),
        ("area_min", "lead-area-not-positive", {"area": "0"}),
        ("area_max", "lead-area-range", {"min": "0", "max": "-5"}),
        ("budget", "lead-budget-not-positive", {"budget": "0"}),
    ]


figures = st.decimals(min_value=-10, max_value=1000, places=2)


@given(figures, figures, st.none() | figures)
def test_a_lead_the_form_saves_is_a_lead_matching_reads(area_min, area_max, budget):
    saved = not lead_field_problems("星河", area_min, area_max, budget)
    try:
        LeadNeeds(area_min, area_max, budget)
    except ValueError:
        assert not saved
    else:
        assert saved
