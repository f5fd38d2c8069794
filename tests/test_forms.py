"""Checks that need no network: required fields, white space, URL form, External Config."""

from __future__ import annotations

import pytest

from app.catalog import get_provider
from app.forms import check_form
from app.settings.secrets import Secret


def fields_with_problems(
    provider_id: str, api_host: str, model: str, external: dict[str, str], key: str
) -> dict[str, str]:
    checked = check_form(get_provider(provider_id), api_host, model, external, Secret(api_key=key))
    return {problem.field: problem.message for problem in checked.problems}


def test_white_space_is_trimmed() -> None:
    checked = check_form(
        get_provider("openai"),
        "  https://api.openai.com/v1 \n",
        " gpt-4.1-mini ",
        {},
        Secret(api_key="\tsk-abc \n"),
    )

    assert checked.ok
    assert checked.config.api_host == "https://api.openai.com/v1"
    assert checked.config.model_type == "gpt-4.1-mini"
    assert checked.secret.api_key == "sk-abc"


@pytest.mark.parametrize(
    ("api_host", "model", "key", "field", "fragment"),
    [
        ("https://api.openai.com/v1", "gpt-4.1-mini", "", "api_key", "API Key is required"),
        ("https://api.openai.com/v1", "gpt-4.1-mini", "sk-a b", "api_key", "space or line break"),
        ("https://api.openai.com/v1", "   ", "sk-a", "model_type", "Model Type is required"),
        ("", "gpt-4.1-mini", "sk-a", "api_host", "API Host is required"),
        (
            "api.openai.com/v1",
            "gpt-4.1-mini",
            "sk-a",
            "api_host",
            "has no scheme. Start it with https://",
        ),
        (
            "ftp://api.openai.com",
            "gpt-4.1-mini",
            "sk-a",
            "api_host",
            "must start with https:// or http://",
        ),
        ("https://", "gpt-4.1-mini", "sk-a", "api_host", "is not a valid URL"),
        ("https://api openai.com", "gpt-4.1-mini", "sk-a", "api_host", "is not a valid URL"),
        ("https://api.openai.com:99999", "gpt-4.1-mini", "sk-a", "api_host", "is not a valid URL"),
        ("http://[::1", "gpt-4.1-mini", "sk-a", "api_host", "is not a valid URL"),
    ],
)
def test_problem_on_the_field(
    api_host: str, model: str, key: str, field: str, fragment: str
) -> None:
    problems = fields_with_problems("openai", api_host, model, {}, key)

    assert list(problems) == [field]
    assert fragment in problems[field]


def test_host_problem_names_the_value() -> None:
    problems = fields_with_problems("openai", "api.openai.com/v1", "m", {}, "sk-a")

    assert "'api.openai.com/v1'" in problems["api_host"]


def test_azure_needs_host_and_deployment() -> None:
    problems = fields_with_problems(
        "azure-openai", "", "gpt-4o", {"api_version": "2024-10-21"}, "k"
    )

    assert set(problems) == {"api_host", "deployment_name"}
    assert "Deployment name is required for Azure OpenAI." in problems["deployment_name"]
    assert "for example https://my-resource.openai.azure.com" in problems["api_host"]


def test_azure_api_version_cleared_is_a_problem() -> None:
    problems = fields_with_problems(
        "azure-openai",
        "https://r.openai.azure.com",
        "m",
        {"deployment_name": "d", "api_version": "  "},
        "k",
    )

    assert list(problems) == ["api_version"]


def test_bedrock_converse_accepts_access_keys_instead_of_key() -> None:
    external = {
        "region": "us-west-2",
        "access_key_id": "AKIDEXAMPLE",
        "secret_access_key": "secret",
    }

    checked = check_form(
        get_provider("aws-bedrock-converse"),
        "https://bedrock-runtime.us-west-2.amazonaws.com",
        "m",
        external,
        Secret(),
    )

    assert checked.ok
    assert checked.secret.access_key_id == "AKIDEXAMPLE"
    assert checked.config.external_config == {"region": "us-west-2"}


def test_bedrock_converse_half_access_key_pair() -> None:
    problems = fields_with_problems(
        "aws-bedrock-converse",
        "https://bedrock-runtime.us-east-1.amazonaws.com",
        "m",
        {"region": "us-east-1", "access_key_id": "AKID"},
        "",
    )

    assert list(problems) == ["secret_access_key"]


def test_bedrock_converse_without_any_credentials() -> None:
    problems = fields_with_problems(
        "aws-bedrock-converse",
        "https://bedrock-runtime.us-east-1.amazonaws.com",
        "m",
        {"region": "us-east-1"},
        "",
    )

    assert "Bedrock API key" in problems["api_key"]


