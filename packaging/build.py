"""Build the installers of the platform this runs on.

    python packaging/build.py [--output DIR] [--formats deb,tar] [--skip-freeze]

Every platform first freezes the program with PyInstaller (packaging/agent-models.spec)
into a one-folder build, then packs that folder:

- Linux: a .deb (program in /opt/agent-models, /usr/bin/agent-models, desktop entry,
  icons) and a .tar.gz of the folder.
- macOS: "Agent Models.app" and a .dmg.
- Windows: an Inno Setup installer (per user, no administrator rights).

Installers land in dist/ at the top of the tree; work files go to build/packaging/.
Signing is used when its environment variables are set and skipped otherwise:
MACOS_SIGN_IDENTITY, MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD,
WINDOWS_SIGN_CERT, WINDOWS_SIGN_PASSWORD, WINDOWS_SIGN_TIMESTAMP_URL (docs/packaging.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

import linux_deps  # noqa: E402 - found through the line above

APP_ID = "agent-models"
APP_NAME = "Agent Models"
DESCRIPTION = "Bring your own AI provider keys: validate them and keep them in the keychain"
DEFAULT_MAINTAINER = "Agent Models maintainers <maintainers@agent-models.invalid>"
# The Linux installer should stay below this; build.py warns and the packaging test fails.
MAX_LINUX_INSTALLER_BYTES = 80 * 1024 * 1024
MIB = 1024 * 1024

DEFAULT_FORMATS = {"linux": ("deb", "tar"), "darwin": ("dmg",), "win32": ("inno",)}


@dataclass(frozen=True)
class Paths:
    """Input and output folders of one build."""

    output: Path  # installers
    work: Path  # PyInstaller's work folder, icons, metadata, staging trees

    @property
    def frozen_parent(self) -> Path:
        return self.work / "pyinstaller-dist"

    @property
    def folder(self) -> Path:
        """The one-folder build: the executable and _internal/."""
        return self.frozen_parent / APP_ID

    @property
    def app_bundle(self) -> Path:
        return self.frozen_parent / f"{APP_NAME}.app"

    @property
    def icons(self) -> Path:
        return self.work / "icons"


def platform_key() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform


def read_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    with pyproject.open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    """Run a command, echoing it; a non-zero exit raises CalledProcessError."""
    log("$ " + " ".join(command))
    return subprocess.run(command, check=True, text=True, **options)  # type: ignore[call-overload]


def folder_size(path: Path) -> int:
    """Return the bytes of the regular files under ``path``, symbolic links not followed."""
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
    return total


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MiB"


# Freezing


def write_metadata(folder: Path, version: str) -> Path:
    """Write a minimal agent-models .dist-info so importlib.metadata finds the version."""
    dist_info = folder / f"agent_models-{version}.dist-info"
    shutil.rmtree(folder, ignore_errors=True)
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {APP_ID}\nVersion: {version}\nSummary: {DESCRIPTION}\n",
        encoding="utf-8",
    )
    (dist_info / "INSTALLER").write_text("agent-models packaging/build.py\n", encoding="utf-8")
    return folder


def write_windows_version_file(path: Path, version: str) -> Path:
    """Write the VERSIONINFO resource PyInstaller embeds in the Windows executables."""
    numbers = [int(part) for part in version.split(".")[:3] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    version_tuple = tuple(numbers[:4])
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": APP_ID,
        "OriginalFilename": f"{APP_ID}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={version_tuple}, prodvers={version_tuple},
                    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{string_structs}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return path


def render_icons(paths: Paths) -> None:
    # A separate process, because rendering starts a QGuiApplication.
    run([sys.executable, str(PACKAGING / "icons.py"), str(paths.icons)])


def freeze(paths: Paths, version: str) -> None:
    """Run PyInstaller on the spec file; the result is ``paths.folder`` (and the .app on macOS)."""
    paths.work.mkdir(parents=True, exist_ok=True)
    render_icons(paths)
    metadata = write_metadata(paths.work / "metadata", version)

    spec_options = [
        "--version", version,
        "--metadata-dir", str(metadata),
        "--icon-ico", str(paths.icons / f"{APP_ID}.ico"),
        "--icon-icns", str(paths.icons / f"{APP_ID}.icns"),
    ]
    if sys.platform == "win32":
        version_file = write_windows_version_file(paths.work / "version_info.txt", version)
        spec_options += ["--windows-version-file", str(version_file)]
    identity = os.environ.get("MACOS_SIGN_IDENTITY", "").strip()
    if sys.platform == "darwin" and identity:
        spec_options += ["--codesign-identity", identity]

    started = time.monotonic()
    run([
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(paths.frozen_parent),
        "--workpath", str(paths.work / "pyinstaller-work"),
        str(PACKAGING / "agent-models.spec"),
        "--", *spec_options,
    ])
    log(f"PyInstaller finished in {time.monotonic() - started:.0f} s")


# Linux


def normalize_permissions(tree: Path) -> None:
    """Make folders 0755 and files 0644, or 0755 where any execute bit was set."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def check_linux_libraries(folder: Path) -> None:
    """Fail when a bundled file links to a library that is neither bundled nor in Depends."""
    missing = linux_deps.unresolved_libraries(folder)
    if missing:
        lines = [
            f"  {soname} (needed by {', '.join(users[:3])})" for soname, users in missing.items()
        ]
        raise SystemExit(
            "These libraries are neither bundled nor provided by a package in Depends:\n"
            + "\n".join(lines)
            + "\nAdd their Debian packages to SYSTEM_LIBRARIES in packaging/linux_deps.py."
        )


