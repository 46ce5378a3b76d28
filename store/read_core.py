"""The read side's queries as SQLAlchemy Core statements, for any engine (PostgreSQL first).

The same queries as ``store.read_sql`` (same names, same columns in the same
order), built with ``select()`` over the schema's tables so they run where
the server runs. Selected columns are coerced to a type without a result
processor: rows come back as the driver returns them (text and integers from
SQLite, ``uuid.UUID``, ``Decimal``, ``date``, lists and bytes from psycopg)
and are decoded by the same functions as the ``sqlite3`` path's rows, so the
two paths cannot drift apart in how they read a value.

This module imports SQLAlchemy; the GUI's start-up path never imports it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    Row,
    Select,
    String,
    Text,
    case,
    cast,
    false,
    func,
    not_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.types import NullType

from domain.contracts import ContractStatus
from domain.space_use import SpaceUse
from store.schema import (
    Allocation,
    Bill,
    Building,
    Contract,
    ContractUnit,
    Floor,
    Meter,
    MeterReading,
    Park,
    Tenant,
    Unit,
    UnitMetric,
)

if TYPE_CHECKING:
    from store.read_model import Scope

P = Park.__table__.alias("p")
B = Building.__table__.alias("b")
F = Floor.__table__.alias("f")
U = Unit.__table__.alias("u")
T = Tenant.__table__.alias("t")
C = Contract.__table__.alias("c")
CU = ContractUnit.__table__.alias("cu")
M = UnitMetric.__table__.alias("m")
BL = Bill.__table__.alias("bl")
AL = Allocation.__table__.alias("al")
MT = Meter.__table__.alias("mt")
MU = Unit.__table__.alias("mu")  # a meter's unit
R = MeterReading.__table__.alias("r")
R2 = MeterReading.__table__.alias("r2")
U2 = Unit.__table__.alias("u2")  # units in a subquery of a query on ``u``
FB = Floor.__table__.alias("fb")  # floors in a subquery

_RAW = NullType()


def _raw(*columns: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    """Columns selected as the driver returns them (no SQLAlchemy result processing)."""
    return [type_coerce(c, _RAW).label(f"c{i}") for i, c in enumerate(columns)]


class _Order:
    """Text ordered byte by byte on every engine, as SQLite's BINARY collation does.

    PostgreSQL sorts text by its database's locale (en_US puts ``A1`` before
    ``A-10``, bytes the other way round); ``COLLATE "C"`` gives the desktop's order.
    """

    def __init__(self, dialect: str) -> None:
        self.bytewise = dialect == "postgresql"

    def __call__(self, column: ColumnElement[Any]) -> ColumnElement[Any]:
        return column.collate("C") if self.bytewise else column


def _unit_scope(scope: Scope | None) -> list[ColumnElement[bool]]:
    if scope is None:
        return []
    column = {"park": U.c.park_id, "building": F.c.building_id, "floor": U.c.floor_id,
              "unit": U.c.id}[scope.kind]
    return [column == scope.id]


def _unit_only_scope(u: Any, scope: Scope | None) -> list[ColumnElement[bool]]:
    """Units of ``u`` in scope without joining floors: a building's through a subquery."""
    if scope is None:
        return []
    if scope.kind == "building":
        return [u.c.floor_id.in_(select(FB.c.id).where(FB.c.building_id == scope.id))]
    column = {"park": u.c.park_id, "floor": u.c.floor_id, "unit": u.c.id}[scope.kind]
    return [column == scope.id]


def _floor_scope(scope: Scope | None) -> list[ColumnElement[bool]]:
    if scope is None:
        return []
    if scope.kind == "unit":
        unit_floor = select(Unit.__table__.c.floor_id).where(Unit.__table__.c.id == scope.id)
        return [F.c.id == unit_floor.scalar_subquery()]
    column = {"park": B.c.park_id, "building": F.c.building_id, "floor": F.c.id}[scope.kind]
    return [column == scope.id]


def _park_scope(column: ColumnElement[uuid.UUID], scope: Scope | None) -> list[ColumnElement[bool]]:
    if scope is None:
        return []
    if scope.kind != "park":
        raise KeyError(scope.kind)
    return [column == scope.id]


def _parks(o: _Order, scope: Scope | None) -> Select[Any]:
    return (select(*_raw(P.c.id, P.c.code, P.c.name, P.c.currency))
            .where(P.c.archived == false()).order_by(o(P.c.code)))


