"""Units' monthly access counts, lighting and HVAC hours (and energy), imported: the heat map.

The heat map (``domain.map_modes.heat_index``) reads each unit's month of use
from ``unit_metrics``: door entries from the access-control system, lighting
and HVAC running hours from the building management system, exported as a
spreadsheet, one row per unit and month (单元编号 / 月份 / 门禁次数 / 照明时长 /
空调时长 [/ 用电量]). They are imported the way meter readings are
(``services.meters``): the file is read by the rent roll's readers, every row
judged first, then written in one transaction.

Each row sets that unit's month: the figures in the columns the file has
replace what the month had (an empty cell leaves the month without that
figure), the columns it lacks are left alone, so an access-control export
and a BMS export can be imported one after the other. A month that had no
row is added; one whose figures change is said before → after; the same
figures again change nothing, so importing a file twice writes nothing the
second time. Figures are kept as the table keeps them: kWh to 0.01, hours to
0.1 (rounded half up), entries whole.

A row is refused, with its reasons, when its cells do not read, its unit is
not in the park, a figure is below zero (or an entry count not whole), hours
exceed the month's (24 a day), or the file gives the same unit and month on
another row too. A unit with an electricity meter is noted: the energy map
reads its meters for the months they measure (``store.map_query``), so an
energy figure stands only for months they do not.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.meters import Utility
from domain.money import round_to
from importers.rent_roll import Unreadable, cell_text, read_decimal
from runtime.messages import Message, UserError
from services.contracts import park_id_of
from services.meters import read_table
from services.sales_import import read_month
from store.changes import insert_rows, update_rows
from store.schema import Meter, Unit, UnitMetric
from store.workspace import Workspace

FIGURES: tuple[str, ...] = ("access_count", "lighting_hours", "hvac_hours", "energy_kwh")
ALIASES: dict[str, tuple[str, ...]] = {
    "unit": ("单元编号", "单元号", "单元代码", "单元", "房号", "房间号", "铺位号", "unit",
             "unitcode", "unitno", "room"),
    "month": ("月份", "年月", "所属月份", "统计月份", "期间", "month", "period", "yearmonth"),
    "access_count": ("门禁次数", "通行次数", "进出次数", "刷卡次数", "门禁", "客流", "access",
                     "accesscount", "entries", "doorentries"),
    "lighting_hours": ("照明时长", "照明小时", "照明小时数", "照明时间", "照明", "lighting",
                       "lightinghours", "lights"),
    "hvac_hours": ("空调时长", "空调小时", "空调小时数", "空调运行时长", "空调时间", "空调", "hvac",
                   "hvachours", "airconditioning", "ac"),
    "energy_kwh": ("用电量", "电量", "耗电量", "能耗", "用电", "energy", "energykwh", "kwh",
                   "electricity"),
}
WHOLE_ONLY = frozenset({"unit", "room", "month", "period", "ac", "access", "lights", "单元",
                        "期间", "空调", "照明", "门禁", "用电"})
PLACES = {"energy_kwh": 2, "lighting_hours": 1, "hvac_hours": 1, "access_count": 0}
HOURS = ("lighting_hours", "hvac_hours")


class UnitMetricsImportError(UserError):
    """A metrics file that cannot be read, or lacks a column; nothing read, nothing written."""


class MetricStatus(StrEnum):
    NEW = "new"  # the unit had no row for the month: added
    CHANGED = "changed"  # a figure changes (before → after)
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True)
class MetricRowReport:
    """One row and what became of it (or would): its figures, before → after."""

    row_number: int
    unit: str
    month: date | None
    status: MetricStatus
    after: Mapping[str, Decimal | int | None] = field(default_factory=dict)
    before: Mapping[str, Decimal | int | None] = field(default_factory=dict)
    reasons: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    unit_id: uuid.UUID | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row_number, "unit": self.unit,
            "month": self.month.isoformat()[:7] if self.month else None,
            "status": self.status.value,
            "after": {k: _text(v) for k, v in self.after.items()},
            "before": {k: _text(v) for k, v in self.before.items()},
            "reasons": [_json(m) for m in self.reasons],
            "notes": [_json(m) for m in self.notes],
        }


@dataclass(frozen=True)
class UnitMetricsReport:
    path: Path
    sheet: str
    header_row: int
    columns: Mapping[str, str]
    rows: tuple[MetricRowReport, ...]
    dry_run: bool
    skipped: tuple[int, ...] = ()

    def count(self, status: MetricStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def added(self) -> int:
        return self.count(MetricStatus.NEW)

    @property
    def changed(self) -> int:
        return self.count(MetricStatus.CHANGED)

    @property
    def unchanged(self) -> int:
        return self.count(MetricStatus.UNCHANGED)

    @property
    def rejected(self) -> int:
        return self.count(MetricStatus.REJECTED)

    @property
    def written(self) -> int:
        return self.added + self.changed

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "sheet": self.sheet, "header_row": self.header_row,
            "columns": dict(self.columns), "dry_run": self.dry_run,
            "counts": {"rows": len(self.rows), "added": self.added, "changed": self.changed,
                       "unchanged": self.unchanged, "rejected": self.rejected,
                       "skipped": len(self.skipped)},
            "rows": [r.to_json() for r in self.rows],
        }


def _text(value: Decimal | int | None) -> str | None:
    return None if value is None else str(value)


def _json(message: Message) -> dict[str, Any]:
    return {"code": message.code, "message": message.message, "params": dict(message.params)}


def _reason(code: str, message: str, **params: object) -> Message:
    return Message(code, message, {k: str(v) for k, v in params.items()})


def _missing(columns: Mapping[str, str]) -> list[str]:
    missing = [f for f in ("unit", "month") if f not in columns]
    if not any(f in columns for f in FIGURES):
        missing.append("access_count, lighting_hours, hvac_hours or energy_kwh")
    return missing


@dataclass(frozen=True)
class _Line:
    row_number: int
    unit: str
    month: date | None
    figures: Mapping[str, Decimal | int | None]
    reasons: tuple[Message, ...]


def _typed(number: int, values: Mapping[str, Any], columns: Mapping[str, str]) -> _Line:
    reasons: list[Message] = []
    code = cell_text(values.get(columns["unit"]))
    if not code:
        reasons.append(_reason("metrics-no-unit-code", f"{columns['unit']}: empty",
                               column=columns["unit"]))
    month = None
    cell = values.get(columns["month"])
    try:
        month = read_month(cell)
    except Unreadable:
        reasons.append(_reason("metrics-bad-month", f"{columns['month']}: cannot read "
                               f"“{cell_text(cell)}” as a month", column=columns["month"],
                               value=cell_text(cell)))
    else:
        if month is None:
            reasons.append(_reason("metrics-no-month", f"{columns['month']}: empty",
                                   column=columns["month"]))
    figures: dict[str, Decimal | int | None] = {}
    for name in FIGURES:
        if name not in columns:
            continue
        column = columns[name]
        cell = values.get(column)
        try:
            value = read_decimal(cell)
        except Unreadable:
            reasons.append(_reason("metrics-bad-figure", f"{column}: cannot read "
                                   f"“{cell_text(cell)}”", column=column, value=cell_text(cell)))
            continue
        if value is None:
            figures[name] = None
            continue
        if value < 0:
            reasons.append(_reason("metrics-below-zero", f"{column}: {value} is below zero",
                                   column=column, value=value))
            continue
        if name == "access_count":
            if value != value.to_integral_value():
                reasons.append(_reason("metrics-not-whole", f"{column}: {value} entries is not "
                                       "a whole number", column=column, value=value))
                continue
            figures[name] = int(value)
            continue
        figures[name] = round_to(value, PLACES[name])
        if name in HOURS and month is not None:
            most = 24 * calendar.monthrange(month.year, month.month)[1]
            if value > most:
                reasons.append(_reason("metrics-hours-over", f"{column}: {value} hours is more "
                                       f"than the month's {most}", column=column, value=value,
                                       most=most))
    return _Line(number, code, month, figures, tuple(reasons))


def _judge(session: Session, park_id: uuid.UUID, lines: Sequence[_Line],
           ) -> tuple[list[MetricRowReport], dict[tuple[uuid.UUID, date], UnitMetric]]:
    codes = sorted({line.unit for line in lines if line.unit})
    units: dict[str, uuid.UUID] = {}
    for start in range(0, len(codes), 500):
        units.update({c: i for c, i in session.execute(select(Unit.code, Unit.id).where(
            Unit.park_id == park_id, ~Unit.archived, Unit.code.in_(codes[start:start + 500])))})
    ids = sorted(set(units.values()))
    stored: dict[tuple[uuid.UUID, date], UnitMetric] = {}
    metered: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in session.scalars(select(UnitMetric).where(UnitMetric.unit_id.in_(chunk))):
            stored[(row.unit_id, row.month)] = row
        metered.update(session.scalars(select(Meter.unit_id).where(
            Meter.unit_id.in_(chunk), ~Meter.archived,
            Meter.utility == Utility.ELECTRICITY.value)))
    rows_of: dict[tuple[str, date], list[int]] = {}
    for line in lines:
        if line.unit and line.month is not None:
            rows_of.setdefault((line.unit, line.month), []).append(line.row_number)
    reports: list[MetricRowReport] = []
    for line in lines:
        reasons = list(line.reasons)
        unit_id = units.get(line.unit) if line.unit else None
        if line.unit and unit_id is None:
            reasons.append(_reason("metrics-unknown-unit", f"no unit {line.unit} in the park",
                                   unit=line.unit))
        if line.unit and line.month is not None:
            others = [n for n in rows_of[(line.unit, line.month)] if n != line.row_number]
            if others:
                said = ", ".join(str(n) for n in others)
                reasons.append(_reason("metrics-month-twice", f"{line.unit} "
                                       f"{line.month.isoformat()[:7]} is also on row {said}",
                                       unit=line.unit, month=line.month.isoformat()[:7],
                                       rows=said))
        if reasons or unit_id is None or line.month is None:
            reports.append(MetricRowReport(line.row_number, line.unit, line.month,
                                           MetricStatus.REJECTED, line.figures, {},
                                           tuple(reasons), unit_id=unit_id))
            continue
        row = stored.get((unit_id, line.month))
        live = row is not None and not row.archived
        before = {k: getattr(row, k) if live else None for k in line.figures}
        if not live:
            status = MetricStatus.NEW
        elif any(before[k] != v for k, v in line.figures.items()):
            status = MetricStatus.CHANGED
        else:
            status = MetricStatus.UNCHANGED
        notes: tuple[Message, ...] = ()
        if unit_id in metered and line.figures.get("energy_kwh") is not None:
            notes = (_reason("metrics-metered", f"{line.unit} has an electricity meter: the "
                             "energy map reads it for the months its readings measure",
                             unit=line.unit),)
        reports.append(MetricRowReport(line.row_number, line.unit, line.month, status,
                                       line.figures, before if live else {}, (), notes,
                                       unit_id))
    return reports, stored


def import_unit_metrics(workspace: Workspace, path: Path | str, *, dry_run: bool = False,
                        ) -> UnitMetricsReport:
    """Judge every row of the file; unless ``dry_run``, write the new months and the changed
    figures in one transaction.

    Raises
    ------
    UnitMetricsImportError
        The file cannot be read or lacks a column; nothing is written.
    """
    table = read_table(path, ALIASES, WHOLE_ONLY, _missing, "unit", UnitMetricsImportError,
                       "unit-metrics")
    lines = [_typed(n, values, table.columns) for n, values in table.rows]
    if dry_run:
        with workspace.reading() as session:
            reports, _stored = _judge(session, park_id_of(session), lines)
    else:
        with workspace.transaction() as session:
            park_id = park_id_of(session)
            reports, stored = _judge(session, park_id, lines)
            _write(session, park_id, reports, stored)
    return UnitMetricsReport(table.path, table.sheet, table.header_row, table.columns,
                             tuple(reports), dry_run, table.skipped)


def _write(session: Session, park_id: uuid.UUID, reports: Sequence[MetricRowReport],
           stored: Mapping[tuple[uuid.UUID, date], UnitMetric]) -> None:
    new: list[dict[str, Any]] = []
    changes: list[tuple[uuid.UUID, dict[str, Any]]] = []
    for r in reports:
        if r.unit_id is None or r.month is None:
            continue
        if r.status is MetricStatus.NEW:
            row = stored.get((r.unit_id, r.month))
            if row is not None:  # archived: the month comes back with these figures
                changes.append((row.id, {**r.after, "archived": False}))
            else:
                new.append({"park_id": park_id, "unit_id": r.unit_id, "month": r.month,
                            **r.after})
        elif r.status is MetricStatus.CHANGED:
            row = stored[(r.unit_id, r.month)]
            changes.append((row.id, {k: v for k, v in r.after.items() if r.before.get(k) != v}))
    insert_rows(session, UnitMetric, new)
    update_rows(session, UnitMetric, changes)
