"""Contract checkpoints on a day: one contract's, the park's due list, and the alerts they raise.

The checkpoints themselves follow from a contract's dates
(:func:`domain.leasing.lifecycle.checkpoints`); what is stored is who marked
one done and when (:class:`store.schema.CheckpointMark`), and the alerts a
late one raised (:class:`store.schema.Alert`). Everything is judged on the
day asked for, so time travel sees what was late then: a checkpoint marked
done after that day was not done yet.

The first payment is due on the schedule's first line with an amount
(:func:`domain.leasing.lifecycle.first_payment_due`). Only version 1 of a
contract decides it unless an amendment exists (then the versions' joined
schedule does): the rent engine computes just the first months of the term
(``within``), widening the window only when they are all rent-free, so a
park's due list does not compute 1,500 whole schedules.

Which contracts a park's list looks at: signed (or terminated) ones signed
by the day, whose last day is at most :data:`ENDED_GRACE_DAYS` before it.
A lease that ended long ago has nothing left to do (its settlement is
billing's), and listing its never-marked reviews would bury what is due now.

An alert's id is ``uuid5`` of the contract and the checkpoint's code, so
raising it again, or on another device, is the same row; a checkpoint marked
done clears its alert on the day it was done.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from domain.assets import UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import RentTerms
from domain.leasing.codec import terms_from_json
from domain.leasing.contract import ContractSpec
from domain.leasing.lifecycle import (
    Checkpoint,
    CheckpointKind,
    OwnerRole,
    checkpoints,
    first_payment_due,
    late_checkpoints,
    superseded,
)
from domain.leasing.schedule import add_months, rent_schedule
from domain.leasing.versions import Version, amended_schedule
from services.contracts import ContractRefused, versions_of
from store.changes import insert_rows
from store.holds import current_link
from store.schema import (
    Alert,
    CheckpointMark,
    Contract,
    ContractUnit,
    ContractVersion,
    Tenant,
    Unit,
)
from store.workspace import Workspace

DUE_WITHIN_DAYS = 14  # the due list shows what falls due this many days ahead
ENDED_GRACE_DAYS = 30  # a lease ended this many days ago still has its checkpoints listed
BATCH = 500  # contract ids per IN (…) of a query
FIRST_WINDOWS = (0, 6, 24)  # months of the term computed to find the first payment, in turn
ALERT_KIND = "checkpoint"
# The namespace of alert ids (uuid5 of "contract id:checkpoint code"): fixed forever, as
# every device must derive the same id.
ALERT_NAMESPACE = uuid.UUID("6f0c1d2e-8b7a-5c4d-9e3f-2a1b0c9d8e7f")


@dataclass(frozen=True)
class CheckpointRow:
    """One checkpoint of a contract as the detail lists it on a day.

    ``done_on`` only when done by that day; ``late``: due before it and not done
    (``days_late`` counts from the due date, 0 when not late).
    """

    code: str
    kind: CheckpointKind
    due_on: date
    owner_role: OwnerRole
    done_on: date | None
    done_by: str
    note: str
    late: bool
    days_late: int


@dataclass(frozen=True)
class DueItem:
    """A checkpoint on the park's due list: late, or due within the days asked.

    ``days_late`` is above zero when late, zero when due that day, and the days
    still left as a negative number when coming.
    """

    contract_id: uuid.UUID
    contract_code: str
    tenant: str
    unit_codes: tuple[str, ...]
    code: str
    kind: CheckpointKind
    due_on: date
    owner_role: OwnerRole
    days_late: int

    @property
    def late(self) -> bool:
        return self.days_late > 0


@dataclass(frozen=True)
class AlertRun:
    """What :func:`raise_due_alerts` wrote: alerts raised (or raised again), alerts cleared."""

    raised: int
    cleared: int


def alert_id(contract_id: uuid.UUID, code: str) -> uuid.UUID:
    """The one id of a checkpoint's alert, the same on every device."""
    return uuid.uuid5(ALERT_NAMESPACE, f"{contract_id}:{code}")


