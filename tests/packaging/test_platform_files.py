"""The macOS Info.plist and the Windows Inno Setup script declare the same app id,
session type and article types as the Linux files (read from those files, not copied)."""

from __future__ import annotations

import plistlib
import struct
from pathlib import PureWindowsPath
from typing import Any

import pytest
from PySide6.QtGui import QImage

from compareapp import __version__
from tests.helpers.packaging_files import (
    APP_ID,
    DESKTOP,
    INFO_PLIST,
    ISS,
    ROOT,
    article_types,
    desktop_entry,
    inno_entries,
    inno_script,
    inno_setup,
    load_script,
    session_type,
    system_globs,
)

# The system's uniform type identifiers of the article MIME types (Apple's, plus the
# common Markdown one).
UTI_OF_MIME = {
    "text/plain": "public.plain-text",
    "text/markdown": "net.daringfireball.markdown",
    "text/html": "public.html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "org.openxmlformats.wordprocessingml.document"
    ),
    "application/pdf": "com.adobe.pdf",
    "application/json": "public.json",
}


def app_id() -> str:
    """The id as the Linux files give it: the desktop file's name and its icon."""
    entry = desktop_entry()
    assert DESKTOP.stem == entry["Icon"]
    return DESKTOP.stem


def session_uti() -> str:
    """The session's type identifier: the app id's reverse-DNS domain + ``.session``."""
    return ".".join(app_id().split(".")[:2]) + ".session"


def command_name() -> str:
    return desktop_entry()["Exec"].split()[0]


@pytest.fixture(scope="module")
def plist() -> dict[str, Any]:
    with INFO_PLIST.open("rb") as file:
        data: dict[str, Any] = plistlib.load(file)
    return data


# --- macOS --------------------------------------------------------------------------------


def test_info_plist_names_the_app(plist: dict[str, Any]) -> None:
    assert plist["CFBundleIdentifier"] == app_id() == APP_ID
    assert plist["CFBundleExecutable"] == command_name()
    assert plist["CFBundleName"] == desktop_entry()["Name"]
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["CFBundlePackageType"] == "APPL"
    assert (INFO_PLIST.parent / plist["CFBundleIconFile"]).is_file()


