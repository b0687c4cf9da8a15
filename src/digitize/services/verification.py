"""Verification of a submitted PDF for the public doors (``POST /api/v1/verify``, the ``/verify`` page): the
one service both call.

Anyone may call it without an account, so every request's work is bounded before and while it runs:

1. size: ``verify_max_bytes`` (never over ``max_upload_bytes``), enforced by the callers while the body
   streams (``digitize.api.limits``, ``digitize.api.uploads``) and again here;
2. structure: a cheap count of signature dictionaries in the raw bytes, then (in the verifying process)
   qpdf's count of pages, objects and signature fields, each capped (``verify_max_signatures``, ``..._pages``,
   ``..._objects``): over a cap is a clear 422 (``too_complex``) before any signature is checked;
3. time and memory: the verification core runs in a child process forked from a clean fork server, with an
   address-space limit (``verify_memory_bytes``); still running after ``verify_time_budget_seconds`` it is
   killed and the caller gets 422 (``too_complex``);
4. concurrency: at most ``verify_concurrency`` verifications at once per server process, and one at a time per
   client (a second one from the same client while the first runs is 429); a request that finds no free slot
   within ``verify_queue_seconds`` gets 503.

The registry cross-check happens here, in the server process, from what the child returns: the sha256 of
each signed revision (newest first), else the document id in the QR code of a signed result. It vouches
(``registry.known``) only when the signatures verify: every signature intact, cryptographically valid and
trusted, none TOTAL_FAILED and nothing changed after signing. A copy of one of our results re-signed by a
key we do not trust (a flattened copy keeps our QR code) is not vouched for.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from digitize.config import Settings, get_settings
from digitize.errors import BadInput, InputTooLarge, RateLimited, ServiceUnavailable, TooComplex
from digitize.verify.model import RegistryInfo, RegistryMatch, VerificationReport

log = logging.getLogger("digitize.services.verification")

# loaded once in the fork server, so each verifying child starts with them in memory
_PRELOAD = [
    "digitize.services.verification",
    "digitize.verify.engine",
    "digitize.signing.qr",
    "pikepdf",
    "pyhanko.pdf_utils.reader",
    "pyhanko.sign.validation",
    "pyhanko.sign.validation.pdf_embedded",
    "pyhanko_certvalidator",
    "pypdfium2",
    "cv2",
]


class MatchedBy(StrEnum):
    SHA256 = "sha256"
    QR = "qr"


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_signatures: int
    max_pages: int
    max_objects: int
    time_budget: float
    memory_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Limits:
        s = settings or get_settings()
        return cls(
            max_bytes=min(s.verify_max_bytes, s.max_upload_bytes),
            max_signatures=s.verify_max_signatures,
            max_pages=s.verify_max_pages,
            max_objects=s.verify_max_objects,
            time_budget=s.verify_time_budget_seconds,
            memory_bytes=s.verify_memory_bytes,
        )


@dataclass(frozen=True)
class Verified:
    """The report (registry cross-check included) and how the registry matched, if it vouched."""

    report: VerificationReport
    matched_by: MatchedBy | None


# --- limits ------------------------------------------------------------------------------------------------

_SIG_MARKS = re.compile(rb"/ByteRange\b")


def too_large(limit: int) -> InputTooLarge:
    return InputTooLarge(f"Tệp quá lớn (tối đa {limit} byte).", f"File too large (limit {limit} bytes).")


def _too_complex(what_vi: str, what_en: str, count: int, cap: int) -> TooComplex:
    return TooComplex(
        f"Tệp có quá nhiều {what_vi} để kiểm tra ({count}, tối đa {cap}).",
        f"The file has too many {what_en} to verify ({count}, limit {cap}).",
        count=count,
        limit=cap,
    )


def check_raw(data: bytes, limits: Limits) -> None:
    """The checks on the bytes alone (linear, no parsing): size and signature dictionaries."""
    if len(data) > limits.max_bytes:
        raise too_large(limits.max_bytes)
    count = len(_SIG_MARKS.findall(data))
    if count > limits.max_signatures:
        raise _too_complex("chữ ký", "signatures", count, limits.max_signatures)


def check_structure(data: bytes, limits: Limits) -> None:
    """qpdf's counts of pages, objects and signature fields against the caps (a PDF qpdf cannot open is
    left to the verification core, which reports it as damaged)."""
    import pikepdf

    try:
        pdf = pikepdf.open(__import__("io").BytesIO(data))
    except Exception:  # damaged or not a PDF: the core's report says so
        return
    with pdf:
        size = int(pdf.trailer.get("/Size", 0) or 0)
        if size > limits.max_objects:
            raise _too_complex("đối tượng PDF", "PDF objects", size, limits.max_objects)
        objects = len(pdf.objects)
        if objects > limits.max_objects:
            raise _too_complex("đối tượng PDF", "PDF objects", objects, limits.max_objects)
        pages = len(pdf.pages)
        if pages > limits.max_pages:
            raise _too_complex("trang", "pages", pages, limits.max_pages)
        fields = _count_signature_fields(pdf, limits.max_signatures + 1)
        if fields > limits.max_signatures:
            raise _too_complex("trường chữ ký", "signature fields", fields, limits.max_signatures)


def _count_signature_fields(pdf: Any, stop: int) -> int:
    """Signature fields of the AcroForm (walking Kids, each node once), up to ``stop``."""
    acro = pdf.Root.get("/AcroForm")
    if acro is None:
        return 0
    todo = list(acro.get("/Fields", []))
    seen: set[tuple[int, int]] = set()
    count = walked = 0
    while todo and count < stop:
        node = todo.pop()
        walked += 1
        if walked > 4 * stop + 10_000:
            break
        with contextlib.suppress(Exception):
            if node.is_indirect:
                key = node.objgen
                if key in seen:
                    continue
                seen.add(key)
            if node.get("/FT") == "/Sig" or ("/V" in node and "/ByteRange" in node.get("/V", {})):
                count += 1
            todo.extend(node.get("/Kids", []))
    return count


# --- the verifying child process ---------------------------------------------------------------------------


def _child(
    conn: Any, data: bytes, file_name: str | None, roots: list[bytes], env: dict[str, str], limits: Limits
) -> None:
    """Runs in a process forked from the fork server: limits, verification, QR; sends back a tuple."""
    try:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        for key in [k for k in os.environ if k.startswith("DIGITIZE_")]:
            del os.environ[key]
        os.environ.update(env)
        from asn1crypto import x509

        from digitize.config import reset_settings
        from digitize.verify import verify_pdf

        reset_settings()
        check_structure(data, limits)
        shas: list[str] = []

        def record(sha: str) -> RegistryMatch | None:
            shas.append(sha)
            return None

        report = verify_pdf(
            data,
            trust_roots=[x509.Certificate.load(r) for r in roots],
            registry_lookup=record,
            file_name=file_name,
        )
        qr: str | None = None
        if report.signatures and report.document.sub_indication != "FORMAT_FAILURE":
            try:
                from digitize.signing.qr import read_qr

                qr = read_qr(data)
            except Exception:
                qr = None
        conn.send(("ok", report.model_dump(mode="json"), shas, qr))
    except TooComplex as err:
        conn.send(("too_complex", err.message_vi, err.message_en, err.details))
    except MemoryError:
        conn.send(("memory", None, None, None))
    except BaseException as exc:  # never a traceback to the caller
        conn.send(("error", f"{type(exc).__name__}: {exc}", None, None))
    finally:
        conn.close()


_context_lock = threading.Lock()
_context: Any = None


def _mp() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _context = ctx
        return _context


def _run_child(data: bytes, file_name: str | None, roots: list[bytes], limits: Limits) -> tuple[Any, ...]:
    ctx = _mp()
    env = {k: v for k, v in os.environ.items() if k.startswith("DIGITIZE_")}
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child, args=(send, data, file_name, roots, env, limits), daemon=True, name="digitize-verify"
    )
    process.start()
    send.close()
    try:
        if not receive.poll(limits.time_budget):
            raise TooComplex(
                f"Kiểm tra tệp này vượt quá thời gian cho phép ({limits.time_budget:g} giây).",
                f"Verifying this file took longer than allowed ({limits.time_budget:g} s).",
                limit_seconds=limits.time_budget,
            )
        try:
            return tuple(receive.recv())
        except EOFError:  # died without answering (killed for memory, crashed in a library)
            return ("memory", None, None, None)
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        with contextlib.suppress(Exception):
            process.close()


# --- bounded work per process and per client ---------------------------------------------------------------


class _Slots:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._size = 0
        self._semaphore: threading.Semaphore | None = None
        self._clients: set[str] = set()

    def _sem(self, size: int) -> threading.Semaphore:
        with self._lock:
            if self._semaphore is None or size != self._size:
                self._semaphore, self._size = threading.BoundedSemaphore(size), size
            return self._semaphore

    @contextlib.contextmanager
    def take(self, client: str, settings: Settings) -> Iterator[None]:
        with self._lock:
            if client in self._clients:
                raise RateLimited(
                    "Một yêu cầu kiểm tra khác của bạn đang chạy; hãy đợi nó xong.",
                    "Another verification of yours is still running; wait for it to finish.",
                    retry_after=5,
                )
            self._clients.add(client)
        try:
            sem = self._sem(settings.verify_concurrency or os.cpu_count() or 1)
            if not sem.acquire(timeout=settings.verify_queue_seconds):
                raise ServiceUnavailable(
                    "Máy chủ đang bận kiểm tra các tệp khác; thử lại sau.",
                    "The server is busy verifying other files; try again later.",
                )
            try:
                yield
            finally:
                sem.release()
        finally:
            with self._lock:
                self._clients.discard(client)


slots = _Slots()


# --- the service -------------------------------------------------------------------------------------------


def vouchable(report: VerificationReport) -> bool:
    """The registry may say "one of ours" only when the signatures verify (see the module docstring)."""
    sigs = report.signatures
    return (
        bool(sigs)
        and all(s.intact and s.crypto_valid and s.trusted and s.indication != "TOTAL_FAILED" for s in sigs)
        and not report.document.modified_after_signing
    )


def cross_check(report: VerificationReport, shas: list[str], qr_text: str | None) -> Verified:
    """The registry part of ``report``: by sha256 of a signed revision (newest first), else by QR."""
    from digitize.store.registry import registry_lookup, registry_match

    report = report.model_copy(update={"registry": RegistryInfo()})
    if not vouchable(report):
        return Verified(report, None)
    match: RegistryMatch | None = None
    how: MatchedBy | None = None
    for sha in shas:
        match = registry_lookup(sha)
        if match is not None:
            how = MatchedBy.SHA256
            break
    if match is None and qr_text:
        try:
            from digitize.signing.qr import parse_payload

            doc_id = parse_payload(qr_text).get("document_id")
            match = registry_match(doc_id) if doc_id else None
        except Exception:  # the cross-check never breaks a report
            log.warning("QR cross-check failed", exc_info=True)
            match = None
        how = MatchedBy.QR if match is not None else None
    if match is None:
        return Verified(report, None)
    registry = RegistryInfo(known=True, document_id=match.document_id, validity=match.validity)
    return Verified(report.model_copy(update={"registry": registry}), how)


def verify_submitted(data: bytes, file_name: str | None, *, client: str) -> Verified:
    """Verify ``data`` submitted by ``client`` (an address) at a public door, within the limits."""
    from digitize.verify import trust_roots_from_settings

    settings = get_settings()
    limits = Limits.from_settings(settings)
    check_raw(data, limits)
    roots = [c.dump() for c in trust_roots_from_settings()]
    with slots.take(client, settings):
        outcome = _run_child(data, file_name, roots, limits)
    kind = outcome[0]
    if kind == "too_complex":
        raise TooComplex(outcome[1], outcome[2], **(outcome[3] or {}))
    if kind == "memory":
        raise TooComplex(
            "Kiểm tra tệp này cần quá nhiều bộ nhớ.", "Verifying this file needs too much memory."
        )
    if kind != "ok":
        log.error("verification child failed: %s", outcome[1])
        raise BadInput(
            f"Không kiểm tra được tệp: {outcome[1]}", f"The file could not be verified: {outcome[1]}"
        )
    report = VerificationReport.model_validate(outcome[1])
    return cross_check(report, list(outcome[2] or []), outcome[3])


def verify_local(
    path: Path,
    *,
    trust: Sequence[Path] = (),
    allow_fetching: bool = True,
    default_trust: bool = True,
    settings: Settings | None = None,
) -> Verified:
    """``digitize verify`` on this machine: the same verification and the same registry cross-check as the
    public door (by sha256 of a signed revision, else by QR; only when the signatures verify), against this
    home's store when it has one. A machine with no store gets the report without a cross-check."""
    from digitize.verify import verify_file

    settings = settings or get_settings()
    shas: list[str] = []

    def record(sha: str) -> RegistryMatch | None:
        shas.append(sha)
        return None

    report = verify_file(
        path,
        trust=trust,
        allow_fetching=allow_fetching,
        default_trust=default_trust,
        registry_lookup=record,
    )
    if not _has_store(settings):
        return Verified(report, None)
    qr: str | None = None
    if vouchable(report):
        try:
            from digitize.signing.qr import read_qr

            qr = read_qr(path.read_bytes())
        except Exception:  # a QR that does not read only leaves the sha256 match
            qr = None
    try:
        return cross_check(report, shas, qr)
    except Exception:  # a store that cannot be read never breaks a report
        log.warning("registry cross-check failed", exc_info=True)
        return Verified(report, None)


def _has_store(settings: Settings) -> bool:
    """A configured database, or the embedded one already created in this home (never created here)."""
    if settings.database_url:
        return True
    return (settings.home_dir / "digitize.db").is_file()
