"""Export and import of settings, and import of keys from the usual environment variables."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from app.catalog import Provider, UnknownProviderError, get_provider
from app.forms import KEY_HAS_ODD_CHARACTER, KEY_HAS_SPACE, FieldProblem, check_form
from app.paths import make_private_folder
from app.settings.files import write_atomically
from app.settings.key_changes import KeyChanges
from app.settings.migrations import legacy_keys
from app.settings.model import (
    ProviderSettings,
    SecretRef,
    SecretStorage,
    Settings,
    as_secret_storage,
)
from app.settings.secrets import Secret, SecretStore, SecretStoreError
from app.settings.store import (
    IMPORT_UNPARSABLE,
    SettingsError,
    SettingsStore,
    Text,
    decode_settings,
    parse_problem,
    parse_settings,
)
from app.validation.hosts import check_api_host

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "agent-models-export"
EXPORT_FORMAT_VERSION = 1

ImportMode = Literal["merge", "replace"]


class SettingsImportError(SettingsError):
    """An import file that does not match the settings model; nothing was changed."""


# Export


@dataclass(frozen=True, slots=True)
class Export:
    """An export document, and the configs whose key was requested but not found."""

    document: dict[str, Any] = field(repr=False)
    keys_missing: list[str] = field(default_factory=list)

    @property
    def includes_keys(self) -> bool:
        return "keys" in self.document


def export_settings(
    store: SettingsStore, secrets: SecretStore | None = None, *, include_keys: bool = False
) -> Export:
    """Return the settings as an export document; keys only with ``include_keys``.

    Keys come from ``secrets``, which ``include_keys`` requires. A config whose key is
    not found is listed in ``keys_missing``. A keychain that cannot be read raises
    ``SecretStoreError``, so that an export never leaves out keys silently.
    """
    settings = store.load()
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "settings": settings.model_dump(mode="json"),
    }
    if not include_keys:
        return Export(document)
    if secrets is None:
        raise ValueError("include_keys needs the secret store to read the keys from")

    keys: dict[str, dict[str, str]] = {}
    missing: list[str] = []
    for config_id, config in settings.providers.items():
        if config.secret_ref is None:
            continue
        secret = secrets.get(config_id)
        if secret is None or secret.is_empty():
            missing.append(config_id)
            continue
        keys[config_id] = secret.values()
    document["keys"] = keys
    logger.info("settings exported with keys: configs=%d keys_missing=%d", len(keys), len(missing))
    return Export(document, missing)


def write_export(path: Path, export: Export) -> None:
    """Write the export document atomically, readable only by the user (mode 0600)."""
    make_private_folder(path.parent)
    text = json.dumps(export.document, indent=2, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"))


# Import


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The changes an import made."""

    mode: ImportMode
    imported: list[str]
    keys_stored: list[str]
    removed: list[str]
    default_provider: str | None
    # Configs whose key was neither in the file nor already saved here.
    without_keys: list[str]

    @property
    def message(self) -> str:
        text = f"Imported {len(self.imported)} configs ({self.mode})"
        if self.keys_stored:
            text += f", with the keys of {', '.join(self.keys_stored)}"
        text += "."
        if self.removed:
            text += f" Removed: {', '.join(self.removed)}."
        if self.without_keys:
            text += f" Save the key again for: {', '.join(self.without_keys)}."
        return text


@dataclass(frozen=True, slots=True)
class _ImportFile:
    settings: Settings
    keys: dict[str, Secret] = field(repr=False)


def read_import_file(path: Path) -> dict[str, Any]:
    """Return the parsed import file, or raise ``SettingsImportError`` if it is no JSON object."""
    try:
        return decode_settings(path.read_bytes())
    except OSError as error:
        raise SettingsImportError(f"Cannot read {path}: {error.strerror or error}.") from None
    except ValueError as error:
        problem = parse_problem(error)
        raise SettingsImportError(
            Text(IMPORT_UNPARSABLE, {"path": str(path), "problem": problem})
        ) from None


