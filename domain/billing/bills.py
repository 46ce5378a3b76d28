"""A billing run, planned: which bills a contract's schedule makes in a range, which exist.

The rules (issue 12, SYNC.md's ledger policy):

- A run for a range bills every schedule line (the contract's own periods,
  ``domain.leasing.schedule``) whose period starts in the range: one bill per
  contract, period start and charge, its lines the schedule lines of that
  key. The bill's id is uuid5 of those three, so running again, or another
  device running the same range offline, makes the same bill: it is reported
  as existing, never written twice.
- A period already billed whose amount the schedule now says differently (an
  amendment, a termination, a CPI index entered after a year billed at the
  floor, a month's sales reported after its base was billed) gets an
  adjustment bill in the run: the difference, pointing at the bill it
  corrects, explained before → after. Its id is uuid5 of the key and its
  sequence number among the key's adjustments, so it too is made once.
  Posted bills are never changed; a negative adjustment is a credit.
- Nothing is billed for a draft, a line of 0.00 (a rent-free period), or a
  contract whose schedule cannot be computed; each is reported as skipped,
  with its reason, and a line billed at the CPI floor or without its month's
  sales says that a correction will follow.

Everything here is pure: the service reads the contracts and the bills that
exist, calls :func:`plan_contract` per contract, and writes what it returns.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from hashlib import sha1
from typing import Any

from domain.days import ISO_DAYS
from domain.leasing.schedule import RENT, Problem, Reason, ScheduleLine, add_months
from domain.money import ZERO

NAMESPACE = uuid.UUID("6f1d3b52-8c1e-5b0e-9a57-1e4b7c2d9f10")  # Leasemap bills
CHARGE_KIND = "charge"
ADJUSTMENT_KIND = "adjustment"
# Schedule problems after which a contract is not billed at all: its lines are not
# trustworthy. The others are carried on the bills as notes.
BLOCKING = frozenset({"dates", "version-numbers", "version-dates", "amendment-after-end"})
# Charges billed from something other than a contract's schedule (late fees, meters, the
# deposit): a run's schedule adjustments never touch them.
NOT_FROM_SCHEDULE = frozenset({"late_fee", "electricity", "water", "gas", "heat", "deposit"})
# Lines billed now whose amount is known to change later.
PROVISIONAL = frozenset({"cpi-unknown", "sales-missing"})


def bill_id(contract_id: str, period_start: date, charge: str) -> uuid.UUID:
    """The bill of one contract, period and charge: the same on every device."""
    return _uuid5(f"bill|{contract_id}|{period_start.isoformat()}|{charge}")


def adjustment_id(contract_id: str, period_start: date, charge: str, sequence: int
                  ) -> uuid.UUID:
    """The ``sequence``-th adjustment (1, 2, …) of a key: made once, wherever it is made."""
    return _uuid5(f"adjustment|{contract_id}|{period_start.isoformat()}|{charge}|{sequence}")


_PREFIX = NAMESPACE.bytes  # what uuid5 hashes before the name
_VERSION_5 = (0x8000 << 48) | (5 << 76)  # RFC 4122 variant and version 5, as uuid5 sets
_KEPT = ~((0xC000 << 48) | (0xF000 << 64)) & ((1 << 128) - 1)
_new_uuid = uuid.UUID.__new__
# UUID's slots set directly (its __setattr__ refuses; object.__setattr__ looks each one up)
_set_int, _set_safe, _UNKNOWN = uuid.UUID.int.__set__, uuid.UUID.is_safe.__set__, \
    uuid.SafeUUID.unknown


def _uuid5(name: str) -> uuid.UUID:
    """``uuid.uuid5(NAMESPACE, name)``, the same value at a quarter of the cost: a run makes
    one per bill, and ``UUID.__init__`` re-checks what is known here."""
    made = _new_uuid(uuid.UUID)
    _set_int(made, int.from_bytes(sha1(_PREFIX + name.encode()).digest()[:16]) & _KEPT
             | _VERSION_5)
    _set_safe(made, _UNKNOWN)
    return made


def bill_number(contract_code: str, period_start: date, charge: str, sequence: int = 0
                ) -> str:
    """The bill's reference a person reads and a tenant writes on a transfer:
    ``HT-2026-0001/2026-12-01/rent``; an adjustment adds ``/A1``, ``/A2``."""
    number = f"{contract_code}/{period_start.isoformat()}/{charge}"
    return f"{number}/A{sequence}" if sequence else number


@dataclass(frozen=True)
class BilledKey:
    """What has been billed for one (period start, charge) of a contract so far."""

    bill_id: uuid.UUID  # the original bill
    amount: Decimal  # the original and its adjustments, added up
    adjustments: int  # how many adjustments it has had


# PlannedLine, PlannedBill and ContractPlan set their fields at once (``__dict__.update``):
# the frozen dataclass's own __init__ sets each through object.__setattr__, a bill's twelve
# costing more than the rest of its making. Still frozen after. (The __dict__ so made is one
# more object for the collector, which a run spares: ``plan_contracts`` moves its plans to
# the oldest generation at once.)


@dataclass(frozen=True, init=False)
class PlannedLine:
    starts_on: date
    ends_on: date
    amount: Decimal
    explanation: dict[str, Any]

    def __init__(self, starts_on: date, ends_on: date, amount: Decimal,
                 explanation: dict[str, Any]) -> None:
        self.__dict__.update(starts_on=starts_on, ends_on=ends_on, amount=amount,
                             explanation=explanation)


@dataclass(frozen=True, init=False)
class PlannedBill:
    """A bill the run would post (the service writes it and its lines as they are)."""

    id: uuid.UUID
    contract_id: str
    number: str
    kind: str  # charge | adjustment
    charge: str
    period_start: date
    period_end: date
    due_on: date
    amount: Decimal
    lines: tuple[PlannedLine, ...]
    corrects: uuid.UUID | None = None
    # provisional (``PROVISIONAL``: a correction follows) or to check (a utility's spike:
    # billed as read)
    notes: tuple[Problem, ...] = ()

    def __init__(self, id: uuid.UUID, contract_id: str, number: str, kind: str, charge: str,
                 period_start: date, period_end: date, due_on: date, amount: Decimal,
                 lines: tuple[PlannedLine, ...], corrects: uuid.UUID | None = None,
                 notes: tuple[Problem, ...] = ()) -> None:
        self.__dict__.update(id=id, contract_id=contract_id, number=number, kind=kind,
                             charge=charge, period_start=period_start, period_end=period_end,
                             due_on=due_on, amount=amount, lines=lines, corrects=corrects,
                             notes=notes)


@dataclass(frozen=True)
class Skip:
    """Something the run did not bill, and why (``code`` with its figures as text)."""

    contract_code: str
    code: str  # draft | schedule-problem | nothing-due | rent-free | no-schedule
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, init=False)
class ContractPlan:
    bills: tuple[PlannedBill, ...]
    existing: tuple[uuid.UUID, ...]
    skipped: tuple[Skip, ...]

    def __init__(self, bills: tuple[PlannedBill, ...], existing: tuple[uuid.UUID, ...],
                 skipped: tuple[Skip, ...]) -> None:
        self.__dict__.update(bills=bills, existing=existing, skipped=skipped)


@dataclass(frozen=True, init=False)
class ContractToBill:
    """A contract as the run sees it: the schedule it bills (cut at its termination)."""

    id: str
    code: str
    lines: tuple[ScheduleLine, ...]
    problems: tuple[Problem, ...] = ()
    draft: bool = False

    def __init__(self, id: str, code: str, lines: tuple[ScheduleLine, ...],
                 problems: tuple[Problem, ...] = (), draft: bool = False) -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__,
        # twice the cost; made once a contract and dropped once planned.
        self.__dict__.update(id=id, code=code, lines=lines, problems=problems, draft=draft)


def run_over(ranges: Sequence[tuple[date, date]], day: date) -> bool:
    """Whether one of the runs' ranges (first and last day, both in) holds ``day``.

    >>> run_over([(date(2026, 1, 1), date(2026, 1, 31))], date(2026, 1, 31))
    True
    >>> run_over([(date(2026, 1, 1), date(2026, 1, 31))], date(2026, 2, 1))
    False
    """
    return any(first <= day <= last for first, last in ranges)


def plan_contract(contract: ContractToBill, period_from: date, period_to: date,
                  billed: Mapping[tuple[date, str], BilledKey], issued_on: date, *,
                  catch_up_from: date | None = None,
                  covered: Sequence[tuple[date, date]] = ()) -> ContractPlan:
    """The bills one contract's run posts for periods starting in ``period_from`` –
    ``period_to``, and the adjustments of periods billed before whose amount changed.

    ``catch_up_from``: periods starting from that day, before the range, that were never
    billed are billed too (an amendment that cut a billed period in two makes a period
    no run has seen: its second part; one that extended the term, the periods added),
    if an earlier run's range (``covered``) held their start: a period of months no run
    went over is left to a run over them, as every other contract's is."""
    if contract.draft:
        return ContractPlan((), (), (Skip(contract.code, "draft"),))
    if not contract.lines and not billed and not contract.problems:
        return ContractPlan((), (), (Skip(contract.code, "nothing-due", {
            "from": ISO_DAYS[period_from], "to": ISO_DAYS[period_to]}),))
    notes: tuple[Problem, ...] = ()
    if contract.problems:
        blocking = [p for p in contract.problems if p.code in BLOCKING]
        if blocking:
            return ContractPlan((), (), tuple(
                Skip(contract.code, "schedule-problem", {"problem": p.code, **p.params})
                for p in blocking))
        notes = tuple(p for p in contract.problems if p.code in PROVISIONAL)
    by_key: dict[tuple[date, str], list[ScheduleLine]] = {}
    for line in contract.lines:
        key = (line.starts_on, line.charge)
        same = by_key.get(key)
        if same is None:
            by_key[key] = [line]
        else:
            same.append(line)
    bills: list[PlannedBill] = []
    existing: list[uuid.UUID] = []
    skipped: list[Skip] = []
    earliest = period_from if catch_up_from is None else min(catch_up_from, period_from)
    for key in sorted(by_key) if len(by_key) > 1 else by_key:
        start, charge = key
        lines = by_key[key]
        if len(lines) == 1:  # most keys: one line, its figures as they are
            line = lines[0]
            amount, end, due = ZERO + line.amount, line.ends_on, line.due_on
        else:
            amount = sum((x.amount for x in lines), ZERO)
            end, due = max(x.ends_on for x in lines), min(x.due_on for x in lines)
        done = billed.get(key)
        if done is not None:
            existing.append(done.bill_id)
            if amount != done.amount:
                bills.append(_adjustment(contract, key, lines, amount, done, issued_on,
                                         _notes_for(notes, lines)))
            continue
        if not earliest <= start <= period_to:
            continue
        if start < period_from and not run_over(covered, start):
            continue
        if amount == ZERO:
            if start >= period_from:  # a catch-up period before the range was said before
                skipped.append(Skip(contract.code, "rent-free", {
                    "charge": charge, "period_start": ISO_DAYS[start]}))
            continue
        day = ISO_DAYS[start]  # bill_id's and bill_number's text
        bills.append(PlannedBill(
            _uuid5(f"bill|{contract.id}|{day}|{charge}"), contract.id,
            f"{contract.code}/{day}/{charge}", CHARGE_KIND, charge, start, end, due, amount,
            (_line(lines[0]),) if len(lines) == 1 else tuple([_line(x) for x in lines]), None,
            _notes_for(notes, lines) if notes else ()))
    for key, done in billed.items():
        # a period the schedule no longer has (a later one is a later run's to judge: the
        # schedule was computed to the range's end only)
        if key not in by_key and done.amount != ZERO and key[0] <= period_to:
            bills.append(_adjustment(contract, key, [], ZERO, done, issued_on))
    if not bills and not existing and not skipped:
        skipped.append(Skip(contract.code, "nothing-due", {
            "from": ISO_DAYS[period_from], "to": ISO_DAYS[period_to]}))
    return ContractPlan(tuple(bills), tuple(existing), tuple(skipped))


