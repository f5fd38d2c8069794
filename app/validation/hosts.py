"""API Host checks, the exact URLs a probe calls, and corrected hosts to offer on a 404."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

from app.catalog import Protocol, Provider
from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "hosts"


@dataclass(frozen=True, slots=True)
class HostProblem:
    """A problem or a warning about a typed API Host.

    ``template`` is translatable and formatted with ``value``. ``suggestion`` is a host the
    card can offer in one click, such as the typed host with ``https://`` in front.
    """

    template: str
    value: str
    suggestion: str | None = None

    @property
    def message(self) -> str:
        return self.template.format(value=self.value)


HOST_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "API Host is required. Enter the URL of the API{value}.")
HOST_NO_SCHEME = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Host {value!r} has no scheme. Start it with https:// (or http:// for a local server).",
)
HOST_BAD_SCHEME = QT_TRANSLATE_NOOP(
    CONTEXT, "API Host {value!r} must start with https:// or http://."
)
HOST_NOT_URL = QT_TRANSLATE_NOOP(
    CONTEXT, "API Host {value!r} is not a valid URL. Enter it like https://api.example.com/v1."
)
HOST_HAS_CREDENTIALS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Host {value!r} contains a user name or password. Remove it and put the key in API Key.",
)
HOST_HAS_QUERY = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Host {value!r} contains '?' or '#'. Enter only the address up to its path, such as "
    "https://api.example.com/v1.",
)
HOST_PLAIN_HTTP = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Host {value!r} uses plain http://, so the key travels unencrypted. "
    "Use https:// unless this server is on your own machine or network.",
)
HOST_REGION_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Host is in region {value}, which differs from the Region field. "
    "Requests are signed for the host's region; change one so that both match.",
)

# Private names that only resolve on the user's machine or network.
LOCAL_NAME_SUFFIXES = (".localhost", ".local", ".lan", ".internal", ".home.arpa")
# Carrier-grade NAT space, used by Tailscale and similar private overlays.
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")

# Endpoint paths a user may paste after the API root, as the last path segments. ``*`` is
# any one segment (a model id or a deployment name).
PASTED_ENDPOINTS: tuple[tuple[str, ...], ...] = (
    ("openai", "deployments", "*", "chat", "completions"),
    ("model", "*", "converse"),
    ("model", "*", "invoke"),
    ("chat", "completions"),
    ("completions",),
    ("messages",),
    ("responses",),
    ("models",),
    ("embeddings",),
)
# Ollama's own API paths; its OpenAI-compatible API is under /v1 on the same server.
OLLAMA_NATIVE_ENDPOINTS: tuple[tuple[str, ...], ...] = (
    ("api", "generate"),
    ("api", "chat"),
    ("api", "tags"),
)
VERSION_SEGMENT = re.compile(r"^v\d+(?:(?:alpha|beta)\d*)?$")
BEDROCK_RUNTIME_HOST = re.compile(
    r"^bedrock-runtime(?:-fips)?\.(?P<region>[a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$"
)
# Each candidate is one more request with the user's key, so the list stays short.
MAX_HOST_CANDIDATES = 4
# The model id that a URL preview shows while Model Type is empty. quote_model leaves it
# unencoded, so the preview reads "…" and not "%E2%80%A6".
MODEL_PLACEHOLDER = "…"


def split_url(url: str) -> SplitResult | None:
    """Split ``url`` with urlsplit, or return None where urlsplit raises ValueError.

    urlsplit raises for an unclosed IPv6 bracket such as ``http://[::1``, for a bracketed
    host that is not an IP address, and for a host with characters that NFKC normalization
    turns into URL delimiters, such as the fullwidth number sign U+FF03.
    """
    try:
        return urlsplit(url)
    except ValueError:
        return None


def check_api_host(raw: str, example: str = "") -> tuple[str, HostProblem | None]:
    """Return the API Host with surrounding white space removed, and the problem if any."""
    api_host = raw.strip()
    if not api_host:
        hint = f", for example {example}" if example else ""
        return api_host, HostProblem(HOST_MISSING, hint)

    if "://" not in api_host:
        return api_host, HostProblem(HOST_NO_SCHEME, api_host, suggest_scheme(api_host))

    parts = split_url(api_host)
    if parts is None:
        return api_host, HostProblem(HOST_NOT_URL, api_host)
    if parts.scheme.lower() not in {"http", "https"}:
        return api_host, HostProblem(HOST_BAD_SCHEME, api_host)

    try:
        port_is_valid = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_is_valid = False
    # Non-printable characters include control characters and zero-width spaces.
    has_invisible = any(ch.isspace() or not ch.isprintable() for ch in api_host)
    if not parts.hostname or not port_is_valid or has_invisible:
        return api_host, HostProblem(HOST_NOT_URL, api_host)
    if parts.username is not None or parts.password is not None:
        # The value would be printed, logged and stored, so it is not repeated either.
        redacted = api_host.replace(parts.netloc, parts.netloc.rsplit("@", 1)[-1])
        return api_host, HostProblem(HOST_HAS_CREDENTIALS, redacted)
    if parts.query or parts.fragment or api_host.endswith(("?", "#")):
        without_query = urlunsplit(parts._replace(query="", fragment=""))
        return api_host, HostProblem(HOST_HAS_QUERY, api_host, without_query)
    if not _httpx_accepts(api_host):
        return api_host, HostProblem(HOST_NOT_URL, api_host)

    return api_host, None


def _httpx_accepts(url: str) -> bool:
    """Return True if httpx can send a request to ``url``.

    httpx parses more strictly than urlsplit. It rejects text after an IPv6 address's closing
    bracket, such as ``http://[::1]x``, and non-ASCII host names that are not valid IDNA.
    """
    # Imported here, not at the top, because app.runtime imports this module for chat_url
    # and needs no HTTP client.
    import httpx  # noqa: PLC0415

    try:
        httpx.URL(url)
    except httpx.InvalidURL:
        return False
    return True


def suggest_scheme(api_host: str) -> str | None:
    """Return ``api_host`` with the scheme it most likely lacks, or None if it is not a host.

    Local servers such as Ollama usually speak plain HTTP, remote APIs HTTPS.
    """
    candidate = api_host.strip().lstrip("/")
    parts = split_url(f"http://{candidate}")
    hostname = parts.hostname if parts is not None else None
    if not candidate or not hostname:
        return None
    scheme = "http" if is_local_host(hostname) else "https"
    return f"{scheme}://{candidate}"


def is_local_host(hostname: str) -> bool:
    """Return True for loopback, private-network and local-only names, without resolving them."""
    name = hostname.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(LOCAL_NAME_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        # A name without a dot, such as "gpu-box", only resolves on the local network.
        return "." not in name
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or (address.version == 4 and address in SHARED_ADDRESS_SPACE)
    )


def api_host_warnings(
    provider: Provider, api_host: str, external_config: dict[str, str] | None = None
) -> tuple[HostProblem, ...]:
    """Return warnings about a valid API Host, such as plain HTTP to a remote server."""
    parts = split_url(api_host.strip())
    if parts is None:
        return ()
    warnings: list[HostProblem] = []
    if parts.scheme.lower() == "http" and parts.hostname and not is_local_host(parts.hostname):
        warnings.append(
            HostProblem(HOST_PLAIN_HTTP, api_host.strip(), "https://" + api_host.strip()[7:])
        )

    if provider.protocol is Protocol.BEDROCK_CONVERSE:
        host_region = bedrock_region_from_host(api_host)
        field_region = (external_config or {}).get("region", "").strip()
        if host_region and field_region and host_region != field_region:
            warnings.append(HostProblem(HOST_REGION_MISMATCH, host_region))
    return tuple(warnings)


def bedrock_region_from_host(api_host: str) -> str | None:
    """Return the AWS region named by a ``bedrock-runtime.<region>.amazonaws.com`` host."""
    parts = split_url(api_host.strip())
    hostname = (parts.hostname if parts is not None else None) or ""
    match = BEDROCK_RUNTIME_HOST.match(hostname)
    return match.group("region") if match else None


def host_label(api_host: str) -> str:
    """Return the host and port of a URL, for messages such as "Cannot reach api.x.ai"."""
    parts = split_url(api_host.strip())
    if parts is None:
        return api_host.strip()
    return parts.netloc or api_host


def origin(url: str) -> str:
    """Return scheme, host and port of a URL in lower case, the unit a key may be sent to.

    A URL that urlsplit rejects is returned whole, so it matches no other URL's origin.
    """
    parts = split_url(url.strip())
    if parts is None:
        return url.strip()
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    default_port = {"http": 80, "https": 443}.get(scheme)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port_text = f":{port}" if port is not None and port != default_port else ""
    return f"{scheme}://{host}{port_text}"


def _api_root(provider: Provider, api_host: str) -> str:
    """Return the host without a trailing slash, with the provider's version segment added."""
    root = api_host.strip().rstrip("/")
    parts = split_url(root)
    path = parts.path if parts is not None else ""
    if provider.base_path and not path.endswith(provider.base_path):
        root += provider.base_path
    return root


