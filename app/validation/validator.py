"""Validate a provider config: send one probe, read a bounded response, classify it.

One validation sends at most:

1. the one-token probe to the URL built from the API Host as typed;
2. once, the same probe in the form the provider requests, when it rejects a parameter;
3. when the host as typed has no API at that path, up to ``MAX_HOST_CANDIDATES`` corrected
   forms of it on the same scheme, host and port, to offer the first that reaches the API.

Everything shares one deadline, and nothing follows a redirect.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

import httpx

from app.catalog import Protocol, Provider, get_provider
from app.validation.classify import classify_response, names_api_version
from app.validation.hosts import (
    api_host_warnings,
    bedrock_region_from_host,
    candidate_api_hosts,
    chat_url,
    host_label,
    origin,
)
from app.validation.probes import (
    Credentials,
    Probe,
    adjust_rejected_probe,
    build_chat_probe,
    sign_sigv4,
)
from app.validation.result import (
    API_VERSION_REJECTED,
    MESSAGE_TEMPLATES,
    REDIRECTED,
    STAGE_API_FOUND,
    STAGE_GENERATION_WORKS,
    STAGE_HOST_REACHABLE,
    STAGE_KEY_ACCEPTED,
    STAGE_MODEL_AVAILABLE,
    STAGE_REQUEST_ADJUSTED,
    STAGE_SUGGESTED_HOST,
    TIMEOUT_BODY,
    TIMEOUT_CONNECT,
    UNEXPECTED_EMPTY,
    UNEXPECTED_HTML,
    UNEXPECTED_INVALID_JSON,
    UNEXPECTED_NOT_JSON,
    UNEXPECTED_TOO_LARGE,
    WRONG_ENDPOINT_SUGGESTED,
    Category,
    Classification,
    Stage,
    ValidationResult,
    message_args,
)
from app.validation.transport import (
    DEFAULT_TIMEOUT_S,
    MAX_BODY_BYTES,
    MAX_CONNECTIONS,
    ProbeResponse,
    Progress,
    TransportFailure,
    environment_proxy,
    make_client,
    send,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "ProviderConfig",
    "make_client",
    "request_url",
    "signing_region",
    "validate",
    "validate_all",
]

logger = logging.getLogger(__name__)

DEFAULT_REGION = "us-east-1"
# Categories that mean "no provider API at this URL", after which corrected hosts are tried.
NO_API_AT_URL = frozenset({Category.WRONG_ENDPOINT, Category.UNEXPECTED_RESPONSE})
# Categories that mean the request never reached a provider API.
NO_API_ANSWER = NO_API_AT_URL | {Category.UNREACHABLE, Category.TIMEOUT, Category.TLS_ERROR}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class ProviderConfig:
    """A card's values apart from the secrets: provider, host, model and External Config."""

    provider: str
    api_host: str
    model_type: str
    external_config: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One probe sent and its outcome: a response or a transport failure, classified."""

    probe: Probe
    classification: Classification
    response: ProbeResponse | None = None
    template: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    redirect_location: str | None = None

    @property
    def url(self) -> str:
        return self.response.url if self.response else self.probe.url


def signing_region(config: ProviderConfig) -> str:
    """Return the AWS region to sign for: the host's own region wins over the Region field.

    A signature for another region than the endpoint's is rejected as a bad signature, which
    would read as a bad key. api_host_warnings reports the mismatch instead.
    """
    return (
        bedrock_region_from_host(config.api_host)
        or config.external_config.get("region", "").strip()
        or DEFAULT_REGION
    )


def _request_headers(
    provider: Provider, probe: Probe, config: ProviderConfig, credentials: Credentials
) -> dict[str, str]:
    if provider.protocol is Protocol.BEDROCK_CONVERSE and credentials.uses_sigv4:
        return sign_sigv4(probe, credentials, signing_region(config))
    return dict(probe.headers)


def _body_kind_template(response: ProbeResponse) -> str | None:
    """Return the message for a response that is not this provider's API, by what the body is."""
    text = response.body.decode("utf-8", "replace").lstrip("\ufeff").strip()
    content_type = response.headers.get("content-type", "").lower()
    if not text:
        return UNEXPECTED_EMPTY
    if "html" in content_type or text.startswith("<"):
        return UNEXPECTED_HTML
    if not text.startswith(("{", "[")):
        return UNEXPECTED_NOT_JSON
    try:
        json.loads(text)
    except ValueError:
        return UNEXPECTED_INVALID_JSON
    return None