def _buildings(o: _Order, scope: Scope | None) -> Select[Any]:
    return (select(*_raw(B.c.id, B.c.park_id, B.c.code, B.c.name, B.c.kind))
            .where(B.c.archived == false()).order_by(B.c.sort_order, o(B.c.code)))


def _floors(o: _Order, scope: Scope | None) -> Select[Any]:
    return (select(*_raw(F.c.id, F.c.building_id, F.c.level, F.c.name, F.c.gross_area))
            .where(F.c.archived == false()).order_by(F.c.level.desc()))


def _floor_unit_counts(o: _Order, scope: Scope | None) -> Select[Any]:
    return (select(*_raw(U.c.floor_id, func.count()))
            .where(U.c.archived == false()).group_by(U.c.floor_id))


def _hold_status() -> ColumnElement[Any]:
    """``store.read_sql.HOLD_STATUS``: a unit an amendment released reads as terminated."""
    return case((CU.c.held_to.is_(None), cast(C.c.status, String)),
                else_=ContractStatus.TERMINATED.value)


def _hold_signed() -> ColumnElement[Any]:
    return func.coalesce(CU.c.held_from, C.c.signed_on)


def _hold_starts() -> ColumnElement[Any]:
    return func.coalesce(CU.c.held_from, C.c.starts_on)


def _hold_terminated() -> ColumnElement[Any]:
    """``store.read_sql.HOLD_TERMINATED``: the earlier of the contract's termination and the
    unit's release."""
    return case((CU.c.held_to.is_(None), C.c.terminated_on),
                ((C.c.terminated_on.is_not(None)) & (C.c.terminated_on < CU.c.held_to),
                 C.c.terminated_on),
                else_=CU.c.held_to)


def _holding_columns() -> list[ColumnElement[Any]]:
    return _raw(CU.c.unit_id, C.c.code, _hold_status(), _hold_signed(), _hold_starts(),
                C.c.ends_on, _hold_terminated(), C.c.rent_per_sqm_month, T.c.name,
                T.c.short_name)


def _holdings(o: _Order, scope: Scope | None) -> Select[Any]:
    return (
        select(*_holding_columns())
        .select_from(CU.join(C, C.c.id == CU.c.contract_id).join(T, T.c.id == C.c.tenant_id)
                     .join(U, U.c.id == CU.c.unit_id).join(F, F.c.id == U.c.floor_id))
        .where(CU.c.archived == false(), C.c.archived == false(),
               C.c.status != ContractStatus.DRAFT, *_unit_scope(scope))
        .order_by(_hold_starts(), o(C.c.code))
    )


def _units_in_order(o: _Order, scope: Scope | None, *columns: ColumnElement[Any]) -> Select[Any]:
    return (
        select(*_raw(*columns))
        .select_from(U.join(F, F.c.id == U.c.floor_id).join(B, B.c.id == F.c.building_id))
        .where(U.c.archived == false(), *_unit_scope(scope))
        .order_by(B.c.sort_order, o(B.c.code), F.c.level.desc(), o(U.c.code))
    )


def _unit_rows(o: _Order, scope: Scope | None) -> Select[Any]:
    return _units_in_order(
        o, scope, U.c.id, U.c.code, U.c.name, B.c.code, B.c.name, F.c.name, F.c.level,
        U.c.unit_type, U.c.status, U.c.gross_area, U.c.internal_area, U.c.common_share,
        U.c.leasable_area, U.c.billable_area, U.c.asking_rent, U.c.orientation,
        U.c.ceiling_height, U.c.floor_load, U.c.power_capacity, U.c.fit_out,
        cast(U.c.tags, Text),  # as text: a few distinct tag lists, each parsed once
        U.c.notes, U.c.row_version, U.c.space_use, U.c.use_reason,
    )


def _page_ids(o: _Order, scope: Scope | None, size: int) -> Select[Any]:
    """The ids of the first ``size`` live units in scope by code (the table's opening order)."""
    return (select(U2.c.id).where(U2.c.archived == false(), *_unit_only_scope(U2, scope))
            .order_by(o(U2.c.code)).limit(size))


