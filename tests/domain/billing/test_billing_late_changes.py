"""Which billed months a tariff version, an amendment or a termination entered late reaches
(``domain.billing.late_changes``): by its days, its utility, its contract, and its stamp
against each month's latest bill."""

from __future__ import annotations

import doctest
from datetime import date

import domain.billing.late_changes
from domain.billing.late_changes import (
    LATE_AMENDMENT,
    LATE_TARIFF,
    LATE_TERMINATION,
    LateChange,
    months_changed,
)

JAN, FEB, MAR, APR = (date(2026, m, 1) for m in range(1, 5))
BILLED = {("electricity", m): "0002" for m in (JAN, FEB, MAR)} | {
    ("water", m): "0002" for m in (JAN, FEB, MAR)}


def test_the_examples():
    assert doctest.testmod(domain.billing.late_changes).failed == 0


def test_a_tariff_version_reaches_its_utilitys_months_from_its_first_day_to_the_next():
    version = LateChange(LATE_TARIFF, "0003", date(2026, 1, 31), FEB, "water",
                         params={"tariff": "非居民用水", "valid_from": "2026-01-31"})
    assert sorted(months_changed([version], BILLED)) == [("water", JAN)]  # its one day
    open_ended = LateChange(LATE_TARIFF, "0003", FEB, None, "water")
    assert sorted(months_changed([open_ended], BILLED)) == [("water", FEB), ("water", MAR)]
    older = LateChange(LATE_TARIFF, "0001", FEB, None, "water")  # priced by those bills
    assert months_changed([older], BILLED) == {}


def test_a_contracts_change_reaches_only_the_months_it_was_billed_for():
    ended = LateChange(LATE_TERMINATION, "0003", date(2026, 2, 11), contract_id="c",
                       params={"contract": "HT-1", "terminated_on": "2026-02-10"})
    amended = LateChange(LATE_AMENDMENT, "0003", JAN, contract_id="d")
    found = months_changed([ended, amended], BILLED, {
        "c": [("electricity", m) for m in (JAN, FEB, MAR, APR)],  # April: not billed yet
        "d": [("water", JAN)]})
    assert found == {("electricity", FEB): [ended], ("electricity", MAR): [ended],
                     ("water", JAN): [amended]}
    assert months_changed([ended], BILLED) == {}  # a contract never billed: nothing
    assert ended.applies_to("c") and not ended.applies_to("d")
    assert ended.reason() == {"code": LATE_TERMINATION, "params": {
        "contract": "HT-1", "terminated_on": "2026-02-10"}}
