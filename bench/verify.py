"""Verification: speed and agreement with references.

1. Real Vietnamese signed PDFs (../shared/realworld/signed, when present): verifications per second offline
   with the shipped trust list, and the share of the real-signature checks met (signature count as poppler's
   pdfsig, intact and crypto-valid as pdfsig, chained to a shipped root, SHA-1 never TOTAL_PASSED).
2. The EU DSS corpus (../shared/dss-pades, when present): the share of DSS's expectations met
   (tests/verify/dss_expected.py: indication, sub-indication, count, modifications per file), beside bare
   pyHanko mapped the same way.
3. 1-page generated documents on the test PKI (tests/support/pki.py: root + intermediate CA, OCSP/CRL/TSA on
   loopback), so revocation is really checked over HTTP: a PAdES B-B signature (full check, including the
   rendered comparison), the same without the visual checks, a B-T signature, and a document changed after
   signing (two revisions rendered and compared).
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


SEVERITY = {"TOTAL_PASSED": 0, "INDETERMINATE": 1, "TOTAL_FAILED": 2}


def _real(shared: Path) -> None:
    from digitize.tools import pdfsig
    from digitize.verify import verify_pdf

    d = shared / "realworld" / "signed"
    files = sorted(d.glob("*.pdf")) if d.is_dir() else []
    if not files:
        print("verify real signed PDFs: ../shared/realworld/signed not present, skipped")
        return
    met = total = 0
    datas = [(p, p.read_bytes()) for p in files]
    for p, data in datas:
        theirs = [s for s in pdfsig.inspect(p) if s.signed]
        ours = verify_pdf(data, allow_fetching=False).signatures
        total += 1
        met += len(ours) == len(theirs)
        for o, t in zip(ours, theirs, strict=False):
            total += 3
            met += (o.intact and o.crypto_valid) == t.valid
            met += o.trusted
            if (t.hash_algorithm or "").upper().replace("-", "") == "SHA1":
                total += 1
                met += o.indication != "TOTAL_PASSED" and any("SHA-1" in r for r in o.reasons_en)
            met += o.indication != "TOTAL_FAILED"
    print(f"verify real signed PDFs ({len(files)} files): {met}/{total} checks met = {met / total:.3f}")
    t0 = time.perf_counter()
    for _p, data in datas:
        verify_pdf(data, allow_fetching=False)
    dt = time.perf_counter() - t0
    print(
        f"verify real signed PDFs, offline, shipped trust list: {len(datas) / dt:.2f} files/s "
        f"({dt / len(datas) * 1000:.0f} ms a file)"
    )


def _bare_pyhanko(data: bytes) -> tuple[str, str | None, int, str]:
    """pyHanko alone (no trust roots), mapped onto the same four fields."""
    import asyncio
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception:
        return ("TOTAL_FAILED", "FORMAT_FAILURE", 0, "")
    rows: list[tuple[str, str | None, str]] = []
    for emb in sigs:
        try:
            if emb.sig_object.get("/Type") == "/DocTimeStamp":
                st = asyncio.run(async_validate_pdf_timestamp(emb))
            else:
                st = asyncio.run(async_validate_pdf_signature(emb))
        except Exception:
            rows.append(("TOTAL_FAILED", "FORMAT_FAILURE", "other"))
            continue
        lvl = st.modification_level
        mod = lvl.name.lower() if lvl is not None else "other"
        if not st.intact:
            rows.append(("TOTAL_FAILED", "HASH_FAILURE", mod))
        elif not st.valid:
            rows.append(("TOTAL_FAILED", "SIG_CRYPTO_FAILURE", mod))
        elif mod == "other":
            rows.append(("INDETERMINATE", "SIG_CONSTRAINTS_FAILURE", mod))
        else:
            sub = st.trust_problem_indic.name if st.trust_problem_indic is not None else None
            rows.append(("INDETERMINATE" if sub else "TOTAL_PASSED", sub, mod))
    if not rows:
        return ("TOTAL_FAILED", "FORMAT_FAILURE", 0, "")
    worst = max(rows, key=lambda r: SEVERITY[r[0]])
    return (worst[0], worst[1], len(rows), "/".join(r[2] for r in rows))


def _dss(shared: Path) -> None:
    from digitize.verify import verify_pdf
    from tests.verify.dss_expected import EXPECTED

    d = shared / "dss-pades"
    if not d.is_dir():
        print("verify EU DSS corpus: ../shared/dss-pades not present, skipped")
        return
    ours = bare = total = 0
    for name, want in sorted(EXPECTED.items()):
        data = (d / name).read_bytes()
        r = verify_pdf(data, allow_fetching=False, file_name=name)
        got = (
            r.document.indication,
            r.document.sub_indication,
            len(r.signatures),
            "/".join(s.modification for s in r.signatures),
        )
        other = _bare_pyhanko(data)
        total += 4
        ours += sum(a == b for a, b in zip(got, want, strict=True))
        bare += sum(a == b for a, b in zip(other, want, strict=True))
    print(
        f"verify EU DSS corpus ({len(EXPECTED)} files, {total} assertions): digitize {ours / total:.3f}, "
        f"bare pyHanko {bare / total:.3f}"
    )


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    import logging

    logging.disable(logging.WARNING)
    shared = repo.parent / "shared"
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ["DIGITIZE_HOME"] = home  # an empty CRL cache: what a fresh install sees
        # the test PKI's OCSP/CRL/TSA answer on loopback, which verification refuses unless allowed by name
        os.environ["DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS"] = "127.0.0.1"
        from digitize.config import reset_settings

        reset_settings()
        _real(shared)
        _dss(shared)
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
                rep = verify_pdf(data, trust_roots=roots)
                got = rep.document.indication
                assert got == want, (got, want, rep.document.reason_en)
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
