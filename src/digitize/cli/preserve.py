"""``digitize export | import | audit``: the store as a BagIt bag / E-ARK AIP, back, and fixity checks."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from digitize.cli.output import echo_json, t
from digitize.errors import FixityError


@contextmanager
def _progress(label: str, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal (stderr), nothing otherwise."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    )
    progress.start()
    task = progress.add_task(label, total=None)

    def tick(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total or None)

    try:
        yield tick
    finally:
        progress.stop()


@click.command("export")
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="An empty or new directory."
)
@click.option("--format", "fmt", type=click.Choice(["bagit", "aip"]), default="bagit", show_default=True)
@click.option("--batch", "batch_id", default=None, help="Only this batch (default: the whole store).")
@click.option("--json", "as_json", is_flag=True)
def export(out: Path, fmt: str, batch_id: str | None, as_json: bool) -> None:
    """The store (or one batch) as a BagIt bag; --format aip adds METS + PREMIS (E-ARK CSIP)."""
    from digitize.services import preservation

    with _progress(t("Xuất", "Exporting"), not as_json) as tick:
        report = preservation.export(out, fmt=fmt, batch_id=batch_id, on_progress=tick)
    if as_json:
        echo_json(report.as_dict())
        return
    mb = report.bytes / 1e6
    click.echo(
        t(
            f"Đã xuất {report.documents} tài liệu, {report.files} hồ sơ, {report.batches} lô, "
            f"{report.objects} đối tượng ({mb:.1f} MB) vào {out} trong {report.seconds:.1f} s.",
            f"Exported {report.documents} documents, {report.files} files, {report.batches} batches, "
            f"{report.objects} objects ({mb:.1f} MB) to {out} in {report.seconds:.1f} s.",
        )
    )


@click.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True)
def import_(path: Path, as_json: bool) -> None:
    """Validate a bag made by 'digitize export', then restore it into this home (same ids)."""
    from digitize.services import preservation

    with _progress(t("Nhập", "Importing"), not as_json) as tick:
        report = preservation.import_(path, on_progress=tick)
    if as_json:
        echo_json(report.as_dict())
        return
    click.echo(
        t(
            f"Đã nhập {report.documents} tài liệu, {report.files} hồ sơ, {report.batches} lô, "
            f"{report.objects} đối tượng mới trong {report.seconds:.1f} s.",
            f"Imported {report.documents} documents, {report.files} files, {report.batches} batches, "
            f"{report.objects} new objects in {report.seconds:.1f} s.",
        )
    )
    for link in report.unresolved_links:
        click.echo(
            t(f"Liên kết tới tài liệu ngoài gói: {link}", f"Link to a document not in the bag: {link}"),
            err=True,
        )
    for sig in report.unverified_signatures:
        click.echo(
            t(
                f"Chữ ký không xác minh được tại đây, nhập là 'chưa xác minh': {sig}",
                f"Signature that does not verify here, imported as not verified: {sig}",
            ),
            err=True,
        )


@click.command("audit")
@click.option("--json", "as_json", is_flag=True)
def audit(as_json: bool) -> None:
    """Recompute every stored object's sha256; non-zero exit and a list when any differ or are missing."""
    from digitize.services import preservation

    with _progress(t("Kiểm tra", "Checking"), not as_json) as tick:
        report = preservation.audit(on_progress=tick)
    if as_json:
        echo_json(report.as_dict())
    else:
        for p in report.problems:
            click.echo(f"{p.problem}\t{p.key}\t{p.document_id}\t{p.expected}\t{p.actual or '-'}")
        click.echo(
            t(
                f"{report.checked} đối tượng, {report.bytes / 1e6:.1f} MB, {report.seconds:.1f} s: "
                f"{report.problem_count} lỗi.",
                f"{report.checked} objects, {report.bytes / 1e6:.1f} MB, {report.seconds:.1f} s: "
                f"{report.problem_count} problem(s).",
            ),
            err=True,
        )
    if not report.ok:
        raise FixityError(
            f"{report.problem_count} đối tượng bị thiếu hoặc đã thay đổi.",
            f"{report.problem_count} object(s) missing or changed.",
        )
