"""What the window reads: the register tree and unit rows, on SQLite or any engine.

This is the query side of the store. On a workspace file it reads with the
standard library's ``sqlite3`` and plain SQL (``store.read_sql``), so the GUI
can show a workspace before SQLAlchemy has even loaded; on an engine
(PostgreSQL for the server) it runs the same queries as Core statements
(``store.read_core``). Either way a 20,000-unit table is not 20,000 ORM
objects, and the rows go through the same decoders below. Writes go through
``store.workspace`` and the ORM, which capture changes for sync. Occupancy on
a date is decided by ``domain.contracts.holding_on``, so the table, the maps
and time travel agree.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from domain.assets import BuildingKind, FitOut, Orientation, UnitStatus, UnitType
from domain.contracts import ContractStatus, ContractTerm, Holding, Occupancy, holding_on
from domain.occupancy import OccupancySummary, UnitState, summarize_occupancy, unit_state
from domain.space_use import SpaceUse
from store.decode import Members, as_date, as_decimal, as_id, as_optional_date, as_strings
from store.read_sql import UNIT_SCOPE, SqliteSource

if TYPE_CHECKING:  # SQLAlchemy stays off the start-up path
    from sqlalchemy import Engine


@dataclass(frozen=True)
class FloorNode:
    id: uuid.UUID
    level: int
    name: str
    unit_count: int
    gross_area: Decimal | None = None  # the floor outline's area, when its drawing had one


@dataclass(frozen=True)
class BuildingNode:
    id: uuid.UUID
    code: str
    name: str
    kind: BuildingKind
    floors: tuple[FloorNode, ...]


@dataclass(frozen=True)
class ParkNode:
    id: uuid.UUID
    code: str
    name: str
    currency: str
    buildings: tuple[BuildingNode, ...]


@dataclass(frozen=True)
class Scope:
    """Which part of the register a table shows: a park, building or floor."""

    kind: str  # "park" | "building" | "floor"
    id: uuid.UUID


@dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    code: str
    name: str
    building_code: str
    building_name: str
    floor_name: str
    level: int
    unit_type: UnitType
    status: UnitStatus
    gross_area: Decimal
    internal_area: Decimal
    common_share: Decimal
    leasable_area: Decimal
    billable_area: Decimal
    asking_rent: Decimal | None
    orientation: Orientation | None
    ceiling_height: Decimal | None
    floor_load: Decimal | None
    power_capacity: Decimal | None
    fit_out: FitOut | None
    tags: tuple[str, ...]
    notes: str
    occupancy: Occupancy
    tenant: str
    contract_code: str
    contract_ends_on: date | None
    rent: Decimal | None
    row_version: int
    use: SpaceUse = SpaceUse.LEASABLE
    use_reason: str = ""  # the classification's code and word, or "manual"

    @property
    def state(self) -> UnitState:
        """What the unit is on the rows' date (``domain.occupancy``'s table)."""
        return unit_state(self.status, self.occupancy, self.use)


def summarize(rows: Iterable[UnitRow]) -> OccupancySummary:
    """Occupancy by area on the rows' date, by the one table in ``domain.occupancy``."""
    return summarize_occupancy((r.status, r.occupancy, r.leasable_area, r.use) for r in rows)


# -- decoders: one per row shape, for the rows of either engine ----------------------
# Raw values as ``store.decode`` describes them; the queries are ``store.read_sql``'s
# and ``store.read_core``'s, with the same columns in the same order.

_UNIT_TYPES = Members(UnitType)
_UNIT_STATUSES = Members(UnitStatus)
_ORIENTATIONS = Members(Orientation)
_FIT_OUTS = Members(FitOut)
_CONTRACT_STATUSES = Members(ContractStatus)
_BUILDING_KINDS = Members(BuildingKind)
_USES = Members(SpaceUse)
_NO_RENT = Decimal(0)  # a hold read for its term alone (``ReadModel.summary``)
STEP_ROWS = 2000  # rows decoded between two checks for a cancel


def decode_park_tree(
    parks: Iterable[Sequence[Any]],
    buildings: Iterable[Sequence[Any]],
    floors: Iterable[Sequence[Any]],
    unit_counts: Iterable[Sequence[Any]],
) -> list[ParkNode]:
    """The tree from the ``parks``, ``buildings``, ``floors`` and ``floor_unit_counts`` rows.

    Rows are joined on their raw ids (whatever form the engine gives, the
    same in every query), so each id is decoded once.
    """
    counts = {fid: n for fid, n in unit_counts}
    floors_of: dict[Any, list[FloorNode]] = {}
    for fid, bid, level, name, gross in floors:
        floors_of.setdefault(bid, []).append(
            FloorNode(as_id(fid), level, name, counts.get(fid, 0), as_decimal(gross)))
    buildings_of: dict[Any, list[BuildingNode]] = {}
    for bid, pid, code, name, kind in buildings:
        buildings_of.setdefault(pid, []).append(
            BuildingNode(as_id(bid), code, name, _BUILDING_KINDS[kind],
                         tuple(floors_of.get(bid, ())))
        )
    return [
        ParkNode(as_id(pid), code, name, currency, tuple(buildings_of.get(pid, ())))
        for pid, code, name, currency in parks
    ]


