"""From evidence to verdict: small rules, tried in order, the first that speaks decides (docs/verify.md).

Each rule takes the frozen ``SignatureEvidence`` (and the judged ``Changes``) and returns a ``Verdict`` or
None. ``judge_changes`` first says what changed after signing as a reader sees it; ``decide`` runs the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from digitize.verify.evidence import (
    Coverage,
    Indication,
    Kind,
    Modification,
    SignatureEvidence,
    Sub,
    Verdict,
    Words,
)
from digitize.verify.model import Check
from digitize.verify.policy import Acceptance


def iso(dt: datetime | None) -> str | None:
    from datetime import UTC

    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Changes:
    """What changed after signing, judged from pyHanko's analysis and from what a reader sees."""

    modification: Modification
    visible: tuple[Words, ...] = ()  # changes a reader sees: TOTAL_FAILED
    notes: tuple[Words, ...] = ()
    docmdp_violated: bool = False
    overlapping_pages: tuple[int, ...] = ()
    checks: tuple[Check, ...] = field(default_factory=tuple)


def _visible_changes(ev: SignatureEvidence) -> tuple[list[Words], list[Check]]:
    d = ev.diff
    visible: list[Words] = []
    checks: list[Check] = []
    if d is None:
        return visible, checks
    if d.page_count_changed:
        visible.append(
            (
                f"Số trang thay đổi sau khi ký: {d.pages_signed} → {d.pages_final}",
                f"Page count changed after signing: {d.pages_signed} → {d.pages_final}",
            )
        )
    if d.changed_pages:
        pages = ", ".join(str(p) for p in d.changed_pages[:10])
        visible.append(
            (
                f"Nội dung trang {pages} bị thay đổi sau khi ký (so sánh hình ảnh bản đã ký và bản hiện tại)",
                f"Content of page {pages} changed after signing (rendered signed revision vs final document)",
            )
        )
    if d.appearance_changed_pages:
        pages = ", ".join(str(p) for p in d.appearance_changed_pages[:10])
        visible.append(
            (
                f"Hình thức hiển thị trên trang {pages} bị thay đổi sau khi ký mà giá trị trường không đổi "
                "(nội dung bị che hoặc thay thế)",
                f"What page {pages} shows was changed after signing without a field value change "
                "(content hidden or replaced)",
            )
        )
    if d.replaced_fields:
        names = ", ".join(d.replaced_fields[:5])
        visible.append(
            (
                f"Giá trị đã ký của trường biểu mẫu bị thay thế sau khi ký: {names}",
                f"The signed value of form field(s) was replaced after signing: {names}",
            )
        )
    checks += [
        Check(
            name="page_difference", ok=not d.page_count_changed, detail=f"{d.pages_signed} → {d.pages_final}"
        ),
        Check(
            name="visual_difference",
            ok=not d.changed_pages,
            detail=f"{d.compared_pages} page(s) compared"
            + (f"; changed: {d.changed_pages}" if d.changed_pages else ""),
        ),
        Check(
            name="annotation_overlap",
            ok=not d.overlapping and not d.annotation_overlap_pages,
            detail=f"{len(d.new_annotations)} new annotation(s), {len(d.overlapping)} over signed content"
            + (
                f"; overlapping other annotations on page(s) {d.annotation_overlap_pages}"
                if d.annotation_overlap_pages
                else ""
            ),
        ),
    ]
    if d.error:
        checks.append(Check(name="rendering", ok=None, detail=d.error))
    checks.append(
        Check(name="form_values", ok=not d.replaced_fields, detail=", ".join(d.replaced_fields) or None)
    )
    return visible, checks


