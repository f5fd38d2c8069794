"""System libraries the Linux build takes from the distribution instead of bundling.

The frozen folder bundles Python, Qt, ICU and the libraries Python's own modules link to.
The libraries below come from the system: the .deb lists their packages in Depends, and
the .tar.gz needs the same packages. The X11, font, GL and D-Bus libraries then match the
display server, the fonts' configuration and the GPU driver. A bundled libstdc++ older
than the system's would also break Mesa's drivers, which link to the newer one.

Package names are Debian's and Ubuntu's (Debian 12, Ubuntu 22.04 and later). Ubuntu
24.04 renamed a few libraries with a ``t64`` suffix; those packages declare the old
names in Provides, so the unversioned Depends below still resolve.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# Debian package -> the shared libraries (sonames) it provides that the bundle links to.
SYSTEM_LIBRARIES: dict[str, tuple[str, ...]] = {
    "libc6": (
        "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
        "libutil.so.1", "libresolv.so.2", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
    ),
    "libstdc++6": ("libstdc++.so.6",),
    "libgcc-s1": ("libgcc_s.so.1",),
    "libglib2.0-0": ("libglib-2.0.so.0", "libgthread-2.0.so.0", "libgobject-2.0.so.0"),
    "libfontconfig1": ("libfontconfig.so.1",),
    "libfreetype6": ("libfreetype.so.6",),
    "libdbus-1-3": ("libdbus-1.so.3",),
    "libegl1": ("libEGL.so.1",),
    "libgl1": ("libGL.so.1",),
    "libopengl0": ("libOpenGL.so.0",),
    "libx11-6": ("libX11.so.6",),
    "libx11-xcb1": ("libX11-xcb.so.1",),
    "libxcb1": ("libxcb.so.1",),
    "libxcb-cursor0": ("libxcb-cursor.so.0",),
    "libxcb-glx0": ("libxcb-glx.so.0",),
    "libxcb-icccm4": ("libxcb-icccm.so.4",),
    "libxcb-image0": ("libxcb-image.so.0",),
    "libxcb-keysyms1": ("libxcb-keysyms.so.1",),
    "libxcb-randr0": ("libxcb-randr.so.0",),
    "libxcb-render0": ("libxcb-render.so.0",),
    "libxcb-render-util0": ("libxcb-render-util.so.0",),
    "libxcb-shape0": ("libxcb-shape.so.0",),
    "libxcb-shm0": ("libxcb-shm.so.0",),
    "libxcb-sync1": ("libxcb-sync.so.1",),
    "libxcb-util1": ("libxcb-util.so.1",),
    "libxcb-xfixes0": ("libxcb-xfixes.so.0",),
    "libxcb-xkb1": ("libxcb-xkb.so.1",),
    "libxkbcommon0": ("libxkbcommon.so.0",),
    "libxkbcommon-x11-0": ("libxkbcommon-x11.so.0",),
}

# Packages Qt's xcb plugin links to: the plugin fails to load without any one of them, and
# Qt then reports only "could not load the Qt platform plugin xcb".
XCB_PLUGIN_PACKAGES = tuple(
    package for package in SYSTEM_LIBRARIES if package.startswith(("libxcb", "libxkb", "libx11"))
)

SONAME_TO_PACKAGE = {
    soname: package for package, sonames in SYSTEM_LIBRARIES.items() for soname in sonames
}

# The first GCC release whose libstdc++ defines each GLIBCXX_3.4.N symbol version (the
# libstdc++ ABI history). The row for 30 was checked against Debian 12's libstdc++6 12.2.
_GCC_FOR_GLIBCXX = {28: "10", 29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14", 34: "15"}


def is_system_library(file_name: str) -> bool:
    """Return True for a library the bundle takes from the system, by its soname."""
    return Path(file_name).name in SONAME_TO_PACKAGE


def needed_libraries(path: Path) -> list[str]:
    """Return the sonames an ELF file links to directly (its DT_NEEDED entries)."""
    completed = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        return []  # not an ELF file
    return re.findall(r"^\s*NEEDED\s+(\S+)", completed.stdout, re.MULTILINE)


def symbol_versions(path: Path) -> set[str]:
    """Return the GLIBC_* and GLIBCXX_* symbol versions an ELF file requires."""
    completed = subprocess.run(
        ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
    )
    return set(re.findall(r"\b(GLIBCX{0,2}_[0-9.]+)\b", completed.stdout))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("_", 1)[1].split("."))


def elf_files(folder: Path) -> list[Path]:
    """Return the regular files under ``folder`` that start with the ELF magic number."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def depends_field(bundle: Path) -> str:
    """Return the .deb Depends value for a frozen folder, versioned from its symbols.

    It lists the package of every system library some bundled file links to. libc6 gets
    the highest GLIBC_ version any file requires, and libstdc++6 the GCC release that
    introduced the highest GLIBCXX_ version.
    """
    versions: set[str] = set()
    linked: set[str] = set()
    for path in elf_files(bundle):
        versions |= symbol_versions(path)
        linked.update(needed_libraries(path))
    packages = {SONAME_TO_PACKAGE[soname] for soname in linked if soname in SONAME_TO_PACKAGE}

    glibc = max((v for v in versions if v.startswith("GLIBC_")), key=_version_key, default=None)
    glibcxx = max(
        (v for v in versions if v.startswith("GLIBCXX_")), key=_version_key, default=None
    )

    entries = []
    for package in (name for name in SYSTEM_LIBRARIES if name in packages):
        if package == "libc6" and glibc:
            entries.append(f"libc6 (>= {glibc.split('_', 1)[1]})")
        elif package == "libstdc++6" and glibcxx:
            gcc = _GCC_FOR_GLIBCXX.get(_version_key(glibcxx)[-1])
            entries.append(f"libstdc++6 (>= {gcc})" if gcc else package)
        else:
            entries.append(package)
    return ", ".join(entries)


def unresolved_libraries(bundle: Path) -> dict[str, list[str]]:
    """Return each linked soname that is neither bundled nor in SYSTEM_LIBRARIES.

    The result maps the soname to the bundled files that link to it. An empty result
    means that the Depends cover every library the bundle needs from the system.
    """
    files = elf_files(bundle)
    bundled = {path.name for path in bundle.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in files:
        for soname in needed_libraries(path):
            if soname in bundled or soname in SONAME_TO_PACKAGE:
                continue
            missing.setdefault(soname, []).append(str(path.relative_to(bundle)))
    return missing