def deb_architecture() -> str:
    completed = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=False
    )
    if completed.returncode == 0 and completed.stdout.strip():
        return completed.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def install_icons(icons: Path, share: Path) -> None:
    """Copy the icons into an XDG icon theme tree: hicolor/<size>/apps/agent-models.png."""
    for png in sorted(icons.glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        if int(size) > 512:
            continue  # hicolor stops at 512 pixels
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / f"{APP_ID}.svg", scalable)


def copyright_text() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP_ID}\n\n"
        "Files: *\n"
        "License: MIT\n\n"
        "Files: opt/agent-models/_internal/*\n"
        "Comment: Python, Qt (LGPL-3.0), PySide6 (LGPL-3.0) and the Python packages the\n"
        " program uses, each under its own license; their license files are in the\n"
        " folders of each package under /opt/agent-models/_internal.\n"
    )


def build_deb(paths: Paths, version: str, compression: str, maintainer: str) -> Path:
    """Pack the folder into a .deb with dpkg-deb; return its path."""
    stage = paths.work / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    install_dir = stage / "opt" / APP_ID
    shutil.copytree(paths.folder, install_dir, symlinks=True)

    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # The PyInstaller bootloader finds _internal/ through /proc/self/exe, which resolves
    # this link, so a symbolic link works where a copy of the executable would not.
    (bin_dir / APP_ID).symlink_to(f"/opt/{APP_ID}/{APP_ID}")

    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    install_icons(paths.icons, share)
    doc = share / "doc" / APP_ID
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")

    normalize_permissions(stage)
    installed_kib = (folder_size(stage) + 1023) // 1024

    control_dir = stage / "DEBIAN"
    control_dir.mkdir()
    control = {
        "Package": APP_ID,
        "Version": version,
        "Architecture": deb_architecture(),
        "Maintainer": maintainer,
        "Installed-Size": str(installed_kib),
        "Depends": linux_deps.depends_field(paths.folder),
        "Section": "utils",
        "Priority": "optional",
        "Description": (
            f"{DESCRIPTION}\n"
            " Agent Models is the Agents > Models screen of an AI agent app: pick an LLM\n"
            " provider, enter your own API key and model, and the program checks with one\n"
            " small request that they work before it stores the key in the keychain\n"
            " (Secret Service) and records the default model for the agent runtime."
        ),
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items()), encoding="utf-8"
    )
    normalize_permissions(control_dir)

    deb = paths.output / f"{APP_ID}_{version}_{control['Architecture']}.deb"
    started = time.monotonic()
    run(["dpkg-deb", "--root-owner-group", "-Z", compression, "--build", str(stage), str(deb)])
    log(f"dpkg-deb ({compression}) took {time.monotonic() - started:.0f} s")
    return deb


def tarball_readme(version: str) -> str:
    packages = " ".join(linux_deps.XCB_PLUGIN_PACKAGES)
    return f"""Agent Models {version} for Linux

Run it from this folder:

    ./agent-models                  # the window
    ./agent-models --self-test      # check Qt, the keychain and validation without a window

It needs the X11 libraries Qt's xcb plugin loads; on Debian and Ubuntu:

    sudo apt-get install {packages} libegl1 libgl1 libfontconfig1 libdbus-1-3

Keys go to the desktop's Secret Service keychain (GNOME Keyring, KeePassXC or KWallet).

To add it to the applications menu, copy share/ into ~/.local/share and replace
Exec=agent-models in ~/.local/share/applications/agent-models.desktop with the full path
of ./agent-models. The .deb package does all of this for you.
"""