def decode_holding(record: Sequence[Any]) -> tuple[uuid.UUID, Holding]:
    """A ``holdings`` row: the unit and its contract's hold on it."""
    unit_id, code, status, signed, starts, ends, terminated, rent, name, short = record
    term = ContractTerm(as_date(signed), as_date(starts), as_date(ends),
                        _CONTRACT_STATUSES[status], as_optional_date(terminated))
    return as_id(unit_id), Holding(term, short or name, code, Decimal(rent))


def decode_unit_row(
    record: Sequence[Any], holds: Mapping[uuid.UUID, list[Holding]], day: date
) -> UnitRow:
    """A ``unit_rows`` row as it stands on ``day``, given every hold in its scope."""
    (uid, code, name, building_code, building_name, floor_name, level, unit_type, status,
     gross, internal, common, leasable, billable, asking, orientation, ceiling, load, power,
     fit_out, tags, notes, row_version, use, use_reason) = record
    unit_id = as_id(uid)
    occupancy, hold = holding_on(holds.get(unit_id, ()), day)
    return UnitRow(
        id=unit_id,
        code=code,
        name=name,
        building_code=building_code,
        building_name=building_name,
        floor_name=floor_name,
        level=level,
        unit_type=_UNIT_TYPES[unit_type],
        status=_UNIT_STATUSES[status],
        gross_area=Decimal(gross),
        internal_area=Decimal(internal),
        common_share=Decimal(common),
        leasable_area=Decimal(leasable),
        billable_area=Decimal(billable),
        asking_rent=as_decimal(asking),
        orientation=_ORIENTATIONS.optional(orientation),
        ceiling_height=as_decimal(ceiling),
        floor_load=as_decimal(load),
        power_capacity=as_decimal(power),
        fit_out=_FIT_OUTS.optional(fit_out),
        tags=as_strings(tags),
        notes=notes,
        occupancy=occupancy,
        tenant=hold.tenant if hold else "",
        contract_code=hold.contract_code if hold else "",
        contract_ends_on=hold.term.ends_on if hold else None,
        rent=hold.rent if hold else None,
        row_version=row_version,
        use=_USES[use],
        use_reason=use_reason,
    )


# -- reading -----------------------------------------------------------------------------


class RowSource(Protocol):
    """Where raw rows come from: ``sqlite3`` (``store.read_sql``) or Core (``store.read_core``)."""

    def fetch(self, query: str, scope: Scope | None, *args: object) -> Iterable[Sequence[Any]]:
        """The raw rows of a named query, limited to ``scope``."""
        ...

    def version(self) -> int | None:
        """A number that changes when the data may have; None when it cannot tell."""
        ...

    def close(self) -> None: ...


