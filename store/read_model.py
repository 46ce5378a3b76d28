"""What the window reads: the register tree and unit rows, straight from SQLite.

This is the query side of the store. It reads with the standard library's
``sqlite3`` and plain SQL, so the GUI can show a workspace before SQLAlchemy
has even loaded, and a 20,000-unit table is not 20,000 ORM objects. Writes go
through ``store.workspace`` and the ORM, which capture changes for sync.
Occupancy on a date is decided by ``domain.contracts.holding_on``, so the
table, the maps and time travel agree.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from domain.assets import BuildingKind, FitOut, Orientation, UnitStatus, UnitType
from domain.contracts import ContractStatus, ContractTerm, Holding, Occupancy, holding_on
from domain.occupancy import OccupancySummary, UnitState, summarize_occupancy, unit_state


@dataclass(frozen=True)
class FloorNode:
    id: uuid.UUID
    level: int
    name: str
    unit_count: int


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

    @property
    def state(self) -> UnitState:
        """What the unit is on the rows' date (``domain.occupancy``'s table)."""
        return unit_state(self.status, self.occupancy)


def summarize(rows: Iterable[UnitRow]) -> OccupancySummary:
    """Occupancy by area on the rows' date, by the one table in ``domain.occupancy``."""
    return summarize_occupancy((r.status, r.occupancy, r.leasable_area) for r in rows)


# -- decoding what SQLAlchemy wrote on SQLite ------------------------------------
# Uuid columns are 32 hex digits, ExactDecimal columns text, dates ISO text,
# JSON columns text, booleans 0/1, enums their value.


@functools.lru_cache(maxsize=1 << 18)
def _id(text: str) -> uuid.UUID:
    """Ids parse once: a 20,000-unit park re-read on every date change would spend a
    fifth of its time making the same UUIDs again (they are immutable, so shared)."""
    return uuid.UUID(hex=text)


def _key(value: uuid.UUID) -> str:
    return value.hex


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


_UNIT_SQL = """
SELECT u.id, u.code, u.name, b.code, b.name, f.name, f.level, u.unit_type, u.status,
       u.gross_area, u.internal_area, u.common_share, u.leasable_area, u.billable_area,
       u.asking_rent, u.orientation, u.ceiling_height, u.floor_load, u.power_capacity,
       u.fit_out, u.tags, u.notes, u.row_version
FROM units u
JOIN floors f ON f.id = u.floor_id
JOIN buildings b ON b.id = f.building_id
WHERE u.archived = 0 {where}
ORDER BY b.sort_order, b.code, f.level DESC, u.code
"""

_HOLDING_SQL = """
SELECT cu.unit_id, c.code, c.status, c.signed_on, c.starts_on, c.ends_on, c.terminated_on,
       c.rent_per_sqm_month, t.name, t.short_name
FROM contract_units cu
JOIN contracts c ON c.id = cu.contract_id
JOIN tenants t ON t.id = c.tenant_id
JOIN units u ON u.id = cu.unit_id
JOIN floors f ON f.id = u.floor_id
WHERE cu.archived = 0 AND c.archived = 0 AND c.status != 'draft' {where}
"""

_SCOPE_WHERE = {
    "park": "AND u.park_id = ?",
    "building": "AND f.building_id = ?",
    "floor": "AND u.floor_id = ?",
    "unit": "AND u.id = ?",
}


