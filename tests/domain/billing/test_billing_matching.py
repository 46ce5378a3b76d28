"""Matching bank lines to tenants and bills: AUTO only when payer, reference and amount all
agree; everything else proposed with its reasons, or unmatched with why."""

from __future__ import annotations

import doctest
import random
import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.billing.matching
from demo.plan import make_tenant
from domain.billing.allocation import allocate
from domain.billing.balances import (
    AllocationEntry,
    BillEntry,
    OpenItem,
    PaymentEntry,
    ledger_problems,
)
from domain.billing.bills import bill_number
from domain.billing.matching import (
    CHARGE_TAGS,
    Match,
    MatchIndex,
    Outcome,
    TenantNames,
    bill_reference,
    match_all,
    match_payment,
    normalise_name,
    similarity,
)

D = Decimal


def u(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


DINGSHENG = TenantNames(u(1), "上海鼎盛科技有限公司", "鼎盛科技", ("张伟",),
                        ("HT-2026-0001", "HT-2026-0005"))
HUARUI = TenantNames(u(2), "华瑞生物医药（上海）有限公司", "华瑞生物", (), ("HT-2026-0002",))
HUARUI_BJ = TenantNames(u(3), "华瑞生物医药（北京）有限公司", "华瑞北京", (), ("HT-2026-0003",))
TENANTS = [DINGSHENG, HUARUI, HUARUI_BJ]


def item(n: int, tenant: TenantNames, code: str, charge: str, month: int,
         amount: str) -> OpenItem:
    period = date(2026, month, 1)
    return OpenItem(u(n), tenant.id, uuid.uuid5(uuid.NAMESPACE_URL, code), code, charge, period,
                    period - timedelta(days=5), D(amount), D(amount))


def park_items() -> list[OpenItem]:
    return [
        item(10, DINGSHENG, "HT-2026-0001", "rent", 6, "10000.00"),
        item(11, DINGSHENG, "HT-2026-0001", "property_fee", 6, "1500.00"),
        item(12, DINGSHENG, "HT-2026-0001", "rent", 7, "10000.00"),
        item(13, DINGSHENG, "HT-2026-0001", "property_fee", 7, "1500.00"),
        item(14, DINGSHENG, "HT-2026-0005", "rent", 7, "3000.00"),
        item(20, HUARUI, "HT-2026-0002", "rent", 7, "8000.00"),
        item(21, HUARUI, "HT-2026-0002", "electricity", 7, "1234.56"),
        item(30, HUARUI_BJ, "HT-2026-0003", "rent", 7, "8000.00"),
    ]


def paid(amount: str, payer: str, remarks: str = "", n: int = 99,
         on: date = date(2026, 6, 20)) -> PaymentEntry:
    return PaymentEntry(u(n), D(amount), on, payer, remarks)


def match(payment: PaymentEntry, items: list[OpenItem] | None = None) -> Match:
    return match_payment(payment, MatchIndex(TENANTS, park_items() if items is None else items))


def parts(found: Match) -> list[tuple[int, str]]:
    return [(p.bill_id.int, str(p.amount)) for p in found.parts]


def reason_codes(found: Match, candidate: int = 0) -> list[str]:
    return [r.code for r in found.candidates[candidate].reasons]


def test_the_module_examples_hold():
    assert doctest.testmod(domain.billing.matching).failed == 0


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "registered"), [
    ("上海鼎盛科技有限责任公司", "上海鼎盛科技有限公司"),
    ("上海鼎盛科技股份有限公司", "上海鼎盛科技有限公司"),
    ("上海鼎盛科技（股份）有限公司", "上海鼎盛科技股份有限公司"),
    ("上海鼎盛科技(股份)有限公司", "上海鼎盛科技有限公司"),
    ("华瑞生物医药(上海)有限公司", "华瑞生物医药（上海）有限公司"),
    ("华瑞生物医药上海有限公司", "华瑞生物医药（上海）有限公司"),
    ("华瑞生物医药【上海】有限公司", "华瑞生物医药（上海）有限公司"),
    ("上海 鼎盛科技 有限公司", "上海鼎盛科技有限公司"),
    ("上海鼎盛科技有限公司\u3000", "上海鼎盛科技有限公司"),
    ("上海鼎盛科技有限公司6222021001123456789", "上海鼎盛科技有限公司"),  # 对手信息 + account
    ("上海鼎盛科技有限公司 6222 0210 0112 3456", "上海鼎盛科技有限公司"),
    ("上海鼎盛科技有限公司　", "上海鼎盛科技有限公司"),
    ("ＡＢＣ（中国）投资有限公司", "ABC(中国)投资有限公司"),
    ("Acme Trading Co., Ltd.", "ACME TRADING COMPANY LIMITED"),
    ("Acme  Trading  Co Ltd", "Acme Trading Co., Ltd."),
    ("上海·鼎盛科技有限公司", "上海鼎盛科技有限公司"),
])
def test_a_name_written_another_way_is_the_same_name(written, registered):
    assert normalise_name(written) == normalise_name(registered)


