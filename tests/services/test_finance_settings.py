"""Finance settings on a real workspace: the park's VAT table (edits, refusals that write
nothing, invoices issued at it), the reason a void or 红冲 must give, the working calendar
(added, removed, imported from CSV and Excel after a rehearsal, idempotently) and the
collections rules counting working days with it and saying when a tier's actions ended.

HT-B-1 leases ZD-A-0103 from 2026-03-01 at 12,540.00 a month (tests.small_leases); its
March bill is invoiced. The collections tests bill the legacy lease January to March,
unpaid, so on 2026-04-01 the tenant is medium (82).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from domain.billing.bills import bill_id
from domain.billing.collections import ActionKind
from domain.billing.credit import Tier
from domain.billing.invoices import DEFAULT_TAX_TABLE, tax_rate
from services import billing_run, contracts, invoices, payments
from services.collections import (
    ALERT_KIND,
    CollectionsRefused,
    mark_action_done,
    raise_actions,
    stored_actions,
)
from services.finance_settings import (
    HolidayImportRefused,
    HolidayRefused,
    TaxRatesRefused,
    add_holiday,
    holiday_id,
    holidays,
    import_holidays,
    rehearse_holiday_import,
    remove_holiday,
    save_tax_rates,
    set_tax_rate,
    tax_settings,
    working_calendar,
)
from services.invoices import InvoiceRefused
from services.payments import PaymentInput
from store.schema import Alert, Holiday, Invoice, Outbox, Park, Tenant
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from views.message_text import message_text

D = Decimal
MARCH = date(2026, 3, 1)
N1, N2, N3 = (f"2431200000000000{n:04d}" for n in (1, 2, 3))
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _ops(ws: Workspace, *where) -> list[Outbox]:
    with ws.reading() as s:
        found = list(s.scalars(select(Outbox).where(*where).order_by(Outbox.seq)))
        s.expunge_all()
    return found


def _stored(ws: Workspace) -> dict[str, str]:
    with ws.reading() as s:
        return dict(s.get(Park, park_id(ws)).tax_rates)


def _said(caught) -> list[tuple[str, str, str]]:
    """Each refused part: its code, the charge and value it names; each said in words."""
    for part in caught.value.parts:
        assert message_text(part) != part.message, part.code
    return [(p.code, p.params["charge"], p.params["value"]) for p in caught.value.parts]


# -- VAT rates ---------------------------------------------------------------------------


def test_the_park_starts_on_the_default_table(ws):
    with ws.reading() as s:
        settings = tax_settings(s, park_id(ws))
    assert [x.charge for x in settings.settings][:3] == ["rent", "parking", "property_fee"]
    assert all(not x.is_own for x in settings.settings)
    rent, deposit = settings.setting("rent"), settings.setting("deposit")
    assert (rent.rate, rent.default_rate, rent.exempt) == (D("0.09"), D("0.09"), False)
    assert (deposit.rate, deposit.exempt) == (None, True)
    assert settings.table.rates == DEFAULT_TAX_TABLE.rates


def test_saving_rates_keeps_only_what_differs_in_one_command(ws):
    park = park_id(ws)
    settings = save_tax_rates(ws, park, {"rent": D("0.05"), "electricity": "exempt",
                                         "water": "0.09", "service:空调": "0.13"})
    # water at its default is no override; the code's own rate is kept
    assert _stored(ws) == {"rent": "0.05", "electricity": "exempt", "service:空调": "0.13"}
    assert settings.setting("rent").rate == D("0.05") and settings.setting("rent").is_own
    assert settings.setting("electricity").exempt
    assert tax_rate("service:空调", settings.table) == D("0.13")
    assert tax_rate("service:能耗", settings.table) == D("0.06")  # its kind's default
    parks_before = len(_ops(ws, Outbox.entity == "parks"))  # its create, and the command
    [op] = _ops(ws, Outbox.kind == "set_tax_rates")
    assert (op.entity, op.entity_id, op.field, op.base_version) == ("parks", park, None, 0)
    assert _ops(ws, Outbox.field == "tax_rates") == []  # the command carries the change
    assert op.payload == {"park": str(park), "before": {},
                          "rates": {"rent": "0.05", "electricity": "exempt",
                                    "service:空调": "0.13"}}
    save_tax_rates(ws, park, {"rent": "0.050", "electricity": "EXEMPT",
                              "service:空调": "0.13"})  # the same again: nothing written
    assert len(_ops(ws, Outbox.entity == "parks")) == parks_before
    set_tax_rate(ws, park, "rent", None)  # back to the default, the others kept
    assert _stored(ws) == {"electricity": "exempt", "service:空调": "0.13"}
    set_tax_rate(ws, park, "deposit", "0.06")  # a forfeited deposit invoiced at 6 %
    assert _stored(ws)["deposit"] == "0.06"
    with ws.reading() as s:
        assert tax_settings(s, park).setting("deposit").rate == D("0.06")
    ops = _ops(ws, Outbox.kind == "set_tax_rates")
    assert len(ops) == 3
    assert ops[-1].payload["before"] == {"electricity": "exempt", "service:空调": "0.13"}


def test_a_refused_rate_names_its_charge_and_value_and_writes_nothing(ws):
    park = park_id(ws)
    save_tax_rates(ws, park, {"rent": "0.05"})
    before = (_stored(ws), _count(ws, Outbox))
    with pytest.raises(TaxRatesRefused) as caught:
        save_tax_rates(ws, park, {"rent": "0.09", "water": "9", "gym": "0.06",
                                  "gas": "abc", "heat": "0.09251", "late_fee": "-0.01"})
    assert caught.value.code == "tax-rates-refused"
    assert sorted(_said(caught)) == sorted([
        ("tax-rate-range", "water", "9"), ("tax-rate-charge", "gym", "0.06"),
        ("tax-rate-value", "gas", "abc"), ("tax-rate-places", "heat", "0.09251"),
        ("tax-rate-range", "late_fee", "-0.01")])
    said = message_text(caught.value)
    assert said.startswith("The VAT rates were not saved: ")
    assert "water: 900% is not a VAT rate from 0% to 17%" in said
    assert (_stored(ws), _count(ws, Outbox)) == before  # the good rent rate not saved either
    with pytest.raises(TaxRatesRefused):
        set_tax_rate(ws, park, "electricity", "0.18")
    assert (_stored(ws), _count(ws, Outbox)) == before
    save_tax_rates(ws, park, {"electricity": "0.17", "water": "0"})  # both ends allowed
    assert _stored(ws) == {"electricity": "0.17", "water": "0"}


def test_an_unreadable_stored_rate_is_left_out_and_kept(ws):
    """A rate another client stored that these rules refuse: the default is used, the row
    reports it, and changing another charge does not drop it."""
    park = park_id(ws)
    with ws.transaction() as s:
        s.get(Park, park).tax_rates = {"rent": "nine", "water": "0.03"}
    with ws.reading() as s:
        settings = tax_settings(s, park)
    assert settings.unreadable == (("rent", "nine"),)
    assert settings.setting("rent").rate == D("0.09") and not settings.setting("rent").is_own
    set_tax_rate(ws, park, "gas", "0.03")
    assert _stored(ws) == {"rent": "nine", "water": "0.03", "gas": "0.03"}


# -- invoices at the park's table, and their reasons -------------------------------------------


def _billed(ws: Workspace):
    cid = contracts.create_signed(ws, park_id(ws), lease_spec(ws, "ZD-A-0103", "HT-B-1", MARCH,
                                                              date(2027, 2, 28)))
    billing_run.post_run(ws, park_id(ws), MARCH, date(2026, 3, 31), MARCH)
    return bill_id(str(cid), MARCH, "rent")


def _listed(ws: Workspace, number: str = "HT-B-1/2026-03-01/rent"):
    with ws.reading() as s:
        return next(b for b in invoices.invoice_list(s, park_id(ws)).bills
                    if b.number == number)


def test_an_invoice_is_issued_at_the_park_s_rate(ws):
    bill = _billed(ws)
    save_tax_rates(ws, park_id(ws), {"rent": "0.05"})  # the simplified method's 5 %
    assert _listed(ws).rate == D("0.05")
    row = invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))
    with ws.reading() as s:
        invoice = s.get(Invoice, row)
        # 12,540.00 ÷ 1.05 = 11,942.857…: 11,942.86 excluding tax, 597.14 the tax
        assert (invoice.tax_rate, invoice.amount_excl, invoice.tax) == (
            D("0.0500"), D("11942.86"), D("597.14"))
    # once exempt, the park's rent is not invoiced at all
    save_tax_rates(ws, park_id(ws), {"rent": "exempt"})
    invoices.void_invoice(ws, N1, date(2026, 3, 6), note="按免税重开")
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N2, date(2026, 3, 7))
    assert [p.code for p in caught.value.problems] == ["not-invoiceable"]
    assert _listed(ws).rate is None


def test_a_void_and_a_red_invoice_need_a_reason(ws):
    bill = _billed(ws)
    invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))
    before = (_count(ws, Invoice), _count(ws, Outbox))
    for note in ("", "   "):
        with pytest.raises(InvoiceRefused) as caught:
            invoices.void_invoice(ws, N1, date(2026, 3, 20), note=note)
        assert [p.code for p in caught.value.problems] == ["reason-missing"]
        assert message_text(caught.value) == (
            f"The invoice was not recorded: say why invoice {N1} is voided or reversed: a tax "
            "audit asks")
        with pytest.raises(InvoiceRefused) as caught:
            invoices.reverse_invoice(ws, N1, N2, date(2026, 4, 2), note=note)
        assert [p.code for p in caught.value.problems] == ["reason-missing"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.void_invoice(ws, N1, date(2026, 3, 20), note="长" * 301)
    assert [p.code for p in caught.value.problems] == ["reason-long"]
    assert "301" in message_text(caught.value)
    assert (_count(ws, Invoice), _count(ws, Outbox)) == before  # nothing written

    invoices.void_invoice(ws, N1, date(2026, 3, 20), note="  抬头有误  ")
    invoices.issue_invoice(ws, bill, N2, date(2026, 3, 21), replaces=N1)
    invoices.reverse_invoice(ws, N2, N3, date(2026, 4, 2), note="退租，金额减少")
    with ws.reading() as s:
        notes = {(i.kind, i.number): i.note for i in s.scalars(select(Invoice))}
    assert notes == {("blue", N1): "", ("void", N1): "抬头有误", ("blue", N2): "",
                     ("red", N3): "退租，金额减少"}
    shown = {i.number: (i.status.value, i.note) for i in _listed(ws).invoices}
    assert shown == {N1: ("voided", "抬头有误"), N2: ("reversed", "退租，金额减少"),
                     N3: ("issued", "退租，金额减少")}


# -- the working calendar ------------------------------------------------------------------


def test_days_are_added_changed_and_removed_one_command_each(ws):
    park = park_id(ws)
    add_holiday(ws, park, date(2026, 10, 1), "holiday", "国庆节")
    add_holiday(ws, park, date(2026, 10, 10), "workday", "国庆节调休")  # a Saturday
    add_holiday(ws, park, date(2026, 10, 1), "holiday", "国庆节")  # again: nothing
    assert [o.kind for o in _ops(ws, Outbox.entity == "holidays")] == ["set_holiday"] * 2
    add_holiday(ws, park, date(2026, 10, 1), "holiday", "国庆节（第一天）")  # renamed
    with ws.reading() as s:
        assert [(d.day, d.kind, d.name) for d in holidays(s, park, 2026)] == [
            (date(2026, 10, 1), "holiday", "国庆节（第一天）"),
            (date(2026, 10, 10), "workday", "国庆节调休")]
        assert s.get(Holiday, holiday_id(park, date(2026, 10, 1))) is not None
        assert holidays(s, park, 2027) == []
    remove_holiday(ws, park, date(2026, 10, 1))
    with ws.reading() as s:
        assert working_calendar(s, park) == (frozenset(), frozenset({date(2026, 10, 10)}))
        assert s.get(Holiday, holiday_id(park, date(2026, 10, 1))).archived  # kept, archived
    add_holiday(ws, park, date(2026, 10, 1), "holiday", "国庆节")  # back again, same row
    assert _count(ws, Holiday) == 2
    ops = _ops(ws, Outbox.entity == "holidays")
    assert [o.kind for o in ops] == ["set_holiday", "set_holiday", "set_holiday",
                                     "remove_holiday", "set_holiday"]
    assert ops[-1].payload == {"park": str(park), "day": "2026-10-01", "kind": "holiday",
                               "name": "国庆节"}
    assert _count(ws, Outbox, Outbox.entity == "holidays", Outbox.kind.in_(
        ("create", "field_set", "archive"))) == 0  # the commands carry the changes


def test_a_wrong_day_is_refused_with_words(ws):
    park = park_id(ws)
    before = _count(ws, Outbox)
    said = {}
    for day, kind, name, code in ((date(2026, 10, 9), "workday", "", "holiday-workday-weekday"),
                                  (date(2026, 10, 1), "off", "", "holiday-kind"),
                                  (date(2026, 10, 1), "holiday", "节" * 101,
                                   "holiday-name-long")):
        with pytest.raises(HolidayRefused) as caught:
            add_holiday(ws, park, day, kind, name)
        [part] = caught.value.parts
        assert part.code == code and message_text(part) != part.message
        said[code] = message_text(caught.value)
    assert said["holiday-workday-weekday"] == (
        "The calendar was not changed: 2026-10-09 is a weekday: a make-up working day (调休) "
        "is a Saturday or a Sunday")
    with pytest.raises(HolidayRefused) as caught:
        remove_holiday(ws, park, date(2026, 5, 1))
    assert message_text(caught.value) == "2026-05-01 is not in the park's calendar"
    assert _count(ws, Outbox) == before


CALENDAR = [("日期", "类型", "名称"),
            ("2026-10-01", "休", "国庆节"), ("2026/10/2", "休", "国庆节"),
            ("2026年10月5日", "假", "国庆节"), ("20261006", "休", "国庆节"),
            ("2026-10-07", "休", "国庆节"), ("2026-09-27", "班", "国庆节调休"),
            ("2026-10-10", "补班", "国庆节调休")]


def _csv(folder: Path, rows=CALENDAR) -> Path:
    path = folder / "2026年节假日.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_year_s_calendar_is_rehearsed_imported_and_imported_again_adds_nothing(ws, tmp_path):
    park = park_id(ws)
    add_holiday(ws, park, date(2026, 10, 1), "holiday", "国庆")  # there, another name
    path = _csv(tmp_path)
    before = _count(ws, Outbox)
    plan = rehearse_holiday_import(ws, park, path)
    assert [(ln.row, ln.day, ln.kind, ln.outcome) for ln in plan.lines] == [
        (2, date(2026, 10, 1), "holiday", "change"), (3, date(2026, 10, 2), "holiday", "add"),
        (4, date(2026, 10, 5), "holiday", "add"), (5, date(2026, 10, 6), "holiday", "add"),
        (6, date(2026, 10, 7), "holiday", "add"), (7, date(2026, 9, 27), "workday", "add"),
        (8, date(2026, 10, 10), "workday", "add")]
    assert plan.lines[0].before.name == "国庆" and plan.years == [2026]
    assert _count(ws, Outbox) == before and not plan.written  # a rehearsal writes nothing

    done = import_holidays(ws, park, path)
    assert done.written and (len(done.to_add), len(done.to_change)) == (6, 1)
    assert len(_ops(ws, Outbox.kind == "set_holiday")) == 1 + 7
    with ws.reading() as s:
        off, worked = working_calendar(s, park)
    assert off == {date(2026, 10, d) for d in (1, 2, 5, 6, 7)}
    assert worked == {date(2026, 9, 27), date(2026, 10, 10)}

    again = import_holidays(ws, park, path)
    assert [ln.outcome for ln in again.lines] == ["same"] * 7
    assert len(_ops(ws, Outbox.kind == "set_holiday")) == 8  # nothing new
    assert _count(ws, Holiday) == 7


def test_an_excel_calendar_with_bad_lines_imports_the_good_ones(ws, tmp_path):
    park = park_id(ws)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2027年法定节假日安排"])  # a title above the header
    sheet.append(["日期", "休/班", "节日名称"])
    sheet.append([date(2027, 2, 8), "休", "春节"])
    sheet.append(["2027-02-30", "休", "春节"])  # no such day
    sheet.append(["2027-02-09", "放假?", "春节"])  # neither 休 nor 班
    sheet.append(["2027-02-10", "班", "春节调休"])  # a Wednesday worked "in place"
    sheet.append([None, "休", "春节"])  # no date
    sheet.append(["2027-02-08", "休", "除夕"])  # the same day again, as another day
    sheet.append(["2027-02-08", "休", "春节"])  # the same again: nothing more
    sheet.append(["2027-02-20", "班", "春节调休"])  # a Saturday worked
    path = tmp_path / "2027.xlsx"
    book.save(path)
    done = import_holidays(ws, park, path)
    assert [(ln.row, ln.outcome, [p.code for p in ln.problems]) for ln in done.lines] == [
        (3, "add", []), (4, "refused", ["holiday-row-date"]),
        (5, "refused", ["holiday-row-kind"]),
        (6, "refused", ["holiday-row-workday-weekday"]),
        (7, "refused", ["holiday-row-no-date"]), (8, "refused", ["holiday-row-twice"]),
        (9, "same", []), (10, "add", [])]
    for line in done.refused:
        for problem in line.problems:
            assert message_text(problem) != problem.message and problem.params["row"]
    assert message_text(done.lines[5].problems[0]) == (
        "Row 8: 2027-02-08 is on row 3 too, as another day")
    with ws.reading() as s:
        assert [(d.day, d.kind, d.name) for d in holidays(s, park)] == [
            (date(2027, 2, 8), "holiday", "春节"), (date(2027, 2, 20), "workday", "春节调休")]


def test_a_file_without_its_columns_is_refused_whole(ws, tmp_path):
    park = park_id(ws)
    path = _csv(tmp_path, [("日期", "名称"), ("2026-10-01", "国庆节")])
    with pytest.raises(HolidayImportRefused) as caught:
        rehearse_holiday_import(ws, park, path)
    assert caught.value.code == "holiday-import-columns"
    assert "类型" in message_text(caught.value) and "日期, 名称" in message_text(caught.value)
    with pytest.raises(HolidayImportRefused) as caught:
        import_holidays(ws, park, tmp_path / "没有.csv")
    assert caught.value.code == "holiday-import-no-file"
    (tmp_path / "cal.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(HolidayImportRefused) as caught:
        import_holidays(ws, park, tmp_path / "cal.pdf")
    assert caught.value.code == "holiday-import-format"
    assert _count(ws, Holiday) == 0


# -- collections count working days with the calendar --------------------------------------


@pytest.fixture
def owing(ws):
    """The legacy lease billed January to March 2026, unpaid: medium on 2026-04-01."""
    billing_run.post_run(ws, park_id(ws), date(2026, 1, 1), date(2026, 3, 31),
                         date(2025, 12, 25))
    return ws


def _alerts(ws: Workspace) -> dict[str, Alert]:
    with ws.reading() as s:
        rows = {a.code: a for a in s.scalars(select(Alert).where(Alert.kind == ALERT_KIND))}
        s.expunge_all()
    return rows


def test_the_call_skips_a_stored_holiday_and_counts_a_make_up_saturday(owing):
    ws, park = owing, park_id(owing)
    # Wednesday 2026-04-01: the next working day is Thursday, unless the park is off on
    # Thursday and Friday and works the Saturday in their place.
    add_holiday(ws, park, date(2026, 4, 2), "holiday", "清明节")
    add_holiday(ws, park, date(2026, 4, 3), "holiday", "清明节")
    add_holiday(ws, park, date(2026, 4, 4), "workday", "清明节调休")
    run = raise_actions(ws, park, date(2026, 4, 1))
    assert run.tiers[Tier.MEDIUM] == 1
    assert _alerts(ws)["call"].due_on == date(2026, 4, 4)


def test_without_the_workday_the_call_waits_for_monday(owing):
    ws, park = owing, park_id(owing)
    add_holiday(ws, park, date(2026, 4, 2), "holiday", "清明节")
    add_holiday(ws, park, date(2026, 4, 3), "holiday", "清明节")
    raise_actions(ws, park, date(2026, 4, 1))
    assert _alerts(ws)["call"].due_on == date(2026, 4, 6)


def test_a_tier_that_ends_sets_ended_on_and_keeps_what_was_done(owing):
    ws, park = owing, park_id(owing)
    raise_actions(ws, park, date(2026, 4, 1))  # medium: bill early, letter, call
    call = _alerts(ws)["call"]
    mark_action_done(ws, call.id, date(2026, 4, 1))
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant.id).where(Tenant.name == TENANT))
    payments.enter_payment(ws, park, PaymentInput(date(2026, 4, 1), D("35739.00"), TENANT,
                                                  tenant_id=tenant))
    run = raise_actions(ws, park, date(2026, 4, 2))  # paid: low
    assert (run.raised, run.ended) == (0, 3)
    rows = _alerts(ws)
    assert {c: (a.ended_on, a.cleared_on, a.archived) for c, a in rows.items()} == {
        "bill_early": (date(2026, 4, 2), None, False),
        "reminder_letter": (date(2026, 4, 2), None, False),
        "call": (date(2026, 4, 2), date(2026, 4, 1), False)}  # done on the 1st, ended the 2nd
    with ws.reading() as s:
        [actions] = stored_actions(s, park).values()  # the one tenant's
    read = {x.action.kind: x for x in actions}
    assert read[ActionKind.CALL].action.done_on == date(2026, 4, 1)
    assert all(x.action.ended_on == date(2026, 4, 2) and not x.open for x in read.values())
    with pytest.raises(CollectionsRefused) as caught:
        mark_action_done(ws, rows["reminder_letter"].id, date(2026, 4, 3))
    assert caught.value.code == "collections-action-ended"
    assert message_text(caught.value) == (
        "The action ended on 2026-04-02, when the tenant left its tier")
    assert raise_actions(ws, park, date(2026, 4, 3)).ended == 0  # ended once
