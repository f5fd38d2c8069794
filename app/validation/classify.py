"""Classify a provider's HTTP response as one validation category.

An error response goes through ordered rule tables, and the first matching row wins:

1. ``CODE_RULES``: error codes, types and reasons that name one cause whatever the status,
   such as OpenAI's ``insufficient_quota`` or Gemini's ``API_KEY_INVALID``. Rows scoped to
   providers hold business codes whose meaning differs between providers (Z.ai's 1002 is a
   bad key, MiniMax's 1002 is a rate limit).
2. ``TEXT_RULES``: phrases in the provider's message, for dialects that state the cause only
   in words, such as Gemini's 400 "API key not valid" or Anthropic's 400 "credit balance is
   too low".
3. ``TYPE_RULES``: broad error types such as ``authentication_error``. They come after the
   message because providers reuse one type for several causes: Moonshot's
   ``permission_denied_error`` also carries an exhausted quota.
4. ``STATUS_CATEGORIES``: the HTTP status alone, which is right for most providers.

A 2xx response is ``VALID`` only when the body has the success shape of the provider's
protocol. An error envelope inside a 2xx response is classified like an error response.
Supporting a new wording or code is one new row in the right table.
"""

from __future__ import annotations

import html
import json
import math
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from app.catalog.model import Protocol, Provider
from app.validation.result import Category, Classification

MAX_PROVIDER_MESSAGE_CHARS = 500

# ---------------------------------------------------------------------------------------------
# Rule tables
# ---------------------------------------------------------------------------------------------


