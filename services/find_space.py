"""Find space: "N m² in one piece on floors X–Y, free by date D" (issue 10), without Qt.

A unit is offered when it is vacant on D by the one rule,
:func:`domain.occupancy.is_vacant` on the facts the maps read
(:func:`store.map_query.map_units`): common areas, let, signed, reserved and
unavailable units never are. Neighbours are :mod:`spatial.adjacency`'s (facing
boundaries within 0.5 m over 1 m, so the wall between two offices does not
part them), and :func:`spatial.contiguous.find_sets` ranks the sets.

Two caches keep a second search quick; both are module-level and shared by
every reader, guarded by a lock (searches run in the GUI's worker pool):

- each floor's adjacency, keyed by the floor's id and a hash of its vacant
  units' outlines (WKB bytes, in the units' order; adjacency depends on the
  outlines alone, so the units' ids add nothing to the key). Adjacency is
  decided pair by pair, so the neighbours among the vacant units are exactly
  those of the whole floor restricted to them, at a fraction of the cost of
  the whole floor; a unit let or freed changes the key of its floor only.
- the last read of each reader (the vacant units per floor on a day), while
  the workspace's data version stands (``ReadModel``'s holdings cache relies on
  the same number): trying 300 m², then 500, then 800 on the same day reads
  the park once.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.money import money, round_to
from domain.occupancy import is_vacant
from spatial.adjacency import adjacent_pairs, neighbours
from spatial.contiguous import AT_LEAST, AT_MOST, LIMIT, MAX_UNITS, FloorUnits, find_sets
from spatial.geometry import polygon_from_wkb
from store.map_query import MapUnit, map_units
from store.read_model import ParkNode, ReadModel, Scope

ADJACENCY_FLOORS = 8192  # floors whose adjacency is kept (a 20,000-unit park has ~1,900)


@dataclass(frozen=True)
class CandidateUnit:
    """One unit of a candidate: what the list shows and the plan highlights."""

    id: uuid.UUID
    code: str
    area: Decimal  # leasable, m²
    asking_rent: Decimal | None  # per m² per month


@dataclass(frozen=True)
class SpaceCandidate:
    """Neighbouring vacant units on one floor that together come close to the area asked."""

    floor_id: uuid.UUID
    building_id: uuid.UUID
    building_code: str
    level: int
    floor_name: str
    units: tuple[CandidateUnit, ...]
    area: Decimal  # the units' leasable area, m²
    rent: Decimal | None  # their asking rent per month, to the cent; None if one has none
    currency: str  # the park's
    fit: Decimal  # |area − asked| / asked, 0–1 to four places: 0 is a perfect fit
    share: Decimal  # area as a percent of the area asked, to one place

    @property
    def unit_ids(self) -> list[uuid.UUID]:
        return [u.id for u in self.units]

    @property
    def unit_codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.units)


@dataclass(frozen=True)
class _FloorPlace:
    building_id: uuid.UUID
    building_code: str
    level: int
    name: str
    currency: str


@dataclass(frozen=True)
class _VacantFloor:
    """A floor's units vacant on the day, in code order, and what finds their neighbours."""

    id: uuid.UUID
    place: _FloorPlace
    units: tuple[CandidateUnit, ...]
    outlines: tuple[bytes | None, ...]  # WKB, the floor's coordinates
    key: tuple[uuid.UUID, bytes]  # its adjacency's in the cache: the id, the outlines' hash


@dataclass(frozen=True)
class _Read:
    version: int
    scope: Scope
    day: date
    floors: tuple[_VacantFloor, ...]


_lock = threading.Lock()
_adjacency: OrderedDict[tuple[uuid.UUID, bytes], list[list[int]]] = OrderedDict()
_reads: weakref.WeakKeyDictionary[ReadModel, _Read] = weakref.WeakKeyDictionary()


