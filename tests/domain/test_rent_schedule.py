"""The rent schedule engine on issue 11's worked examples, to the cent, and its rules."""

from __future__ import annotations

import doctest
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import domain.leasing.schedule
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    LateFee,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.codec import terms_from_json, terms_to_json
from domain.leasing.schedule import ScheduleLine, net_effective_rent, rent_schedule, total

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


# -- charges, due dates, turnover tiers, windows, discounted NER (issue 11, second part) --


def test_charges_bill_beside_the_rent_prorated_but_free_of_rent_free_and_escalation():
    terms = RentTerms(D(150), D(80), date(2026, 4, 10), date(2027, 6, 30), calendar_periods=True,
                      area_coefficient=D("1.1"),
                      rent_free=(RentFree(date(2026, 5, 1), date(2026, 5, 31)),),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)),
                      charges=(Charge(ChargeKind.PROPERTY_FEE, D(10)),
                               Charge(ChargeKind.SERVICE, D(300), per_sqm=False, name="空调")))
    lines, problems = rent_schedule(terms)
    assert problems == []
    assert [x.charge for x in lines[:3]] == ["rent", "property_fee", "service:空调"]
    by_month = {(x.starts_on, x.charge): x for x in lines}
    april, may = date(2026, 4, 10), date(2026, 5, 1)
    # the rent bills 150 × 1.1 m² (13,200.00 a month); the fee the 150 m² signed (1,500.00)
    assert [by_month[april, c].amount for c in ("rent", "property_fee", "service:空调")] == [
        D("9240.00"), D("1050.00"), D("210.00")]  # 21 of 30 days
    assert [by_month[may, c].amount for c in ("rent", "property_fee", "service:空调")] == [
        D("0.00"), D("1500.00"), D("300.00")]
    fee_in_may = by_month[may, "property_fee"].reasons
    assert [r.code for r in fee_in_may] == ["charge", "rent-free-not-applied"]
    assert fee_in_may[0].params["area"] == "150" and fee_in_may[0].params["monthly"] == "1500.00"
    assert {"days": "21", "of": "30", "month": "2026-04-01"} in [
        r.params for r in by_month[april, "property_fee"].reasons]
    # the anniversary (10 April 2027) raises the rent mid-month, not the fee
    april_2027 = date(2027, 4, 1)
    assert by_month[april_2027, "rent"].amount == D("13662.00")  # (9 × 13,200 + 21 × 13,860) ÷ 30
    assert by_month[april_2027, "property_fee"].amount == D("1500.00")
    assert total(lines) == D("182622.00")  # still the rent alone
    assert total(lines, "property_fee") == D("22050.00")
    assert total(lines, "service:空调") == D("4410.00")
    assert total(lines, None) == D("209082.00")
    assert all(x.due_on == x.starts_on for x in lines)


def test_due_dates_days_before_or_a_day_of_the_month_before_clamped():
    quarterly = RentTerms(D(1), D(1000), date(2026, 3, 1), date(2027, 2, 28),
                          cycle=Cycle.QUARTERLY, due=DueRule(DueKind.DAY_OF_MONTH, 31))
    lines, problems = rent_schedule(quarterly)
    assert [x.due_on for x in lines] == [date(2026, 2, 28), date(2026, 5, 31),
                                         date(2026, 8, 31), date(2026, 11, 30)]
    assert problems == []
    before = replace(quarterly, due=DueRule(DueKind.DAYS_BEFORE, 10))
    assert [x.due_on for x in rent_schedule(before)[0]] == [
        date(2026, 2, 19), date(2026, 5, 22), date(2026, 8, 22), date(2026, 11, 21)]
    calendar_months = RentTerms(D(1), D(1000), date(2027, 1, 15), date(2028, 3, 31),
                                calendar_periods=True, due=DueRule(DueKind.DAY_OF_MONTH, 30))
    dues = {x.starts_on: x.due_on for x in rent_schedule(calendar_months)[0]}
    assert dues[date(2027, 1, 15)] == date(2026, 12, 30)  # the month before, across the year
    assert dues[date(2027, 3, 1)] == date(2027, 2, 28)
    assert dues[date(2028, 3, 1)] == date(2028, 2, 29)  # leap February
    zero = replace(quarterly, due=DueRule(DueKind.DAY_OF_MONTH, 0))
    lines, problems = rent_schedule(zero)
    assert [(p.code, p.params) for p in problems] == [
        ("due-day-invalid", {"kind": "day_of_month", "days": "0"})]
    assert [x.due_on for x in lines] == [x.starts_on for x in lines]


