"""The probe each protocol sends, its authentication, and the one retry in the asked-for form."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.catalog import get_provider
from app.validation.hosts import chat_url
from app.validation.probes import ANTHROPIC_VERSION, Credentials, adjust_rejected_probe
from app.validation.probes import build_chat_probe as build_probe
from app.validation.result import Category, ValidationResult
from app.validation.validator import ProviderConfig, validate
from tests.fake_provider import FakeProviderServer, RecordedRequest
from tests.validation.support import KEY, config_for, provider_root

ACCESS_KEY_ID = "AKIDEXAMPLE0123456789"
SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN"
SIGV4_AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key_id>[A-Z0-9]+)/(?P<date>\d{8})/(?P<region>[a-z0-9-]+)"
    r"/(?P<service>[a-z]+)/aws4_request, SignedHeaders=(?P<signed>[a-z0-9;-]+), "
    r"Signature=(?P<signature>[0-9a-f]{64})$"
)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[FakeProviderServer]:
    """A fake server serving only the real API paths of the provider named by the test."""
    provider_id = getattr(request, "param", "openai")
    fake = FakeProviderServer(roots=(provider_root(get_provider(provider_id)),)).start()
    yield fake
    fake.stop()


def run(config: ProviderConfig, credentials: Credentials | None = None) -> ValidationResult:
    return asyncio.run(validate(config, credentials or Credentials(api_key=KEY), timeout_s=10))


def lower_headers(request: RecordedRequest) -> dict[str, str]:
    return {name.lower(): value for name, value in request.headers.items()}


# Chat Completions


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_openai_starts_with_max_completion_tokens(server: FakeProviderServer) -> None:
    result = run(config_for("openai", server.url, "o4-mini"))

    body = server.requests[0].json()
    assert result.category is Category.VALID
    assert body["max_completion_tokens"] == 1
    assert "max_tokens" not in body
    assert body["model"] == "o4-mini"
    assert body["stream"] is False


@pytest.mark.parametrize("server", ["deepseek"], indirect=True)
def test_compatible_provider_starts_with_max_tokens(server: FakeProviderServer) -> None:
    run(config_for("deepseek", server.url, "deepseek-chat"))

    body = server.requests[0].json()
    assert body["max_tokens"] == 1
    assert "max_completion_tokens" not in body


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_rejected_max_completion_tokens_retried(server: FakeProviderServer) -> None:
    result = run(config_for("openai", server.url, "behave:reject-max_completion_tokens"))

    assert result.category is Category.VALID
    assert len(server.requests) == 2
    assert "max_completion_tokens" not in server.requests[1].json()
    assert server.requests[1].json()["max_tokens"] == 1
    assert result.stages[0].ok is False
    assert result.stages[0].status_code == 400
    assert "max_tokens instead of max_completion_tokens" in result.stages[0].detail


@pytest.mark.parametrize("server", ["openai-compatible"], indirect=True)
def test_reasoning_model_error_switches_to_max_completion_tokens(
    server: FakeProviderServer,
) -> None:
    result = run(config_for("openai-compatible", server.url, "case:openai-max-tokens-unsupported"))

    assert len(server.requests) == 2
    assert "max_tokens" in server.requests[0].json()
    assert server.requests[1].json()["max_completion_tokens"] == 1
    assert "max_tokens" not in server.requests[1].json()
    assert result.category is Category.BAD_REQUEST  # the recorded case rejects both forms


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_use_instead_hint_not_read_as_rejection(server: FakeProviderServer) -> None:
    """OpenAI's message names max_completion_tokens as the fix; the probe already sends it."""
    result = run(config_for("openai", server.url, "case:openai-max-tokens-unsupported"))

    assert len(server.requests) == 1
    assert result.category is Category.BAD_REQUEST


@pytest.mark.parametrize("server", ["mistral"], indirect=True)
def test_mistral_forbidden_field_left_out(server: FakeProviderServer) -> None:
    result = run(config_for("mistral", server.url, "behave:forbid-stream"))

    assert result.category is Category.VALID
    assert len(server.requests) == 2
    assert "stream" in server.requests[0].json()
    assert "stream" not in server.requests[1].json()
    assert server.requests[1].json()["max_tokens"] == 1