def quote_model(model_type: str) -> str:
    """Encode a model id for a path segment: Bedrock ids contain ":" and OpenRouter's "/".

    MODEL_PLACEHOLDER stays as it is, so that a URL preview reads ``/model/…/converse``.
    """
    if model_type == MODEL_PLACEHOLDER:
        return model_type
    return quote(model_type, safe="")


def chat_url(
    provider: Provider, api_host: str, model_type: str, external_config: dict[str, str]
) -> str:
    """Return the exact URL of the one-token generation request, as the card shows it."""
    root = _api_root(provider, api_host)
    match provider.protocol:
        case Protocol.OPENAI:
            return f"{root}/chat/completions"
        case Protocol.ANTHROPIC:
            return f"{root}/messages"
        case Protocol.AZURE_OPENAI:
            deployment = quote(external_config.get("deployment_name", "").strip(), safe="")
            api_version = quote(external_config.get("api_version", "").strip(), safe="")
            return (
                f"{root}/openai/deployments/{deployment}/chat/completions"
                f"?api-version={api_version}"
            )
        case Protocol.BEDROCK_CONVERSE:
            return f"{root}/model/{quote_model(model_type.strip())}/converse"


def models_url(provider: Provider, api_host: str) -> str | None:
    """Return the URL of the provider's model list, or None where it has none."""
    if not provider.lists_models:
        return None
    return f"{_api_root(provider, api_host)}/models"


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _ends_with(segments: list[str], pattern: tuple[str, ...]) -> bool:
    if len(segments) < len(pattern):
        return False
    tail = segments[len(segments) - len(pattern) :]
    return all(want in {"*", got.lower()} for want, got in zip(pattern, tail, strict=True))