def turnover_january(clause: Turnover) -> ScheduleLine:
    terms = RentTerms(D(300), D(4), date(2027, 1, 1), date(2027, 1, 31),
                      basis=Basis.PER_SQM_DAY, calendar_periods=True, turnover=clause)
    return rent_schedule(terms)[0][0]  # base 37,200.00


def test_turnover_tiers_minimum_and_maximum():
    tiers = ((D(100000), D("0.08")), (None, D("0.10")))
    sales = {date(2027, 1, 1): D(700000)}
    # natural breakpoint 37,200 ÷ 0.08 = 465,000; 235,000 above it: 100,000 at 8 %, 135,000 at 10 %
    line = turnover_january(Turnover(D("0.08"), sales=sales, tiers=tiers))
    assert line.amount == D("58700.00")  # 37,200 + 8,000 + 13,500
    [turnover] = [r for r in line.reasons if r.code == "turnover"]
    assert (turnover.params["breakpoint"], turnover.params["amount"]) == ("465000.00", "21500.00")
    assert [(r.params["from"], r.params["to"], r.params["rate"], r.params["amount"])
            for r in line.reasons if r.code == "turnover-band"] == [
        ("0.00", "100000.00", "0.08", "8000.00"), ("100000.00", "235000.00", "0.10", "13500.00")]
    capped = turnover_january(Turnover(D("0.08"), sales=sales, tiers=tiers, maximum=D(20000)))
    assert capped.amount == D("57200.00")
    assert {"maximum": "20000", "computed": "21500.00"} in [r.params for r in capped.reasons]
    low = turnover_january(Turnover(D("0.08"), sales={date(2027, 1, 1): D(400000)},
                                    minimum=D(1000)))
    assert low.amount == D("38200.00")  # below the breakpoint: the minimum turnover part
    assert "turnover-minimum" in [r.code for r in low.reasons]
    artificial = turnover_january(Turnover(D("0.08"), D(400000), sales, tiers=tiers))
    assert artificial.amount == D("65200.00")  # 300,000 above: 8,000 + 20,000


# -- turnover on quarterly (and other) cycles (issue 11) --------------------------------


def shop(starts_on: date, ends_on: date, clause: Turnover, **terms: object) -> RentTerms:
    """200 m² at 150.00 a month: 30,000.00 a month, natural breakpoint 375,000.00 at 8 %."""
    return RentTerms(D(200), D(150), starts_on, ends_on, turnover=clause,
                     **terms)  # type: ignore[arg-type]


def months_said(line: ScheduleLine) -> list[tuple[str, str | None]]:
    return [(r.params["month"], r.params.get("amount")) for r in line.reasons
            if r.code in ("turnover", "sales-missing")]


def test_a_quarter_adds_its_months_top_ups_one_above_one_below_one_not_reported():
    sales = {date(2027, 1, 1): D("512345.67"), date(2027, 2, 1): D("298000.00")}
    terms = shop(date(2027, 1, 1), date(2027, 3, 31), Turnover(D("0.08"), sales=sales),
                 cycle=Cycle.QUARTERLY)
    [line], problems = rent_schedule(terms)
    # January: (512,345.67 − 375,000) × 8 % = 10,987.6536; February below the breakpoint;
    # March not reported: its base only, and a correction once it is
    assert line.amount == D("100987.65")  # 3 × 30,000.00 + 10,987.65
    assert months_said(line) == [("2027-01-01", "10987.65"), ("2027-02-01", "0.00"),
                                 ("2027-03-01", None)]
    [january, february] = [r.params for r in line.reasons if r.code == "turnover"]
    assert january == {"month": "2027-01-01", "sales": "512345.67", "rate": "0.08",
                       "base": "30000.00", "breakpoint": "375000.00", "natural": "yes",
                       "amount": "10987.65"}
    assert (february["sales"], february["breakpoint"]) == ("298000.00", "375000.00")
    assert [(p.code, p.params) for p in problems] == [("sales-missing", {"month": "2027-03-01"})]
    monthly = rent_schedule(replace(terms, cycle=Cycle.MONTHLY))[0]
    assert [str(x.amount) for x in monthly] == ["40987.65", "30000.00", "30000.00"]
    # the minimum and maximum hold each month, not the quarter: January held to 8,000,
    # February raised to 1,000, March (no sales) neither
    bounded = replace(terms, turnover=Turnover(D("0.08"), sales=sales, minimum=D(1000),
                                               maximum=D(8000)))
    [line] = rent_schedule(bounded)[0]
    assert line.amount == D("99000.00")
    assert months_said(line) == [("2027-01-01", "8000.00"), ("2027-02-01", "1000.00"),
                                 ("2027-03-01", None)]
    assert [(r.code, r.params["computed"]) for r in line.reasons
            if r.code.startswith("turnover-")] == [("turnover-maximum", "10987.65"),
                                                  ("turnover-minimum", "0.00")]


