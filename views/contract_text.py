"""The leasing rules' codes in the reader's language: schedule reasons and problems,
validation problems, contract states, clause choices, form fields, checkpoints.

``domain.leasing`` says everything as a stable code and its figures as text
(``Reason``, ``Problem``, ``FieldProblem``); here each code has one
translatable template (context ``ContractText``), as
:mod:`views.message_text` does for errors, and the figures are put in the
reader's form: amounts to the cent with thousands separators, areas in m²,
percentages without trailing zeros, months as ``2026-04``. A code with no
template, or a template missing a figure, is said as its code and figures
rather than hidden. Qt-free until Qt is loaded (``message_text.translate``),
so the ``schedule`` command can say the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum

from domain.assets import UnitStatus
from domain.leasing.clauses import (
    Basis,
    ChargeKind,
    Cycle,
    DueKind,
    EscalationKind,
    RentFreeKind,
    RentFreeRule,
)
from domain.leasing.lifecycle import CheckpointKind, ContractState, OwnerRole
from domain.leasing.schedule import RENT, Problem, Reason
from domain.leasing.validation import FieldProblem
from domain.money import money, round_to
from domain.space_use import SpaceUse
from views.message_text import translate

Template = Callable[[], str]

# -- what a schedule line says about itself (domain.leasing.schedule.Reason) -------------
# A code with several wordings names the case after a colon (see ``_reason_key``).
REASONS: dict[str, Template] = {
    "base:per_sqm_month": lambda: translate(
        "ContractText", "{area} m² at base {rate} per m² a month"),
    "base:per_sqm_day": lambda: translate(
        "ContractText", "{area} m² at base {rate} per m² a day"),
    "prorated": lambda: translate("ContractText", "{days} of {of} days of {month}"),
    "rent-free": lambda: translate(
        "ContractText", "rent-free ({kind}) {applied_from} to {applied_to}"),
    "rent-free:moved": lambda: translate(
        "ContractText", "rent-free ({kind}) {starts_on} to {ends_on}, applied {applied_from} "
        "to {applied_to}"),
    "step": lambda: translate("ContractText", "stepped price {price} per m² from {from}"),
    "escalation": lambda: translate(
        "ContractText", "escalated +{percent}% a year, the step of {from}"),
    "escalation-amount": lambda: translate(
        "ContractText", "escalated +{amount} per m² a year, the step of {from}"),
    "cpi:yes": lambda: translate(
        "ContractText", "CPI {year} change {change}%, {applied}% applied from {from}"),
    "cpi:no": lambda: translate(
        "ContractText", "CPI {year} not known yet: {applied}% (the floor) applied from {from}, "
        "corrected once it is entered"),
    "turnover:natural": lambda: translate(
        "ContractText", "sales {sales} × {rate}% above the natural breakpoint {breakpoint}: "
        "+{amount}"),
    "turnover:artificial": lambda: translate(
        "ContractText", "sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}"),
    # the schedule names each month (a quarter's line says three): the same words, dated
    "turnover:natural:month": lambda: translate(
        "ContractText", "{month}: sales {sales} × {rate}% above the natural breakpoint "
        "{breakpoint} (base {base}): +{amount}"),
    "turnover:artificial:month": lambda: translate(
        "ContractText", "{month}: sales {sales} × {rate}% above the breakpoint {breakpoint}: "
        "+{amount}"),
    "turnover-band": lambda: translate(
        "ContractText", "sales above the breakpoint {from} to {to} at {rate}%: {amount}"),
    "turnover-minimum": lambda: translate(
        "ContractText", "turnover part raised to its minimum {minimum} (computed {computed})"),
    "turnover-maximum": lambda: translate(
        "ContractText", "turnover part held to its maximum {maximum} (computed {computed})"),
    "sales-missing": lambda: translate(
        "ContractText", "{month}: sales not reported yet, base rent only for that month"),
    "charge:sqm_month": lambda: translate(
        "ContractText", "{name}: {amount} per m² a month × {area} m² = {monthly} a month"),
    "charge:month": lambda: translate("ContractText", "{name}: {monthly} a month"),
    "rent-free-not-applied": lambda: translate(
        "ContractText", "rent-free {starts_on} to {ends_on} does not apply to this charge"),
    "amendment": lambda: translate("ContractText", "version {version} from {from}"),
    "split": lambda: translate(
        "ContractText", "{starts_on} to {ends_on} of the period {period_starts_on} to "
        "{period_ends_on}"),
}

# -- what the schedule engine and the versions find (domain.leasing.schedule.Problem) ----
SCHEDULE_PROBLEMS: dict[str, Template] = {
    "dates": lambda: translate(
        "ContractText", "the term ends on {ends_on}, before it starts on {starts_on}: no "
        "schedule"),
    "rent-free-outside-term": lambda: translate(
        "ContractText", "the rent-free period {starts_on} to {ends_on} lies outside the term"),
    "cpi-unknown": lambda: translate(
        "ContractText", "the CPI of {year} is not known yet: from {from} the floor is billed, "
        "and a correction follows once the index is entered"),
    "cpi-date-invalid": lambda: translate(
        "ContractText", "the CPI adjustment day (month {month}, day {day}) does not exist"),
    "sales-missing": lambda: translate(
        "ContractText", "sales of {month} are not reported yet: the base rent is billed"),
    "sales-missing:many": lambda: translate(
        "ContractText", "sales of {count} months between {first} and {last} are not reported "
        "yet: the base rent is billed"),
    "due-day-invalid": lambda: translate(
        "ContractText", "the due rule ({days}) is not a day that exists: billed on the "
        "period's first day instead"),
    "version-numbers": lambda: translate(
        "ContractText", "the versions are numbered {numbers}, not 1, 2, 3 …"),
    "version-dates": lambda: translate(
        "ContractText", "version {version} takes effect on {effective_on}, not after the "
        "version before it ({previous})"),
    "amendment-gap": lambda: translate(
        "ContractText", "no version bills {starts_on} to {ends_on}"),
    "amendment-after-end": lambda: translate(
        "ContractText", "version {version} takes effect on {effective_on}, after its term ends "
        "on {ends_on}"),
}

# -- what refuses saving a contract (domain.leasing.validation.FieldProblem) --------------
FIELD_PROBLEMS: dict[str, Template] = {
    "no-tenant": lambda: translate("ContractText", "choose a tenant or type a new one's name"),
    "term-start-mismatch": lambda: translate(
        "ContractText", "the term must start on {expected} (delivery, or rent start without "
        "fit-out), not {starts_on}"),
    "start-before-signing": lambda: translate(
        "ContractText", "the term starts on {starts_on}, before signing on {signed_on}"),
    "end-before-start": lambda: translate(
        "ContractText", "ends on {ends_on}, before it starts on {starts_on}"),
    "rent-start-before-delivery": lambda: translate(
        "ContractText", "rent starts on {rent_starts_on}, before delivery on {delivered_on}"),
    "rent-start-after-end": lambda: translate(
        "ContractText", "rent starts on {rent_starts_on}, after the end on {ends_on}"),
    "rent-free-outside-term": lambda: translate(
        "ContractText", "{starts_on} to {ends_on} lies outside the term {term_starts_on} to "
        "{term_ends_on}"),
    "no-units": lambda: translate("ContractText", "add at least one unit"),
    "duplicate-unit": lambda: translate("ContractText", "{unit} is listed twice"),
    "unit-leased": lambda: translate(
        "ContractText", "{unit} is leased by {contract} from {starts_on} to {last_day}"),
    "unknown-unit": lambda: translate("ContractText", "{unit} is not a unit of this park"),
    "unit-archived": lambda: translate("ContractText", "{unit} has been removed from the plan"),
    "unit-common": lambda: translate(
        "ContractText", "{unit} is common area ({use}): it cannot be let"),
    "unit-not-leasable": lambda: translate(
        "ContractText", "{unit} cannot be let now: {status}"),
    "unit-held-outside-term": lambda: translate(
        "ContractText", "{unit} is added on {held_from}, outside the term"),
    "area-not-positive": lambda: translate(
        "ContractText", "the billable area must be above zero, not {signed} m²"),
    "area-mismatch": lambda: translate(
        "ContractText", "{signed} m² signed, but {unit} measures {unit_area} m² billable "
        "({difference} m²)"),
    "area-total-mismatch": lambda: translate(
        "ContractText", "the rent is on {area} m² but the units add up to {units} m²"),
    "negative-amount": lambda: translate("ContractText", "{amount} is below zero"),
    "not-positive": lambda: translate("ContractText", "{value} must be above zero"),
    "due-day-invalid": lambda: translate(
        "ContractText", "{days} is not a valid day for this due rule"),
    "tiers-not-ascending": lambda: translate(
        "ContractText", "the bands' upper bounds ({bounds}) must rise, only the last one open"),
    "tiers-not-open": lambda: translate(
        "ContractText", "the last band ends at {last} m²: leave its bound empty so every m² "
        "is billed"),
    "cpi-cap-below-floor": lambda: translate(
        "ContractText", "the cap {cap}% is below the floor {floor}%"),
    "cpi-day-invalid": lambda: translate(
        "ContractText", "month {month}, day {day} is not a day every year has"),
    "duplicate-step": lambda: translate("ContractText", "two steps start on the same day"),
    "maximum-below-minimum": lambda: translate(
        "ContractText", "the maximum {maximum} is below the minimum {minimum}"),
    "schedule": lambda: translate("ContractText", "{problem}"),
    # refusals of the use cases (services.contracts), the wizard's flow and a termination
    "code-missing": lambda: translate("ContractText", "give the contract a code"),
    "code-taken": lambda: translate("ContractText", "contract code {code} is already used"),
    "renewal-start": lambda: translate(
        "ContractText", "a renewal starts on {expected}, the day after the contract ends"),
    "termination-after-end": lambda: translate(
        "ContractText", "{terminated_on} is after the end on {ends_on}: the contract ends by "
        "itself"),
    "cancellation-after-start": lambda: translate(
        "ContractText", "the term started on {starts_on}: terminate it on or after that day, "
        "not {terminated_on}"),
}

# -- the form's fields (FieldProblem.field, domain.leasing.versions.Change.field) ---------
FIELDS: dict[str, Template] = {
    "code": lambda: translate("ContractText", "Contract code"),
    "tenant": lambda: translate("ContractText", "Tenant"),
    "kind": lambda: translate("ContractText", "Type"),
    "units": lambda: translate("ContractText", "Units"),
    "signed_on": lambda: translate("ContractText", "Signed on"),
    "delivered_on": lambda: translate("ContractText", "Delivered on"),
    "rent_starts_on": lambda: translate("ContractText", "Rent starts on"),
    "starts_on": lambda: translate("ContractText", "Term starts on"),
    "ends_on": lambda: translate("ContractText", "Ends on"),
    "deposit": lambda: translate("ContractText", "Deposit"),
    "notes": lambda: translate("ContractText", "Notes"),
    "terminated_on": lambda: translate("ContractText", "Terminated on"),
    "terms": lambda: translate("ContractText", "Schedule"),
    "terms.area": lambda: translate("ContractText", "Billable area"),
    "terms.rate": lambda: translate("ContractText", "Rent per m²"),
    "terms.starts_on": lambda: translate("ContractText", "Term starts on"),
    "terms.ends_on": lambda: translate("ContractText", "Ends on"),
    "terms.basis": lambda: translate("ContractText", "Priced"),
    "terms.cycle": lambda: translate("ContractText", "Billed"),
    "terms.calendar_periods": lambda: translate("ContractText", "Calendar periods"),
    "terms.thirty_day_months": lambda: translate("ContractText", "30-day months"),
    "terms.rent_free": lambda: translate("ContractText", "Rent-free periods"),
    "terms.rent_free_rule": lambda: translate("ContractText", "Overlapping rent-free"),
    "terms.escalation": lambda: translate("ContractText", "Escalation"),
    "terms.turnover": lambda: translate("ContractText", "Turnover rent"),
    "terms.tiers": lambda: translate("ContractText", "Tiered pricing"),
    "terms.area_coefficient": lambda: translate("ContractText", "Area coefficient"),
    "terms.charges": lambda: translate("ContractText", "Charges"),
    "terms.due": lambda: translate("ContractText", "Due"),
    "terms.late_fee": lambda: translate("ContractText", "Late fee"),
}
INDEXED_FIELDS: dict[str, Template] = {
    "units": lambda: translate("ContractText", "Unit {key}"),
    "billable_area": lambda: translate("ContractText", "Billable area of {key}"),
    "rent_free": lambda: translate("ContractText", "Rent-free period {key}"),
    "terms.charges": lambda: translate("ContractText", "Charge {key}"),
}

# -- states and the clauses' choices ------------------------------------------------------
_ENTRIES: list[tuple[Enum, Template]] = [
    (ContractState.DRAFT, lambda: translate("ContractText", "Draft")),
    (ContractState.SIGNED, lambda: translate("ContractText", "Signed, not started")),
    (ContractState.ACTIVE, lambda: translate("ContractText", "Active")),
    (ContractState.EXPIRING, lambda: translate("ContractText", "Expiring")),
    (ContractState.ENDED, lambda: translate("ContractText", "Ended")),
    (ContractState.RENEWED, lambda: translate("ContractText", "Renewed")),
    (ContractState.TERMINATED, lambda: translate("ContractText", "Terminated")),
    (Basis.PER_SQM_MONTH, lambda: translate("ContractText", "per m² a month")),
    (Basis.PER_SQM_DAY, lambda: translate("ContractText", "per m² a day")),
    (Cycle.MONTHLY, lambda: translate("ContractText", "Monthly")),
    (Cycle.QUARTERLY, lambda: translate("ContractText", "Quarterly")),
    (Cycle.HALF_YEARLY, lambda: translate("ContractText", "Half-yearly")),
    (Cycle.YEARLY, lambda: translate("ContractText", "Yearly")),
    (RentFreeKind.FIT_OUT, lambda: translate("ContractText", "fit-out")),
    (RentFreeKind.AFTER_OPENING, lambda: translate("ContractText", "after opening")),
    (RentFreeKind.OTHER, lambda: translate("ContractText", "any dates")),
    (RentFreeRule.STACK, lambda: translate(
        "ContractText", "Stack: the later starts where the earlier ends")),
    (RentFreeRule.LONGER_WINS, lambda: translate(
        "ContractText", "Longer wins: only the longest applies")),
    (EscalationKind.FIXED_PERCENT, lambda: translate("ContractText", "Fixed % a year")),
    (EscalationKind.FIXED_AMOUNT, lambda: translate("ContractText", "Fixed amount a year")),
    (EscalationKind.STEPPED, lambda: translate("ContractText", "Stepped table")),
    (EscalationKind.CPI_CHANGE, lambda: translate("ContractText", "CPI, by yearly change")),
    (EscalationKind.CPI_RATIO, lambda: translate("ContractText", "CPI, by index ratio")),
    (ChargeKind.PROPERTY_FEE, lambda: translate("ContractText", "Property fee")),
    (ChargeKind.SERVICE, lambda: translate("ContractText", "Service charge")),
    (ChargeKind.PARKING, lambda: translate("ContractText", "Parking")),
    (ChargeKind.OTHER, lambda: translate("ContractText", "Other charge")),
    (DueKind.DAYS_BEFORE, lambda: translate("ContractText", "days before the period")),
    (DueKind.DAY_OF_MONTH, lambda: translate("ContractText", "day of the month before")),
    (OwnerRole.LEASING, lambda: translate("ContractText", "Leasing")),
    (OwnerRole.FINANCE, lambda: translate("ContractText", "Finance")),
    (OwnerRole.OPERATIONS, lambda: translate("ContractText", "Operations")),
    (OwnerRole.MANAGER, lambda: translate("ContractText", "Manager")),
]
# Keyed by (enum type, value): members of different StrEnums compare equal by value.
_WORDS = {(type(member), member.value): maker for member, maker in _ENTRIES}

CHECKPOINTS: dict[str, Template] = {
    CheckpointKind.SIGNED.value: lambda: translate("ContractText", "Signed"),
    CheckpointKind.DELIVERED.value: lambda: translate("ContractText", "Units handed over"),
    CheckpointKind.RENT_START.value: lambda: translate("ContractText", "Rent starts"),
    CheckpointKind.FIRST_PAYMENT.value: lambda: translate("ContractText", "First payment"),
    CheckpointKind.REVIEW.value: lambda: translate("ContractText", "Quarterly review {n}"),
    CheckpointKind.END.value: lambda: translate("ContractText", "{n} days before the end"),
}



def rent_word() -> str:
    return translate("ContractText", "Rent")


# -- figures ------------------------------------------------------------------------------


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return value if value.is_finite() else None


def amount_text(value: Decimal | str) -> str:
    """An amount to the cent, half up, with thousands separators: ``60,000.00``."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    return str(value) if number is None else f"{money(number):,}"


