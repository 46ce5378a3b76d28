"""Plan the demo park as plain records: buildings, floors, units, tenants, contracts.

Nothing here touches the database; :mod:`demo.build` writes the plan. A
floor's units are its units for rent, numbered in walking order
(``ZD-A-0701`` …), then its common rooms (``ZD-A-07C01`` …: a letter, so no
floor sequence can reach them). Every unit's areas are what
:func:`domain.floor_areas.allocate_building` makes of the building, the one
rule every writer of units follows.
"""

from __future__ import annotations

import calendar
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from random import Random
from typing import Any

from shapely.affinity import translate

from demo.floorplates import (
    CommonKind,
    FloorPlate,
    adjacent_pairs,
    office_floor,
    plant_floor,
    retail_floor,
    warehouse_floor,
)
from demo.profiles import (
    AREA,
    BASEMENT_STOREY,
    BILLABLE_RULE,
    BRAND_FIRST,
    BRAND_SECOND,
    COMMON_NAMES,
    CONTACT_ROLES,
    ELEVATION,
    ENTRANCE_LOBBY,
    FATE_STATUS,
    FATES,
    GIVEN,
    INDUSTRIES,
    MOBILE_PREFIXES,
    NOT_LEASABLE_NAME,
    NOT_LEASABLE_SHARE,
    OFFICE,
    ONE_PLACE,
    PARK_CODE,
    PLANT,
    RETAIL,
    SIDES,
    SITE_GAP,
    SITE_ROW,
    STANDARD_FLOOR_SHARE,
    SURNAMES,
    TOWER_MAX_FLOORS,
    UNITS_PER_CLUSTER,
    UNITS_PER_TENANT,
    WAREHOUSE,
    ZERO_AREA,
    Profile,
)
from domain.assets import (
    BuildingKind,
    ChainPosition,
    FitOut,
    Orientation,
    UnitStatus,
    UnitType,
    compose_unit_code,
    floor_name,
    floor_part,
    sequence_width,
    unit_code,
)
from domain.contracts import ContractStatus
from domain.floor_areas import FloorInput, UnitInput, allocate_building
from domain.money import ZERO, rate
from domain.occupancy import may_sign
from domain.space_use import SpaceUse
from runtime.jobs import Job
from spatial.geometry import area_m2, lines_to_wkb, polygon_to_wkb
from store.ids import uuid7

# -- plans: what the park will hold, before any row is made -------------------------


@dataclass(slots=True)
class UnitPlan:
    """A unit for rent or a common room; its areas are set once its building is laid out."""

    id: uuid.UUID
    floor: int  # index into the floor plans
    code: str
    name: str
    status: UnitStatus
    geometry: bytes
    internal: Decimal
    asking_rent: Decimal | None
    orientation: Orientation | None  # a common room has none of these attributes
    ceiling: Decimal | None
    load: Decimal | None
    power: Decimal | None
    fit_out: FitOut | None
    tags: list[str]
    use: SpaceUse = SpaceUse.LEASABLE
    gross: Decimal = ZERO_AREA
    share: Decimal = ZERO_AREA
    leasable: Decimal = ZERO_AREA
    billable: Decimal = ZERO_AREA


@dataclass(slots=True)
class FloorPlan:
    id: uuid.UUID
    building: int
    level: int
    name: str
    elevation: Decimal
    count: int  # units (office, warehouse), bays (plant) or shops (retail)
    gross: Decimal = ZERO_AREA
    outline: bytes = b""
    background: bytes = b""


@dataclass(frozen=True, slots=True)
class Layout:
    """A drawn floor plate and all that follows from its geometry alone.

    Towers repeat a few standard floors (标准层); a floor that repeats one
    reuses its layout, so the stacking plan lines up as in a real building.
    """

    gross: Decimal
    outline: bytes
    background: bytes
    geometries: list[bytes]  # the units for rent, in walking order
    internals: list[Decimal]
    facing: list[Orientation]
    neighbours: list[list[int]]  # units sharing a wall, by position on the floor
    commons: list[tuple[CommonKind, str, bytes, Decimal]]  # kind, name, geometry, internal


@dataclass(slots=True)
class BuildingPlan:
    id: uuid.UUID
    code: str
    name: str
    profile: Profile
    size: tuple[float, float]  # plate length and depth in metres
    base_rent: int  # asking rent level in yuan per m² per month
    floors: list[int] = field(default_factory=list)  # indices into the floor plans
    site: tuple[float, float] = (0.0, 0.0)  # lower-left corner on the site plan, metres
    footprint: bytes = b""


