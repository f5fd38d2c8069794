"""Loading a provider's model list into the Model Type completions of a card."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import shiboken6
from PySide6.QtCore import QObject

from app.catalog import Provider
from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.background import BackgroundTask
from app.ui.messages import result_message
from app.ui.provider_form import MODEL_TYPE, ProviderForm
from app.validation.models import ModelListError

logger = logging.getLogger(__name__)


class ModelListLoader(QObject):
    """Reads the model ids of one card's provider in its own task, apart from validation.

    The ids become the items and completions of Model Type; the typed text never changes,
    so any other name can still be entered. The outcome is a message under Model Type.
    """

    def __init__(
        self,
        provider: Provider,
        service: ModelService,
        client: Callable[[], httpx.AsyncClient],
        form: ProviderForm,
        config_id: str,
    ) -> None:
        super().__init__(form)
        self.provider = provider
        self.service = service
        self._client = client
        self.form = form
        self.background = BackgroundTask(f"model list of {config_id}", on_done=self._update_button)

    @property
    def loading(self) -> bool:
        return self.background.running

    def load(self, api_host: str, secret: Secret) -> None:
        """Start reading the list from ``api_host``; a load already running is cancelled."""
        self.background.start(self._load(api_host, secret))
        self.form.show_message(MODEL_TYPE, self.tr("Loading the model list…"), "info")
        self._update_button()

    def cancel(self) -> None:
        """Stop a running load and remove its "Loading" message."""
        if self.background.cancel() is None:
            return
        row = self.form.rows[MODEL_TYPE]
        if row.message_kind == "info":
            row.clear_message()
        self._update_button()

    async def _load(self, api_host: str, secret: Secret) -> None:
        try:
            model_ids = await self.service.list_models(
                self.provider.id, api_host, secret, client=self._client()
            )
        except ModelListError as error:
            logger.info(
                "model list not loaded: provider=%s category=%s",
                self.provider.id,
                error.category.value,
            )
            self.form.show_message(
                MODEL_TYPE,
                self.tr("The model list could not be loaded: {message}").format(
                    message=result_message(error)
                ),
                "warning",
            )
            return

        if not model_ids:
            self.form.show_message(
                MODEL_TYPE,
                self.tr("{provider} listed no models. Type the model name.").format(
                    provider=self.provider.name
                ),
                "warning",
            )
            return
        self.form.set_model_ids(model_ids)
        self.form.show_message(
            MODEL_TYPE,
            self.tr(
                "Models loaded: {count}. Type part of a name to search them, or enter any other "
                "name."
            ).format(count=len(model_ids)),
            "info",
        )

    def _update_button(self) -> None:
        button = self.form.load_models_button
        # The done callback may run after the card was removed and its widgets deleted.
        if button is None or not shiboken6.isValid(button):
            return
        button.setEnabled(not self.loading)
