"""Ids read back from SQLite through the store's own Uuid type are the ids written."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.types import id_from_hex


@given(st.uuids())
def test_32_hex_digits_make_the_uuid_they_spell(value: uuid.UUID) -> None:
    made = id_from_hex(value.hex)
    assert made == value and made.int == value.int and str(made) == str(value)
    assert hash(made) == hash(value) and made.version == value.version
    assert made.is_safe is uuid.SafeUUID.unknown


def test_other_forms_go_through_uuid_and_bad_text_is_refused() -> None:
    value = uuid.uuid4()
    assert id_from_hex(str(value)) == value  # dashed, as hand-written SQL might hold
    assert id_from_hex(None) is None
    for bad in ("g" * 32, "12" * 15, "-" + value.hex[1:]):
        with pytest.raises(ValueError):
            id_from_hex(bad)
