"""Which billed months a tariff version, an amendment or a termination entered late reaches
(``domain.billing.late_changes``): by its days, its utility, its contract, and its stamp
against each month's latest bill; the months an amendment bills its contract for now
(caught up); what an adjustment says of a meter moved to another tariff."""

from __future__ import annotations

import doctest
import uuid
from datetime import date
from decimal import Decimal

import domain.billing.late_changes
from domain.billing.bills import BilledKey, PlannedBill, PlannedLine, bill_id
from domain.billing.late_changes import (
    LATE_AMENDMENT,
    LATE_METER_TARIFF,
    LATE_TARIFF,
    LATE_TERMINATION,
    LateChange,
    catch_up_months,
    months_changed,
)
from domain.billing.meters import Meter, Reading, Utility
from domain.billing.tariffs import FlatTariff
from domain.billing.utility_bills import (
    CAUGHT_UP_NOTE,
    Hold,
    NamedTariff,
    Payer,
    UtilityTree,
    plan_utility_bills,
    with_old_tariffs,
)

D = Decimal

JAN, FEB, MAR, APR = (date(2026, m, 1) for m in range(1, 5))
BILLED = {("electricity", m): "0002" for m in (JAN, FEB, MAR)} | {
    ("water", m): "0002" for m in (JAN, FEB, MAR)}


def test_the_examples():
    assert doctest.testmod(domain.billing.late_changes).failed == 0


def test_a_tariff_version_reaches_its_utilitys_months_from_its_first_day_to_the_next():
    version = LateChange(LATE_TARIFF, "0003", date(2026, 1, 31), FEB, "water",
                         params={"tariff": "非居民用水", "valid_from": "2026-01-31"})
    assert sorted(months_changed([version], BILLED)) == [("water", JAN)]  # its one day
    open_ended = LateChange(LATE_TARIFF, "0003", FEB, None, "water")
    assert sorted(months_changed([open_ended], BILLED)) == [("water", FEB), ("water", MAR)]
    older = LateChange(LATE_TARIFF, "0001", FEB, None, "water")  # priced by those bills
    assert months_changed([older], BILLED) == {}


def test_a_contracts_change_reaches_only_the_months_it_was_billed_for():
    ended = LateChange(LATE_TERMINATION, "0003", date(2026, 2, 11), contract_id="c",
                       params={"contract": "HT-1", "terminated_on": "2026-02-10"})
    amended = LateChange(LATE_AMENDMENT, "0003", JAN, contract_id="d")
    found = months_changed([ended, amended], BILLED, {
        "c": [("electricity", m) for m in (JAN, FEB, MAR, APR)],  # April: not billed yet
        "d": [("water", JAN)]})
    assert found == {("electricity", FEB): [ended], ("electricity", MAR): [ended],
                     ("water", JAN): [amended]}
    assert months_changed([ended], BILLED) == {}  # a contract never billed: nothing
    assert ended.applies_to("c") and not ended.applies_to("d")
    assert ended.reason() == {"code": LATE_TERMINATION, "params": {
        "contract": "HT-1", "terminated_on": "2026-02-10"}}


def test_an_amendment_catches_up_from_its_contracts_first_utility_bill_to_its_last_day():
    """The months billed for the park before the amendment was entered that the contract was
    not billed for, from the later of its effective month and the contract's first bill, to
    its last day, before the run's own months (``before``)."""
    billed = {("electricity", date(2026, m, 1)): "0002" for m in range(1, 12)} | {
        ("water", date(2026, m, 1)): "0004" for m in range(1, 12)}
    owned = [("electricity", date(2026, m, 1)) for m in (3, 4)]  # billed March and April
    early = LateChange(LATE_AMENDMENT, "0003", JAN, contract_id="c")
    assert catch_up_months(early, billed, owned, date(2026, 7, 1)) == [
        ("electricity", date(2026, m, 1)) for m in (5, 6)]  # water billed after it: seen
    assert catch_up_months(early, billed, owned, date(2026, 11, 1), date(2026, 8, 15)) == [
        ("electricity", date(2026, m, 1)) for m in (5, 6, 7, 8)]  # to its last day
    later = LateChange(LATE_AMENDMENT, "0005", date(2026, 9, 20), contract_id="c")
    assert catch_up_months(later, billed, owned, date(2026, 11, 1)) == [
        (u, date(2026, m, 1)) for u in ("electricity", "water") for m in (9, 10)]
    assert catch_up_months(later, billed, [], date(2026, 11, 1)) == []  # never billed
    ended = LateChange(LATE_TERMINATION, "0005", date(2026, 9, 20), contract_id="c")
    assert catch_up_months(ended, billed, owned, date(2026, 11, 1)) == []


