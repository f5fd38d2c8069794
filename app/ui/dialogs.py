"""Dialogs a coroutine can await: opened with ``open()``, never run with ``exec()``.

``exec()`` starts a nested Qt event loop. Inside a coroutine on the qasync loop, that
nested loop re-enters the asyncio loop and can run other tasks' steps out of order.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget


async def finished(dialog: QDialog) -> int:
    """Open ``dialog`` window-modal and return its result code once the user closes it.

    The caller reads the dialog's values afterwards and then deletes it.
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def on_finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(on_finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(on_finished)
        if dialog.isVisible():
            dialog.reject()  # the awaiting task was cancelled: do not leave the dialog behind


async def confirm(
    parent: QWidget, title: str, text: str, accept_label: str, *, destructive: bool = False
) -> bool:
    """Ask a yes/no question with a named action button; return True when it was chosen."""
    icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, parent=parent)
    accept: QAbstractButton = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setObjectName("confirmDialog")

    await finished(box)
    chosen = box.clickedButton() is accept
    box.deleteLater()
    return chosen