@pytest.mark.parametrize(("one", "other"), [
    ("华瑞生物医药（上海）有限公司", "华瑞生物医药（北京）有限公司"),  # another branch
    ("上海鼎盛科技有限公司", "上海鼎盛信息科技有限公司"),
    ("上海鼎盛科技有限公司", "上海鼎盛科技有限公司北京分公司"),
    ("上海鼎盛科技有限公司", "鼎盛科技"),  # the short name is not the legal name
    ("上海鼎盛科技有限公司（1）", "上海鼎盛科技有限公司（2）"),  # the demo's numbered names
])
def test_different_companies_stay_different(one, other):
    assert normalise_name(one) != normalise_name(other)


def test_similarity_is_explainable_character_pairs_in_common():
    # 鼎盛 盛科 科技 技上 上海 / 上海 海鼎 鼎盛 盛科 科技: 4 of 5 + 5 pairs
    assert similarity("鼎盛科技（上海）有限公司", "上海鼎盛科技有限公司") == D("0.80")
    assert similarity("上海鼎盛科技有限责任公司", "上海鼎盛科技有限公司") == D("1.00")
    assert similarity("上海鼎盛科技有限公司", "北京华瑞生物医药有限公司") == D("0.00")
    assert similarity("", "上海鼎盛科技有限公司") == D("0.00")
    # the legal form is left off: it would make every two companies look alike
    assert similarity("甲有限公司", "乙有限公司") == D("0.00")


# -- bill numbers ---------------------------------------------------------------------------


def test_a_bill_number_is_contract_period_and_charge():
    assert bill_reference("HT-2026-0001", date(2026, 7, 1), "rent") == "HT-2026-0001-2607-R"
    assert bill_reference("HT-2026-0001", date(2026, 7, 15), "property_fee") == \
        "HT-2026-0001-260715-PF"
    assert bill_reference("HT-2026-0001", date(2026, 7, 1), "service:空调") == \
        "HT-2026-0001-2607-S空调"
    assert bill_reference("HT-2026-0001", date(2026, 7, 1), "turnover") == \
        "HT-2026-0001-2607-XTURNOVER"


def test_the_house_tags_are_distinct():
    assert len(set(CHARGE_TAGS.values())) == len(CHARGE_TAGS)


@given(st.lists(st.tuples(st.dates(date(2020, 1, 1), date(2035, 12, 31)),
                          st.sampled_from([*CHARGE_TAGS, "service:空调", "service:能耗",
                                           "other:广告位"])), unique=True, max_size=40))
def test_distinct_bills_of_a_contract_have_distinct_numbers(bills):
    numbers = {bill_reference("HT-2026-0001", period, charge) for period, charge in bills}
    assert len(numbers) == len(bills)


# -- AUTO -----------------------------------------------------------------------------------


def test_payer_contract_and_a_months_bills_make_an_automatic_allocation():
    found = match(paid("11500.00", "上海鼎盛科技有限公司", "HT-2026-0001 6月租金物业费"))
    assert (found.outcome, found.confidence, found.reasons) == (Outcome.AUTO, 100, ())
    assert parts(found) == [(10, "10000.00"), (11, "1500.00")]
    assert reason_codes(found) == ["payer-name", "names-contract", "amount-exact"]
    assert found.candidates[0].remainder == D("0.00")


def test_a_bill_number_and_its_amount_pay_that_bill_even_with_an_older_one_open():
    found = match(paid("10000.00", "上海鼎盛科技有限责任公司", "付HT-2026-0001-2607-R"))
    assert found.outcome is Outcome.AUTO
    assert parts(found) == [(12, "10000.00")]  # July's rent: the payer said which
    assert found.candidates[0].reasons[1].params["bills"] == "HT-2026-0001-2607-R"


