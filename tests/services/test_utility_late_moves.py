"""A meter moved to another tariff, and an amendment extending a contract into months it
was never billed for, both entered after the months were billed: the next run prices those
months again, adjusts what the move changed (naming the meter and both tariffs) and bills
the contract the months the extension made its (caught up, as its rent); a second run
posts nothing.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 holds
ZD-A-0101 from 2026-01-01; HT-B-1 holds ZD-A-0103 from 2026-02-01; ZD-A-0102 is vacant;
the three units are of 125.40 m² each, so each takes a third of the 公摊. MAIN (priced at
一般工商业, 1.00 a kWh) → E-0101, E-0102, E-0103 and LIFT (common). Read on the first of
each month from 1 February 2026 to 1 January 2027, the same use every month: MAIN 1,140,
E-0101 300, E-0102 40, E-0103 500, LIFT 50 kWh, so 1,140 − 890 + 50 = 300 kWh shared,
100 a unit. At 1.00: HT-B-1 600.00 a month (500 + 100), HT-2026-0001 400.00 (300 + 100).
The runs over February to December post January's (not read) to November's use.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.billing.late_changes import LATE_METER_TARIFF
from domain.billing.utility_bills import CAUGHT_UP_NOTE, LEFT_OUT_NOTE
from services import billing_run, contracts
from services.meters import MeterSpec, edit_meter, shared_statement
from store.schema import Bill, BillLine, Contract, Unit
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_meters import E, add_tariff, build_tree, flat, read, run_month, sign_b1, sql_heard

D = Decimal
MONTHS = [date(2026, m, 1) for m in range(2, 13)] + [date(2027, 1, 1)]  # read on these
OCT, NOV, DEC, JAN = date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)
USE = {"MAIN": 1140, "E_0101": 300, "E_0102": 40, "E_0103": 500, "LIFT": 50}
BIG = "大工业"  # 0.80 a kWh


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "moves.leasemap")
    yield workspace
    workspace.close()


def _park(ws: Workspace, runs_to: date = DEC, b1_ends: date = date(2027, 1, 31),
          ) -> tuple[dict[str, uuid.UUID], uuid.UUID]:
    """The tree read to 1 January 2027, HT-B-1 signed to ``b1_ends``, the runs over February
    to ``runs_to`` posted; the meters' ids and 大工业's."""
    ids = build_tree(ws, add_tariff(ws))
    big = add_tariff(ws, flat("0.80"), name=BIG)
    sign_b1(ws, end=b1_ends)
    for k, day in enumerate(MONTHS):
        read(ws, ids, day, **{code: use * k for code, use in USE.items()})
    for month in MONTHS:
        if month <= runs_to:
            run_month(ws, month)
    return ids, big


def _move(ws: Workspace, ids: dict[str, uuid.UUID], code: str, tariff: uuid.UUID) -> None:
    """Set meter ``code`` on ``tariff`` (its other fields as ``build_tree`` made them)."""
    if code == "MAIN":
        edit_meter(ws, ids[code], MeterSpec(code, E, tariff_id=tariff))
    else:
        unit = {"E-0101": "ZD-A-0101", "E-0102": "ZD-A-0102", "E-0103": "ZD-A-0103"}[code]
        edit_meter(ws, ids[code], MeterSpec(code, E, parent="MAIN", unit=unit, tariff_id=tariff))


def _contract(ws: Workspace, code: str) -> uuid.UUID:
    with ws.reading() as s:
        return s.scalar(select(Contract.id).where(Contract.code == code))


def _months(numbers: list[str]) -> list[str]:
    return sorted(n.split("/")[1][:7] for n in numbers)


def _electricity(ws: Workspace, code: str) -> list[tuple[str, Decimal]]:
    """The contract's posted electricity bills, by number."""
    with ws.reading() as s:
        return sorted((number, amount) for number, amount in s.execute(
            select(Bill.number, Bill.amount).join(Contract, Contract.id == Bill.contract_id)
            .where(Contract.code == code, Bill.charge == E)))


