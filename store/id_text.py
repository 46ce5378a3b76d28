"""An id written as text where text may be anything: a payload field, a CLI argument, a
skip's parameters, a contract's own unit list. Not an id is not an error there; it names
nothing, and the caller says what that means."""

from __future__ import annotations

import uuid


def parse_id(text: str | None) -> uuid.UUID | None:
    """The UUID ``text`` spells (any form ``uuid.UUID`` reads), or None: empty, missing or
    not an id."""
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
