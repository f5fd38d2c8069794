"""The Agents > Models page: the card grid and its toolbar, import and export, outside changes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Provider, get_provider, load_catalog
from app.runtime.watch import SettingsFileWatcher, watch_settings
from app.service import ModelService, NotSavedError, SavedConfig
from app.settings.keystore import SettingsSecretStore, switch_secret_storage
from app.settings.model import Settings
from app.settings.secrets import KeychainError, SecretStoreError
from app.settings.store import Recovery, SettingsError
from app.ui.add_endpoint_dialog import AddEndpointDialog
from app.ui.badges import CardStatus
from app.ui.card_grid import CardGrid
from app.ui.dialogs import confirm, finished
from app.ui.focus_order import step_focus
from app.ui.icons import themed_icon
from app.ui.messages import error_message, join_names, secret_store_message, settings_text
from app.ui.provider_card import ProviderCard, saved_key_hints
from app.ui.theme import current_theme, set_role
from app.ui.toolbar import WrappingToolbar
from app.ui.transfer_actions import SettingsTransfer

logger = logging.getLogger(__name__)

OPENAI_COMPATIBLE = "openai-compatible"
# The command that moves keys from the key file back to the keychain.
KEYRING_STORAGE_COMMAND = "agent-models secret-storage keyring"


def search_text(card: ProviderCard) -> str:
    """Return the casefolded text that search matches on a card.

    It contains the card and provider names, the typed Model Type, and the models the
    Model Type list offers: the catalog's suggestions, or the list loaded from the provider.
    """
    names = [card.display_name, card.provider.name, card.form.values().model_type]
    names.extend(card.form.model_ids())
    return " ".join(names).casefold()


class ModelsPage(QWidget):
    """Every provider card, in catalog order, then the added custom endpoints."""

    # Emitted from the watcher's thread; connected with a queued connection, so that the
    # page reloads on the thread that owns the widgets.
    settings_changed_outside = Signal(object)
    settings_unreadable = Signal(object)

    def __init__(
        self,
        service: ModelService,
        client: Callable[[], httpx.AsyncClient],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._client = client
        self.cards: list[ProviderCard] = []
        self._dialog_task: asyncio.Task[None] | None = None
        self.watcher: SettingsFileWatcher | None = None
        # The recovery the banner last reported, so that each is reported once, including
        # one made by a save of this window.
        self._reported_recovery: Recovery | None = None
        # True while the banner reports settings.json as unreadable. A good reload clears it.
        self._banner_shows_unreadable = False
        self.transfer = SettingsTransfer(service, self)
        self.transfer.imported.connect(self.reload)
        self.transfer.message.connect(self.show_banner)
        self.settings_changed_outside.connect(
            self._on_settings_changed_outside, Qt.ConnectionType.QueuedConnection
        )
        self.settings_unreadable.connect(
            self._on_settings_unreadable, Qt.ConnectionType.QueuedConnection
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(self._build_heading())
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_storage_banner())
        layout.addWidget(self._build_toolbar())

        self.grid = CardGrid()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        set_role(self.empty_label, "muted")
        self.empty_label.setVisible(False)

        content = QWidget()
        content.setObjectName("gridContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 24)
        content_layout.setSpacing(10)
        content_layout.addLayout(self._build_section_heading())
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.grid)
        content_layout.addStretch(1)

        self.scroll_area = QScrollArea(self)
        # The cards' own fields take focus; a focused scroll area shows no focus mark at all.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setObjectName("gridScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setWidget(content)
        layout.addWidget(self.scroll_area, 1)

        for provider in load_catalog():
            self._add_card(provider)

    # Building the page.

    def _build_heading(self) -> QVBoxLayout:
        breadcrumb = QLabel(self.tr("Agents › Models"))  # noqa: RUF001 - a breadcrumb separator
        breadcrumb.setObjectName("breadcrumb")
        set_role(breadcrumb, "muted")
        heading = QLabel(self.tr("Models"))
        heading.setObjectName("pageHeading")
        set_role(heading, "heading")
        intro = QLabel(
            self.tr(
                "Bring your own API key: Save checks the key and model with the provider, then "
                "keeps "
                "the key in your system's keychain. Set as Default chooses the model your agents "
                "use."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "muted")

        # The import and export menu sits beside the heading, because the toolbar's width
        # sets the narrowest width of the window.
        heading_line = QHBoxLayout()
        heading_line.addWidget(heading)
        heading_line.addStretch(1)
        heading_line.addWidget(self._build_transfer_button(), 0, Qt.AlignmentFlag.AlignBottom)

        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(breadcrumb)
        column.addLayout(heading_line)
        column.addWidget(intro)
        return column

    def _build_section_heading(self) -> QVBoxLayout:
        # "Custom Model" is the section's name in the product. The subtitle explains that the
        # section contains the built-in providers too, each used with the user's own key.
        self.section_label = QLabel(self.tr("Custom Model"))
        set_role(self.section_label, "section")
        self.section_subtitle = QLabel(self.tr("Bring your own key for any of these providers."))
        self.section_subtitle.setObjectName("sectionSubtitle")
        self.section_subtitle.setWordWrap(True)
        set_role(self.section_subtitle, "muted")
        self.section_label.setAccessibleDescription(self.section_subtitle.text())

        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.section_label)
        column.addWidget(self.section_subtitle)
        return column

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.banner_label, "error")
        self.banner_label.setAccessibleName(self.tr("Problem"))
        self.key_file_button = QPushButton(self.tr("Keep keys in a file instead"), self.banner)
        self.key_file_button.setObjectName("keyFileButton")
        self.key_file_button.setAccessibleName(self.tr("Keep keys in a file instead"))
        self.key_file_button.setAccessibleDescription(
            self.tr(
                "Stores new keys in a file readable only by you, because the keychain cannot be "
                "used."
            )
        )
        self.key_file_button.setVisible(False)
        self.key_file_button.clicked.connect(
            lambda: self._run_dialog_task(self.keep_keys_in_file())
        )
        self.dismiss_button = QToolButton(self.banner)
        self.dismiss_button.setObjectName("dismissBannerButton")
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(lambda: self.show_banner(""))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.key_file_button, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.setVisible(False)
        return self.banner

    def _build_storage_banner(self) -> QFrame:
        """Build the lasting notice that keys are kept in the key file, not the keychain."""
        self.storage_banner = QFrame()
        self.storage_banner.setObjectName("banner")
        set_role(self.storage_banner, "warning")
        self.storage_banner_label = QLabel(
            self.tr(
                "Keys are kept in a file readable only by you, not in the system keychain. "
                "Anyone with access to your user account can read them. To move them to the "
                "keychain, run: {command}"
            ).format(command=KEYRING_STORAGE_COMMAND),
            self.storage_banner,
        )
        self.storage_banner_label.setObjectName("storageBannerLabel")
        self.storage_banner_label.setWordWrap(True)
        self.storage_banner_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        set_role(self.storage_banner_label, "warning")
        self.storage_banner_label.setAccessibleName(self.tr("Key storage"))
        banner_layout = QHBoxLayout(self.storage_banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.addWidget(self.storage_banner_label)
        self.storage_banner.setVisible(False)
        return self.storage_banner

    def _build_toolbar(self) -> WrappingToolbar:
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search providers and models"))
        self.search_field.setAccessibleName(self.tr("Search providers and models"))
        self.search_field.setAccessibleDescription(
            self.tr(
                "Shows only the cards whose name, Model Type or suggested models contain this text."
            )
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(
            themed_icon("search", current_theme().muted), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_field.setMinimumWidth(180)
        self.search_field.textChanged.connect(self.apply_filter)

        self.configured_first = QCheckBox(self.tr("Configured first"))
        self.configured_first.setObjectName("configuredFirst")
        self.configured_first.setAccessibleName(self.tr("Configured first"))
        self.configured_first.setAccessibleDescription(
            self.tr("Moves the cards with a saved configuration to the top.")
        )
        self.configured_first.toggled.connect(self.apply_filter)

        self.validate_all_button = QPushButton(self.tr("Validate all"))
        self.validate_all_button.setObjectName("validateAllButton")
        self.validate_all_button.setAccessibleName(self.tr("Validate all"))
        self.validate_all_button.setAccessibleDescription(
            self.tr(
                "Checks every saved configuration with its provider again. Nothing is changed on "
                "disk."
            )
        )
        self.validate_all_button.clicked.connect(self.validate_all)

        self.add_button = QPushButton(self.tr("Add custom endpoint"))
        self.add_button.setObjectName("addEndpointButton")
        self.add_button.setAccessibleName(self.tr("Add custom endpoint"))
        self.add_button.setAccessibleDescription(
            self.tr("Adds another OpenAI Compatible card, for example for a local model server.")
        )
        self.add_button.clicked.connect(lambda: self._run_dialog_task(self.add_custom_endpoint()))

        self.toolbar = WrappingToolbar(
            [self.search_field, self.configured_first],
            [self.validate_all_button, self.add_button],
        )
        return self.toolbar

    def _build_transfer_button(self) -> QPushButton:
        button = QPushButton(self.tr("Import / Export"), self)
        button.setObjectName("transferButton")
        button.setAccessibleName(self.tr("Import and export"))
        button.setAccessibleDescription(
            self.tr(
                "Exports the settings to a file, imports them from one, or imports keys from "
                "environment variables."
            )
        )

        menu = QMenu(button)
        self.export_action = QAction(self.tr("Export settings…"), menu)
        self.export_action.triggered.connect(
            lambda: self._run_dialog_task(self.transfer.export_settings())
        )
        self.import_action = QAction(self.tr("Import settings…"), menu)
        self.import_action.triggered.connect(
            lambda: self._run_dialog_task(self.transfer.import_settings())
        )
        self.import_env_action = QAction(self.tr("Import keys from environment…"), menu)
        self.import_env_action.triggered.connect(
            lambda: self._run_dialog_task(self.transfer.import_env_keys())
        )
        for action in (self.export_action, self.import_action, self.import_env_action):
            menu.addAction(action)
        button.setMenu(menu)
        self.transfer_button = button
        return button

    def _add_card(
        self, provider: Provider, config_id: str | None = None, name: str | None = None
    ) -> ProviderCard:
        card = ProviderCard(provider, self.service, self._client, config_id=config_id, name=name)
        card.default_requested.connect(self.request_default)
        card.saved.connect(self._on_card_saved)
        card.was_reset.connect(self._on_card_reset)
        card.keychain_failed.connect(self._on_keychain_failed)
        card.state_changed.connect(self._update_validate_all)
        self.cards.append(card)
        return card

    # Loading and the grid.

    def load(self) -> None:
        """Show the saved configs at start.

        A settings file that cannot be used, one that was moved aside because it could not
        be parsed, and an older file whose keys could not move to the keychain are reported
        in the banner.
        """
        problems: list[str] = []
        try:
            saved_configs = self.service.saved_configs()
            settings: Settings | None = self.service.load()
        except (SettingsError, SecretStoreError) as error:
            logger.error("saved configs not loaded: %s", error)
            problems.append(error_message(error))
            saved_configs, settings = [], None
        store = self.service.store
        if store.last_recovery is not None:
            problems.append(self._recovery_message(store.last_recovery))
            self._reported_recovery = store.last_recovery
        if store.last_migration_error is not None:
            problems.append(
                self.tr("The settings file could not be updated to this version: {error}").format(
                    error=store.last_migration_error
                )
            )
        saved_by_id = {saved.config_id: saved for saved in saved_configs}
        for saved in saved_configs:
            if self.card(saved.config_id) is None:
                self._add_extra_card(saved)

        keychain_error: SecretStoreError | None = None
        for card in self.cards:
            saved_config = saved_by_id.get(card.config_id)
            card_error = saved_config.key_error if saved_config is not None else None
            keychain_error = keychain_error or card_error
            card.load_saved(
                saved_config,
                self._saved_key_hints(saved_config),
                keychain_unreadable=card_error is not None,
            )
        if keychain_error is not None:
            problems.insert(
                0,
                self.tr("Saved keys could not be read from the keychain: {error}").format(
                    error=self._secret_store_message(keychain_error)
                ),
            )
        offer_key_file = keychain_error is not None and self._can_switch_to_key_file(settings)
        self.show_banner("\n\n".join(problems), offer_key_file=offer_key_file)
        self._show_key_storage(settings)
        self.apply_filter()

    def _show_recovery(self, recovery: Recovery, lost: list[str]) -> None:
        """Report a file moved aside after the window had loaded it, with the configs lost."""
        text = self._recovery_message(recovery)
        if lost:
            text += " " + self.tr(
                "These configs were not in the restored settings; save them again: {configs}."
            ).format(configs=join_names(lost))
        self.show_banner(text)

    def _recovery_message(self, recovery: Recovery) -> str:
        """Return what happened to an unreadable settings file, in the user's language."""
        if recovery.restored_from is not None:
            template = self.tr(
                "The settings file could not be read ({reason}). It was moved to {moved_to} "
                "and the settings were restored from the backup {backup}."
            )
        else:
            template = self.tr(
                "The settings file could not be read ({reason}). It was moved to {moved_to} "
                "and the program started with empty settings."
            )
        reason = recovery.reason
        if recovery.reason_text is not None:
            reason = settings_text(recovery.reason_text)
        return template.format(
            reason=reason, moved_to=recovery.moved_to, backup=recovery.restored_from
        )

    def _secret_store_message(self, error: SecretStoreError) -> str:
        card = self.card(error.config_id) if isinstance(error, KeychainError) else None
        return secret_store_message(error, card.display_name if card is not None else "")

    def _on_keychain_failed(self, message: str) -> None:
        # The card shows the whole message, so the banner only offers the way out.
        del message
        try:
            settings: Settings | None = self.service.load()
        except SettingsError:
            settings = None
        offer_key_file = self._can_switch_to_key_file(settings)
        if offer_key_file:
            self.show_banner(
                self.tr(
                    "The keychain cannot be used right now, so keys cannot be saved. You can "
                    "keep keys in a file instead."
                ),
                offer_key_file=True,
            )

    def _can_switch_to_key_file(self, settings: Settings | None) -> bool:
        return (
            isinstance(self.service.secrets, SettingsSecretStore)
            and settings is not None
            and settings.secret_storage != "file"  # noqa: S105 - a storage name
        )

    async def keep_keys_in_file(self) -> None:
        """Ask, then store new keys in the key file, because the keychain cannot be used."""
        secrets = self.service.secrets
        if not isinstance(secrets, SettingsSecretStore):
            return

        confirmed = await confirm(
            self.window(),
            self.tr("Keep keys in a file"),
            self.tr(
                "Keys will be kept in a file in your settings folder. Only your user account "
                "can read the file, but it is not encrypted: anyone who uses your account, and "
                "any program you run, can read the keys. Keep keys in a file?"
            ),
            self.tr("Keep keys in a file"),
            destructive=True,
        )
        if not confirmed:
            return

        try:
            switch = switch_secret_storage(secrets, "file")
        except (SecretStoreError, SettingsError) as error:
            logger.error("secret storage not switched to the key file: %s", error)
            self.show_banner(
                self.tr("Keys could not be moved to a file: {error}").format(
                    error=error_message(error)
                ),
                offer_key_file=True,
            )
            return
        logger.info("secret storage switched to the key file from the window")

        self.reload()
        missing = [card for card in self.cards if card.key_missing]
        for card in missing:
            card.show_key_missing()
        if missing or switch.unreadable:
            text = self.tr(
                "New keys are now kept in a file readable only by you. Enter the missing keys "
                "again and save."
            )
        else:
            text = self.tr("New keys are now kept in a file readable only by you.")
        self.show_banner(text, "info")

    def reload(self) -> None:
        """Show settings.json as it is now, keeping what the user typed into unsaved cards.

        A card without unsaved changes shows the saved config anew. A card with unsaved
        changes keeps its fields and updates its badge. Cards whose config did not change
        stay as they are, so a result or message on them stays too.
        """
        displayed = {
            card.config_id: card.saved_settings
            for card in self.cards
            if card.saved_settings is not None
        }
        try:
            saved_configs = self.service.saved_configs(unchanged=displayed)
            settings = self.service.load()
        except (SettingsError, SecretStoreError) as error:
            logger.error("settings not reloaded: %s", error)
            self.show_banner(error_message(error))
            self._banner_shows_unreadable = True
            return

        saved_by_id = {saved.config_id: saved for saved in saved_configs}
        recovery = self.service.store.last_recovery
        if recovery is not None and recovery is not self._reported_recovery:
            self._reported_recovery = recovery
            lost = [
                card.display_name
                for card in self.cards
                if card.saved_settings is not None and card.config_id not in settings.providers
            ]
            self._show_recovery(recovery, lost)
        elif self._banner_shows_unreadable:
            self.show_banner("")

        for saved in saved_configs:
            if self.card(saved.config_id) is None:
                self._add_extra_card(saved)
        for card in list(self.cards):
            fresh = saved_by_id.get(card.config_id)
            stored = settings.providers.get(card.config_id)
            unchanged = fresh is None and stored == displayed.get(card.config_id)
            if unchanged and card.saved_settings is not None:
                card.set_default_state(settings.default_provider == card.config_id)
            elif not unchanged:
                self._reload_card(card, fresh)
        self._show_key_storage(settings)
        self.apply_filter()

    def _reload_card(self, card: ProviderCard, saved: SavedConfig | None) -> None:
        if saved is None and card.saved_settings is None:
            return

        if saved is None and card.is_extra and not card.is_dirty():
            self._remove_card(card)
        elif card.is_dirty():
            card.keep_edits_and_load(saved, self._saved_key_hints(saved))
        else:
            card.load_saved(saved, self._saved_key_hints(saved))
        logger.info("card reloaded after an outside change: config_id=%s", card.config_id)

    def _show_key_storage(self, settings: Settings | None) -> None:
        new_keys_in_file = settings is not None and settings.secret_storage == "file"  # noqa: S105
        for card in self.cards:
            card.set_new_keys_in_file(new_keys_in_file)
        self.storage_banner.setVisible(settings is not None and settings.uses_key_file)

    # Watching settings.json.

    def start_watching(self) -> None:
        """Reload whenever settings.json changes, for example by the command line."""
        if self.watcher is not None:
            return
        self.watcher = watch_settings(
            self.settings_changed_outside.emit,
            self.service.settings_file,
            on_error=self.settings_unreadable.emit,
        )

    def stop_watching(self) -> None:
        """Stop the watcher and join its threads, so that no callback arrives afterwards."""
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.stop()

    def _on_settings_changed_outside(self, settings: Settings) -> None:
        # The window's own saves reach the watcher too, and ``settings`` may predate a save
        # made after the watcher read the file. So reload() reads the file again here, on the
        # thread that makes every write of the window, and what it reads matches the cards.
        del settings
        if self.watcher is None:
            return
        self.reload()

    def _on_settings_unreadable(self, error: Exception) -> None:
        if self.watcher is None:
            return
        self.show_banner(
            self.tr(
                "settings.json was changed, but it could not be read: {error} The window still "
                "shows the settings from before."
            ).format(error=error_message(error))
        )
        self._banner_shows_unreadable = True

    def _add_extra_card(self, saved: SavedConfig) -> None:
        try:
            provider = get_provider(saved.settings.provider)
        except KeyError:
            logger.warning(
                "saved config of unknown provider skipped: config_id=%s", saved.config_id
            )
            return
        self._add_card(provider, saved.config_id, saved.settings.name or saved.config_id)

    def _saved_key_hints(self, saved: SavedConfig | None) -> dict[str, str]:
        if saved is None or saved.secret is None:
            return {}
        return saved_key_hints(saved.secret)

    def card(self, config_id: str) -> ProviderCard | None:
        return next((card for card in self.cards if card.config_id == config_id), None)

    def visible_cards(self) -> list[ProviderCard]:
        """Return the cards the grid shows, in their order."""
        words = self.search_field.text().casefold().split()
        matching = [card for card in self.cards if all(word in search_text(card) for word in words)]
        if self.configured_first.isChecked():
            # list.sort is stable, so the cards keep catalog order within each group.
            matching.sort(key=lambda card: not card.is_configured)
        return matching

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab follows the cards as the grid shows them, not the order they were created in.
        return step_focus(self, self.grid.cards, next) or super().focusNextPrevChild(next)

    def apply_filter(self) -> None:
        visible = self.visible_cards()
        self.grid.set_cards(visible)
        text = self.search_field.text().strip()
        self.empty_label.setText(
            self.tr("No provider or model matches “{text}”.").format(text=text)
        )
        self.empty_label.setVisible(not visible)

    def show_banner(self, text: str, kind: str = "error", *, offer_key_file: bool = False) -> None:
        """Show ``text`` above the grid; ``kind`` is "error" or "info". An empty text hides it.

        ``offer_key_file`` shows the button that moves key storage to the key file.
        """
        self._banner_shows_unreadable = False
        self.key_file_button.setVisible(bool(text) and offer_key_file)
        self.banner_label.setText(text)
        set_role(self.banner_label, kind)
        set_role(self.banner, kind)
        self.banner_label.setAccessibleName(
            self.tr("Problem") if kind == "error" else self.tr("Message")
        )
        self.banner.setVisible(bool(text))

    # Actions.

    def request_default(self, config_id: str) -> None:
        """Set as Default, after a confirmation when the config is unverified."""
        card = self.card(config_id)
        if card is not None and card.status is CardStatus.UNVERIFIED:
            self._run_dialog_task(self.confirm_unverified_default(card))
            return
        self.set_default(config_id)

    async def confirm_unverified_default(self, card: ProviderCard) -> None:
        confirmed = await confirm(
            self.window(),
            self.tr("Set an unverified configuration as default"),
            self.tr(
                "{provider} was saved without validation, so its key and model are not proven. "
                "Agents may fail with it. Set it as the default anyway?"
            ).format(provider=card.display_name),
            self.tr("Set as Default"),
        )
        if confirmed:
            self.set_default(card.config_id)

    def set_default(self, config_id: str) -> None:
        """Make ``config_id`` the default; every card then shows whether it is the default."""
        try:
            self.service.set_default(config_id)
        except (NotSavedError, SettingsError) as error:
            self.show_banner(error_message(error))
            return
        self.show_banner("")
        for card in self.cards:
            card.set_default_state(card.config_id == config_id)
        logger.info("default chosen in the window: config_id=%s", config_id)

    def validate_all(self) -> int:
        """Start a validation on every saved card at once; return how many started."""
        started = sum(1 for card in self.cards if card.validate_saved())
        logger.info("validate all: started=%d", started)
        return started

    async def add_custom_endpoint(self) -> None:
        dialog = AddEndpointDialog({card.display_name for card in self.cards}, self.window())
        accepted = await finished(dialog) == AddEndpointDialog.DialogCode.Accepted
        name, api_host = dialog.endpoint_name, dialog.api_host
        dialog.deleteLater()
        if not accepted:
            return

        card = self._add_card(get_provider(OPENAI_COMPATIBLE), self.next_custom_config_id(), name)
        card.load_saved(None)
        if api_host:
            card.form.rows["api_host"].set_text(api_host)
        card.form.rows["api_host"].field.setFocus()
        self.search_field.clear()
        self.apply_filter()
        self.scroll_area.ensureWidgetVisible(card)
        card.refresh()

    def next_custom_config_id(self) -> str:
        """Return the first free id of the form openai-compatible-N, counting from 2."""
        taken = {card.config_id for card in self.cards}
        with contextlib.suppress(SettingsError):
            taken |= set(self.service.load().providers)
        number = 2
        while f"{OPENAI_COMPATIBLE}-{number}" in taken:
            number += 1
        return f"{OPENAI_COMPATIBLE}-{number}"

    def dirty_cards(self) -> list[ProviderCard]:
        return [card for card in self.cards if card.is_dirty()]

    def cancel_all(self) -> list[asyncio.Task[None]]:
        """Cancel every card's validation and every open dialog; return the cancelled tasks."""
        cancelled = [task for card in self.cards for task in card.cancel_all()]
        if self._dialog_task is not None and not self._dialog_task.done():
            self._dialog_task.cancel()
            cancelled.append(self._dialog_task)
        return cancelled

    def _run_dialog_task(self, coroutine: Coroutine[Any, Any, None]) -> None:
        if self._dialog_task is not None and not self._dialog_task.done():
            coroutine.close()
            return
        self._dialog_task = asyncio.get_event_loop().create_task(coroutine)

    def _on_card_saved(self, config_id: str) -> None:
        saved_default = self.service.load().default_provider
        for card in self.cards:
            card.set_default_state(card.config_id == saved_default)
        if self.configured_first.isChecked():
            self.apply_filter()

    def _on_card_reset(self, config_id: str) -> None:
        card = self.card(config_id)
        if card is not None and card.is_extra:
            self._remove_card(card)
        self.apply_filter()

    def _remove_card(self, card: ProviderCard) -> None:
        card.cancel_all()
        self.cards.remove(card)
        card.setParent(None)
        card.deleteLater()

    def _update_validate_all(self) -> None:
        self.validate_all_button.setEnabled(any(card.is_configured for card in self.cards))