def judge_changes(ev: SignatureEvidence) -> Changes:
    """The modification of the contract (none, lta_updates, form_filling, annotations, other) and why."""
    cms, d = ev.cms, ev.diff
    base = cms.modification if cms is not None and cms.modification is not None else Modification.OTHER
    if cms is not None and cms.coverage is Coverage.ENTIRE_FILE and cms.modification is None:
        base = Modification.NONE
    visible, checks = _visible_changes(ev)
    notes: list[Words] = []
    mod = base
    unclassified = cms is not None and cms.modification is Modification.OTHER
    if visible:
        mod = Modification.OTHER
    elif (
        d is not None
        and base is Modification.OTHER
        and cms is not None
        and not d.error
        and (cms.coverage is Coverage.ENTIRE_REVISION)
    ):
        # pyHanko could not classify the update (or could not read the file): judge it by what a reader sees
        new_annots = [a for a in d.new_annotations if not a.signature_widget and a.subtype != "/Widget"]
        reason = cms.diff_reason or ""
        if "VRI" in reason:
            mod = Modification.LTA_UPDATES
            notes.append(
                (
                    "Chỉ thay đổi dữ liệu kiểm tra dài hạn (DSS/VRI) sau khi ký",
                    "Only long-term validation data (DSS/VRI) changed after signing",
                )
            )
        elif d.changed_widgets and re.search(r"/(V|I|AS)\b", reason):
            mod = Modification.FORM_FILLING
            notes.append(
                (
                    "Giá trị trường biểu mẫu được điền/chọn sau khi ký; ngoài các trường đó, trang không đổi",
                    "Form field values were filled in or chosen after signing; nothing else visible changed",
                )
            )
        elif d.update_kinds is not None and "replaced_signature" in d.update_kinds:
            notes.append(
                (
                    "Từ điển chữ ký (lý do, thời điểm, vùng ký ...) bị thay thế sau khi ký",
                    "The signature dictionary (reason, time, byte range ...) was replaced after signing",
                )
            )
        elif new_annots and (d.update_kinds is None or d.update_kinds <= BENIGN_KINDS):
            mod = Modification.ANNOTATIONS
            if not d.overlapping:
                notes.append(
                    (
                        "Có chú thích (annotation) được thêm sau khi ký, không che nội dung đã ký",
                        "Annotations were added after signing; they cover no signed content",
                    )
                )
        elif d.update_kinds is not None and d.update_kinds <= BENIGN_KINDS:
            # nothing visible changed, and every changed object is one a reader does not see as content
            kinds = d.update_kinds
            if "annotation" in kinds:
                mod = Modification.ANNOTATIONS
            elif "form" in kinds or "signature" in kinds:
                mod = Modification.FORM_FILLING
            else:
                mod = Modification.LTA_UPDATES
            what = ", ".join(sorted(KIND_WORDS.get(k, (k, k))[0] for k in kinds))
            what_en = ", ".join(sorted(KIND_WORDS.get(k, (k, k))[1] for k in kinds))
            notes.append(
                (
                    f"Sau khi ký chỉ thêm/sửa: {what}; không có gì hiển thị thay đổi",
                    f"After signing only these were added or changed: {what_en}; nothing visible changed",
                )
            )
    elif (
        d is not None
        and mod in (Modification.NONE, Modification.LTA_UPDATES, Modification.FORM_FILLING)
        and any(not a.signature_widget and a.subtype != "/Widget" for a in d.new_annotations)
    ):
        mod = Modification.ANNOTATIONS
    if d is not None and d.annotation_overlap_pages:
        pages = ", ".join(str(p) for p in d.annotation_overlap_pages[:10])
        notes.append(
            (
                f"Cảnh báo: có chú thích chồng lên chú thích khác (trang {pages})",
                f"Warning: annotations overlap one another (page {pages})",
            )
        )
    docmdp_ok = cms.docmdp_ok if cms is not None else None
    if unclassified:
        docmdp_ok = None  # pyHanko's verdict rested on the change it could not classify; judged here instead
    violated = docmdp_ok is False
    if ev.docmdp is not None and mod is not Modification.OTHER:
        allowed = {
            1: (Modification.NONE, Modification.LTA_UPDATES),
            2: (Modification.NONE, Modification.LTA_UPDATES, Modification.FORM_FILLING),
        }.get(ev.docmdp)
        if allowed is not None and mod not in allowed:
            violated = True
    if violated and mod is not Modification.OTHER:
        # EU DSS's default policy makes this a warning, not a failure (BBB_FC_ISVADMDPD_ANS among the
        # warnings: PAdESAnnotModifiedDocMDPTest; FieldMDP/SigFieldLock alike:
        # PAdESFormModifiedFieldMDPInvalidTest)
        notes.append(
            (
                f"Cảnh báo: tài liệu được thay đổi sau khi ký ({MOD_WORDS[mod][0]}) vượt quá quyền mà chữ ký "
                f"chứng thực cho phép (DocMDP P={ev.docmdp}); nội dung đã ký không đổi",
                f"Warning: the document was changed after signing ({MOD_WORDS[mod][1]}) beyond what its "
                f"certification permits (DocMDP P={ev.docmdp}); the signed content is unchanged",
            )
        )
    locked = re.findall(r"form field (.+?) is locked", (cms.diff_reason or "") if cms is not None else "")
    if locked and mod is not Modification.OTHER:
        # a field this signature locks (FieldMDP / SigFieldLock) was filled or signed afterwards: EU DSS warns
        # (BBB_FC_ISVASFLD_ANS, PAdESFormModifiedFieldMDPInvalidTest), it does not fail the signature
        names = ", ".join(sorted(set(locked)))
        notes.append(
            (
                f"Cảnh báo: trường '{names}' bị chữ ký này khoá (FieldMDP) nhưng đã được điền hoặc ký sau "
                "khi ký; nội dung đã ký không đổi",
                f"Warning: the field '{names}' is locked by this signature (FieldMDP) but was filled or "
                "signed after signing; the signed content is unchanged",
            )
        )
        checks.append(Check(name="field_lock", ok=False, detail=names))
    if ev.docmdp is not None:
        checks.append(
            Check(name="docmdp", ok=not violated, detail=f"P={ev.docmdp}, changes after signing: {mod.value}")
        )
    over = tuple(sorted({a.page + 1 for a in d.overlapping})) if d is not None else ()
    return Changes(
        modification=mod,
        visible=tuple(visible),
        notes=tuple(notes),
        docmdp_violated=violated,
        overlapping_pages=over,
        checks=tuple(checks),
    )