def normalize_code(raw: str) -> str:
    """Return the comparable form of an error code: lowercase letters and digits only.

    ``PERMISSION_DENIED``, ``PermissionDenied`` and ``permission-denied`` all become
    ``permissiondenied``. An AWS error type keeps only its name, so both
    ``com.amazon.coral.service#UnrecognizedClientException`` and the header value
    ``UnrecognizedClientException:http://internal.amazon.com/...`` become
    ``unrecognizedclientexception``.
    """
    name = raw.rsplit("#", 1)[-1].split(":", 1)[0]
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of a rule table: the category, and the conditions that must all hold.

    ``codes`` matches when the response contains any of them (normalized with
    ``normalize_code``), and ``text`` is searched in the lowercased provider message and
    Gemini quota ids. Empty ``statuses`` or ``providers`` means any status or any provider.
    """

    category: Category
    codes: frozenset[str] = frozenset()
    text: re.Pattern[str] | None = None
    statuses: frozenset[int] = frozenset()
    providers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.codes and self.text is None:
            raise ValueError(f"A rule for {self.category} needs codes or a text pattern.")

    def matches(self, evidence: ErrorEvidence, provider_id: str) -> bool:
        if self.statuses and evidence.status not in self.statuses:
            return False
        if self.providers and provider_id not in self.providers:
            return False
        if self.codes and self.codes.isdisjoint(evidence.codes):
            return False
        return self.text is None or self.text.search(evidence.text) is not None


def code_rule(
    category: Category,
    *codes: str,
    providers: Iterable[str] = (),
    statuses: Iterable[int] = (),
) -> Rule:
    return Rule(
        category,
        codes=frozenset(normalize_code(code) for code in codes),
        statuses=frozenset(statuses),
        providers=frozenset(providers),
    )


def text_rule(category: Category, *patterns: str, statuses: Iterable[int] = ()) -> Rule:
    """Build a rule that matches any of ``patterns`` (regular expressions on lowercase text)."""
    combined = "|".join(f"(?:{pattern})" for pattern in patterns)
    return Rule(category, text=re.compile(combined), statuses=frozenset(statuses))


CODE_RULES: tuple[Rule, ...] = (
    # Provider business codes. They come first because the same number or name means
    # different things at different providers.
    # SambaNova sends OpenAI's billing code for a transient capacity limit.
    code_rule(Category.RATE_LIMITED, "insufficient_quota", providers=["sambanova"]),
    # Z.ai business codes. The meanings are from docs.z.ai/api-reference/api-code, except
    # 1308 (plan usage cap), which is from recorded responses.
    code_rule(
        Category.INVALID_KEY, "1000", "1001", "1002", "1003", "1004", "1111", providers=["zai"]
    ),
    code_rule(Category.PERMISSION_DENIED, "1110", "1112", "1121", "1220", providers=["zai"]),
    code_rule(Category.QUOTA_EXCEEDED, "1113", "1308", providers=["zai"]),
    code_rule(Category.INVALID_MODEL, "1211", "1212", providers=["zai"]),
    code_rule(Category.WRONG_ENDPOINT, "1222", providers=["zai"]),
    code_rule(Category.BAD_REQUEST, "1210", "1213", "1214", "1215", "1301", providers=["zai"]),
    code_rule(Category.RATE_LIMITED, "1302", providers=["zai"]),
    code_rule(Category.SERVER_ERROR, "500", "1230", "1234", providers=["zai"]),
    # MiniMax codes, from the "(NNNN)" suffix of the message or base_resp.status_code. Codes
    # 1000 to 1024 are from platform.minimax.io/docs/api-reference/errorcode, the others from
    # recorded responses. Code 2013 is any invalid parameter, so the message decides whether
    # it concerns the model.
    code_rule(Category.INVALID_KEY, "1004", providers=["minimax"]),
    code_rule(Category.QUOTA_EXCEEDED, "1008", "2056", providers=["minimax"]),
    code_rule(Category.RATE_LIMITED, "1002", providers=["minimax"]),
    code_rule(Category.INVALID_MODEL, "2061", providers=["minimax"]),
    code_rule(Category.BAD_REQUEST, "1026", providers=["minimax"]),
    code_rule(Category.SERVER_ERROR, "1000", "1001", "1024", "1033", providers=["minimax"]),
    # Azure names a deployment whose model cannot serve chat completions this way.
    code_rule(Category.INVALID_MODEL, "OperationNotSupported", providers=["azure-openai"]),
    # Codes that mean one thing wherever they appear.
    code_rule(
        Category.INVALID_KEY,
        "invalid_api_key",
        "API_KEY_INVALID",  # Gemini ErrorInfo reason, sent with 400
        "InvalidApiKey",  # DashScope native API
        "invalid_iam_token",  # Qianfan
        "invalid_authentication",  # SambaNova
        "AuthenticationError",  # ModelArk
        "UnrecognizedClientException",  # AWS, sent with 403
        "InvalidSignatureException",
        "ExpiredTokenException",
        "IncompleteSignatureException",
        "MissingAuthenticationTokenException",
    ),
    code_rule(Category.WRONG_ENDPOINT, "unknown_url"),  # OpenAI: no such path
    code_rule(Category.REGION_DENIED, "unsupported_country_region_territory"),
    code_rule(
        Category.PERMISSION_DENIED,
        "SERVICE_DISABLED",  # Gemini: the Generative Language API is off in the project
        "API_KEY_SERVICE_BLOCKED",
        "API_KEY_HTTP_REFERRER_BLOCKED",
        "API_KEY_IP_ADDRESS_BLOCKED",
    ),
    code_rule(
        Category.QUOTA_EXCEEDED,
        "insufficient_quota",
        "billing_not_active",
        "billing_error",  # Anthropic 402
        "insufficient_balance_error",  # MiniMax
        "quota_insufficient",  # OrcaRouter
        "insufficient_user_quota",  # new-api
        "pre_consume_token_quota_failed",  # new-api
        "AllocationQuota.FreeTierOnly",  # DashScope, sent with 403
        "Arrearage",  # DashScope, sent with 400
        "AccountOverdueError",  # ModelArk
        "OperationDenied.ServiceOverdue",  # ModelArk
        "ServiceQuotaExceededException",  # Bedrock
        "exceeded_current_quota_error",  # Moonshot, sent with 429, also for a suspended account
        "ModelQuotaExhausted",  # ModelArk: the free token quota of the model is used up
    ),
    code_rule(
        Category.INVALID_MODEL,
        "model_not_found",
        "model_decommissioned",
        "model_deprecated",
        "invalid_model",
        "DeploymentNotFound",  # Azure
        "InvalidEndpoint.NotFound",  # ModelArk: the endpoint id is the model field
        "InvalidEndpoint.ClosedEndpoint",
        "InvalidEndpointOrModel.NotFound",
        "InvalidEndpointOrModel.ModelIDAccessDisabled",
        "ModelNotOpen",
        "UnsupportedModel",
        "OperationDenied.ServiceNotOpen",
        "AccessDenied.Unpurchased",  # DashScope: the model is not part of the plan
        "Model.AccessDenied",
        "ResourceNotFoundException",  # Bedrock Converse: the model id is the only resource
    ),
    code_rule(
        Category.BAD_REQUEST,
        "unsupported_parameter",
        "context_length_exceeded",
        "request_too_large",
    ),
    code_rule(
        Category.SERVER_ERROR,
        "overloaded_error",
        "engine_overloaded_error",  # Moonshot, sent with 429
        "fallback_exhausted",
        "ServiceUnavailableException",
        "InternalServerException",
        "ModelNotReadyException",
        "ModelErrorException",  # Bedrock, sent with 424: the model itself failed
    ),
)

# Matched against the lowercased message with URLs removed, so a documentation link such as
# ".../docs/rate-limits" cannot decide the category.
TEXT_RULES: tuple[Rule, ...] = (
    text_rule(
        Category.WRONG_ENDPOINT,
        r"\binvalid url\b",  # OpenAI: "Invalid URL (POST /v1/v1/chat/completions)"
        r"\b(unknown|unrecognized) request url\b",
        r"\bno handler found\b",  # xAI
        r"\broute not found\b",
        r"\bcannot (get|post) /",
        r"\bunexpected endpoint or method\b",  # LM Studio, sent with HTTP 200
        # Azure: the api-version query parameter is unknown or too old for the model.
        r"\bapi[ -]?version (is )?(not supported|unsupported|invalid)\b",
        r"\b(unsupported|invalid) api[ -]?version\b",
        r"\bonly for api versions\b",
    ),
    text_rule(
        Category.REGION_DENIED,
        r"\b(country|territory|user location|your location)\b.{0,60}"
        r"\bnot (supported|available|allowed)\b",
        r"\bnot available in your (country|region|location)\b",
    ),
    text_rule(
        Category.INVALID_KEY,
        r"\bapi[ _-]?key\b.{0,30}\b(not valid|invalid|incorrect|expired|revoked|disabled"
        r"|leaked|not found)\b",
        r"\b(invalid|incorrect|wrong|missing|malformed|no) api[ _-]?key\b",
        r"\bdidn't provide an api[ _-]?key\b",
        r"\bapi[ _-]?key (is )?(required|missing)\b",
        r"\binvalid (authentication|authorization|bearer|access token|token)\b",
        r"\bauthentication fail",
        r"\bcertification failed\b",  # Qianfan: "IAM Certification failed"
        r"\b(invalid|missing) subscription key\b",  # Azure
        r"\bunregistered callers\b",  # Gemini without a key, sent with 403
        r"\bno auth credentials\b",
        r"\blogin fail\b",
        # one-api and new-api gateways: invalid, missing, expired or disabled token.
        r"无效的令牌|未提供令牌|令牌已过期|令牌状态不可用",
    ),
    # A 429 that names a daily cap or a zero limit is not a short throttle, because waiting
    # a minute does not help. Plan-window caps ("usage limit") are in the next rule.
    text_rule(
        Category.QUOTA_EXCEEDED,
        r"per[-_ ]?day",  # also Gemini quota ids such as "...PerDayPerProjectPerModel"
        r"\bdaily\b",
        r"\blimit: 0\b",  # Gemini: the model has no free-tier quota at all
        r"\b(rpd|tpd)\b",
        statuses=[429],
    ),
    text_rule(
        Category.QUOTA_EXCEEDED,
        r"\binsufficient (account )?(balance|credits?|quota|funds)\b",
        r"\bcredit balance is too low\b",
        r"\b(requires|need) more credits\b",
        r"\bcan only afford\b",
        r"\bdoesn't have any credits\b",
        r"\bused all available credits\b",
        r"\bspend(ing)? limit\b",
        r"\busage limit\b",
        r"\bquota (has been |is )?(exhausted|used up)\b",
        r"\bout of call volume quota\b",  # Azure AI services, HTTP 403
        r"\bquota will be replenished\b",
        r"\bfree tier\b.{0,40}\bexhausted\b",
        r"\bpayment required\b",
        r"\boverdue\b",
        r"\barrear",
        r"\brecharge\b",
        r"额度不足|额度已用尽|余额不足|配额不足",
    ),
    text_rule(
        Category.INVALID_MODEL,
        r"\b(unknown|invalid|unsupported) model\b",
        r"\bmodel\b.{0,80}\b(does not exist|not exist|not found)\b",
        r"\bnot found the model\b",  # Moonshot
        r"\bnot a valid model\b",  # OpenRouter
        r"\bno such model\b",
        r"\bmodel (identifier|id|name)\b.{0,20}\binvalid\b",
        r"\bnot support(ed)? model\b",
        r"\bmodel\b.{0,60}\b(has been|is) (deprecated|decommissioned|retired)\b",
        r"\bno endpoints found\b",  # OpenRouter: no upstream serves this model
        r"\b(access|permission)\b.{0,40}\bmodel\b",
        r"\bmodel access\b",
        r"\bon-demand throughput\b",  # Bedrock: the id needs an inference profile
        r"\bdoes not work with the specified model\b",  # Azure OperationNotSupported
        # one-api and new-api gateways: no channel serves the model, or the token may not
        # use it.
        r"无可用渠道|无权使用模型",
        r"\bno available channels?\b",
    ),
    text_rule(
        Category.PERMISSION_DENIED,
        r"\bmember of an organization\b",
        r"\bip\b.{0,30}\bnot (authorized|allowed|whitelisted)\b",
        r"\blacks the required\b",  # Azure role assignment missing
        r"\bnot authorized to perform\b",  # AWS IAM policy
        r"\bdata policy\b",  # OpenRouter privacy settings exclude every provider
        r"\b(organization|account|project|consumer)\b.{0,60}"
        r"\b(suspended|disabled|deactivated|banned|locked)\b",
    ),
    text_rule(
        Category.RATE_LIMITED,
        r"\brate[ _-]?limit",
        r"\btoo many (requests|tokens)\b",
        r"\bconcurrency\b",
        r"per[-_ ]?minute|\bper min\b",
        r"\b(rpm|tpm)\b",
        r"\bqueue is full\b",
    ),
    text_rule(
        Category.SERVER_ERROR,
        r"\boverloaded\b",
        r"\bat capacity\b",
        r"负载已饱和",  # new-api: upstream load saturated
    ),
    # A 404 or 410 that names a model or deployment is about the model. Any other 404 is a
    # wrong path and falls through to the status table.
    text_rule(Category.INVALID_MODEL, r"\bmodels?\b", r"\bdeployments?\b", statuses=[404, 410]),
)

TYPE_RULES: tuple[Rule, ...] = (
    code_rule(
        Category.INVALID_KEY,
        "authentication_error",
        "authorized_error",  # MiniMax
        "invalid_authentication_error",  # Moonshot
        "UNAUTHENTICATED",  # Google RPC status
        "Unauthorized",  # ModelArk error type
    ),
    code_rule(
        Category.PERMISSION_DENIED,
        "permission_error",
        "permission_denied_error",
        "PERMISSION_DENIED",
        "PermissionDenied",
        "AccessDenied",
        "access_denied",
        "AccessDeniedException",
        "no_parameter_permission",
        "Forbidden",
        "request_forbidden",
    ),
    code_rule(
        Category.RATE_LIMITED,
        "rate_limit_error",
        "rate_limit_exceeded",
        "rate_limit_reached_error",
        "RESOURCE_EXHAUSTED",
        "ThrottlingException",
        "Throttling",
        "Throttling.RateQuota",
        "Throttling.AllocationQuota",
        "TooManyRequests",
        "queue_full",
    ),
)

RULES: tuple[Rule, ...] = (*CODE_RULES, *TEXT_RULES, *TYPE_RULES)

STATUS_CATEGORIES: dict[int, Category] = {
    400: Category.BAD_REQUEST,
    401: Category.INVALID_KEY,
    402: Category.QUOTA_EXCEEDED,
    403: Category.PERMISSION_DENIED,
    404: Category.WRONG_ENDPOINT,
    405: Category.WRONG_ENDPOINT,
    407: Category.UNREACHABLE,  # a proxy on the way to the host requires credentials
    408: Category.SERVER_ERROR,
    410: Category.WRONG_ENDPOINT,
    413: Category.BAD_REQUEST,
    422: Category.BAD_REQUEST,
    429: Category.RATE_LIMITED,
    451: Category.REGION_DENIED,
}


_API_VERSION = re.compile(r"\bapi[ -]?versions?\b", re.IGNORECASE)


def names_api_version(provider_message: str) -> bool:
    """Return True when a provider's message is about the API version, as Azure's can be."""
    return _API_VERSION.search(provider_message) is not None


def category_for_status(status: int) -> Category:
    """Return the category the HTTP status alone suggests, used when no rule matched."""
    if status in STATUS_CATEGORIES:
        return STATUS_CATEGORIES[status]
    if 300 <= status < 400:
        return Category.WRONG_ENDPOINT
    if 400 <= status < 500:
        return Category.BAD_REQUEST
    if 500 <= status < 600:
        return Category.SERVER_ERROR
    return Category.UNEXPECTED_RESPONSE


# ---------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErrorEvidence:
    """The status, normalized codes and message text of one error response, as rules match them."""

    status: int
    codes: frozenset[str]
    text: str


def classify_response(
    provider: Provider, status: int, headers: Mapping[str, str], body: bytes
) -> Classification:
    """Classify the HTTP response of ``provider`` to a validation probe.

    ``headers`` may use any letter case. ``retry_after_s`` comes from the headers, or from a
    Gemini ``RetryInfo`` detail in the body when the headers have none.
    """
    lowered_headers = {name.lower(): value for name, value in headers.items()}
    document = _parse_json(body)
    message = _message_from_body(body, document)

    if 200 <= status < 300:
        if document is _NOT_JSON:
            return Classification(Category.UNEXPECTED_RESPONSE, _clip(message))
        if not _is_error_envelope(document):
            if _has_success_shape(provider.protocol, document):
                return Classification(Category.VALID)
            return Classification(Category.UNEXPECTED_RESPONSE, _clip(message))
        # Some APIs (MiniMax's older one among them) send errors with HTTP 200.
        status = _status_in_envelope(document) or 400

    evidence = ErrorEvidence(
        status=status,
        codes=_error_codes(document, lowered_headers, message),
        text=_text_for_matching(message, document),
    )
    category = next(
        (rule.category for rule in RULES if rule.matches(evidence, provider.id)),
        category_for_status(status),
    )
    retry_after_s = parse_retry_after(lowered_headers)
    if retry_after_s is None:
        retry_after_s = _retry_delay_in_body(document)
    return Classification(category, _clip(message), retry_after_s)


def _has_success_shape(protocol: Protocol, document: Any) -> bool:
    if not isinstance(document, dict):
        return False
    lists_models = isinstance(document.get("data"), list)
    if protocol in (Protocol.OPENAI, Protocol.AZURE_OPENAI):
        return isinstance(document.get("choices"), list) or lists_models
    if protocol is Protocol.ANTHROPIC:
        return document.get("type") == "message" or lists_models
    if protocol is Protocol.BEDROCK_CONVERSE:
        # ``modelSummaries`` is the body of a ListFoundationModels response.
        return isinstance(document.get("output"), dict) or isinstance(
            document.get("modelSummaries"), list
        )
    return False


_SUCCESS_CODES = frozenset({"0", "200", "success", "ok"})
_SUCCESS_FIELDS = frozenset({"choices", "data", "output", "content"})


def _is_error_envelope(document: Any) -> bool:
    envelope = _unwrap_single_item_list(document)
    if not isinstance(envelope, dict):
        return False

    error = envelope.get("error")
    if isinstance(error, dict) and error:
        return True
    if isinstance(error, str) and error.strip():
        return True
    if envelope.get("type") == "error" or envelope.get("object") == "error":
        return True

    base_resp = envelope.get("base_resp")
    if isinstance(base_resp, dict) and _as_int(base_resp.get("status_code")) not in (None, 0):
        return True

    # A flat {"code": ..., "message": ...} without any success field, as some gateways send.
    has_message = any(isinstance(envelope.get(key), str) for key in _MESSAGE_KEYS)
    code = _code_text(envelope.get("code")).lower()
    has_failure_code = bool(code) and code not in _SUCCESS_CODES
    return has_failure_code and has_message and not _SUCCESS_FIELDS & envelope.keys()


def _status_in_envelope(document: Any) -> int | None:
    """Return the HTTP status written inside an error envelope, or None."""
    envelope = _unwrap_single_item_list(document)
    if not isinstance(envelope, dict):
        return None
    candidates = [envelope.get("statusCode"), envelope.get("code")]
    error = envelope.get("error")
    if isinstance(error, dict):
        candidates += [error.get("http_code"), error.get("code"), error.get("status")]
    for candidate in candidates:
        value = _as_int(candidate)
        if value is not None and 400 <= value < 600:
            return value
    return None


_CODE_FIELDS = ("code", "type", "status", "reason", "error_code", "errorCode", "__type")
# MiniMax ends its messages with the business code: "insufficient balance (1008)".
_TRAILING_CODE = re.compile(r"\((\d{3,5})\)\s*$")


def _error_codes(document: Any, headers: Mapping[str, str], message: str) -> frozenset[str]:
    codes: list[str] = []
    envelope = _unwrap_single_item_list(document)
    if isinstance(envelope, dict):
        containers = [envelope]
        if isinstance(envelope.get("error"), dict):
            containers.append(envelope["error"])
        for container in containers:
            codes += [_code_text(container.get(field)) for field in _CODE_FIELDS]
            codes += [_code_text(detail.get("reason")) for detail in _details(container)]
        base_resp = envelope.get("base_resp")
        if isinstance(base_resp, dict):
            codes.append(_code_text(base_resp.get("status_code")))

    codes.append(headers.get("x-amzn-errortype", ""))
    trailing = _TRAILING_CODE.search(message)
    if trailing:
        codes.append(trailing.group(1))
    return frozenset(normalize_code(code) for code in codes if code)


def _code_text(value: Any) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, str | int):
        return str(value)
    return ""


def _details(container: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the Google RPC ``details`` entries of an error object."""
    details = container.get("details")
    if not isinstance(details, list):
        return []
    return [detail for detail in details if isinstance(detail, dict)]


