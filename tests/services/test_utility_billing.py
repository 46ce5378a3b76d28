"""Utility bills in a real billing run: metered use billed in arrears, once, corrected later.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 (a lease
from before clauses) holds ZD-A-0101 from 2026-01-01; ZD-A-0102 is let from 2027-03-01
only (vacant before); each test signs HT-B-1 on ZD-A-0103 (125.40 m² like the others). The
tree: MAIN (priced at 一般工商业, 1.00 a kWh from 2026-01-01) → E-0101, E-0102, E-0103
(each a unit's) and LIFT (common); read on the first of each month. A run over March
bills February.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from domain.billing.bills import bill_id
from domain.billing.tariffs import TieredTariff, to_document
from domain.billing.utility_bills import DUE_DAYS, SPIKE_NOTE
from domain.leasing.clauses import DueKind, DueRule
from services import billing_run
from services.meters import MeterSpec, create_meter, record_reading
from store.schema import Bill, Outbox
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.small_meters import (
    E,
    add_tariff,
    build_tree,
    flat,
    line_explanations,
    read,
    run_month,
    sign_b1,
    sql_heard,
)

D = Decimal
FEB, MAR, APR, MAY = (date(2026, m, 1) for m in (2, 3, 4, 5))


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "utilities.leasemap")
    yield workspace
    workspace.close()


def _utility_bills(ws: Workspace) -> list[tuple]:
    with ws.reading() as s:
        return [tuple(r) for r in s.execute(
            select(Bill.number, Bill.kind, Bill.period_start, Bill.period_end, Bill.amount)
            .where(Bill.charge == E).order_by(Bill.number))]


def _february(ws: Workspace) -> dict[str, uuid.UUID]:
    """The tree priced at 1.00, HT-B-1 signed, February read: E-0101 300, E-0102 40 (vacant
    unit), E-0103 500, LIFT 50; MAIN 1,040: 150 unmetered + 50 common = 200 shared by
    area over the three units, 66.667 / 66.667 / 66.666 kWh (at 0.001)."""
    tariff = add_tariff(ws)
    ids = build_tree(ws, tariff)
    sign_b1(ws)
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    return ids


def test_a_run_bills_last_months_use_at_its_price_once(ws):
    _february(ws)
    report = run_month(ws, MAR, on=date(2026, 2, 25))
    plan = report.plan
    utility = sorted((b for b in plan.bills if b.charge == E), key=lambda b: b.number)
    # Each bill: its unit's own meter at 1.00 a kWh (300, 500) and its third of the 200 kWh
    # shared, a part of the shared charge 200.00 split to the cent.
    assert [(b.number, b.period_start, b.period_end) for b in utility] == [
        ("HT-2026-0001/2026-02-01/electricity", FEB, date(2026, 2, 28)),
        ("HT-B-1/2026-02-01/electricity", FEB, date(2026, 2, 28))]
    shares = {b.number: b.lines[-1].explanation for b in utility}
    for bill in utility:
        meter, share = bill.lines
        assert meter.explanation["source"] == "meter" and share.explanation["source"] == "share"
        assert meter.amount == D(meter.explanation["quantity"]) * D("1.00")
        assert bill.amount == meter.amount + share.amount
    assert [b.lines[0].amount for b in utility] == [D("300.00"), D("500.00")]
    [vacant] = [s for s in plan.skipped if s.code == "vacant-use"]  # ZD-A-0102: 40 + share
    assert sum((D(x["amount"]) for x in shares.values()), D(0)) + D(vacant.params["amount"]) \
        - D("40.00") == D("200.00")  # the shared charge, every cent of it
    # The rent and the utilities in one run; the legacy lease has no due rule: issue + 10.
    assert {b.charge for b in plan.bills} == {"rent", E}
    assert utility[0].due_on == date(2026, 2, 25) + timedelta(days=DUE_DAYS)
    assert utility[1].due_on == MAR  # HT-B-1 pays on the period's first day, as its rent
    assert vacant.params["unit"] == "ZD-A-0102"

    [meter, share] = line_explanations(ws, "HT-B-1/2026-02-01/electricity")
    said = meter
    assert (said["meter"], said["register"], said["quantity"], said["price"],
            said["tariff"]) == ("E-0103", "total", "500.000", "1.00",
                                {"name": "一般工商业", "kind": "flat",
                                 "valid_from": "2026-01-01"})
    assert said["readings"] == [{"register": "total", "from_on": "2026-02-01",
                                 "from": "0.000", "to_on": "2026-03-01", "to": "500.000",
                                 "dial": "500.000"}]
    said = share
    assert (said["main"], said["main_use"], said["subs"], said["shared"], said["basis"],
            said["weight"], said["denominator"]) == (
        "MAIN", "1040.000", "890.000", "200.000", "area", "125.40", "376.20")
    assert D(said["main_use"]) - D(said["subs"]) + D(said["common"]) == D(said["shared"])
    assert D(said["charge"]) == D("200.00")
    assert _count(ws, Outbox, Outbox.kind == "post_bill") == len(plan.bills)

    again = run_month(ws, MAR, on=date(2026, 2, 26))
    assert again.run_id is None and again.plan.bills == ()
    assert again.plan.existing == len(plan.bills)  # rent's and the utilities' alike


def _count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_a_corrected_reading_is_adjusted_in_the_next_run_and_never_again(ws):
    ids = _february(ws)
    run_month(ws, MAR)
    before = dict((n, a) for n, _k, _s, _e, a in _utility_bills(ws))
    # E-0101's 1 March reading was 320, not 300: February used 20 more, March 20 less.
    report = record_reading(ws, ids["E-0101"], MAR, D(320))
    assert report.status.value == "correction"
    read(ws, ids, APR, MAIN=2100, E_0101=620, E_0102=80, E_0103=1000, LIFT=100)
    april = run_month(ws, APR)
    adjustments = {b.number: b for b in april.plan.adjustments}
    first = adjustments["HT-2026-0001/2026-02-01/electricity/A1"]
    assert first.corrects == bill_id(str(_contract(ws, "HT-2026-0001")), FEB, E)
    said = first.lines[0].explanation
    assert (D(said["billed"]), D(said["now"])) == (before[
        "HT-2026-0001/2026-02-01/electricity"], D(said["billed"]) + first.amount)
    # 20 kWh more of its own, and a share of 20 less unmetered use: 6.67 less at most
    assert D("13.33") <= first.amount <= D("13.34")
    credit = adjustments["HT-B-1/2026-02-01/electricity/A1"]
    assert D("-6.67") <= credit.amount <= D("-6.66") and credit.period_start == FEB
    assert {b.number for b in april.plan.bills if b.charge == E and b.kind == "charge"} == {
        "HT-2026-0001/2026-03-01/electricity", "HT-B-1/2026-03-01/electricity"}
    read(ws, ids, MAY, MAIN=3000, E_0101=900, E_0102=120, E_0103=1400, LIFT=150)
    may = run_month(ws, MAY)
    assert [b.number for b in may.plan.bills if b.charge == E] == [
        "HT-2026-0001/2026-04-01/electricity", "HT-B-1/2026-04-01/electricity"]
    assert run_month(ws, APR).plan.bills == ()  # and April's run again: nothing


def _contract(ws: Workspace, code: str) -> uuid.UUID:
    from store.schema import Contract

    with ws.reading() as s:
        return s.scalar(select(Contract.id).where(Contract.code == code))


def test_a_missing_reading_is_skipped_until_a_rerun_of_the_same_range(ws):
    tariff = add_tariff(ws)
    ids = build_tree(ws, tariff)
    sign_b1(ws)
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=1040, E_0101=300, E_0102=40, LIFT=50)  # E-0103 not read
    report = run_month(ws, MAR)
    assert [b for b in report.plan.bills if b.charge == E] == []
    missing = {(s.contract_code, s.params["unit"], s.params["meter"], s.params["month"])
               for s in report.plan.skipped if s.code == "reading-missing"}
    # HT-B-1's own meter, and the shares of both: MAIN's shared use waits for E-0103 too
    assert missing == {("HT-B-1", "ZD-A-0103", "E-0103", "2026-02"),
                       ("HT-2026-0001", "ZD-A-0101", "E-0103", "2026-02")}
    read(ws, ids, MAR, E_0103=500)
    again = run_month(ws, MAR)
    assert sorted(b.number for b in again.plan.bills) == [
        "HT-2026-0001/2026-02-01/electricity", "HT-B-1/2026-02-01/electricity"]
    assert not [s for s in again.plan.skipped if s.code == "reading-missing"]


def test_a_vacant_units_use_is_the_landlords(ws):
    _february(ws)
    report = run_month(ws, MAR)
    [vacant] = [s for s in report.plan.skipped if s.code == "vacant-use"]
    assert vacant.contract_code == "" and vacant.params["unit"] == "ZD-A-0102"
    assert (vacant.params["days"], vacant.params["of_days"]) == ("28", "28")
    # 40 kWh of its own and its third of the shared 200
    assert D(vacant.params["quantity"]) in (D("106.666"), D("106.667"))
    assert D(vacant.params["amount"]) in (D("106.66"), D("106.67"))
    billed = sum((b.amount for b in report.plan.bills if b.charge == E), D(0))
    assert billed + D(vacant.params["amount"]) == D("1040.00")  # the main meter, priced
    assert not [b for b in report.plan.bills if b.number.startswith("HT-2027-0002")]


def test_a_unit_whose_meter_has_no_tariff_is_skipped_naming_the_meter(ws):
    ids = build_tree(ws, None)
    sign_b1(ws)
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    report = run_month(ws, MAR)
    assert [b for b in report.plan.bills if b.charge == E] == []
    skips = {(s.contract_code, s.params["meter"]) for s in report.plan.skipped
             if s.code == "no-tariff"}
    assert skips == {("HT-B-1", "E-0103, MAIN"), ("HT-2026-0001", "E-0101, MAIN")}
    # A tariff entered late: the same range bills it now.
    tariff = add_tariff(ws)
    with ws.transaction() as s:
        from store.schema import Meter

        s.get(Meter, ids["MAIN"]).tariff_id = tariff
    assert len([b for b in run_month(ws, MAR).plan.bills if b.charge == E]) == 2


def test_a_unit_let_twice_in_a_month_is_split_by_days(ws):
    """HT-B-1 ends on 10 February, HT-B-2 begins on the 16th: 10 and 13 days of 28, the
    five between the landlord's."""
    tariff = add_tariff(ws, flat("0.85"))
    ids = build_tree(ws, tariff)
    sign_b1(ws, date(2026, 1, 1), date(2026, 2, 10))
    sign_b1(ws, date(2026, 2, 16), date(2027, 2, 15), code="HT-B-2")
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=840, E_0101=300, E_0102=0, E_0103=280, LIFT=0)
    report = run_month(ws, MAR)
    bills = {b.number: b for b in report.plan.bills if b.charge == E}
    one, two = bills["HT-B-1/2026-02-01/electricity"], bills["HT-B-2/2026-02-01/electricity"]
    assert [x.explanation["held"]["days"] for x in one.lines] == ["10", "10"]
    assert [(x.starts_on, x.ends_on) for x in two.lines] == [
        (date(2026, 2, 16), date(2026, 2, 28))] * 2
    assert [D(x.explanation["quantity"]) for x in one.lines[:1] + two.lines[:1]] == [
        D(100), D(130)]  # 280 kWh over 28 days
    [vacant] = [s for s in report.plan.skipped if s.code == "vacant-use"
                and s.params["unit"] == "ZD-A-0103"]
    assert vacant.params["days"] == "5"
    # its own 280 kWh at 0.85, and its part of the 260 kWh shared (221.00 over three units)
    share = D(one.lines[1].explanation["whole"]["amount"])
    assert share in (D("73.66"), D("73.67"))
    assert one.amount + two.amount + D(vacant.params["amount"]) == D("238.00") + share


