"""What the area statement says, in the reader's language: rows, columns, findings.

One set of words for the table on screen (:mod:`views.area_statement`), the
printed pages (:mod:`views.area_statement_print`) and ``leasemap
area-statement``. Qt-free, like :mod:`views.message_text` whose
``translate`` it uses: a command run in English loads no Qt, another
language QtCore only.

Rows come in reading order: each floor's totals, then its units, then the
building's total. Columns add up down the page: a floor's figure in a column
is the sum of its units' figures in that column (the unit's leasable area
stands in the column of its state on the date).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from domain.area_statement import (
    BuildingStatement,
    Finding,
    FloorStatement,
    Totals,
    UnitLine,
)
from domain.floor_areas import BillableRule
from domain.money import round_to
from domain.occupancy import UnitState, is_leasable
from domain.space_use import SpaceUse
from views.message_text import translate
from views.terminal_text import cut, pad, width

CONTEXT = "AreaStatement"  # every text below is in this translation context


@dataclass(frozen=True)
class StatementRow:
    """One row of the statement: a floor's totals, a unit, or the building's total."""

    kind: str  # "floor" | "unit" | "building"
    totals: Totals | None  # a floor's or the building's
    line: UnitLine | None  # a unit's
    level: int | None  # the floor's (a unit's floor); None for the building
    floor_name: str = ""
    building: str = ""  # the building's title, on its total row


def statement_rows(statement: BuildingStatement) -> list[StatementRow]:
    rows: list[StatementRow] = []
    for floor in statement.floors:
        rows.append(StatementRow("floor", floor.totals, None, floor.level, floor.name))
        rows.extend(StatementRow("unit", None, line, floor.level, floor.name)
                    for line in floor.lines)
    head = statement.header
    rows.append(StatementRow("building", statement.totals, None, None, "",
                             building_title(head.building_code, head.building_name)))
    return rows


def row_of(rows: Sequence[StatementRow], finding: Finding) -> int:
    """Where ``finding`` points in ``rows``: its unit, else its floor, else the total."""
    for i, row in enumerate(rows):
        if finding.unit is not None:
            if row.kind == "unit" and row.line is not None and row.line.code == finding.unit \
                    and row.level == finding.level:
                return i
        elif finding.level is not None:
            if row.kind == "floor" and row.level == finding.level:
                return i
        elif row.kind == "building":
            return i
    return len(rows) - 1


# -- cells -------------------------------------------------------------------------------------


def area(value: Decimal | None) -> str:
    """m² to two places with thousands separators (as ``views.labels.area_text``)."""
    return "" if value is None else f"{round_to(value, 2):,}"


def percent(value: Decimal | None) -> str:
    """An allocation ratio as a percent to two places."""
    return "" if value is None else f"{round_to(value * 100, 2)}%"


def factor(value: Decimal | None) -> str:
    return "" if value is None else str(round_to(value, 4))


def _total(name: str) -> Callable[[StatementRow], Decimal | None]:
    def value(row: StatementRow) -> Decimal | None:
        return None if row.totals is None else getattr(row.totals, name)

    return value


def _unit(get: Callable[[UnitLine], Decimal | None],
          of_totals: Callable[[StatementRow], Decimal | None] | None = None,
          ) -> Callable[[StatementRow], Decimal | None]:
    """A cell that is ``get`` of a unit and ``of_totals`` of a floor or the building."""

    def value(row: StatementRow) -> Decimal | None:
        if row.line is not None:
            return get(row.line)
        return None if of_totals is None else of_totals(row)

    return value


def _for_rent(get: Callable[[UnitLine], Decimal | None]) -> Callable[[UnitLine], Decimal | None]:
    return lambda line: None if line.figures.use is not SpaceUse.LEASABLE else get(line)


def _of_use(use: SpaceUse) -> Callable[[UnitLine], Decimal | None]:
    return lambda line: line.figures.internal_area if line.figures.use is use else None


def _in_state(*states: UnitState) -> Callable[[UnitLine], Decimal | None]:
    return lambda line: line.figures.leasable_area if line.figures.state in states else None


def _on_date(line: UnitLine) -> Decimal | None:
    f = line.figures
    return f.leasable_area if is_leasable(f.status, f.use) else None


def _withheld(line: UnitLine) -> Decimal | None:
    f = line.figures
    return f.leasable_area if f.use is SpaceUse.LEASABLE and not is_leasable(f.status,
                                                                             f.use) else None


@dataclass(frozen=True)
class StatementColumn:
    """A column: its title (read at display time), its value of a row and how it is
    written; ``optional`` columns are left off the printed page when no row has a figure
    other than zero in them."""

    key: str
    title: Callable[[], str]
    value: Callable[[StatementRow], Any]
    text: Callable[[Any], str] = area
    numeric: bool = True
    optional: bool = False
    width: int = 10  # starting width in average characters


def _heading(row: StatementRow) -> str:
    if row.kind == "unit" and row.line is not None:
        return row.line.code
    if row.kind == "floor":
        return row.floor_name
    return translate("AreaStatement", "Total")


def _name(row: StatementRow) -> str:
    if row.line is not None:
        return row.line.figures.name
    return row.building


def _what(row: StatementRow) -> str:
    if row.line is not None:
        return use_or_state(row.line)
    return units_text(row.totals.units if row.totals is not None else 0)


COLUMNS: list[StatementColumn] = [
    StatementColumn("code", lambda: translate("AreaStatement", "Floor / unit"), _heading, str,
                    numeric=False, width=12),
    StatementColumn("name", lambda: translate("AreaStatement", "Name"), _name, str, numeric=False,
                    width=14),
    StatementColumn("state", lambda: translate("AreaStatement", "Use / state"), _what, str,
                    numeric=False, width=10),
    StatementColumn("gross", lambda: translate("AreaStatement", "Gross m²"),
                    _unit(lambda ln: ln.figures.gross_area, _total("gross_area"))),
    StatementColumn("internal", lambda: translate("AreaStatement", "Internal m²"),
                    _unit(_for_rent(lambda ln: ln.figures.internal_area),
                          _total("internal_leasable"))),
    StatementColumn("rooms", lambda: translate("AreaStatement", "Common rooms m²"),
                    _unit(_of_use(SpaceUse.COMMON), _total("common_rooms"))),
    StatementColumn("walls", lambda: translate("AreaStatement", "Walls & unassigned m²"),
                    _unit(lambda ln: None, _total("walls")), optional=True),
    StatementColumn("shared", lambda: translate("AreaStatement", "Shared rooms m²"),
                    _unit(_of_use(SpaceUse.BUILDING_COMMON), _total("building_rooms")),
                    optional=True),
    StatementColumn("building", lambda: translate("AreaStatement", "Building share m²"),
                    _unit(lambda ln: None, _total("building_part")), optional=True),
    StatementColumn("pool", lambda: translate("AreaStatement", "Common pool m²"),
                    _unit(lambda ln: None, _total("common_pool"))),
    StatementColumn("ratio", lambda: translate("AreaStatement", "Ratio"),
                    _unit(lambda ln: ln.ratio, _total("ratio")), percent, width=8),
    StatementColumn("load", lambda: translate("AreaStatement", "Load factor"),
                    _unit(lambda ln: ln.load_factor, _total("load_factor")), factor, width=8),
    StatementColumn("share", lambda: translate("AreaStatement", "Share m²"),
                    _unit(_for_rent(lambda ln: ln.figures.common_share), _total("shares"))),
    StatementColumn("leasable", lambda: translate("AreaStatement", "Leasable m²"),
                    _unit(_on_date, _total("leasable"))),
    StatementColumn("leased", lambda: translate("AreaStatement", "Leased m²"),
                    _unit(_in_state(UnitState.LEASED), _total("leased"))),
    StatementColumn("vacant", lambda: translate("AreaStatement", "Vacant m²"),
                    _unit(_in_state(UnitState.VACANT), _total("vacant"))),
    StatementColumn("other", lambda: translate("AreaStatement", "Other m²"),
                    _unit(_in_state(UnitState.SIGNED, UnitState.RESERVED,
                                    UnitState.UNAVAILABLE), _total("other"))),
    StatementColumn("not_leasable", lambda: translate("AreaStatement", "Not leasable m²"),
                    _unit(_withheld, _total("not_leasable")), optional=True),
    StatementColumn("billable", lambda: translate("AreaStatement", "Billable m²"),
                    _unit(_for_rent(lambda ln: ln.figures.billable_area), _total("billable"))),
]


def printed_columns(rows: Sequence[StatementRow]) -> list[StatementColumn]:
    """The columns worth paper: an optional one only when some row has a figure in it."""
    return [c for c in COLUMNS if not c.optional or any(c.value(r) for r in rows)]


def cells(row: StatementRow, columns: Sequence[StatementColumn] = COLUMNS) -> list[str]:
    return [c.text(c.value(row)) for c in columns]


# -- words -------------------------------------------------------------------------------------


_STATES: dict[UnitState, Callable[[], str]] = {
    UnitState.LEASED: lambda: translate("AreaStatement", "Leased"),
    UnitState.VACANT: lambda: translate("AreaStatement", "Vacant"),
    UnitState.SIGNED: lambda: translate("AreaStatement", "Signed"),
    UnitState.RESERVED: lambda: translate("AreaStatement", "Reserved"),
    UnitState.UNAVAILABLE: lambda: translate("AreaStatement", "Unavailable"),
    UnitState.NOT_LEASABLE: lambda: translate("AreaStatement", "Not leasable"),
    UnitState.COMMON: lambda: translate("AreaStatement", "Common"),
}
_USES: dict[SpaceUse, Callable[[], str]] = {
    SpaceUse.COMMON: lambda: translate("AreaStatement", "Common"),
    SpaceUse.BUILDING_COMMON: lambda: translate("AreaStatement", "Building common"),
}


def use_or_state(line: UnitLine) -> str:
    """A common unit's use; a unit for rent's state on the date."""
    use = _USES.get(line.figures.use)
    if use is not None:
        return use()
    state = _STATES.get(line.figures.state)
    return state() if state is not None else str(line.figures.state)


def units_text(n: int) -> str:
    if n == 1:
        return translate("AreaStatement", "1 unit")
    return translate("AreaStatement", "%1 units").replace("%1", f"{n:,}")


def rule_text(rule: BillableRule) -> str:
    if rule is BillableRule.INTERNAL:
        return translate("AreaStatement", "billed on internal area")
    return translate("AreaStatement", "billed on leasable area")


def title_text() -> str:
    return translate("AreaStatement", "Area statement")


def building_title(code: str, name: str) -> str:
    """``A栋 研发办公楼`` rather than ``A A栋 研发办公楼`` (as ``views.labels`` writes it)."""
    return name if name.startswith(code) else f"{code}  {name}".strip()


def subtitle_text(statement: BuildingStatement) -> str:
    """Park · building · as of the date · the billing rule."""
    head = statement.header
    day = translate("AreaStatement", "as of %1").replace(
        "%1", head.day.isoformat()) if head.day else ""
    parts = (head.park_name, building_title(head.building_code, head.building_name), day,
             rule_text(statement.rule))
    return " · ".join(p for p in parts if p)


def check_text(statement: BuildingStatement) -> str:
    """The totals check: they add up, or how many findings say where they do not."""
    n = len(statement.findings)
    if n == 0:
        return translate("AreaStatement", "Totals add up")
    if n == 1:
        return translate("AreaStatement", "1 finding: the totals do not add up")
    return translate("AreaStatement", "%1 findings: the totals do not add up").replace(
        "%1", f"{n:,}")


def page_text(number: int, count: int) -> str:
    return translate("AreaStatement", "Page %1 / %2").replace("%1", str(number)).replace(
        "%2", str(count))


def printed_text(day: date | None, now: datetime | None = None) -> str:
    when = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    if day is None:
        return translate("AreaStatement", "Leasemap · printed %1").replace("%1", when)
    return translate("AreaStatement", "Leasemap · as of %1 · printed %2").replace(
        "%1", day.isoformat()).replace("%2", when)


FINDINGS: dict[str, Callable[[], str]] = {
    "units-exceed-floor": lambda: translate(
        "AreaStatement", "{floor}: the units' internal area ({internal} m²) exceeds the "
        "floor's gross area ({gross} m²) by {excess} m²"),
    "pool-unshared": lambda: translate(
        "AreaStatement", "{floor}: {pool} m² of common area has no unit for rent to be "
        "shared over"),
    "building-pool-unshared": lambda: translate(
        "AreaStatement", "the building's shared common rooms ({pool} m²) have no unit for "
        "rent to be shared over"),
    "share-sum": lambda: translate(
        "AreaStatement", "{floor}: the common shares add up to {shares} m², not {pool} m² "
        "(off by {difference} m²)"),
    "unit-share": lambda: translate(
        "AreaStatement", "{unit} ({floor}): common share {stored} m², by the rule "
        "{expected} m² (off by {difference} m²)"),
    "unit-sum": lambda: translate(
        "AreaStatement", "{unit} ({floor}): leasable area {stored} m² is not internal + "
        "share, {expected} m² (off by {difference} m²)"),
    "unit-billable": lambda: translate(
        "AreaStatement", "{unit} ({floor}): billable area {stored} m², by the park's rule "
        "{expected} m² (off by {difference} m²)"),
    "unit-gross": lambda: translate(
        "AreaStatement", "{unit} ({floor}): gross area {stored} m², by the rule {expected} "
        "m² (off by {difference} m²)"),
    "common-has-share": lambda: translate(
        "AreaStatement", "{unit} ({floor}) is common area but carries a share of {share} "
        "m², leasable {leasable} m², billable {billable} m²"),
    "state-sum": lambda: translate(
        "AreaStatement", "{floor}: leased, vacant and other areas add up to {counted} m², "
        "not the leasable {leasable} m² (off by {difference} m²; units {units})"),
}


def finding_text(finding: Finding) -> str:
    """A finding in the current language; its English when its code has no template."""
    template = FINDINGS.get(finding.code)
    if template is None:
        return finding.message
    try:
        return template().format_map(dict(finding.params))
    except (KeyError, IndexError, ValueError):
        return finding.message


def floor_of(statement: BuildingStatement, level: int) -> FloorStatement | None:
    return next((f for f in statement.floors if f.level == level), None)


# -- as text, for the command line -------------------------------------------------------------

NAME_COLUMNS = 24  # a name longer than this many columns of a terminal is cut short (…)


def statement_lines(statement: BuildingStatement) -> list[str]:
    """The statement as lines of text: title, the table in aligned columns (a CJK character
    takes two), the totals check and the findings."""
    rows = statement_rows(statement)
    columns = printed_columns(rows)
    table = [[c.title() for c in columns]] + [cells(r, columns) for r in rows]
    for line in table[1:]:
        for i, column in enumerate(columns):
            if column.key == "name":
                line[i] = cut(line[i], NAME_COLUMNS)
    widths = [max(width(line[i]) for line in table) for i in range(len(columns))]
    out = [f"{title_text()} · {subtitle_text(statement)}", ""]
    for line in table:
        out.append("  ".join(pad(text, w, c.numeric)
                             for text, w, c in zip(line, widths, columns, strict=True)).rstrip())
    out += ["", check_text(statement)]
    out += [f"  • {finding_text(f)}" for f in statement.findings]
    return out


def no_building_text(code: str, known: Sequence[str]) -> str:
    return translate("AreaStatement", "no building {code} in this workspace (buildings: "
                                      "{known})").format(code=code, known=", ".join(known) or "—")
