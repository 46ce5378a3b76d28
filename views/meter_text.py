"""The Meters window's words and the 公摊 statement as a sheet, without widgets.

Utilities, registers, bases and roles have one word each here; a flag of the
meter rules (``domain.billing.meters``: a fall, a spike, a reading out of
order…) and of the shared statement (sub meters over the main, no basis…) is
said through :func:`views.message_text.message_text` when it has a template
there (``reading-<code>``) and through the templates below when it has not, so
the window, its dialogs and ``leasemap readings`` say a flag alike.

:func:`statement_sheet` lays a ``Statement`` out as a tenant reads it: the
meters (main, each sub meter), the figures (unmetered = main − Σ sub meters,
common, shared, the basis, its denominator and rate, the charge), each unit's
share, the totals that add up, and the flags; the statement dialog shows it,
the Excel export and the PDF write it, so all three say the same.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from domain.billing.meters import TOTAL, Meter, Reading, ReadingKind, Utility
from domain.billing.shared_consumption import BasisKind, Role, Statement
from domain.money import round_to
from views.message_text import joined, message_text, translate

FLAG_COLOUR = "#b3261e"  # a flag: to look at before billing
NOTE_COLOUR = "#5f6b7a"  # a note: a rollover or a replacement worked out


def utility_text(utility: Utility | str) -> str:
    """What a meter measures, in words."""
    return {
        "electricity": lambda: translate("Meters", "Electricity"),
        "water": lambda: translate("Meters", "Water"),
        "gas": lambda: translate("Meters", "Gas"),
        "heat": lambda: translate("Meters", "Heat"),
    }.get(str(getattr(utility, "value", utility)), lambda: str(utility))()


def quantity_unit(utility: Utility | str) -> str:
    """What a utility's meters count in (kWh, m³, GJ), as a reader of the language writes it."""
    return {
        "electricity": lambda: translate("Meters", "kWh"),
        "water": lambda: translate("Meters", "m³"),
        "gas": lambda: translate("Meters", "m³"),
        "heat": lambda: translate("Meters", "GJ"),
    }.get(str(getattr(utility, "value", utility)), lambda: "")()


def register_text(register: str | None) -> str:
    return {
        "total": lambda: translate("Meters", "Total"),
        "sharp": lambda: translate("Meters", "Sharp"),
        "peak": lambda: translate("Meters", "Peak"),
        "flat": lambda: translate("Meters", "Flat"),
        "valley": lambda: translate("Meters", "Valley"),
    }.get(str(register or ""), lambda: str(register or ""))()


def registers_text(registers: Sequence[str]) -> str:
    return translate("Meters", ", ").join(register_text(r) for r in registers)


def basis_text(kind: BasisKind | str) -> str:
    """How a meter's shared consumption is split, in words."""
    return {
        "area": lambda: translate("Meters", "By area"),
        "floor": lambda: translate("Meters", "By floor weights"),
        "headcount": lambda: translate("Meters", "By headcount"),
        "weights": lambda: translate("Meters", "By agreed weights"),
    }.get(str(getattr(kind, "value", kind)), lambda: str(kind))()


def role_text(role: Role | str, main: bool = False) -> str:
    """A meter's place in the tree: the statement's main, a sub-main, a unit's, a common one."""
    if main:
        return translate("Meters", "Main meter")
    return {
        "unit": lambda: translate("Meters", "Unit meter"),
        "common": lambda: translate("Meters", "Common area meter"),
        "distribution": lambda: translate("Meters", "Sub-main meter"),
    }.get(str(getattr(role, "value", role)), lambda: str(role))()


def kind_text(kind: ReadingKind | str) -> str:
    """A reading's kind, as the entry grid offers it: an ordinary reading, a new meter's
    first count (装表) or an old one's last (拆表)."""
    return {
        "reading": lambda: translate("Meters", "Reading"),
        "initial": lambda: translate("Meters", "Initial (装表)"),
        "final": lambda: translate("Meters", "Final (拆表)"),
    }.get(str(getattr(kind, "value", kind)), lambda: str(kind))()


def status_text(status: str) -> str:
    """What became of a reading entered or imported (``services.meters.ReadingStatus``)."""
    return {
        "new": lambda: translate("Meters", "New"),
        "correction": lambda: translate("Meters", "Correction"),
        "unchanged": lambda: translate("Meters", "Already there"),
        "rejected": lambda: translate("Meters", "Refused"),
    }.get(str(getattr(status, "value", status)), lambda: str(status))()


