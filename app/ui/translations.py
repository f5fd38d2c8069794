"""Load the user-interface language: the system's, or the one ``--lang`` names."""

from __future__ import annotations

import logging
import math
import re

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

logger = logging.getLogger(__name__)

I18N_DIR = resources_dir() / "i18n"
CATALOG_NAME = "agent_models"
PSEUDO_LANGUAGE = "pseudo"

# Placeholders, HTML tags and entities stay as they are; only the text around them changes.
_PROTECTED = re.compile(r"(\{[^{}]*\}|<[^>]+>|&[a-zA-Z]+;|&(?=\w))")
_ACCENTED = str.maketrans(
    "aeiouyAEIOUYcnsCNS",
    "áéíóúýÁÉÍÓÚÝçñšÇÑŠ",
)
# An estimate of how much longer German or Finnish text often runs than English.
PSEUDO_GROWTH = 0.4


def pseudo_localize(text: str) -> str:
    """Return ``text`` accented and about 40% longer, to find clipped or hard-coded strings."""
    if not text:
        return text
    parts = _PROTECTED.split(text)
    changed = "".join(
        part if _PROTECTED.fullmatch(part) else part.translate(_ACCENTED) for part in parts
    )
    padding = "~" * math.ceil(len(text) * PSEUDO_GROWTH)
    return f"[{changed} {padding}]"


class PseudoTranslator(QTranslator):
    """A translator that pseudo-localises every string instead of reading a .qm file."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        return pseudo_localize(source_text)

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication, language: str | None) -> list[QTranslator]:
    """Install Qt's and the program's translations; return them so the caller keeps them alive.

    ``language`` is a locale name such as ``zh_CN`` or ``es``, ``pseudo``, or None for the
    system's language. A language without a translation falls back to English.
    """
    if language == PSEUDO_LANGUAGE:
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        return [pseudo]

    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    sources = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (CATALOG_NAME, str(I18N_DIR)),
    )
    installed: list[QTranslator] = []
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    logger.info(
        "language: requested=%s locale=%s catalogs=%d", language, locale.name(), len(installed)
    )
    return installed


def remove_translations(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        QObject.deleteLater(translator)
