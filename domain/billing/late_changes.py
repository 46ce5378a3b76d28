"""What changed a utility month already billed besides its readings, found by its stamp.

A billing run prices again the months it bills and, for bills already posted, the
month before them (``utility_bills.LOOKBACK_MONTHS``); a reading corrected for an
older month is found by its stamp (``utility_bills.changed_months``). Four other
entries change an older month's bills, each found here the same way:

- **A tariff version** entered, changed or archived late: it prices the months
  from its first day to before the next live version's (``until``; a version
  archived, those months go back to the version before it). One whose first day
  was moved reaches every month (``first_day`` the earliest date): the days it
  was in force before are not known. Only a tariff some meter of the utility is
  priced at changes anything.
- **A meter moved to another tariff** (its ``tariff_id`` set after it was
  created): the field has no first day of its own, so every month the meter's
  tariff priced is priced at the new one when a run prices it again; a run that
  did not look would price the look-back month, or an older month corrected, at
  the new tariff and the rest at the old one. So it reaches every billed month
  in which a meter priced through it (itself, the meters inheriting its tariff,
  the 公摊 under them: ``utility_bills.tariff_reach``) was in service: from the
  earliest installation day among them, with no end while one is in service
  still, as a version whose first day moved reaches every month. Its words name
  the meter, the tariff it is priced at now and the one the month's bill priced
  it at (``was``, read from that bill's lines: the store keeps no old value).
- **An amendment** (a contract's version 2 or later): from its effective day
  the contract's holds may differ (a unit added or released, the term moved), so
  the days of a month split differently; rent's schedule changes from the same day.
- **A termination**: from the day after it the contract holds nothing, as its rent
  schedule ends on it (``domain.contracts.unit_term``, ``last_day``).

Each is a :class:`LateChange` with the HLC stamp of its record (the tariff row,
the meter's ``tariff_id`` field, the contract version, the contract's
``terminated_on`` field). A month is priced again when a change that reaches it
was entered after the month's latest bill of that utility (:func:`months_changed`):
the run that posted that bill priced the month whole with everything entered before
it. A termination reaches only the months its contract was billed for. An amendment
reaches those and, as rent catches up a period an amendment made (``bills.
plan_contract(catch_up_from=)``), the months it may bill its contract for now
(:func:`catch_up_months`): a month billed for the park before the amendment was
entered, from the contract's first utility-billed month (or the amendment's
effective month, if later) to the contract's last day, before the run's own
months, with no bill of that utility for the contract. Such a month gets the
contract's bill now, a new one (its derived id: a second run makes nothing), when
the contract holds a unit with use in it (an extension into months it was never
billed for); the month's other bills are priced again with it and adjusted if they
changed. A month no run billed for anybody is not caught up: a run over it bills it.
The adjustments say which change made them (:meth:`LateChange.reason`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.leasing.schedule import add_months

LATE_TARIFF = "utility-late-tariff"  # a version entered or changed after the month's bills
LATE_TARIFF_ARCHIVED = "utility-late-tariff-archived"  # a version archived after them
LATE_AMENDMENT = "utility-late-amendment"
LATE_TERMINATION = "utility-late-termination"
LATE_METER_TARIFF = "utility-late-meter-tariff"  # a meter moved to another tariff after them

UtilityMonth = tuple[str, date]  # a utility and a month (its first day)


@dataclass(frozen=True)
class LateChange:
    """An entry that may change bills of months already billed (see the module).

    ``first_day`` – ``until`` (excluded; None: no end) are the days it changes;
    ``utility``: a tariff's (None: every utility); ``contract_id``: an amendment's or
    a termination's contract (None: every contract billed for the month); ``params``:
    what its words say (tariff and version, or contract and day)."""

    code: str
    stamp: str
    first_day: date
    until: date | None = None
    utility: str | None = None
    contract_id: str | None = None
    params: Mapping[str, str] = field(default_factory=dict)

    def reaches(self, utility: str, month: date) -> bool:
        """Whether it changes days of ``month`` (its first day) of ``utility``.

        >>> late = LateChange(LATE_TARIFF, "s", date(2026, 2, 15), date(2026, 4, 1), "water")
        >>> [late.reaches("water", date(2026, m, 1)) for m in (1, 2, 3, 4)]
        [False, True, True, False]
        >>> late.reaches("electricity", date(2026, 2, 1))
        False
        """
        if self.utility is not None and self.utility != utility:
            return False
        return add_months(month, 1) > self.first_day and (
            self.until is None or month < self.until)

    def applies_to(self, contract_id: str) -> bool:
        """Whether it says why ``contract_id``'s bill changed (a tariff: every bill's)."""
        return self.contract_id is None or self.contract_id == contract_id

    def reason(self) -> dict[str, Any]:
        """Its line in an adjustment's explanation: a code and its figures as text."""
        return {"code": self.code, "params": {k: str(v) for k, v in self.params.items()}}


