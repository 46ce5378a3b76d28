"""Taking a month's sales back: the month bills the base again and says its sales are not
reported yet (a correction follows); one archive op in the outbox; nothing to take back is
refused by name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain.leasing.clauses import Turnover
from services import contracts
from services.contracts import ContractRefused, record_sales, remove_sales
from services.sales_import import import_sales, sales_of
from store.schema import Outbox, SalesReport
from store.workspace import Workspace
from tests.small_leases import open_small, sign_lease

D = Decimal
SEPTEMBER = date(2026, 9, 1)


@pytest.fixture
def ws(tmp_path: Path):
    workspace = open_small(tmp_path / "remove.leasemap")
    yield workspace
    workspace.close()


def _turnover(ws: Workspace) -> object:
    """HT-T1: 125.40 m² at 100 a m² a month (a base of 12,540.00), 8 % above the natural
    breakpoint of 156,750.00, billed monthly from 2026-03-01."""
    return sign_lease(ws, "ZD-A-0103", "HT-T1", turnover=Turnover(D("0.08")))


def _month(ws: Workspace, cid: object, month: date) -> tuple[Decimal, set[str], list[str]]:
    """The month's rent line: its amount, its reasons' codes, and the schedule's problems
    naming that month."""
    with ws.reading() as s:
        schedule = contracts.schedule_of(s, cid)
    line = next(x for x in schedule.lines if x.starts_on == month and x.charge == "rent")
    problems = [p.code for p in schedule.problems if p.params.get("month") == month.isoformat()]
    return line.amount, {r.code for r in line.reasons}, problems


def _ops(ws: Workspace, kind: str) -> list[Outbox]:
    with ws.reading() as s:
        return list(s.scalars(select(Outbox).where(Outbox.kind == kind,
                                                   Outbox.entity == "sales_reports")))


def test_a_month_taken_back_bills_the_base_and_waits_for_its_sales(ws):
    cid = _turnover(ws)
    amount, reasons, problems = _month(ws, cid, SEPTEMBER)
    assert (amount, "sales-missing" in reasons, problems) == (
        D("12540.00"), True, ["sales-missing"])
    record_sales(ws, cid, date(2026, 9, 17), D("200000"), "entered")  # a day in the month
    record_sales(ws, cid, date(2026, 10, 1), D("300000"), "entered")
    amount, reasons, problems = _month(ws, cid, SEPTEMBER)
    assert amount == D("16000.00")  # 12,540.00 + (200,000 − 156,750) × 8 %
    assert "turnover" in reasons and "sales-missing" not in reasons and problems == []

    remove_sales(ws, cid, date(2026, 9, 30))  # any day of the month names it
    amount, reasons, problems = _month(ws, cid, SEPTEMBER)
    assert amount == D("12540.00")
    assert "sales-missing" in reasons and "turnover" not in reasons
    assert problems == ["sales-missing"]  # the correction that follows once it is reported
    assert _month(ws, cid, date(2026, 10, 1))[0] == D("24000.00")  # October keeps its figure
    with ws.reading() as s:
        assert sales_of(s, cid) == [(date(2026, 10, 1), D("300000.00"), "entered")]
        row = s.scalar(select(SalesReport).where(SalesReport.month == SEPTEMBER))
        assert row.archived and row.amount == D("200000.00")  # archived, never deleted
    archived = _ops(ws, "archive")
    assert [(op.entity_id, op.field, op.payload) for op in archived] == [
        (row.id, "archived", {"value": True})]

    # Entered again, the month is back (the same row, un-archived) and bills its turnover.
    record_sales(ws, cid, SEPTEMBER, D("180000"), "entered")
    assert _month(ws, cid, SEPTEMBER)[0] == D("14400.00")  # 12,540 + 23,250 × 8 %
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(SalesReport)) == 2


def test_a_month_without_a_figure_is_refused_and_nothing_is_written(ws):
    cid = _turnover(ws)
    with ws.reading() as s:
        ops = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(ContractRefused) as refused:
        remove_sales(ws, cid, SEPTEMBER)
    assert refused.value.code == "no-sales"
    assert refused.value.params == {"contract": "HT-T1", "month": "2026-09"}
    assert "HT-T1" in str(refused.value) and "2026-09" in str(refused.value)

    record_sales(ws, cid, SEPTEMBER, D("1000"), "entered")
    remove_sales(ws, cid, SEPTEMBER)
    with pytest.raises(ContractRefused) as twice:  # taken back already
        remove_sales(ws, cid, SEPTEMBER)
    assert twice.value.code == "no-sales"
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) > ops
    assert len(_ops(ws, "archive")) == 1

    with pytest.raises(ContractRefused) as unknown:
        remove_sales(ws, contracts.uuid.uuid4(), SEPTEMBER)
    assert unknown.value.code == "no-contract"


def test_a_month_taken_back_is_added_again_by_the_next_import(ws, tmp_path):
    cid = _turnover(ws)
    path = tmp_path / "sales.csv"
    path.write_text("合同编号,月份,营业额\nHT-T1,2026-09,200000\n", encoding="utf-8")
    assert import_sales(ws, path).added == 1
    remove_sales(ws, cid, SEPTEMBER)
    again = import_sales(ws, path)
    assert (again.added, again.corrected, again.unchanged) == (1, 0, 0)
    assert _month(ws, cid, SEPTEMBER)[0] == D("16000.00")
