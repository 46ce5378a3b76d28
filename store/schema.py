"""The workspace schema (SQLAlchemy 2 declarative, 2.0 style).

Every synced table carries the columns SYNC.md asks for from day one: a
client-made UUIDv7 ``id``, the HLC ``hlc`` of its last change with per-field
stamps in ``field_hlc``, the server-assigned ``row_version`` (0 until the
server first accepts it) and an ``archived`` flag instead of deletion.
Alembic migrations in ``store/migrations`` build this schema; a test checks
that they agree.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from domain.assets import (
    BuildingKind,
    ChainPosition,
    FitOut,
    Orientation,
    UnitStatus,
    UnitType,
)
from domain.contracts import ContractStatus
from domain.floor_areas import BillableRule
from domain.space_use import SpaceUse
from store.ids import uuid7
from store.types import ExactDecimal, Id, UtcDateTime, utc_now

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Area = ExactDecimal(14, 2)
Amount = ExactDecimal(18, 2)
UnitPrice = ExactDecimal(14, 4)


def enum_column(enum: type[StrEnum]) -> Enum:
    """Store an enum by its value as plain text (portable, readable, syncable)."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # foreign keys too: every id read comes back fast
    type_annotation_map: ClassVar[dict[Any, Any]] = {uuid.UUID: Id}


class Synced:
    """Columns every synced row carries (SYNC.md: identity and clocks)."""

    id: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True, default=uuid7)
    hlc: Mapped[str] = mapped_column(String(64), default="")
    field_hlc: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    row_version: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


SYNC_COLUMNS = frozenset({"id", "hlc", "field_hlc", "row_version", "updated_at"})
LEDGER_INFO_KEY = "leasemap.ledger"  # Table.info flag: the table is insert-only


