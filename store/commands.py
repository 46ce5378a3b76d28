"""The commands this client writes to its outbox, each named once.

SYNC.md's change capture has two kinds of operation: row ops (``create``,
``field_set``) made at flush, and commands a use case writes explicitly, each
carrying the whole change so that it travels as one op with one meaning. A
server replays commands by kind, so a kind is a contract: misspelt, it would
reach the server as something nobody applies. :func:`store.changes.record_command`
refuses a kind not named here.

Each entry says what its payload carries (the writer's function builds it).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

COMMANDS: Mapping[str, str] = MappingProxyType({
    # Space (issue 7): the floor's units retired and created, with geometry, areas and
    # base versions; undo and redo name the edit they undo or redo.
    "split_unit": "the parent retired, the children with their outlines and areas",
    "merge_units": "the parents retired, the merged unit with its outline and area",
    "draw_unit": "a unit drawn on a floor, with its outline and area",
    "reshape_unit": "a unit's outline and areas before and after",
    "set_room_use": "rooms' use (leasable, common, …) before and after",
    "undo_space_edit": "the edit undone: units restored and retired",
    "redo_space_edit": "the edit redone: units retired and restored",
    # Leasing (issues 6 and 8): terms are checked against the version they amend.
    "quote": "a quote to a lead with its figures",
    "sign_contract": "the contract, its units, its clauses and version 1",
    "amend_contract": "the new version's terms, from when, on the base version",
    "renew_contract": "the old contract and its follow-on contract",
    "terminate_contract": "the end day, on the base version",
    # Ledgers (issue 12): insert-only rows, each posted whole.
    "post_bill": "a bill with its lines and their explanations",
    "post_payment": "a payment as the bank or a clerk gave it",
    "allocate_payment": "a payment's part applied to a bill",
    "post_deposit": "a deposit movement: received, applied, refunded, carried, reversed; "
                    "a carry's other contract (counterpart, since 0011)",
    "post_reading": "a meter reading (ordinary, initial or final)",
    "issue_invoice": "an invoice's number, lines, rates and amounts",
    "void_invoice": "the invoice voided, and when",
    "reverse_invoice": "the red-letter (红冲) invoice reversing a blue one",
    # A park's finance settings.
    "set_tax_rates": "the park's tax rates as a whole",
    "set_holiday": "a non-working or working day of the park's calendar",
    "remove_holiday": "a calendar day taken back",
})


def check_command(kind: str) -> None:
    """Refuse an op kind the server would not know (a programmer's error, said in English)."""
    if kind not in COMMANDS:
        raise ValueError(f"unknown command {kind!r}: name it in store/commands.py")
