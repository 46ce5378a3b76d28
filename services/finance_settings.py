"""A park's finance settings: its VAT table, and its working calendar (holidays, 调休).

**VAT rates.** ``parks.tax_rates`` holds the park's overrides of the default table
(``domain.billing.invoices.DEFAULT_TAX_TABLE``): charge or kind → rate as text
("rent": "0.05"), or "exempt". :func:`tax_settings` reads every charge kind with its
default and the park's own value; :func:`save_tax_rates` replaces the overrides (a
value equal to the default is no override), :func:`set_tax_rate` changes one charge
(None goes back to the default). Every value is checked first
(``domain.billing.invoices.tax_rate_problems``: a well-formed code of a known charge
kind, or one the park carries; a number from 0 to 0.17 with at most four places, or
"exempt"); a refusal names each charge and value and writes nothing. Beside the kinds,
the settings list every charge code the park's contracts carry or its bills were posted
for (:func:`charged_codes`: "service:空调费" gets its kind's rate until the park gives it
one of its own), and mark those invoices refuse for want of any rate
(:func:`unrated_charges`: a charge of a kind these rules do not know, "装修押金" from
another program, until the park gives it a rate or exempts it, as it may: the park
carries it). :meth:`TaxSettings.new_charge` checks a code typed to be given a rate of
its own before it is saved (a code of a kind not known only when the park carries it).
A change is one transaction with one ``set_tax_rates`` command (the whole table before
and after), the park's own field op not written beside it.
Invoices are issued at the park's table (``services.invoices.tax_table``).

**Working calendar.** ``holidays`` rows: a public holiday (``holiday``) or a weekend
day worked in its place (``workday``, 调休 补班), one per (park, day), the id derived
from both so two devices entering one day make one row. The collections rules count
working days with it (``services.collections``). :func:`add_holiday` sets a day (a new
one, or another kind or name for one there), :func:`remove_holiday` archives it; each
is one ``set_holiday`` / ``remove_holiday`` command. :func:`rehearse_holiday_import`
reads a year's calendar from CSV or Excel (日期, 类型 休/班, 名称) and says what each
line would do; :func:`import_holidays` does it in one transaction, one ``set_holiday``
command per day added or changed, so importing the same file again adds nothing.
A make-up working day on a weekday is refused: it would change nothing, so it is a
wrong date.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.billing.invoices import CHARGE_CODE_LIMIT as CHARGE_CODE_LIMIT  # bills hold it
from domain.billing.invoices import (
    CHARGE_KINDS,
    DEFAULT_TAX_TABLE,
    EXEMPT,
    Problem,
    TaxTable,
    charge_code_problems,
    charge_kind,
    is_exempt,
    missing_rates,
    park_tax_table,
    parse_rate,
    rate_text,
    tax_rate,
    tax_rate_problems,
)
from domain.leasing.clauses import Charge, ChargeKind
from domain.leasing.schedule import charge_code
from domain.money import ZERO
from importers.rent_roll import (
    HEADER_SCAN,
    RentRollError,
    Unreadable,
    cell_text,
    read_csv_rows,
    read_date,
    read_excel_rows,
    squash,
)
from runtime.messages import Message, UserError
from store.changes import record_command, record_commands, under_command
from store.schema import Bill, Contract, ContractVersion, Holiday, Park
from store.workspace import Workspace

# -- VAT rates ---------------------------------------------------------------------------


class TaxRatesRefused(UserError):
    """Overrides the rules refuse; nothing written. ``parts`` say each (charge and value)."""




@dataclass(frozen=True)
class TaxRateSetting:
    """One charge's VAT as the park has it: what it has without an override of its own
    (``default_rate``, ``default_exempt``: a kind's from the default table, a code's its
    kind's in the park's table), and the park's own (``own``: a rate, ``EXEMPT``, or None
    where the park keeps the default). ``charged``: the park's contracts carry it, or its
    bills were posted for it."""

    charge: str
    default_rate: Decimal | None
    default_exempt: bool
    own: Decimal | str | None = None
    charged: bool = False

    @property
    def is_own(self) -> bool:
        return self.own is not None

    @property
    def exempt(self) -> bool:
        return self.own == EXEMPT if self.own is not None else self.default_exempt

    @property
    def rate(self) -> Decimal | None:
        """The rate invoices use: the park's, else the default; None when exempt."""
        if isinstance(self.own, Decimal):
            return self.own
        return None if self.exempt else self.default_rate

    @property
    def inherits(self) -> str | None:
        """The kind a code falls back to without a rate of its own ("service" for
        "service:空调费"); None for a kind, or a code of a kind the rules do not know."""
        kind = charge_kind(self.charge)
        return kind if kind != self.charge and kind in CHARGE_KINDS else None

    @property
    def settable(self) -> bool:
        """Whether the park can give it a rate: a well-formed code (of a kind the rules do
        not know too: it is listed because the park carries it)."""
        return not charge_code_problems(self.charge, None)

    @property
    def unrated(self) -> bool:
        """Neither a rate nor exempt: invoices and vouchers for it are refused."""
        return self.rate is None and not self.exempt


