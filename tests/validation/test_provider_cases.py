"""Every recorded provider response, served at the provider's real path, then validated."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.catalog import Protocol, get_provider
from app.validation.probes import ANTHROPIC_VERSION, Credentials
from app.validation.validator import validate
from tests.fake_provider import FakeProviderServer, load_cases
from tests.validation.support import (
    ALL_CASES,
    EXTRA_CASES,
    KEY,
    PROVIDER_IDS,
    config_for,
    expected_path,
    provider_root,
)

PROBE_CASES = [case for case in ALL_CASES if case["request"] in {"chat", "any"}]
# Cases the classifier does not get right yet; strict, so a fix shows up as a failure here.
CLASSIFIER_GAPS: dict[str, str] = {}
CATEGORY_PARAMS = [
    pytest.param(
        case,
        id=case["id"],
        marks=[pytest.mark.xfail(reason=CLASSIFIER_GAPS[case["id"]], strict=True)]
        if case["id"] in CLASSIFIER_GAPS
        else [],
    )
    for case in PROBE_CASES
]
REQUIRED_CATEGORIES = ("valid", "invalid_key", "invalid_model", "quota_exceeded")
CASE_FIELDS = {
    "id", "provider", "request", "status", "headers", "body", "expected", "evidence", "source",
    "note",
}


def run_case(case: dict[str, Any]) -> tuple[Any, FakeProviderServer]:
    provider = get_provider(case["provider"])
    server = FakeProviderServer(roots=(provider_root(provider),)).start()
    try:
        config = config_for(provider.id, server.url, f"case:{case['id']}")
        result = asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))
    finally:
        server.stop()
    return result, server


@pytest.mark.parametrize("case", CATEGORY_PARAMS)
def test_case_category_over_http(case: dict[str, Any]) -> None:
    provider = get_provider(case["provider"])
    model_type = f"case:{case['id']}"

    result, server = run_case(case)

    first = server.requests[0]
    assert result.category.value in case["expected"], (result.message, result.provider_message)
    assert first.method == "POST"
    assert first.path == expected_path(provider, model_type)
    assert result.url == server.url + expected_path(provider, model_type)
    assert result.status_code == case["status"]
    assert result.suggested_api_host is None


# One case of each provider is enough to check the authentication headers.
AUTH_CASES = list({case["provider"]: case for case in PROBE_CASES}.values())


@pytest.mark.parametrize("case", AUTH_CASES, ids=[case["provider"] for case in AUTH_CASES])
def test_case_sends_provider_auth(case: dict[str, Any]) -> None:
    provider = get_provider(case["provider"])

    _, server = run_case(case)

    headers = {name.lower(): value for name, value in server.requests[0].headers.items()}
    match provider.protocol:
        case Protocol.ANTHROPIC:
            assert headers["x-api-key"] == KEY
            assert headers["anthropic-version"] == ANTHROPIC_VERSION
            assert "authorization" not in headers
        case Protocol.AZURE_OPENAI:
            assert headers["api-key"] == KEY
            assert "authorization" not in headers
        case _:
            assert headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("provider_id", PROVIDER_IDS)
def test_provider_has_core_cases(provider_id: str) -> None:
    covered = {
        category
        for case in PROBE_CASES
        if case["provider"] == provider_id
        for category in case["expected"]
    }

    for category in REQUIRED_CATEGORIES:
        assert category in covered, f"{provider_id} has no {category} case"


def test_catalog_has_nineteen_providers() -> None:
    assert len(PROVIDER_IDS) == 19


def test_extra_cases_documented() -> None:
    recorded_ids = set(load_cases())

    for case in EXTRA_CASES:
        assert set(case) == CASE_FIELDS, case["id"]
        assert case["id"] not in recorded_ids
        assert case["id"].startswith(case["provider"])
        assert case["evidence"] in {"V", "V-msg", "D", "P"}
        assert case["source"].strip()
        assert case["note"].strip()
