"""Verifications per second on 1-page signed documents.

Uses the test PKI (tests/support/pki.py: root + intermediate CA, OCSP/CRL/TSA on loopback), so revocation is
really checked over HTTP. Figures: a PAdES B-B signature (full check, including the rendered comparison),
the same without the visual checks, a B-T signature, and a document changed after signing (two revisions
rendered and compared).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 20


def _rate(label: str, fn, rounds: int = ROUNDS) -> None:  # type: ignore[no-untyped-def]
    fn()  # warm up (imports, fonts, first OCSP fetch)
    t0 = time.perf_counter()
    for _ in range(rounds):
        fn()
    dt = time.perf_counter() - t0
    print(
        f"verify {label:<44} {rounds / dt:7.1f} verifications/s ({dt / rounds * 1000:6.1f} ms each)",
        flush=True,
    )


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from digitize.verify import load_trust_roots, verify_pdf
    from tests.support.pki import build_pki
    from tests.verify import helpers as h

    with tempfile.TemporaryDirectory() as tmp:
        pki, server = build_pki(Path(tmp) / "pki")
        try:
            roots = load_trust_roots([pki.root_cert])
            base = h.make_pdf()
            bb = h.pyhanko_sign(base, pki.officer.p12, pki.p12_password)
            bt = h.pyhanko_sign(base, pki.officer.p12, pki.p12_password, tsa_url=pki.tsa_url)
            changed = h.add_content_after_signing(bb)
            for data, want in ((bb, "TOTAL_PASSED"), (bt, "TOTAL_PASSED"), (changed, "TOTAL_FAILED")):
                got = verify_pdf(data, trust_roots=roots).document.indication
                assert got == want, (got, want)
            _rate("B-B, 1 page (OCSP on loopback)", lambda: verify_pdf(bb, trust_roots=roots))
            _rate(
                "B-B, 1 page, no visual checks",
                lambda: verify_pdf(bb, trust_roots=roots, visual_checks=False),
            )
            _rate("B-T, 1 page (timestamp + OCSP)", lambda: verify_pdf(bt, trust_roots=roots))
            _rate(
                "changed after signing (2 revisions rendered)", lambda: verify_pdf(changed, trust_roots=roots)
            )
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