@dataclass(frozen=True)
class TaxSettings:
    """A park's VAT: every charge kind (the table's order), then the codes the park set a
    rate for or bills (by kind, then code); the table invoices use; the stored overrides
    left out as unreadable."""

    park_id: uuid.UUID
    settings: tuple[TaxRateSetting, ...]
    table: TaxTable
    unreadable: tuple[tuple[str, str], ...] = ()

    def setting(self, charge: str) -> TaxRateSetting | None:
        return next((s for s in self.settings if s.charge == charge), None)

    @property
    def overrides(self) -> dict[str, str]:
        """The park's own values as they are stored."""
        return {s.charge: _stored(s.own) for s in self.settings if s.own is not None}

    @property
    def unrated(self) -> tuple[str, ...]:
        """The charges the park bills that have no rate: invoices for them are refused."""
        return tuple(s.charge for s in self.settings if s.unrated)

    @property
    def carried(self) -> frozenset[str]:
        """The codes the park carries: billed, in its contracts, or in its table."""
        return frozenset(s.charge for s in self.settings if s.charged or s.is_own)

    def new_charge(self, text: str, value: Decimal | str | None = None) -> TaxRateSetting:
        """The row a charge code typed would be, with ``value`` as its own (a rate, "exempt",
        or None for its kind's): the code read as :func:`charge_code_of` reads it. Refused,
        each problem said, when the code is none the park could bill or ``value`` is no
        rate. Nothing is written: saving the rates writes it."""
        code = charge_code_of(text)
        problems = _code_problems(code, carried=self.carried)
        if not problems and value is not None:
            problems = [_message(p) for p in tax_rate_problems({code: value}, self.carried)]
        if problems:
            raise TaxRatesRefused("charge refused: " + "; ".join(p.message for p in problems),
                                  "tax-charge-refused", parts=problems, charge=code)
        there = self.setting(code)
        own = parse_rate(value) if value is not None else None
        if there is not None:
            return TaxRateSetting(code, there.default_rate, there.default_exempt, own,
                                  there.charged)
        return TaxRateSetting(code, *_default_of(code, self.table), own)


def _stored(value: Decimal | str) -> str:
    return EXEMPT if value == EXEMPT else rate_text(value)  # type: ignore[arg-type]


def _default_of(charge: str, park: TaxTable = DEFAULT_TAX_TABLE) -> tuple[Decimal | None, bool]:
    """What a charge has without an override of its own: a kind, the default table's; a
    code, its kind's in the park's table (``park``)."""
    kind = charge_kind(charge)
    table = DEFAULT_TAX_TABLE if kind == charge else park
    rate = tax_rate(kind, table)
    return rate, rate is None and is_exempt(kind, table)


def charge_code_of(text: str) -> str:
    """A charge code as typed, as bills carry it: spaces around its parts and a full-width
    colon ("service：空调费", typed with a Chinese input method) read as "service:空调费";
    the kind in lower case. The name is kept as typed: it must match the contract's."""
    kind, colon, name = text.replace("：", ":").partition(":")
    kind = unicodedata.normalize("NFKC", kind).strip().lower()
    return f"{kind}:{name.strip()}" if colon else kind


