"""The app's settings file (in the user's config directory) and the recent-files list."""

from __future__ import annotations

import getpass
from pathlib import Path

from platformdirs import user_config_dir
from PySide6.QtCore import QSettings

APP_NAME = "compareapp"
RECENT_FILES_KEY = "recent_files"
RECENT_FILES_LIMIT = 12
REVIEWER_KEY = "reviewer"
PAGE_SIZE_KEY = "pdf_page_size"


def app_settings() -> QSettings:
    path = Path(user_config_dir(APP_NAME)) / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = app_settings().value(RECENT_FILES_KEY, [])
    if isinstance(value, str):  # QSettings gives a one-item list back as a string
        value = [value]
    return [str(path) for path in value or []]


def remember_files(paths: list[str]) -> list[str]:
    """Put ``paths`` first in the recent-files list and return the new list."""
    absolute = [str(Path(path).absolute()) for path in paths]
    recent = absolute + [path for path in recent_files() if path not in absolute]
    recent = recent[:RECENT_FILES_LIMIT]
    settings = app_settings()
    settings.setValue(RECENT_FILES_KEY, recent)
    settings.sync()
    return recent


def reviewer() -> str:
    """The name review marks are signed with: set in Preferences, else the login name."""
    name = str(app_settings().value(REVIEWER_KEY, "") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "reviewer"


def set_reviewer(name: str) -> None:
    settings = app_settings()
    settings.setValue(REVIEWER_KEY, name.strip())
    settings.sync()


def page_size() -> str:
    """The exported PDF's page size: as set in Preferences, else from the locale."""
    from compareapp.export.pdf_export import PAGE_SIZES, default_page_size

    chosen = str(app_settings().value(PAGE_SIZE_KEY, "") or "")
    return chosen if chosen in PAGE_SIZES else default_page_size()


def set_page_size(name: str) -> None:
    settings = app_settings()
    settings.setValue(PAGE_SIZE_KEY, name)
    settings.sync()
