"""Amendments: a contract's versions, the schedule they make together, what each one changed.

An amendment (area, rent, term, units) is a new :class:`Version` of the
contract's :class:`~domain.leasing.contract.ContractSpec`, in force from its
``effective_on``; earlier versions are kept and stay readable (the schedule
of version 1 alone is ``rent_schedule(v1.spec.terms)``, unchanged). Each
version's spec is the whole contract as amended, its term still starting
where the contract's did, so escalation anniversaries, CPI years and rent
months keep counting from the original start.

How the versions' schedules are joined (:func:`amended_schedule`)
-----------------------------------------------------------------
Version *n* bills the days before version *n+1*'s effective date, version
*n+1* the days from it. Each version's schedule is computed whole by the
engine; a line that lies on one side of the date is taken as it is, and a
period that straddles the date is split into two lines there:

- the part before the date is the engine's own line for that period with the
  term cut short the day before (``replace(terms, ends_on=day before)``):
  the start is not moved, so rent months, proration over the month's days
  (or 30), escalation anniversaries and CPI years are exactly the contract's;
- the part from the date is the new version's whole line for the period,
  less what the new terms would bill for the days before the date (the same
  cut-short line computed on the new terms).

Moving the start instead (``replace(terms, starts_on=date)``) is wrong: it
re-anchors rent months (a term starting on the 10th bills 10 January–9
February as a month; from 5 February the month would be 5 February–4 March,
28 days instead of 31), restarts the escalation and the CPI base year and
cuts the term's rent-free periods.

So both parts follow the engine's rules, and the split never creates or
loses a cent: an amendment that changes nothing leaves every amount and the
total as they were, and where the terms do change, the two parts of a period
add up to its days at the old and at the new terms. With 30-day months a
whole month is worth one month's rent whatever its length, and the split
keeps that: the days before the date are prorated over 30, the new terms
bill the rest of the month's rent.

Turnover rent is reckoned once a rent month, against that month's sales
(``domain.leasing.schedule``), on every cycle: a period split by an
amendment bills each part's base rent as above, and each of its months'
turnover top-up (over the base of the terms in force at the month's end,
for its whole month) goes on the part that holds the month's last day, on
that part's terms. A quarter amended from its third month keeps its first
two months' top-ups on the old terms; the third month's is the new terms'.

The second part is due as the new terms' due rule says for a period that
starts on the amendment's date (billed in advance). Every line a later
version makes carries ``Reason("amendment", {"version", "from"})``; a split
line also carries ``Reason("split", …)`` with the period, the part and the
figures it was computed from.

>>> from decimal import Decimal as D
>>> from domain.assets import UnitType
>>> from domain.leasing.clauses import RentTerms
>>> from domain.leasing.contract import ContractSpec, LetUnit
>>> v1 = ContractSpec("C-1", "T-1", "Acme", UnitType.OFFICE, date(2026, 2, 1),
...     (LetUnit("u1", "ZD-A-0301", D(100)),), RentTerms(D(100), D(90), date(2026, 3, 1),
...     date(2027, 2, 28)))
>>> v2 = replace(v1, terms=replace(v1.terms, rate=D(120)))
>>> lines, problems = amended_schedule([Version(1, date(2026, 2, 1), v1, "signed"),
...                                     Version(2, date(2026, 9, 16), v2, "rent")])
>>> [(str(x.starts_on), str(x.amount)) for x in lines[6:9]]
[('2026-09-01', '4500.00'), ('2026-09-16', '6000.00'), ('2026-10-01', '12000.00')]
>>> [(c.field, c.before, c.after) for c in version_changes(v1, v2)]
[('terms.rate', Decimal('90'), Decimal('120'))]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from itertools import pairwise

from domain.leasing.clauses import Cycle, RentTerms
from domain.leasing.contract import ContractSpec
from domain.leasing.schedule import RENT, Problem, Reason, ScheduleLine, rent_schedule
from domain.money import ZERO

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Version:
    """One version of a contract: its terms as amended, in force from ``effective_on``.

    Version 1 is the contract as signed (its ``effective_on`` is not used to cut:
    it bills from its term's start); ``reason`` is what the person wrote.
    """

    number: int
    effective_on: date
    spec: ContractSpec
    reason: str


@dataclass(frozen=True)
class Change:
    """One thing an amendment changes, before → after (``None``: absent).

    ``field`` is named as validation names it (``terms.rate``, ``ends_on``,
    ``units[ZD-A-0301]``, ``billable_area[ZD-A-0301]``, ``terms.escalation`` …);
    the values are the records themselves, for the view to put in words.
    """

    field: str
    before: object
    after: object


def amended_schedule(versions: Sequence[Version], until: date | None = None, *,
                     since: date | None = None) -> tuple[list[ScheduleLine], list[Problem]]:
    """The schedule of a contract with its amendments (rules in the module docstring),
    ending on ``until`` when given (a termination: the period it falls in is cut as an
    amendment cuts one, nothing after it is billed).

    ``since``: only the lines ending on or after it are made (a billing run's, whose
    amendments mostly cut periods long billed); the problems are the whole schedule's.

    Problems: the versions' own (each only for the days it bills, once), and
    ``version-numbers`` (not 1, 2, 3 …), ``version-dates`` (an amendment not after
    the one before it), ``amendment-after-end`` (an amendment whose own term ends
    before it takes effect): with these no line is returned; and ``amendment-gap``
    (days of the term no version bills, e.g. an amendment whose term starts after its
    effective date).
    """
    ordered = sorted(versions, key=lambda v: v.number)
    problems = _order_problems(ordered)
    if problems or not ordered:
        return [], problems
    lines: list[ScheduleLine] = []
    spans: list[tuple[date, date]] = []  # the days each version's lines cover
    found: list[Problem] = []
    for i, version in enumerate(ordered):
        start = version.effective_on if i else None
        last = ordered[i + 1].effective_on - ONE_DAY if i + 1 < len(ordered) else None
        if until is not None:
            if start is not None and start > until:
                break
            last = until if last is None else min(last, until)
        part_lines, part_problems = _Cutter(version, start, last, since).lines()
        lines += part_lines
        found += [p for p in part_problems if _within(p, start, last)]
        terms = version.spec.terms  # its periods tile its term: its days in it are covered
        first = terms.starts_on if start is None or start < terms.starts_on else start
        end = terms.ends_on if last is None or last > terms.ends_on else last
        if first <= end:
            spans.append((first, end))
    said = set()  # each problem once, the first time (equal problems, equal keys)
    for problem in found + (_gaps(spans) if until is None else []):
        key = (problem.code, frozenset(problem.params.items()))
        if key not in said:
            said.add(key)
            problems.append(problem)
    return lines, problems


def version_changes(old: ContractSpec, new: ContractSpec) -> list[Change]:
    """What ``new`` changes from ``old``: the rent's area, rate and term first, then the
    units added, removed or re-measured, the other dates and figures, then the clauses."""
    first = ("area", "rate", "starts_on", "ends_on")
    changes = [c for c in _terms_changes(old.terms, new.terms) if c.field in _names(first)]
    changes += _unit_changes(old, new)
    if (old.tenant_id, old.tenant_name) != (new.tenant_id, new.tenant_name):
        changes.append(Change("tenant", old.tenant_name, new.tenant_name))
    for name in ("kind", "signed_on", "delivered_on", "rent_starts_on", "deposit", "notes"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change(name, before, after))
    changes += [c for c in _terms_changes(old.terms, new.terms) if c.field not in _names(first)]
    return changes


# -- joining versions ------------------------------------------------------------------


class _Cutter:
    """One version's lines for the days it bills, periods straddling a boundary split."""

    def __init__(self, version: Version, since: date | None, until: date | None,
                 made_since: date | None = None) -> None:
        self.version = version
        self.since, self.until, self.made_since = since, until, made_since
        self.terms = version.spec.terms
        # what every line of a later version carries (one record, shared by its lines)
        self.amendment = None if since is None else Reason("amendment", {
            "version": str(version.number), "from": since.isoformat()})
        # Only the periods this version bills are computed (escalations still compound
        # from the start), from ``made_since`` on; the clauses' problems come whole and are
        # filtered by the caller.
        window = (since or self.terms.starts_on, until or self.terms.ends_on)
        self.full, self.problems = rent_schedule(self.terms, within=window,
                                                 lines_from=made_since)
        # A split period's rent and charges are cut at the same days: each cut schedule (and
        # each due day) is computed once, its charges picked from it.
        self._cuts: dict[tuple[date, date], list[ScheduleLine]] = {}
        self._dues: dict[date, date] = {}

    @cached_property
    def plain(self) -> RentTerms:
        """The terms cuts are computed on: turnover is added back once per month (module
        docstring), so cuts use the base rent."""
        return (replace(self.terms, turnover=None) if self.terms.turnover is not None
                else self.terms)

    def lines(self) -> tuple[list[ScheduleLine], list[Problem]]:
        """The version's lines for its days, those ending before ``made_since`` not made."""
        since, until, made_since = self.since, self.until, self.made_since
        kept = []
        for line in self.full:
            start = line.starts_on if since is None or line.starts_on >= since else since
            end = line.ends_on if until is None or line.ends_on <= until else until
            if start > end or (made_since is not None and end < made_since):
                continue
            if start == line.starts_on and end == line.ends_on:
                kept.append(self._tagged(line, ()))
            else:
                kept.append(self._part(line, start, end))
        return kept, self.problems

    def _part(self, line: ScheduleLine, start: date, end: date) -> ScheduleLine:
        """Days ``start``–``end`` of ``line``: what the term cut short at ``end`` bills for the
        period, less what it bills when cut short the day before ``start``; with turnover,
        that of base rent, plus the top-ups of the months that end in the part."""
        if self.terms.turnover is not None and line.charge == RENT:
            return self._turnover_part(line, start, end)
        upto = line if end == line.ends_on else self._upto(line, end)
        before = self._upto(line, start - ONE_DAY) if start > line.starts_on else None
        before_amount = before.amount if before is not None else ZERO
        due_on = line.due_on if start == line.starts_on else self._due(start)
        split = Reason("split", {
            "period_starts_on": line.starts_on.isoformat(),
            "period_ends_on": line.ends_on.isoformat(),
            "starts_on": start.isoformat(), "ends_on": end.isoformat(),
            "amount_to_end": str(upto.amount), "amount_before": str(before_amount)})
        part = ScheduleLine(start, end, due_on, upto.amount - before_amount, upto.reasons,
                            upto.charge)
        return self._tagged(part, (split,))

    def _turnover_part(self, line: ScheduleLine, start: date, end: date) -> ScheduleLine:
        """The base rent's part as for any line, and each month's turnover top-up on the
        part holding the month's last day (the module docstring)."""
        upto = self._upto(line, end)
        before = self._upto(line, start - ONE_DAY) if start > line.starts_on else None
        before_amount = before.amount if before is not None else ZERO
        topped: list[Reason] = []
        added = ZERO
        for month_end, reasons, amount in self._months(line):
            if start <= month_end <= end:
                topped += reasons
                added += amount
        due_on = line.due_on if start == line.starts_on else self._due(start)
        split = Reason("split", {
            "period_starts_on": line.starts_on.isoformat(),
            "period_ends_on": line.ends_on.isoformat(),
            "starts_on": start.isoformat(), "ends_on": end.isoformat(),
            "amount_to_end": str(upto.amount), "amount_before": str(before_amount)})
        part = ScheduleLine(start, end, due_on, upto.amount - before_amount + added,
                            upto.reasons + tuple(topped), upto.charge)
        return self._tagged(part, (split,))

    def _months(self, line: ScheduleLine) -> list[tuple[date, tuple[Reason, ...], Decimal]]:
        """Each rent month of ``line`` on this version's terms: its last day, its turnover
        reasons and its top-up (the engine bills a period's months as monthly lines would)."""
        monthly = replace(self.terms, cycle=Cycle.MONTHLY)
        months = []
        for x in rent_schedule(monthly, within=(line.starts_on, line.ends_on))[0]:
            if x.charge != RENT or not line.starts_on <= x.starts_on <= line.ends_on:
                continue
            said = tuple(r for r in x.reasons if r.code.startswith(("turnover", "sales-")))
            amount = sum((Decimal(r.params["amount"]) for r in said if r.code == "turnover"),
                         ZERO)
            months.append((x.ends_on, said, amount))
        return months

    def _upto(self, line: ScheduleLine, day: date) -> ScheduleLine:
        """The engine's line (rent, or the same charge) for ``line``'s period on the base
        terms cut short at ``day``: only that period is computed, escalations still
        compounding from the original start."""
        cut = self._cuts.get((line.starts_on, day))
        if cut is None:
            cut = self._cuts[(line.starts_on, day)] = rent_schedule(
                replace(self.plain, ends_on=day), within=(line.starts_on, day))[0]
        [found] = [x for x in cut if x.starts_on == line.starts_on and x.charge == line.charge]
        return found

    def _due(self, start: date) -> date:
        """When the terms' due rule puts a period starting on ``start``."""
        due = self._dues.get(start)
        if due is None:
            probe = replace(self.plain, starts_on=start, ends_on=start, rent_free=(),
                            escalation=None)
            due = self._dues[start] = rent_schedule(probe)[0][0].due_on
        return due

    def _tagged(self, line: ScheduleLine, extra: tuple[Reason, ...]) -> ScheduleLine:
        reasons = line.reasons + extra
        if self.amendment is not None:
            reasons += (self.amendment,)
        if reasons == line.reasons:
            return line
        # built directly (``replace`` costs more, and a version tags every line it bills)
        return ScheduleLine(line.starts_on, line.ends_on, line.due_on, line.amount, reasons,
                            line.charge)


def _order_problems(ordered: Sequence[Version]) -> list[Problem]:
    numbers = [v.number for v in ordered]
    if numbers != list(range(1, len(numbers) + 1)):
        return [Problem("version-numbers", {"numbers": ",".join(map(str, numbers))})]
    problems = [Problem("version-dates", {"version": str(b.number),
                                          "effective_on": b.effective_on.isoformat(),
                                          "previous": a.effective_on.isoformat()})
                for a, b in pairwise(ordered[1:])  # version 1's date does not cut
                if b.effective_on <= a.effective_on]
    problems += [Problem("amendment-after-end", {"version": str(v.number),
                                                 "effective_on": v.effective_on.isoformat(),
                                                 "ends_on": v.spec.ends_on.isoformat()})
                 for v in ordered[1:] if v.spec.ends_on < v.effective_on]
    return problems


def _within(problem: Problem, since: date | None, until: date | None) -> bool:
    """Whether a version's problem is about days it bills: a month (``month``) or a day
    (``from``, ``starts_on``) it names; a problem naming no day concerns every version."""
    month = _day(problem.params.get("month"))
    if month is not None:
        first, last = month, _month_end(month)
    else:
        first = last = _day(problem.params.get("from") or problem.params.get("starts_on"))
        if first is None or last is None:
            return True
    return (since is None or last >= since) and (until is None or first <= until)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - ONE_DAY


def _gaps(spans: Sequence[tuple[date, date]]) -> list[Problem]:
    """The days no version bills, between the first billed and the last (``spans``: the
    first and last day each version's lines cover)."""
    problems = []
    covered: date | None = None
    for starts_on, ends_on in sorted(spans, key=lambda x: x[0]):
        if covered is not None and starts_on > covered + ONE_DAY:
            problems.append(Problem("amendment-gap", {
                "starts_on": (covered + ONE_DAY).isoformat(),
                "ends_on": (starts_on - ONE_DAY).isoformat()}))
        covered = ends_on if covered is None else max(covered, ends_on)
    return problems


# -- changes ---------------------------------------------------------------------------


def _names(terms_fields: Sequence[str]) -> set[str]:
    return {_field_name(name) for name in terms_fields}


def _field_name(name: str) -> str:
    """A terms field as the form names it: the end date is the form's, the rest ``terms.``."""
    return "ends_on" if name == "ends_on" else f"terms.{name}"


def _terms_changes(old: RentTerms, new: RentTerms) -> list[Change]:
    return [Change(_field_name(f.name), getattr(old, f.name), getattr(new, f.name))
            for f in fields(RentTerms) if getattr(old, f.name) != getattr(new, f.name)]


def _unit_changes(old: ContractSpec, new: ContractSpec) -> list[Change]:
    before = {u.unit_id: u for u in old.units}
    after = {u.unit_id: u for u in new.units}
    changes = [Change(f"units[{u.unit_code}]", u, None) for u in old.units
               if u.unit_id not in after]
    changes += [Change(f"units[{u.unit_code}]", None, u) for u in new.units
                if u.unit_id not in before]
    changes += [Change(f"billable_area[{u.unit_code}]", before[u.unit_id].billable_area,
                       u.billable_area) for u in new.units
                if u.unit_id in before and before[u.unit_id].billable_area != u.billable_area]
    return changes