_CODE_WORDS = {  # the English of a code's problems (the dialog says them in its words)
    "tax-charge-empty": "no charge code typed",
    "tax-charge-malformed": "{charge}: spaces around its kind, or a control character",
    "tax-rate-charge": "{charge}: tax-rate-charge ({value})",
    "tax-charge-name": "{charge}: no name after the kind",
    "tax-charge-long": "{charge}: longer than {limit} characters",
}


def _code_problems(code: str, value: str = "", carried: Iterable[str] | None = (),
                   ) -> list[Message]:
    """Why ``code`` is no charge the park could give a rate of its own, or nothing: the
    rules' (``invoices.charge_code_problems``; a code of a kind they do not know only when
    the park carries it, in ``carried``)."""
    named = {"charge": code, "value": value, "percent": value}
    found = charge_code_problems(code, None if carried is None else frozenset(carried))
    return [Message(p.code, _CODE_WORDS.get(p.code, p.code).format_map(named | p.params),
                    named | p.params) for p in found]


def _settings(park_id: uuid.UUID, stored: Any, charged: Iterable[str] = ()) -> TaxSettings:
    overrides = stored if isinstance(stored, dict) else {}
    own: dict[str, Decimal | str] = {}
    unreadable = []
    for charge, value in overrides.items():
        if tax_rate_problems({charge: value}, carried=None):  # set when it was carried
            unreadable.append((str(charge), str(value)))
            continue
        parsed = parse_rate(value)
        assert parsed is not None
        own[charge] = parsed
    table = park_tax_table(overrides)
    billed = frozenset(charged)
    codes = {c for c in (*own, *billed) if c not in CHARGE_KINDS}

    def order(code: str) -> tuple[int, str]:
        kind = charge_kind(code)
        return (CHARGE_KINDS.index(kind) if kind in CHARGE_KINDS else len(CHARGE_KINDS), code)

    settings = tuple(TaxRateSetting(c, *_default_of(c, table), own.get(c), c in billed)
                     for c in [*CHARGE_KINDS, *sorted(codes, key=order)])
    return TaxSettings(park_id, settings, table, tuple(unreadable))


def charged_codes(session: Session, park_id: uuid.UUID) -> frozenset[str]:
    """The charge codes the park bills: each fixed charge in its contracts' terms (every
    version, drafts included, archived contracts left out), as the schedule codes it, and
    each charge its bills were posted for (utilities, late fees, and what another client
    billed)."""
    found = set(session.scalars(select(Bill.charge).where(Bill.park_id == park_id)
                                .distinct()))
    live = select(Contract.id).where(Contract.park_id == park_id, ~Contract.archived)
    kinds = {kind.value: kind for kind in ChargeKind}
    for column, where in ((ContractVersion.terms, ContractVersion.contract_id.in_(live)),
                          (Contract.terms, Contract.id.in_(live))):
        # The terms documents' charges read in SQL: the park's thousands of documents are
        # not loaded to find a handful of codes.
        charges = func.json_each(column, "$.charges").table_valued(
            "value", joins_implicitly=True)
        for kind, name in session.execute(
                select(func.json_extract(charges.c.value, "$.kind"),
                       func.json_extract(charges.c.value, "$.name")).where(where).distinct()):
            if kind in kinds:  # a document of a kind not known does not bill
                found.add(charge_code(Charge(kinds[kind], ZERO, name=name or "")))
    return frozenset(found)


def _park(session: Session, park_id: uuid.UUID) -> Park:
    park = session.get(Park, park_id)
    if park is None:
        raise TaxRatesRefused(f"no park {park_id}", "no-park")
    return park


def tax_settings(session: Session, park_id: uuid.UUID) -> TaxSettings:
    """The park's VAT rates, each charge with its default and the park's own value, the
    codes it bills beside its kinds."""
    return _settings(park_id, _park(session, park_id).tax_rates,
                     charged_codes(session, park_id))