def read_response(provider: Provider, probe: Probe, response: ProbeResponse) -> Attempt:
    """Classify an HTTP response, with the more precise message the validator can pick."""
    status = {"status": str(response.status_code)}
    location = response.headers.get("location")
    if response.status_code in REDIRECT_STATUSES and location:
        target = urljoin(response.url, location)
        classification = Classification(Category.WRONG_ENDPOINT, f"Redirected to {target}")
        return Attempt(
            probe, classification, response, REDIRECTED, status | {"location": target}, target
        )

    if response.truncated:
        size = f"{MAX_BODY_BYTES // 1024} KiB"
        classification = Classification(Category.UNEXPECTED_RESPONSE)
        details = status | {"size": size}
        return Attempt(probe, classification, response, UNEXPECTED_TOO_LARGE, details)

    classification = classify_response(
        provider, response.status_code, response.headers, response.body
    )
    template = None
    if classification.category is Category.UNEXPECTED_RESPONSE:
        template = _body_kind_template(response)
    return Attempt(probe, classification, response, template, status)


async def run_probe(
    provider: Provider,
    config: ProviderConfig,
    credentials: Credentials,
    http: httpx.AsyncClient,
    probe: Probe,
    *,
    progress: Progress | None = None,
) -> Attempt:
    """Send ``probe``, signed where needed, and classify what comes back."""
    headers = _request_headers(provider, probe, config, credentials)
    try:
        response = await send(
            http, probe.method, probe.url, headers, probe.body_bytes(), progress=progress
        )
    except TransportFailure as failure:
        logger.info(
            "validation transport failure: provider=%s url=%s category=%s error=%s",
            provider.id,
            probe.url,
            failure.classification.category.value,
            failure.classification.provider_message,
        )
        proxy = environment_proxy(probe.url) if http.trust_env else None
        details = {"proxy": proxy or "", **failure.details}
        return Attempt(probe, failure.classification, None, failure.template, details)
    return read_response(provider, probe, response)


async def run_probe_with_retry(
    provider: Provider,
    config: ProviderConfig,
    credentials: Credentials,
    http: httpx.AsyncClient,
    probe: Probe,
    *,
    progress: Progress | None = None,
) -> list[Attempt]:
    """Send ``probe``, and once more in the requested form if the provider rejects a parameter."""
    first = await run_probe(provider, config, credentials, http, probe, progress=progress)
    if first.classification.category is not Category.BAD_REQUEST or first.response is None:
        return [first]

    adjusted = adjust_rejected_probe(probe, first.response.body)
    if adjusted is None:
        return [first]
    logger.info("validation retry: provider=%s change=%s", provider.id, adjusted.adjustment)
    retry = await run_probe(provider, config, credentials, http, adjusted, progress=progress)
    return [first, retry]


def _stage_names(category: Category) -> tuple[tuple[str, bool], ...]:
    """Return the steps an HTTP response of ``category`` proves, ending with the one that failed."""
    host = (STAGE_HOST_REACHABLE, True)
    key = (STAGE_KEY_ACCEPTED, True)
    match category:
        case Category.VALID:
            return (host, key, (STAGE_MODEL_AVAILABLE, True), (STAGE_GENERATION_WORKS, True))
        case Category.WRONG_ENDPOINT | Category.UNEXPECTED_RESPONSE:
            return (host, (STAGE_API_FOUND, False))
        case Category.INVALID_KEY:
            return (host, (STAGE_KEY_ACCEPTED, False))
        case Category.INVALID_MODEL:
            return (host, key, (STAGE_MODEL_AVAILABLE, False))
        case Category.QUOTA_EXCEEDED | Category.RATE_LIMITED | Category.PERMISSION_DENIED:
            return (host, key, (STAGE_GENERATION_WORKS, False))
        case _:
            # A server error, a rejected probe or a region block proves nothing about the key.
            return (host, (STAGE_GENERATION_WORKS, False))