_URL = re.compile(r"https?://\S+")


def _text_for_matching(message: str, document: Any) -> str:
    """Return the message and Gemini quota ids, lowercased, with URLs removed."""
    parts = [message]
    envelope = _unwrap_single_item_list(document)
    if isinstance(envelope, dict) and isinstance(envelope.get("error"), dict):
        for detail in _details(envelope["error"]):
            violations = detail.get("violations")
            if isinstance(violations, list):
                parts += [
                    str(violation.get("quotaId", ""))
                    for violation in violations
                    if isinstance(violation, dict)
                ]
    text = " ".join(parts).lower().replace("\u2019", "'")
    return _URL.sub(" ", text)


def _retry_delay_in_body(document: Any) -> float | None:
    """Return Gemini's ``RetryInfo.retryDelay`` ("38s") in seconds, or None."""
    envelope = _unwrap_single_item_list(document)
    if not isinstance(envelope, dict) or not isinstance(envelope.get("error"), dict):
        return None
    for detail in _details(envelope["error"]):
        delay = detail.get("retryDelay")
        if str(detail.get("@type", "")).endswith("RetryInfo") and isinstance(delay, str):
            return _parse_duration(delay)
    return None


# ---------------------------------------------------------------------------------------------
# Provider message
# ---------------------------------------------------------------------------------------------


