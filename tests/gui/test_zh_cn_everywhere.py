"""No English in the zh_CN interface: every message, every dialog, the CLI (issue 9).

A word in Latin letters is allowed only when it is a code, a unit, a file
format, a product's name, a command-line option or a value filled in: the
allow-list below is short and says why for each. Message templates are
rendered with Chinese sample values, so whatever Latin is left came from the
catalogue.
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QFileIconProvider,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.dialog_registry import DIALOGS
from store.plan_import import (
    Amendment,
    AreaChange,
    FitWarning,
    FloorChanges,
    ImportChanges,
    KeptOverlap,
    KeptUnitOverlap,
    Overlap,
    Relabel,
)
from store.site_import import SiteChanges
from views import message_text as mt
from views import problem_text as pt

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "甲"  # every parameter of a template, so no Latin in the result comes from a value

ALLOWED = {
    # file formats, and the file types the importers name
    "DXF", "DWG", "IFC", "PDF", "SVG", "PNG", "CSV", "STEP", "ifcZIP", "ifcXML", "zip", "ifc",
    "Excel", "XLS", "XLSX", "xls", "xlsx", "csv",  # spreadsheets: bank exports, rent rolls
    # text encodings a file is read in
    "UTF", "GBK",
    # a language named in its own language (beside 简体中文) where a document's is chosen
    "English",
    # units of measure (the drawing units a DXF may be in among them)
    "m", "m²", "mm", "cm", "dm", "in", "ft", "kWh", "pt",
    # names of products a user meets as they are: ours, AutoCAD, TArch's "T3" export, the
    # SQLite file our workspaces are, the ezdwg package that reads DWG
    "Leasemap", "AutoCAD", "CAD", "TArch", "T3", "SQLite", "ezdwg",
    # IFC's own entity, attribute and schema names, which the modelling software shows
    "IfcSpace", "IfcZone", "IfcBuildingStorey", "GlobalId", "IFC2X3", "IFC4", "IFC4X3",
    # DXF's own markers, quoted when a file lacks them
    "SECTION", "EOF",
    # paper sizes
    "A4", "A3",
    # a layer role as --layers takes it (rooms=使用面积线)
    "rooms",
}
PHRASES = (
    "pip install",  # a command to type, quoted as it is
)
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_²]*(?:['’][A-Za-z]+)?")
IGNORED = (
    re.compile(r"(?:^|(?<=[\s“（(]))(?:[A-Za-z]:)?[/\\][^\s：，；（）“”]*"),  # the user's path
    re.compile(r"[^\s：，；（）“”/\\]+\.(?:leasemap|dxf|dwg|ifc|pdf|png|svg|csv)\b"),  # a file
    re.compile(r"\(&[A-Za-z]\)"),  # a Chinese label's accelerator: 打开(&O)
    re.compile(r"--[a-z][a-z-]*"),  # a command-line option is a code
    re.compile(r"\*\.[a-z]+"),  # a file filter's pattern
    re.compile(r"(?<![A-Za-z])[Bb]?\d+F?(?![A-Za-z])"),  # a floor as the park names it: 3F, B1
)


def english(text: str, values: tuple[str, ...] = ()) -> list[str]:
    """The Latin words of ``text`` that are neither allowed nor one of ``values``."""
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", " ", text)
    for phrase in PHRASES:
        text = text.replace(phrase, " ")
    for pattern in IGNORED:
        text = pattern.sub(" ", text)
    return [w for w in LATIN.findall(text) if w not in ALLOWED]


def filled(template: str) -> str:
    """A ``{name}`` or ``%1`` template with every value the sample value."""
    names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
    return re.sub(r"%\d", SAMPLE, template.format_map(dict.fromkeys(names, SAMPLE)))


# -- (a) every message code and template ------------------------------------------------------


def templates() -> Iterator[object]:
    tables = {"problem": pt.TEMPLATES, "reason": pt.REASONS, "message": mt.MESSAGES,
              "cli-message": mt.CLI_MESSAGES, "cli": mt.TEXTS}
    for table, entries in tables.items():
        for code, template in entries.items():
            yield pytest.param(template, id=f"{table}:{code}")


@pytest.mark.parametrize("template", list(templates()))
def test_every_template_is_chinese(chinese, template: Callable[[], str]):
    text = template()
    assert english(filled(text)) == [], text


def import_changes() -> ImportChanges:
    """A floor with every kind of change and note an import reports."""
    floor = FloorChanges(
        3, "3F", True, added=["ZD-C-0305"], updated=[("ZD-C-0301", Decimal("100.00"),
                                                     Decimal("90.00"))],
        unchanged=["ZD-C-0302"], archived=["ZD-C-0309"], kept_with_contracts=["ZD-C-0310"],
        area_changes=[AreaChange("ZD-C-0301", Decimal("100.00"), Decimal("90.00"), None,
                                 Decimal("95.00"))],
        amendments=[Amendment("HT-2026-0001", "ZD-C-0301", Decimal("100.00"), Decimal("95.00"))],
        warnings=[
            FitWarning("overlap", "", {"floor": "3F", "level": "3", "meeting": "1",
                                       "units": "12"}),
            FitWarning("labels", "", {"floor": "3F", "level": "3", "named": "5",
                                      "labels": "501, 502"}),
        ],
        relabelled=[Relabel("ZD-C-0301", "0301", "308", Decimal("100.00"), Decimal("90.00"),
                            ("HT-2026-0001",))],
    )
    return ImportChanges("C", True, [floor])


def overlap_refusal() -> KeptUnitOverlap:
    return KeptUnitOverlap("3F", [
        KeptOverlap("301", "ZD-C-301", ("HT-2026-0001",), Decimal("12.50")),
        KeptOverlap("309", "ZD-C-302", (), Decimal("60.00"),
                    (("HT-2020-0001", date(2021, 5, 31)), ("HT-2026-0009", None))),
    ], [Overlap("501", "502", Decimal("10.00"), "ZD-C-501")])


CODES = ("3F", "ZD-C-0301", "ZD-C-0302", "ZD-C-0305", "ZD-C-0309", "ZD-C-0310", "0301", "308",
         "HT-2026-0001", "HT-2020-0001", "HT-2026-0009", "ZD-C-301", "ZD-C-302", "ZD-C-501",
         "2021-05-31", "C", "A", "B")


def test_reports_and_refusals_are_chinese(chinese):
    """The composed texts: an import's notes and changes, a refusal, a site's changes."""
    site = SiteChanges([("A", Decimal("1200.50"))], ["仓库"], ["B"], site_plan=True,
                       site_plan_kept=True, site_plan_removed=True)
    texts = {
        "notes": mt.change_notes(import_changes()),
        "changes": mt.changes_text(import_changes()),
        "refusal": mt.overlap_refusal_text(overlap_refusal()),
        "site": mt.site_changes_text(site),
    }
    for source in ("user", "elevation order", "storey name", "title", "file name"):
        texts[source] = mt.evidence_text(
            {"level": 3, "source": source, "text": "三层平面图", "matched": "三层"})
    for name, text in texts.items():
        assert text and english(text, CODES) == [], f"{name}: {text}"


def test_real_errors_are_said_in_chinese(chinese, tmp_path):
    """Errors raised by the store and the services, through the one renderer."""
    from services.importing import ConfirmationNeeded
    from store.errors import WorkspaceError
    from store.files import inspect_file
    from store.workspace import Workspace

    raised: list[BaseException] = []
    empty = tmp_path / "空.leasemap"
    empty.write_bytes(b"")
    drawing = tmp_path / "图纸.leasemap"
    drawing.write_text("0\nSECTION\n", encoding="utf-8")
    for path in (tmp_path / "不存在.leasemap", tmp_path, empty, drawing):
        with pytest.raises(WorkspaceError) as caught:
            inspect_file(path)
        raised.append(caught.value)
    with pytest.raises(WorkspaceError) as caught:
        Workspace.create(drawing)
    raised.append(caught.value)
    raised.append(ConfirmationNeeded(import_changes().warnings))
    raised.append(PermissionError(13, "Permission denied", str(tmp_path / "只读.leasemap")))
    for error in raised:
        text = mt.message_text(error)
        assert text != str(error) or not english(str(error), (str(tmp_path),))
        assert english(text, (str(tmp_path), "3F", "501", "502")) == [], text


# -- (b) every dialog the window can open ----------------------------------------------------


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text ``root`` and its children show: titles, labels, buttons, items, tips."""
    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        if widget.isWindow():
            yield f"{kind} title", widget.windowTitle()
        yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QComboBox) and not isinstance(widget.parent(), QFileDialog):
            yield from ((f"{kind} item", widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QTabBar):
            yield from ((f"{kind} tab", widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model, orientation = widget.model(), widget.orientation()
            count = model.columnCount() if orientation == Qt.Orientation.Horizontal \
                else model.rowCount()
            for section in range(count):
                header = model.headerData(section, orientation)
                if isinstance(header, str):
                    yield f"{kind} header", header
        if isinstance(widget, QWizardPage):
            yield f"{kind} title", widget.title()
            yield f"{kind} subtitle", widget.subTitle()
        if isinstance(widget, QMessageBox):
            yield f"{kind} text", widget.text()
            yield f"{kind} informative", widget.informativeText()


@pytest.fixture
def zh_window(qtbot, settings, small_park, tmp_path):
    from app.gui import create_window
    from tests.small_park import TODAY

    window = create_window(settings, language="zh_CN")
    qtbot.addWidget(window)
    assert window.open_workspace(small_park.path)
    window.date_edit.setDate(TODAY)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.languages.install("en")


def test_qt_catalogue_loads_and_dates_are_chinese(zh_window):
    from app.i18n import DATE_FORMAT

    assert zh_window.languages.loaded == ["qtbase_zh_CN.qm", "leasemap_zh_CN.qm"]
    assert QLocale().name() == "zh_CN"
    assert zh_window.date_edit.displayFormat() == DATE_FORMAT == "yyyy-MM-dd"
    assert zh_window.date_edit.text() == "2026-11-22"
    calendar = zh_window.date_edit.calendarWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.locale().name() == "zh_CN"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday  # as a Chinese calendar starts
    month = calendar.findChild(QAbstractButton, "qt_calendar_monthbutton")
    assert month is not None and month.text() == "十一月"


def test_switching_language_switches_the_calendar(window):
    """A window open before the switch: its date edit's calendar follows the language."""
    calendar = window.date_edit.calendarWidget()
    window.set_language("zh_CN")
    try:
        assert calendar.locale().name() == "zh_CN"
        assert calendar.findChild(QAbstractButton, "qt_calendar_monthbutton").text() == "十一月"
    finally:
        window.set_language("en")
    assert calendar.locale().language() != QLocale.Language.Chinese


def test_the_file_dialog_speaks_chinese(zh_window, qtbot, tmp_path):
    dialog = DIALOGS["open-workspace"](zh_window)
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog) or not dialog.isVisible() \
        or dialog.findChild(QLabel) is not None  # offscreen: Qt's own dialog, not the system's
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton) if b.text()}
    assert "打开(&O)" in buttons and "取消" in buttons, buttons
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："} <= labels, labels
    dialog.reject()
    # the Type column: Qt 6 moved these words out of the context its zh_CN catalogue has
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "文件夹"


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_speaks_chinese(zh_window, qtbot, tmp_path, name):
    dialog = DIALOGS[name](zh_window)
    try:
        qtbot.waitExposed(dialog)
        values = ("ZD", "A", "B", "C", "3F", "501", "502", "ZD-C-301", "ZD-C-302", "ZD-C-501",
                  "HT-2026-0001", "HT-2020-0001", "HT-2026-0009", "2021-05-31",
                  tempfile_root(), str(Path.home()))
        found = [(where, text) for where, text in widget_texts(dialog)
                 if english(text, values)]
        assert found == [], f"{name}: English in {found}"
        if isinstance(dialog, QWizard):
            for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
                assert not english(dialog.buttonText(button)), dialog.buttonText(button)
    finally:
        dialog.close()


