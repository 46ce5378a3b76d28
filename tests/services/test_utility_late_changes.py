"""A tariff version or a termination entered after months were billed, older than the
look-back: the next run finds it by its stamp, prices those months again and posts their
adjustments, each saying which change made it; a second run posts nothing.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 holds
ZD-A-0101 from 2026-01-01; HT-B-1 is signed on ZD-A-0103 from 2026-02-01; ZD-A-0102 is
vacant. The tree: MAIN (priced at 一般工商业, 1.00 a kWh from 2026-01-01) → E-0101, E-0102,
E-0103 and LIFT (common); read on the first of each month. February, March and April are
billed by the runs of March, April and May; June's run looks back at April only.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from domain.billing.bills import bill_id
from domain.billing.late_changes import LATE_TARIFF, LATE_TERMINATION
from services import billing_run, contracts, tariffs
from store.schema import Bill, Contract
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_meters import E, add_tariff, build_tree, read, run_month, sign_b1, sql_heard

D = Decimal
FEB, MAR, APR, MAY, JUNE, JULY = (date(2026, m, 1) for m in range(2, 8))
READS = {  # MAIN, E-0101, E-0102, E-0103, LIFT on the first of each month
    FEB: (0, 0, 0, 0, 0), MAR: (1040, 300, 40, 500, 50), APR: (2100, 620, 80, 1000, 100),
    MAY: (3000, 900, 120, 1400, 150), JUNE: (3900, 1200, 160, 1800, 200),
    JULY: (4800, 1500, 200, 2200, 250)}
CODES = ("MAIN", "E-0101", "E-0102", "E-0103", "LIFT")


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "late.leasemap")
    yield workspace
    workspace.close()


def _park(ws: Workspace) -> dict[str, uuid.UUID]:
    """The tree priced at 1.00, HT-B-1 signed, read to 1 June; February to April billed."""
    ids = build_tree(ws, add_tariff(ws))
    sign_b1(ws)
    for month in (FEB, MAR, APR, MAY, JUNE):
        _read(ws, ids, month)
    for month in (FEB, MAR, APR, MAY):  # February's run bills its rent (January not read)
        run_month(ws, month)
    return ids


def _read(ws: Workspace, ids: dict[str, uuid.UUID], month: date) -> None:
    read(ws, ids, month, **dict(zip(CODES, READS[month], strict=True)))


def _contract(ws: Workspace, code: str) -> uuid.UUID:
    with ws.reading() as s:
        return s.scalar(select(Contract.id).where(Contract.code == code))


def _billed(ws: Workspace, number: str) -> Decimal:
    with ws.reading() as s:
        return s.scalar(select(Bill.amount).where(Bill.number == number))


def _meter_lines(adjustment: Any) -> list[dict[str, Any]]:
    return [x["explanation"] for x in adjustment.lines[0].explanation["lines"]
            if x["explanation"]["source"] == "meter"]


def test_a_tariff_version_entered_late_adjusts_the_months_it_prices(ws):
    """A version at 1.20 from 15 February, entered after April was billed: June's run
    adjusts February (14 of its 28 days at 1.20) and March (all of it), older than its
    look-back, and April (its look-back); each adjustment names the version."""
    _park(ws)
    with sql_heard(ws) as said:  # nothing changed: one query looks, no month is read
        quiet = billing_run.rehearse_run(ws, park_id(ws), JUNE, date(2026, 6, 30), MAY)
    assert [b for b in quiet.adjustments if b.charge == E] == []
    assert len([q for q in said if "UNION ALL" in q]) == 1
    assert not [q for q in said if "max(bills.hlc)" in q]

    tariffs.save_tariff(ws, park_id(ws), E, "一般工商业", {"kind": "flat", "price": "1.20"},
                        date(2026, 2, 15))
    june = run_month(ws, JUNE)
    adjustments = {b.number: b for b in june.plan.adjustments if b.charge == E}
    assert sorted(adjustments) == [f"{c}/2026-{m:02}-01/electricity/A1"
                                   for c in ("HT-2026-0001", "HT-B-1") for m in (2, 3, 4)]
    version = {"code": LATE_TARIFF, "params": {"tariff": "一般工商业",
                                               "valid_from": "2026-02-15"}}
    for adjustment in adjustments.values():
        said = adjustment.lines[0].explanation
        assert said["changed"] == [version]
        assert D(said["now"]) == D(said["billed"]) + adjustment.amount
        assert D(said["billed"]) == _billed(ws, adjustment.number.rsplit("/", 1)[0])
    feb = adjustments["HT-B-1/2026-02-01/electricity/A1"]
    assert feb.corrects == bill_id(str(_contract(ws, "HT-B-1")), FEB, E)
    # E-0103's 500 kWh of February: 250 over the 14 days at 1.00, 250 at 1.20
    assert [(x["quantity"], x["price"], x["amount"]) for x in _meter_lines(feb)] == [
        ("250.000", "1.00", "250.00"), ("250.000", "1.20", "300.00")]
    mar = adjustments["HT-B-1/2026-03-01/electricity/A1"]
    assert [(x["quantity"], x["price"], x["amount"]) for x in _meter_lines(mar)] == [
        ("500.000", "1.20", "600.00")]
    # its own 500 kWh 100.00 more, and its third of March's shared 200 kWh (66.666 kWh,
    # billed 66.66 of the 200.00) now 80.00 of 240.00
    assert mar.amount == D("113.34")
    assert feb.amount == D("56.67")  # 250 kWh × 0.20, and half its share's 0.20 more

    # The billing window says it (views.billing_run_dialog, as the run's table shows it)
    from views.billing_run_dialog import bill_rows, explanation_html

    [row] = [r for r in bill_rows(june.plan.bills, {}) if r.number == feb.number]
    assert ("Changed since it was billed:</p><ul><li>Tariff 一般工商业: a version from "
            "2026-02-15 entered after this month was billed</li>") in explanation_html(row, "CNY")

    # Posted: nothing more, in that run again or in the next month's.
    assert run_month(ws, JUNE).plan.bills == ()
    _read(ws, _meters(ws), JULY)
    july = run_month(ws, JULY)
    assert sorted(b.number for b in july.plan.bills if b.charge == E) == [
        "HT-2026-0001/2026-06-01/electricity", "HT-B-1/2026-06-01/electricity"]


def _meters(ws: Workspace) -> dict[str, uuid.UUID]:
    from store.schema import Meter

    with ws.reading() as s:
        return {code: mid for mid, code in s.execute(select(Meter.id, Meter.code))}


def test_a_termination_dated_back_adjusts_utilities_as_it_adjusts_rent(ws):
    """HT-B-1 terminated on 10 February, after April was billed: June's run credits its
    rent and its electricity after that day alike — February kept for 10 of its 28 days,
    March and April credited whole — and each utility adjustment names the termination.
    HT-2026-0001's bills stay as they are."""
    _park(ws)
    contracts.terminate(ws, _contract(ws, "HT-B-1"), date(2026, 2, 10))
    june = run_month(ws, JUNE)
    mine = {b.number: b for b in june.plan.adjustments
            if b.contract_id == str(_contract(ws, "HT-B-1"))}
    utilities = {n: b for n, b in mine.items() if b.charge == E}
    assert sorted(utilities) == [f"HT-B-1/2026-{m:02}-01/electricity/A1" for m in (2, 3, 4)]
    assert not [b for b in june.plan.adjustments if b.number.startswith("HT-2026-0001/")]
    ended = {"code": LATE_TERMINATION, "params": {"contract": "HT-B-1",
                                                  "terminated_on": "2026-02-10"}}
    for adjustment in utilities.values():
        assert adjustment.lines[0].explanation["changed"] == [ended]
    from views.billing_text import line_reason_text

    assert line_reason_text(ended["code"], ended["params"]) == (
        "HT-B-1 terminated on 2026-02-10 after this month was billed: the days after it are "
        "not its")
    # March and April: held no day, the whole bill credited
    for month in (3, 4):
        credit = utilities[f"HT-B-1/2026-{month:02}-01/electricity/A1"]
        said = credit.lines[0].explanation
        assert said["why"] == "period-no-longer-due" and D(said["now"]) == 0
        assert credit.amount == -_billed(ws, f"HT-B-1/2026-{month:02}-01/electricity")
    # February: the days held are rent's (1 to 10 February)
    feb = utilities["HT-B-1/2026-02-01/electricity/A1"]
    held = [x["explanation"]["held"] for x in feb.lines[0].explanation["lines"]]
    assert held and all((h["from"], h["to"], h["days"], h["of_days"])
                        == ("2026-02-01", "2026-02-10", "10", "28") for h in held)
    rent = mine["HT-B-1/2026-02-01/rent/A1"]
    assert rent.period_end == date(2026, 2, 10)
    [prorated] = [r["params"] for r in rent.lines[0].explanation["reasons"]
                  if r["code"] == "prorated"]
    assert (prorated["days"], prorated["of"]) == ("10", "28")
    assert D(rent.lines[0].explanation["now"]) == D("4478.57")  # 12,540.00 × 10 / 28
    assert {f"HT-B-1/2026-{m:02}-01/rent/A1" for m in (3, 4, 5)} <= set(mine)
    # E-0103's 500 kWh, 10 of 28 days: 178.571 kWh
    [meter] = [x["explanation"] for x in feb.lines[0].explanation["lines"]
               if x["explanation"]["source"] == "meter"]
    assert meter["quantity"] == "178.571"

    assert run_month(ws, JUNE).plan.bills == ()  # posted: nothing more
    with sql_heard(ws) as said:
        again = billing_run.rehearse_run(ws, park_id(ws), JUNE, date(2026, 6, 30), MAY)
    assert again.bills == () and not [q for q in said if "max(bills.hlc)" in q]


