"""Typed settings remembered between runs (QSettings underneath).

One class lists every setting with its type, default and a title and
description, so a preferences dialog can be built from it and nothing reads
QSettings with a bare string key elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    title: str
    description: str


LANGUAGE = Setting(
    "ui/language", "", "Language", "zh_CN or en; empty follows the system's language."
)
RECENT = Setting("workspaces/recent", [], "Recent workspaces", "Most recent first.")
LAST = Setting("workspaces/last", "", "Last workspace", "Opened again at start.")
GEOMETRY = Setting("window/geometry", b"", "Window geometry", "Where the window was.")
STATE = Setting("window/state", b"", "Window layout", "Docks and toolbars.")
DETAILS_COLLAPSED = Setting(
    "window/details-collapsed", False, "Unit details collapsed",
    "The unit details dock is hidden, so the map and table get its width."
)
LEGEND_FLOATING = Setting(
    "map/legend-floating", False, "Floating legend",
    "The map legend floats in its own small window over the map instead of beside it."
)
LAYER_ROLES = Setting(
    "import/layer-roles", "", "Layer roles", "Per drawing family, the roles last confirmed."
)
EXPORT_FOLDER = Setting(
    "export/folder", "", "Export folder", "Where maps were last exported (PDF, PNG, SVG)."
)


class Settings:
    """Reads and writes settings; pass a path to keep them in an INI file (tests)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings("Leasemap", "Leasemap")
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, setting: Setting) -> Any:
        value = self._store.value(setting.key, setting.default)
        return setting.default if value is None else value

    def _set(self, setting: Setting, value: Any) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    @property
    def language(self) -> str:
        return str(self._get(LANGUAGE))

    @language.setter
    def language(self, value: str) -> None:
        self._set(LANGUAGE, value)

    @property
    def recent_workspaces(self) -> list[str]:
        value = self._get(RECENT)
        if isinstance(value, str):  # QSettings flattens a one-item list
            value = [value] if value else []
        return [str(v) for v in value]

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.recent_workspaces if p != text]
        self._set(RECENT, [text, *recent][:MAX_RECENT])
        self._set(LAST, text)

    def forget_recent(self, path: str) -> None:
        self._set(RECENT, [p for p in self.recent_workspaces if p != path])
        if self.last_workspace == path:
            self._set(LAST, "")

    @property
    def last_workspace(self) -> str:
        return str(self._get(LAST))

    def _bytes(self, setting: Setting) -> QByteArray:
        value = self._get(setting)
        return value if isinstance(value, QByteArray) else QByteArray(bytes(value or b""))

    def layer_roles(self, family: str) -> str:
        """Layer roles a user confirmed for a drawing family, as JSON ("" if none)."""
        return str(self._store.value(f"{LAYER_ROLES.key}/{family}", LAYER_ROLES.default) or "")

    def set_layer_roles(self, family: str, roles_json: str) -> None:
        self._store.setValue(f"{LAYER_ROLES.key}/{family}", roles_json)

    @property
    def export_folder(self) -> str:
        """The folder the last map export went to ("" before the first)."""
        return str(self._get(EXPORT_FOLDER))

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._set(EXPORT_FOLDER, value)

    def _flag(self, setting: Setting) -> bool:
        value = self._get(setting)  # an INI file gives "true" / "false" back as text
        return value.strip().lower() in ("true", "1") if isinstance(value, str) else bool(value)

    @property
    def details_collapsed(self) -> bool:
        return self._flag(DETAILS_COLLAPSED)

    @details_collapsed.setter
    def details_collapsed(self, value: bool) -> None:
        self._set(DETAILS_COLLAPSED, bool(value))

    @property
    def legend_floating(self) -> bool:
        return self._flag(LEGEND_FLOATING)

    @legend_floating.setter
    def legend_floating(self, value: bool) -> None:
        self._set(LEGEND_FLOATING, bool(value))

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes(GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set(GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes(STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set(STATE, value)
