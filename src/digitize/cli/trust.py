"""``digitize trust list|add|crl import|crl list|refresh``: what verification trusts, and revocation lists for
networks without Internet (docs/verify.md, "Trust")."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import click


@click.group(name="trust")
def trust() -> None:
    """The shipped Vietnamese trust list, local anchors, intermediates and revocation lists (CRLs)."""


@trust.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.option("--all", "show_all", is_flag=True, help="Also the intermediates pool and learnt certificates.")
def list_(as_json: bool, show_all: bool) -> None:
    """Trust anchors (shipped, added, and the files of DIGITIZE_TRUST_DIR) and, with --all, the intermediates
    used to build chains."""
    from digitize.trust import Role, configured, everything

    rows = [t for t in (*everything(), *configured()) if show_all or t.role is Role.ANCHOR]
    if as_json:
        out = [
            {
                "subject": t.subject,
                "role": t.role.value,
                "origin": t.origin.value,
                "sha256": t.sha256,
                "not_after": t.not_after,
                "source": t.source,
                "note": t.note,
            }
            for t in rows
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for t in rows:
        click.echo(f"{t.role.value:12} {t.origin.value:9} {t.not_after}  {t.sha256}  {t.subject}")


@trust.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def add(files: tuple[Path, ...]) -> None:
    """Trust the CA certificate(s) in FILES (PEM/DER) from now on, beside the shipped list."""
    from digitize.trust import add_anchor

    for f in files:
        for t in add_anchor(f):
            click.echo(f"đã thêm / added {t.sha256}  {t.subject}")


@trust.group(name="crl")
def crl_group() -> None:
    """Certificate revocation lists kept for offline verification."""


@crl_group.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def crl_import(files: tuple[Path, ...]) -> None:
    """Import CRL files (DER or PEM): verification then knows revocation without a network."""
    from digitize.trust.crls import import_files

    # Vietnamese first, English too, piece by piece (the CA's name and dates once)
    for info, stored in import_files(files):
        state = "đã nhập / imported" if stored else "giữ bản mới hơn đã có / kept the newer one already there"
        who = (
            f"do {info.verified_by} ký, đã kiểm / verified by {info.verified_by}"
            if info.verified_by
            else "CA phát hành không có trong danh sách tin cậy / issuer not in the trust list"
        )
        until = info.next_update.isoformat() if info.next_update else "-"
        stale = " (HẾT HẠN: hãy cập nhật / EXPIRED: refresh it)" if info.expired else ""
        click.echo(
            f"{state}: {info.issuer}; ban hành / this update {info.this_update.isoformat()}, "
            f"lần sau / next update {until}{stale}; "
            f"{info.revoked} bị thu hồi / revoked; {who}"
        )


@crl_group.command(name="list")
def crl_list() -> None:
    """The cached CRLs with their validity."""
    from digitize.trust.crls import listing

    for info in listing():
        until = info.next_update.isoformat() if info.next_update else "-"
        stale = " HẾT HẠN / EXPIRED" if info.expired else ""
        since = info.this_update.isoformat()
        click.echo(f"{since} → {until}{stale}  {info.revoked:6} bị thu hồi / revoked  {info.issuer}")


@trust.command(name="refresh")
def refresh() -> None:
    """Fetch the current CRL of every known CA (needs the network; guarded like verification's fetches)."""
    from digitize.trust.crls import refresh as do_refresh

    # Vietnamese first, English too, piece by piece (as ``crl import``)
    for r in asyncio.run(do_refresh()):
        if r.error:
            outcome = f"không tải được / failed ({r.error})"
        else:
            outcome = f"đã tải / fetched {r.fetched} CRL, {r.kept} bản mới hơn được giữ / newer kept"
            if r.refused:
                outcome += (
                    f", {r.refused} bị từ chối: chữ ký không khớp CA nào đã biết / "
                    "refused: signature does not verify under a known CA"
                )
        click.echo(f"{outcome}: {r.subject}")
