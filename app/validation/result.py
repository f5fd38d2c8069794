"""Validation results: the category, the message shown, and the evidence behind it."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP

MESSAGE_CONTEXT = "validation"


class Category(StrEnum):
    VALID = "valid"
    INVALID_KEY = "invalid_key"
    INVALID_MODEL = "invalid_model"
    QUOTA_EXCEEDED = "quota_exceeded"
    RATE_LIMITED = "rate_limited"
    REGION_DENIED = "region_denied"
    PERMISSION_DENIED = "permission_denied"
    WRONG_ENDPOINT = "wrong_endpoint"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TLS_ERROR = "tls_error"
    SERVER_ERROR = "server_error"
    UNEXPECTED_RESPONSE = "unexpected_response"
    BAD_REQUEST = "bad_request"


# The first three are the documented messages, word for word. The templates are formatted
# with ``provider`` (display name), ``host``, ``seconds`` and ``retry`` (a phrase such as
# "in 15 seconds").
MESSAGE_TEMPLATES: dict[Category, str] = {
    Category.VALID: QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "Validated: the key and the model work."),
    Category.INVALID_KEY: QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "Invalid key. Validation failed."),
    Category.INVALID_MODEL: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT, "Invalid model name. Validation failed."
    ),
    Category.QUOTA_EXCEEDED: QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "You exceeded your current quota"),
    Category.RATE_LIMITED: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{provider} is rate limiting this key right now, so the model could not be checked. "
        "Try again {retry}, or save without validation.",
    ),
    Category.REGION_DENIED: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{provider} does not serve your location. Use a supported region or another provider.",
    ),
    Category.PERMISSION_DENIED: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{provider} accepted the key but it lacks a permission. Check the key's permissions.",
    ),
    Category.WRONG_ENDPOINT: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{host} does not answer like the {provider} API. Check the API Host and its path.",
    ),
    Category.UNREACHABLE: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "Cannot reach {host}. Check the API Host, your network connection and any proxy.",
    ),
    Category.TIMEOUT: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{host} did not answer within {seconds} seconds. Try again, or check your network.",
    ),
    Category.TLS_ERROR: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "The secure connection to {host} failed (certificate or TLS error). "
        "Check the API Host and the system's certificates.",
    ),
    Category.SERVER_ERROR: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{provider} had a server error or is overloaded. Try again later.",
    ),
    Category.UNEXPECTED_RESPONSE: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{host} answered, but not like the {provider} API. Check the API Host.",
    ),
    Category.BAD_REQUEST: QT_TRANSLATE_NOOP(
        MESSAGE_CONTEXT,
        "{provider} rejected the test request. See the provider's message for details.",
    ),
}

RETRY_SOON = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "in a minute")
RETRY_IN_SECONDS = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "in {seconds} seconds")
RETRY_IN_ONE_SECOND = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "in 1 second")

# The form field each failure concerns, so the card can show the message under it.
FIELD_FOR_CATEGORY: dict[Category, str] = {
    Category.INVALID_KEY: "api_key",
    Category.PERMISSION_DENIED: "api_key",
    Category.QUOTA_EXCEEDED: "api_key",
    Category.RATE_LIMITED: "api_key",
    Category.INVALID_MODEL: "model_type",
    Category.WRONG_ENDPOINT: "api_host",
    Category.UNREACHABLE: "api_host",
    Category.TIMEOUT: "api_host",
    Category.TLS_ERROR: "api_host",
    Category.UNEXPECTED_RESPONSE: "api_host",
}


@dataclass(frozen=True, slots=True)
class Classification:
    """The classifier's verdict on one HTTP response or transport failure."""

    category: Category
    provider_message: str = ""
    retry_after_s: float | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of a validation that ran, such as "key accepted", with its evidence."""

    name: str
    ok: bool
    url: str = ""
    status_code: int | None = None
    latency_ms: int | None = None
    provider_message: str = ""
    # What the validator did at this step, such as the corrected host or the retried form.
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """The outcome of one validation, as the card, the CLI's ``--json`` and logs use it."""

    provider: str
    category: Category
    message: str
    message_template: str
    message_args: dict[str, str] = field(default_factory=dict)
    provider_message: str = ""
    status_code: int | None = None
    url: str = ""
    latency_ms: int | None = None
    suggested_api_host: str | None = None
    retry_after_s: float | None = None
    stages: tuple[Stage, ...] = ()
    supports_tools: bool | None = None
    # The proxy the request went through, without its password; None for a direct connection.
    proxy: str | None = None
    # Where the host redirected the probe; the redirect is not followed.
    redirect_location: str | None = None
    # Messages about risks that do not fail the validation, such as plain HTTP to the internet.
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.category is Category.VALID

    @property
    def field(self) -> str | None:
        """The form field the failure concerns, or None for a success or a general failure."""
        if self.provider == "azure-openai" and self.category is Category.INVALID_MODEL:
            return "deployment_name"  # Azure picks the model by the deployment in the URL
        if self.message_template == API_VERSION_REJECTED:
            return "api_version"
        return FIELD_FOR_CATEGORY.get(self.category)

    def to_json(self) -> dict[str, Any]:
        """Return the object ``--json`` prints; it never contains the key."""
        return {
            "provider": self.provider,
            "ok": self.ok,
            "category": self.category.value,
            "message": self.message,
            "provider_message": self.provider_message,
            "status_code": self.status_code,
            "url": self.url,
            "latency_ms": self.latency_ms,
            "suggested_api_host": self.suggested_api_host,
            "retry_after_s": self.retry_after_s,
            "supports_tools": self.supports_tools,
            "stages": [asdict(stage) for stage in self.stages],
            "proxy": self.proxy,
            "redirect_location": self.redirect_location,
            "warnings": list(self.warnings),
        }


