"""``digitize files create | list | show | update | add | remove``: hồ sơ (archival files) of a fonds."""

from __future__ import annotations

from typing import Any

import click

from digitize.cli.output import echo_json
from digitize.errors import BadInput


def _meta_options(f: Any) -> Any:
    for name, help_ in reversed(
        [
            ("--fonds-code", "Mã phông (fonds)."),
            ("--catalogue", "Mục lục số / năm hình thành hồ sơ."),
            ("--number", "Số và ký hiệu hồ sơ."),
            ("--access", "Chế độ sử dụng: công khai | hạn chế | mật (public | restricted | confidential)."),
            ("--language", "Ngôn ngữ (ISO 639, default vi)."),
            ("--start-date", "Thời gian bắt đầu (YYYY-MM-DD)."),
            ("--end-date", "Thời gian kết thúc (YYYY-MM-DD)."),
            ("--sheet-count", "Số lượng tờ."),
            ("--page-count", "Số lượng trang."),
            ("--info-code", "Ký hiệu thông tin."),
            ("--keywords", "Từ khóa."),
            ("--physical-state", "Tình trạng vật lý."),
            ("--notes", "Ghi chú."),
        ]
    ):
        f = click.option(name, default=None, help=help_)(f)
    return f


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


@click.group()
def files() -> None:
    """Hồ sơ (archival files) within a fonds: Circular 02/2019 and 05/2025/TT-BNV metadata."""


@files.command("create")
@click.option("--code", required=True, help="Mã hồ sơ.")
@click.option("--title", required=True, help="Tiêu đề hồ sơ.")
@click.option("--retention", required=True, help="Thời hạn bảo quản: 'vĩnh viễn' or years (e.g. 10).")
@_meta_options
def create(**values: Any) -> None:
    """Create a hồ sơ; prints its record."""
    from digitize.services.files import FileInput, create_file
    from digitize.store import db

    with db.session() as s:
        echo_json(create_file(s, FileInput.parse(_given(values)), by="cli"))


@files.command("update")
@click.argument("file_ref")
@click.option("--code", default=None)
@click.option("--title", default=None)
@click.option("--retention", default=None)
@_meta_options
def update(file_ref: str, **values: Any) -> None:
    """Change a hồ sơ's metadata (only the options given)."""
    from digitize.services.files import update_file
    from digitize.store import db

    changes = _given(values)
    if not changes:
        raise BadInput("Không có trường nào để sửa.", "No field to change.")
    with db.session() as s:
        echo_json(update_file(s, file_ref, changes, by="cli"))


@files.command("list")
@click.option("--q", "q", default=None, help="Words of the code, title or keywords (folded).")
@click.option("--fonds-code", default=None)
@click.option("--limit", type=int, default=100)
@click.option("--json", "as_json", is_flag=True)
def list_(q: str | None, fonds_code: str | None, limit: int, as_json: bool) -> None:
    """List hồ sơ."""
    from digitize.services.files import list_files
    from digitize.store import db

    with db.session() as s:
        result = list_files(s, q=q, fonds_code=fonds_code, limit=limit)
    if as_json:
        echo_json(result)
        return
    for f in result["items"]:
        click.echo(
            f"{f['id']}\t{f['code']}\t{f['retention']}\t{f['access']}\t{f['document_count']}\t{f['title']}"
        )


@files.command("show")
@click.argument("file_ref")
def show(file_ref: str) -> None:
    """A hồ sơ (by id or code)."""
    from digitize.services.files import file_view
    from digitize.store import db

    with db.session() as s:
        echo_json(file_view(s, file_ref))


@files.command("add")
@click.argument("file_ref")
@click.argument("document_ids", nargs=-1, required=True)
def add(file_ref: str, document_ids: tuple[str, ...]) -> None:
    """Documents join the hồ sơ."""
    from digitize.services.files import assign_documents
    from digitize.store import db

    with db.session() as s:
        echo_json(assign_documents(s, file_ref, list(document_ids), by="cli"))


@files.command("remove")
@click.argument("document_ids", nargs=-1, required=True)
def remove(document_ids: tuple[str, ...]) -> None:
    """Documents leave their hồ sơ."""
    from digitize.services.files import assign_documents
    from digitize.store import db

    with db.session() as s:
        echo_json(assign_documents(s, None, list(document_ids), by="cli"))
