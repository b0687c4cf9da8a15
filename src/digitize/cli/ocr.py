"""``digitize ocr INPUT -o OUT.pdf [--sidecar OUT.txt] [--fields OUT.json] [--jobs N]`` (touches no store)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from digitize.errors import UsageError


@click.command(name="ocr")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Searchable PDF/A-2b to write.",
)
@click.option(
    "--sidecar",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Recognised text, pages separated by form feed.",
)
@click.option(
    "--fields",
    "fields_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Extracted fields as JSON (null when not found).",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Pages in parallel (default: cores)."
)
def ocr(
    input_path: Path, output: Path, sidecar: Path | None, fields_path: Path | None, jobs: int | None
) -> None:
    """Scan or PDF → searchable PDF/A-2b, its text and its fields."""
    from digitize.config import get_settings
    from digitize.pipeline import intake

    for target in (output, sidecar, fields_path):
        if target is not None and not target.resolve().parent.is_dir():
            raise UsageError(
                f"Thư mục đích không tồn tại: {target.parent}", f"No such folder: {target.parent}"
            )
    settings = get_settings()
    checked = intake.inspect(input_path, settings)  # refuses bad input before anything is written
    targets = [t for t in (output, sidecar, fields_path) if t is not None and not t.exists()]
    try:
        _run(input_path, output, sidecar, fields_path, jobs, checked)
    except BaseException:
        for t in targets:  # nothing half-done is left behind
            t.unlink(missing_ok=True)
        raise


def _run(
    input_path: Path,
    output: Path,
    sidecar: Path | None,
    fields_path: Path | None,
    jobs: int | None,
    checked: object,
) -> None:
    from digitize.config import get_settings
    from digitize.pipeline.intake import Intake
    from digitize.pipeline.run import process_document, write_atomic

    assert isinstance(checked, Intake)
    settings = get_settings()
    result = process_document(
        input_path, output, sidecar=sidecar, jobs=jobs, settings=settings, checked=checked
    )
    if fields_path is not None:
        body: dict[str, object] = dict(result.fields())
        body["confidence"] = {
            name: round(f.confidence, 3)
            for name, f in result.extraction.fields.items()
            if f.value is not None
        }
        body["page_count"] = result.page_count
        body["ocr_pages"] = result.ocr_pages
        body["ocr_confidence"] = round(result.confidence, 4) if result.confidence is not None else None
        body["language"] = settings.ocr_languages
        body["sha256"] = result.sha256
        write_atomic(fields_path, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
