"""What every sub-command writes the same way: JSON (``--json``: UTF-8 as it is, indented) and a message in
the command's language (``digitize --lang en``, else ``DIGITIZE_LANG``), Vietnamese by default."""

from __future__ import annotations

import json
from typing import Any

import click


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def lang() -> str:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    obj = (root.obj if root else None) or {}
    from digitize.config import get_settings

    return str(obj.get("lang", get_settings().lang))


def t(vi: str, en: str) -> str:
    """``vi`` or ``en``, whichever the command speaks."""
    return en if lang() == "en" else vi
