"""What a result proves, step by step, with the evidence of each step that ran."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from app.validation.probes import Credentials
from app.validation.result import (
    STAGE_API_FOUND,
    STAGE_GENERATION_WORKS,
    STAGE_HOST_REACHABLE,
    STAGE_KEY_ACCEPTED,
    STAGE_MODEL_AVAILABLE,
    ValidationResult,
)
from app.validation.validator import ProviderConfig, validate
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY, closed_port


@pytest.fixture
def server() -> Iterator[FakeProviderServer]:
    fake = FakeProviderServer(roots=("/v1",)).start()
    yield fake
    fake.stop()


def run(api_host: str, model: str) -> ValidationResult:
    config = ProviderConfig("openai", api_host, model)
    return asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))


def steps(result: ValidationResult) -> list[tuple[str, bool]]:
    return [(stage.name, stage.ok) for stage in result.stages]


HOST = (STAGE_HOST_REACHABLE, True)
KEY_OK = (STAGE_KEY_ACCEPTED, True)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (
            "gpt-4o-mini",
            [HOST, KEY_OK, (STAGE_MODEL_AVAILABLE, True), (STAGE_GENERATION_WORKS, True)],
        ),
        ("case:openai-invalid-key", [HOST, (STAGE_KEY_ACCEPTED, False)]),
        ("case:openai-unknown-model", [HOST, KEY_OK, (STAGE_MODEL_AVAILABLE, False)]),
        ("case:openai-insufficient-quota", [HOST, KEY_OK, (STAGE_GENERATION_WORKS, False)]),
        ("case:openai-rate-limit-tpm", [HOST, KEY_OK, (STAGE_GENERATION_WORKS, False)]),
        ("case:openai-invalid-url-double-v1", [HOST, (STAGE_API_FOUND, False)]),
        ("case:openai-compatible-empty-body-500", [HOST, (STAGE_GENERATION_WORKS, False)]),
    ],
)
def test_stages_per_outcome(
    server: FakeProviderServer, model: str, expected: list[tuple[str, bool]]
) -> None:
    result = run(f"{server.url}/v1", model)

    assert steps(result) == expected


def test_stage_evidence(server: FakeProviderServer) -> None:
    server.delay_s = 0.2

    result = run(f"{server.url}/v1", "case:openai-unknown-model")

    for stage in result.stages:
        assert stage.url == f"{server.url}/v1/chat/completions"
        assert stage.status_code == 404
        assert stage.latency_ms is not None
        assert stage.latency_ms >= 200
    assert "does not exist" in result.stages[-1].provider_message


def test_unreachable_stage_has_no_status() -> None:
    port = closed_port()

    result = run(f"http://127.0.0.1:{port}/v1", "gpt-4o-mini")

    assert steps(result) == [(STAGE_HOST_REACHABLE, False)]
    assert result.stages[0].url == f"http://127.0.0.1:{port}/v1/chat/completions"
    assert result.stages[0].status_code is None
    assert result.stages[0].provider_message


def test_stages_in_json(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "gpt-4o-mini")

    stages = result.to_json()["stages"]
    assert [stage["name"] for stage in stages] == [stage.name for stage in result.stages]
    assert set(stages[0]) >= {"name", "ok", "url", "status_code", "latency_ms", "provider_message"}
