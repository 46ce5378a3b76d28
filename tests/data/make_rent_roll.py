"""Generate rent rolls (and a park to import them into) for the rent-roll tests and bench.

:func:`make_rent_roll` writes an .xlsx as a park's staff keep one: a title and
a blank line over the header, Chinese headers, one contract per row, dates
typed as dates or as text, cycles as 月付/季付/押二付三, rent-free as months or
date ranges, escalations like "5%/年", deposits as amounts or months. ``bad``
rows are broken on purpose, each one way, cycling through :data:`BAD_KINDS`;
the returned :class:`GeneratedRoll` says which rows and with which reason code
the import must reject them. :func:`build_park` makes a workspace with enough
free units (bulk inserted, as the demo does).

Nothing is committed: a 5,000-row workbook is written in a test's tmp folder.
Run ``python tests/data/make_rent_roll.py OUT.xlsx PARK.leasemap`` to get both.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from domain.assets import BuildingKind, UnitStatus, UnitType  # noqa: E402
from domain.leasing.schedule import add_months  # noqa: E402
from store.changes import insert_rows  # noqa: E402
from store.schema import Building, Floor, Park, Unit  # noqa: E402
from store.workspace import Workspace  # noqa: E402

HEADERS = ("合同编号", "承租方", "房号", "计租面积(㎡)", "签约日期", "交付日期", "起租日",
           "到期日", "租金单价(元/㎡/月)", "付款方式", "免租期", "递增", "押金",
           "物业费(元/㎡/月)", "备注")
# Each bad row is broken one of these ways; the value is the reason code the import gives.
# An overlap breaks two rows (both are reported); a duplicate code breaks the second only.
BAD_KINDS: dict[str, str] = {
    "unknown-unit": "unknown-unit",
    "end-before-start": "end-before-start",
    "area-mismatch": "area-mismatch",
    "bad-date": "unparseable",
    "bad-rent": "unparseable",
    "no-tenant": "missing-value",
    "overlap": "overlap-in-file",
    "start-before-signing": "start-before-signing",
    "duplicate-code": "duplicate-code",
    "bad-cycle": "unparseable",
    "rent-free-conflict": "rent-free-conflict",
}
PARK_CODE = "RR"
UNITS_PER_FLOOR = 100


@dataclass
class GeneratedRoll:
    """What was written: the file, how many rows, and each bad row's expected reason."""

    path: Path
    rows: int
    bad: dict[int, str] = field(default_factory=dict)  # sheet row number → reason code
    kinds: dict[int, str] = field(default_factory=dict)  # sheet row number → BAD_KINDS key
    header_row: int = 3
    codes: list[str] = field(default_factory=list)  # every row's contract code, in order