def test_an_amendment_dated_back_adds_the_days_of_the_unit_it_adds(ws):
    """HT-B-1 amended after April was billed to take the vacant ZD-A-0102 too, from
    15 February: June's run bills it that unit's use from then on — 14 of February's
    28 days, March and April whole — as its rent, each adjustment naming the amendment."""
    import dataclasses

    _park(ws)
    cid = _contract(ws, "HT-B-1")
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", FEB, date(2027, 1, 31), signed_on=FEB)
    added = lease_spec(ws, "ZD-A-0102", "x").units
    units = (*spec.units, *added)
    area = sum((u.billable_area for u in units), D(0))
    contracts.amend(ws, cid, dataclasses.replace(
        spec, units=units, terms=dataclasses.replace(spec.terms, area=area)),
        date(2026, 2, 15))
    june = run_month(ws, JUNE)
    mine = {b.number: b for b in june.plan.adjustments if b.contract_id == str(cid)}
    utilities = {n: b for n, b in mine.items() if b.charge == E}
    assert sorted(utilities) == [f"HT-B-1/2026-{m:02}-01/electricity/A1" for m in (2, 3, 4)]
    amended = {"code": "utility-late-amendment", "params": {
        "contract": "HT-B-1", "version": "2", "effective_on": "2026-02-15"}}
    for adjustment in utilities.values():
        assert adjustment.lines[0].explanation["changed"] == [amended]
    feb = utilities["HT-B-1/2026-02-01/electricity/A1"]
    [e_0102] = [x["explanation"] for x in feb.lines[0].explanation["lines"]
                if x["explanation"].get("meter") == "E-0102"]
    # its 40 kWh of February, 14 of the 28 days HT-B-1's
    assert (e_0102["quantity"], e_0102["held"]["from"], e_0102["held"]["days"]) == (
        "20.000", "2026-02-15", "14")
    mar = utilities["HT-B-1/2026-03-01/electricity/A1"]
    assert [x["explanation"]["meter"] for x in mar.lines[0].explanation["lines"]
            if x["explanation"]["source"] == "meter"] == ["E-0102", "E-0103"]
    assert {"HT-B-1/2026-02-01/rent/A1", "HT-B-1/2026-03-01/rent/A1"} <= set(mine)
    assert not [b for b in june.plan.adjustments if b.number.startswith("HT-2026-0001/")]
    assert run_month(ws, JUNE).plan.bills == ()


