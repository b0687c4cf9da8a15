""" "Sign with my token" on the signing queue, and the admin's page that registers officers' certificates.

The officer ticks documents, picks one of their registered certificates and a level: the server prepares one
signing session per document, in parallel (``digitize.services.signing.create_sessions``); the page then
follows the sessions live (htmx, every second) while ``digitize agent`` on the officer's PC signs them with
the token (one PIN for the batch). The keys never reach the server.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from digitize.api.web.base import CertificatesPage, SignPage, csrf_form, form_str, redirect, render, router
from digitize.errors import BadInput, NotFound
from digitize.store.auth import Principal

MAX_SELECTED = 500
MAX_BATCHES = 200


@dataclass
class TokenBatch:
    id: str
    actor: str
    session_ids: list[str]
    errors: list[dict[str, Any]] = field(default_factory=list)


_batches: dict[str, TokenBatch] = {}
_lock = threading.Lock()


def my_certificates(user: Principal) -> list[dict[str, Any]]:
    from digitize.services.signing import my_certificates as mine

    return mine(user)


@router.post("/sign/token", response_class=HTMLResponse)
async def sign_with_token(request: Request, user: SignPage) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from digitize.services.signing import create_sessions

    form = await csrf_form(request)
    ids = [i for i in form.getlist("ids") if isinstance(i, str) and i][:MAX_SELECTED]
    if not ids:
        return render(request, "sign_result.html", {"outcomes": [], "nothing": True}, status_code=422)
    fp = form_str(form, "certificate")
    level = form_str(form, "level") or "B-B"
    cert = next((c for c in my_certificates(user) if c["fingerprint"] == fp), None)
    if cert is None:
        raise BadInput("Chưa chọn chứng thư số của bạn.", "Choose one of your certificates.")
    role = "organization" if user.role == "clerk" else "leader"
    items, errors = await run_in_threadpool(create_sessions, user, ids, cert["pem"], role=role, level=level)
    batch = TokenBatch(secrets.token_hex(8), user.actor, [i["id"] for i in items], errors)
    with _lock:
        _batches[batch.id] = batch
        while len(_batches) > MAX_BATCHES:
            _batches.pop(next(iter(_batches)))
    return redirect(f"/sign/token/{batch.id}")


def _batch_for(batch_id: str, user: Principal) -> TokenBatch:
    with _lock:
        batch = _batches.get(batch_id)
    if batch is None or batch.actor != user.actor:
        raise NotFound(f"Không có lượt ký {batch_id}.", f"No signing batch {batch_id}.")
    return batch


def _view(request: Request, batch: TokenBatch, user: Principal) -> dict[str, Any]:
    from digitize.services.signing import sessions_by_id

    views = sessions_by_id(batch.session_ids)
    counts = {k: sum(1 for v in views if v["state"] == k) for k in ("pending", "completed")}
    return {
        "batch": batch,
        "sessions": views,
        "errors": batch.errors,
        "done": counts["completed"],
        "waiting": counts["pending"],
        "finished": counts["pending"] == 0,
        "server": _server(request),
    }


@router.get("/sign/token/{batch_id}", response_class=HTMLResponse)
def token_batch(request: Request, batch_id: str, user: SignPage) -> Response:
    return render(request, "sign_token.html", _view(request, _batch_for(batch_id, user), user))


@router.get("/sign/token/{batch_id}/progress", response_class=HTMLResponse)
def token_batch_progress(request: Request, batch_id: str, user: SignPage) -> Response:
    """The htmx fragment polled while the agent signs."""
    return render(request, "_sign_token_progress.html", _view(request, _batch_for(batch_id, user), user))


@router.post("/sign/agent-code", response_class=HTMLResponse)
async def agent_pairing_code(request: Request, user: SignPage) -> Response:
    """A pairing code for ``digitize agent pair --server URL --code CODE`` on the officer's PC: short-lived,
    single use, bound to the signed-in officer (``digitize.services.signing.issue_pairing_code``)."""
    from fastapi.concurrency import run_in_threadpool

    from digitize.services.signing import issue_pairing_code

    await csrf_form(request)
    issued = await run_in_threadpool(issue_pairing_code, user)
    return render(request, "sign_agent_code.html", {**issued, "server": _server(request)})


def _server(request: Request) -> str:
    """The address shown in the agent's command: the configured public one, the request's Host only when
    none is (``digitize.services.signing.agent_server_url``)."""
    from digitize.services.signing import agent_server_url

    return agent_server_url(str(request.base_url))


# --- the admin registers an officer's certificate --------------------------------------------------------


@router.get("/certificates", response_class=HTMLResponse)
def certificates_page(request: Request, user: CertificatesPage) -> Response:
    from digitize.services.signing import registered_certificates

    listed = [
        (r.owner_kind, r.owner, r.subject, r.fingerprint, r.not_after) for r in registered_certificates()
    ]
    return render(request, "certificates.html", {"rows": listed, "saved": request.query_params.get("saved")})


@router.post("/certificates", response_class=HTMLResponse)
async def certificates_register(request: Request, user: CertificatesPage) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from digitize.services.signing import register_certificate_of_user

    form = await csrf_form(request)
    name = form_str(form, "user").strip()
    pem = form_str(form, "pem")
    upload = form.get("file")
    if not pem and upload is not None and hasattr(upload, "read"):
        pem = (await upload.read(200_000)).decode("latin-1")
    if not name or not pem:
        raise BadInput("Cần tên người dùng và chứng thư số.", "A user name and a certificate are needed.")
    await run_in_threadpool(register_certificate_of_user, name, pem, by=user.actor)
    return redirect("/certificates?saved=1")
