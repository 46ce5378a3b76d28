"""A meter's service dates in the utility rules: a month wholly before its installation or
wholly after its removal is no gap (nothing measured, nothing held, left out of its parent's
Σ sub meters); the month it is installed or removed in is measured from its initial reading
(or one on the day) to its final (or one on the day), and without them it is a gap naming
what is missing; and where an initial or a final reading can stand at all."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.billing.meters import (
    PROBLEMS,
    TOTAL,
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    consumption,
    in_service,
    kind_refusal,
    reading_flags,
)
from domain.billing.shared_consumption import Basis, statement, statements
from domain.billing.tariffs import FlatTariff
from domain.billing.unit_consumption import GAPS, UNPRICED, unit_consumption
from domain.billing.utility_bills import (
    Hold,
    NamedTariff,
    Payer,
    UtilityTree,
    plan_utility_bills,
)

D = Decimal
E = Utility.ELECTRICITY
FINAL, INITIAL, READ = ReadingKind.FINAL, ReadingKind.INITIAL, ReadingKind.READING
JUNE, JULY, AUGUST = (Period.month(2026, m) for m in (6, 7, 8))
FLAT = NamedTariff("一般工商业", (FlatTariff(date(2026, 1, 1), D("1.00")),))


def r(day: date, value: int | str, kind: ReadingKind = READ, meter: str = "m") -> Reading:
    return Reading(meter, day, TOTAL, D(value), kind)


def codes(used) -> list[str]:
    return [x.code for x in used.reasons]


def first(month: int) -> date:
    return date(2026, month, 1)


# -- one meter -------------------------------------------------------------------------------


def test_a_month_wholly_before_the_installation_measures_nothing_and_misses_nothing():
    meter = Meter("m", "E-1", E, installed_on=date(2026, 7, 10))
    for readings in ([], [r(date(2026, 7, 10), 0, INITIAL), r(first(8), 80)]):
        used = consumption(meter, readings, JUNE)
        assert (used.amount, codes(used), used.problems) == (0, ["not-installed"], ())
        assert used.reasons[0].params["on"] == "2026-07-10"
    # A month ending on the installation day is wholly before it too.
    on_the_first = Meter("m", "E-1", E, installed_on=first(7))
    assert codes(consumption(on_the_first, [], JUNE)) == ["not-installed"]
    assert codes(consumption(on_the_first, [], JULY)) == ["no-readings"]  # in service: a gap
    assert not in_service(meter, JUNE) and in_service(meter, JULY)
    assert reading_flags(meter, [], [JUNE]) == []
    assert [f.code for f in reading_flags(meter, [], [JULY])] == ["missing"]


def test_a_month_wholly_after_the_removal_measures_nothing_even_without_a_final_reading():
    meter = Meter("m", "E-1", E, removed_on=date(2026, 7, 15))
    readings = [r(first(6), 100), r(first(7), 160), r(date(2026, 7, 15), 190)]
    after = consumption(meter, readings, AUGUST)
    assert (after.amount, codes(after), after.problems) == (0, ["removed"], ())
    assert after.reasons[0].params["on"] == "2026-07-15"
    # July is closed by the reading on the removal day, whatever its kind.
    july = consumption(meter, readings, JULY)
    assert (july.amount, july.problems) == (30, ())
    assert july.reasons[0].params["to_on"] == "2026-07-15"
    # Removed on 1 August: July closes on that day's reading, August is after it.
    first_of = Meter("m", "E-1", E, removed_on=first(8))
    ledger = [r(first(7), 160), r(first(8), 200)]
    assert consumption(first_of, ledger, JULY).amount == 40
    assert codes(consumption(first_of, ledger, AUGUST)) == ["removed"]
    assert reading_flags(meter, readings, [AUGUST, Period.month(2026, 9)]) == []


def test_the_removal_month_without_a_final_reading_is_a_gap_naming_it():
    """Removed on 15 July, last read on 1 July: the use from 1 to 15 July is unknown and no
    later reading will catch it up; billing what was read would leave it in the main meter's
    unmetered use, shared over every other unit."""
    meter = Meter("m", "E-1", E, removed_on=date(2026, 7, 15))
    readings = [r(first(6), 100), r(first(7), 160)]
    july = consumption(meter, readings, JULY)
    assert july.amount == 0
    [gap] = july.problems
    assert gap.code == "final-missing" and gap.code in GAPS
    assert (gap.params["removed_on"], gap.params["since"]) == ("2026-07-15", "2026-07-01")
    assert codes(consumption(meter, readings, AUGUST)) == ["removed"]  # and then nothing
    # Read mid-month but not on the day: what was read is counted, the rest still missing.
    mid = consumption(meter, [*readings, r(date(2026, 7, 10), 170)], JULY)
    assert mid.amount == 10 and [x.code for x in mid.problems] == ["final-missing"]
    # Its final reading closes it, on the removal day or before it.
    closed = consumption(meter, [*readings, r(date(2026, 7, 15), 175, FINAL)], JULY)
    assert (closed.amount, closed.problems) == (15, ())


def test_the_installation_month_opens_on_the_initial_or_a_reading_on_the_day():
    meter = Meter("m", "E-1", E, installed_on=date(2026, 7, 10))
    by_kind = consumption(meter, [r(date(2026, 7, 10), 5, INITIAL), r(first(8), 85)], JULY)
    on_the_day = consumption(meter, [r(date(2026, 7, 10), 5), r(first(8), 85)], JULY)
    for used in (by_kind, on_the_day):
        assert (used.amount, used.problems) == (80, ())
        assert "installed" in codes(used)
    # First read on 1 August, with no initial: the use from the 10th is unknown.
    later = consumption(meter, [r(first(8), 85), r(first(9), 120)], JULY)
    assert later.amount == 0
    [gap] = later.problems
    assert (gap.code, gap.params["installed_on"]) == ("no-initial-reading", "2026-07-10")
    assert gap.code in GAPS
    # Read on the 20th: counted from it, the days before it still missing.
    mid = consumption(meter, [r(date(2026, 7, 20), 50), r(first(8), 85)], JULY)
    assert mid.amount == 35 and [x.code for x in mid.problems] == ["no-initial-reading"]
    # August opens on 1 August's reading: nothing missing there.
    assert consumption(meter, [r(first(8), 85), r(first(9), 120)], AUGUST).problems == ()


def test_an_initial_reading_with_nothing_after_it_by_the_months_end_is_a_gap():
    """Installed on 10 July and not read on 1 August: like any meter in service, a gap (it
    was billed 0, unflagged, before); installed on 1 August itself, July used nothing yet."""
    meter = Meter("m", "E-1", E)
    unread = consumption(meter, [r(date(2026, 7, 10), 0, INITIAL)], JULY)
    assert [x.code for x in unread.problems] == ["no-reading-in-period"]
    on_the_end = consumption(meter, [r(first(8), 0, INITIAL)], JULY)
    assert (on_the_end.amount, codes(on_the_end), on_the_end.problems) == (0, ["installed"], ())


# -- the tree --------------------------------------------------------------------------------


def _tree_readings(sub_from: int = 8) -> list[Reading]:
    """MAIN and E-101 read on the first of June to October; E-103 from ``sub_from``."""
    out = []
    for k, month in enumerate((6, 7, 8, 9, 10)):
        out += [r(first(month), 1000 * k, meter="M"), r(first(month), 300 * k, meter="a")]
        if month >= sub_from:
            out.append(r(first(month), 200 * (month - sub_from), meter="c"))
    return out


METERS = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
          Meter("c", "E-103", E, "M", "103", installed_on=first(8))]
AREAS = {"101": D(100), "103": D(50)}


def test_a_sub_meter_installed_later_is_left_out_of_its_parents_statement_before():
    readings = _tree_readings()
    june = statement("M", METERS, readings, JUNE, Basis("area", AREAS), UNPRICED, 3)
    assert [s.meter.code for s in june.subs] == ["E-101"]
    assert june.ready and june.flags == ()
    assert june.main.amount == sum((s.amount for s in june.subs), D(0)) + june.unmetered
    assert (june.unmetered, june.shared, june.allocated) == (700, 700, 700)
    # 103 was not connected in June (its only meter installed on 1 August): no share.
    assert {s.unit_id: s.quantity for s in june.shares} == {"101": D("700.000")}
    assert june.denominator == 100
    [gone] = june.left_out
    assert (gone.unit_id, gone.basis) == ("103", 50)
    assert [(x.code, x.params) for x in gone.reasons] == [
        ("not-installed", {"meter": "E-103", "on": "2026-08-01"})]
    august = statement("M", METERS, readings, AUGUST, Basis("area", AREAS), UNPRICED, 3)
    assert [s.meter.code for s in august.subs] == ["E-101", "E-103"]
    assert august.main.amount == 300 + 200 + august.unmetered and august.ready
    assert august.left_out == () and {s.unit_id for s in august.shares} == {"101", "103"}
    # Without its date the meter would be an unread sub meter: June held, as before.
    undated = [*METERS[:2], Meter("c", "E-103", E, "M", "103")]
    held = statement("M", undated, readings, JUNE, Basis("area", AREAS), UNPRICED, 3)
    assert [f.code for f in held.flags] == ["no-opening-reading"]
    use = unit_consumption(METERS, readings, JUNE, {}, AREAS)
    assert (use["103"].direct, use["103"].shared, use["103"].measured) == (0, 0, False)
    assert {"not-installed", "left-out"} <= {x.code for x in use["103"].reasons}
    assert use["101"].measured and use["101"].total + use["103"].total == june.main.amount


def test_a_run_holds_nothing_of_a_meter_before_its_installation_nor_after_its_removal():
    """June: E-103 not installed yet, its unit let but not connected: no bill; E-101's
    contract billed with the whole shared use. September: E-101 removed on 15 August with no
    final reading, so August holds both bills (its share waits for the final), September
    holds nothing and 101, not connected any more, takes no share."""
    meters = [METERS[0], Meter("a", "E-101", E, "M", "101", removed_on=date(2026, 8, 15)),
              METERS[2]]
    readings = [x for x in _tree_readings() if not (x.meter_id == "a" and x.read_on > first(8))]
    tree = UtilityTree(E, tuple(meters), tuple(readings), {}, AREAS, {"M": FLAT},
                       {"101": "A-101", "103": "A-103"})
    holds = [Hold("c1", "101", date(2026, 1, 1), date(2026, 12, 31)),
             Hold("c3", "103", date(2026, 1, 1), date(2026, 12, 31))]
    payers = {c: Payer(c, c.upper()) for c in ("c1", "c3")}
    june = plan_utility_bills([tree], [JUNE.start], holds, payers, {}, first(7))
    assert june.skipped == ()
    assert [(b.contract_id, b.amount) for b in june.bills] == [
        ("c1", D("1000.00"))]  # 300 own + all of the 700 shared: 103 was not connected
    august = plan_utility_bills([tree], [AUGUST.start], holds, payers, {}, first(9))
    assert august.bills == ()
    assert sorted((s.contract_code, s.code, s.params["meter"]) for s in august.skipped) == [
        ("C1", "reading-missing", "E-101"), ("C3", "reading-missing", "E-101")]
    september = plan_utility_bills([tree], [first(9)], holds, payers, {}, first(10))
    assert september.skipped == ()
    # MAIN's 1,000 less E-103's 200: 800 shared, all of it 103's (101's meter is gone)
    assert [(b.contract_id, b.amount) for b in september.bills] == [("c3", D("1000.00"))]
    own, share = next(b for b in september.bills if b.contract_id == "c3").lines
    assert own.explanation["source"] != "share" and own.amount == 200
    assert share.explanation["source"] == "share" and share.explanation["subs"] == "200.000"
    assert (share.explanation["weight"], share.explanation["denominator"]) == ("50", "50")


# -- a unit not connected takes no share ------------------------------------------------------


MARCH = Period.month(2026, 3)


def _march(used: dict[str, int]) -> list[Reading]:
    """Each meter read 0 on 1 March and its use on 1 April."""
    return [x for m, q in used.items()
            for x in (r(first(3), 0, meter=m), r(first(4), q, meter=m))]


def _shares(s) -> dict[str, Decimal]:
    return {x.unit_id: x.quantity for x in s.shares}


def test_a_unit_whose_meter_was_removed_before_the_month_takes_no_share():
    """E-102 removed on 1 March (the month starts on its removal day): 102 was not on MAIN's
    supply in March. The 300 shared go to 101 and 103 by their areas alone, and the
    statement lists 102 with its area and why."""
    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
              Meter("b", "E-102", E, "M", "102", removed_on=first(3)),
              Meter("c", "E-103", E, "M", "103")]
    basis = Basis("area", {"101": D(100), "102": D(80), "103": D(50)})
    s = statement("M", meters, _march({"M": 1000, "a": 400, "c": 300}), MARCH, basis,
                  FlatTariff(first(1), D("1.00")), 3)
    assert [x.meter.code for x in s.subs] == ["E-101", "E-103"]
    assert (s.shared, s.denominator, s.ready) == (300, 150, True)
    assert _shares(s) == {"101": D(200), "103": D(100)}
    assert sum(_shares(s).values()) == s.shared and s.allocated == s.shared
    assert sum((x.amount for x in s.shares), D(0)) == s.amount == D("300.00")
    assert [x.fraction for x in s.shares] == [D("0.666667"), D("0.333333")]
    [gone] = s.left_out
    assert (gone.unit_id, gone.basis) == ("102", 80)
    assert [(x.code, x.params) for x in gone.reasons] == [
        ("removed", {"meter": "E-102", "on": "2026-03-01"})]
    assert s.basis == basis  # the basis as agreed; the denominator is of the units sharing


def test_a_unit_connected_any_part_of_the_month_takes_its_full_share():
    """Removed on 20 March, or installed on 10 March: connected for part of March, so the
    whole month's share by its area, as a clerk says it (no share by days: the shared use is
    known by the month, not by the day)."""
    base = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101")]
    basis = Basis("area", {"101": D(100), "102": D(100)})
    for late in (Meter("b", "E-102", E, "M", "102", removed_on=date(2026, 3, 20)),
                 Meter("b", "E-102", E, "M", "102", installed_on=date(2026, 3, 10)),
                 Meter("b", "E-102", E, "M", "102", installed_on=first(3),
                       removed_on=first(4))):
        readings = _march({"M": 1000, "a": 300})
        readings += [r(late.installed_on or first(3), 0, meter="b"),
                     r(late.removed_on or first(4), 200, meter="b")]
        s = statement("M", [*base, late], readings, MARCH, basis, UNPRICED, 3)
        assert s.left_out == () and s.ready, late
        assert _shares(s) == {"101": D(250), "102": D(250)}


def test_one_meter_in_service_keeps_a_unit_connected():
    """A unit's meter replaced by a new record on 1 March: the old one is out all March, the
    new one in: connected. In February it was the other way round, connected too; in
    January, before the new one, with the old one removed then as well, left out."""
    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
              Meter("old", "E-102", E, "M", "102", installed_on=first(2), removed_on=first(3)),
              Meter("new", "E-102B", E, "M", "102", installed_on=first(3))]
    basis = Basis("area", {"101": D(1), "102": D(1)})
    readings = [*_march({"M": 1000, "a": 300}), r(first(3), 0, INITIAL, "new"),
                r(first(4), 200, meter="new")]
    march = statement("M", meters, readings, MARCH, basis, UNPRICED, 3)
    assert march.left_out == () and _shares(march) == {"101": D(250), "102": D(250)}
    january = statement("M", meters, [], Period.month(2026, 1), basis, UNPRICED, 3)
    [gone] = january.left_out
    assert [(x.code, x.params["meter"], x.params["on"]) for x in gone.reasons] == [
        ("not-installed", "E-102", "2026-02-01"), ("not-installed", "E-102B", "2026-03-01")]


def test_a_unit_beneath_a_distribution_meter_is_left_out_at_every_level():
    """E-102 under FLOOR, removed before March: 102 takes no share of FLOOR's loss nor of
    MAIN's; the tree still adds up to MAIN's consumption."""
    meters = [Meter("M", "MAIN", E), Meter("F", "FLOOR", E, "M"),
              Meter("a", "E-101", E, "F", "101"),
              Meter("b", "E-102", E, "F", "102", removed_on=date(2026, 2, 10)),
              Meter("c", "E-201", E, "M", "201")]
    readings = _march({"M": 2000, "F": 900, "a": 800, "c": 700})
    area = Basis("area", {"101": D(100), "102": D(100), "201": D(200)})
    top, floor = statements(meters, readings, MARCH, area, UNPRICED, 3)
    assert [x.unit_id for x in top.left_out] == ["102"]
    assert [x.unit_id for x in floor.left_out] == ["102"]
    assert _shares(top) == {"101": D("133.333"), "201": D("266.667")}  # 400 by 100 : 200
    assert sum(_shares(top).values()) == top.shared == 400
    assert _shares(floor) == {"101": D(100)}
    total = sum((u.direct + u.quantity for s in (top, floor) for u in s.shares), D(0))
    assert total == top.main.amount == 2000
    use = unit_consumption(meters, readings, MARCH, {}, {u: w for u, w in area.weights.items()})
    assert (use["102"].total, use["102"].measured) == (0, False)
    assert [x.params["meter"] for x in use["102"].reasons if x.code == "left-out"] == [
        "MAIN", "FLOOR"]
    assert sum((u.total for u in use.values()), D(0)) == 2000


def test_no_unit_connected_shares_nothing_and_says_so():
    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101",
                                               installed_on=first(5))]
    s = statement("M", meters, _march({"M": 500}), MARCH, Basis("area", {"101": D(90)}),
                  FlatTariff(first(1), D("1.00")), 3)
    assert (s.shares, s.allocated, s.unallocated, s.amount) == ((), 0, 500, 0)
    [flagged] = s.flags
    assert flagged.code == "no-unit-connected" and flagged.params["shared"] == "500"
    assert [x.unit_id for x in s.left_out] == ["101"] and not s.ready


def test_a_unit_the_basis_names_without_a_meter_beneath_shares_as_agreed():
    """An agreed weight for a unit no meter beneath MAIN bills (a kiosk): not judged."""
    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101",
                                               removed_on=first(2))]
    s = statement("M", meters, _march({"M": 300}), MARCH,
                  Basis("weights", {"101": D(1), "K1": D(1)}), UNPRICED, 3)
    assert _shares(s) == {"K1": D(300)} and [x.unit_id for x in s.left_out] == ["101"]


# -- where a kind can stand ------------------------------------------------------------------


def test_an_initial_opens_a_dial_never_read_or_follows_a_final():
    meter = Meter("m", "E-1", E)
    day = date(2026, 7, 10)
    assert kind_refusal(meter, [], r(day, 0, INITIAL)) is None
    assert kind_refusal(meter, [r(first(8), 80)], r(day, 0, INITIAL)) is None  # back-dated
    after = kind_refusal(meter, [r(first(7), 60)], r(day, 0, INITIAL))
    assert after is not None and after.code == "initial-after-reading"
    assert (after.params["previous_on"], after.params["previous_kind"]) == ("2026-07-01",
                                                                           "reading")
    swap = [r(first(7), 60), r(day, 90, FINAL)]
    assert kind_refusal(meter, swap, r(day, 0, INITIAL)) is None  # the new dial, same day
    twice = kind_refusal(meter, [r(date(2026, 7, 20), 3, INITIAL)], r(day, 0, INITIAL))
    assert twice is not None and twice.code == "initial-before-initial"
    # A correction of the initial stands where the initial stood.
    opened = [r(day, 0, INITIAL), r(first(8), 80)]
    assert kind_refusal(meter, opened, r(day, 2, INITIAL)) is None
    assert kind_refusal(meter, opened, r(first(9), 5)) is None  # an ordinary one: not judged


def test_a_final_is_the_dials_last_reading_before_an_initial():
    meter = Meter("m", "E-1", E)
    day = date(2026, 7, 15)
    read = [r(first(7), 60)]
    assert kind_refusal(meter, read, r(day, 90, FINAL)) is None
    assert kind_refusal(meter, [*read, r(day, 90)], r(day, 90, FINAL)) is None  # read that day
    later = kind_refusal(meter, [*read, r(first(8), 100)], r(day, 90, FINAL))
    assert later is not None and later.code == "final-before-reading"
    assert later.params["next_on"] == "2026-08-01"
    closed = kind_refusal(meter, [*read, r(day, 90, FINAL)], r(first(8), 95, FINAL))
    assert closed is not None and closed.code == "final-after-final"
    swapped = [*read, r(day, 90, FINAL), r(day, 0, INITIAL), r(first(8), 40)]
    assert kind_refusal(meter, swapped, r(day, 91, FINAL)) is None  # its correction


# -- property --------------------------------------------------------------------------------


@st.composite
def services(draw):
    """A meter in service from its installation (its initial reading) to its removal (its
    final reading, or one on the day, or none: a gap), read on some days between."""
    installed = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 200)))
    days = sorted(set(draw(st.lists(st.integers(1, 150), max_size=8))))
    removed = installed + timedelta(days=draw(st.integers(1, 160)))
    value, used = D(draw(st.integers(0, 5000))), D(0)
    readings = [r(installed, value, INITIAL)]
    for d in days:
        if installed + timedelta(days=d) >= removed:
            break
        step = D(draw(st.integers(0, 900)))
        value, used = value + step, used + step
        readings.append(r(installed + timedelta(days=d), value))
    close = draw(st.sampled_from(["final", "reading", "none"]))
    if close != "none":
        step = D(draw(st.integers(0, 900)))
        value, used = value + step, used + step
        readings.append(r(removed, value, FINAL if close == "final" else READ))
    return Meter("m", "E-1", E, installed_on=installed, removed_on=removed), readings, used, close


@settings(max_examples=200, deadline=None)
@given(services())
def test_months_outside_service_never_hold_and_the_months_add_up_to_the_dial(service):
    meter, readings, used, close = service
    months = [Period.month(y, m) for y in (2025, 2026, 2027) for m in range(1, 13)]
    parts = [(p, consumption(meter, readings, p)) for p in months]
    outside = [(p, c) for p, c in parts if not in_service(meter, p)]
    assert outside and all(c.amount == 0 and not c.problems for _p, c in outside)
    gaps = {x.code for p, c in parts for x in c.problems}
    assert gaps <= {"no-reading-in-period", "final-missing"} and gaps <= PROBLEMS
    removal = next(c for p, c in parts if p.start < meter.removed_on <= p.end)
    assert ("final-missing" in {x.code for x in removal.problems}) == (close == "none")
    if close != "none":  # closed: every month adds up to the dial's travel, nothing held after
        assert sum((c.amount for _p, c in parts), D(0)) == used
    assert not [f for f in reading_flags(meter, readings, [p for p, _c in outside])
                if f.code == "missing"]
