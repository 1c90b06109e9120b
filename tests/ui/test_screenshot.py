"""The window as pixels: after opening the sample it is drawn, with bands in the link map."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from compareapp.ui.main_window import MainWindow
from tests.helpers import wait_for_comparison

MIN_DISTINCT_COLOURS = 50
MIN_BAND_PIXELS = 20


def test_the_window_is_drawn(qtbot, window: MainWindow, tmp_path: Path):
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    link_map = window.comparison_view.link_maps[0]
    assert link_map.visible_paths()

    path = tmp_path / "window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    ratio = image.devicePixelRatio()
    assert image.width() >= window.width() * ratio

    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) >= MIN_DISTINCT_COLOURS

    background = link_map.palette().window().color().rgb()
    middle = link_map.width() // 2
    column = [
        image.pixel(link_map.mapTo(window, QPoint(middle, y)) * ratio)
        for y in range(link_map.height())
    ]
    assert sum(1 for pixel in column if pixel != background) >= MIN_BAND_PIXELS