def unrated_charges(session: Session, park_id: uuid.UUID) -> list[str]:
    """The charges the park bills that have no VAT rate in its table (neither a rate nor
    exempt): invoices and vouchers for them are refused."""
    table = park_tax_table(_park(session, park_id).tax_rates)
    return missing_rates(charged_codes(session, park_id), table)


def _message(problem: Problem) -> Message:
    params = dict(problem.params)
    rate = parse_rate(params.get("value"))
    if isinstance(rate, Decimal):  # the value as the dialog shows rates: 900% for "9"
        params["percent"] = rate_text(rate * 100) + "%"
    else:
        params["percent"] = params.get("value", "")
    english = f"{params.get('charge', '')}: {problem.code} ({params.get('value', '')})"
    return Message(problem.code, english, params)


def _problems(given: Mapping[str, object], carried: Iterable[str]) -> list[Message]:
    """What is wrong with each charge given: its code, else its value (``carried``: the
    codes the park carries, which may be rated whatever their kind)."""
    found: list[Message] = []
    known = frozenset(carried)
    for charge, value in given.items():
        # tax_rate_problems says an unknown kind with the value given: it says that one
        coded = [p for p in _code_problems(charge, str(value), known)
                 if p.code != "tax-rate-charge"]
        found += coded or [_message(p) for p in tax_rate_problems({charge: value}, known)]
    return found


def _carried(session: Session, park: Park) -> frozenset[str]:
    """The codes the park carries: its contracts' and bills', and those its table has."""
    stored = park.tax_rates if isinstance(park.tax_rates, dict) else {}
    return charged_codes(session, park.id) | frozenset(str(c) for c in stored)


def _checked(rates: Mapping[str, Decimal | str], carried: Iterable[str]) -> dict[str, str]:
    """The overrides as they are stored (a default as no override), or refused whole."""
    given = {str(k).strip(): v for k, v in rates.items()}
    parts = _problems(given, carried)
    if parts:
        raise TaxRatesRefused("VAT rates refused: " + "; ".join(p.message for p in parts),
                              "tax-rates-refused", parts=parts,
                              charges=", ".join(p.params.get("charge", "") for p in parts))
    kept: dict[str, str] = {}
    for charge, value in given.items():
        parsed = parse_rate(value)
        assert parsed is not None
        default_rate, default_exempt = _default_of(charge)
        if charge in CHARGE_KINDS and (
                (parsed == EXEMPT and default_exempt)
                or (isinstance(parsed, Decimal) and parsed == default_rate)):
            continue  # the default: no override
        kept[charge] = _stored(parsed)
    return kept


def save_tax_rates(workspace: Workspace, park_id: uuid.UUID,
                   rates: Mapping[str, Decimal | str]) -> TaxSettings:
    """Make ``rates`` the park's overrides (charge → rate, or "exempt"; the charges left
    out go back to the default). One ``set_tax_rates`` command when anything changes;
    refused whole (every wrong value named) with nothing written."""
    with workspace.transaction() as session:
        park = _park(session, park_id)
        kept = _checked(rates, _carried(session, park))
        _write(session, park, kept)
        return _settings(park_id, park.tax_rates, charged_codes(session, park_id))


def set_tax_rate(workspace: Workspace, park_id: uuid.UUID, charge: str,
                 rate: Decimal | str | None) -> TaxSettings:
    """Change one charge's rate (or "exempt"); None goes back to the default. The other
    overrides stay as they are (unreadable ones included)."""
    with workspace.transaction() as session:
        park = _park(session, park_id)
        carried = _carried(session, park)
        others = {c: v for c, v in (park.tax_rates or {}).items() if c != charge}
        readable = {c: v for c, v in others.items() if not _problems({c: v}, carried)}
        kept = _checked({**readable, **({charge: rate} if rate is not None else {})},
                        carried)
        # What another client stored and the rules here cannot read is not ours to drop.
        kept.update((c, v) for c, v in others.items() if c not in readable)
        _write(session, park, kept)
        return _settings(park_id, park.tax_rates, charged_codes(session, park_id))


