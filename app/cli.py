"""The command line: the Models screen's operations without a window."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import threading
from collections.abc import Sequence
from typing import TextIO

from app.catalog import UnknownProviderError, get_provider, load_catalog
from app.forms import check_form
from app.runtime import DefaultModel, watch
from app.service import ModelService, NotSavedError
from app.settings.secrets import KeychainError, Secret
from app.settings.store import SettingsError
from app.validation.result import ValidationResult

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
API_KEY_ENV = "AGENT_MODELS_API_KEY"


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
    if args.api_key_stdin:
        return sys.stdin.readline().strip()
    return os.environ.get(API_KEY_ENV, "")


def _secret_from_args(args: argparse.Namespace, external: dict[str, str]) -> Secret:
    return Secret(
        api_key=_read_key(args),
        access_key_id=external.pop("access_key_id", ""),
        secret_access_key=external.pop("secret_access_key", ""),
        session_token=external.pop("session_token", ""),
    )


def _print_result(result: ValidationResult, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False), file=out)
        return
    print(f"{result.provider}: {result.category.value}: {result.message}", file=out)
    if result.provider_message:
        print(f"  provider says: {result.provider_message}", file=out)
    if result.url:
        print(
            f"  url: {result.url}  status: {result.status_code}  latency: {result.latency_ms} ms",
            file=out,
        )
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
        raise UsageError(
            " ".join(f"{problem.field}: {problem.message}" for problem in checked.problems)
        )

    if args.command == "save":
        result = await service.save(provider.id, checked.config, checked.secret)
    else:
        result = await service.validate(checked.config, checked.secret)
    _print_result(result, args.json, out)
    return EXIT_OK if result.ok else EXIT_INVALID


def _list(args: argparse.Namespace, service: ModelService, out: TextIO) -> int:
    saved = {item.config_id: item for item in service.saved_configs()}
    rows = []
    for provider in load_catalog():
        item = saved.pop(provider.id, None)
        rows.append(_list_row(provider.id, provider.id, item))
    rows.extend(
        _list_row(config_id, item.settings.provider, item) for config_id, item in saved.items()
    )

    if args.json:
        print(json.dumps(rows, ensure_ascii=False), file=out)
        return EXIT_OK
    for row in rows:
        state = "default" if row["is_default"] else ("saved" if row["saved"] else "-")
        print(f"{row['config_id']:<22} {state:<8} {row['model_type'] or ''}", file=out)
    return EXIT_OK


def _list_row(config_id: str, provider_id: str, item: object) -> dict[str, object]:
    from app.service import SavedConfig  # noqa: PLC0415 - only for the isinstance check

    if not isinstance(item, SavedConfig):
        return {
            "config_id": config_id,
            "provider": provider_id,
            "saved": False,
            "is_default": False,
            "api_host": None,
            "model_type": None,
            "key_readable": False,
            "validated_at": None,
        }
    return {
        "config_id": config_id,
        "provider": provider_id,
        "saved": True,
        "is_default": item.is_default,
        "api_host": item.settings.api_host,
        "model_type": item.settings.model_type,
        "key_readable": item.key_readable,
        "validated_at": item.settings.validated_at.isoformat()
        if item.settings.validated_at
        else None,
    }


def _watch(service: ModelService, out: TextIO) -> int:
    def print_change(model: DefaultModel | None) -> None:
        line = {"event": "default_changed", "default": model.to_public_json() if model else None}
        print(json.dumps(line, ensure_ascii=False), file=out, flush=True)

    stop = threading.Event()
    with watch(print_change, service.settings_file):
        print(f"watching {service.settings_file}", file=sys.stderr, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return EXIT_OK


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
    parser.add_argument(
        "--lang", help="user interface language, such as en or zh_CN (default: the system's)"
    )
    commands = parser.add_subparsers(dest="command")

    for name, help_text in (
        ("validate", "check a key and model without storing anything"),
        ("save", "validate, and on success store the key and config"),
    ):
        command = commands.add_parser(name, help=help_text)
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

    listing = commands.add_parser("list", help="list providers and saved configs")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    commands.add_parser("set-default", help="make a saved config the default").add_argument(
        "provider"
    )
    commands.add_parser("reset", help="delete a config's key and settings").add_argument("provider")
    commands.add_parser("watch", help="print one JSON line per change of the default model")
    return parser


def run(argv: Sequence[str], service: ModelService | None = None, out: TextIO | None = None) -> int:
    """Run one command and return its exit status."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    service = service or ModelService()

    try:
        match args.command:
            case "validate" | "save":
                return asyncio.run(_validate_or_save(args, service, out))
            case "list":
                return _list(args, service, out)
            case "set-default":
                service.set_default(args.provider)
                print(f"{args.provider} is now the default.", file=out)
                return EXIT_OK
            case "reset":
                if args.provider not in service.load().providers:
                    get_provider(args.provider)  # raises with the list of known ids
                service.reset(args.provider)
                print(f"{args.provider} was reset.", file=out)
                return EXIT_OK
            case "watch":
                return _watch(service, out)
    except (UsageError, UnknownProviderError, NotSavedError, SettingsError, KeychainError) as error:
        print(f"agent-models: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    parser.print_help(out)
    return EXIT_USAGE
