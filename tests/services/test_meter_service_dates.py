"""A meter's service dates in a real billing run, and a reading's kind typed in or imported.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 holds
ZD-A-0101 from 2026-01-01; ZD-A-0102 is vacant until 2027; each test signs HT-B-1 on
ZD-A-0103 from 1 February. The tree: MAIN (priced at 1.00 a kWh) → E-0101, E-0102, E-0103
(each a unit's) and LIFT (common); read on the first of each month. A run over a month
bills the month before.

- A meter removed with a day alone (the meter dialog's Removed on, no final reading)
  holds the month it was removed in, naming itself, until its final is typed, and
  nothing after it.
- A sub meter installed in April (E-0103, created with its installation day) holds
  nothing before: February's and March's bills post, the 公摊 statement of MAIN adds up
  to MAIN without it, and its unit, not connected yet, takes no share; April waits for
  its initial (装表) reading, typed afterwards.
- A reading's kind is judged by one rule whether typed in (``record_readings``), entered
  alone (``record_reading``) or imported; an installation day after a reading is refused.
"""

from __future__ import annotations

import csv
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from domain.billing.meters import ReadingKind
from services import billing_run
from services.meters import (
    MeterRefused,
    MeterSpec,
    ReadingEntry,
    ReadingStatus,
    consumption_by_unit,
    edit_meter,
    import_readings,
    record_reading,
    record_readings,
    shared_statement,
)
from store.schema import Meter, MeterReading, Outbox, Unit
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.small_meters import E, add_tariff, build_tree, line_explanations, run_month, sign_b1
from views.message_text import message_text

D = Decimal
FEB, MAR, APR, MAY, JUN = (date(2026, m, 1) for m in (2, 3, 4, 5, 6))
IDES = date(2026, 3, 15)  # E-0103 taken out
TENTH = date(2026, 4, 10)  # E-0103 put in
INITIAL, FINAL = ReadingKind.INITIAL, ReadingKind.FINAL


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "service-dates.leasemap")
    yield workspace
    workspace.close()


def _tree(ws: Workspace, installed: date | None = None) -> dict[str, uuid.UUID]:
    """The priced tree, HT-B-1 signed; E-0103 installed on ``installed`` (None: in service
    throughout)."""
    ids = build_tree(ws, add_tariff(ws), installed)
    sign_b1(ws)
    return ids


def _type(ws: Workspace, day: date, **values: int | str) -> list[Any]:
    """A month-end round typed in the entry grid (``record_readings``), all accepted."""
    reports = record_readings(ws, park_id(ws), [
        ReadingEntry(code.replace("_", "-"), day, D(value)) for code, value in values.items()])
    assert all(r.good for r in reports), [r.reasons for r in reports if not r.good]
    return reports


def _held(report: billing_run.RunReport) -> set[tuple[str, str, str, str]]:
    return {(s.contract_code, s.code, s.params.get("meter", ""), s.params.get("month", ""))
            for s in report.plan.skipped if s.code != "vacant-use"}


def _utility(report: billing_run.RunReport) -> dict[str, Decimal]:
    return {b.number: b.amount for b in report.plan.bills if b.charge == E}


def _count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


# -- removed with a day and no final ---------------------------------------------------------


