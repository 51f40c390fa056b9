"""Desktop integration files and the bundle: what makes a double-click work.

These files are never exercised by the unit tests of the app itself, and a
typo in any of them fails silently on a user's machine (the icon is missing,
the project opens in a database browser). So they are checked here with the
platform's own validators where the machine has them, and by hand otherwise.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import sqlite3
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import RESOURCES, ROOT

PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.rejoinder.Rejoinder"
MIME_TYPE = "application/x-rejoinder"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
ICONS = RESOURCES / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"
BUNDLE_EXE = ROOT / "dist" / "rejoinder" / "rejoinder"


def _needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


# --- .desktop and AppStream -------------------------------------------------


def test_desktop_file_validates() -> None:
    validator = _needs("desktop-file-validate")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout, result.stdout


def test_metainfo_validates() -> None:
    validator = _needs("appstreamcli")
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _desktop_entries() -> dict[str, str]:
    entries = {}
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entries[key] = value
    return entries


def test_desktop_file_and_metainfo_agree() -> None:
    """The ids cross-reference each other; a mismatch hides the app in software centres."""
    desktop = _desktop_entries()
    assert MIME_TYPE in desktop["MimeType"].split(";")
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "rejoinder"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/mediatype") == MIME_TYPE
    releases = [r.get("version") for r in root.iter("release")]
    assert _project_version() in releases, "add a <release> for the version in pyproject.toml"


def _project_version() -> str:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


# --- MIME type ---------------------------------------------------------------


def _unescape(value: str) -> bytes:
    """shared-mime-info string values use C escapes (``\\000``, ``\\n``)."""
    return value.encode("latin-1").decode("unicode_escape").encode("latin-1")


def _match(element: ET.Element, data: bytes) -> bool:
    """One <match> and its children, as shared-mime-info evaluates them:
    this rule, and then any one of the nested rules if there are some."""
    offset = int(element.get("offset", "0").split(":")[0])
    kind, value = element.get("type"), element.get("value", "")
    if kind == "string":
        expected = _unescape(value)
    elif kind == "big32":
        expected = struct.pack(">I", int(value, 0))
    else:
        raise AssertionError(f"the test does not understand match type {kind}")
    if data[offset : offset + len(expected)] != expected:
        return False
    children = element.findall(f"{SMI}match")
    return not children or any(_match(child, data) for child in children)


def _mime_type_element() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    (element,) = root.findall(f"{SMI}mime-type")
    assert element.get("type") == MIME_TYPE
    return element


def _magic_matches(data: bytes) -> bool:
    magic = _mime_type_element().find(f"{SMI}magic")
    assert magic is not None
    return any(_match(rule, data) for rule in magic.findall(f"{SMI}match"))


def _real_project(path: Path) -> Path:
    """A project made by the app's own store, so the test follows its header."""
    from app.core.store import ProjectStore

    store = ProjectStore.create(path, title="Packaging test", organisation="Test delegation")
    store.close()
    return path


def test_mime_xml_declares_glob_and_sqlite_parent() -> None:
    element = _mime_type_element()
    globs = [g.get("pattern") for g in element.findall(f"{SMI}glob")]
    assert globs == ["*.rejoinder"]
    parents = [p.get("type") for p in element.findall(f"{SMI}sub-class-of")]
    assert parents == ["application/vnd.sqlite3"]


def test_magic_matches_a_real_project_and_not_other_sqlite(tmp_path: Path) -> None:
    project = _real_project(tmp_path / "p.rejoinder")
    assert _magic_matches(project.read_bytes()[:100])

    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert not _magic_matches(plain.read_bytes()[:100])
    assert not _magic_matches(b"PK\x03\x04" + bytes(96))


def test_magic_value_is_the_stores_application_id() -> None:
    from app.core.models import APPLICATION_ID

    magic = _mime_type_element().find(f"{SMI}magic/{SMI}match/{SMI}match")
    assert magic is not None
    assert int(magic.get("value", ""), 0) == APPLICATION_ID
    assert magic.get("offset") == "68"  # where SQLite stores PRAGMA application_id


