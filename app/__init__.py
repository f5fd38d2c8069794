"""Agent Models: the "Agents > Models" screen of an AI-agent app, as its own program."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # importlib.metadata took about 40 ms to import on the development machine (2 cores),
    # so the version is looked up on first access, not on every start of the window.
    if name != "__version__":
        raise AttributeError(f"module 'app' has no attribute {name!r}")

    from importlib import metadata  # noqa: PLC0415

    try:
        return metadata.version("agent-models")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0"
