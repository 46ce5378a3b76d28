"""The meter tree's check looks only near the meter placed, and says what the whole tree says.

``services.meters`` checks a meter created or edited against the part of the tree it can
change (its new ancestors, a sibling, its former ancestors, its children), so creating a
thousand meters no longer reads the park's tree a thousand times. Here random trees are
built and changed through the service, with now and then a change written past it (a loop,
a sub meter under another utility, a unit's meter feeding others: what a sync merge can
leave), and every answer is compared with the whole-tree rule it replaced: the flags
``tree_flags`` raises on the whole tree after the change that it did not raise before,
those of the meter moved if it has any. Refused or written, and with the same words.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from itertools import count
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from domain.billing.meters import Meter, Utility, tree_flags
from services.meters import MeterRefused, MeterSpec, _flag_message, create_meter, edit_meter
from services.meters import meter_tree as live_meters
from store.schema import Meter as MeterRow
from store.schema import Unit
from store.workspace import Workspace
from tests.small_leases import open_small, park_id

E, W = "electricity", "water"
NUMBERS = count(1)  # codes once in the module's workspace (archived ones keep theirs)
Part = tuple[str, tuple[tuple[str, str], ...]]


def whole_tree_answer(ws: Workspace, pid: uuid.UUID, spec: MeterSpec,
                      meter_id: uuid.UUID | None) -> list[Part]:
    """The parts of the refusal the whole-tree rule gives (none: the meter is written)."""
    with ws.reading() as s:
        before = live_meters(s, pid)
        units = {code: str(u) for code, u in s.execute(select(Unit.code, Unit.id))}
    ids = {m.code: m.id for m in before}
    me = str(meter_id) if meter_id is not None else "new"
    moved = Meter(me, spec.code, Utility(spec.utility),
                  ids[spec.parent] if spec.parent else None,
                  units[spec.unit] if spec.unit else None, Decimal(1), None, ("total",))
    after = [m for m in before if m.id != me] + [moved]
    known = {(f.code, f.meter_id) for f in tree_flags(before)}
    new = [f for f in tree_flags(after) if (f.code, f.meter_id) not in known]
    new = [f for f in new if f.meter_id == me] or new
    names = {u: code for code, u in units.items()}
    codes = {m.id: m.code for m in after}
    return sorted(_part(_flag_message(f, codes, names)) for f in new)


def _part(message: object) -> Part:
    return (message.code, tuple(sorted(message.params.items())))  # type: ignore[attr-defined]


def service_answer(ws: Workspace, pid: uuid.UUID, spec: MeterSpec,
                   meter_id: uuid.UUID | None) -> tuple[list[Part], uuid.UUID | None]:
    try:
        made = create_meter(ws, pid, spec) if meter_id is None else edit_meter(ws, meter_id,
                                                                                 spec)
    except MeterRefused as refused:
        assert refused.code == "meter-tree", refused
        return sorted(_part(p) for p in refused.parts), None
    return [], made


def _tree(ws: Workspace, pid: uuid.UUID) -> dict[str, MeterRow]:
    with ws.reading() as s:
        return {r.code: r for r in s.scalars(select(MeterRow).where(
            MeterRow.park_id == pid, ~MeterRow.archived))}


def _unit_codes(ws: Workspace) -> list[str]:
    with ws.reading() as s:
        return sorted(s.scalars(select(Unit.code)))


def _below(rows: dict[str, MeterRow], code: str) -> list[str]:
    """The meters beneath ``code`` (a loop is not followed twice)."""
    by_parent: dict[uuid.UUID, list[MeterRow]] = {}
    for r in rows.values():
        if r.parent_id is not None:
            by_parent.setdefault(r.parent_id, []).append(r)
    out, todo, seen = [], [rows[code]], {rows[code].id}
    while todo:
        for child in by_parent.get(todo.pop().id, []):
            if child.id not in seen:
                seen.add(child.id)
                out.append(child.code)
                todo.append(child)
    return out


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = open_small(tmp_path_factory.mktemp("tree") / "tree.leasemap")
    yield ws
    ws.close()


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_the_near_check_answers_as_the_whole_tree_does(workspace, seed):
    ws, rng = workspace, Random(seed)
    pid = park_id(ws)
    with ws.transaction() as s:  # each example from an empty tree
        for row in s.scalars(select(MeterRow).where(~MeterRow.archived)):
            row.archived = True
    units = _unit_codes(ws)
    written = 0
    for step in range(45):
        rows = _tree(ws, pid)
        codes = sorted(rows)
        roll = rng.random()
        if codes and roll < 0.1:  # a change written past the check
            victim = rows[rng.choice(codes)]
            with ws.transaction() as s:
                row = s.get(MeterRow, victim.id)
                twist = rng.choice(("parent", "utility", "unit"))
                if twist == "parent":
                    row.parent_id = rows[rng.choice(codes)].id
                elif twist == "utility":
                    row.utility = W if row.utility == E else E
                else:
                    with s.no_autoflush:
                        row.unit_id = s.scalar(select(Unit.id).where(
                            Unit.code == rng.choice(units)))
            continue
        editing = bool(codes) and roll < 0.55
        code = rng.choice(codes) if editing else f"M{next(NUMBERS):05d}"
        me = rows[code] if editing else None
        if editing and rng.random() < 0.4 and _below(rows, code):
            parent = rng.choice(_below(rows, code))  # a loop, most likely
        else:  # any meter: itself too, when edited
            parent = rng.choice(codes) if codes and rng.random() < 0.8 else None
        parent_utility = rows[parent].utility if parent else E
        utility = parent_utility if rng.random() < 0.8 else rng.choice((E, W))
        unit = rng.choice(units) if rng.random() < 0.4 else None
        spec = MeterSpec(code, utility, parent=parent, unit=unit)
        expected = whole_tree_answer(ws, pid, spec, me.id if me else None)
        got, _made = service_answer(ws, pid, spec, me.id if me else None)
        assert got == expected, (seed, step, spec)
        written += not got
    assert written > 0  # a seed that only refused would say little


def test_a_thousand_meters_under_one_main_meter_are_each_checked_near_it(tmp_path):
    """Each create reads its parent, its parent's chain and one sibling, not the park: the
    meter rows a create loads stay the same however many meters the park has."""
    ws = open_small(tmp_path / "wide.leasemap")
    try:
        pid = park_id(ws)
        create_meter(ws, pid, MeterSpec("MAIN", E))
        loaded: list[int] = []
        seen = {"rows": 0}

        def on_load(target, _context) -> None:
            seen["rows"] += 1

        event.listen(MeterRow, "load", on_load)
        try:
            for n in range(300):
                seen["rows"] = 0
                create_meter(ws, pid, MeterSpec(f"S-{n:04d}", E, parent="MAIN"))
                loaded.append(seen["rows"])
        finally:
            event.remove(MeterRow, "load", on_load)
        assert max(loaded) <= 3, loaded[-5:]  # MAIN, one sibling: never the 300
        # And the tree still refuses what it must, at this size.
        with pytest.raises(MeterRefused) as refused:
            edit_meter(ws, _tree(ws, pid)["MAIN"].id, MeterSpec("MAIN", E, parent="S-0150"))
        assert [p.code for p in refused.value.parts] == ["meter-cycle"]
        with pytest.raises(MeterRefused) as refused:
            create_meter(ws, pid, MeterSpec("W-1", W, parent="S-0299"))
        assert [p.code for p in refused.value.parts] == ["meter-utility-differs"]
    finally:
        ws.close()
