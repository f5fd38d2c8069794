"""scripts/screenshots.py: its service returns recorded data in place of every provider request."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from app.catalog import get_provider
from app.forms import check_form
from app.service import ModelService
from app.settings.secrets import Secret

LOCAL_HOST = "http://127.0.0.1:1/v1"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("method", ["validate", "validate_all", "check_tools", "list_models"])
def test_recorded_service_replaces_request(method: str) -> None:
    recorded = load_script().RecordedService

    assert getattr(recorded, method) is not getattr(ModelService, method)


def test_recorded_service_needs_no_network() -> None:
    script = load_script()
    service = script.RecordedService(secrets=script.MemorySecrets())
    provider = get_provider("openai")
    # Nothing listens on port 1, so a request that got through would fail, not succeed.
    checked = check_form(
        provider, LOCAL_HOST, "gpt-4.1-mini", {}, Secret(api_key="sk-shot-0123456789")
    )

    async def run() -> tuple[object, ...]:
        return (
            await service.validate(checked.config, checked.secret),
            await service.check_tools(checked.config, checked.secret),
            await service.list_models("openai", LOCAL_HOST, checked.secret),
        )

    result, supports_tools, model_ids = asyncio.run(asyncio.wait_for(run(), timeout=2))

    assert result.ok  # type: ignore[attr-defined]
    assert supports_tools is True
    assert model_ids == list(provider.suggested_models)
