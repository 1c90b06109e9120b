"""Build compareapp's one-folder PyInstaller bundle and print its size.

    .venv/bin/python packaging/build_bundle.py [DIST]    # default DIST: build/bundle

runs PyInstaller on ``packaging/pyinstaller/compareapp.spec`` with the running Python (so
the bundle holds that environment's compareapp, PySide6 and the rest; ``pip install -e
'.[test]'`` brings PyInstaller) and leaves ``DIST/compareapp/compareapp`` (``.exe`` on
Windows; on macOS also ``DIST/compareapp.app``). PyInstaller's work files go to
``--work-dir`` (default: ``build/pyinstaller``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "compareapp.spec"
NAME = "compareapp"


def executable(dist: Path) -> Path:
    """The bundled command inside ``dist``."""
    return dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def folder_size(folder: Path) -> int:
    """Bytes in the files under ``folder`` (symbolic links not followed)."""
    return sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink()
    )


def build(dist: Path, work: Path, quiet: bool = True) -> Path:
    """Run PyInstaller; returns the bundled executable. Raises CalledProcessError on failure."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN" if quiet else "INFO",
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    path = executable(dist)
    if not path.is_file():
        raise FileNotFoundError(f"PyInstaller finished but {path} is missing")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's INFO log")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work_dir.resolve()
    started = time.perf_counter()
    try:
        path = build(dist, work, quiet=not args.verbose)
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        print(f"build_bundle: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    size = folder_size(path.parent) / 1_000_000
    print(f"bundle: {path}")
    print(f"build time: {seconds:.1f} s")
    print(f"bundle size: {size:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
