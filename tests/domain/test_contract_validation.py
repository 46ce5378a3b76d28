"""What refuses saving a contract version, each problem on its form field (issue 11)."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.leasing.validation
from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus, ContractTerm, Occupancy
from domain.leasing.clauses import (
    Charge,
    ChargeKind,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import Problem
from domain.leasing.validation import (
    FieldProblem,
    OtherLease,
    UnitFacts,
    blocking,
    leases_of,
    schedule_problems,
    validate_contract,
)
from domain.space_use import SpaceUse

D = Decimal
SIGNED = date(2026, 2, 10)
DELIVERED = date(2026, 3, 1)
RENT_START = date(2026, 6, 1)
ENDS = date(2029, 2, 28)


def unit(unit_id: str = "u1", code: str = "ZD-A-0301", area: str = "200.00", *,
         status: UnitStatus = UnitStatus.LEASABLE, use: SpaceUse = SpaceUse.LEASABLE,
         archived: bool = False) -> UnitFacts:
    return UnitFacts(unit_id, code, status, use, D(area), archived)


UNITS = {"u1": unit(), "u2": unit("u2", "ZD-A-0302", "150.00")}


def spec(**changes: object) -> ContractSpec:
    terms = RentTerms(D("200.00"), D(100), DELIVERED, ENDS,
                      rent_free=(RentFree(DELIVERED, date(2026, 5, 31), RentFreeKind.FIT_OUT),))
    values: dict[str, object] = {
        "code": "C-1", "tenant_id": "T-1", "tenant_name": "Acme", "kind": UnitType.OFFICE,
        "signed_on": SIGNED, "units": (LetUnit("u1", "ZD-A-0301", D("200.00")),),
        "terms": terms, "delivered_on": DELIVERED, "rent_starts_on": RENT_START}
    values.update(changes)
    return ContractSpec(**values)  # type: ignore[arg-type]


def with_terms(**changes: object) -> ContractSpec:
    base = spec()
    return replace(base, terms=replace(base.terms, **changes))


def codes(problems: list[FieldProblem]) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


def test_the_module_example():
    assert doctest.testmod(domain.leasing.validation).failed == 0


def test_a_sound_contract_has_no_problem():
    assert validate_contract(spec(), UNITS, []) == []
    assert not blocking([])


# -- dates -----------------------------------------------------------------------------


def test_a_delivery_before_signing_is_named_on_the_delivery():
    problems = validate_contract(spec(signed_on=date(2026, 3, 2)), UNITS, [])
    assert problems == [FieldProblem("delivered_on", "start-before-signing",
                                     {"starts_on": "2026-03-01", "signed_on": "2026-03-02"})]
    assert blocking(problems)


def test_without_delivery_the_term_starts_at_rent_start_and_that_field_is_named():
    s = replace(spec(delivered_on=None, rent_starts_on=DELIVERED, signed_on=date(2026, 3, 5)),
                terms=replace(spec().terms, rent_free=()))
    assert codes(validate_contract(s, UNITS, [])) == [("rent_starts_on", "start-before-signing")]


def test_the_terms_must_start_at_delivery():
    s = with_terms(starts_on=RENT_START, rent_free=())
    [problem] = validate_contract(s, UNITS, [])
    assert (problem.field, problem.code) == ("terms.starts_on", "term-start-mismatch")
    assert problem.params == {"expected": "2026-03-01", "starts_on": "2026-06-01"}


def test_an_end_before_the_start():
    s = with_terms(ends_on=date(2026, 2, 28), rent_free=())
    s = replace(s, rent_starts_on=None)
    assert codes(validate_contract(s, UNITS, [])) == [("ends_on", "end-before-start")]


def test_rent_start_must_lie_in_the_term():
    early = validate_contract(spec(rent_starts_on=date(2026, 2, 28)), UNITS, [])
    assert codes(early) == [("rent_starts_on", "rent-start-before-delivery")]
    late = validate_contract(spec(rent_starts_on=date(2029, 3, 1)), UNITS, [])
    assert codes(late) == [("rent_starts_on", "rent-start-after-end")]
    assert late[0].params == {"rent_starts_on": "2029-03-01", "ends_on": "2029-02-28"}


def test_a_rent_free_period_outside_the_term_names_its_row():
    frees = (RentFree(DELIVERED, date(2026, 5, 31)),
             RentFree(date(2029, 2, 1), date(2029, 3, 31)),
             RentFree(date(2027, 5, 1), date(2027, 4, 1)))
    problems = validate_contract(with_terms(rent_free=frees), UNITS, [])
    assert codes(problems) == [("rent_free[1]", "rent-free-outside-term"),
                               ("rent_free[2]", "end-before-start")]
    assert problems[0].params["term_ends_on"] == "2029-02-28"


# -- units -----------------------------------------------------------------------------


def test_a_unit_leased_for_overlapping_dates_names_the_other_contract():
    other = OtherLease("C-0", "u1", date(2024, 3, 1), date(2026, 3, 1))  # one day in common
    [problem] = validate_contract(spec(), UNITS, [other])
    assert (problem.field, problem.code) == ("units[ZD-A-0301]", "unit-leased")
    assert problem.params == {"unit": "ZD-A-0301", "contract": "C-0",
                              "starts_on": "2024-03-01", "last_day": "2026-03-01"}


@pytest.mark.parametrize("other", [
    OtherLease("C-0", "u1", date(2024, 3, 1), date(2026, 2, 28)),  # ends the day before
    OtherLease("C-9", "u1", date(2029, 3, 1), date(2031, 2, 28)),  # starts the day after
    OtherLease("C-0", "u2", date(2026, 1, 1), date(2030, 1, 1)),  # another unit
    OtherLease("C-1", "u1", DELIVERED, ENDS),  # this contract's own earlier version
    OtherLease("C-5", "u1", date(2026, 4, 1), date(2026, 3, 15)),  # cancelled before its start
])
def test_leases_that_do_not_conflict(other):
    assert validate_contract(spec(), UNITS, [other]) == []


def test_a_draft_holds_nothing_and_a_terminated_lease_holds_until_its_termination():
    draft = ContractTerm(date(2025, 1, 1), date(2025, 1, 1), date(2027, 12, 31),
                         ContractStatus.DRAFT)
    assert leases_of("C-D", ["u1"], draft) == []
    terminated = ContractTerm(date(2025, 1, 1), date(2025, 1, 1), date(2027, 12, 31),
                              ContractStatus.TERMINATED, date(2026, 2, 28))
    assert leases_of("C-T", ["u1"], terminated) == [
        OtherLease("C-T", "u1", date(2025, 1, 1), date(2026, 2, 28))]
    assert validate_contract(spec(), UNITS, leases_of("C-T", ["u1"], terminated)) == []
    signed = replace(terminated, status=ContractStatus.SIGNED, terminated_on=None)
    assert codes(validate_contract(spec(), UNITS, leases_of("C-S", ["u1"], signed))) == [
        ("units[ZD-A-0301]", "unit-leased")]


@pytest.mark.parametrize(("facts", "code"), [
    (unit(status=UnitStatus.NOT_LEASABLE), "unit-not-leasable"),
    (unit(use=SpaceUse.COMMON), "unit-common"),
    (unit(use=SpaceUse.BUILDING_COMMON, status=UnitStatus.NOT_LEASABLE), "unit-common"),
    (unit(archived=True), "unit-archived"),
])
def test_a_unit_that_cannot_be_let(facts, code):
    assert codes(validate_contract(spec(), {"u1": facts}, [])) == [("units[ZD-A-0301]", code)]


@pytest.mark.parametrize("status", [UnitStatus.RESERVED, UnitStatus.UNDER_RENOVATION,
                                    UnitStatus.FROZEN])
def test_a_unit_off_the_market_may_still_be_signed(status):
    """The occupancy table's rule (domain.occupancy.may_sign), not one of our own."""
    assert validate_contract(spec(), {"u1": unit(status=status)}, []) == []


