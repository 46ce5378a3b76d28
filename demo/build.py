"""The demo park: a believable, deterministic workspace to try Leasemap on.

``leasemap demo PATH`` and the GUI's "Build demo workspace" call
:func:`build_demo`. It lays out a Shanghai park of office towers, plants, a
warehouse and a retail podium (``demo.floorplates``), lets most of it to a
few hundred tenants with contracts spread around ``today`` (ended, running,
expiring in 30/60/90 days, signed but not started, terminated), each with its
clauses, versions and schedule's inputs (CPI, sales) and a pipeline of leads
(each with its stage history) and quotes beside them (``demo.leasing``), and
writes everything in one workspace transaction, so every row gets its outbox
``create`` like any other edit; then a year of monthly billing runs and the
money received on them, paid on time, late, in part or not at all
(``demo.billing``: ledger rows with their commands, as the billing and
payment services write them). Each floor's common rooms (stairs, lift
lobby, toilets, shafts, corridors, a mall's lobby, a warehouse's loading
platform) are units too, of common use, and every unit's areas are the one
rule's (``domain.floor_areas``). The same ``(units, seed, today)`` gives the
same codes, names, areas and dates; only the UUIDv7 ids differ.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from demo.billing import (
    BillingSummary,
    MeterSummary,
    PayerPlan,
    months_for,
    plan_payers,
    write_billing,
    write_meters,
)
from demo.leasing import (
    CPI_SERIES,
    LeadPlan,
    LeasingPlan,
    MarkPlan,
    QuotePlan,
    SalesPlan,
    StepPlan,
    VersionPlan,
    let_units,
    plan_leasing,
)
from demo.metrics import MetricPlan, plan_metrics
from demo.phases import phase
from demo.phases import report as report_phases
from demo.phases import start as start_phases
from demo.plan import (
    BuildingPlan,
    ContractPlan,
    FloorPlan,
    ParkPlan,
    TenantPlan,
    UnitPlan,
    plan_park,
)
from demo.profiles import (
    BATCH,
    BILLABLE_RULE,
    MIN_UNITS,
    PARK_ADDRESS,
    PARK_CITY,
    PARK_CODE,
    PARK_NAME,
    USE_REASON,
)
from domain.space_use import is_common
from runtime.jobs import Job, gc_paused
from store.changes import insert_rows
from store.files import side_files
from store.schema import (
    Building,
    CheckpointMark,
    Contract,
    ContractUnit,
    ContractVersion,
    Floor,
    Lead,
    LeadStageStep,
    Park,
    PriceIndex,
    Quote,
    SalesReport,
    Synced,
    Tenant,
    Unit,
    UnitMetric,
)
from store.workspace import Workspace


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` wrote, for the CLI line and the GUI status bar.

    ``units`` counts the units for rent (what ``units=`` asks for);
    ``common_units`` the common rooms written as units beside them.
    """

    path: Path
    parks: int
    buildings: int
    floors: int
    units: int
    tenants: int
    contracts: int
    seconds: float
    common_units: int = 0
    leads: int = 0
    quotes: int = 0
    bills: int = 0
    payments: int = 0
    meters: int = 0
    meter_readings: int = 0


# -- the entry point -----------------------------------------------------------------