def extract_provider_message(body: bytes) -> str:
    """Return the provider's own error text from ``body``, or "" when it has none.

    JSON bodies give the message field of the usual envelopes. An HTML page gives its title,
    or its text without tags. Whitespace is collapsed and the result is at most
    ``MAX_PROVIDER_MESSAGE_CHARS`` characters long.
    """
    return _clip(_message_from_body(body, _parse_json(body)))


_NOT_JSON: Any = object()
_MESSAGE_KEYS = ("message", "Message", "msg", "error_msg", "errorMessage", "error_description")


def _decode(body: bytes) -> str:
    return body.decode("utf-8", errors="replace").lstrip("\ufeff").strip()


def _parse_json(body: bytes) -> Any:
    """Return the decoded JSON document, or ``_NOT_JSON`` for an empty or non-JSON body."""
    text = _decode(body)
    if not text:
        return _NOT_JSON
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _NOT_JSON


def _message_from_body(body: bytes, document: Any) -> str:
    if document is _NOT_JSON:
        return _message_from_text(_decode(body))
    return _message_from_document(document)


def _message_from_document(document: Any, depth: int = 0) -> str:
    envelope = _unwrap_single_item_list(document)
    if isinstance(envelope, str):
        return envelope
    if not isinstance(envelope, dict):
        return ""

    base_resp = envelope.get("base_resp")
    candidates = (
        _message_in_error(envelope.get("error"), depth),
        _message_in_detail(envelope.get("detail")),
        _first_text(base_resp, ("status_msg",)) if isinstance(base_resp, dict) else "",
        _first_text(envelope, _MESSAGE_KEYS),
    )
    return next((candidate for candidate in candidates if candidate), "")


