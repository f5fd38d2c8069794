"""API Hosts as users type them: the URL called, warnings, and corrections offered on a 404."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from app.catalog import get_provider, load_catalog
from app.validation.hosts import (
    HOST_NO_SCHEME,
    HOST_NOT_URL,
    HOST_PLAIN_HTTP,
    HOST_REGION_MISMATCH,
    MODEL_PLACEHOLDER,
    api_host_warnings,
    candidate_api_hosts,
    chat_url,
    check_api_host,
    host_label,
    is_local_host,
    origin,
    suggest_scheme,
)
from app.validation.probes import Credentials
from app.validation.result import WRONG_ENDPOINT_SUGGESTED, Category, ValidationResult
from app.validation.validator import ProviderConfig, request_url, validate
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY

GATEWAY_PAGE = b"<!doctype html><html><head><title>New API</title></head><body></body></html>"


@pytest.fixture
def v1_server() -> Iterator[FakeProviderServer]:
    """A server whose API lives under /v1, like OpenAI's, Ollama's and most gateways."""
    fake = FakeProviderServer(roots=("/v1",)).start()
    yield fake
    fake.stop()


def run(provider_id: str, api_host: str, model: str = "gpt-4o-mini") -> ValidationResult:
    config = ProviderConfig(provider_id, api_host, model)
    return asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))


# The URL the card calls


@pytest.mark.parametrize(
    "typed",
    [
        "https://api.openai.com/v1",
        "https://api.openai.com/v1/",
        "https://api.openai.com/v1///",
        "  https://api.openai.com/v1 \n",
        "\thttps://api.openai.com/v1/\t",
    ],
)
def test_chat_url_ignores_slashes_and_spaces(typed: str) -> None:
    openai = get_provider("openai")

    assert chat_url(openai, typed, "gpt-4o", {}) == "https://api.openai.com/v1/chat/completions"


@pytest.mark.parametrize(
    ("provider_id", "api_host", "url"),
    [
        ("anthropic", "https://api.anthropic.com", "https://api.anthropic.com/v1/messages"),
        ("anthropic", "https://api.anthropic.com/v1", "https://api.anthropic.com/v1/messages"),
        ("mistral", "https://api.mistral.ai", "https://api.mistral.ai/v1/chat/completions"),
        ("deepseek", "https://api.deepseek.com", "https://api.deepseek.com/chat/completions"),
        (
            "zai",
            "https://api.z.ai/api/coding/paas/v4/",
            "https://api.z.ai/api/coding/paas/v4/chat/completions",
        ),
        (
            "aws-bedrock-converse",
            "https://bedrock-runtime.us-east-1.amazonaws.com",
            "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse",
        ),
    ],
)
def test_chat_url_per_provider(provider_id: str, api_host: str, url: str) -> None:
    assert chat_url(get_provider(provider_id), api_host, "m", {}) == url


def test_bedrock_url_shows_model_placeholder() -> None:
    bedrock = get_provider("aws-bedrock-converse")
    host = "https://bedrock-runtime.us-east-1.amazonaws.com"

    placeholder_url = chat_url(bedrock, host, MODEL_PLACEHOLDER, {})
    model_url = chat_url(bedrock, host, "amazon.nova-lite-v1:0", {})

    assert placeholder_url == f"{host}/model/…/converse"
    assert model_url == f"{host}/model/amazon.nova-lite-v1%3A0/converse"


def test_result_url_is_request_url(v1_server: FakeProviderServer) -> None:
    config = ProviderConfig("openai", f"{v1_server.url}/v1/", "gpt-4o-mini")

    result = asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))

    assert result.url == request_url(config)
    assert v1_server.requests[0].path == "/v1/chat/completions"


# Checks without network


def test_check_strips_white_space() -> None:
    host, problem = check_api_host("  https://api.openai.com/v1 \n")

    assert host == "https://api.openai.com/v1"
    assert problem is None


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("api.openai.com/v1", "https://api.openai.com/v1"),
        ("localhost:11434/v1", "http://localhost:11434/v1"),
        ("192.168.1.20:8000/v1", "http://192.168.1.20:8000/v1"),
        ("host.docker.internal:11434", "http://host.docker.internal:11434"),
    ],
)
def test_missing_scheme_suggested(typed: str, suggestion: str) -> None:
    _, problem = check_api_host(typed)

    assert problem is not None
    assert problem.template == HOST_NO_SCHEME
    assert problem.suggestion == suggestion


# Hosts that urlsplit raises ValueError for: an unclosed or unmatched IPv6 bracket, a
# bracketed name, and a fullwidth "#" that NFKC normalization turns into a delimiter.
URLSPLIT_REJECTS = [
    "http://[::1",
    "http://[::1/v1",
    "http://::1]/v1",
    "http://[localhost]/v1",
    "http://a\uff03b.example/v1",
]
# Hosts that urlsplit parses but httpx cannot send to: text after the closing bracket, an
# IPvFuture address, a non-ASCII name that is not valid IDNA, and invisible characters.
HTTPX_REJECTS = [
    "http://[::1]x/v1",
    "http://[v1.fe]/v1",
    "http://\u00e9'.example/v1",
    "http://127.0.0.1\x00/v1",
    "http://127.0.0.1/v1\u200b",
]


@pytest.mark.parametrize("typed", URLSPLIT_REJECTS + HTTPX_REJECTS)
def test_unparseable_host_is_not_a_url(typed: str) -> None:
    host, problem = check_api_host(typed)

    assert host == typed
    assert problem is not None
    assert problem.template == HOST_NOT_URL
    assert problem.value == typed


def test_unclosed_bracket_without_scheme() -> None:
    _, problem = check_api_host("[::1")

    assert problem is not None
    assert problem.template == HOST_NO_SCHEME
    assert problem.suggestion is None
    assert suggest_scheme("[::1") is None


@pytest.mark.parametrize("typed", URLSPLIT_REJECTS)
def test_host_helpers_accept_unparseable_host(typed: str) -> None:
    """The card and the validator call these on saved hosts, which may be unparseable."""
    openai = get_provider("openai")
    bedrock = get_provider("aws-bedrock-converse")

    assert api_host_warnings(bedrock, typed, {"region": "us-west-2"}) == ()
    assert candidate_api_hosts(openai, typed) == []
    assert host_label(typed) == typed
    assert origin(typed) == typed
    assert chat_url(openai, typed, "m", {}) == f"{typed.rstrip('/')}/chat/completions"


def test_unparseable_saved_host_is_a_result() -> None:
    """httpx rejects the URL before connecting, so nothing is sent."""
    result = run("openai", "http://[::1]x/v1")

    assert not result.ok
    assert result.category is Category.UNREACHABLE
    assert "Invalid port" in result.provider_message


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "127.0.0.1",
        "::1",
        "10.0.0.8",
        "192.168.1.20",
        "172.16.5.4",
        "169.254.1.1",
        "100.100.1.2",
        "gpu-box",
        "nas.local",
        "host.docker.internal",
        "app.localhost",
    ],
)
def test_local_hosts(host: str) -> None:
    assert is_local_host(host)


@pytest.mark.parametrize(
    "host", ["api.openai.com", "8.8.8.8", "example.invalid", "2606:4700:4700::1111"]
)
def test_remote_hosts(host: str) -> None:
    assert not is_local_host(host)


def test_plain_http_remote_is_warning() -> None:
    openai_compatible = get_provider("openai-compatible")

    host, problem = check_api_host("http://llm.example.com/v1")
    warnings = api_host_warnings(openai_compatible, host)

    assert problem is None
    assert [warning.template for warning in warnings] == [HOST_PLAIN_HTTP]
    assert warnings[0].suggestion == "https://llm.example.com/v1"


@pytest.mark.parametrize(
    "api_host",
    ["http://localhost:11434/v1", "http://192.168.1.20:8000/v1", "https://llm.example.com/v1"],
)
def test_no_warning_for_local_or_https(api_host: str) -> None:
    assert api_host_warnings(get_provider("openai-compatible"), api_host) == ()


def test_bedrock_region_mismatch_warning() -> None:
    converse = get_provider("aws-bedrock-converse")

    warnings = api_host_warnings(
        converse, "https://bedrock-runtime.eu-west-1.amazonaws.com", {"region": "us-east-1"}
    )

    assert [warning.template for warning in warnings] == [HOST_REGION_MISMATCH]
    assert warnings[0].value == "eu-west-1"


def test_local_http_has_no_warning(v1_server: FakeProviderServer) -> None:
    result = run("openai-compatible", f"{v1_server.url}/v1")

    assert result.warnings == ()


# Corrected hosts


@pytest.mark.parametrize(
    ("provider_id", "typed", "first"),
    [
        ("openai", "https://api.openai.com/v1/chat/completions", "https://api.openai.com/v1"),
        ("openai", "https://api.openai.com/v1/v1", "https://api.openai.com/v1"),
        ("openai", "https://api.openai.com", "https://api.openai.com/v1"),
        ("anthropic", "https://api.anthropic.com/v1/messages", "https://api.anthropic.com/v1"),
        ("openai-compatible", "http://localhost:11434/api/chat", "http://localhost:11434/v1"),
        ("openai-compatible", "http://localhost:11434/api/generate", "http://localhost:11434/v1"),
        ("openai-compatible", "http://localhost:11434", "http://localhost:11434/v1"),
        ("openai-compatible", "http://localhost:1234/V1", "http://localhost:1234/v1"),
        (
            "openai-compatible",
            "http://localhost:1234/V1/chat/completions",
            "http://localhost:1234/v1",
        ),
        (
            "gemini",
            "https://generativelanguage.googleapis.com/v1beta",
            "https://generativelanguage.googleapis.com/v1beta/openai/",
        ),
        (
            "azure-openai",
            "https://res.openai.azure.com/openai/deployments/d/chat/completions?api-version=1",
            "https://res.openai.azure.com",
        ),
    ],
)
def test_candidate_hosts(provider_id: str, typed: str, first: str) -> None:
    provider = get_provider(provider_id)

    candidates = candidate_api_hosts(provider, typed, "m", {"deployment_name": "d"})

    assert candidates[0] == first


def test_candidates_stay_on_typed_origin() -> None:
    typed_hosts = [
        "https://api.openai.com/v1/chat/completions",
        "http://127.0.0.1:8080/api/chat",
        "https://proxy.example.com:8443/openai/v1/v1",
        "https://generativelanguage.googleapis.com",
    ]

    for provider in load_catalog():
        for typed in typed_hosts:
            for candidate in candidate_api_hosts(provider, typed, "m", {}):
                assert origin(candidate) == origin(typed), (provider.id, typed, candidate)


def test_other_origin_default_not_offered() -> None:
    """The Gemini default lives on Google's host; a typed proxy host never gets it."""
    gemini = get_provider("gemini")

    candidates = candidate_api_hosts(gemini, "https://proxy.example.com/v1beta", "m")

    assert "https://generativelanguage.googleapis.com/v1beta/openai/" not in candidates