class ReadModel:
    """Read-only queries on one workspace (thread-safe: one query at a time).

    ``ReadModel(path)`` reads a workspace file with ``sqlite3``, without
    loading SQLAlchemy (the GUI's start-up); ``ReadModel.on_engine(engine)``
    runs the same queries as Core statements on any engine (PostgreSQL on
    the server). Both give the same records: the rows go through the same
    decoders.
    """

    def __init__(self, path: Path | str | None = None, source: RowSource | None = None) -> None:
        if source is None:
            if path is None:
                raise TypeError("a read model needs a workspace file or a source of rows")
            source = SqliteSource(Path(path))
        self.path = None if path is None else Path(path)
        self.source = source
        self._holdings: dict[Scope | None, tuple[int, dict[uuid.UUID, list[Holding]]]] = {}

    @classmethod
    def on_engine(cls, engine: Engine) -> ReadModel:
        """A read model on a SQLAlchemy engine (imports SQLAlchemy; never at start-up).

        Closing it leaves the engine open: it belongs to the caller.
        """
        from store.read_core import CoreSource

        return cls(source=CoreSource(engine))

    def close(self) -> None:
        self.source.close()

    def fetch(self, query: str, scope: Scope | None, *args: object) -> Iterable[Sequence[Any]]:
        """The raw rows of one named query (``store.map_query`` decodes its own with this)."""
        return self.source.fetch(query, scope, *args)

    def query(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Run one read-only SQL text on the ``sqlite3`` path (kept for older callers)."""
        if not isinstance(self.source, SqliteSource):
            raise TypeError("SQL text runs on the sqlite3 path only; use fetch()")
        return self.source.db.execute(sql, params)

    def park_tree(self) -> list[ParkNode]:
        """Every live park with its buildings and floors, in display order."""
        fetch = self.source.fetch
        return decode_park_tree(fetch("parks", None), fetch("buildings", None),
                                fetch("floors", None), fetch("floor_unit_counts", None))

    def holdings(self, scope: Scope | None = None) -> dict[uuid.UUID, list[Holding]]:
        """Every non-draft contract's hold per unit in ``scope``, over all dates.

        They do not depend on the date, so on a workspace file a date change
        (time travel) reuses them until SQLite's ``data_version`` says
        another connection wrote; on an engine they are read each time.
        Callers only read the result.
        """
        version = self.source.version()
        if version is None:
            return self._read_holdings(scope)
        cached = self._holdings.get(scope)
        if cached is not None and cached[0] == version:
            return cached[1]
        result = self._read_holdings(scope)
        if len(self._holdings) >= 8:
            self._holdings.clear()
        self._holdings[scope] = (version, result)
        return result

    def _read_holdings(self, scope: Scope | None) -> dict[uuid.UUID, list[Holding]]:
        result: dict[uuid.UUID, list[Holding]] = {}
        for record in self.source.fetch("holdings", scope):
            unit_id, hold = decode_holding(record)
            result.setdefault(unit_id, []).append(hold)
        return result

    def unit_rows(self, scope: Scope | None, day: date,
                  step: Callable[[int, int], None] | None = None) -> list[UnitRow]:
        """The live units in ``scope`` as they stand on ``day``.

        ``step(done, total)`` is called every few thousand rows of a long read, so
        work in the background can be cancelled there (it raises).
        """
        holds = self.holdings(scope)
        records = self.source.fetch("unit_rows", scope)
        if step is None:
            return [decode_unit_row(record, holds, day) for record in records]
        records = list(records)
        rows: list[UnitRow] = []
        for start in range(0, len(records), STEP_ROWS):
            step(start, len(records))
            rows.extend(decode_unit_row(record, holds, day)
                        for record in records[start:start + STEP_ROWS])
        return rows

    def unit_page(self, scope: Scope | None, day: date, size: int) -> list[UnitRow]:
        """The first ``size`` live units in ``scope`` by code, as they stand on ``day``.

        What the table shows first, read before the rest of a big park.
        """
        holds: dict[uuid.UUID, list[Holding]] = {}
        for record in self.source.fetch("page_holdings", scope, size):
            unit_id, hold = decode_holding(record)
            holds.setdefault(unit_id, []).append(hold)
        return [decode_unit_row(record, holds, day)
                for record in self.source.fetch("unit_page", scope, size)]

    def summary(self, scope: Scope | None, day: date) -> OccupancySummary:
        """What :func:`summarize` says of ``unit_rows(scope, day)``, without reading the rows.

        A 20,000-unit park's totals are on screen before its rows: the database
        counts the units and sums their areas per status and set of contract
        classes held (``store.read_sql``'s ``occupancy_groups``: all contracts of a
        class compare with the day alike), a few dozen groups. What each group is
        on the day is still decided by ``domain.contracts.holding_on`` and
        ``domain.occupancy``, on one contract of each class.
        """
        holds: dict[str, Holding] = {}
        for kind, status, signed, starts, ends, ended in self.source.fetch(
                "term_classes", None, day):
            term = ContractTerm(as_date(signed), as_date(starts), as_date(ends),
                                _CONTRACT_STATUSES[status], as_optional_date(ended))
            holds[kind] = Holding(term, "", "", _NO_RENT)
        count, common, leasable, leased, vacant = 0, 0, Decimal(0), Decimal(0), Decimal(0)
        for status, use, classes, units, cents in self.source.fetch(
                "occupancy_groups", scope, day):
            held = [holds[kind] for kind in sorted(set(classes.split(",")))] if classes else []
            occupancy, _ = holding_on(held, day)
            area = Decimal(cents).scaleb(-2)  # exact: areas are stored with two places
            part = summarize_occupancy([(_UNIT_STATUSES[status], occupancy, area, _USES[use])])
            count += units
            common += units if part.common else 0
            leasable += part.leasable_area
            leased += part.leased_area
            vacant += part.vacant_area
        return OccupancySummary(count, leasable, leased, vacant, common)

    def first_reading_month(self, scope: Scope | None) -> date | None:
        """The first month (its first day) with readings in ``scope``: the earlier of the
        units' first monthly figures and their electricity meters' first reading (the
        energy mode reads both); None without any. The database finds it: the maps ask
        it of a whole park on every date before."""
        for (first,) in self.source.fetch("first_reading_month", scope):
            day = as_optional_date(first)
            return None if day is None else day.replace(day=1)
        return None

    def unit_row(self, unit_id: uuid.UUID, day: date) -> UnitRow:
        rows = self.unit_rows(Scope("unit", unit_id), day)
        if not rows:
            raise LookupError(f"no live unit with id {unit_id}")
        return rows[0]

    @staticmethod
    def where(scope: Scope | None) -> tuple[str, tuple[str, ...]]:
        """The SQL condition on ``units u`` / ``floors f`` that limits a query to ``scope``."""
        if scope is None:
            return "", ()
        return UNIT_SCOPE[scope.kind], (scope.id.hex,)
