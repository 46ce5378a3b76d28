"""The leasing pipeline as use cases: leads, their stages, quotes, and a quote's draft contract.

The rules are the domain's (``domain.leasing.pipeline``: stages, moves, odds;
``domain.leasing.quotes``: a quote's terms and figures); here they meet the
store, one transaction per use case. A lead is descriptive (SYNC.md: last
writer wins per field), so creating, editing and moving one are plain row
changes, each field its own ``field_set`` op; a quote is the ``quote``
command in the outbox, carrying the whole proposal. A refusal raises
:class:`PipelineRefused` (a ``runtime.messages.UserError``) with a stable
code, its figures and, for a form, the fields it is about; nothing is written.

A quote's units must be vacant on its first day by the one rule of vacancy
(:func:`domain.occupancy.is_vacant` on the contracts holding them, as the
maps and matching read it) and free of any lease over its term. A quote
becomes a draft contract (:func:`quote_to_draft`) with exactly its terms;
when that contract is signed, :func:`on_contract_signed` moves its lead to
signed.

A lead's stage history is its own insert-only table (``lead_stage_steps``):
every use case that puts a lead in a stage (creating it, moving it, quoting
it, signing its contract) writes the step in the same transaction, and the
step syncs like any ledger row. The outbox, which sync empties, is no longer
read for it; the migration that made the table filled it from what the
outbox still held. The current stage and the day it was reached are always
on the lead, and steps read in the order of their HLC stamps (causal order
across devices, whatever the machines' clocks say).
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.assets import UnitType
from domain.contracts import (
    ContractDateError,
    ContractStatus,
    Holding,
    Occupancy,
    holding_on,
    last_day,
)
from domain.leasing.clauses import RentFreeKind, RentTerms
from domain.leasing.codec import terms_from_json, terms_to_json
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.pipeline import (
    DEFAULT_PROBABILITIES,
    OPEN_STAGES,
    LeadNeeds,
    Stage,
    lead_field_problems,
    may_move,
    probability,
    weighted_pipeline,
)
from domain.leasing.quotes import QuoteFigures, QuoteTerms, quote_figures, quote_to_terms
from domain.leasing.schedule import add_months, rent_schedule, total
from domain.leasing.validation import FieldProblem
from domain.money import ZERO, money, round_to
from domain.occupancy import is_vacant, may_sign
from domain.space_use import is_common
from runtime.messages import UserError
from services import contracts
from services.tenants import add_tenant
from store.changes import CONTEXT_KEY, record_command, under_command
from store.holds import contracts_of, term_of
from store.schema import Contract, Lead, LeadStageStep, Park, Quote, Tenant, Unit
from store.types import utc_now
from store.workspace import Workspace

LEAD_PREFIX = "XS"  # 线索: XS-0001
QUOTE_PREFIX = "BJ"  # 报价: BJ-0001
QUOTE_OPEN = "open"
QUOTE_ACCEPTED = "accepted"
LIVE_QUOTES = (QUOTE_OPEN, QUOTE_ACCEPTED)  # what a lead's expected value is read from
# The engine's findings that make a quote meaningless (its other ones, such as a CPI
# year not known yet, are what any contract lives with).
_BAD_TERMS = frozenset({"dates", "rent-free-outside-term"})
_BEFORE_QUOTED = frozenset({Stage.LEAD, Stage.IN_CONTACT, Stage.NEGOTIATING})
_FEW_LEADS = 500  # leads whose quotes are read by their ids (one IN (…)); more: the park's


class PipelineRefused(UserError):
    """A pipeline change the rules refuse; ``problems`` name the form's fields. Nothing written."""

    def __init__(self, message: str, code: str, /, *,
                 problems: Sequence[FieldProblem] = (), **params: object) -> None:
        super().__init__(message, code, **params)
        self.problems = list(problems)


# -- records -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class LeadInput:
    """What a person enters for a lead. Areas in m² (``area_min`` ≤ ``area_max``, above
    zero); ``budget`` the most it pays per m² per month (None: not said)."""

    company: str
    area_min: Decimal
    area_max: Decimal
    contact_name: str = ""
    contact_phone: str = ""
    industry: str = ""
    budget: Decimal | None = None
    move_in_on: date | None = None
    unit_type: UnitType | None = None
    tags: tuple[str, ...] = ()
    owner: str = ""
    source: str = ""
    notes: str = ""
    tenant_id: uuid.UUID | None = None


