"""Checks that need something of the machine (Linux's prctl, POSIX resource limits, root
and mount, poppler): a machine that lacks it fails them, naming what is missing. A skipped
check is one nobody ran, and a run that skips it looks the same as one that passed it; the
test command sets CI's machine up to have everything."""

from __future__ import annotations

from typing import NoReturn

import pytest


def cannot_check_here(reason: str) -> NoReturn:
    """Fail the test: this machine cannot run it, for ``reason``."""
    pytest.fail(f"this machine cannot run this check: {reason}")
