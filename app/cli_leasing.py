"""Leasing on the command line: ``schedule`` (and ``rent-roll``, from app.cli_rent_roll).

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    from app import cli_rent_roll

    cli_rent_roll.add_parser(sub)
    schedule = sub.add_parser(
        "schedule", help="a contract's rent schedule, every line with the clauses that made it")
    schedule.add_argument("contract", help="contract code (or id)")
    schedule.add_argument("--workspace", type=Path, required=True, help="the workspace")
    schedule.add_argument("--json", action="store_true", help="print the schedule as JSON")


def schedule(args: argparse.Namespace) -> int:
    """Print the schedule: 0 when found, 2 when the workspace or the contract is not."""
    from app.cli import on_workspace
    from domain.leasing.schedule import total
    from services.contracts import find_contract, schedule_of

    def work(workspace: Any) -> Any:
        with workspace.reading() as session:
            return schedule_of(session, find_contract(session, args.contract).id)

    found, code = on_workspace(args.workspace, work)  # no such contract: said, 2
    if code:
        return code
    if args.json:
        print(json.dumps(schedule_json(found), ensure_ascii=False, indent=1))
        return 0
    from views.contract_text import charge_text, reason_text, schedule_problem_text

    for line in found.lines:
        why = "; ".join(reason_text(r) for r in line.reasons)
        charge = charge_text(line.charge)
        print(f"{line.starts_on} – {line.ends_on}  {line.due_on}  {charge:<12} "
              f"{line.amount:>14,.2f}  {why}")
    print(f"{'':>39}{total(found.lines):>16,.2f}")
    for problem in found.problems:
        print(schedule_problem_text(problem), file=sys.stderr)
    return 0


def schedule_json(found: Any) -> dict[str, Any]:
    """The schedule as data: amounts as text (exact), reasons with their codes and figures;
    ``total`` is the rent's (charges are lines of their own)."""
    from domain.leasing.schedule import total

    return {
        "contract": found.code,
        "versions": [{"number": v.number, "effective_on": v.effective_on.isoformat(),
                      "reason": v.reason} for v in found.versions],
        "lines": [{"starts_on": x.starts_on.isoformat(), "ends_on": x.ends_on.isoformat(),
                   "due_on": x.due_on.isoformat(), "charge": x.charge,
                   "amount": str(x.amount),
                   "reasons": [{"code": r.code, **r.params} for r in x.reasons]}
                  for x in found.lines],
        "total": str(total(found.lines)),
        "problems": [{"code": p.code, **p.params} for p in found.problems],
    }