@dataclass(slots=True)
class ContractPlan:
    """A contract's dates and rent, as the plan lays the park's lets out in time.

    The clauses (``delivered_on`` … ``notes``) are :mod:`demo.leasing`'s, filled in
    once the whole park is planned; ``terms`` is the codec's document of the latest
    version and ``version`` the number of signed versions (0 for a draft).
    """

    id: uuid.UUID
    tenancy: int  # contracts of one tenancy (a let and its renewal) share a tenant
    units: list[int]
    status: ContractStatus
    signed_on: date
    starts_on: date
    ends_on: date
    terminated_on: date | None
    rent: Decimal
    kind: UnitType = UnitType.OFFICE  # its units' type
    renews: int | None = None  # the contract this one renews (index into park.contracts)
    code: str = ""
    delivered_on: date | None = None
    rent_starts_on: date | None = None
    deposit: Decimal = ZERO
    terms: dict[str, Any] | None = None
    version: int = 0
    lead: int | None = None  # the lead it closed (index into the leasing plan's leads)
    notes: str = ""


@dataclass(slots=True)
class TenantPlan:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    contact_name: str
    contact_phone: str
    contact_email: str
    industry: str
    chain_position: ChainPosition


@dataclass
class ParkPlan:
    """Everything the demo will write, as plain records with their ids."""

    park_id: uuid.UUID
    buildings: list[BuildingPlan] = field(default_factory=list)
    floors: list[FloorPlan] = field(default_factory=list)
    units: list[UnitPlan] = field(default_factory=list)
    tenants: list[TenantPlan] = field(default_factory=list)
    contracts: list[ContractPlan] = field(default_factory=list)
    tenancy_kinds: list[str] = field(default_factory=list)
    tenancy_tenant: list[int] = field(default_factory=list)


# -- generating the park ---------------------------------------------------------------


def plan_park(units: int, seed: int, today: date, job: Job) -> ParkPlan:
    park = ParkPlan(park_id=uuid7())
    _plan_buildings(park, units, Random(f"{seed}:plan"))
    total = 2 * len(park.floors)
    for building in park.buildings:
        rng = Random(f"{seed}:layout:{building.code}")
        standard: dict[int, list[Layout]] = {}
        building_first = len(park.units)
        for index in building.floors:
            floor = park.floors[index]
            job.step(index, total, f"{building.code} {floor.name}")
            seen = standard.setdefault(floor.count, [])
            if seen and rng.random() < STANDARD_FLOOR_SHARE:
                layout = rng.choice(seen)
            else:
                plate = _draw_plate(rng, building, floor)
                layout = _layout(plate)
                seen.append(layout)
                if not building.footprint:
                    site_x, site_y = building.site
                    building.footprint = polygon_to_wkb(translate(plate.outline, site_x, site_y))
            first = _add_units(park, rng, building, floor, index, layout)
            lease_rng = Random(f"{seed}:lease:{building.code}:{floor.level}")
            _add_contracts(park, lease_rng, building, layout, first, today)
        _allocate(park, building, building_first)
    _add_tenants(park, Random(f"{seed}:tenants"), max(1, round(units / UNITS_PER_TENANT)))
    _number_contracts(park)
    return park


