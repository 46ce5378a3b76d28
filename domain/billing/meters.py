"""Meters, their readings, and what a meter measured over a period (表计, 抄表).

A park's meters make a tree per utility: a main meter (总表) feeds sub meters
(分表), which feed a unit, a common area (lift, corridor lighting: a sub meter
with no unit) or further sub meters. Readings are a ledger: one per
(meter, day, register), kept in the order they were entered.

The rules, so a tenant can check every figure against the dial:

- A :class:`Period` runs from ``start`` up to ``end``, the day the next
  period starts (March is 1 March–1 April). Its consumption runs from the
  *opening* reading, the last one on or before ``start``, to the *closing*
  reading, the last one on or before ``end``. Consecutive periods share their
  boundary reading, so nothing is counted twice or lost and the months add
  up to the year exactly, whatever day the meters are read on.
- No interpolation. A month read on the 25th closes on the 25th; estimating
  the days after it would bill a figure no dial shows, which the next reading
  must then correct. The days between the reading and the period's end are
  billed with the next period, as the readings say.
- A period with no reading after its opening measures nothing and says so
  (``no-reading-in-period``); the next reading catches the consumption up.
  With no reading on or before ``start``, the first one in the period opens
  it: a new meter's ``initial`` reading (``installed``), or, flagged
  (``no-opening-reading``), the earliest reading known.
- Between two readings the consumption is the dial's difference times the
  multiplier (the CT ratio). A smaller value on a meter whose dial wraps
  (``rollover_at``: the count its dial shows as 0 again, 100000 for a dial
  that reads up to 99999.9) is a rollover when wrapping makes it plausible:
  ``value + rollover_at − previous`` less than half the dial
  (``ROLLOVER_PLAUSIBLE``), since no meter turns half its dial between two
  readings. Any other fall is kept as
  a negative step (so periods still add up to the dial's travel) and
  flagged ``negative``: the bill run holds it for a person.
- Replacement: the old meter's ``final`` reading, then the new one's
  ``initial``. The pair measures nothing, so consumption = (final − previous)
  + (current − initial). Either on one :class:`Meter` record (the metering
  point keeps its place, multiplier and dial), or as two records under the
  same parent and unit (a new CT ratio or dial): the old one measures up to
  its ``final`` and nothing after it (``removed``), the new one from its
  ``initial`` and nothing before it (``not-installed``), and the two add up
  to the same (final − previous) + (current − initial), each at its own
  multiplier. Neither is a problem; a missing half of the pair is.
- Readings of one day keep the order given (the order they were entered).
- One position, several records. A meter replaced by a new record
  (``Meter.replaces``: the new CT ratio on a main meter, a failed meter swapped)
  is one *position* in the tree with it: :func:`position` resolves any record
  to the newest of its chain (the record no other replaces), and
  :func:`chains` lists each position's records, oldest first. Sub meters
  whose parent is any record of the chain are the position's, so moving them
  from the old record to the new one changes no month's figures; each record
  measures its own part by its own readings and service dates, the old up to
  its final reading, the new from its initial. Two meters replacing one (a
  fork: the first by code continues the chain, the other stands alone) and
  replacements that loop are tree faults (:func:`tree_flags`).
- Service dates. A meter's ``installed_on`` and ``removed_on`` (its record's,
  when known) bound what it can measure. A period wholly before the
  installation (it ends on or before that day) or wholly after the removal
  (it starts on or after it) is no gap: the meter measures nothing then
  (``not-installed``, ``removed``), whatever its readings, and
  :func:`in_service` says so to the 公摊 statement, which leaves it out of
  Σ sub meters. In the period the meter is installed in, a reading on the
  installation day opens it as its ``initial`` one does (``installed``);
  with neither, its first reading comes later and the use from the
  installation to it is unknown: a gap (``no-initial-reading``). In the
  period it is removed in, a reading on the removal day closes it as its
  ``final`` one does; with neither, the use from its last reading to the
  removal is unknown and no later reading will catch it up: a gap
  (``final-missing``). A clerk expects that: taking the last reading
  before the removal as the close, or the first after the installation as
  the opening, would bill the tenant nothing for those days and leave
  their use in the main meter's unmetered figure, shared over every other
  unit; held, the bill waits for the 拆表 / 装表 figure, and the months
  after a removal (before an installation) hold nothing at all.
- An ``initial`` or ``final`` reading only stands where a replacement pair
  can (:func:`kind_refusal`: an initial opens a dial never read or follows a
  final, and no initial follows it until a final; a final is the dial's last
  reading until an initial, and follows no final): the services refuse one
  that would break a pair, the rule the flags ``initial-without-final`` and
  ``initial-missing`` apply to readings entered before it.

:func:`reading_flags` looks for what a person should see before billing:
a fall that is not a rollover, a spike (a day's consumption over
``SPIKE_FACTOR`` × the median of the last ``SPIKE_HISTORY`` intervals',
judged once ``SPIKE_MIN_HISTORY`` are known; per day, so a 35-day interval
is not a spike for being long), a period with no reading, a reading dated
before one entered earlier, a value off the dial.

>>> from dataclasses import replace
>>> from decimal import Decimal as D
>>> m = Meter("m1", "E-101", Utility.ELECTRICITY, multiplier=D(40), rollover_at=D(100000))
>>> readings = [Reading("m1", date(2026, 3, 1), TOTAL, D("99990.5")),
...             Reading("m1", date(2026, 4, 1), TOTAL, D("12.0"))]
>>> used = consumption(m, readings, Period.month(2026, 3))
>>> used.amount, [r.code for r in used.reasons]
(Decimal('860.0'), ['reading', 'rollover', 'multiplier'])
>>> swap = [Reading("m1", date(2026, 3, 1), TOTAL, D("500")),
...         Reading("m1", date(2026, 3, 10), TOTAL, D("520"), ReadingKind.FINAL),
...         Reading("m1", date(2026, 3, 10), TOTAL, D("3"), ReadingKind.INITIAL),
...         Reading("m1", date(2026, 4, 1), TOTAL, D("33"))]
>>> consumption(replace(m, multiplier=D(1)), swap, Period.month(2026, 3)).amount
Decimal('50')
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from domain.leasing.schedule import Reason

ZERO = Decimal(0)
TOTAL = "total"
SHARP, PEAK, FLAT, VALLEY = "sharp", "peak", "flat", "valley"  # 尖, 峰, 平, 谷
TIME_OF_USE = (SHARP, PEAK, FLAT, VALLEY)
ROLLOVER_PLAUSIBLE = Decimal("0.5")  # a wrap is believed when it used less than half the dial
SPIKE_FACTOR = Decimal(3)  # a day's use over 3 × the recent median is a spike
SPIKE_HISTORY = 6  # the median of the last six intervals (half a year read monthly)
SPIKE_MIN_HISTORY = 3  # judged only once three intervals are known


class Utility(StrEnum):
    ELECTRICITY = "electricity"
    WATER = "water"
    GAS = "gas"
    HEAT = "heat"

    @property
    def unit(self) -> str:
        """What its meters count in."""
        return _UNITS[self]


_UNITS = {Utility.ELECTRICITY: "kWh", Utility.WATER: "m³", Utility.GAS: "m³",
          Utility.HEAT: "GJ"}


class ReadingKind(StrEnum):
    READING = "reading"
    FINAL = "final"  # the old meter's last count, as it is removed
    INITIAL = "initial"  # the new meter's first count, as it is installed


@dataclass(frozen=True)
class Meter:
    """A metering point: where it sits in the tree and how its dial counts.

    ``unit_id`` is the unit it bills (None: a main meter, a distribution meter, or a common
    area's meter whose use is shared); ``registers`` are ``(TOTAL,)`` or time-of-use ones.
    """

    id: str
    code: str
    utility: Utility
    parent_id: str | None = None
    unit_id: str | None = None
    multiplier: Decimal = Decimal(1)
    rollover_at: Decimal | None = None  # the count shown as 0 again (100000); None: no wrap
    registers: tuple[str, ...] = (TOTAL,)
    installed_on: date | None = None  # None: in service since before its first reading
    removed_on: date | None = None  # None: in service still
    replaces: str | None = None  # the id of the record this one took the place of

    def __post_init__(self) -> None:
        object.__setattr__(self, "utility", Utility(self.utility))
        if not isinstance(self.multiplier, Decimal | int) or self.multiplier <= 0:
            raise ValueError(f"meter {self.code}: the multiplier must be a positive number")
        if self.rollover_at is not None and (
                not isinstance(self.rollover_at, Decimal | int) or self.rollover_at <= 0):
            raise ValueError(f"meter {self.code}: a dial rolls over at a positive count")
        registers = tuple(self.registers)
        if (not registers or len(set(registers)) != len(registers)
                or (registers != (TOTAL,) and not set(registers) <= set(TIME_OF_USE))):
            raise ValueError(f"meter {self.code}: registers are ('total',) or time-of-use "
                             f"ones {TIME_OF_USE}, each once, not {registers}")
        object.__setattr__(self, "registers", registers)


@dataclass(frozen=True)
class Reading:
    meter_id: str
    read_on: date
    register: str
    value: Decimal
    kind: ReadingKind = ReadingKind.READING


@dataclass(frozen=True)
class Period:
    """From ``start`` up to ``end``, the day the next period starts (not billed here)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"a period ends after it starts: {self.start} – {self.end}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last) + timedelta(days=1))

    @classmethod
    def inclusive(cls, first: date, last: date) -> Period:
        """A billing period as schedules give it, both days included."""
        return cls(first, last + timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class Consumption:
    """What a meter measured in a period, multiplier applied, and why."""

    meter_id: str
    amount: Decimal
    by_register: Mapping[str, Decimal]
    reasons: tuple[Reason, ...]

    @property
    def problems(self) -> tuple[Reason, ...]:
        """The reasons a person should look at before the figure is billed."""
        return tuple(r for r in self.reasons if r.code in PROBLEMS)


@dataclass(frozen=True)
class Flag:
    """Something to look at: a stable ``code``, its ``params`` (text, for a translated
    template), the English ``message``, and where."""

    code: str
    message: str
    params: Mapping[str, str] = field(default_factory=dict)
    meter_id: str | None = None
    unit_id: str | None = None
    read_on: date | None = None


# -- consumption -------------------------------------------------------------------------------

# Reasons that say the figure is not (yet) what the meter really measured.
PROBLEMS = frozenset({"no-readings", "no-opening-reading", "no-reading-in-period", "negative",
                      "initial-missing", "initial-without-final", "no-initial-reading",
                      "final-missing"})
# Reasons of a period the meter's service dates leave out: it measured nothing, and rightly.
OUT_OF_SERVICE = frozenset({"not-installed", "removed"})


def in_service(meter: Meter, period: Period) -> bool:
    """False for a period wholly before the meter's installation (ending on or before that
    day) or wholly after its removal (starting on or after it): no reading is due then.

    >>> m = Meter("m", "E-1", Utility.ELECTRICITY, installed_on=date(2026, 7, 10),
    ...           removed_on=date(2026, 11, 1))
    >>> [in_service(m, Period.month(2026, k)) for k in (6, 7, 10, 11)]
    [False, True, True, False]
    """
    if meter.installed_on is not None and period.end <= meter.installed_on:
        return False
    return meter.removed_on is None or period.start < meter.removed_on


def consumption(meter: Meter, readings: Iterable[Reading], period: Period) -> Consumption:
    """The meter's consumption in ``period`` from its readings (others' are ignored)."""
    mine = [r for r in readings if r.meter_id == meter.id]
    by_register: dict[str, Decimal] = {}
    reasons: list[Reason] = []
    for register in meter.registers:
        dial, why = _register_dial(meter, _in_order(mine, register), period, register)
        by_register[register] = dial * meter.multiplier
        reasons += why
    if meter.multiplier != 1 and any(x.code == "reading" for x in reasons):
        reasons.append(Reason("multiplier", {"multiplier": str(meter.multiplier)}))
    return Consumption(meter.id, sum(by_register.values(), ZERO), by_register, tuple(reasons))


def _register_dial(meter: Meter, own: Sequence[Reading], period: Period, register: str,
                   ) -> tuple[Decimal, list[Reason]]:
    """The dial's travel on one register over the period (before the multiplier)."""
    where = {"register": register, "start": period.start.isoformat(),
             "end": period.end.isoformat()}
    installed, removed = meter.installed_on, meter.removed_on
    if installed is not None and period.end <= installed:
        return ZERO, [Reason("not-installed", {**where, "on": installed.isoformat()})]
    if removed is not None and period.start >= removed:
        return ZERO, [Reason("removed", {**where, "on": removed.isoformat()})]
    if not own:
        return ZERO, [Reason("no-readings", where)]
    # Removed in the period (or on the day it ends): it closes on the removal day.
    removing = removed is not None and removed <= period.end
    until = removed if removed is not None and removing else period.end
    opening = _last_on_or_before(own, period.start)
    closing = _last_on_or_before(own, until)
    reasons: list[Reason] = []
    first = own[0]
    if opening is None:
        at = {**where, "on": first.read_on.isoformat(), "value": str(first.value)}
        if first.kind is ReadingKind.INITIAL or first.read_on == installed:
            if closing is None:  # installed after the period: nothing to measure yet
                return ZERO, [Reason("not-installed", at)]
            reasons.append(Reason("installed", at))
        elif installed is not None and period.start < installed:
            # installed in the period and first read later: its use until then is unknown
            missing = {**where, "installed_on": installed.isoformat()}
            if closing is None:
                return ZERO, [Reason("no-initial-reading", missing)]
            reasons.append(Reason("no-initial-reading", {**missing, **at}))
        elif closing is None:  # every reading is after the period
            return ZERO, [Reason("no-opening-reading", where)]
        else:
            reasons.append(Reason("no-opening-reading", at))
        opening = 0
    assert closing is not None  # the opening is on or before the end too
    last = own[closing]
    unclosed = None
    if removing and last.read_on != until and last.kind is not ReadingKind.FINAL:
        unclosed = Reason("final-missing", {**where, "removed_on": until.isoformat(),
                                            "since": last.read_on.isoformat(),
                                            "value": str(last.value)})
    if closing == opening:
        if last.kind is ReadingKind.FINAL and opening == len(own) - 1:
            return ZERO, [Reason("removed", {**where, "on": last.read_on.isoformat()})]
        if unclosed is not None:
            return ZERO, [*reasons, unclosed]
        if reasons and reasons[0].code == "installed" and last.read_on == period.end:
            return ZERO, reasons  # installed on the day the period ends: nothing used yet
        if reasons and reasons[0].code == "no-initial-reading":
            return ZERO, reasons  # first read when the period ends: the gap is its opening
        return ZERO, [*reasons, Reason("no-reading-in-period", {
            **where, "since": last.read_on.isoformat()})]
    if unclosed is not None:
        reasons.append(unclosed)
    dial = ZERO
    steps: list[Reason] = []
    for a, b in pairwise(own[opening:closing + 1]):
        step, why = _step(meter, a, b)
        dial += step
        steps += why
    first, last = own[opening], own[closing]
    reasons.insert(0, Reason("reading", {
        "register": register, "from_on": first.read_on.isoformat(), "from": str(first.value),
        "to_on": last.read_on.isoformat(), "to": str(last.value), "dial": str(dial)}))
    return dial, reasons + steps


def _step(meter: Meter, a: Reading, b: Reading) -> tuple[Decimal, list[Reason]]:
    """The dial's travel from reading ``a`` to the next, ``b``."""
    params = {"register": b.register, "previous_on": a.read_on.isoformat(),
              "previous": str(a.value), "on": b.read_on.isoformat(), "value": str(b.value)}
    if b.kind is ReadingKind.INITIAL:
        if a.kind is ReadingKind.FINAL:
            return ZERO, [Reason("replacement", params)]
        # Installed with no final reading of the old meter: its last days are unknown.
        return ZERO, [Reason("initial-without-final", params)]
    if a.kind is ReadingKind.FINAL:
        # A reading after a removal that is not the new meter's initial: counted from zero.
        return b.value, [Reason("initial-missing", params)]
    step = b.value - a.value
    if step >= 0:
        return step, []
    wrapped = _wrapped(meter, a.value, b.value)
    if wrapped is not None:
        return wrapped, [Reason("rollover", {**params, "rollover_at": str(meter.rollover_at)})]
    return step, [Reason("negative", params)]


def _wrapped(meter: Meter, previous: Decimal, value: Decimal) -> Decimal | None:
    """The travel across the dial's wrap, when it is plausible."""
    top = meter.rollover_at
    if top is None or not (0 <= value < previous < top):
        return None
    travel = value + top - previous
    return travel if travel < top * ROLLOVER_PLAUSIBLE else None


def _in_order(readings: Iterable[Reading], register: str) -> list[Reading]:
    """One register's readings by day; a day's keep the order given (sort is stable)."""
    return sorted((r for r in readings if r.register == register), key=lambda r: r.read_on)


def _last_on_or_before(readings: Sequence[Reading], day: date) -> int | None:
    found = None
    for i, r in enumerate(readings):
        if r.read_on > day:
            break
        found = i
    return found


# -- flags -------------------------------------------------------------------------------------

_MESSAGES = {
    "no-readings": "{meter}: no {register} reading at all",
    "no-opening-reading": "{meter}: no {register} reading on or before {start}; counted from "
                          "the first one known",
    "no-reading-in-period": "{meter}: no {register} reading from {start} to {end}; the next "
                            "reading catches up",
    "negative": "{meter}: {register} reading {value} on {on} is below {previous} on "
                "{previous_on} and is not a rollover",
    "initial-missing": "{meter}: {register} reading on {on} follows the old meter's final "
                       "reading with no initial reading of the new one; counted from 0",
    "initial-without-final": "{meter}: a new meter's initial {register} reading on {on} "
                             "follows no final reading of the old one; its last use is unknown",
    "no-initial-reading": "{meter}: installed on {installed_on} with no initial {register} "
                          "reading; its use until its first reading is unknown",
    "final-missing": "{meter}: removed on {removed_on} with no final {register} reading; its "
                     "use since {since} is unknown",
    "spike": "{meter}: {per_day} a day from {previous_on} to {on} ({register}), over "
             "{factor} × the median {median} of the last {history} readings",
    "missing": "{meter}: no {register} reading from {start} to {end}",
    "out-of-order": "{meter}: {register} reading dated {on} was entered after one dated "
                    "{latest}",
    "off-dial": "{meter}: {register} reading {value} on {on} is not on its dial "
                "(0 to below {rollover_at})",
    "unknown-register": "{meter}: a {register} reading on {on}, but the meter has "
                        "registers {registers}",
}


def flag(meter: Meter, code: str, params: Mapping[str, str], read_on: date | None = None,
         ) -> Flag:
    """A flag on ``meter`` in the house wording (one template per code)."""
    template = _MESSAGES.get(code, "{meter}: " + code)
    return Flag(code, template.format(meter=meter.code, **params), dict(params), meter.id,
                meter.unit_id, read_on)


def reading_flags(
    meter: Meter,
    readings: Sequence[Reading],
    periods: Sequence[Period] = (),
    spike_factor: Decimal = SPIKE_FACTOR,
    history: int = SPIKE_HISTORY,
) -> list[Flag]:
    """What a person should look at in a meter's readings (given in the order entered),
    and in ``periods`` that no reading closes."""
    mine = [r for r in readings if r.meter_id == meter.id]
    found: list[Flag] = []
    latest: dict[str, date] = {}
    top = meter.rollover_at
    for r in mine:
        at = {"register": r.register, "on": r.read_on.isoformat(), "value": str(r.value)}
        if r.register not in meter.registers:
            found.append(flag(meter, "unknown-register",
                              {**at, "registers": ", ".join(meter.registers)}, r.read_on))
            continue
        if r.register in latest and r.read_on < latest[r.register]:
            found.append(flag(meter, "out-of-order",
                              {**at, "latest": latest[r.register].isoformat()}, r.read_on))
        latest[r.register] = max(latest.get(r.register, r.read_on), r.read_on)
        if r.value < 0 or (top is not None and r.value >= top):
            found.append(flag(meter, "off-dial", {**at, "rollover_at": str(top or "")},
                              r.read_on))
    for register in meter.registers:
        own = _in_order(mine, register)
        found += _step_flags(meter, own, spike_factor, history)
        for period in periods:
            if not in_service(meter, period) or not _in_service(own, period):
                continue
            if not any(period.start < r.read_on <= period.end for r in own):
                found.append(flag(meter, "missing", {
                    "register": register, "start": period.start.isoformat(),
                    "end": period.end.isoformat()}))
    return found


def _step_flags(meter: Meter, own: Sequence[Reading], spike_factor: Decimal, history: int,
                ) -> list[Flag]:
    found: list[Flag] = []
    rates: list[Decimal] = []  # consumption per day of each interval so far (falls left out)
    for a, b in pairwise(own):
        step, why = _step(meter, a, b)
        found += [flag(meter, r.code, r.params, b.read_on) for r in why if r.code in PROBLEMS]
        days = (b.read_on - a.read_on).days
        if b.kind is ReadingKind.INITIAL or days <= 0 or step < 0:
            continue
        per_day = step * meter.multiplier / days
        recent = rates[-history:] if history > 0 else []
        if step > 0 and len(recent) >= SPIKE_MIN_HISTORY:
            middle = _median(recent)
            if middle > 0 and per_day > spike_factor * middle:
                found.append(flag(meter, "spike", {
                    "register": b.register, "previous_on": a.read_on.isoformat(),
                    "on": b.read_on.isoformat(), "per_day": _short(per_day),
                    "factor": str(spike_factor), "median": _short(middle),
                    "history": str(len(recent))}, b.read_on))
        rates.append(per_day)
    return found


def _in_service(own: Sequence[Reading], period: Period) -> bool:
    """False for a period wholly before a meter's initial reading or after its final one
    (:func:`in_service` judges its service dates)."""
    if not own:
        return True
    first, last = own[0], own[-1]
    if first.kind is ReadingKind.INITIAL and period.end < first.read_on:
        return False
    return not (last.kind is ReadingKind.FINAL and period.start >= last.read_on)


# -- where an initial or a final reading can stand ------------------------------------------

# The steps (``_step``) that break a replacement pair.
BROKEN_PAIRS = frozenset({"initial-without-final", "initial-missing"})


def kind_refusal(meter: Meter, readings: Iterable[Reading], reading: Reading,
                 ) -> Reason | None:
    """Why ``reading``, an ``initial`` or a ``final`` one, cannot stand among the meter's
    ``readings`` (as corrected, in the order entered); None when it can, and always for an
    ordinary reading.

    The rule is the replacement's (see the module): an initial opens a dial never read, or
    the new dial after a final, and none follows it before a final; a final is the dial's
    last count, followed by nothing or an initial, after no other final. So the reading
    it would follow, and the one that would follow it, must not make a step the rules flag
    (``initial-without-final``, ``initial-missing``). The reason's code names the side:
    ``initial-after-reading`` or ``initial-before-initial``, ``final-after-final`` or
    ``final-before-reading``, with the neighbour's day, value and kind.

    >>> from decimal import Decimal as D
    >>> m = Meter("m", "E-1", Utility.ELECTRICITY)
    >>> old = [Reading("m", date(2026, 3, 1), TOTAL, D(100))]
    >>> kind_refusal(m, old, Reading("m", date(2026, 3, 15), TOTAL, D(0),
    ...                              ReadingKind.INITIAL)).code
    'initial-after-reading'
    >>> final = Reading("m", date(2026, 3, 15), TOTAL, D(150), ReadingKind.FINAL)
    >>> kind_refusal(m, old, final) is None
    True
    >>> kind_refusal(m, [*old, final], Reading("m", date(2026, 3, 15), TOTAL, D(0),
    ...                                        ReadingKind.INITIAL)) is None
    True
    """
    if reading.kind is ReadingKind.READING:
        return None
    key = (reading.read_on, reading.kind)
    own: list[Reading] = []
    placed = False
    for r in readings:
        if r.meter_id != reading.meter_id or r.register != reading.register:
            continue
        if (r.read_on, r.kind) == key:  # the reading it corrects: in that one's place
            if not placed:
                own.append(reading)
                placed = True
            continue
        own.append(r)
    if not placed:
        own.append(reading)
    ordered = _in_order(own, reading.register)
    at = next(i for i, r in enumerate(ordered) if r is reading)
    before = ordered[at - 1] if at else None
    after = ordered[at + 1] if at + 1 < len(ordered) else None
    params = {"register": reading.register, "on": reading.read_on.isoformat(),
              "value": str(reading.value)}
    if before is not None and _breaks(meter, before, reading):
        code = ("initial-after-reading" if reading.kind is ReadingKind.INITIAL
                else "final-after-final")
        return Reason(code, {**params, "previous_on": before.read_on.isoformat(),
                             "previous": str(before.value), "previous_kind": before.kind.value})
    if after is not None and _breaks(meter, reading, after):
        code = ("initial-before-initial" if reading.kind is ReadingKind.INITIAL
                else "final-before-reading")
        return Reason(code, {**params, "next_on": after.read_on.isoformat(),
                             "next": str(after.value), "next_kind": after.kind.value})
    return None


def _breaks(meter: Meter, a: Reading, b: Reading) -> bool:
    return any(r.code in BROKEN_PAIRS for r in _step(meter, a, b)[1])


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _short(value: Decimal) -> str:
    """A per-day figure as a flag shows it: at most three places, no exponent."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


# -- the tree ----------------------------------------------------------------------------------


def children(meters: Iterable[Meter], meter_id: str) -> list[Meter]:
    """The meters fed directly by ``meter_id``, by code."""
    return sorted((m for m in meters if m.parent_id == meter_id), key=lambda m: m.code)


def position(meter_id: str, meters: Iterable[Meter]) -> str:
    """The position ``meter_id`` holds in the tree: the id of the newest record of its
    replacement chain, the one no other meter replaces (itself when none replaces it).

    >>> E = Utility.ELECTRICITY
    >>> tree = [Meter("m1", "E-MAIN-1", E), Meter("m2", "E-MAIN-2", E, replaces="m1"),
    ...         Meter("m3", "E-MAIN-3", E, replaces="m2"), Meter("a", "E-101", E, "m1", "101")]
    >>> position("m1", tree), position("a", tree)
    ('m3', 'a')
    >>> [m.code for m in chains(tree).records("m2")]
    ['E-MAIN-1', 'E-MAIN-2', 'E-MAIN-3']
    >>> [(m.code, m.parent_id) for m in chains(tree).tree if m.parent_id]
    [('E-101', 'm3')]
    """
    return chains(meters).position(meter_id)


@dataclass(frozen=True)
class Chains:
    """A tree's replacement chains, worked out once (:func:`chains`)."""

    of: Mapping[str, str]  # a record another one replaces → its position
    records_of: Mapping[str, tuple[Meter, ...]]  # a replaced meter's position → its records
    tree: tuple[Meter, ...]  # the meters, each parent resolved to its position
    by_id: Mapping[str, Meter]

    def position(self, meter_id: str) -> str:
        return self.of.get(meter_id, meter_id)

    def records(self, meter_id: str) -> tuple[Meter, ...]:
        """The records of ``meter_id``'s position, oldest first (none: no such meter)."""
        top = self.position(meter_id)
        found = self.records_of.get(top)
        if found is not None:
            return found
        return (self.by_id[top],) if top in self.by_id else ()


def chains(meters: Iterable[Meter]) -> Chains:
    """Every record's position (:func:`position`), each position's records and the tree
    as 公摊 reads it: a sub meter of an old record hangs under its position. In a fork (two
    meters replace one) the first by code continues the chain; in a loop of replacements
    its first record by code is the position (``tree_flags`` names both faults)."""
    by_id: dict[str, Meter] = {}
    for m in meters:
        by_id.setdefault(m.id, m)
    after: dict[str, str] = {}
    for m in sorted((m for m in by_id.values() if m.replaces is not None),
                    key=lambda m: (m.code, m.id)):
        if m.replaces != m.id and m.replaces in by_id:
            after.setdefault(m.replaces, m.id)
    of: dict[str, str] = {}
    for start in after:
        if start in of:
            continue
        path, here = [start], start
        while here in after and here not in of:
            here = after[here]
            if here in path:  # a loop: its first record by code is the position
                loop = path[path.index(here):]
                here = min(loop, key=lambda i: (by_id[i].code, i))
                break
            path.append(here)
        top = of.get(here, here)
        of.update((i, top) for i in path if i != top)
    records: dict[str, tuple[Meter, ...]] = {}
    for top in set(of.values()):
        back: list[Meter] = []
        here: Meter | None = by_id[top]
        while here is not None and of.get(here.id, here.id) == top and here not in back:
            back.append(here)
            here = by_id.get(here.replaces) if here.replaces is not None else None
        records[top] = tuple(reversed(back))
    tree = tuple(replace(m, parent_id=of[m.parent_id]) if m.parent_id in of else m
                 for m in by_id.values()) if of else tuple(by_id.values())
    return Chains(of, records, tree, by_id)


def serving(records: Sequence[Meter], period: Period) -> Meter:
    """The record of a position that serves ``period`` (its basis is the period's): the
    newest of ``records`` (oldest first) in service in it, else the newest."""
    return next((m for m in reversed(records) if in_service(m, period)), records[-1])


def moved_by_replacement(replaced_id: str, meters: Iterable[Meter], on: date | None,
                         ) -> list[Meter]:
    """The sub meters that move to the meter replacing ``replaced_id`` installed ``on``:
    those it feeds that are still in service after that day (with no day, every one not
    removed), by code. The ones removed before stay under the old record: the position
    reads them there."""
    return sorted((m for m in meters if m.parent_id == replaced_id and (
        m.removed_on is None or (on is not None and m.removed_on > on))),
        key=lambda m: m.code)


def tree_flags(meters: Sequence[Meter]) -> list[Flag]:
    """What is wrong with the tree itself: ids twice, a parent not there, a loop, a sub meter
    of another utility than its parent's, a unit's meter that feeds other meters, a meter
    replaced by two, replacements that loop."""
    found: list[Flag] = []
    by_id: dict[str, Meter] = {}
    for m in meters:
        if m.id in by_id:
            found.append(Flag("duplicate-id", f"{m.code}: meter id {m.id} is also "
                              f"{by_id[m.id].code}'s", {"id": m.id}, m.id))
        by_id.setdefault(m.id, m)
    parents = {m.parent_id for m in meters}
    for m in by_id.values():
        if m.parent_id is None:
            pass
        elif m.parent_id not in by_id:
            found.append(Flag("unknown-parent", f"{m.code}: its parent meter {m.parent_id} "
                              "is not there", {"parent": m.parent_id}, m.id, m.unit_id))
        elif by_id[m.parent_id].utility is not m.utility:
            parent = by_id[m.parent_id]
            found.append(Flag("utility-differs", f"{m.code} ({m.utility}) hangs under "
                              f"{parent.code} ({parent.utility})",
                              {"parent": parent.code, "utility": m.utility.value,
                               "parent_utility": parent.utility.value}, m.id, m.unit_id))
        if m.unit_id is not None and m.id in parents:
            found.append(Flag("unit-meter-has-children", f"{m.code} bills unit {m.unit_id} "
                              "and feeds other meters; a unit's meter is a leaf",
                              {"unit": m.unit_id}, m.id, m.unit_id))
        seen = {m.id}
        up = by_id.get(m.parent_id) if m.parent_id else None
        while up is not None:
            if up.id in seen:
                found.append(Flag("cycle", f"{m.code}: its parents loop back to "
                                  f"{up.code}", {"at": up.code}, m.id, m.unit_id))
                break
            seen.add(up.id)
            up = by_id.get(up.parent_id) if up.parent_id else None
    return found + _replacement_flags(by_id)


def _replacement_flags(by_id: Mapping[str, Meter]) -> list[Flag]:
    """A meter replaced by two (said of the second by code), and replacements that loop
    (said of each record in the loop)."""
    found: list[Flag] = []
    first: dict[str, Meter] = {}
    for m in sorted(by_id.values(), key=lambda m: (m.code, m.id)):
        if m.replaces is None or m.replaces not in by_id:
            continue
        old = by_id[m.replaces]
        if old.id in first:
            found.append(Flag("replaced-twice", f"{m.code} replaces {old.code}, which "
                              f"{first[old.id].code} replaces already",
                              {"replaces": old.code, "by": first[old.id].code}, m.id,
                              m.unit_id))
        first.setdefault(old.id, m)
    for m in by_id.values():
        seen = {m.id}
        back = by_id.get(m.replaces) if m.replaces is not None else None
        while back is not None:
            if back.id == m.id:
                found.append(Flag("replacement-loop", f"{m.code}: the meters it replaces "
                                  "lead back to it", {}, m.id, m.unit_id))
                break
            if back.id in seen:
                break  # a loop it only leads into: said of the records in it
            seen.add(back.id)
            back = by_id.get(back.replaces) if back.replaces is not None else None
    return found

