"""Meters taken out of service on a real workspace: archived from the day they were removed
(closed by their final readings, billed up to that day by a real billing run and not after
it), removed outright when they never measured anything, restored, and replaced by a new
record, with the replaced meter's removal day and the unit's use across the replacement.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 holds
ZD-A-0101 from 2026-01-01; ZD-A-0102 is vacant until 2027; each billing test signs HT-B-1
on ZD-A-0103. The tree: MAIN (priced at 1.00 a kWh, in the billing tests) → E-0101, E-0102,
E-0103 (each a unit's) and LIFT (common).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from services.meter_archive import (
    MeterArchiveRefused,
    archive_meter,
    remove_meter,
    restore_meter,
)
from services.meters import (
    MeterRefused,
    MeterSpec,
    consumption_by_unit,
    create_meter,
    edit_meter,
    meter_tree,
    record_reading,
)
from store.schema import Meter, MeterReading, Outbox, Unit
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.small_meters import (
    E,
    add_tariff,
    build_tree,
    line_explanations,
    read,
    run_month,
    sign_b1,
)
from views.message_text import message_text

D = Decimal
FEB, MAR, APR, MAY = (date(2026, m, 1) for m in (2, 3, 4, 5))
IDES = date(2026, 3, 15)  # E-0103 is taken out


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "archive.leasemap")
    yield workspace
    workspace.close()


def _count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _billed_march(ws: Workspace) -> dict[str, uuid.UUID]:
    """HT-B-1 on ZD-A-0103; the tree read on 1 February, 1 March and (but E-0103, taken
    out on 15 March) 1 April and 1 May."""
    ids = build_tree(ws, add_tariff(ws))
    sign_b1(ws)
    read(ws, ids, FEB, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, MAR, MAIN=1040, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    return ids


def _after_removal(ws: Workspace, ids: dict[str, uuid.UUID]) -> None:
    read(ws, ids, APR, MAIN=2000, E_0101=600, E_0102=80, LIFT=100)
    read(ws, ids, MAY, MAIN=2800, E_0101=900, E_0102=120, LIFT=150)


def _said(error: BaseException) -> str:
    """The words a person reads are the service's English (first letter aside)."""
    text = message_text(error)
    assert text[0].upper() + text[1:] == str(error)[0].upper() + str(error)[1:]
    return text


# -- archived: billed up to its removal, not after it ----------------------------------------


def test_an_archived_meter_bills_up_to_its_removal_and_nothing_after(ws):
    ids = _billed_march(ws)
    ops = _count(ws, Outbox)
    report = archive_meter(ws, ids["E-0103"], IDES, {"total": D(650)})
    assert (report.code, report.removed_on) == ("E-0103", IDES)
    [final] = report.finals
    assert (final.read_on, final.kind.value, final.value, final.used) == (
        IDES, "final", D(650), D(150))
    # One post_reading command for the final, one field_set for the day: nothing else.
    with ws.reading() as s:
        written = [(o.kind, o.entity, o.field) for o in s.scalars(
            select(Outbox).order_by(Outbox.hlc).offset(ops))]
        row = s.get(Meter, ids["E-0103"])
        assert row.removed_on == IDES and not row.archived  # still read by the rules
    assert written == [("post_reading", "meter_readings", None),
                       ("field_set", "meters", "removed_on")]
    assert _count(ws, MeterReading, MeterReading.meter_id == ids["E-0103"]) == 3  # kept
    _after_removal(ws, ids)

    march = run_month(ws, APR)  # bills March: E-0103 up to its final on the 15th
    assert not [s for s in march.plan.skipped if s.code != "vacant-use"]
    meter, share = line_explanations(ws, "HT-B-1/2026-03-01/electricity")
    assert (meter["meter"], meter["quantity"]) == ("E-0103", "150.000")
    assert meter["readings"] == [{"register": "total", "from_on": "2026-03-01",
                                  "from": "500.000", "to_on": "2026-03-15", "to": "650.000",
                                  "dial": "150.000"}]
    assert share["main"] == "MAIN" and share["subs"] == "540.000"  # 300 + 40 + 150 + 50

    april = run_month(ws, MAY)  # bills April: E-0103 measured nothing, and holds nothing
    assert not [s for s in april.plan.skipped if s.code != "vacant-use"]
    # ZD-A-0103 had no meter in service in April: not connected, it takes no share of
    # MAIN's, so HT-B-1 has no April bill; the units connected share it all.
    assert line_explanations(ws, "HT-B-1/2026-04-01/electricity") == []
    _own, share = line_explanations(ws, "HT-2026-0001/2026-04-01/electricity")
    assert share["subs"] == "390.000"  # 300 + 40 + 50: E-0103 is no sub meter then
    assert D(share["denominator"]) == 2 * D(share["weight"])  # ZD-A-0101 and ZD-A-0102


