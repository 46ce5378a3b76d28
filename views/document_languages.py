"""The languages a contract document is made in, as a combo box offers them.

The codes are ``services.contract_document.DOCUMENT_LANGUAGES`` (a test keeps
the two alike: views do not import services). Each is named in its own
language; its tooltip says what it makes in the window's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

BILINGUAL = "zh_CN+en"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English", BILINGUAL: "中英对照 Chinese–English"}


def offer_languages(combo: QComboBox, chosen: str) -> None:
    """Fill ``combo`` with the document languages (its data: the code), ``chosen`` (or the
    first) selected."""
    translate = QCoreApplication.translate
    notes = {
        "zh_CN": translate("ContractDocument", "The contract in Chinese"),
        "en": translate("ContractDocument", "The contract in English"),
        BILINGUAL: translate("ContractDocument", "Each paragraph in Chinese with its English "
                                                 "beneath; the Chinese version prevails"),
    }
    combo.clear()
    for code, name in LANGUAGE_NAMES.items():
        combo.addItem(name, code)
        combo.setItemData(combo.count() - 1, notes[code], Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
