"""The Billing menu: the billing run, first; receivables, payments and the rest of issue 12
join it as they are built.

The window only creates it; what its actions open lives in ``app.billing_flow``, imported
when an action is used so the window starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from views.billing_run_dialog import BillingRunDialog


class BillingMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("billing-menu")
        self.main_window = window
        self.setToolTipsVisible(True)
        self.run_action = QAction(self)
        self.run_action.setObjectName("billing-run-action")
        self.run_action.triggered.connect(self.billing_run)
        self.addAction(self.run_action)
        from app.invoice_flow import InvoicesAction  # Billing ▸ Invoices… (issue 12)

        self.invoices_action = InvoicesAction(self)
        self.addAction(self.invoices_action)
        from app.collections_flow import CollectionsAction  # Billing ▸ Collections… (issue 12)

        self.collections_action = CollectionsAction(self)
        self.addAction(self.collections_action)
        from app.payments_flow import payment_actions  # bank import, queue, entry (issue 12)

        self.bank_import_action, self.queue_action, self.entry_action = payment_actions(self)
        from app.receivables_flow import ReceivablesAction  # ageing, arrears, credit (issue 12)

        self.receivables_action = ReceivablesAction(self)
        self.addAction(self.receivables_action)
        from app.ledgers_flow import ThreeLedgersAction  # the three-ledger check (issue 12)

        self.ledgers_action = ThreeLedgersAction(self)
        self.addAction(self.ledgers_action)
        c = window.controller
        for signal in (c.opened, c.closed, c.treeChanged):
            signal.connect(self.update_actions)
        self._retranslate()

    def update_actions(self, *_signal_args: object) -> None:
        is_open = self.main_window.controller.is_open
        self.run_action.setEnabled(is_open)
        self.run_action.setToolTip("" if is_open else self.tr("Open a workspace first"))

    def billing_run(self) -> BillingRunDialog | None:
        from app.billing_flow import open_billing_run

        return open_billing_run(self.main_window)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Billing"))
        self.run_action.setText(self.tr("Billing &run…"))
        self.update_actions()
