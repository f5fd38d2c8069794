"""Translate the messages the core builds in English: form problems, results, stage names.

The core marks each template and stage name with ``QT_TRANSLATE_NOOP`` under the
contexts "forms", "hosts" and "validation". Provider data, such as External Config labels,
is marked here under "providers" so that the translation tools extract it too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale

from app.forms import FieldProblem
from app.i18n import QT_TRANSLATE_NOOP
from app.settings.secrets import (
    REASON_FAILED,
    REASON_LOCKED,
    REASON_MISSING,
    REASON_NO_SERVICE,
    REASON_UNOPENED,
    KeychainError,
    SecretStoreError,
)
from app.settings.store import SETTINGS_CONTEXT, SettingsError, Text
from app.validation.hosts import HOST_MISSING
from app.validation.models import ModelListError
from app.validation.result import Stage, ValidationResult, retry_template

FORMS_CONTEXT = "forms"
HOSTS_CONTEXT = "hosts"
VALIDATION_CONTEXT = "validation"
PROVIDERS_CONTEXT = "providers"

# Strings from resources/providers.json.
_PROVIDER_STRINGS = (
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "Deployment name"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "API version"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "Region"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "Access key ID"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "Secret access key"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "Session token"),
    QT_TRANSLATE_NOOP(PROVIDERS_CONTEXT, "OpenAI Compatible"),
)
HOST_EXAMPLE_HINT = QT_TRANSLATE_NOOP(HOSTS_CONTEXT, ", for example {example}")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def join_names(names: Iterable[str]) -> str:
    """Join names as the user's language writes a list, such as "A, B and C" or "A、B和C"."""
    return QLocale().createSeparatedList(list(names))


def join_sentences(*sentences: str) -> str:
    """Join sentences as the user's language does: with a space in English, none in Chinese."""
    joined = sentences[0] if sentences else ""
    for sentence in sentences[1:]:
        joined = QCoreApplication.translate("sentences", "{first} {second}").format(
            first=joined, second=sentence
        )
    return joined


def provider_text(text: str) -> str:
    """Return a provider name or External Config label in the user's language, when translated."""
    return translate(PROVIDERS_CONTEXT, text)


def problem_message(problem: FieldProblem) -> str:
    """Return a check_form problem in the user's language.

    A FieldProblem does not record its context: API Host problems carry a "hosts" template,
    the others a "forms" one, so both are tried.
    """
    template = problem.template
    for context in (FORMS_CONTEXT, HOSTS_CONTEXT):
        translated = translate(context, template)
        if translated != template:
            template = translated
            break

    args = {key: provider_text(value) for key, value in problem.args.items()}
    if problem.template == HOST_MISSING and args.get("value"):
        # The core passes the English ", for example <url>" as the value; rebuild it translated.
        example = args["value"].removeprefix(", for example ")
        args["value"] = translate(HOSTS_CONTEXT, HOST_EXAMPLE_HINT).format(example=example)
    return template.format(**args)


def result_message(result: ValidationResult | ModelListError) -> str:
    """Return the message of a validation result or a failed model list in the user's language."""
    template = translate(VALIDATION_CONTEXT, result.message_template)
    args = dict(result.message_args)
    if "retry" in args:
        retry, seconds = retry_template(result.retry_after_s)
        args["retry"] = translate(VALIDATION_CONTEXT, retry).format(seconds=seconds)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation with a wrong placeholder must not hide the result.
        return result.message


def stage_name(stage: Stage) -> str:
    """Return a stage name, such as "key accepted", in the user's language."""
    return translate(VALIDATION_CONTEXT, stage.name)


def secret_store_message(error: SecretStoreError, config_name: str = "") -> str:
    """Return a key storage error in the user's language, with a fix that fits the window.

    ``config_name`` is the card's name, shown in place of the config id. Only keychain
    failures carry what this needs. Other errors keep their English text.
    """
    if not isinstance(error, KeychainError) or not error.reason:
        return str(error)

    actions = {
        "read": QCoreApplication.translate("keychain", "Could not read the key of {config}."),
        "store": QCoreApplication.translate("keychain", "Could not store the key of {config}."),
        "delete": QCoreApplication.translate("keychain", "Could not delete the key of {config}."),
    }
    reasons = {
        REASON_MISSING: QCoreApplication.translate("keychain", "No keychain was found."),
        REASON_LOCKED: QCoreApplication.translate("keychain", "The keychain is locked."),
        REASON_UNOPENED: QCoreApplication.translate(
            "keychain",
            "The keychain could not be opened. It may be locked or have no default keyring.",
        ),
        REASON_NO_SERVICE: QCoreApplication.translate(
            "keychain", "No Secret Service keychain answered on D-Bus."
        ),
        REASON_FAILED: QCoreApplication.translate("keychain", "The keychain failed ({type})."),
    }
    if error.action not in actions or error.reason not in reasons:
        return str(error)

    return join_sentences(
        actions[error.action].format(config=config_name or error.config_id),
        reasons[error.reason].format(type=error.failure_type),
        _keychain_fix(error.reason),
    )


def _keychain_fix(reason: str) -> str:
    if reason == REASON_LOCKED:
        return QCoreApplication.translate(
            "keychain",
            "Unlock the keychain, for example by logging in to your desktop again, then save "
            "again, or choose Keep keys in a file instead.",
        )
    if sys.platform == "darwin":
        return QCoreApplication.translate(
            "keychain",
            "Unlock the login keychain in Keychain Access and try again, or choose Keep keys "
            "in a file instead.",
        )
    if sys.platform == "win32":
        return QCoreApplication.translate(
            "keychain",
            "Check that Windows Credential Manager is available for your account, or choose "
            "Keep keys in a file instead.",
        )
    return QCoreApplication.translate(
        "keychain",
        "Install and start a Secret Service keychain (gnome-keyring, or KeePassXC with Secret "
        "Service enabled), unlock its default keyring and try again, or choose Keep keys in a "
        "file instead.",
    )


def settings_text(text: Text) -> str:
    """Return a settings message in the user's language, its nested parts translated too."""
    args = {
        key: settings_text(value) if isinstance(value, Text) else value
        for key, value in text.args.items()
    }
    template = translate(SETTINGS_CONTEXT, text.template)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation with a wrong placeholder must not hide the error.
        return str(text)


def error_message(error: Exception) -> str:
    """Return a settings or key storage error in the user's language where it can be."""
    if isinstance(error, SecretStoreError):
        return secret_store_message(error)
    if isinstance(error, SettingsError) and error.text is not None:
        return settings_text(error.text)
    return str(error)