def _plan_buildings(park: ParkPlan, units: int, rng: Random) -> None:
    """Decide buildings, floors and units per floor so the park holds about ``units``."""
    clusters = max(1, round(units / UNITS_PER_CLUSTER))
    budget = units / clusters
    letters = "ABCDEFGH"
    x = y = row_depth = 0.0

    def place(building: BuildingPlan) -> None:
        nonlocal x, y, row_depth
        length, depth = building.size
        if x > 0 and x + length > SITE_ROW:
            x, y, row_depth = 0.0, y + row_depth + SITE_GAP, 0.0
        building.site = (x, y)
        x += length + SITE_GAP
        row_depth = max(row_depth, depth)

    for cluster in range(clusters):
        suffix = "" if clusters == 1 else str(cluster + 1)
        retail_floors = min(6, max(1, round(budget * 0.13 / 30)))
        plant_floors = min(6, max(1, round(budget / 300)))
        warehouse_floors = 1 if budget < 1000 else 2
        retail_levels = list(range(1, retail_floors + 1))
        if retail_floors >= 3:
            retail_levels = [-1, *range(1, retail_floors)]
        retail = [(level, rng.randint(24, 34)) for level in retail_levels]
        plant = [(level, rng.randint(3, 5)) for level in range(1, plant_floors + 1)]
        warehouse = [(level, rng.randint(3, 4)) for level in range(1, warehouse_floors + 1)]
        others = sum(n + 1 for _, n in retail) + sum(n for _, n in plant + warehouse)
        office_units = max(round(budget) - others, 40)

        towers = max(1, math.ceil(office_units / 11.5 / TOWER_MAX_FLOORS))
        sizes = [(rng.randint(560, 700) / 10, rng.randint(260, 300) / 10) for _ in range(towers)]
        counts: list[list[int]] = [[] for _ in range(towers)]
        placed = 0
        while placed < office_units:
            tower = min(range(towers), key=lambda t: (len(counts[t]), t))
            count = _office_units_on_floor(rng, *sizes[tower])
            counts[tower].append(count)
            placed += count

        letter = iter(letters)
        for tower in range(towers):
            code = f"{next(letter)}{suffix}"
            levels = list(enumerate(counts[tower], start=1))
            base = rng.randint(95, 125)
            place(_add_building(park, code, OFFICE, sizes[tower], base, levels))
        plant_size = (rng.randint(1100, 1300) / 10, rng.randint(320, 380) / 10)
        code = f"{next(letter)}{suffix}"
        place(_add_building(park, code, PLANT, plant_size, rng.randint(38, 48), plant))
        warehouse_size = (rng.randint(1500, 2000) / 10, rng.randint(550, 650) / 10)
        code = f"{next(letter)}{suffix}"
        place(_add_building(park, code, WAREHOUSE, warehouse_size, rng.randint(28, 36), warehouse))
        retail_size = (rng.randint(1450, 1700) / 10, rng.randint(380, 420) / 10)
        code = f"{next(letter)}{suffix}"
        place(_add_building(park, code, RETAIL, retail_size, rng.randint(180, 240), retail))


def _office_units_on_floor(rng: Random, width: float, depth: float) -> int:
    """Most floors 4–16 units of 30–300 m²; some let whole as two big L-shapes."""
    if rng.random() < 0.08:
        return 2
    ring = width * depth * 0.62  # the usable ring around core and corridor, roughly
    low = max(4, math.ceil(ring / 300))
    return round(rng.triangular(low, 16, 13))


def _add_building(
    park: ParkPlan,
    code: str,
    profile: Profile,
    size: tuple[float, float],
    base_rent: int,
    levels: Sequence[tuple[int, int]],
) -> BuildingPlan:
    """A building and its floors; ``levels`` pairs each level with its unit count."""
    same_kind = sum(1 for b in park.buildings if b.profile is profile)
    label = profile.labels[same_kind % len(profile.labels)]
    building = BuildingPlan(uuid7(), code, f"{code}栋 {label}", profile, size, base_rent)
    park.buildings.append(building)
    elevation = Decimal(0)
    for level, count in sorted(levels):
        if level < 0:
            floor_elevation = BASEMENT_STOREY * level
        else:
            floor_elevation = elevation
            elevation += profile.ground_storey if level == 1 else profile.storey
        name = floor_name(level)
        building.floors.append(len(park.floors))
        park.floors.append(
            FloorPlan(
                uuid7(),
                len(park.buildings) - 1,
                level,
                name,
                floor_elevation.quantize(ELEVATION),
                count,
            )
        )
    return building


def _draw_plate(rng: Random, building: BuildingPlan, floor: FloorPlan) -> FloorPlate:
    length, depth = building.size
    kind = building.profile.kind
    if kind is BuildingKind.OFFICE:
        return office_floor(rng, floor.count, length, depth)
    if kind is BuildingKind.INDUSTRIAL:
        return plant_floor(rng, floor.count, length, depth)
    if kind is BuildingKind.WAREHOUSE:
        return warehouse_floor(rng, floor.count, length, depth)
    return retail_floor(rng, floor.count, length, depth)


