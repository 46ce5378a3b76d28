"""Matches for a lead (issue 11): vacant units and sets of neighbouring vacant units, ranked.

What is offered, by the one rule for vacancy (:func:`domain.occupancy.is_vacant`):

- single units for rent (never common area) vacant on ``on``, and those let on
  ``on`` whose lease ends before the lead's move-in date with no one following
  (free from the day after the lease's last day);
- sets of two or more neighbouring units on one floor, all vacant on ``on``,
  found by :func:`services.find_space.find_space` (its adjacency across walls,
  its caches) within the areas that earn any area points
  (:func:`domain.leasing.matching.area_window`). That search keeps the
  ``POOL`` sets nearest the middle of the range asked; they are then scored
  with the singles, so a set is only ever as good as its reasons say.

Everything is scored by :func:`domain.leasing.matching.score` and ranked by
:func:`domain.leasing.matching.rank`. A unit's type, tags, leasable area and
asking rent per m² per month are the unit table's (``units.unit_type``,
``tags``, ``leasable_area``, ``asking_rent``), read as raw ``unit_rows``
through the read model. Two module-level caches, per reader and guarded by a
lock, keep a second lead quick while the workspace's data version stands: the
park's units for rent, and what is free on a day (a person going through the
pipeline board matches lead after lead on the same day).
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.assets import UnitStatus, UnitType
from domain.contracts import holding_on, last_day
from domain.leasing.matching import Candidate, Match, area_window, rank, set_asking_rent
from domain.leasing.pipeline import LeadNeeds
from domain.occupancy import is_vacant
from domain.space_use import SpaceUse
from services import find_space as space
from spatial.contiguous import MAX_UNITS
from store.decode import Members, as_decimal, as_id, as_strings
from store.read_model import ParkNode, ReadModel, Scope

POOL = 100  # sets of two or more units taken from the space search to be scored

_TYPES = Members(UnitType)
_STATUSES = Members(UnitStatus)
_USES = Members(SpaceUse)


@dataclass(frozen=True)
class RankedMatch:
    """One line of the lead's matches: its place, what is offered, and its score's reasons."""

    rank: int  # 1 is the best
    candidate: Candidate
    match: Match
    currency: str  # the park's: budget and asking rents are in it

    @property
    def score(self) -> int:
        return self.match.score

    @property
    def unit_ids(self) -> tuple[uuid.UUID, ...]:
        """What "show on plan" highlights (on ``candidate.floor_id``)."""
        return self.candidate.unit_ids

    @property
    def unit_codes(self) -> tuple[str, ...]:
        return self.candidate.unit_codes


@dataclass(frozen=True)
class _Unit:
    id: uuid.UUID
    code: str
    floor_id: uuid.UUID | None
    building_code: str
    level: int
    floor_name: str
    unit_type: UnitType
    status: UnitStatus
    use: SpaceUse
    area: Decimal  # leasable, m²
    asking: Decimal | None  # per m² per month
    tags: frozenset[str]


@dataclass(frozen=True)
class _Catalogue:
    version: int
    scope: Scope
    units: tuple[_Unit, ...]  # for rent only
    by_id: dict[uuid.UUID, _Unit]


@dataclass(frozen=True)
class _Free:
    version: int
    scope: Scope
    day: date
    units: tuple[tuple[_Unit, Candidate], ...]  # each unit free by some day, offered alone


_lock = threading.Lock()
_trees: weakref.WeakKeyDictionary[ReadModel, tuple[int, list[ParkNode]]] = \
    weakref.WeakKeyDictionary()
_catalogues: weakref.WeakKeyDictionary[ReadModel, _Catalogue] = weakref.WeakKeyDictionary()
_frees: weakref.WeakKeyDictionary[ReadModel, _Free] = weakref.WeakKeyDictionary()


def match_lead(reader: ReadModel, needs: LeadNeeds, on: date,
               park: str | uuid.UUID | None = None, limit: int = 20,
               *, max_units: int = MAX_UNITS) -> list[RankedMatch]:
    """The ``limit`` best matches for ``needs`` in ``park`` (its code or id; None: the only
    park) as things stand on ``on``, best first.

    ``max_units`` is the most units a set may join (1: single units only). Raises
    ``LookupError`` for an unknown park (or none named when there are several) and
    ``ValueError`` for a limit below 1.
    """
    if limit < 1 or max_units < 1:
        raise ValueError("limit and max_units must be at least 1")
    node = _park(_tree(reader), park)
    scope = Scope("park", node.id)
    catalogue = _catalogue(reader, scope, node)
    lo, hi = area_window(needs)
    wanted = set(needs.building_codes)
    by = max(on, needs.move_in_on or on)
    candidates = [alone for unit, alone in _free_units(reader, catalogue, on)
                  if alone.available_from <= by and lo <= unit.area <= hi
                  and (not wanted or unit.building_code in wanted)]
    if max_units > 1:
        candidates += _sets(reader, scope, catalogue, needs, on, max_units, wanted)
    ranked = rank(needs, candidates, on, limit)
    return [RankedMatch(i, c, m, node.currency) for i, (c, m) in enumerate(ranked, 1)]


def forget_cached() -> None:
    """Drop this module's caches and the space search's (a bench measuring a cold match)."""
    with _lock:
        _trees.clear()
        _catalogues.clear()
        _frees.clear()
    space.forget_cached()


# -- candidates ------------------------------------------------------------------------------


def _single(unit: _Unit, free_from: date) -> Candidate:
    return Candidate(
        unit_codes=(unit.code,), unit_areas=(unit.area,), area=unit.area,
        asking_rent=unit.asking, available_from=free_from, unit_types=(unit.unit_type,),
        tags=unit.tags, unit_ids=(unit.id,), floor_id=unit.floor_id,
        building_code=unit.building_code, level=unit.level, floor_name=unit.floor_name)


def _sets(reader: ReadModel, scope: Scope, catalogue: _Catalogue, needs: LeadNeeds,
          on: date, max_units: int, wanted: set[str]) -> list[Candidate]:
    """Sets of two or more neighbouring units vacant on ``on`` (the space search's)."""
    lo, hi = area_window(needs)
    middle = (needs.area_min + needs.area_max) / 2
    found = space.find_space(reader, scope, middle, on, limit=POOL, at_least=lo / middle,
                             at_most=hi / middle, max_units=max_units)
    out = []
    for found_set in found:
        if len(found_set.units) < 2 or (wanted and found_set.building_code not in wanted):
            continue
        units = [catalogue.by_id.get(u.id) for u in found_set.units]
        if any(u is None for u in units):
            continue  # read at another version than the catalogue: left for the next search
        members = [u for u in units if u is not None]
        out.append(Candidate(
            unit_codes=found_set.unit_codes, unit_areas=tuple(u.area for u in members),
            area=found_set.area,
            asking_rent=set_asking_rent([(u.area, u.asking) for u in members]),
            available_from=on, unit_types=tuple(u.unit_type for u in members),
            tags=frozenset().union(*(u.tags for u in members)),
            unit_ids=tuple(u.id for u in members), floor_id=found_set.floor_id,
            building_code=found_set.building_code, level=found_set.level,
            floor_name=found_set.floor_name))
    return out


# -- reading ---------------------------------------------------------------------------------


def _tree(reader: ReadModel) -> list[ParkNode]:
    """The register tree, read once per data version (a big park's has ~2,000 floors)."""
    version = reader.source.version()
    if version is None:
        return reader.park_tree()
    with _lock:
        last = _trees.get(reader)
    if last is not None and last[0] == version:
        return last[1]
    tree = reader.park_tree()
    with _lock:
        _trees[reader] = (version, tree)
    return tree


def _park(tree: Sequence[ParkNode], park: str | uuid.UUID | None) -> ParkNode:
    if park is None:
        if len(tree) == 1:
            return tree[0]
        raise LookupError(f"name the park: the workspace has {len(tree)}")
    for node in tree:
        if park in (node.id, node.code):
            return node
    raise LookupError(f"no park {park}; there are: {', '.join(n.code for n in tree)}")


def _catalogue(reader: ReadModel, scope: Scope, node: ParkNode) -> _Catalogue:
    """The park's units for rent with what matching reads of them (cached per version)."""
    version = reader.source.version()
    if version is not None:
        with _lock:
            last = _catalogues.get(reader)
        if last is not None and (last.version, last.scope) == (version, scope):
            return last
    floors = {(b.code, f.level): f.id for b in node.buildings for f in b.floors}
    units = []
    for record in reader.fetch("unit_rows", scope):
        (uid, code, _name, building_code, _building_name, floor_name, level, unit_type,
         status, _gross, _internal, _common, leasable, _billable, asking, *_rest) = record
        tags, use = record[20], record[23]
        if use != SpaceUse.LEASABLE.value:
            continue  # common area is never offered
        units.append(_Unit(as_id(uid), code, floors.get((building_code, level)),
                           building_code, level, floor_name, _TYPES[unit_type],
                           _STATUSES[status], _USES[use], Decimal(leasable),
                           as_decimal(asking), frozenset(as_strings(tags))))
    catalogue = _Catalogue(version if version is not None else -1, scope, tuple(units),
                           {u.id: u for u in units})
    if version is not None:
        with _lock:
            _catalogues[reader] = catalogue
    return catalogue


def _free_units(reader: ReadModel, catalogue: _Catalogue,
                on: date) -> tuple[tuple[_Unit, Candidate], ...]:
    """Each unit vacant on ``on`` (free from ``on``), or let then and vacant the day after its
    lease's last day (free from that day), by the one rule of vacancy; as a candidate alone."""
    version = reader.source.version()
    if version is not None:
        with _lock:
            last = _frees.get(reader)
        if last is not None and (last.version, last.scope, last.day) == (
                version, catalogue.scope, on):
            return last.units
    holds = reader.holdings(catalogue.scope)
    free: list[tuple[_Unit, Candidate]] = []
    for unit in catalogue.units:
        mine = holds.get(unit.id, ())
        occupancy, hold = holding_on(mine, on)
        if is_vacant(unit.status, occupancy, unit.use):
            free.append((unit, _single(unit, on)))
        elif hold is not None:
            after = last_day(hold.term) + timedelta(days=1)
            if is_vacant(unit.status, holding_on(mine, after)[0], unit.use):
                free.append((unit, _single(unit, after)))
    result = tuple(free)
    if version is not None:
        with _lock:
            _frees[reader] = _Free(version, catalogue.scope, on, result)
    return result