def _write(session: Session, park: Park, overrides: dict[str, str]) -> None:
    before = dict(park.tax_rates or {})
    if before == overrides:
        return
    with under_command(session):
        park.tax_rates = dict(overrides)
    record_command(session, "set_tax_rates", Park, park.id,
                   {"park": str(park.id), "rates": overrides, "before": before},
                   base_version=park.row_version)


# -- the working calendar ------------------------------------------------------------------

HOLIDAY, WORKDAY = "holiday", "workday"  # Holiday.kind
KINDS = (HOLIDAY, WORKDAY)
NAME_LIMIT = 100
# Fixed for good: a day's id is uuid5 of park and day in this namespace, on every device.
HOLIDAY_NAMESPACE = uuid.UUID("0b5f4c3e-9d7a-4e61-8f25-6a1c2b3d4e5f")


class HolidayRefused(UserError):
    """A calendar change the rules refuse; nothing written."""


class HolidayImportRefused(UserError):
    """A calendar file that cannot be read as one; nothing read or written."""


def holiday_id(park_id: uuid.UUID, day: date) -> uuid.UUID:
    """The one id of a park's calendar day, the same on every device."""
    return uuid.uuid5(HOLIDAY_NAMESPACE, f"{park_id}:{day.isoformat()}")


@dataclass(frozen=True)
class HolidayDay:
    """A day of the park's calendar that is not what its weekday says."""

    day: date
    kind: str  # holiday | workday
    name: str = ""
    id: uuid.UUID | None = None


def holidays(session: Session, park_id: uuid.UUID, year: int | None = None
             ) -> list[HolidayDay]:
    """The park's calendar days (of ``year`` when given), by day."""
    query = select(Holiday.id, Holiday.day, Holiday.kind, Holiday.name).where(
        Holiday.park_id == park_id, ~Holiday.archived)
    if year is not None:
        query = query.where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
    return [HolidayDay(day, kind, name, row_id)
            for row_id, day, kind, name in session.execute(query.order_by(Holiday.day))]


def working_calendar(session: Session, park_id: uuid.UUID
                     ) -> tuple[frozenset[date], frozenset[date]]:
    """The park's public holidays and its make-up working days (调休), as the working-day
    rules take them (``domain.billing.collections.add_working_days``)."""
    off, on = set(), set()
    for entry in holidays(session, park_id):
        (off if entry.kind == HOLIDAY else on).add(entry.day)
    return frozenset(off), frozenset(on)


def _day_problem(day: date, kind: str, name: str) -> Message | None:
    """Why a calendar day cannot be set as given, or None."""
    params = {"day": day.isoformat(), "kind": kind, "name": name}
    if kind not in KINDS:
        return Message("holiday-kind", f"{day}: a day is a holiday or a workday, not {kind}",
                       params)
    if kind == WORKDAY and day.weekday() < 5:
        return Message("holiday-workday-weekday",
                       f"{day} is a weekday: a make-up working day is a Saturday or Sunday",
                       params)
    if len(name) > NAME_LIMIT:
        return Message("holiday-name-long", f"{day}: a name of {len(name)} characters (at "
                       f"most {NAME_LIMIT})", params | {"limit": str(NAME_LIMIT)})
    return None


def _refuse_day(problem: Message) -> None:
    raise HolidayRefused(problem.message, "holiday-refused", parts=[problem],
                         day=problem.params.get("day", ""))


def _payload(park_id: uuid.UUID, day: date, kind: str, name: str) -> dict[str, Any]:
    return {"park": str(park_id), "day": day.isoformat(), "kind": kind, "name": name}


