"""The one-token generation request of each protocol, with its authentication."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from app.catalog import Protocol, Provider
from app.validation.hosts import chat_url, models_url

ANTHROPIC_VERSION = "2023-06-01"
PROBE_PROMPT = "Hi"

# OpenAI's reasoning models reject max_tokens; most other Chat Completions servers do not
# know max_completion_tokens yet. Each provider starts with the form it documents, and a
# bad_request that names the other parameter is retried once with that one.
MAX_TOKENS_PARAMETERS = ("max_tokens", "max_completion_tokens")
STARTS_WITH_MAX_COMPLETION_TOKENS = frozenset({"openai", "azure-openai"})


@dataclass(frozen=True, slots=True)
class Credentials:
    """What authenticates a request. Never logged and never part of a repr."""

    api_key: str = field(default="", repr=False)
    access_key_id: str = field(default="", repr=False)
    secret_access_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)

    @property
    def uses_sigv4(self) -> bool:
        return bool(self.access_key_id and self.secret_access_key)


@dataclass(frozen=True, slots=True)
class Probe:
    """One HTTP request to send, before signing."""

    method: str
    url: str
    headers: dict[str, str] = field(repr=False)
    json_body: dict[str, Any] | None = None
    max_tokens_parameter: str | None = None

    def body_bytes(self) -> bytes:
        if self.json_body is None:
            return b""
        return json.dumps(self.json_body, separators=(",", ":")).encode()


def _auth_headers(provider: Provider, credentials: Credentials) -> dict[str, str]:
    if not credentials.api_key:
        return {}
    match provider.protocol:
        case Protocol.ANTHROPIC:
            return {"x-api-key": credentials.api_key, "anthropic-version": ANTHROPIC_VERSION}
        case Protocol.AZURE_OPENAI:
            return {"api-key": credentials.api_key}
        case Protocol.BEDROCK_CONVERSE if credentials.uses_sigv4:
            return {}  # signed later by sign_sigv4
        case _:
            return {"Authorization": f"Bearer {credentials.api_key}"}


def _openai_body(model_type: str, max_tokens_parameter: str) -> dict[str, Any]:
    return {
        "model": model_type,
        "messages": [{"role": "user", "content": PROBE_PROMPT}],
        max_tokens_parameter: 1,
        "stream": False,
    }


def build_chat_probe(
    provider: Provider,
    api_host: str,
    model_type: str,
    external_config: dict[str, str],
    credentials: Credentials,
) -> Probe:
    """Build the cheapest request that proves key, model and quota: one generated token."""
    url = chat_url(provider, api_host, model_type, external_config)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    headers |= _auth_headers(provider, credentials)

    match provider.protocol:
        case Protocol.OPENAI | Protocol.AZURE_OPENAI:
            parameter = (
                "max_completion_tokens"
                if provider.id in STARTS_WITH_MAX_COMPLETION_TOKENS
                else "max_tokens"
            )
            body = _openai_body(model_type, parameter)
            if provider.protocol is Protocol.AZURE_OPENAI:
                del body["model"]  # the deployment in the URL picks the model
            return Probe("POST", url, headers, body, parameter)
        case Protocol.ANTHROPIC:
            body = {
                "model": model_type,
                "max_tokens": 1,
                "messages": [{"role": "user", "content": PROBE_PROMPT}],
            }
            return Probe("POST", url, headers, body)
        case Protocol.BEDROCK_CONVERSE:
            body = {
                "messages": [{"role": "user", "content": [{"text": PROBE_PROMPT}]}],
                "inferenceConfig": {"maxTokens": 1},
            }
            return Probe("POST", url, headers, body)


def switch_max_tokens_parameter(probe: Probe) -> Probe | None:
    """Return the probe with the other max-tokens parameter, or None if it has none."""
    if probe.json_body is None or probe.max_tokens_parameter is None:
        return None
    other = next(name for name in MAX_TOKENS_PARAMETERS if name != probe.max_tokens_parameter)
    body = {
        key: value for key, value in probe.json_body.items() if key != probe.max_tokens_parameter
    }
    body[other] = 1
    return replace(probe, json_body=body, max_tokens_parameter=other)


def build_models_probe(provider: Provider, api_host: str, credentials: Credentials) -> Probe | None:
    """Build the model-list request, or return None where the provider has no list."""
    url = models_url(provider, api_host)
    if url is None:
        return None
    headers = {"Accept": "application/json"} | _auth_headers(provider, credentials)
    return Probe("GET", url, headers)


def sign_sigv4(probe: Probe, credentials: Credentials, region: str) -> dict[str, str]:
    """Return the probe's headers with an AWS Signature Version 4 for the ``bedrock`` service."""
    # botocore is imported here because it is large and only Bedrock access keys need it.
    from botocore.auth import SigV4Auth  # noqa: PLC0415
    from botocore.awsrequest import AWSRequest  # noqa: PLC0415
    from botocore.credentials import Credentials as AwsCredentials  # noqa: PLC0415

    aws_credentials = AwsCredentials(
        credentials.access_key_id,
        credentials.secret_access_key,
        credentials.session_token or None,
    )
    request = AWSRequest(
        method=probe.method, url=probe.url, data=probe.body_bytes(), headers=dict(probe.headers)
    )
    SigV4Auth(aws_credentials, "bedrock", region).add_auth(request)
    return {name: str(value) for name, value in request.headers.items()}