def number_figure(value: Decimal | str, places: int = 2) -> str:
    """A figure to ``places``, half up, with thousands separators (``1,250.00``); text that
    is not a number as it is."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    return str(value) if number is None else f"{round_to(number, places):,}"


def area_figure(value: Decimal | str) -> str:
    return number_figure(value, 2)


def price_text(value: Decimal | str) -> str:
    """A price per m²: to the cent, or to four places when it has them (98.5 → 98.50,
    3.1415 → 3.1415)."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    if number is None:
        return str(value)
    four = round_to(number, 4)
    return f"{four:,}" if four != round_to(number, 2) else f"{money(number):,}"


def percent_figure(value: Decimal | str) -> str:
    """A percentage as entered, without trailing zeros: ``5``, ``2.5``, ``-1.2``."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    if number is None:
        return str(value)
    text = f"{round_to(number, 4):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fraction_percent(value: Decimal | str) -> str:
    """A rate kept as a fraction (0.08) said as a percentage (8)."""
    number = value if isinstance(value, Decimal) else _decimal(value)
    return str(value) if number is None else percent_figure(number * 100)


def month_text(value: str) -> str:
    """``2026-04-01`` → ``2026-04``."""
    return value[:7] if len(value) >= 7 else value


# -- saying them --------------------------------------------------------------------------


def fill(template: str, params: Mapping[str, str]) -> str | None:
    """``template`` with its ``{names}`` filled; None when it names a figure not given."""
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def raw_text(code: str, params: Mapping[str, str]) -> str:
    """A code without words (a newer domain than these templates): never hidden."""
    figures = ", ".join(f"{k}={v}" for k, v in params.items() if v != "")
    return f"{code} ({figures})" if figures else code


def _say(table: Mapping[str, Template], key: str, code: str, params: Mapping[str, str]
         ) -> str:
    maker = table.get(key) or table.get(code)
    filled = None if maker is None else fill(maker(), params)
    return filled if filled is not None else raw_text(code, params)


def word(value: Enum | None) -> str:
    """A state's, clause choice's or owner role's name; empty for None."""
    if value is None:
        return ""
    maker = _WORDS.get((type(value), value.value))
    return maker() if maker else str(value.value)