@dataclass(frozen=True)
class LeadRow:
    """A lead as the board and the form show it, on a day.

    ``expected_value`` is what the lead would bring in a year: the first-year rent of
    its latest live quote (``quoted``), else budget × the most area × 12 (zero without
    a budget).
    """

    id: uuid.UUID
    code: str
    company: str
    contact_name: str
    contact_phone: str
    industry: str
    stage: Stage
    stage_on: date
    lost_reason: str
    area_min: Decimal
    area_max: Decimal
    budget: Decimal | None
    move_in_on: date | None
    unit_type: UnitType | None
    tags: tuple[str, ...]
    owner: str
    source: str
    notes: str
    tenant_id: uuid.UUID | None
    days_in_stage: int
    expected_value: Decimal
    quoted: bool


@dataclass(frozen=True)
class StageStep:
    """One stage a lead was in, from ``on``; ``actor`` who moved it there."""

    stage: Stage
    on: date
    actor: str
    at: datetime | None
    lost_reason: str = ""


@dataclass(frozen=True)
class PipelineSummary:
    """The board's headers: per stage the leads, their expected value and that value ×
    the stage's probability; ``weighted`` the open stages' sum (what may still close)."""

    counts: Mapping[Stage, int]
    values: Mapping[Stage, Decimal]
    weighted_by_stage: Mapping[Stage, Decimal]
    probabilities: Mapping[Stage, Decimal]
    weighted: Decimal


@dataclass(frozen=True)
class QuotedUnit:
    unit_id: uuid.UUID
    unit_code: str
    billable_area: Decimal


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its figures; ``contract_code`` the draft it became, if any."""

    id: uuid.UUID
    code: str
    lead_id: uuid.UUID
    quoted_on: date
    valid_until: date | None
    units: tuple[QuotedUnit, ...]
    terms: RentTerms
    total_rent: Decimal
    net_effective_rent: Decimal
    first_year_rent: Decimal
    status: str
    contract_id: uuid.UUID | None
    contract_code: str

    @property
    def unit_codes(self) -> tuple[str, ...]:
        return tuple(u.unit_code for u in self.units)


# -- leads ---------------------------------------------------------------------------------


def lead_problems(session: Session, park_id: uuid.UUID, data: LeadInput) -> list[FieldProblem]:
    """Why ``data`` cannot be saved, field by field: the form's own checks
    (:func:`domain.leasing.pipeline.lead_field_problems`), and the tenant it names."""
    problems = lead_field_problems(data.company, data.area_min, data.area_max, data.budget)
    if data.tenant_id is not None:
        tenant = session.get(Tenant, data.tenant_id)
        if tenant is None or tenant.archived or tenant.park_id != park_id:
            problems.append(FieldProblem("tenant", "no-tenant",
                                         {"tenant": str(data.tenant_id)}))
    return problems


def create_lead(workspace: Workspace, park_id: uuid.UUID, data: LeadInput, on: date
                ) -> uuid.UUID:
    """A new lead in the first stage from ``on``, coded ``XS-0001`` on (the next free number)."""
    with workspace.transaction() as session:
        if session.get(Park, park_id) is None:
            raise PipelineRefused(f"no park {park_id}", "no-park")
        _refuse_lead(lead_problems(session, park_id, data), data.company)
        lead = Lead(park_id=park_id, code=_next_code(session, Lead, park_id, LEAD_PREFIX),
                    stage=Stage.LEAD.value, stage_on=on, lost_reason="")
        _fill_lead(lead, data)
        session.add(lead)
        session.flush()
        _record_step(session, lead)
        return lead.id


def update_lead(workspace: Workspace, lead_id: uuid.UUID, data: LeadInput) -> None:
    """Change what a lead says of itself (not its stage: :func:`move_lead` does that)."""
    with workspace.transaction() as session:
        lead = _lead(session, lead_id)
        _refuse_lead(lead_problems(session, lead.park_id, data), lead.code)
        _fill_lead(lead, data)


def move_lead(workspace: Workspace, lead_id: uuid.UUID, to: Stage, on: date,
              lost_reason: str = "") -> None:
    """Move a lead to ``to`` from ``on``, as the board allows (``may_move``); a lost lead
    says why. Reopening a lost lead clears its reason."""
    with workspace.transaction() as session:
        lead = _lead(session, lead_id)
        current = Stage(lead.stage)
        if not may_move(current, to):
            raise PipelineRefused(f"{lead.code} cannot move from {current.value} to {to.value}",
                                  "lead-move-refused", lead=lead.code, from_stage=current.value,
                                  to_stage=to.value)
        reason = lost_reason.strip()
        if to is Stage.LOST and not reason:
            raise PipelineRefused(f"{lead.code}: say why it was lost", "lead-lost-reason",
                                  problems=[FieldProblem("lost_reason", "lead-lost-reason")],
                                  lead=lead.code)
        if on < lead.stage_on:
            raise PipelineRefused(
                f"{lead.code} reached {current.value} on {lead.stage_on}: it cannot move on {on}",
                "lead-move-before", lead=lead.code, stage=current.value,
                stage_on=lead.stage_on.isoformat(), on=on.isoformat())
        lead.stage = to.value
        lead.stage_on = on
        lead.lost_reason = reason if to is Stage.LOST else ""
        _record_step(session, lead)


def needs_of(lead: LeadRow) -> LeadNeeds:
    """What matching scores units against for this lead."""
    return LeadNeeds(lead.area_min, lead.area_max, budget=lead.budget,
                     move_in_on=lead.move_in_on, unit_type=lead.unit_type,
                     tags=frozenset(lead.tags))


def lead_row(session: Session, lead_id: uuid.UUID, on: date | None = None) -> LeadRow:
    """One lead as the form shows it on ``on`` (today when None)."""
    lead = _lead(session, lead_id)
    values = _expected_values(session, lead.park_id, [lead])
    return _row(lead, on or date.today(), values.get(lead.id))


def leads_by_stage(session: Session, park_id: uuid.UUID, on: date | None = None
                   ) -> dict[Stage, list[LeadRow]]:
    """The park's leads per stage, every stage present in the board's order; in a stage the
    latest moved first (then by code). Days in stage count to ``on`` (today when None)."""
    day = on or date.today()
    leads = list(session.scalars(select(Lead).where(Lead.park_id == park_id, ~Lead.archived)))
    values = _expected_values(session, park_id, leads)
    board: dict[Stage, list[LeadRow]] = {stage: [] for stage in Stage}
    for lead in leads:
        row = _row(lead, day, values.get(lead.id))
        board[row.stage].append(row)
    for rows in board.values():
        rows.sort(key=lambda r: r.code)
        rows.sort(key=lambda r: r.stage_on, reverse=True)
    return board


def stage_overrides(session: Session, park_id: uuid.UUID) -> dict[str, Decimal]:
    """The park's own stage probabilities (0–1, keyed by the stage's value)."""
    park = session.get(Park, park_id)
    if park is None or not park.stage_probabilities:
        return {}
    return {key: Decimal(value) for key, value in park.stage_probabilities.items()}


def summarize(board: Mapping[Stage, Sequence[LeadRow]],
              overrides: Mapping[str, Decimal] | None = None) -> PipelineSummary:
    """The headers of a board already read (:func:`leads_by_stage`)."""
    counts = {stage: len(board.get(stage, ())) for stage in Stage}
    values = {stage: money(sum((r.expected_value for r in board.get(stage, ())), ZERO))
              for stage in Stage}
    weighted = {stage: weighted_pipeline(((stage, r.expected_value)
                                          for r in board.get(stage, ())), overrides)
                for stage in Stage}
    odds = {stage: probability(stage, overrides) for stage in Stage}
    open_total = weighted_pipeline(((r.stage, r.expected_value)
                                    for stage in OPEN_STAGES for r in board.get(stage, ())),
                                   overrides)
    return PipelineSummary(counts, values, weighted, odds, open_total)


def pipeline_summary(session: Session, park_id: uuid.UUID, on: date | None = None
                     ) -> PipelineSummary:
    """Count and value per stage, weighted by the park's probabilities."""
    return summarize(leads_by_stage(session, park_id, on), stage_overrides(session, park_id))