def test_a_contract_that_holds_nothing_in_the_months_looked_at_is_credited_as_itself(ws):
    """HT-B-1 terminated on 28 February, after April was billed: March and April are
    looked at again though it holds no day from March on; their credits are its own."""
    _park(ws)
    cid = _contract(ws, "HT-B-1")
    contracts.terminate(ws, cid, date(2026, 2, 28))
    june = run_month(ws, JUNE)
    credits = sorted((b.number, b.amount) for b in june.plan.adjustments if b.charge == E)
    assert credits == [
        (f"HT-B-1/2026-{m:02}-01/electricity/A1",
         -_billed(ws, f"HT-B-1/2026-{m:02}-01/electricity")) for m in (3, 4)]
    assert june.plan.tenants[str(cid)] is not None
    with ws.reading() as s:
        posted = s.scalar(select(Bill.tenant_id).where(
            Bill.number == "HT-B-1/2026-03-01/electricity/A1"))
    assert posted == june.plan.tenants[str(cid)]


def test_a_late_version_whose_first_day_moves_is_looked_at_in_every_month_again(ws):
    """Versions at 1.50 from 1 April and at 1.20 from 15 February, both entered after April
    was billed: June's run adjusts February to April and bills May at 1.50, so the 1.20
    version priced no bill of its own and may still be edited. Moved to 10 March, July's
    run finds February's days at 1.20 gone (the version's old days are not known: every
    billed month is looked at) and March's split anew."""
    pid = park_id(ws)
    _park(ws)
    tariffs.save_tariff(ws, pid, E, "一般工商业", {"kind": "flat", "price": "1.50"}, APR)
    late = tariffs.save_tariff(ws, pid, E, "一般工商业", {"kind": "flat", "price": "1.20"},
                               date(2026, 2, 15))
    june = run_month(ws, JUNE)
    assert sorted(b.number for b in june.plan.adjustments if b.number.startswith("HT-B-1/")
                  ) == [f"HT-B-1/2026-{m:02}-01/electricity/A1" for m in (2, 3, 4)]
    tariffs.edit_tariff(ws, late, {"kind": "flat", "price": "1.20"}, date(2026, 3, 10))
    _read(ws, _meters(ws), JULY)
    july = run_month(ws, JULY)
    again = {b.number: b for b in july.plan.adjustments if b.number.startswith("HT-B-1/")}
    assert sorted(again) == ["HT-B-1/2026-02-01/electricity/A2",
                             "HT-B-1/2026-03-01/electricity/A2"]
    feb = again["HT-B-1/2026-02-01/electricity/A2"]
    assert D(feb.lines[0].explanation["now"]) == _billed(ws, "HT-B-1/2026-02-01/electricity")
    assert [(x["quantity"], x["price"]) for x in _meter_lines(feb)] == [("500.000", "1.00")]
    mar = again["HT-B-1/2026-03-01/electricity/A2"]
    assert [x["price"] for x in _meter_lines(mar)] == ["1.00", "1.20"]  # 9 days, then 22
    assert mar.lines[0].explanation["changed"] == [{"code": LATE_TARIFF, "params": {
        "tariff": "一般工商业", "valid_from": "2026-03-10"}}]
    assert run_month(ws, JULY).plan.bills == ()
