"""Unexpected errors: logged, then shown in a non-modal message that never contains a key."""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.logging_setup import redact

logger = logging.getLogger(__name__)

# After this many messages in one run, errors are only logged: a loop that fails on every
# event must not bury the window under message boxes.
MAX_SHOWN_ERRORS = 5


class ErrorReporter(QObject):
    """Receives uncaught exceptions from ``sys.excepthook`` and the asyncio loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self.shown_count = 0
        self.box: QMessageBox | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self.excepthook
        loop.set_exception_handler(self.loop_exception_handler)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.report(error, "Uncaught exception")

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        del loop
        error = context.get("exception")
        summary = str(context.get("message") or "Error in the asyncio loop")
        if isinstance(error, BaseException):
            self.report(error, summary)
        else:
            logger.error("%s", redact(summary))
            self._show(summary, "")

    def report(self, error: BaseException, summary: str) -> None:
        """Log ``error`` with its traceback and show its message; keys are redacted from both."""
        logger.error(
            "%s: %s",
            summary,
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__),
        )
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self._show(f"{type(error).__name__}: {error}", details)

    def _show(self, message: str, details: str) -> None:
        self.shown_count += 1
        if self.shown_count > MAX_SHOWN_ERRORS:
            return
        if self.box is not None and self.box.isVisible():
            self.box.close()

        box = QMessageBox(self.window)
        box.setObjectName("errorMessage")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Unexpected error"))
        box.setText(
            self.tr("Something went wrong. The window keeps working; details are in the log.")
        )
        box.setInformativeText(redact(message))
        if details:
            box.setDetailedText(redact(details))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setModal(False)
        box.show()
        self.box = box