def retry_template(retry_after_s: float | None) -> tuple[str, int | None]:
    """Return the untranslated retry phrase and its whole seconds, rounded up.

    Rounding up keeps a wait of 0.4 s from reading "in 0 seconds".
    """
    if retry_after_s is None:
        return RETRY_SOON, None
    seconds = max(1, math.ceil(retry_after_s))
    return (RETRY_IN_ONE_SECOND if seconds == 1 else RETRY_IN_SECONDS), seconds


def format_retry(retry_after_s: float | None) -> str:
    template, seconds = retry_template(retry_after_s)
    return template.format(seconds=seconds)


# Arguments that only some templates use: a suggested API Host, a redirect target, a body
# size such as "256 KiB", a proxy URL, an HTTP status code, and an API version with an
# example of a supported one.
OPTIONAL_MESSAGE_ARGS = ("suggested", "location", "size", "proxy", "status", "version", "example")


def message_args(
    provider_name: str,
    host: str,
    timeout_s: float,
    retry_after_s: float | None,
    **details: str,
) -> dict[str, str]:
    """Return the arguments every template may use.

    ``details`` fills the optional ones, and may replace ``seconds`` where a shorter timeout
    than ``timeout_s`` ended the request.
    """
    args = dict.fromkeys(OPTIONAL_MESSAGE_ARGS, "")
    args |= {
        "provider": provider_name,
        "host": host,
        "seconds": f"{timeout_s:g}",
        "retry": format_retry(retry_after_s),
    }
    args.update(details)
    return args


UNREACHABLE_DNS = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "Cannot find {host}: the name does not resolve. Check the API Host's spelling and your "
    "network connection.",
)
UNREACHABLE_REFUSED = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} refused the connection. Check the API Host and port, and that the server is running.",
)

# More precise messages for some categories, chosen by the validator from what it saw.
WRONG_ENDPOINT_SUGGESTED = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} does not answer like the {provider} API at this path, but {suggested} does. "
    "Use the suggested API Host.",
)
API_VERSION_REJECTED = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{provider} does not accept the API version {version} for this deployment. Enter a "
    "supported API version, for example {example}.",
)
REDIRECTED = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} redirected the request to {location}. The key was not sent there. "
    "Check the API Host, and enter the new address if you trust it.",
)
UNEXPECTED_HTML = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} answered with a web page, not the {provider} API. Check the API Host and its path.",
)
UNEXPECTED_NOT_JSON = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} answered with text that is not JSON, so it is not the {provider} API. "
    "Check the API Host.",
)
UNEXPECTED_INVALID_JSON = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} answered with invalid JSON: not the {provider} API, or an answer cut off on the way. "
    "Check the API Host and any proxy.",
)
UNEXPECTED_EMPTY = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} answered HTTP {status} with an empty body, not like the {provider} API. "
    "Check the API Host.",
)
NO_MODEL_LIST = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT, "{provider} has no model list. Type the model name."
)
UNEXPECTED_TOO_LARGE = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} sent more than {size} for a one-token request, so it is not the {provider} API. "
    "Check the API Host.",
)
UNEXPECTED_NO_REPLY = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} answered HTTP 200 without a generated reply. See the provider's message, "
    "and check the API Host.",
)
TIMEOUT_CONNECT = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "Could not connect to {host} within {seconds} seconds. Check the API Host, your network "
    "and any firewall.",
)
TIMEOUT_BODY = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} started answering but did not finish within {seconds} seconds. Try again later.",
)
TLS_NOT_TLS = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "{host} does not speak TLS. If it is a local server, start the API Host with http://.",
)
UNREACHABLE_PROXY = QT_TRANSLATE_NOOP(
    MESSAGE_CONTEXT,
    "Cannot reach the proxy {proxy} on the way to {host}. Check the proxy settings "
    "(HTTPS_PROXY, HTTP_PROXY, ALL_PROXY).",
)

# Names of the steps a validation proves, in order, for ``ValidationResult.stages``.
STAGE_HOST_REACHABLE = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "host reachable")
STAGE_API_FOUND = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "API found at this path")
STAGE_KEY_ACCEPTED = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "key accepted")
STAGE_MODEL_AVAILABLE = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "model available")
STAGE_GENERATION_WORKS = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "generation works")
STAGE_REQUEST_ADJUSTED = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "request format accepted")
STAGE_SUGGESTED_HOST = QT_TRANSLATE_NOOP(MESSAGE_CONTEXT, "corrected API Host answers")
