"""Verify every signature and document timestamp of a PDF: ETSI EN 319 102-1 indications, Circular 15 fields.

Evidence → ordered rules → verdict:

1. ``reading``: the signature dictionaries, read leniently (pikepdf/qpdf, else a scan of the bytes), and the
   document's DSS;
2. here: for each signature, what the CMS proves on its byte range (pyHanko, or directly when pyHanko's PDF
   layer cannot read the file), what the certificate path says (anchors and the intermediates pool of
   ``digitize.trust``, certificates in the CMS and the DSS, AIA through the guarded fetcher; revocation from
   the DSS, the CRL cache, OCSP/CRL fetches), the crypto policy's findings (``policy``), and what a reader
   sees changed after signing (``revisions``) — all into a frozen ``SignatureEvidence``;
3. ``rules.judge_changes`` and ``rules.decide``: the modification and the verdict, first matching rule.

Time: a trusted signature timestamp (or a later trusted document timestamp) is a proof of existence; a
certificate that expired or was revoked after it is re-checked at that time, one that expired or was revoked
before it fails (EXPIRED / REVOKED).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import hashlib
import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from asn1crypto import cms, x509

from digitize.trust import TrustMaterial, issuers_from, load_trust
from digitize.verify import cms_shape, policy, revisions
from digitize.verify.evidence import (
    ChainFacts,
    CmsFacts,
    Coverage,
    Indication,
    Kind,
    Modification,
    Revocation,
    SignatureEvidence,
    SignedBytes,
    Sub,
    Verdict,
    Words,
)
from digitize.verify.model import (
    SEVERITY,
    Check,
    DocumentSummary,
    RegistryInfo,
    RegistryMatch,
    SignatureReport,
    Signer,
    VerificationReport,
)
from digitize.verify.reading import (
    SUPPORTED_SUBFILTERS,
    DssData,
    PasswordProtected,
    byte_range_problems,
    read_dss,
    read_signatures,
    revocation_from_data,
    scan_signatures,
)
from digitize.verify.rules import OFFLINE_ADVICE, decide, iso, judge_changes

log = logging.getLogger(__name__)
# pyHanko logs every failed path or revocation check with a traceback; the report carries what matters, so
# without a configured handler these stay quiet instead of reaching stderr through logging's last resort.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

FETCH_TIMEOUT = 5.0
MAX_FILE_BYTES = 300 * 1024 * 1024
KEY_USAGE = {"non_repudiation", "digital_signature"}
_MOD_NAMES = {
    0: Modification.NONE,
    1: Modification.LTA_UPDATES,
    2: Modification.FORM_FILLING,
    3: Modification.ANNOTATIONS,
    4: Modification.OTHER,
}


# ----------------------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------------------
def _name_part(name: x509.Name, key: str) -> str | None:
    try:
        v = name.native.get(key)
    except Exception:
        return None
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    return str(v) if v else None


def _safe(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception:
        return None


def _signer_of(cert: x509.Certificate | None) -> Signer:
    if cert is None:
        return Signer()
    subj, iss = cert.subject, cert.issuer
    return Signer(
        name=_name_part(subj, "common_name") or _safe(lambda: subj.human_friendly),
        organization=_name_part(subj, "organization_name"),
        serial=format(cert.serial_number, "X"),
        issuer=_name_part(iss, "common_name") or _safe(lambda: iss.human_friendly),
        subject=_safe(lambda: subj.human_friendly),
        issuer_organization=_name_part(iss, "organization_name"),
        email=_name_part(subj, "email_address"),
        sha256=cert.sha256.hex(),
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _validity(cert: x509.Certificate) -> tuple[datetime, datetime]:
    v = cert["tbs_certificate"]["validity"]
    return v["not_before"].native, v["not_after"].native


def _cert_from_cms(contents: bytes | None) -> x509.Certificate | None:
    """The signer's certificate from a CMS blob, as far as it can be decoded (for reports on broken ones)."""
    if not contents:
        return None
    try:
        ci = cms.ContentInfo.load(contents, strict=False)  # /Contents is padded with zeros after the DER
        sd = ci["content"]
        si = sd["signer_infos"][0]
        sid = si["sid"]
        certs = [c.chosen for c in sd["certificates"] if c.name == "certificate"]
        for c in certs:
            if sid.name == "issuer_and_serial_number":
                if c.serial_number == sid.chosen["serial_number"].native:
                    return c
            elif c.key_identifier == sid.chosen.native:
                return c
        return certs[0] if certs else None
    except Exception:
        return None


def _key_usage() -> Any:
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(key_usage=set(KEY_USAGE))


# ----------------------------------------------------------------------------------------------------------
# Validation contexts
# ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Setup:
    """What every signature of one verification is checked against."""

    trust: TrustMaterial
    dss: DssData
    allow_fetching: bool


def _validation_context(
    setup: _Setup,
    extra_certs: Sequence[x509.Certificate],
    *,
    moment: datetime | None = None,
    soft: bool = False,
    crls: Sequence[Any] = (),
    ocsps: Sequence[Any] = (),
) -> Any:
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.policy_decl import AcceptAllAlgorithms

    from digitize.config import get_settings
    from digitize.verify.fetching import GuardedFetcherBackend, allowed_hosts

    kwargs: dict[str, Any] = {
        "trust_roots": list(setup.trust.anchors),
        # the pool certificates that can sit above the signature's own (by issuer name), not the whole pool
        "other_certs": [
            *issuers_from(setup.trust.pool, [*extra_certs, *setup.dss.certs]),
            *setup.dss.certs,
            *extra_certs,
        ],
        "crls": [*setup.dss.crls, *setup.trust.crls, *crls],
        "ocsps": [*setup.dss.ocsps, *ocsps],
        # algorithms are judged by our policy table (digitize.verify.policy), not by refusing the path
        "algorithm_usage_policy": AcceptAllAlgorithms(),
    }
    if moment is None:
        fetch = setup.allow_fetching and not soft
        kwargs.update(
            allow_fetching=fetch,
            revocation_mode="soft-fail" if soft else "hard-fail",
            fetcher_backend=GuardedFetcherBackend(
                FETCH_TIMEOUT, allow=allowed_hosts(get_settings().verify_fetch_allow_hosts)
            )
            if fetch
            else None,
        )
    else:
        # point-in-time: only embedded or already fetched revocation data (which may post-date the moment)
        kwargs.update(
            moment=moment, allow_fetching=False, revocation_mode="soft-fail", retroactive_revinfo=True
        )
    return ValidationContext(**kwargs)


async def _path_at(
    setup: _Setup, cert: x509.Certificate, extra: Sequence[x509.Certificate], vc_like: Any = None, **kw: Any
) -> Any:
    """Validate ``cert``'s path with a fresh context (``kw`` as for ``_validation_context``)."""
    from pyhanko.sign.validation.generic_cms import validate_cert_usage

    vc = _validation_context(setup, [*extra, cert], **kw)
    return await validate_cert_usage(
        cert, vc, key_usage_settings=_key_usage(), paths=vc.path_builder.async_build_paths_lazy(cert)
    )


def _remember(path: Any, vc: Any, setup: _Setup) -> None:
    """Cache the intermediates of a validated path and CRLs fetched and verified on the way."""
    if path is None:
        return
    from digitize import trust
    from digitize.trust import crls as crl_cache

    try:
        trust.remember_certificates([c for c in path.iter_certs(include_root=False)])
        if setup.allow_fetching:
            known = {c.dump() for c in (*setup.dss.crls, *setup.trust.crls)}
            cas = [*setup.trust.anchors, *setup.trust.pool, *path.iter_certs(include_root=True)]
            for c in vc.crls:
                if c.dump() not in known and crl_cache._verify_signature(c, cas) is not None:
                    crl_cache.store(c)
    except Exception:  # a read-only home never breaks a verification
        log.debug("could not cache trust material", exc_info=True)


# ----------------------------------------------------------------------------------------------------------
# One signature: CMS facts and chain facts
# ----------------------------------------------------------------------------------------------------------
def _failure_from(exc: Any) -> Verdict:
    sub = Sub.parse(getattr(getattr(exc, "ades_subindication", None), "name", None)) or Sub.FORMAT_FAILURE
    msg = getattr(exc, "failure_message", None) or str(exc)
    if sub in (Sub.FORMAT_FAILURE, Sub.HASH_FAILURE, Sub.SIG_CRYPTO_FAILURE):
        return Verdict.failed(sub, (f"Chữ ký không hợp lệ về định dạng: {msg}", f"Signature rejected: {msg}"))
    return Verdict.indeterminate(
        sub, (f"Không xác thực được chữ ký: {msg}", f"Signature could not be validated: {msg}")
    )