def months_changed(changes: Iterable[LateChange], billed: Mapping[UtilityMonth, str],
                   contract_months: Mapping[str, Iterable[UtilityMonth]] | None = None,
                   ) -> dict[UtilityMonth, list[LateChange]]:
    """The (utility, month) keys of ``billed`` a change entered after their latest bill
    reaches, each with those changes (in the order given).

    ``billed`` maps a utility's month to the stamp of its latest bill (HLC text, sorting
    in causal order); ``contract_months`` maps a contract to the (utility, month) keys it
    was billed for, and those an amendment may bill it for now (:func:`catch_up_months`):
    a contract's change reaches those only.

    >>> feb, mar = date(2026, 2, 1), date(2026, 3, 1)
    >>> billed = {("water", feb): "0002", ("water", mar): "0004"}
    >>> late = LateChange(LATE_TARIFF, "0003", date(2026, 2, 15), utility="water")
    >>> sorted(months_changed([late], billed))  # March was billed after it was entered
    [('water', datetime.date(2026, 2, 1))]
    >>> ended = LateChange(LATE_TERMINATION, "0005", date(2026, 3, 11), contract_id="c")
    >>> sorted(months_changed([ended], billed, {"c": [("water", mar)]}))
    [('water', datetime.date(2026, 3, 1))]
    """
    owned = {cid: set(keys) for cid, keys in (contract_months or {}).items()}
    out: dict[UtilityMonth, list[LateChange]] = {}
    for change in changes:
        keys = (billed if change.contract_id is None
                else owned.get(change.contract_id, set()) & billed.keys())
        for utility, month in keys:
            if change.stamp > billed[(utility, month)] and change.reaches(utility, month):
                out.setdefault((utility, month), []).append(change)
    return out


def catch_up_months(change: LateChange, billed: Mapping[UtilityMonth, str],
                    owned: Iterable[UtilityMonth], before: date, last_day: date | None = None,
                    ) -> list[UtilityMonth]:
    """The (utility, month) keys an amendment may bill its contract for now, though it was
    never billed for them: months of ``billed`` (the park's, with their latest bill's
    stamp) before ``before`` (the run's first month: its own are billed anyway) whose
    latest bill was posted before the amendment was entered, from the later of its
    effective month and the contract's first utility-billed month (``owned``: the keys it
    was billed for) to its ``last_day``, that the contract has no bill of. A contract never
    billed for utilities catches up nothing (nor does its rent: a contract entered with a
    past start is billed from the run it first appears in).

    The contract ended on 30 June, billed February to June; an amendment extends it, from
    1 July, after the park's November was billed:

    >>> billed = {("water", date(2026, m, 1)): "0002" for m in range(2, 12)}
    >>> owned = [("water", date(2026, m, 1)) for m in range(2, 7)]
    >>> amended = LateChange(LATE_AMENDMENT, "0003", date(2026, 7, 1), contract_id="c")
    >>> [m.month for _u, m in catch_up_months(amended, billed, owned, date(2026, 11, 1))]
    [7, 8, 9, 10]
    >>> earlier = LateChange(LATE_AMENDMENT, "0001", date(2026, 7, 1), contract_id="c")
    >>> catch_up_months(earlier, billed, owned, date(2026, 11, 1))  # those runs saw it
    []
    """
    if change.code != LATE_AMENDMENT or change.contract_id is None:
        return []
    mine = set(owned)
    if not mine:
        return []
    start = max(change.first_day.replace(day=1), min(m for _u, m in mine))
    return sorted((utility, month) for (utility, month), stamp in billed.items()
                  if start <= month < before and (last_day is None or month <= last_day)
                  and (utility, month) not in mine and change.stamp > stamp)
