"""How a CMS signature is written, judged the way EU DSS judges it (DSS checks CMS with Bouncy Castle).

- **Signed attributes are verified over their DER encoding.** RFC 5652 §5.4 signs "the complete DER encoding
  of the SignedAttrs"; DER orders a SET OF by the encodings of its elements (X.690 §11.6). Bouncy Castle (and
  so DSS) re-encodes the signed attributes in DER before checking the signature (bc-java issues 710, 1365,
  1484): a signer that wrote — and signed — its attributes in another order produced a signature that
  verifies only over bytes that are not DER, and DSS calls it invalid; one that signed the DER encoding but
  wrote another order is valid for DSS though not over the bytes as written. ``der_reencode`` does what Bouncy
  Castle does (minimal lengths, every SET sorted, the constructed bit ignored when comparing).
- **Plain-ECDSA** (BSI TR-03111 ``ecdsa-plain-SHA*``, OID 0.4.0.127.0.7.1.1.4.1.x) writes the signature value
  as r||s instead of a DER SEQUENCE: ``normalise`` turns it into the usual form so it can be checked.
- A **digest OID where the signature algorithm belongs**, or a signature algorithm where the digest algorithm
  belongs, are named so the rules can refuse them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from asn1crypto import algos, cms, x509

PLAIN_ECDSA: dict[str, str] = {
    "0.4.0.127.0.7.1.1.4.1.1": "sha1",
    "0.4.0.127.0.7.1.1.4.1.2": "sha224",
    "0.4.0.127.0.7.1.1.4.1.3": "sha256",
    "0.4.0.127.0.7.1.1.4.1.4": "sha384",
    "0.4.0.127.0.7.1.1.4.1.5": "sha512",
    "0.4.0.127.0.7.1.1.4.1.8": "sha3_224",
    "0.4.0.127.0.7.1.1.4.1.9": "sha3_256",
    "0.4.0.127.0.7.1.1.4.1.10": "sha3_384",
    "0.4.0.127.0.7.1.1.4.1.11": "sha3_512",
}
DIGEST_OIDS: dict[str, str] = {
    "1.2.840.113549.2.5": "md5",
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.7": "sha3_224",
    "2.16.840.1.101.3.4.2.8": "sha3_256",
    "2.16.840.1.101.3.4.2.9": "sha3_384",
    "2.16.840.1.101.3.4.2.10": "sha3_512",
}
DIGEST_NAMES = frozenset(DIGEST_OIDS.values()) | {"sha512_224", "sha512_256", "shake128", "shake256"}


class NotDer(ValueError):
    """The bytes are not a well-formed BER/DER element."""


MAX_DEPTH = 64  # signed attributes nest a few levels; a hostile blob may nest thousands


def _read(data: bytes, pos: int, end: int, depth: int = 0) -> tuple[int, int, int, int]:
    """One TLV at ``pos``: (identifier start, content start, content end, element end). Definite lengths only
    for the content end; indefinite lengths end at their end-of-contents octets."""
    start = pos
    if depth > MAX_DEPTH:
        raise NotDer("nested too deeply")
    if pos >= end:
        raise NotDer("truncated")
    ident = data[pos]
    pos += 1
    if ident & 0x1F == 0x1F:  # high tag number
        while True:
            if pos >= end:
                raise NotDer("truncated tag")
            b = data[pos]
            pos += 1
            if not b & 0x80:
                break
    if pos >= end:
        raise NotDer("truncated length")
    first = data[pos]
    pos += 1
    if first == 0x80:  # indefinite: children up to 00 00
        if not ident & 0x20:
            raise NotDer("indefinite length on a primitive")
        cur = pos
        while True:
            if cur + 2 > end:
                raise NotDer("unterminated indefinite length")
            if data[cur] == 0 and data[cur + 1] == 0:
                return start, pos, cur, cur + 2
            cur = _read(data, cur, end, depth + 1)[3]
    if first & 0x80:
        n = first & 0x7F
        if n == 0 or n > 8 or pos + n > end:
            raise NotDer("bad length")
        length = int.from_bytes(data[pos : pos + n], "big")
        pos += n
    else:
        length = first
    if pos + length > end:
        raise NotDer("length past the end")
    return start, pos, pos + length, pos + length


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _sort_key(enc: bytes) -> tuple[int, bytes]:
    # Bouncy Castle's order for DER sets: the identifier without its constructed bit, then the rest
    return enc[0] & ~0x20, enc[1:]


def _der(data: bytes, pos: int, end: int, depth: int = 0) -> tuple[bytes, int]:
    start, c0, c1, stop = _read(data, pos, end, depth)
    # the identifier octets are kept; the length octets are rebuilt in their minimal form
    head_end = start + 1
    if data[start] & 0x1F == 0x1F:
        while data[head_end] & 0x80:
            head_end += 1
        head_end += 1
    tag = data[start:head_end]
    if data[start] & 0x20:  # constructed: re-encode every child
        children = []
        cur = c0
        while cur < c1:
            enc, cur = _der(data, cur, c1, depth + 1)
            children.append(enc)
        if data[start] == 0x31:  # universal SET / SET OF
            children.sort(key=_sort_key)
        body = b"".join(children)
    else:
        body = data[c0:c1]
    return tag + _length(len(body)) + body, stop


def der_reencode(element: bytes) -> bytes:
    """The DER encoding of one BER/DER element as Bouncy Castle produces it (raises NotDer)."""
    enc, stop = _der(element, 0, len(element))
    if stop != len(element):
        raise NotDer("trailing bytes")
    return enc


def signed_attrs_bytes(si: cms.SignerInfo) -> bytes | None:
    """The signed attributes as signed (universal SET tag), or None without signed attributes."""
    sa = si["signed_attrs"]
    if not sa:
        return None
    return bytes(sa.untag().dump())


@dataclass(frozen=True)
class CmsShape:
    """How the first SignerInfo is written (what DSS would object to or must first translate)."""

    plain_ecdsa: str | None = None  # the digest of an ecdsa-plain-* signature algorithm
    digest_as_signature: str | None = None  # a digest OID in signatureAlgorithm
    signature_as_digest: str | None = None  # a signature algorithm OID in digestAlgorithm
    signed_attrs_der: bool | None = None  # None: no signed attributes (or not parsable)
    signed_as_der: bool = False  # not DER as written, but the signature is over their DER form
    enveloping: bool = False  # the signed content is encapsulated (eContent present), not detached


def signer_cert(sd: cms.SignedData, si: cms.SignerInfo) -> x509.Certificate | None:
    sid = si["sid"]
    for choice in sd["certificates"] or ():
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            if (
                cert.issuer == sid.chosen["issuer"]
                and cert.serial_number == sid.chosen["serial_number"].native
            ):
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return None


def _der_form(si: cms.SignerInfo) -> bytes | None:
    raw = signed_attrs_bytes(si)
    if raw is None:
        return None
    try:
        der = der_reencode(raw)
    except NotDer:
        return None
    return der if der != raw else None


def _signed_as_der(sd: cms.SignedData, si: cms.SignerInfo) -> bool:
    """The attributes are not written in DER, but the signature covers their DER form (RFC 5652)."""
    der, raw, cert = _der_form(si), signed_attrs_bytes(si), signer_cert(sd, si)
    if der is None or raw is None or cert is None:
        return False
    si = _plain_to_usual(si)
    return verifies_over(si, cert, der) and not verifies_over(si, cert, raw)


def inspect_signer(si: cms.SignerInfo, sd: cms.SignedData | None = None) -> CmsShape:
    sig_oid = si["signature_algorithm"]["algorithm"].dotted
    dig = si["digest_algorithm"]["algorithm"]
    sig_native = si["signature_algorithm"]["algorithm"].native
    digest_as_signature = DIGEST_OIDS.get(sig_oid) or (sig_native if sig_native in DIGEST_NAMES else None)
    signature_as_digest = None
    if dig.native not in DIGEST_NAMES and dig.dotted not in DIGEST_OIDS:
        signature_as_digest = str(dig.native)
    der: bool | None = None
    raw = signed_attrs_bytes(si)
    if raw is not None:
        try:
            der = der_reencode(raw) == raw
        except NotDer:
            der = False
    signed_as_der = False
    if der is False and sd is not None:
        try:
            signed_as_der = _signed_as_der(sd, si)
        except Exception:
            signed_as_der = False
    return CmsShape(
        plain_ecdsa=PLAIN_ECDSA.get(sig_oid),
        digest_as_signature=digest_as_signature,
        signature_as_digest=signature_as_digest,
        signed_attrs_der=der,
        signed_as_der=signed_as_der,
    )


def inspect(contents: bytes | None) -> CmsShape:
    if not contents:
        return CmsShape()
    try:
        sd = cms.ContentInfo.load(contents, strict=False)["content"]
        shape = inspect_signer(sd["signer_infos"][0], sd)
        if sd["encap_content_info"]["content"].native is not None:
            shape = dataclasses.replace(shape, enveloping=True)
        return shape
    except Exception:
        return CmsShape()


def plain_to_der(value: bytes) -> bytes:
    """r||s (two equal halves) → the DER ECDSA-Sig-Value SEQUENCE { r INTEGER, s INTEGER }."""
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    if not value or len(value) % 2:
        raise ValueError("a plain ECDSA value has two halves of equal length")
    half = len(value) // 2
    return bytes(
        encode_dss_signature(int.from_bytes(value[:half], "big"), int.from_bytes(value[half:], "big"))
    )


def _plain_to_usual(si: cms.SignerInfo) -> cms.SignerInfo:
    md = PLAIN_ECDSA.get(si["signature_algorithm"]["algorithm"].dotted)
    if md is None:
        return si
    si = si.copy()
    si["signature_algorithm"] = algos.SignedDigestAlgorithm({"algorithm": f"{md}_ecdsa"})
    si["signature"] = plain_to_der(si["signature"].native)
    return si


def normalise(ci: cms.ContentInfo) -> cms.ContentInfo:
    """The same CMS written the way a strict checker reads it: plain-ECDSA signer infos as ecdsa-with-SHA*
    with a DER value, and signed attributes written out of DER order but signed in DER form in that form."""
    sd = ci["content"]
    changed = False
    infos = []
    for si in sd["signer_infos"]:
        usual = _plain_to_usual(si)
        if _signed_as_der(sd, si):
            usual = usual.copy() if usual is si else usual
            der = _der_form(si)
            assert der is not None
            usual["signed_attrs"] = cms.CMSAttributes.load(der)
        changed = changed or usual is not si
        si = usual
        infos.append(si)
    if not changed:
        return ci
    sd = sd.copy()
    sd["signer_infos"] = cms.SignerInfos(infos)
    return cms.ContentInfo({"content_type": ci["content_type"].native, "content": sd})


def verifies_over(si: cms.SignerInfo, cert: object, message: bytes) -> bool:
    """Does ``si``'s signature value verify over ``message`` with ``cert``'s key?"""
    from cryptography.exceptions import InvalidSignature
    from pyhanko_certvalidator.sig_validate import DefaultSignatureValidator, SignatureValidationContext

    md = si["digest_algorithm"]["algorithm"].native
    try:
        DefaultSignatureValidator().validate_signature(
            si["signature"].native,
            message,
            cert.public_key,  # type: ignore[attr-defined]
            si["signature_algorithm"],
            context=SignatureValidationContext(contextual_md_algorithm=md, prehashed=False),
        )
        return True
    except (InvalidSignature, ValueError, TypeError, NotImplementedError):
        return False


def signature_timestamp_imprints(contents: bytes | None) -> list[bool]:
    """For each signature timestamp (unsigned signature-time-stamp-token attribute) of the first SignerInfo,
    in order: does its message imprint match the signature value? EU DSS judges every one of them alone
    (PAdESLevelTWithDuplicatedSigTstTest: two signature timestamps, each checked); pyHanko stops at the
    first trusted one, so a broken second token would go unsaid."""
    import hashlib

    out: list[bool] = []
    if not contents:
        return out
    try:
        sd = cms.ContentInfo.load(contents, strict=False)["content"]
        si = sd["signer_infos"][0]
        value = si["signature"].native
        for attr in si["unsigned_attrs"] or ():
            if attr["type"].native != "signature_time_stamp_token":
                continue
            for token in attr["values"]:
                try:
                    tst = token["content"]["encap_content_info"]["content"].parsed
                    imprint = tst["message_imprint"]
                    algo = imprint["hash_algorithm"]["algorithm"].native
                    out.append(hashlib.new(algo, value).digest() == imprint["hashed_message"].native)
                except Exception:
                    out.append(False)
    except Exception:
        return []
    return out


SIGNING_CERTIFICATE_OIDS = frozenset({"1.2.840.113549.1.9.16.2.12", "1.2.840.113549.1.9.16.2.47"})


def has_signing_certificate_attr(contents: bytes | None) -> bool | None:
    """Does the first SignerInfo sign a reference to its certificate (ESS signing-certificate or -v2)? PAdES
    B-B requires one; many older signers (adbe.pkcs7.detached from Vietnamese signing tools) have none.
    None: no signed attributes at all, or not decodable."""
    if not contents:
        return None
    try:
        si = cms.ContentInfo.load(contents, strict=False)["content"]["signer_infos"][0]
        attrs = si["signed_attrs"]
        if not attrs:
            return None
        return any(a["type"].dotted in SIGNING_CERTIFICATE_OIDS for a in attrs)
    except Exception:
        return None