def tempfile_root() -> str:
    import tempfile

    return tempfile.gettempdir()


# -- (c) the CLI ------------------------------------------------------------------------------


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, check=False)


def test_the_cli_speaks_chinese_with_lang(small_park, tmp_path):
    from tests.small_park import TODAY

    info = cli("info", str(small_park.path), "--on", TODAY.isoformat(), "--lang", "zh_CN")
    assert info.returncode == 0, info.stderr
    assert "截至 2026-11-22" in info.stdout and "个单元" in info.stdout
    values = ("ZD", "CNY", "A", "B", "2026-11-22")
    for line in info.stdout.splitlines():
        assert english(line, values) == [], line
    missing = cli("--lang", "zh_CN", "info", str(tmp_path / "没有.leasemap"))
    assert missing.returncode == 2
    assert missing.stderr.startswith("错误：") and "文件不存在" in missing.stderr
    assert english(missing.stderr, (str(tmp_path),)) == [], missing.stderr
    usage = cli("import", str(tmp_path / "plan.dxf"), "--lang", "zh_CN")  # no --building
    assert usage.returncode == 2 and "楼栋编号" in usage.stderr


def test_the_cli_follows_the_system_language(small_park):
    said = cli("info", str(small_park.path), env={"LC_ALL": "", "LC_MESSAGES": "",
                                                  "LANG": "zh_CN.UTF-8"})
    assert said.returncode == 0 and "个单元" in said.stdout
    english_system = cli("info", str(small_park.path), env={"LC_ALL": "C.UTF-8"})
    assert "units" in english_system.stdout


def test_cli_commands_load_no_widgets_and_english_loads_no_qt(small_park):
    """Scripts start fast: English needs no Qt at all, Chinese only QtCore and the catalogue."""
    probe = ("import sys; from app.cli import main; main(['info', sys.argv[1], '--lang', "
             "sys.argv[2]]); print(sorted(m for m in sys.modules if m.startswith('PySide6.')))")
    loaded = {}
    for language in ("en", "zh_CN"):
        done = subprocess.run([sys.executable, "-c", probe, str(small_park.path), language],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        loaded[language] = done.stdout.strip().splitlines()[-1]
    assert loaded["en"] == "[]"
    assert "PySide6.QtCore" in loaded["zh_CN"]
    assert "QtWidgets" not in loaded["zh_CN"] and "QtGui" not in loaded["zh_CN"]
