"""Sending one probe: the HTTP client, a bounded read, proxies and transport failures."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlunsplit
from urllib.request import getproxies

import httpx

from app.validation.hosts import split_url
from app.validation.result import (
    TIMEOUT_BODY,
    TIMEOUT_CONNECT,
    TLS_NOT_TLS,
    UNREACHABLE_DNS,
    UNREACHABLE_PROXY,
    UNREACHABLE_REFUSED,
    Category,
    Classification,
)

DEFAULT_TIMEOUT_S = 20.0
CONNECT_TIMEOUT_S = 10.0
# A provider's error or one-token reply is a few kilobytes, so anything far larger is not
# the API we expect, and reading stops here.
MAX_BODY_BYTES = 256 * 1024
# How many probes one client runs at once, for validate_all.
MAX_CONNECTIONS = 8


@dataclass(frozen=True, slots=True)
class ProbeResponse:
    """An HTTP response, with at most ``max_body_bytes`` of its body read."""

    status_code: int
    headers: httpx.Headers
    body: bytes
    url: str
    latency_ms: int
    truncated: bool = False


@dataclass(slots=True)
class Progress:
    """How far one request got, so that a timeout message can name where it stopped."""

    connected: bool = False
    headers_received: bool = False

    async def trace(self, event: str, info: dict[str, Any]) -> None:
        """Record httpcore trace events. A reused connection starts at sending headers."""
        del info
        if event.endswith(("connect_tcp.complete", "send_request_headers.started")):
            self.connected = True


class TransportFailure(Exception):
    """A request that got no HTTP response, classified, with the message template to show."""

    def __init__(
        self,
        classification: Classification,
        template: str | None = None,
        details: dict[str, str] | None = None,
    ) -> None:
        super().__init__(classification.category.value)
        self.classification = classification
        self.template = template
        # Message arguments that replace the defaults, such as the connect timeout's seconds.
        self.details = details or {}


def make_client(
    timeout_s: float = DEFAULT_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS
) -> httpx.AsyncClient:
    """Create the HTTP client probes use.

    TLS is verified, redirects are not followed (the key must not travel to another host), and
    proxies and certificate files come from the environment as httpx reads them.
    """
    timeout = httpx.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s))
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    return httpx.AsyncClient(timeout=timeout, limits=limits, follow_redirects=False, trust_env=True)


def _bypasses_proxy(hostname: str, no_proxy: str) -> bool:
    """Apply NO_PROXY as httpx does (checked against httpx 0.29).

    ``*`` bypasses every proxy, an IP address or ``localhost`` matches exactly,
    ``example.com`` matches it and its subdomains, ``.example.com`` only its subdomains.
    """
    name = hostname.lower().strip("[]")
    for raw_entry in no_proxy.split(","):
        entry = raw_entry.strip().lower()
        if "://" in entry:
            parts = split_url(entry)
            entry = (parts.hostname if parts is not None else None) or ""
        entry = entry.strip("[]")
        if not entry:
            continue
        if entry == "*":
            return True
        if entry.startswith("."):
            if name.endswith(entry):
                return True
            continue
        if name == entry:
            return True
        if not _is_ip_address(entry) and entry != "localhost" and name.endswith(f".{entry}"):
            return True
    return False


def _is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def environment_proxy(url: str) -> str | None:
    """Return the proxy httpx takes from the environment for ``url``, without its password.

    The same variables as httpx: HTTPS_PROXY or HTTP_PROXY by scheme, then ALL_PROXY, and
    NO_PROXY for exceptions.
    """
    proxies = getproxies()
    parts = split_url(url)
    if parts is None:
        return None
    if parts.hostname and _bypasses_proxy(parts.hostname, proxies.get("no", "")):
        return None
    proxy = proxies.get(parts.scheme.lower()) or proxies.get("all")
    if not proxy:
        return None
    if "://" not in proxy:
        proxy = f"http://{proxy}"
    return without_password(proxy)


def without_password(url: str) -> str:
    """Return ``url`` with any user name and password removed, for messages and logs."""
    parts = split_url(url)
    if parts is None:
        # Without the parts, drop everything up to the last "@", which may cut a path too.
        scheme, separator, rest = url.partition("://")
        return f"{scheme}{separator}{rest.rsplit('@', 1)[-1]}"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _cause_chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    return chain


ANYIO_CANCELLED = "Cancelled via cancel scope"


def classify_transport_error(
    error: httpx.TransportError, progress: Progress, proxy: str | None
) -> TransportFailure:
    """Classify a failure without an HTTP response. It is never a key problem."""
    chain = _cause_chain(error)
    # httpx wraps the same failure several times; each distinct text is kept once. anyio's
    # "Cancelled via cancel scope …" describes its own timer, not the provider.
    texts = (str(item) for item in chain)
    text = " ".join(
        dict.fromkeys(item for item in texts if item and not item.startswith(ANYIO_CANCELLED))
    )

    if isinstance(error, httpx.TimeoutException):
        template = TIMEOUT_CONNECT if isinstance(error, httpx.ConnectTimeout) else None
        details = {}
        connect_s = _connect_timeout_s(error)
        if template is TIMEOUT_CONNECT and connect_s is not None:
            details["seconds"] = f"{connect_s:g}"
        if progress.headers_received:
            template = TIMEOUT_BODY
        return TransportFailure(Classification(Category.TIMEOUT, text), template, details)

    if any(isinstance(item, ssl.SSLError) for item in chain) or "CERTIFICATE_VERIFY_FAILED" in text:
        template = TLS_NOT_TLS if "WRONG_VERSION_NUMBER" in text else None
        return TransportFailure(Classification(Category.TLS_ERROR, text), template)

    if proxy and isinstance(error, httpx.ProxyError | httpx.ConnectError):
        return TransportFailure(Classification(Category.UNREACHABLE, text), UNREACHABLE_PROXY)

    if (
        any(isinstance(item, socket.gaierror) for item in chain)
        or "Name or service not known" in text
        or "nodename nor servname" in text
    ):
        return TransportFailure(Classification(Category.UNREACHABLE, text), UNREACHABLE_DNS)
    if any(isinstance(item, ConnectionRefusedError) for item in chain) or "refused" in text.lower():
        return TransportFailure(Classification(Category.UNREACHABLE, text), UNREACHABLE_REFUSED)
    return TransportFailure(Classification(Category.UNREACHABLE, text))


def _connect_timeout_s(error: httpx.TimeoutException) -> float | None:
    """Return the connect timeout the failed request had, which is shorter than the deadline."""
    try:
        timeouts = error.request.extensions.get("timeout", {})
    except RuntimeError:  # httpx raises it when the error has no request
        return None
    connect = timeouts.get("connect")
    return float(connect) if isinstance(connect, int | float) else None


async def send(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    content: bytes,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    progress: Progress | None = None,
) -> ProbeResponse:
    """Send one request and read at most ``max_body_bytes`` of the response body.

    Raises TransportFailure when no HTTP response arrives. The caller sets the overall deadline,
    because a server that sends a byte now and then never trips httpx's read timeout.
    """
    progress = progress or Progress()
    proxy = environment_proxy(url) if client.trust_env else None
    started = time.perf_counter()
    try:
        request = client.build_request(
            method,
            url,
            headers=headers,
            content=content or None,
            extensions={"trace": progress.trace},
        )
    except httpx.InvalidURL as error:
        # check_api_host rejects such hosts, but a settings file edited by hand or written
        # by an older version can still contain one.
        raise TransportFailure(Classification(Category.UNREACHABLE, str(error))) from error
    try:
        response = await client.send(request, stream=True)
    except httpx.TransportError as error:
        raise classify_transport_error(error, progress, proxy) from error
    progress.headers_received = True

    body = bytearray()
    truncated = False
    try:
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > max_body_bytes:
                truncated = True
                del body[max_body_bytes:]
                break
    except httpx.TransportError as error:
        raise classify_transport_error(error, progress, proxy) from error
    finally:
        await response.aclose()

    latency_ms = round((time.perf_counter() - started) * 1000)
    return ProbeResponse(
        response.status_code, response.headers, bytes(body), str(request.url), latency_ms, truncated
    )
