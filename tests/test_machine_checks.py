"""A check the machine cannot run is skipped on a developer's machine and fails on CI."""

from __future__ import annotations

import pytest

from tests.helpers.machine import cannot_check_here


def test_off_ci_the_check_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs mount"):
        cannot_check_here("needs mount")


def test_on_ci_the_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(
        pytest.fail.Exception, match="CI's machine cannot run this check: needs mount"
    ):
        cannot_check_here("needs mount")
