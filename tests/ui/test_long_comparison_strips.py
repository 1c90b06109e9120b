"""The link map and the overview strip at book length: the link map looks up the bands near
the view instead of scanning them all and leaves out bands that only cross the view from
afar; the overview strip paints its marks once, as runs, and repaints them when they change."""

from __future__ import annotations

from PySide6.QtGui import QColor

from compareapp.rendering import palette
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.link_map import _crosses_from_afar, _sorted_ends
from compareapp.ui.panes.overview_strip import _runs
from tests.helpers import open_and_wait


def test_the_bands_looked_up_near_the_view_are_those_a_scan_of_all_finds(
    qtbot, window: MainWindow, seed_paths
):
    open_and_wait(qtbot, window, seed_paths)
    link_map = window.comparison_view.link_maps[0]
    left, right = link_map.left, link_map.right
    bar = left.verticalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        shifts = link_map._shift(left), link_map._shift(right)
        lefts = left.paragraphs_between(-shifts[0] - 1, link_map.height() - shifts[0] + 1)
        rights = right.paragraphs_between(-shifts[1] - 1, link_map.height() - shifts[1] + 1)
        scanned = [
            band
            for band in link_map.bands
            if band.moved or lefts[0] <= band.left < lefts[1] or rights[0] <= band.right < rights[1]
        ]
        assert link_map._candidates(*shifts) == scanned
    assert any(band.moved for band in link_map.bands), "the seed pair has moved paragraphs"


def test_band_ends_are_sorted_with_their_indices_equal_ones_in_their_order() -> None:
    ends = [3, 1, 3, 0, 1]
    assert _sorted_ends(ends) == ([0, 1, 1, 3, 3], [3, 1, 4, 0, 2])
    assert list(zip(*_sorted_ends(ends), strict=True)) == sorted((e, k) for k, e in enumerate(ends))


def test_a_band_that_only_crosses_the_view_is_drawn_when_it_ends_near_it() -> None:
    height = 100.0
    assert _crosses_from_afar(-500, -450, 600, 650, height)
    assert not _crosses_from_afar(-60, -20, 150, 190, height), "both ends near: drawn"
    assert not _crosses_from_afar(-5000, -4950, 40, 60, height), "an end in view: drawn"
    assert not _crosses_from_afar(20, 30, 40, 60, height)


def test_marks_of_one_colour_that_touch_are_painted_as_one_run() -> None:
    red, blue = QColor("red"), QColor("blue")
    marks = {3: red, 0: red, 1: red, 2: blue, 9: red}
    extents = [(0.0, 10.0), (10.0, 20.0), (20.0, 30.0), (30.0, 40.0), (40.0, 41.0)]

    assert _runs(marks, extents, 1.0) == [
        (red, [(0.0, 20.0), (30.0, 40.0)]),
        (blue, [(20.0, 30.0)]),
    ]
    assert _runs({4: red}, extents, 1.0) == [(red, [(40.0, 42.0)])], "at least two pixels tall"


def test_numbers_names_and_quotations_are_painted_last_over_the_other_marks() -> None:
    significant, changed = palette.STRIP_SIGNIFICANT, palette.STRIP_CHANGE
    extents = [(float(k), k + 0.1) for k in range(6)]

    runs = _runs({0: significant, 1: changed, 2: significant, 5: changed}, extents, 1.0)

    assert runs == [(changed, [(1.0, 3.0), (5.0, 7.0)]), (significant, [(0.0, 4.0)])]


def test_the_overview_repaints_its_marks_when_they_change(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    strip = window.comparison_view.panes[0].strip
    assert strip.marks, "the seed pair's first article has changed paragraphs"
    painted = strip.grab().toImage()

    strip.set_marks({})
    cleared = strip.grab().toImage()

    marked = {
        painted.pixelColor(x, y).name()
        for x in range(strip.width())
        for y in range(0, strip.height(), 2)
    }
    left = {cleared.pixelColor(x, y).name() for x in range(4, 8) for y in range(strip.height())}
    colours = {colour.name() for colour in (palette.STRIP_CHANGE, palette.STRIP_UNIQUE)}
    assert marked & colours, "marks painted"
    assert not left & colours, "and gone once the marks are"
