"""Matching's score: each part's points with its reason, and a ranking that never shuffles."""

from __future__ import annotations

import doctest
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.leasing.matching
from domain.assets import UnitType
from domain.leasing.matching import (
    Candidate,
    Match,
    area_window,
    fits,
    rank,
    rank_key,
    score,
    set_asking_rent,
)
from domain.leasing.pipeline import LeadNeeds

D = Decimal
ON = date(2026, 12, 1)
MOVE_IN = date(2027, 3, 1)


def unit(area: str | Decimal, asking: str | None = "90", *, code: str = "ZD-A-0301",
         kind: UnitType = UnitType.OFFICE, tags: frozenset[str] = frozenset(),
         free: date = ON) -> Candidate:
    a = D(area)
    return Candidate((code,), (a,), a, None if asking is None else D(asking), free, (kind,),
                     tags, (uuid.uuid4(),))


def pair(*parts: tuple[str, str | None, UnitType], tags: frozenset[str] = frozenset()
         ) -> Candidate:
    areas = tuple(D(a) for a, _r, _k in parts)
    return Candidate(tuple(f"ZD-A-03{i:02d}" for i in range(1, len(parts) + 1)), areas,
                     sum(areas, D(0)),
                     set_asking_rent([(D(a), None if r is None else D(r)) for a, r, _k in parts]),
                     ON, tuple(k for _a, _r, k in parts), tags)


def reason(match: Match, prefix: str):
    [found] = [r for r in match.reasons if r.code.startswith(prefix)]
    return found


NEEDS = LeadNeeds(D(300), D(500), budget=D(100), move_in_on=MOVE_IN,
                  unit_type=UnitType.OFFICE, tags=frozenset({"货梯", "可注册", "景观"}))


def test_the_module_examples():
    assert doctest.testmod(domain.leasing.matching).failed == 0


def test_a_perfect_unit_scores_100_with_every_reason():
    found = score(NEEDS, unit("400", "95", tags=frozenset({"货梯", "可注册", "景观", "噪音"})),
                  ON)
    assert found.score == 100
    assert [(r.code, r.points) for r in found.reasons] == [
        ("area-fit", 40), ("budget-within", 20), ("type-match", 15), ("tags", 15),
        ("available", 10)]
    assert reason(found, "area").params == {"area": "400", "min": "300", "max": "500"}
    assert reason(found, "budget").params == {"asking": "95", "budget": "100"}
    assert reason(found, "tags").params == {"wanted": "可注册,景观,货梯",
                                            "present": "可注册,景观,货梯", "missing": ""}
    assert reason(found, "available").params == {"from": "2026-12-01", "by": "2027-03-01"}


def test_area_points_fall_with_the_distance_outside_the_range():
    def area_points(area: str) -> tuple[str, int]:
        r = reason(score(NEEDS, unit(area), ON), "area")
        return r.code, r.points

    assert area_points("300") == ("area-fit", 40) == area_points("500")  # bounds are inside
    assert area_points("225") == ("area-small", 20)  # 25 % short: half
    assert area_points("150") == ("area-small", 0)  # 50 % short: none
    assert area_points("10") == ("area-small", 0)
    assert area_points("625") == ("area-large", 20)  # 25 % over the most
    assert area_points("750") == ("area-large", 0)
    assert area_points("299.99") == ("area-small", 39)  # a miss is never a full mark
    assert reason(score(NEEDS, unit("240"), ON), "area").params == {
        "area": "240", "min": "300", "short": "20.0"}
    assert reason(score(NEEDS, unit("550"), ON), "area").params == {
        "area": "550", "max": "500", "over": "10.0"}


def test_budget_points():
    def budget(asking: str | None, needs: LeadNeeds = NEEDS) -> tuple[str, int]:
        r = reason(score(needs, unit("400", asking), ON), "budget")
        return r.code, r.points

    assert budget("100") == ("budget-within", 20)
    assert budget("112.5") == ("budget-over", 10)  # 12.5 % over: half
    assert budget("125") == ("budget-over", 0) == budget("300")
    assert budget("100.01") == ("budget-over", 19)
    assert budget(None) == ("budget-unknown", 10)
    assert budget("500", LeadNeeds(D(300), D(500))) == ("budget-open", 20)  # none given
    assert reason(score(NEEDS, unit("400", "110"), ON), "budget").params == {
        "asking": "110", "budget": "100", "over": "10.0"}


