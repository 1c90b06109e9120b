"""The smaller things of issue 23: the Open dialog's default filter, the docks' columns and
kind filter, one wording for the significant-difference commands, Save on the start view,
and a reopened session that logs no out-of-range cursor positions."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.ui.controllers.document_controller import FILE_FILTER
from compareapp.ui.docks.discrepancy_panel import SEVERAL
from compareapp.ui.docks.wrapped_columns import COLUMN_LIMIT, MIN_WRAPPED
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    activate,
    answer_save_path,
    mark_text,
    menu_action,
    save_with_keys,
    second_window,
    wait_for_comparison,
)


def open_sample(qtbot, window: MainWindow) -> MainWindow:
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    return activate(qtbot, window)


def test_the_open_dialogs_default_filter_shows_every_readable_format():
    default = FILE_FILTER.split(";;")[0]
    for suffix in ("txt", "md", "html", "htm", "mht", "docx", "pdf", "compareapp"):
        assert f"*.{suffix}" in default.split("(")[1]


def test_the_kind_filter_takes_several_kinds(qtbot, window: MainWindow):
    panel = open_sample(qtbot, window).discrepancy_panel
    kinds = {row.kind for row in panel.rows}
    assert len(kinds) >= 2
    dropped = FactKind.ONLY_IN_ONE if FactKind.ONLY_IN_ONE in kinds else next(iter(kinds))
    action = next(a for a in panel.kinds_menu.actions() if a.data() == dropped.value)
    action.trigger()  # everything but one kind
    shown = {row.kind for row in panel.table.shown}
    assert shown == kinds - {dropped}
    assert panel.kind_filter.currentData() == SEVERAL
    assert panel.count_label.text().endswith(f"of {len(panel.rows)} facts")
    panel.kind_filter.setCurrentIndex(0)  # All kinds: every kind checked again
    assert all(a.isChecked() for a in panel.kinds_menu.actions())
    assert len(panel.table.shown) == len(panel.rows)


def test_dock_columns_fit_their_contents(qtbot, window: MainWindow):
    panel = open_sample(qtbot, window).discrepancy_panel
    view = panel.list
    wordings = range(1, panel.table.columnCount() - 1)
    for column in range(panel.table.columnCount()):
        width, contents = view.columnWidth(column), view.sizeHintForColumn(column)
        if column in wordings:  # they wrap, sharing what the other columns leave
            assert MIN_WRAPPED <= width <= contents
        else:
            assert width == COLUMN_LIMIT or width >= contents


def test_one_wording_for_the_significant_difference_commands(window: MainWindow):
    for name in ("next_significant", "previous_significant"):
        action = window.actions_by_name[name]
        assert "fact" not in action.iconText().lower()
        menu_words = action.text().replace("&", "").lower()
        assert action.iconText().lower() in menu_words


def test_save_is_disabled_on_the_empty_start_view(qtbot, window: MainWindow):
    save = menu_action(window.menus["&File"], "&Save Session")
    assert not save.isEnabled()
    assert not window.actions_by_name["save_as"].isEnabled()
    open_sample(qtbot, window)
    assert save.isEnabled()


def test_a_reopened_session_logs_no_out_of_range_positions(
    qtbot, qtlog, window: MainWindow, tmp_path, monkeypatch
):
    open_sample(qtbot, window)
    for document in (0, 1):  # marks near the end: beyond a text still arriving
        window.comparison_view.current_document = document
        last_words = window.documents[document].text.strip().split("\n")[-1][-20:]
        mark_text(qtbot, window, last_words, MarkStatus.VERIFIED, document)
    saved = tmp_path / f"end{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()
    reopened = second_window(qtbot)
    reopened.files.open_paths([str(saved)])
    wait_for_comparison(qtbot, reopened)
    qtbot.wait(200)  # painted
    assert len(reopened.review) == 2
    assert not [r for r in qtlog.records if "out of range" in r.message]


def test_a_selected_paragraph_is_tinted_whole_under_its_word_highlights(qtbot, window: MainWindow):
    open_sample(qtbot, window)
    view = window.comparison_view.panes[0].view
    extents = view.paragraph_extents()
    paragraph = max(range(len(extents)), key=lambda i: extents[i][1] - extents[i][0])
    top, bottom = extents[paragraph]
    assert bottom - top > 3 * view.fontMetrics().height(), "a paragraph of several lines"
    view.set_scroll_value(top - 10)
    base = view.viewport().grab().toImage().pixelColor(view.viewport().width() - 3, 5)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(60, round(top - view.scroll_value()) + 8),
    )
    assert view.selected_paragraphs() == [paragraph]
    image = view.viewport().grab().toImage()
    last_line = round(bottom - view.scroll_value()) - 4
    assert last_line < view.viewport().height()
    tinted = image.pixelColor(view.viewport().width() - 3, last_line)
    assert tinted != base, "the last line is tinted too"
    assert not view.extraSelections() or all(
        selection.cursor.hasSelection() for selection in view.extraSelections()
    ), "no extra selection paints over the word highlights"
