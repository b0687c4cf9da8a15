"""``digitize quarantine list|show|release|delete``: the bytes of refused uploads, for an administrator
(``digitize.services.quarantine``; every action audited as ``cli``).

    digitize quarantine list [--all] [--limit N] [--offset N] [--json]
    digitize quarantine show SHA256 [--save FILE] [--json]
    digitize quarantine release SHA256          # through the same checks as any upload → a document
    digitize quarantine delete SHA256 --reason "..."
"""

from __future__ import annotations

from pathlib import Path

import click

from digitize.cli.output import echo_json, t
from digitize.text import printable


@click.group()
def quarantine() -> None:
    """Refused uploads kept in quarantine: list, show, release, delete."""


@quarantine.command("list")
@click.option("--all", "every", is_flag=True, help="Released and deleted items too.")
@click.option("--limit", type=click.IntRange(1, 1000), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0, 10**9), default=0)
@click.option("--json", "as_json", is_flag=True)
def list_(every: bool, limit: int, offset: int, as_json: bool) -> None:
    """Held items, newest refusal first: sha256, size, reason, names it was uploaded under."""
    from digitize.services.quarantine import QuarantineState, list_items
    from digitize.store import db

    with db.session() as s:
        items, total = list_items(
            s, state=None if every else QuarantineState.HELD, limit=limit, offset=offset
        )
    if as_json:
        echo_json({"items": [i.as_dict() for i in items], "total": total})
        return
    if not items:
        click.echo(t("Không có tệp nào bị cách ly.", "Nothing in quarantine."))
        return
    for i in items:
        names = printable(", ".join(i.filenames) or "?")  # the senders' names: no escape sequence
        click.echo(
            f"{i.sha256}  {i.state:<8}  {i.size if i.size is not None else '?':>10}  {i.reason:<17}  {names}"
        )
    click.echo(t(f"{len(items)}/{total} tệp.", f"{len(items)}/{total} items."))


@quarantine.command("show")
@click.argument("sha256")
@click.option(
    "--save",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write its bytes to this new file (0600) to inspect offline.",
)
@click.option("--json", "as_json", is_flag=True)
def show(sha256: str, save: Path | None, as_json: bool) -> None:
    """One item: when, by whom, under which names and why it was refused."""
    from digitize.services.quarantine import save_item, show_item
    from digitize.store import db

    if save is not None:
        item = save_item(sha256, save, by="cli")
    else:
        with db.session() as s:
            item = show_item(s, sha256)
    if as_json:
        echo_json(item.as_dict())
    else:
        for key, value in item.as_dict().items():
            shown = ", ".join(value) if isinstance(value, list) else value
            click.echo(f"{key + ':':<14}{printable(shown) if shown is not None else ''}")
    if save is not None:
        click.echo(t(f"Đã ghi ra {save}.", f"Written to {save}."), err=True)


@quarantine.command("release")
@click.argument("sha256")
def release(sha256: str) -> None:
    """Ingest it as a document through the same checks as any upload (for a file refused under a limit or
    a rule since changed); a file still refused stays held."""
    from digitize.config import get_settings
    from digitize.processing.executor import enqueue, register_dispatcher
    from digitize.services.quarantine import release_item

    settings = get_settings()
    item, batch_id = release_item(sha256, by="cli", settings=settings)
    if item.document_id:
        if settings.uses_celery:
            from digitize.workers.dispatch import enqueue as send_to_celery

            register_dispatcher(send_to_celery)
        enqueue([item.document_id], settings)
    click.echo(
        t(
            f"Đã giải phóng {item.sha256}: tài liệu {item.document_id} (lô {batch_id}).",
            f"Released {item.sha256}: document {item.document_id} (batch {batch_id}).",
        )
    )


@quarantine.command("delete")
@click.argument("sha256")
@click.option("--reason", required=True, help="Why the bytes are removed (kept in the audit trail).")
def delete(sha256: str, reason: str) -> None:
    """Remove its bytes for good (audited with the reason)."""
    from digitize.services.quarantine import delete_item

    item = delete_item(sha256, by="cli", reason=reason)
    click.echo(t(f"Đã xóa {item.sha256}.", f"Deleted {item.sha256}."))
