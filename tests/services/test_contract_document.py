"""The contract document's facts and words: each clause kind in both languages, templates
checked line by line, and the files kept with a contract, on a real workspace."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from shapely.geometry import LineString, box
from sqlalchemy import func, select

from domain.assets import UnitType
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    LateFee,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import total
from services import contracts
from services.contract_document import (
    BILINGUAL,
    BLOCKS,
    FIELDS,
    LANGUAGES,
    PHRASES,
    TemplatePart,
    TemplateRefused,
    attach_file,
    chinese_amount,
    clause_texts,
    default_template,
    document_content,
    document_data,
    document_text,
    documents_of,
    english_amount,
    excerpt_bounds,
    pair_parts,
    pairing_problems,
    plan_floors,
    render_template,
    reset_template,
    set_template,
    store_document,
    template_of,
    template_problems,
)
from spatial.geometry import lines_to_wkb, polygon_to_wkb
from store.schema import DocumentTemplate, Floor, Park, Tenant, Unit
from store.workspace import Workspace
from tests.small_leases import example_a, lease_spec, open_small, park_id

D = Decimal
START, END = date(2026, 3, 1), date(2029, 2, 28)


def _spec(deposit: str = "0", **terms) -> ContractSpec:
    """A contract on paper only: 200 m² at 100.00 a month unless the terms say otherwise."""
    base = {"area": D(200), "rate": D(100), "starts_on": START, "ends_on": END, **terms}
    return ContractSpec(code="HT-T", tenant_id="t", tenant_name="租户", kind=UnitType.OFFICE,
                        signed_on=date(2026, 2, 1), units=(LetUnit("u", "ZD-A-0101", D(200)),),
                        terms=RentTerms(**base), deposit=D(deposit))


def _said(spec: ContractSpec, language: str) -> dict[str, str]:
    return {c.kind: c.text for c in clause_texts(spec, language)}


# -- the words of each clause kind ------------------------------------------------------------


def test_both_languages_have_every_phrase():
    assert set(PHRASES["zh_CN"]) == set(PHRASES["en"])
    for language in LANGUAGES:
        for key, text in PHRASES[language].items():
            list(string.Formatter().parse(text))  # each phrase is a well-formed template
            assert text.strip() or key == "space", key


def test_plain_monthly_rent_and_what_a_contract_without_clauses_says():
    zh, en = _said(_spec(), "zh_CN"), _said(_spec(), "en")
    assert zh["rent"] == ("租金单价为100.00元/平方米/月，计租面积200.00平方米，月租金20,000.00元。"
                          "租金及费用按月预付，计费期自租期起始日起算；不足一个月的按当月实际"
                          "天数折算。")
    assert en["rent"] == ("The rent is CNY 100.00 per m² per month on a billable area of "
                          "200.00 m², CNY 20,000.00 a month. Rent and charges are paid monthly "
                          "in advance; periods count from the start of the term; a part of a "
                          "month is prorated by its actual days.")
    assert list(zh) == ["rent", "rent_free", "escalation", "charges", "deposit", "due",
                        "late_fee"]
    assert zh["rent_free"] == "本合同无免租期。"
    assert en["rent_free"] == "There is no rent-free period."
    assert zh["escalation"] == "租期内租金单价不作调整。"
    assert zh["charges"] == "除租金外，本合同不收取其他固定费用。"
    assert zh["deposit"] == "本合同不收取租赁保证金。" and en["deposit"] == "No deposit is due."
    assert zh["due"] == "每期租金及费用应于该计费期首日支付。"
    assert zh["late_fee"] == "本合同未约定滞纳金。"


def test_rent_per_day_quarterly_calendar_and_thirty_day_months():
    per_day = _spec(rate=D(4), basis=Basis.PER_SQM_DAY, cycle=Cycle.QUARTERLY,
                    calendar_periods=True)
    assert _said(per_day, "zh_CN")["rent"] == (
        "租金单价为4.00元/平方米/日，计租面积200.00平方米，按实际天数计收，日租金800.00元。"
        "租金及费用按季预付，计费期按自然周期划分，首末两期按实际天数折算。")
    assert "CNY 4.00 per m² per day" in _said(per_day, "en")["rent"]
    thirty = _spec(thirty_day_months=True, cycle=Cycle.HALF_YEARLY)
    assert _said(thirty, "zh_CN")["rent"].endswith("按半年预付，计费期自租期起始日起算；"
                                                   "不足一个月的按每月30天折算。")
    assert "paid half-yearly in advance" in _said(thirty, "en")["rent"]
    assert "prorated over 30 days" in _said(thirty, "en")["rent"]


def test_rent_free_periods_of_each_kind_and_the_overlap_rule():
    spec = _spec(rent_free=(
        RentFree(date(2026, 3, 1), date(2026, 5, 31), RentFreeKind.FIT_OUT),
        RentFree(date(2026, 5, 1), date(2026, 5, 31), RentFreeKind.AFTER_OPENING),
        RentFree(date(2027, 1, 1), date(2027, 1, 10))),
        rent_free_rule=RentFreeRule.LONGER_WINS, charges=(Charge(ChargeKind.PROPERTY_FEE,
                                                                 D("12.5")),))
    zh, en = _said(spec, "zh_CN")["rent_free"], _said(spec, "en")["rent_free"]
    assert zh == ("装修免租期自2026年3月1日至2026年5月31日，共92天，免收租金；"
                  "开业免租期自2026年5月1日至2026年5月31日，共31天，免收租金；"
                  "免租期自2027年1月1日至2027年1月10日，共10天，免收租金"
                  "（免租期内物业费等其他费用照常收取）。多个免租期重叠的，仅适用其中较长者。")
    assert en.startswith("Fit-out rent-free period from 1 March 2026 to 31 May 2026 (92 days)")
    assert "Rent-free period after opening from 1 May 2026" in en
    assert en.endswith("(charges are billed as usual). Where rent-free periods overlap, only "
                       "the longer applies.")
    stacked = _spec(rent_free=spec.terms.rent_free[:2])
    assert _said(stacked, "zh_CN")["rent_free"].endswith("多个免租期重叠的，依次顺延累计。")
    assert "add up, one after the other" in _said(stacked, "en")["rent_free"]


@pytest.mark.parametrize(("clause", "zh", "en"), [
    (Escalation(EscalationKind.FIXED_PERCENT, percent=D("5")),
     "自租期起始日起每满一年，租金单价在上一年度基础上递增5%。",
     "On each anniversary of the start of the term the rent per m² rises by 5 % over the "
     "year before."),
    (Escalation(EscalationKind.FIXED_AMOUNT, amount=D("2.5")),
     "自租期起始日起每满一年，租金单价增加2.50元/平方米/月。",
     "On each anniversary of the start of the term the rent rises by CNY 2.50 per m² per "
     "month."),
    (Escalation(EscalationKind.STEPPED, steps=((date(2027, 3, 16), D("105")),
                                               (date(2028, 3, 1), D("110.125")))),
     "租金单价按下列阶梯执行：自2027年3月16日起为105.00元/平方米/月；"
     "自2028年3月1日起为110.125元/平方米/月。",
     "The rent per m² follows these steps: from 16 March 2027, CNY 105.00 per m² per month; "
     "from 1 March 2028, CNY 110.125 per m² per month."),
    (Escalation(EscalationKind.CPI_CHANGE, floor=D(2), cap=D(5)),
     "每年1月1日起，租金单价按上一年度居民消费价格指数（CPI）的涨幅调整，每年调整幅度不低于2%、"
     "不高于5%。当年所依据的指数尚未公布的，先按下限2%计收，公布后补收差额。",
     "Each year from 1 January, the rent per m² changes by the previous year's consumer price "
     "index (CPI) change, a yearly change of at least 2 % and at most 5 %. A year whose index "
     "is not yet published is billed at the floor of 2 %, and the difference is billed once "
     "it is."),
    (Escalation(EscalationKind.CPI_CHANGE, on_month=7, on_day=1, cap=D("4.5")),
     "每年7月1日起，租金单价按上一年度居民消费价格指数（CPI）的涨幅调整，每年调整幅度不高于4.5%。"
     "当年所依据的指数尚未公布的，先按原单价计收，公布后补收差额。",
     "Each year from 1 July, the rent per m² changes by the previous year's consumer price "
     "index (CPI) change, a yearly change of at most 4.5 %. A year whose index is not yet "
     "published is billed at the rent before, and the difference is billed once it is."),
    (Escalation(EscalationKind.CPI_RATIO, floor=D(0)),
     "每年1月1日起，租金单价调整为基期单价乘以上一年度居民消费价格指数（CPI）与租期开始前一年度"
     "指数之比，每年调整幅度不低于0%。当年所依据的指数尚未公布的，先按下限0%计收，公布后补收差额。",
     "Each year from 1 January, the rent per m² is the starting rent × the previous year's "
     "consumer price index (CPI) ÷ the index of the year before the term began, a yearly "
     "change of at least 0 %. A year whose index is not yet published is billed at the floor "
     "of 0 %, and the difference is billed once it is."),
])
def test_each_kind_of_escalation_in_both_languages(clause, zh, en):
    spec = _spec(escalation=clause)
    assert _said(spec, "zh_CN")["escalation"] == zh
    assert _said(spec, "en")["escalation"] == en


def test_tiers_and_coefficient_are_numbered_and_the_rent_points_at_the_bands():
    spec = _spec(area=D(800), rate=D(100), tiers=((D(500), D(100)), (D(700), D(95)),
                                                  (None, D(90))),
                 area_coefficient=D("1.1"))
    zh = clause_texts(spec, "zh_CN")
    assert [c.kind for c in zh][:3] == ["rent", "tiers", "coefficient"]
    said = {c.kind: c.text for c in zh}
    # 880 m² billed: 500 × 100 + 200 × 95 + 180 × 90 = 85,200.00 a month
    assert said["rent"].startswith("租金按第2项分档计价，月租金85,200.00元。")
    assert said["tiers"] == ("计租面积分档计价：首500.00平方米按100.00元/平方米/月；"
                             "500.00平方米至700.00平方米的部分按95.00元/平方米/月；"
                             "超过700.00平方米的部分按90.00元/平方米/月。")
    assert said["coefficient"] == "计费面积按计租面积乘以系数1.1计算，为880.00平方米。"
    en = {c.kind: c.text for c in clause_texts(spec, "en")}
    assert en["rent"].startswith("The rent is priced by the area bands of clause 2, "
                                 "CNY 85,200.00 a month.")
    assert en["tiers"] == ("The billable area is priced in bands: the first 500.00 m² at CNY "
                           "100.00 per m² per month; 500.00 m² to 700.00 m² at CNY 95.00 per m² "
                           "per month; above 700.00 m² at CNY 90.00 per m² per month.")
    assert en["coefficient"] == "The area billed is the billable area × 1.1, 880.00 m²."


def test_turnover_natural_artificial_banded_and_bounded():
    natural = _said(_spec(turnover=Turnover(D("0.08"))), "zh_CN")["turnover"]
    assert natural == ("每个自然月的租金为保底租金加上当月营业额超过自然保底点（保底租金÷提成比例）"
                       "部分的提成（提成比例8%），即保底租金与提成租金孰高。乙方应按月如实申报营业额。")
    assert "above the natural breakpoint (base rent ÷ rate) at 8 %" in _said(
        _spec(turnover=Turnover(D("0.08"))), "en")["turnover"]
    banded = Turnover(D("0.08"), breakpoint=D(400000), tiers=(
        (D(1000000), D("0.08")), (None, D("0.10"))), minimum=D(1000), maximum=D(50000))
    zh = _said(_spec(turnover=banded), "zh_CN")["turnover"]
    assert "超过400,000.00元部分的提成（超出部分首1,000,000.00元按8%；其余按10%）" in zh
    assert "；每月提成部分不低于1,000.00元、不高于50,000.00元。" in zh
    en = _said(_spec(turnover=banded), "en")["turnover"]
    assert ("above CNY 400,000.00 (the first CNY 1,000,000.00 above it at 8 %; the rest at "
            "10 %)") in en
    assert "at least CNY 1,000.00 and at most CNY 50,000.00 a month" in en
    assert "turnover" not in _said(_spec(), "en")  # no clause, no article


def test_charges_deposit_due_and_late_fee():
    spec = _spec(deposit="60000", charges=(
        Charge(ChargeKind.PROPERTY_FEE, D("12.5")),
        Charge(ChargeKind.SERVICE, D(800), per_sqm=False, name="空调"),
        Charge(ChargeKind.PARKING, D(600), per_sqm=False)),
        due=DueRule(DueKind.DAYS_BEFORE, 15),
        late_fee=LateFee(D("0.0005"), capped=True, grace_days=5, from_due_date=True))
    zh, en = _said(spec, "zh_CN"), _said(spec, "en")
    assert zh["charges"] == ("物业管理费按12.50元/平方米/月计收，每月2,500.00元；空调每月800.00元；"
                             "停车费每月600.00元，与租金同期支付。")
    assert en["charges"] == ("Property management fee at CNY 12.50 per m² per month, CNY "
                             "2,500.00 a month; 空调 of CNY 800.00 a month; Parking of CNY 600.00 "
                             "a month, paid with the rent.")
    assert zh["deposit"].startswith("乙方应于签订本合同时向甲方支付租赁保证金60,000.00元")
    assert en["deposit"].startswith("The Tenant pays a deposit of CNY 60,000.00 on signing")
    assert zh["due"] == "每期租金及费用应于该计费期开始前15日支付。"
    assert en["due"] == "Rent and charges for each period are due 15 days before it starts."
    assert zh["late_fee"] == ("乙方逾期支付的，每逾期一日按逾期金额的0.05%支付滞纳金（宽限5日，"
                              "宽限期内付清的不计；超过宽限期的，自应付日起计），"
                              "滞纳金总额以逾期金额为限。")
    assert en["late_fee"] == ("An amount paid late bears a late fee of 0.05 % of it for each "
                              "day late (paid within 5 days of the due date: no fee; paid later: "
                              "counted from the due date), never more than the amount overdue.")
    monthly = _spec(due=DueRule(DueKind.DAY_OF_MONTH, 25),
                    late_fee=LateFee(D("0.001"), capped=False))
    assert _said(monthly, "zh_CN")["due"] == "每期租金及费用应于该计费期开始前一个月的25日前支付。"
    assert _said(monthly, "en")["due"] == ("Rent and charges for each period are due on day 25 "
                                           "of the month before it starts.")
    assert _said(monthly, "zh_CN")["late_fee"] == (
        "乙方逾期支付的，每逾期一日按逾期金额的0.1%支付滞纳金。")


def test_amounts_in_words():
    assert chinese_amount(D("696600.00")) == "陆拾玖万陆仟陆佰元整"
    assert chinese_amount(D("201000")) == "贰拾万壹仟元整"
    assert chinese_amount(D("100050000")) == "壹亿零伍万元整"
    assert chinese_amount(D("1010.10")) == "壹仟零壹拾元壹角整"
    assert chinese_amount(D("1.05")) == "壹元零伍分"
    assert chinese_amount(D("0")) == "零元整"
    assert english_amount(D("1234567.05")) == (
        "CNY one million two hundred thirty-four thousand five hundred sixty-seven and 05/100")


# -- templates ------------------------------------------------------------------------------


def test_the_default_templates_are_clean_and_place_every_block():
    for language in LANGUAGES:
        body = default_template(language)
        assert template_problems(body) == []
        for block in BLOCKS:
            assert "{" + block + "}" in body


def test_an_unknown_placeholder_is_reported_with_its_line_never_left_blank():
    body = ("# 合同\n\n承租方：{tenant_nme}\n\n{units_table}\n地址 {signatures} 在此\n"
            "{x:>4} {{ok}}\n{")
    found = {(p.code, p.params.get("name"), p.params.get("line"))
             for p in template_problems(body)}
    assert ("unknown-placeholder", "tenant_nme", "3") in found
    assert ("block-inline", "signatures", "6") in found
    assert ("placeholder-format", "x", "7") in found
    assert any(code == "malformed" and line == "8" for code, _, line in found)
    assert not any(name == "units_table" for _, name, _ in found)  # a block alone is fine
    assert not any(name == "ok" for _, name, _ in found)  # {{ and }} are braces


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    with workspace.transaction() as s:
        park = s.scalar(select(Park))
        park.city, park.address = "上海市", "浦东新区张江路100号"
        tenant = s.scalar(select(Tenant))
        tenant.contact_name, tenant.contact_phone = "王经理", "021-5555 0101"
    yield workspace
    workspace.close()


def _signed(ws: Workspace) -> tuple[object, object]:
    spec = lease_spec(ws, code="HT-2026-0100", deposit=D("75240.00"),
                      **example_a(START, charges=True))
    return contracts.create_signed(ws, park_id(ws), spec), park_id(ws)


def test_the_document_holds_parties_units_clauses_and_the_whole_schedule(ws):
    cid, _park_id = _signed(ws)
    with ws.reading() as s:
        data = document_data(s, cid, "zh_CN")
        schedule = contracts.schedule_of(s, cid)
    whole = total(schedule.lines, None)
    assert whole == total(schedule.lines) + total(schedule.lines, "property_fee")
    assert data.total == whole and data.total_text == f"{whole:,.2f}"
    assert data.landlord.name == "张江测试园" and data.tenant.name == "上海云帆智能科技有限公司"
    assert data.fields["landlord_address"] == "上海市浦东新区张江路100号"
    assert [(u.code, u.building, u.floor, u.area_text) for u in data.units] == [
        ("ZD-A-0103", "A栋 办公楼", "1F", "125.40")]
    assert len(data.schedule) == len(schedule.lines) == 24  # 12 quarters: rent and the fee
    assert data.schedule[0].why == "免租" and data.schedule[1].charge == "物业管理费"
    assert data.totals[-1] == ("总计", data.total_text)
    assert data.fields["schedule_total_words"] == chinese_amount(whole)
    assert data.version == 1 and data.template_source == "default"
    assert data.plan == ()  # the small park's units have no outlines
    text = render_template(data.template, data)
    for expected in ("合同编号：HT-2026-0100", "出租方（甲方）：张江测试园", "ZD-A-0103",
                     f"合计{data.total_text}元", "1. 租金：", "装修免租期自2026年3月1日",
                     "（所租单元尚无平面图。）", "名称：上海云帆智能科技有限公司"):
        assert expected in text, expected
    assert "{" not in text
    with ws.reading() as s:
        data_en = document_data(s, cid, "en")
    english = render_template(data_en.template, data_en)
    assert "Landlord: 张江测试园" in english and f"CNY {data.total_text} in all" in english


def test_a_parks_template_is_used_checked_and_reset(ws):
    cid, park_id = _signed(ws)
    bad = "# 租赁合同\n\n承租方：{tenant_nme}\n"
    with pytest.raises(TemplateRefused) as refused:
        set_template(ws, park_id, "zh_CN", bad)
    assert [(p.code, p.params["name"], p.params["line"]) for p in refused.value.problems] == [
        ("unknown-placeholder", "tenant_nme", "3")]
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(DocumentTemplate)) == 0
    own = ("# 租赁合同（园区版）\n\n承租方：{tenant_name}，合计{schedule_total}。\n\n"
           "{schedule_table}\n")
    set_template(ws, park_id, "zh_CN", own)
    set_template(ws, park_id, "zh_CN", own)  # saved again: still one row
    with ws.reading() as s:
        assert template_of(s, park_id, "zh_CN") == (own, "park")
        assert template_of(s, park_id, "en")[1] == "default"
        data = document_data(s, cid, "zh_CN")
        assert s.scalar(select(func.count()).select_from(DocumentTemplate)) == 1
    assert data.title == "租赁合同（园区版）" and data.template_source == "park"
    assert [p.kind for p in data.parts] == ["title", "paragraph", "block"]
    assert data.parts[1].text == f"承租方：上海云帆智能科技有限公司，合计{data.total_text}元。"
    # a preview of an edit with a typo is refused, not blanked
    with ws.reading() as s, pytest.raises(TemplateRefused):
        document_data(s, cid, "zh_CN", template=bad)
    reset_template(ws, park_id, "zh_CN")
    with ws.reading() as s:
        assert template_of(s, park_id, "zh_CN") == (default_template("zh_CN"), "default")


def test_generated_and_attached_files_are_kept_with_the_contract(ws, tmp_path):
    cid, _ = _signed(ws)
    pdf = b"%PDF-1.4 generated"
    doc_id = store_document(ws, cid, pdf, "HT-2026-0100-v1-zh_CN.pdf", on=date(2026, 2, 1))
    scan = tmp_path / "signed scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff jpeg")
    note = tmp_path / "letter.unknownext"
    note.write_bytes(b"x")
    scan_id = attach_file(ws, cid, scan, on=date(2026, 2, 2))
    attach_file(ws, cid, note, on=date(2026, 2, 3))
    with ws.reading() as s:
        docs = documents_of(s, cid)
        assert document_content(s, doc_id) == pdf
        assert document_content(s, scan_id) == scan.read_bytes()
    assert [(d.name, d.kind, d.media_type, d.version, d.size) for d in docs] == [
        ("letter.unknownext", "attached", "application/octet-stream", 1, 1),
        ("signed scan.jpg", "attached", "image/jpeg", 1, len(scan.read_bytes())),
        ("HT-2026-0100-v1-zh_CN.pdf", "generated", "application/pdf", 1, len(pdf))]


def test_every_placeholder_has_a_value(ws):
    cid, _ = _signed(ws)
    with ws.reading() as s:
        for language in LANGUAGES:
            data = document_data(s, cid, language)
            assert set(FIELDS) <= set(data.fields)
            assert all(data.fields[name] for name in FIELDS), language


# -- the plan excerpt's window ------------------------------------------------------------------


@pytest.mark.parametrize(("let", "floor", "window"), [
    # a 10 m unit on a 100 m floor: 3 m around it (15 % of 10 m is less), then widened about
    # its middle to the excerpt's proportion (as tall as 0.6 of its width)
    ((40, 10, 50, 20), (0, 0, 100, 60), (45 - 8 / 0.6, 7, 45 + 8 / 0.6, 23)),
    # 40 × 15 m let: 15 % of 40 m (6 m) around them; wide enough as it is
    ((10, 10, 50, 25), (0, 0, 200, 100), (4, 4, 56, 31)),
    # in the floor's corner: kept on the floor, widened away from its edge
    ((0, 0, 10, 10), (0, 0, 100, 60), (0, 0, 13 / 0.6, 13)),
    # a narrow floor: widened only as far as the floor goes
    ((0, 0, 10, 10), (0, 0, 12, 100), (0, 0, 12, 13)),
    # the units and their margin cover most of the floor: the whole floor
    ((0, 0, 90, 50), (0, 0, 100, 60), None),
    ((5, 5, 25, 12), (0, 0, 30, 15), None),  # 30 × 15 of 30 × 15
    ((0, 0, 1, 1), (0, 0, 0, 0), None),  # nothing drawn: nothing to crop
])
def test_the_excerpt_shows_the_units_let_and_a_margin(let, floor, window):
    found = excerpt_bounds(let, floor)
    assert found == (None if window is None else pytest.approx(window))


def test_the_excerpts_margin_and_thresholds_are_parameters():
    assert excerpt_bounds((40, 10, 50, 20), (0, 0, 100, 60), least=1, tallest=10) == (
        pytest.approx((38.5, 8.5, 51.5, 21.5)))
    assert excerpt_bounds((40, 10, 50, 20), (0, 0, 100, 60), whole=0.01) is None


@given(st.data())
def test_the_excerpt_holds_the_units_let_within_the_floor(data):
    coordinate = st.floats(min_value=-500, max_value=500, allow_nan=False)
    x0, x1 = sorted(data.draw(st.tuples(coordinate, coordinate)))
    y0, y1 = sorted(data.draw(st.tuples(coordinate, coordinate)))
    assume(x1 - x0 > 1 and y1 - y0 > 1)
    fx = data.draw(st.floats(min_value=x0, max_value=x1))
    fy = data.draw(st.floats(min_value=y0, max_value=y1))
    lx = sorted((fx, data.draw(st.floats(min_value=x0, max_value=x1))))
    ly = sorted((fy, data.draw(st.floats(min_value=y0, max_value=y1))))
    let, floor = (lx[0], ly[0], lx[1], ly[1]), (x0, y0, x1, y1)
    window = excerpt_bounds(let, floor)
    if window is None:  # shown whole: the window would have been most of the floor
        return
    wx0, wy0, wx1, wy1 = window
    eps = 1e-6
    assert x0 - eps <= wx0 <= let[0] + eps and let[2] - eps <= wx1 <= x1 + eps
    assert y0 - eps <= wy0 <= let[1] + eps and let[3] - eps <= wy1 <= y1 + eps
    margin = max(3.0, 0.15 * max(let[2] - let[0], let[3] - let[1]))
    for inner, outer, edge in ((let[0] - wx0, margin, let[0] - x0),
                               (wx1 - let[2], margin, x1 - let[2]),
                               (let[1] - wy0, margin, let[1] - y0),
                               (wy1 - let[3], margin, y1 - let[3])):
        assert inner >= min(outer, edge) - eps  # the margin, unless the floor ends first
    # never taller than the printed excerpt, unless the floor is too narrow to widen it
    assert wy1 - wy0 <= 0.6 * (wx1 - wx0) + eps or wx1 - wx0 >= x1 - x0 - eps
    assert (wx1 - wx0) * (wy1 - wy0) < 0.6 * (x1 - x0) * (y1 - y0)


# -- the bilingual document -------------------------------------------------------------------


def test_the_bilingual_phrases_fill_as_the_chinese_ones_do():
    for key, text in PHRASES[BILINGUAL].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(
            PHRASES["zh_CN"][key]) if name}, key
    assert PHRASES["zh_CN"]["governing"] == "本合同中英文版本如有不一致，以中文版本为准。"
    assert PHRASES["en"]["governing"] == ("Should the Chinese and English versions differ, "
                                          "the Chinese version prevails.")


def test_the_bilingual_document_pairs_the_two_documents(ws):
    cid, _ = _signed(ws)
    with ws.reading() as s:
        data = document_data(s, cid, BILINGUAL)
        zh = document_data(s, cid, "zh_CN")
        en = document_data(s, cid, "en")
    assert data.language == BILINGUAL and data.second == en
    # the facts and fields are the Chinese document's: the Chinese governs
    assert data.fields == zh.fields and data.units == zh.units and data.total == zh.total
    assert data.title == "房屋租赁合同 Lease Agreement"
    # every heading and paragraph of the Chinese, each with the English beneath
    assert [p.text for p in data.parts if p.kind != "block"][:-1] == [
        p.text for p in zh.parts if p.kind != "block"]
    assert [p.second for p in data.parts if p.kind != "block"][:-1] == [
        p.text for p in en.parts if p.kind != "block"]
    assert [p.text for p in data.parts if p.kind == "block"] == list(BLOCKS)
    # the governing-language clause, in both, right before the signatures
    governing = data.parts[-2]
    assert (governing.kind, governing.text, governing.second) == (
        "paragraph", PHRASES["zh_CN"]["governing"], PHRASES["en"]["governing"])
    assert data.parts[-1] == TemplatePart("block", "signatures")
    # clauses in both; the tables' words stacked, a figure or a code said once
    assert [(c.title, c.text, c.second_title, c.second_text) for c in data.clauses] == [
        (a.title, a.text, b.title, b.text) for a, b in zip(zh.clauses, en.clauses, strict=True)]
    assert data.words["col-code"] == "单元编号\nUnit"
    assert data.words["col-amount"] == "金额（元）\nAmount (CNY)"
    assert data.words["sign-name"].format(name="X") == "名称 Name：X"
    assert data.words["page"].format(page=1, pages=4) == "第 1 页，共 4 页 · Page 1 of 4"
    assert (data.landlord.role, data.tenant.role) == ("出租方（甲方）\nLandlord",
                                                      "承租方（乙方）\nTenant")
    first, fee = data.schedule[:2]
    assert (first.charge, first.why) == ("租金\nRent", "免租\nrent-free")
    assert (fee.charge, fee.amount_text) == ("物业管理费\nProperty management fee",
                                             zh.schedule[1].amount_text)
    assert [r.period for r in data.schedule] == [r.period for r in zh.schedule]
    assert data.totals[-1] == ("总计\nTotal", zh.total_text)
    text = document_text(data)
    # both wordings of the total: the Chinese template's 大写, the English template's words
    assert f"（大写：{chinese_amount(zh.total)}）" in text
    assert f"({english_amount(zh.total)})" in text
    assert "第一条　租赁房屋\n1. Premises" in text
    assert "1. 租金：租金单价为100.00元/平方米/月" in text
    assert "\nRent. The rent is CNY 100.00 per m² per month" in text
    assert "总计 / Total\t" + zh.total_text in text
    assert "{" not in text


def test_a_section_whose_paragraphs_do_not_pair_prints_the_chinese_then_the_english():
    zh = (TemplatePart("title", "合同"), TemplatePart("paragraph", "甲"),
          TemplatePart("paragraph", "乙"), TemplatePart("block", "units_table"),
          TemplatePart("heading", "第一条"), TemplatePart("paragraph", "丙"))
    en = (TemplatePart("title", "Lease"), TemplatePart("paragraph", "A and B"),
          TemplatePart("block", "units_table"), TemplatePart("heading", "1."),
          TemplatePart("paragraph", "C"))
    parts, problems = pair_parts(zh, en)
    assert problems == []
    assert parts == (
        TemplatePart("title", "合同"), TemplatePart("paragraph", "甲"),
        TemplatePart("paragraph", "乙"), TemplatePart("title", "", "Lease"),
        TemplatePart("paragraph", "", "A and B"), TemplatePart("block", "units_table"),
        TemplatePart("heading", "第一条", "1."), TemplatePart("paragraph", "丙", "C"),
        # no signatures block: the governing clause ends the document
        TemplatePart("paragraph", PHRASES["zh_CN"]["governing"], PHRASES["en"]["governing"]))


def test_templates_that_do_not_pair_are_named_by_section():
    zh, en = default_template("zh_CN"), default_template("en")
    assert pairing_problems(zh, en) == []
    fewer = en.replace("## 5. Other terms\n\n", "")
    assert [(p.code, dict(p.params)) for p in pairing_problems(zh, fewer)] == [
        ("unpaired-sections", {"zh_CN": "5", "en": "4"})]
    moved = en.replace("{plan_excerpt}\n", "").replace("{term_clause}\n",
                                                       "{term_clause}\n\n{plan_excerpt}\n")
    assert [(p.code, dict(p.params)) for p in pairing_problems(zh, moved)] == [
        ("unpaired-blocks", {"section": "1", "heading": "第一条　租赁房屋",
                             "zh_CN": "units_table, plan_excerpt", "en": "units_table"}),
        ("unpaired-blocks", {"section": "2", "heading": "第二条　租赁期限",
                             "zh_CN": "-", "en": "plan_excerpt"})]
    assert pairing_problems(zh, "# Lease\n\n{tenant}\n") == []  # its own problem, not this


def test_a_bilingual_document_is_refused_naming_the_template_at_fault(ws):
    cid, park_id = _signed(ws)
    with ws.transaction() as s:  # as an older version might have left it
        s.add(DocumentTemplate(park_id=park_id, name="standard", language="en",
                               body="# Lease\n\nTenant: {tenant}\n"))
    with ws.reading() as s, pytest.raises(TemplateRefused) as refused:
        document_data(s, cid, BILINGUAL)
    assert [(p.code, dict(p.params)) for p in refused.value.problems] == [
        ("unknown-placeholder", {"name": "tenant", "line": "3", "template": "en"})]
    set_template(ws, park_id, "en", default_template("en").replace("## 2. Term\n", ""))
    with ws.reading() as s, pytest.raises(TemplateRefused) as refused:
        document_data(s, cid, BILINGUAL)
    assert [p.code for p in refused.value.problems] == ["unpaired-sections"]
    with ws.reading() as s, pytest.raises(ValueError):
        document_data(s, cid, BILINGUAL, template="# 合同\n")
    with ws.reading() as s, pytest.raises(TemplateRefused):
        document_data(s, cid, "fr")


def test_the_plan_of_a_drawn_floor_is_cropped_to_the_units_let(ws):
    cid, _ = _signed(ws)
    with ws.transaction() as s:  # ZD-A-0103 drawn 10 × 12 m in the corner of a 60 × 30 m floor
        unit = s.scalar(select(Unit).where(Unit.code == "ZD-A-0103"))
        unit.geometry = polygon_to_wkb(box(0, 0, 10, 12))
        s.get(Floor, unit.floor_id).background = lines_to_wkb(
            LineString([(0, 0), (60, 0), (60, 30), (0, 30), (0, 0)]))
    with ws.reading() as s:
        [floor] = plan_floors(s, cid)
        [bilingual] = document_data(s, cid, BILINGUAL).plan
    assert floor.let_codes == ("ZD-A-0103",)
    assert floor.window == pytest.approx((0, 0, 15 / 0.6, 15))
    assert bilingual.window == floor.window


def test_a_quarters_turnover_says_each_months_sales_a_months_line_does_not():
    from domain.leasing.schedule import Reason, ScheduleLine
    from services.contract_document import _Words, schedule_rows

    def turnover(month: str, sales: str, amount: str) -> Reason:
        return Reason("turnover", {"month": month, "sales": sales, "amount": amount})

    quarter = ScheduleLine(date(2026, 4, 1), date(2026, 6, 30), date(2026, 4, 1), D("42000"), (
        Reason("base", {}), turnover("2026-04-01", "300000", "1000"),
        turnover("2026-05-01", "300000", "1000"),  # the same figures: still its own month
        Reason("sales-missing", {"month": "2026-06-01"})))
    month = ScheduleLine(date(2026, 4, 1), date(2026, 4, 30), date(2026, 4, 1), D("13000"),
                         (turnover("2026-04-01", "300000", "1000"),))
    zh = schedule_rows(_Words("zh_CN", "CNY"), [quarter, month])
    assert [r.why for r in zh] == [
        "2026-04营业额300,000.00，提成1,000.00，2026-05营业额300,000.00，提成1,000.00，"
        "2026-06营业额未申报", "营业额300,000.00，提成1,000.00"]
    en = schedule_rows(_Words("en", "CNY"), [quarter, month])
    assert [r.why for r in en] == [
        "2026-04: sales 300,000.00: turnover 1,000.00; 2026-05: sales 300,000.00: turnover "
        "1,000.00; 2026-06: sales not reported", "sales 300,000.00: turnover 1,000.00"]