def stages_for(attempt: Attempt) -> tuple[Stage, ...]:
    """Return what one attempt proved, with its URL, status, latency and provider message."""
    message = attempt.classification.provider_message
    if attempt.response is None:
        return (Stage(STAGE_HOST_REACHABLE, False, attempt.url, provider_message=message),)

    response = attempt.response
    return tuple(
        Stage(name, ok, response.url, response.status_code, response.latency_ms, message)
        for name, ok in _stage_names(attempt.classification.category)
    )


def _adjusted_stage(rejected: Attempt, retry: Attempt) -> Stage:
    response = rejected.response
    return Stage(
        STAGE_REQUEST_ADJUSTED,
        False,
        rejected.url,
        response.status_code if response else None,
        response.latency_ms if response else None,
        rejected.classification.provider_message,
        detail=f"retried: {retry.probe.adjustment}",
    )


async def _find_suggested_host(
    provider: Provider,
    config: ProviderConfig,
    credentials: Credentials,
    http: httpx.AsyncClient,
) -> tuple[str, Attempt] | None:
    """Return the first corrected API Host whose probe reaches the provider's API."""
    candidates = candidate_api_hosts(
        provider, config.api_host, config.model_type, config.external_config
    )
    for candidate in candidates:
        if origin(candidate) != origin(config.api_host):
            continue  # never send the key to a host the user did not type
        probe = build_chat_probe(
            provider, candidate, config.model_type, config.external_config, credentials
        )
        attempts = await run_probe_with_retry(provider, config, credentials, http, probe)
        final = attempts[-1]
        logger.info(
            "validation host candidate: provider=%s url=%s category=%s",
            provider.id,
            probe.url,
            final.classification.category.value,
        )
        if final.classification.category not in NO_API_ANSWER:
            return candidate, final
    return None


def _with_api_version_message(
    provider: Provider, config: ProviderConfig, attempt: Attempt
) -> Attempt:
    """Point an Azure rejection of the api-version at the API version field.

    Such a response comes from the right host, so no corrected host is tried for it.
    """
    classification = attempt.classification
    if (
        provider.protocol is not Protocol.AZURE_OPENAI
        or classification.category is not Category.WRONG_ENDPOINT
        or not names_api_version(classification.provider_message)
    ):
        return attempt

    version_field = next(item for item in provider.external_config if item.key == "api_version")
    details = {
        **attempt.details,
        "version": config.external_config.get("api_version", "").strip(),
        "example": version_field.default or version_field.example,
    }
    return replace(attempt, template=API_VERSION_REJECTED, details=details)


def _timeout_attempt(probe: Probe, progress: Progress) -> Attempt:
    template = None
    if not progress.connected:
        template = TIMEOUT_CONNECT
    elif progress.headers_received:
        template = TIMEOUT_BODY
    return Attempt(probe, Classification(Category.TIMEOUT), template=template)


def _build_result(
    provider: Provider,
    config: ProviderConfig,
    attempts: list[Attempt],
    timeout_s: float,
    *,
    proxy: str | None,
    suggestion: tuple[str, Attempt] | None,
) -> ValidationResult:
    final = attempts[-1]
    classification = final.classification
    template = final.template or MESSAGE_TEMPLATES[classification.category]
    details = {key: value for key, value in final.details.items() if value}
    if proxy:
        details["proxy"] = proxy

    stages: list[Stage] = []
    if len(attempts) > 1:
        stages.append(_adjusted_stage(attempts[0], final))
    stages.extend(stages_for(final))

    suggested_host = None
    if suggestion is not None:
        suggested_host, suggested = suggestion
        details["suggested"] = suggested_host
        template = WRONG_ENDPOINT_SUGGESTED
        evidence = stages_for(suggested)[-1]
        stages.append(replace(evidence, name=STAGE_SUGGESTED_HOST, ok=True, detail=suggested_host))

    args = message_args(
        provider.name,
        host_label(final.url or config.api_host),
        timeout_s,
        classification.retry_after_s,
        **details,
    )
    warnings = api_host_warnings(provider, config.api_host, config.external_config)
    return ValidationResult(
        provider=provider.id,
        category=classification.category,
        message=template.format(**args),
        message_template=template,
        message_args=args,
        provider_message=classification.provider_message,
        status_code=final.response.status_code if final.response else None,
        url=final.url,
        latency_ms=final.response.latency_ms if final.response else None,
        suggested_api_host=suggested_host,
        retry_after_s=classification.retry_after_s,
        stages=tuple(stages),
        proxy=proxy,
        redirect_location=final.redirect_location,
        warnings=tuple(warning.message for warning in warnings),
    )