class ReadModel:
    """Read-only queries on one workspace file (thread-safe: one query at a time)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(str(self.path), check_same_thread=False)
        self._db.execute("PRAGMA query_only=1")
        self._holdings: dict[Scope | None, tuple[int, dict[uuid.UUID, list[Holding]]]] = {}

    def close(self) -> None:
        self._db.close()

    def query(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Run one read-only statement (the other query modules of the store use this)."""
        return self._db.execute(sql, params)

    def park_tree(self) -> list[ParkNode]:
        """Every live park with its buildings and floors, in display order."""
        db = self._db
        counts = dict(
            db.execute("SELECT floor_id, count(*) FROM units WHERE archived = 0 GROUP BY floor_id")
        )
        floors: dict[str, list[FloorNode]] = {}
        for fid, bid, level, name in db.execute(
            "SELECT id, building_id, level, name FROM floors WHERE archived = 0 ORDER BY level DESC"
        ):
            floors.setdefault(bid, []).append(FloorNode(_id(fid), level, name, counts.get(fid, 0)))
        buildings: dict[str, list[BuildingNode]] = {}
        for bid, pid, code, name, kind in db.execute(
            "SELECT id, park_id, code, name, kind FROM buildings WHERE archived = 0 "
            "ORDER BY sort_order, code"
        ):
            buildings.setdefault(pid, []).append(
                BuildingNode(_id(bid), code, name, BuildingKind(kind), tuple(floors.get(bid, ())))
            )
        return [
            ParkNode(_id(pid), code, name, currency, tuple(buildings.get(pid, ())))
            for pid, code, name, currency in db.execute(
                "SELECT id, code, name, currency FROM parks WHERE archived = 0 ORDER BY code"
            )
        ]

    def holdings(self, scope: Scope | None = None) -> dict[uuid.UUID, list[Holding]]:
        """Every non-draft contract's hold per unit in ``scope``, over all dates.

        They do not depend on the date, so a date change (time travel) reuses
        them until SQLite's ``data_version`` says another connection wrote.
        Callers only read the result.
        """
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        cached = self._holdings.get(scope)
        if cached is not None and cached[0] == version:
            return cached[1]
        result = self._read_holdings(scope)
        if len(self._holdings) >= 8:
            self._holdings.clear()
        self._holdings[scope] = (version, result)
        return result

    def _read_holdings(self, scope: Scope | None) -> dict[uuid.UUID, list[Holding]]:
        where, params = self._where(scope)
        result: dict[uuid.UUID, list[Holding]] = {}
        for (
            unit_id,
            code,
            status,
            signed,
            starts,
            ends,
            terminated,
            rent,
            name,
            short,
        ) in self._db.execute(_HOLDING_SQL.format(where=where), params):
            term = ContractTerm(
                date.fromisoformat(signed),
                date.fromisoformat(starts),
                date.fromisoformat(ends),
                ContractStatus(status),
                _day(terminated),
            )
            result.setdefault(_id(unit_id), []).append(
                Holding(term, short or name, code, Decimal(rent))
            )
        return result

    def unit_rows(self, scope: Scope | None, day: date) -> list[UnitRow]:
        """The live units in ``scope`` as they stand on ``day``."""
        where, params = self._where(scope)
        holds = self.holdings(scope)
        rows = []
        for record in self._db.execute(_UNIT_SQL.format(where=where), params):
            unit_id = _id(record[0])
            occupancy, hold = holding_on(holds.get(unit_id, ()), day)
            rows.append(
                UnitRow(
                    id=unit_id,
                    code=record[1],
                    name=record[2],
                    building_code=record[3],
                    building_name=record[4],
                    floor_name=record[5],
                    level=record[6],
                    unit_type=UnitType(record[7]),
                    status=UnitStatus(record[8]),
                    gross_area=Decimal(record[9]),
                    internal_area=Decimal(record[10]),
                    common_share=Decimal(record[11]),
                    leasable_area=Decimal(record[12]),
                    billable_area=Decimal(record[13]),
                    asking_rent=_dec(record[14]),
                    orientation=None if record[15] is None else Orientation(record[15]),
                    ceiling_height=_dec(record[16]),
                    floor_load=_dec(record[17]),
                    power_capacity=_dec(record[18]),
                    fit_out=None if record[19] is None else FitOut(record[19]),
                    tags=tuple(json.loads(record[20] or "[]")),
                    notes=record[21],
                    occupancy=occupancy,
                    tenant=hold.tenant if hold else "",
                    contract_code=hold.contract_code if hold else "",
                    contract_ends_on=hold.term.ends_on if hold else None,
                    rent=hold.rent if hold else None,
                    row_version=record[22],
                )
            )
        return rows

    def unit_row(self, unit_id: uuid.UUID, day: date) -> UnitRow:
        rows = self.unit_rows(Scope("unit", unit_id), day)
        if not rows:
            raise LookupError(f"no live unit with id {unit_id}")
        return rows[0]

    @staticmethod
    def where(scope: Scope | None) -> tuple[str, tuple[str, ...]]:
        """The SQL condition on ``units u`` / ``floors f`` that limits a query to ``scope``."""
        return ReadModel._where(scope)

    @staticmethod
    def _where(scope: Scope | None) -> tuple[str, tuple[str, ...]]:
        if scope is None:
            return "", ()
        return _SCOPE_WHERE[scope.kind], (_key(scope.id),)
