"""The Linux desktop integration: the desktop file, the session MIME type, the AppStream
metainfo, install.sh and the icons, each checked with the freedesktop tools themselves."""

from __future__ import annotations

import fnmatch
import os
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from compareapp import __version__, resources
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionSource
from compareapp.core.review.session_file import dump_session
from compareapp.ui.settings import APP_NAME
from tests.helpers.packaging_files import (
    APP_ID,
    DESKTOP,
    ICON_SIZES,
    INSTALL_SH,
    LINUX,
    METAINFO,
    MIME_NS,
    MIME_XML,
    ROOT,
    article_types,
    desktop_entry,
    desktop_list,
    load_script,
    run,
    session_type,
    tool,
)

ARTICLE_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
}


# --- the desktop file -------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run(tool("desktop-file-validate"), DESKTOP)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr


def test_desktop_file_names_the_app_its_icon_and_every_type() -> None:
    entry = desktop_entry()
    assert DESKTOP.name == f"{APP_ID}.desktop" == f"{resources.APP_ID}.desktop"
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "compareapp %F"
    assert entry["TryExec"] == "compareapp"
    # Qt sets the X11 WM_CLASS class to the application name.
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"
    assert set(desktop_list(entry["MimeType"])) == {session_type().mime} | ARTICLE_TYPES
    assert article_types() == ARTICLE_TYPES
    assert "TextTools" in desktop_list(entry["Categories"])
    assert {"compare", "diff", "news"} <= set(desktop_list(entry["Keywords"]))


# --- the session MIME type ---------------------------------------------------------------


def test_mime_package_declares_the_session_type() -> None:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == "{http://www.freedesktop.org/standards/shared-mime-info}mime-info"
    declared = session_type()
    assert declared.mime == "application/x-compareapp-session"
    assert f".{declared.extension}" == SESSION_SUFFIX
    assert declared.parent == "application/json"
    assert declared.magic == "compareapp.session"
    element = root.find("m:mime-type", MIME_NS)
    assert element is not None
    assert element.findtext("m:comment", namespaces=MIME_NS)
    icon = element.find("m:icon", MIME_NS)
    assert icon is not None and icon.get("name") == APP_ID


@dataclass(frozen=True)
class MagicRule:
    indent: int
    offset: int
    value: bytes
    mask: bytes | None
    range_length: int

    def matches(self, data: bytes) -> bool:
        window = data[self.offset : self.offset + self.range_length + len(self.value) - 1]
        if self.mask is None:
            return self.value in window
        for start in range(len(window) - len(self.value) + 1):
            chunk = window[start : start + len(self.value)]
            if all(c & m == v & m for c, m, v in zip(chunk, self.mask, self.value, strict=True)):
                return True
        return False


def parse_magic(data: bytes) -> dict[str, tuple[int, list[MagicRule]]]:
    """shared-mime-info's generated ``mime/magic`` file: type → (priority, rules)."""
    header = b"MIME-Magic\0\n"
    assert data.startswith(header)
    sections: dict[str, tuple[int, list[MagicRule]]] = {}
    position = len(header)

    def number(start: int) -> tuple[int, int]:
        end = start
        while data[end : end + 1].isdigit():
            end += 1
        return int(data[start:end]), end

    while position < len(data):
        end = data.index(b"]\n", position)
        priority, mime = data[position + 1 : end].decode().split(":", 1)
        position = end + 2
        rules: list[MagicRule] = []
        while position < len(data) and data[position : position + 1] != b"[":
            greater = data.index(b">", position)
            indent = int(data[position:greater] or b"0")
            equals = data.index(b"=", greater)
            offset = int(data[greater + 1 : equals])
            length = int.from_bytes(data[equals + 1 : equals + 3], "big")
            value = data[equals + 3 : equals + 3 + length]
            position = equals + 3 + length
            mask, range_length = None, 1
            if data[position : position + 1] == b"&":
                mask = data[position + 1 : position + 1 + length]
                position += 1 + length
            if data[position : position + 1] == b"~":
                _word, position = number(position + 1)
            if data[position : position + 1] == b"+":
                range_length, position = number(position + 1)
            assert data[position : position + 1] == b"\n", data[position : position + 20]
            position += 1
            rules.append(MagicRule(indent, offset, value, mask, range_length))
        sections[mime] = (int(priority), rules)
    return sections