# -- the first payment -----------------------------------------------------------------


def first_payment_on(terms: RentTerms, versions: Sequence[Version] = ()) -> date | None:
    """When the first amount falls due: the term's first period computed, then its first
    months (wider only while they bill nothing); for an amended contract, its versions'
    schedule."""
    if len(versions) > 1:
        return first_payment_due(amended_schedule(versions)[0])
    start = terms.starts_on
    for months in FIRST_WINDOWS:
        until = add_months(start, months)
        if until >= terms.ends_on:
            break
        found = first_payment_due(rent_schedule(terms, within=(start, until))[0])
        if found is not None:
            return found
    return first_payment_due(rent_schedule(terms)[0])


def _terms(doc: Mapping[str, Any] | None, area: Decimal, rate: Decimal, starts_on: date,
           ends_on: date) -> RentTerms:
    """A stored terms document, or for a contract from before clauses its plain monthly rent
    (``services.contracts.stored_terms``' rule, without loading the row)."""
    if doc:
        return terms_from_json(doc)
    return RentTerms(area, rate, starts_on, ends_on)


def _versions(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[Version]]:
    """The versions of amended contracts, for their first payment (one query for all).

    Only the terms count here: the rest of each version's spec is left plain.
    """
    found: dict[uuid.UUID, list[Version]] = {}
    wanted = list(ids)
    if not wanted:
        return found
    rows = session.scalars(select(ContractVersion).where(
        ContractVersion.contract_id.in_(wanted)).order_by(ContractVersion.contract_id,
                                                          ContractVersion.number))
    for row in rows:
        terms = terms_from_json(row.terms)
        spec = ContractSpec("", "", "", UnitType.OFFICE, row.signed_on, (), terms)
        found.setdefault(row.contract_id, []).append(
            Version(row.number, row.effective_on, spec, row.reason))
    return found


# -- one contract ----------------------------------------------------------------------


def contract_checkpoints(session: Session, contract_id: uuid.UUID, on: date
                         ) -> list[CheckpointRow]:
    """A signed contract's checkpoints on ``on``, each done or not, late or not (a draft has
    none: nothing is agreed yet)."""
    contract = session.get(Contract, contract_id)
    if contract is None or contract.archived:
        raise ContractRefused(f"no contract with id {contract_id}", "no-contract",
                              contract=str(contract_id))
    if contract.status is ContractStatus.DRAFT:
        return []
    marks = {m.code: m for m in session.scalars(select(CheckpointMark).where(
        CheckpointMark.contract_id == contract.id, ~CheckpointMark.archived))}
    versions = versions_of(session, contract.id)
    if versions:
        terms = versions[0].spec.terms
    else:
        area = sum((link.billable_area for link in session.scalars(select(ContractUnit).where(
            ContractUnit.contract_id == contract.id, current_link()))), Decimal(0))
        terms = _terms(contract.terms, area, contract.rent_per_sqm_month, contract.starts_on,
                       contract.ends_on)
    found = checkpoints(contract.signed_on, contract.delivered_on, contract.rent_starts_on,
                            first_payment_on(terms, versions), contract.starts_on,
                            contract.ends_on, contract.terminated_on)
    done = {code: m.done_on for code, m in marks.items()}
    late = {a.code: a.days_late for a in late_checkpoints(found, done, on)}
    rows = []
    for c in found:
        mark = marks.get(c.code)
        done_on = done.get(c.code, c.done_on)
        shown = done_on if done_on is not None and done_on <= on else None
        rows.append(CheckpointRow(
            c.code, c.kind, c.due_on, c.owner_role, shown,
            mark.by if mark is not None and shown is not None else "",
            mark.note if mark is not None and shown is not None else "",
            c.code in late, late.get(c.code, 0)))
    return rows


