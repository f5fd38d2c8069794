"""The one-token requests of each protocol, with their authentication and their one retry."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from app.catalog import Protocol, Provider
from app.validation.hosts import chat_url, models_url

ANTHROPIC_VERSION = "2023-06-01"
PROBE_PROMPT = "Hi"

# OpenAI's reasoning models reject max_tokens; most other Chat Completions servers do not
# know max_completion_tokens yet. Each provider starts with the form it documents, and a
# bad_request that names the parameter sent is retried once with the other one.
MAX_TOKENS_PARAMETERS = ("max_tokens", "max_completion_tokens")
STARTS_WITH_MAX_COMPLETION_TOKENS = frozenset({"openai", "azure-openai"})
# NOTE: ERNIE is probed with 2 tokens because its API has been seen to reject a limit of 1.
# The exact minimum of each ERNIE model is unconfirmed.
PROBE_TOKENS = {"ernie": 2}
# A provider that requests a larger minimum is retried with it, up to this many tokens.
MAX_PROBE_TOKENS = 16
# Optional fields of the probe body that a strict server may reject and the retry can drop.
DROPPABLE_FIELDS = frozenset({"stream"})

TOOL_NAME = "get_current_time"
TOOL_DESCRIPTION = "Return the current time."

QUOTED_NAME = r"(?<!\w)[`'\"]?{name}[`'\"]?(?!\w)"
USE_INSTEAD = re.compile(r"\b[Uu]se\s+[`'\"]?(max_completion_tokens|max_tokens)[`'\"]?\s+instead")
MINIMUM_TOKENS = re.compile(
    r"(?:max_completion_tokens|max_tokens|max_output_tokens)\D{0,60}?"
    r"(?:>=|greater than or equal to|at least|minimum(?: value)?(?: is| of)?|\[)\s*(\d+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Credentials:
    """The credentials of a request. Never logged and never part of a repr."""

    api_key: str = field(default="", repr=False)
    access_key_id: str = field(default="", repr=False)
    secret_access_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)

    @property
    def uses_sigv4(self) -> bool:
        return bool(self.access_key_id and self.secret_access_key)


@dataclass(frozen=True, slots=True)
class Probe:
    """One HTTP request to send, before signing.

    ``adjustment`` describes how this probe differs from the first one, after the provider
    rejected a parameter, for example "sent max_tokens instead of max_completion_tokens".
    """

    method: str
    url: str
    headers: dict[str, str] = field(repr=False)
    json_body: dict[str, Any] | None = None
    max_tokens_parameter: str | None = None
    adjustment: str = ""

    def body_bytes(self) -> bytes:
        if self.json_body is None:
            return b""
        return json.dumps(self.json_body, separators=(",", ":")).encode()


def auth_headers(provider: Provider, credentials: Credentials) -> dict[str, str]:
    """Return the headers that carry the key; SigV4 signing happens later, per request."""
    if provider.protocol is Protocol.ANTHROPIC:
        # Anthropic rejects a request without the version header before it checks the key.
        headers = {"anthropic-version": ANTHROPIC_VERSION}
        if credentials.api_key:
            headers["x-api-key"] = credentials.api_key
        return headers
    if not credentials.api_key:
        return {}
    match provider.protocol:
        case Protocol.AZURE_OPENAI:
            return {"api-key": credentials.api_key}
        case Protocol.BEDROCK_CONVERSE if credentials.uses_sigv4:
            return {}
        case _:
            return {"Authorization": f"Bearer {credentials.api_key}"}


def _openai_body(model_type: str, max_tokens_parameter: str, tokens: int) -> dict[str, Any]:
    return {
        "model": model_type,
        "messages": [{"role": "user", "content": PROBE_PROMPT}],
        max_tokens_parameter: tokens,
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
    headers |= auth_headers(provider, credentials)
    model = model_type.strip()
    tokens = PROBE_TOKENS.get(provider.id, 1)

    match provider.protocol:
        case Protocol.OPENAI | Protocol.AZURE_OPENAI:
            parameter = (
                "max_completion_tokens"
                if provider.id in STARTS_WITH_MAX_COMPLETION_TOKENS
                else "max_tokens"
            )
            body = _openai_body(model, parameter, tokens)
            if provider.protocol is Protocol.AZURE_OPENAI:
                del body["model"]  # the deployment in the URL picks the model
            return Probe("POST", url, headers, body, parameter)
        case Protocol.ANTHROPIC:
            body = {
                "model": model,
                "max_tokens": tokens,
                "messages": [{"role": "user", "content": PROBE_PROMPT}],
            }
            return Probe("POST", url, headers, body)
        case Protocol.BEDROCK_CONVERSE:
            body = {
                "messages": [{"role": "user", "content": [{"text": PROBE_PROMPT}]}],
                "inferenceConfig": {"maxTokens": tokens},
            }
            return Probe("POST", url, headers, body)


def build_tools_probe(provider: Provider, chat_probe: Probe) -> Probe:
    """Return ``chat_probe`` with one trivial tool definition added, in the protocol's form."""
    body = dict(chat_probe.json_body or {})
    empty_schema: dict[str, Any] = {"type": "object", "properties": {}}
    match provider.protocol:
        case Protocol.OPENAI | Protocol.AZURE_OPENAI:
            body["tools"] = [
                {
                    "type": "function",
                    "function": {
                        "name": TOOL_NAME,
                        "description": TOOL_DESCRIPTION,
                        "parameters": empty_schema,
                    },
                }
            ]
        case Protocol.ANTHROPIC:
            body["tools"] = [
                {"name": TOOL_NAME, "description": TOOL_DESCRIPTION, "input_schema": empty_schema}
            ]
        case Protocol.BEDROCK_CONVERSE:
            body["toolConfig"] = {
                "tools": [
                    {
                        "toolSpec": {
                            "name": TOOL_NAME,
                            "description": TOOL_DESCRIPTION,
                            "inputSchema": {"json": empty_schema},
                        }
                    }
                ]
            }
    return replace(chat_probe, json_body=body)


