"""Language: which catalogue is installed, and a font that shows Chinese.

Catalogues are Qt ``.qm`` files in ``resources/i18n`` built from the ``.ts``
sources (``make i18n``). Chinese text asks for a Simplified Chinese family by
name: left to fallback, Qt may pick Japanese glyphs for the same characters.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

import resources

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


def system_language() -> str:
    """zh_CN on a Chinese system, English elsewhere."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(language: str) -> str:
    return language if language in LANGUAGES else system_language()


def chinese_family() -> str | None:
    """The first installed Simplified Chinese font family, if any."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


class Languages:
    """Installs one catalogue at a time; Qt then sends LanguageChange to every widget."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self._base_font = QFont(app.font())
        self.current = ""

    def install(self, language: str) -> str:
        language = resolve(language)
        for old in self._translators:
            QCoreApplication.removeTranslator(old)
        self._translators = []
        # Qt's own strings (wizard buttons, dialogs) first, then ours.
        qt_catalogues = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for folder, name in (
            (qt_catalogues, f"qtbase_{language}"),
            (str(CATALOGUES), f"leasemap_{language}"),
        ):
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
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
        font = QFont(self._base_font)
        base = font.families() or [font.family()]
        cjk = list(CJK_FAMILIES)
        font.setFamilies([*cjk, *base] if language == "zh_CN" else [*base, *cjk])
        return font
