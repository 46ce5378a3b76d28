"""A park's tariffs in the store: a utility's price by name, each version from its first day.

A *tariff* is the park's rows of one utility and name (``一般工商业电价``); each
row is a *version*, in force from its ``valid_from`` until the next one's, its
figures a ``domain.billing.tariffs`` document (flat, tiered or time-of-use).
A meter names one row (``meters.tariff_id``) and is priced at every version of
that row's name (``services.meters._tariffs``, ``services.utility_billing``),
so a price change is a new version, not a new tariff.

- :func:`tariff_versions` lists them, grouped by utility and name, newest
  version first, each saying whether it priced a posted bill and which meters
  are set on it.
- :func:`save_tariff` writes a new version (a new name is a new tariff): one
  row, one ``create`` op.
- :func:`edit_tariff` changes a version's figures or first day, as long as no
  posted bill was priced at it: a bill is a ledger entry that says the
  version it was priced at, so that version stays as it is; the correction is
  a new version from a later date (the billing run adjusts what it billed).
- :func:`archive_tariff` archives a version (one ``archive`` op), under the
  same rule; meters set on it move to the newest version left of its name.

Every figure is judged first, each problem with its code (parts of a
``tariff-refused``): a name, a known utility, a first day, a price that is a
number of zero or more for the flat price, each band and each of the peak,
flat and valley registers, band ends that rise from 0 with only the last one
open, one version of a name a day. The domain then reads the document
(``from_document``), which has the last word; the row keeps its canonical
form (figures as text, never floats). A refusal writes nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.meters import FLAT, PEAK, SHARP, TIME_OF_USE, VALLEY, Utility
from domain.billing.tariffs import Tariff, from_document, to_document
from runtime.messages import Message, UserError
from store.schema import Bill, BillLine, Park
from store.schema import Meter as MeterRow
from store.schema import Tariff as TariffRow
from store.workspace import Workspace

NAME_LIMIT = 100  # tariffs.name: String(100)
REQUIRED_REGISTERS = (PEAK, FLAT, VALLEY)  # 峰 平 谷; 尖 (sharp) when the utility has it
CHUNK = 500


class TariffRefused(UserError):
    """A tariff version that cannot be written or changed as asked; nothing is written."""


@dataclass(frozen=True)
class TariffVersion:
    """One version of a tariff: its row, figures and what it is to the ledger and the tree.

    ``tariff`` is None when the stored document cannot be read (it prices nothing);
    ``used``: a posted bill was priced at it, so it is kept as it is; ``meters``: the
    codes of the meters set on this row."""

    id: uuid.UUID
    utility: str
    name: str
    valid_from: date
    document: Mapping[str, Any]
    tariff: Tariff | None
    used: bool = False
    meters: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return str(self.document.get("kind") or "")


@dataclass(frozen=True)
class TariffHistory:
    """A tariff: its utility, name and versions, newest first."""

    utility: str
    name: str
    versions: tuple[TariffVersion, ...]

    @property
    def meters(self) -> tuple[str, ...]:
        """The meters set on any of its versions, by code."""
        return tuple(sorted({m for v in self.versions for m in v.meters}))

    def in_force(self, day: date) -> TariffVersion | None:
        """The version in force on ``day`` (None: before the first)."""
        return next((v for v in self.versions if v.valid_from <= day), None)


# -- reading -------------------------------------------------------------------------------


def tariff_versions(session: Session, park_id: uuid.UUID, utility: Utility | str | None = None,
                    ) -> list[TariffHistory]:
    """The park's live tariffs (of ``utility`` if given) by utility and name, each with its
    versions newest first."""
    query = select(TariffRow).where(TariffRow.park_id == park_id, ~TariffRow.archived)
    if utility is not None:
        query = query.where(TariffRow.utility == str(getattr(utility, "value", utility)))
    rows = list(session.scalars(query))
    if not rows:
        return []
    meters: dict[uuid.UUID, list[str]] = defaultdict(list)
    for tariff_id, code in session.execute(
            select(MeterRow.tariff_id, MeterRow.code).where(
                MeterRow.park_id == park_id, ~MeterRow.archived,
                MeterRow.tariff_id.is_not(None)).order_by(MeterRow.code)):
        meters[tariff_id].append(code)
    groups: dict[tuple[str, str], list[TariffRow]] = defaultdict(list)
    for row in rows:
        groups[(row.utility, row.name)].append(row)
    billed = _billed(session, park_id, {u for u, _n in groups})
    out = []
    for (utility_, name), group in sorted(groups.items()):
        group.sort(key=lambda r: (r.valid_from, r.hlc, str(r.id)), reverse=True)
        versions = []
        for row in group:
            versions.append(TariffVersion(
                row.id, row.utility, row.name, row.valid_from, dict(row.document or {}),
                _readable(row),
                (row.utility, row.name, row.valid_from.isoformat()) in billed,
                tuple(meters.get(row.id, ()))))
        out.append(TariffHistory(utility_, name, tuple(versions)))
    return out


def _readable(row: TariffRow) -> Tariff | None:
    try:
        return from_document(row.document or {}, row.valid_from)
    except ValueError:
        return None


# -- writing -------------------------------------------------------------------------------


def save_tariff(workspace: Workspace, park_id: uuid.UUID, utility: Utility | str, name: str,
                document: Mapping[str, Any], valid_from: date | None) -> uuid.UUID:
    """A new version of the tariff ``name`` of ``utility`` (the first makes the tariff), in
    force from ``valid_from``; its id. One row, one ``create`` op.

    Raises
    ------
    TariffRefused
        ``tariff-refused`` with a part per problem (see the module), or ``no-park``;
        nothing is written.
    """
    name = (name or "").strip()
    utility_value = str(getattr(utility, "value", utility))
    tariff, problems = judge_tariff(utility_value, name, document, valid_from)
    with workspace.transaction() as session:
        if session.get(Park, park_id) is None:
            raise TariffRefused(f"no park {park_id}", "no-park")
        if tariff is not None:
            problems += _same_day(session, park_id, utility_value, name, tariff.valid_from,
                                  None)
        _refuse(name, problems)
        assert tariff is not None
        row = TariffRow(park_id=park_id, utility=utility_value, name=name,
                        valid_from=tariff.valid_from, document=to_document(tariff))
        session.add(row)
        session.flush()
        return row.id


def edit_tariff(workspace: Workspace, tariff_id: uuid.UUID, document: Mapping[str, Any],
                valid_from: date | None) -> None:
    """Make a version what ``document`` says, from ``valid_from`` (its name and utility
    stay: another name is another tariff). Each changed field one ``field_set`` op.

    Raises
    ------
    TariffRefused
        ``tariff-unknown``; ``tariff-used`` when a posted bill was priced at the version
        (the correction is a new version from a later date); ``tariff-refused`` with its
        problems. Nothing is written.
    """
    with workspace.transaction() as session:
        row = _live(session, tariff_id)
        tariff, problems = judge_tariff(row.utility, row.name, document, valid_from)
        if tariff is not None:
            problems += _same_day(session, row.park_id, row.utility, row.name,
                                  tariff.valid_from, row.id)
        _refuse(row.name, problems)
        assert tariff is not None
        stored = to_document(tariff)
        if tariff.valid_from == row.valid_from and stored == dict(row.document or {}):
            return  # nothing changes: not even a used version is refused
        _not_used(session, row, "edit")
        if row.valid_from != tariff.valid_from:
            row.valid_from = tariff.valid_from
        if dict(row.document or {}) != stored:
            row.document = stored


def archive_tariff(workspace: Workspace, tariff_id: uuid.UUID) -> None:
    """Archive a version (one ``archive`` op). The meters set on it move to the newest
    version left of its name (one ``field_set`` each), so they keep their tariff.

    Raises
    ------
    TariffRefused
        ``tariff-unknown``; ``tariff-used`` when a posted bill was priced at it;
        ``tariff-on-meters`` when it is the tariff's last version and meters are set on
        it. Nothing is written.
    """
    with workspace.transaction() as session:
        row = _live(session, tariff_id)
        _not_used(session, row, "archive")
        on = list(session.scalars(select(MeterRow).where(
            MeterRow.tariff_id == row.id, ~MeterRow.archived).order_by(MeterRow.code)))
        if on:
            left = session.scalar(select(TariffRow).where(
                TariffRow.park_id == row.park_id, TariffRow.utility == row.utility,
                TariffRow.name == row.name, ~TariffRow.archived, TariffRow.id != row.id)
                .order_by(TariffRow.valid_from.desc()).limit(1))
            if left is None:
                codes = ", ".join(m.code for m in on)
                raise TariffRefused(
                    f"{row.name} is set on meters {codes}: choose another tariff for them "
                    "before archiving its last version", "tariff-on-meters", name=row.name,
                    meters=codes)
            for meter in on:
                meter.tariff_id = left.id
        row.archived = True


# -- judging -------------------------------------------------------------------------------


def judge_tariff(utility: str, name: str, document: Mapping[str, Any],
                 valid_from: date | None) -> tuple[Tariff | None, list[Message]]:
    """The tariff ``document`` describes, from ``valid_from``, and every problem found
    (a message each, with its code); the tariff is None when there is one. Nothing is read
    from the store: a second version of one day is :func:`save_tariff`'s to see."""
    problems: list[Message] = []
    name = (name or "").strip()
    if not name:
        problems.append(_problem("tariff-no-name", "name the tariff"))
    elif len(name) > NAME_LIMIT:
        problems.append(_problem("tariff-name-long", f"the name is longer than {NAME_LIMIT} "
                                 "characters", limit=NAME_LIMIT))
    if utility not in {u.value for u in Utility}:
        problems.append(_problem("tariff-utility", f"a tariff prices electricity, water, gas "
                                 f"or heat, not {utility}", utility=utility))
    if not isinstance(valid_from, date):
        problems.append(_problem("tariff-no-date", "give the day the tariff is in force from"))
    clean, found = _judge_document(document if isinstance(document, Mapping) else {})
    problems += found
    if problems or clean is None or not isinstance(valid_from, date):
        return None, problems
    try:  # the domain has the last word
        return from_document(clean, valid_from), problems
    except ValueError as exc:
        return None, [_problem("tariff-invalid", f"the tariff does not hold: {exc}",
                               detail=str(exc))]