def set_stage_probabilities(workspace: Workspace, park_id: uuid.UUID,
                            overrides: Mapping[Stage, Decimal]) -> None:
    """The park's own probabilities (0–1) for the stages given; the others keep the
    defaults. A stage given its default is stored as no override."""
    _refuse_settings(_probability_problems(overrides))
    with workspace.transaction() as session:
        _write_probabilities(_park(session, park_id), overrides)


# -- the park's leasing settings -------------------------------------------------------------

DISCOUNT_RATE_PLACES = 6  # the column's scale (parks.discount_rate: 0.061250 for 6.125 %)


@dataclass(frozen=True)
class LeasingSettings:
    """What the park's leasing settings dialog shows: each stage's probability (0–1, the
    park's own or the default), the stages whose figure is the park's own, and the yearly
    rate a discounted net effective rent uses (None: the park discounts nothing)."""

    probabilities: Mapping[Stage, Decimal]
    own: frozenset[Stage]
    discount_rate: Decimal | None


def leasing_settings(session: Session, park_id: uuid.UUID) -> LeasingSettings:
    """The park's stage probabilities and discount rate, as :func:`save_leasing_settings`
    takes them back."""
    park = session.get(Park, park_id)
    if park is None:
        raise PipelineRefused(f"no park {park_id}", "no-park")
    overrides = stage_overrides(session, park_id)
    own = frozenset(stage for stage in Stage if stage.value in overrides)
    odds = {stage: overrides[stage.value] if stage in own else DEFAULT_PROBABILITIES[stage]
            for stage in Stage}
    return LeasingSettings(odds, own, park.discount_rate)


