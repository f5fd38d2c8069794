"""Validate a provider config: send one probe, read a bounded answer, classify it."""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import time
from dataclasses import dataclass, field, replace

import httpx

from app.catalog import Protocol, Provider, get_provider
from app.validation.classify import classify_response
from app.validation.hosts import host_label
from app.validation.probes import (
    Credentials,
    Probe,
    build_chat_probe,
    sign_sigv4,
    switch_max_tokens_parameter,
)
from app.validation.result import (
    MESSAGE_TEMPLATES,
    UNREACHABLE_DNS,
    UNREACHABLE_REFUSED,
    Category,
    Classification,
    Stage,
    ValidationResult,
    message_args,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 20.0
CONNECT_TIMEOUT_S = 10.0
# A provider's error or one-token answer is a few kilobytes; anything far larger is not
# the API we expect, so reading stops here.
MAX_BODY_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class ProviderConfig:
    """What a card holds apart from the secrets: provider, host, model and External Config."""

    provider: str
    api_host: str
    model_type: str
    external_config: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Answer:
    status_code: int
    headers: httpx.Headers
    body: bytes
    url: str
    latency_ms: int


class _TransportFailure(Exception):
    def __init__(self, classification: Classification, template: str | None = None) -> None:
        super().__init__(classification.category.value)
        self.classification = classification
        self.template = template


def make_client(timeout_s: float = DEFAULT_TIMEOUT_S) -> httpx.AsyncClient:
    """Create the HTTP client probes use: TLS verified, no redirects, proxies from the environment."""
    timeout = httpx.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s))
    return httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=True)


def _classify_transport_error(error: httpx.TransportError) -> _TransportFailure:
    if isinstance(error, httpx.TimeoutException):
        return _TransportFailure(Classification(Category.TIMEOUT, str(error)))

    chain: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__

    text = " ".join(str(item) for item in chain)
    if any(isinstance(item, ssl.SSLError) for item in chain) or "CERTIFICATE_VERIFY_FAILED" in text:
        return _TransportFailure(Classification(Category.TLS_ERROR, text))
    if (
        any(isinstance(item, socket.gaierror) for item in chain)
        or "Name or service not known" in text
    ):
        return _TransportFailure(Classification(Category.UNREACHABLE, text), UNREACHABLE_DNS)
    if any(isinstance(item, ConnectionRefusedError) for item in chain) or "refused" in text.lower():
        return _TransportFailure(Classification(Category.UNREACHABLE, text), UNREACHABLE_REFUSED)
    return _TransportFailure(Classification(Category.UNREACHABLE, text))


async def _send(client: httpx.AsyncClient, probe: Probe, headers: dict[str, str]) -> _Answer:
    started = time.perf_counter()
    request = client.build_request(
        probe.method, probe.url, headers=headers, content=probe.body_bytes() or None
    )
    try:
        response = await client.send(request, stream=True)
    except httpx.TransportError as error:
        raise _classify_transport_error(error) from error

    try:
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += chunk
            if len(body) >= MAX_BODY_BYTES:
                break
    except httpx.TransportError as error:
        raise _classify_transport_error(error) from error
    finally:
        await response.aclose()

    latency_ms = round((time.perf_counter() - started) * 1000)
    return _Answer(
        response.status_code, response.headers, bytes(body), str(request.url), latency_ms
    )


def _signed_headers(
    provider: Provider, probe: Probe, config: ProviderConfig, credentials: Credentials
) -> dict[str, str]:
    if provider.protocol is Protocol.BEDROCK_CONVERSE and credentials.uses_sigv4:
        region = config.external_config.get("region", "").strip() or "us-east-1"
        return sign_sigv4(probe, credentials, region)
    return dict(probe.headers)


def _result(
    provider: Provider,
    config: ProviderConfig,
    classification: Classification,
    timeout_s: float,
    *,
    template: str | None = None,
    answer: _Answer | None = None,
    url: str,
    stages: tuple[Stage, ...],
) -> ValidationResult:
    template = template or MESSAGE_TEMPLATES[classification.category]
    args = message_args(
        provider.name, host_label(url or config.api_host), timeout_s, classification.retry_after_s
    )
    return ValidationResult(
        provider=provider.id,
        category=classification.category,
        message=template.format(**args),
        message_template=template,
        message_args=args,
        provider_message=classification.provider_message,
        status_code=answer.status_code if answer else None,
        url=url,
        latency_ms=answer.latency_ms if answer else None,
        retry_after_s=classification.retry_after_s,
        stages=stages,
    )