def _status_facts(status: Any, kind: Kind, raw: SignedBytes, **extra: Any) -> CmsFacts:
    if kind is Kind.DOC_TIMESTAMP:
        times = {
            "signing_time": status.timestamp,
            "timestamp_time": status.timestamp,
            "timestamp_trusted": bool(status.trusted),
            "tsa": _signer_of(status.signing_cert).name,
        }
    else:
        tsv = getattr(status, "timestamp_validity", None)
        times = {"signing_time": getattr(status, "signer_reported_dt", None) or raw.m_time}
        if tsv is not None:
            times.update(
                timestamp_time=tsv.timestamp,
                timestamp_trusted=bool(tsv.intact and tsv.valid and tsv.trusted),
                timestamp_broken=not (tsv.intact and tsv.valid),
                tsa=_signer_of(tsv.signing_cert).name,
            )
    sv_err = getattr(status, "seed_value_constraint_error", None)
    cts = getattr(status, "content_timestamp_validity", None)
    if cts is not None and kind is Kind.SIGNATURE:
        times["content_timestamp"] = bool(cts.intact and cts.valid)
    return CmsFacts(
        intact=bool(status.intact),
        crypto_valid=bool(status.valid),
        cert=status.signing_cert,
        digest_algorithm=status.md_algorithm,
        signature_algorithm=status.pkcs7_signature_mechanism,
        seed_value_error=getattr(sv_err, "failure_message", str(sv_err)) if sv_err is not None else None,
        **times,
        **extra,
    )


async def _chain_facts(
    status: Any,
    cms_facts: CmsFacts,
    vc: Any,
    setup: _Setup,
    extra: Sequence[x509.Certificate],
    poe: datetime | None,
) -> ChainFacts:
    """The path pyHanko validated (or why not), refined: revocation data missing → TRY_LATER with advice;
    expired/revoked after a proof of existence → re-validated at that time."""
    cert = cms_facts.cert
    problem = Sub.parse(status.trust_problem_indic.name) if status.trust_problem_indic is not None else None
    path = status.validation_path
    trusted = bool(status.trusted)
    chain_found = trusted
    rev_time = rev_reason = None
    if status.revocation_details is not None:
        rev_time = status.revocation_details.revocation_date
        rev_reason = _safe(lambda: status.revocation_details.revocation_reason.native)
    note: Words | None = None
    rescued = expired_before = revoked_before = False

    if problem in (Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE, Sub.TRY_LATER) and cert is not None:
        # is it only the revocation data that is missing? check the path again without requiring it
        res = await _path_at(setup, cert, extra, soft=True)
        if res.error_subindic is None:
            path = res.success_result
            chain_found = True
            problem, note = _missing_revocation(cert, setup, vc)
    expiry_problems = (
        Sub.OUT_OF_BOUNDS_NO_POE,
        Sub.REVOKED_NO_POE,
        Sub.EXPIRED,
        Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE,
    )
    if problem in expiry_problems and cert is not None:
        nb, na = _validity(cert)
        if poe is not None and poe > na:
            expired_before = True
        elif poe is not None and rev_time is not None and poe >= rev_time:
            revoked_before = True
        elif poe is not None and nb <= poe <= na:
            try:
                ocsps = _ocsps_for_past(vc.ocsps, [cert, *extra])
                res = await _path_at(setup, cert, extra, moment=poe, crls=vc.crls, ocsps=ocsps)
                if res.error_subindic is None:
                    problem, trusted, chain_found, rescued = None, True, True, True
                    path = res.success_result
            except Exception as exc:  # keep the first result
                log.debug("past validation failed: %s", exc)
    claimed = cms_facts.signing_time
    if not chain_found and problem in expiry_problems and cert is not None and claimed is not None:
        # expired since: was the chain sound when the signer says it signed? (trusted, but no proof of time)
        with contextlib.suppress(Exception):
            res = await _path_at(setup, cert, extra, moment=claimed, crls=vc.crls, ocsps=vc.ocsps)
            if res.error_subindic is None:
                chain_found, path = True, res.success_result
                if problem is Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE:
                    problem = Sub.OUT_OF_BOUNDS_NO_POE
                    note = _expired_ca_words(res.success_result)
    if path is not None and problem is None and not chain_found:
        chain_found = trusted
    if chain_found:
        _remember(path, vc, setup)
    revocation = Revocation.UNKNOWN
    if cert is not None:
        revocation = Revocation(revocation_from_data(cert, list(vc.crls), list(vc.ocsps)))
        if status.revocation_details is not None and not status.revocation_details.ca_revoked:
            revocation = Revocation.REVOKED
    chain_note = None
    not_ca = None
    if (
        not chain_found
        and cert is not None
        and problem
        in (
            None,
            Sub.NO_CERTIFICATE_CHAIN_FOUND,
            Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE,
        )
    ):
        not_ca = _issuer_not_a_ca(cert, setup, extra)
    if not_ca is not None:
        problem, chain_note = Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE, not_ca
    elif not chain_found and cert is not None and problem in (None, Sub.NO_CERTIFICATE_CHAIN_FOUND):
        chain_note = _missing_link(cert, setup, extra)
    return ChainFacts(
        trusted=trusted,
        chain_found=chain_found,
        chain_note=chain_note,
        problem=problem,
        anchor=_safe(lambda: path.trust_anchor.authority.name.human_friendly) if path is not None else None,
        path=tuple(path.iter_certs(include_root=True)) if path is not None else (),
        revocation=revocation,
        revocation_time=rev_time,
        revocation_reason=rev_reason,
        revocation_note=note,
        poe=poe,
        rescued_by_poe=rescued,
        expired_before_poe=expired_before,
        revoked_before_poe=revoked_before,
    )


def _ocsps_for_past(ocsps: Sequence[Any], certs: Sequence[x509.Certificate]) -> list[Any]:
    """The OCSP responses a validation at a past proof of existence can rest on: those about a certificate
    of the path (the context also holds the timestamping authority's, which pyHanko would take for a
    mismatch and give up) that say 'good'. A 'revoked' answer is left out: the revocation time is known to be
    after the proof of existence (checked before), and pyHanko cannot read a later revocation as 'not revoked
    then' from OCSP (it can from a CRL, which stays). ETSI EN 319 102-1 §5.6.2.4 (past signature validation),
    as EU DSS does: revoked or expired after the best-signature-time is accepted."""
    serials = {c.serial_number for c in certs}
    kept = []
    for resp in ocsps:
        try:
            single = resp["response_bytes"]["response"].parsed["tbs_response_data"]["responses"][0]
            if single["cert_id"]["serial_number"].native in serials and single["cert_status"].name == "good":
                kept.append(resp)
        except Exception:
            continue
    return kept


def _ca_issuer_urls(cert: x509.Certificate) -> list[str]:
    urls = []
    for ad in _safe(lambda: cert.authority_information_access_value) or ():
        location = ad["access_location"]
        if ad["access_method"].native == "ca_issuers" and location.name == "uniform_resource_identifier":
            urls.append(str(location.native))
    return urls


def _cn(name: x509.Name) -> str:
    return _name_part(name, "common_name") or str(_safe(lambda: name.human_friendly) or "?")