def set_discount_rate(workspace: Workspace, park_id: uuid.UUID, rate: Decimal | None) -> None:
    """The yearly rate (0.06 for 6 %, 0 ≤ rate < 1, kept to the column's six places) the
    park's discounted net effective rents use; None clears it. A rate of 1 or more is
    refused: it is a percentage typed as a fraction's place (6 for 6 %) far more often than
    a real rate, and would discount a year's rent to half or less."""
    kept = _rate_kept(rate)
    _refuse_settings(_rate_problems(rate, kept))
    with workspace.transaction() as session:
        _write_rate(_park(session, park_id), kept)


def save_leasing_settings(workspace: Workspace, park_id: uuid.UUID,
                          probabilities: Mapping[Stage, Decimal],
                          discount_rate: Decimal | None) -> None:
    """What the settings dialog's OK writes, in one transaction: the stage probabilities
    as :func:`set_stage_probabilities` keeps them (the stages given; a stage at its default
    is no override) and the discount rate as :func:`set_discount_rate` does. Every figure
    out of range is refused at once, field by field, and then nothing is written."""
    kept = _rate_kept(discount_rate)
    _refuse_settings([*_probability_problems(probabilities),
                      *_rate_problems(discount_rate, kept)])
    with workspace.transaction() as session:
        park = _park(session, park_id)
        _write_probabilities(park, probabilities)
        _write_rate(park, kept)


def _write_probabilities(park: Park, probabilities: Mapping[Stage, Decimal]) -> None:
    """The stages given, a stage at its default as no override; set only when they differ
    as numbers (0.5 stored and 0.50 given is no change, and no op)."""
    odds = {stage.value: Decimal(value) for stage, value in probabilities.items()
            if value != DEFAULT_PROBABILITIES[stage]}
    stored = {key: Decimal(value) for key, value in (park.stage_probabilities or {}).items()}
    if odds != stored:
        park.stage_probabilities = {key: format(value.normalize(), "f")
                                    for key, value in odds.items()}


def _park(session: Session, park_id: uuid.UUID) -> Park:
    park = session.get(Park, park_id)
    if park is None:
        raise PipelineRefused(f"no park {park_id}", "no-park")
    return park


def _probability_problems(probabilities: Mapping[Stage, Decimal]) -> list[FieldProblem]:
    """Probabilities lie in 0–1."""
    return [FieldProblem(f"probability[{stage.value}]", "probability-range",
                         {"stage": stage.value, "value": str(value)})
            for stage, value in probabilities.items()
            if not (value.is_finite() and Decimal(0) <= value <= Decimal(1))]


def _rate_kept(rate: Decimal | None) -> Decimal | None:
    """The rate as the column keeps it (six places); None for none, or for a rate that is
    no number or lies outside 0–1 before it is even rounded (1E+999999 cannot be)."""
    if rate is None or not rate.is_finite() or not Decimal(0) <= rate < Decimal(1):
        return None
    return round_to(rate, DISCOUNT_RATE_PLACES)


def _rate_problems(rate: Decimal | None, kept: Decimal | None) -> list[FieldProblem]:
    """A rate given must be a number in 0 ≤ rate < 1 once kept to the column's places (so
    0.9999999, which would be stored as 1, is refused too)."""
    if rate is None:
        return []
    if kept is None or not Decimal(0) <= kept < Decimal(1):
        return [FieldProblem("discount_rate", "discount-rate-range", {"value": str(rate)})]
    return []


def _refuse_settings(problems: Sequence[FieldProblem]) -> None:
    if not problems:
        return
    first = problems[0]
    if first.code == "discount-rate-range":
        raise PipelineRefused(f"a discount rate must lie in 0 ≤ rate < 1, not "
                              f"{first.params['value']}", first.code, problems=problems,
                              value=first.params["value"])
    raise PipelineRefused("a stage probability must lie in 0–1", first.code, problems=problems,
                          stage=first.params["stage"], value=first.params["value"])


def _write_rate(park: Park, rate: Decimal | None) -> None:
    """Set only a rate that differs, so a save that keeps it leaves no op in the outbox."""
    if rate != park.discount_rate:
        park.discount_rate = rate


