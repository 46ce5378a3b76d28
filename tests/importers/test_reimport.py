"""Matching a revised drawing's rooms to existing units: key, then code, then overlap."""

from __future__ import annotations

from decimal import Decimal

from shapely.geometry import box

from importers.plan import PlanUnit
from importers.reimport import ExistingUnit, diff_floor


def old(i: int, key: str, code: str, x0: float, x1: float) -> ExistingUnit:
    return ExistingUnit(i, key, code, box(x0, 0, x1, 10))


def new(key: str, code: str, x0: float, x1: float) -> PlanUnit:
    return PlanUnit(key, code, "", box(x0, 0, x1, 10))


def test_match_order_and_leftovers():
    existing = [
        old(1, "h1", "ZD-A-0101", 0, 10),
        old(2, "h2", "ZD-A-0102", 10, 20),
        old(3, "h3", "ZD-A-0103", 20, 30),
        old(4, "h4", "ZD-A-0104", 40, 50),
    ]
    incoming = [
        new("h1", "101", 0, 10),
        new("x", "102", 300, 311),  # far away: only the code can match it
        new("y", "z", 20.5, 30),
        new("h7", "107", 60, 70),
    ]
    diff = diff_floor(existing, incoming, "ZD", "A")
    by = {m.existing.id: m.by for m in diff.matched}
    assert by == {1: "key", 2: "code", 3: "overlap"}
    assert [u.key for u in diff.added] == ["h7"]
    assert [u.id for u in diff.removed] == [4]
    assert [m.existing.id for m in diff.unchanged] == [1]
    changed = {m.existing.id: m.area_change for m in diff.changed}
    assert changed == {2: Decimal("10.00"), 3: Decimal("-5.00")}


def test_code_match_compares_the_local_part_with_the_label():
    existing = [old(1, "", "ZD-A-0303", 0, 10), old(2, "", "ZD-A-B102", 10, 20),
                old(3, "", "ZD-A-301室", 20, 30)]
    incoming = [new("", "303", 500, 510), new("", "b0102", 600, 610), new("", "301室", 700, 710)]
    diff = diff_floor(existing, incoming, "ZD", "A")
    assert {m.existing.id: (m.by, m.incoming.code) for m in diff.matched} == {
        1: ("code", "303"), 2: ("code", "b0102"), 3: ("code", "301室")}
    # Without the building's prefix a full code never equals a label: nothing matches.
    assert diff_floor(existing, incoming).matched == ()
    # Another building's code is not this building's unit.
    assert diff_floor([old(1, "", "ZD-B-0303", 0, 10)], [new("", "303", 500, 510)],
                      "ZD", "A").matched == ()


def test_a_label_or_key_two_rooms_share_identifies_neither():
    existing = [old(1, "k", "ZD-A-0303", 0, 10)]
    twice = [new("", "303", 500, 510), new("", "0303", 600, 610)]
    diff = diff_floor(existing, twice, "ZD", "A")
    assert diff.matched == () and len(diff.added) == 2 and len(diff.removed) == 1
    keys = diff_floor(existing, [new("k", "", 500, 510), new("k", "", 600, 610)])
    assert keys.matched == () and len(keys.added) == 2


def test_overlap_below_half_is_not_a_match():
    diff = diff_floor([old(1, "a", "1", 0, 10)], [new("b", "2", 6, 16)])
    assert diff.matched == () and len(diff.added) == 1 and len(diff.removed) == 1


def test_one_to_one_even_when_two_rooms_overlap_one_unit():
    diff = diff_floor([old(1, "a", "1", 0, 10)], [new("b", "2", 0, 9), new("c", "3", 1, 10)])
    assert len(diff.matched) == 1 and len(diff.added) == 1


def test_a_bare_handle_never_meets_a_scoped_one():
    """An older import stored bare handles; handles repeat across drawings, so none pairs."""
    scope = "{4F1C2A9E-0B7D-4C55-9E1A-3D2B6C8F0A11}"
    existing = [old(1, "2F", "ZD-A-0101", 0, 10), old(2, "31", "ZD-A-0102", 10, 20)]
    incoming = [new(f"{scope}:2F", "999", 500, 510),  # the bare key's handle, elsewhere
                new(f"{scope}:31", "102", 10, 20)]
    diff = diff_floor(existing, incoming, "ZD", "A")
    assert {m.existing.id: m.by for m in diff.matched} == {2: "code"}
    assert [u.code for u in diff.added] == ["999"] and [u.id for u in diff.removed] == [1]


def test_a_code_that_is_only_a_handle_is_no_label():
    """An unlabelled DXF room has no code (its handle is only its key): no label pairs it."""
    handled = PlanUnit("", "", "", box(500, 0, 510, 10), source={"handle": "2F"})
    labelled = PlanUnit("", "2F", "", box(500, 0, 510, 10), source={"code_from": "label"})
    existing = [old(1, "", "ZD-A-2F", 0, 10)]
    assert diff_floor(existing, [handled], "ZD", "A").matched == ()
    assert [m.by for m in diff_floor(existing, [labelled], "ZD", "A").matched] == ["code"]
    # Where it lies still counts; the unit's code, made of that handle, is to be renumbered.
    near = PlanUnit("", "", "", box(0, 0, 10, 10), source={"handle": "2F"})
    [match] = diff_floor(existing, [near], "ZD", "A").matched
    assert (match.by, match.renumber, match.relabel) == ("overlap", True, None)


def test_an_overlap_match_whose_labels_differ_says_so():
    """A room labelled 308 over most of ZD-A-0301 is still matched, but as a relabelled one."""
    existing = [old(1, "h1", "ZD-A-0301", 0, 10), old(2, "h2", "ZD-A-0302", 10, 20),
                old(3, "h3", "ZD-A-03", 20, 30)]
    handled = PlanUnit("", "", "", box(10, 0, 19, 10), source={"handle": "2F"})
    incoming = [new("x1", "308", 0, 9), handled, new("x3", "0303", 20, 29)]
    diff = diff_floor(existing, incoming, "ZD", "A")
    relabels = {m.existing.id: (m.by, m.relabel) for m in diff.matched}
    assert relabels == {
        1: ("overlap", ("0301", "308")),
        2: ("overlap", None),  # the room has no label of its own: nothing differs
        3: ("overlap", ("03", "0303")),
    }
    assert [m.relabelled for m in diff.matched] == [True, False, True]
    # The same label, only padded otherwise, is no relabel.
    same = diff_floor([old(1, "h1", "ZD-A-0301", 0, 10)], [new("x", "301", 0, 9)], "ZD", "A")
    assert [(m.by, m.relabel) for m in same.matched] == [("code", None)]


def test_a_room_of_two_numbers_matches_its_unit_by_label():
    """``302,304`` in the drawing is ``ZD-A-302-304`` in the register."""
    existing = [old(1, "", "ZD-A-302-304", 0, 10)]
    diff = diff_floor(existing, [new("x", "302,304", 500, 510)], "ZD", "A")
    assert [m.by for m in diff.matched] == ["code"]