def build_demo(
    path: Path,
    units: int = 1500,
    seed: int = 7,
    job: Job | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Create the demo workspace at ``path`` and fill it in one transaction.

    Parameters
    ----------
    path : Path
        The new workspace file; it must not exist.
    units : int
        About how many units for rent the park gets (±1 floor's worth); it
        scales the number of towers and floors, and the tenants (one per five
        units). The floors' common rooms come on top.
    seed : int
        Fixes every name, area and date.
    job : Job, optional
        Progress is reported per floor laid out and per batch written; a
        cancel stops at the next step.
    today : date, optional
        The day contracts are arranged around; defaults to the system date.

    Raises
    ------
    Cancelled
        When ``job`` was cancelled; no file is left behind, as on any failure.
    """
    if units < MIN_UNITS:
        raise ValueError(f"a demo park has at least {MIN_UNITS} units")
    started = time.perf_counter()
    cpu = time.process_time()
    start_phases()
    path = Path(path)
    job = job or Job()
    today = today or date.today()
    with phase("create workspace"):
        workspace = Workspace.create(path)
    try:
        with gc_paused():
            with phase("plan park"):
                park = plan_park(units, seed, today, job)
            with phase("plan leasing"):
                leasing = plan_leasing(park, seed, today)
            with phase("plan metrics, payers"):
                metrics = list(plan_metrics(park, today, metric_months(units), seed))
                payers = plan_payers(park, seed, today)
            billing, meters = _write(workspace, park, leasing, metrics, payers, seed, today,
                                     job)
    except BaseException:
        workspace.close()
        for leftover in (path, *side_files(path)):
            leftover.unlink(missing_ok=True)
        raise
    with phase("close"):
        workspace.close()
    report_phases(time.process_time() - cpu, time.perf_counter() - started)
    common = sum(1 for u in park.units if is_common(u.use))
    return DemoSummary(
        path=path,
        parks=1,
        buildings=len(park.buildings),
        floors=len(park.floors),
        units=len(park.units) - common,
        tenants=len(park.tenants),
        contracts=len(park.contracts),
        seconds=time.perf_counter() - started,
        common_units=common,
        leads=len(leasing.leads),
        quotes=len(leasing.quotes),
        bills=billing.bills,
        payments=billing.payments,
        meters=meters.meters,
        meter_readings=meters.readings,
    )


# -- writing -----------------------------------------------------------------------------


def metric_months(units: int) -> int:
    """Months of readings: half a year for a park of usual size, fewer for benchmark parks.

    Every reading is a synced row with its outbox operation; a 20,000-unit park
    with six months would spend longer writing readings than everything else.
    """
    return 6 if units <= 5000 else 1


def _write(workspace: Workspace, park: ParkPlan, leasing: LeasingPlan,
           metrics: list[MetricPlan], payers: PayerPlan, seed: int, today: date, job: Job
           ) -> tuple[BillingSummary, MeterSummary]:
    """Write the park in one transaction, table by table, parents first, then its bills,
    payments, meters and readings (``demo.billing``).

    Rows go in as plain records through ``store.changes.insert_rows`` in
    batches of :data:`BATCH`: one executemany per batch, with the outbox
    ``create`` operations the ORM flush would write (sync cannot tell the
    two apart), at a fraction of the flush's cost per row (the ORM's
    attribute events and unit of work were most of the build). Rows take
    three quarters of the writing's progress, the billing months the rest.
    """
    floors = len(park.floors)
    total = 2 * floors
    rows_span = floors - floors // 4
    rows = (
        1
        + len(park.buildings)
        + floors
        + len(park.units)
        + len(park.tenants)
        + len(park.contracts)
        + sum(len(c.units) for c in park.contracts)
        + len(leasing.versions)
        + len(leasing.leads)
        + len(leasing.steps)
        + len(leasing.quotes)
        + len(leasing.sales)
        + len(leasing.indices)
        + len(leasing.marks)
        + len(metrics)
    )
    written = 0

    def flush(session: Session, model: type[Synced], records: list[Row], label: str) -> None:
        nonlocal written
        with phase(f"insert {model.__tablename__}"):
            insert_rows(session, model, records)
        written += len(records)
        job.step(floors + rows_span * written // rows, total, label)

    def billed(done: int, months: int) -> None:
        job.step(floors + rows_span + (floors - rows_span) * done // months, total, "bills")

    with phase("transaction (all writes, commit)"), workspace.filling() as session:
        flush(session, Park, [_park_row(park)], PARK_CODE)
        buildings = [_building_row(park, i, b) for i, b in enumerate(park.buildings)]
        flush(session, Building, buildings, "buildings")
        for chunk in _chunks(park.floors, BATCH):
            flush(session, Floor, [_floor_row(park, f) for f in chunk], "floors")
        for chunk in _chunks(park.units, BATCH):
            flush(session, Unit, [_unit_row(park, u) for u in chunk], chunk[-1].code)
        for chunk in _chunks(list(enumerate(park.tenants)), BATCH):
            flush(session, Tenant, [_tenant_row(park, t, payers.signals.get(index, []))
                                    for index, t in chunk], "tenants")
        for chunk in _chunks(leasing.leads, BATCH):
            flush(session, Lead, [_lead_row(park, lead) for lead in chunk], "leads")
        for chunk in _chunks(leasing.steps, BATCH):  # oldest first: their stamps keep the order
            flush(session, LeadStageStep, [_step_row(leasing, x) for x in chunk], "lead history")
        for chunk in _chunks(park.contracts, BATCH):  # a renewal after the contract it renews
            flush(session, Contract, [_contract_row(park, leasing, c) for c in chunk],
                  chunk[-1].code)
        links = [(c, u) for c in park.contracts for u in c.units]
        for piece in _chunks(links, BATCH):
            flush(session, ContractUnit, [_contract_unit_row(park, c, u) for c, u in piece],
                  "contract units")
        lets = [let_units(park, c.units) for c in park.contracts]  # one list per contract
        for chunk in _chunks(leasing.versions, BATCH):
            flush(session, ContractVersion, [_version_row(park, lets, v) for v in chunk],
                  "contract versions")
        for chunk in _chunks(leasing.quotes, BATCH):
            flush(session, Quote, [_quote_row(park, leasing, q) for q in chunk], "quotes")
        for chunk in _chunks(leasing.sales, BATCH):
            flush(session, SalesReport, [_sales_row(park, x) for x in chunk], "sales")
        flush(session, PriceIndex, [dict(park_id=park.park_id, series=CPI_SERIES, year=year,
                                         value=value) for year, value in leasing.indices],
              "price index")
        for chunk in _chunks(leasing.marks, BATCH):
            flush(session, CheckpointMark, [_mark_row(park, m) for m in chunk], "checkpoints")
        for chunk in _chunks(metrics, BATCH):
            flush(session, UnitMetric, [_metric_row(park, m) for m in chunk], "readings")
        months = months_for(park)
        billing = write_billing(session, park, payers, seed, today, months, billed)
        meters = write_meters(session, park, seed, today, months)
    return billing, meters


Row = dict[str, Any]  # one row's columns, as insert_rows takes them


def _metric_row(park: ParkPlan, metric: MetricPlan) -> Row:
    return dict(
        park_id=park.park_id,
        unit_id=park.units[metric.unit].id,
        month=metric.month,
        energy_kwh=metric.energy_kwh,
        cost=metric.cost,
        access_count=metric.access_count,
        lighting_hours=metric.lighting_hours,
        hvac_hours=metric.hvac_hours,
    )


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _park_row(park: ParkPlan) -> Row:
    return dict(
        id=park.park_id,
        code=PARK_CODE,
        name=PARK_NAME,
        currency="CNY",
        city=PARK_CITY,
        address=PARK_ADDRESS,
        billable_rule=BILLABLE_RULE,  # the rule the plan's billable areas follow
    )


def _building_row(park: ParkPlan, order: int, building: BuildingPlan) -> Row:
    levels = [park.floors[i].level for i in building.floors]
    return dict(
        id=building.id,
        park_id=park.park_id,
        code=building.code,
        name=building.name,
        kind=building.profile.kind,
        floors_above=sum(1 for level in levels if level > 0),
        floors_below=sum(1 for level in levels if level < 0),
        footprint=building.footprint,
        sort_order=order,
    )


def _floor_row(park: ParkPlan, floor: FloorPlan) -> Row:
    building = park.buildings[floor.building]
    site_x, site_y = building.site
    return dict(
        id=floor.id,
        building_id=building.id,
        level=floor.level,
        name=floor.name,
        elevation=floor.elevation,
        gross_area=floor.gross,
        outline=floor.outline,
        background=floor.background,
        background_source="demo",
        # shapely affine_transform parameters [a, b, d, e, xoff, yoff]: floor to site plan
        site_transform=[1.0, 0.0, 0.0, 1.0, site_x, site_y],
    )


def _unit_row(park: ParkPlan, unit: UnitPlan) -> Row:
    return dict(
        id=unit.id,
        park_id=park.park_id,
        floor_id=park.floors[unit.floor].id,
        code=unit.code,
        name=unit.name,
        unit_type=park.buildings[park.floors[unit.floor].building].profile.unit_type,
        status=unit.status,
        gross_area=unit.gross,
        internal_area=unit.internal,
        common_share=unit.share,
        leasable_area=unit.leasable,
        billable_area=unit.billable,
        asking_rent=unit.asking_rent,
        orientation=unit.orientation,
        ceiling_height=unit.ceiling,
        floor_load=unit.load,
        power_capacity=unit.power,
        fit_out=unit.fit_out,
        tags=unit.tags,
        geometry=unit.geometry,
        space_use=unit.use,
        use_reason=USE_REASON if is_common(unit.use) else "",
    )


def _tenant_row(park: ParkPlan, tenant: TenantPlan, signals: list[dict[str, str]]) -> Row:
    return dict(
        id=tenant.id,
        park_id=park.park_id,
        code=tenant.code,
        name=tenant.name,
        short_name=tenant.short_name,
        contact_name=tenant.contact_name,
        contact_phone=tenant.contact_phone,
        contact_email=tenant.contact_email,
        industry=tenant.industry,
        chain_position=tenant.chain_position,
        credit_signals=signals,  # a court case or tax notice entered on a late payer's card
    )


def _contract_row(park: ParkPlan, leasing: LeasingPlan, contract: ContractPlan) -> Row:
    return dict(
        id=contract.id,
        park_id=park.park_id,
        tenant_id=park.tenants[park.tenancy_tenant[contract.tenancy]].id,
        code=contract.code,
        status=contract.status,
        signed_on=contract.signed_on,
        starts_on=contract.starts_on,
        ends_on=contract.ends_on,
        terminated_on=contract.terminated_on,
        rent_per_sqm_month=contract.rent,
        notes=contract.notes,
        kind=contract.kind,
        delivered_on=contract.delivered_on,
        rent_starts_on=contract.rent_starts_on,
        deposit=contract.deposit,
        terms=contract.terms,
        version=contract.version,
        lead_id=None if contract.lead is None else leasing.leads[contract.lead].id,
        renews_id=None if contract.renews is None else park.contracts[contract.renews].id,
    )


def _version_row(park: ParkPlan, lets: list[list[dict[str, str]]], version: VersionPlan
                 ) -> Row:
    """The version as ``services.contracts`` writes one: the contract's fields as agreed."""
    contract = park.contracts[version.contract]
    return dict(
        contract_id=contract.id,
        number=version.number,
        effective_on=version.effective_on,
        reason=version.reason,
        signed_on=contract.signed_on,
        delivered_on=contract.delivered_on,
        rent_starts_on=contract.rent_starts_on,
        starts_on=contract.starts_on,
        ends_on=contract.ends_on,
        deposit=version.deposit,
        units=lets[version.contract],
        terms=version.terms,
        notes=version.notes,
    )


def _lead_row(park: ParkPlan, lead: LeadPlan) -> Row:
    return dict(
        id=lead.id,
        park_id=park.park_id,
        tenant_id=None if lead.tenant is None else park.tenants[lead.tenant].id,
        code=lead.code,
        company=lead.company,
        contact_name=lead.contact_name,
        contact_phone=lead.contact_phone,
        industry=lead.industry,
        stage=lead.stage.value,
        stage_on=lead.stage_on,
        lost_reason=lead.lost_reason,
        area_min=lead.area_min,
        area_max=lead.area_max,
        budget=lead.budget,
        move_in_on=lead.move_in_on,
        unit_type=lead.unit_type,
        tags=lead.tags,
        owner=lead.owner,
        source=lead.source,
        notes=lead.notes,
    )


def _step_row(leasing: LeasingPlan, step: StepPlan) -> Row:
    return dict(
        lead_id=leasing.leads[step.lead].id,
        stage=step.stage.value,
        stage_on=step.on,
        lost_reason=step.lost_reason,
        actor=step.actor,
        moved_at=step.moved_at,
    )


def _quote_row(park: ParkPlan, leasing: LeasingPlan, quote: QuotePlan) -> Row:
    return dict(
        id=quote.id,
        park_id=park.park_id,
        lead_id=leasing.leads[quote.lead].id,
        code=quote.code,
        quoted_on=quote.quoted_on,
        valid_until=quote.valid_until,
        units=let_units(park, quote.units),
        terms=quote.terms,
        total_rent=quote.total_rent,
        net_effective_rent=quote.net_effective_rent,
        status=quote.status,
        contract_id=None if quote.contract is None else park.contracts[quote.contract].id,
    )


def _sales_row(park: ParkPlan, sales: SalesPlan) -> Row:
    return dict(contract_id=park.contracts[sales.contract].id, month=sales.month,
                amount=sales.amount, source="商户月报")


def _mark_row(park: ParkPlan, mark: MarkPlan) -> Row:
    return dict(contract_id=park.contracts[mark.contract].id, code=mark.code,
                done_on=mark.done_on, by=mark.by)


def _contract_unit_row(park: ParkPlan, contract: ContractPlan, unit: int) -> Row:
    return dict(
        contract_id=contract.id,
        unit_id=park.units[unit].id,
        billable_area=park.units[unit].billable,  # as it stood at signing: the rule's
    )
