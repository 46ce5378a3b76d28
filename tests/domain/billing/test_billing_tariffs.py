"""Tariffs: flat, tiered (阶梯) with their band boundaries, time-of-use (峰谷), a change of
tariff inside a period split by days, money rounded once at the line."""

from __future__ import annotations

import doctest
import json
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.tariffs
from domain.billing.meters import FLAT, PEAK, SHARP, TOTAL, VALLEY, Consumption, Period
from domain.billing.tariffs import (
    Band,
    FlatTariff,
    TieredTariff,
    TouTariff,
    from_document,
    price,
    split_exactly,
    to_document,
)
from domain.money import money

D = Decimal
MARCH = Period.month(2026, 3)
JAN = date(2026, 1, 1)
TIERS = TieredTariff(JAN, (Band(D(200), D("0.52")), Band(D(400), D("0.57")),
                           Band(None, D("0.82"))))


def amounts(charged) -> list[tuple[str, str, str]]:
    return [(str(x.quantity), str(x.price), str(x.amount)) for x in charged.lines]


def test_the_module_examples():
    assert doctest.testmod(domain.billing.tariffs).failed == 0


def test_a_flat_tariff_prices_every_register_and_rounds_once_at_the_line():
    charged = price(FlatTariff(JAN, D("0.333")), {TOTAL: D(15)}, MARCH)
    assert charged.amount == D("5.00")  # 4.995, half up
    both = price(FlatTariff(JAN, D("0.8")), {PEAK: D("10.5"), VALLEY: D("20")}, MARCH)
    assert amounts(both) == [("30.5", "0.8", "24.40")]
    assert both.lines[0].reasons[0].params["registers"] == "peak, valley"


@pytest.mark.parametrize(("used", "expected"), [
    ("0", [("0", "0.52", "0.00")]),
    ("199.9", [("199.9", "0.52", "103.95")]),
    ("200", [("200", "0.52", "104.00")]),
    ("200.1", [("200", "0.52", "104.00"), ("0.1", "0.57", "0.06")]),
    ("400", [("200", "0.52", "104.00"), ("200", "0.57", "114.00")]),
    ("400.1", [("200", "0.52", "104.00"), ("200", "0.57", "114.00"), ("0.1", "0.82", "0.08")]),
    ("1000", [("200", "0.52", "104.00"), ("200", "0.57", "114.00"), ("600", "0.82", "492.00")]),
])
def test_tier_boundaries_belong_to_the_lower_band(used, expected):
    charged = price(TIERS, {TOTAL: D(used)}, MARCH)
    assert amounts(charged) == expected
    assert charged.amount == sum((D(a) for _, _, a in expected), D(0))
    assert [x.reasons[0].params["band"] for x in charged.lines] == [
        str(n) for n in range(1, len(expected) + 1)]


def test_a_tiered_tariff_must_have_rising_bands_and_an_open_last_one():
    with pytest.raises(ValueError, match="open"):
        TieredTariff(JAN, (Band(D(200), D("0.5")),))
    with pytest.raises(ValueError, match="open"):
        TieredTariff(JAN, (Band(None, D("0.5")), Band(None, D("0.6"))))
    with pytest.raises(ValueError, match="rise"):
        TieredTariff(JAN, (Band(D(200), D("0.5")), Band(D(200), D("0.6")), Band(None, D(1))))
    with pytest.raises(ValueError, match="rise"):
        TieredTariff(JAN, (Band(D(0), D("0.5")), Band(None, D(1))))
    with pytest.raises(ValueError, match="price"):
        FlatTariff(JAN, D("-0.1"))
    with pytest.raises(ValueError, match="price"):
        FlatTariff(JAN, 0.5)  # type: ignore[arg-type]


def test_time_of_use_prices_each_register_at_its_own_price():
    tou = TouTariff(JAN, {PEAK: D("1.0"), FLAT: D("0.7"), VALLEY: D("0.3")})
    charged = price(tou, {VALLEY: D(150), PEAK: D(100), FLAT: D(200)}, MARCH)
    assert [(x.register, str(x.amount)) for x in charged.lines] == [
        (PEAK, "100.00"), (FLAT, "140.00"), (VALLEY, "45.00")]
    assert charged.amount == D("285.00")


def test_time_of_use_refuses_a_register_it_has_no_price_for_unless_nothing_was_used():
    tou = TouTariff(JAN, {PEAK: D("1.0"), VALLEY: D("0.3")})
    with pytest.raises(ValueError, match="flat register"):
        price(tou, {PEAK: D(1), FLAT: D(1)}, MARCH)
    assert price(tou, {PEAK: D(1), FLAT: D(0)}, MARCH).amount == D("1.00")
    with pytest.raises(ValueError, match="total register"):
        price(tou, {TOTAL: D(10)}, MARCH)
    with pytest.raises(ValueError, match="registers"):
        TouTariff(JAN, {TOTAL: D(1)})


