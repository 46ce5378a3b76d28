"""Edits through the ORM, so every change is captured for sync.

Reads for display live in ``store.read_model``; this module changes things,
in the caller's transaction, with checks from the domain.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from domain.unit_edits import check_unit_edit
from store.errors import NoSuchUnit
from store.schema import Unit


def unit_values(session: Session, unit_id: uuid.UUID, fields: Iterable[str]) -> dict[str, Any]:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NoSuchUnit(f"no unit with id {unit_id}", "no-unit", id=unit_id)
    return {field: getattr(unit, field) for field in fields}


def update_unit(session: Session, unit_id: uuid.UUID, changes: Mapping[str, Any]) -> Unit:
    """Apply checked edits to a unit; the flush writes one field_set op per changed field."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.archived:
        raise NoSuchUnit(f"no live unit with id {unit_id}", "no-live-unit", id=unit_id)
    for field, value in changes.items():
        setattr(unit, field, check_unit_edit(field, value))
    session.flush()
    return unit