# -- figures -----------------------------------------------------------------------------


def plain(value: object) -> str:
    """A figure as a person reads it (99990.000 → 99990); other values as text."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    text = str(value)
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    if "." in text and number.is_finite():
        return format(number.normalize(), "f")
    return text


def quantity_text(value: Decimal | None) -> str:
    """A consumption or a reading as exact as it is (trailing zeros dropped: 80 × 12.5 is
    1,000, not 1,000.000000), with thousands separators; never rounded, so shown parts add
    up to their shown whole."""
    if value is None:
        return ""
    number = value.normalize()
    return f"{number:,f}" if number != 0 else "0"


def parse_quantity(text: str) -> Decimal | None:
    """A reading or a meter's figure as typed (thousands separators, a full-width comma or
    spaces allowed: ``12,345.6``); None when blank. Raises ``ValueError`` when it is not a
    number."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def money_figure(value: Decimal | None) -> str:
    return "" if value is None else f"{round_to(value, 2):,.2f}"


def fraction_text(value: Decimal | None) -> str:
    """A unit's fraction of the denominator as a percent (four places: six as a ratio)."""
    return "" if value is None else f"{round_to(value * 100, 4):,.4f}%"


# -- flags -------------------------------------------------------------------------------

# Flags the message catalogue has no template for (the rest are ``reading-<code>`` there).
_FLAGS: dict[str, Callable[[], str]] = {
    "reading-no-readings": lambda: translate("Meters", "{meter}: no {register} reading at all"),
    "reading-no-opening-reading": lambda: translate(
        "Meters", "{meter}: no {register} reading on or before {start}; counted from the first "
        "one known"),
    "reading-no-reading-in-period": lambda: translate(
        "Meters", "{meter}: no {register} reading from {start} to {end}; the next reading "
        "catches up"),
    "reading-missing": lambda: translate(
        "Meters", "{meter}: no {register} reading from {start} to {end}"),
    "reading-no-initial-reading": lambda: translate(
        "Meters", "{meter}: installed on {installed_on} with no initial (装表) {register} "
        "reading; its use until its first reading is unknown: give the dial's figure on that "
        "day"),
    "reading-final-missing": lambda: translate(
        "Meters", "{meter}: removed on {removed_on} with no final (拆表) {register} reading; "
        "its use since {since} is unknown: give the dial's figure on that day"),
    "reading-installed": lambda: translate(
        "Meters", "{meter}: installed on {on}, its dial at {value}"),
    "reading-not-installed": lambda: translate(
        "Meters", "{meter}: installed on {on}; it measured nothing before"),
    "statement-negative-shared": lambda: translate(
        "Meters", "{meter}: its sub meters measured {subs}, more than its own {main}; nothing "
        "is shared until the meters are checked"),
    "statement-no-basis": lambda: translate(
        "Meters", "{meter}: {shared} to share, but the weights of its basis add up to 0"),
    "statement-no-unit-connected": lambda: translate(
        "Meters", "{meter}: {shared} to share, but no unit of its basis was connected in "
        "this period; nothing is shared"),
    "statement-unit-without-basis": lambda: translate(
        "Meters", "{meter}: unit {unit} is metered by {by} but has no weight in the basis; it "
        "gets no share"),
    "statement-cannot-price": lambda: translate(
        "Meters", "{meter}: the shared {shared} cannot be priced ({problem})"),
    "statement-registers-differ": lambda: translate(
        "Meters", "{meter}'s sub meters do not all have its registers ({registers}): the "
        "shared consumption is worked out as a total"),
    "statement-main-replaced": lambda: translate(
        "Meters", "{old} was replaced by {new} on {on}: {old} measured {old_use} {unit} up to "
        "its final reading, {new} {new_use} {unit} from its initial reading; the main meter's "
        "consumption is the two, {main} {unit}"),
    "statement-main-replaced-undated": lambda: translate(
        "Meters", "{old} was replaced by {new}: {old} measured {old_use} {unit} up to its final "
        "reading, {new} {new_use} {unit} from its initial reading; the main meter's consumption "
        "is the two, {main} {unit}"),
    "statement-shared-by-main-registers": lambda: translate(
        "Meters", "The shared total is priced over the time-of-use registers as the main "
        "meter measured them: {registers}"),
}