@pytest.mark.parametrize("remarks", [
    "ＨＴ－２０２６－０００１",  # full width
    "ht-2026-0001 租金",
    "HT20260001",  # without its dashes
    "HT2026-0001",  # some of them
    "HT_2026_0001",
    "合同号:HT-2026-0001,6月",
    "HT—2026—0001",  # an em dash from a Chinese input method
])
def test_a_contract_code_is_found_however_it_is_typed(remarks):
    found = match(paid("11500.00", "上海鼎盛科技有限公司", remarks))
    assert found.outcome is Outcome.AUTO, found


def test_a_bill_number_is_found_with_dashes_missing():
    for remarks in ("HT-2026-0001-2607R", "HT202600012607R", "ht 2026 0001"):
        found = match(paid("10000.00", "上海鼎盛科技有限公司", remarks))
        if remarks.startswith("ht "):  # spaces split a code: it is not there
            assert "no-reference" in [r.code for r in found.reasons]
        else:
            assert (found.outcome, parts(found)) == (Outcome.AUTO, [(12, "10000.00")])


def test_the_number_a_bill_was_posted_with_names_it_too():
    posted = bill_number("HT-2026-0001", date(2026, 7, 1), "rent")  # HT-2026-0001/2026-07-01/rent
    found = match(paid("10000.00", "上海鼎盛科技有限公司", f"付{posted}"))
    assert (found.outcome, parts(found)) == (Outcome.AUTO, [(12, "10000.00")])
    found = match(paid("1500.00", "上海鼎盛科技有限公司", "HT-2026-0001 20260701 property_fee"))
    assert found.outcome is Outcome.PROPOSED  # spaces split it: the contract alone, not exact
    # a number posted some other way (an adjustment's /A1) is found as it was posted
    items = [replace(i, number=f"{bill_number(i.contract_code, i.period_start, i.charge)}/A1")
             if i.bill_id.int == 13 else i for i in park_items()]
    found = match(paid("1500.00", "上海鼎盛科技有限公司",
                       "HT-2026-0001/2026-07-01/property_fee/A1"), items)
    assert (found.outcome, parts(found)) == (Outcome.AUTO, [(13, "1500.00")])
    assert found.candidates[0].reasons[1].params["bills"] == \
        "HT-2026-0001/2026-07-01/property_fee/A1"
    # a posted number of a bill not open stops an automatic allocation
    found = match(paid("10000.00", "上海鼎盛科技有限公司", "HT-2026-0001/2026-05-01/rent"))
    assert "names-bill-not-open" in [r.code for r in found.reasons]


def test_a_known_alias_is_the_tenant():
    found = match(paid("11500.00", "张伟", "HT-2026-0001"))
    assert found.outcome is Outcome.AUTO
    assert found.candidates[0].reasons[0].code == "payer-alias"
    assert found.candidates[0].reasons[0].params["alias"] == "张伟"


# -- PROPOSED -------------------------------------------------------------------------------


def test_the_right_payer_and_amount_without_a_reference_is_proposed():
    found = match(paid("11500.00", "上海鼎盛科技有限公司", "6月房租"))
    assert (found.outcome, found.confidence) == (Outcome.PROPOSED, 70)
    assert [r.code for r in found.reasons] == ["no-reference"]
    assert parts(found) == [(10, "10000.00"), (11, "1500.00")]


def test_the_short_name_is_proposed_not_allocated():
    found = match(paid("11500.00", "鼎盛科技", "HT-2026-0001"))
    assert (found.outcome, found.confidence) == (Outcome.PROPOSED, 90)
    assert [r.code for r in found.reasons] == ["payer-not-exact"]


def test_a_similar_payer_is_proposed_with_its_similarity():
    found = match(paid("11500.00", "鼎盛科技（上海）有限公司", "HT-2026-0001"))
    assert found.outcome is Outcome.PROPOSED
    payer = found.candidates[0].reasons[0]
    assert (payer.code, payer.params["similarity"], payer.params["points"]) == (
        "payer-similar", "0.80", "32")
    assert found.confidence == 32 + 30 + 20


