"""The language model's cache: the same answers as py3langid's own loader, whatever state
the cache folder is in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from compareapp.core.text import language_model
from compareapp.core.text.language_model import CACHE_ENV, cache_folder, load_identifier

TEXTS = (
    "Kyiv says it has recovered more than 8,000 square kilometres in the east.",
    "Der Hund läuft über die Straße, und die Katze schläft im Haus.",
    "Le gouvernement a annoncé jeudi une hausse de 3 % du budget de la défense.",
    "El presidente dijo que la economía crecerá un 2,5 % el próximo año.",
    "Prezydent powiedział, że gospodarka urośnie w przyszłym roku.",
    "Samarkand",
    "",
)


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    """py3langid's identifier as its own loader gives it."""
    return LanguageIdentifier.from_model_file(Path(MODEL_DIR) / MODEL_FILE, norm_probs=True)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return cache_folder()


def _answers(identifier: LanguageIdentifier) -> list[list[tuple[str, float]]]:
    return [[(code, float(p)) for code, p in identifier.rank(text)] for text in TEXTS]


def _unpacked(cache: Path) -> Path:
    (folder,) = [f for f in cache.iterdir() if not f.name.startswith(".")]
    return folder


def test_first_load_unpacks_into_the_cache_and_later_loads_map_it(
    cache: Path, reference: LanguageIdentifier
) -> None:
    first = load_identifier()
    folder = _unpacked(cache)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.npy" for name in language_model._ARRAYS
    )
    assert not list(cache.glob(".unpacking-*"))
    second = load_identifier()
    assert _answers(first) == _answers(second) == _answers(reference)
    assert list(second.tk_nextmove) == list(reference.tk_nextmove)
    assert second.tk_output == reference.tk_output


def test_a_damaged_cache_is_unpacked_again(cache: Path, reference: LanguageIdentifier) -> None:
    load_identifier()
    damaged = _unpacked(cache) / "nextmove.npy"
    damaged.write_bytes(damaged.read_bytes()[:1000])
    assert _answers(load_identifier()) == _answers(reference)
    assert damaged.stat().st_size > 1000


def test_a_cache_that_cannot_be_written_falls_back_to_unpacking_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: LanguageIdentifier
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert _answers(load_identifier()) == _answers(reference)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_what_a_stopped_unpacking_left_is_removed_once_old(cache: Path) -> None:
    cache.mkdir(parents=True)
    old, recent = cache / ".unpacking-old", cache / ".unpacking-recent"
    for left in (old, recent):
        left.mkdir()
        (left / "ptc.npy").write_bytes(b"half")
    an_hour_ago = old.stat().st_mtime - language_model.ABANDONED_AFTER_S - 1

    os.utime(old, (an_hour_ago, an_hour_ago))
    load_identifier()
    assert not old.exists()
    assert recent.exists()  # perhaps another process at work