# A flag's name in a column too narrow for its sentence.
_FLAG_NAMES: dict[str, Callable[[], str]] = {
    "negative": lambda: translate("Meters", "Fall"),
    "spike": lambda: translate("Meters", "Spike"),
    "out-of-order": lambda: translate("Meters", "Out of order"),
    "off-dial": lambda: translate("Meters", "Off the dial"),
    "unknown-register": lambda: translate("Meters", "Unknown register"),
    "no-readings": lambda: translate("Meters", "No readings"),
    "no-opening-reading": lambda: translate("Meters", "No opening reading"),
    "no-reading-in-period": lambda: translate("Meters", "Not read"),
    "missing": lambda: translate("Meters", "Not read"),
    "initial-missing": lambda: translate("Meters", "No initial reading"),
    "initial-without-final": lambda: translate("Meters", "No final reading"),
    "no-initial-reading": lambda: translate("Meters", "No initial reading"),
    "final-missing": lambda: translate("Meters", "No final reading"),
    "installed": lambda: translate("Meters", "Installed"),
    "not-installed": lambda: translate("Meters", "Not installed yet"),
    "initial-after-reading": lambda: translate("Meters", "Initial refused"),
    "initial-before-initial": lambda: translate("Meters", "Initial refused"),
    "final-after-final": lambda: translate("Meters", "Final refused"),
    "final-before-reading": lambda: translate("Meters", "Final refused"),
    "rollover": lambda: translate("Meters", "Rollover"),
    "replacement": lambda: translate("Meters", "Replaced"),
    "below-zero": lambda: translate("Meters", "Below zero"),
}


def _bare(code: str) -> str:
    for prefix in ("reading-", "statement-", "meter-"):
        if code.startswith(prefix):
            return code[len(prefix):]
    return code


def flag_name(code: str) -> str:
    """A flag's short name (``negative`` or ``reading-negative`` → Fall)."""
    bare = _bare(code)
    name = _FLAG_NAMES.get(bare)
    return name() if name is not None else bare


def flag_names(messages: Iterable[Any]) -> str:
    """Flags' and notes' short names, each once, in a list as the language writes one."""
    return translate("Meters", ", ").join(dict.fromkeys(
        flag_name(str(getattr(m, "code", ""))) for m in messages))


def said(message: Any) -> str:
    """A flag, a note or a reason (a ``Message``, or its JSON) in the current language."""
    if isinstance(message, Mapping):
        code, params = str(message.get("code") or ""), dict(message.get("params") or {})
        english = str(message.get("message") or "")
    else:
        code = str(getattr(message, "code", "") or "")
        params = dict(getattr(message, "params", {}) or {})
        english = str(getattr(message, "message", "") or "")
    template = _FLAGS.get(code)
    if template is not None:
        try:
            return template().format_map({k: plain(v) for k, v in params.items()})
        except (KeyError, IndexError, ValueError):
            return english
    return message_text({"code": code, "params": params, "message": english})


def said_all(messages: Iterable[Any]) -> str:
    return joined(said(m) for m in messages)


def meter_said(error: Any) -> str:
    """A refusal of the meter services in the current language, its register worded
    (total, peak…) as the rest of the window words it."""
    params = dict(getattr(error, "params", {}) or {})
    if "register" not in params:
        return message_text(error)
    params["register"] = register_text(params["register"]).lower()
    return message_text({"code": getattr(error, "code", ""), "params": params,
                         "message": str(error)})


@dataclass(frozen=True)
class Said:
    """A flag or note as the window carries it: code, params (text), the English."""

    code: str
    params: Mapping[str, str]
    message: str = ""


def rule_flag(code: str, params: Mapping[str, Any], meter_code: str, english: str = "",
              prefix: str = "reading") -> Said:
    """A flag or reason of the meter rules (its bare code) as the window says it."""
    return Said(f"{prefix}-{code}", {**{k: plain(v) for k, v in params.items()},
                                     "meter": meter_code}, english)


# -- the window's rows -------------------------------------------------------------------


