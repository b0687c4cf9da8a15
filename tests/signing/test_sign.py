"""Signing with PKCS#12 keys: every signature is checked by third parties (pdfsig/NSS, pyHanko, OCR)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from digitize.certs import load_trust_roots
from digitize.errors import CertificateRejected, KeyAccessError, SignatureNotAllowed
from digitize.signing.keys import P12Source, open_key
from digitize.signing.sign import Signing, SignProfile, SignRequest, SignResult
from tests.signing.conftest import Images
from tests.signing.helpers import assert_pdfsig_accepts, ocr_region, pyhanko_validate, shows_time
from tests.support.pki import TestPKI


def _sign(pki: TestPKI, ident: str, env: str, src: Path, dst: Path, **kw: object) -> SignResult:
    profile = SignProfile(**kw)  # type: ignore[arg-type]
    with open_key(P12Source(pki.identity(ident).p12, env), pss=profile.pss) as key:
        signing = Signing(key, profile, load_trust_roots([pki.root_cert]))
        return signing.sign_file(SignRequest(src, dst))


def _all_good(pki: TestPKI, pdf: Path, n: int) -> None:
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    statuses = pyhanko_validate(pki, pdf)
    assert len(statuses) == n
    for st in statuses:
        assert (st.intact, st.valid, st.trusted) == (True, True, True), st.status.pretty_print_details()
        # later revisions only filled in signature fields / added validation data, as DocMDP allows
        assert st.status.docmdp_ok, st.status.pretty_print_details()
        assert st.status.modification_level in (
            ModificationLevel.NONE,
            ModificationLevel.LTA_UPDATES,
            ModificationLevel.FORM_FILLING,
        )
        assert st.status.coverage in (
            SignatureCoverageLevel.ENTIRE_FILE,
            SignatureCoverageLevel.ENTIRE_REVISION,
        )


def _digitize_verify(pki: TestPKI, pdf: Path) -> dict[str, Any]:
    """The project's own verifier (CONTRACT.md): exit 0 only when every signature is TOTAL_PASSED."""
    import json

    from click.testing import CliRunner

    from digitize.cli import main

    res = CliRunner().invoke(main, ["verify", str(pdf), "--trust", str(pki.root_cert), "--json"])
    # stdout only: the test PKI's HTTP server runs in this process, and a request it fails to serve prints its
    # traceback to the stderr CliRunner captures too (socketserver.handle_error)
    report: dict[str, Any] = json.loads(res.stdout)
    assert res.exit_code == 0, json.dumps(report, ensure_ascii=False)[:2000]
    assert report["document"]["indication"] == "TOTAL_PASSED"
    return report


def test_leader_then_organization(
    pki: TestPKI, p12_env: str, images: Images, sample_pdf: Path, tmp_path: Path
) -> None:
    leader = tmp_path / "leader.pdf"
    final = tmp_path / "final.pdf"
    _sign(
        pki,
        "officer",
        p12_env,
        sample_pdf,
        leader,
        role="leader",
        title="Giám đốc",
        signature_image=images.signature,
        certify=True,
        docmdp=2,
    )
    s = _sign(
        pki,
        "organization",
        p12_env,
        leader,
        final,
        role="organization",
        signature_image=images.signature,
        seal_image=images.seal,
    )
    # the earlier signature stays valid after the incremental update
    assert final.read_bytes().startswith(leader.read_bytes())
    assert_pdfsig_accepts(pki, final, ["leader_1", "organization_1"])
    _all_good(pki, final, 2)
    report = _digitize_verify(pki, final)
    assert [s["field"] for s in report["signatures"]] == ["leader_1", "organization_1"]
    # and an electronic copy stamp after both, into the field the certification reserved for it
    copy = tmp_path / "copy.pdf"
    c = _sign(pki, "organization", p12_env, final, copy, role="copy")
    assert c.field_name == "copy_1" and c.box is not None and c.box[3] > 800
    _all_good(pki, copy, 3)
    _digitize_verify(pki, copy)
    # the page shows the Vietnamese name and the signing time (ISO 8601, +07:00)
    text = ocr_region(final, tmp_path, box=(250, 40, 595, 240))
    assert "Nguyễn Văn An" in text
    assert "GIÁM ĐỐC" in text
    assert s.signer_name == "Sở Khoa học và Công nghệ tỉnh Yên Bái"
    assert s.signing_time.endswith("+07:00")
    assert shows_time(s.signing_time, text)  # the organisation's signing time, every digit exact
    assert "Khoa học và Công nghệ" in text