def parse_globs2(text: str) -> list[tuple[int, str, str]]:
    """(weight, type, pattern) of each line of ``mime/globs2``."""
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            weight, mime, pattern = line.split(":")[:3]
            rows.append((int(weight), mime, pattern))
    return rows


def sample_documents() -> list[Document]:
    from compareapp.resources import sample_paths

    return [load_document(path) for path in sample_paths()]


def test_update_mime_database_declares_the_type_by_glob_and_by_magic(tmp_path: Path) -> None:
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages / f"{APP_ID}.xml")
    result = run(
        tool("update-mime-database"),
        "-V",
        packages.parent,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "XDG_DATA_DIRS": "/none"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    mime_dir = packages.parent
    declared = session_type()

    globs = parse_globs2((mime_dir / "globs2").read_text(encoding="utf-8"))
    ours = [(weight, pattern) for weight, mime, pattern in globs if mime == declared.mime]
    assert ours == [(80, f"*.{declared.extension}")]
    assert (mime_dir / "application" / "x-compareapp-session.xml").is_file()
    assert f"{declared.mime} application/json" in (mime_dir / "subclasses").read_text()
    assert f"{declared.mime}:{APP_ID}" in (mime_dir / "icons").read_text()

    magic = parse_magic((mime_dir / "magic").read_bytes())
    assert declared.mime in magic
    priority, rules = magic[declared.mime]
    assert priority >= 50
    assert [rule.indent for rule in rules] == [0]

    # What the app writes is recognised, by name and by content; other JSON is not.
    session = Session(sources=tuple(SessionSource.of(d) for d in sample_documents()))
    saved = dump_session(session, tmp_path)
    assert saved.startswith(b'{\n "format": "compareapp.session"')
    assert any(fnmatch.fnmatch(f"story{SESSION_SUFFIX}", pattern) for _w, pattern in ours)
    assert any(rule.matches(saved) for rule in rules)
    assert not any(rule.matches(b'{\n "format": "something.else",\n "x": 1\n}\n') for rule in rules)
    assert not any(rule.matches(b" " * 300 + b'"compareapp.session"') for rule in rules)


# --- AppStream ----------------------------------------------------------------------------


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", "--pedantic", METAINFO)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not [line for line in output.splitlines() if line.startswith("E:")], output


def test_metainfo_matches_the_desktop_file_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") in {"CC0-1.0", "MIT"}
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == desktop_entry()["Name"]
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("url[@type='homepage']") is not None
    assert root.find("content_rating") is not None
    provided = {element.text for element in root.findall("provides/mediatype")}
    assert provided == set(desktop_list(desktop_entry()["MimeType"]))
    assert root.findtext("provides/binary") == desktop_entry()["TryExec"]
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__
    released = datetime.fromisoformat(releases[0].get("date", "")).replace(tzinfo=UTC)
    assert released <= datetime.now(UTC)


# --- install.sh ---------------------------------------------------------------------------


def expected_files() -> dict[str, Path]:
    """Installed path under the data folder → its source."""
    icons = ROOT / "compareapp" / "assets" / "icons" / "hicolor"
    files = {
        f"applications/{APP_ID}.desktop": DESKTOP,
        f"mime/packages/{APP_ID}.xml": MIME_XML,
        f"metainfo/{APP_ID}.metainfo.xml": METAINFO,
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": icons / f"scalable/apps/{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        name = f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        files[name] = icons / f"{size}x{size}/apps/{APP_ID}.png"
    return files


def isolated_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        **extra,
    }


@pytest.mark.parametrize("how", ["prefix-with-xdg-tools", "xdg-data-home-plain-copies"])
def test_install_sh_installs_every_file_and_uninstall_removes_them(
    tmp_path: Path, how: str
) -> None:
    if how == "prefix-with-xdg-tools":
        tool("xdg-mime")
        tool("xdg-icon-resource")
        tool("desktop-file-install")
        share = tmp_path / "prefix" / "share"
        env = isolated_env(tmp_path)
        options = ["--prefix", str(tmp_path / "prefix")]
    else:
        share = tmp_path / "data"
        env = isolated_env(tmp_path, XDG_DATA_HOME=str(share))
        options = ["--plain"]
    tool("update-mime-database")

    result = run("bash", INSTALL_SH, *options, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for installed, source in expected_files().items():
        if installed.endswith(".desktop"):  # desktop-file-install adds its version
            copy = desktop_entry(share / installed)
            copy.pop("X-Desktop-File-Install-Version", None)
            assert copy == desktop_entry(source)
        else:
            assert (share / installed).read_bytes() == source.read_bytes(), installed
    globs = parse_globs2((share / "mime" / "globs2").read_text(encoding="utf-8"))
    assert (80, session_type().mime, "*.compareapp") in globs
    cache = (share / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{session_type().mime}={APP_ID}.desktop;" in cache
    if how == "prefix-with-xdg-tools":  # nothing written outside the prefix
        assert not [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
        assert not (share / "applications" / "defaults.list").exists()

    result = run("bash", INSTALL_SH, *options, "--uninstall", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for installed in expected_files():
        assert not (share / installed).exists(), installed
    globs = parse_globs2((share / "mime" / "globs2").read_text(encoding="utf-8"))
    assert not [row for row in globs if row[1] == session_type().mime]
    assert APP_ID not in (share / "applications" / "mimeinfo.cache").read_text()


def test_install_sh_stages_under_destdir_without_touching_caches(tmp_path: Path) -> None:
    stage = tmp_path / "stage"
    env = isolated_env(tmp_path, DESTDIR=str(stage))
    result = run("bash", INSTALL_SH, "--prefix", "/usr/local", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    share = stage / "usr" / "local" / "share"
    installed = sorted(str(p.relative_to(share)) for p in share.rglob("*") if p.is_file())
    assert installed == sorted(expected_files())
    result = run("bash", INSTALL_SH, "--prefix", "/usr/local", "--uninstall", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [p for p in share.rglob("*") if p.is_file()]


def test_install_sh_links_a_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle" / "compareapp"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "compareapp").write_text("#!/bin/sh\necho bundled\n")
    (bundle / "compareapp").chmod(0o755)
    prefix = tmp_path / "prefix"
    env = isolated_env(tmp_path)
    result = run("bash", INSTALL_SH, "--plain", "--prefix", prefix, "--bundle", bundle, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert run(prefix / "bin" / "compareapp").stdout == "bundled\n"
    assert (prefix / "lib" / "compareapp" / "_internal").is_dir()
    result = run("bash", INSTALL_SH, "--plain", "--prefix", prefix, "--uninstall", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (prefix / "bin" / "compareapp").exists()
    assert not (prefix / "lib" / "compareapp").exists()


def test_install_sh_rejects_unknown_options(tmp_path: Path) -> None:
    result = run("bash", INSTALL_SH, "--bogus", env=isolated_env(tmp_path))
    assert result.returncode == 2
    assert "--bogus" in result.stderr


# --- icons --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_icon_size_is_a_png_of_that_size(size: int) -> None:
    path = Path(str(resources.icon_path(size)))
    assert path == LINUX.parent.parent / "compareapp" / "assets" / "icons" / "hicolor" / (
        f"{size}x{size}/apps/{APP_ID}.png"
    )
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_scalable_icon_is_the_source_svg() -> None:
    scalable = resources.icon_path(None)
    source = ROOT / "compareapp" / "assets" / "icons" / "compareapp.svg"
    assert scalable.read_bytes() == source.read_bytes()
    assert QSvgRenderer(source.read_bytes()).isValid()
    with pytest.raises(ValueError, match="17"):
        resources.icon_path(17)


def test_committed_icons_are_rendered_from_the_current_svg(qapp: object, tmp_path: Path) -> None:
    render_icons = load_script("render_icons")
    render_icons.render_all(tmp_path)
    for size in ICON_SIZES:
        fresh = QImage(str(tmp_path / render_icons.png_path(size)))
        committed = QImage(str(resources.icon_path(size)))
        assert fresh.size() == committed.size() == QSize(size, size)
        pairs = list(
            zip(
                bytes(fresh.convertToFormat(QImage.Format.Format_RGBA8888).constBits()),
                bytes(committed.convertToFormat(QImage.Format.Format_RGBA8888).constBits()),
                strict=True,
            )
        )
        # Antialiasing may differ at a few edge pixels from one Qt state to another (seen
        # in a full test run); an icon out of date with its SVG differs in many.
        differing = sum(1 for a, b in pairs if abs(a - b) > 8) / len(pairs)
        assert differing < 0.01, f"{size} px: run packaging/render_icons.py ({differing:.1%})"


def test_app_icon_holds_every_size(qapp: object) -> None:
    icon = resources.app_icon()
    assert not icon.isNull()
    assert {(s.width(), s.height()) for s in icon.availableSizes()} == {
        (size, size) for size in ICON_SIZES
    }
