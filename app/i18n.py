"""Language: which catalogue is installed, a font that shows Chinese, and how dates look.

Catalogues are Qt ``.qm`` files in ``resources/i18n`` built from the ``.ts``
sources (``make i18n``), installed after Qt's own (``qtbase``: dialog buttons,
the file dialog, the calendar). Chinese text asks for a Simplified Chinese
family by name: left to fallback, Qt may pick Japanese glyphs for the same
characters.

Only QtCore is imported here at first, so the CLI can install a catalogue
(:func:`install_console`) without loading widgets.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

import resources

if TYPE_CHECKING:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

LANGUAGES = ("zh_CN", "en")
CATALOGUES = Path(resources.__file__).with_name("i18n")
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
# Dates in every language as views.labels.date_text writes them: 2025-03-01. Chinese
# property and ERP software (明源, 金蝶, 用友) show dates in forms and tables this way, the
# all-digit form of GB/T 7408; it sorts, fits a narrow column and reads the same to the
# whole team. 2025年3月1日 is for prose (contracts, letters), not for a field.
DATE_FORMAT = "yyyy-MM-dd"

# Qt's own strings that its zh_CN catalogue lacks (Qt 6.11 renamed them): ours carries
# them, and being installed after Qt's it is asked first. The zh_CN test finds new ones.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # the file dialog's Type column (Qt 5 had these under QFileDialog)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)

_console: list[QObject] = []  # the CLI's application and translators, kept alive
# The catalogues installed by any Languages: one language at a time for the whole
# application, so a second window's install replaces the first one's too.
_installed: list[QTranslator] = []


def system_language() -> str:
    """zh_CN on a Chinese system, English elsewhere."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(language: str) -> str:
    return language if language in LANGUAGES else system_language()


def chinese_family() -> str | None:
    """The first installed Simplified Chinese font family, if any."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


def load_catalogues(language: str, parent: QObject | None = None) -> list[QTranslator]:
    """Install Qt's own catalogue, then ours, for ``language``; the translators that loaded.

    A missing catalogue is skipped (English has no qtbase catalogue: it is Qt's source).
    """
    found: list[QTranslator] = []
    qt_catalogues = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder, name in ((qt_catalogues, f"qtbase_{language}"),
                         (str(CATALOGUES), f"leasemap_{language}")):
        translator = QTranslator(parent)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            found.append(translator)
    return found


def set_locale(language: str) -> None:
    """Dates, calendars and Qt's number fields in the language's own way (English: the system's)."""
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale.system())


def install_console(language: str) -> None:
    """The CLI's catalogue for ``language``: QtCore only, for the rest of the process.

    English needs nothing (the messages are written in it); another language
    starts a QCoreApplication unless an application runs already.
    """
    if language == "en" or _console:
        return
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication(sys.argv[:1])
        _console.append(app)
    _console.extend(load_catalogues(language, app))
    set_locale(language)


class Languages:
    """Installs one catalogue at a time; Qt then sends LanguageChange to every widget."""

    def __init__(self, app: QApplication) -> None:
        from PySide6.QtGui import QFont

        self._app = app
        self._translators: list[QTranslator] = []
        self._base_font = QFont(app.font())
        self.current = ""

    @property
    def loaded(self) -> list[str]:
        """The catalogue files installed now (Qt's first), so a test can see they loaded."""
        return [Path(t.filePath()).name for t in self._translators]

    def install(self, language: str) -> str:
        language = resolve(language)
        for old in _installed:
            QCoreApplication.removeTranslator(old)
        # Qt's own strings (wizard buttons, dialogs) first, then ours.
        self._translators = load_catalogues(language, self._app)
        _installed[:] = self._translators
        set_locale(language)
        for window in self._app.topLevelWidgets():  # open windows keep their locale otherwise
            window.setLocale(QLocale())
        self._app.setFont(self._font_for(language))
        self.current = language
        # Deliver the LanguageChange events now, so the switch is done on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language

    def _font_for(self, language: str) -> QFont:
        # Name the SC families rather than look them up: listing the font
        # database at start-up costs a tenth of a second, and Qt takes the
        # first family in the list that is installed. Chinese UI: SC first;
        # English UI: Latin first, SC still reached for Chinese names in data.
        from PySide6.QtGui import QFont

        font = QFont(self._base_font)
        base = font.families() or [font.family()]
        cjk = list(CJK_FAMILIES)
        font.setFamilies([*cjk, *base] if language == "zh_CN" else [*base, *cjk])
        return font