def _missing_link(cert: x509.Certificate, setup: _Setup, extra: Sequence[x509.Certificate]) -> Words | None:
    """Why no chain was built, precisely: the CA certificate that is nowhere at hand (the file, the shipped
    list and pool, the learnt certificates), or a root that is not trusted; and what an officer can do."""
    anchors = {a.subject.dump() for a in setup.trust.anchors}
    available = [*setup.trust.pool, *setup.dss.certs, *extra]
    cur, seen = cert, set()
    while cur.sha256 not in seen:
        seen.add(cur.sha256)
        if cur.issuer.dump() in anchors:
            return None  # an anchor issued it: the chain failed for another reason (told elsewhere)
        if cur.self_signed != "no":
            root = _cn(cur.subject)
            return (
                f"Chuỗi chứng thư dẫn tới CA gốc '{root}', không nằm trong danh sách tin cậy (các CA gốc "
                "quốc gia của Việt Nam và các CA đã thêm). Nếu đây là CA gốc hợp pháp, có thể thêm bằng "
                "'digitize trust add TỆP.cer'",
                f"The chain leads to the root CA '{root}', which is not in the trust list (Vietnam's "
                "national roots and the CAs added). If it is a legitimate root, add it with "
                "'digitize trust add FILE.cer'",
            )
        issuer_name = cur.issuer.dump()
        nxt = next((c for c in available if c.subject.dump() == issuer_name and c.sha256 not in seen), None)
        if nxt is None:
            issuer = _cn(cur.issuer)
            urls = _ca_issuer_urls(cur)
            where = f" ({urls[0]})" if urls else ""
            how = "ngoại tuyến (--offline)" if not setup.allow_fetching else "trực tuyến"
            how_en = "offline (--offline)" if not setup.allow_fetching else "online"
            return (
                f"Kiểm tra {how}: không có chứng thư của CA cấp '{issuer}' (không có trong tệp, trong danh "
                "sách tin cậy kèm theo và các chứng thư CA đã biết), nên chưa dựng được chuỗi tới CA gốc. "
                "Cách xử lý: khi có mạng, kiểm tra lại (không kèm --offline) để tải chứng thư CA"
                f"{where}; trên mạng không có Internet, lấy tệp chứng thư của CA '{issuer}' từ trang của CA "
                "và thêm bằng 'digitize trust add TỆP.cer', rồi kiểm tra lại",
                f"Checked {how_en}: the certificate of the issuing CA '{issuer}' is not at hand (not in the "
                "file, the shipped trust list or the CA certificates learnt before), so no chain to a root "
                "could be built. What to do: when online, verify again (without --offline) to fetch it"
                f"{where}; on a network without Internet, get the certificate of '{issuer}' from the CA's "
                "site, add it with 'digitize trust add FILE.cer' and verify again",
            )
        cur = nxt
    return None


def _is_ca(cert: x509.Certificate) -> bool:
    bc = _safe(lambda: cert.basic_constraints_value)
    return bool(bc is not None and bc["ca"].native)


def _issuer_not_a_ca(
    cert: x509.Certificate, setup: _Setup, extra: Sequence[x509.Certificate]
) -> Words | None:
    """A chain to a trusted anchor exists by names and keys, but a certificate in it that issued another is
    not a CA (no basicConstraints cA): EU DSS builds that chain and fails it, INDETERMINATE /
    CERTIFICATE_CHAIN_GENERAL_FAILURE (PAdESEndEntityCertIssuedByNotCACertTest, self-issued-qesig.pdf).
    pyHanko says so too, or finds no path at all; either way the report names the certificate. Only when
    the walk reaches an anchor: otherwise the chain is untrusted anyway (NO_CERTIFICATE_CHAIN_FOUND, as DSS
    says without the anchor)."""
    anchors = list(setup.trust.anchors)
    available = [*setup.trust.pool, *setup.dss.certs, *extra]
    cur, seen, culprit = cert, {cert.sha256}, None
    for _ in range(16):
        if cur.self_signed != "no":
            return None
        issued_by_anchor = next((a for a in anchors if a.subject == cur.issuer), None)
        if issued_by_anchor is not None:
            if culprit is None:
                return None
            cn = _cn(culprit.subject)
            return (
                f"Chứng thư '{cn}' đã cấp chứng thư khác trong chuỗi nhưng không phải là chứng thư CA "
                "(thiếu basicConstraints cA): chuỗi chứng thư không hợp lệ",
                f"The certificate '{cn}' issued another certificate of the chain but is not a CA certificate "
                "(no basicConstraints cA): the chain is not valid",
            )
        nxt = next((c for c in available if c.subject == cur.issuer and c.sha256 not in seen), None)
        if nxt is None:
            return None
        if not _is_ca(nxt) and culprit is None:
            culprit = nxt
        seen.add(nxt.sha256)
        cur = nxt
    return None


def _expired_ca_words(path: Any) -> Words | None:
    now = datetime.now(UTC)
    for c in path.iter_certs(include_root=True):
        _nb, na = _validity(c)
        if na < now:
            cn = _name_part(c.subject, "common_name")
            return (
                f"Chứng thư của CA '{cn}' đã hết hạn ngày {iso(na)}; chuỗi chứng thư đúng vào thời điểm "
                "ký khai báo, "
                "nhưng không có dấu thời gian chứng minh chữ ký được tạo trước đó",
                f"The CA certificate '{cn}' expired on {iso(na)}; the chain was sound at the claimed "
                "signing time, "
                "but no timestamp proves the signature was made before",
            )
    return None


def _missing_revocation(cert: x509.Certificate, setup: _Setup, vc: Any) -> tuple[Sub, Words]:
    """TRY_LATER (no revocation data at all) or REVOCATION_OUT_OF_BOUNDS_NO_POE (only stale data), with what
    an officer can do about it."""
    issuer = _name_part(cert.issuer, "common_name")
    issuer_crls = [c for c in vc.crls if c["tbs_cert_list"]["issuer"] == cert.issuer]
    stale = [
        c
        for c in issuer_crls
        if (c["tbs_cert_list"]["next_update"].native or datetime.max.replace(tzinfo=UTC)) < datetime.now(UTC)
    ]
    how = "trực tuyến" if setup.allow_fetching else "ngoại tuyến (--offline)"
    how_en = "online" if setup.allow_fetching else "offline (--offline)"
    if issuer_crls and len(stale) == len(issuer_crls):
        newest = max(c["tbs_cert_list"]["next_update"].native for c in stale)
        return Sub.REVOCATION_OUT_OF_BOUNDS_NO_POE, (
            f"Danh sách thu hồi (CRL) của '{issuer}' đã hết hạn ngày {iso(newest)}. " + OFFLINE_ADVICE[0],
            f"The CRL of '{issuer}' expired on {iso(newest)}. " + OFFLINE_ADVICE[1],
        )
    return Sub.TRY_LATER, (
        f"Kiểm tra {how}: không có CRL/OCSP cho chứng thư do '{issuer}' cấp. " + OFFLINE_ADVICE[0],
        f"Checked {how_en}: no CRL/OCSP for the certificate issued by '{issuer}'. " + OFFLINE_ADVICE[1],
    )


def _coverage_of(cov: Any) -> Coverage:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if cov == SignatureCoverageLevel.ENTIRE_FILE:
        return Coverage.ENTIRE_FILE
    if cov == SignatureCoverageLevel.ENTIRE_REVISION:
        return Coverage.ENTIRE_REVISION
    return Coverage.PARTIAL


async def _check_embedded(
    emb: Any, raw: SignedBytes, setup: _Setup, later_poe: datetime | None
) -> tuple[CmsFacts, ChainFacts] | Verdict:
    """pyHanko on one embedded signature."""
    from pyhanko.sign.diff_analysis import SuspiciousModification
    from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp
    from pyhanko.sign.validation.errors import SignatureValidationError

    extra = list(getattr(emb, "other_embedded_certs", []) or [])
    signer = _safe(lambda: emb.signer_cert)
    vc = _validation_context(setup, [*extra, signer] if signer is not None else extra)
    status: Any
    try:
        if raw.kind is Kind.DOC_TIMESTAMP:
            status = await async_validate_pdf_timestamp(emb, validation_context=vc)
        else:
            status = await async_validate_pdf_signature(
                emb, signer_validation_context=vc, ts_validation_context=vc, key_usage_settings=_key_usage()
            )
    except SignatureValidationError as exc:
        return _failure_from(exc)
    lvl = status.modification_level
    facts = _status_facts(
        status,
        raw.kind,
        raw,
        coverage=_coverage_of(status.coverage),
        modification=_MOD_NAMES.get(lvl.value, Modification.OTHER) if lvl is not None else Modification.OTHER,
        diff_reason=str(status.diff_result)
        if isinstance(status.diff_result, SuspiciousModification)
        else None,
        docmdp_ok=getattr(status, "docmdp_ok", None),
    )
    tsv = getattr(status, "timestamp_validity", None)
    if raw.kind is Kind.SIGNATURE and facts.timestamp_trusted is False and not facts.timestamp_broken:
        with contextlib.suppress(Exception):
            facts = dataclasses.replace(facts, timestamp_note=await _timestamp_note(tsv, setup, extra))
    return facts, await _chain_facts(status, facts, vc, setup, extra, _poe(facts, raw.kind, later_poe))


