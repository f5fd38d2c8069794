"""The fields of a provider card: API Key, API Host, Model Type and External Config."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ExternalField, Protocol, Provider
from app.forms import FieldProblem, check_form
from app.settings.secrets import Secret
from app.ui.form_row import FormRow
from app.ui.icons import themed_icon
from app.ui.messages import problem_message, provider_text
from app.ui.presets import LOCAL_SERVER_PRESETS
from app.ui.theme import current_theme, set_role

API_KEY = "api_key"
API_HOST = "api_host"
MODEL_TYPE = "model_type"
REGION = "region"
SECRET_KEYS = ("api_key", "access_key_id", "secret_access_key", "session_token")

# A Bedrock Converse host in the form the Region field fills in. The region part is any
# run of letters, digits and dashes, so that the host keeps following a region being typed.
BEDROCK_DEFAULT_HOST = re.compile(r"https://bedrock-runtime\.[a-z0-9-]+\.amazonaws\.com/?")
REGION_NAME = re.compile(r"[a-z0-9-]+")
# Rows of the completion popup under Model Type before it scrolls.
MAX_VISIBLE_COMPLETIONS = 12

# Key shapes from each provider's key page, shown as the API Key tooltip's example.
KEY_EXAMPLES = {
    "gemini": "AIza…",
    "openai": "sk-…",
    "anthropic": "sk-ant-…",
    "openrouter": "sk-or-…",
    "qwen": "sk-…",
    "deepseek": "sk-…",
    "moonshot": "sk-…",
    "grok": "xai-…",
    "aws-bedrock-converse": "ABSK…",
}


@dataclass(frozen=True, slots=True)
class FormValues:
    """The fields as typed, untrimmed.

    Secrets are empty unless the user typed them after the card was last loaded or saved.
    """

    api_host: str
    model_type: str
    external_config: dict[str, str] = field(default_factory=dict)
    secret: Secret = field(default_factory=Secret, repr=False)

    def settings_part(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """Return the values that are not secret, for comparing with what was saved."""
        return self.api_host, self.model_type, tuple(sorted(self.external_config.items()))


def bedrock_host(region: str) -> str:
    """Return the Bedrock Converse runtime host of an AWS region."""
    return f"https://bedrock-runtime.{region}.amazonaws.com"


class ProviderForm(QWidget):
    """The rows of one card. ``edited`` fires on every change the user makes, not on loads."""

    edited = Signal(str)  # the key of the row the user changed
    submitted = Signal()
    load_models_requested = Signal()

    def __init__(self, provider: Provider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = provider
        self.rows: dict[str, FormRow] = {}
        self._reveal_buttons: list[QToolButton] = []
        self.load_models_button: QPushButton | None = None
        # Model Type as of the last edit or load. The combo box emits ``activated`` again
        # when Return is pressed after a suggestion was chosen, with unchanged text.
        self._last_model_type = ""
        self.edited.connect(self._remember_model_type)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        self._add_row(layout, self._api_key_row())
        self._add_row(layout, self._api_host_row())
        self._add_row(layout, self._model_row())

        first_secret = next((item for item in provider.external_config if item.secret), None)
        for external in provider.external_config:
            if external is first_secret:
                note = QLabel(
                    self.tr("Or sign requests with AWS access keys instead of an API key:"), self
                )
                note.setWordWrap(True)
                set_role(note, "muted")
                layout.addWidget(note)
            self._add_row(layout, self._external_row(external))

        if provider.protocol is Protocol.BEDROCK_CONVERSE and REGION in self.rows:
            self.rows[REGION].line_edit.textEdited.connect(self._follow_region)

    # Building the rows.

    def _add_row(self, layout: QVBoxLayout, row: FormRow) -> None:
        self.rows[row.key] = row
        layout.addWidget(row)
        row.line_edit.textEdited.connect(lambda _text, key=row.key: self.edited.emit(key))
        row.line_edit.returnPressed.connect(self.submitted)
        row.fix_applied.connect(self.edited)

    def _api_key_row(self) -> FormRow:
        key_field = QLineEdit(self)
        key_field.setEchoMode(QLineEdit.EchoMode.Password)
        key_field.setObjectName("apiKeyField")
        key_field.setPlaceholderText(self._key_placeholder())

        help_text = self.tr("Your authentication key from {provider}.").format(
            provider=self.provider.name
        )
        example = KEY_EXAMPLES.get(self.provider.id)
        if example:
            help_text += " " + self.tr("Example: {example}").format(example=example)
        if not self.provider.key_required:
            help_text += " " + self.tr("Leave it empty if the server needs no key.")

        required = (
            self.provider.key_required and self.provider.external_field("access_key_id") is None
        )
        return FormRow(
            API_KEY,
            self.tr("API Key"),
            key_field,
            required=required,
            help_text=help_text,
            trailing=[self._reveal_button(key_field, self.tr("API Key"))],
            parent=self,
        )

    def _api_host_row(self) -> FormRow:
        host_field = QLineEdit(self)
        host_field.setObjectName("apiHostField")
        host_field.setText(self.provider.default_api_host)
        host_field.setPlaceholderText(
            self._example_placeholder(
                self.provider.api_host_example or "https://api.example.com/v1"
            )
        )

        example = self.provider.api_host_example or "http://localhost:11434/v1"
        help_text = self.tr("The API endpoint URL, for example {example}.").format(example=example)
        trailing: list[QWidget] = []
        if self.provider.id == "openai-compatible":
            trailing.append(self._preset_button(host_field))
        return FormRow(
            API_HOST,
            self.tr("API Host"),
            host_field,
            required=True,
            help_text=help_text,
            trailing=trailing,
            parent=self,
        )

    def _model_row(self) -> FormRow:
        model_field = QComboBox(self)
        model_field.setObjectName("modelTypeField")
        model_field.setEditable(True)
        model_field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        model_field.addItems(list(self.provider.suggested_models))
        model_field.setEditText("")
        model_field.setMinimumContentsLength(12)
        model_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        line_edit = model_field.lineEdit()
        assert line_edit is not None
        if self.provider.suggested_models:
            line_edit.setPlaceholderText(
                self._example_placeholder(self.provider.suggested_models[0])
            )
        # Choosing a suggestion from the list is an edit as well, if it changed the text.
        model_field.activated.connect(lambda _index: self._model_type_chosen())
        self.model_completer = self._model_completer(model_field)

        example = (
            self.provider.suggested_models[0] if self.provider.suggested_models else "gpt-4o-mini"
        )
        help_text = self.tr("The specific model variant to use, for example {example}.").format(
            example=example
        )
        trailing: list[QWidget] = []
        if self.provider.lists_models:
            trailing.append(self._load_models_button())
        return FormRow(
            MODEL_TYPE,
            self.tr("Model Type"),
            model_field,
            required=True,
            help_text=help_text,
            trailing=trailing,
            parent=self,
        )

    def _model_completer(self, model_field: QComboBox) -> QCompleter:
        """Complete Model Type from the combo box's items, matching any part of an id.

        The combo box's own completer only matches the start of an id, but model ids start
        with a vendor or family prefix ("openai/", "claude-"), so users search for the middle.
        """
        completer = QCompleter(model_field.model(), model_field)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(MAX_VISIBLE_COMPLETIONS)
        model_field.setCompleter(completer)
        completer.activated.connect(lambda _text: self._model_type_chosen())
        return completer

    def _model_type_chosen(self) -> None:
        if self.rows[MODEL_TYPE].text() != self._last_model_type:
            self.edited.emit(MODEL_TYPE)

    def _remember_model_type(self, key: str) -> None:
        if key == MODEL_TYPE:
            self._last_model_type = self.rows[MODEL_TYPE].text()

    def _load_models_button(self) -> QPushButton:
        button = QPushButton(self.tr("Load models"), self)
        button.setObjectName("loadModelsButton")
        button.setAccessibleName(
            self.tr("Load models from {provider}").format(provider=self.provider.name)
        )
        description = self.tr(
            "Reads the models your key can use from {provider} and offers them as you type a "
            "Model Type."
        ).format(provider=self.provider.name)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(self.load_models_requested)
        self.load_models_button = button
        return button

    def _external_row(self, external: ExternalField) -> FormRow:
        line_edit = QLineEdit(self)
        line_edit.setObjectName(f"external_{external.key}")
        line_edit.setText(external.default)
        if external.example:
            line_edit.setPlaceholderText(self._example_placeholder(external.example))

        label = provider_text(external.label)
        help_text = self.tr("Provider-specific setting for {provider}.").format(
            provider=self.provider.name
        )
        if external.example:
            help_text += " " + self.tr("Example: {example}").format(example=external.example)

        trailing: list[QWidget] = []
        if external.secret:
            line_edit.setEchoMode(QLineEdit.EchoMode.Password)
            trailing.append(self._reveal_button(line_edit, label))
        return FormRow(
            external.key,
            label,
            line_edit,
            required=external.required and not external.secret,
            help_text=help_text,
            trailing=trailing,
            parent=self,
        )

    def _reveal_button(self, line_edit: QLineEdit, label: str) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setObjectName("revealButton")
        button.setProperty("fieldLabel", label)
        button.toggled.connect(
            lambda visible: line_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
            )
        )
        button.toggled.connect(lambda _shown: self._update_reveal_button(button))
        self._reveal_buttons.append(button)
        self._update_reveal_button(button)
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for button in self._reveal_buttons:
                self._update_reveal_button(button)  # the eye icon follows the theme
        super().changeEvent(event)

    def _update_reveal_button(self, button: QToolButton) -> None:
        label = str(button.property("fieldLabel"))
        visible = button.isChecked()
        text = self.tr("Hide {field}") if visible else self.tr("Show {field}")
        button.setIcon(themed_icon("eye-off" if visible else "eye", current_theme().muted))
        button.setToolTip(text.format(field=label))
        button.setAccessibleName(text.format(field=label))
        button.setAccessibleDescription(self.tr("Shows or hides the characters you typed."))

    def _preset_button(self, host_field: QLineEdit) -> QToolButton:
        button = QToolButton(self)
        button.setText(self.tr("Presets"))
        button.setObjectName("presetButton")
        button.setAccessibleName(self.tr("Local server presets"))
        button.setAccessibleDescription(self.tr("Fills in the API Host of a local server."))
        button.setToolTip(self.tr("Fill in the API Host of a local server"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        menu = QMenu(button)
        for preset in LOCAL_SERVER_PRESETS:
            action = QAction(f"{preset.name} — {preset.api_host}", menu)
            action.triggered.connect(
                lambda _checked=False, host=preset.api_host: self._use_preset(host_field, host)
            )
            menu.addAction(action)
        button.setMenu(menu)
        return button

    def _use_preset(self, host_field: QLineEdit, api_host: str) -> None:
        host_field.setText(api_host)
        self.edited.emit(API_HOST)

    def _follow_region(self, region_text: str) -> None:
        """Move a Bedrock host of the default form to the region the user typed.

        A host the user changed to another form, such as a VPC endpoint, stays as it is.
        """
        region = region_text.strip()
        host_row = self.rows[API_HOST]
        if not REGION_NAME.fullmatch(region):
            return
        if not BEDROCK_DEFAULT_HOST.fullmatch(host_row.text().strip()):
            return
        host_row.set_text(bedrock_host(region))
        self.edited.emit(API_HOST)

    def _key_placeholder(self) -> str:
        if not self.provider.key_required:
            return self.tr("Optional for local servers")
        example = KEY_EXAMPLES.get(self.provider.id)
        return self._example_placeholder(example) if example else ""

    def _example_placeholder(self, example: str) -> str:
        """Return placeholder text that reads as an example, not as a value already filled in."""
        return self.tr("e.g. {example}").format(example=example)

    # Reading and writing values.

    def values(self) -> FormValues:
        external = {
            key: row.text()
            for key, row in self.rows.items()
            if key not in (API_KEY, API_HOST, MODEL_TYPE) and key not in SECRET_KEYS
        }
        secrets = {key: self.rows[key].text() for key in SECRET_KEYS if key in self.rows}
        return FormValues(
            api_host=self.rows[API_HOST].text(),
            model_type=self.rows[MODEL_TYPE].text(),
            external_config=external,
            secret=Secret(**secrets),
        )

    def set_values(self, api_host: str, model_type: str, external_config: dict[str, str]) -> None:
        """Fill the fields that are not secret, without emitting ``edited``."""
        self.rows[API_HOST].set_text(api_host)
        self.rows[MODEL_TYPE].set_text(model_type)
        self._last_model_type = model_type
        for external in self.provider.external_config:
            if not external.secret:
                self.rows[external.key].set_text(
                    external_config.get(external.key, external.default)
                )
        self.show_host_warnings()

    def settings_part_of(
        self, api_host: str, model_type: str, external_config: dict[str, str]
    ) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """Return what ``values().settings_part()`` would be after ``set_values`` with these."""
        external = {
            item.key: external_config.get(item.key, item.default)
            for item in self.provider.external_config
            if not item.secret
        }
        return api_host, model_type, tuple(sorted(external.items()))

    def set_model_ids(self, model_ids: Sequence[str]) -> None:
        """Offer ``model_ids`` in the Model Type list and its completions; the typed text stays."""
        model_field = self.rows[MODEL_TYPE].field
        assert isinstance(model_field, QComboBox)
        typed = model_field.currentText()
        model_field.clear()
        model_field.addItems(list(model_ids))
        self.rows[MODEL_TYPE].set_text(typed)

    def reset_model_ids(self) -> None:
        """Offer the catalog's suggested models again, as before a model list was loaded."""
        self.set_model_ids(self.provider.suggested_models)

    def model_ids(self) -> list[str]:
        model_field = self.rows[MODEL_TYPE].field
        assert isinstance(model_field, QComboBox)
        return [model_field.itemText(index) for index in range(model_field.count())]

    def clear_secrets(self) -> None:
        for key in SECRET_KEYS:
            if key in self.rows:
                self.rows[key].set_text("")
        for button in self._reveal_buttons:
            button.setChecked(False)

    def has_typed_secret(self) -> bool:
        return any(self.rows[key].text() for key in SECRET_KEYS if key in self.rows)

    def set_saved_key(self, key_hints: dict[str, str], *, missing: bool = False) -> None:
        """Say in each secret field's placeholder whether its value is saved.

        ``key_hints`` maps the saved secret fields to the last characters they show, or ""
        to show none. A field that is not in it shows its example again.
        """
        for key in SECRET_KEYS:
            row = self.rows.get(key)
            if row is None:
                continue
            hint = key_hints.get(key)
            if missing and key == API_KEY:
                text = self.tr("Key missing: enter it again")
            elif hint is None or missing:
                text = self._secret_placeholder(key)
            elif not hint:
                text = self.tr("Saved")
            elif key == API_KEY:
                text = self.tr("Saved key ending in {suffix}").format(suffix=hint)
            else:
                text = self.tr("Saved, ending in {suffix}").format(suffix=hint)
            row.line_edit.setPlaceholderText(text)

    def _secret_placeholder(self, key: str) -> str:
        """Return the placeholder of a secret field that has no saved value."""
        if key == API_KEY:
            return self._key_placeholder()
        external = self.provider.external_field(key)
        if external is None or not external.example:
            return ""
        return self._example_placeholder(external.example)

    def missing_required(self, *, key_saved: bool) -> list[str]:
        """Return the labels of required fields that are empty; a saved key counts as filled."""
        missing = []
        for key, row in self.rows.items():
            if not row.required or row.text().strip():
                continue
            if key == API_KEY and key_saved:
                continue
            missing.append(row.label_text)
        return missing

    # Messages under the fields.

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Show each problem under its field, with its corrected value as a one-click fix."""
        self.clear_messages()
        for problem in problems:
            row = self.rows.get(problem.field) or self.rows[API_KEY]
            row.show_message(problem_message(problem), "error", fix=problem.suggestion)
        first = next((self.rows.get(problem.field) for problem in problems), None)
        if first is not None:
            first.field.setFocus()

    def show_host_warnings(self) -> None:
        """Show check_form's API Host warnings under the field, unless another message is there.

        Warnings are risks that do not stop a save, such as plain http:// to a remote
        server or a Bedrock host in another region than the Region field.
        """
        row = self.rows[API_HOST]
        if row.message and row.message_kind != "warning":
            return
        values = self.values()
        checked = check_form(
            self.provider,
            values.api_host,
            values.model_type,
            values.external_config,
            Secret(),
        )
        warnings = [warning for warning in checked.warnings if warning.field == API_HOST]
        if not warnings:
            row.clear_message()
            return
        text = " ".join(problem_message(warning) for warning in warnings)
        fix = next((warning.suggestion for warning in warnings if warning.suggestion), None)
        row.show_message(text, "warning", fix=fix)

    def show_message(self, field_key: str, text: str, kind: str = "error") -> bool:
        """Show ``text`` under the field; return False when the card has no such field."""
        row = self.rows.get(field_key)
        if row is None:
            return False
        row.show_message(text, kind)
        return True

    def clear_messages(self) -> None:
        """Remove every message; the API Host warnings come back, as they still apply."""
        for row in self.rows.values():
            row.clear_message()
        self.show_host_warnings()
