"""Payments on a real workspace: entered, imported from a bank file, matched, confirmed,
reversed and refunded; one transaction each, and the ledger always adds up.

The small park's one tenant (上海云帆智能科技有限公司) leases ZD-A-0101 (HT-2026-0001,
11,913.00 a month) and, here, ZD-A-0103 (HT-P-1, 12,540.00 a month from March 2026).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain.billing.matching import Outcome
from services import billing_run, payments, receivables
from services.payments import PaymentInput, PaymentRefused
from store.schema import Allocation, Outbox, PayerAlias, Payment, Tenant
from store.workspace import Workspace
from tests.small_leases import open_small, park_id, sign_lease

D = Decimal
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    sign_lease(workspace, "ZD-A-0103", "HT-P-1")
    billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    yield workspace
    workspace.close()


def _tenant(ws: Workspace):
    with ws.reading() as s:
        return s.scalar(select(Tenant.id))


def _open(ws: Workspace) -> dict[str, Decimal]:
    with ws.reading() as s:
        return {i.number: i.amount for i in
                receivables.read_ledger(s, park_id(ws)).open_items()}


def _count(ws: Workspace, model) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def _statement(tmp_path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    """A 招商银行-style export (UTF-8), its headers as the bank writes them."""
    lines = ["记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要"]
    lines += [f"{day},CNY,\"{amount}\",\"{balance}\",转账汇款,{payer},{remark}"
              for day, amount, balance, payer, remark in rows]
    path = tmp_path / "cmb.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _adds_up(ws: Workspace) -> None:
    """Σ payments = Σ allocations to bills + Σ unallocated + Σ refunds; no balance < 0."""
    with ws.reading() as s:
        ledger = receivables.read_ledger(s, park_id(ws))
        held = receivables.unallocated_by_payment(ledger)
    paid = sum((p.amount for p in ledger.payments), D(0))
    to_bills = sum((a.amount for a in ledger.allocations if a.bill_id is not None), D(0))
    refunds = sum((a.amount for a in ledger.allocations if a.bill_id is None), D(0))
    assert paid == to_bills + sum(held.values(), D(0)) + refunds
    assert all(v >= 0 for v in held.values())
    assert all(i.amount > 0 for i in ledger.open_items())


def test_a_payment_entered_for_a_tenant_pays_the_oldest_bills_first(ws):
    before = _open(ws)
    assert before == {"HT-2026-0001/2026-03-01/rent": D("11913.00"),
                      "HT-P-1/2026-03-01/rent": D("12540.00"),
                      "HT-2026-0001/2026-04-01/rent": D("11913.00"),
                      "HT-P-1/2026-04-01/rent": D("12540.00")}
    payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 3, 5), D("30000.00"), TENANT, tenant_id=_tenant(ws)))
    after = _open(ws)
    assert "HT-2026-0001/2026-03-01/rent" not in after and "HT-P-1/2026-03-01/rent" not in after
    # 30,000 − March's 24,453 = 5,547 goes to April's bills (due the same day, in id order)
    assert sum(after.values(), D(0)) == D("24453.00") - D("5547.00")
    assert len(after) == 2
    _adds_up(ws)
    assert _count(ws, Outbox) > 0


def test_a_bank_file_imports_once_and_matches_what_it_can(ws, tmp_path):
    path = _statement(tmp_path, [
        ("2026-03-03", "12,540.00", "12,540.00", f"{TENANT} 6222000011112222",
         "HT-P-1 三月租金"),  # payer, contract and amount agree: allocated
        ("2026-03-04", "11,913.00", "24,453.00", "云帆智能科技（上海）", "租金"),  # fuzzy
        ("2026-03-05", "888.00", "25,341.00", "张三", "押金"),  # nobody's
        ("2026-03-06", "-100.00", "25,241.00", "某电力公司", "电费"),  # paid out: skipped
    ])
    rehearsal = payments.import_bank_statement(ws, park_id(ws), path, dry_run=True)
    assert not rehearsal.written and len(rehearsal.new) == 3 and len(rehearsal.auto) == 1
    assert _count(ws, Payment) == 0

    report = payments.import_bank_statement(ws, park_id(ws), path)
    outcomes = sorted(m.outcome.value for m in report.matches)
    assert outcomes == sorted([Outcome.AUTO.value, Outcome.PROPOSED.value,
                               Outcome.UNMATCHED.value])
    assert [s.code for s in report.skipped] == ["bank-row-debit"]
    assert "HT-P-1/2026-03-01/rent" not in _open(ws)
    again = payments.import_bank_statement(ws, park_id(ws), path)
    assert again.new == () and again.existing == 3
    assert _count(ws, Payment) == 3
    _adds_up(ws)

    with ws.reading() as s:
        queue = payments.payment_queue(s, park_id(ws))
    assert sorted(q.payment.amount for q in queue) == [D("888.00"), D("11913.00")]
    fuzzy = next(q for q in queue if q.payment.amount == D("11913.00"))
    assert fuzzy.match.outcome is Outcome.PROPOSED and fuzzy.match.candidates
    assert fuzzy.match.reasons or fuzzy.match.candidates[0].reasons  # it says why


def test_confirming_a_proposal_allocates_it_and_learns_the_payer(ws, tmp_path):
    path = _statement(tmp_path, [("2026-03-04", "11,913.00", "11,913.00",
                                  "云帆智能科技（上海）", "HT-2026-0001 租金")])
    payments.import_bank_statement(ws, park_id(ws), path)
    with ws.reading() as s:
        [item] = payments.payment_queue(s, park_id(ws))
    tenant = item.match.candidates[0].tenant_id
    parts = [(p.bill_id, p.amount) for p in item.match.candidates[0].parts]
    payments.allocate_payment(ws, item.payment.id, parts, date(2026, 3, 6), payer_is=tenant)
    assert "HT-2026-0001/2026-03-01/rent" not in _open(ws)
    with ws.reading() as s:
        assert s.scalar(select(PayerAlias.name)) == "云帆智能科技（上海）"
        assert payments.payment_queue(s, park_id(ws)) == []
    # The same payer next month is now known: with its contract and amount, automatic.
    later = _statement(tmp_path, [("2026-04-02", "11,913.00", "23,826.00",
                                   "云帆智能科技（上海）", "HT-2026-0001 四月租金")])
    report = payments.import_bank_statement(ws, park_id(ws), later)
    assert [m.outcome for m in report.matches] == [Outcome.AUTO]
    _adds_up(ws)


def test_an_allocation_beyond_a_bill_or_the_payment_is_refused_and_writes_nothing(ws):
    pid = payments.enter_payment(ws, park_id(ws), PaymentInput(date(2026, 3, 5), D("500.00"),
                                                               "张三"))
    with ws.reading() as s:
        bill = next(i for i in receivables.read_ledger(s, park_id(ws)).open_items()
                    if i.number == "HT-P-1/2026-03-01/rent")
    allocations = _count(ws, Allocation)
    with pytest.raises(PaymentRefused):
        payments.allocate_payment(ws, pid, [(bill.bill_id, D("500.01"))], date(2026, 3, 6))
    assert _count(ws, Allocation) == allocations
    payments.allocate_payment(ws, pid, [(bill.bill_id, D("500.00"))], date(2026, 3, 6))
    assert _open(ws)["HT-P-1/2026-03-01/rent"] == D("12040.00")
    with pytest.raises(PaymentRefused):
        payments.enter_payment(ws, park_id(ws), PaymentInput(date(2026, 3, 5), D("0.001")))


def test_a_reversal_reopens_the_bill_and_a_refund_pays_back_the_rest(ws):
    pid = payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 3, 5), D("13000.00"), TENANT, tenant_id=_tenant(ws)))
    with ws.reading() as s:
        rows = sorted(s.scalars(select(Allocation)).all(), key=lambda a: a.amount)
        numbers = {b.id: b.number for b in receivables.read_ledger(s, park_id(ws)).bills}
    # March's two bills, due the same day: one paid whole, 13,000 less it on the other
    second, first = rows
    assert {first.amount, second.amount} in ({D("11913.00"), D("1087.00")},
                                             {D("12540.00"), D("460.00")})
    payments.reverse_allocation(ws, first.id, date(2026, 3, 7), D("1000.00"))
    assert _open(ws)[numbers[first.bill_id]] == D("1000.00")
    with pytest.raises(PaymentRefused):
        payments.reverse_allocation(ws, first.id, date(2026, 3, 7),
                                    first.amount - D("1000.00") + D("0.01"))
    with pytest.raises(PaymentRefused):
        payments.refund(ws, pid, D("1000.01"), date(2026, 3, 8))  # it holds 1,000.00
    payments.refund(ws, pid, D("1000.00"), date(2026, 3, 8))
    _adds_up(ws)
    with ws.reading() as s:
        held = receivables.unallocated_by_payment(receivables.read_ledger(s, park_id(ws)))
    assert held[pid] == D("0.00")
