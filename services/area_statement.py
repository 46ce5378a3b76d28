"""A building's area statement (面积明细表) from the workspace, for the window, print and CLI.

The stored figures are read as the unit table reads them (``ReadModel.unit_rows``
on the date), each unit's state is ``domain.occupancy``'s cell for its status,
contracts and use, and :func:`domain.area_statement.building_statement` totals
and checks them against the rule that wrote them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from domain.area_statement import (
    BuildingStatement,
    FloorFigures,
    StatementHeader,
    Totals,
    UnitFigures,
    building_statement,
)
from domain.floor_areas import BillableRule
from domain.occupancy import unit_state
from store.read_model import BuildingNode, ParkNode, ReadModel, Scope, UnitRow


def read_area_statement(reader: ReadModel, building_id: uuid.UUID,
                        day: date) -> BuildingStatement:
    """The statement of one building's live units as they stand on ``day``."""
    park, building = _place(reader, building_id)
    rows = reader.unit_rows(Scope("building", building_id), day)
    return statement_of(park, building, rows, day)


def statement_of(park: ParkNode, building: BuildingNode, rows: Sequence[UnitRow],
                 day: date) -> BuildingStatement:
    """The statement of ``rows`` (a building's units on ``day``) on the building's floors."""
    units: dict[int, list[UnitFigures]] = {}
    names: dict[int, str] = {}
    for row in rows:
        use = row.use
        units.setdefault(row.level, []).append(UnitFigures(
            row.code, row.name, use, row.status, unit_state(row.status, row.occupancy, use),
            row.internal_area, row.common_share, row.leasable_area, row.billable_area,
            row.gross_area))
        names[row.level] = row.floor_name
    floors = [FloorFigures(f.level, f.name, f.gross_area, tuple(units.pop(f.level, ())))
              for f in building.floors]
    floors += [FloorFigures(level, names[level], None, tuple(found))  # not in the tree (yet)
               for level, found in units.items()]
    # the park's rule, once the tree carries it (``parks.billable_rule``); leasable till then
    rule = BillableRule(getattr(park, "billable_rule", BillableRule.LEASABLE))
    header = StatementHeader(park.code, park.name, building.code, building.name, day)
    return building_statement(floors, rule, header)


def _place(reader: ReadModel, building_id: uuid.UUID) -> tuple[ParkNode, BuildingNode]:
    for park in reader.park_tree():
        for building in park.buildings:
            if building.id == building_id:
                return park, building
    raise LookupError(f"no live building with id {building_id}")


def statement_json(statement: BuildingStatement) -> dict[str, Any]:
    """The statement as ``--json`` gives it: English keys, areas as strings of two places
    (ratios six), each finding with its code, English message and params."""
    head = statement.header
    return {
        "park": head.park_code,
        "building": head.building_code,
        "name": head.building_name,
        "day": None if head.day is None else head.day.isoformat(),
        "billable_rule": str(statement.rule),
        "adds_up": statement.adds_up,
        "building_pool": str(statement.building_pool),
        "totals": _totals_json(statement.totals),
        "floors": [{
            "level": floor.level,
            "name": floor.name,
            "totals": _totals_json(floor.totals),
            "units": [{
                "code": line.figures.code,
                "name": line.figures.name,
                "use": str(line.figures.use),
                "status": str(line.figures.status),
                "state": str(line.figures.state),
                "internal_area": str(line.figures.internal_area),
                "common_share": str(line.figures.common_share),
                "leasable_area": str(line.figures.leasable_area),
                "billable_area": str(line.figures.billable_area),
                "gross_area": _text(line.figures.gross_area),
                "ratio": _text(line.ratio),
                "expected_share": str(line.expected.share),
            } for line in floor.lines],
        } for floor in statement.floors],
        "findings": [{"code": f.code, "message": f.message, "params": dict(f.params),
                      "level": f.level, "unit": f.unit} for f in statement.findings],
    }


def _totals_json(totals: Totals) -> dict[str, Any]:
    return {name: value if isinstance(value, int) else _text(value)
            for name, value in asdict(totals).items()}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