def test_a_meter_moved_to_another_tariff_after_november_was_billed(ws):
    """E-0103 moved to 大工业 (0.80) after November was billed: the run billing December
    adjusts every month the meter was priced in (February to November, 500 kWh each at
    0.20 less: −100.00), each adjustment naming the meter, 大工业 and 一般工商业; HT-2026-0001's
    bills, priced by MAIN's tariff, stay as they are. A second run posts nothing."""
    ids, big = _park(ws)
    with sql_heard(ws) as said:  # nothing changed: no month is read again, no line
        quiet = billing_run.rehearse_run(ws, park_id(ws), JAN, date(2027, 1, 31), DEC)
    assert quiet.adjustments == ()
    assert not [q for q in said if "max(bills.hlc)" in q or "FROM bill_lines" in q]

    _move(ws, ids, "E-0103", big)
    report = run_month(ws, JAN)
    adjustments = {b.number: b for b in report.plan.adjustments}
    assert sorted(adjustments) == [f"HT-B-1/2026-{m:02}-01/electricity/A1" for m in range(2, 12)]
    moved = {"code": LATE_METER_TARIFF, "params": {
        "meter": "E-0103", "tariff": BIG, "was": "一般工商业"}}
    for number, adjustment in adjustments.items():
        said = adjustment.lines[0].explanation
        assert adjustment.amount == D("-100.00"), number  # 500 kWh × (0.80 − 1.00)
        assert (said["billed"], said["now"]) == ("600.00", "500.00")
        assert said["changed"] == [moved]
    december = {b.number: b.amount for b in report.plan.bills if b.kind == "charge"
                and b.charge == E}
    assert december == {"HT-2026-0001/2026-12-01/electricity": D("400.00"),
                        "HT-B-1/2026-12-01/electricity": D("500.00")}

    from views.billing_run_dialog import bill_rows, explanation_html
    from views.billing_text import line_reason_text

    words = "Meter E-0103 moved from tariff 一般工商业 to 大工业 after this month was billed"
    assert line_reason_text(moved["code"], moved["params"]) == words
    [row] = [r for r in bill_rows(report.plan.bills, {})
             if r.number == "HT-B-1/2026-11-01/electricity/A1"]
    assert f"Changed since it was billed:</p><ul><li>{words}</li>" in explanation_html(row, "CNY")

    assert run_month(ws, JAN).plan.bills == ()  # posted: nothing more
    assert _electricity(ws, "HT-2026-0001") == [
        (f"HT-2026-0001/2026-{m:02}-01/electricity", D("400.00")) for m in range(2, 13)]


def test_a_main_meter_moved_reprices_every_unit_it_prices(ws):
    """MAIN moved to 大工业: its sub meters, with no tariff of their own, and the 公摊 under it
    are priced at it, so both contracts' months are adjusted: HT-B-1's 600 kWh and
    HT-2026-0001's 400 at 0.20 less; each says MAIN moved from 一般工商业, as its bill priced
    E-0101 or E-0103 and the share."""
    ids, big = _park(ws)
    _move(ws, ids, "MAIN", big)
    adjustments = run_month(ws, JAN).plan.adjustments
    assert sorted((b.number.split("/")[0], b.amount) for b in adjustments) == sorted(
        [("HT-B-1", D("-120.00"))] * 10 + [("HT-2026-0001", D("-80.00"))] * 10)
    assert {str(b.lines[0].explanation["changed"]) for b in adjustments} == {str([{
        "code": LATE_METER_TARIFF, "params": {
            "meter": "MAIN", "tariff": BIG, "was": "一般工商业"}}])}
    assert run_month(ws, JAN).plan.bills == ()