def _layout(plate: FloorPlate) -> Layout:
    """Areas, WKB, façades, walls and common rooms of a plate, computed once per layout.

    Internal areas are the polygons' areas; the shares wait for the whole
    building (:func:`_allocate`), whose shared rooms span its floors.
    """
    gross = area_m2(plate.outline)
    internals = [area_m2(p) for p in plate.units]
    min_x, min_y, max_x, max_y = plate.outline.bounds
    centre = ((min_x + max_x) / 2, (min_y + max_y) / 2, (max_x - min_x) / 2, (max_y - min_y) / 2)
    count = len(plate.units)
    neighbours: list[list[int]] = [[] for _ in range(count)]
    walk = [(i, (i + 1) % count) for i in range(count)]  # plate order follows the walls
    for i, j in adjacent_pairs(plate.units, candidates=walk):
        neighbours[i].append(j)
        neighbours[j].append(i)
    return Layout(
        gross=gross,
        outline=polygon_to_wkb(plate.outline),
        background=lines_to_wkb(plate.background),
        geometries=[polygon_to_wkb(p) for p in plate.units],
        internals=internals,
        facing=[_facing(c.x, c.y, centre) for c in (p.centroid for p in plate.units)],
        neighbours=neighbours,
        commons=_commons(plate, centre),
    )


def _commons(
    plate: FloorPlate, centre: tuple[float, float, float, float]
) -> list[tuple[CommonKind, str, bytes, Decimal]]:
    """The plate's common rooms, named as a register names them: a corridor by the side
    it runs along when the floor has several (南走廊, 北走廊 …)."""
    cx, cy, half_w, half_d = centre
    corridors = plate.common_kinds.count(CommonKind.CORRIDOR)
    out = []
    for kind, polygon in zip(plate.common_kinds, plate.common, strict=True):
        name = COMMON_NAMES[kind]
        if kind is CommonKind.CORRIDOR and corridors > 1:
            c = polygon.centroid
            dx, dy = (c.x - cx) / half_w, (c.y - cy) / half_d
            side = (0 if dx > 0 else 2) if abs(dx) >= abs(dy) else (1 if dy > 0 else 3)
            name = SIDES[side] + name
        out.append((kind, name, polygon_to_wkb(polygon), area_m2(polygon)))
    return out


def _allocate(park: ParkPlan, building: BuildingPlan, first: int) -> None:
    """Every area of the building's units (``park.units[first:]``) by the one rule.

    Floors go in by level and units by code: the order the area statement and
    ``store.areas`` share in, so an odd cent that ties lands where they put it.
    """
    members: dict[int, list[int]] = {index: [] for index in building.floors}
    for index in range(first, len(park.units)):
        members[park.units[index].floor].append(index)
    order = sorted(building.floors, key=lambda i: park.floors[i].level)
    for floor_index in order:
        members[floor_index].sort(key=lambda i: park.units[i].code)
    floors = [
        FloorInput(floor_index, park.floors[floor_index].gross, tuple(
            UnitInput(i, park.units[i].internal, park.units[i].use)
            for i in members[floor_index]))
        for floor_index in order
    ]
    areas = allocate_building(floors, BILLABLE_RULE)
    for floor_index in order:
        for index in members[floor_index]:
            unit, made = park.units[index], areas[index]
            unit.gross, unit.share = made.gross, made.share
            unit.leasable, unit.billable = made.leasable, made.billable


