"""API Host checks and the exact URLs a probe calls."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from app.catalog import Protocol, Provider
from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "hosts"


@dataclass(frozen=True, slots=True)
class HostProblem:
    """Why a typed API Host cannot be used, as a translatable template and its arguments."""

    template: str
    value: str

    @property
    def message(self) -> str:
        return self.template.format(value=self.value)


HOST_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "API Host is required. Enter the URL of the API{value}.")
HOST_NO_SCHEME = QT_TRANSLATE_NOOP(
    CONTEXT, "API Host {value!r} has no scheme. Start it with https:// (or http:// for a local server)."
)
HOST_BAD_SCHEME = QT_TRANSLATE_NOOP(
    CONTEXT, "API Host {value!r} must start with https:// or http://."
)
HOST_NOT_URL = QT_TRANSLATE_NOOP(
    CONTEXT, "API Host {value!r} is not a valid URL. Enter it like https://api.example.com/v1."
)


def check_api_host(raw: str, example: str = "") -> tuple[str, HostProblem | None]:
    """Return the API Host with surrounding white space removed, and the problem if any."""
    api_host = raw.strip()
    if not api_host:
        hint = f", for example {example}" if example else ""
        return api_host, HostProblem(HOST_MISSING, hint)

    if "://" not in api_host:
        return api_host, HostProblem(HOST_NO_SCHEME, api_host)

    parts = urlsplit(api_host)
    if parts.scheme.lower() not in {"http", "https"}:
        return api_host, HostProblem(HOST_BAD_SCHEME, api_host)

    try:
        port_is_valid = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_is_valid = False
    if not parts.hostname or not port_is_valid or any(ch.isspace() for ch in api_host):
        return api_host, HostProblem(HOST_NOT_URL, api_host)

    return api_host, None


def host_label(api_host: str) -> str:
    """Return the host and port of a URL, for messages such as "Cannot reach api.x.ai"."""
    parts = urlsplit(api_host.strip())
    return parts.netloc or api_host


def _api_root(provider: Provider, api_host: str) -> str:
    """Return the host without a trailing slash, with the provider's version segment added."""
    root = api_host.strip().rstrip("/")
    if provider.base_path and not urlsplit(root).path.endswith(provider.base_path):
        root += provider.base_path
    return root


def quote_model(model_type: str) -> str:
    """Encode a model id for a path segment: Bedrock ids contain ":" and OpenRouter's "/"."""
    return quote(model_type, safe="")


def chat_url(
    provider: Provider, api_host: str, model_type: str, external_config: dict[str, str]
) -> str:
    """Return the exact URL of the one-token generation request."""
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
            return f"{root}/model/{quote_model(model_type)}/converse"


def models_url(provider: Provider, api_host: str) -> str | None:
    """Return the URL of the provider's model list, or None where it has none."""
    if not provider.lists_models:
        return None
    return f"{_api_root(provider, api_host)}/models"
