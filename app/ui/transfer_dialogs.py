"""The dialogs of Export settings and Import keys from environment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.catalog import get_provider
from app.settings.transfer import AWS_SECRET_VARIABLE, ENV_KEY_VARIABLES, EnvKey
from app.ui.messages import problem_message, provider_text
from app.ui.theme import set_role

AWS_ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID"


class ExportDialog(QDialog):
    """Asks whether the export file should contain the keys; by default it does not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export settings"))

        intro = QLabel(
            self.tr(
                "Writes the saved configs and the default to a JSON file, for a backup or "
                "another computer."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.include_keys_box = QCheckBox(self.tr("Include the API keys"), self)
        self.include_keys_box.setObjectName("includeKeys")
        self.include_keys_box.setAccessibleName(self.tr("Include the API keys"))
        self.include_keys_box.setAccessibleDescription(
            self.tr("Also writes the keys from the keychain into the file, in plain text.")
        )
        self.include_keys_box.toggled.connect(self._show_key_warning)

        self.key_warning = QLabel(
            self.tr(
                "The file will contain your API keys in plain text, and anyone who can read it "
                "can use them. It is written readable only by you. Keep it private, and delete "
                "it when you no longer need it."
            ),
            self,
        )
        self.key_warning.setObjectName("keyWarning")
        self.key_warning.setWordWrap(True)
        set_role(self.key_warning, "warning")
        self.key_warning.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.include_keys_box)
        layout.addWidget(self.key_warning)
        layout.addWidget(self.buttons)

    @property
    def include_keys(self) -> bool:
        return self.include_keys_box.isChecked()

    def _show_key_warning(self, checked: bool) -> None:
        self.key_warning.setVisible(checked)
        self.adjustSize()


class EnvKeysDialog(QDialog):
    """Lists the key variables that are set, by name and provider, and lets the user pick.

    The values of the variables are never read here. One variable per provider can be
    chosen: checking one unchecks the others of the same provider.
    """

    def __init__(self, found: Sequence[EnvKey], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("envKeysDialog")
        self.setWindowTitle(self.tr("Import keys from environment"))
        self.found = list(found)
        self.boxes: dict[str, QCheckBox] = {}

        layout = QVBoxLayout(self)
        intro = QLabel(self._intro_text(), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        chosen_providers: set[str] = set()
        for item in self.found:
            box = self._variable_box(item)
            # Preselect the first importable variable of each provider without a saved config.
            # Replacing a saved key is left for the user to choose.
            if item.importable and not item.config_exists and item.provider not in chosen_providers:
                box.setChecked(True)
                chosen_providers.add(item.provider)
            box.toggled.connect(lambda checked, chosen=item: self._on_toggled(chosen, checked))
            self.boxes[item.variable] = box
            layout.addWidget(box)
            note = self._variable_note(item)
            if note:
                label = QLabel(note, self)
                label.setWordWrap(True)
                set_role(label, "muted" if item.importable else "warning")
                label.setIndent(24)
                layout.addWidget(label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_button()

    def chosen_variables(self) -> list[str]:
        return [variable for variable, box in self.boxes.items() if box.isChecked()]

    def _intro_text(self) -> str:
        if not self.found:
            known = ", ".join(variable for variable, _provider in ENV_KEY_VARIABLES)
            text = self.tr("No key variable is set. These are the ones looked for: {names}.")
            return text.format(names=known)
        return self.tr(
            "These environment variables contain provider keys. Choose the ones to store in the "
            "keychain; their values are not shown. Imported cards show Unverified until you "
            "save them, which validates the key."
        )

    def _variable_box(self, item: EnvKey) -> QCheckBox:
        provider = provider_text(get_provider(item.provider).name)
        text = self.tr("{variable} for {provider}").format(
            variable=item.variable, provider=provider
        )
        box = QCheckBox(text, self)
        box.setObjectName(f"env_{item.variable}")
        box.setAccessibleName(text)
        box.setEnabled(item.importable)
        return box

    def _variable_note(self, item: EnvKey) -> str:
        if not item.importable:
            return self._reason_text(item)
        if item.config_exists:
            return self.tr("Replaces the saved key of this card.")
        return ""

    def _reason_text(self, item: EnvKey) -> str:
        """Return why ``item`` cannot be imported, in the user's language where it is known."""
        if item.key_problem is not None:
            return self.tr("{variable}: {problem} Set {variable} again, then import again.").format(
                variable=item.key_problem_variable, problem=problem_message(item.key_problem)
            )
        if item.variable == AWS_ACCESS_KEY_VARIABLE:
            return self.tr("{variable} must be set as well.").format(variable=AWS_SECRET_VARIABLE)
        provider = get_provider(item.provider)
        if provider.api_host_required and not item.config_exists:
            return self.tr(
                "{provider} has no default API Host. Save its card first, then import the key."
            ).format(provider=provider_text(provider.name))
        return item.reason

    def _on_toggled(self, item: EnvKey, checked: bool) -> None:
        if checked:
            for other in self.found:
                if other.provider == item.provider and other.variable != item.variable:
                    self.boxes[other.variable].setChecked(False)
        self._update_button()

    def _update_button(self) -> None:
        self.import_button.setEnabled(bool(self.chosen_variables()))
