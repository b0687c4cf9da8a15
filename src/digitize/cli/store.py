"""``digitize ingest | status | search | db | keys | users | serve``: the store from the command line.

``ingest`` stores the originals at once, then queues them. Without ``--wait`` it returns as soon as the
work is queued: with ``DIGITIZE_BROKER_URL`` set, to Celery; on the embedded default, a running
``digitize serve`` on the same ``DIGITIZE_HOME`` picks the documents up at its next poll of the database,
and when none runs a detached drain process is started that processes them and exits. With ``--wait`` the
worker pool runs in the foreground (a progress bar on a terminal) until the batch is finished.

FastAPI and uvicorn are imported only by ``serve``.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from digitize.cli.output import echo_json, lang, t
from digitize.config import get_settings
from digitize.errors import UsageError
from digitize.permissions import Role
from digitize.words import STATES, both

ROLES_HELP = " | ".join(Role)  # every role, from the one table (clerk too)

if TYPE_CHECKING:
    from digitize.store.service import BatchView


def _again() -> str:
    """The confirmation prompt of a password, in the command's language (click's own is English only)."""
    return t("Nhập lại để xác nhận", "Repeat for confirmation")


# --- ingest -----------------------------------------------------------------------------------


def _split_stacks(stack_ids: list[str], progress: Any, as_json: bool) -> list[str]:
    """Split the stacks here (page evidence on one process per core); the new documents' ids."""
    from digitize.services.stacks import StackState, split_stack

    new: list[str] = []
    for stack_id in stack_ids:
        task = progress.add_task(t("Tách tập quét", "Splitting stack"), total=None) if progress else None

        def tick(n: int, task: Any = task) -> None:
            if progress is not None and task is not None:
                progress.update(task, completed=n)

        outcome = split_stack(stack_id, dispatch=False, on_page=tick)
        new.extend(outcome.new_document_ids)
        if outcome.state == StackState.NEEDS_REVIEW and not as_json:
            click.echo(
                t(
                    f"Tập quét {stack_id}: ranh giới chưa chắc chắn, chờ duyệt tại /stacks/{stack_id}",
                    f"Stack {stack_id}: unsure boundaries, waiting for review at /stacks/{stack_id}",
                ),
                err=True,
            )
        elif outcome.state == StackState.FAILED and not as_json:
            click.echo(t(f"Tập quét {stack_id}: lỗi", f"Stack {stack_id}: failed"), err=True)
    return new


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--batch", "batch_name", default=None, help="Name of the batch.")
@click.option("--wait", is_flag=True, help="Return when every document of the batch is finished.")
@click.option("--json", "as_json", is_flag=True, help="Print the batch as GET /api/v1/batches/{id} does.")
@click.option(
    "--workers", type=int, default=None, help="Worker processes with --wait (default: one per core)."
)
@click.option("--file", "file_ref", default=None, help="The hồ sơ (id or code) the documents join.")
@click.option(
    "--split",
    is_flag=True,
    help="Multi-page PDFs and TIFFs are stacks of documents: split them (the stack is kept whole).",
)
def ingest(
    paths: tuple[Path, ...],
    batch_name: str | None,
    wait: bool,
    as_json: bool,
    workers: int | None,
    file_ref: str | None = None,
    split: bool = False,
) -> None:
    """Files, folders and ZIP archives into the store.

    With --split a multi-page PDF or TIFF is a stack of documents: it is stored whole, examined here (page
    by page: blank backs, separator sheets, where a Decree 30 document begins) and split into one document per
    original document; a stack whose boundaries are unsure waits for staff on the web page /stacks.

    The originals are stored first (the same content twice is one document). Without --wait the command
    returns once the work is queued: to Celery when DIGITIZE_BROKER_URL is set; otherwise a running
    'digitize serve' on the same DIGITIZE_HOME picks it up, or, when none runs, a background process is
    started that processes the documents and exits. With --wait the worker pool runs here until the batch
    is finished.
    """
    from digitize.ingest import IngestedItem
    from digitize.processing.executor import LocalPool, enqueue, register_dispatcher, unfinished
    from digitize.services import ingest as service
    from digitize.store import db
    from digitize.store.service import batch_view

    settings = get_settings()
    if settings.uses_celery:
        from digitize.workers.dispatch import enqueue as send_to_celery

        register_dispatcher(send_to_celery)
    file_id = service.resolve_file(file_ref)  # before anything is stored: an unknown hồ sơ refuses the ingest
    tty = sys.stderr.isatty() and not as_json
    progress: Any = None
    if tty:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
            console=_stderr_console(),
        )
        progress.start()
        store_task = progress.add_task(t("Lưu bản gốc", "Storing originals"), total=None)

    def on_item(item: IngestedItem) -> None:
        if progress is not None:
            progress.advance(store_task)
        if item.error is not None and not as_json:
            click.echo(f"{item.filename}: {item.error.one_line(lang())}", err=True)  # type: ignore[arg-type]

    try:
        sources = [service.Source(Path(p), Path(p).name or str(p)) for p in paths]
        report = service.store(sources, batch_name=batch_name, actor="cli", split=split, on_item=on_item)
        new_ids = list(report.new_document_ids)
        if report.new_stack_ids:
            new_ids += _split_stacks(report.new_stack_ids, progress, as_json)
        with db.session(settings) as s:
            doc_ids = list(batch_view(s, report.batch_id).documents)
        if file_id is not None:
            from digitize.services.files import join_at_upload

            with db.session(settings) as s:
                join_at_upload(s, file_id, doc_ids, by="cli")
        if progress is not None:
            progress.update(store_task, total=len(report.items), completed=len(report.items))
        if wait and doc_ids:
            if settings.uses_celery:
                enqueue(new_ids, settings)
                _wait_for(doc_ids, progress)
            else:
                with LocalPool(settings, workers=workers, poll_interval=0.3) as pool:
                    task = (
                        progress.add_task(t("Xử lý", "Processing"), total=len(doc_ids)) if progress else None
                    )

                    def tick() -> None:
                        if progress is not None and task is not None:
                            progress.update(task, completed=len(doc_ids) - len(unfinished(doc_ids, settings)))

                    pool.drain(doc_ids, on_tick=tick)
        elif new_ids:
            enqueue(new_ids, settings)
    finally:
        if progress is not None:
            progress.stop()
    with db.session(settings) as s:
        view = batch_view(s, report.batch_id)
    if as_json:
        echo_json(view.to_json())
    else:
        _print_batch(view)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _wait_for(doc_ids: list[str], progress: Any) -> None:
    from digitize.processing.executor import unfinished

    task = progress.add_task(t("Xử lý", "Processing"), total=len(doc_ids)) if progress else None
    while True:
        left = unfinished(doc_ids)
        if progress is not None and task is not None:
            progress.update(task, completed=len(doc_ids) - len(left))
        if not left:
            return
        time.sleep(1.0)