def billed_keys(rows: Iterable[tuple[date, str, str, uuid.UUID, Decimal]]
                ) -> dict[tuple[date, str], BilledKey]:
    """What exists for one contract, from its bills' (period start, charge, kind, id,
    amount) rows: per key the original bill, the total so far and the adjustments."""
    found: dict[tuple[date, str], list[tuple[str, uuid.UUID, Decimal]]] = defaultdict(list)
    for start, charge, kind, ident, amount in rows:
        found[(start, charge)].append((kind, ident, amount))
    out: dict[tuple[date, str], BilledKey] = {}
    for key, entries in found.items():
        original = next((i for k, i, _a in entries if k != ADJUSTMENT_KIND), entries[0][1])
        out[key] = BilledKey(original, sum((a for _k, _i, a in entries), ZERO),
                             sum(1 for k, _i, _a in entries if k == ADJUSTMENT_KIND))
    return out


def _adjustment(contract: ContractToBill, key: tuple[date, str], lines: Sequence[ScheduleLine],
                amount: Decimal, done: BilledKey, issued_on: date,
                notes: tuple[Problem, ...] = ()) -> PlannedBill:
    start, charge = key
    sequence = done.adjustments + 1
    difference = amount - done.amount
    end = max((x.ends_on for x in lines), default=start)
    explanation = {
        "adjusts": str(done.bill_id), "billed": str(done.amount), "now": str(amount),
        "reasons": [_reason(r) for x in lines for r in x.reasons],
    }
    if not lines:
        explanation["why"] = "period-no-longer-due"  # a termination or an amendment took it
    due = max(issued_on, min((x.due_on for x in lines), default=issued_on))
    return PlannedBill(
        adjustment_id(contract.id, start, charge, sequence), contract.id,
        bill_number(contract.code, start, charge, sequence), ADJUSTMENT_KIND, charge, start,
        end, due, difference, (PlannedLine(start, end, difference, explanation),),
        done.bill_id, notes)