def _set_rows(session: Session, park_id: uuid.UUID,
              days: Sequence[tuple[date, str, str]]) -> None:
    """Write each (day, kind, name) as its row (new, changed or back from archived) with one
    ``set_holiday`` command each."""
    if not days:
        return
    existing = {row.day: row for row in session.scalars(select(Holiday).where(
        Holiday.park_id == park_id, Holiday.day.in_([d for d, _k, _n in days])))}
    with under_command(session):
        for day, kind, name in days:
            row = existing.get(day)
            if row is None:
                session.add(Holiday(id=holiday_id(park_id, day), park_id=park_id, day=day,
                                    kind=kind, name=name))
            else:
                row.kind, row.name, row.archived = kind, name, False
    record_commands(session, "set_holiday", Holiday,
                    [(holiday_id(park_id, d), _payload(park_id, d, k, n)) for d, k, n in days])


def _the_park(session: Session, park_id: uuid.UUID) -> None:
    if session.get(Park, park_id) is None:
        raise HolidayRefused(f"no park {park_id}", "no-park")


def add_holiday(workspace: Workspace, park_id: uuid.UUID, day: date, kind: str = HOLIDAY,
                name: str = "") -> HolidayDay:
    """Set ``day`` in the park's calendar: a holiday, or a make-up working day (a weekend
    day). A day there already takes the new kind and name; the same again writes nothing."""
    name = name.strip()
    problem = _day_problem(day, kind, name)
    if problem is not None:
        _refuse_day(problem)
    with workspace.transaction() as session:
        _the_park(session, park_id)
        row = session.scalar(select(Holiday).where(Holiday.park_id == park_id,
                                                   Holiday.day == day))
        if row is None or row.archived or (row.kind, row.name) != (kind, name):
            _set_rows(session, park_id, [(day, kind, name)])
        return HolidayDay(day, kind, name, holiday_id(park_id, day) if row is None else row.id)


def remove_holiday(workspace: Workspace, park_id: uuid.UUID, day: date) -> None:
    """Take ``day`` out of the park's calendar (its row archived: one ``remove_holiday``
    command). Refused when the calendar does not have it."""
    with workspace.transaction() as session:
        row = session.scalar(select(Holiday).where(Holiday.park_id == park_id,
                                                   Holiday.day == day, ~Holiday.archived))
        if row is None:
            raise HolidayRefused(f"{day} is not in the park's calendar", "holiday-not-found",
                                 day=day.isoformat())
        with under_command(session):
            row.archived = True
        record_command(session, "remove_holiday", Holiday, row.id,
                       {"park": str(park_id), "day": day.isoformat()},
                       base_version=row.row_version)


# -- importing a year's calendar -------------------------------------------------------------

# Header words per column, compared squashed; a Chinese word may be part of a header.
IMPORT_ALIASES: dict[str, tuple[str, ...]] = {
    "day": ("日期", "date", "day"),
    "kind": ("类型", "类别", "休/班", "休班", "type", "kind"),
    "name": ("名称", "节日", "节假日", "说明", "name", "holiday", "note"),
}
IMPORT_REQUIRED = ("day", "kind")
HOLIDAY_WORDS = frozenset({"休", "假", "放假", "休息", "休假", "节假日", "假日", "法定节假日",
                           "holiday", "off", "rest"})
WORKDAY_WORDS = frozenset({"班", "上班", "补班", "调班", "调休上班", "工作日", "workday",
                           "work", "working"})
ADD, CHANGE, SAME, REFUSED = "add", "change", "same", "refused"  # HolidayLine.outcome


def kind_of(text: str) -> str | None:
    """休 → holiday, 班 → workday (and their longer words, Chinese or English); None else."""
    word = text.strip().lower()
    return HOLIDAY if word in HOLIDAY_WORDS else WORKDAY if word in WORKDAY_WORDS else None


@dataclass(frozen=True)
class HolidayLine:
    """One line of a calendar file and what importing it does: ``add`` a day, ``change``
    a day there (its kind or name, or back after a removal), ``same`` (there already),
    or ``refused`` with ``problems``. ``before``: the day as the calendar had it."""

    row: int  # the row number the spreadsheet shows
    day: date | None
    kind: str | None
    name: str
    outcome: str
    problems: tuple[Message, ...] = ()
    before: HolidayDay | None = None