class Ledger(Synced):
    """Insert-only rows: bills, bill lines, payments, allocations, invoices, deposits, readings.

    A ledger entry is never deleted or edited; a correction is a reversing
    entry pointing at the original (SYNC.md), so balances computed from
    entries can always be audited. Subclasses' tables are flagged in
    ``Table.info``; ``store.ledger`` installs database triggers that refuse
    DELETE and UPDATE of business columns, and ``store.changes`` refuses
    them earlier in the ORM. Only sync bookkeeping (stamps, row_version) may
    change.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # declarative maps the class and makes its table
        table = cls.__dict__.get("__table__")
        if table is not None:
            table.info[LEDGER_INFO_KEY] = True


class Park(Synced, Base):
    __tablename__ = "parks"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    site_plan: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Which area a unit is billed on: leasable (internal + common share) or internal.
    billable_rule: Mapped[BillableRule] = mapped_column(
        enum_column(BillableRule), default=BillableRule.LEASABLE,
        server_default=BillableRule.LEASABLE.value)
    # The pipeline's stage probabilities where the park differs from the defaults
    # ({"quoted": "0.75"}), and the yearly rate a discounted net effective rent uses.
    stage_probabilities: Mapped[dict[str, str]] = mapped_column(
        JSON, default=dict, server_default="{}")
    discount_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal(8, 6), nullable=True)
    # The park's VAT rates where they differ from the default table, charge or kind → rate
    # as text ({"rent": "0.05"}), or "exempt" (domain.billing.invoices.park_tax_table).
    tax_rates: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")


class Building(Synced, Base):
    __tablename__ = "buildings"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    # Parents as relationships only so one flush inserts parents before children
    # (without them the unit of work orders tables by class name). lazy="raise":
    # they never load by themselves; set the *_id columns, not these.
    park: Mapped[Park] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[BuildingKind] = mapped_column(enum_column(BuildingKind))
    floors_above: Mapped[int] = mapped_column(Integer, default=1)
    floors_below: Mapped[int] = mapped_column(Integer, default=0)
    footprint: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Floor(Synced, Base):
    __tablename__ = "floors"
    __table_args__ = (UniqueConstraint("building_id", "level"),)

    building_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("buildings.id"), index=True)
    building: Mapped[Building] = relationship(lazy="raise")
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    elevation: Mapped[Decimal] = mapped_column(ExactDecimal(10, 3), default=Decimal(0))
    gross_area: Mapped[Decimal | None] = mapped_column(Area, nullable=True)
    outline: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    background: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    background_source: Mapped[str] = mapped_column(String(500), default="")
    source_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    site_transform: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)


class Unit(Synced, Base):
    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("park_id", "code"),
        # Covers the reads that re-share a building's common area (store.areas).
        Index("ix_units_floor_areas", "floor_id", "archived", "code", "id", "internal_area",
              "space_use", "gross_area", "common_share", "leasable_area", "billable_area"),
    )

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    floor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("floors.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    floor: Mapped[Floor] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    unit_type: Mapped[UnitType] = mapped_column(enum_column(UnitType))
    status: Mapped[UnitStatus] = mapped_column(enum_column(UnitStatus))
    gross_area: Mapped[Decimal] = mapped_column(Area)
    internal_area: Mapped[Decimal] = mapped_column(Area)
    common_share: Mapped[Decimal] = mapped_column(Area)
    leasable_area: Mapped[Decimal] = mapped_column(Area)
    billable_area: Mapped[Decimal] = mapped_column(Area)
    asking_rent: Mapped[Decimal | None] = mapped_column(UnitPrice, nullable=True)
    orientation: Mapped[Orientation | None] = mapped_column(enum_column(Orientation), nullable=True)
    ceiling_height: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2), nullable=True)
    floor_load: Mapped[Decimal | None] = mapped_column(ExactDecimal(8, 2), nullable=True)
    power_capacity: Mapped[Decimal | None] = mapped_column(ExactDecimal(10, 1), nullable=True)
    fit_out: Mapped[FitOut | None] = mapped_column(enum_column(FitOut), nullable=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    geometry: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    derived_from: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    source_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # For rent, or common area (domain.space_use); and why it was given that use: the
    # classification's code and the word it matched ("common-word:走廊"), or "manual".
    space_use: Mapped[SpaceUse] = mapped_column(
        enum_column(SpaceUse), default=SpaceUse.LEASABLE, server_default=SpaceUse.LEASABLE.value)
    use_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")


class SpaceEdit(Synced, Base):
    """One edit of a floor's units: a split, merge, reshape, new unit or change of use.

    The lineage: ``parents`` are the units it retired (archived, never deleted),
    ``children`` the units it made, ``changed`` the units it altered in place,
    each a list of unit ids; ``before`` holds what the changed units were (their
    geometry, use and areas), so the edit can be undone exactly. ``undone`` is
    set when it was undone (and cleared on redo); a unit's history is the chain
    of edits that are not undone.
    """

    __tablename__ = "space_edits"

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    floor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("floors.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    floor: Mapped[Floor] = relationship(lazy="raise")
    kind: Mapped[str] = mapped_column(String(32))
    effective_on: Mapped[date] = mapped_column(Date)
    parents: Mapped[list[str]] = mapped_column(JSON, default=list)
    children: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed: Mapped[list[str]] = mapped_column(JSON, default=list)
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class Tenant(Synced, Base):
    __tablename__ = "tenants"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    chain_position: Mapped[ChainPosition | None] = mapped_column(
        enum_column(ChainPosition), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # Credit signals entered by hand (court cases, rating changes, news): a list of
    # {"on": date, "kind": text, "note": text}; collections score them (billing issue).
    credit_signals: Mapped[list[dict[str, str]]] = mapped_column(
        JSON, default=list, server_default="[]")


class Contract(Synced, Base):
    __tablename__ = "contracts"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    tenant: Mapped[Tenant] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    status: Mapped[ContractStatus] = mapped_column(enum_column(ContractStatus))
    signed_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    rent_per_sqm_month: Mapped[Decimal] = mapped_column(UnitPrice)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The working copy of the terms (domain.leasing.codec): a draft's are edited here; a
    # signed contract's are its latest version's, changed only by an amendment. None on
    # contracts from before clauses: a plain monthly rent at ``rent_per_sqm_month``.
    kind: Mapped[UnitType] = mapped_column(
        enum_column(UnitType), default=UnitType.OFFICE, server_default=UnitType.OFFICE.value)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    rent_starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    deposit: Mapped[Decimal] = mapped_column(Amount, default=Decimal("0.00"), server_default="0")
    terms: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lead_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("leads.id"), nullable=True, index=True)
    renews_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contracts.id"), nullable=True, index=True)
    lead: Mapped[Lead | None] = relationship(lazy="raise")
    renews: Mapped[Contract | None] = relationship(lazy="raise", remote_side="Contract.id")


class ContractUnit(Synced, Base):
    """A unit a contract covers, with the billable area it was let at.

    ``held_from`` / ``held_to``: the first and last day of the hold when an amendment
    added or released the unit (None: the contract's own start, end or termination);
    ``domain.contracts.unit_term`` reads them.
    """

    __tablename__ = "contract_units"
    __table_args__ = (UniqueConstraint("contract_id", "unit_id"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    contract: Mapped[Contract] = relationship(lazy="raise")
    unit: Mapped[Unit] = relationship(lazy="raise")
    billable_area: Mapped[Decimal] = mapped_column(Area)
    held_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    held_to: Mapped[date | None] = mapped_column(Date, nullable=True)


class ContractVersion(Ledger, Base):
    """One signed version of a contract: what was agreed from ``effective_on`` on.

    Version 1 is the signing; each amendment adds the next. Insert-only, so an
    earlier version always reads as it was signed. ``units`` lists
    {"unit_id", "unit_code", "billable_area"}; ``terms`` is the codec's document.
    """

    __tablename__ = "contract_versions"
    __table_args__ = (UniqueConstraint("contract_id", "number"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    contract: Mapped[Contract] = relationship(lazy="raise")
    number: Mapped[int] = mapped_column(Integer)
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(32))
    signed_on: Mapped[date] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    rent_starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    deposit: Mapped[Decimal] = mapped_column(Amount)
    units: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text, default="")


class Lead(Synced, Base):
    """A prospect in the pipeline: who, what they need, and how far along they are."""

    __tablename__ = "leads"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tenants.id"), nullable=True, index=True)
    tenant: Mapped[Tenant | None] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    company: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    stage: Mapped[str] = mapped_column(String(16), default="lead")
    stage_on: Mapped[date] = mapped_column(Date)
    lost_reason: Mapped[str] = mapped_column(String(200), default="")
    area_min: Mapped[Decimal] = mapped_column(Area)
    area_max: Mapped[Decimal] = mapped_column(Area)
    budget: Mapped[Decimal | None] = mapped_column(UnitPrice, nullable=True)
    move_in_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    unit_type: Mapped[UnitType | None] = mapped_column(enum_column(UnitType), nullable=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    owner: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class LeadStageStep(Ledger, Base):
    """One stage a lead reached: ``stage`` from ``stage_on``, moved there by ``actor``.

    Insert-only, so a lead's history outlives the outbox, which sync empties; the
    lead's own ``stage`` / ``stage_on`` stay its current state (last writer wins).
    ``moved_at`` is when the move was made; None for a step the 0008 migration could
    only derive from the lead's current stage (no one and no time known).
    """

    __tablename__ = "lead_stage_steps"

    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"), index=True)
    lead: Mapped[Lead] = relationship(lazy="raise")
    stage: Mapped[str] = mapped_column(String(32))
    stage_on: Mapped[date] = mapped_column(Date)
    lost_reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    moved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Quote(Synced, Base):
    """A proposal to a lead: units and terms, with the figures it was offered on."""

    __tablename__ = "quotes"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"), index=True)
    lead: Mapped[Lead] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    quoted_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    units: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    total_rent: Mapped[Decimal] = mapped_column(Amount)
    net_effective_rent: Mapped[Decimal] = mapped_column(UnitPrice)
    status: Mapped[str] = mapped_column(String(16), default="open")
    contract_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contracts.id"), nullable=True)
    contract: Mapped[Contract | None] = relationship(lazy="raise")
    notes: Mapped[str] = mapped_column(Text, default="")


class SalesReport(Synced, Base):
    """A tenant's reported sales for one month: what turnover rent is reckoned on."""

    __tablename__ = "sales_reports"
    __table_args__ = (UniqueConstraint("contract_id", "month"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    contract: Mapped[Contract] = relationship(lazy="raise")
    month: Mapped[date] = mapped_column(Date)  # the month's first day
    amount: Mapped[Decimal] = mapped_column(Amount)
    source: Mapped[str] = mapped_column(String(200), default="")


class PriceIndex(Synced, Base):
    """A price index's value for a year (CPI): what CPI-linked escalations read."""

    __tablename__ = "price_indices"
    __table_args__ = (UniqueConstraint("park_id", "series", "year"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    series: Mapped[str] = mapped_column(String(32), default="CPI")
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal] = mapped_column(ExactDecimal(12, 4))


class CheckpointMark(Synced, Base):
    """A contract checkpoint someone marked done (the checkpoints themselves follow from
    the dates, domain.leasing.lifecycle)."""

    __tablename__ = "checkpoint_marks"
    __table_args__ = (UniqueConstraint("contract_id", "code"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    contract: Mapped[Contract] = relationship(lazy="raise")
    code: Mapped[str] = mapped_column(String(32))
    done_on: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Alert(Synced, Base):
    """Something late or wrong that a person must see: a late checkpoint, for now.

    Its id derives from what it is about (uuid5 of contract and code), so
    raising it again, on any device, is the same alert.
    """

    __tablename__ = "alerts"

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    contract_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contracts.id"), nullable=True, index=True)
    contract: Mapped[Contract | None] = relationship(lazy="raise")
    kind: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    owner_role: Mapped[str] = mapped_column(String(32), default="")
    due_on: Mapped[date] = mapped_column(Date)
    raised_on: Mapped[date] = mapped_column(Date)
    cleared_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # done by a person
    # The day what it is about ended by itself (a collections tier left): not a deletion.
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ContractDocument(Synced, Base):
    """A file kept with a contract: the generated document for signing, or one attached."""

    __tablename__ = "contract_documents"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    contract: Mapped[Contract] = relationship(lazy="raise")
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))  # generated | attached
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    version: Mapped[int] = mapped_column(Integer, default=0)
    added_on: Mapped[date] = mapped_column(Date)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentTemplate(Synced, Base):
    """A park's contract document template (its text with {placeholders}), by language."""

    __tablename__ = "document_templates"
    __table_args__ = (UniqueConstraint("park_id", "name", "language"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    name: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)


class UnitMetric(Synced, Base):
    """One unit's readings for one month: energy, operating cost, use (SPEC §3 modes).

    Meters and readings import arrive with billing; this is what the energy,
    net-revenue and heat maps read, one row per unit and month.
    """

    __tablename__ = "unit_metrics"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    park: Mapped[Park] = relationship(lazy="raise")
    unit: Mapped[Unit] = relationship(lazy="raise")
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    energy_kwh: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2), nullable=True)
    cost: Mapped[Decimal | None] = mapped_column(Amount, nullable=True)
    access_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lighting_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal(8, 1), nullable=True)
    hvac_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal(8, 1), nullable=True)


# -- billing and receivables (issue 12) ---------------------------------------------------
# Ledgers (insert-only, SYNC.md): runs, bills and their lines, payments, allocations,
# deposit movements, invoices, meter readings and the finance system's entries. A
# correction is a new row pointing at the one it corrects; balances are computed from
# the rows, never stored.

Quantity = ExactDecimal(16, 3)  # meter readings and consumption (kWh, m³, GJ)
TaxRate = ExactDecimal(6, 4)  # 0.0900 for 9 %


class BillingRun(Ledger, Base):
    """A billing run as it was posted: its range and what it created, found and skipped."""

    __tablename__ = "billing_runs"

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)  # inclusive
    run_on: Mapped[date] = mapped_column(Date)
    created: Mapped[int] = mapped_column(Integer, default=0)
    existing: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    park: Mapped[Park] = relationship(lazy="raise")


