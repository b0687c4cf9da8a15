"""Signing keys: a PKCS#12 file or a PKCS#11 token (USB token, HSM, SoftHSM2), opened once per session.

The password or PIN is read from an environment variable the user names (or asked for by a prompt
callback); it is passed to the library and never logged, stored or put into an error message.

    with open_key(P12Source(Path("officer.p12"), password_env="P12_PW")) as key:
        key.signer        # a pyHanko Signer, reused for every document of a batch
        key.certificate   # asn1crypto x509.Certificate of the signer
        key.chain         # the other certificates known (intermediates, maybe the root)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from asn1crypto import algos, core, x509

from digitize.errors import KeyAccessError, UsageError

Prompt = Callable[[str], str]


@dataclass(frozen=True)
class P12Source:
    """A PKCS#12 (.p12/.pfx) file; its password is in the environment variable ``password_env``."""

    path: Path
    password_env: str | None = None
    password_file: Path | None = None  # or a 0600 file holding it (the demo PKI of the first run)


@dataclass(frozen=True)
class Pkcs11Source:
    """A key on a PKCS#11 token: module library, token label, key label; PIN from ``pin_env`` or a prompt."""

    module: Path
    token_label: str
    key_label: str
    pin_env: str | None = None
    cert_label: str | None = None  # default: the key label


@dataclass(frozen=True)
class CscSource:
    """A key at a remote signing service speaking the Cloud Signature Consortium API v1 (the organisation's
    seal key at a provider, or an officer's VNPT SmartCA / Viettel MySign credential): the service's CSC
    base URL (``https://.../csc/v1``), the credential id, the service's OAuth token from ``token_env`` or
    ``token_file``; ``approval_seconds`` is how long ``credentials/authorize`` may wait for the holder's
    approval (on their phone)."""

    url: str
    credential_id: str
    token_env: str | None = None
    token_file: Path | None = None
    approval_seconds: float = 300.0


KeySource = P12Source | Pkcs11Source | CscSource


def _secret(env: str | None, prompt: Prompt | None, what_vi: str, what_en: str) -> str | None:
    if env:
        value = os.environ.get(env)
        if value is None:
            raise KeyAccessError(
                f"Biến môi trường {env} (chứa {what_vi}) chưa được đặt",
                f"environment variable {env} (holding the {what_en}) is not set",
            )
        return value
    if prompt is not None:
        return prompt(f"{what_vi[:1].upper()}{what_vi[1:]} / {what_en}")
    return None


def pss_mechanism() -> algos.SignedDigestAlgorithm:
    """RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 4055)."""
    return algos.SignedDigestAlgorithm(
        {
            "algorithm": "rsassa_pss",
            "parameters": algos.RSASSAPSSParams(
                {
                    "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                    "mask_gen_algorithm": algos.MaskGenAlgorithm(
                        {
                            "algorithm": "mgf1",
                            "parameters": algos.DigestAlgorithm({"algorithm": "sha256"}),
                        }
                    ),
                    "salt_length": 32,
                    "trailer_field": "trailer_field_bc",
                }
            ),
        }
    )


class KeySession:
    """An open key: a pyHanko ``Signer`` plus its certificate; close it (or use ``with``) when done."""

    def __init__(self, signer: Any, closer: Callable[[], None] | None = None, source: str = "") -> None:
        self.signer = signer
        self._closer = closer
        self.source = source

    @property
    def certificate(self) -> x509.Certificate:
        cert = self.signer.signing_cert
        assert cert is not None
        return cert

    @property
    def chain(self) -> list[x509.Certificate]:
        """The other certificates the key came with (intermediates, possibly the root)."""
        mine = self.certificate
        return [c for c in self.signer.cert_registry if c != mine]

    @property
    def key_algorithm(self) -> str:
        """ "rsa" or "ec"."""
        return str(self.certificate.public_key.algorithm)

    def close(self) -> None:
        if self._closer is not None:
            closer, self._closer = self._closer, None
            closer()

    def __enter__(self) -> KeySession:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_key(source: KeySource, *, pss: bool = False, prompt: Prompt | None = None) -> KeySession:
    """Open a key once (one password/PIN entry); raise KeyAccessError with a clear message otherwise.

    ``pss``: sign RSA keys with RSASSA-PSS instead of PKCS#1 v1.5 (ignored for EC keys).
    """
    if isinstance(source, P12Source):
        return _open_p12(source, pss=pss, prompt=prompt)
    if isinstance(source, Pkcs11Source):
        return _open_pkcs11(source, pss=pss, prompt=prompt)
    if isinstance(source, CscSource):
        from digitize.signing.csc import open_csc

        return open_csc(source, pss=pss)
    raise UsageError("Nguồn khóa không hợp lệ", "invalid key source")