def _message_in_error(error: Any, depth: int) -> str:
    """Return the text of an ``error`` member, which is a string or an object."""
    if isinstance(error, str):
        return error.strip()  # vLLM, Ollama and xAI put the text in "error" itself.
    if not isinstance(error, dict):
        return ""
    message = _first_text(error, _MESSAGE_KEYS)
    upstream = _upstream_message(error, depth)
    if upstream and upstream != message:
        return f"{message}: {upstream}" if message else upstream
    return message


def _message_in_detail(detail: Any) -> str:
    """Return FastAPI's ``detail``: a string, or a list of pydantic validation issues."""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        return "; ".join(filter(None, (_validation_issue(item) for item in detail)))
    return ""


def _upstream_message(error: dict[str, Any], depth: int) -> str:
    """Return OpenRouter's ``metadata.raw``: the upstream provider's error, text or JSON."""
    metadata = error.get("metadata")
    raw = metadata.get("raw") if isinstance(metadata, dict) else None
    if not isinstance(raw, str) or not raw.strip():
        return ""
    if depth < 2 and raw.lstrip().startswith(("{", "[")):
        try:
            nested = _message_from_document(json.loads(raw), depth + 1)
        except (ValueError, RecursionError):
            nested = ""
        if nested:
            return nested
    return raw


