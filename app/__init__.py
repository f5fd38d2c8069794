"""Agent Models: the "Agents > Models" screen of an AI-agent app, as its own program."""

from importlib import metadata

try:
    __version__ = metadata.version("agent-models")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0"