@pytest.mark.parametrize("server", ["mistral"], indirect=True)
def test_mistral_forbidden_token_parameter_switched(server: FakeProviderServer) -> None:
    result = run(config_for("mistral", server.url, "behave:forbid-max_tokens"))

    assert result.category is Category.VALID
    assert server.requests[1].json()["max_completion_tokens"] == 1
    assert "max_tokens" not in server.requests[1].json()


@pytest.mark.parametrize("server", ["mistral"], indirect=True)
def test_mistral_recorded_422_not_retried(server: FakeProviderServer) -> None:
    """The recorded 422 names max_completion_tokens, which the Mistral probe does not send."""
    result = run(config_for("mistral", server.url, "case:mistral-extra-field-422"))

    assert len(server.requests) == 1
    assert result.category is Category.BAD_REQUEST
    assert "max_completion_tokens" in result.provider_message


@pytest.mark.parametrize("server", ["openai-compatible"], indirect=True)
def test_minimum_token_count_retried(server: FakeProviderServer) -> None:
    result = run(config_for("openai-compatible", server.url, "behave:min-tokens-5"))

    assert result.category is Category.VALID
    assert server.requests[1].json()["max_tokens"] == 5


@pytest.mark.parametrize("server", ["openai"], indirect=True)
def test_retry_happens_once(server: FakeProviderServer) -> None:
    """The server rejects every form: one retry, then its rejection is the result."""
    server.overrides["/chat/completions"] = (
        400,
        {"content-type": "application/json"},
        b'{"error":{"message":"Unsupported parameter: \'max_completion_tokens\'",'
        b'"param":"max_completion_tokens","code":"unsupported_parameter",'
        b'"type":"invalid_request_error"}}',
    )

    result = run(config_for("openai", server.url, "o4-mini"))

    assert result.category is Category.BAD_REQUEST
    assert len(server.requests) == 2
    assert "max_tokens" in server.requests[1].json()


@pytest.mark.parametrize("server", ["ernie"], indirect=True)
def test_ernie_probe_asks_for_two_tokens(server: FakeProviderServer) -> None:
    run(config_for("ernie", server.url, "ernie-4.5-turbo-128k"))

    assert server.requests[0].json()["max_tokens"] == 2


def test_adjust_ignores_unrelated_names() -> None:
    provider = get_provider("openai-compatible")
    probe = build_probe(provider, "http://127.0.0.1:1/v1", "m", {}, Credentials(api_key=KEY))
    body = b'{"error":{"message":"The model `m` does not exist upstream","param":"model"}}'

    assert adjust_rejected_probe(probe, body) is None


# Anthropic


@pytest.mark.parametrize("server", ["anthropic"], indirect=True)
def test_anthropic_messages_probe(server: FakeProviderServer) -> None:
    result = run(config_for("anthropic", server.url, "claude-haiku-4-5"))

    request = server.requests[0]
    headers = lower_headers(request)
    assert result.category is Category.VALID
    assert request.path == "/v1/messages"
    assert headers["anthropic-version"] == ANTHROPIC_VERSION
    assert headers["x-api-key"] == KEY
    assert request.json()["max_tokens"] == 1
    assert request.json()["messages"][0]["role"] == "user"


# Azure OpenAI


@pytest.mark.parametrize("server", ["azure-openai"], indirect=True)
def test_azure_deployment_and_api_version(server: FakeProviderServer) -> None:
    config = config_for(
        "azure-openai", server.url, "gpt-4o-mini", deployment_name="prod gpt/4o",
        api_version="2025-01-01-preview",
    )

    result = run(config)

    request = server.requests[0]
    assert result.category is Category.VALID
    assert request.path == (
        "/openai/deployments/prod%20gpt%2F4o/chat/completions?api-version=2025-01-01-preview"
    )
    assert lower_headers(request)["api-key"] == KEY
    assert "authorization" not in lower_headers(request)
    assert "model" not in request.json()
    assert request.json()["max_completion_tokens"] == 1


# Bedrock Converse


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_api_key_is_bearer(server: FakeProviderServer) -> None:
    model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"

    result = run(config_for("aws-bedrock-converse", server.url, model))

    request = server.requests[0]
    assert result.category is Category.VALID
    assert request.path == "/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse"
    assert lower_headers(request)["authorization"] == f"Bearer {KEY}"
    assert request.json()["inferenceConfig"] == {"maxTokens": 1}


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_model_arn_encoded(server: FakeProviderServer) -> None:
    model = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"

    result = run(config_for("aws-bedrock-converse", server.url, model))

    assert result.category is Category.VALID
    assert server.requests[0].path == (
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
        "%2Fus.amazon.nova-lite-v1%3A0/converse"
    )