def _validation_issue(item: Any) -> str:
    """Format one pydantic-style issue, ``{"loc": ["body", "x"], "msg": "..."}``."""
    if not isinstance(item, dict):
        return str(item) if isinstance(item, str) else ""
    text = _first_text(item, ("msg", "message"))
    location = item.get("loc")
    if isinstance(location, list) and location:
        return f"{'.'.join(str(part) for part in location)}: {text}"
    return text


def _first_text(container: dict[str, Any], keys: Iterable[str]) -> str:
    for key in keys:
        value = container.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


_HTML_START = re.compile(r"^\s*<(!doctype\s+html|html|head|body|title)\b", re.IGNORECASE)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HTML_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]+>")


def _message_from_text(text: str) -> str:
    """Return plain text as is, and an HTML page as its title or its text without tags."""
    if not _HTML_START.match(text):
        return text
    title = _HTML_TITLE.search(text)
    if title and title.group(1).strip():
        return html.unescape(title.group(1))
    visible = _HTML_TAG.sub(" ", _HTML_HIDDEN.sub(" ", text))
    return html.unescape(visible)


def _clip(text: str) -> str:
    collapsed = " ".join(text.split())
    if len(collapsed) <= MAX_PROVIDER_MESSAGE_CHARS:
        return collapsed
    return collapsed[: MAX_PROVIDER_MESSAGE_CHARS - 1].rstrip() + "\u2026"


