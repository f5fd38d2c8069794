"""Languages: the shipped catalogs load, translate the documented messages, and nothing clips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.catalog import load_catalog
from app.ui.main_window import MainWindow
from app.ui.translations import I18N_DIR, install_translations, pseudo_localize, remove_translations
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-lang-0123456789abcd"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Return a function that installs a language; it is removed again at the end."""
    installed: list[Any] = []

    def install(name: str) -> None:
        installed.extend(install_translations(qapp, name))

    yield install
    remove_translations(qapp, installed)


@pytest.fixture
def save_in_language(
    language: Callable[[str], None],
    make_window: Callable[[], MainWindow],
    drive: Any,
    fake_provider: FakeProviderServer,
) -> Callable[..., Any]:
    """Return a function that installs a language, saves the OpenAI card and returns its driver."""

    def save(name: str, model_type: str = "gpt-4.1-mini") -> Any:
        language(name)
        card = make_window().page.card("openai")
        assert card is not None
        driver = drive(card)
        driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type=model_type)
        driver.save_and_wait()
        return driver

    return save


@pytest.mark.parametrize(
    ("name", "save", "heading", "invalid_key"),
    [
        ("zh_CN", "保存", "模型", "密钥无效。验证失败。"),
        ("es", "Guardar", "Modelos", "Clave no válida. La validación falló."),
    ],
)
def test_language_translates_window_and_messages(
    *,
    language: Callable[[str], None],
    make_window: Callable[[], MainWindow],
    drive: Any,
    fake_provider: FakeProviderServer,
    name: str,
    save: str,
    heading: str,
    invalid_key: str,
) -> None:
    language(name)
    window = make_window()
    card = window.page.card("openai")
    assert card is not None

    assert card.save_button.text() == save
    assert window.page.findChild(QLabel, "pageHeading").text() == heading
    assert window.windowTitle() == "Agent Models"

    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="case:openai-invalid-key"
    )
    driver.save_and_wait()
    assert driver.message("api_key") == invalid_key


def test_form_problem_translated(
    language: Callable[[str], None], make_window: Callable[[], MainWindow], drive: Any
) -> None:
    language("zh_CN")
    card = make_window().page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host="api.openai.com/v1", model_type="gpt-4.1-mini")

    driver.press_enter()

    # Chinese text uses full-width parentheses.
    expected = (
        "API Host 'api.openai.com/v1' 缺少协议。请以 https:// 开头（本地服务器可用 http://）。"  # noqa: RUF001
    )
    assert driver.message("api_host") == expected


@pytest.mark.parametrize("ts_file", sorted(I18N_DIR.glob("*.ts")), ids=lambda path: path.stem)
def test_catalog_complete_with_placeholders(ts_file: Path) -> None:
    root = ET.parse(ts_file).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150

    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"not translated: {source}"
        assert sorted(PLACEHOLDER.findall(translation.text or "")) == sorted(
            PLACEHOLDER.findall(source)
        ), source
    assert ts_file.with_suffix(".qm").is_file()


def test_pseudo_localize_keeps_placeholders() -> None:
    text = pseudo_localize("Save {provider} as <b>default</b> &Name")

    assert "{provider}" in text
    assert "<b>" in text
    assert "&" in text
    assert len(text) >= len("Save {provider} as <b>default</b> &Name") * 1.4


def wait_for_layout(window: QWidget, qtbot: Any) -> None:
    """Process events until no widget of ``window`` moves or resizes from one round to the next."""
    geometries: list[QRect] = []

    def layout_settled() -> bool:
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        previous = geometries.copy()
        geometries[:] = [widget.geometry() for widget in window.findChildren(QWidget)]
        return geometries == previous

    qtbot.waitUntil(layout_settled, timeout=5_000)