def test_unknown_duplicate_and_missing_units():
    twice = spec(units=(LetUnit("u1", "ZD-A-0301", D(100)), LetUnit("u1", "ZD-A-0301", D(100))),
                 )
    assert ("units[ZD-A-0301]", "duplicate-unit") in codes(validate_contract(twice, UNITS, []))
    ghost = spec(units=(LetUnit("u9", "ZD-A-0999", D("200.00")),))
    assert codes(validate_contract(ghost, UNITS, [])) == [("units[ZD-A-0999]", "unknown-unit")]
    assert codes(validate_contract(spec(units=()), UNITS, [])) == [("units", "no-units")]


def test_the_signed_area_may_differ_from_the_unit_within_the_tolerance_only():
    units = {"u1": unit(area="200.01")}
    assert validate_contract(spec(), units, []) == []
    units = {"u1": unit(area="199.50")}
    [problem] = validate_contract(spec(), units, [])
    assert (problem.field, problem.code) == ("billable_area[ZD-A-0301]", "area-mismatch")
    assert problem.params == {"unit": "ZD-A-0301", "signed": "200.00", "unit_area": "199.50",
                              "difference": "0.50"}
    assert blocking([problem])
    assert not blocking([problem], allow_area_difference=True)  # a historical rent roll
    assert validate_contract(spec(), units, [], area_tolerance=D(1)) == []