async def validate(
    config: ProviderConfig,
    credentials: Credentials,
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> ValidationResult:
    """Send the one-token generation for ``config`` and classify the answer.

    Never raises for what the provider or the network does; cancellation propagates.
    """
    provider = get_provider(config.provider)
    owns_client = client is None
    http = client or make_client(timeout_s)
    probe = build_chat_probe(
        provider, config.api_host, config.model_type, config.external_config, credentials
    )
    logger.info("validation started: provider=%s url=%s", provider.id, probe.url)

    try:
        async with asyncio.timeout(timeout_s):
            result = await _probe_with_retry(provider, config, credentials, http, probe, timeout_s)
    except TimeoutError:
        result = _result(
            provider,
            config,
            Classification(Category.TIMEOUT),
            timeout_s,
            url=probe.url,
            stages=(Stage("host reachable", ok=False, url=probe.url),),
        )
    finally:
        if owns_client:
            await http.aclose()

    logger.info(
        "validation finished: provider=%s category=%s status=%s latency_ms=%s",
        provider.id,
        result.category.value,
        result.status_code,
        result.latency_ms,
    )
    return result


async def _probe_with_retry(
    provider: Provider,
    config: ProviderConfig,
    credentials: Credentials,
    http: httpx.AsyncClient,
    probe: Probe,
    timeout_s: float,
) -> ValidationResult:
    result = await _probe_once(provider, config, credentials, http, probe, timeout_s)
    if result.category is not Category.BAD_REQUEST:
        return result

    retry_probe = switch_max_tokens_parameter(probe)
    rejected_parameter = probe.max_tokens_parameter or ""
    if retry_probe is None or rejected_parameter not in result.provider_message:
        return result

    logger.info(
        "validation retry: provider=%s parameter=%s", provider.id, retry_probe.max_tokens_parameter
    )
    retried = await _probe_once(provider, config, credentials, http, retry_probe, timeout_s)
    return replace(retried, stages=result.stages + retried.stages)


async def _probe_once(
    provider: Provider,
    config: ProviderConfig,
    credentials: Credentials,
    http: httpx.AsyncClient,
    probe: Probe,
    timeout_s: float,
) -> ValidationResult:
    headers = _signed_headers(provider, probe, config, credentials)
    try:
        answer = await _send(http, probe, headers)
    except _TransportFailure as failure:
        stage = Stage(
            "host reachable",
            ok=False,
            url=probe.url,
            provider_message=failure.classification.provider_message,
        )
        return _result(
            provider,
            config,
            failure.classification,
            timeout_s,
            template=failure.template,
            url=probe.url,
            stages=(stage,),
        )

    classification = classify_response(provider, answer.status_code, answer.headers, answer.body)
    stages = _stages_for(classification, answer)
    return _result(
        provider, config, classification, timeout_s, answer=answer, url=answer.url, stages=stages
    )


def _stages_for(classification: Classification, answer: _Answer) -> tuple[Stage, ...]:
    """Return the steps the answer proves, in order, ending with the first one that failed."""
    reached_key_check = classification.category not in {
        Category.WRONG_ENDPOINT,
        Category.UNEXPECTED_RESPONSE,
    }
    key_ok = reached_key_check and classification.category not in {
        Category.INVALID_KEY,
        Category.PERMISSION_DENIED,
        Category.REGION_DENIED,
    }
    model_ok = key_ok and classification.category is not Category.INVALID_MODEL
    generation_ok = classification.category is Category.VALID

    evidence = {
        "url": answer.url,
        "status_code": answer.status_code,
        "latency_ms": answer.latency_ms,
        "provider_message": classification.provider_message,
    }
    steps = [
        ("host reachable", True),
        ("key accepted", key_ok),
        ("model available", model_ok),
        ("generation works", generation_ok),
    ]
    stages: list[Stage] = []
    for name, ok in steps:
        stages.append(Stage(name, ok, **evidence))  # type: ignore[arg-type]
        if not ok:
            break
    return tuple(stages)
