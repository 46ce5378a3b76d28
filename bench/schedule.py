"""Time the rent schedule engine (issue 11): one long contract whole, and a park's next year.

Two figures, each the median of ``--runs``:

- one 10-year contract with every kind of clause (two overlapping rent-free
  periods, tiers, an area coefficient, turnover rent with sales every month,
  a property fee and a service charge, a due rule, and in turn each kind of
  escalation: fixed %, fixed amount, a stepped table, CPI by change and by
  ratio), its whole schedule, monthly by the calendar; the slowest kind is
  the figure. Goal ≤ 20 ms.
- the next 12 months of 10,000 contracts with mixed clauses (cycles, bases,
  term or calendar periods, rent-free, every escalation kind, tiers,
  coefficients, turnover, charges, due rules; terms of one to ten years
  running on the day): ``rent_schedule(terms, within=...)`` for each.
  Goal ≤ 1 s.

Baseline, in the same process: a plain loop that sums the same twelve
months' base rent (rate × area, in ``Decimal``) of the same contracts, the
least any schedule of them costs; the ratio to it is printed.

Run: .venv/bin/python bench/schedule.py [--contracts N] [--runs R] [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from domain.leasing.clauses import (  # noqa: E402
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.schedule import add_months, rent_schedule, total  # noqa: E402

ONE_MS, PARK_S = 20.0, 1.0  # the goals
D = Decimal


def _median_ms(runs: int, work: Callable[[], object]) -> float:
    return _timed(runs, work)[0]


def _timed(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Medians of wall and CPU time (ms): on a busy machine the two part."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _index(first: int, last: int, rng: random.Random) -> dict[int, Decimal]:
    level, index = D(100), {}
    for year in range(first, last + 1):
        index[year] = level
        level = level * (1 + D(rng.randint(-10, 60)) / 1000)
    return index


def _escalation(kind: EscalationKind, start: date, end: date, rate: Decimal,
                rng: random.Random) -> Escalation:
    if kind is EscalationKind.FIXED_PERCENT:
        return Escalation(kind, percent=D(rng.choice([3, 5, 6])))
    if kind is EscalationKind.FIXED_AMOUNT:
        return Escalation(kind, amount=rate / 20)
    if kind is EscalationKind.STEPPED:
        steps, day, price = [], start, rate
        while (day := day + timedelta(days=rng.randint(200, 500))) <= end:
            price += rate / 25
            steps.append((day, price))  # mid-month, mostly
        return Escalation(kind, steps=tuple(steps))
    known = end.year - rng.randint(0, 2)  # the last years' index not known yet
    return Escalation(kind, index=_index(start.year - 1, known, rng), floor=D(1), cap=D(5),
                      on_month=rng.choice([1, 1, 7]))


def every_clause(kind: EscalationKind) -> RentTerms:
    """One 10-year contract with every kind of clause, escalating by ``kind``."""
    rng = random.Random(7)
    start, end = date(2026, 1, 15), date(2036, 1, 14)
    sales = {date(y, m, 1): D(rng.randint(300_000, 900_000)) for y in range(2026, 2037)
             for m in range(1, 13)}
    return RentTerms(
        D(800), D(100), start, end, calendar_periods=True,
        rent_free=(RentFree(date(2026, 1, 15), date(2026, 4, 14), RentFreeKind.FIT_OUT),
                   RentFree(date(2026, 3, 1), date(2026, 5, 20), RentFreeKind.AFTER_OPENING)),
        escalation=_escalation(kind, start, end, D(100), rng),
        tiers=((D(500), D(100)), (None, D(90))), area_coefficient=D("1.1"),
        turnover=Turnover(D("0.08"), sales=sales, tiers=((D(200_000), D("0.08")),
                                                         (None, D("0.10"))),
                          minimum=D(1_000)),
        charges=(Charge(ChargeKind.PROPERTY_FEE, D(12)),
                 Charge(ChargeKind.SERVICE, D(500), per_sqm=False, name="空调")),
        due=DueRule(DueKind.DAY_OF_MONTH, 25))


def park(count: int, today: date, seed: int = 11) -> list[RentTerms]:
    """``count`` contracts running on ``today``, their clauses mixed as a park's are."""
    rng = random.Random(seed)
    kinds = [None, None, *EscalationKind, EscalationKind.FIXED_PERCENT]
    contracts = []
    for _ in range(count):
        years = rng.randint(1, 10)
        start = today - timedelta(days=rng.randint(0, years * 365 - 1))
        end = add_months(start, 12 * years) - timedelta(days=rng.choice([1, 1, 1, 0, 10]))
        basis = rng.choice([Basis.PER_SQM_MONTH] * 4 + [Basis.PER_SQM_DAY])
        area = D(rng.randint(3_000, 300_000)).scaleb(-2)
        rate = D(rng.randint(3_000, 15_000)).scaleb(-2) if basis is Basis.PER_SQM_MONTH \
            else D(rng.randint(1_000, 6_000)).scaleb(-3)
        free = ()
        if rng.random() < 0.5:
            free = (RentFree(start, start + timedelta(days=rng.randint(30, 120)),
                             RentFreeKind.FIT_OUT),)
            if rng.random() < 0.3:
                free += (RentFree(start + timedelta(days=20), start + timedelta(days=80)),)
        kind = rng.choice(kinds)
        escalation = None if kind is None else _escalation(kind, start, end, rate, rng)
        turnover = None
        if rng.random() < 0.15:
            turnover = Turnover(D("0.08"), sales={
                date(y, m, 1): D(rng.randint(100_000, 900_000))
                for y in range(today.year, today.year + 2) for m in range(1, 13)})
        charges = ()
        if rng.random() < 0.6:
            charges = (Charge(ChargeKind.PROPERTY_FEE, D(rng.randint(500, 2_000)).scaleb(-2)),)
            if rng.random() < 0.3:
                charges += (Charge(ChargeKind.SERVICE, D(300), per_sqm=False, name="能耗"),)
        contracts.append(RentTerms(
            area, rate, start, end, basis=basis,
            cycle=rng.choice([Cycle.MONTHLY, Cycle.MONTHLY, Cycle.QUARTERLY, Cycle.QUARTERLY,
                              Cycle.HALF_YEARLY, Cycle.YEARLY]),
            calendar_periods=rng.random() < 0.5, thirty_day_months=rng.random() < 0.2,
            rent_free=free, rent_free_rule=rng.choice(list(RentFreeRule)),
            escalation=escalation, turnover=turnover,
            tiers=((D(500), rate), (None, rate * D("0.9"))) if rng.random() < 0.1 else (),
            area_coefficient=D("1.1") if rng.random() < 0.2 else D(1), charges=charges,
            due=rng.choice([DueRule(), DueRule(DueKind.DAYS_BEFORE, 15),
                            DueRule(DueKind.DAY_OF_MONTH, 25)])))
    return contracts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 7, 1))
    args = parser.parse_args()

    worst, slowest = 0.0, ""
    for kind in EscalationKind:
        terms = every_clause(kind)
        lines, _ = rent_schedule(terms)
        ms = _median_ms(args.runs * 4, lambda t=terms: rent_schedule(t))  # type: ignore[misc]
        print(f"one 10-year contract, every clause, {kind.value:<14}: {ms:6.2f} ms "
              f"({len(lines)} lines, rent {total(lines)})")
        if ms > worst:
            worst, slowest = ms, kind.value

    contracts = park(args.contracts, args.today)
    window = (args.today, add_months(args.today, 12) - timedelta(days=1))

    def base_rent() -> Decimal:
        summed = Decimal(0)
        for terms in contracts:
            for _month in range(12):
                summed += terms.rate * terms.area
        return summed

    def schedules() -> int:
        return sum(len(rent_schedule(terms, within=window)[0]) for terms in contracts)

    baseline = _median_ms(args.runs, base_rent)
    lines = schedules()
    park_ms, park_cpu = _timed(args.runs, schedules)
    print(f"baseline: Σ 12 months' base rent of {len(contracts):,} contracts, plain Decimal "
          f"loop: {baseline:8.1f} ms")
    print(f"next 12 months ({window[0]} to {window[1]}) of {len(contracts):,} contracts: "
          f"{park_ms:8.1f} ms, CPU {park_cpu:8.1f} ms ({park_ms / baseline:5.1f}× baseline; "
          f"{lines:,} lines)")
    one = "met" if worst <= ONE_MS else "NOT met"
    many = "met" if park_ms <= PARK_S * 1000 else "NOT met"
    print(f"goal: one contract ≤ {ONE_MS:.0f} ms: slowest ({slowest}) {worst:.2f} ms ({one}); "
          f"10,000 contracts' next year ≤ {PARK_S:.0f} s: {park_ms / 1000:.2f} s ({many})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
