"""What ``leasemap classify-rooms`` and the classify dialog say, in the reader's language.

Qt-free like :mod:`views.message_text` (whose ``translate`` it uses), so a
command run in English loads no Qt. The plan arrives as its ``to_json()``
record, the same the ``--json`` report prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from views.message_text import translate

USE_NAMES: dict[str, Callable[[], str]] = {
    "leasable": lambda: translate("ClassifyRooms", "for rent"),
    "common": lambda: translate("ClassifyRooms", "common (floor)"),
    "building_common": lambda: translate("ClassifyRooms", "common (building)"),
}


def use_name(value: str) -> str:
    maker = USE_NAMES.get(value)
    return maker() if maker else value


def reason_text(reason: str, word: str) -> str:
    """Why the rules decided so: the word that matched, or that nothing did."""
    if reason == "room-number":
        return translate("ClassifyRooms", "a room number only ({word})").replace("{word}", word)
    if reason == "undecided":
        return translate("ClassifyRooms", "nothing in its name decides: for rent, please check")
    return translate("ClassifyRooms", "the word “{word}”").replace("{word}", word)


def _area(value: str | Decimal) -> str:
    return f"{Decimal(value):,.2f}"


def _fill(template: str, **params: object) -> str:
    for key, value in params.items():
        template = template.replace("{" + key + "}", str(value))
    return template


LISTED = 12  # names a line lists before it counts the rest


def listed(names: list[str]) -> str:
    """Names joined, the first :data:`LISTED` of them and how many more (a tower's rooms are
    hundreds)."""
    if len(names) <= LISTED:
        return ", ".join(names)
    more = translate("ClassifyRooms", "and {n} more").replace("{n}", str(len(names) - LISTED))
    return f"{', '.join(names[:LISTED])} … {more}"


def level_ranges(levels: list[int]) -> str:
    """Levels as runs: ``1–60``, ``-2–-1, 1–3, 5``."""
    runs: list[list[int]] = []
    for level in sorted(levels):
        if runs and level == runs[-1][1] + 1:
            runs[-1][1] = level
        else:
            runs.append([level, level])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def classify_lines(plan: Mapping[str, Any]) -> list[str]:
    """The rehearsal (or what was done) as the command prints it, one line each."""
    levels = level_ranges(plan["levels"])
    changes = plan["changes"]
    if plan["applied"]:
        head = translate(
            "ClassifyRooms", "Building {building}, levels {levels}: {n} rooms changed use")
    else:
        head = translate(
            "ClassifyRooms", "Building {building}, levels {levels}: {n} rooms would change "
            "use (rehearsal: nothing was written; run without --dry-run to apply)")
    done = [c for c in changes if not c["contracts"]]
    lines = [_fill(head, building=plan["building"], levels=levels, n=len(done))]
    for change in changes:
        line = _fill(translate("ClassifyRooms", "  {code} {name}: {before} → {after} ({why})"),
                     code=change["code"], name=change["name"] or "—",
                     before=use_name(change["use_before"]), after=use_name(change["use_after"]),
                     why=reason_text(change["reason"], change["word"]))
        if change["contracts"]:
            line += _fill(translate(
                "ClassifyRooms",
                " — not changed: under contract {contracts}, it needs an amendment"),
                contracts=", ".join(change["contracts"]))
        lines.append(line)
    if plan["area_changes"]:
        lines.append(_fill(translate("ClassifyRooms", "Areas that move ({n} units):"),
                           n=len(plan["area_changes"])))
        for move in plan["area_changes"]:
            lines.append(_fill(translate(
                "ClassifyRooms", "  {code}: share {share_before} → {share_after} m², leasable "
                "{leasable_before} → {leasable_after} m², billable {billable_before} → "
                "{billable_after} m²"), code=move["code"],
                **{k: _area(move[k]) for k in (
                    "share_before", "share_after", "leasable_before", "leasable_after",
                    "billable_before", "billable_after")}))
    if plan["undecided"]:
        lines.append(_fill(translate("ClassifyRooms", "For rent, but nothing in the name decides "
                                     "(please check): {units}"),
                           units=listed([f"{u['code']} {u['name']}".strip()
                                         for u in plan["undecided"]])))
    if plan["kept_manual"]:
        lines.append(_fill(translate("ClassifyRooms", "Kept as a person set them: {units}"),
                           units=listed(plan["kept_manual"])))
    if not changes:
        lines.append(translate("ClassifyRooms",
                               "Every room already has the use its name gives it."))
    return lines
