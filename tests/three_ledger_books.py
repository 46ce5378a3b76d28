"""The finance books the three-ledger tests check our vouchers against (三账对齐).

The accounting system imports our vouchers and posts them under voucher numbers of its
own; our reference stays in each line's text, or is lost (``with_references=False``).
The domain tests build those books from voucher lines (:func:`books`); the service
tests from the CSV we export, rows left out, changed or added (:func:`books_file`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from domain.billing.three_ledgers import FinanceEntry, VoucherLine

PAYER = "苏州某某科技有限公司"


def rows(lines: Iterable[VoucherLine]) -> list[tuple[str, str, str, str]]:
    """Each voucher line as (its reference's kind, account, debit, credit)."""
    return [(ln.reference[:4], ln.account, str(ln.debit), str(ln.credit)) for ln in lines]


def books(lines: Sequence[VoucherLine], with_references: bool = True,
          text: str = "租赁收入") -> list[FinanceEntry]:
    """The accounting system's posted lines after importing our vouchers: its own voucher
    numbers; our reference in the line's text, or ``text`` alone when it lost it."""
    numbers: dict[str, str] = {}
    out = []
    for n, ln in enumerate(lines):
        voucher = numbers.setdefault(ln.reference, f"记-{len(numbers) + 1:04d}")
        said = f"{ln.reference} {ln.related}" if with_references else text
        out.append(FinanceEntry(f"E{n:05d}", ln.on, ln.account, ln.debit - ln.credit,
                                ln.tenant_id, PAYER, said, voucher))
    return out


def csv_rows(path: Path) -> list[list[str]]:
    """A CSV as we export it (UTF-8 with its mark, as Excel opens it)."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def write_csv(path: Path, rows: Iterable[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def books_file(exported: Path, target: Path,
               keep: Callable[[list[str]], bool] = lambda row: True,
               change: Callable[[list[str]], list[str]] = lambda row: row,
               extra: Iterable[Sequence[str]] = ()) -> Path:
    """Our exported vouchers as the books hold them, written to ``target``: rows left out
    (``keep``) or changed (``change``), rows of the books' own added (``extra``)."""
    header, *lines = csv_rows(exported)
    kept = [change(list(r)) for r in lines if keep(r)]
    return write_csv(target, [header, *kept, *extra])


def one_line_of_books(workspace: Any, park: Any, folder: Path, on: date) -> None:
    """One line of the park's books imported (interest the bank paid, nothing of ours):
    from then on the park has books, and the check compares them."""
    from services.three_ledgers import import_finance_entries

    path = write_csv(folder / f"one-line-{on.isoformat()}.csv", [
        ["日期", "凭证号", "科目", "摘要", "借方", "贷方", "往来单位"],
        [on.isoformat(), "记-9", "1002", "利息收入", "15.00", "", ""]])
    import_finance_entries(workspace, park, path)