def test_a_removal_day_without_a_final_reading_holds_nothing_after_it(ws):
    """A day alone (the meter dialog's Removed on): the rules read the meter's service
    dates, so the months after it are no gap; its reading on that day closes March."""
    ids = _billed_march(ws)
    record_reading(ws, ids["E-0103"], IDES, D(650))  # an ordinary reading
    edit_meter(ws, ids["E-0103"], MeterSpec("E-0103", E, parent="MAIN", unit="ZD-A-0103",
                                            removed_on=IDES))
    _after_removal(ws, ids)
    march = run_month(ws, APR)
    assert not [s for s in march.plan.skipped if s.code != "vacant-use"]
    assert line_explanations(ws, "HT-B-1/2026-03-01/electricity")[0]["quantity"] == "150.000"
    april = run_month(ws, MAY)
    assert not [s for s in april.plan.skipped if s.code != "vacant-use"]
    assert line_explanations(ws, "HT-B-1/2026-04-01/electricity") == []  # not connected: no share
    # Archiving it on that day still takes the day's reading as its final: nothing changes.
    report = archive_meter(ws, ids["E-0103"], IDES)
    assert [(r.kind.value, r.value) for r in report.finals] == [("final", D(650))]
    assert run_month(ws, MAY).plan.bills == ()


def test_archiving_refuses_what_does_not_hold_and_writes_nothing(ws):
    ids = build_tree(ws, None)
    read(ws, ids, MAR, MAIN=100, E_0101=10, E_0102=20, E_0103=30, LIFT=40)
    record_reading(ws, ids["E-0101"], APR, D(15))
    ops, rows = _count(ws, Outbox), _count(ws, MeterReading)

    def refused(meter: str, day: date, finals: dict[str, Decimal] | None = None,
                ) -> MeterArchiveRefused:
        with pytest.raises(MeterArchiveRefused) as caught:
            archive_meter(ws, ids[meter], day, finals)
        return caught.value

    feeds = refused("MAIN", IDES, {"total": D(150)})
    assert (feeds.code, feeds.params) == ("meter-still-feeds", {
        "meter": "MAIN", "count": "4", "meters": "E-0101, E-0102, E-0103 (+1)"})
    assert _said(feeds) == ("MAIN still feeds 4 meters (E-0101, E-0102, E-0103 (+1)): move "
                            "them under another meter or archive them first")
    later = refused("E-0101", IDES, {"total": D(12)})
    assert (later.code, later.params["on"]) == ("meter-read-after-removal", "2026-04-01")
    assert _said(later) == "E-0101 was read on 2026-04-01, after 2026-03-15: it was in " \
        "service then"
    unclosed = refused("E-0102", IDES)
    assert unclosed.code == "meter-archive-final"
    assert _said(unclosed) == ("E-0102: give its final total reading on 2026-03-15 (its "
                               "last reading is 20 on 2026-03-01)")
    below = refused("E-0102", IDES, {"total": D(-1)})
    assert below.code == "reading-refused"
    assert [p.code for p in below.parts] == ["reading-below-zero"]
    assert _said(below) == "E-0102: E-0102: a reading of -1 is below zero"
    early = refused("E-0102", date(2026, 2, 1), {"total": D(20)})
    assert early.code == "meter-read-after-removal"  # read on 1 March, after the day
    unknown = uuid.uuid4()
    with pytest.raises(MeterRefused) as caught:
        archive_meter(ws, unknown, IDES)
    assert caught.value.code == "meter-unknown"
    assert (_count(ws, Outbox), _count(ws, MeterReading)) == (ops, rows)

    # Installed after the day said.
    late = create_meter(ws, park_id(ws), MeterSpec("E-LATE", E, parent="MAIN",
                                                   installed_on=APR))
    with pytest.raises(MeterArchiveRefused) as caught:
        archive_meter(ws, late, IDES)
    assert caught.value.code == "meter-dates"
    # Once its sub meters are archived, the main meter goes too.
    for code, final in (("E-0102", 20), ("E-0103", 33), ("LIFT", 41)):
        archive_meter(ws, ids[code], IDES, {"total": D(final)})
    archive_meter(ws, ids["E-0101"], APR)  # read on the day: that reading is its final
    archive_meter(ws, late, APR)  # never read: nothing to close
    archive_meter(ws, ids["MAIN"], APR, {"total": D(180)})
    with ws.reading() as s:
        assert {m.code: m.removed_on for m in s.scalars(select(Meter))} == {
            "MAIN": APR, "E-0101": APR, "E-0102": IDES, "E-0103": IDES, "LIFT": IDES,
            "E-LATE": APR}
        assert [m.code for m in meter_tree(s, park_id(ws))] == [
            "E-0101", "E-0102", "E-0103", "E-LATE", "LIFT", "MAIN"]  # none deleted