def _add_units(
    park: ParkPlan,
    rng: Random,
    building: BuildingPlan,
    floor: FloorPlan,
    floor_index: int,
    layout: Layout,
) -> int:
    """The floor's units for rent with their attributes and asking rent, then its common
    rooms; returns the index of the floor's first unit."""
    first = len(park.units)
    floor.gross = layout.gross
    floor.outline = layout.outline
    floor.background = layout.background
    profile = building.profile
    top = max(f.level for f in (park.floors[i] for i in building.floors))
    anchor = profile is RETAIL
    count = len(layout.geometries)
    width = sequence_width(count)  # a floor of 100 units or more: 03001 … 03120
    for position in range(count):
        number = position + 1
        internal = layout.internals[position]
        is_anchor = anchor and number == count
        not_leasable = not is_anchor and rng.random() < NOT_LEASABLE_SHARE
        status = UnitStatus.NOT_LEASABLE if not_leasable else UnitStatus.LEASABLE
        fit_out = _weighted(rng, profile.fit_outs)
        park.units.append(
            UnitPlan(
                id=uuid7(),
                floor=floor_index,
                code=unit_code(PARK_CODE, building.code, floor.level, number, width=width),
                name=_unit_name(profile, floor, number, is_anchor, not_leasable),
                status=status,
                geometry=layout.geometries[position],
                internal=internal,
                asking_rent=None
                if not_leasable
                else _asking_rent(rng, building, floor, top, fit_out, is_anchor),
                orientation=layout.facing[position],
                ceiling=_ceiling(rng, profile, floor),
                load=_floor_load(rng, profile, floor),
                power=_power(rng, profile, internal, is_anchor),
                fit_out=fit_out,
                tags=_tags(rng, profile, floor, is_anchor),
            )
        )
    for number, (kind, name, geometry, internal) in enumerate(layout.commons, start=1):
        entrance = kind is CommonKind.LOBBY and floor.level == 1  # serves the whole building
        park.units.append(
            UnitPlan(
                id=uuid7(),
                floor=floor_index,
                code=common_code(building.code, floor.level, number),
                name=ENTRANCE_LOBBY if entrance else name,
                status=UnitStatus.LEASABLE,
                geometry=geometry,
                internal=internal,
                asking_rent=None,
                orientation=None,
                ceiling=None,
                load=None,
                power=None,
                fit_out=None,
                tags=[],
                use=SpaceUse.BUILDING_COMMON if entrance else SpaceUse.COMMON,
            )
        )
    return first


def common_code(building_code: str, level: int, number: int) -> str:
    """A common room's code, after the floor's units for rent: ``ZD-A-07C01``.

    The ``C`` keeps it out of the floor's number sequence: no spelling of a
    room number (``domain.assets.numbers_on_level``) reads one in it, so
    ``free_unit_codes`` never skips or meets it.

    >>> common_code("A", 7, 1), common_code("E", -1, 2)
    ('ZD-A-07C01', 'ZD-E-B1C02')
    """
    return compose_unit_code(PARK_CODE, building_code, f"{floor_part(level)}C{number:02d}")


def _unit_name(
    profile: Profile, floor: FloorPlan, number: int, anchor: bool, not_leasable: bool
) -> str:
    if not_leasable:
        return NOT_LEASABLE_NAME
    if profile is OFFICE:
        return f"{floor.name.removesuffix('F')}{number:02d}室"
    if profile is PLANT:
        return f"{floor.name} {number}号车间"
    if profile is WAREHOUSE:
        return f"{floor.name} {number}号库"
    return f"{floor.name} 主力店" if anchor else f"{floor.name}-{number:02d} 商铺"


def _facing(x: float, y: float, centre: tuple[float, float, float, float]) -> Orientation:
    """The façade a unit looks out of: the direction from the plate centre, in eighths."""
    cx, cy, half_w, half_d = centre
    angle = math.degrees(math.atan2((y - cy) / half_d, (x - cx) / half_w)) % 360
    compass = (
        Orientation.EAST,
        Orientation.NORTH_EAST,
        Orientation.NORTH,
        Orientation.NORTH_WEST,
        Orientation.WEST,
        Orientation.SOUTH_WEST,
        Orientation.SOUTH,
        Orientation.SOUTH_EAST,
    )
    return compass[round(angle / 45) % 8]


def _asking_rent(
    rng: Random,
    building: BuildingPlan,
    floor: FloorPlan,
    top: int,
    fit_out: FitOut,
    anchor: bool,
) -> Decimal:
    """Asking rent in CNY per m² per month: by kind, floor and fit-out, in whole jiao."""
    base = building.base_rent
    profile = building.profile
    if profile is OFFICE:
        yuan = (
            base
            + 40 * floor.level // max(top, 1)
            + {FitOut.SHELL: -8, FitOut.BASIC: 0, FitOut.FITTED: 10, FitOut.PREMIUM: 22}[fit_out]
        )
        low, high = 80, 180
    elif profile is PLANT:
        yuan = base + (8 if floor.level == 1 else 0)
        low, high = 35, 60
    elif profile is WAREHOUSE:
        yuan = base + (4 if floor.level == 1 else 0)
        low, high = 25, 45
    else:
        yuan = 160 if anchor else base + {1: 90, 2: 30}.get(floor.level, -20)
        low, high = 150, 400
    jiao = yuan * 10 + rng.randint(-40, 40)
    jiao = min(max(jiao, low * 10), high * 10)
    return rate(Decimal(jiao) / 10)