def _unit_page(o: _Order, scope: Scope | None, size: int) -> Select[Any]:
    return (
        select(*_raw(U.c.id, U.c.code, U.c.name, B.c.code, B.c.name, F.c.name, F.c.level,
                     U.c.unit_type, U.c.status, U.c.gross_area, U.c.internal_area,
                     U.c.common_share, U.c.leasable_area, U.c.billable_area, U.c.asking_rent,
                     U.c.orientation, U.c.ceiling_height, U.c.floor_load, U.c.power_capacity,
                     U.c.fit_out, cast(U.c.tags, Text), U.c.notes, U.c.row_version,
                     U.c.space_use, U.c.use_reason))
        .select_from(U.join(F, F.c.id == U.c.floor_id).join(B, B.c.id == F.c.building_id))
        .where(U.c.id.in_(_page_ids(o, scope, size)))
        .order_by(o(U.c.code))
    )


def _page_holdings(o: _Order, scope: Scope | None, size: int) -> Select[Any]:
    return (
        select(*_holding_columns())
        .select_from(CU.join(C, C.c.id == CU.c.contract_id).join(T, T.c.id == C.c.tenant_id))
        .where(CU.c.archived == false(), C.c.archived == false(),
               C.c.status != ContractStatus.DRAFT, CU.c.unit_id.in_(_page_ids(o, scope, size)))
        .order_by(_hold_starts(), o(C.c.code))
    )


def _term_class(day: date) -> ColumnElement[str]:
    """``store.read_sql.TERM_CLASS``: a contract's status and how its dates compare with
    ``day``, as text (1 or 0 each; n for no termination)."""

    def flag(condition: ColumnElement[bool]) -> ColumnElement[str]:
        return case((condition, "1"), else_="0")

    terminated = _hold_terminated()
    ended = case((terminated.is_(None), "n"), (terminated >= day, "1"), else_="0")
    return (_hold_status() + ":" + flag(_hold_signed() <= day)
            + flag(_hold_starts() <= day) + flag(C.c.ends_on >= day) + ended)


def _occupancy_groups(o: _Order, scope: Scope | None, day: date) -> Select[Any]:
    classes = (
        select(func.aggregate_strings(_term_class(day), ","))
        .select_from(CU.join(C, C.c.id == CU.c.contract_id))
        .where(CU.c.unit_id == U.c.id, CU.c.archived == false(), C.c.archived == false(),
               C.c.status != ContractStatus.DRAFT)
        .scalar_subquery()
    )
    held = (
        select(U.c.status.label("status"), U.c.space_use.label("space_use"),
               # common units are never let: their contracts are not looked up
               case((U.c.space_use == SpaceUse.LEASABLE.value, classes)).label("classes"),
               cast(func.round(U.c.leasable_area * 100), Integer).label("cents"))
        .where(U.c.archived == false(), *_unit_only_scope(U, scope))
        .subquery("held")
    )
    return (
        select(*_raw(held.c.status, held.c.space_use, held.c.classes, func.count(),
                     func.sum(held.c.cents)))
        .group_by(held.c.status, held.c.space_use, held.c.classes)
    )


def _term_classes(o: _Order, scope: Scope | None, day: date) -> Select[Any]:
    # Each holding's class and dates first, grouped outside: PostgreSQL matches a GROUP BY
    # expression to a selected one only when their bound parameters are the same objects.
    held = (
        select(_term_class(day).label("kind"), _hold_status().label("status"),
               _hold_signed().label("signed"), _hold_starts().label("starts"),
               C.c.ends_on.label("ends"), _hold_terminated().label("ended"))
        .select_from(CU.join(C, C.c.id == CU.c.contract_id))
        .where(CU.c.archived == false(), C.c.archived == false(),
               C.c.status != ContractStatus.DRAFT)
        .subquery("held")
    )
    return (
        select(*_raw(held.c.kind, held.c.status, func.min(held.c.signed),
                     func.min(held.c.starts), func.min(held.c.ends), func.min(held.c.ended)))
        .group_by(held.c.kind, held.c.status)
    )


def _map_units(o: _Order, scope: Scope | None) -> Select[Any]:
    return _units_in_order(
        o, scope, U.c.id, U.c.code, U.c.name, U.c.floor_id, F.c.level, U.c.geometry,
        U.c.status, U.c.leasable_area, U.c.asking_rent, U.c.space_use, U.c.internal_area,
    )


