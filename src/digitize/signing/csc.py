"""Remote signing over the Cloud Signature Consortium API v1 (VNPT SmartCA, Viettel MySign and the like): the
holder's key stays with the service; the holder approves on their phone while ``credentials/authorize``
waits.

    with CscKey.open("https://csc.example/csc/v1", "credential-id", token) as key:
        key.certificate, key.chain                      # from credentials/info (certificates=chain)
        values = key.sign_digests([d1, d2], "rsassa_pkcs1v15")   # ONE authorisation for the batch

One authorisation per batch, the hashes pinned in it (SCAL 2), then ``signatures/signHash`` with all of them:
the same one-approval-per-batch as one PIN per batch on a USB token.

A server-side profile may also point at a CSC service (``csc_url``, ``csc_credential`` in the profiles
file): ``open_csc(CscSource(...))`` gives a ``KeySession`` around pyHanko's ``CSCSigner``, so the profile
signs as any other (appearance, QR, levels, verification). Two uses: the organisation's seal key held by a
provider (applied by a clerk, after the leader: Decree 30/2020), and an officer's own remote credential
bound to that officer alone in the profile (``users = [...]``). Each signature asks
``credentials/authorize`` for a SAD pinned to its one hash and waits up to ``approval_seconds`` there (a
real service answers once the holder approves on their phone), then ``signatures/signHash``. The aiohttp
session lives inside each signature's own event loop (the synchronous signing code runs every signature in a
fresh loop).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from asn1crypto import algos, x509

from digitize.errors import KeyAccessError, ServiceUnavailable

if TYPE_CHECKING:
    from digitize.signing.keys import CscSource, KeySession

_SIGN_ALGO = {
    "rsassa_pkcs1v15": "1.2.840.113549.1.1.1",  # rsaEncryption: PKCS#1 v1.5 over the given hash
    "ecdsa": "1.2.840.10045.4.3.2",  # ecdsa-with-SHA256
}
_SHA256 = "2.16.840.1.101.3.4.2.1"


@dataclass
class CscKey:
    """A CSC credential, opened: its certificate chain and a client to sign hashes with it."""

    http: Any  # an httpx.Client
    base: str  # .../csc/v1
    credential_id: str
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)
    timeout: float = 300.0  # credentials/authorize may wait this long for the holder's approval

    @classmethod
    def open(
        cls, base_url: str, credential_id: str, token: str | None = None, timeout: float = 300.0
    ) -> CscKey:
        import httpx

        headers = {"Authorization": f"Bearer {token}"} if token else {}
        http = httpx.Client(headers=headers, timeout=timeout)
        base = base_url.rstrip("/")
        try:
            info = cls._post(
                http, base, "credentials/info", {"credentialID": credential_id, "certificates": "chain"}
            )
            certs = [x509.Certificate.load(base64.b64decode(c)) for c in info["cert"]["certificates"]]
        except KeyAccessError:
            http.close()
            raise
        except Exception as exc:
            http.close()
            raise KeyAccessError(
                f"Dịch vụ ký từ xa trả lời không hợp lệ: {exc}",
                f"the remote signing service answered badly: {exc}",
            ) from None
        return cls(http, base, credential_id, certs[0], certs[1:], timeout)

    @staticmethod
    def _post(http: Any, base: str, method: str, body: dict[str, Any]) -> dict[str, Any]:
        import httpx

        try:
            r = http.post(f"{base}/{method}", json=body)
        except httpx.HTTPError as exc:
            raise ServiceUnavailable(
                f"Không kết nối được dịch vụ ký từ xa: {type(exc).__name__}",
                f"cannot reach the remote signing service: {type(exc).__name__}",
            ) from None
        if r.status_code != 200:
            raise KeyAccessError(
                f"Dịch vụ ký từ xa từ chối {method} (HTTP {r.status_code})",
                f"the remote signing service refused {method} (HTTP {r.status_code})",
            )
        data: dict[str, Any] = r.json()
        return data

    def sign_digests(self, digests: list[bytes], algorithm: str) -> list[bytes]:
        """Sign SHA-256 digests computed elsewhere: one authorisation (hashes pinned), one signHash."""
        if not digests:
            return []
        hashes = [base64.b64encode(d).decode("ascii") for d in digests]
        sad = self._post(
            self.http,
            self.base,
            "credentials/authorize",
            {"credentialID": self.credential_id, "numSignatures": len(hashes), "hash": hashes},
        )["SAD"]
        body: dict[str, Any] = {
            "credentialID": self.credential_id,
            "SAD": sad,
            "hash": hashes,
            "hashAlgo": _SHA256,
        }
        if algorithm == "rsassa_pss":
            from digitize.signing.keys import pss_mechanism

            body["signAlgo"] = "1.2.840.113549.1.1.10"
            params: algos.RSASSAPSSParams = pss_mechanism()["parameters"]
            body["signAlgoParams"] = base64.b64encode(params.dump()).decode("ascii")
        else:
            body["signAlgo"] = _SIGN_ALGO[algorithm]
        values = self._post(self.http, self.base, "signatures/signHash", body)["signatures"]
        return [base64.b64decode(v) for v in values]

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CscKey:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _service_url(url: str) -> str:
    """pyHanko wants the part before ``/csc/v1``; profiles and the agent name the CSC base URL itself."""
    base = url.strip().rstrip("/")
    if not base.startswith(("https://", "http://")):
        raise KeyAccessError(
            f"Địa chỉ dịch vụ ký từ xa không hợp lệ: {url!r}", f"invalid remote signing service URL: {url!r}"
        )
    return base[: -len("/csc/v1")] if base.endswith("/csc/v1") else base


def _token(source: CscSource) -> str | None:
    import os

    if source.token_file is not None:
        try:
            return Path(source.token_file).read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            raise KeyAccessError(
                f"Không đọc được tệp mã truy cập dịch vụ ký từ xa {source.token_file}: {exc.strerror}",
                f"cannot read the remote signing token file {source.token_file}: {exc.strerror}",
            ) from None
    if source.token_env:
        value = os.environ.get(source.token_env)
        if value is None:
            raise KeyAccessError(
                f"Biến môi trường {source.token_env} (mã truy cập dịch vụ ký từ xa) chưa được đặt",
                f"environment variable {source.token_env} (the remote signing service token) is not set",
            )
        return value
    return None


def _csc_classes() -> tuple[type, type]:
    import asyncio

    import aiohttp
    from pyhanko.sign.signers.csc_signer import CSCAuthorizationInfo, CSCAuthorizationManager, CSCSigner

    class ApprovalWait(CSCAuthorizationManager):
        """``credentials/authorize`` with the hash pinned, waiting for the holder's approval."""

        def __init__(self, session_info: Any, credential_info: Any, approval_seconds: float) -> None:
            super().__init__(session_info, credential_info)
            self.approval_seconds = approval_seconds
            self.signer: Any = None

        async def authorize_signature(self, hash_b64s: list[str]) -> CSCAuthorizationInfo:
            body = self.format_csc_auth_request(
                hash_b64s=hash_b64s, description="digitize: ký số văn bản / signing a document"
            )
            url = self.csc_session_info.endpoint_url("credentials/authorize")
            try:
                async with self.signer.session.post(
                    url,
                    headers=self.auth_headers,
                    json=body,
                    timeout=aiohttp.ClientTimeout(total=self.approval_seconds),
                ) as r:
                    if r.status >= 400:
                        raise KeyAccessError(
                            f"Dịch vụ ký từ xa không cấp quyền ký (HTTP {r.status}): người giữ khóa chưa phê "
                            "duyệt hoặc đã từ chối",
                            f"the remote signing service did not authorise the signature (HTTP {r.status}): "
                            "the holder did not approve it",
                            reason="not_authorised",
                        )
                    data = await r.json()
            except TimeoutError:
                raise ServiceUnavailable(
                    f"Người giữ khóa chưa phê duyệt trong {self.approval_seconds:.0f} giây",
                    f"the holder did not approve within {self.approval_seconds:.0f} seconds",
                    reason="approval_timeout",
                ) from None
            except aiohttp.ClientError as exc:
                raise ServiceUnavailable(
                    f"Không kết nối được dịch vụ ký từ xa: {type(exc).__name__}",
                    f"cannot reach the remote signing service: {type(exc).__name__}",
                ) from None
            return self.parse_csc_auth_response(data)

    class LoopLocalCscSigner(CSCSigner):
        """pyHanko's CSCSigner with its aiohttp session opened in the event loop of each signature."""

        async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
            if dry_run:
                return bytes(self.est_raw_signature_size)
            async with aiohttp.ClientSession() as http:
                self.session = http
                try:
                    return bytes(await super().async_sign_raw(data, digest_algorithm))
                finally:
                    self.session = None  # type: ignore[assignment]
                    await asyncio.sleep(0)

    return ApprovalWait, LoopLocalCscSigner


