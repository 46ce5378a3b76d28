"""The contract wizard wired to the workspace: prefilled from the plan, checked against the
register, saved and signed in the worker pool.

:func:`new_contract` opens the wizard on the units selected on the plan (or
given), with their billable areas, the area-weighted asking rent as the rate,
the next free contract code and the park's tenants; :func:`edit_draft` opens a
draft. The wizard checks as the person types through a checker that reads the
register's facts (``services.contract_entry.check_spec``, a few indexed rows,
on a reading session of its own), so problems show beside their fields before
anything is saved. Save draft and Sign run ``services.contract_entry`` in the
pool, a tenant typed in created in the same transaction as the contract; a
refusal (:class:`~services.contracts.ContractRefused`) comes back onto the
fields and nothing is written; a success closes the wizard and reads the
window's data again, so the table and the maps show the units signed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from sqlalchemy.orm import Session

from domain.contracts import ContractStatus
from domain.leasing.contract import ContractSpec
from domain.leasing.validation import FieldProblem
from services import contract_entry as entry
from services import contracts
from services.contract_entry import UnitOffer
from services.contracts import ContractRefused
from services.register import park_of
from store.schema import Park
from views.contract_wizard import ContractWizard, TenantChoice, UnitChoice

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from runtime.jobs import Job


translate = QCoreApplication.translate


@dataclass(frozen=True)
class _Saved:
    contract_id: uuid.UUID
    code: str
    signed: bool


@dataclass(frozen=True)
class _Refused:
    error: ContractRefused


# -- the service's records as the wizard shows them -------------------------------------


def unit_choice(unit: UnitOffer) -> UnitChoice:
    return UnitChoice(unit.unit_id, unit.code, unit.billable_area, unit.asking_rent, unit.kind)


def tenant_choices(session: Session, park_id: uuid.UUID) -> list[TenantChoice]:
    return [TenantChoice(t.tenant_id, t.name) for t in entry.tenants_of(session, park_id)]


class ContractFlow(QObject):
    """One wizard's wiring: its checks, its units from the plan, its saving."""

    def __init__(self, window: MainWindow, wizard: ContractWizard, park_id: uuid.UUID,
                 contract_id: uuid.UUID | None = None) -> None:
        super().__init__(wizard)
        self.window = window
        self.wizard = wizard
        self.park_id = park_id
        self.contract_id = contract_id
        self.saved: uuid.UUID | None = None  # the contract written, once it is
        wizard.contract_id = contract_id
        wizard.checker = self.check
        wizard.plan_selection = self.plan_selection
        wizard.find_unit = self.find_unit
        wizard.plan_button.setEnabled(True)
        wizard.unit_code_button.setEnabled(True)
        wizard.submitted.connect(self.save)
        window.controller.closed.connect(wizard.reject)
        self.open = True  # False once the wizard is closed (a save may still answer)
        wizard.finished.connect(self._closed)

    def _closed(self, *_result: object) -> None:
        self.open = False

    def check(self, spec: ContractSpec) -> list[FieldProblem]:
        if not self.window.controller.is_open:
            return []
        return entry.check_spec(self.window.controller.workspace, self.park_id, spec,
                                self.contract_id)

    def plan_selection(self) -> list[UnitChoice]:
        ids = selected_unit_ids(self.window)
        if not ids or not self.window.controller.is_open:
            return []
        with self.window.controller.workspace.reading() as session:
            return [unit_choice(u) for u in entry.units_by_id(session, ids)]

    def find_unit(self, code: str) -> UnitChoice | None:
        if not self.window.controller.is_open:
            return None
        with self.window.controller.workspace.reading() as session:
            found = entry.unit_by_code(session, self.park_id, code)
        return None if found is None else unit_choice(found)

    def save(self, spec: ContractSpec, sign: bool) -> None:
        """Write in the pool; the answer closes the wizard or marks its fields."""
        if not self.window.controller.is_open:
            self.wizard.show_failure(translate("ContractWizardFlow", "No workspace is open."))
            return
        workspace = self.window.controller.workspace
        park_id, contract_id, tenant = self.park_id, self.contract_id, self.wizard.new_tenant()

        def work(_job: Job) -> _Saved | _Refused:
            try:
                saved = entry.save_contract(workspace, park_id, spec, sign, contract_id,
                                            tenant)
            except ContractRefused as exc:
                return _Refused(exc)
            return _Saved(saved, spec.code, sign)

        self.window.tasks.start(work, on_success=self._answered,
                                on_failure=lambda message, _trace: self._failed(message))

    def _answered(self, result: _Saved | _Refused) -> None:
        from views.message_text import message_text

        if isinstance(result, _Refused):
            problems = result.error.problems
            if not self.open:  # closed while saving: say it in the window instead
                self._failed(message_text(result.error))
                return
            text = (translate("ContractWizardFlow", "Not saved: the marked fields were refused.")
                    if problems else message_text(result.error))
            self.wizard.show_refusal(problems, text)
            return
        self.saved = result.contract_id
        self.window.controller.reload()  # the table and the maps show the units signed
        from app.contract_flow import contracts_changed

        contracts_changed(self.window)  # the open contract list and due list read again
        said = (translate("ContractWizardFlow", "Contract %1 signed") if result.signed
                else translate("ContractWizardFlow", "Draft contract %1 saved"))
        self.window.statusBar().showMessage(said.replace("%1", result.code), 10000)
        if self.open:
            self.wizard.accept()

    def _failed(self, message: str) -> None:
        if self.open:
            self.wizard.show_failure(message)
        else:
            self.window.warn(translate("ContractWizardFlow", "Contract not saved"), message)


