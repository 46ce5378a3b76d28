"""Bill and adjustment ids are uuid5 of their key (issue 12): the same on every device.

``domain.billing.bills`` makes them without ``uuid.uuid5`` (a run makes one a
bill; the namespace is hashed once); they must stay exactly uuid5's, or a bill
posted before would be posted again.
"""

from __future__ import annotations

import pickle
import uuid
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from domain.billing.bills import NAMESPACE, adjustment_id, bill_id


@given(st.text(), st.dates(), st.text())
def test_a_bill_id_is_uuid5_of_its_contract_period_and_charge(contract: str, start: date,
                                                              charge: str) -> None:
    made = bill_id(contract, start, charge)
    expected = uuid.uuid5(NAMESPACE, f"bill|{contract}|{start.isoformat()}|{charge}")
    assert made == expected and str(made) == str(expected) and hash(made) == hash(expected)
    assert made.version == 5 and made.variant == uuid.RFC_4122
    assert made.is_safe is expected.is_safe
    assert pickle.loads(pickle.dumps(made)) == expected


@given(st.text(), st.dates(), st.text(), st.integers(1, 10_000))
def test_an_adjustment_id_is_uuid5_of_its_key_and_sequence(contract: str, start: date,
                                                           charge: str, sequence: int) -> None:
    assert adjustment_id(contract, start, charge, sequence) == uuid.uuid5(
        NAMESPACE, f"adjustment|{contract}|{start.isoformat()}|{charge}|{sequence}")


def test_a_known_bill_keeps_its_id() -> None:
    """Written down once from ``uuid.uuid5``: a change of the derivation shows here."""
    made = bill_id("0b8e4d1c-5f7a-4c2e-9d3b-2a1f6e8c7b90", date(2026, 12, 1), "service:空调")
    assert str(made) == "b0416395-1bed-5935-b832-e5f14a465f94"
    assert made == uuid.UUID("b0416395-1bed-5935-b832-e5f14a465f94")