def test_a_partial_payment_pays_the_oldest_whole_and_the_next_in_part():
    found = match(paid("12000.00", "上海鼎盛科技有限公司", "HT-2026-0001"))
    assert found.outcome is Outcome.PROPOSED
    assert parts(found) == [(10, "10000.00"), (11, "1500.00"), (12, "500.00")]
    amount = found.candidates[0].reasons[-1]
    assert (amount.code, amount.params["bills"], amount.params["left"],
            amount.params["bill"]) == ("amount-partial", "2", "9500.00", "HT-2026-0001-2607-R")
    assert [r.code for r in found.reasons] == ["amount-not-exact"]
    assert found.confidence == 90


def test_an_underpayment_of_a_named_bill_stays_on_that_bill():
    found = match(paid("9985.00", "上海鼎盛科技有限公司", "HT-2026-0001-2607-R"))  # a bank fee
    assert found.outcome is Outcome.PROPOSED
    assert parts(found) == [(12, "9985.00")]
    amount = found.candidates[0].reasons[-1]
    assert (amount.code, amount.params["expected"], amount.params["short"]) == (
        "amount-under", "10000.00", "15.00")


def test_an_overpayment_pays_every_bill_of_the_contract_and_leaves_a_remainder():
    found = match(paid("30000.00", "上海鼎盛科技有限公司", "HT-2026-0001"))
    assert found.outcome is Outcome.PROPOSED
    assert parts(found) == [(10, "10000.00"), (11, "1500.00"), (12, "10000.00"),
                            (13, "1500.00")]  # HT-2026-0005's bill is not named
    assert found.candidates[0].remainder == D("7000.00")
    assert found.candidates[0].reasons[-1].code == "amount-over"


def test_a_payment_naming_another_tenants_contract_is_never_automatic():
    found = match(paid("8000.00", "上海鼎盛科技有限公司", "代付 HT-2026-0002 7月租金"))
    assert found.outcome is Outcome.PROPOSED
    assert {c.tenant_id for c in found.candidates} == {DINGSHENG.id, HUARUI.id}
    huarui = next(c for c in found.candidates if c.tenant_id == HUARUI.id)
    assert [(p.bill_id.int, str(p.amount)) for p in huarui.parts] == [(20, "8000.00")]
    assert [r.code for r in huarui.reasons] == ["payer-differs", "names-contract",
                                               "amount-exact"]
    assert huarui.confidence == 50
    dingsheng = next(c for c in found.candidates if c.tenant_id == DINGSHENG.id)
    assert "names-other-contract" in [r.code for r in dingsheng.reasons]
    assert "several-candidates" in [r.code for r in found.reasons]


def test_even_the_payers_own_contract_beside_anothers_is_not_automatic():
    found = match(paid("11500.00", "上海鼎盛科技有限公司", "HT-2026-0001 HT-2026-0002"))
    assert found.outcome is Outcome.PROPOSED
    assert found.candidates[0].tenant_id == DINGSHENG.id
    assert "names-other-contract" in [r.code for r in found.reasons]


def test_several_similar_tenants_are_ranked():
    found = match(paid("8000.00", "华瑞生物医药有限公司", ""))
    assert found.outcome is Outcome.PROPOSED
    assert {c.tenant_id for c in found.candidates} == {HUARUI.id, HUARUI_BJ.id}
    scores = [c.confidence for c in found.candidates]
    assert scores == sorted(scores, reverse=True)
    assert "several-candidates" in [r.code for r in found.reasons]


def test_a_name_two_tenants_share_is_proposed_for_both():
    twin = TenantNames(u(4), "上海鼎盛科技股份有限公司", "", (), ("HT-2026-0004",))
    index = MatchIndex([*TENANTS, twin], park_items())
    found = match_payment(paid("11500.00", "上海鼎盛科技有限公司", "6月"), index)
    assert found.outcome is Outcome.PROPOSED
    assert {c.tenant_id for c in found.candidates} == {DINGSHENG.id, twin.id}
    assert found.candidates[0].reasons[0].code == "payer-shared"
    # the contract code tells them apart, but the name is still shared: a person decides
    found = match_payment(paid("11500.00", "上海鼎盛科技有限公司", "HT-2026-0001"), index)
    assert (found.outcome, found.candidates[0].tenant_id) == (Outcome.PROPOSED, DINGSHENG.id)


def test_a_bill_number_of_a_bill_not_open_is_not_automatic():
    # May's rent is paid already (not an open item); the amount fits June's rent
    found = match(paid("10000.00", "上海鼎盛科技有限公司", "HT-2026-0001-2605-R"))
    assert found.outcome is Outcome.PROPOSED
    assert "names-bill-not-open" in [r.code for r in found.reasons]
    assert parts(found) == [(10, "10000.00")]