@dataclass(frozen=True)
class MeterInfo:
    """One meter as the window shows it: the rules' meter, where it sits, its last reading,
    the month's use and flags, and its readings (current, in the order entered) for the
    entry grid's live figures."""

    id: uuid.UUID
    meter: Meter
    unit_code: str = ""
    tariff_id: uuid.UUID | None = None
    tariff_name: str = ""
    basis_kind: str = BasisKind.AREA.value
    weights: Mapping[str, Decimal] = field(default_factory=dict)  # unit code → weight
    installed_on: date | None = None
    removed_on: date | None = None
    replaces: str = ""  # the code of the meter it replaces
    readings: tuple[Reading, ...] = ()
    used: Decimal | None = None  # the month's, multiplier applied; None: not measured
    flags: tuple[Said, ...] = ()
    notes: tuple[Said, ...] = ()

    @property
    def code(self) -> str:
        return self.meter.code

    @property
    def archived(self) -> bool:
        """Taken out of service: it has a removal day (``services.meter_archive``)."""
        return self.removed_on is not None

    def closed(self, register: str) -> Reading | None:
        """The final reading that closed the register, when its last reading is one."""
        last = self.last(register)
        return last if last is not None and last.kind is ReadingKind.FINAL else None

    @property
    def unclosed(self) -> tuple[str, ...]:
        """The registers read and not closed by a final reading: an archived meter with
        one still lacks its final figure there."""
        return tuple(r for r in self.meter.registers
                     if self.last(r) is not None and self.closed(r) is None)

    def last(self, register: str = TOTAL) -> Reading | None:
        """The register's latest reading (by day; a day's last entered)."""
        last = None
        for r in sorted(self.readings, key=lambda r: r.read_on):  # stable: a day's in order
            if r.register == register:
                last = r
        return last


@dataclass(frozen=True)
class MetersSnapshot:
    """One utility's tree in a park for a month, and what the dialogs offer."""

    utility: str
    month: date  # its first day
    meters: tuple[MeterInfo, ...]
    unit_codes: tuple[str, ...] = ()  # every live unit of the park, for the meter dialog
    tariffs: tuple[tuple[uuid.UUID, str], ...] = ()  # the utility's tariffs: id, name
    units_below: Mapping[uuid.UUID, tuple[str, ...]] = field(default_factory=dict)

    def by_id(self) -> dict[uuid.UUID, MeterInfo]:
        return self._by_id

    def children(self, parent: uuid.UUID | None) -> list[MeterInfo]:
        """The meters right under ``parent`` (None: the tops, and any whose parent is not
        in this tree), by code."""
        return list(self._children.get(None if parent is None else str(parent), ()))

    @cached_property
    def _by_id(self) -> dict[uuid.UUID, MeterInfo]:
        return {m.id: m for m in self.meters}

    @cached_property
    def _children(self) -> dict[str | None, list[MeterInfo]]:
        """Each meter's children, read once: a thousand meters' tree is filled in one pass."""
        known = {m.meter.id for m in self.meters}
        out: dict[str | None, list[MeterInfo]] = defaultdict(list)
        for m in sorted(self.meters, key=lambda m: m.code):
            out[m.meter.parent_id if m.meter.parent_id in known else None].append(m)
        return dict(out)

    def subtree(self, root: uuid.UUID | None) -> list[MeterInfo]:
        """``root`` and every meter beneath it, depth first, by code (all: the whole tree)."""
        out: list[MeterInfo] = []
        seen: set[uuid.UUID] = set()

        def walk(meter: MeterInfo) -> None:
            if meter.id in seen:
                return
            seen.add(meter.id)
            out.append(meter)
            for child in sorted(self.children(meter.id), key=lambda m: m.code):
                walk(child)

        if root is None:
            for top in sorted(self.children(None), key=lambda m: m.code):
                walk(top)
        elif root in self._by_id:
            walk(self._by_id[root])
        return out

    def feeds(self, meter_id: uuid.UUID) -> bool:
        """Whether the meter has sub meters (so a 公摊 statement)."""
        return bool(self._children.get(str(meter_id)))

    def replaced_by(self, code: str) -> MeterInfo | None:
        """The meter that replaces the meter ``code``, if one does."""
        return next((m for m in self.meters if m.replaces == code), None)

    def replaceable(self, meter: MeterInfo | None, utility: str) -> list[MeterInfo]:
        """The meters ``meter`` (None: a new one) may replace: of ``utility``, not itself,
        not one another meter replaces, not one beneath it; by code."""
        mine = meter.id if meter is not None else None
        beneath = {m.id for m in self.subtree(mine)} if mine is not None else set()
        taken = {m.replaces for m in self.meters if m.replaces and m.id != mine}
        return sorted((m for m in self.meters if m.meter.utility.value == utility
                       and m.id not in beneath and m.code not in taken),
                      key=lambda m: m.code)