def lead_history(session: Session, lead_id: uuid.UUID) -> list[StageStep]:
    """The lead's stages, oldest first, from its steps (see the module's note); the current
    stage is always the last, even before the step of a move made on another device has
    arrived (a pull may bring the lead's fields before its steps)."""
    lead = _lead(session, lead_id)
    rows = sorted(session.scalars(select(LeadStageStep).where(LeadStageStep.lead_id == lead.id)),
                  key=lambda r: (r.hlc, str(r.id)))
    out: list[StageStep] = []
    for row in rows:
        try:
            stage = Stage(row.stage)
        except ValueError:  # a stage a newer version knows: not shown, as before
            continue
        out.append(StageStep(stage, row.stage_on, row.actor, row.moved_at, row.lost_reason))
    current = Stage(lead.stage)
    if not out or (out[-1].stage, out[-1].on, out[-1].lost_reason) != (
            current, lead.stage_on, lead.lost_reason):
        out.append(StageStep(current, lead.stage_on, "", None, lead.lost_reason))
    return out


# -- quotes --------------------------------------------------------------------------------


def quote_problems(session: Session, park_id: uuid.UUID, unit_ids: Sequence[uuid.UUID],
                   q: QuoteTerms) -> list[FieldProblem]:
    """Why ``q`` on these units cannot be offered: a unit not free on the first day or let
    during the term, an area that is not the units' billable area, terms the rent engine
    cannot bill. Fields as the contract form names them (``units[<code>]``, ``terms.area``)."""
    if not unit_ids:
        return [FieldProblem("units", "no-units")]
    problems: list[FieldProblem] = []
    units = _units(session, unit_ids)
    holds = _holds(session, [u.id for u in units.values()])
    area = ZERO
    for unit_id in unit_ids:
        unit = units.get(unit_id)
        if unit is None or unit.park_id != park_id:
            problems.append(FieldProblem("units", "unknown-unit", {"unit": str(unit_id)}))
            continue
        area += unit.billable_area
        problems += _unit_problems(unit, holds.get(unit.id, []), q.starts_on, q.ends_on)
    if len(set(unit_ids)) != len(unit_ids):
        problems.append(FieldProblem("units", "duplicate-unit", {"unit": ""}))
    if not problems and q.area != area:
        problems.append(FieldProblem("terms.area", "area-total-mismatch",
                                     {"area": str(q.area), "units": str(area)}))
    if q.rate <= 0:
        problems.append(FieldProblem("terms.rate", "not-positive", {"value": str(q.rate)}))
    if q.ends_on < q.starts_on:
        problems.append(FieldProblem("ends_on", "end-before-start", {
            "starts_on": q.starts_on.isoformat(), "ends_on": q.ends_on.isoformat()}))
    return problems


def make_quote(workspace: Workspace, lead_id: uuid.UUID, unit_ids: Sequence[uuid.UUID],
               q: QuoteTerms, on: date, valid_days: int = 30) -> uuid.UUID:
    """Quote ``q`` on the units to the lead on ``on``, valid ``valid_days``: the ``quote``
    command with the terms document, its units at their billable areas and its figures at
    the park's discount rate. A lead not yet quoted moves to quoted."""
    with workspace.transaction() as session:
        lead = _lead(session, lead_id)
        stage = Stage(lead.stage)
        if not stage.is_open:
            raise PipelineRefused(f"{lead.code} is {stage.value}: only an open lead is quoted",
                                  "quote-lead-closed", lead=lead.code, stage=stage.value)
        problems = quote_problems(session, lead.park_id, list(unit_ids), q)
        park = session.get(Park, lead.park_id)
        figures = quote_figures(q, park.discount_rate if park is not None else None)
        problems += [FieldProblem("terms", p.code, dict(p.params)) for p in figures.problems
                     if p.code in _BAD_TERMS]
        if problems:
            said = "; ".join(f"{p.field}: {p.code}" for p in problems)
            raise PipelineRefused(f"quote for {lead.code} refused: {said}", "quote-refused",
                                  problems=problems, lead=lead.code)
        units = _units(session, unit_ids)
        let = sorted(({"unit_id": str(u.id), "unit_code": u.code,
                       "billable_area": str(u.billable_area)} for u in units.values()),
                     key=lambda u: u["unit_code"])
        quote = Quote(park_id=lead.park_id, lead_id=lead.id,
                      code=_next_code(session, Quote, lead.park_id, QUOTE_PREFIX),
                      quoted_on=on, valid_until=on + timedelta(days=valid_days), units=let,
                      terms=terms_to_json(quote_to_terms(q)), total_rent=figures.total_rent,
                      net_effective_rent=figures.net_effective_rent, status=QUOTE_OPEN,
                      notes="")
        with under_command(session):
            session.add(quote)
        record_command(session, "quote", Quote, quote.id, _quote_payload(quote, figures))
        if stage in _BEFORE_QUOTED:
            lead.stage = Stage.QUOTED.value
            lead.stage_on = max(on, lead.stage_on)
            _record_step(session, lead)
        return quote.id


