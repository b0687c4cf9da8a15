"""``digitize agent``: the officer's local signing agent (their token, their PIN, their confirmation).

    digitize agent pair --server https://so-hoa.example.gov.vn --code ABCD-EFGH   # code from the signing page
    digitize agent pair --server https://so-hoa.example.gov.vn --key-env DIGITIZE_AGENT_KEY
    digitize agent run --pkcs11-module /usr/lib/libtoken.so --token-label "VNPT-CA" --key-label "officer"
    digitize agent run --p12 officer.p12 --once --yes            # a PKCS#12 file instead of a token
    digitize agent run ... --document ID --document ID           # ask the server to prepare these first

Pull model, no listening port. ``run`` fetches the sessions waiting for this officer (those prepared for a
certificate registered to the paired key), shows them, asks once (``--yes`` answers for tests and scripts),
logs in to the token once for the batch (PIN from ``--pin-env`` or a hidden prompt on this PC), signs each
digest and posts it. Without ``--once`` it keeps polling every ``--interval`` seconds.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import click

from digitize.errors import UsageError


def _key_source(
    csc: tuple[str | None, str | None, str | None],
    p12: Path | None,
    p12_password_env: str | None,
    module: Path | None,
    token_label: str | None,
    key_label: str | None,
    pin_env: str | None,
) -> Any:
    from digitize.signing.keys import P12Source, Pkcs11Source

    if csc[0]:
        if not csc[1]:
            raise UsageError("--csc-url cần --csc-credential", "--csc-url needs --csc-credential")
        return csc
    if p12 is not None and module is None:
        return P12Source(p12, p12_password_env)
    if module is not None and p12 is None and token_label and key_label:
        return Pkcs11Source(module, token_label, key_label, pin_env)
    raise UsageError(
        "Cần --p12 FILE, hoặc --pkcs11-module LIB --token-label L --key-label K",
        "give --p12 FILE, or --pkcs11-module LIB --token-label L --key-label K",
    )


@click.group()
def agent() -> None:
    """The local signing agent for a USB token (PKCS#11) or a PKCS#12 file."""


@agent.command("pair")
@click.option("--server", required=True, help="The server's base URL, e.g. https://so-hoa.example.gov.vn")
@click.option("--code", default=None, help="The pairing code shown on your signing page (Ký số → Ghép nối).")
@click.option("--key-env", default=None, help="Or: read an API key from this environment variable.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=None)
def pair(server: str, code: str | None, key_env: str | None, config_file: Path | None) -> None:
    """Pair this PC with the server once, with the code from your signing page (or an API key); stores the
    key (0600) for ``run``."""
    import socket

    import httpx

    from digitize.signing.agent import Agent, AgentConfig, config_path, redeem_code

    if code is not None and key_env is not None:
        raise UsageError("Dùng --code hoặc --key-env, không cả hai", "give --code or --key-env, not both")
    if code is not None:
        config = redeem_code(server, code, socket.gethostname())
    else:
        key = os.environ.get(key_env, "") if key_env else click.prompt("API key", hide_input=True)
        if not key.strip():
            raise UsageError("Thiếu khóa API", "the API key is missing")
        config = AgentConfig(server.rstrip("/"), key.strip())
    with httpx.Client(base_url=config.server, headers=config.headers(), timeout=30) as http:
        Agent(http).check()
    path = config_path(config_file)
    config.save(path)
    click.echo(f"Đã ghép nối với {config.server} / paired with {config.server} ({path})")


@agent.command("run")
@click.option("--p12", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--p12-password-env", default=None)
@click.option("--pkcs11-module", "module", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--token-label", default=None)
@click.option("--key-label", default=None)
@click.option("--pin-env", default=None, help="Read the PIN from this variable (default: a hidden prompt).")
@click.option("--csc-url", default=None, help="A remote signing service (CSC API v1), e.g. https://x/csc/v1")
@click.option("--csc-credential", default=None, help="The holder's credential id at that service.")
@click.option("--csc-token-env", default=None, help="The service's OAuth token from this variable.")
@click.option("--document", "documents", multiple=True, help="Ask the server to prepare this document first.")
@click.option("--level", type=click.Choice(["B-B", "B-T", "B-LT", "B-LTA"]), default="B-T")
@click.option("--role", type=click.Choice(["leader", "organization", "copy"]), default="leader")
@click.option("--title", default=None)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (tests, scripts).")
@click.option("--once", is_flag=True, help="Sign what waits now, then stop.")
@click.option("--interval", type=float, default=5.0, show_default=True, help="Seconds between polls.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=None)
def run(
    p12: Path | None,
    p12_password_env: str | None,
    module: Path | None,
    token_label: str | None,
    key_label: str | None,
    pin_env: str | None,
    csc_url: str | None,
    csc_credential: str | None,
    csc_token_env: str | None,
    documents: tuple[str, ...],
    level: str,
    role: str,
    title: str | None,
    yes: bool,
    once: bool,
    interval: float,
    config_file: Path | None,
) -> None:
    """Sign the sessions waiting for this officer with the token (one login per batch)."""
    import httpx

    from digitize.signing.agent import AgentConfig, config_path

    csc = (csc_url, csc_credential, os.environ.get(csc_token_env) if csc_token_env else None)
    source = _key_source(csc, p12, p12_password_env, module, token_label, key_label, pin_env)
    config = AgentConfig.load(config_path(config_file))
    options = {"level": level, "role": role, **({"title": title} if title else {})}
    with httpx.Client(base_url=config.server, headers=config.headers(), timeout=120) as http:
        while True:
            signed = run_once(http, source, list(documents), options, yes=yes)
            documents = ()
            if once:
                if signed < 0:
                    raise SystemExit(1)
                return
            time.sleep(max(0.5, interval))


def _prompt(text: str) -> str:
    return str(click.prompt(text, hide_input=True))


def run_once(http: Any, source: Any, documents: list[str], options: dict[str, Any], *, yes: bool) -> int:
    """One batch: returns how many were signed, -1 when some failed."""
    from digitize.signing.agent import Agent, certificate_pem, describe, open_for_batch, shown

    def open_holder() -> Any:
        if isinstance(source, tuple):  # a remote signing service: nothing to unlock here
            from digitize.signing.csc import CscKey

            return CscKey.open(str(source[0]), str(source[1]), source[2])
        return open_for_batch(source, _prompt)

    agent_ = Agent(http)
    sessions = agent_.pending()
    if not sessions and not documents:
        click.echo("Không có gì chờ ký. / Nothing waits for a signature.", err=True)
        return 0
    key = None
    try:
        if documents:
            key = open_holder()
            _created, errors = agent_.request(documents, certificate_pem(key), **options)
            for e in errors:
                click.echo(shown(f"  ✗ {e['document_id']}: {e['message_vi']} / {e['message_en']}"), err=True)
            known = {s["id"] for s in sessions}
            sessions += [s for s in agent_.pending() if s["id"] not in known]
        click.echo(f"{len(sessions)} tài liệu chờ ký / documents to sign:")
        for sess in sessions:
            click.echo(f"  • {describe(sess)}")
        if not sessions:
            return 0
        if not yes and not click.confirm("Ký các tài liệu này? / Sign these?", default=False):
            click.echo("Đã hủy. / Cancelled.", err=True)
            return 0
        if key is None:
            key = open_holder()  # one PIN entry (one approval) for the whole batch

        def show(o: Any) -> None:
            mark = "✓" if o.ok else "✗"
            click.echo(shown(f"  {mark} {o.document_id} {o.message}"))

        if isinstance(source, tuple):
            outcomes = agent_.sign_batch_remote(sessions, key, on_progress=show)
        else:
            outcomes = agent_.sign_batch(sessions, key, on_progress=show)
    finally:
        if key is not None:
            key.close()
    ok = sum(1 for o in outcomes if o.ok)
    click.echo(f"Đã ký {ok}/{len(outcomes)}. / Signed {ok}/{len(outcomes)}.")
    return ok if ok == len(outcomes) else -1


@click.group()
def sessions() -> None:
    """Signing sessions on this server (hash out, signature in)."""


@sessions.command("sweep")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
def sweep(as_json: bool) -> None:
    """Mark the sessions past their time expired and remove the prepared PDFs that can no longer be completed
    (expired, completed, refused, or named by no session). ``digitize serve`` does it at start and every
    DIGITIZE_SIGNING_SWEEP_SECONDS; this is for maintenance windows and cron."""
    import dataclasses
    import json

    from digitize.services.signing import sweep_sessions

    done = sweep_sessions()
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(done)))
    else:
        e, r, o, k = done.expired, done.removed, done.orphans, done.kept
        click.echo(
            f"hết hạn {e}, đã xóa {r}, tệp mồ côi {o}, giữ lại {k} / "
            f"expired {e}, removed {r}, orphans {o}, live kept {k}"
        )