def test_a_consumption_record_is_priced_by_its_registers():
    used = Consumption("m", D(30), {PEAK: D(10), VALLEY: D(20)}, ())
    tou = TouTariff(JAN, {PEAK: D(1), VALLEY: D("0.5")})
    assert price(tou, used, MARCH).amount == D("20.00")


def test_a_flat_tariff_change_mid_month_splits_the_kwh_by_days():
    history = [FlatTariff(JAN, D("0.50")), FlatTariff(date(2026, 3, 11), D("0.62"))]
    charged = price(history, {TOTAL: D(310)}, MARCH)
    assert [(x.period.start, x.period.end, str(x.quantity), str(x.amount))
            for x in charged.lines] == [
        (date(2026, 3, 1), date(2026, 3, 11), "100", "50.00"),
        (date(2026, 3, 11), date(2026, 4, 1), "210", "130.20")]
    split = [x.reasons[-1] for x in charged.lines]
    assert [(s.code, s.params["days"], s.params["of_days"]) for s in split] == [
        ("split", "10", "31"), ("split", "21", "31")]


def test_a_tiered_tariff_change_splits_the_bands_by_days_too():
    old = TieredTariff(JAN, (Band(D(200), D("0.50")), Band(None, D("0.60"))))
    new = TieredTariff(date(2026, 3, 11), (Band(D(200), D("0.55")), Band(None, D("0.70"))))
    charged = price([old, new], {TOTAL: D(620)}, MARCH)
    # 620 kWh: 200 over the first 10 days, 420 over the other 21 (620 × 10/31 = 200 exactly).
    # The 200 kWh band: 200 × 10/31 = 64.5 → 65 and 135.5 → 135 (the larger remainder first).
    assert amounts(charged) == [("65", "0.50", "32.50"), ("135", "0.60", "81.00"),
                                ("135", "0.55", "74.25"), ("285", "0.70", "199.50")]
    assert charged.amount == D("387.25")
    assert [x.reasons[0].params["up_to"] for x in charged.lines] == ["65", "", "135", ""]


def test_a_change_to_time_of_use_mid_month_splits_each_register():
    history = [FlatTariff(JAN, D("0.6")),
               TouTariff(date(2026, 3, 16), {PEAK: D("1.0"), VALLEY: D("0.3")})]
    charged = price(history, {PEAK: D(62), VALLEY: D(31)}, MARCH)
    assert [(x.register, str(x.quantity), str(x.amount)) for x in charged.lines] == [
        (TOTAL, "45", "27.00"), (PEAK, "32", "32.00"), (VALLEY, "16", "4.80")]


def test_a_tariff_from_before_the_period_or_after_it_does_not_split():
    history = [FlatTariff(JAN, D("0.5")), FlatTariff(date(2026, 3, 1), D("0.6")),
               FlatTariff(date(2026, 4, 1), D("9"))]
    charged = price(history, {TOTAL: D(100)}, MARCH)
    assert amounts(charged) == [("100", "0.6", "60.00")]
    assert [x.code for x in charged.lines[0].reasons] == ["flat"]


def test_what_cannot_be_priced_says_why():
    with pytest.raises(ValueError, match="no tariff is in force on 2026-03-01"):
        price(FlatTariff(date(2026, 3, 2), D(1)), {TOTAL: D(1)}, MARCH)
    with pytest.raises(ValueError, match="same day"):
        price([FlatTariff(JAN, D(1)), FlatTariff(JAN, D(2))], {TOTAL: D(1)}, MARCH)
    with pytest.raises(ValueError, match="negative"):
        price(FlatTariff(JAN, D(1)), {TOTAL: D(-1)}, MARCH)
    with pytest.raises(ValueError, match="no tariff"):
        price([], {TOTAL: D(1)}, MARCH)


def test_split_exactly_adds_up_at_any_precision():
    assert split_exactly(D("100.0"), [D(1)] * 3, 1) == [D("33.4"), D("33.3"), D("33.3")]
    assert split_exactly(D("0.001"), [D(1), D(2)], 3) == [D("0.000"), D("0.001")]
    assert split_exactly(D(7), [D(0), D(1)], 0) == [D(0), D(7)]
    assert split_exactly(D(5), [], 0) == []
    with pytest.raises(ValueError, match="decimals"):
        split_exactly(D("1.5"), [D(1)], 0)
    with pytest.raises(ValueError, match="negative"):
        split_exactly(D(-1), [D(1)], 0)


# -- properties --------------------------------------------------------------------------------

prices = st.integers(0, 20000).map(lambda n: D(n) / 10000)  # 0 to 2.0000 a unit
quantities = st.integers(0, 10 ** 7).map(lambda n: D(n) / 10)


