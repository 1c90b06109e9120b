"""Files that ship inside the package (the app icon, the sample articles), found through
importlib.resources so that they are found the same way in a checkout, an installed wheel
and a PyInstaller bundle.

Qt is imported only inside :func:`app_icon`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

APP_ID = "org.compareapp.CompareApp"
"""The reverse-DNS application id: desktop file, icon name, AppStream id, macOS bundle."""
ICON_SIZES = (16, 32, 48, 64, 128, 256)
"""The sizes of the rendered PNG icons (``packaging/render_icons.py`` makes them)."""

SAMPLE_FILES = ("wire-report.txt", "outlet-rewrite.txt")


def sample_paths() -> list[str]:
    """Paths of the bundled sample articles (written for the project, fictional)."""
    folder = resources.files("compareapp") / "assets" / "sample"
    return [str(folder / name) for name in SAMPLE_FILES]


def _icons() -> Traversable:
    return resources.files("compareapp") / "assets" / "icons"


def icon_path(size: int | None = None) -> Traversable:
    """The icon rendered at ``size`` pixels (one of :data:`ICON_SIZES`), or its SVG for None."""
    if size is None:
        return _icons() / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; the sizes are {', '.join(map(str, ICON_SIZES))}")
    return _icons() / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def app_icon() -> QIcon:
    """The window icon with every rendered size (needs a QGuiApplication). A size in a
    file is read when first asked for (a platform that takes its icon from the desktop file
    or the bundle never asks); one in an archive is read now."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_path(size)
        if isinstance(path, Path):
            icon.addFile(str(path), QSize(size, size))
            continue
        from PySide6.QtGui import QImage, QPixmap

        image = QImage.fromData(path.read_bytes())  # the format from its header: PNG
        if not image.isNull():
            icon.addPixmap(QPixmap.fromImage(image))
    return icon
