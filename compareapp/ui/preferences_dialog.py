"""Edit > Preferences: the reviewer's name, the look of the window, what counts as a
difference, the page size of exported PDFs and how often unsaved work is copied.

OK saves the preferences and applies them to every open window."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from compareapp.ui import settings, windows
from compareapp.ui.apply_preferences import apply_preferences
from compareapp.ui.settings import Preferences

PAGE_SIZES = settings.PAGE_SIZES
THEME_NAMES = {"system": "As the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    """The dialog's parent, when it is a main window, gets the preferences applied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.previous = settings.load_preferences()
        preferences = self.previous

        self.reviewer = QLineEdit(preferences.reviewer)
        self.reviewer.setToolTip("Signs your review marks and PDF annotations")
        self.theme = QComboBox()
        for theme in settings.THEMES:
            self.theme.addItem(THEME_NAMES[theme], theme)
        self.theme.setCurrentIndex(self.theme.findData(preferences.theme))
        self.text_size = QDoubleSpinBox(suffix=" pt", decimals=1, singleStep=0.5)
        self.text_size.setRange(*settings.TEXT_SIZE_RANGE)
        self.text_size.setValue(preferences.text_size)
        self.text_size.setToolTip("The size of the documents' text")

        self.show_typographic = QCheckBox("Typographic variants (quotes, dashes, spaces)")
        self.show_typographic.setToolTip(
            "How new windows start; View > Show Typographic Differences switches it"
        )
        self.show_typographic.setChecked(preferences.show_typographic)
        self.show_case = QCheckBox("Changes of letter case only")
        self.show_case.setChecked(preferences.show_case)
        self.show_spelling = QCheckBox("British and American spellings")
        self.show_spelling.setChecked(preferences.show_spelling)
        differences = QGroupBox("Count as differences")
        checks = QVBoxLayout(differences)
        for box in (self.show_typographic, self.show_case, self.show_spelling):
            checks.addWidget(box)

        self.page_size = QComboBox()
        self.page_size.addItems(PAGE_SIZES)
        self.page_size.setCurrentText(preferences.page_size)
        self.autosave_seconds = QSpinBox(suffix=" s")
        self.autosave_seconds.setRange(*settings.AUTOSAVE_SECONDS_RANGE)
        self.autosave_seconds.setSingleStep(10)
        self.autosave_seconds.setValue(preferences.autosave_seconds)
        self.autosave_seconds.setToolTip("Unsaved review work is copied at least this often")

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Reviewer name", self.reviewer)
        form.addRow("Theme", self.theme)
        form.addRow("Text size", self.text_size)
        form.addRow("PDF page size", self.page_size)
        form.addRow("Autosave every", self.autosave_seconds)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(differences)
        layout.addWidget(buttons)
        self._describe()

    def _describe(self) -> None:
        """Names and descriptions for screen readers (the form's labels name the fields too)."""
        self.setAccessibleDescription("Settings for every window; OK saves and applies them")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(
            "Save the preferences and apply them to every window"
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            "Close without changing the preferences"
        )
        for field, name, description in (
            (self.reviewer, "Reviewer name", self.reviewer.toolTip()),
            (self.theme, "Theme", "Light, dark, or as the system is"),
            (self.text_size, "Text size", self.text_size.toolTip()),
            (self.page_size, "PDF page size", "The paper size of exported PDFs"),
            (self.autosave_seconds, "Autosave every", self.autosave_seconds.toolTip()),
            (self.show_typographic, "Count typographic variants", self.show_typographic.toolTip()),
            (self.show_case, "Count changes of letter case", "Case-only changes are differences"),
            (self.show_spelling, "Count spelling variants", "British and American spellings"),
        ):
            field.setAccessibleName(name)
            field.setAccessibleDescription(description)

    def chosen(self) -> Preferences:
        """The preferences as the dialog's fields say (an empty name keeps the old one)."""
        return replace(
            self.previous,
            reviewer=self.reviewer.text().strip() or self.previous.reviewer,
            theme=str(self.theme.currentData()),
            text_size=self._text_size(),
            show_typographic=self.show_typographic.isChecked(),
            show_case=self.show_case.isChecked(),
            show_spelling=self.show_spelling.isChecked(),
            page_size=self.page_size.currentText(),
            autosave_seconds=self.autosave_seconds.value(),
        )

    def _text_size(self) -> float:
        """The size chosen; the box shows one decimal, and left alone it keeps the size
        there was to the last decimal."""
        if abs(self.text_size.value() - self.previous.text_size) < 0.05:
            return self.previous.text_size
        return self.text_size.value()

    def accept(self) -> None:
        settings.save_preferences(self.chosen())
        for window in windows.all_windows():  # fonts, timers and filters are per window
            apply_preferences(window, self.previous)
        super().accept()