@st.composite
def tariffs(draw, valid_from: date, kinds=("flat", "tiered", "tou")):
    kind = draw(st.sampled_from(kinds))
    if kind == "flat":
        return FlatTariff(valid_from, draw(prices))
    if kind == "tou":
        return TouTariff(valid_from, {r: draw(prices) for r in (SHARP, PEAK, FLAT, VALLEY)})
    ends = sorted(set(draw(st.lists(st.integers(1, 5000), min_size=0, max_size=3))))
    bands = [Band(D(e), draw(prices)) for e in ends] + [Band(None, draw(prices))]
    return TieredTariff(valid_from, tuple(bands))


@st.composite
def priced(draw):
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 365)))
    period = Period(start, start + timedelta(days=draw(st.integers(1, 92))))
    changes = sorted(set(draw(st.lists(st.integers(1, period.days + 10), max_size=3))))
    registers = draw(st.sampled_from([(TOTAL,), (PEAK, FLAT, VALLEY)]))
    kinds = ("flat", "tiered") if registers == (TOTAL,) else ("flat", "tiered", "tou")
    history = [draw(tariffs(start - timedelta(days=draw(st.integers(0, 40))), kinds))]
    history += [draw(tariffs(start + timedelta(days=c), kinds)) for c in changes]
    return history, {r: draw(quantities) for r in registers}, period


def _in_force(history, day):
    return [t for t in history if t.valid_from <= day][-1]


@settings(max_examples=300)
@given(priced())
def test_lines_add_up_to_the_consumption_and_the_charge_to_its_lines(case):
    history, used, period = case
    charged = price(history, used, period)
    assert charged.amount == sum((x.amount for x in charged.lines), D(0))
    assert sum((x.quantity for x in charged.lines), D(0)) == sum(used.values(), D(0))
    for x in charged.lines:
        assert x.amount == money(x.quantity * x.price)
        assert x.quantity >= 0
        assert period.start <= x.period.start < x.period.end <= period.end
        assert x.price in _prices_of(_in_force(history, x.period.start))
    # The pieces cover the period, each day once.
    spans = sorted({(x.period.start, x.period.end) for x in charged.lines})
    assert spans[0][0] == period.start and spans[-1][1] == period.end
    assert all(a[1] == b[0] for a, b in pairwise(spans))


def _prices_of(tariff):
    if isinstance(tariff, FlatTariff):
        return {tariff.price}
    if isinstance(tariff, TouTariff):
        return set(tariff.prices.values())
    return {b.price for b in tariff.bands}


@given(st.lists(st.integers(1, 3000), min_size=1, max_size=4, unique=True),
       st.lists(prices, min_size=5, max_size=5), quantities)
def test_a_tiered_charge_is_each_band_s_slice_at_its_price(ends, band_prices, used):
    ends = sorted(ends)
    bands = [Band(D(e), p) for e, p in zip(ends, band_prices, strict=False)]
    bands.append(Band(None, band_prices[len(ends)]))
    charged = price(TieredTariff(JAN, tuple(bands)), {TOTAL: used}, MARCH)
    expected = D(0)
    below = D(0)
    for band in bands:
        top = used if band.up_to is None else min(used, band.up_to)
        expected += money(max(D(0), top - below) * band.price)
        below = band.up_to if band.up_to is not None else below
    assert charged.amount == expected


@given(quantities, prices, st.integers(1, 30))
def test_the_same_price_either_side_of_a_change_costs_the_same_within_a_cent(used, p, day):
    whole = price(FlatTariff(JAN, p), {TOTAL: used}, MARCH).amount
    split = price([FlatTariff(JAN, p), FlatTariff(date(2026, 3, 1) + timedelta(days=day), p)],
                  {TOTAL: used}, MARCH).amount
    assert abs(whole - split) <= D("0.01")


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)).flatmap(tariffs))
def test_a_tariff_survives_its_json_document(tariff):
    document = json.loads(json.dumps(to_document(tariff)))
    assert from_document(document) == tariff
    later = date(2101, 1, 1)
    assert from_document(document, later).valid_from == later


def test_a_document_that_is_not_a_tariff_says_what_is_wrong():
    with pytest.raises(ValueError, match="'price'"):
        from_document({"kind": "flat", "valid_from": "2026-01-01"})
    with pytest.raises(ValueError, match="not 'stepped'"):
        from_document({"kind": "stepped", "valid_from": "2026-01-01"})
    with pytest.raises(ValueError, match=r"not 0\.5"):
        from_document({"kind": "flat", "valid_from": "2026-01-01", "price": 0.5})
    with pytest.raises(ValueError, match="open"):
        from_document({"kind": "tiered", "valid_from": "2026-01-01",
                       "bands": [{"up_to": "200", "price": "0.5"}]})