async def _timestamp_note(tsv: Any, setup: _Setup, extra: Sequence[x509.Certificate]) -> Words | None:
    """An intact signature timestamp that is not trusted: is the TSA's chain sound and only its revocation
    data missing, or does it lead nowhere trusted?"""
    from pyhanko_certvalidator import CertificateValidator

    cert = tsv.signing_cert
    if cert is None:
        return None
    tsa = _signer_of(cert).name or "?"
    vc = _validation_context(setup, [*extra, cert], soft=True)
    try:
        path = await CertificateValidator(cert, validation_context=vc).async_validate_usage(
            set(), extended_key_usage={"time_stamping"}
        )
    except Exception as exc:
        why = _first_line(exc)
        return (
            f"Dấu thời gian của '{tsa}' nguyên vẹn nhưng chứng thư của máy chủ cấp dấu thời gian không xác "
            f"thực được tới CA gốc tin cậy ({why}); dấu thời gian chưa được dùng làm bằng chứng thời điểm ký",
            f"The timestamp by '{tsa}' is intact but the timestamping authority's certificate does not "
            f"validate to a trusted root ({why}); it is not used as proof of the signing time",
        )
    root = _safe(lambda: path.trust_anchor.authority.name.native.get("common_name")) or "?"
    return (
        f"Dấu thời gian của '{tsa}' nguyên vẹn và chuỗi chứng thư của máy chủ cấp dấu thời gian đúng tới "
        f"CA gốc '{root}', nhưng chưa có thông tin thu hồi (CRL/OCSP) cho chứng thư đó, nên chưa được dùng "
        "làm bằng chứng thời điểm ký. " + OFFLINE_ADVICE[0],
        f"The timestamp by '{tsa}' is intact and the timestamping authority's chain to the root '{root}' "
        "is sound, but no revocation information (CRL/OCSP) is at hand for its certificate, so it is not "
        "used as proof of the signing time. " + OFFLINE_ADVICE[1],
    )


def _poe(facts: CmsFacts, kind: Kind, later_poe: datetime | None) -> datetime | None:
    """Proof of existence: the signature's own trusted timestamp, else a later trusted document timestamp."""
    poe = facts.timestamp_time if facts.timestamp_trusted else None
    if poe is None and kind is Kind.SIGNATURE:
        poe = later_poe
    return poe


def _lenient_coverage(raw: SignedBytes, data: bytes) -> Coverage:
    br = raw.byte_range or ()
    if len(br) != 4 or br[0] != 0 or raw.contents is None:
        return Coverage.PARTIAL
    _a, la, b, lb = br
    if b != la + len(raw.contents) * 2 + 2:
        return Coverage.PARTIAL
    if b + lb == len(data):
        return Coverage.ENTIRE_FILE
    tail = data[max(0, b + lb - 32) : b + lb].rstrip(b"\r\n \t\x00")
    return Coverage.ENTIRE_REVISION if tail.endswith(b"%%EOF") else Coverage.PARTIAL


class UndecodableCms(Exception):
    """The signature's CMS cannot be decoded or its signature checked at all: not a signature (as DSS)."""

    def __init__(self, words: Words) -> None:
        super().__init__(words[1])
        self.words = words


async def _check_lenient(
    raw: SignedBytes, data: bytes, setup: _Setup, later_poe: datetime | None, why: str | None
) -> tuple[CmsFacts, ChainFacts] | Verdict:
    """A signature pyHanko's PDF layer could not handle: byte-range digest and CMS, checked directly. A CMS
    with several SignerInfos is checked signer by signer; the first that verifies is the signature."""
    from pyhanko.sign.validation import generic_cms
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import StandardCMSSignatureStatus, TimestampSignatureStatus

    assert raw.byte_range is not None and raw.contents is not None
    try:
        ci = cms_shape.normalise(cms.ContentInfo.load(raw.contents, strict=False))
        sd = ci["content"]
        infos = list(sd["signer_infos"])
        for si in infos:
            _ = si["sid"].native, si["digest_algorithm"].native
        _ = sd["encap_content_info"]["content_type"].native, infos[0]
    except Exception as exc:
        msg = _first_line(exc)
        raise UndecodableCms(
            (
                f"Dữ liệu chữ ký (CMS) không giải mã được: {msg}",
                f"The signature data (CMS) cannot be decoded: {msg}",
            )
        ) from exc
    a, la, b, lb = raw.byte_range
    signed = data[a : a + la] + data[b : b + lb]
    content_intact = True
    # an enveloping CMS (eContent present): the byte range is checked as for a detached signature, and what
    # the encapsulated content says is judged apart (``_enveloped_content_problem``)
    econtent_present = _safe(lambda: sd["encap_content_info"]["content"].native) is not None
    detach = raw.kind is Kind.SIGNATURE and (raw.sub_filter == SHA1_SUBFILTER or econtent_present)
    if raw.sub_filter == SHA1_SUBFILTER and raw.kind is Kind.SIGNATURE:
        # adbe.pkcs7.sha1: what is signed is the SHA-1 digest of the byte range, carried as the content
        econtent = _safe(lambda: sd["encap_content_info"]["content"].native)
        content_intact = isinstance(econtent, bytes) and econtent == hashlib.sha1(signed).digest()
        signed = econtent if isinstance(econtent, bytes) else b""

    def digest(algo: str) -> bytes:
        return hashlib.new(algo, signed).digest()

    extra = [c.chosen for c in sd["certificates"] if c.name == "certificate"] if sd["certificates"] else []
    vc = _validation_context(setup, extra)
    cov = _lenient_coverage(raw, data)
    first: Any = None
    for si in infos:
        one = sd.copy()
        one["signer_infos"] = cms.SignerInfos([si])
        if detach:
            # the content (adbe.pkcs7.sha1: the digest) is judged apart; validate the rest as detached
            one["encap_content_info"] = {"content_type": sd["encap_content_info"]["content_type"].native}
        try:
            status: Any
            if raw.kind is Kind.DOC_TIMESTAMP:
                kwargs = await generic_cms.validate_tst_signed_data(one, vc, digest)
                status = TimestampSignatureStatus(**kwargs)
            else:
                md = si["digest_algorithm"]["algorithm"].native
                kwargs = await generic_cms.collect_timing_info(si, vc, raw_digest=digest)
                kwargs = await generic_cms.cms_basic_validation(
                    one,
                    raw_digest=digest(md),
                    validation_context=vc,
                    status_kwargs=kwargs,
                    key_usage_settings=_key_usage(),
                )
                status = StandardCMSSignatureStatus(**kwargs)
        except SignatureValidationError as exc:
            first = first if first is not None else _failure_from(exc)
            continue
        except AssertionError as exc:
            raise UndecodableCms(
                (
                    "Không kiểm tra được chữ ký: thuật toán chữ ký không khớp với khóa công khai "
                    "của chứng thư",
                    "The signature cannot be checked: its algorithm does not match the certificate's "
                    "public key",
                )
            ) from exc
        if first is None or isinstance(first, Verdict) or (status.intact and status.valid):
            first = status
        if status.intact and status.valid:
            break
    if isinstance(first, Verdict):
        return first
    status = first
    facts = _status_facts(
        status,
        raw.kind,
        raw,
        coverage=cov,
        modification=Modification.NONE if cov is Coverage.ENTIRE_FILE else None,
        lenient=True,
        structure_problem=why,
    )
    if raw.sub_filter == SHA1_SUBFILTER and raw.kind is Kind.SIGNATURE:
        facts = dataclasses.replace(facts, intact=facts.intact and content_intact, digest_algorithm="sha1")
    return facts, await _chain_facts(status, facts, vc, setup, extra, _poe(facts, raw.kind, later_poe))


SHA1_SUBFILTER = "/adbe.pkcs7.sha1"
X509_SUBFILTER = "/adbe.x509.rsa_sha1"