MOD_WORDS: dict[Modification, Words] = {
    Modification.NONE: ("không có", "none"),
    Modification.LTA_UPDATES: ("dữ liệu kiểm tra dài hạn", "long-term validation data"),
    Modification.FORM_FILLING: ("điền biểu mẫu hoặc ký thêm", "form filling or further signing"),
    Modification.ANNOTATIONS: ("thêm chú thích", "annotations"),
    Modification.OTHER: ("thay đổi khác", "other changes"),
}
BENIGN_KINDS = frozenset({"signature", "dss", "metadata", "structure", "form", "annotation", "layout"})
KIND_WORDS: dict[str, Words] = {
    "signature": ("chữ ký/dấu thời gian mới", "new signatures or timestamps"),
    "dss": ("dữ liệu kiểm tra dài hạn (DSS)", "long-term validation data (DSS)"),
    "metadata": ("siêu dữ liệu XMP", "XMP metadata"),
    "structure": ("cây cấu trúc", "the structure tree"),
    "form": ("trường biểu mẫu", "form fields"),
    "annotation": ("chú thích", "annotations"),
    "layout": ("khung/ma trận (hiển thị không đổi)", "boxes or matrices (rendering unchanged)"),
}


# ------------------------------------------------------------------------------------------------------
# The rules, in order
# ------------------------------------------------------------------------------------------------------
Rule = Callable[[SignatureEvidence, Changes], Verdict | None]