def test_a_reference_alone_proposes_its_tenant():
    found = match(paid("1234.56", "李四", "HT-2026-0002 电费"))
    assert found.outcome is Outcome.PROPOSED
    assert found.candidates[0].tenant_id == HUARUI.id
    assert reason_codes(found) == ["payer-differs", "names-contract", "amount-under"]
    assert parts(found) == [(20, "1234.56")]  # oldest first: the rent, in part


def test_an_amount_only_one_tenant_owes_is_a_weak_proposal():
    found = match(paid("1234.56", "李四", ""))
    assert (found.outcome, found.confidence) == (Outcome.PROPOSED, 20)
    assert parts(found) == [(21, "1234.56")]  # the bill of that amount
    assert [r.code for r in found.reasons] == ["payer-unknown", "no-reference", "amount-only"]


# -- UNMATCHED ------------------------------------------------------------------------------


def test_a_stranger_with_an_amount_nobody_owes_is_unmatched():
    found = match(paid("77.00", "某某贸易有限公司", "货款"))
    assert (found.outcome, found.confidence, found.candidates) == (Outcome.UNMATCHED, 0, ())
    assert [r.code for r in found.reasons] == ["payer-unknown", "no-reference",
                                               "amount-matches-none"]


def test_an_amount_several_tenants_owe_is_no_evidence():
    found = match(paid("8000.00", "", "转账"))
    assert found.outcome is Outcome.UNMATCHED
    assert found.reasons[-1].code == "amount-matches-many"
    assert found.reasons[-1].params == {"tenants": "2"}


def test_a_payment_of_nothing_is_unmatched():
    found = match(paid("0.00", "上海鼎盛科技有限公司", "HT-2026-0001"))
    assert (found.outcome, [r.code for r in found.reasons]) == (
        Outcome.UNMATCHED, ["amount-not-positive"])


@pytest.mark.parametrize("remarks", ["HT-2026-00012", "XHT-2026-0001", "HT-2026-000107月"])
def test_a_code_inside_a_longer_code_names_nothing(remarks):
    found = match(paid("11500.00", "上海鼎盛科技有限公司", remarks))
    assert found.outcome is Outcome.PROPOSED
    assert "no-reference" in [r.code for r in found.reasons]


# -- a statement ----------------------------------------------------------------------------


def test_a_statement_never_pays_one_bill_twice():
    items = park_items()
    lines = [paid("10000.00", "上海鼎盛科技有限公司", "HT-2026-0001-2606-R", n=1,
                  on=date(2026, 6, 2)),
             paid("10000.00", "上海鼎盛科技有限公司", "HT-2026-0001-2606-R", n=2,
                  on=date(2026, 6, 3)),  # paid twice
             paid("10000.00", "上海鼎盛科技有限公司", "HT-2026-0001", n=3,
                  on=date(2026, 6, 1))]  # the earliest: matched first
    first, second, earliest = match_all(lines, TENANTS, items)
    assert [m.payment_id.int for m in (first, second, earliest)] == [1, 2, 3]  # as given
    assert (earliest.outcome, parts(earliest)) == (Outcome.AUTO, [(10, "10000.00")])
    # June's rent is paid: the bill number names a closed bill
    assert (first.outcome, parts(first)) == (Outcome.PROPOSED, [(11, "1500.00"),
                                                                (12, "8500.00")])
    assert "names-bill-not-open" in [r.code for r in first.reasons]
    assert second.outcome is Outcome.PROPOSED


def test_the_result_does_not_depend_on_the_order_of_tenants_and_items():
    lines = [paid("8000.00", "华瑞生物医药有限公司", "", n=1),
             paid("8000.00", "上海鼎盛科技有限公司", "HT-2026-0002 HT-2026-0003", n=2),
             paid("11500.00", "鼎盛科技", "HT-2026-0001", n=3)]
    expected = match_all(lines, TENANTS, park_items())
    rng = random.Random(5)
    for _ in range(5):
        tenants, items = TENANTS[:], park_items()
        rng.shuffle(tenants)
        rng.shuffle(items)
        assert match_all(lines, tenants, items) == expected