def _judge_document(document: Mapping[str, Any]) -> tuple[dict[str, Any] | None,
                                                          list[Message]]:
    """The document with its figures as clean text, or None, and its problems."""
    kind = document.get("kind")
    if kind == "flat":
        price, problems = _price(document.get("price"), "tariff-price")
        return ({"kind": kind, "price": price} if price is not None else None), problems
    if kind == "tiered":
        return _judge_bands(document.get("bands"))
    if kind == "time_of_use":
        return _judge_registers(document.get("prices"))
    return None, [_problem("tariff-kind", f"a tariff is flat, tiered or time-of-use, not "
                           f"{kind}", kind=str(kind))]


def _judge_registers(prices: Any) -> tuple[dict[str, Any] | None, list[Message]]:
    prices = prices if isinstance(prices, Mapping) else {}
    problems: list[Message] = []
    clean: dict[str, str] = {}
    for register in prices:
        if register not in TIME_OF_USE:
            problems.append(_problem("tariff-register-unknown", f"{register} is not a "
                                     "time-of-use register (sharp, peak, flat, valley)",
                                     register=str(register)))
    for register in TIME_OF_USE:
        given = prices.get(register)
        if _blank(given):
            if register != SHARP:
                problems.append(_problem("tariff-register-missing", f"{register}: enter its "
                                         "price; a time-of-use tariff prices peak, flat and "
                                         "valley", register=register))
            continue
        price, found = _price(given, "tariff-register", register=register)
        problems += found
        if price is not None:
            clean[register] = price
    return ({"kind": "time_of_use", "prices": clean} if not problems else None), problems


