"""``digitize watch DIR [--split]``: a hot folder for network scanners (``digitize.services.hotfolder``)."""

from __future__ import annotations

import threading
from pathlib import Path

import click

from digitize.config import get_settings


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--split", is_flag=True, help="Multi-page PDFs/TIFFs are stacks of documents: split them.")
@click.option(
    "--settle", type=float, default=None, help="Seconds a file's size must stay the same (default 2)."
)
@click.option("--once", is_flag=True, help="Take what is there and settled, then exit.")
def watch(folder: Path, split: bool, settle: float | None, once: bool) -> None:
    """Take each file a scanner drops into FOLDER once it stops growing: store it (split with --split), queue
    it for processing, move it to FOLDER/processed/ (or FOLDER/failed/ with a .reason.txt). A restart never
    takes a file twice. Processing runs in a running 'digitize serve', Celery, or a background process."""
    from digitize.services.hotfolder import HotFolder, Outcome, Taken

    settings = get_settings()
    # what the operator reads for each file: Vietnamese first, English too (the reason is both already)
    shown = {
        Outcome.PROCESSED: "đã nhận, chờ xử lý / queued (processed/)",
        Outcome.FAILED: "bị từ chối / refused (failed/)",
        Outcome.ALREADY_STORED: "đã có trong kho / already stored (processed/)",
    }

    def show(t: Taken) -> None:
        line = f"{shown[t.outcome]}: {t.name}" + (f" (lô / batch {t.batch_id})" if t.batch_id else "")
        click.echo(line + (f" — {t.reason}" if t.reason else ""), err=t.reason is not None)

    hot = HotFolder(
        folder,
        split=split or settings.watch_split,
        settle=settings.watch_settle_seconds if settle is None else settle,
        settings=settings,
        on_taken=show,
    )
    if once:
        import time

        hot.recover()
        hot.scan()
        time.sleep(hot.settle)
        hot.scan()
        return
    stop = threading.Event()
    try:
        hot.run(stop)
    except KeyboardInterrupt:
        stop.set()
