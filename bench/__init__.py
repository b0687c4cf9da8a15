"""Benchmarks: ``python -m bench [NAME...]`` (``make bench``)."""

from __future__ import annotations

import importlib
import os


def settings(env: str) -> list[tuple[str, str]]:
    """``module.NAME=value`` pairs, comma-separated, from the environment variable ``env``."""
    return [(k, v) for k, v in (kv.split("=", 1) for kv in os.environ.get(env, "").split(",") if kv)]


def apply_settings(env: str) -> None:
    """Each ``module.NAME=value`` of ``env`` set on ``digitize.pipeline.module`` (as the type it has: a
    knob measured on and off in one bench run without editing the code)."""
    for key, value in settings(env):
        mod, name = key.rsplit(".", 1)
        module = importlib.import_module(f"digitize.pipeline.{mod}")
        if not hasattr(module, name):
            raise SystemExit(f"{env}: digitize.pipeline.{mod} has no {name}")
        kind = type(getattr(module, name))
        number = float(value)
        if kind is int and not number.is_integer():
            raise SystemExit(f"{env}: {key} takes a whole number, not {value}")
        setattr(module, name, kind(number))