def structure(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    """Unreadable dictionary, byte range, CMS, unsupported format: decided while gathering."""
    return ev.failure


def unsupported_algorithm(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    cms = ev.cms
    if (
        cms
        and cms.signature_algorithm
        and re.fullmatch(r"[\d.]+", cms.signature_algorithm)
        and not cms.crypto_valid
    ):
        return Verdict.failed(
            Sub.FORMAT_FAILURE,
            (
                f"Thuật toán chữ ký không được hỗ trợ ({cms.signature_algorithm})",
                f"Unsupported signature algorithm ({cms.signature_algorithm})",
            ),
        )
    return None


def integrity(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ev.cms is not None and not ev.cms.intact:
        return Verdict.failed(
            Sub.HASH_FAILURE,
            (
                "Nội dung đã ký bị thay đổi (sai giá trị băm)",
                "The signed content was altered (digest mismatch)",
            ),
        )
    return None


def signature_value(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ev.cms is not None and not ev.cms.crypto_valid:
        return Verdict.failed(
            Sub.SIG_CRYPTO_FAILURE,
            (
                "Giá trị chữ ký không khớp với chứng thư số",
                "The signature value does not verify against the certificate",
            ),
        )
    return None


def coverage(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ev.cms is not None and ev.cms.coverage is Coverage.PARTIAL:
        return Verdict.failed(
            Sub.FORMAT_FAILURE,
            (
                "Vùng ký (/ByteRange) không bao trọn phiên bản tài liệu đã ký",
                "The signed byte range does not cover the whole signed revision",
            ),
        )
    return None


def visible_change(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ch.visible:
        return Verdict.failed(Sub.FORMAT_FAILURE, *ch.visible)
    return None


def unclassified_change(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ch.modification is Modification.OTHER:
        detail = (ev.cms.diff_reason if ev.cms else None) or "unclassified change"
        return Verdict.indeterminate(
            Sub.SIG_CONSTRAINTS_FAILURE,
            (
                f"Tài liệu bị sửa đổi sau khi ký theo cách không xác định được ({detail})",
                f"The document was changed after signing in a way that cannot be classified ({detail})",
            ),
        )
    return None


def annotation_overlap(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ch.overlapping_pages:
        pages = list(ch.overlapping_pages)
        return Verdict.indeterminate(
            Sub.SIG_CONSTRAINTS_FAILURE,
            (
                f"Chú thích thêm sau khi ký che lên nội dung đã ký (trang {pages})",
                f"An annotation added after signing covers signed content (page {pages})",
            ),
        )
    return None


def seed_values(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    err = ev.cms.seed_value_error if ev.cms else None
    if err:
        return Verdict.indeterminate(
            Sub.SIG_CONSTRAINTS_FAILURE,
            (f"Không đáp ứng ràng buộc của ô chữ ký: {err}", f"Signature field constraints not met: {err}"),
        )
    return None


def expired_or_revoked_before_poe(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    c = ev.chain
    if c is None:
        return None
    if c.expired_before_poe:
        return Verdict.failed(
            Sub.EXPIRED,
            (
                "Chứng thư số đã hết hạn trước thời điểm ký (theo dấu thời gian)",
                "The certificate had expired before the signature was made (per timestamp)",
            ),
        )
    if c.revoked_before_poe:
        return Verdict.failed(
            Sub.REVOKED,
            (
                f"Chứng thư số đã bị thu hồi lúc {iso(c.revocation_time)}, trước thời điểm ký",
                f"The certificate was revoked at {iso(c.revocation_time)}, before the signature was made",
            ),
        )
    return None


def not_yet_valid(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    cert, when = ev.cert, ev.made_at
    if cert is not None and when is not None:
        nb = cert["tbs_certificate"]["validity"]["not_before"].native
        if when < nb:
            return Verdict.failed(
                Sub.NOT_YET_VALID,
                (
                    "Chữ ký được tạo trước khi chứng thư số có hiệu lực",
                    "The signature was made before the certificate became valid",
                ),
            )
    return None


def crypto_policy(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if not ev.crypto:
        return None
    sub = Sub.CRYPTO_CONSTRAINTS_FAILURE
    return Verdict.indeterminate(sub, *(f.words() for f in ev.crypto))


def revoked(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    c = ev.chain
    if c is not None and c.problem in (Sub.REVOKED_NO_POE, Sub.REVOKED_CA_NO_POE):
        when = iso(c.revocation_time)
        why = f" (lý do: {c.revocation_reason})" if c.revocation_reason else ""
        why_en = f" (reason: {c.revocation_reason})" if c.revocation_reason else ""
        who = (
            "Chứng thư số của người ký" if c.problem is Sub.REVOKED_NO_POE else "Chứng thư của CA trung gian"
        )
        who_en = (
            "The signer's certificate"
            if c.problem is Sub.REVOKED_NO_POE
            else "An intermediate CA certificate"
        )
        return Verdict.indeterminate(
            c.problem,
            (
                f"{who} đã bị thu hồi lúc {when}{why}; không có bằng chứng chữ ký được tạo "
                "trước thời điểm đó",
                f"{who_en} was revoked at {when}{why_en}; nothing proves the signature was made before",
            ),
        )
    return None


def chain_problem(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    c = ev.chain
    if c is None or c.problem is None:
        return None
    reasons = [
        TRUST_WORDS.get(
            c.problem,
            (
                f"Không xác thực được chứng thư số ({c.problem})",
                f"The certificate could not be validated ({c.problem})",
            ),
        )
    ]
    if c.revocation_note is not None:
        reasons.append(c.revocation_note)
    if c.chain_note is not None:
        reasons.append(c.chain_note)
    if c.problem is Sub.OUT_OF_BOUNDS_NO_POE and ev.cert is not None and ev.made_at is not None:
        na = ev.cert["tbs_certificate"]["validity"]["not_after"].native
        if ev.made_at > na:
            reasons.append(
                (
                    "Chứng thư số đã hết hạn vào thời điểm ký khai báo",
                    "The certificate had already expired at the claimed signing time",
                )
            )
    return Verdict.indeterminate(c.problem, *reasons)


def untrusted(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ev.chain is None or not ev.chain.trusted:
        note = () if ev.chain is None or ev.chain.chain_note is None else (ev.chain.chain_note,)
        return Verdict.indeterminate(
            Sub.NO_CERTIFICATE_CHAIN_FOUND, TRUST_WORDS[Sub.NO_CERTIFICATE_CHAIN_FOUND], *note
        )
    return None


def broken_timestamp(ev: SignatureEvidence, ch: Changes) -> Verdict | None:
    if ev.kind is Kind.SIGNATURE and ev.cms is not None and ev.cms.timestamp_trusted is False:
        return Verdict.indeterminate(
            Sub.SIG_CONSTRAINTS_FAILURE,
            (
                "Dấu thời gian của chữ ký không hợp lệ hoặc không được tin cậy",
                "The signature's timestamp is invalid or not trusted",
            ),
        )
    return None


RULES: tuple[Rule, ...] = (
    structure,
    unsupported_algorithm,
    integrity,
    signature_value,
    coverage,
    visible_change,
    unclassified_change,
    annotation_overlap,
    seed_values,
    expired_or_revoked_before_poe,
    not_yet_valid,
    crypto_policy,
    revoked,
    chain_problem,
    untrusted,
    broken_timestamp,
)

PASSED = Verdict(Indication.TOTAL_PASSED, None, ())


def decide(ev: SignatureEvidence, ch: Changes) -> Verdict:
    """The first rule that speaks; TOTAL_PASSED when none does."""
    for rule in RULES:
        v = rule(ev, ch)
        if v is not None:
            return v
    return PASSED


def is_legacy_only(ev: SignatureEvidence) -> bool:
    return bool(ev.crypto) and all(f.acceptance is Acceptance.LEGACY for f in ev.crypto)


TRUST_WORDS: dict[Sub, Words] = {
    Sub.NO_CERTIFICATE_CHAIN_FOUND: (
        "Không xây dựng được chuỗi chứng thư tới CA gốc tin cậy",
        "No certificate chain to a trusted root CA",
    ),
    Sub.OUT_OF_BOUNDS_NO_POE: (
        "Chứng thư số đã hết hạn và không có bằng chứng (dấu thời gian) chữ ký được tạo trước đó",
        "The certificate has expired and nothing proves the signature was made before",
    ),
    Sub.REVOKED_NO_POE: (
        "Chứng thư số đã bị thu hồi và không có bằng chứng chữ ký được tạo trước khi thu hồi",
        "The certificate was revoked and nothing proves the signature was made before",
    ),
    Sub.REVOKED_CA_NO_POE: (
        "Chứng thư của CA trung gian đã bị thu hồi",
        "An intermediate CA certificate was revoked",
    ),
    Sub.TRY_LATER: (
        "Chuỗi chứng thư tới CA gốc tin cậy là đúng, nhưng chưa có thông tin thu hồi (CRL/OCSP) "
        "để khẳng định "
        "chứng thư chưa bị thu hồi",
        "The chain to a trusted root is sound, but no revocation information (CRL/OCSP) is at hand "
        "to show the "
        "certificate was not revoked",
    ),
    Sub.REVOCATION_OUT_OF_BOUNDS_NO_POE: (
        "Thông tin thu hồi hiện có đã cũ hoặc không bao trùm thời điểm ký",
        "The revocation information at hand is stale or does not cover the signing time",
    ),
    Sub.CHAIN_CONSTRAINTS_FAILURE: (
        "Chứng thư số không đáp ứng ràng buộc của chuỗi (mục đích sử dụng khóa ...)",
        "The certificate fails chain constraints (key usage ...)",
    ),
    Sub.CERTIFICATE_CHAIN_GENERAL_FAILURE: (
        "Lỗi khi kiểm tra chuỗi chứng thư (CA hết hạn hoặc bị thu hồi ...)",
        "Certificate chain check failed (CA expired or revoked ...)",
    ),
    Sub.CRYPTO_CONSTRAINTS_FAILURE: (
        "Thuật toán mật mã không còn được chấp nhận",
        "A cryptographic algorithm is no longer acceptable",
    ),
    Sub.CRYPTO_CONSTRAINTS_FAILURE_NO_POE: (
        "Thuật toán mật mã không còn được chấp nhận tại thời điểm kiểm tra",
        "A cryptographic algorithm is no longer acceptable at validation time",
    ),
    Sub.NO_SIGNING_CERTIFICATE_FOUND: (
        "Không tìm thấy chứng thư số của người ký trong chữ ký",
        "The signer's certificate is not in the signature",
    ),
}

OFFLINE_ADVICE: Words = (
    "Cách xử lý: khi có mạng, chạy 'digitize trust refresh' (hoặc kiểm tra lại không kèm --offline); "
    "trên mạng không có Internet, lấy tệp CRL mới nhất của CA cấp chứng thư (trang của CA hoặc "
    "Ban Cơ yếu Chính phủ) và "
    "nhập bằng 'digitize trust crl import TỆP.crl', rồi kiểm tra lại",
    "What to do: when online, run 'digitize trust refresh' (or verify again without --offline); on a network "
    "without Internet, get the issuing CA's latest CRL file (from the CA's site) and import it with "
    "'digitize trust crl import FILE.crl', then verify again",
)