def state_text(state: ContractState) -> str:
    return word(state)


def basis_text(basis: Basis) -> str:
    return word(basis)


def cycle_text(cycle: Cycle) -> str:
    return word(cycle)


def rent_free_kind_text(kind: RentFreeKind) -> str:
    return word(kind)


def rent_free_rule_text(rule: RentFreeRule) -> str:
    return word(rule)


def escalation_kind_text(kind: EscalationKind) -> str:
    return word(kind)


def charge_kind_text(kind: ChargeKind) -> str:
    return word(kind)


def due_kind_text(kind: DueKind) -> str:
    return word(kind)


def owner_text(role: OwnerRole) -> str:
    return word(role)


def charge_text(code: str) -> str:
    """A schedule line's charge: ``rent``, a charge kind, or ``kind:name`` (its own name)."""
    if code == RENT:
        return rent_word()
    kind, _, name = code.partition(":")
    if name:
        return name
    try:
        return word(ChargeKind(kind))
    except ValueError:
        return code


def checkpoint_text(code: str) -> str:
    """``review-3`` → Quarterly review 3, ``end-90`` → 90 days before the end."""
    kind, _, n = code.rpartition("-") if code[-1:].isdigit() else (code, "", "")
    maker = CHECKPOINTS.get(kind)
    filled = None if maker is None else fill(maker(), {"n": n})
    return filled if filled is not None else code