def find_space(
    reader: ReadModel,
    park_or_building: Scope,
    area: Decimal,
    day: date,
    levels: tuple[int, int] | None = None,
    limit: int = LIMIT,
    *,
    at_least: Decimal = AT_LEAST,
    at_most: Decimal = AT_MOST,
    max_units: int = MAX_UNITS,
) -> list[SpaceCandidate]:
    """The ``limit`` best sets of up to ``max_units`` neighbouring units vacant on ``day``.

    ``park_or_building`` is where to look (a floor's scope works too); ``levels``
    the lowest and highest level, both included (-1 is the first basement). A set
    totals between ``at_least`` and ``at_most`` times ``area``
    (:mod:`spatial.contiguous`'s ranking: closest area, then cheaper, then fewer
    units). Raises ``ValueError`` for an area not above zero or levels upside down.
    """
    if area <= 0:
        raise ValueError(f"the area asked must be above zero, not {area}")
    if levels is not None and levels[0] > levels[1]:
        raise ValueError(f"levels {levels[0]}–{levels[1]}: the lowest comes first")
    floors = [f for f in _vacant_floors(reader, park_or_building, day)
              if levels is None or levels[0] <= f.place.level <= levels[1]]
    plates = [FloorUnits([u.area for u in f.units], [u.asking_rent for u in f.units],
                         _neighbours(f.key, f.outlines), [True] * len(f.units))
              for f in floors]
    found = find_sets(plates, area, at_least, at_most, max_units, limit)
    return [_candidate(floors[s.floor], s.units, s.area, s.rent, area) for s in found]


def _neighbours(key: tuple[uuid.UUID, bytes],
                outlines: Sequence[bytes | None]) -> list[list[int]]:
    """Each outline's neighbours among ``outlines`` (one floor's), from the cache when it has
    them; a unit without an outline has none."""
    with _lock:
        cached = _adjacency.get(key)
        if cached is not None:
            _adjacency.move_to_end(key)
            return cached
    drawn = [i for i, outline in enumerate(outlines) if outline is not None]
    shapes = [polygon_from_wkb(outlines[i]) for i in drawn]  # type: ignore[arg-type]
    pairs = adjacent_pairs(shapes) if len(shapes) > 1 else []
    found = neighbours(((drawn[i], drawn[j]) for i, j in pairs), len(outlines))
    with _lock:
        _adjacency[key] = found
        while len(_adjacency) > ADJACENCY_FLOORS:
            _adjacency.popitem(last=False)
    return found


def forget_cached() -> None:
    """Drop both caches (tests measure a cold search; nothing else needs this)."""
    with _lock:
        _adjacency.clear()
        _reads.clear()


# -- reading ---------------------------------------------------------------------------------


def _vacant_floors(reader: ReadModel, scope: Scope, day: date) -> tuple[_VacantFloor, ...]:
    """The floors in ``scope`` with their units vacant on ``day``, in the park tree's order."""
    version = reader.source.version()
    if version is not None:
        with _lock:
            last = _reads.get(reader)
        if last is not None and (last.version, last.scope, last.day) == (version, scope, day):
            return last.floors
    places = _floor_places(reader.park_tree())
    by_floor: dict[uuid.UUID, list[MapUnit]] = {}
    for unit in map_units(reader, scope, day, for_rent_only=True):  # common: never vacant
        facts = unit.facts
        if is_vacant(facts.status, facts.occupancy, facts.use):
            by_floor.setdefault(unit.floor_id, []).append(unit)
    floors = []
    for floor_id, place in places.items():  # the tree's order: building, then level
        units = sorted(by_floor.get(floor_id, ()), key=lambda u: u.code)
        if units:
            outlines = tuple(u.geometry for u in units)
            floors.append(_VacantFloor(
                floor_id, place,
                tuple(CandidateUnit(u.id, u.code, u.facts.area, u.facts.asking_rent)
                      for u in units),
                outlines, (floor_id, _digest(outlines))))
    result = tuple(floors)
    if version is not None:
        with _lock:
            _reads[reader] = _Read(version, scope, day, result)
    return result


def _floor_places(tree: Iterable[ParkNode]) -> dict[uuid.UUID, _FloorPlace]:
    return {floor.id: _FloorPlace(building.id, building.code, floor.level, floor.name,
                                  park.currency)
            for park in tree for building in park.buildings for floor in building.floors}


def _candidate(floor: _VacantFloor, units: tuple[int, ...], area: Decimal,
               rent: Decimal | None, asked: Decimal) -> SpaceCandidate:
    place = floor.place
    return SpaceCandidate(
        floor.id, place.building_id, place.building_code, place.level, place.name,
        tuple(floor.units[i] for i in units), area, None if rent is None else money(rent),
        place.currency, round_to(abs(area - asked) / asked, 4), round_to(area * 100 / asked, 1))


def _digest(outlines: Sequence[bytes | None]) -> bytes:
    """What the floor's adjacency depends on: its outlines, in order (ids come with the key)."""
    digest = hashlib.blake2b(digest_size=16)
    for outline in outlines:
        digest.update(len(outline or b"").to_bytes(4, "little"))
        digest.update(outline or b"")
    return digest.digest()