async def validate(
    config: ProviderConfig,
    credentials: Credentials,
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> ValidationResult:
    """Send the one-token generation for ``config`` and classify the response.

    Whatever the provider or the network does becomes a result, not an exception. Raises
    UnknownProviderError for a provider not in the catalog, and cancellation propagates.
    The retry and the corrected hosts share one deadline, ``timeout_s`` after the start.
    """
    provider = get_provider(config.provider)
    owns_client = client is None
    http = client or make_client(timeout_s)
    probe = build_chat_probe(
        provider, config.api_host, config.model_type, config.external_config, credentials
    )
    proxy = environment_proxy(probe.url) if http.trust_env else None
    logger.info(
        "validation started: provider=%s url=%s proxy=%s", provider.id, probe.url, proxy or "none"
    )

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    progress = Progress()
    suggestion = None
    try:
        try:
            async with asyncio.timeout_at(deadline):
                attempts = await run_probe_with_retry(
                    provider, config, credentials, http, probe, progress=progress
                )
        except TimeoutError:
            attempts = [_timeout_attempt(probe, progress)]

        attempts[-1] = _with_api_version_message(provider, config, attempts[-1])
        final = attempts[-1]
        if (
            final.classification.category in NO_API_AT_URL
            and final.template != API_VERSION_REJECTED
        ):
            try:
                async with asyncio.timeout_at(deadline):
                    suggestion = await _find_suggested_host(provider, config, credentials, http)
            except TimeoutError:
                logger.info("validation host candidates stopped at the deadline: %s", provider.id)
    finally:
        if owns_client:
            await http.aclose()

    result = _build_result(
        provider, config, attempts, timeout_s, proxy=proxy, suggestion=suggestion
    )
    logger.info(
        "validation finished: provider=%s category=%s status=%s latency_ms=%s suggested=%s",
        provider.id,
        result.category.value,
        result.status_code,
        result.latency_ms,
        result.suggested_api_host,
    )
    return result


async def validate_all(
    configs_with_credentials: Iterable[tuple[ProviderConfig, Credentials]],
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_concurrency: int = MAX_CONNECTIONS,
) -> list[ValidationResult]:
    """Validate many configs at once on one HTTP client, at most ``max_concurrency`` at a time.

    Returns the results in the order of the input. Raises UnknownProviderError before sending
    anything if a config names a provider that is not in the catalog.
    """
    items = list(configs_with_credentials)
    for config, _ in items:
        get_provider(config.provider)
    if not items:
        return []

    owns_client = client is None
    http = client or make_client(timeout_s, max_connections=max_concurrency)
    slots = asyncio.Semaphore(max_concurrency)

    async def validate_one(config: ProviderConfig, credentials: Credentials) -> ValidationResult:
        async with slots:
            return await validate(config, credentials, client=http, timeout_s=timeout_s)

    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(validate_one(*item)) for item in items]
    finally:
        if owns_client:
            await http.aclose()
    return [task.result() for task in tasks]


def request_url(config: ProviderConfig) -> str:
    """Return the exact URL of the generation request the card will send for ``config``."""
    return chat_url(
        get_provider(config.provider), config.api_host, config.model_type, config.external_config
    )