def _print_batch(view: BatchView) -> None:
    c = view.counts
    name = f" ({view.name})" if view.name else ""
    counts = (
        ("received", c.received),
        ("done", c.done),
        ("needs_review", c.needs_review),
        ("failed", c.failed),
    )
    click.echo(  # the states in words, Vietnamese first, English too (``--json`` keeps the ids)
        f"{view.id}{name}: {both(STATES, view.state)} — "
        + ", ".join(f"{both(STATES, k)} {n}" for k, n in counts)
        + f" ({len(view.documents)} tài liệu / documents)"
    )


# --- status -----------------------------------------------------------------------------------


@click.command()
@click.argument("batch_id", required=False)
@click.option("--json", "as_json", is_flag=True)
def status(batch_id: str | None, as_json: bool) -> None:
    """A batch (or all batches) with counts per state."""
    from digitize.store import db
    from digitize.store.service import batch_view, counts_by_state, list_batches

    with db.session() as s:
        if batch_id:
            view = batch_view(s, batch_id)
            if as_json:
                echo_json(view.to_json())
            else:
                _print_batch(view)
            return
        batches = list_batches(s, limit=1000)
        totals = counts_by_state(s)
    if as_json:
        echo_json({"items": [b.to_json() for b in batches], "total": len(batches), "documents": totals})
        return
    for view in batches:
        _print_batch(view)
    click.echo(
        t("Tài liệu theo trạng thái: ", "Documents by state: ")
        + ", ".join(f"{both(STATES, k)} {v}" for k, v in sorted(totals.items()))
        if totals
        else t("Chưa có tài liệu.", "No documents yet.")
    )


# --- search -----------------------------------------------------------------------------------