def quotes_of(session: Session, lead_id: uuid.UUID) -> list[QuoteRow]:
    """The lead's quotes, the latest first."""
    rows = session.scalars(select(Quote).where(Quote.lead_id == lead_id, ~Quote.archived))
    quotes = sorted(rows, key=lambda r: (r.quoted_on, r.code), reverse=True)
    made = [r.contract_id for r in quotes if r.contract_id is not None]
    codes: dict[uuid.UUID, str] = {}
    if made:
        codes = {cid: code for cid, code in session.execute(
            select(Contract.id, Contract.code).where(Contract.id.in_(made)))}
    return [_quote_row(r, codes.get(r.contract_id, "") if r.contract_id else "")
            for r in quotes]


def quote_to_draft(workspace: Workspace, quote_id: uuid.UUID, contract_code: str,
                   signed_on: date) -> uuid.UUID:
    """The draft contract an open quote becomes: its units at their quoted areas and exactly
    its terms, for the lead's tenant, or for a new tenant made from the lead's company and
    contact (then the lead's tenant from now on). The contract points at the lead; the
    quote is accepted and points at the contract. A refusal by the contract rules
    (``services.contracts.ContractRefused``) writes nothing, the tenant included."""
    with workspace.transaction() as session:
        quote = session.get(Quote, quote_id)
        if quote is None or quote.archived:
            raise PipelineRefused(f"no quote {quote_id}", "no-quote", quote=str(quote_id))
        if quote.status != QUOTE_OPEN:
            raise PipelineRefused(f"quote {quote.code} is {quote.status}", "quote-not-open",
                                  quote=quote.code, status=quote.status)
        lead = _lead(session, quote.lead_id)
        if Stage(lead.stage) is Stage.LOST:
            raise PipelineRefused(f"{lead.code} is lost: reopen it first", "quote-lead-closed",
                                  lead=lead.code, stage=lead.stage)
        tenant = _tenant_of(session, lead)
        terms = terms_from_json(quote.terms)
        units = tuple(LetUnit(u["unit_id"], u["unit_code"], Decimal(u["billable_area"]))
                      for u in quote.units)
        spec = ContractSpec(
            code=contract_code, tenant_id=str(tenant.id), tenant_name=tenant.name,
            kind=_kind(session, units, lead), signed_on=signed_on, units=units, terms=terms,
            delivered_on=terms.starts_on, rent_starts_on=_rent_start(terms))
        # the tenant, the draft and the accepted quote commit together or not at all
        contract = contracts.save_draft_in(session, quote.park_id, spec, lead_id=lead.id)
        quote.status = QUOTE_ACCEPTED
        quote.contract_id = contract.id
        return contract.id


def on_contract_signed(session: Session, contract: Contract) -> bool:
    """Within the signing's transaction: the contract's lead moves to signed on the signing
    day (from any stage: a contract is the proof), and takes the contract's tenant if it
    had none. True when the lead changed. Call it outside ``under_command`` so the lead's
    changes travel as its own field ops."""
    if contract.lead_id is None:
        return False
    lead = session.get(Lead, contract.lead_id)
    if lead is None or lead.archived:
        return False
    changed = False
    if lead.tenant_id is None:
        lead.tenant_id = contract.tenant_id
        changed = True
    if Stage(lead.stage) is not Stage.SIGNED:
        lead.stage = Stage.SIGNED.value
        lead.stage_on = contract.signed_on
        lead.lost_reason = ""
        _record_step(session, lead)
        changed = True
    return changed


# -- helpers -------------------------------------------------------------------------------


def first_year_rent(terms: RentTerms) -> Decimal:
    """The rent of the term's first twelve months, as :func:`quote_figures` counts it."""
    start = terms.starts_on
    year_end = min(terms.ends_on, add_months(start, 12, start.day) - timedelta(days=1))
    if year_end < start:
        return ZERO
    lines, _ = rent_schedule(dataclasses.replace(terms, ends_on=year_end))
    return total(lines)


def _lead(session: Session, lead_id: uuid.UUID) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.archived:
        raise PipelineRefused(f"no lead {lead_id}", "no-lead", lead=str(lead_id))
    return lead


def _record_step(session: Session, lead: Lead) -> None:
    """The stage the lead is now in, as the next step of its history (insert-only), by the
    transaction's actor: the same person its outbox ops name."""
    context = session.info.get(CONTEXT_KEY)
    session.add(LeadStageStep(
        lead_id=lead.id, stage=lead.stage, stage_on=lead.stage_on,
        lost_reason=lead.lost_reason, actor=context.actor if context is not None else "",
        moved_at=utc_now()))


