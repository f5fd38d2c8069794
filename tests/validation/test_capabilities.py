"""The tool-calling check made after a valid save: information, never a failure."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from app.catalog import get_provider
from app.validation.capabilities import add_tool_support, check_tool_support
from app.validation.probes import TOOL_NAME, Credentials
from app.validation.result import Category
from app.validation.validator import ProviderConfig, validate
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY, config_for, provider_root

CREDENTIALS = Credentials(api_key=KEY)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[FakeProviderServer]:
    provider_id = getattr(request, "param", "openai")
    fake = FakeProviderServer(roots=(provider_root(get_provider(provider_id)),)).start()
    yield fake
    fake.stop()


def check(config: ProviderConfig) -> bool | None:
    return asyncio.run(check_tool_support(config, CREDENTIALS, timeout_s=10))


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_openai_tools_accepted(server: FakeProviderServer) -> None:
    supports = check(config_for("openai", server.url, "gpt-4o-mini"))

    body = server.requests[0].json()
    assert supports is True
    assert body["tools"][0]["type"] == "function"
    assert body["tools"][0]["function"]["name"] == TOOL_NAME
    assert body["max_completion_tokens"] == 1


@pytest.mark.parametrize("server", ["anthropic"], indirect=True)
def test_anthropic_tool_shape(server: FakeProviderServer) -> None:
    supports = check(config_for("anthropic", server.url, "claude-haiku-4-5"))

    tool = server.requests[0].json()["tools"][0]
    assert supports is True
    assert tool["name"] == TOOL_NAME
    assert tool["input_schema"]["type"] == "object"


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_tool_config(server: FakeProviderServer) -> None:
    supports = check(config_for("aws-bedrock-converse", server.url, "amazon.nova-lite-v1:0"))

    spec = server.requests[0].json()["toolConfig"]["tools"][0]["toolSpec"]
    assert supports is True
    assert spec["name"] == TOOL_NAME
    assert spec["inputSchema"]["json"]["type"] == "object"


@pytest.mark.parametrize("server", ["openai-compatible"], indirect=True)
def test_tools_rejected_is_false(server: FakeProviderServer) -> None:
    supports = check(config_for("openai-compatible", server.url, "behave:tools-rejected"))

    assert supports is False


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_parameter_retry_before_verdict(server: FakeProviderServer) -> None:
    """A rejected token parameter is fixed first, so it is not read as a tools rejection."""
    supports = check(config_for("openai", server.url, "behave:reject-max_completion_tokens"))

    assert supports is True
    assert len(server.requests) == 2
    assert "tools" in server.requests[1].json()


@pytest.mark.parametrize("server", ["anthropic"], indirect=True)
def test_server_error_is_unknown(server: FakeProviderServer) -> None:
    supports = check(config_for("anthropic", server.url, "case:anthropic-overloaded"))

    assert supports is None


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_timeout_is_unknown(server: FakeProviderServer) -> None:
    config = config_for("openai", server.url, "behave:sleep-5")

    supports = asyncio.run(check_tool_support(config, CREDENTIALS, timeout_s=1))

    assert supports is None


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_add_tool_support_fills_result(server: FakeProviderServer) -> None:
    config = config_for("openai", server.url, "gpt-4o-mini")

    async def validate_then_check() -> tuple[Category, bool | None]:
        result = await validate(config, CREDENTIALS, timeout_s=10)
        filled = await add_tool_support(result, config, CREDENTIALS, timeout_s=10)
        return filled.category, filled.supports_tools

    category, supports = asyncio.run(validate_then_check())

    assert category is Category.VALID
    assert supports is True
    assert "tools" not in server.requests[0].json()
    assert "tools" in server.requests[1].json()


@pytest.mark.parametrize("server", ["openai-compatible"], indirect=True)
def test_tools_rejection_keeps_result_valid(server: FakeProviderServer) -> None:
    config = config_for("openai-compatible", server.url, "behave:tools-rejected")

    async def validate_then_check() -> tuple[bool, bool | None]:
        result = await validate(config, CREDENTIALS, timeout_s=10)
        filled = await add_tool_support(result, config, CREDENTIALS, timeout_s=10)
        return filled.ok, filled.supports_tools

    ok, supports = asyncio.run(validate_then_check())

    assert ok is True
    assert supports is False


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_failed_result_not_checked(server: FakeProviderServer) -> None:
    config = config_for("openai", server.url, "case:openai-invalid-key")

    async def validate_then_check() -> bool | None:
        result = await validate(config, CREDENTIALS, timeout_s=10)
        filled = await add_tool_support(result, config, CREDENTIALS, timeout_s=10)
        return filled.supports_tools

    supports = asyncio.run(validate_then_check())

    assert supports is None
    assert len(server.requests) == 1