def build_models_probe(provider: Provider, api_host: str, credentials: Credentials) -> Probe | None:
    """Build the model-list request, or return None where the provider has no list."""
    url = models_url(provider, api_host)
    if url is None:
        return None
    headers = {"Accept": "application/json"} | auth_headers(provider, credentials)
    return Probe("GET", url, headers)


def switch_max_tokens_parameter(probe: Probe) -> Probe | None:
    """Return the probe with the other max-tokens parameter, or None if it has none."""
    if probe.json_body is None or probe.max_tokens_parameter is None:
        return None
    current = probe.max_tokens_parameter
    other = next(name for name in MAX_TOKENS_PARAMETERS if name != current)
    body = {key: value for key, value in probe.json_body.items() if key != current}
    body[other] = probe.json_body.get(current, 1)
    return replace(
        probe,
        json_body=body,
        max_tokens_parameter=other,
        adjustment=f"sent {other} instead of {current}",
    )


def _error_objects(body: bytes) -> list[dict[str, Any]]:
    """Return the JSON objects of an error body that may name a parameter, outermost first."""
    try:
        data = json.loads(body)
    except ValueError:
        return []
    if isinstance(data, list) and data:
        data = data[0]  # Gemini's OpenAI-compatible endpoint wraps the error in an array
    if not isinstance(data, dict):
        return []
    objects = [data]
    error = data.get("error")
    if isinstance(error, dict):
        objects.append(error)
    return objects


def _parameters_named(body: bytes, sent: list[str]) -> list[str]:
    """Return the names from ``sent`` that the error body blames, most explicit first."""
    named: list[str] = []
    texts: list[str] = []
    for item in _error_objects(body):
        param = item.get("param")
        if isinstance(param, str):
            named.append(param)
        for detail in item.get("detail") or []:
            location = detail.get("loc") if isinstance(detail, dict) else None
            if isinstance(location, list) and location:
                named.append(str(location[-1]))  # FastAPI validation errors, as Mistral sends
        for key in ("message", "error", "msg", "detail"):
            if isinstance(item.get(key), str):
                texts.append(item[key])

    text = " ".join(texts) or body.decode("utf-8", "replace")
    preferred = USE_INSTEAD.search(text)
    mentioned = sorted(
        (match.start(), name)
        for name in sent
        if (match := re.search(QUOTED_NAME.format(name=re.escape(name)), text))
    )
    named.extend(name for _, name in mentioned)
    if preferred:
        # "Use 'max_completion_tokens' instead" names the fix, not the rejected parameter.
        named = [name for name in named if name != preferred.group(1)]
    return [name for name in named if name in sent]


def adjust_rejected_probe(probe: Probe, body: bytes) -> Probe | None:
    """Return the probe in the form a bad_request response requests, or None if it names none.

    Handles a max-tokens parameter the provider rejects (switched to the other one), a larger
    minimum token count, and an optional field the provider forbids (left out). The token
    limit itself is never dropped, so a retry cannot generate a long reply.
    """
    if probe.json_body is None:
        return None
    text = body.decode("utf-8", "replace")
    minimum = MINIMUM_TOKENS.search(text)
    parameter = probe.max_tokens_parameter
    if minimum and parameter and 1 < int(minimum.group(1)) <= MAX_PROBE_TOKENS:
        tokens = int(minimum.group(1))
        if probe.json_body.get(parameter) != tokens:
            body_with_minimum = probe.json_body | {parameter: tokens}
            return replace(
                probe, json_body=body_with_minimum, adjustment=f"sent {parameter}={tokens}"
            )

    adjustable = [name for name in probe.json_body if name == parameter or name in DROPPABLE_FIELDS]
    rejected = _parameters_named(body, adjustable)
    if not rejected:
        return None
    name = rejected[0]
    if name == parameter:
        return switch_max_tokens_parameter(probe)
    if name in DROPPABLE_FIELDS:
        trimmed = {key: value for key, value in probe.json_body.items() if key != name}
        return replace(probe, json_body=trimmed, adjustment=f"left out {name}")
    return None


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
