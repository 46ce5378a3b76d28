"""Receivables on the command line: ``ageing`` (the park's ageing on a day, the arrears list,
the month's collection rate and credit; ``-o`` writes the Excel workbook).

Light at import (argparse only): ``leasemap --help`` must not load the store. The
workbook's words (:func:`sheet_words`) are made here from ``views.receivables_text``, so
the receivables window's export writes the same workbook in the same language.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from views.message_text import translate
from views.terminal_text import fit


def add_parser(sub: Any) -> None:
    ageing = sub.add_parser(
        "ageing", help="receivables ageing (0–30, 31–60, 61–90, 90+ days) by tenant, building "
                       "and park on a day, the arrears list and the collection rate")
    ageing.add_argument("--workspace", type=Path, required=True, help="the workspace")
    ageing.add_argument("--on", type=_day, default=None,
                        help="the day the report is for, YYYY-MM-DD (default today): "
                             "payments allocated after it do not count")
    ageing.add_argument("-o", "--output", type=Path, default=None,
                        help="also write the report as an Excel workbook (.xlsx)")
    ageing.add_argument("--json", action="store_true", help="print the report as JSON")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Receivables", "not a day (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def run(args: argparse.Namespace) -> int:
    """0 when the report was made (and written, with ``-o``); 2 when the workspace cannot be
    opened or the workbook cannot be written."""
    from app.cli import _error, on_workspace, park_in
    from services.receivables_report import export_ageing, read_report

    on = args.on or date.today()
    report, code = on_workspace(args.workspace, lambda workspace: read_report(
        workspace, park_in(workspace), on))
    if code:
        return code
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=1))
    else:
        print("\n".join(report_lines(report)))
    if args.output is not None:
        target = args.output if args.output.suffix.lower() == ".xlsx" else \
            args.output.with_name(args.output.name + ".xlsx")
        try:
            export_ageing(report, target, sheet_words())
        except OSError as exc:
            _error(translate("Receivables", "cannot write {file}: {reason}").format(
                file=target, reason=exc.strerror or exc))
            return 2
        print(translate("Receivables", "wrote {file}").format(file=target), file=sys.stderr)
    return 0


# -- words ---------------------------------------------------------------------------------


def sheet_words() -> Any:
    """The workbook's words in the language installed (``services.receivables_report``'s
    ``SheetWords``)."""
    from domain.billing.ageing import BUCKETS
    from domain.billing.credit import Tier
    from services.receivables_report import SheetWords
    from views import receivables_text as say

    return SheetWords(
        by_tenant=translate("Receivables", "By tenant"),
        by_building=translate("Receivables", "By building"),
        park_sheet=translate("Receivables", "Park summary"),
        arrears_sheet=translate("Receivables", "Arrears"),
        title=say.title_text("{park}", "{on}", "{currency}"),
        tenant=say.tenant_word(), contracts=say.contracts_word(),
        building=say.building_word(), several_buildings=say.several_buildings_word(),
        buckets=tuple(say.bucket_text(b) for b in BUCKETS), overdue=say.overdue_word(),
        total=say.total_word(), bills=say.bills_word(),
        bill_numbers=say.bill_numbers_word(),
        score=translate("Receivables", "Credit score"),
        tier=translate("Receivables", "Risk tier"),
        tiers={tier: say.tier_text(tier) for tier in Tier},
        contract=say.contract_word(), oldest_due=say.oldest_due_word(),
        days_overdue=say.days_overdue_word(), amount=say.amount_word(),
        ageing=translate("Receivables", "Ageing"),
        share=translate("Receivables", "Share of open"), park_total=say.park_word(),
        collection=translate("Receivables", "Collection rate"),
        collection_period=translate("Receivables",
                                    "Bills due {start} – {end}, collected by {as_of}"),
        billed=translate("Receivables", "Billed"),
        collected=translate("Receivables", "Collected"),
        outstanding=translate("Receivables", "Outstanding"),
        rate=translate("Receivables", "Rate"))


def report_json(report: Any) -> dict[str, Any]:
    """The report as data: amounts as text (exact), days as ISO dates."""
    from domain.billing.ageing import BUCKETS

    def totals(t: Any) -> dict[str, Any]:
        return {**{b.value: str(t.amount(b)) for b in BUCKETS}, "overdue": str(t.overdue),
                "total": str(t.total), "bills": t.bills}

    rate = report.collection
    return {
        "park": report.park_code, "park_name": report.park_name, "on": report.on.isoformat(),
        "currency": report.currency, "buckets": [b.value for b in BUCKETS],
        "totals": totals(report.park),
        "tenants": [{"id": str(t.tenant_id), "name": t.name, "contracts": list(t.contracts),
                     **totals(t.totals)} for t in report.tenants],
        "buildings": [{"id": str(b.building_id) if b.building_id else None, "code": b.code,
                       "name": b.name, **totals(b.totals)} for b in report.buildings],
        "arrears": [{"tenant": a.tenant, "contract": a.contract, "building": a.building,
                     "oldest_due_on": a.oldest_due_on.isoformat(),
                     "days_overdue": a.days_overdue, "amount": str(a.amount),
                     "bills": list(a.bills)} for a in report.arrears],
        "collection": {"from": rate.start.isoformat(), "to": rate.end.isoformat(),
                       "as_of": rate.as_of.isoformat(), "billed": str(rate.billed),
                       "collected": str(rate.collected),
                       "rate": None if rate.rate is None else str(rate.rate)},
        "credit": [{"tenant": c.name, "score": c.score.score, "tier": c.tier.value,
                    "reasons": [{"code": r.code, "points": r.points, **r.params}
                                for r in c.score.reasons],
                    "notes": [{"code": n.code, **n.params} for n in c.score.notes]}
                   for c in report.credit],
    }


def report_lines(report: Any) -> list[str]:
    """The report as text: the ageing by tenant and the park's total, the arrears list, the
    collection rate, and the tenants whose credit lost points."""
    from domain.billing.ageing import BUCKETS
    from views import receivables_text as say

    def row(name: str, t: Any) -> str:
        figures = "".join(fit(say.amount_figure(t.amount(b)), 15) for b in BUCKETS)
        return f"{fit(name, 30, left=True)}{figures}{fit(say.amount_figure(t.overdue), 15)}"

    heads = "".join(fit(say.bucket_text(b), 15) for b in BUCKETS)
    lines = [say.title_text(report.park_name, report.on.isoformat(), report.currency), "",
             f"{fit(say.tenant_word(), 30, left=True)}{heads}{fit(say.overdue_word(), 15)}"]
    lines += [row(t.name, t.totals) for t in report.tenants]
    lines.append(row(say.park_word(), report.park))
    if report.arrears:
        lines += ["", translate("Receivables", "Arrears:")]
        for a in report.arrears:
            lines.append(translate(
                "Receivables", "{tenant}  {contract}  {amount}  overdue since {due} ({days} "
                "days), bills: {count}").format(
                tenant=a.tenant, contract=a.contract, amount=say.amount_figure(a.amount),
                days=a.days_overdue, due=a.oldest_due_on.isoformat(), count=len(a.bills)))
    lines += ["", say.collection_text(report.collection, report.currency)]
    marked = [c for c in report.credit if c.score.reasons]
    if marked:
        lines += ["", translate("Receivables", "Credit:")]
        for c in marked:
            lines.append(f"{c.name}  {say.credit_text(c.score)}")
            lines += [f"    {say.credit_reason_text(r)}" for r in c.score.reasons]
    return lines
