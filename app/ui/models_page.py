"""The Agents > Models page: search, the "Custom Model" grid, Validate all and custom endpoints."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Provider, get_provider, load_catalog
from app.service import ModelService, NotSavedError, SavedConfig
from app.settings.secrets import SecretStoreError
from app.settings.store import SettingsError
from app.ui.add_endpoint_dialog import AddEndpointDialog
from app.ui.card_grid import CardGrid
from app.ui.dialogs import finished
from app.ui.icons import themed_icon
from app.ui.provider_card import ProviderCard, key_suffix
from app.ui.theme import current_theme, set_role

logger = logging.getLogger(__name__)

OPENAI_COMPATIBLE = "openai-compatible"


class ModelsPage(QWidget):
    """Every provider card, in catalog order, then the added custom endpoints."""

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(self._build_heading())
        layout.addWidget(self._build_banner())
        layout.addLayout(self._build_toolbar())

        self.grid = CardGrid()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        set_role(self.empty_label, "muted")
        self.empty_label.setVisible(False)

        section = QLabel(self.tr("Custom Model"))
        set_role(section, "section")
        self.section_label = section

        content = QWidget()
        content.setObjectName("gridContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 24)
        content_layout.setSpacing(10)
        content_layout.addWidget(section)
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.grid)
        content_layout.addStretch(1)

        self.scroll_area = QScrollArea(self)
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

        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(breadcrumb)
        column.addWidget(heading)
        column.addWidget(intro)
        return column

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.banner_label, "error")
        self.banner_label.setAccessibleName(self.tr("Problem"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.addWidget(self.banner_label)
        self.banner.setVisible(False)
        return self.banner

    def _build_toolbar(self) -> QHBoxLayout:
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search providers"))
        self.search_field.setAccessibleName(self.tr("Search providers"))
        self.search_field.setAccessibleDescription(
            self.tr("Shows only the cards whose name contains this text.")
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(
            themed_icon("search", current_theme().muted), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_field.setMinimumWidth(220)
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

        toolbar = QHBoxLayout()
        toolbar.setSpacing(10)
        toolbar.addWidget(self.search_field, 1)
        toolbar.addWidget(self.configured_first)
        toolbar.addStretch(0)
        toolbar.addWidget(self.validate_all_button)
        toolbar.addWidget(self.add_button)
        return toolbar

    def _add_card(
        self, provider: Provider, config_id: str | None = None, name: str | None = None
    ) -> ProviderCard:
        card = ProviderCard(provider, self.service, self._client, config_id=config_id, name=name)
        card.default_requested.connect(self.set_default)
        card.saved.connect(self._on_card_saved)
        card.was_reset.connect(self._on_card_reset)
        card.state_changed.connect(self._update_validate_all)
        self.cards.append(card)
        return card

    # Loading and the grid.

    def load(self) -> None:
        """Show the saved configs; a settings file that cannot be used is reported in the banner."""
        self.show_banner("")
        try:
            saved_configs = self.service.saved_configs()
        except (SettingsError, SecretStoreError) as error:
            logger.error("saved configs not loaded: %s", error)
            self.show_banner(str(error))
            saved_configs = []
        recovery = getattr(self.service.store, "last_recovery", None)
        if recovery is not None:
            self.show_banner(recovery.message)

        saved_by_id = {saved.config_id: saved for saved in saved_configs}
        for saved in saved_configs:
            if self.card(saved.config_id) is None:
                self._add_extra_card(saved)

        for card in self.cards:
            saved_config = saved_by_id.get(card.config_id)
            card.load_saved(saved_config, self._saved_key_suffix(saved_config))
        self.apply_filter()

    def _add_extra_card(self, saved: SavedConfig) -> None:
        try:
            provider = get_provider(saved.settings.provider)
        except KeyError:
            logger.warning(
                "saved config of unknown provider skipped: config_id=%s", saved.config_id
            )
            return
        self._add_card(provider, saved.config_id, saved.settings.name or saved.config_id)

    def _saved_key_suffix(self, saved: SavedConfig | None) -> str | None:
        if saved is None or not saved.key_readable or saved.settings.secret_ref is None:
            return None
        try:
            secret = self.service.read_secret(saved.config_id)
        except SecretStoreError:
            return None
        return key_suffix(secret) if secret is not None else None

    def card(self, config_id: str) -> ProviderCard | None:
        return next((card for card in self.cards if card.config_id == config_id), None)

    def visible_cards(self) -> list[ProviderCard]:
        """Return the cards the grid shows, in their order."""
        words = self.search_field.text().casefold().split()
        matching = [
            card
            for card in self.cards
            if all(word in f"{card.display_name} {card.provider.name}".casefold() for word in words)
        ]
        if self.configured_first.isChecked():
            # list.sort is stable, so the cards keep catalog order within each group.
            matching.sort(key=lambda card: not card.is_configured)
        return matching

    def apply_filter(self) -> None:
        visible = self.visible_cards()
        self.grid.set_cards(visible)
        text = self.search_field.text().strip()
        self.empty_label.setText(self.tr("No provider matches “{text}”.").format(text=text))
        self.empty_label.setVisible(not visible)

    def show_banner(self, text: str) -> None:
        self.banner_label.setText(text)
        self.banner.setVisible(bool(text))

    # Actions.

    def set_default(self, config_id: str) -> None:
        """Make ``config_id`` the default; every card then shows whether it is the default."""
        try:
            self.service.set_default(config_id)
        except (NotSavedError, SettingsError) as error:
            self.show_banner(str(error))
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
            self.cards.remove(card)
            card.setParent(None)
            card.deleteLater()
        self.apply_filter()

    def _update_validate_all(self) -> None:
        self.validate_all_button.setEnabled(any(card.is_configured for card in self.cards))