def test_a_meter_removed_with_a_day_and_no_final_holds_its_month_and_nothing_after(ws):
    ids = _tree(ws)
    _type(ws, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    _type(ws, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    # The meter dialog's Removed on, and no final reading: nothing closes 1–15 March.
    edit_meter(ws, ids["E-0103"], MeterSpec("E-0103", E, parent="MAIN", unit="ZD-A-0103",
                                            removed_on=IDES))
    _type(ws, APR, MAIN=2000, E_0101=600, E_0102=80, LIFT=100)
    _type(ws, MAY, MAIN=2800, E_0101=900, E_0102=120, LIFT=150)

    march = run_month(ws, APR)
    assert _utility(march) == {}
    assert _held(march) == {("HT-B-1", "reading-missing", "E-0103", "2026-03"),
                            ("HT-2026-0001", "reading-missing", "E-0103", "2026-03")}
    april = run_month(ws, MAY)  # after the removal: E-0103 holds nothing, not even MAIN's shares
    assert _held(april) == set()
    # ZD-A-0103 is not connected in April (its only meter removed): no share, no bill.
    assert sorted(_utility(april)) == ["HT-2026-0001/2026-04-01/electricity"]
    _own, share = line_explanations(ws, "HT-2026-0001/2026-04-01/electricity")
    assert (share["source"], share["subs"]) == ("share", "390.000")  # 300 + 40 + 50
    with ws.reading() as s:
        statement = shared_statement(s, ids["MAIN"], APR)
        unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0103"))
    assert [x.meter.code for x in statement.subs] == ["E-0101", "E-0102", "LIFT"]
    assert statement.main.amount == sum((x.amount for x in statement.subs), D(0)) + \
        statement.unmetered
    assert statement.ready and statement.allocated == statement.shared
    [gone] = statement.left_out
    assert gone.unit_id == str(unit) and [(r.code, r.params["on"]) for r in gone.reasons] == [
        ("removed", IDES.isoformat())]

    # The final typed in the grid, on the removal day: March bills, E-0103 up to it.
    [final] = record_readings(ws, park_id(ws), [ReadingEntry("E-0103", IDES, D(650),
                                                             kind=FINAL)])
    assert (final.status, final.kind, final.used) == (ReadingStatus.NEW, FINAL, D(150))
    again = run_month(ws, APR)
    assert _held(again) == set()
    meter, _share = line_explanations(ws, "HT-B-1/2026-03-01/electricity")
    assert (meter["meter"], meter["quantity"]) == ("E-0103", "150.000")
    assert meter["readings"][0]["to_on"] == IDES.isoformat()


def test_a_reading_on_the_removal_day_closes_it_without_a_final(ws):
    ids = _tree(ws)
    _type(ws, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    _type(ws, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    _type(ws, IDES, E_0103=650)  # an ordinary reading, as the clerk read it that day
    edit_meter(ws, ids["E-0103"], MeterSpec("E-0103", E, parent="MAIN", unit="ZD-A-0103",
                                            removed_on=IDES))
    _type(ws, APR, MAIN=2000, E_0101=600, E_0102=80, LIFT=100)
    _type(ws, MAY, MAIN=2800, E_0101=900, E_0102=120, LIFT=150)
    assert _held(run_month(ws, APR)) == set()
    assert line_explanations(ws, "HT-B-1/2026-03-01/electricity")[0]["quantity"] == "150.000"
    assert _held(run_month(ws, MAY)) == set()
    with ws.reading() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0103"))
        april = consumption_by_unit(s, park_id(ws), APR)[unit]
    assert (april.direct, april.measured) == (0, False)  # out of service: not read, not 0
    with pytest.raises(MeterRefused) as refused:  # and nothing read after it is taken
        record_reading(ws, ids["E-0103"], APR, D(700))
    assert [p.code for p in refused.value.parts] == ["reading-after-removed"]


# -- installed mid-year ------------------------------------------------------------------------


def test_a_sub_meter_installed_in_april_holds_nothing_before_and_its_initial_opens_it(ws):
    ids = _tree(ws, installed=TENTH)
    figures = {FEB: (0, 0, 0, 0), MAR: (1000, 300, 40, 50), APR: (2000, 600, 80, 100),
               MAY: (3200, 900, 120, 150)}
    for day, (main, a, b, lift) in figures.items():
        _type(ws, day, MAIN=main, E_0101=a, E_0102=b, LIFT=lift)
    _type(ws, MAY, E_0103=207)  # its first reading, on 1 May: no initial yet

    for month, run in ((FEB, MAR), (MAR, APR)):
        report = run_month(ws, run)
        assert _held(report) == set()
        said = month.strftime("%Y-%m-%d")
        # ZD-A-0103 is not connected before its meter is installed: no share, no bill.
        assert sorted(_utility(report)) == [f"HT-2026-0001/{said}/electricity"]
        assert line_explanations(ws, f"HT-B-1/{said}/electricity") == []
        with ws.reading() as s:
            statement = shared_statement(s, ids["MAIN"], month)
        assert "E-0103" not in [x.meter.code for x in statement.subs]
        assert [(r.code, r.params["on"]) for x in statement.left_out for r in x.reasons] == [
            ("not-installed", TENTH.isoformat())]
        assert statement.ready and statement.flags == ()
        assert statement.main.amount == 1000
        assert statement.main.amount == sum((x.amount for x in statement.subs), D(0)) + \
            statement.unmetered
        assert statement.allocated == statement.shared == 1000 - 340  # 660 by area
        assert sum((x.amount for x in statement.shares), D(0)) == statement.amount

    april = run_month(ws, MAY)  # installed on the 10th, first read on 1 May: its start unknown
    assert _utility(april) == {}
    assert _held(april) == {("HT-B-1", "reading-missing", "E-0103", "2026-04"),
                            ("HT-2026-0001", "reading-missing", "E-0103", "2026-04")}
    # The 装表 figure typed in the grid as an initial reading: April bills from it.
    [initial] = record_readings(ws, park_id(ws), [ReadingEntry("E-0103", TENTH, D(7),
                                                               kind=INITIAL)])
    assert initial.status is ReadingStatus.NEW and initial.kind is INITIAL
    again = run_month(ws, MAY)
    assert _held(again) == set()
    meter, _share = line_explanations(ws, "HT-B-1/2026-04-01/electricity")
    assert (meter["meter"], meter["quantity"]) == ("E-0103", "200.000")
    assert [e["code"] for e in meter["events"]] == ["installed"]
    with ws.reading() as s:
        statement = shared_statement(s, ids["MAIN"], APR)
    assert [x.meter.code for x in statement.subs] == ["E-0101", "E-0102", "E-0103", "LIFT"]
    assert statement.main.amount == 1200 == sum((x.amount for x in statement.subs), D(0)) + \
        statement.unmetered


# -- a reading's kind: one rule -------------------------------------------------------------


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_an_initial_or_final_reading_is_judged_alike_typed_entered_or_imported(ws, tmp_path):
    ids = _tree(ws)
    _type(ws, FEB, E_0101=100, E_0102=10)
    _type(ws, MAR, E_0101=160, E_0102=30)
    rows = _count(ws, MeterReading)
    posts = _count(ws, Outbox, Outbox.kind == "post_reading")

    typed = record_readings(ws, park_id(ws), [
        ReadingEntry("E-0101", IDES, D(0), kind=INITIAL),  # after an ordinary reading
        ReadingEntry("E-0102", date(2026, 2, 15), D(20), kind=FINAL),  # read after it
        ReadingEntry("LIFT", FEB, D(0), kind=INITIAL),  # never read: it opens the dial
    ])
    assert [(r.status, [m.code for m in r.reasons]) for r in typed] == [
        (ReadingStatus.REJECTED, ["reading-initial-after-reading"]),
        (ReadingStatus.REJECTED, ["reading-final-before-reading"]),
        (ReadingStatus.NEW, [])]
    said = message_text(typed[0].reasons[0])
    assert said == typed[0].reasons[0].message == (
        "E-0101: an initial (装表) total reading on 2026-03-15 opens a new dial, and it would "
        "follow the reading 160 of 2026-03-01, which is no final (拆表) one")
    assert message_text(typed[1].reasons[0]) == typed[1].reasons[0].message == (
        "E-0102: a final (拆表) total reading on 2026-02-15 is the dial's last, but it is read "
        "on 2026-03-01 after it")
    with pytest.raises(MeterRefused) as refused:
        record_reading(ws, ids["E-0101"], IDES, D(0), kind=INITIAL)
    assert [p.code for p in refused.value.parts] == ["reading-initial-after-reading"]

    # The same from a file; a replacement on one record (final, then initial, one day) is
    # the pair the rule lets stand, and a second final on the same dial is not.
    path = _csv(tmp_path / "kinds.csv", [
        ["表号", "抄表日期", "读数", "类型"],
        ["E-0101", "2026-03-15", "0", "装表"],
        ["E-0102", "2026-03-20", "45", "拆表"],
        ["E-0102", "2026-03-20", "3", "装表"],
        ["E-0102", "2026-04-01", "13", "抄表"],
        ["E-0101", "2026-04-01", "190", "拆表"],
        ["E-0101", "2026-04-10", "191", "拆表"],
    ])
    report = import_readings(ws, park_id(ws), path)
    assert [(r.row_number, r.status.value, [m.code for m in r.reasons]) for r in report.rows] \
        == [(2, "rejected", ["reading-initial-after-reading"]), (3, "new", []),
            (4, "new", []), (5, "new", []), (6, "new", []),
            (7, "rejected", ["reading-final-after-final"])]
    # LIFT's initial and the file's four, each with its command; nothing of the refused
    assert _count(ws, MeterReading) == rows + 5
    assert _count(ws, Outbox, Outbox.kind == "post_reading") == posts + 5
    with ws.reading() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0102"))
        march = consumption_by_unit(s, park_id(ws), MAR)[unit]
    assert (march.direct, march.measured) == (D(15) + D(10), True)  # (45 − 30) + (13 − 3)
    # A correction of a final is no second final: it stands where the first stood.
    [fixed] = record_readings(ws, park_id(ws), [ReadingEntry("E-0102", date(2026, 3, 20),
                                                             D(46), kind=FINAL)])
    assert (fixed.status, fixed.before) == (ReadingStatus.CORRECTION, D(45))


def test_an_installation_day_after_a_reading_is_refused(ws):
    ids = _tree(ws)
    _type(ws, MAR, E_0103=500)
    ops = _count(ws, Outbox)
    with pytest.raises(MeterRefused) as refused:
        edit_meter(ws, ids["E-0103"], MeterSpec("E-0103", E, parent="MAIN", unit="ZD-A-0103",
                                                installed_on=TENTH))
    assert refused.value.code == "meter-read-before-installed"
    assert message_text(refused.value) == str(refused.value) == (
        "E-0103 was read on 2026-03-01, before 2026-04-10: it was in service then")
    assert _count(ws, Outbox) == ops
    edit_meter(ws, ids["E-0103"], MeterSpec("E-0103", E, parent="MAIN", unit="ZD-A-0103",
                                            installed_on=MAR))  # on the day: it holds
    with ws.reading() as s:
        assert s.get(Meter, ids["E-0103"]).installed_on == MAR