def test_copy_stamp_top_right(pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.pdf"
    profile = SignProfile(role="copy", copy_kind="BẢN SAO ĐIỆN TỬ")
    with open_key(P12Source(pki.organization.p12, p12_env)) as key:
        signing = Signing(key, profile, load_trust_roots([pki.root_cert]))
        result = signing.sign_file(SignRequest(sample_pdf, out))
    assert result.box is not None and result.box[3] > 800 and result.box[2] > 500  # top right of page 1
    import datetime as dt

    from pyhanko.pdf_utils.reader import PdfFileReader

    with out.open("rb") as f:  # the time on the stamp is the signature's own signing time
        (emb,) = PdfFileReader(f).embedded_regular_signatures
        assert emb.self_reported_timestamp == dt.datetime.fromisoformat(result.signing_time)
    assert_pdfsig_accepts(pki, out, ["copy_1"])
    _all_good(pki, out, 1)
    text = ocr_region(out, tmp_path, box=(300, 770, 595, 842))
    assert "BẢN SAO ĐIỆN TỬ" in text
    assert shows_time(result.signing_time, text)
    import subprocess

    extracted = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert result.signing_time in extracted and "BẢN SAO ĐIỆN TỬ" in extracted


@pytest.mark.parametrize("level", ["B-T", "B-LT", "B-LTA"])
def test_levels(
    pki: TestPKI, p12_env: str, images: Images, sample_pdf: Path, tmp_path: Path, level: str
) -> None:
    out = tmp_path / f"{level}.pdf"
    before = dict(pki.requests)
    _sign(
        pki,
        "officer",
        p12_env,
        sample_pdf,
        out,
        role="leader",
        level=level,
        tsa_url=pki.tsa_url,
        signature_image=images.signature,
    )
    assert pki.requests["tsa"] > before.get("tsa", 0)
    statuses = pyhanko_validate(pki, out)
    assert len(statuses) == 1 and statuses[0].timestamped
    _all_good(pki, out, 1)
    assert_pdfsig_accepts(pki, out, ["leader_1"])
    from pyhanko.pdf_utils.reader import PdfFileReader

    with out.open("rb") as f:
        r = PdfFileReader(f)
        has_dss = "/DSS" in r.root
        doc_ts = list(r.embedded_timestamp_signatures)
        if has_dss:
            dss = r.root["/DSS"]
            assert "/OCSPs" in dss or "/CRLs" in dss
    assert has_dss == (level in ("B-LT", "B-LTA"))
    assert (len(doc_ts) == 1) == (level == "B-LTA")
    report = _digitize_verify(pki, out)
    assert report["document"]["timestamps"] == (1 if level == "B-LTA" else 0)


@pytest.mark.parametrize(
    "ident, pss, mechanism",
    [
        ("officer", True, "rsassa_pss"),
        ("officer", False, "sha256_rsa"),
        ("officer_ec", False, "sha256_ecdsa"),
    ],
)
def test_algorithms(
    pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path, ident: str, pss: bool, mechanism: str
) -> None:
    out = tmp_path / "algo.pdf"
    _sign(pki, ident, p12_env, sample_pdf, out, role="leader", pss=pss, visible=False)
    st = pyhanko_validate(pki, out)
    assert st[0].mechanism.startswith("sha256/")
    assert st[0].mechanism.endswith(mechanism)
    _all_good(pki, out, 1)
    assert_pdfsig_accepts(pki, out)


@pytest.mark.parametrize(
    "ident, reason",
    [
        ("expired", "expired"),
        ("not_yet_valid", "not_yet_valid"),
        ("revoked", "revoked"),
        ("wrong_usage", "wrong_usage"),
        ("untrusted", "untrusted"),
    ],
)
def test_bad_certificates_refused(
    pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path, ident: str, reason: str
) -> None:
    out = tmp_path / "refused.pdf"
    with pytest.raises(CertificateRejected) as info:
        _sign(pki, ident, p12_env, sample_pdf, out, role="leader", visible=False)
    assert info.value.details["reason"] == reason
    assert info.value.message_vi != info.value.message_en
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # DIGITIZE_HOME only: no partial file


def test_wrong_password(pki: TestPKI, sample_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WRONG_PW", "not-the-password")
    with pytest.raises(KeyAccessError) as info:
        open_key(P12Source(pki.officer.p12, "WRONG_PW"))
    assert "Sai mật khẩu" in info.value.message_vi and "wrong password" in info.value.message_en
    assert "not-the-password" not in info.value.one_line()
    monkeypatch.delenv("WRONG_PW")
    with pytest.raises(KeyAccessError):
        open_key(P12Source(pki.officer.p12, "WRONG_PW"))


def test_docmdp_no_changes_refuses_more_signatures(
    pki: TestPKI, p12_env: str, sample_pdf: Path, images: Images, tmp_path: Path
) -> None:
    locked = tmp_path / "locked.pdf"
    _sign(
        pki,
        "officer",
        p12_env,
        sample_pdf,
        locked,
        role="leader",
        certify=True,
        docmdp=1,
        signature_image=images.signature,
    )
    _all_good(pki, locked, 1)
    out = tmp_path / "more.pdf"
    with pytest.raises(SignatureNotAllowed):
        _sign(pki, "organization", p12_env, locked, out, role="organization", seal_image=images.seal)
    assert not out.exists()


def test_certify_must_be_first(pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.pdf"
    _sign(pki, "officer", p12_env, sample_pdf, first, role="leader", visible=False)
    with pytest.raises(SignatureNotAllowed):
        _sign(pki, "organization", p12_env, first, tmp_path / "x.pdf", role="copy", certify=True)
    assert not (tmp_path / "x.pdf").exists()


def test_batch_one_key_session(pki: TestPKI, sample_pdf: Path, tmp_path: Path, images: Images) -> None:
    prompts: list[str] = []

    def prompt(text: str) -> str:
        prompts.append(text)
        return pki.p12_password

    reqs = [SignRequest(sample_pdf, tmp_path / f"out-{i}.pdf") for i in range(4)]
    with open_key(P12Source(pki.officer.p12), prompt=prompt) as key:
        results = Signing(
            key,
            SignProfile(role="leader", signature_image=images.signature),
            load_trust_roots([pki.root_cert]),
        ).sign_many(reqs)
    assert len(prompts) == 1
    assert [r.output for r in results] == [r.output for r in reqs]
    assert len({r.sha256 for r in results}) == 4
    for r in reqs:
        _all_good(pki, r.output, 1)
    assert_pdfsig_accepts(pki, reqs[-1].output)


def test_not_a_pdf(pki: TestPKI, p12_env: str, tmp_path: Path) -> None:
    from digitize.errors import CorruptInput

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(CorruptInput):
        _sign(pki, "officer", p12_env, bad, tmp_path / "o.pdf", visible=False)
    assert not (tmp_path / "o.pdf").exists()


def test_pdfsig_without_ocsp_uses_the_nss_crls(
    pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path
) -> None:
    """digitize.tools.pdfsig.inspect(check_certificates=True) runs pdfsig -no-ocsp: the CRLs in the NSS DB."""
    from digitize.tools import pdfsig

    out = tmp_path / "offline.pdf"
    _sign(pki, "officer", p12_env, sample_pdf, out, role="leader", visible=False)
    (sig,) = pdfsig.inspect(out, nssdir=pki.nss_arg, check_certificates=True)
    assert sig.valid
    assert sig.certificate_validation == "Certificate is Trusted."


def test_tsa_unreachable(pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path) -> None:
    import socket

    from digitize.errors import ServiceUnavailable

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    out = tmp_path / "t.pdf"
    with pytest.raises(ServiceUnavailable):
        _sign(pki, "officer", p12_env, sample_pdf, out, level="B-T", tsa_url=dead, visible=False)
    assert not out.exists()


def test_seal_actual_size_over_left_third_of_signature(
    pki: TestPKI, p12_env: str, images: Images, sample_pdf: Path, tmp_path: Path
) -> None:
    """The 40 mm seal (PNG at 300 dpi) is drawn 40 mm wide and covers the left part of the blue signature."""
    import subprocess

    from PIL import Image

    leader, final = tmp_path / "l.pdf", tmp_path / "f.pdf"
    _sign(pki, "officer", p12_env, sample_pdf, leader, signature_image=images.signature)
    _sign(
        pki,
        "organization",
        p12_env,
        leader,
        final,
        role="organization",
        seal_image=images.seal,
        signature_image=images.signature,
    )
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-singlefile", str(final), str(tmp_path / "p")], check=True
    )
    im = Image.open(tmp_path / "p.png").convert("RGB")
    red = [
        (x, y)
        for x in range(im.width)
        for y in range(im.height)
        if (lambda p: p[0] > 150 and p[1] < 90 and p[2] < 90)(im.getpixel((x, y)))
    ]
    blue = [
        (x, y)
        for x in range(im.width)
        for y in range(im.height)
        if (lambda p: p[2] > 150 and p[0] < 90)(im.getpixel((x, y)))
    ]
    assert red and blue
    red_w = max(x for x, _ in red) - min(x for x, _ in red)
    assert 100 <= red_w <= 118  # 40 mm = 113.4 pt (the ring is drawn 8 px inside the 472 px image)
    bx1, bx2 = min(x for x, _ in blue), max(x for x, _ in blue)
    seal_right = max(x for x, _ in red)
    assert bx1 < seal_right < bx1 + (bx2 - bx1) / 2  # over the signature's left part, not its middle


def test_shows_time_lets_only_the_t_go() -> None:
    t = "2026-12-04T08:00:00+07:00"
    assert shows_time(t, "BẢN SAO\n2026-12-04108:00:00+07:00\n")  # CI's read of the 'T'
    assert shows_time(t, "2026-12-04T08:00:00+07:00")
    assert not shows_time(t, "2026-12-04T08:00:06+07:00")  # a digit wrong is not the time
    assert not shows_time(t, "2026-12-0408:00:00+07:00")  # nor one dropped
