"""Signatures per second on 1-page PDFs: our signing (PKCS#12 and SoftHSM2, B-B and B-T, batches) beside
pyHanko used the default way in-process and its command line (``pyhanko sign addsig``).

Everything runs against the generated test PKI (tests/support/pki.py) with its TSA on loopback.
``python -m bench sign`` (env ``BENCH_SIGN_N`` = documents per figure, default 40).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

N = int(os.environ.get("BENCH_SIGN_N", "40"))


def _rate(label: str, n: int, fn: Callable[[int], object], rows: list[tuple[str, float, float]]) -> None:
    fn(-1)  # warm-up (fonts, imports, first OCSP)
    t0 = time.perf_counter()
    for i in range(n):
        fn(i)
    dt = time.perf_counter() - t0
    rows.append((label, dt / n * 1000, n / dt))
    print(f"  {label:<58} {dt / n * 1000:8.1f} ms/sig {n / dt:8.1f} sig/s", flush=True)


def _signer_fn(signing: Any, data: bytes) -> Callable[[int], object]:
    return lambda _i: signing.sign_bytes(data)


def _sessions(pki: Any, d: Path, rows: list[tuple[str, float, float]]) -> None:
    """Per document, on a store (SQLite) with a live server on loopback: a server-side profile signing in
    process (``sign_document``: QR, sign, verify, store) beside a signing session over HTTP (prepare, the
    holder's software key signs the digest, complete: the same QR, verify, store). Same PKI, B-B."""
    import base64
    import shutil as sh

    import httpx
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, utils

    from digitize.config import reset_settings
    from digitize.services.signing import register_certificate
    from digitize.signing.service import sign_document
    from digitize.store import db
    from digitize.store.auth import create_api_key
    from tests.api.signing_helpers import done_pdf_document
    from tests.support.live import live_server

    home, trust = d / "home", d / "trust"
    home.mkdir()
    trust.mkdir()
    sh.copy(pki.root_cert, trust / "root.pem")
    profiles = d / "signing.toml"
    profiles.write_text(
        f'[profiles.p]\nrole = "leader"\nlevel = "B-B"\np12 = "{pki.officer.p12}"\n'
        'p12_password_env = "BENCH_P12_PW"\n',
        encoding="utf-8",
    )
    os.environ.update(
        DIGITIZE_HOME=str(home),
        DIGITIZE_TRUST_DIR=str(trust),
        DIGITIZE_TSA_URL=pki.tsa_url,
        DIGITIZE_SIGNING_PROFILES_FILE=str(profiles),
        DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS="127.0.0.1,localhost,::1",
    )
    reset_settings()
    db.get_engine()
    n = max(5, min(N, 20))
    docs = [done_pdf_document(d, f"doc{i}") for i in range(2 * n + 2)]
    with db.session() as s:
        row, plain = create_api_key(s, role="officer", name="bench")
        register_certificate(s, "key", row.key_id, pki.officer.cert.read_bytes(), by="bench")
    key = serialization.load_pem_private_key(pki.officer.key.read_bytes(), None)
    pem = pki.officer.cert.read_text() + pki.intermediate_cert.read_text()
    in_process = iter(docs[: n + 1])
    _rate("server profile in-process (QR, sign, verify, store)", n, lambda _i: sign_document(
        next(in_process), "p", "bench"), rows)  # fmt: skip
    with (
        live_server() as url,
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {plain}"}, timeout=60) as http,
    ):
        over_http = iter(docs[n + 1 :])

        def session(_i: int) -> None:
            r = http.post(f"/api/v1/documents/{next(over_http)}/signing-sessions", json={"certificate": pem})
            assert r.status_code == 201, r.text
            body = r.json()
            value = key.sign(  # type: ignore[union-attr, call-arg]
                base64.b64decode(body["digest"]), padding.PKCS1v15(), utils.Prehashed(hashes.SHA256())
            )
            r = http.post(
                f"/api/v1/signing-sessions/{body['id']}/signature",
                json={"signature": base64.b64encode(value).decode()},
            )
            assert r.status_code == 200, r.text

        _rate("signing session over HTTP (prepare + holder signs + complete)", n, session, rows)
    a, b = rows[-2][1], rows[-1][1]
    print(f"  session round trip / in-process per document: {b / a:.2f}x (target <= 2x)", flush=True)
    db.dispose_all()


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from digitize.certs import load_trust_roots
    from digitize.signing.keys import P12Source, Pkcs11Source, open_key
    from digitize.signing.sign import Signing, SignProfile, SignRequest
    from digitize.tools import softhsm
    from tests.signing.helpers import make_pdf, seal_png, signature_png
    from tests.support.pki import build_pki

    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-sign-") as tmp:
        d = Path(tmp)
        pki, server = build_pki(d / "pki")
        try:
            src = make_pdf(d / "in.pdf")
            data = src.read_bytes()
            sig_img = signature_png(d / "sig.png")
            seal_png(d / "seal.png")
            os.environ["BENCH_P12_PW"] = pki.p12_password
            roots = load_trust_roots([pki.root_cert])
            print(f"1-page PDF ({len(data)} bytes), RSA 2048, SHA-256, N={N}", flush=True)

            # --- pyHanko the default way (dummy signature to size the container, key re-parsed) ---------
            from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
            from pyhanko.sign import fields, signers

            hanko = signers.SimpleSigner.load_pkcs12(
                str(pki.officer.p12), passphrase=pki.p12_password.encode()
            )
            assert hanko is not None

            def hanko_default(i: int) -> None:
                import io

                w = IncrementalPdfFileWriter(io.BytesIO(data))
                meta = signers.PdfSignatureMetadata(
                    field_name="Sig1", subfilter=fields.SigSeedSubFilter.PADES
                )
                signers.sign_pdf(w, meta, signer=hanko)

            _rate("pyHanko in-process, default (invisible, B-B)", max(5, N // 4), hanko_default, rows)

            # --- ours, PKCS#12 ---------------------------------------------------------------------------
            with open_key(P12Source(pki.officer.p12, "BENCH_P12_PW")) as key:
                for label, profile in [
                    ("digitize p12 B-B invisible", SignProfile(visible=False)),
                    ("digitize p12 B-B leader appearance", SignProfile(signature_image=sig_img)),
                    (
                        "digitize p12 B-T leader appearance (local TSA)",
                        SignProfile(level="B-T", tsa_url=pki.tsa_url, signature_image=sig_img),
                    ),
                ]:
                    s = Signing(key, profile, roots)
                    _rate(label, N, _signer_fn(s, data), rows)
                s = Signing(key, SignProfile(signature_image=sig_img), roots)
                reqs = [SignRequest(src, d / "batch" / f"{i}.pdf") for i in range(N)]

                t0 = time.perf_counter()
                s.sign_many(reqs)  # files in, files out (atomic writes, fsync)
                dt = time.perf_counter() - t0
                rows.append(("digitize p12 batch sign_many (files, fsync)", dt / N * 1000, N / dt))
                print(
                    f"  {'digitize p12 batch sign_many (files, fsync)':<58} {dt / N * 1000:8.1f} ms/sig "
                    f"{N / dt:8.1f} sig/s",
                    flush=True,
                )

            # --- signing sessions over HTTP (hash out, signature in) beside in-process server signing ----
            _sessions(pki, d, rows)

            # --- ours, SoftHSM2 ---------------------------------------------------------------------------
            if softhsm.available():
                hsm = softhsm.SoftHsm.create(d / "hsm")
                os.environ["SOFTHSM2_CONF"] = str(hsm.conf)
                hsm.init_token("bench", so_pin="1111", pin="2222")
                hsm.import_key("bench", "2222", pki.officer.key, pki.officer.cert, label="officer")
                os.environ["BENCH_PIN"] = "2222"
                with open_key(Pkcs11Source(hsm.module, "bench", "officer", "BENCH_PIN")) as key:
                    for label, profile in [
                        ("digitize SoftHSM2 B-B leader appearance", SignProfile(signature_image=sig_img)),
                        (
                            "digitize SoftHSM2 B-T leader appearance (local TSA)",
                            SignProfile(level="B-T", tsa_url=pki.tsa_url, signature_image=sig_img),
                        ),
                    ]:
                        s = Signing(key, profile, roots)
                        _rate(label, N, _signer_fn(s, data), rows)
            else:
                print("  SoftHSM2 not installed: skipped", flush=True)

            # --- command lines ------------------------------------------------------------------------------
            exe = Path(sys.executable).parent
            digitize = exe / "digitize"
            inputs = []
            for i in range(N):
                p = d / "cli-in" / f"doc{i}.pdf"
                p.parent.mkdir(exist_ok=True)
                p.write_bytes(data)
                inputs.append(str(p))
            env = {**os.environ}
            t0 = time.perf_counter()
            proc = subprocess.run(
                [
                    str(digitize),
                    "sign",
                    *inputs,
                    "--output-dir",
                    str(d / "cli-out"),
                    "--p12",
                    str(pki.officer.p12),
                    "--p12-password-env",
                    "BENCH_P12_PW",
                    "--trust",
                    str(pki.root_cert),
                    "--signature-image",
                    str(sig_img),
                ],
                capture_output=True,
                text=True,
                env=env,
            )
            dt = time.perf_counter() - t0
            if proc.returncode == 0:
                rows.append(("digitize sign CLI, batch of N in one process", dt / N * 1000, N / dt))
                print(
                    f"  {'digitize sign CLI, batch of N in one process':<58} {dt / N * 1000:8.1f} ms/sig "
                    f"{N / dt:8.1f} sig/s",
                    flush=True,
                )
            else:
                print("  digitize sign CLI failed:", proc.stderr.strip()[-300:], flush=True)

            def one_cli(i: int) -> None:
                subprocess.run(
                    [
                        str(digitize),
                        "sign",
                        str(src),
                        "-o",
                        str(d / f"one{i}.pdf"),
                        "--p12",
                        str(pki.officer.p12),
                        "--p12-password-env",
                        "BENCH_P12_PW",
                        "--trust",
                        str(pki.root_cert),
                        "--signature-image",
                        str(sig_img),
                    ],
                    check=True,
                    capture_output=True,
                    env=env,
                )

            _rate("digitize sign CLI, one process per document", 5, one_cli, rows)

            pyhanko = exe / "pyhanko"
            if pyhanko.exists() or shutil.which("pyhanko"):
                passfile = d / "pass.txt"
                passfile.write_text(pki.p12_password, encoding="utf-8")

                def hanko_cli(i: int) -> None:
                    subprocess.run(
                        [
                            str(pyhanko if pyhanko.exists() else "pyhanko"),
                            "sign",
                            "addsig",
                            "--field",
                            "Sig1",
                            "pkcs12",
                            "--passfile",
                            str(passfile),
                            str(src),
                            str(d / f"hk{i}.pdf"),
                            str(pki.officer.p12),
                        ],
                        check=True,
                        capture_output=True,
                        env=env,
                    )

                _rate("pyhanko sign addsig CLI, one process per document", 5, hanko_cli, rows)
            else:
                print("  pyhanko CLI (pyhanko-cli) not installed: skipped", flush=True)
        finally:
            server.shutdown()
            server.server_close()
    best = max((r for r in rows if r[0].startswith("digitize p12 B-B")), key=lambda r: r[2], default=None)
    if best:
        print(f"B-B target ≥ 20 sig/s: {best[2]:.1f} sig/s ({best[0]})", flush=True)


if __name__ == "__main__":
    main()
