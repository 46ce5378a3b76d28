"""The pipeline's codes in the reader's language: stages, a match's reasons, refusals.

``domain.leasing`` says a match's score part by part as a reason code with its
figures (``MatchReason``); ``services.pipeline`` refuses with a code, its
figures and the fields it is about. Each code has one translatable template
here (context ``PipelineText``), as :mod:`views.contract_text` has for the
contract rules, whose field problems (a unit already leased, an area that
does not add up) a quote's refusal reuses. A code with no template is said as
its code and figures rather than hidden.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from domain.assets import UnitStatus, UnitType
from domain.leasing.matching import MatchReason
from domain.leasing.pipeline import Stage
from domain.leasing.validation import FieldProblem
from views.contract_text import fill, number_figure, problem_line, raw_text, stored_label

Template = Callable[[], str]
translate = QCoreApplication.translate


STAGES: dict[Stage, Template] = {
    Stage.LEAD: lambda: translate("PipelineText", "Lead"),
    Stage.IN_CONTACT: lambda: translate("PipelineText", "In contact"),
    Stage.NEGOTIATING: lambda: translate("PipelineText", "Negotiating"),
    Stage.QUOTED: lambda: translate("PipelineText", "Quoted"),
    Stage.SIGNED: lambda: translate("PipelineText", "Signed"),
    Stage.LOST: lambda: translate("PipelineText", "Lost"),
}

# A match's reasons (domain.leasing.matching). A code with several wordings names the case
# after a colon (see ``_reason_key``).
REASONS: dict[str, Template] = {
    "area-fit": lambda: translate("PipelineText", "{area} m², inside the {min}–{max} m² asked"),
    "area-small": lambda: translate(
        "PipelineText", "{area} m², {short}% under the least {min} m² asked"),
    "area-large": lambda: translate(
        "PipelineText", "{area} m², {over}% over the most {max} m² asked"),
    "budget-open": lambda: translate("PipelineText", "no budget given"),
    "budget-unknown": lambda: translate(
        "PipelineText", "no asking rent set (budget {budget} per m² a month)"),
    "budget-within": lambda: translate(
        "PipelineText", "asking {asking} per m² a month, within the budget {budget}"),
    "budget-over": lambda: translate(
        "PipelineText", "asking {asking} per m² a month, {over}% over the budget {budget}"),
    "type-any": lambda: translate("PipelineText", "any type will do"),
    "type-match": lambda: translate("PipelineText", "{type}, as asked"),
    "type-other": lambda: translate(
        "PipelineText", "{found}, not the {wanted} asked ({share}% of the area is)"),
    "tags-any": lambda: translate("PipelineText", "no features asked for"),
    "tags:all": lambda: translate("PipelineText", "has {present}, as asked"),
    "tags:some": lambda: translate("PipelineText", "has {present}; lacks {missing}"),
    "tags:none": lambda: translate("PipelineText", "lacks {missing}"),
    "available": lambda: translate("PipelineText", "free from {from}, in time for {by}"),
    "available-late": lambda: translate(
        "PipelineText", "free from {from}, {days} days after {by}"),
    "extra-units": lambda: translate("PipelineText", "{count} more units to join into one"),
}

# What the pipeline's services refuse (services.pipeline.PipelineRefused), by code; a
# field problem of the contract rules is said by views.contract_text.
PROBLEMS: dict[str, Template] = {
    "lead-company-missing": lambda: translate("PipelineText", "Name the company."),
    "lead-area-not-positive": lambda: translate(
        "PipelineText", "The least area must be above zero."),
    "lead-area-range": lambda: translate(
        "PipelineText", "The most area ({max} m²) is below the least ({min} m²)."),
    "lead-budget-not-positive": lambda: translate(
        "PipelineText", "A budget must be above zero; leave it empty when none was given."),
    "lead-lost-reason": lambda: translate("PipelineText", "Say why the lead was lost."),
    "lead-move-refused": lambda: translate(
        "PipelineText", "{lead} cannot move from {from_stage} to {to_stage}."),
    "lead-move-before": lambda: translate(
        "PipelineText", "{lead} has been {stage} since {stage_on}: it cannot move on {on}, "
        "before that."),
    "quote-lead-closed": lambda: translate(
        "PipelineText", "{lead} is {stage}: only an open lead is quoted."),
    "quote-not-open": lambda: translate(
        "PipelineText", "Quote {quote} is {status}: only an open quote becomes a draft "
        "contract."),
    "unit-not-vacant": lambda: translate(
        "PipelineText", "{unit} is not vacant on {on} ({status})."),
    "no-lead": lambda: translate("PipelineText", "That lead is no longer in this workspace."),
    "no-quote": lambda: translate("PipelineText", "That quote is no longer in this workspace."),
    "no-park": lambda: translate("PipelineText", "The workspace has no park."),
    "probability-range": lambda: translate(
        "PipelineText", "The probability of {stage} must lie between 0 and 100%, not {value}."),
}

QUOTE_STATUSES: dict[str, Template] = {
    "open": lambda: translate("PipelineText", "open"),
    "accepted": lambda: translate("PipelineText", "accepted"),
}

_STAGE_PARAMS = ("stage", "from_stage", "to_stage")
_FIGURES = ("area", "min", "max", "asking", "budget")  # m² and rents per m², to the cent


def stage_text(stage: Stage) -> str:
    """A stage's name, as the board's column says it."""
    return STAGES[stage]()


def quote_status_text(status: str) -> str:
    maker = QUOTE_STATUSES.get(status)
    return maker() if maker else status


def _words(values: str) -> str:
    """A comma-joined list of the domain's (tags, types) as the reader lists things."""
    return translate("PipelineText", ", ").join(v for v in values.split(",") if v)


