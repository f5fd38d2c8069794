"""scripts/screenshots.py: its service returns recorded data in place of every provider request."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import ModuleType

from app.catalog import get_provider
from app.forms import CheckedForm, check_form
from app.settings.secrets import Secret
from app.validation.result import Category, ValidationResult

LOCAL_HOST = "http://127.0.0.1:1/v1"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_openai_form(model_type: str) -> CheckedForm:
    provider = get_provider("openai")
    return check_form(provider, LOCAL_HOST, model_type, {}, Secret(api_key="sk-shot-0123456789"))


def call_method(method: str) -> object:
    """Call one of RecordedService's methods on a host where nothing listens.

    Nothing listens on port 1, so ModelService's own method would return a failed result or
    raise, not return the recorded data.
    """
    script = load_script()
    service = script.RecordedService(secrets=script.MemorySecrets())
    valid = check_openai_form("gpt-4.1-mini")
    invalid = check_openai_form("bad-model-for-key")
    calls = {
        "validate": lambda: service.validate(valid.config, valid.secret),
        "validate_all": lambda: service.validate_all(
            [(valid.config, valid.secret), (invalid.config, invalid.secret)]
        ),
        "check_tools": lambda: service.check_tools(valid.config, valid.secret),
        "list_models": lambda: service.list_models("openai", LOCAL_HOST, valid.secret),
    }
    return asyncio.run(calls[method]())


def test_recorded_validate_returns_valid() -> None:
    result = call_method("validate")

    assert isinstance(result, ValidationResult)
    assert result.category is Category.VALID
    assert result.status_code == 200
    assert result.url == f"{LOCAL_HOST}/chat/completions"
    assert result.latency_ms == 212


def test_recorded_validate_all_keeps_order() -> None:
    results = call_method("validate_all")

    assert isinstance(results, list)
    assert [result.category for result in results] == [Category.VALID, Category.INVALID_KEY]
    assert [result.status_code for result in results] == [200, 401]
    assert results[1].provider_message == "Incorrect API key provided: sk-scr****7f3a."


def test_recorded_check_tools_returns_true() -> None:
    assert call_method("check_tools") is True


def test_recorded_list_models_returns_suggestions() -> None:
    assert call_method("list_models") == list(get_provider("openai").suggested_models)
