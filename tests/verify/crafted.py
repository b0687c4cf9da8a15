"""Signed PDFs of the kinds the EU DSS test suite holds, made on the fly (nothing copied from ../shared).

``embed`` writes a signature dictionary of any /Type and /SubFilter with pyHanko's low-level CMS embedder and
puts in whatever CMS ``make_cms(digest)`` builds; ``signed_data`` builds that CMS by hand with asn1crypto,
so a test can choose what real-world signers get wrong or do differently: plain-ECDSA (r||s) signature
values, signed attributes not in DER order, a digest OID where the signature algorithm belongs, the SHA-1
digest of the byte range as encapsulated content (``adbe.pkcs7.sha1``). The other helpers change a signed
file the ways DSS's suite does: a second field pointing at the same signature, a byte range leaving an
unsigned gap, encryption, a structure-tree update.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import algos, cms, x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

PLAIN_ECDSA = {  # BSI TR-03111 ecdsa-plain-signatures
    "sha1": "0.4.0.127.0.7.1.1.4.1.1",
    "sha224": "0.4.0.127.0.7.1.1.4.1.2",
    "sha256": "0.4.0.127.0.7.1.1.4.1.3",
    "sha384": "0.4.0.127.0.7.1.1.4.1.4",
    "sha512": "0.4.0.127.0.7.1.1.4.1.5",
}
_HASHES = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


def private_key(key_pem: Path) -> PrivateKeyTypes:
    """The unencrypted PEM key in the file ``key_pem``, each key loaded once a process (``_loaded_key``)."""
    return _loaded_key(key_pem.read_bytes())


@functools.cache
def _loaded_key(pem: bytes) -> PrivateKeyTypes:
    """cryptography checks an RSA key as it loads it (~40 ms, 97 % of an adbe.x509.rsa_sha1 value's cost: the
    test that searches field names until a value ends in a 0 byte made ~256 of them); by the file's bytes, so
    a key file written again is loaded again."""
    return serialization.load_pem_private_key(pem, password=None)


def _pem_certs(path: Path) -> list[x509.Certificate]:
    blobs = re.findall(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", path.read_bytes(), re.S)
    out = []
    for b in blobs:
        from cryptography import x509 as cx

        out.append(
            x509.Certificate.load(cx.load_pem_x509_certificate(b).public_bytes(serialization.Encoding.DER))
        )
    return out


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def signed_data(
    content_digest: bytes,
    key_pem: Path,
    cert_pem: Path,
    chain_pem: Path | None = None,
    *,
    md: str = "sha256",
    plain_ecdsa: bool = False,
    unsorted_attrs: bool = False,
    sign_der: bool = False,
    signature_oid: str | None = None,
    digest_oid: str | None = None,
    econtent: bytes | None = None,
    content_timestamp: bytes | None = None,
) -> bytes:
    """A CMS SignedData (detached unless ``econtent``) over ``content_digest`` (the message digest attribute).

    ``unsorted_attrs``: the signed attributes are written in an order that is not DER's, and signed as written
    (or, with ``sign_der``, signed in their DER form, as RFC 5652 says).
    ``signature_oid``/``digest_oid``: what the SignerInfo claims, whatever was really used."""
    key = private_key(key_pem)
    cert = _pem_certs(cert_pem)[0]
    chain = _pem_certs(chain_pem) if chain_pem else []
    attrs = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": datetime.now(UTC)})]}),
        cms.CMSAttribute({"type": "message_digest", "values": [content_digest]}),
    ]
    if content_timestamp is not None:  # an RFC 3161 token as the content-time-stamp signed attribute
        import pyhanko.sign.ades.cades_asn1  # noqa: F401  (registers the attribute with asn1crypto)

        token = cms.ContentInfo.load(content_timestamp)
        attrs.append(cms.CMSAttribute({"type": "content_time_stamp", "values": [token]}))
    encoded = sorted(a.dump() for a in attrs)
    der = b"\x31" + _der_length(len(b"".join(encoded))) + b"".join(encoded)
    if unsorted_attrs:
        encoded.reverse()  # a SET OF out of DER order (asn1crypto would sort it)
    written = b"\x31" + _der_length(len(b"".join(encoded))) + b"".join(encoded)
    to_sign = der if sign_der else written  # what the signer signed: its own bytes, or their DER form
    signed_attrs = cms.CMSAttributes.load(written)
    h = _HASHES[md]()
    if isinstance(key, rsa.RSAPrivateKey):
        value = key.sign(to_sign, padding.PKCS1v15(), h)
        sig_algo = signature_oid or "rsassa_pkcs1v15"
    else:
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        der = key.sign(to_sign, ec.ECDSA(h))
        if plain_ecdsa:
            r, s = decode_dss_signature(der)
            n = (key.curve.key_size + 7) // 8
            value = r.to_bytes(n, "big") + s.to_bytes(n, "big")
            sig_algo = signature_oid or PLAIN_ECDSA[md]
        else:
            value = der
            sig_algo = signature_oid or f"{md}_ecdsa"
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": cert.issuer, "serial_number": cert.serial_number}
                    )
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": digest_oid or md}),
            "signed_attrs": signed_attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": sig_algo}),
            "signature": value,
        }
    )
    encap: dict[str, object] = {"content_type": "data"}
    if econtent is not None:
        encap["content"] = econtent
    sd = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": md})],
            "encap_content_info": encap,
            "certificates": [cms.CertificateChoices({"certificate": c}) for c in [cert, *chain]],
            "signer_infos": [signer_info],
        }
    )
    return cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()


def tamper_signature_value(blob: bytes) -> bytes:
    """The same CMS with one bit of its (first) signature value flipped."""
    value = cms.ContentInfo.load(blob)["content"]["signer_infos"][0]["signature"].native
    assert blob.count(value) == 1
    flipped = bytearray(value)
    flipped[len(flipped) // 2] ^= 0x01
    return blob.replace(value, bytes(flipped))


def timestamp_token(digest: bytes, tsa_url: str, md: str = "sha256") -> bytes:
    """An RFC 3161 token over ``digest`` from the test PKI's TSA."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    token = asyncio.run(HTTPTimeStamper(tsa_url).async_timestamp(digest, md))
    return bytes(token.dump())


