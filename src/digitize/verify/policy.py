"""The cryptographic policy: one table saying which algorithms a signature may rest on (ETSI TS 119 312).

Path building and signature checks accept every algorithm (so a SHA-1 signature is still reported as intact,
crypto-valid and chained to its root, as poppler and openssl see it); this table then decides whether the
result may be TOTAL_PASSED. An algorithm not ``ACCEPTED`` never is: the report names it and says why, in plain
Vietnamese and English. Change the policy here (or pass another table to ``judge``), nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from asn1crypto import x509


class Acceptance(StrEnum):
    ACCEPTED = "accepted"
    LEGACY = "legacy"  # still verifiable, never TOTAL_PASSED (the signer should re-sign)
    FORBIDDEN = "forbidden"  # broken


@dataclass(frozen=True)
class AlgorithmRule:
    acceptance: Acceptance
    vi: str
    en: str


_SHA1 = AlgorithmRule(
    Acceptance.LEGACY,
    "SHA-1 đã bị coi là không còn an toàn (có thể tạo va chạm; ETSI TS 119 312 không chấp nhận từ 2017) — "
    "chữ ký vẫn nguyên vẹn nhưng không được coi là hợp lệ hoàn toàn; đề nghị ký lại bằng SHA-256",
    "SHA-1 is no longer secure (collisions can be made; not accepted by ETSI TS 119 312 since 2017) — the "
    "signature is intact but cannot be fully valid; have the document signed again with SHA-256",
)
_MD5 = AlgorithmRule(
    Acceptance.FORBIDDEN,
    "MD5 đã bị phá vỡ, không thể dùng để chứng minh chữ ký",
    "MD5 is broken and proves nothing",
)

# digest algorithms (of the signature and of the certificates' own signatures), by asn1crypto's names
DIGESTS: Mapping[str, AlgorithmRule] = {
    "md2": _MD5,
    "md5": _MD5,
    "sha1": _SHA1,
    "sha224": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha256": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha384": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha512": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha3_256": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha3_384": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha3_512": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
    "sha512_256": AlgorithmRule(Acceptance.ACCEPTED, "", ""),
}
# smallest acceptable public keys, in bits
MIN_KEY_BITS: Mapping[str, int] = {"rsa": 1900, "dsa": 2048, "ec": 250}


@dataclass(frozen=True)
class Finding:
    """An algorithm this policy does not accept, where it was used, and why."""

    algorithm: str
    where_vi: str
    where_en: str
    acceptance: Acceptance
    vi: str
    en: str

    def words(self) -> tuple[str, str]:
        return (
            f"Thuật toán {self.algorithm.upper()} ({self.where_vi}): {self.vi}",
            f"Algorithm {self.algorithm.upper()} ({self.where_en}): {self.en}",
        )


def _digest_finding(
    algo: str | None, where_vi: str, where_en: str, table: Mapping[str, AlgorithmRule]
) -> Finding | None:
    if not algo:
        return None
    name = algo.lower().replace("-", "")
    rule = table.get(name)
    if rule is None:
        return Finding(
            name,
            where_vi,
            where_en,
            Acceptance.FORBIDDEN,
            "thuật toán không có trong chính sách mật mã",
            "not in the cryptographic policy",
        )
    if rule.acceptance is Acceptance.ACCEPTED:
        return None
    return Finding(name, where_vi, where_en, rule.acceptance, rule.vi, rule.en)


def judge(
    digest_algorithm: str | None,
    signer: x509.Certificate | None,
    chain: Iterable[x509.Certificate] = (),
    *,
    table: Mapping[str, AlgorithmRule] = DIGESTS,
    min_key_bits: Mapping[str, int] = MIN_KEY_BITS,
) -> tuple[Finding, ...]:
    """Findings for the signature's digest, the signer's key and the certificate signatures on the path
    (the anchor's self-signature does not count: an anchor is trusted as such)."""
    out: list[Finding] = []
    f = _digest_finding(digest_algorithm, "băm của chữ ký", "digest of the signature", table)
    if f is not None:
        out.append(f)
    if signer is not None:
        try:
            algo, bits = signer.public_key.algorithm, signer.public_key.bit_size
        except Exception:
            algo, bits = "", 0
        need = min_key_bits.get(algo)
        if need is not None and bits < need:
            out.append(
                Finding(
                    f"{algo}-{bits}",
                    "khóa của người ký",
                    "signer's key",
                    Acceptance.LEGACY,
                    f"khóa ngắn hơn {need} bit không còn đủ an toàn",
                    f"keys shorter than {need} bits are no longer strong enough",
                )
            )
    for cert in chain:
        if cert.self_signed != "no":
            continue
        try:
            algo_name = cert.hash_algo
        except Exception:
            continue
        cn = cert.subject.native.get("common_name") or cert.subject.human_friendly
        f = _digest_finding(
            algo_name,
            f"chữ ký trên chứng thư '{cn}'",
            f"signature on the certificate '{cn}'",
            table,
        )
        if f is not None and all(x.algorithm != f.algorithm or x.where_en != f.where_en for x in out):
            out.append(f)
    return tuple(out)