# -- the 公摊 statement as a sheet -------------------------------------------------------

Cell = str | Decimal | None
TEXT, QUANTITY, MONEY, FRACTION = "text", "quantity", "money", "fraction"


RATE = "rate"  # six places, as the domain gives a 公摊 rate


@dataclass(frozen=True)
class SheetTable:
    headers: tuple[str, ...]
    kinds: tuple[str, ...]  # each column's: text, quantity, money, fraction or rate
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[tuple[Cell, ...], ...] = ()  # bold rows under the others
    row_kinds: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # a row's own

    def lines(self) -> list[tuple[tuple[Cell, ...], tuple[str, ...], bool]]:
        """Every row with its cells' kinds and whether it is a total."""
        every = [*self.rows, *self.totals]
        return [(row, self.row_kinds.get(r, self.kinds), r >= len(self.rows))
                for r, row in enumerate(every)]

    def places(self) -> list[int]:
        """Each quantity column's places: the most any of its figures needs (a share split
        to six places shows six), so a column's figures line up and add up as shown."""
        out = [0] * len(self.headers)
        for row, kinds, _total in self.lines():
            for c, (value, kind) in enumerate(zip(row, kinds, strict=True)):
                if kind == QUANTITY and isinstance(value, Decimal) and value.is_finite():
                    exponent = value.normalize().as_tuple().exponent
                    out[c] = max(out[c], -exponent if isinstance(exponent, int) else 0)
        return out


@dataclass(frozen=True)
class StatementSheet:
    """A 公摊 statement laid out once for the screen, Excel and paper.

    ``remake`` lays the same statement out again in the language in force (the dialog
    calls it when the language is switched: every word of a sheet is said when it is
    laid out)."""

    title: str
    period: str
    meters: SheetTable
    figures: SheetTable  # what, figure, unit or how
    shares: SheetTable
    check: str  # the sums that add up, said
    adds_up: bool
    flags: tuple[str, ...]
    notes: tuple[str, ...]
    remake: Callable[[], StatementSheet] | None = field(default=None, compare=False,
                                                        repr=False)
    left_out: tuple[str, ...] = ()  # each unit not connected, and why it takes no share


