"""Billing ▸ Meters: the meter tree read, meters written, readings entered and imported,
the 公摊 statement read and exported, all in the window's worker pool.

The window (``views.meters_window``) asks for a utility and a month; the tree
is read here (:func:`read_meters`: ``services.meters.load_tree`` with every
reading, each meter's use in the month and its flags by the meter rules) and
handed over as a ``MetersSnapshot``. A meter added or edited goes through
``services.meters.create_meter`` / ``edit_meter``: a refusal (a loop, another
utility than the parent's, a unit not in the park…) comes back in words to the
dialog, which keeps what was typed. A meter that replaces a main or distribution meter
takes over its sub meters in the same transaction (the dialog says which before Save).
A month's readings typed in the entry grid are written together by ``record_readings``
(one transaction; a refused row is answered with its reasons and writes nothing), each
of the kind its row says: a new meter's initial (装表) reading and an old one's final
(拆表) can be typed there too.
A readings file is rehearsed and imported by ``import_readings`` behind the import
dialog's progress bar and Cancel: the import's Job is cancelled at its next step,
inside the transaction, so a cancelled import writes nothing.

A meter taken out of service goes through ``services.meter_archive``: Archive… asks the
day it was removed and its final readings (``views.meter_dialog.ArchiveMeterDialog``),
Remove… asks first and deletes a meter never read, Restore puts an archived meter back; a
refusal (it still feeds meters, it was read after the day, it was read or billed and
cannot be removed…) is said in words, in the dialog or under the tree. An archived meter
is not offered in the readings grid.

The Tariffs… button (and New tariff… in the meter dialog) opens ``app.tariffs_flow``'s
dialog; a version saved or archived there reads the tree again and lists the tariffs
anew in an open meter dialog (the one that asked for it chooses the tariff saved).

The statement of a meter feeding sub meters is ``services.meters.shared_statement``
laid out by ``views.meter_text.statement_sheet``; it is exported to Excel
(openpyxl, in the pool) and to PDF (a ``QTextDocument`` of the same sheet,
printed in the GUI thread). Closing the workspace closes the window and its
dialogs.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget

from app.park_window import park_window
from app.tariffs_flow import tariffs_flow_of
from domain.billing.unit_consumption import GAPS
from runtime.files import written_whole
from runtime.messages import UserError

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.workers import Task
    from runtime.jobs import Job
    from store.read_model import ParkNode
    from store.workspace import Workspace
    from views.meter_dialog import ArchiveMeterDialog, MeterDialog, MeterForm
    from views.meter_import_dialog import MeterImportDialog
    from views.meter_readings_dialog import ReadingsEntryDialog
    from views.meter_statement_dialog import MeterStatementDialog
    from views.meter_text import MetersSnapshot, StatementSheet
    from views.meters_window import MetersWindow
    from views.tariffs_dialog import TariffsDialog

translate = QCoreApplication.translate
# Flags of a month's use that no reading carries (the rest are the readings' own): a meter in
# service with no reading to close the month, as the bill run holds it.
PERIOD_PROBLEMS = GAPS
# Notes of a month's use: worked out, nothing to check (a meter out of service is no gap).
PERIOD_NOTES = ("rollover", "replacement", "installed", "not-installed")


def today() -> date:
    """The real day: readings are entered on it at the latest."""
    return date.today()


def remove_box(parent: QWidget, code: str) -> QMessageBox:
    """Asks before a meter never read is removed."""
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("MetersFlow", "Remove meter"),
        translate("MetersFlow", "Remove meter {code}? It was never read and no bill names it, "
                                "so it is deleted; its code is not used again.").format(code=code),
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("remove-meter-box")
    remove = box.addButton(translate("MetersFlow", "Remove"), QMessageBox.ButtonRole.AcceptRole)
    remove.setObjectName("remove")
    cancel = box.addButton(translate("MetersFlow", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    return box


# -- reading (in the pool, no Qt) ----------------------------------------------------------


def read_meters(workspace: Workspace, park_id: uuid.UUID, utility: str, month: date,
                ) -> MetersSnapshot:
    """One utility's meter tree in the park with every meter's readings (corrections
    applied), its use in ``month`` (multiplier applied), the flags the meter rules raise on
    the readings that close the month and on the month itself, and the notes (rollover,
    replacement); with the park's unit codes and the utility's tariffs for the dialogs."""
    from sqlalchemy import select

    from domain.billing.meters import OUT_OF_SERVICE, consumption, reading_flags
    from domain.billing.unit_consumption import current_readings, units_below
    from services.meters import load_tree, month_period
    from store.schema import Tariff, Unit
    from views.meter_text import MeterInfo, MetersSnapshot, rule_flag

    with workspace.reading() as session:
        tree = load_tree(session, park_id, utility)
        units = {u: c for u, c in session.execute(select(Unit.id, Unit.code).where(
            Unit.park_id == park_id, ~Unit.archived))}
        tariffs = [(t, name) for t, name, _from in session.execute(
            select(Tariff.id, Tariff.name, Tariff.valid_from).where(
                Tariff.park_id == park_id, Tariff.utility == utility, ~Tariff.archived)
            .order_by(Tariff.name, Tariff.valid_from))]
    period = month_period(month)
    readings = defaultdict(list)
    for r in current_readings(tree.readings):
        readings[r.meter_id].append(r)
    codes_by_id = {str(k): v for k, v in units.items()}
    meter_codes = {str(r.id): r.code for r in tree.rows.values()}
    tariff_names = dict(tariffs)
    newest = {name: t for t, name in tariffs}  # by first day: the newest version's id wins
    choices = tuple(sorted(((t, name) for name, t in newest.items()), key=lambda x: x[1]))
    out = []
    for meter in tree.meters:
        row = tree.rows[meter.id]
        own = readings.get(meter.id, [])
        used = consumption(meter, own, period)
        flags = [rule_flag(f.code, f.params, meter.code, f.message)
                 for f in reading_flags(meter, own)
                 if f.read_on is not None and period.start < f.read_on <= period.end]
        flags += [rule_flag(r.code, r.params, meter.code) for r in used.reasons
                  if r.code in PERIOD_PROBLEMS]
        notes = [rule_flag(r.code, r.params, meter.code) for r in used.reasons
                 if r.code in PERIOD_NOTES]
        document = tree.documents.get(meter.id) or {}
        weights = {codes_by_id.get(u, u): Decimal(str(w))
                   for u, w in (document.get("weights") or {}).items()}
        # Not read, or out of service all month (installed after it, removed before it):
        # no dial says 0, so the use is left blank.
        measured = not any(r.code in PERIOD_PROBLEMS for r in used.reasons) and not all(
            r.code in OUT_OF_SERVICE for r in used.reasons)
        out.append(MeterInfo(
            id=row.id, meter=meter, unit_code=codes_by_id.get(meter.unit_id or "", ""),
            tariff_id=row.tariff_id, tariff_name=tariff_names.get(row.tariff_id, "")
            if row.tariff_id else "", basis_kind=str(document.get("kind") or "area"),
            weights=weights, installed_on=row.installed_on, removed_on=row.removed_on,
            replaces=meter_codes.get(str(row.replaces_id), "") if row.replaces_id else "",
            readings=tuple(own), used=used.amount if measured else None,
            flags=tuple(flags), notes=tuple(notes)))
    feeding = {m.parent_id for m in tree.meters if m.parent_id is not None}
    below = {uuid.UUID(m): tuple(sorted(codes_by_id.get(u, u)
                                        for u in units_below(m, tree.meters)))
             for m in feeding if m in tree.rows}
    return MetersSnapshot(utility, date(month.year, month.month, 1), tuple(out),
                          tuple(sorted(units.values())), choices, below)


def read_statement(workspace: Workspace, meter_id: uuid.UUID, month: date, currency: str,
                   ) -> StatementSheet:
    """The meter's 公摊 statement for ``month``, laid out (units by code; amounts only
    when the meter has a tariff)."""
    from sqlalchemy import select

    from services.meters import shared_statement, statement_tariff
    from store.schema import Meter, Unit
    from views.meter_text import statement_sheet

    with workspace.reading() as session:
        statement = shared_statement(session, meter_id, month)
        asked = session.get(Meter, meter_id)
        priced = asked is not None and statement_tariff(session, asked) is not None
        ids = {s.unit_id for s in (*statement.shares, *statement.left_out)} | {
            s.meter.unit_id for s in statement.subs if s.meter.unit_id}
        codes = {str(u): c for u, c in session.execute(select(Unit.id, Unit.code).where(
            Unit.id.in_([uuid.UUID(i) for i in ids])))} if ids else {}
    return statement_sheet(statement, codes, currency, priced)


# -- writing files -------------------------------------------------------------------------


def export_statement(sheet: StatementSheet, path: Path | str) -> Path:
    """The statement as an .xlsx workbook: title, period, the meters, the figures, the
    units' shares with their totals, the units not connected, the check and the flags;
    figures as numbers. Written beside ``path`` and moved into place, so a failed write
    leaves no half a file. Raises ``OSError`` when it cannot be written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from services.receivables_report import sheet_title
    from views.meter_text import FRACTION, MONEY, QUANTITY, RATE, TEXT, SheetTable

    target = Path(path)
    book = Workbook()
    sheet_ = book.active
    assert sheet_ is not None
    sheet_.title = sheet_title(translate("MetersFlow", "Shared statement"))
    sheet_.cell(1, 1, sheet.title).font = Font(bold=True, size=13)
    sheet_.cell(2, 1, sheet.period)
    formats = {QUANTITY: "#,##0.###", MONEY: "#,##0.00", FRACTION: "0.0000%",
               RATE: "0.000000"}
    widths: dict[int, int] = defaultdict(lambda: 10)

    def put(row: int, part: SheetTable) -> int:
        for column, header in enumerate(part.headers, start=1):
            cell = sheet_.cell(row, column, header)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[column] = max(widths[column], min(len(header) + 2, 48))
        lines = part.lines()
        for r, (values, kinds, total) in enumerate(lines, start=1):
            for column, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
                cell = sheet_.cell(row + r, column, value)
                if kind != TEXT and isinstance(value, Decimal):
                    cell.number_format = formats[kind]
                elif isinstance(value, str):
                    widths[column] = max(widths[column], min(len(value) + 2, 60))
                if total:
                    cell.font = Font(bold=True)
        return row + len(lines) + 2

    row = put(4, sheet.meters)
    row = put(row, sheet.figures)
    row = put(row, sheet.shares)
    for text in sheet.left_out:  # the units not connected, each with why
        sheet_.cell(row, 1, text)
        row += 1
    sheet_.cell(row, 1, sheet.check).font = Font(bold=True)
    for text in (*sheet.flags, *sheet.notes):
        row += 1
        sheet_.cell(row, 1, text)
    for column, width in widths.items():
        sheet_.column_dimensions[get_column_letter(column)].width = width
    with written_whole(target) as partial:
        book.save(partial)
    return target


