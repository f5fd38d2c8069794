"""Model lists read over HTTP from the recorded ``models`` responses of each provider."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest

from app.catalog import get_provider
from app.validation.models import (
    ModelListError,
    ModelListNotSupportedError,
    list_models,
    parse_model_ids,
)
from app.validation.probes import ANTHROPIC_VERSION, Credentials
from app.validation.result import Category
from tests.fake_provider import FakeProviderServer
from tests.validation.support import ALL_CASES, KEY, provider_api_host, provider_root

MODEL_LIST_CASES = [
    case for case in ALL_CASES if case["request"] == "models" and "valid" in case["expected"]
]


@pytest.fixture
def server() -> Iterator[FakeProviderServer]:
    fake = FakeProviderServer().start()
    yield fake
    fake.stop()


def read_list(provider_id: str, api_host: str) -> list[str]:
    return asyncio.run(list_models(provider_id, api_host, Credentials(api_key=KEY), timeout_s=10))


def listed_ids(case: dict[str, Any]) -> list[str]:
    return [item["id"] for item in json.loads(case["body"])["data"]]


@pytest.mark.parametrize("case", MODEL_LIST_CASES, ids=[case["id"] for case in MODEL_LIST_CASES])
def test_recorded_list_over_http(case: dict[str, Any]) -> None:
    provider = get_provider(case["provider"])
    server = FakeProviderServer(roots=(provider_root(provider),)).start()
    server.serve_case("/models", case["id"])
    try:
        models = read_list(provider.id, provider_api_host(provider, server.url))
    finally:
        server.stop()

    expected = [model_id.removeprefix("models/") for model_id in listed_ids(case)]
    request = server.requests[0]
    assert models == expected
    assert request.method == "GET"
    assert request.path.split("?")[0] == provider_root(provider) + "/models"


def test_gemini_prefix_removed(server: FakeProviderServer) -> None:
    server.serve_case("/models", "gemini-success-models")

    models = read_list("gemini", f"{server.url}/v1beta/openai/")

    assert models == ["gemini-2.5-flash", "gemini-2.5-pro"]
    assert server.requests[0].path == "/v1beta/openai/models"


def test_anthropic_list_headers(server: FakeProviderServer) -> None:
    server.serve_case("/models", "anthropic-success-models")

    models = read_list("anthropic", server.url)

    headers = {name.lower(): value for name, value in server.requests[0].headers.items()}
    assert models == ["claude-sonnet-4-5-20250929"]
    assert server.requests[0].path == "/v1/models?limit=1000"
    assert headers["x-api-key"] == KEY
    assert headers["anthropic-version"] == ANTHROPIC_VERSION


def test_bearer_list_headers(server: FakeProviderServer) -> None:
    server.serve_case("/models", "openai-success-models")

    read_list("openai", f"{server.url}/v1")

    assert server.requests[0].headers["Authorization"] == f"Bearer {KEY}"


def test_list_rejected_key(server: FakeProviderServer) -> None:
    server.serve_case("/models", "mistral-unauthorized-detail")

    with pytest.raises(ModelListError) as raised:
        read_list("mistral", server.url)

    assert raised.value.category is Category.INVALID_KEY
    assert raised.value.status_code == 401
    assert raised.value.message == "Invalid key. Validation failed."


def test_list_web_page(server: FakeProviderServer) -> None:
    server.serve_case("/models", "openai-compatible-200-not-json")

    with pytest.raises(ModelListError) as raised:
        read_list("openai-compatible", server.url)

    assert raised.value.category is Category.UNEXPECTED_RESPONSE
    assert raised.value.status_code == 200


def test_list_unreachable() -> None:
    with pytest.raises(ModelListError) as raised:
        read_list("openai-compatible", "https://agent-models-test.invalid/v1")

    assert raised.value.category is Category.UNREACHABLE
    assert "agent-models-test.invalid" in raised.value.message


@pytest.mark.parametrize("provider_id", ["azure-openai", "aws-bedrock-converse", "zai", "ernie"])
def test_providers_without_list(provider_id: str) -> None:
    with pytest.raises(ModelListNotSupportedError):
        read_list(provider_id, "https://agent-models-test.invalid")


def test_parse_anthropic_page_with_more() -> None:
    body = b'{"data":[{"id":"a"},{"id":"b"}],"has_more":true,"last_id":"b"}'

    assert parse_model_ids(body) == (["a", "b"], "b")


@pytest.mark.parametrize(
    ("body", "ids"),
    [
        (b'{"object":"list","data":[{"id":"x"},{"id":"y"}]}', ["x", "y"]),
        (b'{"models":[{"name":"llama3.2:3b"},{"name":"qwen3:8b"}]}', ["llama3.2:3b", "qwen3:8b"]),
        (b'[{"id":"m1"},{"id":"m2"}]', ["m1", "m2"]),
        (b'{"data":[]}', []),
    ],
)
def test_parse_list_shapes(body: bytes, ids: list[str]) -> None:
    assert parse_model_ids(body) == (ids, None)


def test_parse_rejects_other_json() -> None:
    with pytest.raises(ValueError, match="not a model list"):
        parse_model_ids(b'{"error":{"message":"nope"}}')
