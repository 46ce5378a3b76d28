"""Entering a contract by hand on a real workspace: what the wizard reads, the checks it shows
as it is typed, and saving with a tenant typed in, whole or not at all."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.assets import UnitType
from domain.contracts import ContractStatus
from services import contract_entry as entry
from services import contracts
from services.contracts import ContractRefused
from store.schema import Contract, Outbox, Tenant, Unit
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_park import TODAY

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


@dataclasses.dataclass(frozen=True)
class Typed:
    """A tenant typed in (the wizard's ``NewTenant``)."""

    name: str
    contact_name: str = ""
    contact_phone: str = ""


def _count(ws, model) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_what_the_wizard_starts_from(ws):
    with ws.reading() as s:
        park = park_id(ws)
        ids = {u.code: u.id for u in s.scalars(select(Unit))}
        offered = entry.units_by_id(s, [ids["ZD-B-0101"], ids["ZD-A-0103"], ids["ZD-A-0103"]])
        assert [u.code for u in offered] == ["ZD-B-0101", "ZD-A-0103", "ZD-A-0103"]
        assert offered[0] == entry.UnitOffer(str(ids["ZD-B-0101"]), "ZD-B-0101", D("125.40"),
                                             D("98.5000"), UnitType.INDUSTRIAL)
        assert entry.unit_by_code(s, park, " zd-a-0103 ").code == "ZD-A-0103"
        assert entry.unit_by_code(s, park, "ZD-Z-9999") is None
        assert [t.name for t in entry.tenants_of(s, park)] == ["上海云帆智能科技有限公司"]
        # the park's contracts are HT-2026-0001 and -0002: numbers run on across years
        assert entry.next_contract_code(s, park, date(2027, 1, 5)) == "HT-2027-0003"


def test_the_checks_name_the_code_as_well_as_the_register(ws):
    park = park_id(ws)
    held = lease_spec(ws, "ZD-A-0101", "HT-2026-0003")  # HT-2026-0001 holds the unit
    assert [p.code for p in entry.check_spec(ws, park, held)] == ["unit-leased"]
    taken = dataclasses.replace(held, code="HT-2026-0001")
    assert ("code", "code-taken") in {(p.field, p.code)
                                      for p in entry.check_spec(ws, park, taken)}
    assert [p.code for p in entry.check_spec(ws, park, dataclasses.replace(taken, code=""))
            ][:1] == ["code-missing"]
    with ws.reading() as s:
        own = s.scalar(select(Contract.id).where(Contract.code == "HT-2026-0001"))
    assert ("code", "code-taken") not in {
        (p.field, p.code) for p in entry.check_spec(ws, park, taken, own)}  # its own code


def test_a_draft_then_signed_with_tenants_typed_in(ws):
    park = park_id(ws)
    spec = lease_spec(ws, "ZD-A-0103", "HT-2026-0003", date(2027, 3, 1), date(2030, 2, 28),
                      signed_on=TODAY)
    draft = entry.save_contract(ws, park, spec, False, tenant=Typed("苏州星河生物医药有限公司",
                                                                    "王经理", "0512-6666 8888"))
    with ws.reading() as s:
        contract = s.get(Contract, draft)
        tenant = s.get(Tenant, contract.tenant_id)
        assert contract.status is ContractStatus.DRAFT
        assert (tenant.code, tenant.name, tenant.contact_name, tenant.contact_phone) == (
            "KH-00001", "苏州星河生物医药有限公司", "王经理", "0512-6666 8888")
    again = entry.save_contract(ws, park, spec, True, draft, Typed("苏州云杉有限公司"))
    assert again == draft
    with ws.reading() as s:
        contract = s.get(Contract, draft)
        assert contract.status is ContractStatus.SIGNED and contract.version == 1
        assert s.get(Tenant, contract.tenant_id).code == "KH-00002"


def test_a_refusal_writes_nothing_the_tenant_included(ws):
    park = park_id(ws)
    tenants, ops = _count(ws, Tenant), _count(ws, Outbox)
    held = lease_spec(ws, "ZD-A-0101", "HT-2026-0003")  # HT-2026-0001 holds the unit
    with pytest.raises(ContractRefused) as refused:
        entry.save_contract(ws, park, held, True, tenant=Typed("苏州星河生物医药有限公司"))
    assert "unit-leased" in {p.code for p in refused.value.problems}
    assert (_count(ws, Tenant), _count(ws, Outbox)) == (tenants, ops)

    # a draft signed meanwhile (another window): only saving finds out, after the checks
    spec = lease_spec(ws, "ZD-A-0103", "HT-2026-0003", signed_on=date(2026, 2, 1))
    draft = contracts.save_draft(ws, park, spec)
    contracts.sign(ws, draft, spec.signed_on)
    tenants, ops = _count(ws, Tenant), _count(ws, Outbox)
    with pytest.raises(ContractRefused) as refused:
        entry.save_contract(ws, park, spec, False, draft, Typed("苏州星河生物医药有限公司"))
    assert refused.value.code == "contract-signed"
    assert (_count(ws, Tenant), _count(ws, Outbox)) == (tenants, ops)
