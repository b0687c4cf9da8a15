"""The ``digitize`` command.

Each sub-command lives in its own module and is imported only when it runs, so ``digitize --help`` stays
fast and a command that needs a heavy library does not slow down the others. Every ``DigitizeError``
becomes one line on stderr (Vietnamese first, English in brackets; ``--lang en`` for English only) and
the error's exit code.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from digitize import __version__
from digitize.errors import DigitizeError

# name -> (module, attribute, one-line help shown by ``digitize --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ocr": ("digitize.cli.ocr", "ocr", "Scan/PDF → searchable PDF/A, text and fields (touches no store)."),
    "ingest": ("digitize.cli.store", "ingest", "Files, folders and ZIP archives into the store."),
    "status": ("digitize.cli.store", "status", "A batch (or all batches) with counts per state."),
    "search": ("digitize.cli.store", "search", "Search documents (diacritics folded)."),
    "db": ("digitize.cli.store", "db", "Database schema: 'digitize db upgrade'."),
    "keys": ("digitize.cli.store", "keys", "API keys: 'digitize keys create'."),
    "users": ("digitize.cli.store", "users", "Users of the web pages: 'digitize users create'."),
    "serve": ("digitize.cli.store", "serve", "Serve the web UI and HTTP API."),
    "worker": ("digitize.cli.worker", "worker", "Run a Celery worker."),
    "sign": ("digitize.cli.sign", "sign", "Sign a PDF (PAdES, Decree 30 appearance)."),
    "verify": ("digitize.cli.verify", "verify", "Verify every signature of a PDF."),
    "trust": ("digitize.cli.trust", "trust", "Trusted roots, intermediates and revocation lists (CRLs)."),
    "agent": ("digitize.cli.agent", "agent", "The officer's local signing agent (USB token, PIN here)."),
    "profiles": (
        "digitize.cli.profiles",
        "profiles",
        "Server signing profiles: list, check (opens the key).",
    ),
    "sessions": ("digitize.cli.agent", "sessions", "Signing sessions: 'sessions sweep' removes leftovers."),
    "export": ("digitize.cli.preserve", "export", "The store (or a batch) as a BagIt bag / E-ARK AIP."),
    "import": ("digitize.cli.preserve", "import_", "Validate a bag from 'digitize export' and restore it."),
    "audit": ("digitize.cli.preserve", "audit", "Fixity: recompute every stored object's sha256."),
    "files": ("digitize.cli.files", "files", "Hồ sơ (archival files): create, list, show, add documents."),
    "watch": ("digitize.cli.watch", "watch", "A hot folder for network scanners (optionally --split)."),
    "quarantine": (
        "digitize.cli.quarantine",
        "quarantine",
        "Refused uploads kept in quarantine: list, show, release, delete.",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attr, _ = COMMANDS[cmd_name]
        module = importlib.import_module(module_name)  # a broken import fails loudly
        command = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DigitizeError as err:
            lang = (ctx.obj or {}).get("lang", "vi")
            click.echo(f"digitize: {err.one_line(lang)}", err=True)
            sys.exit(err.exit_code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digitize")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    """digitize: số hóa kết quả TTHC còn hiệu lực — OCR, kho dữ liệu, ký số và xác thực."""
    from digitize.config import get_settings

    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang or get_settings().lang
