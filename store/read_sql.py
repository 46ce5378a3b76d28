"""The read side's queries as SQL text, run with the standard library's ``sqlite3``.

The GUI reads a workspace with these before SQLAlchemy has loaded (importing
it costs about twice a bare window's start). ``store.read_core`` holds the
same queries as SQLAlchemy Core statements, for PostgreSQL and any other
engine: same names, same columns in the same order, rows decoded by the same
functions (``store.decode``, ``store.read_model``, ``store.map_query``). A
parity test runs both on one workspace and compares every record.

Each query is ``(sql, scope conditions)``: ``{where}`` in the text takes the
condition for the scope's kind, whose id is the last parameter.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.read_model import Scope

# Units are scoped through ``units u`` and ``floors f``.
UNIT_SCOPE = {
    "park": "AND u.park_id = ?",
    "building": "AND f.building_id = ?",
    "floor": "AND u.floor_id = ?",
    "unit": "AND u.id = ?",
}
FLOOR_SCOPE = {
    "park": "AND b.park_id = ?",
    "building": "AND f.building_id = ?",
    "floor": "AND f.id = ?",
    "unit": "AND f.id = (SELECT floor_id FROM units WHERE id = ?)",
}
_NONE: Mapping[str, str] = {}

# Text is ordered byte by byte (SQLite's BINARY; COLLATE "C" on PostgreSQL).
QUERIES: dict[str, tuple[str, Mapping[str, str]]] = {
    "parks": (
        "SELECT id, code, name, currency FROM parks WHERE archived = 0 ORDER BY code",
        _NONE,
    ),
    "buildings": (
        "SELECT id, park_id, code, name, kind FROM buildings WHERE archived = 0 "
        "ORDER BY sort_order, code",
        _NONE,
    ),
    "floors": (
        "SELECT id, building_id, level, name FROM floors WHERE archived = 0 ORDER BY level DESC",
        _NONE,
    ),
    "floor_unit_counts": (
        "SELECT floor_id, count(*) FROM units WHERE archived = 0 GROUP BY floor_id",
        _NONE,
    ),
    # Ordered so the first of two overlapping contracts is the same on every engine.
    "holdings": (
        """
        SELECT cu.unit_id, c.code, c.status, c.signed_on, c.starts_on, c.ends_on,
               c.terminated_on, c.rent_per_sqm_month, t.name, t.short_name
        FROM contract_units cu
        JOIN contracts c ON c.id = cu.contract_id
        JOIN tenants t ON t.id = c.tenant_id
        JOIN units u ON u.id = cu.unit_id
        JOIN floors f ON f.id = u.floor_id
        WHERE cu.archived = 0 AND c.archived = 0 AND c.status != 'draft' {where}
        ORDER BY c.starts_on, c.code
        """,
        UNIT_SCOPE,
    ),
    "unit_rows": (
        """
        SELECT u.id, u.code, u.name, b.code, b.name, f.name, f.level, u.unit_type, u.status,
               u.gross_area, u.internal_area, u.common_share, u.leasable_area,
               u.billable_area, u.asking_rent, u.orientation, u.ceiling_height, u.floor_load,
               u.power_capacity, u.fit_out, u.tags, u.notes, u.row_version
        FROM units u
        JOIN floors f ON f.id = u.floor_id
        JOIN buildings b ON b.id = f.building_id
        WHERE u.archived = 0 {where}
        ORDER BY b.sort_order, b.code, f.level DESC, u.code
        """,
        UNIT_SCOPE,
    ),
    "map_units": (
        """
        SELECT u.id, u.code, u.name, u.floor_id, f.level, u.geometry, u.status,
               u.leasable_area, u.asking_rent
        FROM units u
        JOIN floors f ON f.id = u.floor_id
        JOIN buildings b ON b.id = f.building_id
        WHERE u.archived = 0 {where}
        ORDER BY b.sort_order, b.code, f.level DESC, u.code
        """,
        UNIT_SCOPE,
    ),
    # Parameters: the first month counted, the first month not counted.
    "unit_metrics": (
        """
        SELECT m.unit_id, m.month, m.energy_kwh, m.cost, m.access_count, m.lighting_hours,
               m.hvac_hours
        FROM unit_metrics m
        JOIN units u ON u.id = m.unit_id
        JOIN floors f ON f.id = u.floor_id
        WHERE m.archived = 0 AND m.month >= ? AND m.month < ? {where}
        ORDER BY m.month
        """,
        UNIT_SCOPE,
    ),
    "floor_drawings": (
        """
        SELECT f.id, f.building_id, f.level, f.name, f.background
        FROM floors f JOIN buildings b ON b.id = f.building_id
        WHERE f.archived = 0 {where}
        ORDER BY b.sort_order, b.code, f.level DESC
        """,
        FLOOR_SCOPE,
    ),
    "building_sites": (
        "SELECT id, code, name, footprint, sort_order FROM buildings "
        "WHERE archived = 0 {where} ORDER BY sort_order, code",
        {"park": "AND park_id = ?"},
    ),
    "site_plan": ("SELECT site_plan FROM parks WHERE 1 = 1 {where}", {"park": "AND id = ?"}),
}


def _param(value: object) -> object:
    """A value bound the way SQLAlchemy stores it on SQLite."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, date):
        return value.isoformat()
    return value


class SqliteSource:
    """The named queries on one workspace file, read-only, through ``sqlite3``.

    One connection, usable from any thread one query at a time (the GUI
    opens it in a worker and reads in the GUI thread).
    """

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("PRAGMA query_only=1")

    def close(self) -> None:
        self.db.close()

    def fetch(self, query: str, scope: Scope | None, *args: object) -> sqlite3.Cursor:
        """Run ``query`` with ``args``, limited to ``scope`` (None: everything)."""
        sql, conditions = QUERIES[query]
        if scope is None:
            return self.db.execute(sql.format(where=""), tuple(_param(a) for a in args))
        params: tuple[Any, ...] = (*(_param(a) for a in args), scope.id.hex)
        return self.db.execute(sql.format(where=conditions[scope.kind]), params)

    def version(self) -> int | None:
        """SQLite's ``data_version``: it changes when another connection commits."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]
