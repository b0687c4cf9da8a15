"""What every page shares: the router, the templates, the language, the signed-in user, role gates.

Errors on a page become an HTML page (not the API's JSON): a missing sign-in redirects to ``/login``, a
wrong role or a bad CSRF token shows a 403 page, any ``DigitizeError`` its message in the page's language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute, APIRouter
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from digitize.api.errors import request_lang as request_lang  # the pages import it from here
from digitize.api.web import i18n
from digitize.api.web.session import check_csrf, current_user, get_session, save_session
from digitize.errors import DigitizeError, Forbidden
from digitize.permissions import Permission, allowed
from digitize.store.auth import Principal

HERE = Path(__file__).resolve().parent
VN = timezone(timedelta(hours=7))

templates = Jinja2Templates(directory=str(HERE / "templates"))

# The menu: (who may, where, label). Who may see which page: ``digitize.permissions`` (the API's table too).
NAV: tuple[tuple[Permission, str, str], ...] = (
    (Permission.UPLOAD, "/upload", "nav.upload"),
    (Permission.BATCHES, "/batches", "nav.batches"),
    (Permission.REVIEW, "/review", "nav.review"),
    (Permission.SEARCH, "/search", "nav.search"),
    (Permission.SIGN, "/sign", "nav.sign"),
    (Permission.STATS, "/stats", "nav.stats"),
    (Permission.FIXITY, "/admin/fixity", "nav.fixity"),
)


# Every page: no framing, no MIME sniffing, scripts and styles only from /static (no inline script anywhere).
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class LoginRequired(Exception):
    """Raised by a page that needs a signed-in user."""


class CsrfRefused(Exception):
    """A POST without the session's CSRF token."""


def may(principal: Principal | None, permission: Permission) -> bool:
    return principal is not None and allowed(principal.role, permission)


def local_time(value: str | datetime | None, with_seconds: bool = False) -> str:
    """An ISO time (UTC) as Vietnam local time ``YYYY-MM-DD HH:MM``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        dt = value
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(VN).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def page_link(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def pager(request: Request, total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page))
    return {
        "page": page,
        "pages": pages,
        "total": total,
        "prev": page_link(request, page=page - 1) if page > 1 else None,
        "next": page_link(request, page=page + 1) if page < pages else None,
    }


def page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return max(1, min(int(raw), 100_000)) if raw.isascii() and raw.isdigit() else 1  # not "²"


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    lang = request_lang(request)
    user = current_user(request)
    session = get_session(request)

    def tr(key: str, **values: object) -> str:
        return i18n.t(key, lang, **values)

    ctx: dict[str, Any] = {
        "lang": lang,
        "t": tr,
        "user": user,
        "csrf_token": session.csrf,
        "nav": [
            (href, tr(label), href == request.url.path or request.url.path.startswith(href + "/"))
            for page, href, label in NAV
            if may(user, page)
        ],
        "other_lang": "en" if lang == "vi" else "vi",
        "lang_link": page_link(request, lang="en" if lang == "vi" else "vi"),
        "local_time": local_time,
        "path": request.url.path,
    }
    ctx.update(context or {})
    response = templates.TemplateResponse(request, template, ctx, status_code=status_code)
    remember_lang(request, response)
    return response


def remember_lang(request: Request, response: Response) -> None:
    asked = i18n.pick(request.query_params.get("lang"))
    if asked and asked != request.cookies.get(i18n.COOKIE):
        response.set_cookie(i18n.COOKIE, asked, max_age=365 * 86400, samesite="lax", path="/")


def redirect(url: str, status_code: int = 303) -> RedirectResponse:
    return RedirectResponse(url, status_code=status_code)


def error_page(request: Request, message: str, status_code: int) -> HTMLResponse:
    return render(request, "error.html", {"message": message}, status_code=status_code)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


class WebRoute(APIRoute):
    """A page route: HTML errors, the sign-in redirect, and the session cookie written back."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            response: Response
            try:
                response = await handler(request)
            except LoginRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                url = "/login?next=" + quote(target, safe="")
                if _is_htmx(request):
                    response = Response(status_code=204, headers={"HX-Redirect": url})
                else:
                    response = redirect(url)
            except CsrfRefused:
                response = error_page(request, i18n.t("error.csrf", request_lang(request)), 403)
            except DigitizeError as err:
                response = error_page(request, err.message(request_lang(request)), err.http_status)
            save_session(request, response)
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            return response

        return run


router = APIRouter(route_class=WebRoute, include_in_schema=False)


def signed_in(request: Request) -> Principal:
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    return user


def require_page(permission: Permission) -> Callable[..., Principal]:
    """A dependency: a signed-in user whose role has ``permission`` (admin has all); the API's
    ``digitize.api.deps.require`` reads the same table."""

    def check(request: Request, user: Principal = Depends(signed_in)) -> Principal:
        if not may(user, permission):
            raise Forbidden(
                i18n.t("error.forbidden", "vi"),
                i18n.t("error.forbidden", "en"),
                page=str(permission),
                role=user.role,
            )
        return user

    return check


async def csrf_form(request: Request) -> FormData:
    """The submitted form (urlencoded or multipart), once its CSRF token is checked."""
    form = await request.form()
    token = form.get("csrf_token")
    if not check_csrf(request, token if isinstance(token, str) else None):
        raise CsrfRefused()
    return form


def form_str(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def require_csrf_header(request: Request) -> None:
    if not check_csrf(request, None):
        raise CsrfRefused()


# Annotated aliases of the page gates (the API's are in ``digitize.api.deps``): ``user: ReviewPage``.
SignedIn = Annotated[Principal, Depends(signed_in)]
UploadPage = Annotated[Principal, Depends(require_page(Permission.UPLOAD))]
BatchesPage = Annotated[Principal, Depends(require_page(Permission.BATCHES))]
ReviewPage = Annotated[Principal, Depends(require_page(Permission.REVIEW))]
SearchPage = Annotated[Principal, Depends(require_page(Permission.SEARCH))]
ValidityPage = Annotated[Principal, Depends(require_page(Permission.VALIDITY))]
StatsPage = Annotated[Principal, Depends(require_page(Permission.STATS))]
FixityPage = Annotated[Principal, Depends(require_page(Permission.FIXITY))]
SignPage = Annotated[Principal, Depends(require_page(Permission.SIGN))]
CertificatesPage = Annotated[Principal, Depends(require_page(Permission.CERTIFICATES))]
