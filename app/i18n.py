"""Translation markers for code that must not import Qt.

The core packages build user-visible messages in English. They mark each template with
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` extracts it; the window translates the
template with ``QCoreApplication.translate(context, template)`` before formatting it.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Return ``source_text`` unchanged; the call only marks it for extraction."""
    del context
    return source_text
