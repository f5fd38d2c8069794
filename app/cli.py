"""The command line: the Models screen's operations without a window."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import shlex
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from app import __version__
from app.catalog import UnknownProviderError, get_provider, load_catalog
from app.forms import check_form
from app.runtime import DefaultModel, watch
from app.service import ModelService, NotSavedError, SavedConfig
from app.settings.keystore import SettingsSecretStore, switch_secret_storage
from app.settings.model import ProviderSettings, as_secret_storage
from app.settings.secrets import Secret, SecretStoreError
from app.settings.store import SettingsError
from app.settings.transfer import (
    ImportMode,
    export_settings,
    find_env_keys,
    import_env_keys,
    import_settings,
    read_import_file,
    write_export,
)
from app.validation.result import ValidationResult

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
API_KEY_ENV = "AGENT_MODELS_API_KEY"
# Bedrock Converse access keys come from the standard AWS variables, never from arguments,
# which other users can read in the process list.
AWS_SECRET_ENV = {
    "access_key_id": "AWS_ACCESS_KEY_ID",
    "secret_access_key": "AWS_SECRET_ACCESS_KEY",
    "session_token": "AWS_SESSION_TOKEN",
}
# The option a user types for each form field, for messages.
OPTION_FOR_FIELD = {"api_key": API_KEY_ENV, "api_host": "--api-host", "model_type": "--model"}


class UsageError(Exception):
    """Bad command-line input; exits with status 2."""


def _parse_external(pairs: Sequence[str]) -> dict[str, str]:
    external: dict[str, str] = {}
    for pair in pairs:
        key, separator, value = pair.partition("=")
        if not separator or not key.strip():
            raise UsageError(
                f"--external {pair!r} is not KEY=VALUE, for example --external region=us-west-2."
            )
        external[key.strip()] = value
    return external


def _read_key(args: argparse.Namespace) -> str:
    if not args.api_key_stdin:
        return os.environ.get(API_KEY_ENV, "")
    if sys.stdin.isatty():
        return getpass.getpass("API key (not shown): ")
    return sys.stdin.readline().strip()


def _secret_from_args(args: argparse.Namespace, external: dict[str, str]) -> Secret:
    on_command_line = sorted(set(external) & set(AWS_SECRET_ENV))
    if on_command_line:
        variables = ", ".join(AWS_SECRET_ENV[name] for name in on_command_line)
        raise UsageError(
            f"--external {on_command_line[0]}=... would put a secret on the command line, where "
            f"other users can read it. Set {variables} in the environment instead."
        )
    aws = {name: os.environ.get(variable, "").strip() for name, variable in AWS_SECRET_ENV.items()}
    if args.provider != "aws-bedrock-converse":
        aws = dict.fromkeys(aws, "")
    return Secret(api_key=_read_key(args), **aws)


def _problem_text(field: str, message: str) -> str:
    if field == "api_key" and message.startswith("API Key is required"):
        return f"no API key: set {API_KEY_ENV}, or pass it on standard input with --api-key-stdin."
    option = OPTION_FOR_FIELD.get(field) or AWS_SECRET_ENV.get(field) or f"--external {field}"
    return f"{option}: {message}"


def _print_result(result: ValidationResult, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False), file=out)
        return
    print(f"{result.provider}: {result.category.value}: {result.message}", file=out)
    if result.provider_message:
        print(f"  provider message: {result.provider_message}", file=out)
    if result.url:
        evidence = f"  url: {result.url}"
        if result.status_code is not None:
            evidence += f"  status: {result.status_code}  latency: {result.latency_ms} ms"
        print(evidence, file=out)
    if result.suggested_api_host:
        print(f"  suggested API Host: {result.suggested_api_host}", file=out)
    for warning in result.warnings:
        print(f"  warning: {warning}", file=out)
    if result.proxy:
        print(f"  proxy: {result.proxy}", file=out)


async def _validate_or_save(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    provider = get_provider(args.provider)
    external = provider.external_defaults() | _parse_external(args.external)
    secret = _secret_from_args(args, external)
    api_host = args.api_host if args.api_host is not None else provider.default_api_host

    checked = check_form(provider, api_host, args.model, external, secret)
    if not checked.ok:
        details = " ".join(
            _problem_text(problem.field, problem.message) for problem in checked.problems
        )
        raise UsageError(details)

    if args.command == "save":
        result = await service.save(provider.id, checked.config, checked.secret)
    else:
        result = await service.validate(checked.config, checked.secret)
    _print_result(result, args.json, out)
    return EXIT_OK if result.ok else EXIT_INVALID


def _command_validate(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    return asyncio.run(_validate_or_save(args, service, out))


def _list_row(config_id: str, provider_id: str, item: SavedConfig | None) -> dict[str, Any]:
    if item is None:
        return {
            "config_id": config_id,
            "provider": provider_id,
            "saved": False,
            "is_default": False,
            "api_host": None,
            "model_type": None,
            "key_readable": False,
            "verified": None,
            "validated_at": None,
        }
    validated_at = item.settings.validated_at
    return {
        "config_id": config_id,
        "provider": provider_id,
        "saved": True,
        "is_default": item.is_default,
        "api_host": item.settings.api_host,
        "model_type": item.settings.model_type,
        "key_readable": item.key_readable,
        "verified": item.settings.verified,
        "validated_at": validated_at.isoformat() if validated_at else None,
    }


def _escape_invisible(text: str) -> str:
    """Return ``text`` with line breaks and other non-printable characters as escapes.

    check_form rejects them, but an imported or hand-edited settings file can still contain
    them, and a line break in a model name would print a fake row.
    """
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _command_list(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    saved = {item.config_id: item for item in service.saved_configs()}
    rows = [
        _list_row(provider.id, provider.id, saved.pop(provider.id, None))
        for provider in load_catalog()
    ]
    rows.extend(
        _list_row(config_id, item.settings.provider, item) for config_id, item in saved.items()
    )

    if args.json:
        print(json.dumps(rows, ensure_ascii=False), file=out)
        return EXIT_OK
    table = [
        (
            _escape_invisible(row["config_id"]),
            _list_state(row),
            _escape_invisible(row["model_type"] or ""),
        )
        for row in rows
    ]
    id_width = max(len(config_id) for config_id, _, _ in table)
    state_width = max(len(state) for _, state, _ in table)
    for config_id, state, model_type in table:
        line = f"{config_id:<{id_width}}  {state:<{state_width}}  {model_type}"
        print(line.rstrip(), file=out)
    return EXIT_OK


def _list_state(row: dict[str, Any]) -> str:
    """Return the status column of `list`, such as "default, key missing"."""
    state = "-"
    if row["is_default"]:
        state = "default"
    elif row["saved"]:
        state = "saved"
    if row["saved"] and not row["key_readable"]:
        state += ", key missing"
    return state


def _validate_command(config: ProviderSettings) -> str:
    """Return the `agent-models validate` command line that checks a saved config."""
    argv = ["agent-models", "validate", config.provider]
    argv += ["--api-host", config.api_host, "--model", config.model_type]
    for key, value in config.external_config.items():
        argv += ["--external", f"{key}={value}"]
    return shlex.join(argv)


def _command_set_default(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    if args.provider not in service.load().providers:
        get_provider(args.provider)  # an unknown id raises with the list of known ids
    settings = service.set_default(args.provider)
    print(f"{args.provider} is now the default.", file=out)

    # The window shows a confirmation dialog here. Scripts cannot confirm one, so the command
    # still sets the default and only warns.
    config = settings.providers[args.provider]
    if not config.verified:
        print(
            f"agent-models: warning: the key and model of {args.provider} were never "
            "validated, because it was saved without validation or imported. Agents may fail "
            f"with it. To validate it, set {API_KEY_ENV} and run `{_validate_command(config)}`, "
            "or save it again.",
            file=sys.stderr,
        )
    return EXIT_OK


def _command_reset(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    if args.provider not in service.load().providers:
        get_provider(args.provider)  # raises with the list of known ids
    service.reset(args.provider)
    print(
        f"{args.provider} was reset: its key is deleted and its settings are back to the defaults.",
        file=out,
    )
    return EXIT_OK


def _command_watch(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    del args

    def print_change(model: DefaultModel | None) -> None:
        line = {"event": "default_changed", "default": model.to_public_json() if model else None}
        print(json.dumps(line, ensure_ascii=False), file=out, flush=True)

    def report_error(error: SettingsError) -> None:
        print(f"agent-models: warning: {error}", file=sys.stderr, flush=True)

    stop = threading.Event()
    with watch(print_change, service.settings_file, on_error=report_error):
        print(f"watching {service.settings_file}", file=sys.stderr, flush=True)
        try:
            stop.wait()
        except KeyboardInterrupt:
            return EXIT_OK
    return EXIT_OK


def _command_export(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    export = export_settings(service.store, service.secrets, include_keys=args.include_keys)
    for config_id in export.keys_missing:
        print(
            f"agent-models: warning: no key found for {config_id}; exported without it.",
            file=sys.stderr,
        )

    if args.output is None:
        if export.includes_keys:
            raise UsageError(
                "--include-keys needs -o FILE, so that keys are written only to a private file."
            )
        print(json.dumps(export.document, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    write_export(Path(args.output), export)
    keys = "with keys" if export.includes_keys else "without keys"
    count = len(export.document["settings"]["providers"])
    print(f"Exported {count} configs {keys} to {args.output}.", file=out)
    return EXIT_OK


def _command_import(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    document = read_import_file(Path(args.file))
    mode: ImportMode = "replace" if args.replace else "merge"
    if args.replace and not args.yes:
        current = sorted(service.load().providers)
        raise UsageError(
            f"--replace removes every saved config that {args.file} does not contain, with its "
            f"key (saved now: {', '.join(current) or 'none'}). Add --yes to confirm."
        )
    report = import_settings(
        service.store, service.secrets, document, mode=mode, source=str(args.file)
    )
    print(report.message, file=out)
    return EXIT_OK


def _command_import_env(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    if not args.variables:
        found = find_env_keys(service.store)
        if not found:
            print("No provider key variables are set.", file=out)
        for item in found:
            note = f"  ({item.reason})" if item.reason else ""
            print(f"{item.variable:<26} {item.provider}{note}", file=out)
        if found:
            print("Import with: agent-models import-env VARIABLE [VARIABLE ...]", file=out)
        return EXIT_OK

    try:
        imported = import_env_keys(service.store, service.secrets, args.variables)
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(
        f"Keys stored for: {', '.join(imported) or 'none'}. Save each card to validate it.",
        file=out,
    )
    return EXIT_OK


def _command_secret_storage(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    if args.storage is None:
        print(service.load().secret_storage, file=out)
        return EXIT_OK
    if not isinstance(service.secrets, SettingsSecretStore):
        raise UsageError("This secret store cannot be switched.")
    switch = switch_secret_storage(service.secrets, as_secret_storage(args.storage))
    print(switch.message, file=out)
    if args.storage == "file":
        print(
            "agent-models: warning: keys are now in a plain file readable only by your user, "
            "not in the keychain.",
            file=sys.stderr,
        )
    return EXIT_OK


Command = Callable[[argparse.Namespace, ModelService, TextIO], int]
HANDLERS: dict[str, Command] = {
    "validate": _command_validate,
    "save": _command_validate,
    "list": _command_list,
    "set-default": _command_set_default,
    "reset": _command_reset,
    "watch": _command_watch,
    "export": _command_export,
    "import": _command_import,
    "import-env": _command_import_env,
    "secret-storage": _command_secret_storage,
}


def _external_config_help() -> str:
    """Return the External Config names of every provider that has some, for --help."""
    parts = []
    for provider in load_catalog():
        names = []
        for field in provider.external_config:
            if field.secret:
                continue
            note = "required" if field.required else "optional"
            if field.default:
                note += f", default {field.default}"
            names.append(f"{field.key} ({note})")
        if names:
            parts.append(f"{provider.id}: {', '.join(names)}")
    aws = ", ".join(AWS_SECRET_ENV.values())
    return (
        f"External Config: {'; '.join(parts)}. Bedrock Converse access keys come from {aws}. "
        f"The key comes from ${API_KEY_ENV} or, with --api-key-stdin, standard input."
    )


def _add_validation_commands(commands: Any) -> None:
    for name, help_text in (
        ("validate", "check a key and model without storing anything"),
        ("save", "validate, and on success store the key and config"),
    ):
        command = commands.add_parser(name, help=help_text, epilog=_external_config_help())
        command.add_argument(
            "provider", help="provider id, such as openai (see `agent-models list`)"
        )
        command.add_argument("--api-host", help="API URL; defaults to the provider's default host")
        command.add_argument("--model", required=True, help="model name, such as gpt-4.1-mini")
        command.add_argument(
            "--external",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="External Config field, such as deployment_name=prod; repeatable",
        )
        command.add_argument(
            "--api-key-stdin",
            action="store_true",
            help="read the key from the first line of standard input",
        )
        command.add_argument("--json", action="store_true", help="print one JSON object")


def _add_settings_commands(commands: Any) -> None:
    listing = commands.add_parser("list", help="list providers and saved configs")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    commands.add_parser("set-default", help="make a saved config the default").add_argument(
        "provider"
    )
    commands.add_parser("reset", help="delete a config's key and settings").add_argument("provider")
    commands.add_parser("watch", help="print one JSON line per change of the default model")

    export = commands.add_parser(
        "export", help="print or write the settings, without keys unless asked"
    )
    export.add_argument(
        "-o", "--output", help="file to write (mode 0600); required with --include-keys"
    )
    export.add_argument("--include-keys", action="store_true", help="also export the keys")
    importing = commands.add_parser(
        "import", help="import settings exported by `agent-models export`"
    )
    importing.add_argument("file", help="the export file")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="remove configs that the file does not have, with their keys (needs --yes)",
    )
    importing.add_argument("--yes", action="store_true", help="confirm --replace")
    import_env = commands.add_parser(
        "import-env",
        help="list provider key variables such as OPENAI_API_KEY, or import the named ones",
    )
    import_env.add_argument("variables", nargs="*", metavar="VARIABLE")
    storage = commands.add_parser(
        "secret-storage", help="show or switch where keys are kept: keyring (default) or file"
    )
    storage.add_argument("storage", nargs="?", choices=["keyring", "file"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-models",
        description=(
            "Validate LLM provider keys, keep them in the keychain, and choose the default model."
        ),
        epilog=(
            f"Keys are read from ${API_KEY_ENV} or, with --api-key-stdin, from standard input; "
            "never from arguments."
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check Qt, resources, keychain and validation, then exit",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang", help="window language, such as en, zh_CN or es (default: the system's)"
    )
    parser.add_argument(
        "--theme", choices=["light", "dark", "system"], help="window theme (default: the system's)"
    )
    commands = parser.add_subparsers(dest="command")
    _add_validation_commands(commands)
    _add_settings_commands(commands)
    return parser


def _report_settings_recovery(service: ModelService) -> None:
    if service.store.last_recovery is not None:
        print(f"agent-models: warning: {service.store.last_recovery.message}", file=sys.stderr)
    if service.store.last_migration_error is not None:
        print(f"agent-models: warning: {service.store.last_migration_error}", file=sys.stderr)


def _discard_output(out: TextIO) -> None:
    """Point standard output at os.devnull when ``out`` is it and its reader has gone.

    Python flushes sys.stdout once more at exit, and that flush would raise
    BrokenPipeError again. Standard error stays open for the warnings that follow.
    """
    if out is not sys.stdout:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, out.fileno())
    os.close(devnull)


def run(argv: Sequence[str], service: ModelService | None = None, out: TextIO | None = None) -> int:
    """Run one command and return its exit status."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = HANDLERS.get(args.command or "")
    if handler is None:
        parser.print_help(out)
        return EXIT_USAGE

    service = service or ModelService()
    try:
        status = handler(args, service, out)
        # A reader that stopped early makes this raise here and not at exit, where it
        # would print "Exception ignored".
        out.flush()
        return status
    except BrokenPipeError:
        # The reader, such as `head`, stopped reading, which is not an error of ours.
        _discard_output(out)
        return EXIT_OK
    except (
        UsageError,
        UnknownProviderError,
        NotSavedError,
        SettingsError,
        SecretStoreError,
        OSError,
    ) as error:
        print(f"agent-models: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        _report_settings_recovery(service)
