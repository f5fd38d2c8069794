"""Icons from resources/icons, drawn in the colour the theme sets."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon, QPixmap

from app.paths import resources_dir

ICON_DIR = resources_dir() / "icons"


@cache
def themed_icon(name: str, color: str) -> QIcon:
    """Return ``resources/icons/<name>.svg`` with ``currentColor`` replaced by ``color``.

    The SVG files draw with ``currentColor`` so that one file serves the light and the
    dark theme; Qt's SVG reader has no notion of a current colour, so it is filled in here.
    """
    svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace("currentColor", QColor(color).name())

    pixmap = QPixmap()
    pixmap.loadFromData(svg.encode("utf-8"), "SVG")
    return QIcon(pixmap)


def app_icon() -> QIcon:
    return QIcon(str(ICON_DIR / "app.svg"))