def embed(
    data: bytes,
    make_cms: Callable[[bytes], bytes],
    *,
    field: str = "Signature1",
    type_name: str | None = "/Sig",
    sub_filter: str = "/adbe.pkcs7.detached",
    md: str = "sha256",
    user_password: str | None = None,
    reserve: int = 16384,
    cert_der: bytes | None = None,
) -> bytes:
    """An incremental update adding a signature dictionary (``/Type type_name``, None: no /Type) holding
    ``make_cms(digest of the byte range)``."""
    from pyhanko.pdf_utils.generic import NameObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.signers.cms_embedder import PdfCMSEmbedder, SigIOSetup, SigObjSetup
    from pyhanko.sign.signers.pdf_byterange import PdfSignedData

    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    if user_password is not None:
        w.encrypt(user_password)
    embedder = PdfCMSEmbedder().write_cms(field_name=field, writer=w)
    next(embedder)
    placeholder = PdfSignedData(
        NameObject(type_name or "/Sig"), SigSeedSubFilter.ADOBE_PKCS7_DETACHED, bytes_reserved=reserve
    )
    placeholder[NameObject("/SubFilter")] = NameObject(sub_filter)
    if type_name is None:
        del placeholder["/Type"]
    if cert_der is not None:  # adbe.x509.rsa_sha1 keeps the signer's certificate in /Cert
        from pyhanko.pdf_utils.generic import ByteStringObject

        placeholder[NameObject("/Cert")] = ByteStringObject(cert_der)
    embedder.send(SigObjSetup(sig_placeholder=placeholder))
    prepared, out = embedder.send(SigIOSetup(md_algorithm=md))
    embedder.send(make_cms(prepared.document_digest))
    return bytes(out.getvalue())


def signed_bytes(data: bytes, index: int = -1) -> tuple[tuple[int, int, int, int], bytes]:
    """The byte range of a signature and the bytes it signs."""
    ranges = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    a, la, b, lb = (int(x) for x in ranges[index])
    return (a, la, b, lb), data[a : a + la] + data[b : b + lb]