def _unwrap_single_item_list(document: Any) -> Any:
    """Return the item of a one-item list: Gemini's OpenAI-compatible endpoint wraps errors so."""
    if isinstance(document, list) and len(document) == 1:
        return document[0]
    return document


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


# ---------------------------------------------------------------------------------------------
# Retry-After
# ---------------------------------------------------------------------------------------------

# Epoch values in reset headers: above these they are absolute times, below they are delays.
_EPOCH_MILLISECONDS_MIN = 1e12
_EPOCH_SECONDS_MIN = 1e9

_DURATION = re.compile(
    r"^(?:(?P<hours>\d+(?:\.\d+)?)h)?"
    r"(?:(?P<minutes>\d+(?:\.\d+)?)m(?!s))?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)s)?"
    r"(?:(?P<milliseconds>\d+(?:\.\d+)?)ms)?$"
)


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Return the delay in seconds that the headers request before a retry, or None.

    Reads, in order: ``retry-after-ms`` (OpenAI, Azure), ``Retry-After`` as seconds or an
    HTTP date, then the largest of the ``x-ratelimit-reset*`` and ``ratelimit-reset`` headers.
    Reset values may be durations ("6m0s", "20ms"), seconds, epoch seconds or milliseconds,
    or ISO 8601 times. Header names may use any letter case. A time in the past gives 0.0.
    """
    lowered = {name.lower(): value.strip() for name, value in headers.items()}

    milliseconds = _parse_number(lowered.get("retry-after-ms", ""))
    if milliseconds is not None:
        return milliseconds / 1000

    retry_after = lowered.get("retry-after", "")
    if retry_after:
        seconds = _parse_number(retry_after)
        if seconds is None:
            seconds = _seconds_until_http_date(retry_after)
        if seconds is not None:
            return seconds

    resets = [
        _parse_reset(value)
        for name, value in lowered.items()
        if name.startswith("x-ratelimit-reset") or name == "ratelimit-reset"
    ]
    known = [seconds for seconds in resets if seconds is not None]
    return max(known) if known else None


def _parse_number(value: str) -> float | None:
    """Return a finite, non-negative number of seconds, or None."""
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return number


def _seconds_until_http_date(value: str) -> float | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return _seconds_until(moment)


def _parse_reset(value: str) -> float | None:
    number = _parse_number(value)
    if number is not None:
        return _seconds_from_reset_number(number)

    duration = _parse_duration(value)
    if duration is not None:
        return duration

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return _seconds_until(moment)


def _seconds_from_reset_number(number: float) -> float:
    """Read a reset number as epoch milliseconds, epoch seconds or a delay in seconds."""
    if number >= _EPOCH_MILLISECONDS_MIN:
        return max(0.0, number / 1000 - time.time())
    if number >= _EPOCH_SECONDS_MIN:
        return max(0.0, number - time.time())
    return number


def _seconds_until(moment: datetime) -> float | None:
    """Return the seconds from now until ``moment``, 0.0 when it has passed."""
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - time.time())


def _parse_duration(value: str) -> float | None:
    """Parse a Go-style duration such as "1m30.5s", "6m0s", "7.66s" or "20ms"."""
    match = _DURATION.match(value.strip())
    if not match or not any(match.groupdict().values()):
        return None
    parts = {name: float(number) for name, number in match.groupdict().items() if number}
    return (
        parts.get("hours", 0.0) * 3600
        + parts.get("minutes", 0.0) * 60
        + parts.get("seconds", 0.0)
        + parts.get("milliseconds", 0.0) / 1000
    )
