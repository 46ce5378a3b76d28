"""The Leasing menu: the pipeline, contracts, the rent roll, the contract templates, the CPI
and the park's leasing settings.

The window only creates it; what each action opens lives in its own flow
(``app.pipeline_flow``, ``app.contract_wizard_flow``, ``app.contract_flow``,
``app.rent_roll_flow``, ``app.contract_document_flow``, ``app.inputs_flow``,
``app.leasing_settings_flow``), imported when the action is used so the window starts
without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.pipeline_flow import add_pipeline_actions

if TYPE_CHECKING:
    from app.main_window import MainWindow


class LeasingMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setToolTipsVisible(True)
        self.pipeline_actions = add_pipeline_actions(window, self)
        self.addSeparator()
        self.new_contract_action = QAction(self)
        self.new_contract_action.setObjectName("new-contract-action")
        self.new_contract_action.triggered.connect(self.new_contract)
        self.contracts_action = QAction(self)
        self.contracts_action.setObjectName("contracts-action")
        self.contracts_action.triggered.connect(self.contracts)
        self.rent_roll_action = QAction(self)
        self.rent_roll_action.setObjectName("rent-roll-action")
        self.rent_roll_action.triggered.connect(self.rent_roll)
        self.template_action = QAction(self)
        self.template_action.setObjectName("contract-template-action")
        self.template_action.triggered.connect(self.templates)
        self.price_index_action = QAction(self)
        self.price_index_action.setObjectName("price-index-action")
        self.price_index_action.triggered.connect(self.price_index)
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("leasing-settings-action")
        self.settings_action.triggered.connect(self.leasing_settings)
        for action in (self.new_contract_action, self.contracts_action):
            self.addAction(action)
        self.addSeparator()
        self.addAction(self.rent_roll_action)
        self.addAction(self.template_action)
        self.addAction(self.price_index_action)
        self.addAction(self.settings_action)
        c = window.controller
        for signal in (c.opened, c.closed, c.treeChanged):
            signal.connect(self.update_actions)
        self._retranslate()

    def update_actions(self, *_signal_args: object) -> None:
        is_open = self.main_window.controller.is_open
        for action in (self.new_contract_action, self.contracts_action, self.rent_roll_action,
                       self.template_action, self.price_index_action, self.settings_action):
            action.setEnabled(is_open)
            action.setToolTip("" if is_open else self.tr("Open a workspace first"))

    def new_contract(self) -> object:
        """The wizard, with the units selected on the plan or in the table already in it."""
        from app.contract_wizard_flow import new_contract, selected_unit_ids

        return new_contract(self.main_window, selected_unit_ids(self.main_window) or None)

    def contracts(self) -> object:
        from app.contract_flow import open_contract_list

        return open_contract_list(self.main_window)

    def rent_roll(self) -> None:
        from app.rent_roll_flow import import_rent_roll

        import_rent_roll(self.main_window)

    def templates(self) -> object:
        from app.contract_document_flow import edit_template

        return edit_template(self.main_window)

    def price_index(self) -> object:
        from app.inputs_flow import open_price_index

        return open_price_index(self.main_window)

    def leasing_settings(self) -> object:
        from app.leasing_settings_flow import open_leasing_settings

        return open_leasing_settings(self.main_window)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Leasing"))
        self.new_contract_action.setText(self.tr("New &contract…"))
        self.contracts_action.setText(self.tr("C&ontracts"))
        self.rent_roll_action.setText(self.tr("Import &rent roll…"))
        self.template_action.setText(self.tr("Contract &templates…"))
        self.price_index_action.setText(self.tr("Price &index (CPI)…"))
        self.settings_action.setText(self.tr("Leasing &settings…"))
        self.update_actions()
