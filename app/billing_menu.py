"""The Billing menu: the billing run, payments, invoices, receivables, collections, the
three-ledger check.

The window only creates it; what an action opens lives in its flow (``app.billing_flow``,
``app.payments_flow`` …), imported when the action is first used so the window starts
without them. Every action is a :class:`WorkspaceAction`: enabled with a workspace open,
worded in the menu's language.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from app.main_window import MainWindow

translate = QCoreApplication.translate

# name, words (literal for lupdate), the flow module and its opener; None: a separator
ACTIONS: tuple[tuple[str, Callable[[], str], str, str] | None, ...] = (
    ("billing-run-action", lambda: translate("BillingMenu", "Billing &run…"),
     "app.billing_flow", "open_billing_run"),
    ("invoices-action", lambda: translate("BillingMenu", "&Invoices…"),
     "app.invoice_flow", "open_invoices"),
    ("collections-action", lambda: translate("BillingMenu", "&Collections…"),
     "app.collections_flow", "open_collections"),
    ("meters-action", lambda: translate("BillingMenu", "&Meters…"), "app.meters_flow",
     "open_meters"),
    None,
    ("bank-import-action", lambda: translate("BillingMenu", "Import &bank statement…"),
     "app.payments_flow", "open_bank_import"),
    ("payment-queue-action", lambda: translate("BillingMenu", "&Payments to match"),
     "app.payments_flow", "open_payment_queue"),
    ("payment-entry-action", lambda: translate("BillingMenu", "&Enter payment…"),
     "app.payments_flow", "open_payment_entry"),
    ("receivables-action", lambda: translate("BillingMenu", "Re&ceivables…"),
     "app.receivables_flow", "open_receivables"),
    ("three-ledgers-action", lambda: translate("BillingMenu", "&Three-ledger check…"),
     "app.ledgers_flow", "open_three_ledgers"),
    ("tax-rates-action", lambda: translate("BillingMenu", "Ta&x rates…"),
     "app.finance_settings_flow", "open_tax_rates"),
    ("holidays-action", lambda: translate("BillingMenu", "&Holidays…"),
     "app.finance_settings_flow", "open_holidays"),
)


class WorkspaceAction(QAction):
    """A menu action that needs an open workspace; what it opens is imported on first use."""

    def __init__(self, menu: BillingMenu, name: str, words: Callable[[], str], module: str,
                 opener: str) -> None:
        super().__init__(menu)
        self.setObjectName(name)
        self.window = menu.main_window
        self.words = words
        self.triggered.connect(lambda _checked=False: self.open())
        self._module, self._opener = module, opener
        controller = self.window.controller
        for signal in (controller.opened, controller.closed, controller.treeChanged):
            signal.connect(self.update_enabled)
        menu.installEventFilter(self)
        self.retranslate()

    def open(self) -> Any:
        return getattr(importlib.import_module(self._module), self._opener)(self.window)

    def update_enabled(self, *_signal_args: object) -> None:
        is_open = self.window.controller.is_open
        self.setEnabled(is_open)
        self.setToolTip("" if is_open else translate("BillingMenu", "Open a workspace first"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.setText(self.words())
        self.update_enabled()


class BillingMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("billing-menu")
        self.main_window = window
        self.setToolTipsVisible(True)
        actions: dict[str, WorkspaceAction] = {}
        for entry in ACTIONS:
            if entry is None:
                self.addSeparator()
                continue
            action = WorkspaceAction(self, *entry)
            actions[entry[0]] = action
            self.addAction(action)
        self.run_action = actions["billing-run-action"]
        self.invoices_action = actions["invoices-action"]
        self.collections_action = actions["collections-action"]
        self.bank_import_action = actions["bank-import-action"]
        self.queue_action = actions["payment-queue-action"]
        self.entry_action = actions["payment-entry-action"]
        self.receivables_action = actions["receivables-action"]
        self.ledgers_action = actions["three-ledgers-action"]
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Billing"))
