"""The results fingerprint (benchmarks/fingerprint.py): blind to where and when the files
were read, not to what the comparison found."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import fingerprint


def test_fingerprint_ignores_the_files_place_but_not_a_changed_figure(tmp_path: Path) -> None:
    originals = [fingerprint.SAMPLE / "wire-report.txt", fingerprint.SAMPLE / "outlet-rewrite.txt"]
    copies = [Path(shutil.copy(path, tmp_path)) for path in originals]
    before = fingerprint.canonical(fingerprint.compare_output(*originals))
    assert fingerprint.canonical(fingerprint.compare_output(*copies)) == before
    text = copies[1].read_text(encoding="utf-8")
    assert "1,400" in text
    copies[1].write_text(text.replace("1,400", "1,500", 1), encoding="utf-8")
    assert fingerprint.canonical(fingerprint.compare_output(*copies)) != before