def test_type_points_by_the_share_of_the_area():
    assert reason(score(NEEDS, unit("400", kind=UnitType.RETAIL), ON), "type").points == 0
    other = reason(score(NEEDS, unit("400", kind=UnitType.RETAIL), ON), "type")
    assert other.code == "type-other" and other.params == {
        "wanted": "office", "found": "retail", "share": "0.0"}
    mixed = pair(("300", "90", UnitType.OFFICE), ("100", "90", UnitType.RETAIL))
    r = reason(score(NEEDS, mixed, ON), "type")
    assert (r.code, r.points, r.params["share"]) == ("type-other", 11, "75.0")  # 11.25
    anything = LeadNeeds(D(300), D(500))
    assert reason(score(anything, unit("400", kind=UnitType.RETAIL), ON), "type").code == \
        "type-any"


def test_tag_points_by_the_share_of_wanted_tags_present():
    two = reason(score(NEEDS, unit("400", tags=frozenset({"货梯", "景观", "排水"})), ON), "tags")
    assert (two.points, two.params["present"], two.params["missing"]) == (10, "景观,货梯", "可注册")
    none = reason(score(NEEDS, unit("400"), ON), "tags")
    assert (none.points, none.params["missing"]) == (0, "可注册,景观,货梯")
    # a set has a tag when any of its units has it
    both = pair(("200", "90", UnitType.OFFICE), ("200", "90", UnitType.OFFICE),
                tags=frozenset({"货梯"}) | frozenset({"可注册", "景观"}))
    assert reason(score(NEEDS, both, ON), "tags").points == 15
    assert reason(score(LeadNeeds(D(300), D(500)), unit("400"), ON), "tags").code == "tags-any"


def test_availability_points_fall_with_the_days_late():
    def avail(free: date, needs: LeadNeeds = NEEDS) -> tuple[str, int]:
        r = reason(score(needs, unit("400", free=free), ON), "avail")
        return r.code, r.points

    assert avail(MOVE_IN) == ("available", 10)
    assert avail(MOVE_IN + timedelta(days=45)) == ("available-late", 5)
    assert avail(MOVE_IN + timedelta(days=1)) == ("available-late", 9)
    assert avail(MOVE_IN + timedelta(days=90)) == ("available-late", 0)
    # without a move-in date the lead wants it on the day matched
    asap = LeadNeeds(D(300), D(500))
    assert avail(ON, asap) == ("available", 10)
    assert avail(ON + timedelta(days=9), asap) == ("available-late", 9)
    late = reason(score(NEEDS, unit("400", free=date(2027, 3, 31)), ON), "avail")
    assert late.params == {"from": "2027-03-31", "by": "2027-03-01", "days": "30"}


def test_each_extra_unit_costs_three_points():
    one = score(NEEDS, unit("400", "95", tags=NEEDS.tags), ON)
    two = pair(("200", "95", UnitType.OFFICE), ("200", "95", UnitType.OFFICE), tags=NEEDS.tags)
    three = pair(*[("133.33", "95", UnitType.OFFICE)] * 3, tags=NEEDS.tags)
    assert one.score == 100
    assert score(NEEDS, two, ON).score == 97 and score(NEEDS, three, ON).score == 94
    extra = reason(score(NEEDS, three, ON), "extra")
    assert (extra.points, extra.params) == (-6, {"count": "2"})


def test_set_asking_rent_is_the_monthly_rent_over_the_area():
    assert set_asking_rent([(D(100), D(80)), (D(300), D(100))]) == D("95.0000")
    assert set_asking_rent([(D("66.21"), D("80.5")), (D("66.77"), D("79.1234"))]) == \
        D("79.8088")  # 10,612.97 a month over 132.98 m²
    assert set_asking_rent([(D(100), D(80)), (D(100), None)]) is None
    assert set_asking_rent([]) is None


def test_fits_and_the_window():
    assert fits(NEEDS, D(300), UnitType.OFFICE) and fits(NEEDS, D(500), UnitType.OFFICE)
    assert not fits(NEEDS, D("299.99"), UnitType.OFFICE)
    assert not fits(NEEDS, D(400), UnitType.RETAIL)
    assert fits(LeadNeeds(D(300), D(500)), D(400), UnitType.RETAIL)
    assert area_window(NEEDS) == (D(150), D(750))


