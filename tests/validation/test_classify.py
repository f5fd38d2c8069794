"""Tests for the response classifier, the provider message reader and Retry-After parsing."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from app.catalog.model import get_provider
from app.validation.classify import (
    MAX_PROVIDER_MESSAGE_CHARS,
    RULES,
    Rule,
    classify_response,
    extract_provider_message,
    parse_retry_after,
)
from app.validation.result import Category

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "provider_responses.json"
RECORDED_CASES: list[dict[str, Any]] = [
    case
    for case in json.loads(DATA_FILE.read_text(encoding="utf-8"))
    if case["request"] in {"chat", "any", "models"}
]


def _body(value: Any) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value).encode()


def test_recorded_cases_loaded() -> None:
    assert len(RECORDED_CASES) == 184


@pytest.mark.parametrize("case", RECORDED_CASES, ids=[case["id"] for case in RECORDED_CASES])
def test_recorded_response_category(case: dict[str, Any]) -> None:
    provider = get_provider(case["provider"])

    result = classify_response(provider, case["status"], case["headers"], case["body"].encode())

    assert result.category.value in case["expected"], result.provider_message


# -----------------------------------------------------------------------------------------------
# Cases that are not in the data file: other wordings of the same dialects. Bodies follow the
# wording reported in the providers' documentation or in public bug reports. Identifiers are
# replaced by placeholders, and a comment notes where an envelope or status was filled in.
# -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtraCase:
    id: str
    provider: str
    status: int
    body: Any
    expected: Category
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})


def _bedrock_headers(error_type: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Amzn-ErrorType": f"{error_type}:http://internal.amazon.com/coral/com.amazon.bedrock/",
        "X-Amzn-RequestId": "<request-id>",
    }


EXTRA_CASES = [
    # OpenAI also returns 400 with this wording for an unknown model.
    ExtraCase(
        "openai-model-not-found-400",
        "openai",
        400,
        {
            "error": {
                "message": "The requested model 'gpt-4-1106-preview' does not exist.",
                "type": "invalid_request_error",
                "param": "model",
                "code": "model_not_found",
            }
        },
        Category.INVALID_MODEL,
    ),
    # Newer OpenAI wording for a path that does not exist, with its own code.
    ExtraCase(
        "openai-unknown-url",
        "openai",
        404,
        {
            "error": {
                "type": "invalid_request_error",
                "code": "unknown_url",
                "message": "Unknown request URL: POST /chat/completions. Please check the URL "
                "for typos, or see the docs at https://platform.openai.com/docs/api-reference/.",
                "param": None,
            }
        },
        Category.WRONG_ENDPOINT,
    ),
    # Anthropic sends not_found_error for a wrong path too. Only a model named in the text
    # makes it a model problem.
    ExtraCase(
        "anthropic-not-found-wrong-path",
        "anthropic",
        404,
        {"type": "error", "error": {"type": "not_found_error", "message": "Not Found"}},
        Category.WRONG_ENDPOINT,
    ),
    # Groq's OpenAI-compatible API: a per-minute token limit is a throttle.
    ExtraCase(
        "groq-rate-limit-tokens-per-minute",
        "openai-compatible",
        429,
        {
            "error": {
                "message": "Rate limit reached for model `llama3-70b-8192` in organization "
                "`org_XXXX` on tokens per minute (TPM): Limit 7000, Used 0, Requested ~12903. "
                "Please try again in 50.597142857s. Visit https://console.groq.com/docs/"
                "rate-limits for more information.",
                "type": "tokens",
                "code": "rate_limit_exceeded",
            }
        },
        Category.RATE_LIMITED,
        headers={"content-type": "application/json", "retry-after": "51"},
    ),
    # The same code for a per-day cap: waiting a minute does not help. Envelope as above.
    ExtraCase(
        "groq-tokens-per-day",
        "openai-compatible",
        429,
        {
            "error": {
                "message": "Rate limit reached for model `llama-3.3-70b-versatile` in "
                "organization `org_XXXX` service tier `on_demand` on tokens per day (TPD): "
                "Limit 100000, Used 97050, Requested 3619. Please try again in 9m38.016s.",
                "type": "tokens",
                "code": "rate_limit_exceeded",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    ExtraCase(
        "groq-model-decommissioned",
        "openai-compatible",
        400,
        {
            "error": {
                "message": "The model `llama-3.2-11b-vision-preview` has been decommissioned "
                "and is no longer supported. Please refer to https://console.groq.com/docs/"
                "deprecations for a recommendation on which model to use instead.",
                "type": "invalid_request_error",
                "code": "model_decommissioned",
            }
        },
        Category.INVALID_MODEL,
    ),
    # xAI's 429 for exhausted credits. Only the message was reported, so the flat code/error
    # envelope is the one xAI uses for its other errors.
    ExtraCase(
        "grok-429-credits-or-spending-limit",
        "grok",
        429,
        {
            "code": "Some resource has been exhausted",
            "error": "Your team <team-id> has either used all available credits or reached its "
            "monthly spending limit. To continue making API requests, please purchase more "
            "credits or raise your spending limit.",
        },
        Category.QUOTA_EXCEEDED,
    ),
    # Azure: the deployment's model cannot serve chat completions.
    ExtraCase(
        "azure-openai-operation-not-supported",
        "azure-openai",
        400,
        {
            "error": {
                "code": "OperationNotSupported",
                "message": "The chatCompletion operation does not work with the specified "
                "model, text-embedding-3-large. Please choose different model and try again. "
                "You can learn more about which models can be used with each operation here: "
                "https://go.microsoft.com/fwlink/?linkid=2197993.",
            }
        },
        Category.INVALID_MODEL,
    ),
    # Bedrock Converse errors. The exception names and messages are reported ones. The
    # documented status of ResourceNotFoundException is 404, and of the other two 400.
    ExtraCase(
        "bedrock-converse-model-end-of-life",
        "aws-bedrock-converse",
        404,
        {
            "message": "This model version has reached the end of its life. Please refer to "
            "the AWS documentation for more details."
        },
        Category.INVALID_MODEL,
        headers=_bedrock_headers("ResourceNotFoundException"),
    ),
    ExtraCase(
        "bedrock-converse-legacy-model-access-denied",
        "aws-bedrock-converse",
        404,
        {
            "message": "Access denied. This Model is marked by provider as Legacy and you have "
            "not been actively using the model in the last 15 days. Please upgrade to an "
            "active model on Amazon Bedrock"
        },
        Category.INVALID_MODEL,
        headers=_bedrock_headers("ResourceNotFoundException"),
    ),
    ExtraCase(
        "bedrock-converse-service-quota-exceeded",
        "aws-bedrock-converse",
        400,
        {"message": "Your request exceeds the service quota for your account."},
        Category.QUOTA_EXCEEDED,
        headers=_bedrock_headers("ServiceQuotaExceededException"),
    ),
    # The curly apostrophe is as Bedrock sends it.
    ExtraCase(
        "bedrock-converse-needs-inference-profile",
        "aws-bedrock-converse",
        400,
        {
            "message": "Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with "
            "on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN "
            "of an inference profile that contains this model."
        },
        Category.INVALID_MODEL,
        headers=_bedrock_headers("ValidationException"),
    ),
    # A reverse proxy in front of the API returns its own HTML error page.
    ExtraCase(
        "proxy-html-502",
        "openai-compatible",
        502,
        b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
        b"Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        Category.SERVER_ERROR,
        headers={"Content-Type": "text/html"},
    ),
    # A gateway that reports an upstream error with HTTP 200.
    ExtraCase(
        "openai-compatible-error-envelope-in-200",
        "openai-compatible",
        200,
        {
            "error": {
                "message": "Incorrect API key provided: sk-...XXXX.",
                "type": "invalid_request_error",
                "param": None,
                "code": "invalid_api_key",
            }
        },
        Category.INVALID_KEY,
    ),
    # MiniMax's older API returns errors with HTTP 200 and a non-zero base_resp.status_code.
    ExtraCase(
        "minimax-base-resp-login-fail-in-200",
        "minimax",
        200,
        {
            "base_resp": {
                "status_code": 1004,
                "status_msg": "login fail: Please carry the API secret key in the "
                "'Authorization' field of the request header",
            }
        },
        Category.INVALID_KEY,
    ),
    ExtraCase(
        "minimax-base-resp-insufficient-balance-in-200",
        "minimax",
        200,
        {"id": "XXXX", "base_resp": {"status_code": 1008, "status_msg": "insufficient balance"}},
        Category.QUOTA_EXCEEDED,
    ),
    ExtraCase(
        "gemini-api-key-expired",
        "gemini",
        400,
        {
            "error": {
                "code": 400,
                "message": "API key expired. Please renew the API key.",
                "status": "INVALID_ARGUMENT",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "API_KEY_INVALID",
                        "domain": "googleapis.com",
                        "metadata": {"service": "generativelanguage.googleapis.com"},
                    }
                ],
            }
        },
        Category.INVALID_KEY,
    ),
    # The key is fine, but the Generative Language API is off in its Google Cloud project.
    ExtraCase(
        "gemini-service-disabled",
        "gemini",
        403,
        {
            "error": {
                "code": 403,
                "message": "Generative Language API has not been used in project 123456789012 "
                "before or it is disabled. Enable it by visiting https://console.developers."
                "google.com/apis/api/generativelanguage.googleapis.com/overview?project="
                "123456789012 then retry.",
                "status": "PERMISSION_DENIED",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "SERVICE_DISABLED",
                        "domain": "googleapis.com",
                    }
                ],
            }
        },
        Category.PERMISSION_DENIED,
    ),
    ExtraCase(
        "gemini-free-tier-not-in-country",
        "gemini",
        400,
        {
            "error": {
                "code": 400,
                "message": "Gemini API free tier is not available in your country. Please "
                "enable billing on your project in Google AI Studio.",
                "status": "FAILED_PRECONDITION",
            }
        },
        Category.REGION_DENIED,
    ),
    # A non-zero daily free-tier limit that is used up is a quota, not a throttle.
    ExtraCase(
        "gemini-free-tier-requests-per-day",
        "gemini",
        429,
        [
            {
                "error": {
                    "code": 429,
                    "message": "You exceeded your current quota, please check your plan and "
                    "billing details. For more information on this error, head to: "
                    "https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for "
                    "metric: generativelanguage.googleapis.com/generate_content_free_tier_"
                    "requests, limit: 20, model: gemini-2.5-flash-lite\nPlease retry in 51.6s.",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                        {
                            "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                            "violations": [
                                {
                                    "quotaMetric": "generativelanguage.googleapis.com/"
                                    "generate_content_free_tier_requests",
                                    "quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
                                }
                            ],
                        },
                        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "51s"},
                    ],
                }
            }
        ],
        Category.QUOTA_EXCEEDED,
    ),
    # The per-minute twin of the case above: the quota id was changed from PerDay to
    # PerMinute to show that the free tier alone does not make a 429 a quota.
    ExtraCase(
        "gemini-free-tier-requests-per-minute",
        "gemini",
        429,
        {
            "error": {
                "code": 429,
                "message": "You exceeded your current quota, please check your plan and billing "
                "details.\n* Quota exceeded for metric: generativelanguage.googleapis.com/"
                "generate_content_free_tier_requests, limit: 15, model: gemini-2.5-flash",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                        "violations": [
                            {"quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}
                        ],
                    }
                ],
            }
        },
        Category.RATE_LIMITED,
    ),
    ExtraCase(
        "openrouter-no-endpoints-for-model",
        "openrouter",
        404,
        {
            "error": {
                "message": "No endpoints found for deepseek/deepseek-chat-v3.1:free.",
                "code": 404,
            },
            "user_id": "<user-id>",
        },
        Category.INVALID_MODEL,
    ),
    # The account's privacy settings exclude every provider of the model. The wording was
    # reported through a gateway, and the envelope is OpenRouter's.
    ExtraCase(
        "openrouter-data-policy",
        "openrouter",
        404,
        {
            "error": {
                "message": "No endpoints available matching your guardrail restrictions and "
                "data policy. Configure: https://openrouter.ai/settings/privacy",
                "code": 404,
            }
        },
        Category.PERMISSION_DENIED,
    ),
    # new-api: the user's balance is used up ("user quota insufficient, remaining ...").
    ExtraCase(
        "newapi-insufficient-user-quota",
        "openai-compatible",
        403,
        {
            "error": {
                "message": "用户额度不足, 剩余额度: ¥-0.013362 (request id: <request-id>)",
                "type": "new_api_error",
                "param": "",
                "code": "insufficient_user_quota",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    # one-api: "this token has no permission to use model ...". Status as reported.
    ExtraCase(
        "oneapi-token-no-model-permission",
        "openai-compatible",
        403,
        {
            "error": {
                "message": "该令牌无权使用模型\uff1agpt-4o (request id: <request-id>)",
                "type": "one_api_error",
            }
        },
        Category.INVALID_MODEL,
    ),
    # one-api: "this token's quota is used up", reported with 401.
    ExtraCase(
        "oneapi-token-quota-used-up",
        "openai-compatible",
        401,
        {
            "error": {
                "message": "该令牌额度已用尽 (request id: <request-id>)",
                "type": "one_api_error",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    # DashScope: overdue payment, sent with 400 (the "plesase" typo is DashScope's).
    ExtraCase(
        "qwen-arrearage",
        "qwen",
        400,
        {
            "error": {
                "message": "Access denied, plesase make sure your account is in good standing.",
                "type": "Arrearage",
                "param": None,
                "code": "Arrearage",
            },
            "request_id": "<request-id>",
        },
        Category.QUOTA_EXCEEDED,
    ),
    # Codes and message templates from the error code table of Volcano Engine Ark, which
    # shares ModelArk's error codes.
    ExtraCase(
        "modelark-account-overdue",
        "modelark",
        403,
        {
            "error": {
                "code": "AccountOverdueError",
                "message": "The request failed because your account has an overdue balance. "
                "Request ID: <request-id>",
                "param": "",
                "type": "Forbidden",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    # Moonshot's staff examples of a used-up balance: both 429 with this type, one of them
    # naming a suspended account (forum.moonshot.ai, "api billing behaviour" and "429
    # insufficient balance").
    ExtraCase(
        "moonshot-exceeded-current-quota",
        "moonshot",
        429,
        {
            "error": {
                "message": "You exceeded your current quota, please check your plan and "
                "billing details",
                "type": "exceeded_current_quota_error",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    ExtraCase(
        "moonshot-suspended-for-billing",
        "moonshot",
        429,
        {
            "error": {
                "type": "exceeded_current_quota_error",
                "message": "Your account org-<id><ak-<id>> is suspended, please check your "
                "plan and billing details",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    # ModelArk's free-token mode with its quota used up (docs.byteplus.com, ModelArk error
    # codes); waiting does not help. The message after "exh" is filled in.
    ExtraCase(
        "modelark-free-quota-exhausted",
        "modelark",
        429,
        {
            "error": {
                "code": "ModelQuotaExhausted",
                "message": "Your account [<account-id>] has exhausted the free token quota of "
                "the model. Request id: <request-id>",
                "param": "",
                "type": "TooManyRequests",
            }
        },
        Category.QUOTA_EXCEEDED,
    ),
    # LM Studio replies to an unknown path with HTTP 200 and this error, for example when
    # the host was typed without /v1.
    ExtraCase(
        "lmstudio-unexpected-endpoint",
        "openai-compatible",
        200,
        {"error": "Unexpected endpoint or method. (POST /chat/completions)"},
        Category.WRONG_ENDPOINT,
        headers={"content-type": "application/json; charset=utf-8"},
    ),
    # Azure rejecting the api-version query parameter: unknown, or too old for the model.
    ExtraCase(
        "azure-api-version-not-supported",
        "azure-openai",
        400,
        {"error": {"code": "BadRequest", "message": "API version not supported"}},
        Category.WRONG_ENDPOINT,
    ),
    ExtraCase(
        "azure-model-needs-newer-api-version",
        "azure-openai",
        400,
        {
            "error": {
                "code": "BadRequest",
                "message": "Model {modelName} is enabled only for api versions "
                "2024-12-01-preview and later",
            }
        },
        Category.WRONG_ENDPOINT,
    ),
    # Bedrock's ModelErrorException: the model failed while processing the request.
    ExtraCase(
        "bedrock-converse-model-error",
        "aws-bedrock-converse",
        424,
        {"message": "Received error from model: upstream failure"},
        Category.SERVER_ERROR,
        headers=_bedrock_headers("ModelErrorException"),
    ),
    ExtraCase(
        "modelark-model-not-activated",
        "modelark",
        404,
        {
            "error": {
                "code": "ModelNotOpen",
                "message": "Your account <account-id> has not activated the model "
                "seed-1-6-250615. Please activate the model service in the Ark Console. "
                "Request id: <request-id>",
                "param": "",
                "type": "NotFound",
            }
        },
        Category.INVALID_MODEL,
    ),
]


@pytest.mark.parametrize("case", EXTRA_CASES, ids=[case.id for case in EXTRA_CASES])
def test_extra_response_category(case: ExtraCase) -> None:
    provider = get_provider(case.provider)

    result = classify_response(provider, case.status, case.headers, _body(case.body))

    assert result.category is case.expected, result.provider_message


def test_extra_cases_not_in_data_file() -> None:
    recorded_bodies = {case["body"] for case in RECORDED_CASES}
    recorded_ids = {case["id"] for case in RECORDED_CASES}

    for case in EXTRA_CASES:
        assert case.id not in recorded_ids
        assert _body(case.body).decode() not in recorded_bodies


# -----------------------------------------------------------------------------------------------
# Success shapes and 2xx responses
# -----------------------------------------------------------------------------------------------

OPENAI_CHAT = {"id": "chatcmpl-1", "object": "chat.completion", "choices": []}
ANTHROPIC_MESSAGE = {"id": "msg_1", "type": "message", "role": "assistant", "content": []}
CONVERSE_OUTPUT = {"output": {"message": {"role": "assistant", "content": [{"text": "Hi"}]}}}


@pytest.mark.parametrize(
    ("provider_id", "body", "expected"),
    [
        ("openai", OPENAI_CHAT, Category.VALID),
        ("openai", {"object": "list", "data": []}, Category.VALID),
        ("openai", ANTHROPIC_MESSAGE, Category.UNEXPECTED_RESPONSE),
        ("openai", {"status": "ok"}, Category.UNEXPECTED_RESPONSE),
        ("openai", [OPENAI_CHAT], Category.UNEXPECTED_RESPONSE),
        ("azure-openai", OPENAI_CHAT, Category.VALID),
        ("anthropic", ANTHROPIC_MESSAGE, Category.VALID),
        ("anthropic", OPENAI_CHAT, Category.UNEXPECTED_RESPONSE),
        ("aws-bedrock-converse", CONVERSE_OUTPUT, Category.VALID),
        ("aws-bedrock-converse", OPENAI_CHAT, Category.UNEXPECTED_RESPONSE),
        (
            "minimax",
            {**OPENAI_CHAT, "base_resp": {"status_code": 0, "status_msg": ""}},
            Category.VALID,
        ),
        ("openai", {"code": 0, "message": "success", "data": []}, Category.VALID),
    ],
    ids=[
        "openai-chat",
        "openai-model-list",
        "openai-given-anthropic-message",
        "openai-given-other-json",
        "openai-given-array",
        "azure-chat",
        "anthropic-message",
        "anthropic-given-openai-chat",
        "converse-output",
        "converse-given-openai-chat",
        "minimax-base-resp-zero",
        "success-code-zero",
    ],
)
def test_success_status_shape(provider_id: str, body: Any, expected: Category) -> None:
    result = classify_response(get_provider(provider_id), 200, {}, _body(body))

    assert result.category is expected


@pytest.mark.parametrize(
    "body",
    [b"", b"   \n", b"not json", b'{"choices": [', b"\xff\xfe\x00garbage"],
    ids=["empty", "whitespace", "plain-text", "truncated-json", "invalid-utf8"],
)
def test_success_status_not_json(body: bytes) -> None:
    result = classify_response(get_provider("openai"), 200, {}, body)

    assert result.category is Category.UNEXPECTED_RESPONSE


def test_success_status_valid_has_no_message() -> None:
    result = classify_response(
        get_provider("openai"), 200, {"Retry-After": "5"}, _body(OPENAI_CHAT)
    )

    assert result.provider_message == ""
    assert result.retry_after_s is None


def test_error_envelope_in_200_uses_envelope_status() -> None:
    body = {"error": {"message": "Something failed upstream", "code": 503}}

    result = classify_response(get_provider("openai-compatible"), 200, {}, _body(body))

    assert result.category is Category.SERVER_ERROR
    assert result.provider_message == "Something failed upstream"


def test_error_envelope_in_200_without_status() -> None:
    body = {"code": "SomethingWrong", "message": "The request could not be processed."}

    result = classify_response(get_provider("openai-compatible"), 200, {}, _body(body))

    assert result.category is Category.BAD_REQUEST


# -----------------------------------------------------------------------------------------------
# Status fallback, header case and the order of the rules
# -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (301, Category.WRONG_ENDPOINT),
        (400, Category.BAD_REQUEST),
        (401, Category.INVALID_KEY),
        (402, Category.QUOTA_EXCEEDED),
        (403, Category.PERMISSION_DENIED),
        (404, Category.WRONG_ENDPOINT),
        (405, Category.WRONG_ENDPOINT),
        (407, Category.UNREACHABLE),
        (408, Category.SERVER_ERROR),
        (409, Category.BAD_REQUEST),
        (422, Category.BAD_REQUEST),
        (429, Category.RATE_LIMITED),
        (451, Category.REGION_DENIED),
        (500, Category.SERVER_ERROR),
        (503, Category.SERVER_ERROR),
        (529, Category.SERVER_ERROR),
        (600, Category.UNEXPECTED_RESPONSE),
    ],
)
def test_status_fallback_for_empty_body(status: int, expected: Category) -> None:
    result = classify_response(get_provider("openai-compatible"), status, {}, b"")

    assert result.category is expected


def test_headers_any_letter_case() -> None:
    headers = {
        "X-AMZN-ERRORTYPE": "UnrecognizedClientException:http://internal",
        "RETRY-AFTER": "7",
    }
    body = _body({"message": "The security token included in the request is invalid."})

    result = classify_response(get_provider("aws-bedrock-converse"), 403, headers, body)

    assert result.category is Category.INVALID_KEY
    assert result.retry_after_s == 7.0


def test_same_code_differs_by_provider() -> None:
    body = _body({"error": {"message": "Quota limit reached.", "code": "insufficient_quota"}})

    openai = classify_response(get_provider("openai"), 429, {}, body)
    sambanova = classify_response(get_provider("sambanova"), 429, {}, body)

    assert openai.category is Category.QUOTA_EXCEEDED
    assert sambanova.category is Category.RATE_LIMITED


def test_business_code_scoped_to_provider() -> None:
    zai = classify_response(
        get_provider("zai"), 400, {}, _body({"error": {"code": "1002", "message": "x"}})
    )
    minimax = classify_response(
        get_provider("minimax"), 200, {}, _body({"base_resp": {"status_code": 1002}})
    )

    assert zai.category is Category.INVALID_KEY
    assert minimax.category is Category.RATE_LIMITED


def test_documentation_url_not_matched() -> None:
    body = {
        "error": {"message": "Bad input. See https://example.test/docs/rate-limits", "code": 400}
    }

    result = classify_response(get_provider("openai-compatible"), 400, {}, _body(body))

    assert result.category is Category.BAD_REQUEST


def test_rule_needs_condition() -> None:
    with pytest.raises(ValueError, match="needs codes or a text pattern"):
        Rule(Category.BAD_REQUEST)


def test_rules_all_have_conditions() -> None:
    for rule in RULES:
        assert rule.codes or rule.text is not None


# -----------------------------------------------------------------------------------------------
# Retry delay in a classification
# -----------------------------------------------------------------------------------------------


def test_retry_after_header_in_classification() -> None:
    body = _body({"type": "error", "error": {"type": "rate_limit_error", "message": "Slow down"}})

    result = classify_response(get_provider("anthropic"), 429, {"Retry-After": "15"}, body)

    assert result.category is Category.RATE_LIMITED
    assert result.retry_after_s == 15.0


def test_retry_delay_from_gemini_body() -> None:
    body = {
        "error": {
            "code": 429,
            "message": "Resource exhausted.",
            "status": "RESOURCE_EXHAUSTED",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "12s"}],
        }
    }

    result = classify_response(get_provider("gemini"), 429, {}, _body(body))

    assert result.category is Category.RATE_LIMITED
    assert result.retry_after_s == 12.0


def test_retry_header_wins_over_body() -> None:
    body = {
        "error": {
            "code": 429,
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "12s"}],
        }
    }

    result = classify_response(get_provider("gemini"), 429, {"retry-after": "3"}, _body(body))

    assert result.retry_after_s == 3.0


# -----------------------------------------------------------------------------------------------
# extract_provider_message
# -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            [
                {
                    "error": {
                        "code": 400,
                        "message": "API key not valid.",
                        "status": "INVALID_ARGUMENT",
                    }
                }
            ],
            "API key not valid.",
        ),
        (
            {
                "type": "error",
                "error": {"type": "authentication_error", "message": "invalid x-api-key"},
            },
            "invalid x-api-key",
        ),
        (
            {"code": "Client specified an invalid argument", "error": "Incorrect API key."},
            "Incorrect API key.",
        ),
        ({"Message": "Invalid API Key format"}, "Invalid API Key format"),
        ({"message": "The security token is invalid."}, "The security token is invalid."),
        ({"detail": "Unauthorized"}, "Unauthorized"),
        (
            {"detail": [{"type": "extra_forbidden", "loc": ["body", "x"], "msg": "Extra inputs"}]},
            "body.x: Extra inputs",
        ),
        (
            {"base_resp": {"status_code": 1008, "status_msg": "insufficient balance"}},
            "insufficient balance",
        ),
        (
            {"code": "InvalidApiKey", "message": "Invalid API-key provided."},
            "Invalid API-key provided.",
        ),
        ({"error": {"error_msg": "Access token invalid"}}, "Access token invalid"),
        ({"choices": []}, ""),
        ({"error": {"code": "X"}}, ""),
        (["first", "second"], ""),
        (42, ""),
    ],
    ids=[
        "gemini-array",
        "anthropic",
        "xai-flat",
        "bedrock-capital-message",
        "bedrock-message",
        "fastapi-detail",
        "pydantic-issues",
        "minimax-base-resp",
        "dashscope-flat",
        "error-msg-key",
        "no-message-field",
        "code-only",
        "list-of-strings",
        "number",
    ],
)
def test_extract_message_json(body: Any, expected: str) -> None:
    assert extract_provider_message(_body(body)) == expected


def test_extract_message_openrouter_raw_text() -> None:
    body = {
        "error": {
            "message": "Provider returned error",
            "code": 429,
            "metadata": {"raw": "Upstream busy"},
        }
    }

    assert extract_provider_message(_body(body)) == "Provider returned error: Upstream busy"


def test_extract_message_openrouter_raw_json() -> None:
    raw = json.dumps({"error": {"message": "Upstream says no", "type": "invalid_request_error"}})
    body = {"error": {"message": "Provider returned error", "code": 400, "metadata": {"raw": raw}}}

    assert extract_provider_message(_body(body)) == "Provider returned error: Upstream says no"


def test_extract_message_plain_text() -> None:
    assert extract_provider_message(b"Unauthorized\n") == "Unauthorized"


def test_extract_message_empty() -> None:
    assert extract_provider_message(b"") == ""


def test_extract_message_html_title() -> None:
    page = b"<!doctype html><html><head><title>New API &amp; Co</title></head><body>x</body></html>"

    assert extract_provider_message(page) == "New API & Co"


def test_extract_message_html_without_title() -> None:
    page = (
        b"<html><head><style>p { color: red }</style><script>var a = 1;</script></head>"
        b"<body><h1>Bad gateway</h1>\n<p>The upstream server failed.</p></body></html>"
    )

    assert extract_provider_message(page) == "Bad gateway The upstream server failed."


def test_extract_message_collapses_whitespace() -> None:
    body = {"error": {"message": "Model not found.\n\nYour models:\n  a\n  b"}}

    assert extract_provider_message(_body(body)) == "Model not found. Your models: a b"


def test_extract_message_truncated() -> None:
    body = {"error": {"message": "word " * 400}}

    message = extract_provider_message(_body(body))

    assert len(message) == MAX_PROVIDER_MESSAGE_CHARS
    assert message.endswith("\u2026")
    assert message.startswith("word word")


def test_extract_message_invalid_utf8() -> None:
    message = extract_provider_message(b"Bad \xff request")

    assert message == "Bad \ufffd request"


# -----------------------------------------------------------------------------------------------
# parse_retry_after
# -----------------------------------------------------------------------------------------------


def test_retry_after_seconds() -> None:
    assert parse_retry_after({"Retry-After": "15"}) == 15.0


def test_retry_after_fractional_seconds() -> None:
    assert parse_retry_after({"retry-after": "1.5"}) == 1.5


def test_retry_after_milliseconds_header_first() -> None:
    assert parse_retry_after({"retry-after-ms": "1500", "retry-after": "2"}) == 1.5


def test_retry_after_http_date() -> None:
    moment = datetime.now(UTC) + timedelta(seconds=30)

    seconds = parse_retry_after({"Retry-After": format_datetime(moment, usegmt=True)})

    assert seconds is not None
    assert 25 <= seconds <= 31


def test_retry_after_http_date_in_past() -> None:
    assert parse_retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0


@pytest.mark.parametrize(
    "value", ["soon", "-5", "nan", "inf", ""], ids=["word", "negative", "nan", "inf", "empty"]
)
def test_retry_after_invalid(value: str) -> None:
    assert parse_retry_after({"Retry-After": value}) is None


def test_retry_after_missing() -> None:
    assert parse_retry_after({"content-type": "application/json"}) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("6m0s", 360.0),
        ("2m59.56s", 179.56),
        ("7.66s", 7.66),
        ("20ms", 0.02),
        ("1h", 3600.0),
        ("12", 12.0),
    ],
)
def test_retry_after_reset_duration(value: str, expected: float) -> None:
    seconds = parse_retry_after({"X-RateLimit-Reset-Requests": value})

    assert seconds == pytest.approx(expected)


def test_retry_after_largest_reset() -> None:
    headers = {"x-ratelimit-reset-requests": "2m59.56s", "x-ratelimit-reset-tokens": "7.66s"}

    assert parse_retry_after(headers) == pytest.approx(179.56)


def test_retry_after_header_beats_reset() -> None:
    headers = {"retry-after": "2", "x-ratelimit-reset-requests": "2m59.56s"}

    assert parse_retry_after(headers) == 2.0


def test_retry_after_reset_epoch_milliseconds() -> None:
    reset_ms = (time.time() + 60) * 1000

    seconds = parse_retry_after({"X-RateLimit-Reset": f"{reset_ms:.0f}"})

    assert seconds is not None
    assert 55 <= seconds <= 61


def test_retry_after_reset_epoch_seconds() -> None:
    seconds = parse_retry_after({"x-ratelimit-reset": f"{time.time() + 60:.0f}"})

    assert seconds is not None
    assert 55 <= seconds <= 61


def test_retry_after_reset_iso_time() -> None:
    moment = (datetime.now(UTC) + timedelta(seconds=60)).isoformat()

    seconds = parse_retry_after({"x-ratelimit-reset-tokens": moment})

    assert seconds is not None
    assert 55 <= seconds <= 61


def test_retry_after_reset_unparseable() -> None:
    assert parse_retry_after({"x-ratelimit-reset-tokens": "tomorrow"}) is None
