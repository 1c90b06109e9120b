"""A job's text document changes threads through Qt's own call, with the GIL let go (the
hand-over itself: tests/ui/test_preview.py)."""

from __future__ import annotations

import sys

from compareapp.ui import thread_handover
from tests.helpers.machine import cannot_check_here


def test_qts_own_move_is_what_is_called_on_linux() -> None:
    if not sys.platform.startswith("linux"):
        cannot_check_here("Qt's library is looked up by its Linux name")
    assert thread_handover._native_move() is not None
