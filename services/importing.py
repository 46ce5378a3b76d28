"""The import use case, the same for the CLI and the window: read → rehearse → apply.

Reading gives a plan and its problems and writes nothing. Rehearsing runs the
whole write in :meth:`Workspace.rehearsal` (always rolled back) and returns the
complete change report: units added, changed, archived or kept, every unit
whose leasable or billable area moves, the contracts that need an amendment,
and the warnings that need a person's confirmation. Applying runs the very
same write in one :meth:`Workspace.transaction`; it refuses (and writes
nothing) when the drawing may be another floor's and nobody confirmed it, so
neither caller can forget the question. The site plan goes the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from importers.plan import ImportedPlan
from importers.read import read_plan
from runtime.jobs import Job
from runtime.messages import Message, UserError
from store.plan_import import (
    FitWarning,
    ImportChanges,
    KeptUnitOverlap,
    PlanImportError,
    UnitsOverlap,
    import_plan,
)
from store.site_import import SiteChanges, import_site
from store.workspace import Workspace

__all__ = [
    "ConfirmationNeeded",
    "KeptUnitOverlap",
    "PlanImportError",
    "UnitsOverlap",
    "apply_plan",
    "apply_site",
    "read",
    "rehearse_plan",
    "rehearse_site",
]

T = TypeVar("T")


class ConfirmationNeeded(PlanImportError, UserError):
    """The drawing may not belong on its floor; apply again with ``confirmed=True``.

    Its parts are the warnings, each as code ``fit-<case>`` with the warning's params.
    """

    def __init__(self, warnings: list[FitWarning]) -> None:
        self.warnings = warnings
        UserError.__init__(
            self,
            "; ".join(w.message for w in warnings)
            + " — check the floor and the drawing, or confirm to import it anyway",
            "confirmation-needed",
            parts=[Message(f"fit-{w.case}", w.message, dict(w.params)) for w in warnings],
        )


def read(
    path: Path | str,
    layers: dict[str, str] | None = None,
    units: str | None = None,
    by_zone: bool = False,
) -> ImportedPlan:
    """Read a drawing (never raises on a bad file); ``by_zone``: one unit per IfcZone."""
    plan = read_plan(path, layers=layers, units=units)
    if by_zone:
        from importers.zones import units_by_zone

        plan = units_by_zone(plan)
    return plan


def rehearse_plan(
    workspace: Workspace,
    plan: ImportedPlan,
    building: str,
    level: int | None = None,
    park: str | None = None,
    today: date | None = None,
    **options: Any,
) -> ImportChanges:
    """What importing ``plan`` would change, warnings included; nothing is written.

    Raises PlanImportError when the plan cannot be imported at all (errors, no
    rooms, no level), UnitsOverlap when two of the floor's units would overlap
    after it (KeptUnitOverlap: a room on a unit kept for its contract): the
    person sees the refusal before pressing Import. ``options`` go to
    :func:`store.plan_import.import_plan` as they are.
    """
    return _run(workspace.rehearsal, lambda s: import_plan(
        s, plan, building, level, park, today=today, **options))


def apply_plan(
    workspace: Workspace,
    plan: ImportedPlan,
    building: str,
    level: int | None = None,
    park: str | None = None,
    today: date | None = None,
    confirmed: bool = False,
    job: Job | None = None,
    **options: Any,
) -> ImportChanges:
    """Import ``plan`` in one transaction; all of it or, on any refusal, nothing.

    ``confirmed`` is the person's answer to the rehearsal's warnings; without
    it a drawing that may be another floor's raises ConfirmationNeeded.
    ``job`` shows progress and may cancel: its Cancelled rolls the whole write back.
    """

    def write(session: Session) -> ImportChanges:
        changes = import_plan(
            session, plan, building, level, park, today=today, job=job, **options
        )
        if changes.warnings and not confirmed:
            raise ConfirmationNeeded(changes.warnings)  # rolls the transaction back
        return changes

    return _run(workspace.transaction, write)


def rehearse_site(
    workspace: Workspace,
    plan: ImportedPlan,
    park: str | None = None,
    replace_site_plan: bool = False,
) -> SiteChanges:
    """What a site drawing would change; nothing is written."""
    return _run(workspace.rehearsal, lambda s: import_site(s, plan, park, replace_site_plan))


def apply_site(
    workspace: Workspace,
    plan: ImportedPlan,
    park: str | None = None,
    replace_site_plan: bool = False,
) -> SiteChanges:
    """Place the buildings and keep (or, confirmed, remove) the site plan in one transaction."""
    return _run(workspace.transaction, lambda s: import_site(s, plan, park, replace_site_plan))


def _run(session_of: Callable[[], Any], work: Callable[[Session], T]) -> T:
    with session_of() as session:
        return work(session)