def _refuse_lead(problems: Sequence[FieldProblem], name: str) -> None:
    if problems:
        said = "; ".join(f"{p.field}: {p.code}" for p in problems)
        raise PipelineRefused(f"lead {name} refused: {said}", "lead-refused",
                              problems=problems, lead=name)


def _fill_lead(lead: Lead, data: LeadInput) -> None:
    values: dict[str, Any] = {
        "company": data.company.strip(), "contact_name": data.contact_name.strip(),
        "contact_phone": data.contact_phone.strip(), "industry": data.industry.strip(),
        "area_min": data.area_min, "area_max": data.area_max, "budget": data.budget,
        "move_in_on": data.move_in_on, "unit_type": data.unit_type,
        "tags": sorted({t.strip() for t in data.tags if t.strip()}),
        "owner": data.owner.strip(), "source": data.source.strip(), "notes": data.notes,
        "tenant_id": data.tenant_id,
    }
    for name, value in values.items():
        if getattr(lead, name) != value:
            setattr(lead, name, value)


def _next_code(session: Session, table: type[Lead] | type[Quote], park_id: uuid.UUID,
               prefix: str) -> str:
    """``<prefix>-0001`` on: one past the park's highest number with that prefix."""
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    numbers = [int(m.group(1)) for code in session.scalars(
        select(table.code).where(table.park_id == park_id)) if (m := pattern.match(code))]
    return f"{prefix}-{max(numbers, default=0) + 1:04d}"


def _row(lead: Lead, on: date, quoted_value: Decimal | None) -> LeadRow:
    if quoted_value is not None:
        value = quoted_value
    elif lead.budget is not None:
        value = money(lead.budget * lead.area_max * 12)
    else:
        value = ZERO
    return LeadRow(
        id=lead.id, code=lead.code, company=lead.company, contact_name=lead.contact_name,
        contact_phone=lead.contact_phone, industry=lead.industry, stage=Stage(lead.stage),
        stage_on=lead.stage_on, lost_reason=lead.lost_reason, area_min=lead.area_min,
        area_max=lead.area_max, budget=lead.budget, move_in_on=lead.move_in_on,
        unit_type=lead.unit_type, tags=tuple(lead.tags or ()), owner=lead.owner,
        source=lead.source, notes=lead.notes, tenant_id=lead.tenant_id,
        days_in_stage=max(0, (on - lead.stage_on).days), expected_value=value,
        quoted=quoted_value is not None)


def _expected_values(session: Session, park_id: uuid.UUID, leads: Iterable[Lead]
                     ) -> dict[uuid.UUID, Decimal]:
    """Each quoted lead's first-year rent, from its latest live quote."""
    ids = [lead.id for lead in leads]
    if not ids:
        return {}
    query = select(Quote).where(Quote.park_id == park_id, ~Quote.archived,
                                Quote.status.in_(LIVE_QUOTES))
    if len(ids) <= _FEW_LEADS:  # a lead's form: its own quotes, not the whole park's
        query = query.where(Quote.lead_id.in_(ids))
    latest: dict[uuid.UUID, Quote] = {}
    for quote in session.scalars(query):
        if quote.lead_id not in latest or (quote.quoted_on, quote.code) > (
                latest[quote.lead_id].quoted_on, latest[quote.lead_id].code):
            latest[quote.lead_id] = quote
    wanted = set(ids)
    return {lead_id: first_year_rent(terms_from_json(quote.terms))
            for lead_id, quote in latest.items() if lead_id in wanted}


def _units(session: Session, unit_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Unit]:
    ids = list(unit_ids)
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(ids)))}


def _holds(session: Session, unit_ids: list[uuid.UUID]
           ) -> dict[uuid.UUID, list[tuple[Contract, Holding | None]]]:
    """The stored (not draft) contracts on each unit, each with its hold when its dates make
    one (an old record whose dates contradict is kept for the overlap check alone)."""
    out: dict[uuid.UUID, list[tuple[Contract, Holding | None]]] = {}
    for unit_id, pairs in contracts_of(session, list(unit_ids)).items():
        for contract, link in pairs:
            if contract.status is ContractStatus.DRAFT:
                continue
            try:
                term = term_of(contract, link)  # an amendment may have added or released it
            except ContractDateError:
                hold = None
            else:
                hold = Holding(term, "", contract.code, contract.rent_per_sqm_month)
            out.setdefault(unit_id, []).append((contract, hold))
    return out