def test_the_rent_area_must_be_the_units_sum_even_for_a_rent_roll():
    two = spec(units=(LetUnit("u1", "ZD-A-0301", D("200.00")),
                      LetUnit("u2", "ZD-A-0302", D("150.00"))))
    problems = validate_contract(two, UNITS, [])
    assert codes(problems) == [("terms.area", "area-total-mismatch")]
    assert problems[0].params == {"area": "200.00", "units": "350.00"}
    assert blocking(problems, allow_area_difference=True)
    fixed = replace(two, terms=replace(two.terms, area=D("350.00")))
    assert validate_contract(fixed, UNITS, []) == []


def test_a_let_area_must_be_positive():
    s = spec(units=(LetUnit("u1", "ZD-A-0301", D(0)),))
    s = replace(s, terms=replace(s.terms, area=D(0)))
    assert codes(validate_contract(s, UNITS, [])) == [
        ("billable_area[ZD-A-0301]", "area-not-positive")]


# -- terms -----------------------------------------------------------------------------


def test_no_tenant_and_negative_amounts():
    s = replace(with_terms(rate=D(-1), charges=(Charge(ChargeKind.PROPERTY_FEE, D(-5)),)),
                tenant_id=" ", tenant_name="", deposit=D(-100))
    assert codes(validate_contract(s, UNITS, [])) == [
        ("tenant", "no-tenant"), ("deposit", "negative-amount"), ("terms.rate", "negative-amount"),
        ("terms.charges[0]", "negative-amount")]


def test_a_cpi_cap_below_its_floor_and_an_adjustment_day_that_does_not_exist():
    cpi = Escalation(EscalationKind.CPI_CHANGE, floor=D(3), cap=D(2), on_month=13, on_day=1)
    problems = validate_contract(with_terms(escalation=cpi), UNITS, [])
    assert codes(problems) == [("terms.escalation", "cpi-cap-below-floor"),
                               ("terms.escalation", "cpi-date-invalid")]  # the engine's rule
    assert problems[0].params == {"floor": "3", "cap": "2"}
    assert problems[1].params == {"month": "13", "day": "1"}
    leap_day = Escalation(EscalationKind.CPI_CHANGE, on_month=2, on_day=29)  # 28th in 2027
    assert validate_contract(with_terms(escalation=leap_day), UNITS, []) == []


def test_turnover_figures_and_bands():
    turnover = Turnover(D("0.08"), minimum=D(500), maximum=D(100),
                        tiers=((D(1000000), D("0.08")), (D(500000), D("0.10"))))
    assert codes(validate_contract(with_terms(turnover=turnover), UNITS, [])) == [
        ("terms.turnover", "maximum-below-minimum"), ("terms.turnover", "tiers-not-ascending")]
    negative = Turnover(D("-0.08"), breakpoint=D(-1))
    assert codes(validate_contract(with_terms(turnover=negative), UNITS, [])) == [
        ("terms.turnover", "negative-amount")] * 2


def test_the_engines_problems_on_their_fields_and_an_unknown_one_blocks_as_schedule():
    found = schedule_problems([
        Problem("cpi-unknown", {"year": "2027"}), Problem("sales-missing", {}),
        Problem("dates", {}), Problem("rent-free-outside-term", {}),
        Problem("due-day-invalid", {"kind": "day_of_month", "days": "0"}),
        Problem("some-new-rule", {"month": "2027-01-01"})])
    assert found == [
        FieldProblem("terms.due", "due-day-invalid", {"kind": "day_of_month", "days": "0"}),
        FieldProblem("terms", "schedule", {"problem": "some-new-rule", "month": "2027-01-01"})]
    assert blocking(found[1:])