def sigv4_credentials(session_token: str = "") -> Credentials:
    return Credentials(
        access_key_id=ACCESS_KEY_ID,
        secret_access_key=SECRET_ACCESS_KEY,
        session_token=session_token,
    )


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_sigv4_authorization(server: FakeProviderServer) -> None:
    config = config_for(
        "aws-bedrock-converse", server.url, "amazon.nova-lite-v1:0", region="eu-west-1"
    )

    result = run(config, sigv4_credentials())

    headers = lower_headers(server.requests[0])
    match = SIGV4_AUTHORIZATION.match(headers["authorization"])
    assert result.category is Category.VALID
    assert match is not None, headers["authorization"]
    assert match["key_id"] == ACCESS_KEY_ID
    assert match["region"] == "eu-west-1"
    assert match["service"] == "bedrock"
    assert re.fullmatch(r"\d{8}T\d{6}Z", headers["x-amz-date"])
    assert match["date"] == headers["x-amz-date"][:8]
    assert {"host", "x-amz-date"} <= set(match["signed"].split(";"))
    assert "x-amz-security-token" not in headers
    assert SECRET_ACCESS_KEY not in str(server.requests[0].headers)


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_sigv4_session_token(server: FakeProviderServer) -> None:
    config = config_for("aws-bedrock-converse", server.url, "amazon.nova-lite-v1:0")

    run(config, sigv4_credentials(SESSION_TOKEN))

    headers = lower_headers(server.requests[0])
    match = SIGV4_AUTHORIZATION.match(headers["authorization"])
    assert match is not None
    assert match["region"] == "us-east-1"
    assert headers["x-amz-security-token"] == SESSION_TOKEN
    assert "x-amz-security-token" in match["signed"].split(";")


@pytest.mark.parametrize("server", ["aws-bedrock-converse"], indirect=True)
def test_bedrock_sigv4_signature_verifies(
    server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sign the request the server received again with botocore: the signatures must match."""
    from botocore import auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials as AwsCredentials

    config = config_for("aws-bedrock-converse", server.url, "amazon.nova-lite-v1:0")
    run(config, sigv4_credentials(SESSION_TOKEN))
    received = server.requests[0]
    headers = lower_headers(received)
    signed_at = datetime.strptime(headers["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    monkeypatch.setattr(auth, "get_current_datetime", lambda: signed_at)

    again = AWSRequest(
        method="POST",
        url=server.url + received.path,
        data=received.body,
        headers={"Content-Type": headers["content-type"], "Accept": headers["accept"]},
    )
    aws_credentials = AwsCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN)
    auth.SigV4Auth(aws_credentials, "bedrock", "us-east-1").add_auth(again)

    assert again.headers["Authorization"] == headers["authorization"]


def test_bedrock_signs_for_host_region() -> None:
    """A region in the host wins over the Region field, and the mismatch is a warning."""
    from app.validation.validator import signing_region

    config = ProviderConfig(
        "aws-bedrock-converse",
        "https://bedrock-runtime.eu-central-1.amazonaws.com",
        "amazon.nova-lite-v1:0",
        {"region": "us-east-1"},
    )

    assert signing_region(config) == "eu-central-1"


# Gemini


def test_gemini_host_keeps_trailing_slash() -> None:
    gemini = get_provider("gemini")

    with_slash = chat_url(gemini, gemini.default_api_host, "gemini-2.5-flash", {})
    without_slash = chat_url(gemini, gemini.default_api_host.rstrip("/"), "gemini-2.5-flash", {})

    assert gemini.default_api_host.endswith("/openai/")
    assert with_slash == "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions"
    assert without_slash == with_slash


@pytest.mark.parametrize("server", ["gemini"], indirect=True)
def test_gemini_probe_path_over_http(server: FakeProviderServer) -> None:
    config = config_for("gemini", server.url, "gemini-2.5-flash")

    result = run(config)

    assert config.api_host.endswith("/v1beta/openai/")
    assert result.category is Category.VALID
    assert server.requests[0].path == "/v1beta/openai/chat/completions"