@pytest.mark.parametrize(
    ("provider_id", "typed_path"),
    [
        ("openai", "/v1/chat/completions"),
        ("openai", "/v1/v1"),
        ("openai-compatible", ""),
        ("openai-compatible", "/api/chat"),
        ("openai-compatible", "/api/generate"),
        ("anthropic", "/v1/messages"),
    ],
)
def test_suggested_host_over_http(
    v1_server: FakeProviderServer, provider_id: str, typed_path: str
) -> None:
    model = "claude-haiku-4-5" if provider_id == "anthropic" else "gpt-4o-mini"

    result = run(provider_id, v1_server.url + typed_path, model)

    assert result.category is Category.WRONG_ENDPOINT
    assert result.suggested_api_host == f"{v1_server.url}/v1"
    assert result.message_template == WRONG_ENDPOINT_SUGGESTED
    assert f"{v1_server.url}/v1" in result.message
    assert result.stages[-1].ok is True
    assert result.stages[-1].detail == f"{v1_server.url}/v1"
    assert result.url.startswith(v1_server.url + typed_path)  # the typed host was called


def test_suggestion_after_gateway_web_page() -> None:
    """A gateway serves its web UI at every unknown path, and its API under /v1."""
    server = FakeProviderServer(
        roots=("/v1",), unknown_path_response=(200, {"content-type": "text/html"}, GATEWAY_PAGE)
    ).start()
    try:
        result = run("openai-compatible", server.url)
    finally:
        server.stop()

    assert result.category is Category.UNEXPECTED_RESPONSE
    assert result.suggested_api_host == f"{server.url}/v1"


