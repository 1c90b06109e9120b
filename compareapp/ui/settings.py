"""The app's settings file (in the user's config directory): the user's Preferences (with
the View menu's remembered toggles) and the recent-files list.

Preferences are read and written only as a whole, through :func:`load_preferences` and
:func:`save_preferences`; every value read back is checked, and one of the wrong type or
out of range is replaced by its default. The file records the version of its layout
(``schema_version``), so that a later version of the app can move keys about and still
read the files earlier versions wrote.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QGuiApplication

APP_NAME = "compareapp"
RECENT_FILES_KEY = "recent_files"
RECENT_FILES_LIMIT = 12

SCHEMA_VERSION = 1
"""The layout of the preferences in the settings file.

Version 0 (no ``schema_version`` key) had only ``reviewer`` and ``pdf_page_size``, under
the keys version 1 keeps."""
SCHEMA_KEY = "schema_version"
THEMES = ("system", "light", "dark")
PAGE_SIZES = ("A4", "Letter")
TEXT_SIZE_RANGE = (8, 24)
"""Point sizes the documents' text can be set to."""
AUTOSAVE_SECONDS_RANGE = (10, 600)


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "reviewer"


def default_text_size() -> float:
    """A little larger than the app's font, and at least 11.55 points."""
    points = QGuiApplication.font().pointSizeF() if QGuiApplication.instance() else -1.0
    low, high = TEXT_SIZE_RANGE
    return min(max(round(max(points, 10.5) * 1.1, 2), low), high)


def default_page_size() -> str:
    """Letter where the locale measures in US units, A4 elsewhere (as the PDF export's
    default; not imported from there: the export loads pypdf, which the first window
    does not need)."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


@dataclass
class Preferences:
    """Everything the user sets in Edit > Preferences, and the View menu's toggles that new
    windows and the next start remember."""

    reviewer: str = field(default_factory=login_name)
    """Signs review marks and exported annotations."""
    theme: str = "system"
    """One of ``THEMES``: the platform's look, or a light or dark one."""
    text_size: float = field(default_factory=default_text_size)
    """Point size of the documents' text."""
    show_typographic: bool = False
    """Whether new windows show typographic-only differences (View menu toggles it)."""
    show_case: bool = True
    """Whether changes of letter case alone count as differences."""
    show_spelling: bool = True
    """Whether British/American spellings count as differences."""
    page_size: str = field(default_factory=default_page_size)
    """Page size of exported PDFs: one of ``PAGE_SIZES``."""
    autosave_seconds: int = 30
    """How often unsaved review work is copied at the least."""
    show_furniture: bool = False
    """Whether page furniture counts as the story (View > Show Page Furniture): undimmed,
    a stop of the significant navigation, its rows in the discrepancy table."""


KEYS = {
    "reviewer": "reviewer",
    "theme": "theme",
    "text_size": "text_size",
    "show_typographic": "show_typographic",
    "show_case": "show_case",
    "show_spelling": "show_spelling",
    "page_size": "pdf_page_size",
    "autosave_seconds": "autosave_seconds",
    "show_furniture": "show_page_furniture",
}
"""The settings-file key of each preference (version 1)."""


def app_settings() -> QSettings:
    path = Path(user_config_dir(APP_NAME)) / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


# Preferences ------------------------------------------------------------------------------


def load_preferences() -> Preferences:
    """The saved preferences; defaults for those not saved, or saved wrongly."""
    stored = _stored_values(app_settings())
    valid: dict[str, Any] = {}
    for name, value in stored.items():
        checked = _VALIDATORS[name](value)
        if checked is not None:
            valid[name] = checked
    return Preferences(**valid)


def save_preferences(preferences: Preferences) -> None:
    settings = app_settings()
    stored_version = _as_int(settings.value(SCHEMA_KEY))
    for item in fields(Preferences):
        value = getattr(preferences, item.name)
        settings.setValue(KEYS[item.name], value.strip() if isinstance(value, str) else value)
    if stored_version is None or stored_version < SCHEMA_VERSION:
        # a newer app's file keeps its version: the keys it knows are not ours to rename
        settings.setValue(SCHEMA_KEY, SCHEMA_VERSION)
    settings.sync()


def _stored_values(settings: QSettings) -> dict[str, object]:
    """The raw values of the preferences the file has, by field name, in this version's
    layout. A file of an older version is migrated; of a newer one, the keys this
    version knows are read and the others ignored."""
    version = _as_int(settings.value(SCHEMA_KEY, 0))
    if version is None or version < 0:
        version = 0
    while version < SCHEMA_VERSION:
        _MIGRATIONS[version](settings)
        version += 1
    return {name: settings.value(key) for name, key in KEYS.items() if settings.contains(key)}


def _from_version_0(settings: QSettings) -> None:
    """Version 0 stored ``reviewer`` and ``pdf_page_size`` as version 1 does."""


_MIGRATIONS: dict[int, Callable[[QSettings], None]] = {0: _from_version_0}
"""Turns the layout of a version into that of the next (in memory: the file is only
written by :func:`save_preferences`)."""


# Checking values read back: None means "not valid, use the default" ----------------------


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "false": False, "1": True, "0": False}.get(value.strip().lower())
    if isinstance(value, int):
        return {1: True, 0: False}.get(value)
    return None


def _in_range(low: int, high: int) -> Callable[[object], int | None]:
    def check(value: object) -> int | None:
        number = _as_int(value)
        return number if number is not None and low <= number <= high else None

    return check


def _size(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    low, high = TEXT_SIZE_RANGE
    return number if low <= number <= high else None  # (NaN is not)


def _one_of(choices: tuple[str, ...]) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        return value if isinstance(value, str) and value in choices else None

    return check


def _name(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


_VALIDATORS: dict[str, Callable[[object], object]] = {
    "reviewer": _name,
    "theme": _one_of(THEMES),
    "text_size": _size,
    "show_typographic": _as_bool,
    "show_case": _as_bool,
    "show_spelling": _as_bool,
    "page_size": _one_of(PAGE_SIZES),
    "autosave_seconds": _in_range(*AUTOSAVE_SECONDS_RANGE),
    "show_furniture": _as_bool,
}


# For the callers that need one preference -------------------------------------------------


def reviewer() -> str:
    """The name review marks are signed with: set in Preferences, else the login name."""
    return load_preferences().reviewer


def set_reviewer(name: str) -> None:
    preferences = load_preferences()
    save_preferences(replace(preferences, reviewer=name.strip() or login_name()))


def page_size() -> str:
    """The exported PDF's page size: as set in Preferences, else from the locale."""
    return load_preferences().page_size


def set_page_size(name: str) -> None:
    save_preferences(replace(load_preferences(), page_size=name))


def set_show_furniture(shown: bool) -> None:
    """Remember View > Show Page Furniture for new windows and the next start."""
    save_preferences(replace(load_preferences(), show_furniture=shown))


# Recent files -----------------------------------------------------------------------------


def recent_files() -> list[str]:
    value = app_settings().value(RECENT_FILES_KEY, [])
    if isinstance(value, str):  # QSettings gives a one-item list back as a string
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(path) for path in value]


def remember_files(paths: list[str]) -> list[str]:
    """Put ``paths`` first in the recent-files list and return the new list."""
    absolute = [str(Path(path).absolute()) for path in paths]
    recent = absolute + [path for path in recent_files() if path not in absolute]
    recent = recent[:RECENT_FILES_LIMIT]
    settings = app_settings()
    settings.setValue(RECENT_FILES_KEY, recent)
    settings.sync()
    return recent
