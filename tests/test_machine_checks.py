"""A check the machine cannot run fails, naming what is missing, on CI or not."""

from __future__ import annotations

import pytest

from tests.helpers.machine import cannot_check_here


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_check_the_machine_cannot_run_fails(ci: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(
        pytest.fail.Exception, match="this machine cannot run this check: needs mount"
    ):
        cannot_check_here("needs mount")