def _judge_bands(bands: Any) -> tuple[dict[str, Any] | None, list[Message]]:
    bands = list(bands) if isinstance(bands, Sequence) and not isinstance(bands, str) else []
    if not bands:
        return None, [_problem("tariff-no-bands", "a tiered tariff needs its bands")]
    problems: list[Message] = []
    clean: list[dict[str, str | None]] = []
    below: Decimal | None = Decimal(0)
    for n, band in enumerate(bands, start=1):
        band = band if isinstance(band, Mapping) else {}
        price, found = _price(band.get("price"), "tariff-band-price", band=n)
        problems += found
        end_text = band.get("up_to")
        last = n == len(bands)
        end: Decimal | None = None
        if last:
            if not _blank(end_text):
                problems.append(_problem("tariff-last-band-end", f"band {n}: the last band has "
                                         "no end (leave it blank): it takes all use above",
                                         band=n, up_to=_text(end_text)))
        elif _blank(end_text):
            problems.append(_problem("tariff-band-end-missing", f"band {n}: enter where it "
                                     "ends; only the last band is open", band=n))
        else:
            end = _number(end_text)
            if end is None:
                problems.append(_problem("tariff-band-end-not-number", f"band {n}: its end "
                                         f"“{_text(end_text)}” is not a number", band=n,
                                         text=_text(end_text)))
            elif below is not None and end <= below:
                problems.append(_problem("tariff-bands-overlap", f"band {n} ends at {end}, "
                                         f"not above where the band before it ends ({below}): "
                                         "bands rise and do not overlap", band=n,
                                         up_to=_plain(end), below=_plain(below)))
        if not last:
            below = end  # None: the next band's end cannot be compared
        clean.append({"up_to": None if end is None else _plain(end), "price": price})
    return ({"kind": "tiered", "bands": clean} if not problems else None), problems


