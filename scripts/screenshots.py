"""Render the Models window in light and dark, English and Chinese, into docs/screenshots/.

    python scripts/screenshots.py            # starts Xvfb when there is no DISPLAY
    python scripts/screenshots.py --offscreen

Each picture is drawn in its own process because the language is chosen at start. The
cards reach every state through the real Save code path. A validator returns recorded
results instead of sending requests, the settings folder is a temporary one, and keys stay
in memory, so the script touches no network, keychain or user settings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import qasync

# Run from a source checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.catalog import get_provider
from app.forms import check_form
from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.application import create_application
from app.ui.main_window import MainWindow
from app.ui.theme import apply_theme
from app.ui.translations import install_translations
from app.validation.result import (
    MESSAGE_TEMPLATES,
    Category,
    Stage,
    ValidationResult,
    message_args,
)

ROOT = Path(__file__).resolve().parents[1]
OUTPUT_DIR = ROOT / "docs" / "screenshots"
VARIANTS = [(language, theme) for language in ("en", "zh_CN") for theme in ("light", "dark")]
WINDOW_SIZE = (1600, 1250)
KEY = "sk-screenshot-example-key-7f3a"


class MemorySecrets:
    """Keys kept in memory, in place of the keychain."""

    storage = "keyring"

    def __init__(self) -> None:
        self.secrets: dict[str, Secret] = {}

    def get(self, config_id: str) -> Secret | None:
        return self.secrets.get(config_id)

    def set(self, config_id: str, secret: Secret) -> None:
        self.secrets[config_id] = secret

    def delete(self, config_id: str) -> None:
        self.secrets.pop(config_id, None)


class RecordedService(ModelService):
    """A service whose validation returns a recorded result chosen by the model name.

    The model "slow" never returns, so its card stays in the Validating state. A name that
    starts with "bad" gets the invalid key result, and any other name succeeds. Every method
    that would send a request is replaced, so the script never reaches a provider.
    """

    async def validate_all(self, items, client=None):  # type: ignore[no-untyped-def]
        return [await self.validate(config, secret, client) for config, secret in items]

    async def check_tools(self, config, secret, client=None):  # type: ignore[no-untyped-def]
        del config, secret, client
        return True

    async def list_models(self, provider_id, api_host, secret, client=None):  # type: ignore[no-untyped-def]
        del api_host, secret, client
        return list(get_provider(provider_id).suggested_models)

    async def validate(self, config, secret, client=None):  # type: ignore[no-untyped-def]
        del secret, client
        if config.model_type == "slow":
            await asyncio.sleep(3600)
        invalid = config.model_type.startswith("bad")
        category = Category.INVALID_KEY if invalid else Category.VALID
        url = f"{config.api_host.rstrip('/')}/chat/completions"
        status = 401 if invalid else 200
        stages = (
            Stage("host reachable", True, url, status, 212),
            Stage("key accepted", not invalid, url, status, 212),
        )
        args = message_args(get_provider(config.provider).name, "api.example.com", 20, None)
        template = MESSAGE_TEMPLATES[category]
        return ValidationResult(
            provider=config.provider,
            category=category,
            message=template.format(**args),
            message_template=template,
            message_args=args,
            status_code=status,
            url=url,
            latency_ms=212,
            stages=stages,
            provider_message="Incorrect API key provided: sk-scr****7f3a." if invalid else "",
        )


def saved_service() -> RecordedService:
    """Return a service with a default, a valid, an unverified and a key-missing config."""
    service = RecordedService(secrets=MemorySecrets())
    for config_id, model, verified in (
        ("openai", "gpt-4.1-mini", True),
        ("anthropic", "claude-sonnet-4-5", True),
        ("mistral", "mistral-small-latest", False),
        ("qwen", "qwen-plus", True),
    ):
        provider = get_provider(config_id)
        checked = check_form(provider, provider.default_api_host, model, {}, Secret(api_key=KEY))
        service.store_config(config_id, checked.config, checked.secret, verified=verified)
    service.set_default("openai")
    service.secrets.delete("qwen")  # a key the keychain lost, so the card requests it again
    return service


def start_card_states(window: MainWindow) -> None:
    """Save a failing card, a slow card and a card with a malformed API Host."""
    for config_id, host, model in (
        ("gemini", None, "bad-model-for-key"),
        ("deepseek", None, "slow"),
        ("orcarouter", "api.orcarouter.ai/v1", "orcarouter/auto"),
    ):
        card = window.page.card(config_id)
        assert card is not None
        card.form.rows["api_key"].set_text(KEY)
        card.form.rows["model_type"].set_text(model)
        if host is not None:
            card.form.rows["api_host"].set_text(host)
        card.request_save()


async def capture(window: MainWindow, output: Path) -> None:
    """Wait for the quick validations, open one details view, save the picture, then stop."""
    gemini = window.page.card("gemini")
    assert gemini is not None
    for _ in range(100):
        if gemini.task is None:
            break
        await asyncio.sleep(0.05)
    gemini.details.toggle.setChecked(True)
    window.page.configured_first.setChecked(True)
    await asyncio.sleep(0.3)

    window.grab().save(str(output))
    await window.shutdown()


def render(language: str, theme: str, output: Path) -> None:
    """Build the window with cards in each state and save it as ``output``."""
    os.environ["AGENT_MODELS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="agent-models-shots-")
    app = create_application()
    translators = install_translations(app, None if language == "en" else language)
    apply_theme(app, dark=theme == "dark")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    window = MainWindow(saved_service())
    window.resize(*WINDOW_SIZE)
    window.show()
    start_card_states(window)
    loop.run_until_complete(capture(window, output))
    del translators


def render_all(offscreen: bool) -> int:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    xvfb = None
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif not env.get("DISPLAY"):
        if shutil.which("Xvfb") is None:
            print("Xvfb not found; install it or pass --offscreen", file=sys.stderr)
            return 2
        display = ":97"
        xvfb_path = shutil.which("Xvfb") or "Xvfb"
        command = [xvfb_path, display, "-screen", "0", "1600x1300x24", "-nolisten", "tcp"]
        xvfb = subprocess.Popen(command)
        time.sleep(1.0)
        env |= {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}

    try:
        for language, theme in VARIANTS:
            output = OUTPUT_DIR / f"models-{language}-{theme}.png"
            command = [sys.executable, __file__, "--render", language, theme, str(output)]
            subprocess.run(command, env=env, check=True)
            print(output.relative_to(ROOT))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offscreen", action="store_true", help="render without an X server")
    parser.add_argument(
        "--render", nargs=3, metavar=("LANGUAGE", "THEME", "OUTPUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.render:
        language, theme, output = args.render
        render(language, theme, Path(output))
        return 0
    return render_all(args.offscreen)


if __name__ == "__main__":
    sys.exit(main())
