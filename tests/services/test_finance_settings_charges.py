"""The charges a park bills beside the VAT table's kinds (issue 12), on a real workspace.

HT-B-1 leases ZD-A-0103 from 2026-03-01 with a property fee, an air-conditioning service
(空调费) and two fixed parking spaces (固定车位×2); a draft, HT-D, lets ZD-A-0201 with a
cleaning service (保洁费); an archived draft's charge (ZD-B-0101, 绿化费) is not the
park's. March is billed. A bill for "telecom" stands for what another program posted:
a kind these rules do not know, so no rate — the invoice for it is refused until the
park gives it one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.billing.bills import bill_id
from domain.leasing.clauses import Charge, ChargeKind
from services import billing_run, contracts, invoices
from services.finance_settings import (
    CHARGE_CODE_LIMIT,
    TaxRatesRefused,
    charge_code_of,
    charged_codes,
    save_tax_rates,
    set_tax_rate,
    tax_settings,
    unrated_charges,
)
from services.invoices import InvoiceRefused
from store.schema import Bill, Contract, Outbox, Park
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
MARCH = date(2026, 3, 1)
CHARGES = (Charge(ChargeKind.PROPERTY_FEE, D("12.50")),
           Charge(ChargeKind.SERVICE, D("3.50"), name="空调费"),
           Charge(ChargeKind.PARKING, D("1600"), per_sqm=False, name="固定车位×2"))
BILLED = {"rent", "property_fee", "service:空调费", "parking:固定车位×2"}


def _telecom(ws: Workspace, contract_id) -> object:
    """A bill another program posted, for a charge of a kind not known here."""
    with ws.transaction() as s:
        contract = s.get(Contract, contract_id)
        bill = Bill(id=bill_id(str(contract_id), MARCH, "telecom"), park_id=contract.park_id,
                    contract_id=contract_id, tenant_id=contract.tenant_id,
                    number="HT-B-1/2026-03-01/telecom", kind="charge", charge="telecom",
                    period_start=MARCH, period_end=date(2026, 3, 31), due_on=MARCH,
                    issued_on=MARCH, amount=D("200.00"))
        s.add(bill)
        return bill.id


@pytest.fixture
def ws(tmp_path):
    """The small park with HT-B-1 billed for March, the draft and the archived draft."""
    workspace = open_small(tmp_path / "park.leasemap")
    park = park_id(workspace)
    signed = contracts.create_signed(workspace, park, lease_spec(
        workspace, "ZD-A-0103", "HT-B-1", MARCH, date(2027, 2, 28), charges=CHARGES))
    contracts.save_draft(workspace, park, lease_spec(
        workspace, "ZD-A-0201", "HT-D", MARCH, date(2027, 2, 28),
        charges=(Charge(ChargeKind.SERVICE, D("2"), name="保洁费"),)))
    gone = contracts.save_draft(workspace, park, lease_spec(
        workspace, "ZD-B-0101", "HT-X", MARCH, date(2027, 2, 28),
        charges=(Charge(ChargeKind.OTHER, D("1"), name="绿化费"),)))
    with workspace.transaction() as s:
        s.get(Contract, gone).archived = True
    billing_run.post_run(workspace, park, MARCH, date(2026, 3, 31), MARCH)
    workspace.signed = signed  # type: ignore[attr-defined]
    yield workspace
    workspace.close()


def _stored(ws: Workspace) -> dict[str, str]:
    with ws.reading() as s:
        return dict(s.get(Park, park_id(ws)).tax_rates)


def _outbox(ws: Workspace) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(Outbox))


def test_the_codes_the_park_bills_are_read_from_its_contracts_and_bills(ws):
    with ws.reading() as s:
        found = charged_codes(s, park_id(ws))
        billed = set(s.scalars(select(Bill.charge).distinct()))
    assert billed == BILLED  # the run posted each of the signed contract's charges
    # the draft's charge too (it will bill); the archived draft's not
    assert found == BILLED | {"service:保洁费"}
    _telecom(ws, ws.signed)
    with ws.reading() as s:
        assert charged_codes(s, park_id(ws)) == BILLED | {"service:保洁费", "telecom"}


def test_the_settings_list_each_code_after_the_kinds_at_its_kind_s_rate(ws):
    park = park_id(ws)
    save_tax_rates(ws, park, {"service": "0.03", "parking:固定车位×2": "0.05"})
    with ws.reading() as s:
        settings = tax_settings(s, park)
    charges = [x.charge for x in settings.settings]
    assert charges[:11] == ["rent", "parking", "property_fee", "service", "other",
                            "electricity", "water", "gas", "heat", "late_fee", "deposit"]
    # by kind (parking before service), each flagged as billed
    assert charges[11:] == ["parking:固定车位×2", "service:保洁费", "service:空调费"]
    aircon, spaces = settings.setting("service:空调费"), settings.setting("parking:固定车位×2")
    # without a rate of its own a code has its kind's in the park's table, not the default's
    assert (aircon.default_rate, aircon.own, aircon.rate, aircon.inherits) == (
        D("0.03"), None, D("0.03"), "service")
    assert aircon.charged and not aircon.is_own and not aircon.unrated
    assert (spaces.rate, spaces.is_own, spaces.default_rate) == (D("0.05"), True, D("0.09"))
    assert settings.setting("service").charged is False  # only its codes are billed
    assert settings.setting("rent").charged and settings.unrated == ()
    # a kind exempt in the park: its codes follow
    set_tax_rate(ws, park, "service", "exempt")
    with ws.reading() as s:
        aircon = tax_settings(s, park).setting("service:空调费")
    assert (aircon.default_exempt, aircon.exempt, aircon.rate) == (True, True, None)


def _bill(ws: Workspace, contract_id, charge: str, amount: str = "200.00") -> object:
    """A bill another program posted for ``charge`` (a kind these rules do not know)."""
    with ws.transaction() as s:
        contract = s.get(Contract, contract_id)
        bill = Bill(id=bill_id(str(contract_id), MARCH, charge), park_id=contract.park_id,
                    contract_id=contract_id, tenant_id=contract.tenant_id,
                    number=f"HT-B-1/2026-03-01/{charge}", kind="charge", charge=charge,
                    period_start=MARCH, period_end=date(2026, 3, 31), due_on=MARCH,
                    issued_on=MARCH, amount=D(amount))
        s.add(bill)
        return bill.id


def test_a_charge_of_a_kind_not_known_is_unrated_until_the_park_gives_it_a_rate(ws, tmp_path):
    """"telecom", "装修押金" and "advertising:灯箱", billed by another program: marked with
    no rate and their invoices refused, until the park gives them a rate or exempts them,
    as it may any code it carries; then invoices issue at it. A code nobody carries, or
    one written wrong, is still refused."""
    park = park_id(ws)
    telecom = _telecom(ws, ws.signed)
    fitting = _bill(ws, ws.signed, "装修押金", "1060.00")
    lightbox = _bill(ws, ws.signed, "advertising:灯箱", "109.00")
    with ws.reading() as s:
        settings = tax_settings(s, park)
        assert unrated_charges(s, park) == ["advertising:灯箱", "telecom", "装修押金"]
    row = settings.setting("telecom")
    assert row.charged and row.settable and row.unrated
    assert (row.rate, row.exempt, row.inherits) == (None, False, None)
    # what the mark says is what invoicing and the voucher export do
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, telecom, "24312000000000000001", date(2026, 3, 5))
    assert [p.code for p in caught.value.problems] == ["no-rate"]
    from services.three_ledgers import LedgersRefused
    from services.three_ledgers import export_vouchers as export

    with ws.reading() as s, pytest.raises(LedgersRefused) as caught:
        export(s, park, MARCH, date(2026, 3, 31), tmp_path / "vouchers.csv")
    assert caught.value.code == "vouchers-no-rate"

    outbox = _outbox(ws)
    settings = set_tax_rate(ws, park, "装修押金", "0.06")
    settings = save_tax_rates(ws, park, {**settings.overrides, "advertising:灯箱": "0.09",
                                         "telecom": "exempt"})
    assert _stored(ws) == {"装修押金": "0.06", "advertising:灯箱": "0.09", "telecom": "exempt"}
    assert _outbox(ws) == outbox + 2  # one set_tax_rates command each
    assert settings.unrated == ()
    assert (settings.setting("装修押金").rate, settings.setting("advertising:灯箱").rate) == (
        D("0.06"), D("0.09"))
    assert settings.setting("telecom").exempt
    with ws.reading() as s:
        assert unrated_charges(s, park) == []
    invoice = invoices.issue_invoice(ws, fitting, "24312000000000000002", date(2026, 3, 5))
    invoices.issue_invoice(ws, lightbox, "24312000000000000003", date(2026, 3, 5))
    from store.schema import Invoice

    with ws.reading() as s:
        row = s.get(Invoice, invoice)
        assert (row.tax_rate, row.amount_excl, row.tax) == (D("0.06"), D("1000.00"), D("60.00"))
        rates = dict(s.execute(select(Bill.charge, Invoice.tax_rate).join(
            Bill, Bill.id == Invoice.bill_id)).all())
    assert rates == {"装修押金": D("0.06"), "advertising:灯箱": D("0.09")}
    with ws.reading() as s:  # the vouchers book its VAT at the park's rate
        export(s, park, MARCH, date(2026, 3, 31), tmp_path / "vouchers.csv")
    rows = (tmp_path / "vouchers.csv").read_text(encoding="utf-8-sig").splitlines()
    fitting_rows = [r.split(",") for r in rows if "HT-B-1/2026-03-01/装修押金" in r]
    # 1,060.00: receivable, 1,000.00 income and 60.00 output VAT (2221) at 6 %
    assert [(r[2], r[4], r[5]) for r in fitting_rows] == [
        ("1122", "1060.00", ""), ("6051", "", "1000.00"), ("2221", "", "60.00")]

    # a code no contract or bill carries, or written wrong, is refused; nothing written
    before = (_stored(ws), _outbox(ws))
    for charge, code in (("gym", "tax-rate-charge"), ("advertising:横幅", "tax-rate-charge"),
                         ("advertising :灯箱", "tax-charge-malformed"),
                         ("装修\n押金", "tax-charge-malformed")):
        with pytest.raises(TaxRatesRefused) as refused:
            set_tax_rate(ws, park, charge, "0.06")
        assert [p.code for p in refused.value.parts] == [code], charge
    with pytest.raises(TaxRatesRefused) as refused:  # and a rate out of range
        set_tax_rate(ws, park, "装修押金", "0.25")
    assert [p.code for p in refused.value.parts] == ["tax-rate-range"]
    assert (_stored(ws), _outbox(ws)) == before


def test_a_code_typed_is_read_as_bills_carry_it_and_checked(ws):
    with ws.reading() as s:
        settings = tax_settings(s, park_id(ws))
    assert charge_code_of(" Service ： 能耗 ") == "service:能耗"  # full-width colon, spaces
    assert charge_code_of("parking:固定车位×２") == "parking:固定车位×２"  # the name as typed
    energy = settings.new_charge("service：能耗", "0.13")
    assert (energy.charge, energy.own, energy.default_rate, energy.charged) == (
        "service:能耗", D("0.13"), D("0.06"), False)
    assert settings.new_charge("deposit:押金罚没", "exempt").own == "exempt"
    there = settings.new_charge("service:空调费", "exempt")  # a row there: its own figures
    assert (there.charged, there.own, there.default_rate) == (True, "exempt", D("0.06"))
    refusals = {
        "": "tax-charge-empty", "gym:器械": "tax-rate-charge", "service:": "tax-charge-name",
        "service:" + "空" * CHARGE_CODE_LIMIT: "tax-charge-long"}
    for typed, code in refusals.items():
        with pytest.raises(TaxRatesRefused) as caught:
            settings.new_charge(typed, "0.06")
        assert caught.value.code == "tax-charge-refused"
        assert [p.code for p in caught.value.parts] == [code], typed
        assert caught.value.parts[0].params["charge"] == charge_code_of(typed)
    with pytest.raises(TaxRatesRefused) as caught:
        settings.new_charge("service:能耗", "0.25")
    assert [(p.code, p.params["percent"]) for p in caught.value.parts] == [
        ("tax-rate-range", "25%")]


def test_a_code_added_is_saved_kept_at_its_kind_s_rate_and_removed(ws):
    park = park_id(ws)
    settings = save_tax_rates(ws, park, {"service:能耗": "0.06"})
    # a code's own rate is kept even at its kind's: it stays when the kind changes
    assert _stored(ws) == {"service:能耗": "0.06"}
    energy = settings.setting("service:能耗")
    assert energy.is_own and not energy.charged  # no contract bills it yet
    before = (_stored(ws), _outbox(ws))
    with pytest.raises(TaxRatesRefused) as caught:
        save_tax_rates(ws, park, {"service:": "0.06", "rent": "0.05"})
    assert [p.code for p in caught.value.parts] == ["tax-charge-name"]
    assert (_stored(ws), _outbox(ws)) == before  # refused whole
    set_tax_rate(ws, park, "service:能耗", None)  # removed: back to its kind's
    with ws.reading() as s:
        settings = tax_settings(s, park)
    assert _stored(ws) == {} and settings.setting("service:能耗") is None