def test_stepped_rents_need_one_price_a_day():
    steps = ((date(2027, 3, 1), D(110)), (date(2027, 3, 1), D(120)), (date(2028, 3, 1), D(-1)))
    problems = validate_contract(
        with_terms(escalation=Escalation(EscalationKind.STEPPED, steps=steps)), UNITS, [])
    assert codes(problems) == [("terms.escalation", "duplicate-step"),
                               ("terms.escalation", "negative-amount")]


@pytest.mark.parametrize(("tiers", "code"), [
    (((D(500), D(100)), (D(300), D(90)), (None, D(80))), "tiers-not-ascending"),
    (((None, D(100)), (D(500), D(90))), "tiers-not-ascending"),
    (((D(0), D(100)), (None, D(90))), "tiers-not-ascending"),
    (((D(500), D(100)), (D(1000), D(90))), "tiers-not-open"),
    (((D(500), D(100)), (None, D(-90))), "negative-amount"),
])
def test_tier_bands_rise_and_the_last_is_open(tiers, code):
    assert codes(validate_contract(with_terms(tiers=tiers), UNITS, [])) == [
        ("terms.tiers", code)]


def test_sound_tiers_pass():
    tiers = ((D(100), D(100)), (D(150), D(95)), (None, D(90)))
    assert validate_contract(with_terms(tiers=tiers), UNITS, []) == []


@pytest.mark.parametrize("due", [DueRule(DueKind.DAY_OF_MONTH, 0),
                                 DueRule(DueKind.DAY_OF_MONTH, 32),
                                 DueRule(DueKind.DAYS_BEFORE, -1)])
def test_an_impossible_due_day(due):
    problems = validate_contract(with_terms(due=due), UNITS, [])
    assert codes(problems) == [("terms.due", "due-day-invalid")]
    assert problems[0].params == {"kind": due.kind.value, "days": str(due.days)}


@pytest.mark.parametrize("due", [DueRule(DueKind.DAY_OF_MONTH, 31),
                                 DueRule(DueKind.DAYS_BEFORE, 15)])
def test_a_possible_due_day(due):
    assert validate_contract(with_terms(due=due), UNITS, []) == []


def test_an_index_year_not_known_yet_does_not_block():
    """The engine reports it (billed at the floor, corrected later); saving goes on."""
    cpi = Escalation(EscalationKind.CPI_CHANGE, index={2025: D(100)}, floor=D(2), cap=D(5))
    assert validate_contract(with_terms(escalation=cpi), UNITS, []) == []


# -- against the maps' own rule ----------------------------------------------------------

BASE = date(2026, 1, 1)


@settings(max_examples=150, deadline=None)
@given(
    ours=st.tuples(st.integers(0, 60), st.integers(0, 60)),
    theirs=st.tuples(st.integers(0, 60), st.integers(0, 60)),
    status=st.sampled_from(list(ContractStatus)),
    terminated=st.one_of(st.none(), st.integers(-5, 70)),
)
def test_unit_leased_exactly_when_the_other_contract_holds_the_unit_on_one_of_our_days(
        ours, theirs, status, terminated):
    """Conflict is judged as domain.contracts judges occupancy, day by day."""
    start, end = BASE + timedelta(days=min(ours)), BASE + timedelta(days=max(ours))
    other_start = BASE + timedelta(days=min(theirs))
    term = ContractTerm(other_start, other_start, BASE + timedelta(days=max(theirs)), status,
                        None if terminated is None else BASE + timedelta(days=terminated))
    ours_spec = replace(spec(signed_on=start, delivered_on=start, rent_starts_on=None),
                        terms=RentTerms(D("200.00"), D(100), start, end))
    problems = validate_contract(ours_spec, UNITS, leases_of("C-X", ["u1"], term))
    held = any(term.occupancy_on(start + timedelta(days=k)) is Occupancy.ACTIVE
               for k in range((end - start).days + 1))
    assert (("units[ZD-A-0301]", "unit-leased") in codes(problems)) == held



def test_turnover_rent_is_accepted_on_every_cycle():
    """Turnover is reckoned month by month on any cycle (domain.leasing.schedule); a
    quarterly lease's sales not reported yet do not block saving it either."""
    from domain.leasing.clauses import Cycle, Turnover

    for cycle in Cycle:
        lease = with_terms(cycle=cycle, turnover=Turnover(D("0.08"), tiers=(
            (D(100000), D("0.08")), (None, D("0.10"))), minimum=D(0), maximum=D(50000)))
        assert validate_contract(lease, UNITS, []) == [], cycle
