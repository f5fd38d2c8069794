"""Choose which Qt files the frozen program keeps.

PyInstaller's PySide6 hooks collect every plugin, Qt library and translation that the
imported Qt modules might use: Wayland, EGLFS, VNC, QtNetwork's TLS back-ends, QML
tooling and about 14 MB of translations. The program is a widgets-only window, so the
spec file passes PyInstaller's lists through the functions here. They take and return
PyInstaller TOC entries, ``(destination, source, typecode)`` tuples, and import nothing
from PyInstaller so that the tests can call them with made-up entries.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

TocEntry = tuple[str, str, str]

# Plugin folder -> file stems kept (``None`` keeps every plugin in the folder). A folder
# missing here is dropped whole: printsupport, sqldrivers, tls, networkinformation,
# generic (evdev, tuio), egldeviceintegrations, wayland-*, qmltooling and the rest.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    # xcb for X11 and XWayland, offscreen for the self-test, and the native ones of
    # Windows and macOS. Wayland sessions run the program through XWayland.
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows", "qcocoa"}),
    # The XDG desktop portal theme reports the desktop's light or dark colour scheme.
    # The GTK 3 theme is dropped because it would add GTK to the Depends.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Compose (dead keys) and IBus input methods.
    "platforminputcontexts": None,
    # The icons in resources/icons are SVG; PNG and BMP support is built into QtGui.
    "imageformats": frozenset({"qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Loaded only when a window requests OpenGL. They are small and their libraries are in Depends.
    "xcbglintegrations": None,
    # The native look on Windows (qmodernwindowsstyle) and macOS (qmacstyle).
    "styles": None,
}

# Qt's own translations for the qtbase repository (standard buttons and dialogs). Other
# repositories' files (qtdeclarative, qtmultimedia, ...) are for modules that are left out.
KEPT_TRANSLATION_BASE = "qtbase"

# PySide6 Python modules the program never imports. Excluding them stops PyInstaller from
# collecting their libraries; the list is long because PySide6's hooks pull in whatever
# modules a collected module could reach.
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDBus", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets",
    "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)

_PLUGIN_PREFIXES = ("PySide6/Qt/plugins/", "PySide6/plugins/")
_TRANSLATION_PREFIXES = ("PySide6/Qt/translations/", "PySide6/translations/")
_SHARED_LIBRARY = re.compile(r"\.(so(\.\d+)*|dll|dylib)$", re.IGNORECASE)


def _posix(destination: str) -> str:
    return destination.replace("\\", "/")


def plugin_location(destination: str) -> tuple[str, str] | None:
    """Return the plugin folder and file stem of a destination path, or None for a non-plugin.

    ``PySide6/Qt/plugins/platforms/libqxcb.so`` gives ``("platforms", "qxcb")``; Windows
    names such as ``qwindows.dll`` and debug suffixes are handled the same way.
    """
    path = _posix(destination)
    prefix = next((item for item in _PLUGIN_PREFIXES if path.startswith(item)), None)
    if prefix is None:
        return None

    parts = path[len(prefix):].split("/")
    if len(parts) < 2:
        return None
    folder, file_name = parts[0], parts[-1]
    stem = _SHARED_LIBRARY.sub("", file_name)
    if stem.startswith("lib"):
        stem = stem[3:]
    return folder, stem


def is_kept_plugin(destination: str) -> bool:
    """Return True for non-plugins and for the plugins listed in KEPT_PLUGINS."""
    location = plugin_location(destination)
    if location is None:
        return True
    folder, stem = location
    if folder not in KEPT_PLUGINS:
        return False
    stems = KEPT_PLUGINS[folder]
    return stems is None or stem in stems


def translation_language(destination: str) -> str | None:
    """Return the language code of a kept Qt translation, or None for other files."""
    path = _posix(destination)
    if not path.startswith(_TRANSLATION_PREFIXES):
        return None
    name = PurePosixPath(path).name
    match = re.fullmatch(rf"{KEPT_TRANSLATION_BASE}_(\w+)\.qm", name)
    return match.group(1) if match else None


def is_kept_translation(destination: str, languages: Iterable[str]) -> bool:
    """Return True for non-translations and for qtbase files of the program's languages.

    ``languages`` are the codes of the program's own translations (``de``, ``pt_BR``).
    A qtbase file matches its exact code or the code's language part, so ``pt_BR``
    keeps ``qtbase_pt_BR.qm`` and ``qtbase_pt.qm`` if either exists.
    """
    path = _posix(destination)
    if not path.startswith(_TRANSLATION_PREFIXES):
        return True
    language = translation_language(path)
    if language is None:
        return False
    accepted = set()
    for code in languages:
        accepted.add(code)
        accepted.add(code.split("_")[0])
    return language in accepted


def _library_key(name: str) -> str:
    """Return the name two references to one library share: ``qtcore`` for a framework path."""
    return PurePosixPath(_posix(name)).name.lower()


def prune_unreferenced_libraries(
    binaries: list[TocEntry],
    datas: list[TocEntry],
    imports_of: Callable[[str], Iterable[str]],
    is_root: Callable[[TocEntry], bool],
) -> tuple[list[TocEntry], list[TocEntry], list[str]]:
    """Drop shared libraries that no kept binary links to, directly or through other libraries.

    PyInstaller collected the libraries that the dropped plugins link to: QtWaylandClient
    for the Wayland plugin, GTK 3 for the GTK theme, QtNetwork for the TUIO plugin.
    Starting from the roots (Python extension modules, kept plugins and the Python
    library, as ``is_root`` decides), this follows ``imports_of(source_path)``, the names
    each binary links to, and keeps every library reached. Files inside a dropped macOS
    framework go too. Returns the new binaries, the new datas and the dropped destinations.
    """
    by_key: dict[str, list[TocEntry]] = {}
    for entry in binaries:
        by_key.setdefault(_library_key(entry[0]), []).append(entry)

    pending = [entry for entry in binaries if is_root(entry)]
    reached = {entry[0] for entry in pending}
    while pending:
        entry = pending.pop()
        for name in imports_of(entry[1]):
            for library in by_key.get(_library_key(name), []):
                if library[0] not in reached:
                    reached.add(library[0])
                    pending.append(library)

    dropped = sorted({entry[0] for entry in binaries} - reached)
    dropped_frameworks = tuple(
        _posix(destination).split(".framework/")[0] + ".framework/"
        for destination in dropped
        if ".framework/" in _posix(destination)
    )

    dropped_set = set(dropped)

    def is_kept(entry: TocEntry) -> bool:
        destination, source, typecode = entry
        if destination in dropped_set:
            return False
        if typecode == "SYMLINK":
            # PyInstaller links top-level names such as libQt6Network.so.6 to the real file;
            # for a SYMLINK entry the source is the link target relative to the link.
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(_posix(destination)), _posix(source))
            )
            if target in dropped_set:
                return False
        return not (dropped_frameworks and _posix(destination).startswith(dropped_frameworks))

    return (
        [entry for entry in binaries if is_kept(entry)],
        [entry for entry in datas if is_kept(entry)],
        dropped,
    )
