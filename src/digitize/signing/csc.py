"""Remote signing over the Cloud Signature Consortium API v1 (VNPT SmartCA, Viettel MySign and the like): the
holder's key stays with the service; the holder approves on their phone while ``credentials/authorize``
waits.

    with CscKey.open("https://csc.example/csc/v1", "credential-id", token) as key:
        key.certificate, key.chain                      # from credentials/info (certificates=chain)
        values = key.sign_digests([d1, d2], "rsassa_pkcs1v15")   # ONE authorisation for the batch

One authorisation per batch, the hashes pinned in it (SCAL 2), then ``signatures/signHash`` with all of them:
the same one-approval-per-batch as one PIN per batch on a USB token. Our server is never the CSC client of a
person's key; ``digitize agent run --csc-url ...`` is (on the officer's PC).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from asn1crypto import algos, x509

from digitize.errors import KeyAccessError, ServiceUnavailable

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
