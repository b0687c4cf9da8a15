"""``digitize profiles``: the server's signing profiles (``DIGITIZE_SIGNING_PROFILES_FILE``), for their
administrator: ``list`` shows them and who may use each, ``check NAME`` opens the key as a signature would
(PKCS#12, PKCS#11 token, remote CSC service) and checks its certificate."""

from __future__ import annotations

import json

import click


@click.group()
def profiles() -> None:
    """The server's signing profiles (DIGITIZE_SIGNING_PROFILES_FILE)."""


@profiles.command("list")
@click.option("--json", "as_json", is_flag=True)
def list_(as_json: bool) -> None:
    """Each profile: role, level, where its key is, who may use it."""
    from digitize.services.signing import list_profiles

    rows = list_profiles()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for p in rows:
        who = ", ".join([*p["users"], *(f"key:{k}" for k in p["api_keys"])]) or "(không ai / nobody)"
        click.echo(f"{p['name']:<24} {p['role']:<13} {p['level']:<6} {p['key']:<7} {who}")


@profiles.command("check")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
def check(name: str, as_json: bool) -> None:
    """Open the profile's key and check its certificate; exit 0 when it can sign."""
    from digitize.services.signing import check_profile

    info = check_profile(name)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
    else:
        click.echo(
            f"{info['name']}: {info['subject']} ({info['issuer']}), hết hạn / until {info['not_after']}"
        )
