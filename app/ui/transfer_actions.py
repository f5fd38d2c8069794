"""Export settings, Import settings and Import keys from environment, run from the Models page."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app.catalog import get_provider
from app.service import ModelService
from app.settings.secrets import SecretStoreError
from app.settings.store import SettingsError
from app.settings.transfer import (
    ImportReport,
    export_settings,
    find_env_keys,
    import_env_keys,
    import_settings,
    read_import_file,
    write_export,
)
from app.ui.dialogs import confirm, finished
from app.ui.messages import error_message, join_names, provider_text
from app.ui.transfer_dialogs import EnvKeysDialog, ExportDialog

logger = logging.getLogger(__name__)

EXPORT_FILE_NAME = "agent-models-settings.json"


class FileChooser(Protocol):
    """Asks for a file to write (``save``) or read; returns None when the user cancels."""

    async def __call__(
        self, title: str, *, save: bool, suggested_name: str = ""
    ) -> Path | None: ...


class SettingsTransfer(QObject):
    """The page's import and export actions, each a coroutine that awaits its dialogs.

    ``choose_file`` and ``environ`` can be replaced, so that tests pick a path without a
    file dialog and pass their own variables.
    """

    # After an import changed settings.json, so that the page shows the new configs.
    imported = Signal()
    # A message for the page banner and its kind, "info" or "error".
    message = Signal(str, str)

    def __init__(self, service: ModelService, parent: QWidget) -> None:
        super().__init__(parent)
        self.service = service
        self.parent_widget = parent
        self.choose_file: FileChooser = self._choose_file
        self.environ: Mapping[str, str] | None = None  # None reads os.environ

    async def export_settings(self) -> None:
        dialog = ExportDialog(self.parent_widget.window())
        accepted = await finished(dialog) == QDialog.DialogCode.Accepted
        include_keys = dialog.include_keys
        dialog.deleteLater()
        if not accepted:
            return
        path = await self.choose_file(
            self.tr("Export settings"), save=True, suggested_name=EXPORT_FILE_NAME
        )
        if path is None:
            return

        try:
            export = export_settings(
                self.service.store, self.service.secrets, include_keys=include_keys
            )
            write_export(path, export)
        except (SettingsError, SecretStoreError) as error:
            self._report_error(self.tr("Settings were not exported: {error}"), error)
            return
        except OSError as error:
            self._report_error(
                self.tr("Settings were not exported: {error}"), error.strerror or error
            )
            return

        text = self.tr("Settings exported to {path}.").format(path=path)
        if export.includes_keys:
            text += " " + self.tr(
                "The file contains your API keys. Keep it private, and delete it when you no "
                "longer need it."
            )
        if export.keys_missing:
            text += " " + self.tr("No key was found for: {configs}.").format(
                configs=join_names(export.keys_missing)
            )
        logger.info("settings exported from the window: include_keys=%s", include_keys)
        self.message.emit(text, "info")

    async def import_settings(self) -> None:
        path = await self.choose_file(self.tr("Import settings"), save=False)
        if path is None:
            return
        try:
            document = read_import_file(path)
        except SettingsError as error:
            self._report_error(self.tr("Nothing was imported: {error}"), error)
            return

        confirmed = await confirm(
            self.parent_widget.window(),
            self.tr("Import settings"),
            self.tr(
                "Import the configs in {file}? Saved configs with the same id are replaced, and "
                "the others are kept, as is the default."
            ).format(file=path.name),
            self.tr("Import"),
        )
        if not confirmed:
            return
        try:
            report = import_settings(
                self.service.store, self.service.secrets, document, mode="merge", source=str(path)
            )
        except (SettingsError, SecretStoreError) as error:
            self._report_error(self.tr("Nothing was imported: {error}"), error)
            return

        self.imported.emit()
        self.message.emit(self._import_summary(report, path), "info")

    def _import_summary(self, report: ImportReport, path: Path) -> str:
        text = self.tr("Configs imported from {file}: {count}.").format(
            count=len(report.imported), file=path.name
        )
        if report.keys_stored:
            text += " " + self.tr("Keys stored for: {configs}.").format(
                configs=join_names(report.keys_stored)
            )
        if report.without_keys:
            text += " " + self.tr("Enter the key again and save for: {configs}.").format(
                configs=join_names(report.without_keys)
            )
        return text

    async def import_env_keys(self) -> None:
        try:
            found = find_env_keys(self.service.store, self.environ)
        except SettingsError as error:
            self._report_error(self.tr("No key was imported: {error}"), error)
            return

        dialog = EnvKeysDialog(found, self.parent_widget.window())
        accepted = await finished(dialog) == QDialog.DialogCode.Accepted
        variables = dialog.chosen_variables()
        dialog.deleteLater()
        if not accepted or not variables:
            return

        try:
            imported = import_env_keys(
                self.service.store, self.service.secrets, variables, self.environ
            )
        except (ValueError, SettingsError, SecretStoreError) as error:
            self._report_error(self.tr("No key was imported: {error}"), error)
            return

        self.imported.emit()
        if not imported:
            self.message.emit(self.tr("The chosen keys were already saved."), "info")
            return
        names = join_names(provider_text(get_provider(config_id).name) for config_id in imported)
        self.message.emit(
            self.tr(
                "Keys imported for: {providers}. These cards show Unverified until you save "
                "them, which validates the key."
            ).format(providers=names),
            "info",
        )

    def _report_error(self, template: str, error: object) -> None:
        logger.error("%s", template.format(error=error))
        translated = error_message(error) if isinstance(error, Exception) else error
        self.message.emit(template.format(error=translated), "error")

    async def _choose_file(
        self, title: str, *, save: bool, suggested_name: str = ""
    ) -> Path | None:
        dialog = QFileDialog(self.parent_widget.window(), title)
        dialog.setObjectName("settingsFileDialog")
        dialog.setNameFilters([self.tr("JSON files (*.json)"), self.tr("All files (*)")])
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.selectFile(suggested_name)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

        accepted = await finished(dialog) == QDialog.DialogCode.Accepted
        files = dialog.selectedFiles()
        dialog.deleteLater()
        return Path(files[0]) if accepted and files else None