def _x509_rsa_sha1_words(raw: SignedBytes, data: bytes) -> Words:
    """What an adbe.x509.rsa_sha1 signature is: a bare PKCS#1 v1.5 RSA value (a DER OCTET STRING in
    /Contents) over the SHA-1 digest of the byte range, the signer's certificate in /Cert."""
    from asn1crypto import core
    from cryptography import x509 as cx509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    verdict_vi, verdict_en = "không kiểm tra được giá trị của nó", "its value could not be checked"
    try:
        assert raw.byte_range is not None and raw.contents is not None and raw.certs
        a, la, b, lb = raw.byte_range
        # strict=False: the zeros padding /Contents after the DER are ignored (stripping them would cut
        # a value whose last byte is 0, one RSA value in 256)
        value = core.OctetString.load(raw.contents, strict=False).native
        key = cx509.load_der_x509_certificate(raw.certs[0]).public_key()
        assert isinstance(key, rsa.RSAPublicKey)
        try:
            key.verify(value, data[a : a + la] + data[b : b + lb], padding.PKCS1v15(), hashes.SHA1())
            verdict_vi = "giá trị RSA của nó khớp với chứng thư trong /Cert (SHA-1, thuật toán cũ)"
            verdict_en = "its RSA value verifies with the certificate in /Cert (SHA-1, a legacy algorithm)"
        except InvalidSignature:
            verdict_vi = "giá trị RSA của nó KHÔNG khớp với nội dung đã ký"
            verdict_en = "its RSA value does NOT verify over the signed bytes"
    except Exception:
        pass
    return (
        "Chữ ký dạng adbe.x509.rsa_sha1 (giá trị RSA PKCS#1 trần, không phải CMS): không phải chữ ký "
        f"điện tử nâng cao (AdES) và EU DSS không công nhận là chữ ký; {verdict_vi}",
        "An adbe.x509.rsa_sha1 signature (a bare RSA PKCS#1 value, not CMS): not an advanced (AdES) "
        f"signature, and EU DSS does not take it for a signature; {verdict_en}",
    )


def _cms_encoding_problems(shape: cms_shape.CmsShape) -> Verdict | None:
    """What makes a CMS signature invalid though a lenient library verifies it (as EU DSS judges): a digest
    algorithm where the signature algorithm belongs, a signature algorithm where the digest belongs."""
    if shape.signature_as_digest:
        algo = shape.signature_as_digest
        return Verdict.failed(
            Sub.HASH_FAILURE,
            (
                f"Thuật toán băm được ghi là một thuật toán chữ ký ({algo}): không tính được giá trị băm "
                "của nội dung đã ký",
                f"The digest algorithm is given as a signature algorithm ({algo}): the signed content's "
                "digest cannot be computed",
            ),
        )
    if shape.digest_as_signature:
        algo = shape.digest_as_signature
        return Verdict.failed(
            Sub.SIG_CRYPTO_FAILURE,
            (
                f"Thuật toán chữ ký được ghi là một thuật toán băm ({algo}), không phải thuật toán chữ ký",
                f"The signature algorithm is given as a digest algorithm ({algo}), not a signature algorithm",
            ),
        )
    return None


NOT_DER_WORDS: Words = (
    "Các thuộc tính được ký (signed attributes) không được mã hoá theo DER (tập SET OF không theo thứ tự "
    "DER); chữ ký chỉ khớp với cách mã hoá không chuẩn đó, nên theo RFC 5652 (như EU DSS) chữ ký không "
    "hợp lệ",
    "The signed attributes are not DER-encoded (the SET OF is not in DER order); the signature matches only "
    "that non-DER encoding, so under RFC 5652 (as EU DSS judges) it is invalid",
)


def _signed_attrs_as_der(contents: bytes | None, facts: CmsFacts) -> tuple[CmsFacts, Verdict | None]:
    """RFC 5652 signs the DER encoding of the signed attributes and EU DSS (Bouncy Castle) checks the
    signature over that encoding, not over the bytes as written: judge the signature value the same way."""
    shape = cms_shape.inspect(contents)
    if shape.signed_attrs_der is not False or facts.cert is None or not facts.intact or not contents:
        return facts, None
    try:
        ci = cms_shape.normalise(cms.ContentInfo.load(contents, strict=False))
        infos = list(ci["content"]["signer_infos"])
    except Exception:
        return facts, None
    as_written = False
    for si in infos:
        raw_attrs = cms_shape.signed_attrs_bytes(si)
        if raw_attrs is None:
            continue
        try:
            der: bytes | None = cms_shape.der_reencode(raw_attrs)
        except cms_shape.NotDer:
            der = None
        if der is not None and cms_shape.verifies_over(si, facts.cert, der):
            return dataclasses.replace(facts, crypto_valid=True), None
        as_written = as_written or cms_shape.verifies_over(si, facts.cert, raw_attrs)
    if as_written or facts.crypto_valid:
        # crypto_valid stays what the mathematics says over the bytes as written (poppler/NSS agree); the
        # verdict follows RFC 5652 and EU DSS
        return facts, Verdict.failed(Sub.SIG_CRYPTO_FAILURE, NOT_DER_WORDS)
    return facts, None


ENVELOPED_WORDS: Words = (
    "Chữ ký CMS đóng gói kèm nội dung (enveloping) mà nội dung đóng gói không khớp với giá trị băm đã ký "
    "(message-digest); theo RFC 5652 (như EU DSS) giá trị chữ ký không hợp lệ",
    "The CMS signature encapsulates content (enveloping) whose digest is not the signed message-digest; "
    "under RFC 5652 (as EU DSS judges) the signature value is not valid",
)