@dataclass(frozen=True)
class HolidayImport:
    """What a calendar file does (rehearsed) or did (``written``)."""

    file: str
    lines: tuple[HolidayLine, ...]
    written: bool = False

    def _with(self, outcome: str) -> list[HolidayLine]:
        return [ln for ln in self.lines if ln.outcome == outcome]

    @property
    def to_add(self) -> list[HolidayLine]:
        return self._with(ADD)

    @property
    def to_change(self) -> list[HolidayLine]:
        return self._with(CHANGE)

    @property
    def same(self) -> list[HolidayLine]:
        return self._with(SAME)

    @property
    def refused(self) -> list[HolidayLine]:
        return self._with(REFUSED)

    @property
    def years(self) -> list[int]:
        return sorted({ln.day.year for ln in self.lines if ln.day is not None})

    def to_json(self) -> dict[str, Any]:
        """The report as data (codes and params, English), for ``--json``."""
        return {
            "file": self.file, "written": self.written, "years": self.years,
            "added": len(self.to_add), "changed": len(self.to_change),
            "same": len(self.same), "refused": len(self.refused),
            "lines": [{
                "row": ln.row, "day": ln.day.isoformat() if ln.day else None,
                "kind": ln.kind, "name": ln.name, "outcome": ln.outcome,
                "problems": [{"code": p.code, "message": p.message, "params": dict(p.params)}
                             for p in ln.problems],
            } for ln in self.lines],
        }


def import_columns(headers: Sequence[Any]) -> dict[str, int]:
    """Each field's column position, the longest word found first; one field a column."""
    found = []
    for position, header in enumerate(headers):
        text = squash(cell_text(header)) if header is not None else ""
        for name, words in IMPORT_ALIASES.items():
            for word in words:
                if text and (word == text or (not word.isascii() and squash(word) in text)):
                    found.append((-len(word), position, name))
    columns: dict[str, int] = {}
    for _score, position, name in sorted(found):
        if name not in columns and position not in columns.values():
            columns[name] = position
    return columns


def _cells(path: Path) -> tuple[list[list[Any]], int, dict[str, int]]:
    """The sheet holding the calendar, its header row's index and its columns."""
    if not path.is_file():
        raise HolidayImportRefused(f"{path}: no such file", "holiday-import-no-file",
                                   file=path.name)
    try:
        if path.suffix.lower() in (".csv", ".txt", ".tsv"):
            sheets = [("", read_csv_rows(path))]
        elif path.suffix.lower() in (".xlsx", ".xls", ".xlsm"):
            sheets = read_excel_rows(path)
        else:
            raise HolidayImportRefused(f"{path.name} is not an Excel (.xlsx, .xls) or CSV file",
                                       "holiday-import-format", file=path.name)
    except RentRollError as exc:
        detail = exc.params.get("detail") or exc.message
        raise HolidayImportRefused(f"{path.name}: cannot read the file ({detail})",
                                   "holiday-import-unreadable", file=path.name,
                                   detail=str(detail)) from exc
    best: list[Any] = []
    best_count = -1  # the line naming the most fields: its headers say what is missing
    for _name, cells in sheets:
        for index, line in enumerate(cells[:HEADER_SCAN]):
            columns = import_columns(line)
            if all(f in columns for f in IMPORT_REQUIRED):
                return cells, index, columns
            if len(columns) > best_count and any(cell_text(v) for v in line):
                best, best_count = list(line), len(columns)
    if best_count < 0:
        raise HolidayImportRefused(f"{path.name}: the file is empty", "holiday-import-empty",
                                   file=path.name)
    have = import_columns(best)
    # Each missing column by the headers that would name it, Chinese and English.
    missing = ", ".join(
        f"{IMPORT_ALIASES[f][0]} ({next(w for w in IMPORT_ALIASES[f] if w.isascii())})"
        for f in IMPORT_REQUIRED if f not in have)
    headers = ", ".join(t for t in (cell_text(v) for v in best) if t)
    raise HolidayImportRefused(f"{path.name}: no column for {missing} (columns: {headers})",
                               "holiday-import-columns", file=path.name, labels=missing,
                               columns=headers)


