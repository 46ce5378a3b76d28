"""New tenants on a real workspace: one code format and one way in, for the wizard, a quote
made a draft and a rent roll alike."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain.leasing.quotes import QuoteTerms
from services import contract_entry, pipeline
from services.pipeline import LeadInput
from services.rent_roll import import_rent_roll
from services.tenants import add_tenant, next_tenant_codes
from store.schema import Contract, Outbox, Tenant, Unit
from tests.data.make_rent_roll import HEADERS
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_park import TODAY

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _codes(ws, count=1):
    with ws.reading() as s:
        return next_tenant_codes(s, park_id(ws), count)


def _tenant(ws, name) -> Tenant:
    with ws.reading() as s:
        return s.scalar(select(Tenant).where(Tenant.name == name))


def test_codes_run_on_from_the_highest_in_their_own_form(ws):
    assert _codes(ws, 3) == ["KH-00001", "KH-00002", "KH-00003"]  # T001 is another form
    assert _codes(ws, 0) == []
    with ws.transaction() as s:
        gone = add_tenant(s, park_id(ws), "旧租户有限公司", code="KH-00041")
        gone.archived = True
        add_tenant(s, park_id(ws), "手工编号有限公司", code="KH-7")
    assert _codes(ws, 2) == ["KH-00042", "KH-00043"]  # an archived tenant's number is used


def test_a_tenant_is_added_with_the_callers_write_or_not_at_all(ws):
    with ws.reading() as s:
        tenants, ops = (s.scalar(select(func.count()).select_from(Tenant)),
                        s.scalar(select(func.count()).select_from(Outbox)))

    class Refused(Exception):
        pass

    with pytest.raises(Refused), ws.transaction() as s:
        add_tenant(s, park_id(ws), "  上海星河生物科技有限公司 ", contact_name="王磊")
        raise Refused
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Tenant)) == tenants
        assert s.scalar(select(func.count()).select_from(Outbox)) == ops

    with ws.transaction() as s:
        tenant = add_tenant(s, park_id(ws), "  上海星河生物科技有限公司 ", contact_name="王磊",
                            contact_phone="13800000000", short_name="星河", industry="生物医药")
        made = tenant.id  # known before the flush: a caller may point at it at once
        assert made is not None
    with ws.reading() as s:
        row = s.get(Tenant, made)
        assert (row.code, row.name, row.short_name, row.contact_name, row.contact_phone,
                row.industry) == ("KH-00001", "上海星河生物科技有限公司", "星河", "王磊",
                                  "13800000000", "生物医药")
        create = s.scalar(select(Outbox).where(Outbox.entity_id == made))
        assert create.kind == "create" and create.payload["code"] == "KH-00001"


@dataclasses.dataclass(frozen=True)
class _Typed:
    name: str
    contact_name: str = ""
    contact_phone: str = ""


def test_the_wizard_a_quote_and_a_rent_roll_code_their_tenants_alike(ws, tmp_path: Path):
    park = park_id(ws)
    # the wizard: a tenant typed in with a signed contract
    spec = lease_spec(ws, "ZD-A-0103", "HT-2026-0010", date(2027, 3, 1), date(2030, 2, 28),
                      signed_on=TODAY)
    contract_entry.save_contract(ws, park, spec, True, tenant=_Typed("苏州星河生物医药有限公司"))
    # a quote made a draft: a tenant made from the lead
    lead_id = pipeline.create_lead(ws, park, LeadInput(
        company="上海云杉软件有限公司", area_min=D(100), area_max=D(200)), TODAY)
    with ws.reading() as s:
        unit = s.scalar(select(Unit).where(Unit.code == "ZD-A-0201"))
    quote_id = pipeline.make_quote(ws, lead_id, [unit.id], QuoteTerms(
        unit.billable_area, D("96.00"), date(2027, 1, 1), date(2029, 12, 31)), TODAY)
    pipeline.quote_to_draft(ws, quote_id, "HT-2026-0011", TODAY)
    # a rent roll: a tenant named in a row and not found
    roll = tmp_path / "roll.csv"
    with roll.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        writer.writerow(["HT-RR-1", "杭州新租户有限公司", "ZD-A-0202", "125.40", "2026-11-01",
                         "2026-12-01", "2026-12-01", "2029-11-30", "100", "月付", "", "", "",
                         "", ""])
    report = import_rent_roll(ws, roll, on=TODAY)
    assert report.imported == 1 and report.new_tenants == ("杭州新租户有限公司",)

    made = [_tenant(ws, name) for name in ("苏州星河生物医药有限公司", "上海云杉软件有限公司",
                                           "杭州新租户有限公司")]
    assert [t.code for t in made] == ["KH-00001", "KH-00002", "KH-00003"]
    with ws.reading() as s:
        signed = {c.code: c for c in s.scalars(select(Contract))}
        assert [signed[c].tenant_id for c in ("HT-2026-0010", "HT-2026-0011", "HT-RR-1")] == [
            t.id for t in made]
        # the rent roll's tenant travels before the contract naming it, by clock and by seq
        tenant_op, contract_op = (s.scalar(select(Outbox).where(
            Outbox.kind == "create", Outbox.entity_id == entity_id))
            for entity_id in (made[2].id, signed["HT-RR-1"].id))
        assert (tenant_op.hlc, tenant_op.seq) < (contract_op.hlc, contract_op.seq)
