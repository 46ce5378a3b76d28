"""Reading rent rolls: headers found and mapped, cells read every way people type them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from domain.leasing.clauses import Basis, Cycle, EscalationKind, RentFreeKind
from importers.rent_roll import (
    ColumnMapping,
    RawRow,
    RentRollError,
    guess_mapping,
    parse_row,
    read_cycle,
    read_date,
    read_decimal,
    read_deposit,
    read_escalation,
    read_rent_free,
    read_rent_roll,
    row_deposit,
    row_terms,
    split_units,
)

D = Decimal
ZH = ["合同编号", "承租方", "房号", "计租面积(㎡)", "签约日期", "交付日期", "起租日", "到期日",
      "租金单价(元/㎡/月)", "付款方式", "免租期", "递增", "押金", "物业费单价(元/㎡/月)", "备注"]


# -- mapping -------------------------------------------------------------------------------


def test_chinese_headers_map_to_every_field():
    mapping = guess_mapping(ZH).columns
    assert mapping == {
        "code": "合同编号", "tenant": "承租方", "units": "房号", "area": "计租面积(㎡)",
        "signed_on": "签约日期", "delivered_on": "交付日期", "rent_starts_on": "起租日",
        "ends_on": "到期日", "rate": "租金单价(元/㎡/月)", "cycle": "付款方式",
        "rent_free": "免租期", "escalation": "递增", "deposit": "押金",
        "property_fee": "物业费单价(元/㎡/月)"}  # 单价 in it, but the fee's word is longer


def test_english_headers_map_and_short_words_need_to_stand_alone():
    mapping = guess_mapping(["Lease ID", "Tenant name", "Unit", "Area (sqm)", "Signing date",
                             "Handover", "Rent start date", "Expiry", "Rent per m² per month",
                             "Payment cycle", "Rent-free period", "Annual increase",
                             "Security deposit", "Management fee", "Deposit in months of rent"
                             ]).columns
    assert mapping["code"] == "Lease ID" and mapping["units"] == "Unit"
    assert mapping["rate"] == "Rent per m² per month"
    assert mapping["rent_starts_on"] == "Rent start date" and mapping["ends_on"] == "Expiry"
    assert mapping["deposit"] == "Security deposit"  # the other deposit column is left
    assert mapping["property_fee"] == "Management fee"
    assert "rate" not in guess_mapping(["Deposit in months of rent"]).columns


def test_a_persons_choice_overrides_the_guess_and_takes_the_column_from_another_field():
    guessed = guess_mapping(ZH)
    chosen = guessed.overridden({"area": "物业费单价(元/㎡/月)", "escalation": None})
    assert chosen.columns["area"] == "物业费单价(元/㎡/月)"
    assert "property_fee" not in chosen.columns and "escalation" not in chosen.columns
    with pytest.raises(RentRollError) as refused:
        guessed.overridden({"colour": "备注"})
    assert refused.value.code == "rent-roll-no-field"
    assert ColumnMapping({"delivered_on": "交"}).missing() == ("code", "tenant", "units",
                                                             "ends_on", "rate")


def test_a_price_per_day_is_read_from_the_rent_header():
    assert guess_mapping(["租金单价(元/㎡/天)"]).daily()
    assert not guess_mapping(["租金单价(元/㎡/月)"]).daily()


# -- files ---------------------------------------------------------------------------------


def _workbook(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_xlsx_under_a_title_keeps_its_row_numbers_and_skips_blank_and_total_lines(tmp_path):
    path = _workbook(tmp_path / "roll.xlsx", [
        ["某某园区 2026 年租金台账"],
        ["制表日期", datetime(2026, 12, 1)],
        [],
        ZH,
        ["HT-1", "甲公司", "A-101", 100.5, datetime(2026, 1, 5), None, datetime(2026, 2, 1),
         datetime(2027, 1, 31), 95, "月付"],
        [],
        ["HT-2", "乙公司", "A-102、A-103", 200, "2026/1/5", None, "2026-02-01", 20270131,
         "88.50", "季付"],
        ["合计", None, None, 300.5],
    ])
    sheet = read_rent_roll(path)
    assert (sheet.sheet, sheet.header_row) == ("台账", 4)
    assert [r.row_number for r in sheet.rows] == [5, 7]
    assert sheet.skipped == (6, 8)
    assert sheet.headers == tuple(ZH)
    first = sheet.rows[0].values
    assert first["合同编号"] == "HT-1" and first["签约日期"] == datetime(2026, 1, 5)
    assert first["交付日期"] is None
    row = parse_row(sheet.rows[1], sheet.mapping)
    assert not row.findings
    assert row.unit_codes == ("A-102", "A-103") and row.rate == D("88.5000")
    assert (row.signed_on, row.rent_starts_on, row.ends_on) == (
        date(2026, 1, 5), date(2026, 2, 1), date(2027, 1, 31))
    assert row.cycle is Cycle.QUARTERLY and row.starts_on == date(2026, 2, 1)


def test_a_gbk_csv_with_preamble_lines_is_read(tmp_path):
    path = tmp_path / "台账.csv"
    text = ("张江园区租金台账\r\n"
            "单位：元,,\r\n"
            + ",".join(ZH[:10]) + "\r\n"
            + "HT-1,上海甲科技有限公司,ZD-A-0101,125.40,2026-01-05,2026-02-01,2026-03-01,"
              "2029-02-28,\"1,095.00\",押二付三\r\n")
    path.write_bytes(text.encode("gbk"))
    sheet = read_rent_roll(path)
    assert sheet.header_row == 3 and sheet.sheet == ""
    [raw] = sheet.rows
    assert raw.row_number == 4 and raw.values["承租方"] == "上海甲科技有限公司"
    row = parse_row(raw, sheet.mapping)
    assert row.rate == D("1095.0000") and row.cycle is Cycle.QUARTERLY
    # delivery 1 February, rent from 1 March: the month between is the fit-out
    [fit_out] = row.rent_free
    assert (fit_out.starts_on, fit_out.ends_on, fit_out.kind) == (
        date(2026, 2, 1), date(2026, 2, 28), RentFreeKind.FIT_OUT)


def test_a_utf8_csv_with_bom_and_semicolons(tmp_path):
    path = tmp_path / "roll.csv"
    path.write_text("\ufeffcontract;tenant;unit;end;rent;start\nC-1;Acme;U-1;2027-01-31;80;"
                    "2026-02-01\n", encoding="utf-8")
    sheet = read_rent_roll(path)
    assert sheet.headers[0] == "contract" and sheet.rows[0].values["tenant"] == "Acme"
    assert not parse_row(sheet.rows[0], sheet.mapping).findings


def test_a_missing_required_column_is_named_and_can_be_left_to_a_person(tmp_path):
    path = _workbook(tmp_path / "roll.xlsx", [["合同编号", "承租方", "房号", "到期日"],
                                              ["HT-1", "甲", "A-1", "2027-01-01"]])
    with pytest.raises(RentRollError) as refused:
        read_rent_roll(path)
    assert refused.value.code == "rent-roll-columns-missing"
    assert refused.value.params["fields"] == "rent_starts_on, rate"
    assert "rent_starts_on, rate" in str(refused.value)
    sheet = read_rent_roll(path, require=False)
    assert sheet.unmapped_required == ("rent_starts_on", "rate") and len(sheet.rows) == 1
    with pytest.raises(RentRollError) as absent:
        read_rent_roll(path, {"rate": "单价"})
    assert absent.value.code == "rent-roll-no-column" and absent.value.params["column"] == "单价"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("roll.txt", b"a,b", "rent-roll-format"),
    ("roll.xlsx", b"PK\x03\x04 broken", "rent-roll-unreadable"),
    ("roll.csv", b"", "rent-roll-empty"),
    ("roll.csv", b"\x00\x01\x02", "rent-roll-unreadable"),
])
def test_files_that_cannot_be_read_are_refused_by_name(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RentRollError) as refused:
        read_rent_roll(path)
    assert refused.value.code == code and refused.value.params["file"] == name
    with pytest.raises(RentRollError) as gone:
        read_rent_roll(tmp_path / "nowhere.xlsx")
    assert gone.value.code == "rent-roll-no-file"


# -- cells -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", "2026 年 3 月 1 日", 20260301,
    "20260301", 46082, 46082.0, datetime(2026, 3, 1), date(2026, 3, 1),
    "2026-03-01 00:00:00"])
def test_dates_read_every_way_they_are_typed(value):
    assert read_date(value) == date(2026, 3, 1)


@pytest.mark.parametrize("value", ["1/3/2026", "明年三月", "2026-02-30", 12.5, True, "2026-13-01"])
def test_dates_that_say_nothing_sure_are_refused(value):
    with pytest.raises(ValueError):
        read_date(value)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日",
                        "{y}{m:02d}{d:02d}"]))
def test_any_date_in_any_written_form_reads_back(day, form):
    assert read_date(form.format(y=day.year, m=day.month, d=day.day)) == day
    if day >= date(1955, 1, 1):  # Excel's day numbers are taken from 20000 (1954-10-03) on
        assert read_date((day - date(1899, 12, 30)).days) == day


@given(st.decimals(min_value=0, max_value=10**9, places=2),
       st.sampled_from(["{:,}", "{}", "¥{:,}", "{}元", "{}元/㎡/月", "{}㎡", "{} m²", "RMB {}"]))
def test_any_amount_with_separators_and_units_reads_back(amount, form):
    assert read_decimal(form.format(amount)) == amount


@pytest.mark.parametrize(("value", "cycle"), [
    ("月付", Cycle.MONTHLY), ("按月支付", Cycle.MONTHLY), ("季付", Cycle.QUARTERLY),
    ("半年付", Cycle.HALF_YEARLY), ("年付", Cycle.YEARLY), ("押二付三", Cycle.QUARTERLY),
    ("押3付6", Cycle.HALF_YEARLY), ("押一付一", Cycle.MONTHLY), ("Quarterly", Cycle.QUARTERLY),
    ("semi-annual", Cycle.HALF_YEARLY), ("annually", Cycle.YEARLY), ("", None)])
def test_payment_cycles(value, cycle):
    assert read_cycle(value) is cycle


def test_cycles_it_cannot_bill_are_refused():
    for value in ("每周付", "押一付二", "weekly"):
        with pytest.raises(ValueError):
            read_cycle(value)


def test_rent_free_as_months_days_or_dates():
    start = date(2026, 1, 31)
    [months], counted = read_rent_free("3个月", start)
    assert (months.starts_on, months.ends_on, counted) == (start, date(2026, 4, 29), True)
    [days], _ = read_rent_free("90天", start)
    assert days.ends_on == start + timedelta(days=89)
    assert read_rent_free(2, start)[0][0].ends_on == date(2026, 3, 30)
    ranges, counted = read_rent_free("2026-03-01~2026-03-31；2027年3月1日至2027年3月15日", start)
    assert [(p.starts_on, p.ends_on) for p in ranges] == [
        (date(2026, 3, 1), date(2026, 3, 31)), (date(2027, 3, 1), date(2027, 3, 15))]
    assert not counted and ranges[0].kind is RentFreeKind.OTHER
    assert read_rent_free("无", start) == ([], False)
    for bad in ("1.5个月", "三个月", "2026-03-01~明年"):
        with pytest.raises(ValueError):
            read_rent_free(bad, start)


def test_escalations_a_cell_can_say():
    five = read_escalation("5%/年")
    assert five.kind is EscalationKind.FIXED_PERCENT and five.percent == 5
    assert read_escalation("每年递增3.5%").percent == D("3.5")
    assert read_escalation(0.04).percent == 4  # a percentage cell arrives as a fraction
    assert read_escalation(5).percent == 5
    amount = read_escalation("+2元/㎡/年")
    assert amount.kind is EscalationKind.FIXED_AMOUNT and amount.amount == 2
    assert read_escalation("无") is None and read_escalation("0%") is None
    for unsure in ("3%/2年", "每两年递增5%", "CPI", "3%-5%"):
        with pytest.raises(ValueError):
            read_escalation(unsure)


def test_deposits_as_amounts_or_months():
    assert read_deposit("60,000元") == (D("60000"), None)
    assert read_deposit(37620.5) == (D("37620.5"), None)
    assert read_deposit("3个月") == (None, D(3))
    assert read_deposit("押二") == (None, D(2))
    assert read_deposit(None) == (None, None)


def test_units_in_one_cell():
    assert split_units("A-101、A-102，A-103; A-104/A-105+A-106") == (
        "A-101", "A-102", "A-103", "A-104", "A-105", "A-106")
    assert split_units(None) == ()


# -- rows ----------------------------------------------------------------------------------


def _row(**cells):
    values = dict.fromkeys(ZH)
    values.update({"合同编号": "HT-1", "承租方": "甲", "房号": "A-1", "签约日期": "2026-01-05",
                   "交付日期": "2026-01-15", "起租日": "2026-04-15", "到期日": "2029-01-14",
                   "租金单价(元/㎡/月)": 100})
    values.update(cells)
    return parse_row(RawRow(9, values), guess_mapping(ZH))


def test_a_rent_free_in_months_that_is_the_fit_out_is_one_period():
    row = _row(**{"免租期": "3个月"})
    assert not row.findings
    assert [(p.starts_on, p.ends_on) for p in row.rent_free] == [
        (date(2026, 1, 15), date(2026, 4, 14))]


def test_a_rent_free_in_months_that_contradicts_the_dates_is_reported():
    row = _row(**{"免租期": "1个月"})
    [finding] = row.findings
    assert (finding.code, finding.field) == ("rent-free-conflict", "rent_free")
    assert finding.params == {"ends_on": "2026-02-14", "rent_starts_on": "2026-04-15"}


def test_a_range_elsewhere_in_the_term_adds_to_the_fit_out():
    row = _row(**{"免租期": "2027-01-01~2027-01-31"})
    assert [(p.starts_on, p.kind) for p in row.rent_free] == [
        (date(2026, 1, 15), RentFreeKind.FIT_OUT), (date(2027, 1, 1), RentFreeKind.OTHER)]


def test_every_empty_or_unreadable_cell_is_a_finding_naming_its_field():
    row = _row(**{"承租方": None, "到期日": "明年", "租金单价(元/㎡/月)": "面议", "递增": "CPI",
                  "交付日期": None, "起租日": None})
    said = {(f.code, f.field) for f in row.findings}
    assert said == {("missing-value", "tenant"), ("unparseable", "ends_on"),
                    ("unparseable", "rate"), ("unparseable", "escalation"),
                    ("missing-value", "rent_starts_on")}
    unreadable = next(f for f in row.findings if f.field == "rate")
    assert unreadable.params == {"field": "rate", "value": "面议"}
    assert "面议" in unreadable.message


def test_a_row_becomes_terms_with_its_clauses():
    row = _row(**{"付款方式": "季付", "递增": "5%", "押金": "2个月", "物业费单价(元/㎡/月)": "8元",
                  "免租期": "3个月"})
    terms = row_terms(row, D("125.40"))
    assert terms.starts_on == date(2026, 1, 15) and terms.ends_on == date(2029, 1, 14)
    assert terms.cycle is Cycle.QUARTERLY and terms.basis is Basis.PER_SQM_MONTH
    assert terms.escalation.percent == 5 and terms.charges[0].amount == D("8.0000")
    assert row_deposit(row, D("125.40")) == D("25080.00")
