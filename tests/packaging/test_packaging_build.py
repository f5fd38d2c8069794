"""Helpers of packaging/build.py, icons.py and linux_deps.py that need no PyInstaller run."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.packaging.support import PACKAGING, load_packaging_module

build = load_packaging_module("build")
icons = load_packaging_module("icons")
linux_deps = load_packaging_module("linux_deps")

ROOT = PACKAGING.parent
needs_objdump = pytest.mark.skipif(
    shutil.which("objdump") is None, reason="objdump (binutils) not installed"
)
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ELF files are Linux's"
)


def test_version_from_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    assert build.read_version() == expected


def test_formats_default_per_platform() -> None:
    assert build.chosen_formats(None, "linux") == ("deb", "tar")
    assert build.chosen_formats("tar", "linux") == ("tar",)
    assert build.chosen_formats(None, "win32") == ("inno",)


def test_formats_reject_other_platform() -> None:
    with pytest.raises(SystemExit, match="dmg cannot be built"):
        build.chosen_formats("deb,dmg", "linux")


def test_metadata_carries_version(tmp_path: Path) -> None:
    folder = build.write_metadata(tmp_path / "metadata", "1.2.3")
    metadata = (folder / "agent_models-1.2.3.dist-info" / "METADATA").read_text(encoding="utf-8")
    assert "Name: agent-models\n" in metadata
    assert "Version: 1.2.3\n" in metadata


def test_windows_version_file_is_python(tmp_path: Path) -> None:
    path = build.write_windows_version_file(tmp_path / "version.txt", "0.12.3")
    text = path.read_text(encoding="utf-8")
    ast.parse(text, mode="eval")  # PyInstaller evaluates the file as one Python expression
    assert "filevers=(0, 12, 3, 0)" in text
    assert "StringStruct('ProductVersion', '0.12.3')" in text


def test_ico_directory() -> None:
    pngs = {16: b"\x89PNG-16", 256: b"\x89PNG-256"}
    data = icons.ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)

    width, height, _, _, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6)
    assert (width, height, planes, bits) == (16, 16, 1, 32)
    assert data[offset : offset + size] == pngs[16]

    width, _, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 22)
    assert width == 0  # 0 means 256 pixels
    assert data[offset : offset + size] == pngs[256]


def test_icns_elements() -> None:
    pngs = {size: f"png-{size}".encode() for size in (16, 32, 64, 128, 256, 512, 1024)}
    data = icons.icns_bytes(pngs)
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)

    found = {}
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4].decode()
        length = struct.unpack_from(">I", data, offset + 4)[0]
        found[kind] = data[offset + 8 : offset + length]
        offset += length
    assert found["ic10"] == pngs[1024]
    assert found["icp4"] == pngs[16]
    assert set(found) == {kind for kind, _size in icons.ICNS_TYPES}


def test_icons_render(tmp_path: Path) -> None:
    # A separate process: rendering creates a QGuiApplication, and the window tests need
    # this process's first application object to be a QApplication.
    subprocess.run(
        [sys.executable, str(PACKAGING / "icons.py"), str(tmp_path)], check=True, timeout=60
    )

    png = (tmp_path / "agent-models-256.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    assert (tmp_path / "agent-models.ico").stat().st_size > 1000
    assert (tmp_path / "agent-models.icns").read_bytes()[:4] == b"icns"


def test_system_library_names() -> None:
    assert linux_deps.is_system_library("libxcb-icccm.so.4")
    assert linux_deps.is_system_library("PySide6/Qt/lib/../../libX11.so.6")
    assert not linux_deps.is_system_library("libQt6Core.so.6")
    assert not linux_deps.is_system_library("libpython3.11.so.1.0")
    assert "libxcb-cursor0" in linux_deps.XCB_PLUGIN_PACKAGES


@needs_objdump
@linux_only
def test_unbundled_library_is_reported(tmp_path: Path) -> None:
    """A Python extension that links to libssl, without libssl bundled, is reported."""
    dynload = Path(sysconfig.get_config_var("DESTSHARED") or "")  # the base Python's lib-dynload
    extension = next(dynload.glob("_ssl.*.so"), None) if dynload.is_dir() else None
    if extension is None:
        pytest.skip("this Python has no _ssl extension in lib-dynload")
    needed = linux_deps.needed_libraries(extension)
    if not any(name.startswith("libssl") for name in needed):
        pytest.skip("this Python's _ssl links OpenSSL statically")
    shutil.copy2(extension, tmp_path / extension.name)

    missing = linux_deps.unresolved_libraries(tmp_path)

    libssl = next(name for name in needed if name.startswith("libssl"))
    assert missing[libssl] == [extension.name]
    assert "libc.so.6" not in missing


@needs_objdump
@linux_only
def test_depends_versioned_from_symbols(tmp_path: Path) -> None:
    library = Path(sysconfig.get_config_var("LIBDIR") or "/usr/lib") / "libpython3.11.so.1.0"
    source = library if library.is_file() else Path(sys.executable).resolve()
    shutil.copy2(source, tmp_path / source.name)

    depends = linux_deps.depends_field(tmp_path)

    assert depends.startswith("libc6 (>= 2.")
    assert "libxcb" not in depends  # nothing in the folder links to X11