def test_desktop_recognises_a_renamed_project(tmp_path: Path) -> None:
    """The real shared-mime-info database, compiled from our XML, names a
    project copied to ``.db`` by its content, the way a file manager would."""
    update = _needs("update-mime-database")
    gio = _needs("gio")
    data_home = tmp_path / "share"
    (data_home / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME_XML, data_home / "mime" / "packages" / f"{APP_ID}.xml")
    subprocess.run([update, str(data_home / "mime")], check=True, capture_output=True)
    renamed = _real_project(tmp_path / "p.rejoinder").rename(tmp_path / "copy.db")
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": "/usr/share"}
    result = subprocess.run(
        [gio, "info", "-a", "standard::content-type", str(renamed)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert f"standard::content-type: {MIME_TYPE}" in result.stdout


# --- icons -------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", ["rejoinder", "rejoinder-document"])
def test_icon_pngs_exist_at_every_size(name: str) -> None:
    assert (ICONS / f"{name}.svg").is_file()
    for size in PNG_SIZES:
        assert _png_size(ICONS / "png" / f"{name}-{size}.png") == (size, size)


@pytest.mark.parametrize("name", ["rejoinder", "rejoinder-document"])
def test_ico_holds_every_windows_size(name: str) -> None:
    data = (ICONS / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height = data[6 + 16 * index], data[7 + 16 * index]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an ICO directory
    assert {(s, s) for s in (16, 24, 32, 48, 256)} <= sizes


@pytest.mark.parametrize("name", ["rejoinder", "rejoinder-document"])
def test_icns_is_an_icns(name: str) -> None:
    data = (ICONS / f"{name}.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)


# --- installers ----------------------------------------------------------------


def test_install_and_uninstall_in_a_scratch_home(tmp_path: Path) -> None:
    """install.sh on a stand-in bundle: everything lands where desktops look,
    and uninstall.sh takes all of it away again."""
    sh = _needs("sh")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "rejoinder").write_text("#!/bin/sh\necho stand-in\n")
    (bundle / "rejoinder").chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    subprocess.run(
        [sh, str(LINUX / "install.sh"), str(bundle)], env=env, check=True, capture_output=True
    )
    local = home / ".local"
    command = local / "bin" / "rejoinder"
    assert command.is_symlink()
    assert command.resolve() == (local / "lib" / "rejoinder" / "rejoinder").resolve()
    desktop = local / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{command}" %f' in desktop.read_text(encoding="utf-8")
    hicolor = local / "share" / "icons" / "hicolor"
    for size in PNG_SIZES:
        assert _png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
        assert (hicolor / f"{size}x{size}" / "mimetypes" / "application-x-rejoinder.png").is_file()
    assert (local / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    subprocess.run([sh, str(LINUX / "uninstall.sh")], env=env, check=True, capture_output=True)
    assert not command.exists() and not command.is_symlink()
    assert not desktop.exists()
    assert not (local / "lib" / "rejoinder").exists()
    assert not list(hicolor.rglob("*.png"))


def test_install_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    sh = _needs("sh")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sh, str(LINUX / "install.sh"), str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "does not hold the rejoinder program" in result.stderr


def test_macos_plist_declares_the_document_type() -> None:
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    (exported,) = plist["UTExportedTypeDeclarations"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["rejoinder"]
    assert exported["UTTypeTagSpecification"]["public.mime-type"] == [MIME_TYPE]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"


def test_inno_setup_script_associates_rejoinder_files_per_user() -> None:
    script = (PACKAGING / "windows" / "rejoinder.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "ChangesAssociations=yes" in script
    assert 'Subkey: "Software\\Classes\\.rejoinder"' in script
    assert '""%1""' in script  # the file is passed to the app, quoted


def test_spec_is_valid_python() -> None:
    """The spec only runs under PyInstaller; at least it must parse."""
    source = (PACKAGING / "rejoinder.spec").read_text(encoding="utf-8")
    compile(source, "rejoinder.spec", "exec")


# --- the bundle ----------------------------------------------------------------


def _require_bundle() -> None:
    """CI builds the bundle first and sets REJOINDER_REQUIRE_BUNDLE: a missing one fails there."""
    if not BUNDLE_EXE.exists():
        if os.environ.get("REJOINDER_REQUIRE_BUNDLE"):
            pytest.fail(f"{BUNDLE_EXE} was not built")
        pytest.skip("no bundle: run `make bundle` first")


@pytest.mark.slow
def test_bundle_passes_its_self_test() -> None:
    _require_bundle()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(BUNDLE_EXE), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


@pytest.mark.slow
def test_bundle_reports_its_version(tmp_path: Path) -> None:
    _require_bundle()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(BUNDLE_EXE), "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert _project_version() in result.stdout
