"""Readers for the packaging files, shared by the packaging tests: the ids and types each
file declares, read from the file itself, so that the tests compare the files with each
other rather than with copies of their contents."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.compareapp.CompareApp"
DESKTOP = LINUX / f"{APP_ID}.desktop"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALL_SH = LINUX / "install.sh"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
ISS = PACKAGING / "windows" / "compareapp.iss"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def tool(name: str) -> str:
    """The path of a system command the tests need; a missing one fails the test."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is not installed: run scripts/test.sh, which installs it with apt-get "
            "(desktop-file-utils, appstream, shared-mime-info, xdg-utils)"
        )
    return path


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def load_script(name: str) -> ModuleType:
    """A script of ``packaging/`` as a module (``packaging`` is no package: the name is
    taken by the PyPI library)."""
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path = DESKTOP) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def desktop_list(value: str) -> list[str]:
    """A ``;``-separated desktop-entry list."""
    return [item for item in value.split(";") if item]


@dataclass(frozen=True)
class SessionType:
    mime: str
    extension: str  # without the dot
    parent: str
    magic: str


def session_type() -> SessionType:
    """The one type the MIME package declares."""
    types = ET.parse(MIME_XML).getroot().findall("m:mime-type", MIME_NS)
    assert len(types) == 1
    element = types[0]
    (glob,) = element.findall("m:glob", MIME_NS)
    pattern = glob.get("pattern", "")
    assert pattern.startswith("*."), pattern
    (parent,) = element.findall("m:sub-class-of", MIME_NS)
    (match,) = element.findall("m:magic/m:match", MIME_NS)
    return SessionType(
        mime=element.get("type", ""),
        extension=pattern[2:],
        parent=parent.get("type", ""),
        magic=match.get("value", ""),
    )


def article_types() -> set[str]:
    """The MIME types of the desktop file other than the session's."""
    return set(desktop_list(desktop_entry()["MimeType"])) - {session_type().mime}


def system_globs() -> dict[str, str]:
    """Extension (with the dot) → MIME type, from the system's shared-mime-info."""
    for folder in (Path("/usr/share/mime"), Path("/usr/local/share/mime")):
        path = folder / "globs2"
        if path.is_file():
            break
    else:
        pytest.fail("no shared-mime-info database: run scripts/test.sh (shared-mime-info)")
    globs: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        weight, mime, pattern = line.split(":", 2)[:3]
        pattern = pattern.split(":")[0]
        if re.fullmatch(r"\*\.[a-z0-9]+", pattern):
            extension = pattern[1:]
            if extension not in globs or int(weight) > globs[extension][0]:
                globs[extension] = (int(weight), mime)
    return {extension: mime for extension, (_weight, mime) in globs.items()}


def inno_script(path: Path = ISS) -> dict[str, list[str]]:
    """The script's lines by section (``""`` before the first), ``#define`` macros
    expanded and comments dropped."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if match := re.fullmatch(r'#define\s+(\w+)\s+"(.*)"', line):
            defines[match[1]] = re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]], match[2])
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]], line)
        if match := re.fullmatch(r"\[(\w+)\]", line):
            current = match[1]
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return sections


def inno_setup(sections: dict[str, list[str]]) -> dict[str, str]:
    """The ``[Setup]`` directives."""
    return dict(line.split("=", 1) for line in sections["Setup"])


def inno_entries(lines: list[str]) -> list[dict[str, str]]:
    """Entries of a section such as ``[Registry]``: ``Name: "value"; Name: value; ...``,
    with ``""`` inside quotes standing for one quote."""
    entries = []
    for line in lines:
        entry: dict[str, str] = {}
        for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
            value = match[2].strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            entry[match[1]] = value
        entries.append(entry)
    return entries
