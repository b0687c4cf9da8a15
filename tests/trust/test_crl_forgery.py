"""Hostile revocation lists: ``digitize trust refresh`` fetches CRLs over the network (usually plain HTTP)
and ``digitize trust crl import`` takes files carried in from elsewhere. One CRL is kept per issuer and the
newest by thisUpdate wins, so a forged list naming a known CA (any key, thisUpdate in 2090) would replace
the CA's real one for good and hide every revocation in it. Only what the CA's key signed is kept."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from digitize.cli import main
from digitize.config import reset_settings
from digitize.trust.crls import cached, refresh
from tests.security.listener import listener

NOW = dt.datetime.now(dt.UTC)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(crl_url: str, cn: str = "CA cấp dưới thử nghiệm") -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """An issuing CA (under a root of its own) whose CRL is published at ``crl_url``."""
    root_key, key = _key(), _key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name("Root thử nghiệm"))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)]
            ),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    return cert, key


def _crl(
    issuer: x509.Certificate, key: rsa.RSAPrivateKey, this_update: dt.datetime, revoked: int = 0
) -> bytes:
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject)
        .last_update(this_update)
        .next_update(this_update + dt.timedelta(days=7))
    )
    if revoked:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(revoked).revocation_date(NOW).build()
        )
    return b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout + result.stderr


def _revoked_serials() -> list[list[int]]:
    return [
        [e["user_certificate"].native for e in c["tbs_cert_list"]["revoked_certificates"]] for c in cached()
    ]


def test_refresh_keeps_only_what_the_ca_signed(tmp_path: Path) -> None:
    with listener() as served:
        ca, ca_key = _ca(served.url + "/ca.crl")
        (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        assert _run("trust", "add", str(tmp_path / "ca.pem"))[0] == 0
        served.body = _crl(ca, ca_key, NOW - dt.timedelta(minutes=5), revoked=42)
        asyncio.run(refresh())
        assert _revoked_serials() == [[42]]
        # a man in the middle (or the host of the distribution point) answers with a forged, newer list
        served.body = _crl(ca, _key(), dt.datetime(2090, 1, 1, tzinfo=dt.UTC))
        outcomes = asyncio.run(refresh())
        ours = [(o.fetched, o.kept, o.refused) for o in outcomes if "CA cấp dưới thử nghiệm" in o.subject]
        assert served.heard and ours == [(1, 0, 1)], outcomes
        assert _revoked_serials() == [[42]]  # the CA's own list, with its revocation, is still the one
        # the command says so, Vietnamese first, English too
        code, out = _run("trust", "refresh")
        line = next(x for x in out.splitlines() if "CA cấp dưới thử nghiệm" in x)
        assert code == 0
        vi, en = line.index("1 bị từ chối: chữ ký không khớp CA nào đã biết"), out.index("refused: signature")
        assert line.index("đã tải / fetched 1 CRL, 0 bản mới hơn được giữ / newer kept") < vi < en, line


def test_refresh_says_what_failed_in_both_languages(tmp_path: Path) -> None:
    ca, _ = _ca("http://crl.example.invalid/ca.crl")  # a host outside the allowed ones: never fetched
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    assert _run("trust", "add", str(tmp_path / "ca.pem"))[0] == 0
    code, out = _run("trust", "refresh")
    line = next(x for x in out.splitlines() if "CA cấp dưới thử nghiệm" in x)
    assert code == 0 and line.startswith("không tải được / failed ("), line
    assert cached() == []


def test_import_refuses_a_forged_list_of_a_known_ca(tmp_path: Path) -> None:
    ca, ca_key = _ca("http://crl.example.invalid/ca.crl")
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    assert _run("trust", "add", str(tmp_path / "ca.pem"))[0] == 0
    (tmp_path / "real.crl").write_bytes(_crl(ca, ca_key, NOW - dt.timedelta(minutes=5), revoked=42))
    (tmp_path / "forged.crl").write_bytes(_crl(ca, _key(), dt.datetime(2090, 1, 1, tzinfo=dt.UTC)))
    code, out = _run("trust", "crl", "import", str(tmp_path / "real.crl"))
    assert code == 0 and "verified by" in out, out
    code, out = _run("trust", "crl", "import", str(tmp_path / "forged.crl"))
    assert code == 65 and "does not verify" in out, out
    assert _revoked_serials() == [[42]]
    # a list of a CA nobody knows is still taken (the operator vouches for it), and says so
    other, other_key = _ca("http://crl.example.invalid/other.crl", "CA không ai biết")
    (tmp_path / "other.crl").write_bytes(_crl(other, other_key, NOW))
    code, out = _run("trust", "crl", "import", str(tmp_path / "other.crl"))
    assert code == 0 and "issuer not in the trust list" in out, out
    assert len(cached()) == 2


def test_refresh_follows_no_redirect_into_the_servers_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The distribution point (a host the operator allowed) answers with a redirect to an address inside the
    network (the metadata service, loopback): not followed."""
    with listener() as inside, listener(redirect_to=inside.url + "/latest/meta-data/") as dp:
        ca, _ = _ca(f"http://localhost:{dp.port}/ca.crl")
        (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        assert _run("trust", "add", str(tmp_path / "ca.pem"))[0] == 0
        monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "localhost")
        reset_settings()
        outcomes = asyncio.run(refresh())
        assert dp.heard, outcomes  # the allowed host was asked ...
        assert inside.heard == [] and cached() == []  # ... and its redirect not followed