def _join(base: str, segments: list[str]) -> str:
    return base + "".join(f"/{segment}" for segment in segments)


def _path_variants(segments: list[str], toggle_version: bool) -> list[list[str]]:
    """Return corrected paths for a typed path, most specific first.

    ``toggle_version`` adds a missing ``/v1`` or removes a trailing one, which only makes sense
    for protocols whose paths start at a version segment.
    """
    for pattern in OLLAMA_NATIVE_ENDPOINTS:
        if _ends_with(segments, pattern):
            return [[*segments[: -len(pattern)], "v1"]]

    variants: list[list[str]] = []
    # Servers match paths case-sensitively, so a typed "/V1" misses the API at "/v1".
    lowered = [
        segment.lower() if VERSION_SEGMENT.match(segment.lower()) else segment
        for segment in segments
    ]
    case_changed = lowered != segments
    segments = lowered

    for pattern in PASTED_ENDPOINTS:
        if _ends_with(segments, pattern):
            segments = segments[: -len(pattern)]
            variants.append(segments)
            break
    if case_changed and not variants:
        variants.append(segments)

    collapsed: list[str] = []
    for segment in segments:
        if not (collapsed and VERSION_SEGMENT.match(segment) and collapsed[-1] == segment):
            collapsed.append(segment)
    if collapsed != segments:
        variants.append(collapsed)

    has_version = any(VERSION_SEGMENT.match(segment) for segment in collapsed)
    if not toggle_version:
        return variants
    if not has_version:
        variants.append([*collapsed, "v1"])
    elif collapsed and collapsed[-1] == "v1":
        variants.append(collapsed[:-1])
    return variants


def candidate_api_hosts(
    provider: Provider,
    api_host: str,
    model_type: str = "",
    external_config: dict[str, str] | None = None,
) -> list[str]:
    """Return corrected forms of a typed API Host to try after a 404, best guess first.

    Every candidate has the same scheme, host and port as the typed host, so the key is never
    sent anywhere the user did not type. Candidates whose request URL equals the typed host's
    are left out, and so are duplicates.
    """
    typed = api_host.strip()
    parts = split_url(typed)
    if parts is None or not parts.scheme or not parts.netloc:
        return []
    base = f"{parts.scheme}://{parts.netloc}"
    external = external_config or {}

    toggle_version = provider.protocol in {Protocol.OPENAI, Protocol.ANTHROPIC}
    variants = _path_variants(_segments(parts.path), toggle_version)
    hosts = [_join(base, variant) for variant in variants]
    for known in (provider.default_api_host, provider.api_host_example):
        if known and origin(known) == origin(typed):
            hosts.insert(1 if hosts else 0, known)

    seen = {chat_url(provider, typed, model_type, external)}
    candidates: list[str] = []
    for host in hosts:
        url = chat_url(provider, host, model_type, external)
        if url in seen or origin(host) != origin(typed):
            continue
        seen.add(url)
        candidates.append(host)
    return candidates[:MAX_HOST_CANDIDATES]
