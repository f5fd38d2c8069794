"""The model list of a provider, for the Model Type field's suggestions."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import urlencode

import httpx

from app.catalog import Protocol, Provider, get_provider
from app.validation.classify import classify_response
from app.validation.hosts import host_label
from app.validation.probes import Credentials, build_models_probe
from app.validation.result import (
    MESSAGE_TEMPLATES,
    NO_MODEL_LIST,
    UNEXPECTED_TOO_LARGE,
    Category,
    Classification,
    message_args,
)
from app.validation.transport import DEFAULT_TIMEOUT_S, TransportFailure, make_client, send

logger = logging.getLogger(__name__)

# An estimate: OpenRouter's list, with a description per model, runs to a few megabytes, so
# anything far larger is not a model list.
MAX_MODEL_LIST_BYTES = 16 * 1024 * 1024
# Anthropic pages its list; 1000 is its largest page size.
ANTHROPIC_PAGE_SIZE = 1000
MAX_PAGES = 10
# Gemini's OpenAI-compatible list names models as "models/gemini-2.5-flash", but its chat
# endpoint takes the bare id, also when reached through another card.
GEMINI_MODEL_PREFIX = "models/"


class ModelListError(Exception):
    """The model list could not be read; ``category`` and ``message`` are as for a validation.

    ``message`` is English. ``message_template`` and ``message_args`` let the window show it
    in the user's language, as for a validation result.
    """

    def __init__(
        self,
        category: Category,
        message_template: str,
        message_args: dict[str, str],
        *,
        retry_after_s: float | None = None,
        provider_message: str = "",
        status_code: int | None = None,
        url: str = "",
    ) -> None:
        message = message_template.format(**message_args)
        super().__init__(message)
        self.category = category
        self.message = message
        self.message_template = message_template
        self.message_args = message_args
        self.retry_after_s = retry_after_s
        self.provider_message = provider_message
        self.status_code = status_code
        self.url = url


class ModelListNotSupportedError(ModelListError):
    """The provider has no model list in the catalog, such as Azure deployments."""


def parse_model_ids(body: bytes) -> tuple[list[str], str | None]:
    """Return the model ids of a list body and the id to continue after, if there are more.

    Reads the OpenAI and Anthropic shapes (``{"data": [{"id": ...}]}``), Ollama's
    (``{"models": [{"name": ...}]}``) and a bare array of model objects or names. Raises
    ValueError for any other body.
    """
    document = json.loads(body)
    items: Any
    if isinstance(document, list):
        items = document
    elif isinstance(document, dict) and isinstance(document.get("data"), list):
        items = document["data"]
    elif isinstance(document, dict) and isinstance(document.get("models"), list):
        items = document["models"]
    else:
        raise ValueError("The body is not a model list.")

    ids: list[str] = []
    for item in items:
        if isinstance(item, str):
            ids.append(item)
        elif isinstance(item, dict):
            name = item.get("id") or item.get("name") or item.get("model")
            if isinstance(name, str) and name:
                ids.append(name)

    more = isinstance(document, dict) and document.get("has_more") is True
    last_id = document.get("last_id") if isinstance(document, dict) else None
    return ids, last_id if more and isinstance(last_id, str) else None


def _error_for(
    provider: Provider,
    url: str,
    classification: Classification,
    timeout_s: float,
    *,
    template: str | None = None,
    status_code: int | None = None,
    **details: str,
) -> ModelListError:
    template = template or MESSAGE_TEMPLATES[classification.category]
    args = message_args(
        provider.name, host_label(url), timeout_s, classification.retry_after_s, **details
    )
    return ModelListError(
        classification.category,
        template,
        args,
        retry_after_s=classification.retry_after_s,
        provider_message=classification.provider_message,
        status_code=status_code,
        url=url,
    )


async def _read_page(
    provider: Provider,
    http: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    timeout_s: float,
) -> tuple[list[str], str | None]:
    try:
        response = await send(http, "GET", url, headers, b"", max_body_bytes=MAX_MODEL_LIST_BYTES)
    except TransportFailure as failure:
        raise _error_for(
            provider, url, failure.classification, timeout_s, template=failure.template
        ) from None

    if response.truncated:
        size = f"{MAX_MODEL_LIST_BYTES // (1024 * 1024)} MiB"
        raise _error_for(
            provider,
            url,
            Classification(Category.UNEXPECTED_RESPONSE),
            timeout_s,
            template=UNEXPECTED_TOO_LARGE,
            status_code=response.status_code,
            size=size,
        )
    if response.status_code != 200:
        classification = classify_response(
            provider, response.status_code, response.headers, response.body
        )
        raise _error_for(provider, url, classification, timeout_s, status_code=response.status_code)

    try:
        return parse_model_ids(response.body)
    except ValueError:
        classification = classify_response(provider, 200, response.headers, response.body)
        if classification.category is Category.VALID:
            classification = Classification(Category.UNEXPECTED_RESPONSE)
        raise _error_for(provider, url, classification, timeout_s, status_code=200) from None


async def list_models(
    provider: str | Provider,
    api_host: str,
    credentials: Credentials,
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> list[str]:
    """Return the model ids the provider lists for this key, in the provider's order.

    Gemini's ``models/`` prefix is removed so that each id can be used as Model Type. Raises
    ModelListNotSupportedError for a provider without a list, and ModelListError with a
    category and message when the list cannot be read. A listed model may still fail a
    validation: several providers list models the key cannot use.
    """
    spec = provider if isinstance(provider, Provider) else get_provider(provider)
    probe = build_models_probe(spec, api_host, credentials)
    if probe is None:
        raise ModelListNotSupportedError(
            Category.BAD_REQUEST, NO_MODEL_LIST, {"provider": spec.name}
        )

    owns_client = client is None
    http = client or make_client(timeout_s)
    ids: list[str] = []
    try:
        async with asyncio.timeout(timeout_s):
            after_id: str | None = None
            for _ in range(MAX_PAGES):
                url = probe.url
                if spec.protocol is Protocol.ANTHROPIC:
                    query = {"limit": str(ANTHROPIC_PAGE_SIZE)}
                    if after_id:
                        query["after_id"] = after_id
                    url = f"{probe.url}?{urlencode(query)}"
                page, after_id = await _read_page(spec, http, url, dict(probe.headers), timeout_s)
                ids.extend(page)
                if after_id is None:
                    break
    except TimeoutError:
        raise _error_for(spec, probe.url, Classification(Category.TIMEOUT), timeout_s) from None
    finally:
        if owns_client:
            await http.aclose()

    unique = list(dict.fromkeys(model_id.removeprefix(GEMINI_MODEL_PREFIX) for model_id in ids))
    logger.info("model list read: provider=%s count=%d", spec.id, len(unique))
    return unique