def test_suggestion_after_lm_studio_endpoint_error() -> None:
    """LM Studio answers a path outside /v1 with HTTP 200 and an error, not with a 404."""
    body = b'{"error":"Unexpected endpoint or method. (POST /chat/completions)"}'
    server = FakeProviderServer(
        roots=("/v1",),
        unknown_path_response=(200, {"content-type": "application/json; charset=utf-8"}, body),
    ).start()
    try:
        result = run("openai-compatible", server.url, "qwen/qwen3-4b")
    finally:
        server.stop()

    assert result.category is Category.WRONG_ENDPOINT
    assert result.suggested_api_host == f"{server.url}/v1"


def test_suggestion_even_when_key_rejected(v1_server: FakeProviderServer) -> None:
    """A corrected host that rejects the key still is the API: offer it."""
    result = run("openai", f"{v1_server.url}/v1/v1", "case:openai-invalid-key")

    assert result.category is Category.WRONG_ENDPOINT
    assert result.suggested_api_host == f"{v1_server.url}/v1"
    assert result.stages[-1].status_code == 401


def test_no_suggestion_when_nothing_answers() -> None:
    server = FakeProviderServer(roots=("/somewhere-else",)).start()
    try:
        result = run("openai", f"{server.url}/v1")
    finally:
        server.stop()

    assert result.category is Category.WRONG_ENDPOINT
    assert result.suggested_api_host is None
    assert len(server.requests) >= 2  # the typed host, then at least one corrected form