def test_a_time_of_use_meter_is_closed_register_by_register(ws):
    pid = park_id(ws)
    tou = create_meter(ws, pid, MeterSpec("TOU", E, unit="ZD-A-0101",
                                          registers=("peak", "flat", "valley")))
    for register, value in (("peak", 10), ("flat", 20), ("valley", 30)):
        record_reading(ws, tou, MAR, D(value), register=register)
    record_reading(ws, tou, IDES, D(25), register="flat")
    with pytest.raises(MeterArchiveRefused) as caught:
        archive_meter(ws, tou, IDES, {"peak": D(12)})
    assert (caught.value.code, caught.value.params["register"]) == (
        "meter-archive-final", "valley")
    report = archive_meter(ws, tou, IDES, {"peak": D(12), "valley": D(31)})
    assert sorted((r.register, r.value) for r in report.finals) == [
        ("flat", D(25)), ("peak", D(12)), ("valley", D(31))]
    with ws.reading() as s:
        use = consumption_by_unit(s, pid, MAR)[_unit(s, "ZD-A-0101")]
    assert use.direct == D(2 + 5 + 1) and use.measured
    # A final given for a register a final closed on another day is refused.
    with pytest.raises(MeterArchiveRefused) as caught:
        archive_meter(ws, tou, date(2026, 3, 20), {"flat": D(26)})
    assert caught.value.code == "meter-archive-closed"


def _unit(s: Any, code: str) -> uuid.UUID:
    return s.scalar(select(Unit.id).where(Unit.code == code))


# -- removed outright ------------------------------------------------------------------------


def test_a_meter_never_read_is_removed_and_its_code_stays_taken(ws):
    ids = build_tree(ws, None)
    ops = _count(ws, Outbox)
    assert remove_meter(ws, ids["LIFT"]) == "LIFT"
    with ws.reading() as s:
        assert s.get(Meter, ids["LIFT"]).archived
        assert "LIFT" not in {m.code for m in meter_tree(s, park_id(ws))}
        [op] = s.scalars(select(Outbox).order_by(Outbox.hlc).offset(ops))
    assert (op.kind, op.entity, op.field, op.entity_id) == ("archive", "meters", "archived",
                                                           ids["LIFT"])
    with pytest.raises(MeterRefused) as caught:  # a code is never used twice
        create_meter(ws, park_id(ws), MeterSpec("LIFT", E, parent="MAIN"))
    assert caught.value.code == "meter-code-removed"
    assert _said(caught.value) == "There was a meter LIFT, removed: a code is never used twice"
    with pytest.raises(MeterRefused) as caught:
        remove_meter(ws, ids["LIFT"])
    assert caught.value.code == "meter-unknown"
    # Restored: in the tree again, under its parent.
    report = restore_meter(ws, ids["LIFT"])
    assert report.was_removed and report.initials == ()
    with ws.reading() as s:
        tree = {m.code: m for m in meter_tree(s, park_id(ws))}
    assert tree["LIFT"].parent_id == str(ids["MAIN"])


def test_a_meter_read_or_billed_is_never_removed(ws):
    ids = _billed_march(ws)
    _after_removal(ws, ids)
    record_reading(ws, ids["E-0103"], APR, D(700))
    run_month(ws, APR)  # HT-B-1's March names E-0103 (its meter) and MAIN (its share)
    ops = _count(ws, Outbox)
    with pytest.raises(MeterArchiveRefused) as caught:
        remove_meter(ws, ids["E-0103"])
    assert (caught.value.code, caught.value.params["bills"]) == (
        "meter-remove-billed", "HT-B-1/2026-03-01/electricity")
    assert _said(caught.value) == ("E-0103 is named by posted bills "
                                   "(HT-B-1/2026-03-01/electricity): it is archived, never "
                                   "removed")
    with pytest.raises(MeterArchiveRefused) as caught:
        remove_meter(ws, ids["MAIN"])
    assert caught.value.code == "meter-remove-billed"
    assert caught.value.params["bills"].startswith("HT-")
    with pytest.raises(MeterArchiveRefused) as caught:  # vacant all along: read, not billed
        remove_meter(ws, ids["E-0102"])
    assert (caught.value.code, caught.value.params["count"]) == ("meter-remove-read", "4")
    assert _said(caught.value) == ("E-0102 has 4 readings: a meter that was read is archived, "
                                   "never removed")
    never = create_meter(ws, park_id(ws), MeterSpec("SUB", E, parent="MAIN"))
    create_meter(ws, park_id(ws), MeterSpec("SUB-1", E, parent="SUB"))
    with pytest.raises(MeterArchiveRefused) as caught:
        remove_meter(ws, never)
    assert (caught.value.code, caught.value.params["meters"]) == ("meter-still-feeds", "SUB-1")
    assert _count(ws, Outbox) == ops + 2  # the two creates: no refusal wrote anything


