"""Units' monthly access counts, lighting and HVAC hours imported: rehearsed, written once,
a re-import replacing the month's figures (before → after), and the heat map reading them."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from domain.map_modes import MonthMetrics, heat_index
from services.meters import MeterSpec, create_meter
from services.unit_metrics_import import (
    MetricStatus,
    UnitMetricsImportError,
    import_unit_metrics,
)
from store.map_query import map_units
from store.read_model import ReadModel
from store.schema import Outbox, Unit, UnitMetric
from store.workspace import Workspace
from tests.small_leases import open_small, park_id

D = Decimal
SEPTEMBER = date(2026, 9, 1)


@pytest.fixture
def ws(tmp_path: Path):
    workspace = open_small(tmp_path / "metrics.leasemap")
    yield workspace
    workspace.close()


def _count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f).writerows(rows)
    return path


def _metric(ws: Workspace, code: str, month: date = SEPTEMBER) -> UnitMetric | None:
    with ws.reading() as s:
        return s.scalars(select(UnitMetric).join(Unit, Unit.id == UnitMetric.unit_id).where(
            Unit.code == code, UnitMetric.month == month)).one_or_none()


def _bms(tmp_path: Path) -> Path:
    return _csv(tmp_path / "楼宇数据.csv", [
        ["单元编号", "月份", "门禁次数", "照明时长(h)", "空调时长(h)"],
        ["ZD-A-0101", "2026-09", "3000", "240", "200.25"],  # hours to 0.1, half up
        ["ZD-A-0102", "2026年9月", "10", "", "300"],  # no lighting figure
        ["ZD-X-9999", "2026-09", "1", "1", "1"],  # no such unit
        ["ZD-A-0103", "2026-09", "1.5", "-1", "abc"],  # three cells wrong
        ["ZD-A-0201", "2026-09", "5", "800", "1"],  # 800 h > 30 × 24
        ["ZD-A-0202", "2026-09", "5", "1", "1"],
        ["ZD-A-0202", "2026-09", "6", "1", "1"],  # the same unit and month twice
        ["合计", "", "3021", "", ""],
    ], encoding="gbk")


def test_a_file_is_rehearsed_then_written_and_again_changes_nothing(ws, tmp_path):
    path = _bms(tmp_path)
    ops = _count(ws, Outbox)
    dry = import_unit_metrics(ws, path, dry_run=True)
    assert dry.skipped == (9,)
    assert (dry.added, dry.changed, dry.unchanged, dry.rejected) == (2, 0, 0, 5)
    rows = {r.row_number: r for r in dry.rows}
    assert rows[2].after == {"access_count": 3000, "lighting_hours": D("240.0"),
                             "hvac_hours": D("200.3")}
    assert rows[3].after["lighting_hours"] is None
    assert [r.code for r in rows[4].reasons] == ["metrics-unknown-unit"]
    assert [r.code for r in rows[5].reasons] == [
        "metrics-not-whole", "metrics-below-zero", "metrics-bad-figure"]
    assert rows[5].reasons[1].params == {"column": "照明时长(h)", "value": "-1"}
    assert [(r.code, r.params["most"]) for r in rows[6].reasons] == [
        ("metrics-hours-over", "720")]
    assert rows[7].reasons[0].code == "metrics-month-twice" == rows[8].reasons[0].code
    assert (_count(ws, Outbox), _count(ws, UnitMetric)) == (ops, 0)

    done = import_unit_metrics(ws, path)
    assert [(r.row_number, r.status) for r in done.rows] == [
        (r.row_number, r.status) for r in dry.rows]
    stored = _metric(ws, "ZD-A-0101")
    assert (stored.access_count, stored.lighting_hours, stored.hvac_hours, stored.energy_kwh) \
        == (3000, D("240.0"), D("200.3"), None)
    assert _count(ws, Outbox, Outbox.entity == "unit_metrics", Outbox.kind == "create") == 2
    ops = _count(ws, Outbox)

    again = import_unit_metrics(ws, path)
    assert (again.added, again.changed, again.unchanged, again.written) == (0, 0, 2, 0)
    assert (_count(ws, Outbox), _count(ws, UnitMetric)) == (ops, 2)


def test_a_reimport_replaces_the_months_figures_in_its_columns_only(ws, tmp_path):
    import_unit_metrics(ws, _bms(tmp_path))
    ops = _count(ws, Outbox)
    access = _csv(tmp_path / "门禁.csv", [["unit", "month", "access count"],
                                          ["ZD-A-0101", "2026-09", "3100"],
                                          ["ZD-A-0102", "2026-09", "10"],
                                          ["ZD-A-0103", "2026-10", "77"]])
    report = import_unit_metrics(ws, access)
    changed, same, new = report.rows
    assert (changed.status, changed.before, changed.after) == (
        MetricStatus.CHANGED, {"access_count": 3000}, {"access_count": 3100})
    assert (same.status, new.status) == (MetricStatus.UNCHANGED, MetricStatus.NEW)
    stored = _metric(ws, "ZD-A-0101")
    assert (stored.access_count, stored.lighting_hours) == (3100, D("240.0"))  # hours kept
    # One field_set for the changed figure, one create for the new month.
    assert _count(ws, Outbox) == ops + 2
    assert _count(ws, Outbox, Outbox.kind == "field_set", Outbox.field == "access_count") == 1


def test_energy_of_a_metered_unit_is_noted_and_a_workbook_reads_alike(ws, tmp_path):
    create_meter(ws, park_id(ws), MeterSpec("E-0101", "electricity", unit="ZD-A-0101"))
    book = Workbook()
    book.active.append(["房号", "年月", "用电量(kWh)", "客流"])
    book.active.append(["ZD-A-0101", date(2026, 9, 1), 1234.567, 12])
    book.active.append(["ZD-A-0102", 202609, 99, None])
    path = tmp_path / "能耗.xlsx"
    book.save(path)
    report = import_unit_metrics(ws, path)
    assert dict(report.columns) == {"unit": "房号", "month": "年月", "access_count": "客流",
                                    "energy_kwh": "用电量(kWh)"}
    first, second = report.rows
    assert first.after == {"access_count": 12, "energy_kwh": D("1234.57")}
    assert [n.code for n in first.notes] == ["metrics-metered"] and not second.notes
    assert _metric(ws, "ZD-A-0102").energy_kwh == D("99.00")


def test_a_file_without_a_figure_column_names_it_and_writes_nothing(ws, tmp_path):
    path = _csv(tmp_path / "bad.csv", [["单元编号", "月份", "备注"], ["ZD-A-0101", "2026-09", "x"]])
    with pytest.raises(UnitMetricsImportError) as refused:
        import_unit_metrics(ws, path)
    assert refused.value.code == "unit-metrics-columns-missing"
    assert refused.value.params["fields"] == \
        "access_count, lighting_hours, hvac_hours or energy_kwh"
    path = _csv(tmp_path / "no-unit.csv", [["月份", "门禁次数"], ["2026-09", "1"]])
    with pytest.raises(UnitMetricsImportError) as refused:
        import_unit_metrics(ws, path, dry_run=True)
    assert refused.value.params["fields"] == "unit"
    assert _count(ws, UnitMetric) == 0


def test_the_heat_map_reads_the_imported_hours(ws, tmp_path):
    rows = [["单元编号", "月份", "门禁次数", "照明时长", "空调时长"]]
    for month in ("2026-08", "2026-09", "2026-10"):
        rows.append(["ZD-A-0103", month, "180", "300", "300"])
    import_unit_metrics(ws, _csv(tmp_path / "heat.csv", rows))
    reader = ReadModel(ws.path)
    try:
        [unit] = [u for u in map_units(reader, None, date(2026, 11, 22))
                  if u.code == "ZD-A-0103"]
    finally:
        reader.close()
    with ws.reading() as s:
        months = [m for m in s.scalars(select(UnitMetric).order_by(UnitMetric.month))]
    want = heat_index([MonthMetrics(m.month, None, None, m.access_count, m.lighting_hours,
                                    m.hvac_hours) for m in months], unit.facts.area)
    assert unit.facts.usage.heat == want and want is not None and want > 0
