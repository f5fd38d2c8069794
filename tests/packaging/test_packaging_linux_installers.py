"""Build the Linux .deb and .tar.gz, install them and run the installed program's self-test.

A build takes minutes, so these tests run only with AGENT_MODELS_BUILD_TESTS=1. Set
AGENT_MODELS_INSTALLERS_DIR to a folder that already contains both installers (such as
dist/ after ``python packaging/build.py``) to test those instead of building again.

As root, the .deb is installed with apt-get, which also installs its Depends, and it is
removed at the end. Without root, or when agent-models is already installed, it is
unpacked with dpkg-deb -x into a temporary folder instead.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.keychain import start_private_keychain
from tests.packaging.support import PACKAGING, load_packaging_module, parse_self_test

ROOT = PACKAGING.parent
MAX_INSTALLER_BYTES = 80 * 1024 * 1024
INSTALL_DIR = Path("/opt/agent-models")
# Every check of app/selftest.py. A frozen build has all the parts these checks look for,
# so none of them may report "skip" there.
SELF_TEST_CHECKS = (
    "version",
    "Qt starts offscreen",
    "native platform plugin",
    "resources",
    "translations",
    "icons",
    "keychain backend",
    "keychain round trip",
    "TLS certificates",
    "validation against a local server",
    "SigV4 signing",
    "main window",
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        os.environ.get("AGENT_MODELS_BUILD_TESTS") != "1",
        reason="builds installers for minutes; set AGENT_MODELS_BUILD_TESTS=1 to run",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installers"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed"),
]


@dataclass(frozen=True)
class Installers:
    deb: Path
    tarball: Path
    version: str


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


@pytest.fixture(scope="module")
def installers(tmp_path_factory: pytest.TempPathFactory) -> Installers:
    version = _version()
    existing = os.environ.get("AGENT_MODELS_INSTALLERS_DIR")
    if existing:
        output = Path(existing)
    else:
        output = tmp_path_factory.mktemp("installers")
        work = tmp_path_factory.mktemp("build-work")
        subprocess.run(
            [
                sys.executable, str(PACKAGING / "build.py"),
                "--output", str(output), "--work", str(work),
            ],
            cwd=ROOT, check=True, timeout=1700,
        )
    debs = sorted(output.glob(f"agent-models_{version}_*.deb"))
    tarballs = sorted(output.glob(f"agent-models-{version}-linux-*.tar.gz"))
    assert debs, f"no .deb for version {version} in {output}"
    assert tarballs, f"no .tar.gz for version {version} in {output}"
    return Installers(debs[0], tarballs[0], version)


def _deb_field(deb: Path, name: str) -> str:
    completed = subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    )
    return completed.stdout.strip()


def _deb_members(deb: Path) -> list[str]:
    completed = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    )
    return [line.split(None, 5)[5] for line in completed.stdout.splitlines()]


def _depends_packages(deb: Path) -> list[str]:
    return [entry.split()[0] for entry in _deb_field(deb, "Depends").split(", ")]


def _run_self_test(executable: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run ``executable --self-test`` against a private keychain, without a display."""
    keychain = start_private_keychain(home)
    env = os.environ | keychain.env | {"AGENT_MODELS_CONFIG_DIR": str(home / "config")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH"):
        env.pop(name, None)
    try:
        return subprocess.run(
            [str(executable), "--self-test"],
            cwd=home, env=env, capture_output=True, text=True, timeout=120, check=False,
        )
    finally:
        keychain.stop()


def _assert_self_test_passed(completed: subprocess.CompletedProcess[str], version: str) -> None:
    output = completed.stdout + completed.stderr
    checks = parse_self_test(completed.stdout)

    assert completed.returncode == 0, output
    assert f"Agent Models {version} self-test (frozen build" in output
    assert sorted(checks) == sorted(SELF_TEST_CHECKS), output
    for name, (status, detail) in checks.items():
        assert status == "ok", f"{name}: {status} {detail}\n{output}"
    assert checks["version"][1] == version, output
    assert checks["keychain backend"][1] == "SecretService.Keyring", output
    assert f"Self-test passed: {len(SELF_TEST_CHECKS)} ok, 0 skipped." in output


def test_deb_under_size_limit(installers: Installers) -> None:
    assert installers.deb.stat().st_size < MAX_INSTALLER_BYTES


def test_tarball_under_size_limit(installers: Installers) -> None:
    assert installers.tarball.stat().st_size < MAX_INSTALLER_BYTES


def test_deb_fields(installers: Installers) -> None:
    assert _deb_field(installers.deb, "Package") == "agent-models"
    assert _deb_field(installers.deb, "Version") == installers.version
    depends = _depends_packages(installers.deb)
    linux_deps = load_packaging_module("linux_deps")
    expected = (*linux_deps.XCB_PLUGIN_PACKAGES, "libegl1", "libgl1", "libfontconfig1", "libc6")
    for package in expected:
        assert package in depends, package


def test_deb_depends_are_installable(installers: Installers) -> None:
    if shutil.which("apt-cache") is None:
        pytest.skip("apt-cache not installed")
    for package in _depends_packages(installers.deb):
        policy = subprocess.run(
            ["apt-cache", "policy", package], capture_output=True, text=True, check=True
        ).stdout
        assert "Candidate:" in policy, package
        assert "Candidate: (none)" not in policy, package


def test_deb_layout(installers: Installers) -> None:
    members = _deb_members(installers.deb)
    assert "./usr/bin/agent-models -> /opt/agent-models/agent-models" in members
    for path in (
        "./opt/agent-models/agent-models",
        "./usr/share/applications/agent-models.desktop",
        "./usr/share/icons/hicolor/scalable/apps/agent-models.svg",
        "./usr/share/icons/hicolor/256x256/apps/agent-models.png",
        "./usr/share/doc/agent-models/copyright",
        "./opt/agent-models/_internal/resources/providers.json",
        "./opt/agent-models/_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    ):
        assert path in members, path


def test_deb_leaves_out_unused_parts(installers: Installers) -> None:
    names = [member.split(" -> ")[0] for member in _deb_members(installers.deb)]
    unwanted = (
        "botocore/data/", "libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6WaylandClient",
        "platforms/libqwayland", "platforms/libqeglfs", "libgtk-3", "libstdc++", "libX11.so",
        "libxcb-icccm", "mypy/", "agent_models.egg-info",
    )
    for fragment in unwanted:
        assert not [name for name in names if fragment in name], fragment


def test_desktop_entry(installers: Installers, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(installers.deb), str(tmp_path)], check=True)
    desktop = tmp_path / "usr/share/applications/agent-models.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == "agent-models"
    assert entry["Desktop Entry"]["Icon"] == "agent-models"
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        assert validated.returncode == 0, validated.stdout + validated.stderr


@pytest.fixture
def installed_program(installers: Installers, tmp_path: Path) -> Iterator[Path]:
    """Install the .deb into the system as root, else unpack it; yield the executable to run."""
    already_installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "agent-models"],
        capture_output=True, text=True, check=False,
    ).stdout.endswith("installed")
    if os.geteuid() != 0 or already_installed or shutil.which("apt-get") is None:
        root = tmp_path / "root"
        subprocess.run(["dpkg-deb", "-x", str(installers.deb), str(root)], check=True)
        yield root / "opt/agent-models/agent-models"
        return

    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", str(installers.deb.resolve())],
        env=env, check=True, timeout=900,
    )
    try:
        yield Path("/usr/bin/agent-models")
    finally:
        subprocess.run(["dpkg", "--remove", "agent-models"], env=env, check=True, timeout=300)
    assert not INSTALL_DIR.exists(), f"{INSTALL_DIR} is still there after dpkg --remove"


def test_installed_self_test(
    installers: Installers, installed_program: Path, tmp_path: Path
) -> None:
    completed = _run_self_test(installed_program, tmp_path / "home")
    _assert_self_test_passed(completed, installers.version)


def test_tarball_self_test(installers: Installers, tmp_path: Path) -> None:
    with tarfile.open(installers.tarball) as archive:
        archive.extractall(tmp_path / "unpacked", filter="tar")
    top = tmp_path / "unpacked" / f"agent-models-{installers.version}"
    assert (top / "README.txt").is_file()
    assert (top / "share/applications/agent-models.desktop").is_file()

    completed = _run_self_test(top / "agent-models", tmp_path / "home")

    _assert_self_test_passed(completed, installers.version)
