"""The window on a laptop (issue 23): it opens within the screen, a long path or title
never sets its minimum size (the headers elide them, the tooltips keep them whole), more
panes than fit scroll sideways, and Make base does not grow the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication

from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.document_pane import PANE_MINIMUM_WIDTH
from compareapp.ui.window_geometry import GEOMETRY_KEY, place_window
from tests.helpers import (
    LAPTOP,
    LONG_TITLE,
    fits,
    long_named_copies,
    open_and_wait,
    wait_for_comparison,
)


def minimum(window: MainWindow) -> tuple[int, int]:
    hint, set_size = window.minimumSizeHint(), window.minimumSize()
    return max(hint.width(), set_size.width()), max(hint.height(), set_size.height())


def test_the_start_view_fits_a_laptop(window: MainWindow):
    assert window.stack.currentWidget() is window.start_view
    assert fits(minimum(window)), minimum(window)
    window.resize(*LAPTOP)
    assert window.start_view.sample_button.isVisible()


def test_a_long_path_and_title_do_not_set_the_minimum_size(qtbot, window: MainWindow, tmp_path):
    paths = long_named_copies(tmp_path)
    open_and_wait(qtbot, window, paths)
    assert fits(minimum(window)), minimum(window)
    pane = window.comparison_view.panes[0]
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    assert pane.name_label.is_elided() or pane.info_label.is_elided()
    assert str(paths[0]) in pane.name_label.toolTip()
    assert LONG_TITLE.strip() in pane.info_label.toolTip()
    assert pane.name_label.full_text() == paths[0].name


def test_make_base_does_not_grow_the_window(qtbot, window: MainWindow, tmp_path):
    open_and_wait(qtbot, window, long_named_copies(tmp_path))
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    size = window.size()
    button = window.comparison_view.panes[1].base_button
    assert button.text() == "Make base"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.base == 1)
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.panes[1].base_button.text() == "Base"
    assert window.size() == size
    assert fits(minimum(window))


def test_three_documents_fit_and_scroll_sideways(qtbot, window: MainWindow, tmp_path):
    open_and_wait(qtbot, window, long_named_copies(tmp_path, 3))
    assert len(window.comparison_view.panes) == 3
    assert fits(minimum(window)), minimum(window)
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    for pane in window.comparison_view.panes:
        assert pane.width() >= PANE_MINIMUM_WIDTH
    bar = window.comparison_view.pane_area.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the third pane is reached by scrolling


def test_a_saved_geometry_that_no_longer_fits_is_not_restored(qtbot, window: MainWindow):
    area = QGuiApplication.primaryScreen().availableGeometry()
    window.setGeometry(QRect(area.left(), area.top(), area.width() * 2, area.height() * 2))
    stored = settings.app_settings()
    stored.setValue(GEOMETRY_KEY, window.saveGeometry())
    stored.sync()
    place_window(window)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().topLeft())


def test_a_saved_geometry_that_fits_is_restored(qtbot, window: MainWindow):
    area = QGuiApplication.primaryScreen().availableGeometry()
    wanted = QRect(area.left() + 10, area.top() + 40, area.width() - 20, area.height() // 2)
    window.setGeometry(wanted)
    window.close()  # closing saves where it was
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.size() == wanted.size()


def test_docks_are_hidden_and_restored_from_the_view_menu(window: MainWindow):
    toggle = window.discrepancy_panel.toggleViewAction()
    assert toggle in window.menus["&View"].actions()
    toggle.trigger()
    assert not window.discrepancy_panel.isVisible()
    toggle.trigger()
    assert window.discrepancy_panel.isVisible()


def test_long_names_tmp_path_is_deep(tmp_path: Path):
    assert all(len(str(path)) > 200 for path in long_named_copies(tmp_path, 1))