def build_park(path: Path, units: int = 5400) -> list[tuple[str, Decimal]]:
    """A workspace with one park of ``units`` vacant office units (and nothing leased);
    returns their (code, billable area) in code order."""
    ws = Workspace.create(path)
    made: list[tuple[str, Decimal]] = []
    try:
        with ws.transaction() as s:
            park = Park(code=PARK_CODE, name="台账测试园")
            s.add(park)
            s.flush()
            building = Building(park_id=park.id, code="A", name="A栋",
                                kind=BuildingKind.OFFICE)
            s.add(building)
            s.flush()
            floors = []
            for level in range(1, -(-units // UNITS_PER_FLOOR) + 1):
                floor = Floor(building_id=building.id, level=level, name=f"{level}F")
                floors.append(floor)
            s.add_all(floors)
            s.flush()
            rows = []
            for n in range(units):
                floor = floors[n // UNITS_PER_FLOOR]
                code = f"{PARK_CODE}-A-{floor.level:02d}{n % UNITS_PER_FLOOR + 1:02d}"
                area = Decimal(80 + (n * 37) % 400) + Decimal(n % 4) / 4
                area = area.quantize(Decimal("0.01"))
                rows.append({
                    "park_id": park.id, "floor_id": floor.id, "code": code,
                    "unit_type": UnitType.OFFICE, "status": UnitStatus.LEASABLE,
                    "gross_area": area, "internal_area": area, "common_share": Decimal(0),
                    "leasable_area": area, "billable_area": area,
                    "asking_rent": Decimal("90.0000")})
                made.append((code, area))
            insert_rows(s, Unit, rows)
    finally:
        ws.close()
    return sorted(made)


def make_rent_roll(path: Path, park_units: list[tuple[str, Decimal]], rows: int = 5000,
                   bad: int = 50, seed: int = 11) -> GeneratedRoll:
    """Write ``rows`` contracts to ``path`` (.xlsx), ``bad`` of them broken (see module).

    ``park_units`` are free (code, billable area) pairs; a good row leases its own unit(s)
    (every 25th two units), so the park needs about ``rows × 1.04 + bad`` of them.
    """
    rng = random.Random(seed)
    need = rows + rows // 25 + bad + 10
    if len(park_units) < need:
        raise ValueError(f"{rows} rows need about {need} units; the park has "
                         f"{len(park_units)}")
    # Which rows are bad, and how: spread over the file; an overlap takes a pair.
    kinds = list(BAD_KINDS)
    plan: dict[int, str] = {}
    positions = iter(sorted(rng.sample(range(1, rows - 1, 2), k=bad)))
    made, k = 0, 0
    while made < bad:
        kind = kinds[k % len(kinds)]
        k += 1
        if kind == "overlap" and bad - made < 2:
            continue
        index = next(positions)
        plan[index] = kind
        made += 2 if kind == "overlap" else 1
    book = Workbook(write_only=True)
    sheet = book.create_sheet("租金台账")
    sheet.append(["台账测试园 租金台账（2026年）"])
    sheet.append([])
    sheet.append(list(HEADERS))
    header_row = 3
    result = GeneratedRoll(path, rows, header_row=header_row)
    free = iter(park_units)
    lines: list[list[object]] = []
    index = 0
    while index < rows:
        kind = plan.get(index)
        line, units = _good_row(rng, index, free)
        row_number = header_row + 1 + index
        if kind is not None:
            _break(rng, kind, line, lines, units, free)
            result.kinds[row_number] = kind
            result.bad[row_number] = BAD_KINDS[kind]
            if kind == "overlap":  # the next row leases the same unit, overlapping
                other, _ = _good_row(rng, index + 1, free)
                other[2] = line[2]
                other[3] = line[3]
                other[5], other[6] = line[6], line[6]  # starts on this one's rent start
                other[4] = line[4]
                other[10] = None  # no rent-free of its own: the overlap is its one fault
                lines.append(line)
                lines.append(other)
                result.kinds[row_number + 1] = kind
                result.bad[row_number + 1] = BAD_KINDS[kind]
                index += 2
                continue
        lines.append(line)
        index += 1
    for line in lines:
        result.codes.append(str(line[0]))
        sheet.append(line)
    sheet.append(["合计", None, None, None])  # a total line the reader skips
    book.save(path)
    return result


def _good_row(rng: random.Random, index: int, free) -> tuple[list[object], list]:
    """One valid contract on the next free unit(s), typed in one of several ways."""
    units = [next(free)] + ([next(free)] if index % 25 == 7 else [])
    area = sum((a for _c, a in units), Decimal(0))
    signed = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 1000))
    delivered = signed + timedelta(days=rng.randrange(0, 60))
    fit_out = rng.choice((0, 0, 1, 2, 3))
    rent_start = add_months(delivered, fit_out)
    years = rng.choice((1, 2, 3, 3, 5))
    ends = add_months(delivered, 12 * years) - timedelta(days=1)
    style = index % 4
    units_text = "、".join(c for c, _a in units) if style != 3 else ",".join(
        c.removeprefix(f"{PARK_CODE}-") for c, _a in units)  # the park's prefix left out
    rent = Decimal(rng.randrange(4000, 16000)) / 100

    def day(d: date) -> object:
        return datetime(d.year, d.month, d.day) if style != 1 else f"{d.year}/{d.month}/{d.day}"

    cycle = ("月付", "季付", "押二付三", "半年付", "年付", "monthly")[index % 6]
    free_text: object = None
    if fit_out:
        free_text = f"{fit_out}个月" if index % 2 else None
    elif index % 7 == 0 and years > 1:
        first = add_months(delivered, 12)
        free_text = f"{first.isoformat()}~{(first + timedelta(days=29)).isoformat()}"
    escalation = ("5%/年", None, "每年递增3%", 0.04, "无")[index % 5]
    deposit: object = (f"{rng.choice((2, 3))}个月" if index % 3 == 0
                       else float((area * rent * 2).quantize(Decimal("0.01"))))
    fee = (None, 8.5, "12元/㎡/月")[index % 3]
    line = [f"HT-RR-{index + 1:05d}", f"测试租户{rng.randrange(1, 1500):04d}有限公司",
            units_text, float(area), day(signed), day(delivered), day(rent_start), day(ends),
            float(rent), cycle, free_text, escalation, deposit, fee, ""]
    return line, units


def _break(rng: random.Random, kind: str, line: list[object], lines: list[list[object]],
           units: list, free) -> None:
    """Break ``line`` the ``kind`` way (:data:`BAD_KINDS`)."""
    if kind == "unknown-unit":
        line[2] = f"ZZ-{rng.randrange(1000, 9999)}"
    elif kind == "end-before-start":
        line[7] = "2020-01-31"
    elif kind == "area-mismatch":
        line[3] = float(Decimal(str(line[3])) + Decimal("12.5"))
    elif kind == "bad-date":
        line[7] = "明年三月"
    elif kind == "bad-rent":
        line[8] = "面议"
    elif kind == "no-tenant":
        line[1] = None
    elif kind == "start-before-signing":
        line[4] = "2029-12-31"
    elif kind == "duplicate-code":
        line[0] = lines[-1][0] if lines else "HT-RR-00001"
    elif kind == "bad-cycle":
        line[9] = "每周付"
    elif kind == "rent-free-conflict":
        line[5] = "2026-01-01"
        line[6] = "2026-04-01"
        line[7] = "2028-12-31"
        line[4] = "2025-12-15"
        line[10] = "1个月"  # the dates say three months of fit-out
    elif kind == "overlap":
        pass  # the caller writes the second row
    else:  # pragma: no cover - BAD_KINDS lists every kind
        raise ValueError(kind)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "rent_roll.xlsx")
    park = Path(sys.argv[2] if len(sys.argv) > 2 else "rent_roll_park.leasemap")
    units = build_park(park)
    roll = make_rent_roll(out, units)
    print(f"{out}: {roll.rows} rows, {len(roll.bad)} bad; {park}: {len(units)} units")
