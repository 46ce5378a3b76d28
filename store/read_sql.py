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
# Units alone, without joining their floors (a building's units through a subquery): the
# light queries of the first screen, which read a whole park before the window is up.
UNIT_ONLY_SCOPE = {
    "park": "AND u.park_id = ?",
    "building": "AND u.floor_id IN (SELECT id FROM floors WHERE building_id = ?)",
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
# A contract's term for one unit (``cu``), as ``domain.contracts.unit_term`` reads it: a
# unit an amendment added is signed and held from ``held_from``; one it released is held
# to ``held_to`` as if the contract were terminated for that unit alone.
HOLD_STATUS = "CASE WHEN cu.held_to IS NULL THEN c.status ELSE 'terminated' END"
HOLD_SIGNED = "coalesce(cu.held_from, c.signed_on)"
HOLD_STARTS = "coalesce(cu.held_from, c.starts_on)"
HOLD_TERMINATED = (
    "CASE WHEN cu.held_to IS NULL THEN c.terminated_on"
    " WHEN c.terminated_on IS NOT NULL AND c.terminated_on < cu.held_to THEN c.terminated_on"
    " ELSE cu.held_to END"
)
# A holding's class on the day ``d.day``: its status, then 1 or 0 for whether the day is
# on or after its signing, on or after its start, on or before its end, and on or before
# its termination (n: none).
TERM_CLASS = (
    f"{HOLD_STATUS} || ':' || ({HOLD_SIGNED} <= d.day) || ({HOLD_STARTS} <= d.day)"
    f" || (c.ends_on >= d.day) || coalesce(({HOLD_TERMINATED}) >= d.day, 'n')"
)
# A holding row (``read_model`` decodes these columns in order).
_HOLDING = f"""
        SELECT cu.unit_id, c.code, {HOLD_STATUS}, {HOLD_SIGNED}, {HOLD_STARTS}, c.ends_on,
               {HOLD_TERMINATED}, c.rent_per_sqm_month, t.name, t.short_name"""
MMAP_BYTES = 256 << 20
CACHE_KIB = 32 << 10

# A unit row as the table shows it (read_model.decode_unit_row reads these columns in order).
_UNIT_ROW = """
        SELECT u.id, u.code, u.name, b.code, b.name, f.name, f.level, u.unit_type, u.status,
               u.gross_area, u.internal_area, u.common_share, u.leasable_area,
               u.billable_area, u.asking_rent, u.orientation, u.ceiling_height, u.floor_load,
               u.power_capacity, u.fit_out, u.tags, u.notes, u.row_version, u.space_use,
               u.use_reason
        FROM units u
        JOIN floors f ON f.id = u.floor_id
        JOIN buildings b ON b.id = f.building_id"""

# An amount in cents, exact: amounts are stored with two places, so the float product is
# within a hair of a whole number and ``round`` lands on it.
CENTS = "CAST(round({column} * 100) AS INTEGER)"
# A credit: an adjustment below zero, read as a line of the bill it corrects (``s``: a bill).
CREDIT = "s.kind = 'adjustment' AND s.corrects_id IS NOT NULL AND s.cents < 0"

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
        "SELECT id, building_id, level, name, gross_area FROM floors WHERE archived = 0 "
        "ORDER BY level DESC",
        _NONE,
    ),
    "floor_unit_counts": (
        "SELECT floor_id, count(*) FROM units WHERE archived = 0 GROUP BY floor_id",
        _NONE,
    ),
    # Ordered so the first of two overlapping contracts is the same on every engine.
    "holdings": (
        _HOLDING + """
        FROM contract_units cu
        JOIN contracts c ON c.id = cu.contract_id
        JOIN tenants t ON t.id = c.tenant_id
        JOIN units u ON u.id = cu.unit_id
        JOIN floors f ON f.id = u.floor_id
        WHERE cu.archived = 0 AND c.archived = 0 AND c.status != 'draft' {where}
        ORDER BY 5, c.code
        """,
        UNIT_SCOPE,
    ),
    "unit_rows": (
        _UNIT_ROW + """
        WHERE u.archived = 0 {where}
        ORDER BY b.sort_order, b.code, f.level DESC, u.code
        """,
        UNIT_SCOPE,
    ),
    # The first rows in the table's opening order (by code), for the first screen; the
    # parameter is how many.
    "unit_page": (
        """
        WITH page(size) AS (SELECT ?)
        """ + _UNIT_ROW + """
        WHERE u.id IN (
            SELECT u.id FROM units u WHERE u.archived = 0 {where}
            ORDER BY u.code LIMIT (SELECT size FROM page)
        )
        ORDER BY u.code
        """,
        UNIT_ONLY_SCOPE,
    ),
    # The holds of the units of ``unit_page`` (the same parameter).
    "page_holdings": (
        """
        WITH page(size) AS (SELECT ?)""" + _HOLDING + """
        FROM contract_units cu
        JOIN contracts c ON c.id = cu.contract_id
        JOIN tenants t ON t.id = c.tenant_id
        WHERE cu.archived = 0 AND c.archived = 0 AND c.status != 'draft' AND cu.unit_id IN (
            SELECT u.id FROM units u WHERE u.archived = 0 {where}
            ORDER BY u.code LIMIT (SELECT size FROM page)
        )
        ORDER BY 5, c.code
        """,
        UNIT_ONLY_SCOPE,
    ),
    # Occupancy totals without a row per unit, for the status bar of the first screen:
    # contracts fall into classes by their status and by how each of their dates
    # compares with the day (``TERM_CLASS``); all the contracts of a class mean the same
    # for their units on that day. Units are counted and their leasable area summed (in
    # hundredths: areas are stored with two places) per status and set of classes held.
    # ``store.read_model.ReadModel.summary`` decides what each group is on the day with
    # ``domain.contracts`` on a contract of each class (``term_classes``). The parameter
    # is the day.
    "occupancy_groups": (
        f"""
        WITH d(day) AS (SELECT ?)
        SELECT status, space_use, classes, count(*), sum(cents)
        FROM (
            SELECT u.status AS status, u.space_use AS space_use,
                   -- common units are never let: their contracts are not looked up
                   CASE WHEN u.space_use = 'leasable' THEN
                   (SELECT group_concat({TERM_CLASS})
                    FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id
                    CROSS JOIN d
                    WHERE cu.unit_id = u.id AND cu.archived = 0 AND c.archived = 0
                      AND c.status != 'draft') END AS classes,
                   CAST(round(u.leasable_area * 100) AS INTEGER) AS cents
            FROM units u
            WHERE u.archived = 0 {{where}}
        ) AS held
        GROUP BY status, space_use, classes
        """,
        UNIT_ONLY_SCOPE,
    ),
    # A contract of each class on the day (the parameter): the earliest of each date, which
    # compare with the day as every contract of the class does.
    "term_classes": (
        f"""
        WITH d(day) AS (SELECT ?)
        SELECT {TERM_CLASS}, {HOLD_STATUS}, min({HOLD_SIGNED}), min({HOLD_STARTS}),
               min(c.ends_on), min({HOLD_TERMINATED})
        FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id CROSS JOIN d
        WHERE cu.archived = 0 AND c.archived = 0 AND c.status != 'draft' {{where}}
        GROUP BY 1, 2
        """,
        _NONE,
    ),
    "map_units": (
        """
        SELECT u.id, u.code, u.name, u.floor_id, f.level, u.geometry, u.status,
               u.leasable_area, u.asking_rent, u.space_use, u.internal_area
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
    # The first day of readings, in either of the energy mode's sources: a unit's monthly
    # figures (``unit_metrics``: a month's first day) or its electricity meters' readings
    # (``meter_readings`` of the meters on units in scope). The maps say "no readings
    # before ..." of earlier months (``store.read_model`` takes the day's month).
    "first_reading_month": (
        """
        WITH scoped(id) AS (
            SELECT u.id FROM units u JOIN floors f ON f.id = u.floor_id WHERE 1 = 1 {where}
        )
        SELECT min(first_day) FROM (
            SELECT min(m.month) AS first_day
            FROM unit_metrics m
            WHERE m.archived = 0 AND m.unit_id IN (SELECT id FROM scoped)
            UNION ALL
            SELECT min(r.read_on)
            FROM meter_readings r JOIN meters mt ON mt.id = r.meter_id
            WHERE r.archived = 0 AND mt.archived = 0 AND mt.utility = 'electricity'
              AND mt.unit_id IN (SELECT id FROM scoped)
        ) AS firsts
        """,
        UNIT_SCOPE,
    ),
    # What each unit's contracts owe, overdue, on the day (the parameter): the maps' overdue
    # outline and the hover card's arrears. The ledger as ``services.receivables`` reads it:
    # a bill's open balance is its amount and its credits (an adjustment below zero that
    # corrects it is a line of it) less every allocation to it made by the day; a bill is
    # owed from its due date, or from its issue date when that is later; owed before the
    # day with a balance above zero, it is overdue. Summed in cents (amounts are
    # stored with two places) per contract, one row per unit in scope and contract.
    "unit_arrears": (
        f"""
        WITH d(day) AS (SELECT ?),
        held AS (
            SELECT cu.unit_id, cu.contract_id
            FROM contract_units cu
            JOIN units u ON u.id = cu.unit_id
            JOIN floors f ON f.id = u.floor_id
            WHERE cu.archived = 0 {{where}}
        ),
        scoped AS (
            SELECT b.id, b.corrects_id, b.kind, b.contract_id,
                   CASE WHEN b.issued_on > b.due_on THEN b.issued_on ELSE b.due_on END
                       AS due_on,
                   {CENTS.format(column="b.amount")} AS cents
            FROM bills b
            WHERE b.contract_id IN (SELECT contract_id FROM held)
        ),
        owed(bill_id, cents) AS (
            SELECT CASE WHEN {CREDIT} THEN s.corrects_id ELSE s.id END, s.cents
            FROM scoped s
            UNION ALL
            SELECT a.bill_id, -{CENTS.format(column="a.amount")}
            FROM allocations a CROSS JOIN d
            WHERE a."on" <= d.day AND a.bill_id IN (SELECT id FROM scoped)
        ),
        open_bills AS (
            SELECT s.contract_id, s.due_on, sum(o.cents) AS cents
            FROM owed o
            JOIN scoped s ON s.id = o.bill_id
            CROSS JOIN d
            WHERE s.due_on < d.day AND NOT ({CREDIT})
            GROUP BY s.id, s.contract_id, s.due_on
            HAVING sum(o.cents) > 0
        ),
        by_contract AS (
            SELECT contract_id, sum(cents) AS cents, min(due_on) AS oldest
            FROM open_bills GROUP BY contract_id
        )
        SELECT h.unit_id, c.code, o.cents, o.oldest
        FROM by_contract o
        JOIN held h ON h.contract_id = o.contract_id
        JOIN contracts c ON c.id = o.contract_id
        ORDER BY h.unit_id, c.code
        """,
        UNIT_SCOPE,
    ),
    # The electricity meters of the parks with units in scope: the energy map reads a
    # metered unit's months from its meters, and its share of the shared (公摊) use needs
    # its park's whole tree; each with its service dates and the meter it replaces, as
    # billing reads it. JSON as text.
    "energy_meters": (
        """
        SELECT mt.id, mt.code, mt.parent_id, mt.unit_id, mt.multiplier, mt.rollover_at,
               CAST(mt.registers AS TEXT), CAST(mt.basis AS TEXT), mu.billable_area,
               mt.installed_on, mt.removed_on, mt.replaces_id
        FROM meters mt LEFT JOIN units mu ON mu.id = mt.unit_id
        WHERE mt.archived = 0 AND mt.utility = 'electricity'
          AND mt.park_id IN (SELECT u.park_id FROM units u JOIN floors f ON f.id = u.floor_id
                             WHERE 1 = 1 {where})
        ORDER BY mt.code, mt.id
        """,
        UNIT_SCOPE,
    ),
    # Their readings from the one that opens the first month counted (each register's
    # last on or before the parameter, or the first there is) to the last day counted
    # (the second parameter, inclusive), in the order they were entered.
    "energy_readings": (
        """
        SELECT r.meter_id, r.read_on, r.register, r.value, r.kind
        FROM meter_readings r JOIN meters mt ON mt.id = r.meter_id
        WHERE r.archived = 0 AND mt.archived = 0 AND mt.utility = 'electricity'
          AND r.read_on >= coalesce((SELECT max(r2.read_on) FROM meter_readings r2
                                     WHERE r2.meter_id = r.meter_id
                                       AND r2.register = r.register AND r2.archived = 0
                                       AND r2.read_on <= ?), r.read_on)
          AND r.read_on <= ?
          AND mt.park_id IN (SELECT u.park_id FROM units u JOIN floors f ON f.id = u.floor_id
                             WHERE 1 = 1 {where})
        ORDER BY r.hlc, r.id
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
    # A floor's outline and linework, for the space tools (snapping, the plan check).
    "floor_outline": ("SELECT f.outline, f.background FROM floors f WHERE 1 = 1 {where}",
                      {"floor": "AND f.id = ?"}),
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
        # Pages read through a memory map and kept in a larger cache: a 20,000-unit park's
        # reads take a third of the time they take through read() calls into 2 MB.
        self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")

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
