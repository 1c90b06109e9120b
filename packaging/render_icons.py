"""Render the app icon's PNGs (and the Windows .ico and macOS .icns) from its SVG.

    .venv/bin/python packaging/render_icons.py

reads ``compareapp/assets/icons/compareapp.svg`` and writes, all committed:

- ``compareapp/assets/icons/hicolor/<N>x<N>/apps/org.compareapp.CompareApp.png`` for every
  size in :data:`SIZES`, and the SVG itself as ``hicolor/scalable/apps/…svg`` (the
  freedesktop icon theme layout that ``packaging/linux/install.sh`` installs);
- ``packaging/windows/compareapp.ico`` (16 to 256 px, PNG-compressed entries);
- ``packaging/macos/compareapp.icns`` (16 to 512 px, PNG entries).

``--output-dir DIR`` writes the same tree under DIR instead (the tests use it to check that
the committed files are up to date).
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.compareapp.CompareApp"
SVG = Path("compareapp/assets/icons/compareapp.svg")
HICOLOR = Path("compareapp/assets/icons/hicolor")
ICO = Path("packaging/windows/compareapp.ico")
ICNS = Path("packaging/macos/compareapp.icns")
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` × ``size`` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise OSError("Qt could not encode the PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding each PNG as its own entry (Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon family with a PNG element per size."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(output: Path, svg: Path = ROOT / SVG) -> list[Path]:
    """Write every rendered file under ``output``; returns the paths written."""
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(svg, size)
        return cache[size]

    written = []
    for size in SIZES:
        target = output / png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(size))
        written.append(target)
    scalable = output / HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    if scalable.resolve() != svg.resolve():
        shutil.copyfile(svg, scalable)
    written.append(scalable)
    for path, data in (
        (ICO, ico_bytes({size: png(size) for size in ICO_SIZES})),
        (ICNS, icns_bytes({size: png(size) for size in ICNS_TYPES})),
    ):
        target = output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=ROOT, help="default: the checkout")
    args = parser.parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in render_all(args.output_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
