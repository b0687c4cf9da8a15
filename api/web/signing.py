"""The officers' signing queue: finished documents not yet signed; select many, sign them with a signing
profile configured on the server (``Settings.signing_profiles_file``), see the result of each.

The signing itself is the signing core's (``digitize.signing``); this page only lists, asks and shows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import exists, func, select

from api.web.base import csrf_form, form_str, page_number, pager, render, request_lang, require_page, router
from digitize.errors import DigitizeError
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.models import DONE, Document, Signature

PER_PAGE = 25
MAX_SELECTED = 500


@dataclass(frozen=True)
class SignOutcome:
    document_id: str
    filename: str
    ok: bool
    message: str
    signature: dict[str, Any] | None = None


def _core(name: str) -> Callable[..., Any] | None:
    """A function of the signing core, looked up when used (the core may be absent from a build)."""
    for module_name in ("digitize.signing.profiles", "digitize.signing.service", "digitize.signing"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    return None


def profile_names() -> list[str]:
    """Names of the configured signing profiles ([] when none is configured)."""
    fn = _core("profile_names") or _core("list_profiles")
    if fn is None:
        return []
    try:
        result = fn()
    except DigitizeError:
        return []
    names: list[str] = []
    for item in result or []:
        names.append(item if isinstance(item, str) else str(getattr(item, "name", item)))
    return names


def sign_documents(document_ids: list[str], profile: str, actor: str) -> list[SignOutcome]:
    """Sign each document with ``profile`` through the signing core; one failure does not stop the others."""
    fn = _core("sign_documents_with_profile") or _core("sign_stored_documents")
    if fn is None:
        raise DigitizeError("Chức năng ký số chưa sẵn sàng.", "Signing is not available.")
    with db.session() as s:
        names = dict(
            s.execute(
                select(Document.id, Document.original_filename).where(Document.id.in_(document_ids))
            ).all()
        )
    results = fn(document_ids, profile=profile, actor=actor)
    outcomes: list[SignOutcome] = []
    for r in results:
        doc_id = getattr(r, "document_id", None) or (r.get("document_id") if isinstance(r, dict) else None)
        error = getattr(r, "error", None) if not isinstance(r, dict) else r.get("error")
        ok = error is None
        if isinstance(error, DigitizeError):
            message = error.message_vi + " / " + error.message_en
        else:
            message = str(error) if error else ""
        signature = getattr(r, "signature", None) if not isinstance(r, dict) else r.get("signature")
        outcomes.append(
            SignOutcome(str(doc_id), names.get(str(doc_id), str(doc_id)), ok, message, _as_dict(signature))
        )
    return outcomes


def _as_dict(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    if hasattr(value, "model_dump"):
        dumped: dict[str, Any] = value.model_dump(mode="json")
        return dumped
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return {"value": str(value)}


def _unsigned() -> Any:
    return (Document.state == DONE) & ~exists().where(Signature.document_id == Document.id)


@router.get("/sign", response_class=HTMLResponse)
def sign_queue(request: Request, user: Principal = Depends(require_page("sign"))) -> Response:
    page = page_number(request)
    with db.session() as s:
        total = int(s.scalar(select(func.count()).select_from(Document).where(_unsigned())) or 0)
        rows = s.execute(
            select(
                Document.id,
                Document.original_filename,
                Document.type_name,
                Document.holder_name,
                Document.reviewed_by,
                Document.processed_at,
            )
            .where(_unsigned())
            .order_by(Document.created_at.desc(), Document.id)
            .limit(PER_PAGE)
            .offset((page - 1) * PER_PAGE)
        ).all()
    return render(
        request,
        "sign.html",
        {
            "rows": rows,
            "pager": pager(request, total, page, PER_PAGE),
            "profiles": profile_names(),
            "available": _core("sign_documents_with_profile") is not None
            or _core("sign_stored_documents") is not None,
        },
    )


@router.post("/sign", response_class=HTMLResponse)
async def sign_selected(request: Request, user: Principal = Depends(require_page("sign"))) -> Response:
    form = await csrf_form(request)
    ids = [i for i in form.getlist("ids") if isinstance(i, str) and i][:MAX_SELECTED]
    profile = form_str(form, "profile")
    if not ids:
        return render(request, "sign_result.html", {"outcomes": [], "nothing": True}, status_code=422)
    if profile not in profile_names():
        raise DigitizeError(
            f"Không có hồ sơ ký '{profile}'.", f"No signing profile '{profile}'.", profile=profile
        )
    outcomes = await run_in_threadpool(sign_documents, ids, profile, user.actor)
    lang = request_lang(request)
    for o in outcomes:
        if not o.ok and " / " in o.message:
            vi, en = o.message.split(" / ", 1)
            object.__setattr__(o, "message", en if lang == "en" else vi)
    return render(request, "sign_result.html", {"outcomes": outcomes, "profile": profile, "nothing": False})