def print_statement(sheet: StatementSheet, path: Path | str, font: QFont | None = None,
                    ) -> Path:
    """The statement as a PDF (A4 landscape, as many pages as it needs), from the same
    sheet as the screen and the workbook. Raises ``OSError`` when it cannot be written."""
    from views.meter_statement_dialog import statement_html

    target = Path(path)
    with written_whole(target) as partial:
        writer = QPdfWriter(str(partial))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        document = QTextDocument()
        if font is not None:
            small = QFont(font)
            small.setPointSizeF(9)
            document.setDefaultFont(small)
        document.setHtml(statement_html(sheet))
        document.print_(writer)
        del writer  # the file is finished when the writer goes
        if not partial.is_file():
            raise OSError(f"{target}: the PDF was not written")
    return target


# -- the flow ------------------------------------------------------------------------------


class MetersFlow(QObject):
    """The Meters window, its dialogs and their work in the pool."""

    taskStarted = Signal(object)  # an import's rehearsal's or write's Task, before it runs

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("meters-flow")
        self.window = window
        self.view: MetersWindow | None = None
        self.meter_dialog: MeterDialog | None = None
        self.entry: ReadingsEntryDialog | None = None
        self.importer: MeterImportDialog | None = None
        self.statement: MeterStatementDialog | None = None
        self.archiver: ArchiveMeterDialog | None = None
        self.box: QMessageBox | None = None  # the question before a removal
        self.park_id: uuid.UUID | None = None
        self.currency = ""
        self.task: Task | None = None  # the import's rehearsal or write, if one runs
        self._serial = 0  # the latest tree read; an earlier one's answer is dropped
        self._import_serial = 0
        self._statement_serial = 0
        self._statement_meter: uuid.UUID | None = None
        self._cancelled = False
        self._tariff_asker: MeterDialog | None = None  # the meter dialog that opened Tariffs
        self._choices_serial = 0
        window.controller.closed.connect(self._closed)
        tariffs_flow_of(window).changed.connect(self._tariffs_changed)

    def day(self) -> date:
        """The day readings are entered on by default: the window's, never after today."""
        return min(self.window.controller.day, today())

    # -- the window ----------------------------------------------------------------------

    def open(self) -> MetersWindow | None:
        """The window for the park in scope, brought forward when it is open already."""
        from views.meters_window import MetersWindow, previous_month

        def make(park: ParkNode) -> MetersWindow:
            self.park_id, self.currency = park.id, park.currency
            view = self.view = MetersWindow(previous_month(self.day()), self.window)
            view.refreshRequested.connect(self.refresh)
            view.addRequested.connect(lambda parent: self.open_meter(None, parent))
            view.editRequested.connect(lambda meter: self.open_meter(meter, None))
            view.entryRequested.connect(self.open_entry)
            view.importRequested.connect(self.open_import)
            view.statementRequested.connect(self.open_statement)
            view.tariffsRequested.connect(lambda: self.open_tariffs(None))
            view.archiveRequested.connect(self.open_archive)
            view.removeRequested.connect(self.ask_remove)
            view.restoreRequested.connect(self.restore)
            view.destroyed.connect(lambda *_: self._forget(view))
            self.refresh()
            return view

        return park_window(self.window, self.view, self.park_id, make)

    def refresh(self, said: str = "") -> None:
        """Read the tree of the window's utility and month again (in the pool)."""
        workspace, park_id, view = self.window.controller.workspace, self.park_id, self.view
        if park_id is None or view is None:
            return
        self._serial += 1
        serial = self._serial
        utility, month = view.utility(), view.month()
        view.set_loading()

        def work(_job: Job) -> MetersSnapshot:
            return read_meters(workspace, park_id, utility, month)

        def read(snapshot: MetersSnapshot) -> None:
            if serial == self._serial and self.view is view:
                view.set_snapshot(snapshot)
                if said:
                    view.set_status(said)

        def failed(message: str, _trace: str) -> None:
            if serial == self._serial and self.view is view:
                view.set_failed(message)

        self.window.tasks.start(work, on_success=read, on_failure=failed)

    # -- a meter -------------------------------------------------------------------------

    def open_meter(self, meter_id: uuid.UUID | None, parent_id: uuid.UUID | None,
                   ) -> MeterDialog | None:
        """The meter dialog: a new meter (under ``parent_id``) or ``meter_id`` edited."""
        from views.meter_dialog import MeterDialog

        view = self.view
        if view is None or view.snapshot is None:
            return None
        if self.meter_dialog is not None:
            self.meter_dialog.close()
        snapshot = view.snapshot
        meter = snapshot.by_id().get(meter_id) if meter_id is not None else None
        dialog = self.meter_dialog = MeterDialog(snapshot, meter, parent_id, view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saveRequested.connect(lambda form: self.save_meter(dialog, form))
        dialog.tariffsRequested.connect(lambda: self.open_tariffs(dialog))
        dialog.destroyed.connect(lambda *_: self._forget_meter_dialog(dialog))
        dialog.open()
        return dialog

    def save_meter(self, dialog: MeterDialog, form: MeterForm) -> None:
        """Create or edit the meter as the form says; a refusal goes back to the dialog."""
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None:
            return
        meter_id = dialog.meter_id

        def work(_job: Job) -> Any:
            from services.meters import MeterSpec, create_meter, edit_meter

            spec = MeterSpec(form.code, form.utility, form.parent, form.unit, form.multiplier,
                             form.rollover_at, form.registers, form.basis, form.installed_on,
                             form.removed_on, form.replaces, form.tariff_id)
            try:
                if meter_id is None:
                    create_meter(workspace, park_id, spec)
                else:
                    edit_meter(workspace, meter_id, spec)
            except UserError as exc:
                return exc
            return None

        def done(refused: Any) -> None:
            from views.message_text import message_text

            if refused is not None:
                if self.meter_dialog is dialog:
                    dialog.set_refused(message_text(refused))
                return
            said = translate("MetersFlow", "Meter {code} saved.").format(code=form.code)
            if self.meter_dialog is dialog:
                dialog.accept()
            self._said(said)
            self._follow(form.utility, said)

        def failed(message: str, _trace: str) -> None:
            if self.meter_dialog is dialog:
                dialog.set_refused(message)

        dialog.set_working()
        self.window.tasks.start(work, on_success=done, on_failure=failed)

    def _follow(self, utility: str, said: str) -> None:
        """Read the tree again, of ``utility`` (a meter of another one was saved)."""
        view = self.view
        if view is None:
            return
        if view.utility() != utility:
            view.set_utility(utility)  # asks for a read of its own
        self.refresh(said)

    # -- tariffs -------------------------------------------------------------------------

    def open_tariffs(self, asker: MeterDialog | None) -> TariffsDialog | None:
        """The Tariffs dialog of the window's utility (of the meter dialog's, over it, when
        ``asker`` is one: a tariff saved there is then chosen in it)."""
        view = self.view
        if view is None or self.park_id is None:
            return None
        flow = tariffs_flow_of(self.window)
        self._tariff_asker = asker
        utility = str(asker.utility_box.currentData()) if asker is not None else view.utility()
        return flow.open(asker if asker is not None else view, self.park_id, self.currency,
                         utility)

    def _tariffs_changed(self, _utility: str, version_id: Any) -> None:
        """A version saved or archived: the tree again (its tariff column), and an open meter
        dialog's choice of tariffs at once; the dialog that asked chooses the one saved."""
        if self.view is not None:
            self.refresh()
        dialog = self.meter_dialog
        workspace, park_id = self.window.controller.workspace, self.park_id
        if dialog is None or park_id is None:
            return
        self._choices_serial += 1
        serial = self._choices_serial
        utility = str(dialog.utility_box.currentData())
        asked = self._tariff_asker is dialog

        def work(_job: Job) -> Any:
            from app.tariffs_flow import tariff_choices
            from store.schema import Tariff

            choices = tariff_choices(workspace, park_id, utility)
            with workspace.reading() as session:
                row = session.get(Tariff, version_id) if version_id is not None else None
                name = row.name if row is not None and not row.archived \
                    and row.utility == utility else None
            return choices, name

        def read(answer: Any) -> None:
            choices, name = answer
            if serial == self._choices_serial and self.meter_dialog is dialog:
                dialog.set_tariffs(choices, name if asked else None)

        self.window.tasks.start(work, on_success=read, on_failure=lambda _m, _t: None)

    # -- readings entered ----------------------------------------------------------------

    def open_entry(self, root: uuid.UUID | None) -> ReadingsEntryDialog | None:
        """The month-end entry grid of ``root``'s subtree (the whole tree when None)."""
        from views.meter_readings_dialog import ReadingsEntryDialog
        from views.meter_text import quantity_unit

        view = self.view
        if view is None or view.snapshot is None or not view.snapshot.meters:
            return None
        if self.entry is not None:
            self.entry.close()
        snapshot = view.snapshot
        in_service = [m for m in snapshot.subtree(root) if not m.archived]
        dialog = self.entry = ReadingsEntryDialog(
            in_service, self.day(), quantity_unit(snapshot.utility), view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saveRequested.connect(lambda day, entries: self.save_readings(dialog, day,
                                                                             entries))
        dialog.destroyed.connect(lambda *_: self._forget_entry(dialog))
        dialog.show()
        return dialog

    def save_readings(self, dialog: ReadingsEntryDialog, day: date,
                      entries: Sequence[tuple[int, str, str, Decimal, Any]]) -> None:
        """Write the readings typed, each of its kind (ordinary, initial, final), in one
        transaction; each row answered (a kind that cannot stand is refused there)."""
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None:
            return

        def work(_job: Job) -> Any:
            from services.meters import ReadingEntry, record_readings

            return record_readings(workspace, park_id, [
                ReadingEntry(code, day, value, register, kind)
                for _row, code, register, value, kind in entries])

        def done(reports: Any) -> None:
            written = sum(1 for r in reports if str(r.status.value) in ("new", "correction"))
            if self.entry is dialog:
                dialog.set_reports(reports)
            if written:
                said = translate("MetersFlow", "{count} readings saved.").format(count=written)
                self._said(said)
                self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if self.entry is dialog:
                dialog.set_failed(message)

        dialog.set_working()
        self.window.tasks.start(work, on_success=done, on_failure=failed)

    # -- readings imported ---------------------------------------------------------------

    def open_import(self) -> MeterImportDialog | None:
        from views.meter_import_dialog import MeterImportDialog

        if self.view is None or self.park_id is None:
            return None
        dialog = self.importer
        if dialog is None:
            folder = self.window.settings.export_folder or str(Path.home())
            dialog = self.importer = MeterImportDialog(self.view, folder)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.rehearseRequested.connect(lambda path: self._import(path, dry_run=True))
            dialog.importRequested.connect(lambda path: self._import(path, dry_run=False))
            dialog.cancelRequested.connect(self.cancel)
            dialog.destroyed.connect(lambda *_: self._forget_import(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def cancel(self) -> None:
        """Stop the work at its next step: an import rolls back, a rehearsal is dropped."""
        self._cancelled = True
        if self.task is not None:
            self.task.cancel()

    def _import(self, path: str, *, dry_run: bool) -> None:
        workspace, park_id, dialog = self.window.controller.workspace, self.park_id, \
            self.importer
        if park_id is None or dialog is None:
            return
        self._import_serial += 1
        serial = self._import_serial
        self._cancelled = False

        def work(job: Job) -> Any:
            from services.meters import ReadingsImportError, import_readings

            try:
                return import_readings(workspace, park_id, Path(path), dry_run=dry_run,
                                       job=job)
            except ReadingsImportError as exc:
                return exc

        def wanted() -> bool:
            return serial == self._import_serial

        def succeeded(answer: Any) -> None:
            from views.message_text import message_text

            if wanted():
                self.task = None
            target = self.importer if wanted() else None
            if isinstance(answer, UserError):
                if target is not None:
                    target.set_failed(message_text(answer))
                return
            if dry_run and self._cancelled:  # it ended before it heard the cancel
                if target is not None:
                    target.set_cancelled()
                return
            if target is not None:
                target.set_report(answer)
            if not dry_run and answer.written:
                said = translate("MetersFlow", "Readings imported: {added} added, {corrected} "
                                          "corrected.").format(added=answer.added,
                                                               corrected=answer.corrected)
                self._said(said)
                self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if wanted():
                self.task = None
                if self.importer is not None:
                    self.importer.set_failed(message)

        def cancelled() -> None:
            if wanted():
                self.task = None
                if self.importer is not None:
                    self.importer.set_cancelled()

        def progressed(done: int, total: int, _message: str) -> None:
            if wanted() and self.importer is not None:
                self.importer.set_progress(done, total)

        dialog.set_working("rehearse" if dry_run else "import")
        self.task = self.window.tasks.start(
            work, on_success=succeeded, on_failure=failed, on_cancel=cancelled,
            on_progress=progressed, before_start=self.taskStarted.emit)

    # -- the 公摊 statement --------------------------------------------------------------

    def open_statement(self, meter_id: uuid.UUID) -> MeterStatementDialog | None:
        """The statement of ``meter_id`` for the window's month."""
        from views.meter_statement_dialog import MeterStatementDialog
        from views.screen_fit import fit_to_screen

        view = self.view
        if view is None or view.snapshot is None:
            return None
        meter = view.snapshot.by_id().get(meter_id)
        if meter is None:
            return None
        if self.statement is not None:
            self.statement.close()
        folder = self.window.settings.export_folder or str(Path.home())
        dialog = self.statement = MeterStatementDialog(meter.code, view.month(), view, folder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(dialog)
        self._statement_meter = meter_id
        dialog.monthChanged.connect(lambda _month: self.read_statement())
        dialog.exportRequested.connect(lambda path, kind: self.export(dialog, path, kind))
        dialog.destroyed.connect(lambda *_: self._forget_statement(dialog))
        dialog.show()
        self.read_statement()
        return dialog

    def read_statement(self) -> None:
        workspace, dialog, meter_id = (self.window.controller.workspace, self.statement,
                                       self._statement_meter)
        if dialog is None or meter_id is None:
            return
        self._statement_serial += 1
        serial = self._statement_serial
        month, currency = dialog.month(), self.currency

        def work(_job: Job) -> Any:
            try:
                return read_statement(workspace, meter_id, month, currency)
            except UserError as exc:
                return exc

        def read(answer: Any) -> None:
            from views.message_text import message_text

            if serial != self._statement_serial or self.statement is not dialog:
                return
            if isinstance(answer, UserError):
                dialog.set_failed(lambda: message_text(answer))
            else:
                dialog.set_sheet(answer)

        def failed(message: str, _trace: str) -> None:
            if serial == self._statement_serial and self.statement is dialog:
                dialog.set_failed(message)

        dialog.set_loading()
        self.window.tasks.start(work, on_success=read, on_failure=failed)

    def export(self, dialog: MeterStatementDialog, path: Path, kind: str) -> None:
        """Write the statement shown: Excel in the pool, the PDF here (Qt paints it)."""
        from views.message_text import message_text

        sheet = dialog.sheet
        if sheet is None:
            return

        def saved(written: Path) -> None:
            self.window.settings.export_folder = str(Path(written).resolve().parent)
            dialog.folder = self.window.settings.export_folder
            if self.statement is dialog:
                dialog.set_exported(written)
            self._said(translate("MetersFlow", "Saved {path}").format(path=written))

        if kind == "pdf":
            from app.contract_document_flow import default_document_language, document_font

            try:
                written = print_statement(sheet, path, document_font(
                    default_document_language(self.window), self.window.font()))
            except OSError as exc:
                dialog.set_export_failed(message_text(exc))
                return
            saved(written)
            return

        def work(_job: Job) -> Path:
            return export_statement(sheet, path)

        def failed(message: str, _trace: str) -> None:
            if self.statement is dialog:
                dialog.set_export_failed(message)

        self.window.tasks.start(work, on_success=saved, on_failure=failed)

    # -- out of service ------------------------------------------------------------------

    def open_archive(self, meter_id: uuid.UUID) -> ArchiveMeterDialog | None:
        """Archive…: the day the meter was removed and its final readings asked."""
        from views.meter_dialog import ArchiveMeterDialog

        view = self.view
        meter = view.snapshot.by_id().get(meter_id) if view and view.snapshot else None
        if view is None or meter is None:
            return None
        if self.archiver is not None:
            self.archiver.close()
        dialog = self.archiver = ArchiveMeterDialog(meter, self.day(), view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.archiveRequested.connect(
            lambda day, finals: self.archive(dialog, meter_id, day, finals))
        dialog.destroyed.connect(lambda *_: self._forget_archiver(dialog))
        dialog.open()
        return dialog

    def archive(self, dialog: ArchiveMeterDialog, meter_id: uuid.UUID, day: date,
                finals: dict[str, Decimal]) -> None:
        """Archive the meter from ``day``, its final readings written; a refusal goes back to
        the dialog, which keeps what was typed."""
        workspace = self.window.controller.workspace

        def work(_job: Job) -> Any:
            from services.meter_archive import archive_meter

            try:
                return archive_meter(workspace, meter_id, day, finals)
            except UserError as exc:
                return exc

        def done(answer: Any) -> None:
            from views.meter_text import meter_said

            if isinstance(answer, UserError):
                if self.archiver is dialog:
                    dialog.set_refused(meter_said(answer))
                return
            said = translate("MetersFlow", "Meter {code} archived: removed on {day}.").format(
                code=answer.code, day=answer.removed_on.isoformat())
            if self.archiver is dialog:
                dialog.accept()
            self._said(said)
            self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if self.archiver is dialog:
                dialog.set_refused(message)

        dialog.set_working()
        self.window.tasks.start(work, on_success=done, on_failure=failed)

    def ask_remove(self, meter_id: uuid.UUID) -> QMessageBox | None:
        """Remove…: asked first; Remove removes it."""
        view = self.view
        meter = view.snapshot.by_id().get(meter_id) if view and view.snapshot else None
        if view is None or meter is None:
            return None
        if self.box is not None:
            self.box.close()
        box = self.box = remove_box(view, meter.code)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.remove(meter_id))
        box.destroyed.connect(lambda *_: self._forget_box(box))
        box.open()
        return box

    def remove(self, meter_id: uuid.UUID) -> None:
        self._out_of_service(meter_id, "remove")

    def restore(self, meter_id: uuid.UUID) -> None:
        self._out_of_service(meter_id, "restore")

    def _out_of_service(self, meter_id: uuid.UUID, action: str) -> None:
        """Remove or restore the meter; what became of it said under the tree."""
        workspace, view = self.window.controller.workspace, self.view
        if view is None:
            return

        def work(_job: Job) -> Any:
            from services.meter_archive import remove_meter, restore_meter

            try:
                if action == "remove":
                    return remove_meter(workspace, meter_id)
                return restore_meter(workspace, meter_id).code
            except UserError as exc:
                return exc

        def done(answer: Any) -> None:
            from views.meter_text import meter_said

            if isinstance(answer, UserError):
                if self.view is view:
                    view.set_status(meter_said(answer), error=True)
                return
            said = (translate("MetersFlow", "Meter {code} removed.") if action == "remove"
                    else translate("MetersFlow", "Meter {code} restored.")).format(code=answer)
            self._said(said)
            self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if self.view is view:
                view.set_status(message, error=True)

        self.window.tasks.start(work, on_success=done, on_failure=failed)

    # -- endings -------------------------------------------------------------------------

    def _said(self, said: str) -> None:
        self.window.statusBar().showMessage(said, 10000)

    def _closed(self) -> None:
        """The workspace closed: nothing of it stays open, nothing read is shown."""
        self._serial += 1
        self._import_serial += 1
        self._statement_serial += 1
        for dialog in (self.box, self.archiver, self.meter_dialog, self.entry, self.importer,
                       self.statement, self.view):
            if dialog is not None:
                dialog.close()

    def _forget(self, view: MetersWindow) -> None:
        if self.view is view:
            self.view = None
            self.park_id = None
            self._serial += 1

    def _forget_meter_dialog(self, dialog: MeterDialog) -> None:
        if self.meter_dialog is dialog:
            self.meter_dialog = None
        if self._tariff_asker is dialog:
            self._tariff_asker = None

    def _forget_archiver(self, dialog: ArchiveMeterDialog) -> None:
        if self.archiver is dialog:
            self.archiver = None

    def _forget_box(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None

    def _forget_entry(self, dialog: ReadingsEntryDialog) -> None:
        if self.entry is dialog:
            self.entry = None

    def _forget_import(self, dialog: MeterImportDialog) -> None:
        if self.importer is dialog:
            self.importer = None
            self._import_serial += 1
            self.task = None

    def _forget_statement(self, dialog: MeterStatementDialog) -> None:
        if self.statement is dialog:
            self.statement = None
            self._statement_meter = None
            self._statement_serial += 1


def meters_flow_of(window: MainWindow) -> MetersFlow:
    """The window's meters flow, made on first use."""
    found = window.findChild(MetersFlow, "meters-flow")
    return found if isinstance(found, MetersFlow) else MetersFlow(window)


def open_meters(window: MainWindow) -> MetersWindow | None:
    """Billing ▸ Meters…: the meter tree of the park in scope; None with no workspace open."""
    return meters_flow_of(window).open()
