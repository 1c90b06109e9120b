"""The installed ``compareapp`` window on a real X server, checked from a real screenshot.

The test starts its own Xvfb, opens the bundled sample comparison with the installed
command on it (platform ``xcb``, not ``offscreen``), grabs the X root window from a
separate process and looks at the pixels: the window must be drawn and must show the
translucent green and red tints of added and removed text. The last screenshot is also
copied to ``/tmp/compareapp-window-e2e.png`` for a human to look at.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from compareapp.resources import sample_paths

pytestmark = pytest.mark.slow

COMMAND = shutil.which("compareapp", path=str(Path(sys.executable).parent))
SCREEN = "1600x1000x24"
HUMAN_COPY = Path("/tmp/compareapp-window-e2e.png")
POLL_SECONDS = 0.5
WAIT_SECONDS = 30.0

# Thresholds, calibrated on real screenshots: the sample comparison has about 40,000 green
# and 50,000 red-tinted pixels and 3,600 colours; the start view (no files) 250 colours and
# no tinted pixels; the empty black root window one colour.
MIN_DISTINCT_COLOURS = 50
MIN_TINT_PIXELS = 500

GRAB_SCRIPT = """\
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
screen = QGuiApplication.primaryScreen()
sys.exit(0 if screen is not None and screen.grabWindow(0).save(sys.argv[1]) else 1)
"""


def _x_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env["COMPAREAPP_INSTANCE_NAME"] = f"compareapp-e2e-{os.getpid()}-{display}"  # its own
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    return env


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Starts a fresh Xvfb on the first free display from :90 when called and returns
    ``":N"``; kills it afterwards. Called from the test so that a missing Xvfb fails it."""
    servers: list[subprocess.Popen[bytes]] = []

    def start() -> str:
        binary = shutil.which("Xvfb")
        if binary is None:
            pytest.fail(
                "Xvfb is not installed: run scripts/test.sh, which installs it "
                "(apt-get install xvfb and the xcb libraries Qt needs)"
            )
        log_path = tmp_path / "xvfb.log"
        for number in range(90, 190):
            if _display_in_use(number):
                continue
            server = _start_xvfb(binary, number, log_path)
            if server is not None:
                servers.append(server)
                return f":{number}"
            # else lost a race for the display: try the next one
        pytest.fail(f"no free X display in :90-:189 for Xvfb; its last log:\n{_read(log_path)}")

    yield start
    for server in servers:
        _stop(server)


def _display_in_use(number: int) -> bool:
    return Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()


def _start_xvfb(binary: str, number: int, log_path: Path) -> subprocess.Popen[bytes] | None:
    """Start Xvfb on ``:number``; None if it exits (display taken). Ready when it returns."""
    read_end, write_end = os.pipe()
    arguments = [f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp"]
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [binary, *arguments, "-displayfd", str(write_end)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            pass_fds=(write_end,),
        )
    os.close(write_end)
    try:
        announced = b""
        deadline = time.monotonic() + 15
        while not announced.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.2)
            if ready:
                chunk = os.read(read_end, 64)
                if not chunk:
                    break  # Xvfb exited without announcing the display
                announced += chunk
    finally:
        os.close(read_end)
    if announced.strip() == str(number).encode():
        return server
    _stop(server)
    return None


def _stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


@dataclass(frozen=True)
class Picture:
    distinct_colours: int
    green_pixels: int
    red_pixels: int

    @property
    def drawn(self) -> bool:
        return self.distinct_colours > MIN_DISTINCT_COLOURS

    @property
    def tinted(self) -> bool:
        return self.green_pixels >= MIN_TINT_PIXELS and self.red_pixels >= MIN_TINT_PIXELS


def analyse(path: Path) -> Picture:
    """Count distinct colours and the pixels of the added / removed tints."""
    image = QImage(str(path))
    assert not image.isNull(), f"cannot read the screenshot {path}"
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    assert image.bytesPerLine() == 4 * image.width()
    # Format_RGB32 pixels are native-endian 32-bit words 0xffRRGGBB.
    counts = Counter(memoryview(image.constBits()).cast("B").cast("I"))
    green = red = 0
    for pixel, n in counts.items():
        r, g, b = (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF
        # Added text: translucent green over white, light (196, 232, 204) for changed
        # words and strong (117, 199, 140) for changed facts, and the text drawn over it.
        if g > r + 30 and g > b + 20:
            green += n
        # Removed text: translucent red over white, light (247, 201, 201) and strong
        # (237, 129, 129), keeps green and blue equal and fairly high; that leaves out the
        # solid red and orange marks of the overview strips.
        if r > g + 40 and r > b + 40 and abs(g - b) <= 12 and min(g, b) >= 100:
            red += n
    return Picture(len(counts), green, red)


def grab(display: str, tmp_path: Path, path: Path) -> None:
    """Screenshot the whole X screen from a separate Qt process."""
    result = subprocess.run(
        [sys.executable, "-c", GRAB_SCRIPT, str(path)],
        env=_x_env(display, tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0 and path.exists(), f"screenshot failed:\n{result.stderr}"


def test_window_shows_the_sample_comparison_on_a_real_x_server(
    xvfb: Callable[[], str], tmp_path: Path
) -> None:
    assert COMMAND, "compareapp is not installed next to this Python"
    display = xvfb()
    stderr_path = tmp_path / "app.stderr"
    with stderr_path.open("wb") as stderr:
        app = subprocess.Popen(
            [COMMAND, *sample_paths()],
            env=_x_env(display, tmp_path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        # Wait for the window and then for the comparison (a background job) to be drawn.
        probe = tmp_path / "probe.png"
        deadline = time.monotonic() + WAIT_SECONDS
        while app.poll() is None and time.monotonic() < deadline:
            grab(display, tmp_path, probe)
            picture = analyse(probe)
            if picture.drawn and picture.tinted:
                break
            time.sleep(POLL_SECONDS)
        assert app.poll() is None, f"compareapp exited with {app.returncode}:\n{_read(stderr_path)}"

        screenshot = tmp_path / "window.png"
        grab(display, tmp_path, screenshot)
        shutil.copyfile(screenshot, HUMAN_COPY)
        picture = analyse(screenshot)

        assert app.poll() is None, f"compareapp exited with {app.returncode}"
        assert picture.drawn, f"the screen looks blank ({picture}); see {HUMAN_COPY}"
        assert picture.green_pixels >= MIN_TINT_PIXELS, (
            f"no green tint of added text ({picture}); see {HUMAN_COPY}"
        )
        assert picture.red_pixels >= MIN_TINT_PIXELS, (
            f"no red tint of removed text ({picture}); see {HUMAN_COPY}"
        )
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(timeout=10)
    errors = _read(stderr_path)
    assert "Traceback" not in errors, errors