def import_settings(
    store: SettingsStore,
    secrets: SecretStore,
    document: dict[str, Any],
    *,
    mode: ImportMode = "merge",
    source: str = "the import file",
) -> ImportReport:
    """Import an export document or a plain settings.json.

    ``merge`` adds the imported configs and replaces those with the same id, keeping the
    others and the local default; the imported default is taken only when there is no local
    one. ``replace`` makes the imported configs the only ones, takes the imported default,
    and deletes the keys of the configs it removes. Either way the
    local ``secret_storage`` stays, because an imported file must never switch to the
    key file. Keys in the document go to ``secrets``; an imported config without a key
    keeps the local config's key reference.

    The document is checked completely before anything is written: a newer version
    raises ``NewerSettingsError``, anything that does not match the model or the catalog
    raises ``SettingsImportError``. When a key or settings.json cannot be written, the
    keys already stored are put back as they were, so a failed import changes nothing.
    """
    imported = _parse_import(document, source)
    changes = KeyChanges(secrets)
    removed: list[str] = []
    without_keys: list[str] = []

    def change(current: Settings) -> Settings:
        providers = {} if mode == "replace" else dict(current.providers)
        removed.clear()
        removed.extend(
            sorted(set(current.providers) - set(imported.settings.providers))
            if mode == "replace"
            else []
        )
        without_keys.clear()
        for config_id, config in imported.settings.providers.items():
            if config_id in imported.keys:
                ref: SecretRef | None = SecretRef(storage=storage, username=config_id)
            elif config_id in current.providers:
                ref = current.providers[config_id].secret_ref
            else:
                ref = config.secret_ref
                if ref is not None:
                    without_keys.append(config_id)
            # Only a config that records when it was validated counts as verified.
            verified = config.verified and config.validated_at is not None
            providers[config_id] = config.model_copy(
                update={"secret_ref": ref, "verified": verified}
            )
        # Agents follow the default, so a merge never moves an existing one.
        default = imported.settings.default_provider
        if mode == "merge" and current.default_provider in providers:
            default = current.default_provider
        return current.model_copy(update={"providers": providers, "default_provider": default})

    try:
        for config_id, secret in imported.keys.items():
            changes.set(config_id, secret)
        storage = as_secret_storage(secrets.storage)
        updated = store.update(change)
    except Exception:
        changes.restore()
        raise

    for config_id in removed:
        try:
            secrets.delete(config_id)
        except SecretStoreError as error:
            logger.warning(
                "import could not delete a removed config's key: config_id=%s error=%s",
                config_id,
                error,
            )

    report = ImportReport(
        mode=mode,
        imported=sorted(imported.settings.providers),
        keys_stored=sorted(imported.keys),
        removed=removed,
        default_provider=updated.default_provider,
        without_keys=sorted(without_keys),
    )
    logger.info(
        "settings imported: mode=%s configs=%d keys=%d removed=%d",
        mode,
        len(report.imported),
        len(report.keys_stored),
        len(report.removed),
    )
    return report


def _parse_import(document: dict[str, Any], source: str) -> _ImportFile:
    if "format" in document:
        settings_data, keys_data = _unwrap_export(document, source)
    else:
        settings_data, keys_data = document, {}
    if not isinstance(settings_data, dict):
        raise SettingsImportError(f"{source}: 'settings' must be a JSON object.")

    try:
        settings = parse_settings(settings_data, source)
    except ValidationError as error:
        raise SettingsImportError(
            f"{source} does not match the settings format: {_describe(error)}"
        ) from None
    except ValueError as error:
        raise SettingsImportError(f"{source} does not match the settings format: {error}") from None

    for config_id, api_key in legacy_keys(settings_data).items():
        keys_data.setdefault(config_id, {"api_key": api_key})

    _check_against_catalog(settings, source)
    keys = _parse_keys(keys_data, settings, source)
    return _ImportFile(settings, keys)


def _describe(error: ValidationError) -> str:
    """Return where and why validation failed, without the values, which may be keys."""
    problems = [
        f"{'.'.join(str(part) for part in problem['loc']) or 'top level'}: {problem['msg']}"
        for problem in error.errors(include_input=False, include_url=False)
    ]
    return "; ".join(problems)


