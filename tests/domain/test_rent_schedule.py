"""The rent schedule engine on issue 11's worked examples, to the cent, and its rules."""

from __future__ import annotations

import doctest
from datetime import date
from decimal import Decimal

import domain.leasing.schedule
from domain.leasing.clauses import (
    Basis,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.schedule import net_effective_rent, rent_schedule, total

D = Decimal


def amounts(terms: RentTerms) -> list[str]:
    return [str(line.amount) for line in rent_schedule(terms)[0]]


def test_the_module_examples():
    assert doctest.testmod(domain.leasing.schedule).failed == 0


def test_example_a_rent_free_fit_out_then_five_percent_a_year_quarterly():
    terms = RentTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), cycle=Cycle.QUARTERLY,
                      rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31),
                                          RentFreeKind.FIT_OUT),),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    lines, problems = rent_schedule(terms)
    assert [str(x.amount) for x in lines] == (
        ["0.00"] + ["60000.00"] * 3 + ["63000.00"] * 4 + ["66150.00"] * 4)
    assert total(lines) == D("696600.00") and problems == []
    assert (lines[0].starts_on, lines[0].ends_on) == (date(2026, 3, 1), date(2026, 5, 31))
    assert lines[1].due_on == date(2026, 6, 1)  # in advance
    assert "rent-free" in [r.code for r in lines[0].reasons]
    assert [r.params for r in lines[4].reasons if r.code == "escalation"] == [
        {"percent": "5", "from": "2027-03-01"}]
    assert net_effective_rent(terms, lines) == D("96.75")


def test_example_b_calendar_months_prorate_the_ends_and_term_months_do_not():
    calendar_terms = RentTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 9),
                               calendar_periods=True)
    assert amounts(calendar_terms) == ["8400.00"] + ["12000.00"] * 11 + ["3600.00"]
    assert total(rent_schedule(calendar_terms)[0]) == D("144000.00")
    first = rent_schedule(calendar_terms)[0][0]
    assert {"days": "21", "of": "30", "month": "2026-04-01"} in [
        r.params for r in first.reasons if r.code == "prorated"]
    assert amounts(RentTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 9))) == (
        ["12000.00"] * 12)


def test_example_c_turnover_rent_above_the_natural_and_an_artificial_breakpoint():
    sales = {date(2027, 1, 1): D(520000), date(2027, 2, 1): D(380000)}
    natural = RentTerms(D(300), D(4), date(2027, 1, 1), date(2027, 2, 28),
                        basis=Basis.PER_SQM_DAY, calendar_periods=True,
                        turnover=Turnover(D("0.08"), sales=sales))
    lines, problems = rent_schedule(natural)
    assert [str(x.amount) for x in lines] == ["41600.00", "33600.00"] and problems == []
    [turnover] = [r for r in lines[0].reasons if r.code == "turnover"]
    assert turnover.params["amount"] == "4400.00" and turnover.params["breakpoint"] == "465000.00"
    artificial = RentTerms(D(300), D(4), date(2027, 1, 1), date(2027, 2, 28),
                           basis=Basis.PER_SQM_DAY, calendar_periods=True,
                           turnover=Turnover(D("0.08"), D(400000), sales))
    assert amounts(artificial)[0] == "46800.00"


def test_a_month_without_its_sales_bills_the_base_and_says_so():
    terms = RentTerms(D(300), D(4), date(2027, 1, 1), date(2027, 1, 31),
                      basis=Basis.PER_SQM_DAY, calendar_periods=True,
                      turnover=Turnover(D("0.08")))
    lines, problems = rent_schedule(terms)
    assert lines[0].amount == D("37200.00")
    assert [p.code for p in problems] == ["sales-missing"]


def test_example_d_cpi_change_with_floor_and_cap():
    terms = RentTerms(D(1), D(10000), date(2026, 1, 1), date(2028, 12, 31),
                      escalation=Escalation(EscalationKind.CPI_CHANGE, index={
                          2025: D("100.0"), 2026: D("101.2"), 2027: D("107.8")},
                          floor=D(2), cap=D(5)))
    lines, problems = rent_schedule(terms)
    assert (lines[0].amount, lines[12].amount, lines[24].amount) == (
        D("10000.00"), D("10200.00"), D("10710.00"))
    assert problems == []
    [cpi] = [r for r in lines[24].reasons if r.code == "cpi"]
    assert cpi.params["change"] == "6.52" and cpi.params["applied"] == "5.00"


def test_a_cpi_year_not_known_yet_bills_at_the_floor_and_asks_for_a_correction():
    terms = RentTerms(D(1), D(10000), date(2026, 1, 1), date(2027, 12, 31),
                      escalation=Escalation(EscalationKind.CPI_CHANGE,
                                            index={2025: D(100)}, floor=D(2), cap=D(5)))
    lines, problems = rent_schedule(terms)
    assert lines[12].amount == D("10200.00")
    assert [(p.code, p.params["year"]) for p in problems] == [("cpi-unknown", "2026")]