def resign_with_gap(data: bytes, gap: int, make_cms: Callable[[bytes], bytes], md: str = "sha256") -> bytes:
    """Move the start of the second signed part ``gap`` bytes past the end of /Contents and sign again: the
    signature is sound, but ``gap`` bytes after the signature value are signed by nothing."""
    m = list(re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data))[-1]
    a, la, b, lb = (int(x) for x in m.groups())
    old = m.group(0)
    new = f"/ByteRange [{a} {la} {b + gap} {lb - gap}]".encode()
    assert len(new) <= len(old)
    new = new[:-1] + b" " * (len(old) - len(new)) + b"]"
    out = bytearray(data)
    out[m.start() : m.end()] = new
    signed = bytes(out[a : a + la] + out[b + gap : b + lb])
    blob = make_cms(hashlib.new(md, signed).digest()).hex().encode()
    room = b - (a + la) - 2
    assert len(blob) <= room
    out[a + la + 1 : a + la + 1 + room] = blob + b"0" * (room - len(blob))
    return bytes(out)


def add_second_field_for(data: bytes) -> bytes:
    """An incremental update adding a second signature field whose /V is the first field's signature
    dictionary (one signature referenced from two fields)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    n = generic.NameObject
    acro = w.root["/AcroForm"]
    fields = acro["/Fields"]
    first = fields[0].get_object()
    v_ref = first.raw_get("/V")
    page_ref = w.root["/Pages"]["/Kids"][0]
    field_dict = generic.DictionaryObject(
        {
            n("/FT"): n("/Sig"),
            n("/T"): generic.TextStringObject("Signature2"),
            n("/V"): v_ref,
            n("/Type"): n("/Annot"),
            n("/Subtype"): n("/Widget"),
            n("/Rect"): generic.ArrayObject([generic.NumberObject(0)] * 4),
            n("/F"): generic.NumberObject(132),
            n("/P"): page_ref,
        }
    )
    ref = w.add_object(field_dict)
    fields.append(ref)
    w.update_container(fields if fields.container_ref is not None else acro)
    page = page_ref.get_object()
    annots = page.get("/Annots")
    if annots is None:
        page[n("/Annots")] = generic.ArrayObject([ref])
    else:
        annots.append(ref)
        w.update_container(annots)
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def add_structure_tree(data: bytes) -> bytes:
    """An incremental update that tags the document: a /StructTreeRoot with one paragraph element and
    /MarkInfo in the catalog (what accessibility tools do to signed files)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    n = generic.NameObject
    page_ref = w.root["/Pages"]["/Kids"][0]
    tree = generic.DictionaryObject({n("/Type"): n("/StructTreeRoot")})
    tree_ref = w.add_object(tree)
    para = generic.DictionaryObject(
        {n("/Type"): n("/StructElem"), n("/S"): n("/P"), n("/P"): tree_ref, n("/Pg"): page_ref}
    )
    tree[n("/K")] = generic.ArrayObject([w.add_object(para)])
    w.root[n("/StructTreeRoot")] = tree_ref
    w.root[n("/MarkInfo")] = generic.DictionaryObject({n("/Marked"): generic.BooleanObject(True)})
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def encrypt(data: bytes, *, aes: bool, owner: str = "owner-secret", user: str = "", r: int = 4) -> bytes:
    """The same PDF encrypted (RC4-128 or AES; R=6 is AES-256), empty user password by default."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner=owner, user=user, R=r, aes=aes, metadata=aes))
    return out.getvalue()


def replace_cms(data: bytes, blob: bytes, index: int = -1) -> bytes:
    """The same file with the CMS of a signature replaced by ``blob`` (zero-padded into its /Contents)."""
    (a, la, b, _lb), _signed = signed_bytes(data, index)
    room = b - (a + la) - 2
    hexed = blob.hex().encode()
    assert len(hexed) <= room, (len(hexed), room)
    out = bytearray(data)
    out[a + la + 1 : a + la + 1 + room] = hexed + b"0" * (room - len(hexed))
    return bytes(out)


def add_signature_timestamps(
    blob: bytes, tsa_url: str, *, bad: tuple[int, ...] = (), count: int = 2
) -> bytes:
    """The same CMS with ``count`` RFC 3161 signature timestamps (unsigned signature-time-stamp-token
    attributes, each over the signature value); those whose index is in ``bad`` stamp other bytes (their
    message imprint does not match)."""
    ci = cms.ContentInfo.load(blob)
    sd = ci["content"]
    si = sd["signer_infos"][0]
    value = si["signature"].native
    attrs = []
    for i in range(count):
        stamped = b"not the signature value" if i in bad else value
        token = cms.ContentInfo.load(timestamp_token(hashlib.sha256(stamped).digest(), tsa_url))
        attrs.append(cms.CMSAttribute({"type": "signature_time_stamp_token", "values": [token]}))
    si["unsigned_attrs"] = cms.CMSAttributes(attrs)
    return ci.dump(force=True)


def pkcs1_sha1(digest: bytes, key_pem: Path) -> bytes:
    """An adbe.x509.rsa_sha1 /Contents: the RSA PKCS#1 v1.5 value over a SHA-1 digest, as a DER OCTET
    STRING."""
    from asn1crypto import core
    from cryptography.hazmat.primitives.asymmetric.utils import Prehashed

    key = private_key(key_pem)
    assert isinstance(key, rsa.RSAPrivateKey)
    return bytes(core.OctetString(key.sign(digest, padding.PKCS1v15(), Prehashed(hashes.SHA1()))).dump())


def sign_timestamped_at(data: bytes, p12: Path, password: str, pki: object, when: datetime) -> bytes:
    """A PAdES B-T signature whose signature timestamp says ``when`` (pyHanko's DummyTimeStamper with the
    test PKI's TSA key): a proof of existence in the past, to judge expiry and revocation against."""
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa_ident = pki.tsa  # type: ignore[attr-defined]
    stamper = DummyTimeStamper(
        load_cert_from_pemder(str(tsa_ident.cert)),
        load_private_key_from_pemder(str(tsa_ident.key), None),
        certs_to_embed=[load_cert_from_pemder(str(pki.intermediate_cert))],  # type: ignore[attr-defined]
        fixed_dt=when,
    )
    signer = signers.SimpleSigner.load_pkcs12(p12, passphrase=password.encode())
    assert signer is not None
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES)
    return bytes(signers.PdfSigner(meta, signer=signer, timestamper=stamper).sign_pdf(w).getvalue())