def test_a_tiered_water_tariff_bills_by_band(ws):
    from domain.billing.tariffs import Band

    tariff = add_tariff(ws, to_document(TieredTariff(date(2026, 1, 1), (
        Band(D(300), D("5.60")), Band(None, D("8.40"))))), "非居民用水", "water")
    pid = park_id(ws)
    meter = create_meter(ws, pid, MeterSpec("W-0101", "water", unit="ZD-A-0101",
                                            tariff_id=tariff))
    record_reading(ws, meter, FEB, D(1000))
    record_reading(ws, meter, MAR, D(1350))
    report = run_month(ws, MAR)
    [bill] = [b for b in report.plan.bills if b.charge == "water"]
    assert [(x.explanation["band"]["band"], x.explanation["quantity"], x.amount)
            for x in bill.lines] == [("1", "300.000", D("1680.00")), ("2", "50.000", D("420.00"))]
    assert bill.amount == D("2100.00") and bill.number == "HT-2026-0001/2026-02-01/water"


# -- due with the rent; a correction of any age; many meters; a spike --------------------------


@pytest.mark.parametrize(("due", "expected"), [
    (DueRule(), date(2026, 3, 15)),  # on the period's first day: with 15 March's rent
    (DueRule(DueKind.DAYS_BEFORE, 10), date(2026, 3, 5)),  # paying 10 days in advance
])
def test_a_contract_whose_months_begin_on_the_15th_pays_utilities_with_that_rent(
        ws, due, expected):
    """HT-B-1 runs from 15 January: March's run bills its period from 15 March and
    February's electricity, and both fall due on one day."""
    tariff = add_tariff(ws)
    ids = build_tree(ws, tariff)
    sign_b1(ws, date(2026, 1, 15), date(2027, 1, 14), due=due)
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    plan = run_month(ws, MAR, on=date(2026, 2, 25)).plan
    mine = {b.charge: b for b in plan.bills if b.number.startswith("HT-B-1/")}
    assert mine["rent"].period_start == date(2026, 3, 15)
    assert mine[E].period_start == FEB
    assert mine[E].due_on == mine["rent"].due_on == expected