def test_a_rent_month_takes_the_sales_of_the_calendar_month_it_begins_in():
    """The rule in the engine's docstring: 16 February–15 March takes February's sales and
    16 March–15 April March's (the month holding most of each would be March twice)."""
    sales = {date(2027, m, 1): D(400000 + 10000 * m) for m in range(1, 5)}
    terms = shop(date(2027, 1, 16), date(2027, 4, 15), Turnover(D("0.08"), sales=sales))
    lines = rent_schedule(terms)[0]
    assert [(x.starts_on, months_said(x)) for x in lines] == [
        (date(2027, 1, 16), [("2027-01-01", "2800.00")]),  # 410,000 − 375,000 at 8 %
        (date(2027, 2, 16), [("2027-02-01", "3600.00")]),
        (date(2027, 3, 16), [("2027-03-01", "4400.00")])]
    [quarter] = rent_schedule(replace(terms, cycle=Cycle.QUARTERLY))[0]
    assert (quarter.starts_on, quarter.ends_on) == (date(2027, 1, 16), date(2027, 4, 15))
    assert quarter.amount == D("100800.00")  # 90,000.00 + 2,800 + 3,600 + 4,400


def test_a_term_quarter_from_the_10th_bills_the_sales_of_the_months_it_begins():
    sales = {date(2027, 1, 1): D(400000), date(2027, 2, 1): D(375000),
             date(2027, 3, 1): D(380000), date(2027, 4, 1): D(1000000)}
    terms = shop(date(2027, 1, 10), date(2028, 1, 9), Turnover(D("0.08"), sales=sales),
                 cycle=Cycle.QUARTERLY)
    lines, problems = rent_schedule(terms)
    assert [(x.starts_on, x.ends_on) for x in lines[:2]] == [
        (date(2027, 1, 10), date(2027, 4, 9)), (date(2027, 4, 10), date(2027, 7, 9))]
    # 10 January–9 April: January's 25,000 above at 8 %, February's none, March's 5,000
    assert months_said(lines[0]) == [("2027-01-01", "2000.00"), ("2027-02-01", "0.00"),
                                     ("2027-03-01", "400.00")]
    assert lines[0].amount == D("92400.00")
    # 10 April–9 July: April's 625,000 above; May's and June's not reported yet
    assert months_said(lines[1]) == [("2027-04-01", "50000.00"), ("2027-05-01", None),
                                     ("2027-06-01", None)]
    assert lines[1].amount == D("140000.00")
    assert [p.params["month"] for p in problems][:3] == ["2027-05-01", "2027-06-01",
                                                         "2027-07-01"]
    monthly = rent_schedule(replace(terms, cycle=Cycle.MONTHLY))[0]
    assert [said for x in monthly for said in months_said(x)] == [
        said for x in lines for said in months_said(x)]
    assert total(monthly) == total(lines)


