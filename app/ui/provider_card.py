"""One provider card: its form, Save with validation, Set as Default and Reset."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from html import escape
from typing import Any

import httpx
from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Provider
from app.forms import CheckedForm, check_form
from app.service import ModelService, SavedConfig
from app.settings.model import ProviderSettings
from app.settings.secrets import Secret, SecretStoreError
from app.settings.store import SettingsError
from app.ui.badges import CardStatus, Monogram, StatusBadge
from app.ui.dialogs import confirm
from app.ui.messages import (
    error_message,
    join_names,
    join_sentences,
    provider_text,
    result_message,
    secret_store_message,
)
from app.ui.model_list import ModelListLoader
from app.ui.provider_form import API_HOST, API_KEY, MODEL_TYPE, SECRET_KEYS, ProviderForm
from app.ui.result_details import ResultDetails
from app.ui.text import breakable
from app.ui.theme import set_role
from app.ui.tool_support import ToolSupportLine
from app.validation.hosts import MODEL_PLACEHOLDER, chat_url, check_api_host
from app.validation.result import Category, ValidationResult

logger = logging.getLogger(__name__)

# Failures that do not show whether the key works, so the user may store the config unverified.
SAVE_ANYWAY_CATEGORIES = frozenset(
    {Category.UNREACHABLE, Category.TIMEOUT, Category.SERVER_ERROR, Category.RATE_LIMITED}
)
KEY_SUFFIX_LENGTH = 4
# Shorter keys are not shown at all: four characters of a short key give too much away.
MIN_KEY_LENGTH_FOR_SUFFIX = 12


# Saved secret fields whose last characters the placeholder shows, for recognition.
# The secret access key and the session token show only that they are saved.
FIELDS_WITH_SUFFIX = frozenset({"api_key", "access_key_id"})


def saved_key_hints(secret: Secret) -> dict[str, str]:
    """Map each saved secret field to the last four characters it shows, or "" for none.

    Keys shorter than MIN_KEY_LENGTH_FOR_SUFFIX map to "" as well.
    """
    hints = {}
    for name, value in secret.values().items():
        if name in FIELDS_WITH_SUFFIX and len(value) >= MIN_KEY_LENGTH_FOR_SUFFIX:
            hints[name] = value[-KEY_SUFFIX_LENGTH:]
        else:
            hints[name] = ""
    return hints


class ProviderCard(QFrame):
    """The card of one config id: a catalog provider, or an extra OpenAI Compatible endpoint.

    The card owns at most one validation task; editing the card, Save again, Esc, Cancel
    and closing the window cancel it. The model list load and the tool calling check run in
    tasks of their own, so that neither holds up the Save result.
    """

    saved = Signal(str)
    default_requested = Signal(str)
    was_reset = Signal(str)
    state_changed = Signal()
    # Emitted with the message when a key could not be stored or read, so that the page can
    # offer the key file.
    keychain_failed = Signal(str)

    def __init__(
        self,
        provider: Provider,
        service: ModelService,
        client: Callable[[], httpx.AsyncClient],
        *,
        config_id: str | None = None,
        name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.provider = provider
        self.service = service
        self._client = client
        self.config_id = config_id or provider.id
        self.name = name
        self.saved_settings: ProviderSettings | None = None
        # The saved secret fields and the characters their placeholders show.
        self.saved_key_hints: dict[str, str] = {}
        self.key_missing = False
        self.is_default = False
        # True when settings.json sends new keys to the key file instead of the keychain.
        self.new_keys_in_file = False
        self.failed = False
        self.last_result: ValidationResult | None = None
        self.task: asyncio.Task[None] | None = None
        self._dialog_task: asyncio.Task[None] | None = None
        self._suggested_host = ""

        self.setObjectName("providerCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())

        self.form = ProviderForm(provider, self)
        layout.addWidget(self.form)
        self.form.edited.connect(self._on_edited)
        self.form.submitted.connect(self._submit)
        self.model_list = ModelListLoader(provider, service, client, self.form, self.config_id)
        self.form.load_models_requested.connect(self.request_model_list)

        self._build_result_lines(layout)
        layout.addLayout(self._build_fix_buttons())
        self.details = ResultDetails(self)
        layout.addWidget(self.details)

        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        set_role(self.hint_label, "muted")
        layout.addWidget(self.hint_label)
        # The grid gives the cards of a row one height, and the stretch keeps their buttons
        # and links level at the bottom.
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self._build_links())

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._cancel_by_user)

        self._baseline = self.form.values().settings_part()
        self._show_status(self.tr("Not configured yet."), "muted")
        self.refresh()

    # Building the card.

    @property
    def display_name(self) -> str:
        return self.name or provider_text(self.provider.name)

    def _build_header(self) -> QHBoxLayout:
        self.monogram = Monogram(self.display_name, self.config_id, self)

        self.title_label = QLabel(self.display_name, self)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)
        set_role(self.title_label, "cardTitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        if self.name:
            subtitle = QLabel(provider_text(self.provider.name), self)
            set_role(subtitle, "muted")
            titles.addWidget(subtitle)

        self.badge = StatusBadge(self)
        titles.addSpacing(4)
        titles.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)

        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(self.monogram, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(titles, 1)
        return header

    def _build_result_lines(self, layout: QVBoxLayout) -> None:
        self.url_label = QLabel(self)
        self.url_label.setObjectName("urlLabel")
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.url_label, "muted")
        layout.addWidget(self.url_label)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLine")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.status_label)

        self.tools_label = ToolSupportLine(self.service, self._client, self.config_id, self)
        layout.addWidget(self.tools_label)

        self.key_file_label = QLabel(self)
        self.key_file_label.setObjectName("keyFileLine")
        self.key_file_label.setWordWrap(True)
        self.key_file_label.setAccessibleName(self.tr("Key storage"))
        set_role(self.key_file_label, "warning")
        self.key_file_label.setVisible(False)
        layout.addWidget(self.key_file_label)

    def _build_fix_buttons(self) -> QHBoxLayout:
        self.use_host_button = QPushButton(self)
        self.use_host_button.setObjectName("useHostButton")
        self.use_host_button.setAccessibleName(self.tr("Use the suggested API Host"))
        self.use_host_button.setVisible(False)
        self.use_host_button.clicked.connect(self._use_suggested_host)

        self.save_anyway_button = QPushButton(self.tr("Save without validation"), self)
        self.save_anyway_button.setObjectName("saveAnywayButton")
        self.save_anyway_button.setAccessibleName(self.tr("Save without validation"))
        self.save_anyway_button.setAccessibleDescription(
            self.tr("Stores the key and settings although the provider could not check them.")
        )
        self.save_anyway_button.setVisible(False)
        self.save_anyway_button.clicked.connect(
            lambda: self._run_dialog_task(self._save_without_validation())
        )

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.use_host_button)
        row.addWidget(self.save_anyway_button)
        row.addStretch(1)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        set_role(self.save_button, "primary")
        self.save_button.setAccessibleName(
            self.tr("Save {provider}").format(provider=self.display_name)
        )
        self.save_button.clicked.connect(self.request_save)

        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel validation"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Stops the running validation. Shortcut: Esc.")
        )
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel_by_user)

        self.default_button = QPushButton(self.tr("Set as Default"), self)
        self.default_button.setObjectName("defaultButton")
        self.default_button.setAccessibleName(
            self.tr("Set {provider} as default").format(provider=self.display_name)
        )
        self.default_button.clicked.connect(lambda: self.default_requested.emit(self.config_id))

        reset_text = self.tr("Remove") if self.is_extra else self.tr("Reset")
        self.reset_button = QPushButton(reset_text, self)
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setAccessibleName(f"{reset_text} {self.display_name}")
        self.reset_button.setAccessibleDescription(
            self.tr("Deletes the saved key from the keychain and this card's settings.")
        )
        self.reset_button.clicked.connect(lambda: self._run_dialog_task(self._reset()))

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.default_button)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        return row

    def _build_links(self) -> QLabel:
        key_page_text = self.tr("Get an API key")
        docs_text = self.tr("Documentation")
        links = []
        if self.provider.key_page_url:
            links.append(
                f'<a href="{escape(self.provider.key_page_url)}">{escape(key_page_text)}</a>'
            )
        if self.provider.docs_url:
            links.append(f'<a href="{escape(self.provider.docs_url)}">{escape(docs_text)}</a>')

        label = QLabel(" · ".join(links), self)
        label.setObjectName("linksLabel")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.setAccessibleName(self.tr("Links for {provider}").format(provider=self.display_name))
        label.setAccessibleDescription(
            self.tr("Opens the provider's key page or documentation in your browser.")
        )
        label.setVisible(bool(links))
        return label

    # State.

    @property
    def is_extra(self) -> bool:
        """True for an added OpenAI Compatible endpoint, whose card Reset removes."""
        return self.config_id != self.provider.id

    @property
    def is_configured(self) -> bool:
        return self.saved_settings is not None

    @property
    def is_validating(self) -> bool:
        # Cleared by the done callback, not by the task finishing, so that a caller who finds
        # the validation over also finds the card refreshed.
        return self.task is not None

    @property
    def status(self) -> CardStatus:
        if self.is_validating:
            return CardStatus.VALIDATING
        if self.failed:
            return CardStatus.FAILED
        if self.key_missing:
            return CardStatus.KEY_MISSING
        if self.saved_settings is None:
            return CardStatus.NOT_CONFIGURED
        # Which card agents use matters most, so Default shows even for an unverified
        # config; the user confirmed that choice when setting it.
        if self.is_default:
            return CardStatus.DEFAULT
        if not self.saved_settings.verified:
            return CardStatus.UNVERIFIED
        return CardStatus.VALID

    def is_dirty(self) -> bool:
        """True when the fields differ from what was saved (or from the defaults)."""
        return self.form.has_typed_secret() or self.form.values().settings_part() != self._baseline

    def missing_required(self) -> list[str]:
        settings = self.saved_settings
        key_saved = (
            settings is not None and settings.secret_ref is not None and not self.key_missing
        )
        return self.form.missing_required(key_saved=key_saved)

    def load_saved(
        self,
        saved: SavedConfig | None,
        key_hints: dict[str, str] | None = None,
        *,
        keychain_unreadable: bool = False,
    ) -> None:
        """Show a saved config (or the provider's defaults for None) without the key itself.

        ``keychain_unreadable`` is True when the keychain itself failed, not when the key is
        absent from it. The page banner then gives the reason and the fix.
        """
        self.cancel_validation(None)
        self.model_list.cancel()
        self.tools_label.clear()
        self.form.reset_model_ids()
        self.failed = False
        self.last_result = None
        self.details.show_result(None)
        self._hide_fixes()
        self.form.clear_messages()
        self.form.clear_secrets()

        self.saved_settings = saved.settings if saved else None
        self.is_default = bool(saved and saved.is_default)
        self.key_missing = bool(saved and not saved.key_readable)
        self.saved_key_hints = key_hints or {}

        if saved is None:
            defaults = self.provider.external_defaults()
            self.form.set_values(self.provider.default_api_host, "", defaults)
            self._show_status(self.tr("Not configured yet."), "muted")
        else:
            settings = saved.settings
            self.form.set_values(settings.api_host, settings.model_type, settings.external_config)
            self._show_saved_status()

        self.form.set_saved_key(self.saved_key_hints, missing=self.key_missing)
        if self.key_missing:
            self.show_key_missing(keychain_unreadable=keychain_unreadable)
        self._baseline = self.form.values().settings_part()
        self.refresh()

    def show_key_missing(self, *, keychain_unreadable: bool = False) -> None:
        """Say under API Key why the saved key is not available and what to do."""
        if keychain_unreadable:
            text = self.tr(
                "The keychain could not be read, so the saved key is not available. The message "
                "above the cards says how to fix it."
            )
        else:
            text = self.tr(
                "The saved key could not be read from the keychain. Enter the key again and save."
            )
        self.form.show_message(API_KEY, text)

    def set_default_state(self, is_default: bool) -> None:
        if self.is_default != is_default:
            self.is_default = is_default
            if self.saved_settings is not None and not self.failed and not self.is_validating:
                self._show_saved_status()
            self.refresh()

    def keep_edits_and_load(
        self, saved: SavedConfig | None, key_hints: dict[str, str] | None = None
    ) -> None:
        """Take a config that another process saved, but keep the fields the user is editing.

        The badge, the saved key placeholder and what counts as unsaved follow ``saved``;
        the typed values and keys stay, so Save still stores them.
        """
        self.saved_settings = saved.settings if saved else None
        self.is_default = bool(saved and saved.is_default)
        self.key_missing = bool(saved and not saved.key_readable)
        self.saved_key_hints = key_hints or {}
        self.form.set_saved_key(self.saved_key_hints, missing=self.key_missing)

        if saved is None:
            defaults = self.provider.external_defaults()
            self._baseline = self.form.settings_part_of(
                self.provider.default_api_host, "", defaults
            )
        else:
            settings = saved.settings
            self._baseline = self.form.settings_part_of(
                settings.api_host, settings.model_type, dict(settings.external_config)
            )
        if not self.is_validating and not self.failed:
            if saved is None:
                self._show_status(self.tr("Not configured yet."), "muted")
            else:
                self._show_saved_status()
        self.refresh()

    def set_new_keys_in_file(self, in_file: bool) -> None:
        """Record whether Save puts new keys in the key file, which the card warns about."""
        if self.new_keys_in_file != in_file:
            self.new_keys_in_file = in_file
            self.refresh()

    # Save and validation.

    def request_save(self) -> None:
        """Check the form; if it is usable, validate and store it in this card's task."""
        checked = self._checked_form()
        if checked is None:
            return
        self.form.clear_messages()
        self.tools_label.clear()
        self._start(self._save(checked))

    def validate_saved(self) -> bool:
        """Validate the saved config again without storing anything; False if there is none."""
        settings = self.saved_settings
        if settings is None or self.key_missing:
            return False
        try:
            secret = self.service.read_secret(self.config_id) or Secret()
        except SecretStoreError as error:
            self._show_keychain_error(error)
            return False

        checked = check_form(
            self.provider,
            settings.api_host,
            settings.model_type,
            dict(settings.external_config),
            secret,
        )
        if not checked.ok:
            self.form.show_problems(checked.problems)
            return False
        self._start(self._validate_only(checked))
        return True

    def cancel_validation(self, message: str | None) -> None:
        """Cancel the running validation, if any, and show ``message`` on the status line."""
        if self.task is None or self.task.done():
            return
        self.task.cancel()
        self.task = None
        logger.info("validation cancelled: config_id=%s", self.config_id)
        if message:
            self._show_status(message, "warning")
        elif self.saved_settings is not None:
            self._show_saved_status()
        self.refresh()

    def cancel_all(self) -> list[asyncio.Task[None]]:
        """Cancel every task of this card and any open dialog; return the cancelled tasks."""
        tasks = (
            self.task,
            self._dialog_task,
            self.model_list.background.task,
            self.tools_label.background.task,
        )
        running = [task for task in tasks if task is not None and not task.done()]
        self.cancel_validation(None)
        self.model_list.cancel()
        self.tools_label.background.cancel()
        for task in running:
            task.cancel()
        return running

    def _cancel_by_user(self) -> None:
        """Esc or Cancel: stop the validation and a model list load."""
        self.cancel_validation(self.tr("Validation cancelled."))
        self.model_list.cancel()

    def request_model_list(self) -> None:
        """Load the provider's models with the typed or saved key, in a task of its own."""
        values = self.form.values()
        try:
            secret = self._effective_secret(values.secret)
        except SecretStoreError as error:
            self.form.show_message(API_KEY, secret_store_message(error, self.display_name))
            return

        checked = check_form(
            self.provider, values.api_host, values.model_type, values.external_config, secret
        )
        # Model Type is what the list helps to fill in, so it may still be empty.
        problems = [problem for problem in checked.problems if problem.field != MODEL_TYPE]
        if problems:
            self.form.show_problems(problems)
            return
        self.model_list.load(checked.config.api_host, checked.secret)

    def _checked_form(self) -> CheckedForm | None:
        values = self.form.values()
        try:
            secret = self._effective_secret(values.secret)
        except SecretStoreError as error:
            self._show_keychain_error(error)
            return None

        checked = check_form(
            self.provider, values.api_host, values.model_type, values.external_config, secret
        )
        if not checked.ok:
            self.form.show_problems(checked.problems)
            self._show_status(
                self.tr("Not saved. Correct the marked fields and save again."), "error"
            )
            self.refresh()
            return None
        return checked

    def _effective_secret(self, typed: Secret) -> Secret:
        """Return the typed secrets, or the saved ones when the user typed none."""
        if not typed.is_empty():
            return typed
        settings = self.saved_settings
        if settings is None or settings.secret_ref is None or self.key_missing:
            return typed
        return self.service.read_secret(self.config_id) or typed

    def _start(self, coroutine: Coroutine[Any, Any, None]) -> None:
        self.cancel_validation(None)
        self.task = asyncio.get_event_loop().create_task(coroutine)
        self.task.add_done_callback(self._on_task_done)
        self._show_validating()

    def _on_task_done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            task.get_loop().call_exception_handler(
                {
                    "message": f"Validation of {self.config_id} failed",
                    "exception": task.exception(),
                    "task": task,
                }
            )
            self._show_status(
                self.tr("Validation stopped because of an internal error. See the log."), "error"
            )
        if self.task is task:
            self.task = None
        self.refresh()

    async def _save(self, checked: CheckedForm) -> None:
        try:
            result = await self.service.save(
                self.config_id,
                checked.config,
                checked.secret,
                client=self._client(),
                name=self.name,
            )
        except SecretStoreError as error:
            self._show_keychain_error(error)
            return
        except SettingsError as error:
            self.failed = True
            self._show_status(
                self.tr("Validated, but the settings could not be written: {error}").format(
                    error=error_message(error)
                ),
                "error",
            )
            return

        self._show_result(result, stored=True)
        if result.ok:
            self._after_stored(checked)
            self._start_model_checks(checked)

    def _start_model_checks(self, checked: CheckedForm) -> None:
        """After a valid save, load the model list and check tool calling, each in its task."""
        if self.provider.lists_models:
            self.model_list.load(checked.config.api_host, checked.secret)
        self.tools_label.check(checked.config, checked.secret)

    async def _validate_only(self, checked: CheckedForm) -> None:
        result = await self.service.validate(checked.config, checked.secret, client=self._client())
        self._show_result(result, stored=False)

    async def _save_without_validation(self) -> None:
        checked = self._checked_form()
        if checked is None:
            return
        rate_limited = (
            self.last_result is not None and self.last_result.category is Category.RATE_LIMITED
        )
        if rate_limited:
            text = self.tr(
                "{provider} is rate limiting this key, so the key and model are not proven. "
                "Save the key and settings anyway? The card will show Unverified, and setting it "
                "as the default will ask you to confirm again."
            )
        else:
            text = self.tr(
                "{provider} could not be reached, so the key and model are not proven. "
                "Save the key and settings anyway? The card will show Unverified, and setting it "
                "as the default will ask you to confirm again."
            )
        confirmed = await confirm(
            self.window(),
            self.tr("Save without validation"),
            text.format(provider=self.display_name),
            self.tr("Save without validation"),
        )
        if not confirmed:
            return
        try:
            await asyncio.to_thread(
                self.service.store_config,
                self.config_id,
                checked.config,
                checked.secret,
                verified=False,
                name=self.name,
            )
        except SecretStoreError as error:
            self._show_keychain_error(error)
            return
        except SettingsError as error:
            self._show_status(error_message(error), "error")
            return
        self.failed = False
        self._hide_fixes()
        self._after_stored(checked)

    def _after_stored(self, checked: CheckedForm) -> None:
        self.saved_settings = self.service.load().providers.get(self.config_id)
        self.key_missing = False
        self.saved_key_hints = saved_key_hints(checked.secret)

        # The key leaves the widget once it is in the keychain; the placeholder shows its end.
        self.form.clear_secrets()
        config = checked.config
        self.form.set_values(config.api_host, config.model_type, dict(config.external_config))
        self.form.set_saved_key(self.saved_key_hints)
        self._baseline = self.form.values().settings_part()
        if self.saved_settings is not None and not self.saved_settings.verified:
            self._show_saved_status()
        self.refresh()
        self.saved.emit(self.config_id)

    async def _reset(self) -> None:
        if self.is_extra:
            title = self.tr("Remove {provider}").format(provider=self.display_name)
            text = self.tr(
                "Remove this endpoint? Its key is deleted from the keychain and its settings from "
                "settings.json."
            )
            action = self.tr("Remove")
        else:
            title = self.tr("Reset {provider}").format(provider=self.display_name)
            text = self.tr(
                "Reset this card? Its key is deleted from the keychain and its settings from "
                "settings.json."
            )
            action = self.tr("Reset")
        if not self.is_configured:
            text = self.tr("Discard your changes to this card?")
        if not await confirm(self.window(), title, text, action, destructive=True):
            return

        self.cancel_validation(None)
        if self.is_configured:
            try:
                self.service.reset(self.config_id)
            except (SecretStoreError, SettingsError) as error:
                self._show_status(error_message(error), "error")
                return
        self.load_saved(None)
        self._show_status(self.tr("Reset to the provider's defaults."), "muted")
        self.was_reset.emit(self.config_id)

    def _run_dialog_task(self, coroutine: Coroutine[Any, Any, None]) -> None:
        if self._dialog_task is not None and not self._dialog_task.done():
            coroutine.close()
            return
        self._dialog_task = asyncio.get_event_loop().create_task(coroutine)
        self._dialog_task.add_done_callback(self._on_task_done)

    # Showing results.

    def _show_validating(self) -> None:
        self.failed = False
        self.last_result = None
        self.details.show_result(None)
        self._hide_fixes()
        self._show_status(self.tr("Validating…"), "info")
        self.refresh()

    def _show_result(self, result: ValidationResult, *, stored: bool) -> None:
        self.last_result = result
        self.failed = not result.ok
        self.details.show_result(result)
        self.form.clear_messages()

        message = result_message(result)
        if result.ok:
            latency = f" ({result.latency_ms} ms)" if result.latency_ms is not None else ""
            self._show_status(message + latency, "success")
        else:
            on_field = result.field is not None and self.form.show_message(result.field, message)
            if stored and self.saved_settings is not None:
                outcome = self.tr("Validation failed. Your saved configuration was not changed.")
            elif stored:
                outcome = self.tr("Validation failed. Nothing was saved.")
            else:
                outcome = self.tr("Validation failed.")
            next_step = self._next_step(result.category)
            if next_step:
                outcome = join_sentences(outcome, next_step)
            self._show_status(outcome if on_field else join_sentences(message, outcome), "error")
            self._offer_fixes(result)
        self.refresh()

    def _next_step(self, category: Category) -> str:
        """Return the specification's solution for the three documented messages, else ""."""
        if category is Category.INVALID_KEY:
            return self.tr("Double-check your API key. Regenerate a new key if needed.")
        if category is Category.INVALID_MODEL:
            return self.tr(
                "Verify the model name is correct. Check if you have access to that model."
            )
        if category is Category.QUOTA_EXCEEDED:
            return self.tr(
                "Check your provider's billing dashboard. Add credits or upgrade your plan."
            )
        return ""

    def _offer_fixes(self, result: ValidationResult) -> None:
        suggested = getattr(result, "suggested_api_host", None)
        if suggested:
            self._suggested_host = suggested
            text = self.tr("Use {host}").format(host=suggested)
            self.use_host_button.setText(text)
            self.use_host_button.setAccessibleName(text)
            self.use_host_button.setAccessibleDescription(
                self.tr(
                    "Replaces the API Host with the address that answered. Save again to validate "
                    "it."
                )
            )
            self.use_host_button.setVisible(True)
        if result.category in SAVE_ANYWAY_CATEGORIES:
            self.save_anyway_button.setVisible(True)

    def _hide_fixes(self) -> None:
        self.use_host_button.setVisible(False)
        self.save_anyway_button.setVisible(False)

    def _use_suggested_host(self) -> None:
        self.form.rows[API_HOST].set_text(self._suggested_host)
        self.form.rows[API_HOST].clear_message()
        self.use_host_button.setVisible(False)
        self._show_status(
            self.tr("API Host changed to {host}. Save to validate it.").format(
                host=self._suggested_host
            ),
            "info",
        )
        self.refresh()

    def _show_saved_status(self) -> None:
        settings = self.saved_settings
        if settings is None:
            return
        if self.key_missing:
            self._show_status(
                self.tr("Saved, but the key is missing. Enter it again and save."), "error"
            )
        elif not settings.verified:
            self._show_status(self.tr("Saved without validation."), "warning")
        elif settings.validated_at is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(settings.validated_at.timestamp()))
            when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
            self._show_status(self.tr("Saved. Validated on {time}.").format(time=when), "success")
        else:
            self._show_status(self.tr("Saved."), "success")

    def _show_keychain_error(self, error: SecretStoreError) -> None:
        self.failed = True
        message = secret_store_message(error, self.display_name)
        self.form.show_message(API_KEY, message)
        self.keychain_failed.emit(message)
        self._show_status(
            self.tr("The key could not be stored or read. Nothing was saved."), "error"
        )
        self.refresh()

    def _show_status(self, text: str, kind: str) -> None:
        """Show ``text`` on the status line and announce it through accessible descriptions."""
        self.status_label.setText(breakable(text))
        set_role(self.status_label, kind)
        self.status_label.setAccessibleDescription(text)
        self.save_button.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    # Reacting to the user.

    def _on_edited(self, key: str) -> None:
        if self.is_validating:
            self.cancel_validation(
                self.tr(
                    "Validation cancelled because the card changed. Save again to check the new "
                    "values."
                )
            )
        row = self.form.rows.get(key)
        if row is not None:
            row.clear_message()
        if key == API_HOST or key in SECRET_KEYS:
            # A list read from another host or with another key would mislead.
            self.model_list.cancel()
        self.form.show_host_warnings()
        self.refresh()

    def _submit(self) -> None:
        """Enter in a field: save when Save is enabled, otherwise show what is missing."""
        if self.save_button.isEnabled():
            self.request_save()
        elif self.missing_required():
            self._checked_form()

    def refresh(self) -> None:
        status = self.status
        self.badge.set_status(status)
        if self.property("isDefault") != (status is CardStatus.DEFAULT):
            self.setProperty("isDefault", status is CardStatus.DEFAULT)
            self.style().unpolish(self)
            self.style().polish(self)

        missing = self.missing_required()
        changed = self.is_dirty() or status in (CardStatus.FAILED, CardStatus.UNVERIFIED)
        self.save_button.setEnabled(not missing and changed)
        # Cancel takes Set as Default's place while validating, so the row fits a narrow card.
        self.cancel_button.setVisible(status is CardStatus.VALIDATING)
        self.default_button.setVisible(status is not CardStatus.VALIDATING)
        self.default_button.setEnabled(
            status in (CardStatus.VALID, CardStatus.UNVERIFIED) and not self.is_dirty()
        )
        self.reset_button.setEnabled(self.is_configured or self.is_dirty() or self.is_extra)

        if missing:
            self.hint_label.setText(
                self.tr("To save, fill in: {fields}.").format(fields=join_names(missing))
            )
        elif not changed and status in (CardStatus.VALID, CardStatus.DEFAULT):
            self.hint_label.setText(self.tr("No unsaved changes."))
        else:
            self.hint_label.setText("")
        self.hint_label.setVisible(bool(self.hint_label.text()))
        self.default_button.setToolTip(self._default_hint(status))

        self._update_url()
        self._update_key_file_warning()
        self.setAccessibleName(self.tr("{provider} card").format(provider=self.display_name))
        self.state_changed.emit()

    def _update_key_file_warning(self) -> None:
        settings = self.saved_settings
        if settings is not None and settings.key_in_file:
            text = self.tr(
                "This key is kept in a file readable only by you, not in the system keychain."
            )
        elif self.new_keys_in_file:
            text = self.tr(
                "Save keeps the key in a file readable only by you, not in the system keychain."
            )
        else:
            text = ""
        self.key_file_label.setText(text)
        self.key_file_label.setAccessibleDescription(text)
        self.key_file_label.setVisible(bool(text))

    def _default_hint(self, status: CardStatus) -> str:
        if status is CardStatus.DEFAULT:
            return self.tr("This configuration is already the default.")
        if status is CardStatus.VALID and not self.is_dirty():
            return self.tr("Agents will use this configuration.")
        if status is CardStatus.UNVERIFIED and not self.is_dirty():
            return self.tr("Not validated yet: you will be asked to confirm.")
        return self.tr("Save and validate this card first.")

    def _update_url(self) -> None:
        values = self.form.values()
        host, problem = check_api_host(values.api_host)
        if problem is not None:
            text = self.tr("Enter a valid API Host to see the URL that Save will call.")
            self.url_label.setText(text)
            self.url_label.setAccessibleName(text)
            return
        model = values.model_type.strip() or MODEL_PLACEHOLDER
        url = chat_url(self.provider, host, model, values.external_config)
        self.url_label.setText(self.tr("Save calls: POST {url}").format(url=breakable(url)))
        self.url_label.setAccessibleName(self.tr("Save calls: POST {url}").format(url=url))
        self.url_label.setToolTip(url)