def _reason_key(reason: Reason) -> str:
    p = reason.params
    if reason.code == "base":
        return f"base:{p.get('basis', Basis.PER_SQM_MONTH.value)}"
    if reason.code == "rent-free":
        same = (p.get("starts_on"), p.get("ends_on")) == (p.get("applied_from"),
                                                          p.get("applied_to"))
        return "rent-free" if same else "rent-free:moved"
    if reason.code == "cpi":
        return f"cpi:{p.get('known', 'yes')}"
    if reason.code == "turnover":
        key = "turnover:natural" if p.get("natural") == "yes" else "turnover:artificial"
        return f"{key}:month" if "month" in p else key
    if reason.code == "charge":
        return f"charge:{p.get('per', 'month')}"
    return reason.code


_MONEY = {"amount", "monthly", "sales", "breakpoint", "minimum", "maximum", "computed",
          "amount_to_end", "amount_before", "deposit", "base"}
_PRICES = {"rate", "price"}
_AREAS = {"area", "units", "signed", "unit_area", "difference", "last"}


def _figures(params: Mapping[str, str]) -> dict[str, str]:
    """The figures as the reader reads them (keys are the domain's, stable)."""
    out = dict(params)
    for key, value in params.items():
        if key in _MONEY:
            out[key] = amount_text(value)
        elif key in _PRICES:
            out[key] = price_text(value)
        elif key in _AREAS:
            out[key] = area_figure(value)
        elif key == "month":
            out[key] = month_text(value) if "-" in value else value
        elif key in ("percent", "change", "applied", "floor", "cap") and value:
            out[key] = percent_figure(value)
        elif key == "kind":
            out[key] = _kind_word(value)
    return out