def cell_text(value: Cell, kind: str, places: int | None = None) -> str:
    """A cell as shown: quantities to three places at most (``places`` for a column's
    figures to line up), money to the cent, a rate to its six places."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == MONEY:
        return money_figure(value)
    if kind == FRACTION:
        return fraction_text(value)
    if kind == RATE:
        return f"{value:,}"
    if places is not None and kind == QUANTITY:
        return f"{round_to(value, places):,.{places}f}"
    return quantity_text(value)


def statement_sheet(statement: Statement, unit_codes: Mapping[str, str],
                    currency: str = "", priced: bool = True) -> StatementSheet:
    """The statement as a sheet: ``unit_codes`` says each unit id's code; ``priced``:
    the meter has a tariff (without one the amounts are left out, not shown as 0)."""
    main = statement.main.meter
    unit = quantity_unit(main.utility)
    period = statement.period
    last_day = date.fromordinal(period.end.toordinal() - 1)
    title = translate("Meters", "Shared consumption statement (公摊) of {meter}").format(
        meter=statement.main_code)
    period_said = translate(
        "Meters", "{utility}, {start} to {last}: each meter from its last reading on or before "
        "{start} to its last on or before {end}").format(utility=utility_text(main.utility),
                                  start=period.start.isoformat(), last=last_day.isoformat(),
                                  end=period.end.isoformat())

    def code_of(unit_id: str | None) -> str:
        return "" if unit_id is None else unit_codes.get(unit_id, unit_id)

    used = translate("Meters", "Consumption ({unit})").format(unit=unit)
    mains = statement.mains or (statement.main,)
    meter_rows = [(line.meter.code, _main_role(line, n, len(mains)), "", line.amount)
                  for n, line in enumerate(mains)]
    meter_rows += [(s.meter.code, role_text(s.role), code_of(s.meter.unit_id), s.amount)
                   for s in statement.subs]
    subs_total = sum((s.amount for s in statement.subs), Decimal(0))
    meters = SheetTable(
        (translate("Meters", "Meter"), translate("Meters", "Role"), translate("Meters", "Unit"),
         used), (TEXT, TEXT, TEXT, QUANTITY), tuple(meter_rows),
        ((translate("Meters", "Σ sub meters"), "", "", subs_total),))

    kind = statement.basis.kind
    by_area = kind is BasisKind.AREA
    figures_rows: list[tuple[Cell, ...]] = [
        (translate("Meters", "Main meter") if len(mains) == 1 else translate(
            "Meters", "Main meter ({meters})").format(meters=statement.main_code),
         statement.main.amount, unit),
        (translate("Meters", "Σ sub meters"), subs_total, unit),
        (translate("Meters", "Unmetered (main − Σ sub meters): line loss and common use no "
                            "sub meter sees"), statement.unmetered, unit),
        (translate("Meters", "Common area meters (serving no unit)"), statement.common, unit),
        (translate("Meters", "Shared (unmetered + common)"), statement.shared, unit),
        (translate("Meters", "Basis"), basis_text(kind), ""),
        (translate("Meters", "Denominator (Σ weights)"), statement.denominator,
         translate("Meters", "m²") if by_area else ""),
        (translate("Meters", "Rate (shared ÷ denominator)"),
         statement.rate if statement.rate is not None else "—",
         (translate("Meters", "{unit} per m²") if by_area
          else translate("Meters", "{unit} per weight")).format(unit=unit)),
        (translate("Meters", "Shared charge"), statement.amount if priced
         and statement.charge is not None else translate("Meters", "not priced"),
         currency if priced else translate("Meters", "the meter has no tariff")),
    ]
    row_kinds = {7: (TEXT, RATE, TEXT), 8: (TEXT, MONEY, TEXT)}
    if statement.unallocated != 0:
        figures_rows.append((translate("Meters", "Not shared (see the flags)"),
                             statement.unallocated, unit))
    figures = SheetTable((translate("Meters", "Figure"), translate("Meters", "Value"),
                          translate("Meters", "In")), (TEXT, QUANTITY, TEXT),
                         tuple(figures_rows), row_kinds=row_kinds)

    weight = (translate("Meters", "Area (m²)") if by_area else translate("Meters", "Weight"))
    shares_rows = sorted(((code_of(s.unit_id), s.basis, s.fraction, s.direct, s.quantity,
                           s.total, s.amount) for s in statement.shares), key=lambda r: r[0])
    amount = (translate("Meters", "Amount ({currency})").format(currency=currency) if currency
              else translate("Meters", "Amount"))
    allocated = statement.allocated
    charged = sum((s.amount for s in statement.shares), Decimal("0.00"))
    # The units' weights over the denominator: 100 %, where their fractions, each rounded
    # to six places, may add up to 100.0001 % (a tenant reads the total, not the sum).
    weights = sum((s.basis for s in statement.shares), Decimal(0))
    fractions = (weights / statement.denominator if statement.denominator
                 else sum((s.fraction for s in statement.shares), Decimal(0)))
    headers = (translate("Meters", "Unit"), weight, translate("Meters", "Fraction"),
               translate("Meters", "Own meters ({unit})").format(unit=unit),
               translate("Meters", "Share ({unit})").format(unit=unit),
               translate("Meters", "Total use ({unit})").format(unit=unit), amount)
    kinds = (TEXT, QUANTITY, FRACTION, QUANTITY, QUANTITY, QUANTITY, MONEY)
    everyone = (translate("Meters", "All units sharing") if statement.left_out
                else translate("Meters", "All units"))
    totals = (everyone, statement.denominator, fractions,
              sum((s.direct for s in statement.shares), Decimal(0)), allocated,
              sum((s.total for s in statement.shares), Decimal(0)), charged)
    keep = len(headers) if priced else len(headers) - 1  # no amounts without a tariff
    # A unit not connected is listed under the others, its share said in words: it is not
    # in the denominator, so it has no weight, fraction or figure that the totals add up.
    gone = sorted(statement.left_out, key=lambda u: code_of(u.unit_id))
    dash = "—"
    no_share = translate("Meters", "no share: not connected")
    gone_rows = [(code_of(u.unit_id), dash, dash, dash, no_share, dash, dash) for u in gone]
    shares = SheetTable(headers[:keep], kinds[:keep],
                        tuple(r[:keep] for r in (*shares_rows, *gone_rows)), (totals[:keep],),
                        {len(shares_rows) + n: (TEXT,) * keep for n in range(len(gone))})
    left_out = tuple(left_out_text(code_of(u.unit_id), u.reasons) for u in gone)

    adds_up = (statement.main.amount == subs_total + statement.unmetered
               and allocated == statement.shared and charged == statement.amount)
    if adds_up and priced:
        check = translate(
            "Meters", "Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; "
            "Σ shares {allocated} = shared {shared}; Σ amounts {charged} = the shared charge "
            "{charge}")
    elif adds_up:
        check = translate(
            "Meters", "Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; "
            "Σ shares {allocated} = shared {shared}")
    else:
        check = translate(
            "Meters", "Not shared in full: main {main} = Σ sub meters {subs} + unmetered "
            "{unmetered}; Σ shares {allocated} of shared {shared}; Σ amounts {charged} of the "
            "shared charge {charge}")
    check = check.format(main=quantity_text(statement.main.amount),
                         subs=quantity_text(subs_total),
                         unmetered=quantity_text(statement.unmetered),
                         allocated=quantity_text(allocated),
                         shared=quantity_text(statement.shared),
                         charged=money_figure(charged), charge=money_figure(statement.amount))
    codes = {m.meter.id: m.meter.code for m in (statement.main, *mains, *statement.subs)}
    flags = tuple(said(_statement_flag(f, codes, unit_codes)) for f in statement.flags)
    notes = tuple(said(Said(f"statement-{n.code}" + (
        "-undated" if n.code == "main-replaced" and not n.params.get("on") else ""), {
        **{k: plain(v) for k, v in n.params.items()}, "unit": unit})) for n in statement.notes)
    return StatementSheet(title, period_said, meters, figures, shares, check, adds_up, flags,
                          notes, lambda: statement_sheet(statement, unit_codes, currency, priced),
                          left_out)


def _main_role(line: Any, n: int, count: int) -> str:
    """The role of a main's record: the main, or, the month it was replaced in, the old
    record up to its removal and the new one from its installation."""
    if count == 1:
        return role_text(line.role, main=True)
    if n < count - 1:
        day = line.meter.removed_on
        return (translate("Meters", "Main meter up to {day} (replaced)").format(
            day=day.isoformat()) if day else translate("Meters", "Main meter (replaced)"))
    day = line.meter.installed_on
    return (translate("Meters", "Main meter from {day} (replacement)").format(
        day=day.isoformat()) if day else translate("Meters", "Main meter (replacement)"))


def left_out_text(unit: str, reasons: Iterable[Any]) -> str:
    """Why a unit takes no share (``shared_consumption.LeftOut``): each of its meters beneath
    the statement's, removed before the period or installed after it."""
    why = []
    for r in reasons:
        params = {k: plain(v) for k, v in r.params.items()}
        if r.code == "not-installed":
            why.append(translate("Meters", "its meter {meter} installed only on {on}")
                       .format_map(params))
        else:
            why.append(translate("Meters", "its meter {meter} removed on {on}")
                       .format_map(params))
    return translate("Meters", "{unit} takes no share: not connected in this period "
                               "({why})").format(unit=unit, why=joined(why))


_STATEMENT_CODES = frozenset({"negative-shared", "no-basis", "unit-without-basis",
                              "cannot-price", "no-unit-connected"})


def _statement_flag(flag: Any, codes: Mapping[str, str], units: Mapping[str, str]) -> Said:
    """A statement's flag (``domain.billing.meters.Flag``) with its meter and unit by code."""
    params = {k: plain(v) for k, v in flag.params.items()}
    if "unit" in params:
        params["unit"] = units.get(params["unit"], params["unit"])
    if "basis" in params:
        params["basis"] = basis_text(params["basis"])
    meter = params.get("meter") or codes.get(flag.meter_id or "", flag.meter_id or "")
    prefix = "statement" if flag.code in _STATEMENT_CODES else "reading"
    return Said(f"{prefix}-{flag.code}", {**params, "meter": meter}, flag.message)
