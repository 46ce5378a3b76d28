"""Every entity goes in and comes back equal, on SQLite files and on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from shapely.geometry import MultiLineString, Polygon, box
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from domain.assets import (
    BuildingKind,
    ChainPosition,
    FitOut,
    Orientation,
    UnitStatus,
    UnitType,
)
from domain.contracts import ContractStatus
from spatial.geometry import lines_to_wkb, polygon_from_wkb, polygon_to_wkb
from store.ids import uuid7
from store.schema import (
    SYNCED_MODELS,
    Alert,
    Allocation,
    BankMapping,
    Bill,
    BillingRun,
    BillLine,
    Building,
    CheckpointMark,
    Contract,
    ContractDocument,
    ContractUnit,
    ContractVersion,
    DepositMovement,
    DocumentTemplate,
    FinanceEntry,
    Floor,
    Holiday,
    Invoice,
    Lead,
    LeadStageStep,
    Meter,
    MeterReading,
    Outbox,
    Park,
    PayerAlias,
    Payment,
    PriceIndex,
    Quote,
    SalesReport,
    SpaceEdit,
    Tariff,
    Tenant,
    Unit,
    UnitMetric,
)
from store.workspace import Workspace


@dataclass
class Backend:
    name: str
    path: Path | None = None
    url: str | None = None

    def create(self) -> Workspace:
        if self.path is not None:
            return Workspace.create(self.path, actor="tester")
        return Workspace.connect(self.url, actor="tester")

    def reopen(self) -> Workspace:
        if self.path is not None:
            return Workspace.open(self.path, actor="tester")
        return Workspace.connect(self.url, actor="tester")


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", path=tmp_path / "roundtrip.leasemap")
    return Backend("postgres", url=request.getfixturevalue("pg_db_url"))


@pytest.fixture
def ws(backend):
    workspace = backend.create()
    yield workspace
    workspace.close()


def columns_of(obj) -> dict:
    mapper = inspect(obj).mapper
    keys = [mapper.get_property_by_column(c).key for c in mapper.columns]
    return {key: getattr(obj, key) for key in keys}


def build_all(session) -> dict:
    park = Park(
        id=uuid7(),
        code="ZD",
        name="张江示范园 Zhangjiang Demo Park",
        currency="CNY",
        city="上海",
        address="碧波路 690 号",
        site_plan=polygon_to_wkb(box(0, 0, 500, 300)),
        tax_rates={"rent": "0.05", "deposit": "exempt"},
    )
    building = Building(
        id=uuid7(),
        park_id=park.id,
        code="A3",
        name="A3 栋",
        kind=BuildingKind.MIXED,
        floors_above=12,
        floors_below=2,
        footprint=polygon_to_wkb(box(10, 10, 70, 40)),
        sort_order=3,
    )
    floor = Floor(
        id=uuid7(),
        building_id=building.id,
        level=-1,
        name="B1",
        elevation=Decimal("-4.250"),
        gross_area=Decimal("1800.00"),
        outline=polygon_to_wkb(box(0, 0, 60, 30)),
        background=lines_to_wkb(MultiLineString([[(0, 0), (60, 0)], [(0, 15.5), (60, 15.5)]])),
        background_source="plans/A3-B1.dxf",
        site_transform=[1.0, 0.0, 0.0, 1.0, 10.5, 10.25],
    )
    unit_polygon = Polygon([(0, 0), (30.5, 0), (30.5, 40.48), (0, 40.48)])
    parent = uuid7()
    unit = Unit(
        id=uuid7(),
        park_id=park.id,
        floor_id=floor.id,
        code="ZD-A3-B101",
        name="B1 东侧 / east wing",
        unit_type=UnitType.WAREHOUSE,
        status=UnitStatus.UNDER_RENOVATION,
        gross_area=Decimal("1234.56"),
        internal_area=Decimal("1000.01"),
        common_share=Decimal("234.55"),
        leasable_area=Decimal("1234.56"),
        billable_area=Decimal("1234.56"),
        asking_rent=Decimal("85.1234"),
        orientation=Orientation.SOUTH_EAST,
        ceiling_height=Decimal("4.50"),
        floor_load=Decimal("800.00"),
        power_capacity=Decimal("120.5"),
        fit_out=FitOut.SHELL,
        tags=["corner", "loading dock", "南向"],
        geometry=polygon_to_wkb(unit_polygon),
        derived_from=[str(parent)],
        notes="Split from an older unit.\n第二行",
    )
    tenant = Tenant(
        id=uuid7(),
        park_id=park.id,
        code="T-0001",
        name="上海某某科技有限公司",
        short_name="某某科技",
        contact_name="王伟",
        contact_phone="+86 21 5555 0100",
        contact_email="wang@example.com",
        industry="semiconductors",
        chain_position=ChainPosition.MIDSTREAM,
        notes="VIP",
    )
    contract = Contract(
        id=uuid7(),
        park_id=park.id,
        tenant_id=tenant.id,
        code="HT-2024-001",
        status=ContractStatus.TERMINATED,
        signed_on=date(2024, 2, 29),
        starts_on=date(2024, 4, 1),
        ends_on=date(2027, 3, 31),
        terminated_on=date(2025, 12, 31),
        rent_per_sqm_month=Decimal("85.5000"),
        notes="early termination by agreement",
        kind=UnitType.WAREHOUSE,
        delivered_on=date(2024, 3, 15),
        rent_starts_on=date(2024, 4, 1),
        deposit=Decimal("316047.36"),
        terms={"area": "1234.56", "rate": "85.5", "starts_on": "2024-03-15",
               "ends_on": "2027-03-31", "tiers": [["500", "90"], [None, "85.5"]]},
        version=2,
    )
    lead = Lead(
        id=uuid7(), park_id=park.id, tenant_id=tenant.id, code="XS-0001", company="某某科技",
        contact_name="李娜", contact_phone="139 0000 0000", industry="biotech",
        stage="negotiating", stage_on=date(2026, 11, 30), lost_reason="",
        area_min=Decimal("800.00"), area_max=Decimal("1200.50"), budget=Decimal("92.5000"),
        move_in_on=date(2027, 3, 1), unit_type=UnitType.INDUSTRIAL, tags=["loading dock"],
        owner="张三", source="referral", notes="needs 800 kg/m²",
    )
    contract.lead_id = lead.id
    version = ContractVersion(
        id=uuid7(), contract_id=contract.id, number=1, effective_on=date(2024, 3, 15),
        reason="sign", signed_on=date(2024, 2, 29), delivered_on=date(2024, 3, 15),
        rent_starts_on=None, starts_on=date(2024, 3, 15), ends_on=date(2027, 3, 31),
        deposit=Decimal("316047.36"),
        units=[{"unit_id": str(unit.id), "unit_code": unit.code, "billable_area": "1234.56"}],
        terms={"area": "1234.56", "rate": "85.5"}, notes="v1",
    )
    quote = Quote(
        id=uuid7(), park_id=park.id, lead_id=lead.id, code="BJ-0001",
        quoted_on=date(2026, 12, 1), valid_until=date(2026, 12, 31),
        units=[{"unit_id": str(unit.id), "unit_code": unit.code, "billable_area": "1234.56"}],
        terms={"rate": "90"}, total_rent=Decimal("3999999.99"),
        net_effective_rent=Decimal("87.1234"), status="open", contract_id=contract.id,
        notes="",
    )
    sales = SalesReport(id=uuid7(), contract_id=contract.id, month=date(2025, 1, 1),
                        amount=Decimal("520000.00"), source="pos-export.xlsx")
    index = PriceIndex(id=uuid7(), park_id=park.id, series="CPI", year=2025,
                       value=Decimal("101.2000"))
    mark = CheckpointMark(id=uuid7(), contract_id=contract.id, code="delivered",
                          done_on=date(2024, 3, 15), by="王伟", note="keys handed")
    alert = Alert(id=uuid7(), park_id=park.id, contract_id=contract.id, kind="checkpoint",
                  code="end-90", owner_role="leasing", due_on=date(2026, 12, 31),
                  raised_on=date(2027, 1, 2), cleared_on=None, ended_on=date(2027, 1, 9))
    document = ContractDocument(id=uuid7(), contract_id=contract.id, name="HT-2024-001.pdf",
                                kind="generated", media_type="application/pdf", version=1,
                                added_on=date(2024, 2, 29), content=b"%PDF-1.4\x00\xff")
    template = DocumentTemplate(id=uuid7(), park_id=park.id, name="standard",
                                language="zh_CN", body="甲方：{park}\n乙方：{tenant}")
    link = ContractUnit(
        id=uuid7(),
        contract_id=contract.id,
        unit_id=unit.id,
        billable_area=Decimal("1234.56"),
    )
    metric = UnitMetric(
        id=uuid7(),
        park_id=park.id,
        unit_id=unit.id,
        month=date(2026, 10, 1),
        energy_kwh=Decimal("12345.67"),
        cost=Decimal("9876543.21"),
        access_count=4321,
        lighting_hours=Decimal("310.5"),
        hvac_hours=None,
    )
    edit = SpaceEdit(
        id=uuid7(),
        park_id=park.id,
        floor_id=floor.id,
        kind="split_unit",
        effective_on=date(2026, 12, 7),
        parents=[str(unit.id)],
        children=[str(uuid7()), str(uuid7())],
        changed=[],
        before={"areas": {str(unit.id): ["1234.56", "0.00"]}},
        after={"note": "走廊 split"},
        undone=False,
    )
    step = LeadStageStep(lead_id=lead.id, stage="lead", stage_on=date(2026, 12, 1),
                         actor="tester", moved_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    run = BillingRun(id=uuid7(), park_id=park.id, period_from=date(2026, 12, 1),
                     period_to=date(2026, 12, 31), run_on=date(2026, 11, 25), created=3,
                     existing=1, skipped=1, report={"skipped": [{"code": "sales-missing"}]})
    bill = Bill(id=uuid7(), park_id=park.id, contract_id=contract.id, tenant_id=tenant.id,
                run_id=run.id, number="HT-2024-001/2026-12/rent", kind="charge",
                charge="service:空调", period_start=date(2026, 12, 1),
                period_end=date(2026, 12, 31), due_on=date(2026, 11, 25),
                issued_on=date(2026, 11, 25), amount=Decimal("105553.88"), currency="CNY")
    credit = Bill(id=uuid7(), park_id=park.id, contract_id=contract.id, tenant_id=tenant.id,
                  corrects_id=bill.id, number="HT-2024-001/2026-12/rent/A1", kind="adjustment",
                  charge="rent", period_start=date(2026, 12, 1), period_end=date(2026, 12, 31),
                  due_on=date(2027, 1, 5), issued_on=date(2027, 1, 5),
                  amount=Decimal("-0.01"))
    line = BillLine(id=uuid7(), bill_id=bill.id, seq=1, starts_on=date(2026, 12, 1),
                    ends_on=date(2026, 12, 31), amount=Decimal("105553.88"),
                    explanation={"reasons": [{"code": "base", "params": {"rate": "85.5"}}]})
    payment = Payment(id=uuid7(), park_id=park.id, account="6225 8801 2345 6789",
                      key="流水-0001", received_on=date(2026, 11, 30),
                      amount=Decimal("105553.88"), payer="上海某某科技有限公司",
                      remarks="12月租金 HT-2024-001", reference="0001", balance=Decimal("-1.50"),
                      source="bank", source_file="招行.xls", tenant_id=None)
    allocation = Allocation(id=uuid7(), park_id=park.id, source_kind="payment",
                            source_id=payment.id, bill_id=bill.id, kind="allocate",
                            amount=Decimal("105553.88"), on=date(2026, 11, 30), by="auto",
                            reasons=[{"code": "exact-amount", "params": {}}])
    deposit = DepositMovement(id=uuid7(), park_id=park.id, contract_id=contract.id,
                              kind="received", amount=Decimal("316047.36"),
                              on=date(2024, 3, 1), payment_id=payment.id, note="押金")
    invoice = Invoice(id=uuid7(), park_id=park.id, bill_id=bill.id, tenant_id=tenant.id,
                      number="24312000000012345678", kind="blue", issued_on=date(2026, 12, 2),
                      tax_rate=Decimal("0.0900"), amount_incl=Decimal("105553.88"),
                      amount_excl=Decimal("96838.42"), tax=Decimal("8715.46"),
                      note="")
    tariff = Tariff(id=uuid7(), park_id=park.id, utility="electricity", name="峰谷电价",
                    valid_from=date(2026, 7, 1),
                    document={"kind": "time_of_use", "prices": {"peak": "1.2034"}})
    meter = Meter(id=uuid7(), park_id=park.id, code="E-A3-B101", utility="electricity",
                  unit_id=unit.id, tariff_id=tariff.id, multiplier=Decimal("40.000"),
                  rollover_at=Decimal("99999.900"), registers=["peak", "flat", "valley"],
                  basis={"by": "area"}, installed_on=date(2024, 3, 1))
    reading = MeterReading(id=uuid7(), meter_id=meter.id, read_on=date(2026, 11, 30),
                           register="peak", value=Decimal("12345.678"), kind="reading",
                           source="import")
    alias = PayerAlias(id=uuid7(), park_id=park.id, tenant_id=tenant.id, name="某某集团")
    mapping = BankMapping(id=uuid7(), park_id=park.id, account="6225 8801 2345 6789",
                          mapping={"date": "交易日", "amount": "收入"})
    entry = FinanceEntry(id=uuid7(), park_id=park.id, key="记-12-0031/1",
                         entry_on=date(2026, 12, 3), account="1122 应收账款",
                         counterparty="上海某某科技有限公司", amount=Decimal("105553.88"),
                         reference="HT-2024-001/2026-12/rent", voucher="记-12-0031",
                         source_file="凭证.xlsx")
    holiday = Holiday(id=uuid7(), park_id=park.id, day=date(2026, 10, 10), kind="workday",
                      name="国庆节调休")
    objects = [park, building, floor, unit, tenant, lead, contract, link, metric, edit,
               version, quote, sales, index, mark, alert, document, template, step, run,
               bill, credit, line, payment, allocation, deposit, invoice, tariff, meter,
               reading, alias, mapping, entry, holiday]
    session.add_all(objects)
    session.flush()
    return {type(o): o for o in objects if o is not credit}


def test_every_entity_round_trips(backend, ws):
    with ws.transaction() as session:
        written = build_all(session)
    assert set(written) == set(SYNCED_MODELS)
    expected = {model: columns_of(obj) for model, obj in written.items()}
    ws.close()

    reopened = backend.reopen()
    try:
        with reopened.reading() as session:
            for model, values in expected.items():
                row = session.get(model, values["id"])
                assert row is not None, model.__name__
                got = columns_of(row)
                assert got == values, model.__name__
                assert row.row_version == 0
                assert row.archived is False
                assert row.hlc and set(row.field_hlc.values()) == {row.hlc}
                assert row.updated_at.tzinfo is UTC
    finally:
        reopened.close()

    # Spot checks on exactness and representation, beyond equality.
    with reopened_session(backend) as session:
        unit = session.get(Unit, written[Unit].id)
        assert str(unit.gross_area) == "1234.56"
        assert str(unit.asking_rent) == "85.1234"
        assert str(unit.power_capacity) == "120.5"
        assert isinstance(unit.gross_area, Decimal)
        assert unit.status is UnitStatus.UNDER_RENOVATION
        assert unit.orientation is Orientation.SOUTH_EAST
        assert unit.tags == ["corner", "loading dock", "南向"]
        assert polygon_from_wkb(unit.geometry).area == pytest.approx(30.5 * 40.48)
        floor = session.get(Floor, written[Floor].id)
        assert str(floor.elevation) == "-4.250"
        assert polygon_from_wkb(floor.background).geom_type == "MultiLineString"
        assert polygon_from_wkb(floor.outline).equals(box(0, 0, 60, 30))
        contract = session.get(Contract, written[Contract].id)
        assert contract.signed_on == date(2024, 2, 29)
        assert type(contract.signed_on) is date
        assert contract.status is ContractStatus.TERMINATED
        # Enums are stored by value, as plain text the server and other tools can read.
        raw = session.execute(
            text("SELECT status, orientation, unit_type FROM units WHERE code = :c"),
            {"c": "ZD-A3-B101"},
        ).one()
        assert tuple(raw) == ("under_renovation", "SE", "warehouse")


class reopened_session:  # noqa: N801 - used like a function
    """A reading session on a freshly reopened workspace, closed afterwards."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def __enter__(self):
        self.ws = self.backend.reopen()
        self._ctx = self.ws.reading()
        return self._ctx.__enter__()

    def __exit__(self, *exc):
        try:
            self._ctx.__exit__(*exc)
        finally:
            self.ws.close()