def test_overlapping_rent_free_periods_stack_or_the_longer_wins():
    free = (RentFree(date(2026, 1, 1), date(2026, 1, 31), RentFreeKind.FIT_OUT),
            RentFree(date(2026, 1, 15), date(2026, 2, 28), RentFreeKind.AFTER_OPENING))
    stacked = RentTerms(D(100), D(100), date(2026, 1, 1), date(2026, 12, 31), rent_free=free)
    # 31 days, then the 45-day period from 1 February: to 17 March
    assert amounts(stacked)[:3] == ["0.00", "0.00", "4516.13"]  # 14 of 31 March days billed
    longer = RentTerms(D(100), D(100), date(2026, 1, 1), date(2026, 12, 31), rent_free=free,
                       rent_free_rule=RentFreeRule.LONGER_WINS)
    assert amounts(longer)[:3] == ["4516.13", "0.00", "10000.00"]  # 15 Jan to 28 Feb only


def test_february_of_a_leap_year_and_the_thirty_day_option():
    leap = RentTerms(D(100), D(100), date(2028, 2, 15), date(2028, 3, 31), calendar_periods=True)
    assert amounts(leap) == ["5172.41", "10000.00"]  # 15 of 29 days
    thirty = RentTerms(D(100), D(100), date(2028, 2, 15), date(2028, 3, 31),
                       calendar_periods=True, thirty_day_months=True)
    assert amounts(thirty) == ["5000.00", "10000.00"]  # 15 of 30


def test_bad_dates_and_rent_free_outside_the_term_are_problems_not_errors():
    assert rent_schedule(RentTerms(D(1), D(1), date(2026, 5, 1), date(2026, 4, 1)))[1][0].code \
        == "dates"
    outside = RentTerms(D(10), D(10), date(2026, 1, 1), date(2026, 6, 30),
                        rent_free=(RentFree(date(2025, 12, 1), date(2026, 1, 31)),))
    lines, problems = rent_schedule(outside)
    assert [p.code for p in problems] == ["rent-free-outside-term"]
    assert lines[0].amount == D("0.00")


def test_a_stepped_rent_starting_mid_month_prorates_that_month_at_both_prices():
    terms = RentTerms(D(100), D(100), date(2026, 1, 1), date(2026, 6, 30),
                      escalation=Escalation(EscalationKind.STEPPED, steps=(
                          (date(2026, 3, 16), D(120)),)))
    lines, _ = rent_schedule(terms)
    # March: 15 days at 10,000 and 16 at 12,000, each over 31 days
    assert [str(x.amount) for x in lines] == [
        "10000.00", "10000.00", "11032.26", "12000.00", "12000.00", "12000.00"]
    assert {"price": "120", "from": "2026-03-16"} in [r.params for r in lines[2].reasons]


def test_a_fixed_amount_each_anniversary():
    terms = RentTerms(D(100), D(100), date(2026, 1, 1), date(2027, 12, 31), cycle=Cycle.YEARLY,
                      escalation=Escalation(EscalationKind.FIXED_AMOUNT, amount=D(3)))
    assert amounts(terms) == ["120000.00", "123600.00"]


def test_tiered_pricing_and_an_area_coefficient():
    tiered = RentTerms(D(800), D(100), date(2026, 1, 1), date(2026, 1, 31),
                       tiers=((D(500), D(100)), (None, D(90))))
    assert amounts(tiered) == ["77000.00"]  # 500 × 100 + 300 × 90
    raised = RentTerms(D(800), D(100), date(2026, 1, 1), date(2027, 1, 31),
                       tiers=((D(500), D(100)), (None, D(90))),
                       escalation=Escalation(EscalationKind.FIXED_AMOUNT, amount=D(10)))
    assert amounts(raised)[-1] == "85000.00"  # every band 10 dearer: 500 × 110 + 300 × 100
    coefficient = RentTerms(D(200), D(100), date(2026, 1, 1), date(2026, 1, 31),
                            area_coefficient=D("1.1"))
    assert amounts(coefficient) == ["22000.00"]


def test_cpi_by_index_ratio_to_the_base_year_within_floor_and_cap():
    terms = RentTerms(D(1), D(10000), date(2026, 1, 1), date(2028, 12, 31),
                      escalation=Escalation(EscalationKind.CPI_RATIO, index={
                          2025: D(100), 2026: D("103.0"), 2027: D("104.0")},
                          floor=D(0), cap=D(5)))
    lines, problems = rent_schedule(terms)
    # 2027: 103/100 → 10,300; 2028: 104/100 → 10,400 (+0.97 % on 10,300, inside the bounds)
    assert (lines[12].amount, lines[24].amount) == (D("10300.00"), D("10400.00"))
    assert problems == []