def _kind_word(value: str) -> str:
    for enum in (RentFreeKind, ChargeKind):
        try:
            return word(enum(value))
        except ValueError:
            continue
    return value


def reason_text(reason: Reason) -> str:
    """Why a schedule line is what it is, in a few words with its figures."""
    params = _figures(reason.params)
    if reason.code == "turnover":
        params["rate"] = fraction_percent(reason.params.get("rate", ""))
    elif reason.code == "turnover-band":
        params["rate"] = fraction_percent(reason.params.get("rate", ""))
        params["from"] = amount_text(reason.params.get("from", ""))
        params["to"] = amount_text(reason.params.get("to", ""))
    elif reason.code == "charge":
        name = reason.params.get("name") or ""
        params["name"] = name or _kind_word(reason.params.get("kind", ""))
        if reason.params.get("per") == "sqm_month":
            params["amount"] = price_text(reason.params.get("amount", ""))
    elif reason.code == "escalation-amount":
        params["amount"] = price_text(reason.params.get("amount", ""))
    return _say(REASONS, _reason_key(reason), reason.code, params)


def reasons_text(reasons: tuple[Reason, ...] | list[Reason], sep: str = "; ") -> str:
    return sep.join(reason_text(r) for r in reasons)


def schedule_problem_text(problem: Problem) -> str:
    """What the schedule engine (or the versions) found, as a sentence."""
    params = _figures(problem.params)
    if problem.code == "due-day-invalid":
        params["days"] = _due_days(problem.params)
    return _say(SCHEDULE_PROBLEMS, problem.code, problem.code, params)