def test_a_part_month_prorates_its_breakpoint_like_its_rent_and_takes_its_sales_whole():
    """A calendar quarter from 10 February: 19 of February's 28 days, then March whole."""
    sales = {date(2027, 2, 1): D(300000), date(2027, 3, 1): D(400000)}
    natural = shop(date(2027, 2, 10), date(2027, 12, 31), Turnover(D("0.08"), sales=sales),
                   cycle=Cycle.QUARTERLY, calendar_periods=True)
    first = rent_schedule(natural)[0][0]
    assert (first.starts_on, first.ends_on) == (date(2027, 2, 10), date(2027, 3, 31))
    # February's base 30,000 × 19 ÷ 28 = 20,357.14, its natural breakpoint ÷ 8 % =
    # 254,464.25: 300,000 × 8 % − 20,357.14 = 3,642.86; March 32,000 − 30,000 = 2,000
    assert [(r.params["base"], r.params["breakpoint"], r.params["amount"])
            for r in first.reasons if r.code == "turnover"] == [
        ("20357.14", "254464.25", "3642.86"), ("30000.00", "375000.00", "2000.00")]
    assert first.amount == D("56000.00")  # 50,357.14 + 3,642.86 + 2,000.00
    # an artificial 400,000 a month is prorated the same: 400,000 × 19 ÷ 28 = 271,428.57,
    # 28,571.43 above it at 8 %; March's 400,000 is not above it
    artificial = replace(natural, turnover=Turnover(D("0.08"), D(400000), sales))
    first = rent_schedule(artificial)[0][0]
    assert [(r.params["breakpoint"], r.params["amount"]) for r in first.reasons
            if r.code == "turnover"] == [("271428.57", "2285.71"), ("400000.00", "0.00")]
    assert first.amount == D("52642.85")
    # over 30 days with that option: 19 ÷ 30 of the rent and of the breakpoint
    thirty = rent_schedule(replace(artificial, thirty_day_months=True))[0][0]
    assert next((r.params["base"], r.params["breakpoint"], r.params["amount"])
                for r in thirty.reasons if r.code == "turnover") == (
        "19000.00", "253333.33", "3733.33")
    # the monthly lines of the same lease: the same February
    february = rent_schedule(replace(artificial, cycle=Cycle.MONTHLY))[0][0]
    assert february.amount == D("22642.85")  # 20,357.14 + 2,285.71


def test_a_top_up_of_exactly_half_a_cent_rounds_up_though_the_breakpoint_never_ends():
    """30,000.00 ÷ 7 % = 428,571.428571…: 500,000.50 × 7 % − 30,000.00 = 5,000.035 exactly."""
    terms = shop(date(2027, 1, 1), date(2027, 1, 31),
                 Turnover(D("0.07"), sales={date(2027, 1, 1): D("500000.50")}))
    [line] = rent_schedule(terms)[0]
    assert months_said(line) == [("2027-01-01", "5000.04")]
    assert line.amount == D("35000.04")


def test_a_window_computes_only_its_periods_with_escalation_compounded_from_the_start():
    terms = RentTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), cycle=Cycle.QUARTERLY,
                      rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31),
                                          RentFreeKind.FIT_OUT),),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    lines, _ = rent_schedule(terms, within=(date(2028, 4, 15), date(2028, 6, 1)))
    assert [(x.starts_on, x.amount) for x in lines] == [
        (date(2028, 3, 1), D("66150.00")), (date(2028, 6, 1), D("66150.00"))]
    assert lines == [x for x in rent_schedule(terms)[0]
                     if x.starts_on in (date(2028, 3, 1), date(2028, 6, 1))]
    assert rent_schedule(terms, within=(date(2030, 1, 1), date(2030, 12, 31)))[0] == []


def test_net_effective_rent_discounted_to_the_terms_start_by_due_date():
    half_years = RentTerms(D(1), D(12000), date(2026, 1, 1), date(2026, 12, 31),
                           cycle=Cycle.HALF_YEARLY)
    lines, _ = rent_schedule(half_years)
    assert net_effective_rent(half_years, lines) == D("12000.00")
    # 72,000 now and 72,000 in six months at 21 % a year: 72,000 ÷ 1.21^(6/12) = 72,000 ÷ 1.1
    # (72,000 + 65,454.5454…) ÷ 12 months ÷ 1 m²
    assert net_effective_rent(half_years, lines, D("0.21")) == D("11454.55")
    years = RentTerms(D(10), D(1000), date(2026, 1, 1), date(2027, 12, 31), cycle=Cycle.YEARLY)
    # (120,000 + 120,000 ÷ 1.05) ÷ 24 ÷ 10
    assert net_effective_rent(years, rent_schedule(years)[0], D("0.05")) == D("976.19")
    # due a month before each year: 120,000 × 1.01 + 120,000 ÷ 1.01^11 at (1.01^12 − 1) a year
    early = replace(years, due=DueRule(DueKind.DAYS_BEFORE, 31))
    rate = D("1.01") ** 12 - 1
    assert net_effective_rent(early, rent_schedule(early)[0], rate) == D("953.16")


