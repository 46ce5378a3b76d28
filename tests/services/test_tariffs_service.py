"""Tariffs on a real workspace: versions saved, listed and changed; every refusal with its
code and nothing written; a version bills were priced at kept as it is; and a saved
time-of-use tariff pricing a 公摊 statement exactly as the domain prices it.

The small park (``tests.small_park``); the billing run's utility bills
(``services.billing_run``) make the posted bills a version is priced at.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from domain.billing.meters import Period
from domain.billing.tariffs import FlatTariff, TouTariff, price
from services import billing_run, contracts
from services.meters import MeterSpec, create_meter, record_reading, shared_statement
from services.tariffs import (
    TariffRefused,
    archive_tariff,
    edit_tariff,
    save_tariff,
    tariff_versions,
)
from store.schema import Meter, Outbox, Tariff
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
E, W = "electricity", "water"
JAN, FEB, MAR, APR = (date(2026, m, 1) for m in (1, 2, 3, 4))
NAME = "一般工商业电价"
TOU = {"kind": "time_of_use", "prices": {"peak": "1.35", "flat": "0.85", "valley": "0.45"}}
FLAT = {"kind": "flat", "price": "1.00"}
TIERED = {"kind": "tiered", "bands": [{"up_to": "10", "price": "3.50"},
                                      {"up_to": None, "price": "5.60"}]}


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "tariffs.leasemap")
    yield workspace
    workspace.close()


def _count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _versions(ws: Workspace, utility: str | None = None) -> dict[tuple[str, str], list[Any]]:
    with ws.reading() as s:
        return {(h.utility, h.name): list(h.versions)
                for h in tariff_versions(s, park_id(ws), utility)}


# -- versions ----------------------------------------------------------------------------


def test_a_tariff_and_its_new_version_are_listed_newest_first(ws):
    pid = park_id(ws)
    first = save_tariff(ws, pid, E, f"  {NAME} ", {"kind": "flat", "price": "0.50"}, JAN)
    # One row, one create op, the figures kept as text (never a float).
    assert _count(ws, Outbox, Outbox.entity == "tariffs") == 1
    assert _count(ws, Outbox, Outbox.entity == "tariffs", Outbox.kind == "create") == 1
    second = save_tariff(ws, pid, E, NAME, {"kind": "flat", "price": " 0.62"},
                         date(2026, 3, 11))
    water = save_tariff(ws, pid, W, "非居民用水", TIERED, JAN)
    assert _count(ws, Outbox, Outbox.entity == "tariffs") == 3
    listed = _versions(ws)
    assert list(listed) == [(E, NAME), (W, "非居民用水")]  # by utility, then name
    assert [v.id for v in listed[(E, NAME)]] == [second, first]
    newest, oldest = listed[(E, NAME)]
    assert (newest.valid_from, newest.kind, dict(newest.document)) == (
        date(2026, 3, 11), "flat",
        {"kind": "flat", "valid_from": "2026-03-11", "price": "0.62"})
    assert newest.tariff == FlatTariff(date(2026, 3, 11), D("0.62"))
    assert not newest.used and not oldest.used and newest.meters == ()
    assert [v.id for v in listed[(W, "非居民用水")]] == [water]
    assert list(_versions(ws, W)) == [(W, "非居民用水")]
    # The versions price a month they change in by days, as the meters service reads them.
    with ws.reading() as s:
        history = [v.tariff for v in tariff_versions(s, pid, E)[0].versions]
    charged = price(history, {"total": D(310)}, Period.month(2026, 3))
    assert charged.amount == D("180.20")  # 100 kWh at 0.50 (10 days), 210 at 0.62
    # The same name in another utility is another tariff.
    save_tariff(ws, pid, W, NAME, {"kind": "flat", "price": "5"}, JAN)
    assert (W, NAME) in _versions(ws)


def test_a_version_not_billed_is_edited_and_archived(ws):
    pid = park_id(ws)
    first = save_tariff(ws, pid, E, NAME, FLAT, JAN)
    second = save_tariff(ws, pid, E, NAME, {"kind": "flat", "price": "1.10"}, APR)
    ops = _count(ws, Outbox)
    edit_tariff(ws, second, TOU, date(2026, 5, 1))
    with ws.reading() as s:
        row = s.get(Tariff, second)
        assert row.valid_from == date(2026, 5, 1) and row.document["kind"] == "time_of_use"
        assert row.document["prices"] == TOU["prices"]
    assert _count(ws, Outbox) == ops + 2  # valid_from and document: a field_set each
    edit_tariff(ws, second, TOU, date(2026, 5, 1))  # the same again: nothing
    assert _count(ws, Outbox) == ops + 2
    # Its day cannot be another version's.
    with pytest.raises(TariffRefused) as refused:
        edit_tariff(ws, second, TOU, JAN)
    assert [p.code for p in refused.value.parts] == ["tariff-same-day"]
    # Meters set on an archived version move to the newest one left.
    meter = create_meter(ws, pid, MeterSpec("MAIN", E, tariff_id=second))
    archive_tariff(ws, second)
    assert [v.id for v in _versions(ws)[(E, NAME)]] == [first]
    with ws.reading() as s:
        assert s.get(Meter, meter).tariff_id == first
        assert s.get(Tariff, second).archived
    assert _count(ws, Outbox, Outbox.entity == "tariffs", Outbox.kind == "archive") == 1
    # Its day is free again; the meter follows to the newest version left once more.
    third = save_tariff(ws, pid, E, NAME, FLAT, date(2026, 5, 1))
    archive_tariff(ws, first)
    with ws.reading() as s:
        assert s.get(Meter, meter).tariff_id == third
    # The last version, set on a meter, stays; an archived or unknown one is not found.
    with pytest.raises(TariffRefused) as refused:
        archive_tariff(ws, third)
    assert refused.value.code == "tariff-on-meters"
    for gone in (first, uuid.uuid4()):
        with pytest.raises(TariffRefused) as refused:
            archive_tariff(ws, gone)
        assert refused.value.code == "tariff-unknown"
        with pytest.raises(TariffRefused) as refused:
            edit_tariff(ws, gone, FLAT, JAN)
        assert refused.value.code == "tariff-unknown"


def test_the_last_version_set_on_meters_is_not_archived(ws):
    pid = park_id(ws)
    only = save_tariff(ws, pid, E, NAME, FLAT, JAN)
    create_meter(ws, pid, MeterSpec("MAIN", E, tariff_id=only))
    create_meter(ws, pid, MeterSpec("E-2", E, tariff_id=only))
    ops = _count(ws, Outbox)
    with pytest.raises(TariffRefused) as refused:
        archive_tariff(ws, only)
    assert refused.value.code == "tariff-on-meters"
    assert refused.value.params == {"name": NAME, "meters": "E-2, MAIN"}
    assert _count(ws, Outbox) == ops
    assert _versions(ws)[(E, NAME)][0].meters == ("E-2", "MAIN")


# -- refusals ------------------------------------------------------------------------------

NO_PEAK = {"kind": "time_of_use", "prices": {"flat": "0.85", "valley": "0.45"}}


@pytest.mark.parametrize(("utility", "name", "document", "day", "codes"), [
    (E, " ", FLAT, JAN, ["tariff-no-name"]),
    (E, "x" * 101, FLAT, JAN, ["tariff-name-long"]),
    ("steam", NAME, FLAT, JAN, ["tariff-utility"]),
    (E, NAME, FLAT, None, ["tariff-no-date"]),
    (E, NAME, {"kind": "stepped"}, JAN, ["tariff-kind"]),
    (E, NAME, {"kind": "flat", "price": ""}, JAN, ["tariff-price-missing"]),
    (E, NAME, {"kind": "flat", "price": "-0.10"}, JAN, ["tariff-price-negative"]),
    (E, NAME, {"kind": "flat", "price": "abc"}, JAN, ["tariff-price-not-number"]),
    (E, NAME, {"kind": "flat", "price": 0.85}, JAN, ["tariff-price-not-number"]),  # a float
    (E, NAME, NO_PEAK, JAN, ["tariff-register-missing"]),
    (E, NAME, {"kind": "time_of_use", "prices": {}}, JAN,
     ["tariff-register-missing"] * 3),
    (E, NAME, {"kind": "time_of_use", "prices": {**TOU["prices"], "valley": "谷"}}, JAN,
     ["tariff-register-not-number"]),
    (E, NAME, {"kind": "time_of_use", "prices": {**TOU["prices"], "peak": "-1"}}, JAN,
     ["tariff-register-negative"]),
    (E, NAME, {"kind": "time_of_use", "prices": {**TOU["prices"], "night": "0.3"}}, JAN,
     ["tariff-register-unknown"]),
    (W, NAME, {"kind": "tiered", "bands": []}, JAN, ["tariff-no-bands"]),
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": "10", "price": "3.50"},
                                           {"up_to": "8", "price": "5.60"},
                                           {"up_to": None, "price": "7"}]}, JAN,
     ["tariff-bands-overlap"]),  # 8 is below 10: the bands would overlap
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": "10", "price": "3.50"},
                                           {"up_to": "10", "price": "5.60"},
                                           {"up_to": None, "price": "7"}]}, JAN,
     ["tariff-bands-overlap"]),  # not increasing
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": "0", "price": "3.50"},
                                           {"up_to": None, "price": "5.60"}]}, JAN,
     ["tariff-bands-overlap"]),  # a band ends above 0
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": None, "price": "3.50"},
                                           {"up_to": None, "price": "5.60"}]}, JAN,
     ["tariff-band-end-missing"]),
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": "十", "price": "3.50"},
                                           {"up_to": None, "price": "x"}]}, JAN,
     ["tariff-band-price-not-number", "tariff-band-end-not-number"]),
    (W, NAME, {"kind": "tiered", "bands": [{"up_to": "10", "price": "3.50"},
                                           {"up_to": "20", "price": "-5"}]}, JAN,
     ["tariff-band-price-negative", "tariff-last-band-end"]),
    (W, "", {"kind": "flat"}, None, ["tariff-no-name", "tariff-no-date",
                                     "tariff-price-missing"]),  # every problem at once
])
def test_a_tariff_that_does_not_hold_is_refused_with_its_codes(ws, utility, name, document,
                                                                day, codes):
    save_tariff(ws, park_id(ws), E, "其他", FLAT, JAN)
    rows, ops = _count(ws, Tariff), _count(ws, Outbox)
    with pytest.raises(TariffRefused) as refused:
        save_tariff(ws, park_id(ws), utility, name, document, day)
    assert refused.value.code == "tariff-refused"
    assert sorted(p.code for p in refused.value.parts) == sorted(codes)
    assert (_count(ws, Tariff), _count(ws, Outbox)) == (rows, ops)


def test_refusals_name_the_band_register_and_text(ws):
    pid = park_id(ws)
    with pytest.raises(TariffRefused) as refused:
        save_tariff(ws, pid, W, NAME, {"kind": "tiered", "bands": [
            {"up_to": "10", "price": "3.50"}, {"up_to": "8", "price": "5.60"},
            {"up_to": None, "price": "7"}]}, JAN)
    [part] = refused.value.parts
    assert part.params == {"band": "2", "up_to": "8", "below": "10"}
    with pytest.raises(TariffRefused) as refused:
        save_tariff(ws, pid, E, NAME, {**TOU, "prices": {**TOU["prices"], "flat": "八毛五"}},
                    JAN)
    [part] = refused.value.parts
    assert part.params == {"register": "flat", "text": "八毛五"}
    # Two versions of one name on one day: the second refused, the first kept.
    save_tariff(ws, pid, E, NAME, FLAT, JAN)
    with pytest.raises(TariffRefused) as refused:
        save_tariff(ws, pid, E, NAME, TOU, JAN)
    [part] = refused.value.parts
    assert (part.code, part.params) == ("tariff-same-day",
                                        {"name": NAME, "valid_from": "2026-01-01"})
    assert len(_versions(ws)[(E, NAME)]) == 1
    # Figures as people type them: separators dropped, no exponent kept.
    water = save_tariff(ws, pid, W, "水", {"kind": "tiered", "bands": [
        {"up_to": "1,000", "price": "3.5"}, {"up_to": " ", "price": "1E+1"}]}, JAN)
    with ws.reading() as s:
        assert s.get(Tariff, water).document["bands"] == [
            {"up_to": "1000", "price": "3.5"}, {"up_to": None, "price": "10"}]


# -- a version bills were priced at --------------------------------------------------------


def _billed_february(ws: Workspace) -> tuple[uuid.UUID, uuid.UUID]:
    """一般工商业 at 1.00 from January on MAIN → E-0103 (ZD-A-0103, let to HT-B-1 from
    February) and LIFT; read on 1 February and 1 March; a run over March bills February.
    Returns the tariff version and a later one, from April."""
    pid = park_id(ws)
    first = save_tariff(ws, pid, E, NAME, FLAT, JAN)
    later = save_tariff(ws, pid, E, NAME, {"kind": "flat", "price": "1.20"}, APR)
    ids = {"MAIN": create_meter(ws, pid, MeterSpec("MAIN", E, tariff_id=first))}
    for code, unit in (("E-0103", "ZD-A-0103"), ("LIFT", None)):
        ids[code] = create_meter(ws, pid, MeterSpec(code, E, parent="MAIN", unit=unit))
    contracts.create_signed(ws, pid, lease_spec(ws, "ZD-A-0103", "HT-B-1", FEB,
                                                date(2027, 1, 31), signed_on=FEB))
    for day, values in ((FEB, (1000, 0, 0)), (MAR, (1800, 500, 100))):
        for code, value in zip(("MAIN", "E-0103", "LIFT"), values, strict=True):
            record_reading(ws, ids[code], day, D(value))
    report = billing_run.post_run(ws, pid, MAR, date(2026, 3, 31), MAR - timedelta(days=5))
    assert any(b.charge == E for b in report.plan.bills)
    return first, later


def test_a_version_bills_were_priced_at_is_kept_and_a_later_one_corrects_it(ws):
    first, later = _billed_february(ws)
    versions = {v.id: v for v in _versions(ws)[(E, NAME)]}
    assert versions[first].used and not versions[later].used
    assert versions[first].meters == ("MAIN",)
    ops = _count(ws, Outbox)
    for change in (lambda: edit_tariff(ws, first, {"kind": "flat", "price": "0.90"}, JAN),
                   lambda: edit_tariff(ws, first, FLAT, date(2025, 12, 1)),
                   lambda: archive_tariff(ws, first)):
        with pytest.raises(TariffRefused) as refused:
            change()
        assert refused.value.code == "tariff-used"
        assert refused.value.params["bills"] == "HT-B-1/2026-02-01/electricity"
        assert "add a new version from a later date" in str(refused.value)
    assert _count(ws, Outbox) == ops
    with ws.reading() as s:
        assert s.get(Tariff, first).document["price"] == "1.00"
    # The correction: a version from a later date; it, never billed, can still change.
    edit_tariff(ws, later, {"kind": "flat", "price": "0.95"}, APR)
    back = save_tariff(ws, park_id(ws), E, NAME, {"kind": "flat", "price": "0.98"},
                       date(2026, 2, 15))  # entered late: the next run adjusts February
    versions = {v.id: v for v in _versions(ws)[(E, NAME)]}
    assert not versions[back].used and not versions[later].used
    archive_tariff(ws, back)


# -- pricing with a saved time-of-use tariff ----------------------------------------------


def test_a_saved_time_of_use_tariff_prices_a_statement_as_the_domain_does(ws):
    """MAIN (peak, flat, valley) → E-0101 (ZD-A-0101) and E-0102 (ZD-A-0102); its tariff
    changes on 16 March: the shared use is priced by days on each side, at each register's
    price, exactly as ``domain.billing.tariffs.price`` prices the same figures."""
    pid = park_id(ws)
    first = save_tariff(ws, pid, E, "峰谷分时电价", TOU, JAN)
    save_tariff(ws, pid, E, "峰谷分时电价", {"kind": "time_of_use", "prices": {
        "sharp": "1.60", "peak": "1.40", "flat": "0.88", "valley": "0.40"}},
        date(2026, 3, 16))
    registers = ("peak", "flat", "valley")
    main = create_meter(ws, pid, MeterSpec("MAIN", E, registers=registers, tariff_id=first))
    subs = {code: create_meter(ws, pid, MeterSpec(code, E, parent="MAIN", unit=unit,
                                                  registers=registers))
            for code, unit in (("E-0101", "ZD-A-0101"), ("E-0102", "ZD-A-0102"))}
    figures = {main: ((1000, 2000, 500), (1620, 2410, 731)),
               subs["E-0101"]: ((100, 200, 50), (400, 400, 150)),
               subs["E-0102"]: ((0, 0, 0), (200, 100, 60))}
    for meter, (opening, closing) in figures.items():
        for day, values in ((MAR, opening), (APR, closing)):
            for register, value in zip(registers, values, strict=True):
                record_reading(ws, meter, day, D(value), register)
    with ws.reading() as s:
        statement = shared_statement(s, main, MAR)
    assert dict(statement.shared_by_register) == {"peak": D(120), "flat": D(110),
                                                  "valley": D(71)}
    expected = price([TouTariff(JAN, {"peak": D("1.35"), "flat": D("0.85"),
                                      "valley": D("0.45")}),
                      TouTariff(date(2026, 3, 16), {"sharp": D("1.60"), "peak": D("1.40"),
                                                    "flat": D("0.88"), "valley": D("0.40")})],
                     statement.shared_by_register, Period.month(2026, 3))
    assert statement.charge == expected
    assert len(expected.lines) == 6  # three registers × two prices
    assert statement.amount == sum((x.amount for x in expected.lines), D(0)) > 0