def _fast_simple_signer_class() -> type:
    """pyHanko's SimpleSigner re-parses the private key for every signature (~50 ms for RSA: the key's
    consistency check); this one keeps the parsed key."""
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

    class FastSimpleSigner(SimpleSigner):
        def __init__(self, pyca_key: Any, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._pyca_key = pyca_key

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mech = self.get_signature_mechanism_for_digest(digest_algorithm)
            try:
                algo = mech.signature_algo
            except ValueError:
                algo = mech["algorithm"].native
            key = self._pyca_key
            if algo == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, padding.PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            if algo == "rsassa_pss" and isinstance(key, rsa.RSAPrivateKey):
                pad, hash_algo = process_pss_params(mech["parameters"])
                return key.sign(data, pad, hash_algo)
            if algo == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
            return super().sign_raw(data, digest_algorithm)

    return FastSimpleSigner


def _FastSimpleSigner(pyca_key: Any, **kwargs: Any) -> Any:  # a class factory
    return _fast_simple_signer_class()(pyca_key, **kwargs)


def _open_p12(source: P12Source, *, pss: bool, prompt: Prompt | None) -> KeySession:
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1,
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    path = Path(source.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyAccessError(
            f"Không đọc được tệp khóa {path}: {exc.strerror}",
            f"cannot read the key file {path}: {exc.strerror}",
        ) from None
    if source.password_file is not None:
        try:
            password: str | None = Path(source.password_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise KeyAccessError(
                f"Không đọc được tệp mật khẩu {source.password_file}: {exc.strerror}",
                f"cannot read the password file {source.password_file}: {exc.strerror}",
            ) from None
    else:
        password = _secret(source.password_env, prompt, "mật khẩu tệp PKCS#12", "PKCS#12 password")
    try:
        key, cert, others = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None
        )
    except Exception:
        raise KeyAccessError(
            f"Sai mật khẩu hoặc tệp PKCS#12 hỏng: {path.name}",
            f"wrong password or damaged PKCS#12 file: {path.name}",
        ) from None
    if key is None or cert is None:
        raise KeyAccessError(
            f"Tệp PKCS#12 {path.name} không có khóa riêng và chứng thư",
            f"the PKCS#12 file {path.name} holds no private key with its certificate",
        )
    asn1_cert = translate_pyca_cryptography_cert_to_asn1(cert)
    store = SimpleCertificateStore()
    store.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in others])
    is_rsa = asn1_cert.public_key.algorithm == "rsa"
    signer = _FastSimpleSigner(
        key,
        signing_cert=asn1_cert,
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        cert_registry=store,
        signature_mechanism=pss_mechanism() if (pss and is_rsa) else None,
    )
    return KeySession(signer, None, source=f"p12:{path.name}")


def _open_pkcs11(source: Pkcs11Source, *, pss: bool, prompt: Prompt | None) -> KeySession:
    try:
        from pkcs11 import exceptions as p11_exc
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
    except ImportError as exc:  # pragma: no cover - python-pkcs11 is a dependency
        raise KeyAccessError("Thiếu thư viện python-pkcs11", f"python-pkcs11 is missing: {exc}") from None

    module = Path(source.module)
    if not module.is_file():
        raise KeyAccessError(
            f"Không tìm thấy thư viện PKCS#11 {module}", f"PKCS#11 module {module} not found"
        )
    pin = _secret(source.pin_env, prompt, "mã PIN của thiết bị ký", "token PIN")
    try:
        session = open_pkcs11_session(
            str(module), token_criteria=TokenCriteria(label=source.token_label), user_pin=pin
        )
    except (p11_exc.PinIncorrect, p11_exc.PinLenRange, p11_exc.PinInvalid):
        raise KeyAccessError(
            f"Sai mã PIN của thiết bị ký '{source.token_label}'",
            f"wrong PIN for token '{source.token_label}'",
        ) from None
    except p11_exc.PinLocked:
        raise KeyAccessError(
            f"Thiết bị ký '{source.token_label}' đã bị khóa PIN",
            f"token '{source.token_label}' PIN is locked",
        ) from None
    except Exception as exc:
        text = str(exc) or type(exc).__name__
        if "No token" in text:
            raise KeyAccessError(
                f"Không tìm thấy thiết bị ký có nhãn '{source.token_label}'",
                f"no token labelled '{source.token_label}'",
            ) from None
        raise KeyAccessError(
            f"Không mở được thiết bị ký '{source.token_label}': {type(exc).__name__}",
            f"cannot open token '{source.token_label}': {type(exc).__name__}",
        ) from None

    def close() -> None:
        with contextlib.suppress(Exception):  # closing a dead session
            session.close()

    try:
        probe = PKCS11Signer(
            session, key_label=source.key_label, cert_label=source.cert_label or source.key_label
        )
        cert = probe.signing_cert  # loads key and certificate now: errors surface here, not mid-batch
        is_rsa = cert.public_key.algorithm == "rsa"
        signer = probe
        if (pss and is_rsa) or not is_rsa:
            # ECDSA: hash here and sign with the raw CKM_ECDSA mechanism, which every token has
            # (SoftHSM2 and many USB tokens lack CKM_ECDSA_SHA256)
            signer = PKCS11Signer(
                session,
                key_label=source.key_label,
                cert_label=source.cert_label or source.key_label,
                signature_mechanism=pss_mechanism() if is_rsa else None,
                use_raw_mechanism=not is_rsa,
            )
            signer.signing_cert  # noqa: B018 - load now
    except Exception as exc:
        close()
        raise KeyAccessError(
            f"Không tìm thấy khóa '{source.key_label}' (hoặc chứng thư của nó) trên thiết bị ký "
            f"'{source.token_label}'",
            f"key '{source.key_label}' (or its certificate) not found on token '{source.token_label}'",
            reason=type(exc).__name__,
        ) from None
    return KeySession(signer, close, source=f"pkcs11:{source.token_label}/{source.key_label}")