# -- restored --------------------------------------------------------------------------------


def test_an_archived_meter_restored_runs_on_from_its_final_figure(ws):
    ids = build_tree(ws, None)
    pid = park_id(ws)
    record_reading(ws, ids["E-0101"], MAR, D(100))
    archive_meter(ws, ids["E-0101"], IDES, {"total": D(180)})
    with pytest.raises(MeterRefused) as caught:  # archived: read no more after its day
        record_reading(ws, ids["E-0101"], APR, D(250))
    assert [p.code for p in caught.value.parts] == ["reading-after-removed"]
    with pytest.raises(MeterArchiveRefused) as caught:
        restore_meter(ws, ids["E-0102"])
    assert caught.value.code == "meter-not-archived"
    assert _said(caught.value) == "E-0102 is in service: there is nothing to restore"
    ops = _count(ws, Outbox)
    report = restore_meter(ws, ids["E-0101"])
    assert not report.was_removed
    [initial] = report.initials
    assert (initial.read_on, initial.kind.value, initial.value) == (IDES, "initial", D(180))
    with ws.reading() as s:
        assert s.get(Meter, ids["E-0101"]).removed_on is None
        kinds = [(o.kind, o.field) for o in s.scalars(
            select(Outbox).order_by(Outbox.hlc).offset(ops))]
    assert kinds == [("post_reading", None), ("field_set", "removed_on")]
    record_reading(ws, ids["E-0101"], APR, D(250))
    with ws.reading() as s:
        use = consumption_by_unit(s, pid, MAR)[_unit(s, "ZD-A-0101")]
    assert use.direct == D(150) and use.measured  # (180 − 100) + (250 − 180)


def test_restoring_is_refused_under_an_archived_parent_or_once_replaced(ws):
    ids = build_tree(ws, None)
    pid = park_id(ws)
    for code in ("E-0101", "E-0102", "E-0103", "LIFT"):
        archive_meter(ws, ids[code], IDES)
    archive_meter(ws, ids["MAIN"], APR)
    with pytest.raises(MeterArchiveRefused) as caught:
        restore_meter(ws, ids["LIFT"])
    assert (caught.value.code, caught.value.params["parent"]) == ("meter-restore-parent", "MAIN")
    assert _said(caught.value) == ("LIFT hangs under MAIN, which is archived: restore MAIN "
                                   "first, or move LIFT")
    restore_meter(ws, ids["MAIN"])
    create_meter(ws, pid, MeterSpec("E-0102N", E, parent="MAIN", unit="ZD-A-0102",
                                    replaces="E-0102", installed_on=APR))
    with pytest.raises(MeterArchiveRefused) as caught:
        restore_meter(ws, ids["E-0102"])
    assert (caught.value.code, caught.value.params["by"]) == ("meter-restore-replaced",
                                                              "E-0102N")
    restore_meter(ws, ids["LIFT"])


# -- replaced ---------------------------------------------------------------------------------


