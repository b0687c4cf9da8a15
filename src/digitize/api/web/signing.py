"""The officers' signing queue: finished documents not yet signed; select many, sign them with a signing
profile configured on the server (``Settings.signing_profiles_file``), see the result of each.

Signing, storing, recording and verifying is the service's (``digitize.services.signing``: sign_stored,
signing_queue, document_names, shared with ``POST /api/v1/documents/{id}/signatures``); this module holds the
pages and the background jobs, and no query of its own.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from digitize.api.web.base import (
    SignPage,
    csrf_form,
    form_str,
    page_number,
    pager,
    redirect,
    render,
    request_lang,
    router,
)
from digitize.api.web.token_signing import my_certificates
from digitize.errors import DigitizeError, NotFound
from digitize.store.auth import Principal

log = logging.getLogger("digitize.web")

PER_PAGE = 25
MAX_SELECTED = 500


@dataclass(frozen=True)
class SignOutcome:
    document_id: str
    filename: str
    ok: bool
    message: str
    signature: dict[str, Any] | None = None


def profile_names(user: Principal) -> list[str]:
    """The signing profiles of ``Settings.signing_profiles_file`` that name ``user`` ([] when none)."""
    from digitize.services.signing import usable_profiles

    return usable_profiles(user)


def sign_one(document_id: str, profile: str, user: Principal) -> dict[str, Any]:
    """Sign one stored document with one of the user's own profiles and record it: the service
    ``digitize.services.signing.sign_stored`` (the API's signing endpoint calls the same function)."""
    from digitize.services.signing import sign_stored

    return sign_stored(user, document_id, profile)


def sign_documents(document_ids: list[str], profile: str, user: Principal) -> list[SignOutcome]:
    """Sign each document with ``profile``; one failure does not stop the others."""
    from digitize.services.signing import document_names

    names = document_names(document_ids)
    outcomes: list[SignOutcome] = []
    for doc_id in document_ids:
        name = names.get(doc_id, doc_id)
        try:
            info = sign_one(doc_id, profile, user)
        except DigitizeError as err:
            outcomes.append(SignOutcome(doc_id, name, False, err.message_vi + " / " + err.message_en))
            continue
        outcomes.append(SignOutcome(doc_id, name, True, "", info))
    return outcomes


@router.get("/sign", response_class=HTMLResponse)
def sign_queue(request: Request, user: SignPage) -> Response:
    from digitize.services.signing import may_pair, my_agents, signing_queue

    page = page_number(request)
    queue = signing_queue(page, PER_PAGE)
    return render(
        request,
        "sign.html",
        {
            "rows": queue.rows,
            "pager": pager(request, queue.total, page, PER_PAGE),
            "profiles": profile_names(user),
            "certificates": my_certificates(user),
            "agents": my_agents(user) if may_pair(user) else [],
            "unpaired": request.query_params.get("unpaired") == "1",
        },
    )


@router.post("/sign/agents/{key_id}/unpair", response_class=HTMLResponse)
async def unpair_agent(request: Request, key_id: str, user: SignPage) -> Response:
    """Unpair one of the signed-in officer's own signing agents (``digitize.services.signing.unpair_agent``:
    anyone else's is 404)."""
    from fastapi.concurrency import run_in_threadpool

    from digitize.services.signing import unpair_agent as unpair

    await csrf_form(request)
    await run_in_threadpool(unpair, user, key_id)
    return redirect("/sign?unpaired=1")


# --- signing jobs: many documents are signed in the background while the page follows the progress -----


@dataclass
class SignJob:
    id: str
    profile: str
    user: Principal
    document_ids: list[str]
    outcomes: list[SignOutcome] = field(default_factory=list)
    finished: bool = False
    started_at: float = field(default_factory=time.time)

    @property
    def percent(self) -> int:
        return round(100 * len(self.outcomes) / len(self.document_ids)) if self.document_ids else 100


MAX_JOBS = 100
_jobs: dict[str, SignJob] = {}
_jobs_lock = threading.Lock()


def start_job(document_ids: list[str], profile: str, user: Principal) -> SignJob:
    """Sign the documents one after the other in a background thread of this process."""
    job = SignJob(secrets.token_hex(8), profile, user, list(dict.fromkeys(document_ids)))
    with _jobs_lock:
        _jobs[job.id] = job
        for old in sorted(_jobs.values(), key=lambda j: j.started_at)[: max(0, len(_jobs) - MAX_JOBS)]:
            if old.finished:
                del _jobs[old.id]
    threading.Thread(target=_run_job, args=(job,), daemon=True, name=f"sign-{job.id}").start()
    return job


def _run_job(job: SignJob) -> None:
    try:
        for doc_id in job.document_ids:
            (outcome,) = sign_documents([doc_id], job.profile, job.user)
            with _jobs_lock:
                job.outcomes.append(outcome)
    except Exception as exc:  # never leave a job "running" forever
        log.exception("signing job %s failed", job.id)
        with _jobs_lock:
            done = {o.document_id for o in job.outcomes}
            for doc_id in job.document_ids:
                if doc_id not in done:
                    job.outcomes.append(SignOutcome(doc_id, doc_id, False, f"{exc} / {exc}"))
    finally:
        with _jobs_lock:
            job.finished = True


def _job_for(job_id: str, user: Principal) -> SignJob:
    with _jobs_lock:
        job = _jobs.get(job_id)
    if job is None or (job.user.actor != user.actor and user.role != "admin"):
        raise NotFound(f"Không có lượt ký {job_id}.", f"No signing job {job_id}.")
    return job


def _job_view(request: Request, job: SignJob) -> dict[str, Any]:
    lang = request_lang(request)
    with _jobs_lock:
        outcomes = list(job.outcomes)
        finished = job.finished
    shown = []
    for o in outcomes:
        message = o.message
        if not o.ok and " / " in message:
            vi, en = message.split(" / ", 1)
            message = en if lang == "en" else vi
        shown.append(SignOutcome(o.document_id, o.filename, o.ok, message, o.signature))
    return {
        "job": job,
        "outcomes": shown,
        "finished": finished,
        "ok": sum(1 for o in shown if o.ok),
        "failed": sum(1 for o in shown if not o.ok),
        "profile": job.profile,
        "nothing": False,
    }


@router.post("/sign", response_class=HTMLResponse)
async def sign_selected(request: Request, user: SignPage) -> Response:
    form = await csrf_form(request)
    ids = [i for i in form.getlist("ids") if isinstance(i, str) and i][:MAX_SELECTED]
    profile = form_str(form, "profile")
    if not ids:
        return render(request, "sign_result.html", {"outcomes": [], "nothing": True}, status_code=422)
    if profile not in profile_names(user):
        from digitize.services.signing import check_profile_use

        check_profile_use(user, profile)  # 403 for someone else's profile, 422 for none at all
    job = start_job(ids, profile, user)
    return redirect(f"/sign/jobs/{job.id}")


@router.get("/sign/jobs/{job_id}", response_class=HTMLResponse)
def sign_job(request: Request, job_id: str, user: SignPage) -> Response:
    return render(request, "sign_result.html", _job_view(request, _job_for(job_id, user)))


@router.get("/sign/jobs/{job_id}/progress", response_class=HTMLResponse)
def sign_job_progress(request: Request, job_id: str, user: SignPage) -> Response:
    """The htmx fragment polled by the job page until every document is signed or refused."""
    return render(request, "_sign_progress.html", _job_view(request, _job_for(job_id, user)))
