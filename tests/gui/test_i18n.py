"""The catalogues are complete and the shipped .qm files match the .ts sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402


@pytest.fixture
def fresh_catalogues(tmp_path: Path) -> dict[str, Path]:
    """Re-extract every tr() string from the code into copies of the catalogues."""
    copies = {}
    for language in ("zh_CN", "en"):
        copy = tmp_path / f"leasemap_{language}.ts"
        shutil.copy(i18n.I18N / copy.name, copy)
        i18n.extract(copy, language)
        copies[language] = copy
    return copies


def test_every_string_in_the_code_has_a_chinese_translation(fresh_catalogues):
    missing = i18n.unfinished(fresh_catalogues["zh_CN"])
    assert missing == [], "run `make i18n` and translate: " + "; ".join(missing)


def test_english_catalogue_is_complete(fresh_catalogues):
    i18n.complete_english(fresh_catalogues["en"])
    assert i18n.unfinished(fresh_catalogues["en"]) == []
    assert i18n.unfinished(i18n.I18N / "leasemap_en.ts") == []


def test_shipped_qm_files_are_built_from_the_ts_files(tmp_path):
    for language in ("zh_CN", "en"):
        ts = i18n.I18N / f"leasemap_{language}.ts"
        qm = tmp_path / f"{language}.qm"
        subprocess.run([i18n.tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        shipped = ts.with_suffix(".qm").read_bytes()
        assert qm.read_bytes() == shipped, f"{ts.name} changed: run `make i18n`"


def test_catalogue_translates_a_known_string(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n.I18N / "leasemap_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Vacant") == "空置"
        assert QCoreApplication.translate("UnitTable", "Code") == "编号"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_chinese_font_is_chosen_explicitly(qapp):
    from app.i18n import chinese_family

    family = chinese_family()
    assert family is not None, "no Simplified Chinese font installed (make test installs one)"
    assert "SC" in family or "Hei" in family or "YaHei" in family