def test_a_meter_moved_before_a_months_bills_changes_nothing_of_that_month(ws):
    """E-0103 moved after September was billed: the run over November (October's use, at
    0.80) adjusts February to September; October and November, billed after the move, are
    never adjusted, by that run or the ones after it."""
    ids, big = _park(ws, runs_to=OCT)
    _move(ws, ids, "E-0103", big)
    november = run_month(ws, NOV)
    assert _months([b.number for b in november.plan.adjustments]) == [
        f"2026-{m:02}" for m in range(2, 10)]
    assert {b.amount for b in november.plan.adjustments} == {D("-100.00")}
    assert run_month(ws, DEC).plan.adjustments == ()
    assert run_month(ws, JAN).plan.adjustments == ()
    assert [(n, a) for n, a in _electricity(ws, "HT-B-1") if "/A" not in n][-3:] == [
        (f"HT-B-1/2026-{m:02}-01/electricity", D("500.00")) for m in (10, 11, 12)]


def test_an_extension_entered_late_bills_the_months_it_adds(ws):
    """HT-B-1 ended on 30 June and was billed February to June; the park's November was
    billed; then an amendment from 1 July extends it to 30 June 2027. December's run, run
    again, bills its July to October electricity (caught up, each bill saying so) and
    November's (its own month), 600.00 each, as it bills that rent; HT-2026-0001's bills
    of those months stay as they are (a unit's 公摊 share is by its area, whoever holds
    it: ZD-A-0103's was the landlord's, now HT-B-1's), the shares still adding up to the
    shared charge. A second run creates nothing."""
    ids, _big = _park(ws, b1_ends=date(2026, 6, 30))
    assert [n for n, _a in _electricity(ws, "HT-B-1")] == [
        f"HT-B-1/2026-{m:02}-01/electricity" for m in range(2, 7)]
    cid = _contract(ws, "HT-B-1")
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 2, 1), date(2027, 6, 30),
                      signed_on=date(2026, 2, 1))
    contracts.amend(ws, cid, spec, date(2026, 7, 1))

    report = run_month(ws, DEC)
    bills = {b.number: b for b in report.plan.bills}
    caught = {n: b for n, b in bills.items() if b.charge == E}
    assert sorted(caught) == [f"HT-B-1/2026-{m:02}-01/electricity" for m in range(7, 12)]
    assert all(b.kind == "charge" and b.amount == D("600.00") for b in caught.values())
    assert {f"HT-B-1/2026-{m:02}-01/rent" for m in range(7, 13)} <= set(bills)  # as rent
    assert not report.plan.adjustments
    for number, bill in caught.items():
        notes = [(n.code, n.params) for n in bill.notes]
        if number.startswith("HT-B-1/2026-11-01/"):
            assert notes == []  # the run's own month: billed as any
            continue
        assert notes == [(CAUGHT_UP_NOTE, {
            "contract": "HT-B-1", "version": "2", "effective_on": "2026-07-01",
            "utility": E, "month": number.split("/")[1][:7]})]

    # the report says it: the table's note column, the tooltip, the CLI's line
    from app.cli_billing import run_json
    from views.billing_run_dialog import CAUGHT_UP, bill_rows, mark_text, note_tip

    rows = {r.number: r for r in bill_rows(report.plan.bills, {})}
    july = rows["HT-B-1/2026-07-01/electricity"]
    assert (july.mark, mark_text(july.mark), july.provisional) == (CAUGHT_UP, "caught up", False)
    assert note_tip(july) == ("Caught up: HT-B-1 amended from 2026-07-01 (version 2) after "
                              "2026-07 was billed, so its electricity for 2026-07 is billed now")
    assert rows["HT-B-1/2026-11-01/electricity"].mark == ""
    [said] = [b for b in run_json(report.plan, report.run_id, False)["bills"]
              if b["number"] == "HT-B-1/2026-07-01/electricity"]
    assert [n["code"] for n in said["info"]] == [CAUGHT_UP_NOTE] and said["provisional"] == []

    # HT-B-1's share of each month is ZD-A-0103's part of the statement: 100.00 of 300.00
    with ws.reading() as s:
        for month in range(7, 12):
            statement = shared_statement(s, ids["MAIN"], date(2026, month, 1))
            assert sum(x.amount for x in statement.shares) == statement.amount == D("300.00")
            bill = caught[f"HT-B-1/2026-{month:02}-01/electricity"]
            [share] = [x.explanation for x in bill.lines if x.explanation["source"] == "share"]
            [mine] = [x for x in statement.shares if x.unit_id == share_unit(ws)]
            assert D(share["amount"]) == mine.amount == D("100.00")
    assert _electricity(ws, "HT-2026-0001") == [
        (f"HT-2026-0001/2026-{m:02}-01/electricity", D("400.00")) for m in range(2, 12)]
    with ws.reading() as s:  # posted, the note is kept as one that informs, not to check
        kept = [line.explanation for line in s.scalars(
            select(BillLine).join(Bill, Bill.id == BillLine.bill_id)
            .where(Bill.number == "HT-B-1/2026-07-01/electricity"))]
    assert kept and all([n["code"] for n in x["info"]] == [CAUGHT_UP_NOTE]
                        and "check" not in x and "provisional" not in x for x in kept)

    assert run_month(ws, DEC).plan.bills == ()  # a second run: nothing
    january = run_month(ws, JAN).plan
    assert sorted(b.number for b in january.bills if b.charge == E) == [
        "HT-2026-0001/2026-12-01/electricity", "HT-B-1/2026-12-01/electricity"]
    assert not any(b.notes for b in january.bills)


