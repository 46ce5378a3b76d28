"""Refresh the Qt catalogues: extract strings, complete English, build .qm.

``make i18n`` runs this. Chinese translations are written in
``resources/i18n/leasemap_zh_CN.ts`` (by hand or with Qt Linguist); English
is the source language, so its catalogue is filled with the source texts.
Exits non-zero and lists them when a Chinese translation is missing.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = sorted(str(p) for folder in ("app", "views") for p in (ROOT / folder).rglob("*.py"))
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    candidate = BIN / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def extract(ts: Path, language: str) -> None:
    subprocess.run(
        [tool("lupdate"), *SOURCES, "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", language, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def complete_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        translation.text = source.text
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (
                translation.text or ""
            ).strip():
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def build(ts: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
    )


def main() -> int:
    zh = I18N / "leasemap_zh_CN.ts"
    en = I18N / "leasemap_en.ts"
    extract(zh, "zh_CN")
    extract(en, "en")
    complete_english(en)
    build(zh)
    build(en)
    missing = unfinished(zh)
    for line in missing:
        print(f"untranslated: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