def _ceiling(rng: Random, profile: Profile, floor: FloorPlan) -> Decimal:
    """Clear height in metres, a metre or more under the floor-to-floor height."""
    if profile is OFFICE:
        cm = rng.choice((280, 290, 300, 310)) + (60 if floor.level == 1 else 0)
    elif profile is PLANT:
        cm = rng.randint(80, 85) * 10 if floor.level == 1 else rng.randint(50, 54) * 10
    elif profile is WAREHOUSE:
        cm = rng.randint(90, 110) * 10
    else:
        cm = rng.randint(38, 44) * 10 + (60 if floor.level == 1 else 0)
    return (Decimal(cm) / 100).quantize(AREA)


def _floor_load(rng: Random, profile: Profile, floor: FloorPlan) -> Decimal:
    """Design live load in kN/m²: plants and warehouses carry far more than offices."""
    if profile is OFFICE:
        kn = rng.choice((25, 25, 30, 30, 40))
    elif profile is PLANT:
        kn = rng.choice((200, 250, 300)) if floor.level == 1 else rng.choice((80, 100, 120))
    elif profile is WAREHOUSE:
        kn = 300 if floor.level == 1 else 200
    else:
        kn = rng.choice((35, 40, 50))
    return (Decimal(kn) / 10).quantize(AREA)


def _power(rng: Random, profile: Profile, internal: Decimal, anchor: bool) -> Decimal:
    """Power capacity in kW from a watts-per-m² figure typical of the use."""
    if profile is OFFICE:
        watts = rng.randint(80, 120)
    elif profile is PLANT:
        watts = rng.randint(150, 300)
    elif profile is WAREHOUSE:
        watts = rng.randint(20, 50)
    else:
        watts = rng.randint(100, 150) if anchor else rng.randint(150, 350)
    return (internal * watts / 1000).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def _tags(rng: Random, profile: Profile, floor: FloorPlan, anchor: bool) -> list[str]:
    chances: tuple[tuple[str, float], ...]
    if profile is OFFICE:
        chances = (
            ("景观", 0.25 if floor.level > 10 else 0.05),
            ("独立卫生间", 0.1),
            ("货梯", 0.15),
            ("可注册", 0.6),
            ("实验室改造", 0.05),
        )
    elif profile is PLANT:
        chances = (
            ("货梯", 1.0),
            ("排水", 0.6),
            ("噪音", 0.4),
            ("双路供电", 0.25),
            ("洁净车间", 0.1),
        )
    elif profile is WAREHOUSE:
        chances = (
            ("卸货平台", 1.0),
            ("货梯", 0.0 if floor.level == 1 else 1.0),
            ("消防喷淋", 1.0),
            ("丙二类", 0.7),
        )
    else:
        street = 0.3 if floor.level == 1 else 0.0
        chances = (
            ("排水", 0.4),
            ("隔油池", 0.2),
            ("排烟", 0.25),
            ("临街", street),
            ("主力店", 1.0 if anchor else 0.0),
        )
    return [tag for tag, chance in chances if rng.random() < chance]


# -- contracts -------------------------------------------------------------------------


def _add_contracts(
    park: ParkPlan,
    rng: Random,
    building: BuildingPlan,
    layout: Layout,
    first: int,
    today: date,
) -> None:
    """Group the floor's units for rent (from ``park.units[first]``) into lets of 1–3
    adjacent units, then give each a history."""
    units = park.units[first : first + len(layout.geometries)]
    neighbours = layout.neighbours
    profile = building.profile
    whole_floor = len(units) == 2 and profile is OFFICE
    sizes = profile.sizes
    taken = [not may_sign(u.status, u.use) for u in units]
    for start in range(len(units)):
        if taken[start]:
            continue
        size = 2 if whole_floor and rng.random() < 0.6 else _weighted(rng, sizes)
        group = [start]
        taken[start] = True
        while len(group) < size:
            free = sorted({n for m in group for n in neighbours[m] if not taken[n]})
            if not free:
                break
            group.append(free[0])
            taken[free[0]] = True
        fate = _weighted(rng, FATES)
        members = [first + i for i in group]
        for i in members:
            park.units[i].status = FATE_STATUS[fate]
        asking = park.units[members[0]].asking_rent or Decimal(0)
        _lease_history(park, rng, profile, members, asking, fate, today)