def rewrite_signature_contents(data: bytes, new_contents: bytes) -> bytes:
    """An incremental update rewriting the first field's signature dictionary with another /Contents, its
    /ByteRange untouched: the gap still holds the value really signed over (signature wrapping, SIWA)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    field = w.root["/AcroForm"]["/Fields"][0].get_object()
    sig_ref = field.raw_get("/V")
    sig = sig_ref.get_object()
    sig[generic.NameObject("/Contents")] = generic.ByteStringObject(new_contents)
    w.mark_update(sig_ref)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def issue_leaf(
    issuer_key: Path, issuer_cert: Path, out: Path, cn: str = "Lê Thị Cấp Sai"
) -> tuple[Path, Path]:
    """A signing certificate issued by ``issuer_cert``'s key whatever that certificate is allowed to do (an
    end-entity certificate issuing another: not a CA). Returns the PEM key and certificate written in
    ``out``."""
    import datetime as dt

    from cryptography import x509 as cx
    from cryptography.x509.oid import NameOID

    ikey = private_key(issuer_key)
    icert = cx.load_pem_x509_certificate(issuer_cert.read_bytes())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        cx.CertificateBuilder()
        .subject_name(cx.Name([cx.NameAttribute(NameOID.COMMON_NAME, cn)]))
        .issuer_name(icert.subject)
        .public_key(key.public_key())
        .serial_number(cx.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            cx.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(ikey, hashes.SHA256())  # type: ignore[arg-type]
    )
    key_path, cert_path = out / "leaf.key", out / "leaf.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path
