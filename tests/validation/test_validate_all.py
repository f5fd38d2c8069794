"""Many validations at once on one client, with bounded concurrency."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from app.catalog import UnknownProviderError
from app.validation.probes import Credentials
from app.validation.result import Category, ValidationResult
from app.validation.transport import make_client
from app.validation.validator import ProviderConfig, validate_all
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY, config_for

CREDENTIALS = Credentials(api_key=KEY)


@pytest.fixture
def server() -> Iterator[FakeProviderServer]:
    fake = FakeProviderServer().start()
    yield fake
    fake.stop()


def test_results_in_input_order(server: FakeProviderServer) -> None:
    configs = [
        config_for("openai", server.url, "case:openai-invalid-key"),
        config_for("anthropic", server.url, "claude-haiku-4-5"),
        config_for("gemini", server.url, "case:gemini-unknown-model"),
        config_for("deepseek", server.url, "case:deepseek-insufficient-balance"),
        config_for("azure-openai", server.url, "case:azure-openai-rate-limit"),
        config_for("aws-bedrock-converse", server.url, "case:aws-bedrock-converse-success"),
    ]

    results = asyncio.run(validate_all([(config, CREDENTIALS) for config in configs]))

    assert [result.provider for result in results] == [config.provider for config in configs]
    assert [result.category for result in results] == [
        Category.INVALID_KEY,
        Category.VALID,
        Category.INVALID_MODEL,
        Category.QUOTA_EXCEEDED,
        Category.RATE_LIMITED,
        Category.VALID,
    ]


def test_concurrency_is_bounded(server: FakeProviderServer) -> None:
    configs = [config_for("openai", server.url, "behave:sleep-0.4") for _ in range(6)]
    started = time.perf_counter()

    results = asyncio.run(
        validate_all([(config, CREDENTIALS) for config in configs], max_concurrency=2)
    )

    elapsed = time.perf_counter() - started
    assert all(result.ok for result in results)
    assert server.max_in_flight == 2
    assert elapsed >= 3 * 0.4


def test_concurrency_bounded_on_large_pool(server: FakeProviderServer) -> None:
    """The caller's client allows 32 connections, so only max_concurrency keeps two in flight."""
    configs = [config_for("openai", server.url, "behave:sleep-0.4") for _ in range(6)]

    async def run_on_own_client() -> list[ValidationResult]:
        async with make_client(max_connections=32) as client:
            return await validate_all(
                [(config, CREDENTIALS) for config in configs], client=client, max_concurrency=2
            )

    results = asyncio.run(run_on_own_client())

    assert all(result.ok for result in results)
    assert server.max_in_flight == 2


def test_runs_concurrently(server: FakeProviderServer) -> None:
    configs = [config_for("openai", server.url, "behave:sleep-0.5") for _ in range(6)]

    results = asyncio.run(
        validate_all([(config, CREDENTIALS) for config in configs], max_concurrency=6)
    )

    assert all(result.ok for result in results)
    assert server.max_in_flight == 6


def test_shared_client_left_open(server: FakeProviderServer) -> None:
    configs = [config_for("openai", server.url, "gpt-4o-mini") for _ in range(3)]

    async def run_twice() -> bool:
        async with make_client() as client:
            await validate_all([(config, CREDENTIALS) for config in configs], client=client)
            await validate_all([(config, CREDENTIALS) for config in configs], client=client)
            return client.is_closed

    assert asyncio.run(run_twice()) is False
    assert len(server.requests) == 6


def test_unknown_provider_rejected_first(server: FakeProviderServer) -> None:
    configs = [
        (config_for("openai", server.url, "gpt-4o-mini"), CREDENTIALS),
        (ProviderConfig("no-such-provider", server.url, "m"), CREDENTIALS),
    ]

    with pytest.raises(UnknownProviderError):
        asyncio.run(validate_all(configs))

    assert server.requests == []


def test_empty_input() -> None:
    assert asyncio.run(validate_all([])) == []