def mark_done(workspace: Workspace, contract_id: uuid.UUID, code: str, on: date, by: str = "",
              note: str = "") -> None:
    """Mark a checkpoint done on ``on`` (again: the mark is replaced); its alert clears.

    Refused by name when the contract has no such checkpoint.
    """
    with workspace.transaction() as session:
        contract = session.get(Contract, contract_id)
        if contract is None or contract.archived:
            raise ContractRefused(f"no contract with id {contract_id}", "no-contract",
                                  contract=str(contract_id))
        codes = {row.code for row in contract_checkpoints(session, contract.id, on)}
        if code not in codes:
            raise ContractRefused(f"{contract.code} has no checkpoint {code}",
                                  "no-checkpoint", contract=contract.code, checkpoint=code)
        mark = session.scalar(select(CheckpointMark).where(
            CheckpointMark.contract_id == contract.id, CheckpointMark.code == code))
        if mark is None:
            session.add(CheckpointMark(contract_id=contract.id, code=code, done_on=on, by=by,
                                       note=note))
        else:
            mark.done_on, mark.by, mark.note = on, by, note
            if mark.archived:
                mark.archived = False
        alert = session.get(Alert, alert_id(contract.id, code))
        if alert is not None and alert.cleared_on is None:
            alert.cleared_on = on


# -- the park --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lease:
    """One contract as the park's lists read it, with its checkpoints."""

    id: uuid.UUID
    code: str
    tenant: str
    units: tuple[str, ...]
    checkpoints: list[Checkpoint]
    kinds: list[CheckpointKind]  # each checkpoint's, worked out once


# A contract's checkpoints follow from its row alone (its dates, its terms, its versions),
# so they are kept per process under what they follow from: the row's id, its change stamp
# and its dates. A date change or a second look at the list computes nothing again.
_CACHE: dict[tuple[Any, ...], tuple[list[Checkpoint], list[CheckpointKind]]] = {}
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 50_000