def _unwrap_export(document: dict[str, Any], source: str) -> tuple[Any, dict[str, Any]]:
    if document.get("format") != EXPORT_FORMAT:
        raise SettingsImportError(
            f"{source} is not an Agent Models export: 'format' is {document.get('format')!r}, "
            f"expected {EXPORT_FORMAT!r}."
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SettingsImportError(f"{source}: 'format_version' must be a whole number from 1.")
    if version > EXPORT_FORMAT_VERSION:
        raise SettingsImportError(
            f"{source} has export format_version {version}, but this version of Agent Models "
            f"reads up to {EXPORT_FORMAT_VERSION}. Update Agent Models; nothing was imported."
        )
    keys = document.get("keys", {})
    if not isinstance(keys, dict):
        raise SettingsImportError(f"{source}: 'keys' must be an object of config ids.")
    return document.get("settings"), dict(keys)


def _check_against_catalog(settings: Settings, source: str) -> None:
    """Raise for a config the window could not have saved: unknown provider, bad host, and so on."""
    for config_id, config in settings.providers.items():
        try:
            provider = get_provider(config.provider)
        except UnknownProviderError as error:
            raise SettingsImportError(f"{source}: config {config_id!r}: {error}") from None
        problem = _config_problem(config, provider)
        if problem:
            raise SettingsImportError(f"{source}: config {config_id!r}: {problem}")
    default = settings.default_provider
    if default is not None and default not in settings.providers:
        raise SettingsImportError(
            f"{source}: default_provider {default!r} is not one of the imported configs."
        )


def _config_problem(config: ProviderSettings, provider: Provider) -> str:
    _, host_problem = check_api_host(config.api_host, provider.api_host_example)
    if host_problem is not None:
        return host_problem.message
    if not config.model_type.strip():
        return "model_type is empty. Enter the model name, then import again."
    if not config.model_type.strip().isprintable():
        return (
            "model_type contains a line break or another invisible character. Put the model "
            "name on one line, then import again."
        )
    for key, value in sorted(config.external_config.items()):
        if not value.isprintable():
            return (
                f"external_config {key} contains a line break or another invisible character. "
                "Put the value on one line, then import again."
            )

    allowed = {field.key for field in provider.external_config if not field.secret}
    unknown = sorted(set(config.external_config) - allowed)
    if unknown:
        return (
            f"external_config has {', '.join(unknown)}, which {provider.name} does not take in "
            f"the settings file (allowed: {', '.join(sorted(allowed)) or 'none'}). Secrets go in "
            "the export's keys section."
        )
    return ""


def _parse_keys(keys_data: dict[str, Any], settings: Settings, source: str) -> dict[str, Secret]:
    known_fields = {item.name for item in fields(Secret)}
    keys: dict[str, Secret] = {}
    for config_id, values in keys_data.items():
        if config_id not in settings.providers:
            raise SettingsImportError(f"{source}: 'keys' has {config_id!r}, which has no config.")
        if not isinstance(values, dict) or not all(
            name in known_fields and isinstance(value, str) for name, value in values.items()
        ):
            raise SettingsImportError(
                f"{source}: the key of {config_id!r} must be an object of text fields named "
                f"{', '.join(sorted(known_fields))}."
            )
        secret, problem = _checked_secret(
            get_provider(settings.providers[config_id].provider), Secret.from_values(values)
        )
        if problem is not None:
            raise SettingsImportError(
                f"{source}: {_key_problem_text(problem, f'the {problem.field} of {config_id!r}')}"
                " Copy the key again, then import again. Nothing was imported."
            )
        if not secret.is_empty():
            keys[config_id] = secret
    return keys


SECRET_FIELDS = frozenset(item.name for item in fields(Secret))


def _checked_secret(provider: Provider, secret: Secret) -> tuple[Secret, FieldProblem | None]:
    """Apply the window's form checks to a secret: return it trimmed, and its first problem.

    An empty secret has no problem, because an imported config may come without a key.
    """
    if secret.is_empty():
        return secret, None
    # Only the problems of secret fields are kept, so the empty host and model do not matter.
    checked = check_form(provider, "", "", {}, secret)
    problems = [problem for problem in checked.problems if problem.field in SECRET_FIELDS]
    return checked.secret, problems[0] if problems else None


def _key_problem_text(problem: FieldProblem, subject: str) -> str:
    """Return what is wrong with ``subject``, such as "the api_key of 'openai'", not its value.

    The form's own text for a bad character names the API Key, whichever field it is.
    """
    if problem.template == KEY_HAS_SPACE:
        return f"{subject} contains a space or line break."
    if problem.template == KEY_HAS_ODD_CHARACTER:
        return (
            f"{subject} contains a character that keys never have, such as an invisible "
            "or non-ASCII one."
        )
    return f"{subject}: {problem.message}"


# Keys from environment variables


# The variables that provider SDKs and command-line tools read, in the order they are
# listed. Bedrock Converse takes AWS access keys, handled by AWS_ACCESS_KEY_ID below.
ENV_KEY_VARIABLES: tuple[tuple[str, str], ...] = (
    ("GEMINI_API_KEY", "gemini"),
    ("GOOGLE_API_KEY", "gemini"),
    ("OPENAI_API_KEY", "openai"),
    ("ANTHROPIC_API_KEY", "anthropic"),
    ("OPENROUTER_API_KEY", "openrouter"),
    ("DASHSCOPE_API_KEY", "qwen"),
    ("DEEPSEEK_API_KEY", "deepseek"),
    ("MINIMAX_API_KEY", "minimax"),
    ("ZAI_API_KEY", "zai"),
    ("MOONSHOT_API_KEY", "moonshot"),
    ("ARK_API_KEY", "modelark"),
    ("SAMBANOVA_API_KEY", "sambanova"),
    ("XAI_API_KEY", "grok"),
    ("MISTRAL_API_KEY", "mistral"),
    ("AWS_BEARER_TOKEN_BEDROCK", "aws-bedrock"),
    ("AWS_ACCESS_KEY_ID", "aws-bedrock-converse"),
    ("AZURE_OPENAI_API_KEY", "azure-openai"),
    ("QIANFAN_API_KEY", "ernie"),
)
AWS_SECRET_VARIABLE = "AWS_SECRET_ACCESS_KEY"  # noqa: S105 - a variable name, not a secret
AWS_SESSION_VARIABLE = "AWS_SESSION_TOKEN"
AWS_REGION_VARIABLES = ("AWS_REGION", "AWS_DEFAULT_REGION")


@dataclass(frozen=True, slots=True)
class EnvKey:
    """An environment variable that contains a provider key. Its value is never kept here."""

    variable: str
    provider: str
    config_exists: bool
    importable: bool
    reason: str = ""
    # Why the window's form would reject the key, and the variable that contains the bad value.
    key_problem: FieldProblem | None = None
    key_problem_variable: str = ""


def find_env_keys(store: SettingsStore, environ: Mapping[str, str] | None = None) -> list[EnvKey]:
    """Return the key variables that are set, without their values, to show before importing."""
    environ = os.environ if environ is None else environ
    providers = store.load().providers
    found: list[EnvKey] = []
    for variable, provider_id in ENV_KEY_VARIABLES:
        if not environ.get(variable, "").strip():
            continue
        exists = provider_id in providers
        reason = _not_importable_reason(variable, provider_id, exists, environ)
        if reason:
            found.append(EnvKey(variable, provider_id, exists, False, reason))
            continue

        _, problem = _checked_secret(get_provider(provider_id), _env_secret(variable, environ))
        if problem is None:
            found.append(EnvKey(variable, provider_id, exists, True))
            continue
        source = _AWS_FIELD_VARIABLES.get(problem.field, variable)
        subject = f"the key for {provider_id} in {source}"
        reason = f"{_key_problem_text(problem, subject)} Set {source} again, then import again."
        found.append(EnvKey(variable, provider_id, exists, False, reason, problem, source))
    return found


def _not_importable_reason(
    variable: str, provider_id: str, exists: bool, environ: Mapping[str, str]
) -> str:
    if variable == "AWS_ACCESS_KEY_ID" and not environ.get(AWS_SECRET_VARIABLE, "").strip():
        return f"{AWS_SECRET_VARIABLE} is not set; both access key variables are needed."
    provider = get_provider(provider_id)
    if exists or not provider.api_host_required:
        return ""
    return f"{provider.name} has no default API Host. Save its card first, then import the key."


# The variable that each secret field comes from, when it is not the key variable itself.
_AWS_FIELD_VARIABLES = {
    "access_key_id": "AWS_ACCESS_KEY_ID",
    "secret_access_key": AWS_SECRET_VARIABLE,
    "session_token": AWS_SESSION_VARIABLE,
}


def import_env_keys(
    store: SettingsStore,
    secrets: SecretStore,
    variables: Sequence[str],
    environ: Mapping[str, str] | None = None,
) -> list[str]:
    """Store the keys of the chosen variables and return the config ids they went to.

    A provider without a saved config gets one with its default host and its first
    suggested model. It has ``verified`` false, because nothing was validated. A saved
    config keeps its host and model, and is marked unverified only when the key changed.
    Raises ``ValueError`` for a variable that is not set, not known, not importable, or
    a second variable for the same provider. All configs are written in one settings
    update. When that update or a key fails, the keys already stored are put back.
    """
    environ = os.environ if environ is None else environ
    found = {item.variable: item for item in find_env_keys(store, environ)}
    chosen: dict[str, EnvKey] = {}
    for variable in variables:
        item = found.get(variable)
        if item is None:
            known = ", ".join(name for name, _ in ENV_KEY_VARIABLES)
            raise ValueError(f"{variable} is not set or not a known key variable. Known: {known}.")
        if not item.importable:
            raise ValueError(f"{variable}: {item.reason}")
        if item.provider in chosen:
            raise ValueError(
                f"{chosen[item.provider].variable} and {variable} both hold a key for "
                f"{item.provider}; choose one."
            )
        chosen[item.provider] = item

    new_keys: dict[str, Secret] = {}
    for provider_id, item in chosen.items():
        secret = _env_secret(item.variable, environ)
        if not _is_saved(store, secrets, provider_id, secret):
            new_keys[provider_id] = secret

    if new_keys:
        _store_env_keys(store, secrets, new_keys, environ)
    imported = list(new_keys)
    logger.info("keys imported from the environment: configs=%s", ",".join(imported))
    return imported


def _env_secret(variable: str, environ: Mapping[str, str]) -> Secret:
    value = environ[variable].strip()
    if variable == "AWS_ACCESS_KEY_ID":
        return Secret(
            access_key_id=value,
            secret_access_key=environ.get(AWS_SECRET_VARIABLE, "").strip(),
            session_token=environ.get(AWS_SESSION_VARIABLE, "").strip(),
        )
    return Secret(api_key=value)


def _is_saved(store: SettingsStore, secrets: SecretStore, config_id: str, secret: Secret) -> bool:
    """Return True when the config is saved with this very key."""
    existing = store.load().providers.get(config_id)
    if existing is None or existing.secret_ref is None:
        return False
    try:
        return secrets.get(config_id) == secret
    except SecretStoreError:
        return False  # storing the key raises the same error with its fix


def _store_env_keys(
    store: SettingsStore,
    secrets: SecretStore,
    new_keys: dict[str, Secret],
    environ: Mapping[str, str],
) -> None:
    """Store the keys, then their configs in one settings update, and undo the keys if it fails."""
    changes = KeyChanges(secrets)
    try:
        for config_id, secret in new_keys.items():
            changes.set(config_id, secret)
        storage = as_secret_storage(secrets.storage)
        store.update(lambda settings: _with_env_configs(settings, list(new_keys), storage, environ))
    except Exception:
        changes.restore()
        raise


def _with_env_configs(
    settings: Settings, config_ids: list[str], storage: SecretStorage, environ: Mapping[str, str]
) -> Settings:
    """Return ``settings`` with each config pointing at its new key, marked unverified."""
    for config_id in config_ids:
        ref = SecretRef(storage=storage, username=config_id)
        current = settings.providers.get(config_id)
        if current is not None:
            updated = current.model_copy(
                update={"secret_ref": ref, "verified": False, "validated_at": None}
            )
        else:
            updated = _new_config(config_id, ref, environ)
        settings = settings.with_provider(config_id, updated)
    return settings


def _new_config(config_id: str, ref: SecretRef, environ: Mapping[str, str]) -> ProviderSettings:
    provider = get_provider(config_id)
    external = provider.external_defaults()
    api_host = provider.default_api_host
    region = next(
        (environ[name].strip() for name in AWS_REGION_VARIABLES if environ.get(name, "").strip()),
        "",
    )
    if provider.external_field("region") is not None and region:
        external["region"] = region
        api_host = f"https://bedrock-runtime.{region}.amazonaws.com"
    return ProviderSettings(
        provider=config_id,
        api_host=api_host,
        model_type=provider.suggested_models[0] if provider.suggested_models else "",
        external_config=external,
        secret_ref=ref,
        validated_at=None,
        verified=False,
    )