def _park_floor(session, code="ZD"):
    park = Park(id=uuid7(), code=code, name=f"Park {code}")
    building = Building(id=uuid7(), park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
    floor = Floor(id=uuid7(), building_id=building.id, level=1, name="1F")
    session.add_all([park, building, floor])
    return park, floor


def _unit(park, floor, code, area="100.00", **extra) -> Unit:
    values = {
        "unit_type": UnitType.OFFICE,
        "status": UnitStatus.LEASABLE,
        "gross_area": Decimal(area),
        "internal_area": Decimal(area),
        "common_share": Decimal(0),
        "leasable_area": Decimal(area),
        "billable_area": Decimal(area),
    }
    values.update(extra)
    return Unit(id=uuid7(), park_id=park.id, floor_id=floor.id, code=code, **values)


def test_children_added_before_parents_insert_in_one_flush(backend, ws):
    """The unit of work puts parents first, whatever order rows were added in."""
    park = Park(id=uuid7(), code="REV", name="reverse")
    building = Building(id=uuid7(), park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
    floor = Floor(id=uuid7(), building_id=building.id, level=2, name="2F")
    unit = _unit(park, floor, "REV-201")
    tenant = Tenant(id=uuid7(), park_id=park.id, code="T", name="T")
    contract = Contract(
        id=uuid7(),
        park_id=park.id,
        tenant_id=tenant.id,
        code="C",
        status=ContractStatus.SIGNED,
        signed_on=date(2025, 1, 1),
        starts_on=date(2025, 2, 1),
        ends_on=date(2026, 1, 31),
        rent_per_sqm_month=Decimal("60"),
    )
    link = ContractUnit(
        id=uuid7(), contract_id=contract.id, unit_id=unit.id, billable_area=Decimal("100")
    )
    with ws.transaction() as session:
        session.add_all([link, contract, tenant, unit, floor, building, park])
    with ws.reading() as session:
        assert session.get(ContractUnit, link.id).unit_id == unit.id
        assert session.scalar(select(func.count()).select_from(Outbox)) == 7


def test_decimals_come_back_exact(backend, ws):
    with ws.transaction() as session:
        park, floor = _park_floor(session)
        a = _unit(park, floor, "U1", common_share=Decimal("0.10"))
        b = _unit(park, floor, "U2", common_share=Decimal("0.20"))
        c = _unit(park, floor, "U3", area="1", asking_rent=Decimal("0.1"))
        session.add_all([a, b, c])
    ws.close()
    with reopened_session(backend) as session:
        shares = session.scalars(select(Unit.common_share).order_by(Unit.code)).all()
        assert shares[:2] == [Decimal("0.10"), Decimal("0.20")]
        assert sum(shares[:2], Decimal(0)) == Decimal("0.30")
        assert str(sum(shares[:2], Decimal(0))) == "0.30"
        unit = session.scalars(select(Unit).where(Unit.code == "U3")).one()
        assert str(unit.gross_area) == "1.00"  # quantized to the column's scale
        assert str(unit.asking_rent) == "0.1000"


def test_a_float_in_a_money_column_is_refused(backend, ws):
    with ws.transaction() as session:
        park, _floor = _park_floor(session)
        tenant = Tenant(id=uuid7(), park_id=park.id, code="T1", name="T1")
        session.add(tenant)
    contract = Contract(
        id=uuid7(),
        park_id=park.id,
        tenant_id=tenant.id,
        code="C1",
        status=ContractStatus.SIGNED,
        signed_on=date(2025, 1, 1),
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 12, 31),
        rent_per_sqm_month=85.5,
    )
    with (
        pytest.raises((TypeError, StatementError), match="never float"),
        ws.transaction() as session,
    ):
        session.add(contract)
    with ws.reading() as session:
        assert session.scalars(select(Contract)).all() == []
        assert session.scalars(select(Outbox).where(Outbox.entity == "contracts")).all() == []


def test_event_times_are_aware_utc(backend, ws):
    shanghai = timezone(timedelta(hours=8))
    local = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=shanghai)
    op_id = uuid7()
    with ws.transaction() as session:
        park, _floor = _park_floor(session)
        session.add(
            Outbox(
                op_id=op_id,
                kind="note",
                entity="parks",
                entity_id=park.id,
                payload={},
                hlc=ws.clock.now(),
                device_id=ws.device_id,
                actor="tester",
                at=local,
            )
        )
    naive = Outbox(
        kind="note",
        entity="parks",
        entity_id=park.id,
        payload={},
        hlc=ws.clock.now(),
        device_id=ws.device_id,
        actor="tester",
        at=datetime(2025, 3, 1, 9, 30),
    )
    with pytest.raises((ValueError, StatementError), match="aware"), ws.transaction() as session:
        session.add(naive)
    ws.close()
    with reopened_session(backend) as session:
        op = session.scalars(select(Outbox).where(Outbox.op_id == op_id)).one()
        assert op.at == local
        assert op.at.tzinfo is UTC
        assert op.at == datetime(2025, 3, 1, 1, 30, 15, 123456, tzinfo=UTC)
        for row in session.scalars(select(Outbox)):
            assert row.at.tzinfo is UTC
        park = session.scalars(select(Park)).one()
        assert park.updated_at.tzinfo is UTC
        assert abs(datetime.now(UTC) - park.updated_at) < timedelta(days=1)


