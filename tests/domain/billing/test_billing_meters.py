"""Meters and readings: consumption between bracketing readings, rollover, replacement,
multiplier, time-of-use registers; flags on readings and on the tree."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.meters
from domain.billing.meters import (
    FLAT,
    PEAK,
    TOTAL,
    VALLEY,
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    children,
    consumption,
    reading_flags,
    tree_flags,
)

D = Decimal
E = Utility.ELECTRICITY
FINAL, INITIAL = ReadingKind.FINAL, ReadingKind.INITIAL
MARCH = Period.month(2026, 3)


def r(day: date, value: str, kind: ReadingKind = ReadingKind.READING, register: str = TOTAL,
      meter: str = "m") -> Reading:
    return Reading(meter, day, register, D(value), kind)


def codes(used) -> list[str]:
    return [x.code for x in used.reasons]


def test_the_module_examples():
    assert doctest.testmod(domain.billing.meters).failed == 0


# -- periods -----------------------------------------------------------------------------------


def test_a_period_runs_up_to_the_day_the_next_starts():
    assert Period(date(2026, 3, 1), date(2026, 4, 1)) == MARCH
    assert MARCH.days == 31
    assert Period.month(2026, 12).end == date(2027, 1, 1)
    assert Period.inclusive(date(2026, 3, 1), date(2026, 3, 31)) == MARCH
    with pytest.raises(ValueError, match="ends after it starts"):
        Period(date(2026, 3, 1), date(2026, 3, 1))


# -- consumption -------------------------------------------------------------------------------


def test_consumption_runs_from_the_last_reading_on_or_before_each_end():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 2, 25), "100"), r(date(2026, 3, 1), "130"),
                r(date(2026, 3, 25), "400"), r(date(2026, 4, 1), "460"),
                r(date(2026, 4, 2), "470")]
    used = consumption(meter, readings, MARCH)
    assert used.amount == D("330")  # 1 March's 130 to 1 April's 460
    assert used.by_register == {TOTAL: D("330")}
    reason = used.reasons[0]
    assert (reason.code, reason.params["from_on"], reason.params["to_on"]) == (
        "reading", "2026-03-01", "2026-04-01")
    assert used.problems == ()


def test_read_on_the_25th_a_month_closes_on_the_25th_and_the_rest_follows_next_month():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 2, 25), "100"), r(date(2026, 3, 25), "400"),
                r(date(2026, 4, 25), "450")]
    assert consumption(meter, readings, MARCH).amount == D("300")
    assert consumption(meter, readings, Period.month(2026, 4)).amount == D("50")
    both = Period(date(2026, 3, 1), date(2026, 5, 1))
    assert consumption(meter, readings, both).amount == D("350")


def test_a_month_with_no_reading_measures_nothing_and_says_so_the_next_catches_up():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 1), "100"), r(date(2026, 5, 1), "300")]
    march = consumption(meter, readings, MARCH)
    assert march.amount == 0
    assert codes(march) == ["no-reading-in-period"]
    assert [x.code for x in march.problems] == ["no-reading-in-period"]
    assert consumption(meter, readings, Period.month(2026, 4)).amount == D("200")


def test_no_readings_at_all_or_only_after_the_period():
    meter = Meter("m", "E-1", E)
    assert codes(consumption(meter, [], MARCH)) == ["no-readings"]
    later = consumption(meter, [r(date(2026, 5, 1), "5")], MARCH)
    assert (later.amount, codes(later)) == (0, ["no-opening-reading"])


def test_a_meter_installed_mid_period_counts_from_its_initial_reading():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 10), "0", INITIAL), r(date(2026, 4, 1), "80")]
    used = consumption(meter, readings, MARCH)
    assert used.amount == D("80")
    assert "installed" in codes(used)
    assert used.problems == ()


def test_with_no_opening_reading_the_first_known_opens_the_period_flagged():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 10), "500"), r(date(2026, 4, 1), "580")]
    used = consumption(meter, readings, MARCH)
    assert used.amount == D("80")
    assert [x.code for x in used.problems] == ["no-opening-reading"]


def test_readings_of_other_meters_are_ignored():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 1), "0"), r(date(2026, 4, 1), "10"),
                r(date(2026, 3, 1), "0", meter="other"), r(date(2026, 4, 1), "999", meter="other")]
    assert consumption(meter, readings, MARCH).amount == D("10")


def test_the_multiplier_multiplies_the_dial():
    meter = Meter("m", "E-1", E, multiplier=D(80))
    used = consumption(meter, [r(date(2026, 3, 1), "1000.5"), r(date(2026, 4, 1), "1012.0")],
                       MARCH)
    assert used.amount == D("920.0")
    assert used.reasons[0].params["dial"] == "11.5"
    assert used.reasons[-1].code == "multiplier"


def test_a_rollover_wraps_the_dial():
    meter = Meter("m", "E-1", E, rollover_at=D(100000))  # a dial reading up to 99999.9
    used = consumption(meter, [r(date(2026, 3, 1), "99950.0"), r(date(2026, 4, 1), "30.0")],
                       MARCH)
    assert used.amount == D("80.0")
    assert codes(used) == ["reading", "rollover"]
    assert used.problems == ()


def test_a_fall_that_is_not_a_plausible_rollover_stays_negative_and_flagged():
    meter = Meter("m", "E-1", E, rollover_at=D(100000))
    # Wrapping would mean 60,000 kWh in a month: more than half the dial.
    used = consumption(meter, [r(date(2026, 3, 1), "50000"), r(date(2026, 4, 1), "10000")],
                       MARCH)
    assert used.amount == D("-40000")
    assert [x.code for x in used.problems] == ["negative"]
    # A meter whose dial never wraps cannot roll over.
    plain = consumption(Meter("m", "E-1", E), [r(date(2026, 3, 1), "99950"),
                                               r(date(2026, 4, 1), "30")], MARCH)
    assert plain.amount == D("-99920")
    assert [x.code for x in plain.problems] == ["negative"]


def test_a_replacement_counts_final_less_previous_plus_current_less_initial():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 1), "1200"), r(date(2026, 3, 14), "1290", FINAL),
                r(date(2026, 3, 14), "5", INITIAL), r(date(2026, 4, 1), "65")]
    used = consumption(meter, readings, MARCH)
    assert used.amount == (D(1290) - D(1200)) + (D(65) - D(5))
    assert "replacement" in codes(used)
    assert used.problems == ()
    # The months around it: before and after the swap, nothing lost.
    feb = [r(date(2026, 2, 1), "1100"), *readings]
    assert consumption(meter, feb, Period(date(2026, 2, 1), date(2026, 4, 1))).amount == D(250)


def test_a_replacement_with_a_rollover_on_the_old_meter_and_a_multiplier():
    meter = Meter("m", "E-1", E, rollover_at=D(10000), multiplier=D(20))
    readings = [r(date(2026, 3, 1), "9990.0"), r(date(2026, 3, 20), "10.0", FINAL),
                r(date(2026, 3, 20), "0.0", INITIAL), r(date(2026, 4, 1), "7.5")]
    used = consumption(meter, readings, MARCH)
    assert used.amount == (D(20) + D("7.5")) * 20
    assert {"rollover", "replacement", "multiplier"} <= set(codes(used))


def test_a_period_closing_on_the_removal_and_opening_on_the_installation():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 3, 1), "100"), r(date(2026, 4, 1), "160", FINAL),
                r(date(2026, 4, 1), "0", INITIAL), r(date(2026, 5, 1), "40")]
    # 1 April's last reading is the new meter's initial: March ends on it, April opens on it.
    assert consumption(meter, readings, MARCH).amount == D(60)
    assert consumption(meter, readings, Period.month(2026, 4)).amount == D(40)


def test_a_replacement_as_two_meters_adds_up_each_at_its_own_multiplier():
    old = Meter("old", "E-1", E, "M", "101", multiplier=D(40))
    new = Meter("new", "E-1B", E, "M", "101", multiplier=D(80))
    readings = [r(date(2026, 3, 1), "100", meter="old"),
                r(date(2026, 3, 14), "110", FINAL, meter="old"),
                r(date(2026, 3, 14), "0", INITIAL, meter="new"),
                r(date(2026, 4, 1), "5", meter="new"), r(date(2026, 5, 1), "12", meter="new")]
    april, february = Period.month(2026, 4), Period.month(2026, 2)
    assert consumption(old, readings, MARCH).amount == D(400)  # (110 − 100) × 40
    assert consumption(new, readings, MARCH).amount == D(400)  # (5 − 0) × 80
    after = consumption(old, readings, april)
    assert (after.amount, codes(after), after.problems) == (0, ["removed"], ())
    before = consumption(new, readings, february)
    assert (before.amount, codes(before), before.problems) == (0, ["not-installed"], ())
    assert consumption(new, readings, april).amount == D(560)
    periods = [february, MARCH, april]
    assert reading_flags(old, readings, periods) == []
    assert reading_flags(new, readings, periods) == []


def test_a_meter_installed_on_the_period_s_last_reading_day_measured_nothing_yet():
    meter = Meter("m", "E-1", E)
    used = consumption(meter, [r(date(2026, 4, 1), "0", INITIAL),
                               r(date(2026, 5, 1), "9")], MARCH)
    assert (used.amount, codes(used), used.problems) == (0, ["installed"], ())


def test_a_swap_missing_one_of_its_readings_is_a_problem():
    meter = Meter("m", "E-1", E)
    no_initial = consumption(meter, [r(date(2026, 3, 1), "100"),
                                     r(date(2026, 3, 10), "150", FINAL),
                                     r(date(2026, 4, 1), "30")], MARCH)
    assert no_initial.amount == D(80)  # the new meter counted from 0
    assert [x.code for x in no_initial.problems] == ["initial-missing"]
    no_final = consumption(meter, [r(date(2026, 3, 1), "100"),
                                   r(date(2026, 3, 10), "2", INITIAL),
                                   r(date(2026, 4, 1), "30")], MARCH)
    assert no_final.amount == D(28)  # the old meter's last days are unknown
    assert [x.code for x in no_final.problems] == ["initial-without-final"]


def test_time_of_use_registers_are_measured_each_on_their_own():
    meter = Meter("m", "E-1", E, registers=(PEAK, FLAT, VALLEY), multiplier=D(2))
    readings = []
    for register, (a, b) in {PEAK: ("10", "40"), FLAT: ("20", "70"), VALLEY: ("5", "6")}.items():
        readings += [r(date(2026, 3, 1), a, register=register),
                     r(date(2026, 4, 1), b, register=register)]
    used = consumption(meter, readings, MARCH)
    assert used.by_register == {PEAK: D(60), FLAT: D(100), VALLEY: D(2)}
    assert used.amount == D(162)


def test_a_day_s_readings_keep_the_order_given():
    meter = Meter("m", "E-1", E)
    day = date(2026, 3, 15)
    readings = [r(date(2026, 3, 1), "100"), r(day, "150", FINAL), r(day, "0", INITIAL),
                r(date(2026, 4, 1), "20")]
    assert consumption(meter, readings, MARCH).amount == D(70)
    # Given the other way round, the swap is not a swap: the order is the ledger's.
    swapped = [readings[0], readings[2], readings[1], readings[3]]
    assert consumption(meter, swapped, MARCH).problems


def test_a_meter_refuses_what_cannot_be_a_dial():
    with pytest.raises(ValueError, match="multiplier"):
        Meter("m", "E-1", E, multiplier=D(0))
    with pytest.raises(ValueError, match="multiplier"):
        Meter("m", "E-1", E, multiplier=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="registers"):
        Meter("m", "E-1", E, registers=(TOTAL, PEAK))
    with pytest.raises(ValueError, match="registers"):
        Meter("m", "E-1", E, registers=())
    with pytest.raises(ValueError, match="rolls over"):
        Meter("m", "E-1", E, rollover_at=D(0))
    assert Meter("m", "W-1", "water").utility is Utility.WATER  # type: ignore[arg-type]
    assert Utility.WATER.unit == "m³" and Utility.ELECTRICITY.unit == "kWh"


# -- flags -------------------------------------------------------------------------------------


def monthly(values: list[str], start: date = date(2026, 1, 1), meter: str = "m") -> list[Reading]:
    out = []
    day = start
    for v in values:
        out.append(r(day, v, meter=meter))
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def test_a_spike_is_over_k_times_the_median_of_recent_days():
    meter = Meter("m", "E-1", E)
    # 100 a month for six months (about 3.3 a day), then 500: over 3 × the median.
    readings = monthly(["0", "100", "200", "300", "400", "500", "600", "1100"])
    found = reading_flags(meter, readings)
    assert [(f.code, f.read_on) for f in found] == [("spike", date(2026, 8, 1))]
    assert found[0].params["history"] == "6"
    assert "E-1" in found[0].message
    # The factor is a parameter: at 6 × nothing is flagged.
    assert reading_flags(meter, readings, spike_factor=D(6)) == []
    # Only the last n intervals count: a year ago this meter used 1,000 a month.
    year = monthly(["0", "1000", "2000", "3000", "4000", "5000", "6000", "6100", "6200",
                    "6300", "6400", "6500", "6600", "7100"])
    assert [f.code for f in reading_flags(meter, year)] == ["spike"]
    assert reading_flags(meter, year, history=12) == []  # the median of 12 is 550
    # 290 in a month is under 3 × (about 100): not a spike.
    assert reading_flags(meter, monthly(["0", "100", "200", "300", "400", "690"])) == []


def test_no_spike_is_judged_before_three_intervals_are_known_or_on_a_zero_median():
    meter = Meter("m", "E-1", E)
    assert reading_flags(meter, monthly(["0", "10", "20", "900"])) == []
    assert [f.code for f in reading_flags(meter, monthly(["0", "10", "20", "30", "900"]))] == [
        "spike"]
    # A unit left empty for months then let: its first month is no spike.
    assert reading_flags(meter, monthly(["0", "0", "0", "0", "0", "300"])) == []


def test_a_spike_is_per_day_so_a_long_interval_is_not_one():
    meter = Meter("m", "E-1", E)
    readings = monthly(["0", "100", "200", "300"])  # to 1 April
    readings.append(r(date(2026, 7, 1), "600"))  # three months at the same pace
    assert reading_flags(meter, readings) == []


def test_a_fall_that_is_not_a_rollover_is_flagged_and_a_rollover_is_not():
    found = reading_flags(Meter("m", "E-1", E), monthly(["100", "200", "150"]))
    assert [(f.code, f.read_on) for f in found] == [("negative", date(2026, 3, 1))]
    assert found[0].params["previous"] == "200"
    wraps = Meter("m", "E-1", E, rollover_at=D(1000))
    assert reading_flags(wraps, monthly(["900", "990", "40"])) == []


def test_a_period_without_a_reading_is_missing():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 1, 1), "0"), r(date(2026, 2, 1), "10"), r(date(2026, 4, 1), "30")]
    periods = [Period.month(2026, m) for m in (1, 2, 3)]
    found = reading_flags(meter, readings, periods)
    assert [(f.code, f.params["start"]) for f in found] == [("missing", "2026-02-01")]


def test_a_reading_dated_before_the_last_entered_is_flagged():
    meter = Meter("m", "E-1", E)
    readings = [r(date(2026, 1, 1), "0"), r(date(2026, 3, 1), "20"), r(date(2026, 2, 1), "10")]
    found = reading_flags(meter, readings)
    assert [(f.code, f.read_on, f.params["latest"]) for f in found] == [
        ("out-of-order", date(2026, 2, 1), "2026-03-01")]


def test_values_off_the_dial_and_registers_the_meter_has_not():
    meter = Meter("m", "E-1", E, rollover_at=D(1000))
    found = reading_flags(meter, [r(date(2026, 1, 1), "1000"), r(date(2026, 2, 1), "-1"),
                                  r(date(2026, 2, 1), "5", register=PEAK)])
    assert sorted(f.code for f in found) == ["negative", "off-dial", "off-dial", "unknown-register"]


def test_a_replacement_is_not_a_fall_nor_a_gap_but_a_broken_swap_is_flagged():
    meter = Meter("m", "E-1", E)
    good = [*monthly(["100", "200"]), r(date(2026, 2, 15), "250", FINAL),
            r(date(2026, 2, 15), "0", INITIAL), r(date(2026, 3, 1), "40")]
    assert reading_flags(meter, good) == []
    broken = [*monthly(["100", "200"]), r(date(2026, 2, 15), "250", FINAL),
              r(date(2026, 3, 1), "40")]
    assert [f.code for f in reading_flags(meter, broken)] == ["initial-missing"]


# -- the tree ----------------------------------------------------------------------------------


def test_children_and_a_sound_tree():
    meters = [Meter("M", "MAIN", E), Meter("b", "B", E, "M", "u2"), Meter("a", "A", E, "M", "u1"),
              Meter("F", "FLOOR", E, "M"), Meter("c", "C", E, "F", "u3")]
    assert [m.code for m in children(meters, "M")] == ["A", "B", "FLOOR"]
    assert tree_flags(meters) == []


def test_what_is_wrong_with_a_tree_is_named():
    meters = [Meter("M", "MAIN", E), Meter("w", "W-1", Utility.WATER, "M", "u1"),
              Meter("x", "X", E, "nowhere"), Meter("u", "U", E, "M", "u2"),
              Meter("v", "V", E, "u", "u3"), Meter("p", "P", E, "q"), Meter("q", "Q", E, "p"),
              Meter("M", "MAIN-2", E)]
    found = {(f.code, f.meter_id) for f in tree_flags(meters)}
    assert found == {("utility-differs", "w"), ("unknown-parent", "x"),
                     ("unit-meter-has-children", "u"), ("cycle", "p"), ("cycle", "q"),
                     ("duplicate-id", "M")}


# -- properties --------------------------------------------------------------------------------


@st.composite
def histories(draw):
    """A meter's true use, interval by interval, and the readings a person took of it:
    rollovers on wrapping dials, replacements, a multiplier."""
    top = draw(st.sampled_from([None, 1000, 10000, 100000]))
    multiplier = D(draw(st.sampled_from([1, 20, 40])))
    meter = Meter("m", "E-1", E, multiplier=multiplier, rollover_at=top and D(top))
    tenths = st.integers(0, (top * 10 - 1) if top else 10 ** 7)
    near_top = st.integers(top * 9, top * 10 - 1) if top else tenths  # soon to wrap
    value = D(draw(st.one_of(tenths, near_top))) / 10
    day = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 30)))
    readings = [Reading("m", day, TOTAL, value)]
    used = D(0)
    steps = draw(st.lists(st.tuples(
        st.integers(1, 40),
        st.integers(0, (top * 10 // 2 - 1) if top else 50000),  # under half the dial
        st.booleans(), tenths), min_size=1, max_size=25))
    for gap, tenth, swap, fresh in steps:
        day += timedelta(days=gap)
        inc = D(tenth) / 10
        used += inc
        value = value + inc if top is None else (value + inc) % top
        if swap:
            readings.append(Reading("m", day, TOTAL, value, FINAL))
            value = D(fresh) / 10
            readings.append(Reading("m", day, TOTAL, value, INITIAL))
        else:
            readings.append(Reading("m", day, TOTAL, value))
    first, last = readings[0].read_on, readings[-1].read_on
    cuts = sorted(set(draw(st.lists(st.integers(1, (last - first).days), max_size=8))))
    bounds = [first, *(first + timedelta(days=c) for c in cuts), last + timedelta(days=1)]
    periods = [Period(a, b) for a, b in pairwise(bounds) if a < b]
    return meter, readings, used * multiplier, periods


@settings(max_examples=300)
@given(histories())
def test_consecutive_periods_add_up_to_the_meters_true_use(history):
    meter, readings, used, periods = history
    parts = [consumption(meter, readings, p) for p in periods]
    assert sum((p.amount for p in parts), D(0)) == used
    whole = consumption(meter, readings, Period(periods[0].start, periods[-1].end))
    assert whole.amount == used
    assert all(p.amount >= 0 for p in parts)
    problems = {x.code for p in parts for x in p.problems}
    assert problems <= {"no-reading-in-period"}  # a period the readings skip, nothing worse
    flags = reading_flags(meter, readings)
    assert {f.code for f in flags} <= {"spike"}  # true use: no fall, no gap, no broken swap