def demo_park(count: int, seed: int) -> tuple[list[TenantNames], list[OpenItem]]:
    """Tenants named as the demo park names them, with three months of rent and fee."""
    rng = random.Random(seed)
    taken: set[str] = set()
    tenants, items = [], []
    for n in range(count):
        plan = make_tenant(rng, rng.choice(["office", "industrial", "retail"]), n + 1, taken)
        code = f"HT-2026-{n + 1:04d}"
        aliases = ("王" + plan.short_name[:2],) if n % 7 == 0 else ()
        tenants.append(TenantNames(plan.id, plan.name, plan.short_name, aliases, (code,)))
        rent = D(rng.randint(100_000, 2_000_000)).scaleb(-2)
        fee = D(rng.randint(10_000, 200_000)).scaleb(-2)
        for month in (5, 6, 7):
            period = date(2026, month, 1)
            for charge, value in (("rent", rent), ("property_fee", fee)):
                items.append(OpenItem(uuid.uuid5(plan.id, f"{month}{charge}"), plan.id,
                                      uuid.uuid5(plan.id, code), code, charge, period,
                                      period - timedelta(days=5), value, value))
    return tenants, items


def test_a_mixed_statement_keeps_the_ledger_sound():
    """200 tenants with demo names, 1,500 bank lines of every kind: each AUTO match has all
    three parts; the allocations it makes, posted, break no invariant of the ledger; every
    confidence is its reasons' points added up; candidates are ranked."""
    tenants, items = demo_park(200, seed=3)
    rng = random.Random(4)
    by_tenant: dict[uuid.UUID, list[OpenItem]] = {}
    for i in items:
        by_tenant.setdefault(i.tenant_id, []).append(i)
    lines = []
    for n in range(1500):
        tenant = rng.choice(tenants)
        own = by_tenant[tenant.id]
        month = rng.randrange(3)
        amount = own[2 * month].amount + own[2 * month + 1].amount
        payer = rng.choice([tenant.name, tenant.name.replace("有限公司", "有限责任公司"),
                            tenant.short_name, *tenant.aliases, "陌生人"])
        remarks = rng.choice([tenant.contract_codes[0], "",
                              bill_reference(tenant.contract_codes[0], own[0].period_start,
                                             "rent"),
                              rng.choice(tenants).contract_codes[0]])
        amount = rng.choice([amount, own[0].amount, amount / 2, amount + 100])
        lines.append(PaymentEntry(u(10_000 + n), amount.quantize(D("0.01")),
                                  date(2026, 5, 1) + timedelta(days=rng.randrange(90)),
                                  payer, remarks))
    results = match_all(lines, tenants, items)
    outcomes = {m.outcome for m in results}
    assert outcomes == {Outcome.AUTO, Outcome.PROPOSED, Outcome.UNMATCHED}
    bills = [BillEntry(i.bill_id, i.contract_id, i.tenant_id, i.charge, i.period_start,
                       i.due_on, (i.amount,), i.contract_code) for i in items]
    entries = []
    names = {t.id: t for t in tenants}
    for line, found in zip(lines, results, strict=True):
        assert found.payment_id == line.id
        scores = [c.confidence for c in found.candidates]
        assert scores == sorted(scores, reverse=True)
        for candidate in found.candidates:
            assert candidate.confidence == sum(int(r.params.get("points", 0))
                                               for r in candidate.reasons)
            assert sum((p.amount for p in candidate.parts), D(0)) + candidate.remainder == \
                line.amount
        if found.outcome is Outcome.AUTO:
            (best,) = found.candidates
            assert found.confidence == 100 and best.remainder == 0
            tenant = names[best.tenant_id]
            assert normalise_name(line.payer) in {normalise_name(x) for x in (
                tenant.name, *tenant.aliases)}
            assert any(code in line.remarks for code in tenant.contract_codes)
            entries += [AllocationEntry(uuid.uuid4(), line.id, bill_id, amount)
                        for bill_id, amount in found.parts]
        elif found.outcome is Outcome.UNMATCHED:
            assert found.confidence == 0 and not found.candidates
    assert ledger_problems(lines, bills, entries) == []


def test_a_proposal_allocates_as_allocate_would_on_its_scope():
    found = match(paid("12000.00", "鼎盛科技", ""))
    dingsheng = [i for i in park_items() if i.tenant_id == DINGSHENG.id]
    assert list(found.parts) == allocate(D("12000.00"), dingsheng).parts
