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


def classify_lines(plan: Mapping[str, Any]) -> list[str]:
    """The rehearsal (or what was done) as the command prints it, one line each."""
    levels = ", ".join(str(level) for level in plan["levels"])
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
                           units=", ".join(f"{u['code']} {u['name']}".strip()
                                           for u in plan["undecided"])))
    if plan["kept_manual"]:
        lines.append(_fill(translate("ClassifyRooms", "Kept as a person set them: {units}"),
                           units=", ".join(plan["kept_manual"])))
    if not changes:
        lines.append(translate("ClassifyRooms",
                               "Every room already has the use its name gives it."))
    return lines
