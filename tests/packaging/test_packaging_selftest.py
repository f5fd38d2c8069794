"""``agent-models --self-test`` from the source tree, with and without a keychain."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import secretstorage

from app.selftest import SELF_TEST_SERVICE
from tests.keychain import PrivateKeychain
from tests.packaging.support import parse_self_test

ROOT = Path(__file__).resolve().parents[2]


def run_self_test(env: dict[str, str]) -> tuple[int, dict[str, tuple[str, str]], str]:
    """Run the self-test in a new process.

    Returns the exit status, each check's status and detail by its name, and the output.
    """
    completed = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=90, check=False,
    )
    checks = parse_self_test(completed.stdout)
    return completed.returncode, checks, completed.stdout + completed.stderr


def test_self_test_passes_with_keychain(keychain: PrivateKeychain) -> None:
    status, checks, output = run_self_test(os.environ | keychain.env)

    assert status == 0, output
    assert checks["keychain backend"] == ("ok", "SecretService.Keyring"), output
    assert checks["keychain round trip"][0] == "ok", output
    assert checks["validation against a local server"][0] == "ok", output
    assert checks["SigV4 signing"][0] == "ok", output
    assert checks["resources"][0] == "ok", output
    assert checks["Qt starts offscreen"][0] == "ok", output
    assert "Self-test passed" in output


def test_self_test_leaves_no_keychain_entry(keychain: PrivateKeychain) -> None:
    status, checks, output = run_self_test(os.environ | keychain.env)

    assert status == 0, output
    assert checks["keychain round trip"][0] == "ok", output

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        items = collection.search_items({"service": SELF_TEST_SERVICE})
        leftovers = [item.get_label() for item in items]
    assert leftovers == []


def test_self_test_fails_without_keychain(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env |= {"HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime)}

    status, checks, output = run_self_test(env)

    assert status == 1, output
    assert checks["keychain backend"][0] == "FAIL", output
    assert "Secret Service" in checks["keychain backend"][1]
    assert checks["keychain round trip"][0] == "FAIL", output
    assert checks["validation against a local server"][0] == "ok", output
    assert "Self-test failed: 2 of" in output


def test_self_test_ignores_proxy(keychain: PrivateKeychain) -> None:
    """A proxy in the environment must not receive the request to the local fake provider."""
    dead_proxy = "http://127.0.0.1:9"  # the discard port: nothing listens there
    proxies = {name: dead_proxy for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")}
    env = os.environ | keychain.env | proxies | {"NO_PROXY": ""}

    status, checks, output = run_self_test(env)

    assert checks["validation against a local server"][0] == "ok", output
    assert status == 0, output