def build_tarball(paths: Paths, version: str) -> Path:
    """Pack the folder, the desktop entry and the icons into a .tar.gz; return its path."""
    top = f"{APP_ID}-{version}"
    stage = paths.work / "tar-root" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(paths.folder, stage, symlinks=True)
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    install_icons(paths.icons, share)
    (stage / "README.txt").write_text(tarball_readme(version), encoding="utf-8")
    normalize_permissions(stage)

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    machine = platform.machine() or "unknown"
    tarball = paths.output / f"{APP_ID}-{version}-linux-{machine}.tar.gz"
    started = time.monotonic()
    with tarfile.open(tarball, "w:gz", compresslevel=9) as archive:
        archive.add(stage, arcname=top, filter=owned_by_root)
    log(f"tar.gz took {time.monotonic() - started:.0f} s")
    return tarball


# macOS


def sign_macos(target: Path, identity: str) -> None:
    run([
        "codesign", "--force", "--timestamp", "--options", "runtime",
        "--sign", identity, str(target),
    ])


def notarize_macos(dmg: Path) -> None:
    """Submit the .dmg to Apple's notary service and staple the ticket, when configured."""
    apple_id = os.environ.get("MACOS_NOTARY_APPLE_ID", "").strip()
    team_id = os.environ.get("MACOS_NOTARY_TEAM_ID", "").strip()
    password = os.environ.get("MACOS_NOTARY_PASSWORD", "")
    if not (apple_id and team_id and password):
        log("notarization skipped: MACOS_NOTARY_APPLE_ID, _TEAM_ID and _PASSWORD are not all set")
        return
    # The command line contains the password, so it is described instead of echoed.
    log(f"$ xcrun notarytool submit {dmg.name} --wait (credentials from MACOS_NOTARY_*)")
    subprocess.run(
        [
            "xcrun", "notarytool", "submit", str(dmg), "--apple-id", apple_id,
            "--team-id", team_id, "--password", password, "--wait",
        ],
        check=True,
    )
    run(["xcrun", "stapler", "staple", str(dmg)])


def build_dmg(paths: Paths, version: str) -> Path:
    """Pack the .app and a link to /Applications into a compressed .dmg; return its path."""
    identity = os.environ.get("MACOS_SIGN_IDENTITY", "").strip()
    if identity:
        # PyInstaller signed every binary inside; this seals the bundle as a whole.
        sign_macos(paths.app_bundle, identity)
    else:
        log("code signing skipped: MACOS_SIGN_IDENTITY is not set (the app stays ad-hoc signed)")

    stage = paths.work / "dmg-root"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run(["ditto", str(paths.app_bundle), str(stage / paths.app_bundle.name)])
    (stage / "Applications").symlink_to("/Applications")

    machine = platform.machine() or "unknown"
    dmg = paths.output / f"{APP_ID}-{version}-macos-{machine}.dmg"
    dmg.unlink(missing_ok=True)
    run([
        "hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(stage),
        "-fs", "HFS+", "-format", "UDZO", "-ov", str(dmg),
    ])
    if identity:
        sign_macos(dmg, identity)
        notarize_macos(dmg)
    return dmg


# Windows


def program_files_x86() -> Path:
    # Windows environment variable names are case-insensitive.
    return Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))


def find_windows_tool(name: str, environment_variable: str, candidates: list[Path]) -> Path:
    configured = os.environ.get(environment_variable, "").strip()
    if configured:
        return Path(configured)
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{name} was not found. Install it or set {environment_variable} to its path.")


def signtool_command() -> list[str] | None:
    """Return the signtool command line without the file, or None when signing is not set up."""
    certificate = os.environ.get("WINDOWS_SIGN_CERT", "").strip()
    if not certificate:
        log("code signing skipped: WINDOWS_SIGN_CERT is not set")
        return None
    timestamp_url = os.environ.get("WINDOWS_SIGN_TIMESTAMP_URL", "").strip()
    if not timestamp_url:
        raise SystemExit(
            "WINDOWS_SIGN_CERT is set but WINDOWS_SIGN_TIMESTAMP_URL is not: set it to your "
            "certificate authority's RFC 3161 timestamp server."
        )
    kits = program_files_x86() / "Windows Kits"
    signtool = find_windows_tool(
        "signtool", "WINDOWS_SIGNTOOL", sorted(kits.glob("10/bin/*/x64/signtool.exe"), reverse=True)
    )
    command = [str(signtool), "sign", "/fd", "sha256", "/tr", timestamp_url, "/td", "sha256"]
    command += ["/f", certificate]
    password = os.environ.get("WINDOWS_SIGN_PASSWORD", "")
    if password:
        command += ["/p", password]
    return command