def _unit_problems(unit: Unit, holds: list[tuple[Contract, Holding | None]],
                   starts_on: date, ends_on: date) -> list[FieldProblem]:
    row = f"units[{unit.code}]"
    params = {"unit": unit.code}
    if unit.archived:
        return [FieldProblem(row, "unit-archived", params)]
    if is_common(unit.space_use):
        return [FieldProblem(row, "unit-common", {**params, "use": unit.space_use.value})]
    if not may_sign(unit.status, unit.space_use):
        return [FieldProblem(row, "unit-not-leasable", {**params, "status": unit.status.value})]
    problems: list[FieldProblem] = []
    for contract, hold in holds:
        first = hold.term.starts_on if hold is not None else contract.starts_on
        last = last_day(hold.term) if hold is not None else (
            min(contract.ends_on, contract.terminated_on) if contract.terminated_on
            else contract.ends_on)
        if max(first, starts_on) <= min(last, ends_on):
            problems.append(FieldProblem(row, "unit-leased", {
                **params, "contract": contract.code, "starts_on": first.isoformat(),
                "last_day": last.isoformat()}))
    if problems:
        return problems
    occupancy, hold = holding_on([h for _c, h in holds if h is not None], starts_on)
    if not is_vacant(unit.status, occupancy, unit.space_use):
        if hold is not None and occupancy is not Occupancy.NONE:
            return [FieldProblem(row, "unit-leased", {
                **params, "contract": hold.contract_code,
                "starts_on": hold.term.starts_on.isoformat(),
                "last_day": last_day(hold.term).isoformat()})]
        return [FieldProblem(row, "unit-not-vacant", {
            **params, "status": unit.status.value, "on": starts_on.isoformat()})]
    return []


def _quote_payload(quote: Quote, figures: QuoteFigures) -> dict[str, Any]:
    return {
        "quote": str(quote.id), "code": quote.code, "park": str(quote.park_id),
        "lead": str(quote.lead_id), "quoted_on": quote.quoted_on.isoformat(),
        "valid_until": quote.valid_until.isoformat() if quote.valid_until else None,
        "units": quote.units, "terms": quote.terms, "total_rent": str(quote.total_rent),
        "net_effective_rent": str(quote.net_effective_rent),
        "discounted_ner": (str(figures.discounted_ner) if figures.discounted_ner is not None
                           else None),
        "first_year_rent": str(figures.first_year_rent), "status": quote.status,
    }


def _quote_row(quote: Quote, contract_code: str) -> QuoteRow:
    terms = terms_from_json(quote.terms)
    return QuoteRow(
        id=quote.id, code=quote.code, lead_id=quote.lead_id, quoted_on=quote.quoted_on,
        valid_until=quote.valid_until,
        units=tuple(QuotedUnit(uuid.UUID(u["unit_id"]), u["unit_code"],
                               Decimal(u["billable_area"])) for u in quote.units),
        terms=terms, total_rent=quote.total_rent, net_effective_rent=quote.net_effective_rent,
        first_year_rent=first_year_rent(terms), status=quote.status,
        contract_id=quote.contract_id, contract_code=contract_code)


def _tenant_of(session: Session, lead: Lead) -> Tenant:
    """The lead's tenant, or a new one made from its company and contact."""
    if lead.tenant_id is not None:
        tenant = session.get(Tenant, lead.tenant_id)
        if tenant is not None and not tenant.archived:
            return tenant
    tenant = add_tenant(session, lead.park_id, lead.company, contact_name=lead.contact_name,
                        contact_phone=lead.contact_phone, industry=lead.industry)
    lead.tenant_id = tenant.id
    return tenant


def _kind(session: Session, units: Sequence[LetUnit], lead: Lead) -> UnitType:
    """The contract's type: the type of most of the quoted area (the lead's wish without)."""
    found = _units(session, [uuid.UUID(u.unit_id) for u in units])
    areas: dict[UnitType, Decimal] = {}
    for let in units:
        unit = found.get(uuid.UUID(let.unit_id))
        if unit is not None:
            areas[unit.unit_type] = areas.get(unit.unit_type, ZERO) + let.billable_area
    if areas:
        return max(areas, key=lambda t: (areas[t], t.value))
    return lead.unit_type or UnitType.OFFICE


def _rent_start(terms: RentTerms) -> date | None:
    """Rent starts after a fit-out period at the term's start (the quote's rent-free
    months); None (the term's start) otherwise."""
    fit_out = next((f for f in terms.rent_free if f.kind is RentFreeKind.FIT_OUT
                    and f.starts_on == terms.starts_on), None)
    if fit_out is None:
        return None
    day = fit_out.ends_on + timedelta(days=1)
    return day if day <= terms.ends_on else None