def test_a_step_on_or_before_the_start_sets_the_opening_price():
    terms = RentTerms(D(100), D(100), date(2026, 1, 1), date(2026, 4, 30),
                      escalation=Escalation(EscalationKind.STEPPED, steps=(
                          (date(2025, 12, 1), D(110)), (date(2026, 3, 16), D(120)))))
    lines, _ = rent_schedule(terms)
    assert [str(x.amount) for x in lines] == ["11000.00", "11000.00", "11516.13", "12000.00"]
    assert {"price": "110", "from": "2025-12-01"} in [r.params for r in lines[0].reasons]


def test_a_cpi_day_missing_from_the_month_falls_on_its_last_day_and_a_bad_month_is_a_problem():
    leap_day = RentTerms(D(1), D(10000), date(2026, 3, 1), date(2028, 3, 31),
                         calendar_periods=True,
                         escalation=Escalation(EscalationKind.CPI_CHANGE, on_month=2, on_day=29,
                                               index={2025: D(100), 2026: D(103),
                                                      2027: D(104)}))
    lines, problems = rent_schedule(leap_day)
    by_month = {x.starts_on: x for x in lines}
    # 27 days at 10,000 and 1 (28 February 2027) at 10,300, over 28
    assert by_month[date(2027, 2, 1)].amount == D("10010.71")
    assert [r.params["from"] for r in by_month[date(2028, 2, 1)].reasons if r.code == "cpi"] \
        == ["2027-02-28", "2028-02-29"]
    assert problems == []
    bad = replace(leap_day, escalation=Escalation(EscalationKind.CPI_CHANGE, on_month=13))
    lines, problems = rent_schedule(bad)
    assert [p.code for p in problems] == ["cpi-date-invalid"]
    assert {x.amount for x in lines} == {D("10000.00")}


def test_tiers_price_a_daily_rent_too():
    terms = RentTerms(D(800), D(4), date(2027, 1, 1), date(2027, 1, 31), basis=Basis.PER_SQM_DAY,
                      calendar_periods=True, tiers=((D(500), D(4)), (None, D(3))))
    assert amounts(terms) == ["89900.00"]  # (500 × 4 + 300 × 3) × 31 days


def test_new_clause_fields_travel_through_the_terms_document():
    terms = RentTerms(
        D("150.00"), D(80), date(2026, 4, 10), date(2027, 4, 9),
        turnover=Turnover(D("0.08"), sales={date(2026, 5, 1): D("1000.50")},
                          tiers=((D(100000), D("0.08")), (None, D("0.10"))),
                          minimum=D(100), maximum=None),
        charges=(Charge(ChargeKind.OTHER, D(20), per_sqm=False, name="广告位"),),
        due=DueRule(DueKind.DAY_OF_MONTH, 25),
        late_fee=LateFee(D("0.0005"), capped=False, grace_days=3, from_due_date=True))
    document = json.loads(json.dumps(terms_to_json(terms)))
    assert terms_from_json(document) == terms


def test_a_step_inside_a_quarter_bills_its_months_at_each_price():
    def quarter(step_on: date) -> str:
        terms = RentTerms(D(100), D(100), date(2026, 1, 1), date(2026, 6, 30),
                          cycle=Cycle.QUARTERLY, calendar_periods=True,
                          escalation=Escalation(EscalationKind.STEPPED,
                                                steps=((step_on, D(120)),)))
        return amounts(terms)[0]
    assert quarter(date(2026, 2, 1)) == "34000.00"  # 10,000 + 12,000 + 12,000
    # February: 14 days at 10,000 and 14 at 12,000 over 28 days
    assert quarter(date(2026, 2, 15)) == "33000.00"  # 10,000 + 11,000 + 12,000