def build_inno(paths: Paths, version: str) -> Path:
    """Sign the executables when configured, then compile the Inno Setup script."""
    signing = signtool_command()
    if signing:
        for executable in sorted(paths.folder.glob("*.exe")):
            log(f"$ signtool sign {executable.name}")
            subprocess.run([*signing, str(executable)], check=True)

    program_files = program_files_x86()
    local_programs = Path(os.environ.get("LOCALAPPDATA", "")) / "Programs"
    iscc = find_windows_tool(
        "iscc",
        "INNO_SETUP_COMPILER",
        [program_files / "Inno Setup 6" / "ISCC.exe", local_programs / "Inno Setup 6" / "ISCC.exe"],
    )
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DSourceDir={paths.folder}",
        f"/DOutputDir={paths.output}",
        f"/DIconFile={paths.icons / f'{APP_ID}.ico'}",
    ]
    if signing:
        quoted = " ".join(f'"{part}"' if " " in part else part for part in signing)
        command += ["/DSignTool", f"/Sagentmodels={quoted} $f"]
    log(f"$ {iscc.name} /DAppVersion={version} ... packaging/windows/agent-models.iss")
    subprocess.run([*command, str(PACKAGING / "windows" / "agent-models.iss")], check=True)
    return paths.output / f"{APP_ID}-{version}-windows-x64-setup.exe"


# Command line


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output", type=Path, default=ROOT / "dist",
        help="folder for the installers (default: dist/)",
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "packaging",
        help="folder for work files (default: build/packaging/)",
    )
    parser.add_argument(
        "--formats",
        help="comma-separated installers to make: deb,tar on Linux, dmg on macOS, inno on "
        "Windows (default: all of this platform's)",
    )
    parser.add_argument(
        "--skip-freeze", action="store_true",
        help="reuse the PyInstaller folder of the previous build instead of freezing again",
    )
    parser.add_argument(
        "--deb-compression", choices=("xz", "zstd", "gzip"), default="xz",
        help="dpkg-deb compression; xz is the smallest and the slowest (default: xz)",
    )
    parser.add_argument(
        "--maintainer", default=os.environ.get("DEB_MAINTAINER", DEFAULT_MAINTAINER),
        help="the .deb Maintainer field (default: $DEB_MAINTAINER or a placeholder)",
    )
    return parser.parse_args(argv)


def chosen_formats(requested: str | None, key: str) -> tuple[str, ...]:
    """Return the installers to build: the requested ones, or all of this platform's."""
    if not requested:
        return DEFAULT_FORMATS[key]
    formats = tuple(item.strip() for item in requested.split(",") if item.strip())
    unknown = set(formats) - set(DEFAULT_FORMATS[key])
    if unknown:
        raise SystemExit(
            f"{', '.join(sorted(unknown))} cannot be built on {sys.platform}; "
            f"choose from {', '.join(DEFAULT_FORMATS[key])}."
        )
    return formats


def build_installers(
    paths: Paths, version: str, formats: tuple[str, ...], key: str, options: argparse.Namespace
) -> list[Path]:
    """Pack the frozen folder into this platform's installers; return their paths."""
    if key == "darwin":
        return [build_dmg(paths, version)]
    if key == "win32":
        return [build_inno(paths, version)]

    check_linux_libraries(paths.folder)
    installers = []
    if "deb" in formats:
        installers.append(build_deb(paths, version, options.deb_compression, options.maintainer))
    if "tar" in formats:
        installers.append(build_tarball(paths, version))
    return installers


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    key = platform_key()
    if key not in DEFAULT_FORMATS:
        raise SystemExit(f"No installers are defined for {sys.platform}.")
    formats = chosen_formats(options.formats, key)

    version = read_version()
    paths = Paths(output=options.output.resolve(), work=options.work.resolve())
    paths.output.mkdir(parents=True, exist_ok=True)
    log(f"{APP_NAME} {version}: {', '.join(formats)} on {key} ({platform.machine()})")

    if options.skip_freeze:
        if not paths.folder.is_dir():
            raise SystemExit(f"--skip-freeze needs a previous build in {paths.folder}.")
        if not paths.icons.is_dir():
            render_icons(paths)
    else:
        freeze(paths, version)

    installers = build_installers(paths, version, formats, key, options)

    installed = paths.app_bundle if key == "darwin" else paths.folder
    log(f"installed size: {megabytes(folder_size(installed))} ({installed})")
    for installer in installers:
        size = installer.stat().st_size
        log(f"installer: {installer} {megabytes(size)}")
        if key == "linux" and size > MAX_LINUX_INSTALLER_BYTES:
            log(f"WARNING: {installer.name} is over {megabytes(MAX_LINUX_INSTALLER_BYTES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