def test_a_replacement_set_by_an_edit_marks_the_old_meter_removed_and_adds_up(ws):
    pid = park_id(ws)
    ids = build_tree(ws, None)
    record_reading(ws, ids["E-0102"], MAR, D(100))
    record_reading(ws, ids["E-0102"], APR, D(130))
    record_reading(ws, ids["E-0102"], date(2026, 4, 15), D(150), kind="final")
    new = create_meter(ws, pid, MeterSpec("E-0102N", E, parent="MAIN", unit="ZD-A-0102",
                                          installed_on=date(2026, 4, 15)))
    record_reading(ws, new, date(2026, 4, 15), D(0), kind="initial")
    record_reading(ws, new, MAY, D(40))
    ops = _count(ws, Outbox)
    edit_meter(ws, new, MeterSpec("E-0102N", E, parent="MAIN", unit="ZD-A-0102",
                                  installed_on=date(2026, 4, 15), replaces="E-0102"))
    with ws.reading() as s:
        old, row = s.get(Meter, ids["E-0102"]), s.get(Meter, new)
        assert (old.removed_on, row.replaces_id) == (date(2026, 4, 15), ids["E-0102"])
        changed = sorted((o.entity_id == new, o.field) for o in s.scalars(
            select(Outbox).order_by(Outbox.hlc).offset(ops)))
        use = consumption_by_unit(s, pid, APR)[_unit(s, "ZD-A-0102")]
        march = consumption_by_unit(s, pid, MAR)[_unit(s, "ZD-A-0102")]
    assert changed == [(False, "removed_on"), (True, "replaces_id")]
    assert use.direct == D(60) and use.measured  # (150 − 130) + (40 − 0)
    assert march.direct == D(30)
    # Editing it again with the same replacement changes nothing more.
    ops = _count(ws, Outbox)
    edit_meter(ws, new, MeterSpec("E-0102N", E, parent="MAIN", unit="ZD-A-0102",
                                  installed_on=date(2026, 4, 15), replaces="E-0102"))
    assert _count(ws, Outbox) == ops


def test_a_replacement_that_does_not_hold_is_refused_and_nothing_written(ws):
    pid = park_id(ws)
    ids = build_tree(ws, None)
    record_reading(ws, ids["E-0101"], APR, D(10))
    archive_meter(ws, ids["E-0103"], IDES)  # never read: archived from the 15th
    create_meter(ws, pid, MeterSpec("W-1", "water", unit="ZD-A-0101"))
    ops = _count(ws, Outbox)

    def refused(spec: MeterSpec, meter: uuid.UUID | None = None) -> MeterArchiveRefused:
        with pytest.raises(MeterArchiveRefused) as caught:
            if meter is None:
                create_meter(ws, pid, spec)
            else:
                edit_meter(ws, meter, spec)
        return caught.value

    self_ = refused(MeterSpec("LIFT", E, parent="MAIN", replaces="LIFT"), ids["LIFT"])
    assert _said(self_) == "LIFT cannot replace itself"
    other = refused(MeterSpec("W-2", "water", unit="ZD-A-0102", replaces="E-0102"))
    assert _said(other) == ("W-2 and E-0102 measure different utilities: a meter replaces one "
                            "of its own utility")
    below = refused(MeterSpec("MAIN", E, replaces="E-0102"), ids["MAIN"])
    assert _said(below) == "E-0102 hangs beneath MAIN: a meter cannot replace one it feeds"
    early = refused(MeterSpec("E-0103N", E, parent="MAIN", unit="ZD-A-0103",
                              replaces="E-0103", installed_on=date(2026, 3, 10)))
    assert _said(early) == ("E-0103N is installed on 2026-03-10, before E-0103 was removed on "
                            "2026-03-15")
    read_after = refused(MeterSpec("E-0101N", E, parent="MAIN", unit="ZD-A-0101",
                                   replaces="E-0101", installed_on=MAR))
    assert read_after.code == "meter-read-after-removal"  # E-0101 read on 1 April
    # A main replaced hands its sub meters over (test_meter_replaced_main.py), but not to a
    # unit's meter, nor to one hanging under it.
    feeds = refused(MeterSpec("MAIN2", E, unit="ZD-A-0102", replaces="MAIN", installed_on=MAR))
    assert feeds.code == "meter-tree"
    assert message_text(feeds) == ("MAIN2 cannot go there: MAIN2 bills unit ZD-A-0102 and "
                                   "feeds other meters; a unit's meter is a leaf")
    under = refused(MeterSpec("MAIN2", E, parent="MAIN", replaces="MAIN", installed_on=MAR))
    assert _said(under) == "MAIN2 hangs under MAIN, the meter it replaces: hang it where MAIN " \
        "hangs"
    assert _count(ws, Outbox) == ops
    with ws.reading() as s:
        assert s.get(Meter, ids["E-0101"]).removed_on is None

    create_meter(ws, pid, MeterSpec("E-0103N", E, parent="MAIN", unit="ZD-A-0103",
                                    replaces="E-0103", installed_on=IDES))
    taken = refused(MeterSpec("E-0103X", E, parent="MAIN", unit="ZD-A-0103",
                              replaces="E-0103"))
    assert _said(taken) == "E-0103 is replaced by E-0103N already"
    # The meter dialog's own removal day is checked as archiving checks it.
    with pytest.raises(MeterArchiveRefused) as caught:
        edit_meter(ws, ids["MAIN"], MeterSpec("MAIN", E, removed_on=APR))
    assert caught.value.code == "meter-still-feeds"