def test_a_reading_corrected_months_later_is_adjusted_by_the_next_run(ws):
    """February, March and April billed; then E-0101's 1 March reading (February's close,
    March's opening) corrected from 300 to 320. June's run looks back only at April by
    the calendar, yet adjusts February and March: their readings changed after their bills."""
    ids = _february(ws)
    run_month(ws, MAR)
    read(ws, ids, APR, MAIN=2100, E_0101=620, E_0102=80, E_0103=1000, LIFT=100)
    run_month(ws, APR)
    read(ws, ids, MAY, MAIN=3000, E_0101=900, E_0102=120, E_0103=1400, LIFT=150)
    run_month(ws, MAY)
    june = date(2026, 6, 1)
    read(ws, ids, june, MAIN=3900, E_0101=1200, E_0102=160, E_0103=1800, LIFT=200)
    billed = {n: a for n, _k, _s, _e, a in _utility_bills(ws)}
    with sql_heard(ws) as before:  # nothing corrected yet: no month's bills looked up
        billing_run.rehearse_run(ws, park_id(ws), june, date(2026, 6, 30), MAY)
    assert not [q for q in before if "max(bills.hlc)" in q]
    assert record_reading(ws, ids["E-0101"], MAR, D(320)).status.value == "correction"
    with sql_heard(ws) as said:
        report = run_month(ws, june)
    assert len([q for q in said if "max(bills.hlc)" in q]) == 1  # February's and March's
    adjustments = {b.number: b for b in report.plan.adjustments if b.charge == E}
    assert sorted(adjustments) == [
        "HT-2026-0001/2026-02-01/electricity/A1", "HT-2026-0001/2026-03-01/electricity/A1",
        "HT-B-1/2026-02-01/electricity/A1", "HT-B-1/2026-03-01/electricity/A1"]
    feb = adjustments["HT-2026-0001/2026-02-01/electricity/A1"]
    mar = adjustments["HT-2026-0001/2026-03-01/electricity/A1"]
    # its own 20 kWh more in February and 20 less in March, the shares the other way
    assert D("13.33") <= feb.amount <= D("13.34") and D("-13.34") <= mar.amount <= D("-13.33")
    assert feb.corrects == bill_id(str(_contract(ws, "HT-2026-0001")), FEB, E)
    said = feb.lines[0].explanation
    assert D(said["billed"]) == billed["HT-2026-0001/2026-02-01/electricity"]
    assert [b.number for b in report.plan.bills if b.charge == E and b.kind == "charge"] == [
        "HT-2026-0001/2026-05-01/electricity", "HT-B-1/2026-05-01/electricity"]
    # Posted: their bills are newer than the correction, so no run looks at them again,
    # nor reads their months' bills: the window's bills are newer than the correction.
    assert run_month(ws, june).plan.bills == ()
    july = date(2026, 7, 1)
    read(ws, ids, july, MAIN=4800, E_0101=1500, E_0102=200, E_0103=2200, LIFT=250)
    with sql_heard(ws) as said:
        later = run_month(ws, july)
    assert sorted(b.number for b in later.plan.bills if b.charge == E) == [
        "HT-2026-0001/2026-06-01/electricity", "HT-B-1/2026-06-01/electricity"]
    assert not [q for q in said if "max(bills.hlc)" in q]


