"""The "Tool calling" line of a card, filled by a check that runs after a valid save."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
from PySide6.QtWidgets import QLabel, QWidget

from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.background import BackgroundTask
from app.ui.theme import set_role
from app.validation.validator import ProviderConfig

logger = logging.getLogger(__name__)


class ToolSupportLine(QLabel):
    """Shows whether the saved model accepts tool definitions.

    The check is one more request, made in its own task once Save has shown its result,
    so it never delays the result. The outcome is information only: "not supported" and
    "unknown" leave a valid card valid.
    """

    def __init__(
        self,
        service: ModelService,
        client: Callable[[], httpx.AsyncClient],
        config_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._client = client
        self.supports_tools: bool | None = None
        self.background = BackgroundTask(f"tool calling check of {config_id}")
        self.setObjectName("toolsLine")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Tool calling"))
        set_role(self, "info")
        self.setVisible(False)

    @property
    def checking(self) -> bool:
        return self.background.running

    def check(self, config: ProviderConfig, secret: Secret) -> None:
        """Start the check of ``config``; a check already running is cancelled."""
        self.supports_tools = None
        self._show(self.tr("Tool calling: checking…"))
        self.background.start(self._check(config, secret))

    def clear(self) -> None:
        """Cancel a running check and hide the line, because the config it was for changed."""
        self.background.cancel()
        self.supports_tools = None
        self.setVisible(False)

    async def _check(self, config: ProviderConfig, secret: Secret) -> None:
        supports_tools = await self.service.check_tools(config, secret, client=self._client())
        self.show_support(supports_tools)

    def show_support(self, supports_tools: bool | None) -> None:
        self.supports_tools = supports_tools
        if supports_tools is None:
            text = self.tr(
                "Tool calling: unknown. The provider's answer did not show whether this model "
                "accepts tools."
            )
        elif supports_tools:
            text = self.tr("Tool calling: supported.")
        else:
            text = self.tr(
                "Tool calling: not supported. Agents that use tools may not work with this model."
            )
        self._show(text)

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(True)