@click.command()
@click.argument("query", required=False, default="")
@click.option("--type", "type_name", default=None, help="Document type, e.g. 'Giấy phép'.")
@click.option("--holder-id", default=None, help="Tax code or citizen ID of the holder.")
@click.option("--valid-on", default=None, help="In force on this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=20)
@click.option("--json", "as_json", is_flag=True)
@click.option("--file", "file_ref", default=None, help="Only documents of this hồ sơ (id or code).")
def search(
    query: str,
    type_name: str | None,
    holder_id: str | None,
    valid_on: str | None,
    limit: int,
    as_json: bool,
    file_ref: str | None = None,
) -> None:
    """Search documents (diacritics folded: 'nguyen van an' finds 'Nguyễn Văn An')."""
    from digitize.store import db
    from digitize.store.service import list_documents

    day = None
    if valid_on:
        try:
            day = date.fromisoformat(valid_on)
        except ValueError as exc:
            raise UsageError(
                f"Ngày không hợp lệ: {valid_on} (cần YYYY-MM-DD).",
                f"Invalid date: {valid_on} (expected YYYY-MM-DD).",
            ) from exc
    with db.session() as s:
        from digitize.services.files import resolve_file_id

        result = list_documents(
            s,
            q=query or None,
            type_name=type_name,
            holder_id=holder_id,
            valid_on=day,
            limit=limit,
            file_id=resolve_file_id(s, file_ref),
        )
    if as_json:
        echo_json(result)
        return
    for item in result["items"]:
        f = item["fields"]
        number = "/".join(x for x in (f.get("code_number"), f.get("code_notation")) if x)
        click.echo(
            "\t".join(
                [
                    item["id"],
                    item["state"],
                    f.get("type_name") or "-",
                    number or "-",
                    f.get("issued_date") or "-",
                    f.get("holder_name") or "-",
                    item["validity"]["status"],
                ]
            )
        )
    click.echo(t(f"{result['total']} kết quả", f"{result['total']} result(s)"), err=True)


# --- db -----------------------------------------------------------------------------------------


@click.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database schema (Alembic)."""
    from digitize.store import db as dbmod

    engine = dbmod.get_engine(upgrade=False)
    dbmod.upgrade_schema(engine)
    click.echo(
        t(
            f"Cơ sở dữ liệu ở phiên bản {dbmod.current_revision(engine)}.",
            f"Database at revision {dbmod.current_revision(engine)}.",
        )
    )


# --- keys and users --------------------------------------------------------------------------------


@click.group()
def keys() -> None:
    """API keys."""


@keys.command("create")
@click.option("--role", required=True, help=ROLES_HELP)
@click.option("--name", required=True, help="Who the key is for.")
@click.option("--grant", "grants", multiple=True, help="Agency keys: TYPE or TYPE:FIELD,FIELD...")
@click.option(
    "--certificate",
    "certificates",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A signing certificate (PEM) of this key's holder; repeatable.",
)
def keys_create(role: str, name: str, grants: tuple[str, ...], certificates: tuple[Path, ...]) -> None:
    """Create an API key; prints it alone on the last line, once."""
    from digitize.services.signing import register_certificate
    from digitize.store import db as dbmod
    from digitize.store.auth import check_role, create_api_key, parse_grant

    check_role(role)
    parsed = [parse_grant(g) for g in grants]
    pems = [_read_certificate(p) for p in certificates]
    with dbmod.session() as s:
        row, plain = create_api_key(s, role=role, name=name, grants=parsed, created_by="cli")
        key_id = row.key_id
        for pem in pems:
            register_certificate(s, "key", key_id, pem, by="cli")
    click.echo(
        t(
            f"Khóa {key_id} ({role}) cho {name}; lưu lại ngay, sẽ không hiện lại:",
            f"Key {key_id} ({role}) for {name}; keep it now, it is not shown again:",
        ),
        err=True,
    )
    click.echo(plain)


def _read_certificate(path: Path) -> bytes:
    from digitize.signing.sessions import parse_pem_chain

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(
            f"Không đọc được {path}: {exc.strerror}", f"cannot read {path}: {exc.strerror}"
        ) from None
    parse_pem_chain(data)  # refuse what is no certificate before anything is created
    return data


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke an API key (by its id, the part after 'dgz_'): refused from the next request on."""
    from digitize.services.access import revoke_key

    revoke_key(key_id, by="cli")
    click.echo(t(f"Đã thu hồi khóa {key_id}.", f"Key {key_id} revoked."))


@keys.command("list")
@click.option("--json", "as_json", is_flag=True)
def keys_list(as_json: bool) -> None:
    """API keys: id, role, name, created, revoked (never the secret)."""
    from sqlalchemy import select

    from digitize.store import db as dbmod
    from digitize.store.models import ApiKey

    with dbmod.session() as s:
        rows = [
            {
                "key_id": k.key_id,
                "role": k.role,
                "name": k.name,
                "created_at": k.created_at.isoformat() if k.created_at else None,
                "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
            }
            for k in s.scalars(select(ApiKey).order_by(ApiKey.id))
        ]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        state = t("đã thu hồi", "revoked") if r["revoked_at"] else t("hiệu lực", "active")
        click.echo(f"{r['key_id']}\t{r['role']}\t{state}\t{r['name']}")


@click.group()
def users() -> None:
    """Users of the web pages."""


@users.command("create")
@click.option("--name", required=True)
@click.option("--role", required=True, help=ROLES_HELP)
@click.option("--password-env", default=None, help="Read the password from this environment variable.")
@click.option(
    "--certificate",
    "certificates",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A signing certificate (PEM) of this person; repeatable.",
)
def users_create(name: str, role: str, password_env: str | None, certificates: tuple[Path, ...]) -> None:
    """Create a person who signs in to the web pages."""
    from digitize.services.signing import register_certificate
    from digitize.store import db as dbmod
    from digitize.store.auth import check_role, create_user

    check_role(role)
    pems = [_read_certificate(p) for p in certificates]
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            raise UsageError(
                f"Biến môi trường {password_env} trống hoặc không có.",
                f"Environment variable {password_env} is empty or unset.",
            )
    else:
        password = click.prompt(t("Mật khẩu", "Password"), hide_input=True, confirmation_prompt=_again())
    with dbmod.session() as s:
        user = create_user(s, name=name, role=role, password=password)
        for pem in pems:
            register_certificate(s, "user", user.name, pem, by="cli")
    click.echo(t(f"Đã tạo người dùng {name} ({role}).", f"User {name} ({role}) created."))


def _password_from(password_env: str | None) -> str:
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            raise UsageError(
                f"Biến môi trường {password_env} trống hoặc không có.",
                f"Environment variable {password_env} is empty or unset.",
            )
        return password
    new = click.prompt(t("Mật khẩu mới", "New password"), hide_input=True, confirmation_prompt=_again())
    return str(new)


@users.command("disable")
@click.argument("name")
def users_disable(name: str) -> None:
    """Disable a user: their sessions end, they can no longer sign in."""
    from digitize.services.access import disable_user

    ended = disable_user(name, by="cli")
    click.echo(t(f"Đã khóa {name} ({ended} phiên kết thúc).", f"{name} disabled ({ended} sessions ended)."))


@users.command("enable")
@click.argument("name")
def users_enable(name: str) -> None:
    """Enable a disabled user again."""
    from digitize.services.access import disable_user

    disable_user(name, by="cli", disabled=False)
    click.echo(t(f"Đã mở khóa {name}.", f"{name} enabled."))


@users.command("password")
@click.argument("name")
@click.option("--password-env", default=None, help="Read the new password from this environment variable.")
def users_password(name: str, password_env: str | None) -> None:
    """Set a user's password (prompted unless --password-env); every session of the user ends."""
    from digitize.services.access import change_password

    ended = change_password(name, _password_from(password_env), by="cli")
    click.echo(
        t(
            f"Đã đổi mật khẩu của {name} ({ended} phiên kết thúc).",
            f"Password of {name} changed ({ended} sessions ended).",
        )
    )


# --- serve --------------------------------------------------------------------------------------


def prepare_first_run(samples: Path | None = None) -> None:
    """Upgrade the DB; load samples/examples when the store is empty; create ``admin`` if no user exists."""
    from digitize.ingest import ingest_paths
    from digitize.store import db as dbmod
    from digitize.store.auth import create_user, generate_password, has_users
    from digitize.store.service import has_documents

    dbmod.get_engine()
    with dbmod.session() as s:
        empty = not has_documents(s)
        no_users = not has_users(s)
    samples = samples or _samples_dir()
    if empty and samples is not None and samples.is_dir() and any(samples.iterdir()):
        # Ground-truth sidecars (``*.gt.json``) describe the samples; they are not documents.
        files = sorted(
            p for p in samples.iterdir() if not p.name.startswith(".") and not p.name.endswith(".gt.json")
        )
        report = ingest_paths(files, batch_name="samples", actor="first-run")
        click.echo(
            t(
                f"Đã nạp {len(report.document_ids)} tài liệu mẫu từ {samples} (lô {report.batch_id}).",
                f"Loaded {len(report.document_ids)} sample documents from {samples} "
                f"(batch {report.batch_id}).",
            ),
            err=True,
        )
    if no_users:
        password = generate_password()
        with dbmod.session() as s:
            create_user(s, name="admin", role="admin", password=password, created_by="first-run")
        click.echo(
            t(
                "Người dùng admin đã được tạo. Mật khẩu (chỉ hiện một lần):",
                "User admin created. Password (shown once):",
            ),
            err=True,
        )
        click.echo(f"admin password: {password}")
    _demo_signing(no_users)


def _demo_signing(new_admin: bool) -> None:
    """Signing out of the box: the demo PKI of this home (``digitize.signing.demo``), the demo officer's
    certificate registered to ``admin``."""
    from digitize.services.signing import register_certificate
    from digitize.signing.demo import DEMO_TEXT, ensure_demo_pki
    from digitize.store import db as dbmod

    settings = get_settings()
    demo = ensure_demo_pki(settings.home_dir, settings.organization_name)
    if not demo.created:
        return
    from digitize.config import reset_settings

    reset_settings()  # the home's trust/, signing.toml and seal now apply
    if new_admin:
        with dbmod.session() as s:
            register_certificate(s, "user", "admin", demo.officer_cert.read_bytes(), by="first-run")
    click.echo(
        t(
            f"Ký số thử: hồ sơ ký 'demo' của admin, gốc tin cậy demo trong {demo.root.parent} ({DEMO_TEXT}).",
            f"Demo signing: admin's signing profile 'demo', the demo root trusted in {demo.root.parent} "
            f"({DEMO_TEXT}).",
        ),
        err=True,
    )


def _samples_dir() -> Path | None:
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base / "samples" / "examples"
        if candidate.is_dir():
            return candidate
    return None


def _check_port_free(host: str, port: int) -> None:
    """Refuse at once, in words, a port another process listens on (a second ``make run``, say): uvicorn
    would start the whole app and its pool first, then stop with its own English "[Errno 98]" line."""
    import errno
    import socket

    if port == 0:
        return
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except OSError:
        return  # a name that does not resolve: uvicorn says so
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                return  # not ours to judge (permissions ...): uvicorn says so
            raise UsageError(
                f"Cổng {port} trên {host} đang được một chương trình khác dùng (có thể là một "
                "'digitize serve' đang chạy); hãy dừng nó, hoặc chọn cổng khác với --port hay DIGITIZE_PORT.",
                f"Port {port} on {host} is in use by another program (a 'digitize serve' already running?); "
                "stop it, or pick another port with --port or DIGITIZE_PORT.",
            ) from exc


@click.command()
@click.option("--host", default=None, help="Default: DIGITIZE_HOST (127.0.0.1).")
@click.option("--port", type=int, default=None, help="Default: DIGITIZE_PORT (8000); 0 picks a free port.")
@click.option("--first-run", is_flag=True, help="Upgrade the DB, load samples/ and create admin when empty.")
@click.option("--workers", type=int, default=None, help="Worker processes of the embedded pool.")
@click.option(
    "--forwarded-allow-ips",
    default=None,
    help="Addresses of the TLS proxy whose X-Forwarded-For/-Proto are believed (comma-separated, or '*'). "
    "Default: DIGITIZE_FORWARDED_ALLOW_IPS (none).",
)
def serve(
    host: str | None, port: int | None, first_run: bool, workers: int | None, forwarded_allow_ips: str | None
) -> None:
    """Serve the web UI and HTTP API (and, on the embedded default, the worker pool)."""
    import uvicorn

    from digitize.api.app import create_app
    from digitize.startup import check_secrets, harden_home

    settings = get_settings()
    check_secrets(settings)
    bind_host, bind_port = host or settings.host, settings.port if port is None else port
    _check_port_free(bind_host, bind_port)
    harden_home(settings.home_dir)
    proxies = (settings.forwarded_allow_ips if forwarded_allow_ips is None else forwarded_allow_ips).strip()
    if first_run:
        prepare_first_run()
    else:
        from digitize.store import db as dbmod

        dbmod.get_engine()
    app = create_app(pool_workers=workers, fixity_schedule=True)
    config = uvicorn.Config(
        app,
        host=bind_host,
        port=bind_port,
        log_level="info",
        lifespan="on",
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
    server = uvicorn.Server(config)
    server.run()