def test_a_month_caught_up_is_billed_with_a_note_and_the_others_adjusted_only_if_changed():
    """The plan bills a contract for a month before the run's when told it catches it up:
    a new bill (its derived id), saying why; the month's bills already posted are compared
    as ever (equal: nothing)."""
    e = Utility.ELECTRICITY
    meters = (Meter("M", "MAIN", e), Meter("a", "E-101", e, "M", "101"),
              Meter("b", "E-102", e, "M", "102"))
    readings = tuple(Reading(m, day, "total", D(v)) for m, vs in (
        ("M", (0, 1000, 2000)), ("a", (0, 300, 600)), ("b", (0, 500, 1000)))
        for day, v in zip((FEB, MAR, APR), vs, strict=True))
    tree = UtilityTree(e, meters, readings, {}, {"101": D(100), "102": D(100)},
                       {"M": NamedTariff("一般工商业", (FlatTariff(JAN, D("1.00")),))})
    holds = [Hold("c1", "101", JAN, date(2026, 12, 31)), Hold("c2", "102", JAN,
                                                           date(2026, 12, 31))]
    payers = {c: Payer(c, c.upper()) for c in ("c1", "c2")}
    billed = {"c1": {(FEB, "electricity"): BilledKey(bill_id("c1", FEB, "electricity"),
                                                      D("400.00"), 0)}}
    amended = LateChange(LATE_AMENDMENT, "0003", FEB, contract_id="c2", params={
        "contract": "C2", "version": "2", "effective_on": "2026-02-01"})
    plan = plan_utility_bills([tree], [MAR], holds, payers, billed, APR, [FEB],
                              changed={("electricity", FEB): [amended]},
                              catch_up={("electricity", FEB): {"c2": [amended]}})
    caught = {b.number: b for b in plan.bills if b.period_start == FEB}
    assert list(caught) == ["C2/2026-02-01/electricity"]  # c1's February: as billed
    bill = caught["C2/2026-02-01/electricity"]
    assert (bill.id, bill.kind, bill.amount) == (bill_id("c2", FEB, "electricity"), "charge",
                                                 D("600.00"))  # 500 + half of 200 shared
    assert [(n.code, n.params) for n in bill.notes] == [(CAUGHT_UP_NOTE, {
        "contract": "C2", "version": "2", "effective_on": "2026-02-01",
        "utility": "electricity", "month": "2026-02"})]
    # without it, a month not the run's bills nobody new
    alone = plan_utility_bills([tree], [MAR], holds, payers, billed, APR, [FEB])
    assert [b.number for b in alone.bills] == ["C1/2026-03-01/electricity",
                                                "C2/2026-03-01/electricity"]


def test_a_meter_moved_says_the_tariff_the_bill_it_adjusts_priced_it_at():
    """An adjustment naming a meter moved to another tariff says the tariff the adjusted
    bill's lines priced it (or a meter inheriting its tariff, or a share of it) at; a move
    that priced neither bill through the meter, or both at one tariff, is left out."""
    def line(source: str, code: str, tariff: str) -> dict[str, object]:
        return {"source": source, "meter" if source == "meter" else "main": code,
                "tariff": {"name": tariff}}

    moved = {"code": LATE_METER_TARIFF, "params": {"meter": "MAIN", "tariff": "大工业"}}
    version = {"code": LATE_TARIFF, "params": {"tariff": "大工业", "valid_from": "2026-02-01"}}

    def adjustment(*now: dict[str, object]) -> PlannedBill:
        said = {"lines": [{"explanation": x} for x in now], "changed": [version, moved]}
        return PlannedBill(uuid.uuid4(), "c", "C/2026-02-01/electricity/A1", "adjustment",
                           "electricity", FEB, date(2026, 2, 28), MAR, D("-10.00"),
                           (PlannedLine(FEB, date(2026, 2, 28), D("-10.00"), said),), None)

    through = {"MAIN": {"MAIN", "E-1"}}
    before = [line("meter", "E-1", "一般工商业"), line("share", "MAIN", "一般工商业")]
    bill = adjustment(line("meter", "E-1", "大工业"), line("share", "MAIN", "大工业"))
    assert with_old_tariffs(bill, before, through).lines[0].explanation["changed"] == [
        version, {"code": LATE_METER_TARIFF, "params": {
            "meter": "MAIN", "tariff": "大工业", "was": "一般工商业"}}]
    same = adjustment(line("meter", "E-1", "一般工商业"))
    assert with_old_tariffs(same, before, through).lines[0].explanation["changed"] == [version]
    elsewhere = adjustment(line("meter", "E-9", "大工业"))
    assert with_old_tariffs(elsewhere, [line("meter", "E-9", "一般工商业")], through
                            ).lines[0].explanation["changed"] == [version]