def _enveloped_content_problem(contents: bytes | None) -> Verdict | None:
    """An enveloping CMS in a PDF signature: the byte range must match the message-digest (intact) and, as
    Bouncy Castle checks for EU DSS, so must the encapsulated content (DSS's PAdESWithEnvelopingCMSTest: a
    copy of the signed bytes is valid; PAdESWithEnvelopingEmptyContentCMSTest: empty content, signature not
    intact)."""
    try:
        sd = cms.ContentInfo.load(contents or b"", strict=False)["content"]
        content = sd["encap_content_info"]["content"].native
        if content is None:
            return None
        si = sd["signer_infos"][0]
        md = si["digest_algorithm"]["algorithm"].native
        attrs = si["signed_attrs"]
        wanted = next((a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None)
        if wanted is None:
            return None
        if hashlib.new(md, content).digest() == wanted:
            return None
    except Exception:
        return None
    return Verdict.failed(Sub.SIG_CRYPTO_FAILURE, ENVELOPED_WORDS)


def _contents_not_in_gap(raw: SignedBytes, data: bytes) -> Verdict | None:
    """The /Contents of the signature dictionary must be the value written in the byte range's gap. EU DSS
    compares them (AbstractPDFSignatureService.isContentValueEqualsByteRangeExtraction, "SIWA detected"):
    when they differ it takes no signed content at all, so the signed data cannot match (HASH_FAILURE)."""
    br = raw.byte_range
    if not br or len(br) != 4 or raw.contents is None:
        return None
    a, la, b, _lb = br
    gap = data[a + la : b].strip()
    if not (gap.startswith(b"<") and gap.endswith(b">")):
        return None  # told by byte_range_problems
    try:
        written = bytes.fromhex(re.sub(rb"\s", b"", gap[1:-1]).decode("ascii"))
    except ValueError:
        return None
    if written.rstrip(b"\x00") == raw.contents.rstrip(b"\x00"):
        return None
    return Verdict.failed(
        Sub.HASH_FAILURE,
        (
            "Giá trị chữ ký trong từ điển chữ ký (/Contents) khác với giá trị nằm trong khoảng trống của "
            "/ByteRange (tấn công bọc chữ ký - SIWA): chữ ký không gắn với nội dung đã ký",
            "The signature value in the signature dictionary (/Contents) is not the one written in the "
            "/ByteRange gap (signature wrapping, SIWA): the signature is not bound to the signed content",
        ),
    )


def _bypass_pyhanko(raw: SignedBytes, shape: cms_shape.CmsShape) -> str | None:
    """Signatures pyHanko's PDF layer refuses though they are sound; they are checked directly."""
    if shape.enveloping and raw.kind is Kind.SIGNATURE and raw.sub_filter != SHA1_SUBFILTER:
        return "enveloping CMS (the signed content is encapsulated too)"
    if shape.plain_ecdsa:
        return f"plain-ECDSA signature value (ecdsa-plain-{shape.plain_ecdsa.upper()}, r||s)"
    if raw.sub_filter == SHA1_SUBFILTER:
        return "/adbe.pkcs7.sha1 (the SHA-1 digest of the byte range is the signed content)"
    if shape.signed_as_der:
        return "signed attributes written out of DER order (their DER form is what is signed)"
    if raw.kind is Kind.DOC_TIMESTAMP and raw.type_name != "/DocTimeStamp":
        return f"document timestamp whose /Type is {raw.type_name or 'missing'}"
    return None


async def _gather(
    raw: SignedBytes,
    data: bytes,
    emb: Any,
    emb_error: str | None,
    setup: _Setup,
    later_poe: datetime | None,
    final_doc: revisions.Document | None,
) -> SignatureEvidence:
    """Everything about one signature, frozen."""
    ev = SignatureEvidence(signed=raw)
    if raw.byte_range and len(raw.byte_range) == 4 and raw.revision_end <= len(data):
        ev = dataclasses.replace(
            ev, signed_revision_sha256=hashlib.sha256(data[: raw.revision_end]).hexdigest()
        )
    problems = list(raw.problems) + byte_range_problems(raw, data)
    if problems:
        return dataclasses.replace(ev, failure=Verdict.failed(Sub.FORMAT_FAILURE, *problems))
    if raw.sub_filter == X509_SUBFILTER:
        # not a CMS: EU DSS takes the dictionary for a signature, fails to parse its /Contents as CMS and
        # skips it ("Unable to parse signature", AbstractPDFSignatureService.getRevisions), as for
        # BadEncodedCMS: no signature. Its PKCS#1 value is still checked, so the report can say what it is.
        return dataclasses.replace(
            ev,
            failure=Verdict.failed(Sub.FORMAT_FAILURE, _x509_rsa_sha1_words(raw, data)),
            undecodable=True,
        )
    if raw.sub_filter and raw.sub_filter not in SUPPORTED_SUBFILTERS:
        return dataclasses.replace(
            ev,
            failure=Verdict.failed(
                Sub.FORMAT_FAILURE,
                (
                    f"Định dạng chữ ký không được hỗ trợ ({raw.sub_filter})",
                    f"Unsupported signature format ({raw.sub_filter})",
                ),
            ),
        )
    result: tuple[CmsFacts, ChainFacts] | Verdict | None = None
    wrapped = _contents_not_in_gap(raw, data)
    shape = cms_shape.inspect(raw.contents)
    encoding = _cms_encoding_problems(shape)
    bypass: str | None = None
    if emb is not None:
        with contextlib.suppress(Exception):
            ev = dataclasses.replace(
                ev,
                signed_revision=emb.signed_revision,
                docmdp=int(emb.docmdp_level.value) if emb.docmdp_level is not None else None,
            )
        bypass = _bypass_pyhanko(raw, shape)
        if bypass is None:
            try:
                result = await _check_embedded(emb, raw, setup, later_poe)
            except Exception as exc:
                log.debug("pyHanko failed on %s", raw.field, exc_info=True)
                emb_error = _first_line(exc)
    if result is None:
        try:
            result = await _check_lenient(raw, data, setup, later_poe, emb_error)
        except UndecodableCms as exc:
            if encoding is not None:  # it decodes; its algorithms are what is wrong
                result = encoding
            else:
                return dataclasses.replace(
                    ev, failure=Verdict.failed(Sub.FORMAT_FAILURE, exc.words), undecodable=True
                )
        except Exception as exc:
            log.debug("lenient validation of %s failed", raw.field, exc_info=True)
            if isinstance(exc, AssertionError):
                vi_why = "thuật toán chữ ký không khớp với khóa công khai của chứng thư"
                en_why = "the signature algorithm does not match the certificate's public key"
            else:
                vi_why = en_why = emb_error or _first_line(exc)
            result = Verdict.failed(
                Sub.FORMAT_FAILURE,
                (f"Không kiểm tra được chữ ký: {vi_why}", f"The signature could not be checked: {en_why}"),
            )
    if isinstance(result, Verdict):
        return dataclasses.replace(
            ev,
            failure=wrapped or encoding or result,
            cms=CmsFacts(
                intact=False,
                crypto_valid=False,
                cert=_cert_from_cms(raw.contents),
                digest_algorithm=None,
                signature_algorithm=None,
                signing_time=raw.m_time,
                coverage=_lenient_coverage(raw, data),
            ),
        )
    cms_facts, chain = result
    cms_facts, not_der = _signed_attrs_as_der(raw.contents, cms_facts)
    enveloped = (
        _enveloped_content_problem(raw.contents)
        if shape.enveloping and raw.kind is Kind.SIGNATURE and raw.sub_filter != SHA1_SUBFILTER
        else None
    )
    if wrapped is not None:
        ev = dataclasses.replace(ev, failure=wrapped)
        cms_facts = dataclasses.replace(cms_facts, intact=False)  # bound to nothing signed, as DSS says
    elif encoding is not None:
        ev = dataclasses.replace(ev, failure=encoding)
        cms_facts = dataclasses.replace(cms_facts, crypto_valid=False)
    elif not_der is not None:
        ev = dataclasses.replace(ev, failure=not_der)
    elif enveloped is not None and cms_facts.intact:
        ev = dataclasses.replace(ev, failure=enveloped)
    if shape.plain_ecdsa:
        cms_facts = dataclasses.replace(cms_facts, signature_algorithm=f"ecdsa-plain-{shape.plain_ecdsa}")
    chain_certs = chain.path if chain.chain_found else ()
    ev = dataclasses.replace(
        ev,
        cms=cms_facts,
        chain=chain,
        crypto=policy.judge(cms_facts.digest_algorithm, cms_facts.cert, chain_certs),
    )
    if cms_facts.lenient and bypass is not None:
        ev = dataclasses.replace(
            ev,
            notes=(
                (
                    f"Chữ ký được kiểm tra trực tiếp trên vùng byte đã ký ({bypass})",
                    f"The signature was checked directly on its signed byte range ({bypass})",
                ),
            ),
        )
    elif cms_facts.lenient:
        why = cms_facts.structure_problem or "?"
        ev = dataclasses.replace(
            ev,
            notes=(
                (
                    f"Chữ ký được kiểm tra trực tiếp trên vùng byte đã ký (lớp PDF không đọc được nó: {why})",
                    "The signature was checked directly on its signed byte range "
                    f"(the PDF layer could not: {why})",
                ),
            ),
        )
    if raw.kind is Kind.SIGNATURE:
        imprints = tuple(cms_shape.signature_timestamp_imprints(raw.contents))
        ev = dataclasses.replace(ev, timestamp_imprints=imprints)
        broken = [i + 1 for i, ok in enumerate(imprints) if not ok]
        if broken and len(broken) < len(imprints):
            which = ", ".join(str(i) for i in broken)
            ev = dataclasses.replace(
                ev,
                notes=(
                    *ev.notes,
                    (
                        f"Cảnh báo: dấu thời gian chữ ký thứ {which} (trong {len(imprints)}) không khớp "
                        "với giá trị chữ ký (sai message imprint) nên không có giá trị; thời điểm ký được "
                        "chứng minh bằng dấu thời gian còn lại",
                        f"Warning: signature timestamp {which} of {len(imprints)} does not match the "
                        "signature value (wrong message imprint) and proves nothing; the signing time rests "
                        "on the other timestamp(s)",
                    ),
                ),
            )
    if final_doc is not None and cms_facts.coverage is Coverage.ENTIRE_REVISION:
        try:
            diff = revisions.compare(revisions.Document(data[: raw.revision_end]), final_doc)
        except Exception as exc:
            diff = revisions.RevisionDiff(error=str(exc))
        if (
            cms_facts.modification in (None, Modification.OTHER)
            and not diff.error
            and not diff.visible_change
        ):
            # pyHanko could not classify the later updates: which kinds of objects did they touch?
            try:
                diff.update_kinds = revisions.classify_update(
                    data[: raw.revision_end], data, own=raw.object_id
                )
            except Exception:
                log.debug("could not classify the update after %s", raw.field, exc_info=True)
        ev = dataclasses.replace(ev, diff=diff)
    elif final_doc is not None and cms_facts.coverage is Coverage.ENTIRE_FILE:
        with contextlib.suppress(Exception):
            ev = dataclasses.replace(ev, pages_final=final_doc.page_count())
    return ev


# ----------------------------------------------------------------------------------------------------------
# Evidence + verdict → report entry
# ----------------------------------------------------------------------------------------------------------
def _report(ev: SignatureEvidence) -> SignatureReport:
    changes = judge_changes(ev)
    verdict = decide(ev, changes)
    cms_facts, chain = ev.cms, ev.chain
    cert = ev.cert
    nb = na = None
    if cert is not None:
        with contextlib.suppress(Exception):
            nb, na = _validity(cert)
    when = ev.made_at
    valid_at_signing = (
        (nb <= when <= na) if (nb is not None and na is not None and when is not None) else None
    )
    reasons: list[Words] = list(ev.notes) + list(changes.notes)
    if chain is not None and chain.rescued_by_poe:
        reasons.append(
            (
                f"Chứng thư hết hạn/bị thu hồi sau thời điểm {iso(chain.poe)} mà chữ ký đã tồn tại "
                "(chứng minh bằng dấu thời gian): chấp nhận",
                f"Certificate expired/revoked after {iso(chain.poe)}, when the signature provably existed "
                "(timestamp): accepted",
            )
        )
    if cms_facts is not None and cms_facts.timestamp_broken:
        reasons.append(("Dấu thời gian của chữ ký bị hỏng", "The signature's timestamp token is broken"))
    if cms_facts is not None and cms_facts.content_timestamp is False:
        # EU DSS validates a content timestamp as a timestamp of its own (failed alone); the signature's
        # verdict does not rest on it (its policy leaves ContentTimeStamp unchecked): a warning
        reasons.append(
            (
                "Cảnh báo: dấu thời gian nội dung (content timestamp, ký trước chữ ký) không khớp với "
                "nội dung đã ký hoặc bị hỏng, nên không chứng minh được gì",
                "Warning: the content timestamp (made before the signature) does not match the signed "
                "content or is broken, so it proves nothing",
            )
        )
    reasons += list(verdict.reasons)
    if cms_facts is not None and cms_facts.timestamp_note is not None:
        reasons.append(cms_facts.timestamp_note)
    # algorithms the policy does not accept are always named, whatever rule decided
    for f in ev.crypto:
        if f.words() not in reasons:
            reasons.append(f.words())
    checks = [
        Check(name="integrity", ok=cms_facts.intact if cms_facts else False),
        Check(name="signature_value", ok=cms_facts.crypto_valid if cms_facts else False),
        *changes.checks,
        Check(
            name="certificate_chain",
            ok=chain.chain_found if chain else False,
            detail=chain.anchor if chain else None,
        ),
        Check(name="certificate_valid_at_signing_time", ok=valid_at_signing),
        Check(
            name="crypto_policy",
            ok=not ev.crypto,
            detail=", ".join(sorted({f.algorithm for f in ev.crypto})) or None,
        ),
        Check(
            name="revocation",
            ok=None
            if chain is None or chain.revocation is Revocation.UNKNOWN
            else chain.revocation is Revocation.GOOD,
            detail=chain.revocation.value if chain else None,
        ),
    ]
    if cms_facts is not None and cms_facts.structure_problem:
        checks.append(Check(name="pdf_structure", ok=False, detail=cms_facts.structure_problem))
    if ev.kind is Kind.SIGNATURE and ev.failure is None:
        # PAdES B-B asks for the ESS signing-certificate(-v2) attribute; EU DSS checks its presence while
        # identifying the signing certificate (ISC: SigningCertificateAttributePresentCheck, a constraint of
        # its policy). Told here, not a verdict: Vietnamese signing tools often leave it out.
        ref = cms_shape.has_signing_certificate_attr(ev.signed.contents)
        checks.append(
            Check(
                name="signing_certificate_attribute",
                ok=ref,
                detail=None if ref is None else ("present" if ref else "absent (PAdES B-B requires it)"),
            )
        )
    if cms_facts is not None and cms_facts.content_timestamp is not None:
        checks.append(Check(name="content_timestamp", ok=cms_facts.content_timestamp))
    if ev.timestamp_imprints:
        good = sum(ev.timestamp_imprints)
        checks.append(
            Check(
                name="signature_timestamps",
                ok=all(ev.timestamp_imprints),
                detail=f"{good} of {len(ev.timestamp_imprints)} match the signature value",
            )
        )
    ts_trusted = cms_facts.timestamp_trusted if cms_facts else None
    diff = ev.diff
    modification = changes.modification
    if ev.failure is not None:
        entire = cms_facts is not None and cms_facts.coverage is Coverage.ENTIRE_FILE
        modification = Modification.NONE if entire else Modification.OTHER
    return SignatureReport(
        field=ev.signed.field,
        field_names=[ev.signed.field, *ev.signed.also_fields],
        kind=ev.kind.value,
        indication=verdict.indication.value,
        sub_indication=verdict.sub.value
        if verdict.sub is not None and verdict.indication is not Indication.TOTAL_PASSED
        else None,
        intact=bool(cms_facts and cms_facts.intact),
        crypto_valid=bool(cms_facts and cms_facts.crypto_valid),
        trusted=bool(chain and chain.chain_found),
        modification=modification.value,
        coverage=(cms_facts.coverage if cms_facts else Coverage.PARTIAL).value,
        signer=_signer_of(cert),
        signing_time=iso(cms_facts.signing_time if cms_facts else ev.signed.m_time),
        timestamp_time=iso(cms_facts.timestamp_time if cms_facts else None),
        certificate_valid_from=iso(nb),
        certificate_valid_until=iso(na),
        revocation=(chain.revocation if chain else Revocation.UNKNOWN).value,
        certificate_valid_at_signing_time=valid_at_signing,
        revocation_time=iso(chain.revocation_time if chain else None),
        revocation_reason=chain.revocation_reason if chain else None,
        timestamp_trusted=ts_trusted,
        timestamp_authority=cms_facts.tsa if cms_facts else None,
        trust_anchor=chain.anchor if chain else None,
        digest_algorithm=cms_facts.digest_algorithm if cms_facts else None,
        signature_algorithm=cms_facts.signature_algorithm if cms_facts else None,
        sub_filter=ev.signed.sub_filter,
        reason=ev.signed.reason,
        location=ev.signed.location,
        docmdp=ev.docmdp,
        signed_revision=ev.signed_revision,
        signed_revision_sha256=ev.signed_revision_sha256,
        pages_signed=diff.pages_signed if diff is not None else ev.pages_final,
        pages_final=diff.pages_final if diff is not None else ev.pages_final,
        algorithm_findings=[f.algorithm for f in ev.crypto],
        reasons=[vi for vi, _ in reasons],
        reasons_en=[en for _, en in reasons],
        checks=checks,
    )


# ----------------------------------------------------------------------------------------------------------
# The document
# ----------------------------------------------------------------------------------------------------------
def _format_failure_report(data: bytes, vi: str, en: str, file_name: str | None) -> VerificationReport:
    return VerificationReport(
        document=DocumentSummary(
            indication="TOTAL_FAILED",
            sub_indication="FORMAT_FAILURE",
            modified_after_signing=False,
            signatures=0,
            timestamps=0,
            reason=vi,
            reason_en=en,
            sha256=hashlib.sha256(data).hexdigest(),
            validation_time=iso(datetime.now(UTC)),
        ),
        signatures=[],
        file_name=file_name,
    )


async def averify_pdf(
    data: bytes,
    *,
    trust_roots: Sequence[x509.Certificate] = (),
    default_trust: bool = True,
    allow_fetching: bool = True,
    registry_lookup: Callable[[str], RegistryMatch | None] | None = None,
    visual_checks: bool = True,
    file_name: str | None = None,
) -> VerificationReport:
    """Verify ``data`` (the bytes of a PDF). Never raises on bad input: a report always comes back.

    Anchors: ``trust_roots`` plus, unless ``default_trust`` is False, the shipped Vietnamese trust list and
    anchors added with ``digitize trust add``; the intermediates pool and the CRL cache are always used."""
    try:
        trust = load_trust(list(trust_roots), default_trust=default_trust)
        return await _averify(data, trust, allow_fetching, registry_lookup, visual_checks, file_name)
    except Exception as exc:  # the promise: a report, never a traceback
        log.exception("verification failed unexpectedly")
        return _format_failure_report(
            data,
            f"Không kiểm tra được tệp: {type(exc).__name__}: {exc}",
            f"The file could not be verified: {type(exc).__name__}: {exc}",
            file_name,
        )


def verify_pdf(
    data: bytes,
    *,
    trust_roots: Sequence[x509.Certificate] = (),
    default_trust: bool = True,
    allow_fetching: bool = True,
    registry_lookup: Callable[[str], RegistryMatch | None] | None = None,
    visual_checks: bool = True,
    file_name: str | None = None,
) -> VerificationReport:
    """Synchronous :func:`averify_pdf` (runs in a worker thread when called from inside an event loop)."""

    def run() -> VerificationReport:
        return asyncio.run(
            averify_pdf(
                data,
                trust_roots=trust_roots,
                default_trust=default_trust,
                allow_fetching=allow_fetching,
                registry_lookup=registry_lookup,
                visual_checks=visual_checks,
                file_name=file_name,
            )
        )

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def _embedded_signatures(data: bytes) -> tuple[dict[str, Any], dict[str, str], str | None]:
    """pyHanko's view (non-strict reader): signatures by field name, errors by field, reader error."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    embedded: dict[str, Any] = {}
    errors: dict[str, str] = {}
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        _ = reader.root
        if reader.encrypted:
            # signed and encrypted: the signature covers the encrypted bytes; most open with an empty password
            with contextlib.suppress(Exception):
                reader.decrypt("")
    except Exception as exc:
        return embedded, errors, f"{type(exc).__name__}: {exc}"
    try:
        for fq_name, _sig_obj, sig_field in enumerate_sig_fields(reader, filled_status=True):
            try:
                embedded[fq_name] = EmbeddedPdfSignature(reader, sig_field, fq_name)
            except Exception as exc:
                errors[fq_name] = f"{type(exc).__name__}: {exc}"
    except Exception as exc:
        return embedded, errors, f"{type(exc).__name__}: {exc}"
    return embedded, errors, None


async def _averify(
    data: bytes,
    trust: TrustMaterial,
    allow_fetching: bool,
    registry_lookup: Callable[[str], RegistryMatch | None] | None,
    visual_checks: bool,
    file_name: str | None,
) -> VerificationReport:
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return _format_failure_report(data, "Tệp rỗng", "The file is empty", file_name)
    if len(data) > MAX_FILE_BYTES:
        return _format_failure_report(data, "Tệp quá lớn", "The file is too large", file_name)
    if b"%PDF-" not in data[:1024]:
        return _format_failure_report(
            data,
            "Tệp không phải là PDF (thiếu phần đầu %PDF-)",
            "Not a PDF file (no %PDF- header)",
            file_name,
        )

    # 1. the signature dictionaries, read leniently (pikepdf/qpdf, else a raw scan of the bytes)
    scanned = False
    try:
        raws = read_signatures(data)
    except PasswordProtected:
        # EU DSS cannot open it either: without the password its validator throws
        # InvalidPasswordException and gives no report (ProtectedDocumentsSignatureTest, open_protected.pdf
        # with no or a wrong password)
        return _format_failure_report(
            data,
            "Tệp PDF được mã hoá bằng mật khẩu mở tệp (user password): không đọc được nội dung và chữ ký "
            "khi không có mật khẩu. Đề nghị bên gửi cung cấp bản không đặt mật khẩu mở tệp",
            "The PDF is encrypted with a user (open) password: neither its content nor its signatures can "
            "be read without it. Ask the sender for a copy without an open password",
            file_name,
        )
    except Exception as exc:
        log.debug("pikepdf cannot open the file (%s); scanning raw bytes", exc)
        raws = scan_signatures(data)
        scanned = True
        if not raws:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            damage = re.sub(r"^stream <[^>]*>:\s*", "", first)
            return _format_failure_report(
                data,
                f"Tệp PDF bị hỏng, không đọc được chữ ký nào: {damage}",
                f"The PDF is damaged and no signature can be read from it: {damage}",
                file_name,
            )
    if not raws:
        return _format_failure_report(
            data, "Tệp PDF không có chữ ký số nào", "The PDF contains no digital signature", file_name
        )
    raws.sort(key=lambda r: r.revision_end)

    # 2. pyHanko's reader (non-strict); its signatures matched to ours by field name
    embedded, emb_errors, reader_error = ({}, {}, "not opened") if scanned else _embedded_signatures(data)
    setup = _Setup(trust=trust, dss=read_dss(data), allow_fetching=allow_fetching)
    final_doc = revisions.Document(data) if visual_checks else None

    # 3. evidence, newest first: a trusted document timestamp is a proof of existence for older signatures
    evidence: list[SignatureEvidence] = []
    later_poe: datetime | None = None
    try:
        for raw in reversed(raws):
            why = emb_errors.get(raw.field) or reader_error
            ev = await _gather(raw, data, embedded.get(raw.field), why, setup, later_poe, final_doc)
            verdict = decide(ev, judge_changes(ev))
            ts = ev.cms.timestamp_time if ev.cms else None
            if (
                ev.kind is Kind.DOC_TIMESTAMP
                and verdict.indication is Indication.TOTAL_PASSED
                and ts is not None
            ):
                later_poe = ts if later_poe is None else min(later_poe, ts)
            evidence.append(ev)
    finally:
        if final_doc is not None:
            final_doc.close()
    evidence.reverse()
    dropped = [ev for ev in evidence if ev.undecodable]
    evidence = [ev for ev in evidence if not ev.undecodable]
    if not evidence:
        # only undecodable CMS blobs (empty placeholders, broken encodings): no signature at all, as DSS says
        why = "; ".join(f"'{ev.signed.field}': {ev.failure.reasons[0][0]}" for ev in dropped if ev.failure)
        why_en = "; ".join(f"'{ev.signed.field}': {ev.failure.reasons[0][1]}" for ev in dropped if ev.failure)
        return _format_failure_report(
            data,
            f"Không tìm thấy chữ ký số nào đọc được ({why})",
            f"No readable digital signature found ({why_en})",
            file_name,
        )
    return _summarise(data, sha, [_report(ev) for ev in evidence], registry_lookup, file_name)


def _summarise(
    data: bytes,
    sha: str,
    reports: list[SignatureReport],
    registry_lookup: Callable[[str], RegistryMatch | None] | None,
    file_name: str | None,
) -> VerificationReport:
    worst = max(reports, key=lambda r: SEVERITY[r.indication])
    last_sig = reports[-1]
    modified = last_sig.modification not in ("none", "lta_updates") or any(
        r.modification in ("annotations", "other") for r in reports
    )
    pages = next((r.pages_final for r in reports if r.pages_final is not None), None)
    if worst.indication == "TOTAL_PASSED":
        vi, en = "Tất cả chữ ký hợp lệ", "Every signature is valid"
    else:
        first = next(r for r in reports if r.indication == worst.indication)
        vi = f"Chữ ký '{first.field}': " + ("; ".join(first.reasons) or (first.sub_indication or ""))
        en = f"Signature '{first.field}': " + ("; ".join(first.reasons_en) or (first.sub_indication or ""))
    indication, sub = worst.indication, worst.sub_indication
    if not any(r.kind == "signature" for r in reports):
        # only document timestamps: proof the file existed then, but no one signed it. EU DSS says
        # NO_SIGNATURE_FOUND (PAdESTimestampedExistingFieldsTest); here, as for any file without a signature:
        # TOTAL_FAILED / FORMAT_FAILURE at the document level, each timestamp judged in its own entry.
        ok = sum(1 for r in reports if r.indication == "TOTAL_PASSED")
        indication, sub = "TOTAL_FAILED", "FORMAT_FAILURE"
        vi = (
            f"Tệp PDF không có chữ ký số nào, chỉ có {len(reports)} dấu thời gian tài liệu "
            f"({ok} hợp lệ): chứng minh tệp đã tồn tại vào thời điểm đó, không phải chữ ký của ai"
        )
        en = (
            f"The PDF has no digital signature, only {len(reports)} document timestamp(s) ({ok} valid): "
            "proof the file existed at that time, not anyone's signature"
        )
    registry = RegistryInfo()
    if registry_lookup is not None:
        # the newest signed revision that the store might know, newest first
        for r in reversed(reports):
            if r.signed_revision_sha256 is None:
                continue
            try:
                match = registry_lookup(r.signed_revision_sha256)
            except Exception:
                log.warning("registry lookup failed", exc_info=True)
                match = None
            if match is not None:
                registry = RegistryInfo(known=True, document_id=match.document_id, validity=match.validity)
                break
    return VerificationReport(
        document=DocumentSummary(
            indication=indication,
            sub_indication=sub,
            modified_after_signing=modified,
            signatures=sum(1 for r in reports if r.kind == "signature"),
            timestamps=sum(1 for r in reports if r.kind == "doc_timestamp"),
            reason=vi,
            reason_en=en,
            sha256=sha,
            pages=pages,
            revisions=data.count(b"%%EOF"),
            validation_time=iso(datetime.now(UTC)),
        ),
        signatures=reports,
        registry=registry,
        file_name=file_name,
    )