def _unit_metrics(o: _Order, scope: Scope | None, after: date, before: date) -> Select[Any]:
    return (
        select(*_raw(M.c.unit_id, M.c.month, M.c.energy_kwh, M.c.cost, M.c.access_count,
                     M.c.lighting_hours, M.c.hvac_hours))
        .select_from(M.join(U, U.c.id == M.c.unit_id).join(F, F.c.id == U.c.floor_id))
        .where(M.c.archived == false(), M.c.month >= after, M.c.month < before,
               *_unit_scope(scope))
        .order_by(M.c.month)
    )


def _first_reading_month(o: _Order, scope: Scope | None) -> Select[Any]:
    """``store.read_sql``'s ``first_reading_month``: the first day of the units' monthly
    figures or of their electricity meters' readings."""
    scoped = (select(U.c.id).select_from(U.join(F, F.c.id == U.c.floor_id))
              .where(*_unit_scope(scope)).cte("scoped"))
    firsts = union_all(
        select(func.min(M.c.month).label("first_day"))
        .where(M.c.archived == false(), M.c.unit_id.in_(select(scoped.c.id))),
        select(func.min(R.c.read_on).label("first_day"))
        .select_from(R.join(MT, MT.c.id == R.c.meter_id))
        .where(R.c.archived == false(), MT.c.archived == false(),
               MT.c.utility == "electricity", MT.c.unit_id.in_(select(scoped.c.id))),
    ).subquery("firsts")
    return select(*_raw(func.min(firsts.c.first_day)))


def _energy_parks(scope: Scope | None) -> Select[Any]:
    """The parks with units in scope (``store.read_sql``'s subquery on ``u`` and ``f``)."""
    return (select(U.c.park_id).select_from(U.join(F, F.c.id == U.c.floor_id))
            .where(*_unit_scope(scope)))


def _energy_meters(o: _Order, scope: Scope | None) -> Select[Any]:
    return (
        select(*_raw(MT.c.id, MT.c.code, MT.c.parent_id, MT.c.unit_id, MT.c.multiplier,
                     MT.c.rollover_at, cast(MT.c.registers, Text), cast(MT.c.basis, Text),
                     MU.c.billable_area, MT.c.installed_on, MT.c.removed_on,
                     MT.c.replaces_id))
        .select_from(MT.outerjoin(MU, MU.c.id == MT.c.unit_id))
        .where(MT.c.archived == false(), MT.c.utility == "electricity",
               MT.c.park_id.in_(_energy_parks(scope)))
        .order_by(o(MT.c.code), MT.c.id)
    )


def _energy_readings(o: _Order, scope: Scope | None, opens: date, closes: date,
                     ) -> Select[Any]:
    opening = (select(func.max(R2.c.read_on))
               .where(R2.c.meter_id == R.c.meter_id, R2.c.register == R.c.register,
                      R2.c.archived == false(), R2.c.read_on <= opens)
               .scalar_subquery())
    return (
        select(*_raw(R.c.meter_id, R.c.read_on, R.c.register, R.c.value, R.c.kind))
        .select_from(R.join(MT, MT.c.id == R.c.meter_id))
        .where(R.c.archived == false(), MT.c.archived == false(),
               MT.c.utility == "electricity",
               R.c.read_on >= func.coalesce(opening, R.c.read_on), R.c.read_on <= closes,
               MT.c.park_id.in_(_energy_parks(scope)))
        .order_by(o(R.c.hlc), R.c.id)
    )


def _cents(column: ColumnElement[Any]) -> ColumnElement[int]:
    """``store.read_sql.CENTS``: an amount stored with two places, in whole cents."""
    return cast(func.round(column * 100), Integer)