def schedule_problem_texts(problems: Sequence[Problem]) -> list[str]:
    """The problems as sentences, the months without sales said once (a turnover lease
    before its first report lacks every month's)."""
    missing = [p.params.get("month", "") for p in problems if p.code == "sales-missing"]
    said: list[str] = []
    for problem in problems:
        if problem.code != "sales-missing" or len(missing) < 3:
            said.append(schedule_problem_text(problem))
        elif problem.params.get("month", "") == missing[0]:
            filled = fill(SCHEDULE_PROBLEMS["sales-missing:many"](), {
                "count": str(len(missing)), "first": month_text(min(missing)),
                "last": month_text(max(missing))})
            said.append(filled or schedule_problem_text(problem))
    return said


def _due_days(params: Mapping[str, str]) -> str:
    kind, days = params.get("kind", ""), params.get("days", "")
    try:
        return f"{days} {word(DueKind(kind))}"
    except ValueError:
        return days


def problem_text(problem: FieldProblem) -> str:
    """Why a contract cannot be saved as entered (the field is said by :func:`field_title`)."""
    if problem.code == "schedule":
        rest = {k: v for k, v in problem.params.items() if k != "problem"}
        return schedule_problem_text(Problem(problem.params.get("problem", ""), rest))
    if problem.code not in FIELD_PROBLEMS and problem.code in SCHEDULE_PROBLEMS:
        # the engine's problem put on the clause's own field (terms.escalation …)
        return schedule_problem_text(Problem(problem.code, dict(problem.params)))
    params = _figures(problem.params)
    if problem.code == "negative-amount" or problem.code == "not-positive":
        value = problem.params.get("amount", problem.params.get("value", ""))
        params["amount"] = params["value"] = (
            price_text(value) if _decimal(value) is not None else value)
    if problem.code == "unit-not-leasable":
        params["status"] = stored_label(UnitStatus, problem.params.get("status", ""))
    if problem.code == "unit-common":
        params["use"] = stored_label(SpaceUse, problem.params.get("use", ""))
    if problem.code == "due-day-invalid":
        params["days"] = _due_days(problem.params)
    return _say(FIELD_PROBLEMS, problem.code, problem.code, params)


def stored_label(kind: type[Enum], value: str) -> str:
    """A member of ``kind`` named by its stored value, as the labels say it (the value
    itself when it names none). Qt is loaded only here."""
    from views.labels import label

    try:
        return label(kind(value))
    except ValueError:
        return value


def field_title(field: str) -> str:
    """A form field's name as the form labels it: ``units[ZD-A-0301]`` → Unit ZD-A-0301,
    ``rent_free[0]`` → Rent-free period 1."""
    maker = FIELDS.get(field)
    if maker is not None:
        return maker()
    name, bracket, rest = field.partition("[")
    if bracket and rest.endswith("]"):
        key = rest[:-1]
        if key.isdigit():
            key = str(int(key) + 1)  # people count from one
        template = INDEXED_FIELDS.get(name)
        if template is not None:
            return template().replace("{key}", key)
    return field


def problem_line(problem: FieldProblem) -> str:
    """``Field: why`` for a list of problems."""
    return translate("ContractText", "{field}: {problem}").replace(
        "{field}", field_title(problem.field)).replace("{problem}", problem_text(problem))