class Bill(Ledger, Base):
    """One charge of one contract for one period, posted; its id is uuid5 of (contract,
    period start, charge), so billing the same period twice, on any device, is one bill.

    ``kind``: charge (from the schedule or a meter), adjustment (a change to a period
    already billed: ``corrects_id`` is the bill it corrects; negative when it credits),
    late_fee, final (a termination's settlement). The amount is its lines' sum.
    """

    __tablename__ = "bills"
    __table_args__ = (
        Index("ix_bills_contract_period", "contract_id", "period_start"),
        Index("ix_bills_tenant_due", "tenant_id", "due_on"),
    )

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    run_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("billing_runs.id"), nullable=True, index=True)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("bills.id"), nullable=True, index=True)
    number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    charge: Mapped[str] = mapped_column(String(64))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # Relationships order the inserts (a correction after the bill it corrects).
    park: Mapped[Park] = relationship(lazy="raise")
    contract: Mapped[Contract] = relationship(lazy="raise")
    tenant: Mapped[Tenant] = relationship(lazy="raise")
    run: Mapped[BillingRun | None] = relationship(lazy="raise")
    corrects: Mapped[Bill | None] = relationship(remote_side="Bill.id", lazy="raise")


class BillLine(Ledger, Base):
    """A line of a bill and why: ``explanation`` holds the schedule line's reasons, the
    meter readings or the allocation basis that made the amount."""

    __tablename__ = "bill_lines"
    __table_args__ = (UniqueConstraint("bill_id", "seq"),)

    bill_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bills.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    bill: Mapped[Bill] = relationship(lazy="raise")