def _line(line: ScheduleLine) -> PlannedLine:
    return PlannedLine(line.starts_on, line.ends_on, line.amount, {
        "due_on": ISO_DAYS[line.due_on],
        "reasons": [{"code": r.code, "params": {**r.params}} for r in line.reasons]})


def _reason(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "params": dict(reason.params)}


def _notes_for(notes: Sequence[Problem], lines: Sequence[ScheduleLine]) -> tuple[Problem, ...]:
    """The provisional notes about these lines' days (a CPI year, a sales month): rent's
    only, the one charge CPI and turnover move."""
    if not notes or not lines:
        return ()
    for x in lines:
        if x.charge != RENT:
            return ()
    if len(lines) == 1:
        start, end = lines[0].starts_on, lines[0].ends_on
    else:
        start, end = min(x.starts_on for x in lines), max(x.ends_on for x in lines)
    kept = []
    for note in notes:
        if note.code == "cpi-unknown" and "from" in note.params:
            # the floor bills a year from the escalation day, until the next one
            try:
                since = date.fromisoformat(note.params["from"])
            except ValueError:
                kept.append(note)
                continue
            if since <= end and start < add_months(since, 12):  # 29 February: the 28th
                kept.append(note)
            continue
        day = note.params.get("month") or note.params.get("year")
        if day is None or _touches(day, start, end):
            kept.append(note)
    return tuple(kept)


def _touches(text: str, start: date, end: date) -> bool:
    """Whether a problem's date, month (2027-01) or year (2027) falls in the lines' days."""
    try:
        if len(text) == 4:
            return start.year <= int(text) <= end.year
        if len(text) == 7:
            month = date.fromisoformat(text + "-01")
            return (start.year, start.month) <= (month.year, month.month) <= (end.year,
                                                                              end.month)
        day = date.fromisoformat(text)
    except ValueError:
        return True  # a figure not read as a date: keep the note rather than lose it
    return start <= day <= end