def test_codes_are_unique_within_a_park(backend, ws):
    with ws.transaction() as session:
        park, floor = _park_floor(session, "P1")
        other, other_floor = _park_floor(session, "P2")
        session.add(_unit(park, floor, "U-101"))
    with pytest.raises(IntegrityError), ws.transaction() as session:
        session.add(_unit(park, floor, "U-101"))
    # The same code in another park is fine.
    with ws.transaction() as session:
        session.add(_unit(other, other_floor, "U-101"))
    with ws.reading() as session:
        parks = session.scalars(
            select(Unit.park_id).where(Unit.code == "U-101").order_by(Unit.park_id)
        ).all()
        assert sorted(parks) == sorted([park.id, other.id])
    # Park codes themselves are unique.
    with pytest.raises(IntegrityError), ws.transaction() as session:
        session.add(Park(id=uuid7(), code="P1", name="again"))


def test_foreign_keys_are_enforced(backend, ws):
    with ws.transaction() as session:
        park, floor = _park_floor(session)
    missing_floor = Floor(id=uuid7(), building_id=uuid7(), level=1, name="not stored")
    with pytest.raises(IntegrityError), ws.transaction() as session:
        session.add(_unit(park, missing_floor, "ORPHAN-FLOOR"))
    missing_park = Park(id=uuid7(), code="NOPE", name="not stored")
    with pytest.raises(IntegrityError), ws.transaction() as session:
        session.add(_unit(missing_park, floor, "ORPHAN-PARK"))
    with ws.reading() as session:
        assert session.scalars(select(Unit)).all() == []
        assert session.scalars(select(Outbox).where(Outbox.entity == "units")).all() == []


def test_foreign_keys_are_on_in_every_sqlite_connection(tmp_path):
    ws = Workspace.create(tmp_path / "fk.leasemap")
    try:
        with ws.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            with pytest.raises(IntegrityError):
                connection.execute(
                    text(
                        "INSERT INTO buildings (id, hlc, field_hlc, row_version, archived,"
                        " updated_at, park_id, code, name, kind, floors_above, floors_below,"
                        " sort_order) VALUES (:id, '', '{}', 0, 0, '2025-01-01 00:00:00',"
                        " :park, 'A', 'A', 'office', 1, 0, 0)"
                    ),
                    {"id": uuid7().hex, "park": uuid7().hex},
                )
    finally:
        ws.close()