def test_pseudo_localized_text_not_clipped(
    language: Callable[[str], None], make_window: Callable[[], MainWindow], qtbot: Any
) -> None:
    language("pseudo")
    window = make_window()
    window.resize(1280, 800)
    wait_for_layout(window, qtbot)
    assert window.page.card("openai").save_button.text().startswith("[")  # type: ignore[union-attr]

    clipped = []
    labels = [label for label in window.findChildren(QLabel) if label.isVisible() and label.text()]
    for label in labels:
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                clipped.append(f"wrapped label {label.text()[:40]!r}")
        elif label.width() < label.minimumSizeHint().width():
            clipped.append(f"label {label.text()[:40]!r}")
    buttons = [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and button.text()
    ]
    for button in buttons:
        if button.width() < button.minimumSizeHint().width():
            clipped.append(f"button {button.text()[:40]!r}")

    card_count = len(load_catalog())
    # Every provider's card shows at least its name, its status and three field labels, and
    # the Save, Set as Default and Reset buttons.
    assert len(labels) >= 5 * card_count
    assert len(buttons) >= 3 * card_count
    assert clipped == []


def test_model_list_error_translated(
    *,
    language: Callable[[str], None],
    make_window: Callable[[], MainWindow],
    drive: Any,
    qtbot: Any,
    fake_provider: FakeProviderServer,
) -> None:
    language("zh_CN")
    card = make_window().page.card("openai")
    assert card is not None
    fake_provider.serve_case("/v1/models", "openai-invalid-key")
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")

    driver.click(card.form.load_models_button)
    qtbot.waitUntil(lambda: not card.model_list.loading, timeout=15_000)

    # Chinese text uses a full-width colon.
    assert driver.message("model_type") == "无法加载模型列表：密钥无效。验证失败。"  # noqa: RUF001


def test_unreadable_settings_reported_translated(
    language: Callable[[str], None], make_window: Callable[[], MainWindow], config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "settings.json").write_text("{ not json", encoding="utf-8")
    language("es")

    text = make_window().page.banner_label.text()

    moved = sorted(config_dir.glob("settings.json.corrupt*"))
    assert len(moved) == 1
    assert text.startswith(
        "No se pudo leer el archivo de configuración (no es JSON válido en la línea 1, columna 3)."
    )
    assert f"Se movió a {moved[0]} y el programa se inició con la configuración vacía." in text


@pytest.mark.usefixtures("locked_keychain")
def test_keychain_error_translated(save_in_language: Callable[..., Any]) -> None:
    driver = save_in_language("zh_CN")

    assert driver.message("api_key").startswith("无法保存 OpenAI 的密钥。钥匙串已锁定。")


def test_newer_settings_reported_translated(
    language: Callable[[str], None], make_window: Callable[[], MainWindow], config_dir: Path
) -> None:
    config_dir.mkdir()
    settings_file = config_dir / "settings.json"
    settings_file.write_text('{"schema_version": 99, "providers": {}}', encoding="utf-8")
    language("es")

    text = make_window().page.banner_label.text()

    assert text == (
        f"{settings_file} tiene schema_version 99, pero esta versión de Agent Models lee hasta "
        "la 2. Actualiza Agent Models; el archivo no se modificó."
    )


def test_settings_write_error_translated(
    save_in_language: Callable[..., Any], config_dir: Path
) -> None:
    lock_path = config_dir / "settings.json.lock"
    lock_path.mkdir(parents=True)  # a folder where the lock file belongs stops root too

    driver = save_in_language("zh_CN")

    status = driver.card.status_label.text().replace("\u200b", "")
    # Chinese text uses full-width punctuation.
    assert status.startswith(f"验证成功，但无法写入设置：无法锁定 {lock_path}（")  # noqa: RUF001
    assert status.endswith(
        f"{lock_path} 是文件夹而不是文件。请删除或重命名该文件夹。未做任何更改。"
    )


def test_validation_time_in_local_format(save_in_language: Callable[..., Any]) -> None:
    driver = save_in_language("es")

    driver.click(driver.card.default_button)  # the card then shows when it was validated

    # Spanish writes the day first, as in 5/12/26.
    status = driver.card.status_label.text().replace("\u200b", "")
    assert re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", status), status


def test_chinese_sentences_join_without_space(save_in_language: Callable[..., Any]) -> None:
    driver = save_in_language("zh_CN", "case:openai-invalid-key")

    status = driver.card.status_label.accessibleDescription()
    assert status.startswith("验证失败。未保存任何内容。请")