def _type_word(value: str) -> str:
    return stored_label(UnitType, value)


def _reason_key(reason: MatchReason) -> str:
    if reason.code == "tags":
        if not reason.params.get("missing"):
            return "tags:all"
        return "tags:some" if reason.params.get("present") else "tags:none"
    return reason.code


def _with_figures(params: Mapping[str, str]) -> dict[str, str]:
    """The figures as the reader reads them: areas and rents to the cent, grouped."""
    return {key: number_figure(value, 2) if key in _FIGURES else value
            for key, value in params.items()}


def reason_text(reason: MatchReason) -> str:
    """What one part of a match's score says, with its figures in the reader's form."""
    params = _with_figures(reason.params)
    for key in ("present", "missing", "wanted") if reason.code == "tags" else ():
        params[key] = _words(params.get(key, ""))
    if reason.code == "type-other":
        params["wanted"] = _type_word(params.get("wanted", ""))
        params["found"] = _words(",".join(_type_word(t) for t in
                                          params.get("found", "").split(",") if t))
    if reason.code == "type-match":
        params["type"] = _type_word(params.get("type", ""))
    maker = REASONS.get(_reason_key(reason))
    filled = None if maker is None else fill(maker(), params)
    return filled if filled is not None else raw_text(reason.code, dict(reason.params))


def points_text(points: int) -> str:
    """A part's points as the list shows them: ``+40``, ``−3``."""
    return f"+{points}" if points >= 0 else f"−{-points}"


def reason_line(reason: MatchReason) -> str:
    """``+40  300.00 m², inside …``: the points, then why."""
    template = translate("PipelineText", "{points}  {reason}")
    return template.replace("{points}", points_text(reason.points)).replace(
        "{reason}", reason_text(reason))


def problem_text(problem: FieldProblem) -> str:
    """A field problem of a lead or a quote: the pipeline's own words, else the contract
    rules' (``views.contract_text``)."""
    maker = PROBLEMS.get(problem.code)
    if maker is None:
        return problem_line(problem)
    return _say(maker(), problem.code, problem.params)


def _say(template: str, code: str, params: Mapping[str, str]) -> str:
    shown = _with_figures(params)
    for key in _STAGE_PARAMS:
        if key in shown:
            with contextlib.suppress(ValueError):
                shown[key] = stage_text(Stage(shown[key]))
    if "status" in shown and code == "quote-not-open":
        shown["status"] = quote_status_text(shown["status"])
    elif "status" in shown:
        shown["status"] = stored_label(UnitStatus, shown["status"])
    if "value" in shown and code == "probability-range":
        shown["value"] = number_figure(shown["value"], 4)
    filled = fill(template, shown)
    return filled if filled is not None else raw_text(code, dict(params))


def refusal_text(error: Any) -> str:
    """A pipeline refusal, or any error, in the reader's language: each field problem on
    its own line, else the refusal's own template, else the message catalogue's words."""
    from views.message_text import message_text

    problems = list(getattr(error, "problems", None) or ())
    if problems:
        return "\n".join(problem_text(p) for p in problems)
    code = getattr(error, "code", "")
    maker = PROBLEMS.get(code) if isinstance(code, str) else None
    if maker is not None:
        return _say(maker(), code, dict(getattr(error, "params", {}) or {}))
    return message_text(error)