def test_info_plist_exports_the_session_type(plist: dict[str, Any]) -> None:
    declared = session_type()
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == session_uti() == "org.compareapp.session"
    assert UTI_OF_MIME[declared.parent] in exported["UTTypeConformsTo"]
    assert "public.data" in exported["UTTypeConformsTo"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [declared.extension]
    assert tags["public.mime-type"] == [declared.mime]

    owners = [
        kind
        for kind in plist["CFBundleDocumentTypes"]
        if session_uti() in kind.get("LSItemContentTypes", [])
    ]
    assert len(owners) == 1
    assert owners[0]["CFBundleTypeRole"] == "Editor"
    assert owners[0]["LSHandlerRank"] == "Owner"


def test_info_plist_opens_the_desktop_files_article_types(plist: dict[str, Any]) -> None:
    others = [
        kind
        for kind in plist["CFBundleDocumentTypes"]
        if session_uti() not in kind.get("LSItemContentTypes", [])
    ]
    utis = {uti for kind in others for uti in kind["LSItemContentTypes"]}
    assert utis == {UTI_OF_MIME[mime] for mime in article_types()}
    for kind in others:  # offered, never taking over the user's default viewer
        assert kind["CFBundleTypeRole"] == "Viewer"
        assert kind["LSHandlerRank"] == "Alternate"
    imported = {t["UTTypeIdentifier"]: t for t in plist.get("UTImportedTypeDeclarations", [])}
    markdown = imported["net.daringfireball.markdown"]["UTTypeTagSpecification"]
    assert markdown["public.mime-type"] == ["text/markdown"]
    globs = system_globs()
    assert {globs[f".{ext}"] for ext in markdown["public.filename-extension"]} == {"text/markdown"}


def test_icns_holds_png_icons_up_to_512() -> None:
    data = (ROOT / "packaging" / "macos" / "compareapp.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    sizes, position = {}, 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        image = QImage.fromData(data[position + 8 : position + length], "PNG")
        sizes[kind] = (image.width(), image.height())
        position += length
    assert sizes == {
        b"icp4": (16, 16),
        b"icp5": (32, 32),
        b"icp6": (64, 64),
        b"ic07": (128, 128),
        b"ic08": (256, 256),
        b"ic09": (512, 512),
    }


# --- Windows ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return inno_script()


def registry(iss: dict[str, list[str]]) -> list[dict[str, str]]:
    entries = inno_entries(iss["Registry"])
    assert all(entry["Root"] == "HKA" for entry in entries)
    assert all(entry["Subkey"].startswith("Software\\Classes\\") for entry in entries)
    return entries


def value(entries: list[dict[str, str]], subkey: str, name: str = "") -> str:
    (found,) = [
        e["ValueData"]
        for e in entries
        if e["Subkey"] == f"Software\\Classes\\{subkey}" and e["ValueName"] == name
    ]
    return found


def test_iss_setup_names_the_app(iss: dict[str, list[str]]) -> None:
    setup = inno_setup(iss)
    assert setup["AppId"] == app_id()
    assert setup["AppName"] == desktop_entry()["Name"]
    assert setup["AppVersion"] == __version__
    assert setup["ChangesAssociations"] == "yes"
    assert setup["PrivilegesRequired"] == "lowest"
    assert (ISS.parent / setup["SetupIconFile"]).is_file()
    icons = inno_entries(iss["Icons"])
    assert {entry["AppUserModelID"] for entry in icons} == {app_id()}
    assert {PureWindowsPath(entry["Filename"]).name for entry in icons} == {f"{command_name()}.exe"}


def test_iss_installs_the_bundle_build_bundle_makes(iss: dict[str, list[str]]) -> None:
    build_bundle = load_script("build_bundle")
    (files,) = inno_entries(iss["Files"])
    source = PureWindowsPath(files["Source"])
    assert source.name == "*"
    bundle = (ISS.parent / source.parent.as_posix()).resolve()
    assert bundle == (ROOT / "build" / "bundle" / build_bundle.NAME).resolve()
    assert "recursesubdirs" in files["Flags"]


def test_iss_registers_the_session_type(iss: dict[str, list[str]]) -> None:
    declared = session_type()
    entries = registry(iss)
    extension = f".{declared.extension}"
    prog_id = value(entries, extension)
    assert prog_id == f"{app_id()}.session" == "org.compareapp.CompareApp.session"
    assert value(entries, extension, "Content Type") == declared.mime
    assert value(entries, f"{extension}\\OpenWithProgids", prog_id) == ""
    command = value(entries, f"{prog_id}\\shell\\open\\command")
    assert command == f'"{{app}}\\{command_name()}.exe" "%1"'
    assert value(entries, f"{prog_id}\\DefaultIcon").startswith("{app}\\")
    assert value(entries, prog_id, "AppUserModelID") == app_id()


def test_iss_offers_open_with_for_the_desktop_files_article_types(
    iss: dict[str, list[str]],
) -> None:
    entries = registry(iss)
    session_extension = f".{session_type().extension}"
    document_id = f"{app_id()}.document"
    open_with = {
        e["Subkey"].split("\\")[2]
        for e in entries
        if e["Subkey"].endswith("\\OpenWithProgids") and e["ValueName"] == document_id
    }
    globs = system_globs()
    assert {globs[extension] for extension in open_with} == article_types()
    # Only offered: no article extension's default value is ours.
    for extension in open_with:
        assert not [e for e in entries if e["Subkey"] == f"Software\\Classes\\{extension}"]
    supported = {
        e["ValueName"]
        for e in entries
        if e["Subkey"] == f"Software\\Classes\\Applications\\{command_name()}.exe\\SupportedTypes"
    }
    assert supported == open_with | {session_extension}
    assert value(entries, f"{document_id}\\shell\\open\\command").endswith('"%1"')


def test_ico_holds_png_icons_up_to_256() -> None:
    data = (ROOT / "packaging" / "windows" / "compareapp.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image = QImage.fromData(data[offset : offset + length], "PNG")
        assert (image.width(), image.height()) == (width or 256, height or 256)
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
