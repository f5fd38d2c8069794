"""The rules that choose which Qt plugins, translations and libraries a build keeps."""

from __future__ import annotations

import pytest

from tests.packaging.support import load_packaging_module

bundle_filter = load_packaging_module("bundle_filter")


@pytest.mark.parametrize(
    ("destination", "location"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", ("platforms", "qxcb")),
        ("PySide6\\plugins\\platforms\\qwindows.dll", ("platforms", "qwindows")),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", ("platforms", "qcocoa")),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", ("imageformats", "qsvg")),
        ("PySide6/Qt/lib/libQt6Core.so.6", None),
        ("PySide6/QtCore.abi3.so", None),
    ],
)
def test_plugin_location(destination: str, location: tuple[str, str] | None) -> None:
    assert bundle_filter.plugin_location(destination) == location


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/styles/libqmacstyle.dylib",
        "PySide6/Qt/lib/libQt6Core.so.6",
    ],
)
def test_kept_plugins(destination: str) -> None:
    assert bundle_filter.is_kept_plugin(destination)


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    ],
)
def test_dropped_plugins(destination: str) -> None:
    assert not bundle_filter.is_kept_plugin(destination)


def test_translations_kept_for_program_languages() -> None:
    languages = ["es", "zh_CN", "pt_BR"]
    kept = [
        "PySide6/Qt/translations/qtbase_es.qm",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qtbase_pt.qm",
        "PySide6\\translations\\qtbase_es.qm",
        "resources/i18n/agent_models_es.qm",
    ]
    dropped = [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_zh_TW.qm",
        "PySide6/Qt/translations/qtdeclarative_es.qm",
        "PySide6/Qt/translations/qtmultimedia_zh_CN.qm",
    ]
    for destination in kept:
        assert bundle_filter.is_kept_translation(destination, languages), destination
    for destination in dropped:
        assert not bundle_filter.is_kept_translation(destination, languages), destination


def test_no_qt_translations_without_program_translations() -> None:
    assert not bundle_filter.is_kept_translation("PySide6/Qt/translations/qtbase_es.qm", [])


def _toc(destination: str, typecode: str = "BINARY") -> tuple[str, str, str]:
    return (destination, f"/src/{destination}", typecode)


def test_prune_keeps_libraries_reached_from_roots() -> None:
    links = {
        "/src/PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/PySide6/Qt/lib/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/PySide6/Qt/lib/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/PySide6/Qt/lib/libQt6WaylandClient.so.6": ["libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
    }
    binaries = [
        _toc("PySide6/QtGui.abi3.so", "EXTENSION"),
        _toc("PySide6/Qt/lib/libQt6Gui.so.6"),
        _toc("PySide6/Qt/lib/libQt6Core.so.6"),
        _toc("PySide6/Qt/lib/libicuuc.so.73"),
        _toc("PySide6/Qt/lib/libQt6WaylandClient.so.6"),
        _toc("libgtk-3.so.0"),
        _toc("libcairo.so.2"),
    ]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        _toc("resources/providers.json", "DATA"),
    ]

    kept_binaries, kept_datas, dropped = bundle_filter.prune_unreferenced_libraries(
        binaries, datas, lambda source: links.get(source, []), lambda entry: entry[2] == "EXTENSION"
    )

    kept_names = [entry[0] for entry in kept_binaries]
    assert kept_names == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
    ]
    assert dropped == ["PySide6/Qt/lib/libQt6WaylandClient.so.6", "libcairo.so.2", "libgtk-3.so.0"]
    assert [entry[0] for entry in kept_datas] == ["libQt6Gui.so.6", "resources/providers.json"]


def test_prune_drops_whole_macos_framework() -> None:
    framework = "PySide6/Qt/lib/QtNetwork.framework"
    binaries = [
        _toc("PySide6/QtCore.abi3.so", "EXTENSION"),
        _toc("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore"),
        _toc(f"{framework}/Versions/A/QtNetwork"),
    ]
    datas = [
        _toc("PySide6/Qt/lib/QtCore.framework/Resources/Info.plist", "DATA"),
        _toc(f"{framework}/Resources/Info.plist", "DATA"),
    ]
    links = {"/src/PySide6/QtCore.abi3.so": ["@rpath/QtCore.framework/Versions/A/QtCore"]}

    kept_binaries, kept_datas, dropped = bundle_filter.prune_unreferenced_libraries(
        binaries, datas, lambda source: links.get(source, []), lambda entry: entry[2] == "EXTENSION"
    )

    assert dropped == [f"{framework}/Versions/A/QtNetwork"]
    assert len(kept_binaries) == 2
    assert [entry[0] for entry in kept_datas] == [
        "PySide6/Qt/lib/QtCore.framework/Resources/Info.plist"
    ]