def test_a_month_not_read_on_forty_meters_names_three_and_how_many_more(ws, tmp_path):
    """MAIN feeds E-0101 and 38 common meters (40 in all), read on 1 February and not yet
    on 1 March: ``leasemap bill`` says the first three and 37 more; ``--json`` lists all 40."""
    pid = park_id(ws)
    tariff = add_tariff(ws)
    main = create_meter(ws, pid, MeterSpec("MAIN", E, tariff_id=tariff))
    meters = [main, create_meter(ws, pid, MeterSpec("E-0101", E, parent="MAIN",
                                                    unit="ZD-A-0101"))]
    meters += [create_meter(ws, pid, MeterSpec(f"C-{n:02}", E, parent="MAIN"))
               for n in range(1, 39)]
    for meter in meters:
        record_reading(ws, meter, FEB, D(0))
    from app.cli_billing import run_json

    plan = billing_run.rehearse_run(ws, pid, MAR, date(2026, 3, 31), date(2026, 3, 2))
    # --json, as the command makes it: the first three, and every one of the 40 in a list
    [skip] = [s for s in json.loads(json.dumps(run_json(plan, None, True), ensure_ascii=False))
              ["skipped"] if s["code"] == "reading-missing"]
    assert (skip["meter"], skip["more"], skip["count"]) == ("C-01, C-02, C-03", "37", "40")
    assert skip["meters"] == [f"C-{n:02}" for n in range(1, 39)] + ["E-0101", "MAIN"]
    path = Path(ws.path)
    ws.close()
    from tests.test_cli import run

    done = run("bill", "--period", "2026-03", "--workspace", str(path), "--on", "2026-03-02",
               "--dry-run")
    assert done.returncode == 0, done.stderr
    [said] = [x for x in done.stderr.splitlines() if "not billed" in x]
    assert said == ("HT-2026-0001: electricity for ZD-A-0101 in 2026-02 not billed: no "
                    "reading closing the month on C-01, C-02, C-03 and 37 more (run the "
                    "same period again once it is read)")