def test_openai_compatible_needs_no_key() -> None:
    problems = fields_with_problems(
        "openai-compatible", "http://localhost:11434/v1", "llama3.2", {}, ""
    )

    assert problems == {}


def test_missing_scheme_offers_a_fix() -> None:
    checked = check_form(
        get_provider("openai"), "api.openai.com/v1", "m", {}, Secret(api_key="sk-a")
    )

    assert checked.problems[0].suggestion == "https://api.openai.com/v1"


def test_plain_http_to_remote_host_is_a_warning() -> None:
    checked = check_form(
        get_provider("openai-compatible"), "http://models.example.com/v1", "m", {}, Secret()
    )

    assert checked.ok
    assert [warning.field for warning in checked.warnings] == ["api_host"]
    assert checked.warnings[0].suggestion == "https://models.example.com/v1"


def test_plain_http_to_local_server_is_fine() -> None:
    checked = check_form(
        get_provider("openai-compatible"), "http://localhost:11434/v1", "m", {}, Secret()
    )

    assert checked.warnings == ()


def test_host_with_credentials_is_rejected_without_echo() -> None:
    problems = fields_with_problems(
        "openai", "https://user:pa55word@api.example.com/v1", "m", {}, "sk-a"
    )

    assert "user name or password" in problems["api_host"]
    assert "pa55word" not in problems["api_host"]


def test_host_with_query_offers_the_plain_address() -> None:
    checked = check_form(
        get_provider("openai"),
        "https://api.example.com/v1?x=1#frag",
        "m",
        {},
        Secret(api_key="sk-a"),
    )

    assert checked.problems[0].field == "api_host"
    assert checked.problems[0].suggestion == "https://api.example.com/v1"


@pytest.mark.parametrize("key", ["sk-abc\u200bdef", "sk-ключ12345", "sk-\x07bell"])
def test_key_with_odd_character(key: str) -> None:
    problems = fields_with_problems("openai", "https://api.openai.com/v1", "m", {}, key)

    assert list(problems) == ["api_key"]
    assert "character that keys never have" in problems["api_key"]


def test_unknown_external_field_is_a_problem() -> None:
    problems = fields_with_problems(
        "openai", "https://api.openai.com/v1", "m", {"colour": "blue"}, "sk-a"
    )

    assert problems == {
        "colour": "colour is not an External Config field of OpenAI. Known fields: none."
    }


@pytest.mark.parametrize(
    "model",
    [
        "evil\nopenai default gpt-fake",
        "gpt-4o\r\nX-Injected: 1",
        "gpt\x1b[2J-4o",
        "gpt-4o\tmini",
        "gpt-4o\u200b",
        "gpt-4o\u202emini",
    ],
)
def test_model_with_invisible_character(model: str) -> None:
    problems = fields_with_problems("deepseek", "https://api.deepseek.com", model, {}, "sk-a")

    assert list(problems) == ["model_type"]
    assert problems["model_type"] == (
        "Model Type contains a line break or another invisible character. Enter the model "
        "name on one line, for example deepseek-chat."
    )


def test_model_with_trailing_line_break_is_trimmed() -> None:
    checked = check_form(
        get_provider("deepseek"),
        "https://api.deepseek.com",
        "deepseek-chat\r\n",
        {},
        Secret(api_key="sk-a"),
    )

    assert checked.ok
    assert checked.config.model_type == "deepseek-chat"


@pytest.mark.parametrize(
    ("provider_id", "api_host", "external", "field", "label"),
    [
        (
            "azure-openai",
            "https://r.openai.azure.com",
            {"deployment_name": "prod\nx", "api_version": "2024-10-21"},
            "deployment_name",
            "Deployment name",
        ),
        (
            "azure-openai",
            "https://r.openai.azure.com",
            {"deployment_name": "prod", "api_version": "2024-10-21\x1b[0m"},
            "api_version",
            "API version",
        ),
        (
            "aws-bedrock-converse",
            "https://bedrock-runtime.us-west-2.amazonaws.com",
            {"region": "us-west-2\nus-east-1"},
            "region",
            "Region",
        ),
    ],
)
def test_external_with_invisible_character(
    provider_id: str, api_host: str, external: dict[str, str], field: str, label: str
) -> None:
    problems = fields_with_problems(provider_id, api_host, "m", external, "k")

    assert list(problems) == [field]
    assert problems[field] == (
        f"{label} contains a line break or another invisible character. Enter it on one "
        "line, without extra characters."
    )
