"""py3langid's model, read quickly: its arrays kept unpacked in the user's cache folder.

The wheel ships the model LZMA-packed (4.6 MB); unpacking it takes about half a second, in
every process that reads a document. The first process unpacks it as py3langid does and
writes each array as a ``.npy`` file (about 68 MB in all) in a folder named by a hash of
the packed file; later processes map those files (some tens of milliseconds). The arrays,
and so every answer, are the same either way. Anything wrong with the cache (a folder that
cannot be written, a file cut short, another model) falls back to unpacking.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_cache_dir

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

APP_NAME = "compareapp"
CACHE_ENV = "COMPAREAPP_CACHE_DIR"
"""Set to a folder to keep the unpacked model there instead of the user's cache folder."""
ABANDONED_AFTER_S = 3600
"""A half-unpacked folder this old was left by a process that stopped."""
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def load_identifier() -> LanguageIdentifier:
    """py3langid's identifier with probabilities, from the cache when it can be."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # loads numpy

    packed = Path(MODEL_DIR) / MODEL_FILE
    arrays = _cached_arrays(packed)
    if arrays is None:
        return LanguageIdentifier.from_model_file(packed, norm_probs=True)
    import numpy as np

    return LanguageIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _walkable(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_walkable(arrays["nextmove_row"]),
    )


def cache_folder() -> Path:
    """Where unpacked models are kept."""
    chosen = os.environ.get(CACHE_ENV)
    return Path(chosen) if chosen else Path(user_cache_dir(APP_NAME)) / "language-model"


def _cached_arrays(packed: Path) -> dict[str, Any] | None:
    """The model's arrays mapped from the cache (unpacked there first if need be), or None
    when the cache cannot be used."""
    try:
        folder = cache_folder() / _digest(packed)
        if folder.is_dir():
            try:
                return _mapped(folder)
            except (OSError, ValueError):
                shutil.rmtree(folder)  # damaged: unpacked again below
        _unpack(packed, folder)
        return _mapped(folder)
    except (OSError, ValueError, KeyError):  # KeyError: a model of another layout
        return None


def _digest(packed: Path) -> str:
    return hashlib.sha256(packed.read_bytes()).hexdigest()[:16]


def _unpack(packed: Path, folder: Path) -> None:
    """Write the arrays of ``packed`` into ``folder``: all of them or, when another
    process got there first or anything fails, none (a folder is renamed into place)."""
    import lzma

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(folder.parent)
    building = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
    try:
        with tempfile.TemporaryFile() as unpacked:
            with lzma.open(packed) as source:
                shutil.copyfileobj(source, unpacked, length=1 << 20)
            unpacked.seek(0)
            with np.load(unpacked, allow_pickle=False) as data:
                for name in _ARRAYS:
                    np.save(building / f"{name}.npy", data[name], allow_pickle=False)
        os.rename(building, folder)
    except OSError:
        if not folder.is_dir():
            raise
    finally:
        shutil.rmtree(building, ignore_errors=True)


def _remove_abandoned(parent: Path) -> None:
    """Remove what processes stopped while unpacking left behind (an hour old or more)."""
    for left in parent.glob(".unpacking-*"):
        with contextlib.suppress(OSError):
            if time.time() - left.stat().st_mtime > ABANDONED_AFTER_S:
                shutil.rmtree(left, ignore_errors=True)


def _mapped(folder: Path) -> dict[str, Any]:
    import numpy as np

    return {
        name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS
    }


def _walkable(values: Any) -> memoryview:
    """A mapped unsigned array as py3langid's walk reads it (item by item, as Python ints),
    without copying it into memory: only the pages the walk visits are read."""
    view = memoryview(values).cast("B")
    return view.cast("H") if values.dtype.itemsize == 2 else view.cast("I")
