"""Exact columns round half up, as a bill line does (ARCHITECTURE.md: money)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from store.types import ExactDecimal


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_half_up_on_the_way_in(dialect):
    column = ExactDecimal(14, 2)
    stored = column.process_bind_param(Decimal("0.125"), dialect)
    assert Decimal(str(stored)) == Decimal("0.13")
    assert Decimal(str(column.process_bind_param("2.675", dialect))) == Decimal("2.68")
    assert Decimal(str(column.process_bind_param(-Decimal("0.125"), dialect))) == Decimal("-0.13")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        ExactDecimal(14, 2).process_bind_param(0.1, sqlite.dialect())