class Payment(Ledger, Base):
    """Money received: entered, or a bank statement's row (``key``: its idempotency key
    within the account, so importing the same file again creates nothing)."""

    __tablename__ = "payments"
    __table_args__ = (UniqueConstraint("park_id", "account", "key"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    account: Mapped[str] = mapped_column(String(64), default="")
    key: Mapped[str] = mapped_column(String(128))
    received_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    payer: Mapped[str] = mapped_column(String(200), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    balance: Mapped[Decimal | None] = mapped_column(Amount, nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # manual | bank
    source_file: Mapped[str] = mapped_column(String(300), default="")
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tenants.id"), nullable=True, index=True)  # when entered for a tenant
    park: Mapped[Park] = relationship(lazy="raise")
    tenant: Mapped[Tenant | None] = relationship(lazy="raise")


class Allocation(Ledger, Base):
    """Money moved from a source (a payment, a credit bill, a deposit) to a bill, or back
    out to the payer (a refund: no bill). A reversal is a negative row naming the one it
    reverses."""

    __tablename__ = "allocations"
    __table_args__ = (Index("ix_allocations_source", "source_kind", "source_id"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    source_kind: Mapped[str] = mapped_column(String(16))  # payment | credit | deposit
    source_id: Mapped[uuid.UUID] = mapped_column(Id)
    bill_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("bills.id"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # allocate | reverse | refund
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("allocations.id"), nullable=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    on: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(16), default="person")  # auto | person
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    park: Mapped[Park] = relationship(lazy="raise")
    bill: Mapped[Bill | None] = relationship(lazy="raise")
    reverses: Mapped[Allocation | None] = relationship(remote_side="Allocation.id",
                                                        lazy="raise")


ONE_REVERSAL = "uq_deposit_movements_reverses_id"


class DepositMovement(Ledger, Base):
    """The deposit's own ledger: received, applied to arrears, refunded, carried out to or in
    from a renewal (``counterpart_id``: the other contract of the carry), or a reversal."""

    __tablename__ = "deposit_movements"
    # A movement is reversed once, whole (domain.billing.deposits.reversal): a second
    # reversal, written by another transaction or device, is refused here (0011).
    __table_args__ = (UniqueConstraint("reverses_id", name=ONE_REVERSAL),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    # received | applied | refunded | carried_out | carried_in | reversed
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Amount)
    on: Mapped[date] = mapped_column(Date)
    payment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("payments.id"), nullable=True)
    bill_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("bills.id"), nullable=True)
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("deposit_movements.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # A carry's other contract (0011; before it, only the note named it).
    counterpart_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contracts.id"), nullable=True)
    park: Mapped[Park] = relationship(lazy="raise")
    contract: Mapped[Contract] = relationship(lazy="raise", foreign_keys=[contract_id])
    payment: Mapped[Payment | None] = relationship(lazy="raise")
    bill: Mapped[Bill | None] = relationship(lazy="raise")
    reverses: Mapped[DepositMovement | None] = relationship(
        remote_side="DepositMovement.id", lazy="raise")


class Invoice(Ledger, Base):
    """An invoice event: a blue invoice issued for a bill, its void, or its red-letter
    reversal (红冲, ``of_id`` the blue one). The number is the tax platform's."""

    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("park_id", "number", "kind"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    bill_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bills.id"), index=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # blue | void | red
    of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)
    issued_on: Mapped[date] = mapped_column(Date)
    tax_rate: Mapped[Decimal] = mapped_column(TaxRate)
    amount_incl: Mapped[Decimal] = mapped_column(Amount)
    amount_excl: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    # Why a void or a red invoice was recorded (a tax audit asks); empty on a blue one.
    note: Mapped[str] = mapped_column(String(300), default="", server_default="")
    park: Mapped[Park] = relationship(lazy="raise")
    bill: Mapped[Bill] = relationship(lazy="raise")
    tenant: Mapped[Tenant] = relationship(lazy="raise")
    of: Mapped[Invoice | None] = relationship(remote_side="Invoice.id", lazy="raise")


class Tariff(Synced, Base):
    """A utility's price: flat, tiered or time-of-use, from ``valid_from`` (its
    ``document`` is ``domain.billing.tariffs``' record as JSON)."""

    __tablename__ = "tariffs"

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    utility: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    park: Mapped[Park] = relationship(lazy="raise")


class Meter(Synced, Base):
    """A meter in the tree: a main meter, its sub meters, a unit's meter. ``basis`` says how
    the shared consumption under it is allocated (by area, or weights per unit)."""

    __tablename__ = "meters"
    __table_args__ = (UniqueConstraint("park_id", "code"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    utility: Mapped[str] = mapped_column(String(16))  # electricity | water | gas | heat
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meters.id"), nullable=True, index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("units.id"), nullable=True, index=True)
    tariff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tariffs.id"), nullable=True)
    multiplier: Mapped[Decimal] = mapped_column(ExactDecimal(10, 3), default=Decimal(1))
    rollover_at: Mapped[Decimal | None] = mapped_column(Quantity, nullable=True)
    registers: Mapped[list[str]] = mapped_column(JSON, default=lambda: ["total"])
    basis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    installed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    removed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meters.id"), nullable=True)
    park: Mapped[Park] = relationship(lazy="raise")
    unit: Mapped[Unit | None] = relationship(lazy="raise")
    tariff: Mapped[Tariff | None] = relationship(lazy="raise")
    parent: Mapped[Meter | None] = relationship(
        remote_side="Meter.id", foreign_keys=[parent_id], lazy="raise")
    replaces: Mapped[Meter | None] = relationship(
        remote_side="Meter.id", foreign_keys=[replaces_id], lazy="raise")


class MeterReading(Ledger, Base):
    """A reading of one register of a meter; ``kind`` reading, final (the old meter taken
    out) or initial (a new one put in). Corrections are new readings, never edits."""

    __tablename__ = "meter_readings"
    __table_args__ = (Index("ix_meter_readings_meter_day", "meter_id", "read_on"),)

    meter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meters.id"))
    read_on: Mapped[date] = mapped_column(Date)
    register: Mapped[str] = mapped_column(String(16), default="total")
    value: Mapped[Decimal] = mapped_column(Quantity)
    kind: Mapped[str] = mapped_column(String(16), default="reading")
    source: Mapped[str] = mapped_column(String(16), default="manual")  # manual | import
    meter: Mapped[Meter] = relationship(lazy="raise")


class PayerAlias(Synced, Base):
    """A name a tenant pays under (a parent company, a person), confirmed by someone."""

    __tablename__ = "payer_aliases"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    park: Mapped[Park] = relationship(lazy="raise")
    tenant: Mapped[Tenant] = relationship(lazy="raise")


class BankMapping(Synced, Base):
    """The columns of an account's bank export when its headers do not say enough."""

    __tablename__ = "bank_mappings"
    __table_args__ = (UniqueConstraint("park_id", "account"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    account: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)
    park: Mapped[Park] = relationship(lazy="raise")


class Holiday(Synced, Base):
    """A day of the park's working calendar that is not what its weekday says: a public
    holiday on a weekday (``holiday``), or a weekend day worked in its place (``workday``,
    调休). Its id derives from the park and the day, so two devices entering one day make
    one row."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("park_id", "day"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # holiday | workday
    name: Mapped[str] = mapped_column(String(100), default="")
    park: Mapped[Park] = relationship(lazy="raise")


class FinanceEntry(Ledger, Base):
    """An entry the accounting system posted, imported back for the three-ledger check."""

    __tablename__ = "finance_entries"
    __table_args__ = (UniqueConstraint("park_id", "key"),)

    park_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parks.id"), index=True)
    key: Mapped[str] = mapped_column(String(128))
    entry_on: Mapped[date] = mapped_column(Date)
    account: Mapped[str] = mapped_column(String(100), default="")
    counterparty: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal] = mapped_column(Amount)
    reference: Mapped[str] = mapped_column(String(100), default="")
    voucher: Mapped[str] = mapped_column(String(64), default="")
    source_file: Mapped[str] = mapped_column(String(300), default="")
    park: Mapped[Park] = relationship(lazy="raise")


class WorkspaceMeta(Base):
    """Facts about this workspace file: device id, clock, creation. Not synced."""

    __tablename__ = "workspace_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Outbox(Base):
    """One operation waiting to be pushed: the change log that sync reads.

    Written in the same transaction as the change it describes, with who
    made it, when and on which device (the local audit trail). ``seq`` only
    orders this device's queue; it never leaves the device.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_entity", "entity", "entity_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Id, unique=True, default=uuid7)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(Id)
    field: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payload: Mapped[Any] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    device_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Park,
    Building,
    Floor,
    Unit,
    Tenant,
    Contract,
    ContractUnit,
    UnitMetric,
    SpaceEdit,
    ContractVersion,
    Lead,
    LeadStageStep,
    Quote,
    SalesReport,
    PriceIndex,
    CheckpointMark,
    Alert,
    ContractDocument,
    DocumentTemplate,
    BillingRun,
    Bill,
    BillLine,
    Payment,
    Allocation,
    DepositMovement,
    Invoice,
    Tariff,
    Meter,
    MeterReading,
    PayerAlias,
    BankMapping,
    FinanceEntry,
    Holiday,
)
