"""A job's text document changes threads through Qt's own call, with the GIL let go (the
hand-over itself: tests/ui/test_preview.py)."""

from __future__ import annotations

import sys

import pytest

from compareapp.ui import thread_handover


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's Linux library name")
def test_qts_own_move_is_what_is_called_on_linux() -> None:
    assert thread_handover._native_move() is not None