def open_csc(source: CscSource, *, pss: bool = False) -> KeySession:
    """Open a remote CSC credential for a server-side profile: its certificate chain now
    (``credentials/info``: errors surface here, not mid-signature), a signer asking for each signature."""
    import asyncio

    import aiohttp
    from pyhanko.sign.general import SigningError as HankoSigningError
    from pyhanko.sign.signers.csc_signer import CSCServiceSessionInfo, fetch_certs_in_csc_credential

    from digitize.signing.keys import KeySession

    info = CSCServiceSessionInfo(_service_url(source.url), source.credential_id, oauth_token=_token(source))

    async def fetch() -> Any:
        async with aiohttp.ClientSession() as http:
            return await fetch_certs_in_csc_credential(http, info, timeout=30)

    try:
        credential = asyncio.run(fetch())
    except HankoSigningError as exc:
        cause = exc.__cause__
        if isinstance(cause, aiohttp.ClientResponseError):
            raise KeyAccessError(
                f"Dịch vụ ký từ xa từ chối chứng danh '{source.credential_id}' (HTTP {cause.status})",
                f"the remote signing service refused credential '{source.credential_id}' "
                f"(HTTP {cause.status})",
            ) from None
        if isinstance(cause, aiohttp.ClientError | TimeoutError):
            raise ServiceUnavailable(
                f"Không kết nối được dịch vụ ký từ xa: {type(cause).__name__}",
                f"cannot reach the remote signing service: {type(cause).__name__}",
            ) from None
        raise KeyAccessError(
            f"Dịch vụ ký từ xa trả lời không hợp lệ: {exc}",
            f"the remote signing service answered badly: {exc}",
        ) from None
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ServiceUnavailable(
            f"Không kết nối được dịch vụ ký từ xa: {type(exc).__name__}",
            f"cannot reach the remote signing service: {type(exc).__name__}",
        ) from None
    approval_wait, signer_class = _csc_classes()
    auth = approval_wait(info, credential, source.approval_seconds)
    signer = signer_class(
        None, auth, sign_timeout=int(source.approval_seconds) + 60, prefer_pss=pss, batch_size=1
    )
    auth.signer = signer
    return KeySession(signer, None, source=f"csc:{source.credential_id}")
