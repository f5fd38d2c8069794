"""Render the program icon, resources/icons/app.svg, into the files installers need.

Usage: python packaging/icons.py OUTPUT_FOLDER

Writes ``agent-models-<size>.png`` for the Linux icon theme, ``agent-models.ico`` for
Windows and ``agent-models.icns`` for macOS. Both containers hold PNG images, which
Windows Vista and later and macOS 10.7 and later read.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SVG = ROOT / "resources" / "icons" / "app.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size. The @2x types (ic11 to ic14) reuse the larger images.
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
    ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
)


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Return PNG bytes of the SVG drawn at each square size, with a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(["icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file.")

    images: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        images[size] = bytes(data.data())
    del app
    return images


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a Windows .ico file (ICONDIR, ICONDIRENTRY, then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size >= 256 else size  # 0 means 256 pixels
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a macOS .icns file: 'icns', total length, then typed elements."""
    elements = b"".join(
        kind.encode("ascii") + struct.pack(">I", len(pngs[size]) + 8) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", len(elements) + 8) + elements


def write_icons(output: Path, svg: Path = SOURCE_SVG) -> None:
    output.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg, PNG_SIZES)
    for size, data in pngs.items():
        (output / f"agent-models-{size}.png").write_bytes(data)
    (output / "agent-models.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (output / "agent-models.icns").write_bytes(icns_bytes(pngs))
    (output / "agent-models.svg").write_bytes(svg.read_bytes())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    write_icons(Path(sys.argv[1]))