def _price(given: Any, code: str, **where: object) -> tuple[str | None, list[Message]]:
    """A price as clean text, or its problem: ``<code>-missing``, ``-not-number``,
    ``-negative`` (``where``: the register or band it is of)."""
    if _blank(given):
        return None, [_problem(f"{code}-missing", "enter the price", **where)]
    value = _number(given)
    if value is None:
        return None, [_problem(f"{code}-not-number", f"the price “{_text(given)}” is not a "
                               "number", text=_text(given), **where)]
    if value < 0:
        return None, [_problem(f"{code}-negative", f"the price {_plain(value)} is below zero",
                               price=_plain(value), **where)]
    return _plain(value), []


def _number(given: Any) -> Decimal | None:
    """A figure typed or stored (text or a whole number; thousands separators dropped), or
    None when it is no finite number. Never a float."""
    if isinstance(given, bool) or not isinstance(given, str | int | Decimal):
        return None
    text = str(given).strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _plain(value: Decimal) -> str:
    """A figure as text without an exponent (1E+3 → 1000), its places as given."""
    return format(value, "f")


def _blank(given: Any) -> bool:
    return given is None or (isinstance(given, str) and not given.strip())


def _text(given: Any) -> str:
    return "" if given is None else str(given).strip()


def _problem(code: str, message: str, **params: object) -> Message:
    return Message(code, message, {k: str(v) for k, v in params.items()})


def _refuse(name: str, problems: list[Message]) -> None:
    if problems:
        raise TariffRefused(f"{name or 'the tariff'}: " + "; ".join(p.message for p in problems),
                            "tariff-refused", parts=problems, name=name)


def _same_day(session: Session, park_id: uuid.UUID, utility: str, name: str, day: date,
              itself: uuid.UUID | None) -> list[Message]:
    """The problem of a second version of the tariff on ``day``, if there is one."""
    query = select(TariffRow.id).where(
        TariffRow.park_id == park_id, TariffRow.utility == utility, TariffRow.name == name,
        TariffRow.valid_from == day, ~TariffRow.archived)
    if itself is not None:
        query = query.where(TariffRow.id != itself)
    if session.scalar(query.limit(1)) is None:
        return []
    return [_problem("tariff-same-day", f"{name} has a version from {day} already: change "
                     "that one, or give this one another day", name=name,
                     valid_from=day.isoformat())]


def _live(session: Session, tariff_id: uuid.UUID) -> TariffRow:
    row = session.get(TariffRow, tariff_id)
    if row is None or row.archived:
        raise TariffRefused(f"no tariff {tariff_id}", "tariff-unknown", tariff=str(tariff_id))
    return row


# -- which versions priced posted bills ----------------------------------------------------


def _not_used(session: Session, row: TariffRow, action: str) -> None:
    """Refuse to change a version a posted bill was priced at."""
    name, first = _said_tariff()
    bills = list(session.scalars(
        select(Bill.number).distinct().join(BillLine, BillLine.bill_id == Bill.id)
        .where(Bill.park_id == row.park_id, ~Bill.archived, ~BillLine.archived,
               Bill.charge == row.utility, name == row.name,
               first == row.valid_from.isoformat())
        .order_by(Bill.number)))
    if bills:
        shown = ", ".join(bills[:3]) + (f" (+{len(bills) - 3})" if len(bills) > 3 else "")
        raise TariffRefused(
            f"{row.name} from {row.valid_from} priced posted bills ({shown}); it is kept as "
            f"it is: to correct it, add a new version from a later date", "tariff-used",
            name=row.name, valid_from=row.valid_from.isoformat(), bills=shown,
            count=len(bills), action=action)


def _billed(session: Session, park_id: uuid.UUID, utilities: Iterable[str],
            ) -> set[tuple[str, str, str]]:
    """The versions posted bills were priced at: (utility, tariff name, first day).

    A utility bill line names the version it was priced at in its explanation
    (``domain.billing.utility_bills``: ``{"tariff": {"name", "valid_from", …}}``): a
    meter's line each version in force over its days (a month a price changes in is
    split), a share line the one in force on the month's first day. A version is known
    by its name and first day: one version of a name a day is all the store takes. So a
    version entered later, back-dated into a billed month, is not taken for one the
    month's bills were priced at: the next run adjusts those bills to it. The
    explanations are read by the database (``JSON_EXTRACT``), never parsed here.
    """
    wanted = sorted(set(utilities))
    if not wanted:
        return set()
    name, first = _said_tariff()
    return {(charge, n, f) for charge, n, f in session.execute(
        select(Bill.charge, name, first).distinct()
        .join(BillLine, BillLine.bill_id == Bill.id)
        .where(Bill.park_id == park_id, ~Bill.archived, ~BillLine.archived,
               Bill.charge.in_(wanted), name.is_not(None)))}


def _said_tariff() -> tuple[Any, Any]:
    """A bill line's tariff name and version's first day, as its explanation says them."""
    said = BillLine.explanation["tariff"]
    return said["name"].as_string(), said["valid_from"].as_string()