def test_no_suggestion_for_right_host(v1_server: FakeProviderServer) -> None:
    result = run("openai", f"{v1_server.url}/v1", "case:openai-unknown-model")

    assert result.category is Category.INVALID_MODEL
    assert result.suggested_api_host is None
    assert len(v1_server.requests) == 1


def test_typed_host_never_rewritten(v1_server: FakeProviderServer) -> None:
    typed = f"  {v1_server.url}/v1/chat/completions  "
    config = ProviderConfig("openai", typed, "gpt-4o-mini")

    result = asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))

    assert config.api_host == typed
    assert result.url == f"{v1_server.url}/v1/chat/completions/chat/completions"
    assert result.ok is False


def test_azure_api_version_rejected_points_at_field() -> None:
    server = FakeProviderServer().start()
    body = b'{"error":{"code":"BadRequest","message":"API version not supported"}}'
    server.overrides["/chat/completions"] = (400, {"content-type": "application/json"}, body)
    config = ProviderConfig(
        "azure-openai",
        server.url,
        "gpt-4.1-mini",
        {"deployment_name": "prod", "api_version": "2099-01-01"},
    )
    try:
        result = asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=10))
    finally:
        server.stop()

    assert result.category is Category.WRONG_ENDPOINT
    assert result.field == "api_version"
    assert result.message == (
        "Azure OpenAI does not accept the API version 2099-01-01 for this deployment. Enter a "
        "supported API version, for example 2024-10-21."
    )
    assert result.suggested_api_host is None
    assert len(server.requests) == 1  # the host is right, so no corrected host is tried
