"""Capability checks of a validated model beyond generating text, for the details view.

Each check is one more one-token request, made after a valid save. Its outcome is
information only, so it never turns a valid result into a failure.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import httpx

from app.catalog import get_provider
from app.validation.probes import Credentials, build_chat_probe, build_tools_probe
from app.validation.result import Category, ValidationResult
from app.validation.transport import DEFAULT_TIMEOUT_S, make_client
from app.validation.validator import ProviderConfig, run_probe_with_retry

logger = logging.getLogger(__name__)

# Categories meaning that the provider read the tool definition and rejected it for this
# model: a rejected request (Ollama's "does not support tools"), or no route that serves
# tools (OpenRouter's 404 "No endpoints found that support tool use").
TOOLS_REJECTED = frozenset({Category.BAD_REQUEST, Category.INVALID_MODEL, Category.WRONG_ENDPOINT})


async def check_tool_support(
    config: ProviderConfig,
    credentials: Credentials,
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> bool | None:
    """Return whether the model accepts a request with a tool definition.

    True when the provider generates with a trivial tool defined, False when it rejects the
    tool, and None when the response shows neither (a timeout, a rate limit, a server error).
    """
    # NOTE: a server that ignores unknown fields gives True without supporting tools. Only a
    # real tool call would show it, and one token is too few for a tool call.
    provider = get_provider(config.provider)
    chat_probe = build_chat_probe(
        provider, config.api_host, config.model_type, config.external_config, credentials
    )
    probe = build_tools_probe(provider, chat_probe)

    owns_client = client is None
    http = client or make_client(timeout_s)
    try:
        async with asyncio.timeout(timeout_s):
            attempts = await run_probe_with_retry(provider, config, credentials, http, probe)
    except TimeoutError:
        attempts = []
    finally:
        if owns_client:
            await http.aclose()

    supports: bool | None = None
    if attempts:
        category = attempts[-1].classification.category
        if category is Category.VALID:
            supports = True
        elif category in TOOLS_REJECTED:
            supports = False
    logger.info("tool support checked: provider=%s supports_tools=%s", provider.id, supports)
    return supports


async def add_tool_support(
    result: ValidationResult,
    config: ProviderConfig,
    credentials: Credentials,
    *,
    client: httpx.AsyncClient | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> ValidationResult:
    """Return ``result`` with ``supports_tools`` filled in; a failed result is returned as is."""
    if not result.ok:
        return result
    supports = await check_tool_support(config, credentials, client=client, timeout_s=timeout_s)
    return replace(result, supports_tools=supports)
