"""Checks on a card's values that need no network: required fields, URL form, External Config."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.catalog import Provider
from app.i18n import QT_TRANSLATE_NOOP
from app.settings.secrets import Secret
from app.validation.hosts import api_host_warnings, check_api_host
from app.validation.validator import ProviderConfig

CONTEXT = "forms"

KEY_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "API Key is required. Paste the key from {provider}.")
KEY_HAS_SPACE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Key contains a space or line break. Copy the key again, without extra characters.",
)
MODEL_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "Model Type is required, for example {example}.")
MODEL_HAS_INVISIBLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Model Type contains a line break or another invisible character. Enter the model name on "
    "one line, for example {example}.",
)
EXTERNAL_HAS_INVISIBLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "{label} contains a line break or another invisible character. Enter it on one line, "
    "without extra characters.",
)
EXTERNAL_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "{label} is required for {provider}.")
KEY_HAS_ODD_CHARACTER = QT_TRANSLATE_NOOP(
    CONTEXT,
    "API Key contains a character that keys never have (often an invisible one copied with "
    "it). Copy the key again, or type it.",
)
EXTERNAL_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "{key} is not an External Config field of {provider}. Known fields: {known}."
)
AWS_PAIR_INCOMPLETE = QT_TRANSLATE_NOOP(
    CONTEXT, "Enter both the access key ID and the secret access key, or neither."
)
AWS_CREDENTIALS_MISSING = QT_TRANSLATE_NOOP(
    CONTEXT, "Enter a Bedrock API key, or an access key ID and secret access key."
)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A message for one form field, as a translatable template and its arguments."""

    field: str
    template: str
    args: dict[str, str] = dataclasses.field(default_factory=dict)
    suggestion: str | None = None  # a corrected value the card can offer in one click

    @property
    def message(self) -> str:
        return self.template.format(**self.args)


@dataclass(frozen=True, slots=True)
class CheckedForm:
    """A card's values with surrounding white space removed, and what is wrong with them."""

    config: ProviderConfig
    secret: Secret
    problems: tuple[FieldProblem, ...]
    warnings: tuple[FieldProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check_form(
    provider: Provider,
    api_host: str,
    model_type: str,
    external_config: dict[str, str],
    secret: Secret,
) -> CheckedForm:
    """Trim every value and collect one problem per field that cannot be used as typed."""
    problems: list[FieldProblem] = []

    host, host_problem = check_api_host(api_host, provider.api_host_example)
    if host_problem is not None:
        problems.append(
            FieldProblem(
                "api_host",
                host_problem.template,
                {"value": host_problem.value},
                host_problem.suggestion,
            )
        )

    model = model_type.strip()
    example = provider.suggested_models[0] if provider.suggested_models else "gpt-4o-mini"
    if not model:
        problems.append(FieldProblem("model_type", MODEL_MISSING, {"example": example}))
    elif not model.isprintable():
        # A line break would print a line of its own in `list` and reach Bedrock's URL path.
        problems.append(FieldProblem("model_type", MODEL_HAS_INVISIBLE, {"example": example}))

    external = {key: value.strip() for key, value in external_config.items()}
    problems.extend(_unknown_external_problems(provider, external))
    secret_values = {
        "api_key": secret.api_key.strip(),
        "access_key_id": external.pop("access_key_id", secret.access_key_id).strip(),
        "secret_access_key": external.pop("secret_access_key", secret.secret_access_key).strip(),
        "session_token": external.pop("session_token", secret.session_token).strip(),
    }
    for external_field in provider.external_config:
        if external_field.secret:
            continue
        if not external.get(external_field.key, "").isprintable():
            problems.append(
                FieldProblem(
                    external_field.key, EXTERNAL_HAS_INVISIBLE, {"label": external_field.label}
                )
            )
        elif external_field.required and not external.get(external_field.key):
            problems.append(
                FieldProblem(
                    external_field.key,
                    EXTERNAL_MISSING,
                    {"label": external_field.label, "provider": provider.name},
                )
            )
    external = {key: value for key, value in external.items() if value}

    problems.extend(_secret_problems(provider, secret_values))
    warnings: tuple[FieldProblem, ...] = ()
    if host_problem is None:
        warnings = tuple(
            FieldProblem("api_host", warning.template, {"value": warning.value}, warning.suggestion)
            for warning in api_host_warnings(provider, host, external)
        )
    config = ProviderConfig(provider.id, host, model, external)
    return CheckedForm(config, Secret(**secret_values), tuple(problems), warnings)


def _unknown_external_problems(provider: Provider, external: dict[str, str]) -> list[FieldProblem]:
    """Reject names the provider does not have, so that no value lands in settings.json unread."""
    known = [field.key for field in provider.external_config]
    return [
        FieldProblem(
            key,
            EXTERNAL_UNKNOWN,
            {"key": key, "provider": provider.name, "known": ", ".join(known) or "none"},
        )
        for key in external
        if key not in known
    ]


def _secret_problems(provider: Provider, values: dict[str, str]) -> list[FieldProblem]:
    api_key = values["api_key"]
    if any(character.isspace() for character in api_key):
        return [FieldProblem("api_key", KEY_HAS_SPACE)]

    # Keys travel in HTTP headers, which carry printable ASCII only; anything else is a
    # copy-and-paste accident such as a zero-width space.
    for name, value in values.items():
        if value and not (value.isascii() and value.isprintable()):
            return [FieldProblem(name, KEY_HAS_ODD_CHARACTER)]

    has_id, has_secret = bool(values["access_key_id"]), bool(values["secret_access_key"])
    if provider.external_field("access_key_id") is not None:
        if has_id != has_secret:
            missing = "secret_access_key" if has_id else "access_key_id"
            return [FieldProblem(missing, AWS_PAIR_INCOMPLETE)]
        if not api_key and not has_id:
            return [FieldProblem("api_key", AWS_CREDENTIALS_MISSING)]
        return []

    if provider.key_required and not api_key:
        return [FieldProblem("api_key", KEY_MISSING, {"provider": provider.name})]
    return []
