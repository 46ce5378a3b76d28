"""Rent-roll import on real workspaces: 5,000 rows, bad rows with reasons, one transaction."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from domain.contracts import ContractStatus
from domain.leasing.clauses import Cycle, EscalationKind, RentFreeKind
from importers.rent_roll import RentRollError
from services import contracts
from services.rent_roll import (
    REASON_COLUMN,
    RowStatus,
    import_rent_roll,
    rehearse_rent_roll,
    rejected_path,
)
from store.schema import Contract, ContractUnit, ContractVersion, Outbox, Tenant, Unit
from store.workspace import Workspace
from tests.data.make_rent_roll import HEADERS, build_park, make_rent_roll
from tests.small_leases import open_small
from tests.small_park import build_small_workspace

D = Decimal
ON = date(2026, 12, 7)


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _ops(ws: Workspace, kind: str) -> int:
    return _count(ws, Outbox, Outbox.kind == kind)


# -- the acceptance: 5,000 rows, 50 bad ---------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rent_roll")
    units = build_park(folder / "park.leasemap", 5400)
    roll = make_rent_roll(folder / "roll.xlsx", units, rows=5000, bad=50)
    return folder, roll


def test_the_rehearsal_judges_every_row_and_writes_nothing(big):
    folder, roll = big
    ws = Workspace.open(folder / "park.leasemap")
    try:
        before = _count(ws, Outbox)
        report = rehearse_rent_roll(ws, roll.path, on=ON)
        assert _count(ws, Outbox) == before and _count(ws, Contract) == 0
    finally:
        ws.close()
    assert report.dry_run and report.header_row == roll.header_row
    assert (report.imported, report.rejected, report.already_imported) == (4950, 50, 0)
    assert not rejected_path(roll.path).exists()


def test_a_5000_row_roll_imports_4950_and_reports_50_with_their_reasons(big):
    folder, roll = big
    ws = Workspace.open(folder / "park.leasemap")
    try:
        report = import_rent_roll(ws, roll.path, on=ON)
        assert (report.imported, report.rejected) == (4950, 50)
        rejected = {r.row_number: r for r in report.rejected_rows()}
        assert set(rejected) == set(roll.bad)
        for row_number, code in roll.bad.items():
            said = {reason.code for reason in rejected[row_number].reasons}
            assert code in said, (row_number, roll.kinds[row_number], said)
            assert all(reason.message for reason in rejected[row_number].reasons)
        assert report.reason_counts()["overlap-in-file"] >= 2
        # what the store holds: one contract, version and command per imported row
        assert _count(ws, Contract) == 4950
        assert _count(ws, Contract, Contract.status == ContractStatus.SIGNED) == 4950
        assert _count(ws, ContractVersion, ContractVersion.number == 1) == 4950
        assert _ops(ws, "sign_contract") == 4950
        imported_codes = {r.code for r in report.rows if r.status is RowStatus.IMPORTED}
        with ws.reading() as s:
            assert set(s.scalars(select(Contract.code))) == imported_codes
            links = s.scalar(select(func.count()).select_from(ContractUnit))
            assert links == sum(len(r.units) for r in report.rows
                                if r.status is RowStatus.IMPORTED)
            tenants = set(s.scalars(select(Tenant.name)))
        assert set(report.new_tenants) <= tenants and report.new_tenants
        # the rejected file: exactly those 50 rows, as written, and why
        assert report.rejected_file == folder / "roll.rejected.xlsx"
        sheet = load_workbook(report.rejected_file, read_only=True).active
        lines = list(sheet.iter_rows(values_only=True))
        assert list(lines[0]) == [*HEADERS, REASON_COLUMN]
        assert len(lines) == 51
        source = {n: report.source_rows[n] for n in rejected}
        for line, (row_number, raw) in zip(lines[1:], sorted(source.items()), strict=True):
            assert line[0] == raw.values["合同编号"] or (line[0] is None and not
                                                       raw.values["合同编号"])
            assert line[2] == raw.values["房号"]
            assert line[-1] == "; ".join(r.message for r in rejected[row_number].reasons)
        # a second import of the same file signs nothing again
        again = import_rent_roll(ws, roll.path, on=ON)
        assert again.imported == 0
        assert again.already_imported >= 4950
        assert _count(ws, Contract) == 4950 and _ops(ws, "sign_contract") == 4950
    finally:
        ws.close()


# -- small files on the small park ---------------------------------------------------------


@pytest.fixture
def small(tmp_path):
    ws = open_small(tmp_path / "park.leasemap")
    yield ws
    ws.close()


TENANT = "上海云帆智能科技有限公司"


def _csv(path: Path, rows: list[list[object]], encoding: str = "utf-8",
         preamble: tuple[str, ...] = (), headers=HEADERS) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        for line in preamble:
            f.write(line + "\r\n")
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def _line(code: str, units: str, area: str = "125.40", delivered: str = "2026-03-01",
          start: str = "2026-06-01", end: str = "2029-02-28", tenant: str = TENANT,
          rent: str = "100", cycle: str = "季付", free: str = "", escalation: str = "5%/年",
          deposit: str = "3个月", fee: str = "8") -> list[str]:
    return [code, tenant, units, area, "2026-02-10", delivered, start, end, rent, cycle, free,
            escalation, deposit, fee, ""]


def test_a_gbk_csv_under_a_title_imports_with_its_clauses_and_a_new_tenant(small, tmp_path):
    path = _csv(tmp_path / "台账.csv", [
        _line("HT-CSV-1", "ZD-A-0103"),
        _line("HT-CSV-2", "A-0201、A-0202", area="250.80", tenant="杭州新租户有限公司",
              delivered="2026-04-01", start="2026-04-01", free="2个月", cycle="押一付三"),
    ], encoding="gbk", preamble=("张江测试园租金台账", "制表：财务部,,,"))
    report = import_rent_roll(small, path, on=ON)
    assert report.header_row == 3 and report.sheet == ""
    assert [r.status for r in report.rows] == [RowStatus.IMPORTED] * 2
    assert report.new_tenants == ("杭州新租户有限公司",)
    assert [n.code for n in report.rows[1].notes] == ["tenant-created"]
    assert report.rejected_file is None and not rejected_path(path).exists()
    with small.reading() as s:
        first = contracts.spec_of(s, contracts.find_contract(s, "HT-CSV-1"))
        second = contracts.spec_of(s, contracts.find_contract(s, "HT-CSV-2"))
        schedule = contracts.schedule_of(s, contracts.find_contract(s, "HT-CSV-1").id)
        tenant = s.scalar(select(Tenant).where(Tenant.name == "杭州新租户有限公司"))
    assert first.tenant_name == TENANT and first.terms.cycle is Cycle.QUARTERLY
    # delivery 1 March, rent from 1 June: the three months between are the fit-out
    [fit_out] = first.terms.rent_free
    assert (fit_out.starts_on, fit_out.ends_on, fit_out.kind) == (
        date(2026, 3, 1), date(2026, 5, 31), RentFreeKind.FIT_OUT)
    assert first.terms.escalation.kind is EscalationKind.FIXED_PERCENT
    assert first.terms.escalation.percent == 5
    assert first.deposit == D("37620.00")  # three months of 125.40 m² × 100
    assert [c.amount for c in first.terms.charges] == [D("8.0000")]
    rent = [x for x in schedule.lines if getattr(x, "charge", "rent") == "rent"]
    assert rent[0].amount == D("0.00") and rent[1].amount == D("37620.00")
    assert {u.unit_code for u in second.units} == {"ZD-A-0201", "ZD-A-0202"}
    assert second.terms.area == D("250.80") and str(second.tenant_id) == str(tenant.id)
    assert second.terms.rent_free[0].ends_on == date(2026, 5, 31)


def test_each_kind_of_bad_row_is_named_and_the_good_one_still_imports(small, tmp_path):
    path = _csv(tmp_path / "roll.csv", [
        _line("HT-OK", "ZD-A-0103"),
        _line("HT-LEASED", "ZD-A-0101"),  # HT-2026-0001 holds it through 2027
        _line("HT-NO-UNIT", "ZD-X-9999"),
        _line("HT-AREA", "ZD-A-0201", area="130.00"),
        _line("HT-DATES", "ZD-A-0202", end="2025-12-31"),
        _line("HT-TEXT", "ZD-A-0203", rent="面议"),
        _line("HT-A", "ZD-B-0101", end="2027-12-31"),
        _line("HT-B", "ZD-B-0101", delivered="2027-06-01", start="2027-06-01"),
        _line("HT-OK", "ZD-B-0102"),
        _line("", "ZD-B-0102", tenant="", delivered="2029-03-01", start="2029-03-01",
              end="2030-02-28"),
    ])
    report = import_rent_roll(small, path, on=ON)
    codes = {r.code: (r.status, [x.code for x in r.reasons]) for r in report.rows[1:8]}
    assert report.rows[0].status is RowStatus.IMPORTED and not report.rows[0].reasons
    assert codes["HT-LEASED"] == (RowStatus.REJECTED, ["unit-leased"])
    assert codes["HT-NO-UNIT"] == (RowStatus.REJECTED, ["unknown-unit"])
    assert codes["HT-AREA"] == (RowStatus.REJECTED, ["area-mismatch"])
    assert "end-before-start" in codes["HT-DATES"][1]
    assert codes["HT-TEXT"] == (RowStatus.REJECTED, ["unparseable"])
    assert codes["HT-A"] == (RowStatus.REJECTED, ["overlap-in-file"])
    assert codes["HT-B"] == (RowStatus.REJECTED, ["overlap-in-file"])
    assert report.rows[8].reasons[0].code == "duplicate-code"
    assert report.rows[8].reasons[0].params == {"code": "HT-OK", "row": "2"}
    assert {x.code for x in report.rows[9].reasons} == {"missing-value"}
    assert {x.params["field"] for x in report.rows[9].reasons} == {"code", "tenant"}
    leased = report.rows[1].reasons[0]
    assert leased.params["contract"] == "HT-2026-0001" and "ZD-A-0101" in leased.message
    assert (report.imported, report.rejected) == (1, 9)
    with small.reading() as s:
        assert set(s.scalars(select(Contract.code))) == {"HT-2026-0001", "HT-2027-0002",
                                                         "HT-OK"}
    sheet = load_workbook(report.rejected_file, read_only=True).active
    lines = list(sheet.iter_rows(values_only=True))
    assert len(lines) == 10 and lines[1][0] == "HT-LEASED"


def test_a_missing_required_column_is_said_and_nothing_is_written(small, tmp_path):
    headers = [h for h in HEADERS if not h.startswith("租金单价")]
    line = _line("HT-1", "ZD-A-0103")
    del line[8]
    path = _csv(tmp_path / "roll.csv", [line], headers=headers)
    before = _count(small, Outbox)
    with pytest.raises(RentRollError) as refused:
        import_rent_roll(small, path)
    assert refused.value.code == "rent-roll-columns-missing"
    assert refused.value.params["fields"] == "rate"
    assert "rate" in str(refused.value)
    assert _count(small, Outbox) == before and _count(small, Contract) == 2
    assert not rejected_path(path).exists()


def test_an_explicit_mapping_reads_headers_nobody_could_guess(small, tmp_path):
    headers = ["编号X", "公司", "位置", "平方", "签", "交", "起", "止", "价", "付", "免", "增",
               "押", "物", "注"]
    path = _csv(tmp_path / "roll.csv", [_line("HT-MAP", "ZD-A-0103")], headers=headers)
    mapping = {"code": "编号X", "tenant": "公司", "units": "位置", "area": "平方",
               "signed_on": "签", "delivered_on": "交", "rent_starts_on": "起",
               "ends_on": "止", "rate": "价", "cycle": "付"}
    with pytest.raises(RentRollError):
        rehearse_rent_roll(small, path)
    report = import_rent_roll(small, path, mapping=mapping)
    assert report.imported == 1 and report.mapping.column("rate") == "价"
    with small.reading() as s:
        spec = contracts.spec_of(s, contracts.find_contract(s, "HT-MAP"))
    assert spec.terms.escalation is None and spec.deposit == 0  # those columns not mapped


def test_the_bulk_signing_writes_what_sign_new_writes(tmp_path):
    """The import's contracts, links, versions and ops are sign_new's, field for field."""
    path = _csv(tmp_path / "roll.csv", [
        _line("HT-EQ-1", "ZD-A-0103"),
        _line("HT-EQ-2", "ZD-A-0201、ZD-A-0202", area="250.80", free="2026-09-01~2026-09-30",
              delivered="2026-06-01", start="2026-06-01", cycle="月付", escalation="+2元/㎡/年",
              deposit="50000")])
    build_small_workspace(tmp_path / "bulk.leasemap")
    build_small_workspace(tmp_path / "one.leasemap")
    bulk = Workspace.open(tmp_path / "bulk.leasemap")
    one = Workspace.open(tmp_path / "one.leasemap")
    try:
        report = rehearse_rent_roll(one, path)
        assert report.imported == 2
        with one.reading() as s:
            tenant_id = str(s.scalar(select(Tenant.id)))
            park = contracts.park_id_of(s)
            units = {u.code: str(u.id) for u in s.scalars(select(Unit))}
        from importers.rent_roll import read_rent_roll
        from services.rent_roll import _plan  # the specs the import would sign
        with one.reading() as s:
            plan = _plan(s, read_rent_roll(path), ON, None)
        for row in plan.to_sign:
            assert row.spec.tenant_id == tenant_id
            assert {u.unit_id for u in row.spec.units} <= set(units.values())
            contracts.create_signed(one, park, row.spec)
        # the other workspace's units have other ids: map them by code to compare
        import_rent_roll(bulk, path)
        assert _shape(bulk) == _shape(one)
    finally:
        bulk.close()
        one.close()


def _shape(ws: Workspace) -> dict:
    """Everything the signing wrote, with ids replaced by codes so two workspaces compare."""
    skip = {"id", "hlc", "field_hlc", "updated_at", "row_version"}
    with ws.reading() as s:
        units = {u.id: u.code for u in s.scalars(select(Unit))}
        tenants = {t.id: t.code for t in s.scalars(select(Tenant))}
        found = {c.id: c for c in s.scalars(select(Contract).where(Contract.code.like("HT-EQ%")))}
        codes = {cid: c.code for cid, c in found.items()}

        def plain(row, table):
            values = {}
            for column in table.columns:
                if column.key in skip:
                    continue
                value = getattr(row, column.key)
                if column.key in ("contract_id",):
                    value = codes.get(value, value)
                elif column.key == "unit_id":
                    value = units.get(value, value)
                elif column.key == "tenant_id":
                    value = tenants.get(value, value)
                elif column.key == "park_id":
                    value = "park"
                elif column.key == "units":
                    value = sorted(u["unit_code"] + ":" + u["billable_area"] for u in value)
                values[column.key] = value
            stamps = row.field_hlc or {}
            values["stamped_after_creation"] = sorted(
                k for k, v in stamps.items() if v != min(stamps.values()))
            return values

        shape = {
            "contracts": sorted((plain(c, Contract.__table__) for c in found.values()),
                                key=lambda v: v["code"]),
            "links": sorted((plain(link, ContractUnit.__table__) for link in s.scalars(
                select(ContractUnit).where(ContractUnit.contract_id.in_(found)))),
                key=lambda v: (v["contract_id"], v["unit_id"])),
            "versions": sorted((plain(v, ContractVersion.__table__) for v in s.scalars(
                select(ContractVersion).where(ContractVersion.contract_id.in_(found)))),
                key=lambda v: v["contract_id"]),
        }
        ops = s.scalars(select(Outbox).where(Outbox.entity_id.in_(
            [*found, *[link.id for link in s.scalars(select(ContractUnit).where(
                ContractUnit.contract_id.in_(found)))]])).order_by(Outbox.seq)).all()
        ids = {str(k): v for k, v in codes.items()} | {str(k): v for k, v in units.items()} | {
            str(k): v for k, v in tenants.items()} | {str(contracts.park_id_of(s)): "park"}

        def named(value):
            if isinstance(value, dict):
                return {k: named(v) for k, v in value.items()
                        if k not in ("version_id", "park")}
            if isinstance(value, list):
                return sorted((named(v) for v in value), key=repr)
            return ids.get(value, value) if isinstance(value, str) else value

        shape["ops"] = sorted((op.kind, op.entity, op.field, repr(named(op.payload)),
                               op.base_version) for op in ops)
    return shape


def test_a_file_that_is_not_a_workbook_is_refused_by_name(small, tmp_path):
    bad = tmp_path / "roll.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RentRollError) as refused:
        rehearse_rent_roll(small, bad)
    assert refused.value.code == "rent-roll-unreadable"
    assert refused.value.params["file"] == "roll.xlsx"


def test_the_rejected_file_keeps_dates_as_dates(small, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(HEADERS))
    sheet.append(["HT-X", TENANT, "ZD-X-1", 100, datetime(2026, 2, 10), datetime(2026, 3, 1),
                  datetime(2026, 3, 1), datetime(2027, 2, 28), 90, "月付"])
    book.save(tmp_path / "roll.xlsx")
    report = import_rent_roll(small, tmp_path / "roll.xlsx", rejected_to=tmp_path / "out.xlsx")
    assert report.rejected_file == tmp_path / "out.xlsx"
    line = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))[1]
    assert line[4] == datetime(2026, 2, 10) and line[3] == 100
    assert "ZD-X-1" in line[-1]


def test_reasons_can_be_said_in_the_callers_words(small, tmp_path):
    path = _csv(tmp_path / "roll.csv", [_line("HT-1", "ZD-X-1")])
    report = import_rent_roll(small, path, describe=lambda row: f"第{row.row_number}行有误")
    line = list(load_workbook(report.rejected_file).active.iter_rows(values_only=True))[1]
    assert line[-1] == "第2行有误"
    assert report.to_json()["counts"] == {"rows": 1, "imported": 0, "rejected": 1,
                                          "already_imported": 0, "skipped": 0}


# -- the command line (app.cli_rent_roll, before app.cli dispatches it) --------------------


def _cli(*argv: str) -> int:
    import argparse

    from app import cli_rent_roll

    parser = argparse.ArgumentParser(prog="leasemap")
    cli_rent_roll.add_parser(parser.add_subparsers(dest="command"))
    return cli_rent_roll.run(parser.parse_args(["rent-roll", *argv]))


def test_the_command_reports_and_exits_by_what_it_could_import(small, tmp_path, capsys):
    import json

    path = _csv(tmp_path / "roll.csv", [_line("HT-1", "ZD-A-0103"), _line("HT-2", "ZD-X-1")])
    workspace = str(small.path)
    small.close()
    assert _cli(str(path), "--workspace", workspace, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "1 would be imported, 1 rejected, 0 already imported" in out
    assert "row 3  HT-2  ZD-X-1 is not a unit of this park" in out
    assert "Dry run: nothing was written." in out and not rejected_path(path).exists()
    assert _cli(str(path), "--workspace", workspace, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["imported"] == 1 and not report["dry_run"]
    assert report["rows"][1]["reasons"][0]["code"] == "unknown-unit"
    assert report["rejected_file"] == str(rejected_path(path))
    # again: HT-1 is already imported, HT-2 still cannot be: nothing could be imported
    assert _cli(str(path), "--workspace", workspace) == 2
    assert "0 imported, 1 rejected, 1 already imported" in capsys.readouterr().out
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"no workbook")
    assert _cli(str(broken), "--workspace", workspace) == 1
    assert "broken.xlsx: cannot read the file" in capsys.readouterr().err
    assert _cli(str(path), "--workspace", workspace, "--map", "rate") == 2
    assert "--map takes FIELD=COLUMN" in capsys.readouterr().err
    assert _cli(str(path), "--workspace", workspace, "--map", "rate=", "--dry-run") == 1
    assert "no column for Rent per m² (rate)" in capsys.readouterr().err