def _unit_arrears(o: _Order, scope: Scope | None, day: date) -> Select[Any]:
    """``store.read_sql``'s ``unit_arrears``: each unit's contracts' overdue balances."""
    held = (select(CU.c.unit_id, CU.c.contract_id)
            .select_from(CU.join(U, U.c.id == CU.c.unit_id).join(F, F.c.id == U.c.floor_id))
            .where(CU.c.archived == false(), *_unit_scope(scope))
            .cte("held"))
    owed_from = case((BL.c.issued_on > BL.c.due_on, BL.c.issued_on), else_=BL.c.due_on)
    scoped = (select(BL.c.id, BL.c.corrects_id, BL.c.kind, BL.c.contract_id,
                     owed_from.label("due_on"), _cents(BL.c.amount).label("cents"))
              .where(BL.c.contract_id.in_(select(held.c.contract_id)))
              .cte("scoped"))
    credit = ((scoped.c.kind == "adjustment") & scoped.c.corrects_id.is_not(None)
              & (scoped.c.cents < 0))
    owed = union_all(
        select(case((credit, scoped.c.corrects_id), else_=scoped.c.id).label("bill_id"),
               scoped.c.cents.label("cents")),
        select(AL.c.bill_id, (-_cents(AL.c.amount)).label("cents"))
        .where(AL.c.on <= day, AL.c.bill_id.in_(select(scoped.c.id))),
    ).cte("owed")
    total = func.sum(owed.c.cents)
    open_bills = (select(scoped.c.contract_id, scoped.c.due_on, total.label("cents"))
                  .select_from(owed.join(scoped, scoped.c.id == owed.c.bill_id))
                  .where(scoped.c.due_on < day, not_(credit))
                  .group_by(scoped.c.id, scoped.c.contract_id, scoped.c.due_on)
                  .having(total > 0)
                  .cte("open_bills"))
    by_contract = (select(open_bills.c.contract_id, func.sum(open_bills.c.cents).label("cents"),
                          func.min(open_bills.c.due_on).label("oldest"))
                   .group_by(open_bills.c.contract_id)
                   .cte("by_contract"))
    return (
        select(*_raw(held.c.unit_id, C.c.code, by_contract.c.cents, by_contract.c.oldest))
        .select_from(by_contract.join(held, held.c.contract_id == by_contract.c.contract_id)
                     .join(C, C.c.id == by_contract.c.contract_id))
        .order_by(held.c.unit_id, o(C.c.code))
    )


def _floor_drawings(o: _Order, scope: Scope | None) -> Select[Any]:
    return (
        select(*_raw(F.c.id, F.c.building_id, F.c.level, F.c.name, F.c.background))
        .select_from(F.join(B, B.c.id == F.c.building_id))
        .where(F.c.archived == false(), *_floor_scope(scope))
        .order_by(B.c.sort_order, o(B.c.code), F.c.level.desc())
    )


def _building_sites(o: _Order, scope: Scope | None) -> Select[Any]:
    return (select(*_raw(B.c.id, B.c.code, B.c.name, B.c.footprint, B.c.sort_order))
            .where(B.c.archived == false(), *_park_scope(B.c.park_id, scope))
            .order_by(B.c.sort_order, o(B.c.code)))


def _site_plan(o: _Order, scope: Scope | None) -> Select[Any]:
    return select(*_raw(P.c.site_plan)).where(*_park_scope(P.c.id, scope))


def _floor_outline(o: _Order, scope: Scope | None) -> Select[Any]:
    return select(*_raw(F.c.outline, F.c.background)).where(*_floor_scope(scope))


STATEMENTS: dict[str, Callable[..., Select[Any]]] = {
    "parks": _parks,
    "buildings": _buildings,
    "floors": _floors,
    "floor_unit_counts": _floor_unit_counts,
    "holdings": _holdings,
    "unit_rows": _unit_rows,
    "unit_page": _unit_page,
    "page_holdings": _page_holdings,
    "occupancy_groups": _occupancy_groups,
    "term_classes": _term_classes,
    "map_units": _map_units,
    "unit_metrics": _unit_metrics,
    "first_reading_month": _first_reading_month,
    "energy_meters": _energy_meters,
    "energy_readings": _energy_readings,
    "unit_arrears": _unit_arrears,
    "floor_drawings": _floor_drawings,
    "building_sites": _building_sites,
    "site_plan": _site_plan,
    "floor_outline": _floor_outline,
}


class CoreSource:
    """The named queries through a SQLAlchemy engine (one pooled connection per query).

    No cache: a server has no ``data_version`` to tell it when to drop one,
    and its rows are read per request.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._order = _Order(engine.dialect.name)

    def close(self) -> None:
        """Nothing to close: the engine belongs to whoever made it."""

    def fetch(self, query: str, scope: Scope | None, *args: object) -> Sequence[Row[Any]]:
        """Run ``query`` with ``args``, limited to ``scope`` (None: everything)."""
        stmt = STATEMENTS[query](self._order, scope, *args)
        with self.engine.connect() as connection:
            return connection.execute(stmt).all()

    def version(self) -> int | None:
        """None: results are never reused."""
        return None
