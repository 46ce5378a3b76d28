"""Every code the leasing rules can say has words, filled with the figures the rules give.

The codes are collected from the source of ``domain/leasing`` and the contract use
cases (every ``Reason(…)``, ``Problem(…)`` and ``FieldProblem(…)`` written there), so a
code added to the rules without words here fails this test. Then real schedules
that make every reason and problem are said, and none may fall back to its bare code.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from domain.assets import UnitType
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.lifecycle import ContractState
from domain.leasing.schedule import Problem, Reason, rent_schedule
from domain.leasing.validation import FieldProblem, validate_contract
from domain.leasing.versions import Version, amended_schedule
from views import contract_text as ct

ROOT = Path(__file__).resolve().parents[2]
# A lead's field problems (domain.leasing.pipeline) are the pipeline's, said by
# views.pipeline_text; every other leasing rule's are said here.
PIPELINE_SOURCES = [ROOT / "domain" / "leasing" / "pipeline.py"]
SOURCES = [*(p for p in sorted((ROOT / "domain" / "leasing").glob("*.py"))
             if p not in PIPELINE_SOURCES),
           ROOT / "services" / "contracts.py", ROOT / "services" / "contract_entry.py"]
D = Decimal


def emitted(kind: str, sources: list[Path] = SOURCES) -> dict[str, set[str]]:
    """Codes of ``kind`` (Reason, Problem, FieldProblem) written in the sources, each with
    the parameter names its dict literal gives (empty when they are not literal)."""
    found: dict[str, set[str]] = {}
    position = 1 if kind == "FieldProblem" else 0
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Name)
                     and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == kind and len(node.args) > position):
                continue
            arg = node.args[position]
            if kind == "FieldProblem" and ast.unparse(arg) == "problem.code":
                continue  # an engine's Problem passed on: SCHEDULE_PROBLEMS has its words
            code = (arg.value if isinstance(arg, ast.Constant)
                    else constants.get(arg.id) if isinstance(arg, ast.Name) else None)
            assert isinstance(code, str), f"{path.name}:{node.lineno}: a code not written out"
            keys = found.setdefault(code, set())
            params = node.args[position + 1] if len(node.args) > position + 1 else None
            if isinstance(params, ast.Dict) and None not in params.keys:  # no ** spread
                keys |= {k.value for k in params.keys if isinstance(k, ast.Constant)}
            else:
                keys.add("*")  # figures not written out here: not checked
    return found


def placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def templates_for(table: dict, code: str) -> list[str]:
    return [maker() for key, maker in table.items() if key == code or key.startswith(code + ":")]


@pytest.mark.parametrize(("kind", "table"), [("Reason", ct.REASONS),
                                             ("Problem", ct.SCHEDULE_PROBLEMS),
                                             ("FieldProblem", ct.FIELD_PROBLEMS)])
def test_every_code_the_rules_emit_has_words(kind, table):
    codes = emitted(kind)
    if kind == "Reason":  # matching and renewal have reasons of their own kinds
        assert {"base", "rent-free", "cpi", "turnover", "charge", "amendment",
                "split"} <= set(codes)
    missing = sorted(code for code in codes if not templates_for(table, code))
    assert missing == []
    for code, keys in codes.items():  # a literal's figures fill every wording of its code
        if not keys or "*" in keys:
            continue
        for template in templates_for(table, code):
            wanted = placeholders(template) - {"problem"}
            assert wanted <= keys | {"first", "last", "count"}, (code, wanted - keys)


def test_every_field_problem_of_a_lead_has_the_pipelines_words():
    from views import pipeline_text as pt

    codes = emitted("FieldProblem", PIPELINE_SOURCES)
    assert {"lead-company-missing", "lead-area-range"} <= set(codes)
    for code, keys in codes.items():
        assert code in pt.PROBLEMS, code
        assert placeholders(pt.PROBLEMS[code]()) <= keys, code


def every_reason_schedule() -> tuple[list, list]:
    """A retail lease with every clause, amended once: every schedule reason is in it."""
    terms = RentTerms(
        D(300), D(4), date(2026, 1, 1), date(2028, 12, 31), basis=Basis.PER_SQM_DAY,
        cycle=Cycle.MONTHLY, calendar_periods=True,
        rent_free=(RentFree(date(2026, 1, 1), date(2026, 1, 20), RentFreeKind.FIT_OUT),
                   RentFree(date(2026, 1, 10), date(2026, 1, 31))),
        escalation=Escalation(EscalationKind.CPI_CHANGE, index={
            2025: D(100), 2026: D("103.1")}, floor=D(2), cap=D(5)),
        turnover=Turnover(D("0.08"), sales={date(2026, 2, 1): D(900000),
                                            date(2026, 3, 1): D(500000),
                                            date(2026, 4, 1): D(2000000)},
                          tiers=((D(200000), D("0.08")), (None, D("0.10"))),
                          minimum=D(20000), maximum=D(60000)),
        charges=(Charge(ChargeKind.PROPERTY_FEE, D("12.5")),
                 Charge(ChargeKind.SERVICE, D(800), per_sqm=False, name="空调")))
    stepped = replace(terms, basis=Basis.PER_SQM_MONTH, rate=D(100), calendar_periods=False,
                      starts_on=date(2026, 1, 10),
                      escalation=Escalation(EscalationKind.STEPPED, steps=(
                          (date(2026, 6, 15), D(110)),)), turnover=None)
    spec = ContractSpec("C-1", "t", "T", UnitType.RETAIL, date(2025, 12, 1),
                        (LetUnit("u", "U", D(300)),), terms)
    amended = replace(spec, terms=replace(terms, rate=D("4.5")))
    lines, problems = amended_schedule([Version(1, date(2025, 12, 1), spec, "sign"),
                                        Version(2, date(2026, 5, 16), amended, "rent")])
    more = [rent_schedule(replace(terms, escalation=Escalation(
                EscalationKind.FIXED_PERCENT, percent=D(5)))),
            rent_schedule(replace(terms, escalation=Escalation(
                EscalationKind.FIXED_AMOUNT, amount=D("0.2")))),
            rent_schedule(stepped),
            rent_schedule(replace(terms, ends_on=date(2025, 1, 1))),
            rent_schedule(replace(terms, due=DueRule(DueKind.DAY_OF_MONTH, 40),
                                  escalation=Escalation(EscalationKind.CPI_RATIO,
                                                        on_month=13, on_day=1)))]
    for extra_lines, extra_problems in more:
        lines += extra_lines
        problems += extra_problems
    return lines, problems


def said_bare(text: str, code: str) -> bool:
    """Said as its code and figures (``code (key=value, …)``), or a template half filled."""
    return text == code or re.search(r"\(\w+=", text) is not None or "{" in text


def test_every_reason_and_problem_of_real_schedules_is_said_in_words():
    lines, problems = every_reason_schedule()
    reasons = {r.code: r for line in lines for r in line.reasons}
    assert set(emitted("Reason")) - {"area-fit", "area-large", "area-small", "available",
                                     "available-late", "budget-open", "budget-over",
                                     "budget-unknown", "budget-within", "extra-units",
                                     "tags", "tags-any", "type-any", "type-match",
                                     "type-other", "arrears", "below-market", "capped",
                                     "demand", "ended", "late-payments", "no-comparables",
                                     "no-demand", "payments-good", "too-early"} \
        <= set(reasons) | {"turnover-minimum"}
    for line in lines:
        for reason in line.reasons:
            assert not said_bare(ct.reason_text(reason), reason.code), reason
    for problem in problems:
        assert not said_bare(ct.schedule_problem_text(problem), problem.code), problem
    assert {p.code for p in problems} >= {"cpi-unknown", "dates", "due-day-invalid",
                                          "cpi-date-invalid"}


def test_figures_are_said_as_a_finance_person_reads_them():
    assert ct.reason_text(Reason("turnover", {
        "sales": "520000", "rate": "0.08", "breakpoint": "465000.00", "natural": "yes",
        "amount": "4400.00"})) == (
        "sales 520,000.00 × 8% above the natural breakpoint 465,000.00: +4,400.00")
    assert ct.reason_text(Reason("prorated", {"days": "21", "of": "30",
                                              "month": "2026-04-01"})) == (
        "21 of 30 days of 2026-04")
    assert ct.reason_text(Reason("cpi", {"year": "2026", "from": "2027-01-01",
                                         "change": "6.52", "applied": "5.00",
                                         "known": "yes"})) == (
        "CPI 2026 change 6.52%, 5% applied from 2027-01-01")
    assert ct.reason_text(Reason("rent-free", {
        "kind": "other", "starts_on": "2026-03-10", "ends_on": "2026-03-31",
        "applied_from": "2026-06-01", "applied_to": "2026-06-22"})) == (
        "rent-free (any dates) 2026-03-10 to 2026-03-31, applied 2026-06-01 to 2026-06-22")
    assert ct.amount_text(D("1234567.005")) == "1,234,567.01"  # half up, as bills round
    assert ct.price_text(D("98.5")) == "98.50" and ct.price_text(D("3.1415")) == "3.1415"
    assert ct.percent_figure("5.00") == "5" and ct.fraction_percent("0.0005") == "0.05"


def test_validation_problems_and_their_fields_in_words():
    spec = ContractSpec("C-1", "", "", UnitType.OFFICE, date(2026, 3, 1),
                        (LetUnit("u1", "ZD-A-0301", D("200.00")),),
                        RentTerms(D("200.00"), D(100), date(2026, 2, 1), date(2026, 1, 1),
                                  rent_free=(RentFree(date(2026, 1, 1), date(2026, 1, 31)),)),
                        delivered_on=date(2026, 2, 1))
    said = {p.field: ct.problem_line(p) for p in validate_contract(spec, {}, [])}
    assert said["tenant"] == "Tenant: choose a tenant or type a new one's name"
    assert said["delivered_on"] == (
        "Delivered on: the term starts on 2026-02-01, before signing on 2026-03-01")
    assert said["ends_on"] == "Ends on: ends on 2026-01-01, before it starts on 2026-02-01"
    assert said["rent_free[0]"].startswith("Rent-free period 1: 2026-01-01 to 2026-01-31 lies")
    assert said["units[ZD-A-0301]"] == "Unit ZD-A-0301: ZD-A-0301 is not a unit of this park"
    assert ct.problem_text(FieldProblem("terms", "schedule", {
        "problem": "cpi-date-invalid", "month": "2", "day": "30"})) == (
        "the CPI adjustment day (month 2, day 30) does not exist")
    assert ct.problem_text(FieldProblem("terms.escalation", "cpi-date-invalid", {
        "month": "2", "day": "30"})) == "the CPI adjustment day (month 2, day 30) does not exist"
    assert ct.field_title("billable_area[ZD-A-0301]") == "Billable area of ZD-A-0301"
    assert ct.field_title("terms.charges[1]") == "Charge 2"
    assert ct.field_title("something.new") == "something.new"
    # A code newer than these words is said as it is, never hidden.
    assert ct.problem_text(FieldProblem("x", "brand-new", {"a": "1"})) == "brand-new (a=1)"
    assert ct.schedule_problem_text(Problem("brand-new")) == "brand-new"


def test_states_choices_charges_and_checkpoints_have_names():
    assert [ct.state_text(s) for s in ContractState] == [
        "Draft", "Signed, not started", "Active", "Expiring", "Ended", "Renewed",
        "Terminated"]
    assert ct.cycle_text(Cycle.HALF_YEARLY) == "Half-yearly"
    assert ct.basis_text(Basis.PER_SQM_DAY) == "per m² a day"
    assert ct.charge_text("rent") == "Rent"
    assert ct.charge_text("property_fee") == "Property fee"
    assert ct.charge_text("service:空调") == "空调"
    assert ct.checkpoint_text("review-3") == "Quarterly review 3"
    assert ct.checkpoint_text("end-90") == "90 days before the end"
    assert ct.checkpoint_text("first-payment") == "First payment"
    for enum in (Cycle, Basis, RentFreeKind, EscalationKind, ChargeKind, DueKind):
        for member in enum:
            assert ct.word(member) != member.value, member


def test_chinese_words(chinese):
    assert ct.state_text(ContractState.ACTIVE) == "执行中"
    assert ct.reason_text(Reason("escalation", {"percent": "5", "from": "2027-03-01"})) == (
        "每年递增 5%，本次自 2027-03-01 起")
    assert ct.field_title("units[ZD-A-0301]") == "单元 ZD-A-0301"