def _cell(line: Sequence[Any], columns: Mapping[str, int], name: str) -> Any:
    position = columns.get(name)
    return line[position] if position is not None and position < len(line) else None


def _row_message(code: str, row: int, english: str, **params: str) -> Message:
    return Message(code, f"row {row}: {english}", {"row": str(row), **params})


def _plan(session: Session, park_id: uuid.UUID, path: Path) -> HolidayImport:
    cells, header, columns = _cells(path)
    stored = {row.day: row for row in session.scalars(
        select(Holiday).where(Holiday.park_id == park_id))}
    first: dict[date, HolidayLine] = {}
    lines: list[HolidayLine] = []
    for index, line in enumerate(cells):
        if index <= header or not any(cell_text(v) for v in line):
            continue
        row = index + 1
        problems: list[Message] = []
        raw_day = _cell(line, columns, "day")
        day: date | None = None
        try:
            day = read_date(raw_day)
        except Unreadable:
            problems.append(_row_message("holiday-row-date", row, "not a date",
                                         text=cell_text(raw_day)))
        else:
            if day is None:
                problems.append(_row_message("holiday-row-no-date", row, "no date"))
        kind_text = cell_text(_cell(line, columns, "kind"))
        kind = kind_of(kind_text)
        if kind is None:
            problems.append(_row_message("holiday-row-kind", row,
                                         f"“{kind_text}” is neither 休 nor 班", text=kind_text))
        name = cell_text(_cell(line, columns, "name"))
        if day is not None and kind is not None:
            problem = _day_problem(day, kind, name)
            if problem is not None:
                problems.append(_row_message(problem.code.replace("holiday-", "holiday-row-"),
                                             row, problem.message, **problem.params))
        before_row = stored.get(day) if day is not None else None
        before = (HolidayDay(before_row.day, before_row.kind, before_row.name, before_row.id)
                  if before_row is not None and not before_row.archived else None)
        if not problems and day is not None and day in first:
            earlier = first[day]
            if (earlier.kind, earlier.name) == (kind, name):
                lines.append(HolidayLine(row, day, kind, name, SAME, (), before))
                continue
            problems.append(_row_message("holiday-row-twice", row, f"{day} is on row "
                                         f"{earlier.row} too, as another day",
                                         day=day.isoformat(), other=str(earlier.row)))
        if problems:
            lines.append(HolidayLine(row, day, kind, name, REFUSED, tuple(problems), before))
            continue
        assert day is not None and kind is not None
        outcome = (ADD if before_row is None
                   else SAME if before is not None and (before.kind, before.name) == (kind, name)
                   else CHANGE)
        judged = HolidayLine(row, day, kind, name, outcome, (), before)
        first[day] = judged
        lines.append(judged)
    return HolidayImport(path.name, tuple(lines))


def rehearse_holiday_import(workspace: Workspace, park_id: uuid.UUID, path: Path | str
                            ) -> HolidayImport:
    """What importing ``path`` would add, change, find there already and refuse; writes
    nothing."""
    with workspace.reading() as session:
        _the_park(session, park_id)
        return _plan(session, park_id, Path(path))


def import_holidays(workspace: Workspace, park_id: uuid.UUID, path: Path | str, *,
                    dry_run: bool = False) -> HolidayImport:
    """Rehearse ``path`` again inside one transaction and write every day it would add or
    change (one ``set_holiday`` command each); refused lines write nothing. The same file
    again finds its days there and writes nothing."""
    if dry_run:
        return rehearse_holiday_import(workspace, park_id, path)
    with workspace.transaction() as session:
        _the_park(session, park_id)
        plan = _plan(session, park_id, Path(path))
        days = [(ln.day, ln.kind, ln.name) for ln in plan.lines
                if ln.outcome in (ADD, CHANGE) and ln.day is not None and ln.kind is not None]
        _set_rows(session, park_id, days)
        return HolidayImport(plan.file, plan.lines, written=True)

