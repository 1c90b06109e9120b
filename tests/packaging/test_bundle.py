"""The PyInstaller bundle, built from the checkout with packaging/build_bundle.py and run as
a user would run it: --version, the headless commands and the window (offscreen).

Prints the build time, the bundle's size and the bundled command's start time (``-s``
shows them; they are also in the captured output of a failure)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from compareapp import __version__
from compareapp.cli import SAMPLE_FILES
from tests.packaging.files import APP_ID, ICON_SIZES, PACKAGING, ROOT

pytestmark = pytest.mark.slow

BUILD_TIMEOUT = 900
GUI_ALIVE_SECONDS = 8.0
GUI_TIMEOUT = 20.0


@dataclass(frozen=True)
class Bundle:
    executable: Path
    build_seconds: float
    size_mb: float

    @property
    def assets(self) -> Path:
        return self.executable.parent / "_internal" / "compareapp" / "assets"

    def samples(self) -> list[str]:
        return [str(self.assets / "sample" / name) for name in SAMPLE_FILES]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    folder = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "build_bundle.py"),
            str(folder / "dist"),
            "--work-dir",
            str(folder / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    size = re.search(r"^bundle size: ([\d.]+) MB$", result.stdout, re.MULTILINE)
    assert size, result.stdout
    executable = folder / "dist" / "compareapp" / "compareapp"
    assert executable.is_file() and os.access(executable, os.X_OK)
    print(f"\nbundle build time: {seconds:.1f} s; bundle size: {size[1]} MB")
    return Bundle(executable, seconds, float(size[1]))


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """No display, a home, data folders and an instance socket of the test's own, so that
    no running compareapp (or its autosave) takes part."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        TMPDIR=str(tmp_path),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path),
        COMPAREAPP_INSTANCE_NAME=f"compareapp-bundle-test-{uuid.uuid4().hex}",
    )
    return env


def run(
    bundle: Bundle, *args: str, env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle.executable), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_bundle_is_a_reasonable_size(bundle: Bundle) -> None:
    assert 30 < bundle.size_mb < 400
    internal = bundle.executable.parent / "_internal"
    for unwanted in ("libQt6Qml", "libQt6Quick", "libQt6WebEngine", "libgtk-3", "libcairo."):
        assert not list(internal.rglob(f"{unwanted}*")), unwanted
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


def test_bundle_carries_the_assets(bundle: Bundle) -> None:
    for name in SAMPLE_FILES:
        assert (bundle.assets / "sample" / name).read_bytes() == (
            ROOT / "compareapp" / "assets" / "sample" / name
        ).read_bytes()
    for size in ICON_SIZES:
        assert (bundle.assets / "icons" / "hicolor" / f"{size}x{size}/apps/{APP_ID}.png").is_file()


def test_bundled_version_and_its_start_time(bundle: Bundle, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    times = []
    for _attempt in range(3):
        started = time.perf_counter()
        result = run(bundle, "--version", env=env, cwd=tmp_path)
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"compareapp {__version__}\n"
    print(f"\nbundled --version: first {times[0] * 1000:.0f} ms, best {min(times) * 1000:.0f} ms")
    assert min(times) < 10


def test_bundled_compare_reads_the_bundled_samples(bundle: Bundle, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    result = run(bundle, "compare", *bundle.samples(), "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["name"] for d in report["documents"]] == list(SAMPLE_FILES)
    assert report["links"]

    # --sample finds the samples inside the bundle, through importlib.resources.
    result = run(bundle, "compare", "--sample", "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paths = [Path(d["path"]) for d in json.loads(result.stdout)["documents"]]
    assert [p.parent for p in paths] == [bundle.assets / "sample"] * 2


def test_bundled_export_writes_a_pdf(bundle: Bundle, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run(
        bundle,
        "export",
        *bundle.samples(),
        "-o",
        str(out),
        env=isolated_env(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 2


@pytest.fixture
def x_display() -> Iterator[str]:
    """A display of a private Xvfb (``-displayfd`` picks a free number); a missing Xvfb
    fails the test (scripts/test.sh installs it)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail("Xvfb is not installed: run scripts/test.sh (apt-get install xvfb)")
    server = subprocess.Popen(
        [binary, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()
        assert number.isdigit(), f"Xvfb gave no display (exit {server.poll()})"
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stdout is not None:
            server.stdout.close()


def start_window(bundle: Bundle, tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    with (tmp_path / "gui.log").open("w") as log:
        return subprocess.Popen(
            [str(bundle.executable), *bundle.samples()],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=tmp_path,
        )


def check_still_running(process: subprocess.Popen[str], log: Path) -> None:
    """The window is up after GUI_ALIVE_SECONDS (no crash on start), then is stopped."""
    try:
        deadline = time.monotonic() + GUI_ALIVE_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        output = log.read_text(errors="replace")
        assert process.poll() is None, f"the window exited with {process.returncode}: {output}"
        assert "Traceback" not in output, output
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=GUI_TIMEOUT - GUI_ALIVE_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_bundled_window_starts_on_two_files_offscreen(bundle: Bundle, tmp_path: Path) -> None:
    process = start_window(bundle, tmp_path, isolated_env(tmp_path))
    check_still_running(process, tmp_path / "gui.log")


def test_bundled_window_starts_on_a_real_x_server(
    bundle: Bundle, tmp_path: Path, x_display: str
) -> None:
    """The xcb platform plugin and the X libraries it loads come from the bundle, which
    the offscreen run does not touch."""
    env = {**isolated_env(tmp_path), "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    process = start_window(bundle, tmp_path, env)
    check_still_running(process, tmp_path / "gui.log")