# -- opening ----------------------------------------------------------------------------


def selected_unit_ids(window: MainWindow) -> list[uuid.UUID]:
    """The units selected on the floor plan (Ctrl+click picks several); with no plan open,
    the unit chosen in the table."""
    if window.maps is not None and window.map_panel is not None:
        chosen = window.map_panel.floor_plan.selected_units()
        if chosen:
            return list(chosen)
    current = window.table.current_unit_id()
    return [current] if current is not None else []


def _park(window: MainWindow, session: Session) -> Park:
    node = park_of(window.controller.tree, window.controller.scope)
    park = session.get(Park, node.id) if node is not None else None
    return park if park is not None else session.get(Park, contracts.park_id_of(session))


def _wizard(window: MainWindow, session: Session, park: Park, code: str) -> ContractWizard:
    return ContractWizard(window, tenants=tenant_choices(session, park.id),
                          today=window.controller.day, currency=park.currency, code=code,
                          discount_rate=park.discount_rate)


def new_contract(window: MainWindow, unit_ids: Sequence[uuid.UUID] | None = None
                 ) -> ContractWizard | None:
    """The wizard on the units selected on the plan (or ``unit_ids``), prefilled."""
    if not window.controller.is_open:
        return None
    ids = list(unit_ids) if unit_ids is not None else selected_unit_ids(window)
    with window.controller.workspace.reading() as session:
        park = _park(window, session)
        wizard = _wizard(window, session, park,
                         entry.next_contract_code(session, park.id, window.controller.day))
        units = [unit_choice(u) for u in entry.units_by_id(session, ids)]
    ContractFlow(window, wizard, park.id)
    wizard.add_units(units)
    return _shown(wizard)


def edit_draft(window: MainWindow, contract_id: uuid.UUID) -> ContractWizard | None:
    """The wizard on a draft contract; a signed one changes by amendment, not here."""
    from views.message_text import message_text

    if not window.controller.is_open:
        return None
    with window.controller.workspace.reading() as session:
        try:
            contract = contracts.find_contract(session, str(contract_id))
        except ContractRefused as exc:
            window.warn(translate("ContractWizardFlow", "Contract not opened"), message_text(exc))
            return None
        if contract.status is not ContractStatus.DRAFT:
            said = translate("ContractWizardFlow",
                             "%1 is signed: it changes by an amendment, not in the wizard.")
            window.warn(translate("ContractWizardFlow", "Contract not opened"),
                        said.replace("%1", contract.code))
            return None
        park = session.get(Park, contract.park_id)
        spec = contracts.spec_of(session, contract)
        wizard = _wizard(window, session, park, spec.code)
        units = [unit_choice(u) for u in entry.units_by_id(
            session, [uuid.UUID(u.unit_id) for u in spec.units])]
    ContractFlow(window, wizard, park.id, contract.id)
    wizard.set_spec(spec, units)
    return _shown(wizard)


def _shown(wizard: ContractWizard) -> ContractWizard:
    """Beside the plan, not modal: more units can be picked on the plan meanwhile."""
    wizard.finished.connect(lambda _result: wizard.deleteLater())
    wizard.refresh_now()
    wizard.show()
    wizard.raise_()
    return wizard

