"""At start the cards show the saved configs, and a key only when the keychain can return it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keyring

from app.catalog import get_provider
from app.forms import check_form
from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from app.ui.provider_form import SECRET_KEYS
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-startup-0123456789wxyz"


def store(
    service: ModelService, config_id: str, *, verified: bool = True, name: str | None = None
) -> None:
    provider = "openai-compatible" if config_id.startswith("openai-compatible") else config_id
    checked = check_form(
        get_provider(provider), "https://api.example.com/v1", "model-a", {}, Secret(api_key=KEY)
    )
    service.store_config(config_id, checked.config, checked.secret, verified=verified, name=name)


def test_saved_config_loaded_without_key(
    service: ModelService, make_window: Callable[[], MainWindow]
) -> None:
    store(service, "openai")
    service.set_default("openai")

    window = make_window()
    card = window.page.card("openai")
    assert card is not None

    assert card.status is CardStatus.DEFAULT
    assert card.form.rows["api_host"].text() == "https://api.example.com/v1"
    assert card.form.rows["model_type"].text() == "model-a"
    assert card.form.rows["api_key"].text() == ""
    assert card.form.rows["api_key"].line_edit.placeholderText() == "Saved key ending in wxyz"
    assert not card.is_dirty()
    assert not card.save_button.isEnabled()


def test_unreadable_key_asks_again(
    service: ModelService, make_window: Callable[[], MainWindow]
) -> None:
    store(service, "openai")
    keyring.delete_password("agent-models", "openai")

    window = make_window()
    card = window.page.card("openai")
    assert card is not None

    assert card.status is CardStatus.KEY_MISSING
    assert "could not be read from the keychain" in card.form.rows["api_key"].message
    assert card.form.rows["api_key"].line_edit.placeholderText() == "Key missing: enter it again"
    assert "API Key" in card.hint_label.text()
    assert not card.default_button.isEnabled()


def test_unverified_config_shows_badge(
    service: ModelService, make_window: Callable[[], MainWindow]
) -> None:
    store(service, "deepseek", verified=False)

    window = make_window()
    card = window.page.card("deepseek")
    assert card is not None

    assert card.status is CardStatus.UNVERIFIED
    assert card.badge.accessibleName() == "Status: Unverified"
    assert card.default_button.isEnabled()  # after a confirmation, see test_models_page


def test_saved_key_reused_when_field_empty(
    service: ModelService,
    make_window: Callable[[], MainWindow],
    drive: Any,
    fake_provider: FakeProviderServer,
) -> None:
    store(service, "openai")
    window = make_window()
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.type("api_host", f"{fake_provider.url}/v1")
    driver.save_and_wait()

    assert card.status is CardStatus.VALID
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"


def test_custom_endpoint_card_restored(
    service: ModelService, make_window: Callable[[], MainWindow]
) -> None:
    store(service, "openai-compatible-2", name="Office server")

    window = make_window()
    card = window.page.card("openai-compatible-2")
    assert card is not None

    assert card.display_name == "Office server"
    assert card.is_extra
    assert window.page.cards[-1] is card


ACCESS_KEY_ID = "AKIATESTSTARTUP0QRST"
SECRET_ACCESS_KEY = "secret-access-key-0123456789-abcdefghij"


def test_access_keys_hinted_on_their_fields(
    make_window: Callable[[], MainWindow], drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = make_window().page.card("aws-bedrock-converse")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_host=fake_provider.url,
        model_type="anthropic.claude-3-haiku-20240307-v1:0",
        access_key_id=ACCESS_KEY_ID,
        secret_access_key=SECRET_ACCESS_KEY,
    )
    driver.save_and_wait()
    assert card.is_configured, card.status_label.text()
    reopened = make_window().page.card("aws-bedrock-converse")
    assert reopened is not None

    for checked_card in (card, reopened):
        rows = checked_card.form.rows
        assert rows["api_key"].line_edit.placeholderText() == "e.g. ABSK…"
        assert rows["access_key_id"].line_edit.placeholderText() == "Saved, ending in QRST"
        assert rows["secret_access_key"].line_edit.placeholderText() == "Saved"
        assert rows["session_token"].line_edit.placeholderText() == ""
        assert all(rows[key].text() == "" for key in SECRET_KEYS)


def test_start_reads_each_key_once(
    service: ModelService, make_window: Callable[[], MainWindow], monkeypatch: Any
) -> None:
    store(service, "openai")
    store(service, "anthropic")
    reads: list[str] = []
    read_key = service.secrets.get

    def counting_get(config_id: str) -> Secret | None:
        reads.append(config_id)
        return read_key(config_id)

    monkeypatch.setattr(service.secrets, "get", counting_get)

    window = make_window()

    # Keychain reads are slow (a D-Bus round trip each), so the page reuses the one read.
    assert sorted(reads) == ["anthropic", "openai"]
    card = window.page.card("anthropic")
    assert card is not None
    assert card.form.rows["api_key"].line_edit.placeholderText() == "Saved key ending in wxyz"