def test_a_spike_is_billed_with_its_own_note_not_as_provisional(ws):
    """E-0103 used 100 kWh a month for half a year, then 2,000 in February."""
    tariff = add_tariff(ws, flat("1.00", date(2025, 1, 1)))
    pid = park_id(ws)
    meter = create_meter(ws, pid, MeterSpec("E-0103", E, unit="ZD-A-0103", tariff_id=tariff))
    sign_b1(ws, date(2025, 7, 1), date(2027, 6, 30))
    for k, day in enumerate([date(2025, m, 1) for m in range(8, 13)] + [date(2026, 1, 1), FEB]):
        record_reading(ws, meter, day, D(100 * k))
    record_reading(ws, meter, MAR, D(600 + 2000))
    plan = run_month(ws, MAR, on=date(2026, 3, 2)).plan
    [bill] = [b for b in plan.bills if b.charge == E]
    assert bill.amount == D("2000.00")
    [note] = bill.notes
    assert note.code == SPIKE_NOTE and note.params["meter"] == "E-0103"
    from app.cli_billing import run_json
    from views.billing_text import note_words

    said = run_json(plan, None, True)
    [mine] = [b for b in said["bills"] if b["number"] == bill.number]
    assert mine["provisional"] == [] and [n["code"] for n in mine["check"]] == [SPIKE_NOTE]
    assert note_words(note) == (
        "Meter E-0103 of ZD-A-0103 used 22.1× its usual: 71.429 a day from 2026-02-01 to "
        "2026-03-01, usually 3.226; billed as read — check the reading")
    # posted (the run above posted it), the line keeps the note as one to check
    [line] = line_explanations(ws, bill.number)
    assert "provisional" not in line
    assert [n["code"] for n in line["check"]] == [SPIKE_NOTE]