def _leases(session: Session, park_id: uuid.UUID, on: date) -> list[_Lease]:
    """The contracts whose checkpoints count on ``on`` (module docstring), with their
    checkpoints.

    One query for the contracts with their tenant and units; the terms of those whose
    checkpoints are not known yet in a second, and amended ones' versions in a third.
    """
    since = on - timedelta(days=ENDED_GRACE_DAYS)
    rows = session.execute(
        select(Contract.id, Contract.hlc, Contract.code, Contract.version, Tenant.name,
               Unit.code)
        .join(Tenant, Tenant.id == Contract.tenant_id)
        .outerjoin(ContractUnit, (ContractUnit.contract_id == Contract.id) & current_link())
        .outerjoin(Unit, Unit.id == ContractUnit.unit_id)
        .where(Contract.park_id == park_id, ~Contract.archived,
               Contract.status != ContractStatus.DRAFT, Contract.signed_on <= on,
               Contract.ends_on >= since,
               or_(Contract.terminated_on.is_(None), Contract.terminated_on >= since))
        .order_by(Contract.code, Unit.code)).all()
    grouped: dict[uuid.UUID, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    # Every write stamps the row (store.changes), so the stamp says whether it changed.
    keys = {cid: (cid, group[0][1]) for cid, group in grouped.items()}
    with _CACHE_LOCK:
        known = {cid: _CACHE[key] for cid, key in keys.items() if key in _CACHE}
    missing = [cid for cid in grouped if cid not in known]
    if missing:
        made = _checkpoints_of(session, missing,
                               [cid for cid in missing if grouped[cid][0][3] > 1])
        with _CACHE_LOCK:
            if len(_CACHE) + len(made) > CACHE_SIZE:
                _CACHE.clear()
            for cid, found in made.items():
                _CACHE[keys[cid]] = found
        known.update(made)
    return [_Lease(cid, group[0][2], group[0][4],
                   tuple(r[5] for r in group if r[5] is not None), *known[cid])
            for cid, group in grouped.items()]


def _checkpoints_of(session: Session, ids: Sequence[uuid.UUID],
                    amended_ids: Sequence[uuid.UUID]
                    ) -> dict[uuid.UUID, tuple[list[Checkpoint], list[CheckpointKind]]]:
    """The checkpoints of these contracts, their terms read in batches (a contract from
    before clauses bills its plain rent on its units' area)."""
    amended = _versions(session, amended_ids)
    made: dict[uuid.UUID, tuple[list[Checkpoint], list[CheckpointKind]]] = {}
    for chunk in _chunks(ids, BATCH):
        rows = session.execute(
            select(Contract.id, Contract.signed_on, Contract.delivered_on,
                   Contract.rent_starts_on, Contract.starts_on, Contract.ends_on,
                   Contract.terminated_on, Contract.rent_per_sqm_month, Contract.terms)
            .where(Contract.id.in_(chunk))).all()
        plain = [r[0] for r in rows if not r[8] and r[0] not in amended]
        areas: dict[uuid.UUID, Decimal] = {}
        if plain:
            for cid, let in session.execute(
                    select(ContractUnit.contract_id, ContractUnit.billable_area)
                    .where(ContractUnit.contract_id.in_(plain), current_link())):
                areas[cid] = areas.get(cid, Decimal(0)) + let
        for (cid, signed_on, delivered_on, rent_starts_on, starts_on, ends_on, terminated_on,
             rate, doc) in rows:
            versions = amended.get(cid, [])
            terms = (versions[0].spec.terms if versions
                     else _terms(doc, areas.get(cid, Decimal(0)), rate, starts_on, ends_on))
            found = checkpoints(signed_on, delivered_on, rent_starts_on,
                                first_payment_on(terms, versions), starts_on, ends_on,
                                terminated_on)
            made[cid] = (found, [c.kind for c in found])
    return made


def _chunks(items: Sequence[uuid.UUID], size: int) -> Iterable[Sequence[uuid.UUID]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def forget_cached() -> None:
    """Drop every contract's checkpoints kept (tests, a workspace replaced on disk)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _marks(session: Session, park_id: uuid.UUID) -> dict[uuid.UUID, dict[str, date]]:
    """Every checkpoint marked done in the park: contract → code → day (one query)."""
    done: dict[uuid.UUID, dict[str, date]] = {}
    for contract_id, code, done_on in session.execute(
            select(CheckpointMark.contract_id, CheckpointMark.code, CheckpointMark.done_on)
            .join(Contract, Contract.id == CheckpointMark.contract_id)
            .where(Contract.park_id == park_id, ~CheckpointMark.archived)):
        done.setdefault(contract_id, {})[code] = done_on
    return done


def due_list(session: Session, park_id: uuid.UUID, on: date,
             within_days: int = DUE_WITHIN_DAYS) -> list[DueItem]:
    """The park's checkpoints late on ``on`` or due within ``within_days`` after it, by due
    date (then contract code), not done by that day.

    A checkpoint marked done after ``on`` was still open then (time travel).
    """
    done = _marks(session, park_id)
    horizon = on + timedelta(days=within_days)
    items = []
    for lease in _leases(session, park_id, on):
        marks = done.get(lease.id, {})
        replaced = superseded(lease.checkpoints, on)
        for c, kind in zip(lease.checkpoints, lease.kinds, strict=True):
            if c.due_on > horizon or c.code in replaced:
                continue
            done_on = marks.get(c.code, c.done_on)
            if done_on is not None and done_on <= on:
                continue
            items.append(DueItem(lease.id, lease.code, lease.tenant, lease.units, c.code, kind,
                                 c.due_on, c.owner_role, (on - c.due_on).days))
    items.sort(key=attrgetter("due_on", "contract_code", "code"))
    return items


def raise_due_alerts(workspace: Workspace, park_id: uuid.UUID, on: date) -> AlertRun:
    """Raise an alert for each checkpoint late on ``on``; clear those whose checkpoint is done
    or gone (a termination took it away). Idempotent, in one transaction.

    A checkpoint done at any date raises nothing (its alert would only be cleared); an
    alert that is simply not late on ``on`` (an earlier day viewed) stays as it is.
    """
    raised = cleared = 0
    with workspace.transaction() as session:
        done = _marks(session, park_id)
        # As plain rows: a park has thousands; only those that change are loaded as objects.
        alerts = {(row.contract_id, row.code): row for row in session.execute(
            select(Alert.contract_id, Alert.code, Alert.cleared_on, Alert.archived)
            .where(Alert.park_id == park_id, Alert.kind == ALERT_KIND))}
        live: set[tuple[uuid.UUID, str]] = set()  # checkpoints that exist, done or not
        late_ids: set[tuple[uuid.UUID, str]] = set()
        replaced: set[tuple[uuid.UUID, str]] = set()  # owed no more: a later one is due
        new: list[dict[str, Any]] = []
        leases = _leases(session, park_id, on)
        for lease in leases:
            marks = done.get(lease.id, {})
            live.update((lease.id, c.code) for c in lease.checkpoints)
            replaced.update((lease.id, code) for code in superseded(lease.checkpoints, on))
            for late in late_checkpoints(lease.checkpoints, {}, on):
                if late.code in marks:
                    continue
                key = (lease.id, late.code)
                late_ids.add(key)
                alert = alerts.get(key)
                if alert is None:
                    new.append({"id": alert_id(*key), "park_id": park_id, "contract_id": lease.id,
                                "kind": ALERT_KIND, "code": late.code,
                                "owner_role": late.owner_role.value, "due_on": late.due_on,
                                "raised_on": on, "cleared_on": None, "archived": False})
                elif alert.cleared_on is not None or alert.archived:
                    again = session.get_one(Alert, alert_id(*key))
                    again.cleared_on, again.archived, again.raised_on = None, False, on
                    raised += 1
        if new:  # a park's first run raises thousands: one insert, their ops beside it
            insert_rows(session, Alert, new)
            raised += len(new)
        looked_at = {lease.id for lease in leases}
        standing = [a for key, a in alerts.items() if a.cleared_on is None and not a.archived
                    and key not in late_ids and a.contract_id is not None]
        over = _ended_before(session, {a.contract_id for a in standing
                                       if a.contract_id not in looked_at},
                             on - timedelta(days=ENDED_GRACE_DAYS))
        for alert in standing:
            day = done.get(alert.contract_id, {}).get(alert.code)
            key = (alert.contract_id, alert.code)
            if day is None and ((alert.contract_id in looked_at
                                 and (key not in live or key in replaced))
                                or alert.contract_id in over):
                day = on  # gone (a termination came first), superseded, or the lease is over
            if day is not None:
                session.get_one(Alert, alert_id(alert.contract_id, alert.code)).cleared_on = day
                cleared += 1
    return AlertRun(raised, cleared)


def _ended_before(session: Session, ids: Iterable[uuid.UUID | None], since: date
                  ) -> set[uuid.UUID]:
    """Of these contracts, those whose last day is before ``since``, or that were archived."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return set()
    over = set()
    for cid, ends_on, terminated_on, archived in session.execute(
            select(Contract.id, Contract.ends_on, Contract.terminated_on, Contract.archived)
            .where(Contract.id.in_(wanted))):
        last = min(ends_on, terminated_on) if terminated_on is not None else ends_on
        if archived or last < since:
            over.add(cid)
    return over


def open_alerts(session: Session, park_id: uuid.UUID) -> list[Alert]:
    """The park's checkpoint alerts not cleared, oldest due first."""
    return list(session.scalars(select(Alert).where(
        Alert.park_id == park_id, Alert.kind == ALERT_KIND, ~Alert.archived,
        Alert.cleared_on.is_(None)).order_by(Alert.due_on, Alert.code)))

