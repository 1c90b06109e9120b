"""Checks that need something of the machine (Linux's prctl, POSIX resource limits, root
and mount): skipped on a developer's machine that lacks it, a failure on CI, whose machine
is set up to have it. A check CI skips is a check nobody runs."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def cannot_check_here(reason: str) -> NoReturn:
    """Skip the test for ``reason``, or fail it when running on CI (``CI`` set)."""
    if os.environ.get("CI"):
        pytest.fail(f"CI's machine cannot run this check: {reason}")
    pytest.skip(reason)