def test_an_amendment_entered_before_the_months_were_billed_catches_up_nothing(ws):
    """The extension entered before July was billed: the runs after it bill HT-B-1 July on
    as any month; nothing is caught up, and the amendment changes no bill."""
    _park(ws, runs_to=date(2026, 7, 1), b1_ends=date(2026, 6, 30))
    cid = _contract(ws, "HT-B-1")
    contracts.amend(ws, cid, lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 2, 1),
                                        date(2027, 6, 30), signed_on=date(2026, 2, 1)),
                    date(2026, 7, 1))
    for month in MONTHS[6:]:  # August on
        plan = run_month(ws, month).plan
        assert not plan.adjustments
        assert not [n for b in plan.bills for n in b.notes if n.code == CAUGHT_UP_NOTE]
    assert [n for n, _a in _electricity(ws, "HT-B-1")] == [
        f"HT-B-1/2026-{m:02}-01/electricity" for m in range(2, 13)]


def share_unit(ws: Workspace) -> str:
    """ZD-A-0103's id, as a statement's shares name units."""
    with ws.reading() as s:
        return str(s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0103")))


def test_a_bills_note_that_a_unit_took_no_share_is_said_and_only_informs():
    """``utility_bills.LEFT_OUT_NOTE`` (a unit of the bill not connected to a 公摊: see
    ``test_billing_utility_bills``) in words, as the statement says it; not provisional,
    nothing to check."""
    from domain.leasing.schedule import Problem
    from views.billing_run_dialog import INFO, BillRow, mark_text
    from views.billing_text import is_info_note, note_words

    note = Problem(LEFT_OUT_NOTE, {
        "unit": "A-102", "meter": "MAIN", "utility": "electricity", "month": "2026-03",
        "reasons": "not-installed 2026-04-01 E-102\nremoved 2026-02-01 E-102B"})
    assert is_info_note(note)
    assert note_words(note) == (
        "A-102 takes no share of meter MAIN's shared electricity in 2026-03: not connected "
        "(its meter E-102 installed only on 2026-04-01; its meter E-102B removed on "
        "2026-02-01)")
    row = BillRow("C/2026-03-01/electricity", "C", "", E, date(2026, 3, 1),
                  date(2026, 3, 31), date(2026, 4, 1), D("70.00"), "charge", (), (note,))
    assert (row.mark, mark_text(row.mark), row.provisional) == (INFO, "see note", False)