def test_ranking_is_by_score_then_area_closeness_then_codes():
    needs = LeadNeeds(D(300), D(500))
    a = unit("400", code="ZD-A-0303")  # 100, the middle
    b = unit("400", code="ZD-A-0302")  # 100, the middle: codes decide
    c = unit("320", code="ZD-A-0301")  # 100, further from the middle
    d = unit("290", code="ZD-A-0300")  # 97: 3.3 % short, 37 area points of 40
    e = unit("400", asking=None, code="ZD-A-0299")  # scored the same: no budget asked
    ranked = rank(needs, [a, d, c, b, e], ON)
    assert [x.unit_codes for x, _m in ranked] == [
        ("ZD-A-0299",), ("ZD-A-0302",), ("ZD-A-0303",), ("ZD-A-0301",), ("ZD-A-0300",)]
    assert [m.score for _x, m in ranked] == [100, 100, 100, 100, 97]
    assert all(m == score(needs, x, ON) for x, m in ranked)  # ranked and worded alike
    assert [x for x, _m in rank(needs, [a, d, c, b, e], ON, limit=2)] == [e, b]
    # the order does not depend on the order given
    pool = [a, b, c, d, e]
    for seed in range(5):
        random.Random(seed).shuffle(pool)
        assert rank(needs, pool, ON) == ranked


def test_a_candidate_needs_consistent_units():
    with pytest.raises(ValueError):
        Candidate((), (), D(0), None, ON)
    with pytest.raises(ValueError):
        Candidate(("a", "b"), (D(1),), D(1), None, ON)
    with pytest.raises(ValueError):
        Candidate(("a",), (D(1),), D(1), None, ON, unit_types=(UnitType.OFFICE,) * 2)


areas = st.decimals(min_value=D("0.01"), max_value=D(5000), places=2)
rents = st.one_of(st.none(), st.decimals(min_value=D(1), max_value=D(400), places=2))
tag_sets = st.frozensets(st.sampled_from(["货梯", "可注册", "景观", "排水", "噪音"]))


@st.composite
def needs_and_candidates(draw):
    low = draw(areas)
    needs = LeadNeeds(low, low + draw(st.decimals(min_value=0, max_value=2000, places=2)),
                      budget=draw(st.one_of(st.none(), st.decimals(min_value=1, max_value=400,
                                                                  places=2))),
                      move_in_on=draw(st.one_of(st.none(), st.dates(date(2026, 1, 1),
                                                                    date(2028, 1, 1)))),
                      unit_type=draw(st.one_of(st.none(), st.sampled_from(list(UnitType)))),
                      tags=draw(tag_sets))
    count = draw(st.integers(1, 6))
    parts = [(draw(areas), draw(rents), draw(st.sampled_from(list(UnitType))))
             for _ in range(count)]
    unit_areas = tuple(a for a, _r, _k in parts)
    candidate = Candidate(tuple(f"U{i}" for i in range(count)), unit_areas,
                          sum(unit_areas, D(0)), set_asking_rent([(a, r) for a, r, _k in parts]),
                          draw(st.dates(date(2026, 1, 1), date(2028, 6, 1))),
                          tuple(k for _a, _r, k in parts), draw(tag_sets))
    return needs, candidate


@given(needs_and_candidates(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
def test_the_reasons_add_up_to_the_score(pair_, on):
    needs, candidate = pair_
    found = score(needs, candidate, on)
    assert 0 <= found.score <= 100
    assert found.score == max(0, sum(r.points for r in found.reasons))
    assert [r.code.split("-")[0] for r in found.reasons][:5] == [
        "area", "budget", "type", "tags", "available"]
    assert all(isinstance(v, str) for r in found.reasons for v in r.params.values())
    # a full mark on a part only when the part is fully met
    area = found.reasons[0]
    assert (area.points == 40) == (needs.area_min <= candidate.area <= needs.area_max)
    assert (found.score == 100) == (
        len(candidate.unit_codes) == 1 and area.code == "area-fit"
        and found.reasons[1].code in ("budget-open", "budget-within")
        and found.reasons[2].code in ("type-any", "type-match")
        and needs.tags <= candidate.tags and found.reasons[4].code == "available")


@given(st.decimals(min_value=D("0.01"), max_value=D(2000), places=2),
       st.decimals(min_value=D("0.01"), max_value=D(2000), places=2))
def test_nearer_the_range_never_scores_less(x, y):
    needs = LeadNeeds(D(300), D(500))
    nearer, further = sorted((x, y), key=lambda a: max(D(300) - a, a - D(500), D(0)) /
                             (D(300) if a < 300 else D(500)))
    assert score(needs, unit(nearer), ON).score >= score(needs, unit(further), ON).score


@given(st.lists(needs_and_candidates(), min_size=1, max_size=25), st.integers(1, 30))
def test_a_limited_ranking_is_the_head_of_the_whole(pairs, limit):
    needs = pairs[0][0]
    candidates = [c for _n, c in pairs]
    whole = rank(needs, candidates, ON)
    assert rank(needs, candidates, ON, limit) == whole[:limit]
    assert [m for _c, m in whole] == [score(needs, c, ON) for c, _m in whole]
    assert whole == sorted(whole, key=lambda pair: rank_key(needs, *pair))