def sign_digest(key: KeySession, digest: bytes, algorithm: str) -> bytes:
    """Sign a SHA-256 ``digest`` computed elsewhere (a signing session's) with the open key, as a token's
    sign-hash does: ``rsassa_pkcs1v15`` (CKM_RSA_PKCS over the DigestInfo), ``rsassa_pss`` (CKM_RSA_PKCS_PSS,
    SHA-256, MGF1-SHA-256, salt 32) or ``ecdsa`` (CKM_ECDSA; the raw r||s is returned as PKCS#11 gives it)."""
    if len(digest) != 32:
        raise UsageError("Bản băm phải dài 32 byte (SHA-256)", "the digest must be 32 bytes (SHA-256)")
    signer = key.signer
    if hasattr(signer, "_pyca_key"):  # a PKCS#12 file opened by _open_p12
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

        pyca = signer._pyca_key
        pre = utils.Prehashed(hashes.SHA256())
        if algorithm == "ecdsa" and isinstance(pyca, ec.EllipticCurvePrivateKey):
            return bytes(pyca.sign(digest, ec.ECDSA(pre)))
        if isinstance(pyca, rsa.RSAPrivateKey) and algorithm in ("rsassa_pkcs1v15", "rsassa_pss"):
            pad: padding.AsymmetricPadding = (
                padding.PSS(padding.MGF1(hashes.SHA256()), 32)
                if algorithm == "rsassa_pss"
                else padding.PKCS1v15()
            )
            return bytes(pyca.sign(digest, pad, pre))
        raise UsageError(f"Khóa này không ký được theo {algorithm}", f"this key cannot sign with {algorithm}")
    from pyhanko.sign.pkcs11 import PKCS11Signer

    if not isinstance(signer, PKCS11Signer):
        raise UsageError("Nguồn khóa không hỗ trợ ký bản băm", "this key source cannot sign a digest")
    import asyncio

    from pkcs11 import MGF, Mechanism

    asyncio.run(signer.ensure_objects_loaded())
    handle: Any = signer._key_handle
    try:
        if algorithm == "rsassa_pkcs1v15":
            info = algos.DigestInfo(
                {"digest_algorithm": {"algorithm": "sha256", "parameters": core.Null()}, "digest": digest}
            )
            return bytes(handle.sign(info.dump(), mechanism=Mechanism.RSA_PKCS))
        if algorithm == "rsassa_pss":
            return bytes(
                handle.sign(
                    digest,
                    mechanism=Mechanism.RSA_PKCS_PSS,
                    mechanism_param=(Mechanism.SHA256, MGF.SHA256, 32),
                )
            )
        if algorithm == "ecdsa":
            return bytes(handle.sign(digest, mechanism=Mechanism.ECDSA))
    except Exception as exc:
        raise KeyAccessError(
            f"Thiết bị ký từ chối ký: {type(exc).__name__}",
            f"the token refused to sign: {type(exc).__name__}",
        ) from None
    raise UsageError(f"Thuật toán không hỗ trợ: {algorithm}", f"unsupported algorithm: {algorithm}")