def _lease_history(
    park: ParkPlan,
    rng: Random,
    profile: Profile,
    members: list[int],
    asking: Decimal,
    fate: str,
    today: date,
) -> None:
    """Contracts of one group of units, none overlapping another signed one in time."""

    def add(
        tenancy: int,
        status: ContractStatus,
        signed: date,
        starts: date,
        ends: date,
        terminated: date | None = None,
        renews: int | None = None,
    ) -> int:
        years = max(0, (today - starts).days // 365)
        pct = Decimal(rng.randint(86, 104)) * (100 - 3 * min(years, 8))
        park.contracts.append(
            ContractPlan(
                uuid7(),
                tenancy,
                members,
                status,
                signed,
                starts,
                ends,
                terminated,
                rate(asking * pct / 10000),
                kind=profile.unit_type,
                renews=renews,
            )
        )
        return len(park.contracts) - 1

    def tenancy() -> int:
        park.tenancy_kinds.append(profile.tenant_kind)
        return len(park.tenancy_kinds) - 1

    def past_before(limit: date, count: int) -> None:
        """``count`` ended contracts, the latest ending before ``limit``."""
        end = limit
        for _ in range(count):
            ends = end - timedelta(days=rng.randint(1, 75))
            starts = _add_months(ends + timedelta(days=1), -rng.choice(profile.terms))
            signed = starts - timedelta(days=rng.randint(10, 60))
            if rng.random() < 0.1:
                cut = ends - timedelta(days=rng.randint(30, max(31, (ends - starts).days // 2)))
                add(tenancy(), ContractStatus.TERMINATED, signed, starts, ends, cut)
            else:
                add(tenancy(), ContractStatus.SIGNED, signed, starts, ends)
            end = starts

    def history_count() -> int:
        roll = rng.random()
        return 0 if roll < 0.88 else 1 if roll < 0.98 else 2

    if fate == "leased":
        roll = rng.random()
        if roll < 0.07:
            ends = today + timedelta(days=rng.randint(1, 30))
        elif roll < 0.14:
            ends = today + timedelta(days=rng.randint(31, 60))
        elif roll < 0.21:
            ends = today + timedelta(days=rng.randint(61, 90))
        else:
            ends = today + timedelta(days=rng.randint(91, 1600))
        months = rng.choice(profile.terms)
        starts = _add_months(ends + timedelta(days=1), -months)
        while starts > today:
            months += 12
            starts = _add_months(ends + timedelta(days=1), -months)
        signed = starts - timedelta(days=rng.randint(10, 60))
        current = tenancy()
        let = add(current, ContractStatus.SIGNED, signed, starts, ends)
        if ends <= today + timedelta(days=90) and rng.random() < 0.35:
            renewal = ends + timedelta(days=1)
            resigned = max(signed, today - timedelta(days=rng.randint(0, 25)))
            add(
                current,
                ContractStatus.SIGNED,
                resigned,
                renewal,
                _add_months(renewal, rng.choice(profile.terms)) - timedelta(days=1),
                renews=let,
            )
        past_before(starts, history_count())
        return

    if fate == "vacant" and rng.random() < 0.15:  # never let since handover
        return
    if fate == "vacant" and rng.random() < 0.25:  # the last tenant left early (退租)
        cut = today - timedelta(days=rng.randint(1, 240))
        starts = cut - timedelta(days=rng.randint(120, 900))
        ends = _add_months(starts, rng.choice(profile.terms)) - timedelta(days=1)
        while ends <= cut:
            ends = _add_months(ends + timedelta(days=1), 12) - timedelta(days=1)
        signed = starts - timedelta(days=rng.randint(10, 60))
        add(tenancy(), ContractStatus.TERMINATED, signed, starts, ends, cut)
    elif fate == "vacant" or rng.random() < 0.4:
        past_before(today - timedelta(days=rng.randint(0, 480)), 1 + history_count() // 2)
    if fate == "vacant" and rng.random() < 0.12:  # signed, moving in soon
        starts = today + timedelta(days=rng.randint(7, 120))
        signed = today - timedelta(days=rng.randint(0, 30))
        add(
            tenancy(),
            ContractStatus.SIGNED,
            signed,
            starts,
            _add_months(starts, rng.choice(profile.terms)) - timedelta(days=1),
        )
    if fate == "reserved" and rng.random() < 0.35:  # a draft under negotiation
        signed = today + timedelta(days=rng.randint(3, 30))
        starts = signed + timedelta(days=rng.randint(15, 60))
        add(
            tenancy(),
            ContractStatus.DRAFT,
            signed,
            starts,
            _add_months(starts, rng.choice(profile.terms)) - timedelta(days=1),
        )


def _number_contracts(park: ParkPlan) -> None:
    """Codes like HT-2025-0001, numbered per signing year in signing order."""
    per_year: dict[int, int] = {}
    order = sorted(range(len(park.contracts)), key=lambda i: (park.contracts[i].signed_on, i))
    for i in order:
        contract = park.contracts[i]
        year = contract.signed_on.year
        per_year[year] = per_year.get(year, 0) + 1
        contract.code = f"HT-{year}-{per_year[year]:04d}"


# -- tenants -----------------------------------------------------------------------------


def _add_tenants(park: ParkPlan, rng: Random, wanted: int) -> None:
    """About ``wanted`` tenants, each kind of space with its own trades; all hold a contract.

    Tenancies are shared out so every tenant has one, then the rest go to
    tenants with a skew, so a few hold many lets as real anchors do.
    """
    by_kind: dict[str, list[int]] = {}
    for index, kind in enumerate(park.tenancy_kinds):
        by_kind.setdefault(kind, []).append(index)
    kinds = sorted(by_kind)
    counts = _share_out(wanted, [len(by_kind[k]) for k in kinds])
    park.tenancy_tenant = [0] * len(park.tenancy_kinds)
    names: set[str] = set()
    for kind, count in zip(kinds, counts, strict=True):
        first = len(park.tenants)
        for _ in range(count):
            park.tenants.append(make_tenant(rng, kind, len(park.tenants) + 1, names))
        lets = by_kind[kind][:]
        rng.shuffle(lets)
        weights = [1 / (rank + 1) ** 0.7 for rank in range(count)]
        rest = rng.choices(range(count), weights=weights, k=max(0, len(lets) - count))
        for let, holder in zip(lets, [*range(count), *rest], strict=True):
            park.tenancy_tenant[let] = first + holder


def _share_out(total: int, sizes: Sequence[int]) -> list[int]:
    """Split ``total`` in proportion to ``sizes``: at least 1 and at most ``size`` each."""
    whole = sum(sizes)
    exact = [total * s / whole for s in sizes]
    counts = [min(s, max(1, int(x))) for s, x in zip(sizes, exact, strict=True)]
    order = sorted(range(len(sizes)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for i in order:
        if sum(counts) >= total:
            break
        if counts[i] < sizes[i]:
            counts[i] += 1
    return counts


def make_tenant(rng: Random, kind: str, number: int, taken: set[str]) -> TenantPlan:
    """One tenant of a trade that fits ``kind`` of space, under a name not yet ``taken``
    (the leads of :mod:`demo.leasing` are named by it too)."""
    industry, words, positions = rng.choice(INDUSTRIES[kind])
    for attempt in range(50):
        (first, first_py), (second, second_py) = rng.choice(BRAND_FIRST), rng.choice(BRAND_SECOND)
        word = rng.choice(words)
        brand = first + second
        roll = rng.random()
        if roll < 0.75:
            name = f"上海{brand}{word}有限公司"
        elif roll < 0.9:
            name = f"{brand}{word}（上海）有限公司"
        else:
            name = f"上海{brand}{word}股份有限公司"
        if attempt == 49:  # a huge park ran out of names: number the branch
            name = f"{name}（{number}）"
        if name not in taken:
            break
    taken.add(name)
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"
    return TenantPlan(
        id=uuid7(),
        code=f"KH-{number:05d}",
        name=name,
        short_name=f"{brand}{word}",
        contact_name=rng.choice(SURNAMES) + given,
        contact_phone=phone,
        contact_email=f"{rng.choice(CONTACT_ROLES)}@{first_py}{second_py}.com.cn",
        industry=industry,
        chain_position=rng.choice(positions),
    )


# -- small helpers -----------------------------------------------------------------------


def _weighted(rng: Random, choices: tuple[tuple[Any, float], ...]) -> Any:
    roll = rng.random() * sum(w for _, w in choices)
    for value, weight in choices:
        roll -= weight
        if roll < 0:
            return value
    return choices[-1][0]


def _add_months(day: date, months: int) -> date:
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
